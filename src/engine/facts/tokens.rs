//! Word, number and punctuation tokens of one sentence, as byte spans into
//! the original text. Abbreviation dots ("Mr.", "U.S.", "Inc.") stay on
//! their word; a possessive "'s" is split off ("Putin's" → "Putin", "'s").

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
}

/// Words that keep a following full stop (lower-cased, without the dot).
const DOT_WORDS: &[&str] = &[
    "adm", "apr", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "dr", "feb", "fr", "ft", "gen", "gov", "hon", "inc", "insp", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof",
    "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// Splits `span` of `text` into tokens (spans stay on char boundaries).
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.slice(text);
    let base = span.start.min(text.len());
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (base + i, c)).collect();
    let end_at = |k: usize| chars.get(k).map_or(base + s.len(), |&(i, _)| i);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(chars[k].0, end_at(k + 1)),
                kind: TokenKind::Punct,
            });
            k += 1;
            continue;
        }
        let first = k;
        let numeric = c.is_numeric();
        k += 1;
        while let Some(&(_, c)) = chars.get(k) {
            if c.is_alphanumeric() {
                k += 1;
                continue;
            }
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let prev_digit = chars[k - 1].1.is_ascii_digit();
            let joins = match c {
                '\'' | '’' => {
                    let possessive = next.is_some_and(|n| n == 's' || n == 'S')
                        && !chars.get(k + 2).is_some_and(|&(_, n)| n.is_alphanumeric());
                    next_alnum && !possessive
                }
                '-' | '&' | '.' => next_alnum,
                ',' | ':' | '/' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            k += 1;
        }
        // A trailing full stop that belongs to the word.
        if !numeric && chars.get(k).is_some_and(|&(_, c)| c == '.') {
            let word = &text[chars[first].0..end_at(k)];
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let dotted = word.contains('.') && !word.ends_with('.');
            let lower = word.to_lowercase();
            if single_initial || dotted || DOT_WORDS.binary_search(&lower.as_str()).is_ok() {
                k += 1;
            }
        }
        out.push(Token {
            span: Span::new(chars[first].0, end_at(k)),
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let tokens = tokenize(input, Span::new(0, input.len()));
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

    #[test]
    fn dot_words_are_sorted() {
        assert!(DOT_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
