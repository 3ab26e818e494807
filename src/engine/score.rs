//! Scoring: how summary-worthy each body sentence is.
//!
//! A weighted sum of a few features that the news-summarisation literature
//! found to carry most of the signal without a trained model:
//! - **centrality**: cosine of the sentence's TF-IDF vector with the
//!   document's centroid (what the whole article is about);
//! - **position**: a prior that decays with the sentence's rank among body
//!   sentences (the lead matters, but is not all);
//! - **title**: cosine with the title or first heading, when there is one;
//! - **length**: fragments and run-ons are rarely good summary sentences;
//! - penalties for questions to the reader and quotes with no speaker.
//!
//! The weights are named below with the measurement that chose them.

use super::language::Language;
use super::terms::{self, SparseVec};
use super::{Sentence, SentenceRole, Span};

/// Weights of the scoring features; `Weights::default()` is the tuned set.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Weights {
    pub centrality: f32,
    pub position: f32,
    /// Candidates ranked this far from the start keep half the position prior.
    pub position_half: f32,
    pub title: f32,
    pub length: f32,
    pub question_penalty: f32,
    pub quote_penalty: f32,
    /// Subtracted when a sentence opens with a reference ("He", "This",
    /// "However") and the sentence before it is not chosen.
    pub dangling_penalty: f32,
    /// MMR trade-off: how much similarity to already chosen sentences costs.
    pub redundancy: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            centrality: 1.0,
            position: 1.0,
            position_half: 3.0,
            title: 0.3,
            length: 0.3,
            question_penalty: 0.5,
            quote_penalty: 0.2,
            dangling_penalty: 0.2,
            redundancy: 0.5,
        }
    }
}

/// Sentences shorter than this many words are fragments for scoring.
pub const MIN_SENTENCE_WORDS: usize = 6;
/// Sentences longer than this many words start to lose the length prior.
pub const MAX_SENTENCE_WORDS: usize = 55;

pub struct Scores {
    /// One score per sentence; 0 for sentences that are not candidates.
    pub scores: Vec<f32>,
    /// The TF-IDF vector of each sentence (empty for non-candidates).
    pub vectors: Vec<SparseVec>,
    /// Whether each sentence opens with a reference to what came before.
    pub dangling: Vec<bool>,
}

pub fn is_candidate(s: &Sentence) -> bool {
    s.role == SentenceRole::Body && s.n_words > 0
}

/// Scores every sentence; `norm_spans` are the sentences' spans in the
/// normalised `text`, parallel to `sentences`.
pub fn score_sentences(
    text: &str,
    norm_spans: &[Span],
    sentences: &[Sentence],
    language: Language,
    weights: &Weights,
) -> Scores {
    let (term_lists, n_terms) = terms::sentence_terms(text, norm_spans, language);
    let docs: Vec<&[u32]> = term_lists.iter().map(Vec::as_slice).collect();
    let idf = terms::idf(&docs, n_terms);
    let vectors: Vec<SparseVec> = term_lists
        .iter()
        .zip(sentences)
        .map(|(t, s)| {
            if s.role == SentenceRole::Boilerplate {
                Vec::new()
            } else {
                terms::tfidf(t, &idf)
            }
        })
        .collect();
    let centroid = terms::centroid(
        vectors
            .iter()
            .zip(sentences)
            .filter(|(_, s)| is_candidate(s))
            .map(|(v, _)| v),
        n_terms,
    );
    let title = sentences
        .iter()
        .zip(&vectors)
        .take_while(|(s, _)| s.role != SentenceRole::Body)
        .find(|(s, _)| s.role == SentenceRole::Heading)
        .map(|(_, v)| v);

    let mut scores = vec![0f32; sentences.len()];
    let mut dangling = vec![false; sentences.len()];
    let mut rank = 0usize;
    for (i, s) in sentences.iter().enumerate() {
        if !is_candidate(s) {
            continue;
        }
        let sentence_text = norm_spans[i].slice(text);
        let position = 1.0 / (1.0 + rank as f32 / weights.position_half);
        rank += 1;
        let centrality = terms::dot(&vectors[i], &centroid);
        let title_sim = title.map_or(0.0, |t| terms::dot(&vectors[i], t));
        let length = length_prior(s.n_words);
        let mut score = weights.centrality * centrality
            + weights.position * position
            + weights.title * title_sim
            + weights.length * length;
        if is_question(sentence_text) {
            score -= weights.question_penalty;
        }
        if is_bare_quote(sentence_text) {
            score -= weights.quote_penalty;
        }
        scores[i] = score;
        dangling[i] = opens_with_reference(sentence_text, language);
    }
    Scores {
        scores,
        vectors,
        dangling,
    }
}

/// 1 for sentences of a comfortable length, falling towards 0 for fragments
/// and run-ons.
fn length_prior(n_words: usize) -> f32 {
    if n_words < MIN_SENTENCE_WORDS {
        n_words as f32 / MIN_SENTENCE_WORDS as f32 - 1.0
    } else if n_words > MAX_SENTENCE_WORDS {
        -((n_words - MAX_SENTENCE_WORDS) as f32 / MAX_SENTENCE_WORDS as f32).min(1.0)
    } else {
        0.0
    }
}

fn is_question(s: &str) -> bool {
    s.trim_end_matches(|c: char| "\"'”’»)".contains(c))
        .ends_with(['?', '？'])
}

const QUOTE_OPENERS: &[char] = &['"', '“', '«', '„', '‘', '\''];

/// A sentence that is only a quotation, with no "he said" to tell whose.
fn is_bare_quote(s: &str) -> bool {
    s.starts_with(QUOTE_OPENERS) && s.trim_end().ends_with(['"', '”', '»', '“', '’', '\''])
}

/// Words that, opening a sentence, refer back to something before it.
fn opens_with_reference(s: &str, language: Language) -> bool {
    let first = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let list: &[&str] = match language {
        Language::English => &[
            "He",
            "She",
            "It",
            "They",
            "This",
            "That",
            "These",
            "Those",
            "His",
            "Her",
            "Their",
            "Its",
            "However",
            "But",
            "Also",
            "Still",
            "Yet",
            "Instead",
            "Meanwhile",
            "Nevertheless",
            "Moreover",
            "Furthermore",
            "Such",
            "There",
            "Then",
            "And",
            "So",
            "Both",
            "Neither",
        ],
        Language::German => &[
            "Er", "Sie", "Es", "Dies", "Diese", "Dieser", "Aber", "Doch", "Jedoch", "Auch", "Dabei",
        ],
        Language::French => &[
            "Il",
            "Elle",
            "Ils",
            "Elles",
            "Cela",
            "Ce",
            "Cette",
            "Mais",
            "Cependant",
            "Pourtant",
        ],
        Language::Spanish => &[
            "Él", "Ella", "Ellos", "Esto", "Este", "Esta", "Pero", "Sin", "Además",
        ],
        Language::Italian => &[
            "Lui", "Lei", "Questo", "Questa", "Ma", "Tuttavia", "Inoltre",
        ],
        Language::Portuguese => &[
            "Ele", "Ela", "Eles", "Isso", "Este", "Esta", "Mas", "Porém", "Além",
        ],
        Language::Dutch => &[
            "Hij", "Zij", "Ze", "Het", "Dit", "Deze", "Maar", "Echter", "Ook",
        ],
        Language::Russian => &[
            "Он",
            "Она",
            "Они",
            "Это",
            "Этот",
            "Эта",
            "Но",
            "Однако",
            "Также",
        ],
        Language::Cjk | Language::Other => &[],
    };
    list.contains(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_shapes() {
        assert!(is_question("What would you do?"));
        assert!(is_question("\"Why?\""));
        assert!(!is_question("He asked why."));
        assert!(is_bare_quote("\"We will win.\""));
        assert!(!is_bare_quote("\"We will win,\" she said."));
        assert!(opens_with_reference(
            "However, the plan failed.",
            Language::English
        ));
        assert!(opens_with_reference("He left.", Language::English));
        assert!(!opens_with_reference("Helen left.", Language::English));
    }

    #[test]
    fn length_prior_prefers_full_sentences() {
        assert!(length_prior(2) < length_prior(12));
        assert!(length_prior(120) < length_prior(30));
        assert_eq!(length_prior(20), 0.0);
    }
}
