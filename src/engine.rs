//! The summarizing engine: a pure function from pasted text to a [`Summary`].
//!
//! ```
//! use nutshell::engine::{summarize, Config, Length};
//!
//! let text = "Heavy rain flooded the valley on Monday. Hundreds of homes were evacuated. \
//!             The river peaked at noon. Officials expect the water to recede by Friday.";
//! let summary = summarize(text, &Config { length: Length::Sentences(2), ..Config::default() });
//! assert_eq!(summary.chosen.len(), 2);
//! for sentence in summary.chosen_sentences() {
//!     println!("{}", sentence.span.slice(text));
//! }
//! ```
//!
//! Pipeline: [`normalize`](normalize::normalize) → [`segment`] (blocks,
//! paragraphs, sentences, words) → [`clean`] (boilerplate) → [`score`] →
//! [`select`] → [`facts`] → [`Summary`]. The engine has no IO, no clock, no
//! randomness and no web crates; it never panics on any `&str`, and every
//! position it returns is a byte [`Span`] into the text it was given.

pub mod clean;
pub mod export;
pub mod facts;
mod fast_map;
pub mod language;
pub mod normalize;
pub mod score;
pub mod segment;
pub mod select;
pub mod sort;
mod span;
mod stem_en;
mod swar;
mod terms;

pub use clean::{Boilerplate, BoilerplateKind};
pub use facts::{Entity, EntityKind, KeyFact, Mention, Quote};
pub use language::{detect_language, Language};
pub use score::{Features, Weights};
pub use span::Span;

use serde::{Deserialize, Serialize};

/// How long the summary should be.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Length {
    /// This many sentences (fewer if the article has fewer).
    Sentences(usize),
    /// This share of the article's sentences, in percent, at least one.
    Percent(u8),
    /// As many sentences as fit in this many words (at least one sentence).
    Words(usize),
}

/// What the caller can choose. `Config::default()` gives three sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub length: Length,
    /// Scoring weights; the default is fitted on training data, its
    /// constants chosen by cross-validation (`score::Weights::default`).
    pub weights: Weights,
    /// Whether to extract the key facts (entities, quotes, bullets): on by
    /// default; off gives the summary alone, for batch work that needs only
    /// that (and for timing it like for like with summarisers that do
    /// nothing else).
    #[serde(default = "yes")]
    pub facts: bool,
}

fn yes() -> bool {
    true
}

impl Default for Config {
    fn default() -> Config {
        Config {
            length: Length::Sentences(3),
            weights: Weights::default(),
            facts: true,
        }
    }
}

/// What a sentence is, as far as summarising goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SentenceRole {
    /// Article body text: a candidate for the summary.
    Body,
    /// A title or cross-heading: kept, used for scoring, never chosen.
    Heading,
    /// Set aside as not part of the article (see [`Summary::boilerplate`]).
    Boilerplate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is in the original text.
    pub span: Span,
    pub paragraph_idx: usize,
    pub role: SentenceRole,
    pub n_words: usize,
    /// The selection score (higher is more summary-worthy; 0 when not a candidate).
    pub score: f32,
    /// What the score was made of (`None` when not a candidate).
    pub features: Option<score::Features>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub n_words_in: usize,
    pub n_words_out: usize,
    pub n_sentences: usize,
    pub n_paragraphs: usize,
}

/// Why a text could not be summarised, in words a person understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// Nothing but whitespace.
    Empty,
    /// No words at all (only punctuation, symbols, emoji or numbers).
    NoWords,
    /// Every line looked like page furniture, not article text.
    OnlyBoilerplate,
    /// The article is no longer than the summary asked for: all of it is shown.
    AlreadyShort,
    /// Binary data decoded as text (many replacement or control characters).
    NotText,
}

impl Notice {
    pub fn message(self) -> &'static str {
        match self {
            Notice::Empty => "Paste an article to summarise it.",
            Notice::NoWords => "This text has no words to summarise.",
            Notice::OnlyBoilerplate => {
                "Everything here looks like page furniture (menus, sign-ups, captions), not an article."
            }
            Notice::AlreadyShort => "The text is already as short as the summary you asked for.",
            Notice::NotText => {
                "This looks like binary data, not text. Paste an article, or open a .txt, .md or .html file."
            }
        }
    }
}

/// The engine's whole answer for one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub language: Option<Language>,
    /// Every sentence of the text in order, boilerplate included.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the chosen ones, ascending.
    pub chosen: Vec<usize>,
    /// The lines set aside as not part of the article, with the reason.
    pub boilerplate: Vec<Boilerplate>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub facts: Vec<KeyFact>,
    pub stats: Stats,
    pub notice: Option<Notice>,
}

impl Summary {
    fn empty(notice: Notice) -> Summary {
        Summary {
            notice: Some(notice),
            ..Summary::default()
        }
    }

    pub fn chosen_sentences(&self) -> impl Iterator<Item = &Sentence> + '_ {
        self.chosen.iter().filter_map(|&i| self.sentences.get(i))
    }

    /// How much shorter the summary is than the article, in percent (0–100).
    pub fn reduction_percent(&self) -> u32 {
        let Stats {
            n_words_in,
            n_words_out,
            ..
        } = self.stats;
        if n_words_in == 0 {
            return 0;
        }
        (100.0 * (1.0 - n_words_out as f64 / n_words_in as f64))
            .round()
            .clamp(0.0, 100.0) as u32
    }
}

/// Share of replacement and control characters (among the first
/// [`BINARY_SAMPLE_CHARS`] non-space characters) above which a text is
/// binary data decoded as text: real pastes have next to none.
const BINARY_SHARE: f64 = 0.1;
const BINARY_SAMPLE_CHARS: usize = 4096;
/// Fewer odd characters than this are a stray paste accident, not binary data.
const MIN_BINARY_CHARS: usize = 8;

fn looks_binary(text: &str) -> bool {
    let (mut n, mut odd) = (0usize, 0usize);
    // ASCII bytes by a table (bit 0: not whitespace, so counted; bit 1: a
    // control character); any other character decoded whole. The same
    // characters as `text.chars()`, without decoding most of them.
    const ASCII: [u8; 128] = {
        let mut table = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8 as char;
            if !c.is_ascii_whitespace() && b != 0x0b {
                table[b] = 1 | if c.is_ascii_control() { 2 } else { 0 };
            }
            b += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    // An odd character is a control character (U+0000–U+001F other than
    // the spaces tab to carriage return, U+007F, U+0080–U+009F: their UTF-8
    // starts with 0xC2) or U+FFFD (0xEF 0xBF 0xBD). Fewer than
    // MIN_BINARY_CHARS bytes of the text that could start one (most
    // pastes, curly quotes and accents included, have none) leave fewer
    // odd characters in the sample: not binary, from one count that
    // compilers turn into a few instructions per 32 bytes.
    let could_be_odd = |b: u8| {
        u8::from(b < 0x20) & u8::from(b.wrapping_sub(b'\t') > b'\r' - b'\t')
            | u8::from(b == 0x7f)
            | u8::from(b == 0xc2)
            | u8::from(b == 0xef)
    };
    let n_could_be_odd: usize = bytes
        .chunks(32)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + could_be_odd(b))))
        .sum();
    if n_could_be_odd < MIN_BINARY_CHARS {
        return false;
    }
    let mut i = 0;
    while n < BINARY_SAMPLE_CHARS && i < bytes.len() {
        if let Some(&class) = ASCII.get(usize::from(bytes[i])) {
            n += usize::from(class & 1);
            odd += usize::from(class >> 1);
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if !c.is_whitespace() {
            n += 1;
            odd += usize::from(c == '\u{FFFD}' || c.is_control());
        }
    }
    odd >= MIN_BINARY_CHARS && odd as f64 > BINARY_SHARE * n as f64
}

/// Summarises `text`: the whole pipeline, see the module docs.
pub fn summarize(text: &str, config: &Config) -> Summary {
    if text.trim().is_empty() {
        return Summary::empty(Notice::Empty);
    }
    let normalized = normalize::normalize(text);
    let norm = normalized.text.as_str();
    let language = detect_language(norm);
    let blocks = segment::split_blocks(norm);

    // (Sized for news: about 70 bytes a sentence, 6 a word; a guess only
    // saves the vectors' regrowth.)
    let mut norm_spans = Vec::with_capacity(norm.len() / 64 + 1);
    // Every sentence's words, found once: counted here, terms for scoring.
    let mut word_spans: Vec<Span> = Vec::with_capacity(norm.len() / 5 + 1);
    let mut word_ends: Vec<usize> = Vec::with_capacity(norm.len() / 64 + 1);
    // Per block, the end of its sentences in `norm_spans`, and where the
    // cleaning reads its words: most blocks' words are their sentences'
    // words (`segment::words_within_sentences`: no sentence bound falls
    // inside a word), so they are read off them; other blocks are split
    // whole ("Mr.정부" is one word of two sentences), into `own_words`.
    let mut block_ends: Vec<usize> = Vec::with_capacity(blocks.len());
    let mut own_words: Vec<Span> = Vec::new();
    let mut own_ranges: Vec<Option<(usize, usize)>> = Vec::with_capacity(blocks.len());
    // (Text with curly quotes or accents: its ASCII stand-ins, made once,
    // dropped after this loop.)
    let owned_stand_ins = segment::StandIns::of(norm);
    let stand_ins = owned_stand_ins.as_ref();
    for block in &blocks {
        for span in segment::split_block_sentences_in(norm, block.span, stand_ins) {
            segment::split_words_in(norm, span, stand_ins).push_into(&mut word_spans);
            word_ends.push(word_spans.len());
            norm_spans.push(span);
        }
        block_ends.push(norm_spans.len());
        let within = segment::words_within_sentences_in(norm, block.span, stand_ins);
        own_ranges.push((!within).then(|| {
            let start = own_words.len();
            segment::split_words_in(norm, block.span, stand_ins).push_into(&mut own_words);
            (start, own_words.len())
        }));
    }
    drop(owned_stand_ins);
    let first_word = |sentence: usize| sentence.checked_sub(1).map_or(0, |i| word_ends[i]);
    let block_words: Vec<&[Span]> = block_ends
        .iter()
        .zip(&own_ranges)
        .scan(0, |first, (&end, own)| {
            let words = match own {
                Some((a, b)) => own_words.get(*a..*b),
                None => word_spans.get(first_word(*first)..first_word(end)),
            };
            *first = end;
            Some(words.unwrap_or_default())
        })
        .collect();
    let cleaned = clean::classify_blocks(norm, &blocks, &block_words, language);

    let mut sentences = Vec::with_capacity(norm_spans.len());
    let mut first = 0;
    for ((block, class), &end) in blocks.iter().zip(&cleaned.classes).zip(&block_ends) {
        let role = match class {
            clean::BlockClass::Body => SentenceRole::Body,
            clean::BlockClass::Heading => SentenceRole::Heading,
            clean::BlockClass::Boilerplate(_) => SentenceRole::Boilerplate,
        };
        for i in first..end {
            let span = norm_spans[i];
            sentences.push(Sentence {
                span: normalized.span_to_original(span.start, span.end),
                paragraph_idx: block.paragraph_idx,
                role,
                n_words: word_ends[i] - first_word(i),
                score: 0.0,
                features: None,
            });
        }
        first = end;
    }
    let n_words_in: usize = sentences
        .iter()
        .filter(|s| s.role != SentenceRole::Boilerplate)
        .map(|s| s.n_words)
        .sum();
    let boilerplate = cleaned
        .classes
        .iter()
        .zip(&blocks)
        .filter_map(|(class, block)| match class {
            clean::BlockClass::Boilerplate(kind) => Some(Boilerplate {
                span: normalized.span_to_original(block.span.start, block.span.end),
                kind: *kind,
            }),
            _ => None,
        })
        .collect();
    let n_paragraphs = blocks.last().map_or(0, |b| b.paragraph_idx + 1);
    let mut summary = Summary {
        language: Some(language),
        boilerplate,
        stats: Stats {
            n_words_in,
            n_sentences: sentences.len(),
            n_paragraphs,
            ..Stats::default()
        },
        ..Summary::default()
    };
    // Binary data decoded as text: keep its sentences (nothing pasted is
    // hidden) but choose none and say what it looks like.
    if looks_binary(text) {
        summary.sentences = sentences;
        summary.notice = Some(Notice::NotText);
        return summary;
    }
    // Numbers alone (a column of figures) are no more summarisable than symbols.
    if sentences.iter().all(|s| s.n_words == 0) || !norm.chars().any(char::is_alphabetic) {
        summary.sentences = sentences;
        summary.notice = Some(Notice::NoWords);
        return summary;
    }
    // Text made only of title-like lines (one sentence without a full stop,
    // a few short lines) is still the person's text, not page furniture:
    // with no body sentence, its headings are the body.
    if !sentences
        .iter()
        .any(|s| s.role == SentenceRole::Body && s.n_words > 0)
    {
        for s in sentences
            .iter_mut()
            .filter(|s| s.role == SentenceRole::Heading)
        {
            s.role = SentenceRole::Body;
        }
    }
    if !sentences
        .iter()
        .any(|s| s.role == SentenceRole::Body && s.n_words > 0)
    {
        summary.sentences = sentences;
        summary.notice = Some(Notice::OnlyBoilerplate);
        return summary;
    }

    let sentence_words: Vec<&[Span]> = word_ends
        .iter()
        .scan(0, |start, &end| {
            let words = word_spans.get(*start..end).unwrap_or_default();
            *start = end;
            Some(words)
        })
        .collect();
    let scores = score::score_sentences(
        norm,
        &norm_spans,
        &sentence_words,
        &sentences,
        language,
        &config.weights,
    );
    for ((sentence, s), f) in sentences
        .iter_mut()
        .zip(&scores.scores)
        .zip(&scores.features)
    {
        sentence.score = *s;
        sentence.features = *f;
    }
    let chosen = select::select_sentences(&sentences, &scores, config.length, &config.weights);
    let n_candidates = sentences
        .iter()
        .filter(|s| s.role == SentenceRole::Body && s.n_words > 0)
        .count();
    if chosen.len() >= n_candidates {
        summary.notice = Some(Notice::AlreadyShort);
    }
    summary.stats.n_words_out = chosen.iter().map(|&i| sentences[i].n_words).sum();
    summary.chosen = chosen;
    summary.sentences = sentences;

    if !config.facts {
        return summary;
    }
    let facts = facts::extract_facts(text, &summary.sentences, &summary.chosen, language);
    summary.entities = facts.entities;
    summary.quotes = facts.quotes;
    summary.facts = facts.key_facts;
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `looks_binary` reads ASCII bytes without decoding: the same answer
    /// as a plain scan of the characters.
    #[test]
    fn looks_binary_reads_characters() {
        fn by_chars(text: &str) -> bool {
            let (mut n, mut odd) = (0usize, 0usize);
            for c in text
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(BINARY_SAMPLE_CHARS)
            {
                n += 1;
                odd += usize::from(c == '\u{FFFD}' || c.is_control());
            }
            odd >= MIN_BINARY_CHARS && odd as f64 > BINARY_SHARE * n as f64
        }
        let pieces = [
            "a", " ", "\u{0}", "\u{1b}", "\u{FFFD}", "é", "\u{85}", "\n", "日", "\u{7f}", "\u{9f}",
            "\u{a0}", "\t", "\u{b}", "\u{1f}", "\u{ff}",
        ];
        let mut seed = 7u64;
        for len in [0, 1, 10, 100, 1_000, 5_000] {
            // Mostly one piece per text, each piece in turn, so that both
            // answers occur.
            for (dominant, _) in pieces.iter().enumerate().cycle().take(3 * pieces.len()) {
                let mut text = String::new();
                for _ in 0..len {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let k = if seed >> 60 < 12 {
                        dominant as u64
                    } else {
                        seed >> 33
                    };
                    text.push_str(pieces[(k % pieces.len() as u64) as usize]);
                }
                assert_eq!(looks_binary(&text), by_chars(&text), "{text:?}");
            }
        }
        assert!(looks_binary(&"\u{0}\u{1}\u{2}".repeat(100)));
        assert!(!looks_binary(&"Plain text. ".repeat(100)));
    }

    #[test]
    fn binary_data_gets_its_own_notice() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 37 % 256) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let summary = summarize(&text, &Config::default());
        assert_eq!(summary.notice, Some(Notice::NotText));
        assert!(summary.chosen.is_empty());
    }

    #[test]
    fn a_few_odd_characters_are_still_text() {
        let text =
            "The council met on Monday \u{FFFD} to discuss the bridge. It voted to close it.";
        let summary = summarize(text, &Config::default());
        assert_ne!(summary.notice, Some(Notice::NotText));
        assert!(!summary.chosen.is_empty());
    }
}
