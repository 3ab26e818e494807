//! The learned last word on a name's type: a softmax over PER, ORG, LOC,
//! MISC and "no name", read from the rules' answer and votes, a few facts
//! about the name and its document ([`FEATURES`]), and its words and
//! neighbours ([`LEX_TEMPLATES`], hashed into [`LEX_BUCKETS`] buckets of
//! which only the fitted ones are kept). Every mention of one entity (a
//! name and the short forms linked to it: "Yasser Arafat", "Arafat") adds
//! its scores (log-probabilities up to a constant), so a document types an
//! entity once. The weights
//! (`typer/weights.rs`) are fitted on CoNLL-2003 train by
//! `scripts/fit_name_typer.py`, which says how they were chosen; the rules
//! find the names' boundaries, the typer only re-types or drops them.

mod weights;

use weights::{LEX, LEX_KEPT, LEX_SCALE, WEIGHTS};

/// The typer's classes: the rules' four types (`PER`..`MISC` in
/// `names.rs`), then "no name".
pub(super) const N_CLASSES: usize = 5;
pub(super) const NONE: usize = 4;

/// The features, each with its meaning, in the order of a row
/// ([`Row`]) and of the weights.
pub const FEATURES: [(&str, &str); N_FEATURES] = [
    ("bias", "1"),
    ("rule_per", "the rules typed it a person"),
    ("rule_org", "the rules typed it an organisation"),
    ("rule_loc", "the rules typed it a place"),
    ("rule_misc", "the rules typed it another name"),
    (
        "rule_none",
        "the rules dropped it (a lone title, an unknown sentence-initial word)",
    ),
    (
        "votes_per",
        "the document's summed person votes for its key, /5, within -1..2",
    ),
    ("votes_org", "the same for organisation"),
    ("votes_loc", "the same for place"),
    ("votes_misc", "the same for another name"),
    ("strong", "some vote is strong evidence (STRONG)"),
    (
        "linked",
        "a short form of a person's full name in the document",
    ),
    ("one_word", "one word"),
    ("two_words", "two words"),
    ("three_words", "three words or more"),
    ("sentence_start", "it opens its sentence"),
    ("all_caps", "its first word is in capitals (an acronym)"),
    ("table_line", "its line reads as a table row or list"),
    (
        "table_doc",
        "the share of the document's lines that read as table rows",
    ),
    (
        "place_table_doc",
        "a gazetteer place, times the table share (teams named after towns)",
    ),
    ("country", "its key is a country in the gazetteer"),
    ("region", "its key is a region"),
    ("town", "its key is a town"),
    ("given_first", "its first word is a given name"),
    ("surname_last", "its last word is a surname"),
    ("known_org", "its key is a known organisation"),
    (
        "word_is_place",
        "one of its words (not the whole) is a place",
    ),
    (
        "repeated",
        "its key is found at least twice in the document",
    ),
    ("digit", "it holds a digit"),
    ("hyphen", "it holds a hyphen"),
    ("full_stop", "it holds a full stop (\"U.S.\", \"Corp.\")"),
    (
        "lower_elsewhere",
        "its first word is written in small letters elsewhere",
    ),
    ("role_only", "a title or role alone (\"President\")"),
    (
        "people_word",
        "a nationality or people word starts or ends it",
    ),
    ("org_suffix", "its last word is an organisation suffix"),
    ("org_head", "its first word is an organisation head"),
    ("particle", "it holds a name particle (\"van\", \"bin\")"),
    ("connector", "it holds \"of\", \"and\", \"for\" or \"&\""),
    (
        "prev_number",
        "the token before it is a number (\"5 Boston\")",
    ),
    (
        "next_number",
        "the token after it is a number (\"Oakland 4\")",
    ),
    (
        "numbers_line",
        "its line holds two numbers or more (results, standings)",
    ),
];
pub const N_FEATURES: usize = 41;

/// The word features, each a template and the word it reads (lower case),
/// hashed with its template's index ([`lex_bucket`]).
pub const LEX_TEMPLATES: [(&str, &str); N_LEX] = [
    ("first", "its first word"),
    ("last", "its last word"),
    ("prev", "the word before it"),
    ("next", "the word after it"),
    ("prev2", "the word two before it"),
    ("suffix", "the last three letters of its last word"),
    ("shape", "its words' shapes (Xx, X, X., x, 9), run together"),
];
pub const N_LEX: usize = 7;
/// Word features are hashed into this many buckets (a power of two).
pub const LEX_BUCKETS: u32 = 1 << 14;

/// One candidate's features: the dense ones in [`FEATURES`] order, and its
/// word features' buckets in [`LEX_TEMPLATES`] order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub dense: [f32; N_FEATURES],
    pub lex: [u32; N_LEX],
}

/// The bucket of word `word` read by template `template`: FNV-1a (32 bits)
/// of the template's index byte and the word's bytes, masked.
pub(super) fn lex_bucket(template: usize, word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in std::iter::once(template as u8).chain(word.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & (LEX_BUCKETS - 1)
}

/// The classes' scores for one candidate: their log-probabilities but for
/// one constant (the log of the softmax's sum), the same for every class,
/// so that summed over a name's candidates they pick what summed
/// log-probabilities pick, without an `exp` or `ln` (nor their code in the
/// page).
pub(super) fn scores(row: &Row) -> [f32; N_CLASSES] {
    let mut scores = [0.0f32; N_CLASSES];
    for (score, weights) in scores.iter_mut().zip(&WEIGHTS) {
        *score = weights.iter().zip(&row.dense).map(|(w, x)| w * x).sum();
    }
    for &bucket in &row.lex {
        // (The kept buckets are sorted: a binary search.)
        if let Ok(k) = LEX_KEPT.binary_search_by_key(&bucket, |&b| u32::from(b)) {
            for (score, &w) in scores.iter_mut().zip(&LEX[k]) {
                *score += f32::from(w) * LEX_SCALE;
            }
        }
    }
    scores
}

/// The class with the highest summed score (ties to the earlier class).
pub(super) fn best(sum: &[f32; N_CLASSES]) -> usize {
    let mut best = 0;
    for (class, &v) in sum.iter().enumerate() {
        if v > sum[best] {
            best = class;
        }
    }
    best
}
