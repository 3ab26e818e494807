//! Normalisation: a cleaned copy of the pasted text that still maps back to
//! the original bytes.
//!
//! Pasted text brings `\r\n` line endings, no-break and other odd spaces,
//! zero-width characters, soft hyphens and stray control characters. The rest
//! of the pipeline works on [`Normalized::text`], where line endings are `\n`,
//! every space-like character is `' '`, and invisible characters are gone.
//! [`Normalized::to_original`] maps any position in it back to the original,
//! so spans shown to the user always point at what they pasted.

/// The normalised text plus the checkpoints of its offset map.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// `(normalised offset, original offset)` pairs, sorted, one wherever the
    /// distance between the two changes. Between checkpoints the distance
    /// is constant.
    checkpoints: Vec<(usize, usize)>,
    original_len: usize,
}

enum Replacement {
    Keep,
    Drop,
    With(char),
}

/// Whether `c` breaks a line: `\n`, and what normalising makes `\n`
/// (`\r`, the Unicode line and paragraph separators, vertical tab, form
/// feed, next line).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' | '\u{0085}'
    )
}

fn replacement(c: char) -> Replacement {
    match c {
        '\n' => Replacement::Keep,
        c if is_line_break(c) => Replacement::With('\n'),
        '\t'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Replacement::With(' '),
        '\u{00AD}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{180E}'
        | '\u{FFFD}' => Replacement::Drop,
        c if c.is_control() => Replacement::Drop,
        _ => Replacement::Keep,
    }
}

/// Whether normalising `text` keeps every character: `text.chars().all(|c|
/// matches!(c, ' '..='~' | '\n') || matches!(replacement(c), Replacement::Keep))`,
/// with runs of printable ASCII and '\n' checked 32 bytes at a time (no
/// decoding, no call for them) and only the characters between them decoded.
fn keeps_every_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    let plain = |b: u8| (0x20..0x7f).contains(&b) | (b == b'\n');
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + 32) {
            if block.iter().fold(true, |all, &b| all & plain(b)) {
                i += 32;
                continue;
            }
        }
        if plain(bytes[i]) {
            i += 1;
            continue;
        }
        // (`i` is on a character boundary: only whole characters are
        // stepped over.)
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if !matches!(replacement(c), Replacement::Keep) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Normalises `text`; see the module docs for what changes.
pub fn normalize(text: &str) -> Normalized {
    // Fast path: most pastes need nothing, and then the map is the identity.
    // In ASCII only the control characters other than '\n' change (that
    // includes '\t' and '\r'), so bytes are checked without decoding.
    // (Printable ASCII and '\n' only is checked a block of bytes at a
    // time, which compiles to a few instructions per block.)
    let plain = text.as_bytes().chunks(32).all(|block| {
        block.iter().fold(true, |plain, &b| {
            plain & ((0x20..0x7f).contains(&b) | (b == b'\n'))
        })
    });
    let unchanged = if plain {
        true
    } else if text.is_ascii() {
        false
    } else {
        keeps_every_char(text)
    };
    if unchanged {
        return Normalized {
            text: text.to_owned(),
            checkpoints: vec![(0, 0)],
            original_len: text.len(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut checkpoints = vec![(0, 0)];
    let bytes = text.as_bytes();
    let mut idx = 0;
    while idx < text.len() {
        // A run of what stays as it is (printable ASCII and '\n') is
        // copied whole; the characters between runs one by one.
        let run = bytes[idx..]
            .iter()
            .position(|&b| !((0x20..0x7f).contains(&b) || b == b'\n'))
            .unwrap_or(text.len() - idx);
        out.push_str(&text[idx..idx + run]);
        idx += run;
        let Some(c) = text[idx..].chars().next() else {
            break;
        };
        idx += push_normalized(
            &mut out,
            &mut checkpoints,
            idx,
            c,
            bytes.get(idx + 1) == Some(&b'\n'),
        );
    }
    Normalized {
        text: out,
        checkpoints,
        original_len: text.len(),
    }
}

/// Appends character `c` (at byte `idx` of the original; `lf_follows`:
/// a '\n' comes next) to `out` as normalised, with a checkpoint when the
/// distance between the two texts changes; returns the original bytes
/// it took ("\r\n" is one line ending: two).
fn push_normalized(
    out: &mut String,
    checkpoints: &mut Vec<(usize, usize)>,
    idx: usize,
    c: char,
    lf_follows: bool,
) -> usize {
    let before = out.len();
    let mut consumed = c.len_utf8();
    match replacement(c) {
        Replacement::Keep => out.push(c),
        Replacement::Drop => {}
        Replacement::With(r) => {
            if c == '\r' && lf_follows {
                consumed += 1;
            }
            out.push(r);
        }
    }
    if out.len() - before != consumed {
        checkpoints.push((out.len(), idx + consumed));
    }
    consumed
}

/// What [`normalize`] did a character at a time (before it copied runs
/// of plain ASCII whole): its reference in the tests.
#[cfg(test)]
fn normalize_by_chars(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut checkpoints = vec![(0, 0)];
    let mut iter = text.char_indices().peekable();
    while let Some((idx, c)) = iter.next() {
        let lf_follows = iter.peek().map(|&(_, n)| n) == Some('\n');
        if push_normalized(&mut out, &mut checkpoints, idx, c, lf_follows) > c.len_utf8() {
            iter.next();
        }
    }
    (out, checkpoints)
}

impl Normalized {
    /// The original byte offset of normalised offset `pos` (clamped to the
    /// text). A position inside a replaced character maps to its start.
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(n, _)| n <= pos);
        let (n, o) = self.checkpoints[i.saturating_sub(1)];
        (o + (pos - n)).min(self.original_len)
    }

    /// Maps a normalised span to the original text. The end maps to the end
    /// of the last kept character, so dropped invisible characters after a
    /// sentence do not become part of it.
    pub fn span_to_original(&self, start: usize, end: usize) -> super::Span {
        if end <= start {
            let s = self.to_original(start);
            return super::Span::new(s, s);
        }
        let last_char_start = self.text[..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        let last_len = self.text[last_char_start..end].len();
        let orig_start = self.to_original(start);
        let orig_last = self.to_original(last_char_start);
        // A kept char maps one-to-one; a replaced one (e.g. "\r\n" -> "\n")
        // may be longer in the original, which only line endings are, and
        // sentence spans never end in one.
        super::Span::new(orig_start, (orig_last + last_len).min(self.original_len))
    }
}

#[cfg(test)]
mod tests {

    /// The blocked check keeps what the char-by-char one keeps, on
    /// strings of every mix of ASCII, controls and other characters.
    #[test]
    fn blocked_check_matches_the_char_by_char_one() {
        crate::engine::testutil::for_mixed_strings(|s| {
            let keeps = s.chars().all(|c| {
                matches!(c, ' '..='~' | '\n')
                    || matches!(super::replacement(c), super::Replacement::Keep)
            });
            assert_eq!(super::keeps_every_char(s), keeps, "{s:?}");
        });
    }
    use super::*;

    /// Copying runs of plain ASCII whole gives what the character-by-
    /// character rewrite gave: the text and every checkpoint, on every
    /// string of up to 4 characters over what is kept, replaced and
    /// dropped (a text that needs no change returns early, so each string
    /// is checked after a tab, which always needs one).
    #[test]
    fn runs_copied_whole_match_the_char_rewrite() {
        let alphabet = [
            "a", " ", "\n", "\r", "\t", "\u{a0}", "\u{ad}", "\u{200b}", "é", "\u{7}", "\u{2028}",
            "\u{fffd}",
        ];
        crate::engine::testutil::for_every_string_over(&alphabet, 4, |s| {
            let text = format!("\t{s}");
            let n = normalize(&text);
            assert_eq!(
                (n.text, n.checkpoints),
                normalize_by_chars(&text),
                "{text:?}"
            );
        });
    }

    fn check(input: &str, expected: &str) {
        let n = normalize(input);
        assert_eq!(n.text, expected, "normalising {input:?}");
    }

    /// The fast check keeps a text exactly when every character is kept.
    #[test]
    fn unchanged_exactly_when_every_character_is_kept() {
        crate::engine::testutil::for_every_string(b"a \n\t\r\x07\x1f\x7f~", 5, |s| {
            let kept = s
                .chars()
                .all(|c| matches!(replacement(c), Replacement::Keep));
            assert_eq!(normalize(s).text == s, kept, "{s:?}");
        });
        let long = "word ".repeat(40) + "\u{7}";
        assert_ne!(normalize(&long).text, long);
        assert_eq!(normalize(&"plain ".repeat(40)).text, "plain ".repeat(40));
    }

    #[test]
    fn replaces_and_drops() {
        let table = [
            ("plain text", "plain text"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("no\u{a0}break", "no break"),
            ("zero\u{200b}width", "zerowidth"),
            ("soft\u{ad}hyphen", "softhyphen"),
            ("\u{feff}bom", "bom"),
            ("tab\there", "tab here"),
            ("bell\u{7}", "bell"),
        ];
        for (input, expected) in table {
            check(input, expected);
        }
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let input = "\u{feff}Hello\r\nwor\u{200b}ld\u{a0}again";
        let n = normalize(input);
        assert_eq!(n.text, "Hello\nworld again");
        for word in ["Hello", "world", "again"] {
            let start = n.text.find(word).unwrap();
            let span = n.span_to_original(start, start + word.len());
            let original = span.slice(input).replace('\u{200b}', "");
            assert_eq!(original, word);
        }
    }

    /// The ASCII fast path keeps exactly the characters `replacement` keeps.
    #[test]
    fn ascii_fast_path_agrees_with_the_table() {
        for b in 0u8..128 {
            let c = b as char;
            let input = format!("a{c}b");
            let kept = matches!(replacement(c), Replacement::Keep);
            assert_eq!(normalize(&input).text == input, kept, "byte {b:#04x}");
        }
    }

    #[test]
    fn identity_when_clean() {
        let n = normalize("Nothing to change here.");
        assert_eq!(n.to_original(7), 7);
        assert_eq!(n.to_original(1000), 23);
    }
}
