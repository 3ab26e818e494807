//! UAX #29 sentence boundaries for ASCII text, without table lookups.
//!
//! unicode-segmentation's sentence iterator looks every character's class
//! up in a table of ranges; on news text (most of it plain ASCII) that was
//! a tenth of `summarize`. In ASCII the classes are few and fixed, so the
//! rules (SB3–SB11) can be applied directly. The result is exactly what
//! `split_sentence_bound_indices` gives: the tests compare the two on every
//! short string over an alphabet of one character per class, and on
//! longer random ones.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// Each ASCII byte's class, looked up (a `match` per byte was not inlined).
static CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> Class {
    CLASSES[usize::from(b & 0x7F)]
}

const fn class_of(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

/// The first byte of `b` that is a full stop, `!`, `?`, carriage return or
/// line feed (the classes ATerm, STerm, CR, LF of ASCII), found eight bytes
/// at a time: a byte equal to one of them is a zero byte of the word XORed
/// with it, and the lowest flagged byte of the zero-byte test is always a
/// true one (a false flag can only sit above a true zero, from its borrow).
fn next_stop(b: &[u8]) -> Option<usize> {
    use super::super::swar::{first_flagged, HIGH, ONES};
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    first_flagged(b, |x| {
        [b'.', b'!', b'?', b'\r', b'\n']
            .iter()
            .fold(0, |hits, &c| hits | zero_bytes(x ^ (ONES * u64::from(c))))
    })
}

fn is_para_sep(c: Class) -> bool {
    matches!(c, Class::Cr | Class::Lf)
}

/// Where the left context stands after a sentence terminator:
/// `SATerm Close* Sp*`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Term,
    Close,
    Sp,
}

/// The sentences of ASCII `text` as `(offset, piece)`, like
/// `split_sentence_bound_indices`. (Text that is not ASCII gives one piece.)
pub(crate) fn ascii_sentences(text: &str) -> AsciiSentences<'_> {
    AsciiSentences {
        text,
        pos: 0,
        stop: (0, false),
        ascii: text.is_ascii(),
    }
}

pub(crate) struct AsciiSentences<'a> {
    text: &'a str,
    pos: usize,
    /// SB8's look-ahead, remembered: from any position up to `.0` the first
    /// character that ends the skip is at `.0`, and `.1` says whether it is
    /// lower case. Keeps the look-ahead linear on long runs of digits.
    stop: (usize, bool),
    ascii: bool,
}

impl AsciiSentences<'_> {
    /// SB8: skipping characters that are none of OLetter, Upper, Lower,
    /// ParaSep and SATerm from `i`, is the next one lower case?
    fn lower_follows(&mut self, i: usize) -> bool {
        if i > self.stop.0 || self.stop.0 == 0 {
            let b = self.text.as_bytes();
            let mut k = i;
            while k < b.len()
                && !matches!(
                    class(b[k]),
                    Class::Upper
                        | Class::Lower
                        | Class::Cr
                        | Class::Lf
                        | Class::ATerm
                        | Class::STerm
                )
            {
                k += 1;
            }
            self.stop = (k, k < b.len() && class(b[k]) == Class::Lower);
        }
        self.stop.1
    }

    /// The end of the sentence that starts at `start`.
    fn next_break(&mut self, start: usize) -> usize {
        let b = self.text.as_bytes();
        // (kind of terminator, phase, whether the terminator follows a letter)
        let mut term: Option<(Class, Phase, bool)> = None;
        let mut prev_letter = false;
        let mut i = start;
        while i + 1 < b.len() {
            i += 1;
            let p = class(b[i - 1]);
            let c = class(b[i]);
            // The left context, updated with the character before `i`.
            term = match (p, term) {
                (Class::ATerm | Class::STerm, _) => Some((p, Phase::Term, prev_letter)),
                (Class::Close, Some((k, Phase::Term | Phase::Close, l))) => {
                    Some((k, Phase::Close, l))
                }
                (Class::Sp, Some((k, _, l))) => Some((k, Phase::Sp, l)),
                _ => None,
            };
            prev_letter = matches!(p, Class::Upper | Class::Lower);
            if p == Class::Cr && c == Class::Lf {
                continue; // SB3
            }
            if is_para_sep(p) {
                return i; // SB4
            }
            let Some((kind, phase, after_letter)) = term else {
                // SB998. With no terminator behind, nothing changes until
                // one (or a paragraph separator) comes: go straight to it,
                // as the next character to stand before a position.
                match next_stop(&b[i..]) {
                    Some(k) => {
                        // The loop goes on at `i + k + 1`, with the letter
                        // test of the character before that one's.
                        prev_letter = matches!(class(b[i + k - 1]), Class::Upper | Class::Lower);
                        i += k;
                        continue;
                    }
                    None => return b.len(),
                }
            };
            let aterm = kind == Class::ATerm;
            if aterm && phase == Phase::Term && c == Class::Numeric {
                continue; // SB6
            }
            if aterm && phase == Phase::Term && after_letter && c == Class::Upper {
                continue; // SB7
            }
            if aterm && self.lower_follows(i) {
                continue; // SB8
            }
            if matches!(c, Class::SContinue | Class::ATerm | Class::STerm) {
                continue; // SB8a
            }
            if phase != Phase::Sp && (c == Class::Close || c == Class::Sp || is_para_sep(c)) {
                continue; // SB9
            }
            if c == Class::Sp || is_para_sep(c) {
                continue; // SB10
            }
            return i; // SB11
        }
        b.len()
    }
}

impl<'a> Iterator for AsciiSentences<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let end = if self.ascii {
            self.next_break(start)
        } else {
            self.text.len()
        };
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

/// The sentences of `text` as [`ascii_sentences`] finds them in an ASCII
/// stand-in of it, when it has one: every character ASCII, or a Latin
/// letter (U+00C0–U+024F, upper or lower case), or one of the typographic
/// marks of [`stand_in`]. Each byte of such a character becomes an ASCII
/// byte of its sentence class, so offsets are the same in both texts; a
/// class repeated reads as the class once in every rule (`Close*`, `Sp*`,
/// a letter before a full stop), and no rule breaks between two
/// characters of one class, so no bound falls inside a character. `None`
/// when some character has no stand-in (the caller takes the Unicode
/// tables).
pub(crate) fn stand_in_sentences(text: &str) -> Option<Vec<(usize, &str)>> {
    let mut proxy = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            proxy.push(c as u8);
        } else {
            let b = stand_in(c)?;
            proxy.extend(std::iter::repeat_n(b, c.len_utf8()));
        }
    }
    let proxy = String::from_utf8(proxy).ok()?;
    let pieces = ascii_sentences(&proxy)
        .map(|(start, piece)| text.get(start..start + piece.len()).map(|p| (start, p)))
        .collect();
    pieces
}

/// An ASCII byte of `c`'s sentence class (UAX #29), for the characters
/// that news text brings besides ASCII ([`StandIn::sentence_byte`](super::super::text::StandIn::sentence_byte)).
pub(crate) fn stand_in(c: char) -> Option<u8> {
    super::super::text::stand_in(c)?.sentence_byte()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The eight-byte search finds the first stop a byte-wise search finds,
    /// on pseudo-random ASCII strings of every length to 40 (any byte below
    /// 128, and a stop a quarter of the time).
    #[test]
    fn next_stop_is_the_first_stop() {
        let mut next = crate::engine::testutil::random_numbers(9);
        for len in 0..=40 {
            for _ in 0..500 {
                let s: Vec<u8> = (0..len)
                    .map(|_| match next() % 4 {
                        0 => b".!?\r\n"[next() as usize % 5],
                        _ => (next() % 128) as u8,
                    })
                    .collect();
                let expected = s
                    .iter()
                    .position(|&x| matches!(x, b'.' | b'!' | b'?' | b'\r' | b'\n'));
                assert_eq!(next_stop(&s), expected, "{s:?}");
            }
        }
    }

    /// `c` after a word, after a full stop, before a capital, between
    /// sentences, after a question mark, before a digit, at the end.
    fn contexts(c: char) -> [String; 8] {
        [
            format!("ab{c} cd"),
            format!("ab.{c} cd"),
            format!("ab.{c}Cd"),
            format!("ab. {c}Cd"),
            format!("ab!{c} Cd"),
            format!("ab. {c} cd"),
            format!("Ab.{c}1"),
            format!("x.{c}"),
        ]
    }

    fn check(t: &str) {
        let ours: Vec<(usize, &str)> = ascii_sentences(t).collect();
        let uax29: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
        assert_eq!(ours, uax29, "splitting {t:?}");
    }

    #[test]
    fn table() {
        for t in [
            "",
            "Hello there. How are you? Fine! Thanks.",
            "Mr. Smith went to Washington. He said \"Stop.\" Then left.",
            "U.S. troops arrived at 5 p.m. on Monday. etc. and so on.",
            "The value is 3.5. Really (yes.) [no!] {maybe?} 'quoted.' Next",
            "Line one\nLine two\r\nLine three\rLine four.\n\nNew para.",
            "Wait... what?! No - really: yes; ok. 1. 2. a. b. A. B.",
            "He said: \"Why?\" she asked. ( ok ) . . . ! ? ,",
            "Tab\tthen. \tSpace\x0bvt.\x0cff. e.g. i.e. vs. No. 5 Dec. 7",
        ] {
            check(t);
        }
    }

    /// Every string of up to 5 characters over one character of each class
    /// (and a second of the busiest ones).
    #[test]
    fn matches_uax29_on_every_short_string() {
        crate::engine::testutil::for_every_string(b"\r\n \taZ1.!\")-,#", 5, check);
    }

    /// Longer strings from a fixed pseudo-random sequence (no randomness at
    /// run time: the same strings every run).
    #[test]
    fn matches_uax29_on_long_strings() {
        let alphabet = b"\r\n  \taaabZZ19..!?\"')(,;-:#*$";
        let mut next = crate::engine::testutil::random_numbers(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let mut s = Vec::new();
            for _ in 0..40 {
                s.push(alphabet[next() as usize % alphabet.len()]);
            }
            check(std::str::from_utf8(&s).unwrap_or(""));
        }
    }

    /// The stand-in gives the Unicode tables' sentences: every string of
    /// up to 4 characters over a character of each ASCII class and the
    /// typographic marks, and every stand-in character in context.
    #[test]
    fn stand_in_matches_uax29() {
        let check = |t: &str| {
            let uax29: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            assert_eq!(stand_in_sentences(t), Some(uax29), "splitting {t:?}");
        };
        let alphabet = [
            "\n", " ", "a", "Z", "1", ".", "!", "\"", ",", "#", "’", "“", "—", "é", "É", "…", "£",
        ];
        crate::engine::testutil::for_every_string_over(&alphabet, 4, check);
        let all = ('\u{80}'..='\u{2FFF}').filter(|&c| stand_in(c).is_some());
        for c in all {
            for t in contexts(c) {
                check(&t);
            }
            check(&format!("{c}{c}. {c}{c}"));
            check(&format!("x{c}.{c} y"));
        }
        assert_eq!(stand_in_sentences("Jour. Ça va ? Да."), None);
    }

    /// Each ASCII byte's class, as the Unicode tables have it: a byte
    /// between two lower-case words breaks or joins as UAX #29 says.
    #[test]
    fn every_ascii_byte_in_context() {
        for b in 0u8..=127 {
            for t in contexts(char::from(b)) {
                check(&t);
            }
        }
    }
}
