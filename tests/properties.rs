//! Property tests of the engine (issue 7), over arbitrary Unicode and over
//! real-looking articles: `summarize` never panics, and its answer keeps
//! every invariant in `tests/bad_input/support.rs` (spans inside the text
//! on char boundaries, sentences in order without overlap, chosen indices
//! ascending, unique, body sentences, no more than asked, facts pointing at
//! real sentences), for every `Length`; the same input gives the same
//! answer; and no letter or digit of the input is left out of the sentences.

#[path = "bad_input/support.rs"]
mod support;

use nutshell::engine::normalize::normalize;
use nutshell::engine::{summarize, Config, Length, Notice, SentenceRole, Summary};
use proptest::prelude::*;
use support::{article, check, lengths, Choices};

/// Pieces that matter to the engine: sentence ends, abbreviations, quotes,
/// line endings, odd spaces, invisible characters, other scripts, markup.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ". ",
    "!",
    "?",
    "...",
    "…",
    "。",
    "？",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    "‘",
    "’",
    " ‘We",
    "«",
    "»",
    "„",
    "(",
    ")",
    "Mr.",
    "Dr.",
    "U.S.",
    "a.m.",
    "Dec. 7",
    "3.5",
    "$4.2 billion",
    "No. 1",
    "J. R.",
    "The",
    "He",
    "however",
    "he said",
    "Ana Ruiz",
    "newsletter",
    "Sign up",
    "Advertisement",
    "By",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "\u{a0}",
    "\u{3000}",
    "\u{fffd}",
    "\u{0}",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "\u{202e}",
    "\u{200f}",
    "é",
    "e\u{301}",
    "ß",
    "İ",
    "ǅ",
    "👨‍👩‍👧",
    "🇺🇸",
    "😀",
    "東京都",
    "정부",
    "Москва",
    "مرحبا",
    "שלום",
    "१२३",
    "-",
    "* ",
    "1. ",
    "# ",
    "<script>",
    "onerror=",
    "&amp;",
    "http://x.example/a?b=c",
    "a@b.example",
];

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        (0usize..12).prop_map(Length::Sentences),
        any::<u8>().prop_map(Length::Percent),
        (0usize..400).prop_map(Length::Words),
    ]
}

/// Arbitrary characters mixed with the pieces above.
fn unicode_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        1 => prop::collection::vec(any::<char>(), 1..12).prop_map(String::from_iter),
        1 => "[a-z]{1,10}".prop_map(|w| w.to_owned()),
        4 => prop::sample::select(PIECES).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..160).prop_map(|pieces| pieces.concat())
}

/// ASCII characters mixed with the ASCII pieces above.
fn ascii_text() -> impl Strategy<Value = String> {
    let ascii: Vec<&str> = PIECES.iter().copied().filter(|p| p.is_ascii()).collect();
    let piece = prop_oneof![
        3 => (0u8..128).prop_map(|b| char::from(b).to_string()),
        1 => "[a-zA-Z0-9]{1,10}".prop_map(|w| w.to_owned()),
        4 => prop::sample::select(ascii).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..160).prop_map(|pieces| pieces.concat())
}

/// Real-looking articles: paragraphs, headings, furniture, quotes,
/// abbreviations, lists, hard wraps and `\r\n`, from the generator in
/// `support.rs` driven (and shrunk) by proptest's choices.
fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u32>(), 0..600)
        .prop_map(|choices| article(&mut Choices(&choices), usize::MAX))
}

fn summarize_with(text: &str, length: Length) -> Summary {
    summarize(
        text,
        &Config {
            length,
            ..Config::default()
        },
    )
}

/// The invariants, determinism, and the length promises one `length` makes.
fn check_all(text: &str, length: Length) {
    let summary = check(text, length);
    assert_eq!(
        summary,
        summarize_with(text, length),
        "two runs on the same text differ"
    );
    // A copy at another address gives the same answer too.
    let copy = text.to_owned();
    assert_eq!(summary, summarize_with(&copy, length));
    assert_letters_kept(text, &summary);
    if let Length::Sentences(n) = length {
        let n_candidates = summary
            .sentences
            .iter()
            .filter(|s| s.role == SentenceRole::Body && s.n_words > 0)
            .count();
        // Text without letters gets `NoWords` whatever its "words" (digits);
        // binary data decoded as text gets `NotText`: neither is summarised.
        let expected = if matches!(summary.notice, Some(Notice::NoWords | Notice::NotText)) {
            0
        } else {
            n.max(1).min(n_candidates)
        };
        assert_eq!(
            summary.chosen.len(),
            expected,
            "Sentences({n}) of {n_candidates} candidates"
        );
        if expected > 0 && n >= n_candidates {
            assert_eq!(summary.notice, Some(Notice::AlreadyShort));
        }
    }
}

/// Every letter and digit of the text lies inside some sentence: nothing
/// the person pasted silently drops out of the engine's view.
fn assert_letters_kept(text: &str, summary: &Summary) {
    let mut sentences = summary.sentences.iter().map(|s| s.span).peekable();
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        while sentences.peek().is_some_and(|s| s.end <= i) {
            sentences.next();
        }
        assert!(
            sentences.peek().is_some_and(|s| s.start <= i),
            "{c:?} at byte {i} is in no sentence"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn total_on_mixed_unicode(text in unicode_text(), length in length()) {
        check_all(&text, length);
    }

    #[test]
    fn total_on_arbitrary_strings(text in any::<String>(), length in length()) {
        check_all(&text, length);
    }

    #[test]
    fn total_on_unicode_pieces_with_every_length(text in unicode_text()) {
        for length in lengths() {
            check_all(&text, length);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// `summarize` reads a block's words off its sentences where
    /// `words_within_sentences` allows it: on any text, each such line's
    /// words are its sentences' words.
    #[test]
    fn block_words_are_its_sentences_words(
        text in prop_oneof![ascii_text(), unicode_text()]
    ) {
        use nutshell::engine::segment::{
            split_block_sentences, split_blocks, split_words, words_within_sentences,
        };
        for block in split_blocks(&text) {
            if !words_within_sentences(block.span.slice(&text)) {
                continue;
            }
            let whole: Vec<_> = split_words(&text, block.span).collect();
            let by_sentence: Vec<_> = split_block_sentences(&text, block.span)
                .into_iter()
                .flat_map(|s| split_words(&text, s))
                .collect();
            prop_assert_eq!(whole, by_sentence);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn articles_keep_every_invariant(text in article_text(), length in length()) {
        check_all(&text, length);
        for length in lengths() {
            check_all(&text, length);
        }
    }

    /// Real articles with enough sentences get a summary, not a notice.
    #[test]
    fn long_articles_get_a_summary(text in article_text()) {
        let summary = check(&text, Length::Sentences(3));
        let n_candidates = summary
            .sentences
            .iter()
            .filter(|s| s.role == SentenceRole::Body && s.n_words > 0)
            .count();
        if n_candidates > 3 {
            prop_assert_eq!(summary.notice, None);
            prop_assert_eq!(summary.chosen.len(), 3);
        }
    }
}

/// Whether normalisation drops `c` (see `src/engine/normalize.rs`).
fn is_dropped(c: char) -> bool {
    c != '\n'
        && (c.is_control()
            || matches!(
                c,
                '\u{00AD}' | '\u{200B}'
                    ..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' | '\u{FFFD}'
            ))
        && !matches!(c, '\r' | '\t' | '\u{000B}' | '\u{000C}' | '\u{0085}')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Every word of the normalised text maps back to the same word in the
    /// original, with at most the invisible characters normalisation dropped.
    #[test]
    fn normalized_words_map_back(text in unicode_text()) {
        let n = normalize(&text);
        let mut start = None;
        for (i, c) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
            match (start, c.is_alphanumeric()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let span = n.span_to_original(s, i);
                    let original = text.get(span.range()).expect("span on char boundaries");
                    let visible: String = original.chars().filter(|&c| !is_dropped(c)).collect();
                    prop_assert_eq!(&visible, &n.text[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
    }
}

/// Cases the properties found or that pin a promise; named after the case.
#[test]
fn regression_cases() {
    let table = [
        "",
        "\u{feff}",
        "\r\n\r\n",
        "a",
        ".",
        "Mr.",
        "U.S. U.S. U.S.",
        "\u{200b}.\u{200b}",
        "\u{fffd}a\u{fffd}.\u{fffd}",
        "e\u{301}.",
        "\"Why?\" he asked.",
        "“",
        "1. 2. 3.",
        "\u{85}a\u{2028}b",
        "\u{fffd}\u{7f}\u{7f}\u{e}\u{fffd}\0\u{e}\u{fffd}A",
    ];
    for text in table {
        for length in lengths() {
            check_all(text, length);
        }
    }
}
