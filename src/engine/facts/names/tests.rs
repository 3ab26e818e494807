//! The names' tests.

use super::super::tokens::Letters;
use super::*;

/// A token's lower case, or `None` when it is its own: the engine's one
/// lower case (`char::to_lowercase` of each character, `text::lowercase`),
/// on every string of up to 3 characters over capitals, small and
/// title-case letters, sigmas and marks.
#[test]
fn lower_into_is_str_lowercase() {
    let alphabet = [
        "a", "Z", "'", "é", "É", "ǅ", "Σ", "σ", "İ", "’", "“", "ß", "1",
    ];
    crate::engine::testutil::for_every_string_over(&alphabet, 3, |s| {
        let text = format!("x {s}");
        let token = Token {
            span: Span::new(2, text.len()),
            kind: TokenKind::Word,
            capitalised: false,
            letters: Letters::of(s),
        };
        let mut arena = String::from("..");
        let ours = lower_into(&text, token, &mut arena).map(|(a, b)| arena[a..b].to_owned());
        let lower: String = s.chars().flat_map(char::to_lowercase).collect();
        let expected = (lower != *s).then_some(lower);
        assert_eq!(ours, expected, "{s:?}");
    });
}

/// The byte search finds what `rsplit_once('-')` finds.
#[test]
fn compound_adjective_by_bytes() {
    let pieces = ["-", "a", "B", "é", "É", "—", "1"];
    crate::engine::testutil::for_every_string_over(&pieces, 4, |w| {
        let by_split = w
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
        assert_eq!(is_compound_adjective(w), by_split, "{w:?}");
    });
}

/// `token_all_caps` is `is_all_caps` of the token's text, on every
/// token of every string of up to 4 characters over capitals, small
/// letters, a digit, a full stop and letters beyond ASCII.
#[test]
fn token_all_caps_is_is_all_caps() {
    let alphabet = ["A", "b", "1", ".", "É", "ß", " "];
    crate::engine::testutil::for_every_string_over(&alphabet, 4, |s| {
        let mut tokens = Vec::new();
        super::super::tokens::tokenize_into(
            s,
            Span::new(0, s.len()),
            &mut tokens,
            &mut Default::default(),
        );
        for t in tokens {
            assert_eq!(
                token_all_caps(s, t),
                is_all_caps(t.span.slice(s)),
                "{s:?} {t:?}"
            );
        }
    });
}

#[test]
fn word_lists_are_sorted() {
    for list in WORD_LISTS {
        let words: Vec<&str> = list.words.iter().collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "{:?}", words.first());
    }
}

/// The legal forms are sorted (they are binary-searched) and are
/// organisation suffixes; the kinds of person, sorted, are run roles.
#[test]
fn legal_forms_and_person_kinds_are_sorted_sublists() {
    assert!(LEGAL_FORMS.windows(2).all(|w| w[0] < w[1]));
    assert!(TRAILING_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    for w in LEGAL_FORMS {
        assert!(in_list(ORG_SUFFIXES, w), "{w}");
    }
    assert!(PERSON_KINDS.windows(2).all(|w| w[0] < w[1]));
    for w in PERSON_KINDS {
        assert!(in_list(RUN_ROLES, w), "{w}");
    }
}

/// Each list has its own bit, and a word is found in exactly the lists
/// that hold it.
#[test]
fn word_list_bits() {
    for (i, list) in WORD_LISTS.iter().enumerate() {
        assert_eq!(list.bit, 1 << i);
    }
    for list in WORD_LISTS {
        for w in list.words.iter() {
            for other in WORD_LISTS {
                let in_other = other.words.iter().any(|o| o == w);
                assert_eq!(in_list(other, w), in_other, "{w:?}");
            }
        }
    }
    assert!(!in_list(TITLES, "zebra") && in_list(PARTICLES, "van"));
}

/// The gazetteers through the one word table: every place with its
/// kind, every given name and surname, and words in none of them.
#[test]
fn gazetteer_lookups() {
    let place = |key| place_of(word_bits(key));
    let places = gazetteer::places();
    for &(name, kind) in &places {
        assert_eq!(place(name), Some(kind), "{name:?}");
    }
    let is_given_name = |w| word_bits(w) & GIVEN_NAME != 0;
    let is_surname = |w| word_bits(w) & SURNAME != 0;
    for name in gazetteer::given_names() {
        assert!(is_given_name(name), "{name:?}");
    }
    for name in gazetteer::surnames() {
        assert!(is_surname(name), "{name:?}");
    }
    assert_eq!(place("france"), Some(PlaceKind::Country));
    assert_eq!(place("moscow"), Some(PlaceKind::Town));
    assert_eq!(place("new york"), Some(PlaceKind::Region));
    // A word-list entry is no place; a place is no given name.
    assert_eq!(place("said"), None);
    assert_eq!(place("mr"), None);
    assert!(is_given_name("james") && !is_given_name("paris"));
    assert!(is_surname("johnson") && !is_surname("france"));
}

/// A line in capitals with numbers is a table row, and a line of
/// capitalised words with commas a list: both are read for names, not
/// matched back as headlines.
#[test]
fn line_mode_tables_in_capitals_and_lists() {
    let cases = [
        ("BALTIMORE 70 61 .534 4 1/2", Mode::Table),
        ("ST LOUIS 67 60 .528", Mode::Table),
        ("LONDON 1996-08-30", Mode::Shouting),
        ("RUGBY UNION - MULDER OUT OF SECOND TEST.", Mode::Shouting),
        (
            "Goalkeepers - Andreas Koepke, Oliver Kahn, Oliver Reck",
            Mode::Table,
        ),
        ("Clinton, Dole Trade Barbs Over Taxes", Mode::Title),
        ("Premier to Visit Paris in June", Mode::Title),
        ("Smith met Jones in Paris on Monday.", Mode::Prose),
    ];
    for (line, mode) in cases {
        let mut tokens = Vec::new();
        super::super::tokens::tokenize_into(
            line,
            Span::new(0, line.len()),
            &mut tokens,
            &mut Default::default(),
        );
        assert_eq!(
            line_mode(line, &tokens, Language::English),
            mode,
            "{line:?}"
        );
    }
}

/// A name's first or last word that the text writes in small letters ends
/// no person's name, unless it is a surname (or, first, a given name or a
/// particle).
#[test]
fn common_words_end_no_names() {
    let lower = |w: &str| matches!(w, "now" | "plan" | "smith" | "interactive" | "van" | "john");
    assert!(has_common_end_word("buy now", &lower));
    assert!(has_common_end_word("timed-nutrition meal plan", &lower));
    assert!(has_common_end_word("interactive bafta", &lower));
    assert!(!has_common_end_word("anna berg", &lower));
    // ("smith" is in the surnames' gazetteer, "john" in the given names'.)
    assert!(word_bits("smith") & SURNAME != 0);
    assert!(!has_common_end_word("john smith", &lower));
    assert!(!has_common_end_word("van gaal", &lower));
    let lower = |w: &str| w == "mark";
    assert!(!has_common_end_word("mark zuckerberg", &lower));
    assert!(WORD_GIVEN_NAMES.windows(2).all(|w| w[0] < w[1]));
}
