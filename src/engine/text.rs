//! Text helpers the whole engine shares: letter tests that rule out
//! General Punctuation before the Unicode tables, lower-casing by ASCII
//! runs, the first byte beyond ASCII, and a text as ASCII runs and other
//! characters ([`pieces`]).

/// Whether `c` is in General Punctuation (U+2000–U+206F), where the quotes,
/// dashes and spaces of pasted text are: no letter, no digit and no case,
/// so the Unicode tables (a binary search that cost hundreds of
/// instructions per curly quote) need not be asked about it.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// `c.is_alphabetic()`, General Punctuation ruled out before the tables.
pub(crate) fn is_letter(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphabetic()
}

/// `c.is_alphanumeric()`, as fast as [`is_letter`] on General Punctuation.
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

/// The double quotation marks of the languages the engine reads, the ASCII
/// one first: `"`, “English”, „German“, «French». (Not `'`, `‘` or `’`:
/// they are apostrophes too, and each reader of quotes decides when one is
/// a quote mark.)
pub(crate) const QUOTE_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];

/// Whether `c` opens a quotation with a curly or angle mark (“, „, «).
/// (`"` opens and closes alike.)
pub(crate) fn opens_quotation(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

/// Whether `c` closes a quotation with a curly or angle mark (”, German “, »).
pub(crate) fn closes_quotation(c: char) -> bool {
    matches!(c, '”' | '“' | '»')
}

/// The English weekdays, capitalised as in running text.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` is an English weekday as written in running text ("Monday").
pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// Whether `word` is an English weekday in any case ("monday", "MONDAY").
pub(crate) fn is_weekday_any_case(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Where the first byte of `bytes` that is not ASCII is (`None`: all
/// ASCII), read eight bytes at a time: news pasted with curly quotes and
/// dashes is long runs of ASCII between them, and a byte-by-byte search of
/// those runs was most of the cost of the paths that handle such text.
pub(crate) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    super::swar::first_flagged(bytes, |x| x & super::swar::HIGH)
}

/// The length of `s`'s leading run of ASCII ([`first_non_ascii`]).
pub(crate) fn ascii_prefix_len(s: &str) -> usize {
    first_non_ascii(s.as_bytes()).unwrap_or(s.len())
}

/// A piece of a text as [`pieces`] gives it: a run of ASCII, or one other
/// character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Ascii(&'a str),
    Other(char),
}

/// `s` as runs of ASCII (each whole, never empty) and the other characters
/// one by one, in order: text with a curly apostrophe or an accent is still
/// mostly ASCII, which byte-wise work handles run by run.
pub(crate) fn pieces(s: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let ascii = ascii_prefix_len(rest);
        if ascii > 0 {
            let (run, after) = rest.split_at(ascii);
            rest = after;
            return Some(Piece::Ascii(run));
        }
        let mut chars = rest.chars();
        let c = chars.next()?;
        rest = chars.as_str();
        Some(Piece::Other(c))
    })
}

/// `s` lower-cased char by char: the engine's one lower case (see
/// [`push_lowercase`]).
pub(crate) fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lowercase(&mut out, s);
    out
}

/// Appends `s` lower-cased char by char (`char::to_lowercase`); ASCII takes
/// a byte-wise path, which was most of the cost of cleaning. It is
/// `str::to_lowercase` but for a capital sigma at a word's end, which stays
/// "σ" rather than "ς": the lower case only keys the engine's lookups (both
/// mentions of a name get the same key), and one lower case for every
/// caller keeps `str::to_lowercase`'s 4 KB of code out of the page.
pub(crate) fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Runs of ASCII byte-wise, other characters one by one (text with a
    // curly apostrophe or an accent is still mostly ASCII).
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = ascii_prefix_len(rest);
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            // (No search of the case tables for a character with no case.)
            if is_general_punctuation(c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            rest = chars.as_str();
        }
    }
}

/// `word` lower-cased in `buf`, without allocating: `None` when it is not
/// ASCII or longer than `N` bytes (for lookups in short-word tables).
pub(crate) fn ascii_lower_in<'b, const N: usize>(
    word: &[u8],
    buf: &'b mut [u8; N],
) -> Option<&'b str> {
    if word.len() > N || !word.is_ascii() {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// What a character beyond ASCII is to the byte-wise rules that read text
/// with accents, curly quotes and dashes on an ASCII stand-in of it: the
/// sentence bounds (`segment::ascii_sentences`), the words (`segment`) and
/// the facts' tokens (`facts::tokens`). One table of the characters; each
/// rule set's view ([`StandIn::sentence_byte`], [`StandIn::word_byte`],
/// [`StandIn::token_byte`]) gives the ASCII byte its rules treat alike, or
/// none (the text then takes the general path).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StandIn {
    /// A Latin letter of U+00C0–U+024F with a small form...
    LatinLower,
    /// ... a capital ...
    LatinUpper,
    /// ... or neither (titlecase "ǅ", "ƻ").
    LatinUncased,
    /// `‘`: an apostrophe to the words, a quotation mark to the others.
    LeftSingleQuote,
    /// `’`: the curly apostrophe, which joins letters and digits as `'` does.
    Apostrophe,
    /// The other quotation marks.
    Quote,
    /// En and em dashes.
    Dash,
    /// Typographic signs and symbols that join nothing, in every view.
    Sign,
    /// `·`, `′`, `″`: signs to the sentences and tokens; not in the words' view.
    MidSign,
    /// `½`, `¼`, `¾`: signs to the sentences; numbers to the words and tokens.
    Fraction,
    /// Whitespace beyond ASCII (in the original text the tokens read).
    Space,
}

/// The [`StandIn`] kind of `c`, if it has one (`None` for ASCII).
pub(crate) fn stand_in(c: char) -> Option<StandIn> {
    Some(match c {
        '\u{C0}'..='\u{24F}' if c.is_alphabetic() => {
            if c.is_lowercase() {
                StandIn::LatinLower
            } else if c.is_uppercase() {
                StandIn::LatinUpper
            } else {
                StandIn::LatinUncased
            }
        }
        '‘' => StandIn::LeftSingleQuote,
        '’' => StandIn::Apostrophe,
        '‚' | '‛' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' => {
            StandIn::Quote
        }
        '–' | '—' => StandIn::Dash,
        '…' | '•' | '£' | '€' | '¥' | '¢' | '°' | '©' | '®' | '™' | '§' | '¶' | '†' | '‡' | '×'
        | '÷' | '±' => StandIn::Sign,
        '·' | '′' | '″' => StandIn::MidSign,
        '½' | '¼' | '¾' => StandIn::Fraction,
        _ if !c.is_ascii() && c.is_whitespace() => StandIn::Space,
        _ => return None,
    })
}

impl StandIn {
    /// The byte of the sentence rules' class (UAX #29): a letter with its
    /// case, a quotation mark (Close), a dash (SContinue), any other sign
    /// (Other).
    pub(crate) fn sentence_byte(self) -> Option<u8> {
        match self {
            StandIn::LatinLower => Some(b'a'),
            StandIn::LatinUpper => Some(b'A'),
            StandIn::LeftSingleQuote | StandIn::Apostrophe | StandIn::Quote => Some(b'"'),
            StandIn::Dash => Some(b'-'),
            StandIn::Sign | StandIn::MidSign | StandIn::Fraction => Some(b'#'),
            StandIn::LatinUncased | StandIn::Space => None,
        }
    }

    /// The byte of the word rules' class (UAX #29): letters run on as `a`,
    /// curly apostrophes join as `'`, other signs join nothing (`#`).
    pub(crate) fn word_byte(self) -> Option<u8> {
        match self {
            StandIn::LatinLower | StandIn::LatinUpper | StandIn::LatinUncased => Some(b'a'),
            StandIn::LeftSingleQuote | StandIn::Apostrophe => Some(b'\''),
            StandIn::Quote | StandIn::Dash | StandIn::Sign => Some(b'#'),
            StandIn::MidSign | StandIn::Fraction | StandIn::Space => None,
        }
    }

    /// The byte the facts' tokenizer treats alike: a space, `'` for the
    /// curly apostrophe, `Q`/`q` for a letter with or without a capital
    /// (letters of no abbreviation), `#` (no rule) for other punctuation
    /// and signs.
    pub(crate) fn token_byte(self) -> Option<u8> {
        match self {
            StandIn::Space => Some(b' '),
            StandIn::Apostrophe => Some(b'\''),
            StandIn::LatinUpper => Some(b'Q'),
            StandIn::LatinLower | StandIn::LatinUncased => Some(b'q'),
            StandIn::LeftSingleQuote
            | StandIn::Quote
            | StandIn::Dash
            | StandIn::Sign
            | StandIn::MidSign => Some(b'#'),
            StandIn::Fraction => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testutil::{for_every_string_over, for_mixed_strings};

    /// The marks that open or close a quotation are the quote marks beyond
    /// ASCII, all of them: the summary's quotation rules and the quote
    /// finder read the same marks.
    #[test]
    fn quote_marks_are_those_that_open_or_close() {
        let curly: Vec<char> = ('\u{80}'..='\u{FFFF}')
            .filter(|&c| opens_quotation(c) || closes_quotation(c))
            .collect();
        let mut listed = QUOTE_MARKS[1..].to_vec();
        listed.sort_unstable();
        assert_eq!(curly, listed);
        assert_eq!(QUOTE_MARKS[0], '"');
        assert!(!QUOTE_MARKS.iter().any(|&c| matches!(c, '\'' | '‘' | '’')));
    }

    /// The eight-bytes-at-a-time search finds the first byte beyond ASCII
    /// on strings of every mix of ASCII, controls and other characters.
    #[test]
    fn first_non_ascii_is_the_bytewise_search() {
        for_mixed_strings(|s| {
            let expected = s.bytes().position(|b| !b.is_ascii());
            assert_eq!(first_non_ascii(s.as_bytes()), expected, "{s:?}");
        });
    }

    /// General Punctuation, which `push_lowercase` copies, has no case.
    #[test]
    fn general_punctuation_has_no_case() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(is_general_punctuation(c));
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        let mut out = String::new();
        push_lowercase(&mut out, "“ÉTÉ” — Ça’S");
        assert_eq!(out, "“été” — ça’s");
    }

    /// The letter tests are the `char` methods on every character.
    #[test]
    fn letter_tests_are_the_char_methods() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// Lower-casing by ASCII runs gives `char::to_lowercase` of every
    /// character: every string of up to 4 over capitals and small letters
    /// in and out of ASCII (with `İ`, which lower-cases to two
    /// characters, and final `Σ`), a curly apostrophe and a digit.
    #[test]
    fn push_lowercase_is_char_lowercase() {
        let alphabet = ["a", "Z", "1", " ", "é", "É", "İ", "Σ", "ß", "’", "Д"];
        for_every_string_over(&alphabet, 4, |s| {
            let mut ours = String::from("x");
            push_lowercase(&mut ours, s);
            let expected: String = s.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(ours, format!("x{expected}"), "{s:?}");
        });
    }

    /// The three views of a few characters: (sentence, word, token) bytes.
    #[test]
    fn stand_in_views() {
        let views =
            |c: char| stand_in(c).map(|k| (k.sentence_byte(), k.word_byte(), k.token_byte()));
        let byte = |b: u8| Some(b);
        assert_eq!(views('é'), Some((byte(b'a'), byte(b'a'), byte(b'q'))));
        assert_eq!(views('É'), Some((byte(b'A'), byte(b'a'), byte(b'Q'))));
        assert_eq!(views('ǅ'), Some((None, byte(b'a'), byte(b'q'))));
        assert_eq!(views('’'), Some((byte(b'"'), byte(b'\''), byte(b'\''))));
        assert_eq!(views('‘'), Some((byte(b'"'), byte(b'\''), byte(b'#'))));
        assert_eq!(views('“'), Some((byte(b'"'), byte(b'#'), byte(b'#'))));
        assert_eq!(views('—'), Some((byte(b'-'), byte(b'#'), byte(b'#'))));
        assert_eq!(views('€'), Some((byte(b'#'), byte(b'#'), byte(b'#'))));
        assert_eq!(views('·'), Some((byte(b'#'), None, byte(b'#'))));
        assert_eq!(views('½'), Some((byte(b'#'), None, None)));
        assert_eq!(views('\u{a0}'), Some((None, None, byte(b' '))));
        assert_eq!(views('×'), Some((byte(b'#'), byte(b'#'), byte(b'#'))));
        for c in ['a', ' ', '\'', 'Д', '東'] {
            assert_eq!(views(c), None, "{c:?}");
        }
    }
}
