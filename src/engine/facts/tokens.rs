//! Word, number and punctuation tokens of one sentence, as byte spans into
//! the original text. Abbreviation dots ("Mr.", "U.S.", "Inc.") stay on
//! their word; a possessive "'s" is split off ("Putin's" → "Putin", "'s").

use super::super::abbreviations;
use super::super::text::{ascii_lower_in, pieces, Piece};
use super::super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// A word whose first character is a capital (the names' rules ask
    /// this of each token many times).
    pub capitalised: bool,
    /// The case of its letters, seen while tokenizing ([`Letters::of`]).
    pub letters: Letters,
}

/// What a token's letters are, for the rules that read case: whether the
/// token is ASCII and, when it is, whether it has a capital, a small letter
/// and at least two letters. The tokenizer sees every byte of a word once;
/// these save the case rules a second and third pass over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letters(u8);

impl Letters {
    const ASCII: u8 = 1;
    const UPPER: u8 = 2;
    const LOWER: u8 = 4;
    const TWO: u8 = 8;

    /// The flags of token text `s` (what the ASCII tokenizer computes as it
    /// goes; the other tokenizers call this).
    pub(crate) fn of(s: &str) -> Letters {
        if !s.is_ascii() {
            return Letters(0);
        }
        let b = s.as_bytes();
        let mut f = Letters::ASCII;
        if b.iter().any(u8::is_ascii_uppercase) {
            f |= Letters::UPPER;
        }
        if b.iter().any(u8::is_ascii_lowercase) {
            f |= Letters::LOWER;
        }
        if b.iter()
            .filter(|c| c.is_ascii_alphabetic())
            .nth(1)
            .is_some()
        {
            f |= Letters::TWO;
        }
        Letters(f)
    }

    /// Flags from the OR of a word's [`ASCII_CLASSES`] and its number of
    /// letters.
    fn from_classes(seen: u8, n_letters: usize) -> Letters {
        let mut f = Letters::ASCII;
        if seen & UPPER != 0 {
            f |= Letters::UPPER;
        }
        if seen & LOWER != 0 {
            f |= Letters::LOWER;
        }
        if n_letters >= 2 {
            f |= Letters::TWO;
        }
        Letters(f)
    }

    /// Every character is ASCII (the other answers are only for ASCII).
    pub(crate) fn ascii(self) -> bool {
        self.0 & Letters::ASCII != 0
    }

    /// An ASCII capital letter.
    pub(crate) fn upper(self) -> bool {
        self.0 & Letters::UPPER != 0
    }

    /// An ASCII small letter.
    pub(crate) fn lower(self) -> bool {
        self.0 & Letters::LOWER != 0
    }

    /// At least two ASCII letters.
    pub(crate) fn two(self) -> bool {
        self.0 & Letters::TWO != 0
    }
}

/// The buffers of [`tokenize_stand_in_into`], kept from one sentence to the
/// next: two allocations for a document, not two for each sentence with a
/// curly quote.
#[derive(Default)]
pub(crate) struct Scratch {
    stand_in: Vec<u8>,
    shifts: Vec<(usize, usize)>,
}

/// Splits `span` of `text` into tokens (spans stay on char boundaries),
/// appended to `out` (one vector for every sentence of a document).
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>, scratch: &mut Scratch) {
    let s = span.slice(text);
    let base = span.start.min(text.len());
    if s.is_ascii() {
        tokenize_ascii_into(s.as_bytes(), base, out);
    } else {
        if !tokenize_stand_in_into(s, base, out, scratch) {
            out.extend(tokenize_any(s, base));
        }
    }
}

/// [`tokenize_any`] for a sentence whose characters are ASCII or have an
/// ASCII stand-in ([`token_stand_in`]), appended to `out`: the ASCII
/// tokenizer on the stand-in text, one byte per character, with the
/// tokens' spans moved back onto the sentence's bytes. `false`, and
/// nothing appended, when a character has no stand-in.
fn tokenize_stand_in_into(
    s: &str,
    base: usize,
    out: &mut Vec<Token>,
    scratch: &mut Scratch,
) -> bool {
    let Scratch { stand_in, shifts } = scratch;
    stand_in.clear();
    // From each of these stand-in positions on, the sentence is this many
    // bytes longer (the characters before it that took more than one).
    shifts.clear();
    for piece in pieces(s) {
        match piece {
            Piece::Ascii(run) => stand_in.extend_from_slice(run.as_bytes()),
            Piece::Other(c) => {
                let Some(b) = token_stand_in(c) else {
                    return false;
                };
                stand_in.push(b);
                let extra = shifts.last().map_or(0, |&(_, e)| e) + c.len_utf8() - 1;
                shifts.push((stand_in.len(), extra));
            }
        }
    }
    // (Token bounds only grow, so the shift in force is found by walking.)
    let mut k = 0;
    let mut at = |i: usize| {
        while shifts.get(k).is_some_and(|&(from, _)| from <= i) {
            k += 1;
        }
        base + i + k.checked_sub(1).map_or(0, |k| shifts[k].1)
    };
    let first = out.len();
    tokenize_ascii_into(stand_in, 0, out);
    for t in &mut out[first..] {
        let span = Span::new(at(t.span.start), at(t.span.end));
        // A token no longer than its stand-in is ASCII, its bytes the
        // stand-in's, and so its letters; any other holds a character
        // beyond ASCII.
        if span.len() != t.span.len() {
            t.letters = Letters(0);
        }
        t.span = span;
    }
    true
}

/// [`tokenize_stand_in_into`] on its own: `None` when a character has no
/// stand-in.
#[cfg(test)]
fn tokenize_stand_in(s: &str, base: usize) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    tokenize_stand_in_into(s, base, &mut out, &mut Scratch::default()).then_some(out)
}

/// An ASCII byte that the tokenizer's rules treat as they treat `c` (not
/// ASCII): its [`StandIn::token_byte`](super::super::text::StandIn::token_byte).
fn token_stand_in(c: char) -> Option<u8> {
    super::super::text::stand_in(c)?.token_byte()
}

/// [`tokenize_any`] for an ASCII sentence `s` (at `base` in the text): the
/// same rules on bytes, where every byte is a character and the `char`
/// tests are their ASCII forms (most news is ASCII; decoding was most of
/// the tokenizer's time).
#[cfg(test)]
fn tokenize_ascii(s: &[u8], base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(s.len() / 4 + 2);
    tokenize_ascii_into(s, base, &mut out);
    out
}

/// [`tokenize_ascii`], appended to `out`.
fn tokenize_ascii_into(s: &[u8], base: usize, out: &mut Vec<Token>) {
    let n = s.len();
    let class = |p: usize| s.get(p).map_or(0, |&b| ASCII_CLASSES[usize::from(b)]);
    let mut p = 0;
    while p < n {
        let c = ASCII_CLASSES[usize::from(s[p])];
        if c & SPACE != 0 {
            p += 1;
            continue;
        }
        if c & ALNUM == 0 {
            out.push(Token {
                span: Span::new(base + p, base + p + 1),
                kind: TokenKind::Punct,
                capitalised: false,
                letters: Letters(Letters::ASCII),
            });
            p += 1;
            continue;
        }
        let first = p;
        let numeric = c & DIGIT != 0;
        // The OR of the word's byte classes, and its letters.
        let mut seen = c;
        let mut n_letters = usize::from(c & LETTER != 0);
        p += 1;
        loop {
            while p < n {
                let c = ASCII_CLASSES[usize::from(s[p])];
                if c & ALNUM == 0 {
                    break;
                }
                seen |= c;
                n_letters += usize::from(c & LETTER != 0);
                p += 1;
            }
            if p >= n {
                break;
            }
            // What stands before `s[p]` is a letter or digit: a joiner is
            // only taken with one after it.
            let joins = match s[p] {
                b'\'' => {
                    let possessive =
                        matches!(s.get(p + 1), Some(b's' | b'S')) && class(p + 2) & ALNUM == 0;
                    class(p + 1) & ALNUM != 0 && !possessive
                }
                b'-' | b'&' | b'.' => class(p + 1) & ALNUM != 0,
                b',' | b':' | b'/' => s[p - 1].is_ascii_digit() && class(p + 1) & DIGIT != 0,
                _ => false,
            };
            if !joins {
                break;
            }
            p += 1;
        }
        if !numeric && s.get(p) == Some(&b'.') && ascii_keeps_full_stop(&s[first..p]) {
            p += 1;
        }
        out.push(word_token(
            Span::new(base + first, base + p),
            numeric,
            s[first].is_ascii_uppercase(),
            Letters::from_classes(seen, n_letters),
        ));
    }
}

/// Byte classes for [`tokenize_ascii`]: whitespace (`char::is_whitespace`
/// on ASCII: tab to carriage return, space), letter or digit, digit, and
/// the letters: capital, small.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const DIGIT: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;
const LETTER: u8 = UPPER | LOWER;

static ASCII_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Any sentence `s` (at `base` in the text).
fn tokenize_any(s: &str, base: usize) -> Vec<Token> {
    // Positions are byte offsets into `s`; the char at, after or before one
    // is decoded where it is needed (no per-sentence vector of chars).
    // (An ASCII byte at a char boundary is that char: no decoding.)
    let bytes = s.as_bytes();
    let at = |p: usize| match bytes.get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(p..).and_then(|r| r.chars().next()),
        None => None,
    };
    let after = |p: usize| at(p).and_then(|c| at(p + c.len_utf8()));
    let mut out = Vec::with_capacity(s.len() / 4 + 2);
    let mut p = 0;
    while let Some(c) = at(p) {
        let next_p = p + c.len_utf8();
        if c.is_whitespace() {
            p = next_p;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(base + p, base + next_p),
                kind: TokenKind::Punct,
                capitalised: false,
                letters: Letters::of(&s[p..next_p]),
            });
            p = next_p;
            continue;
        }
        let first = p;
        let first_char = c;
        let numeric = c.is_numeric();
        let mut prev = c;
        p = next_p;
        while let Some(c) = at(p) {
            if c.is_alphanumeric() {
                prev = c;
                p += c.len_utf8();
                continue;
            }
            let next = after(p);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let prev_digit = prev.is_ascii_digit();
            let joins = match c {
                '\'' | '’' => {
                    let possessive = next.is_some_and(|n| n == 's' || n == 'S')
                        && !after(p + c.len_utf8()).is_some_and(char::is_alphanumeric);
                    next_alnum && !possessive
                }
                '-' | '&' | '.' => next_alnum,
                ',' | ':' | '/' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            prev = c;
            p += c.len_utf8();
        }
        // A trailing full stop that belongs to the word.
        if !numeric && at(p) == Some('.') && keeps_full_stop(&s[first..p]) {
            p += 1;
        }
        out.push(word_token(
            Span::new(base + first, base + p),
            numeric,
            first_char.is_uppercase(),
            Letters::of(&s[first..p]),
        ));
    }
    out
}

/// Whether a full stop right after `word` is part of it: an initial
/// ("J."), a dotted abbreviation ("U.S."), or an abbreviation whose full stop it keeps.
fn keeps_full_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let dotted = word.contains('.') && !word.ends_with('.');
    single_initial || dotted || is_dot_word(word.as_bytes())
}

/// [`keeps_full_stop`] for an ASCII word, on its bytes (no UTF-8 check, no
/// `char` decoding: one word in six or so is followed by a full stop).
fn ascii_keeps_full_stop(word: &[u8]) -> bool {
    let single_initial = matches!(word, [c] if c.is_ascii_uppercase());
    let dotted = word.contains(&b'.') && word.last() != Some(&b'.');
    single_initial || dotted || is_dot_word(word)
}

/// A word or number token; `upper_first`: its first character is a capital.
fn word_token(span: Span, numeric: bool, upper_first: bool, letters: Letters) -> Token {
    Token {
        span,
        kind: if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        },
        capitalised: !numeric && upper_first,
        letters,
    }
}

/// Whether `word` (any case) is an abbreviation whose full stop the token
/// keeps ([`abbreviations::keeps_full_stop`]).
fn is_dot_word(word: &[u8]) -> bool {
    ascii_lower_in(word, &mut [0u8; 8]).is_some_and(abbreviations::keeps_full_stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII tokenizer gives what the general one gives (spans, kinds
    /// and the [`Letters`] it counts as it goes), on every
    /// string of up to 5 characters over letters (with `s`), a digit,
    /// whitespace and each punctuation mark that has a rule, and on longer
    /// pseudo-random strings over more of them.
    #[test]
    fn ascii_full_stop_rule_is_the_general_one() {
        crate::engine::testutil::for_every_string(b"aAmMrRsS.1-'", 4, |w| {
            assert_eq!(
                ascii_keeps_full_stop(w.as_bytes()),
                keeps_full_stop(w),
                "{w:?}"
            );
        });
        for w in [
            "Mr", "mrs", "Prof", "Sept", "Corp", "U.S", "A", "Messrs", "vs",
        ] {
            assert_eq!(
                ascii_keeps_full_stop(w.as_bytes()),
                keeps_full_stop(w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn ascii_tokens_match_the_general_tokens() {
        let same = |s: &str| {
            assert_eq!(tokenize_ascii(s.as_bytes(), 3), tokenize_any(s, 3), "{s:?}");
        };
        crate::engine::testutil::for_every_string(b"aMs1 '.-,", 5, same);
        crate::engine::testutil::for_every_string(b"Sd9&:/\t!", 4, same);
        let alphabet = b"aAsS19 \t\n\x0b'.-&,:/!\"(mrMRjaJAincINC";
        pseudo_random_strings(
            11,
            |i, s| s.push(char::from(alphabet[i % alphabet.len()])),
            same,
        );
    }

    /// Calls `f` with 20,000 strings of 8 to 39 pieces, each piece appended
    /// by `piece` from a pseudo-random number (a fixed sequence from `seed`:
    /// the same strings every run).
    fn pseudo_random_strings(
        seed: u64,
        mut piece: impl FnMut(usize, &mut String),
        mut f: impl FnMut(&str),
    ) {
        let mut next = crate::engine::testutil::random_numbers(seed);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(next() >> 26) + 8 {
                piece(next() as usize, &mut s);
            }
            f(&s);
        }
    }

    /// The stand-in path gives what the general one gives: every string of
    /// up to 4 characters over letters in and out of ASCII, a digit, the
    /// joiners, curly quotes, a dash and a no-break space; pseudo-random
    /// longer ones; and every character with a stand-in in context.
    #[test]
    fn stand_in_tokens_match_the_general_tokens() {
        let same = |s: &str| {
            assert_eq!(tokenize_stand_in(s, 3), Some(tokenize_any(s, 3)), "{s:?}");
        };
        let alphabet = [
            "a", "M", "s", "1", " ", "'", ".", "-", ",", "é", "É", "’", "‘", "“", "—", "\u{a0}",
        ];
        crate::engine::testutil::for_every_string_over(&alphabet, 4, same);
        let more = [
            "Mr", "Jr", "U", "S", "é", "Ö", "ß", "’", "“", "”", "–", "€", "&", ":", "/", "9",
        ];
        pseudo_random_strings(
            7,
            |i, s| {
                s.push_str(if i % 3 == 0 {
                    more[i % more.len()]
                } else {
                    alphabet[i % alphabet.len()]
                })
            },
            same,
        );
        for c in ('\u{80}'..='\u{2FFF}').filter(|&c| token_stand_in(c).is_some()) {
            for t in [
                format!("a{c}b"),
                format!("{c}s x"),
                format!("J{c}. Mr{c}. 1{c}2"),
                format!("{c}{c}"),
            ] {
                same(&t);
            }
        }
        assert_eq!(tokenize_stand_in("x ½ y", 0), None);
    }

    fn check(input: &str, expected: &[&str]) {
        let mut tokens = Vec::new();
        tokenize_into(
            input,
            Span::new(0, input.len()),
            &mut tokens,
            &mut Scratch::default(),
        );
        let got: Vec<&str> = tokens.iter().map(|t| t.span.slice(input)).collect();
        assert_eq!(got, expected, "tokenizing {input:?}");
    }

    #[test]
    fn token_table() {
        check(
            "Mr. Putin's aide met U.S. envoys.",
            &[
                "Mr.", "Putin", "'", "s", "aide", "met", "U.S.", "envoys", ".",
            ],
        );
        check(
            "$3.4 billion, 2,000 troops at 9:30 on 1996-08-30.",
            &[
                "$",
                "3.4",
                "billion",
                ",",
                "2,000",
                "troops",
                "at",
                "9:30",
                "on",
                "1996-08-30",
                ".",
            ],
        );
        check(
            "Keith O'Neill of AT&T, Jean-Jacques and J. Smith.",
            &[
                "Keith",
                "O'Neill",
                "of",
                "AT&T",
                ",",
                "Jean-Jacques",
                "and",
                "J.",
                "Smith",
                ".",
            ],
        );
        check(
            "Größe „Köln“ – 5 €",
            &["Größe", "„", "Köln", "“", "–", "5", "€"],
        );
        check("", &[]);
    }

    /// The abbreviations whose full stop a token keeps, in any case.
    #[test]
    fn dot_words_in_any_case() {
        for w in ["mr", "Mr", "MRS", "dec", "Messrs"] {
            assert!(is_dot_word(w.as_bytes()), "{w}");
        }
        for w in ["", "m", "mrss", "vol", "messrsx", "mr\0", "Mré"] {
            assert!(!is_dot_word(w.as_bytes()), "{w}");
        }
    }
}
