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
//! paragraphs, sentences, words: one `Segmentation`) → [`clean`]
//! (boilerplate) → `terms` → [`score`] → [`select`] → [`facts`] →
//! [`Summary`]. The engine has no IO, no clock, no
//! randomness and no web crates; it never panics on any `&str`, and every
//! position it returns is a byte [`Span`] into the text it was given.

mod abbreviations;
pub mod clean;
pub mod export;
pub mod facts;
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
#[cfg(test)]
mod testutil;
mod text;
pub(crate) mod word_list;

pub use clean::markup::{Hint, Mark};
pub use clean::{Boilerplate, BoilerplateKind, Evidence};
pub use facts::{Entity, EntityKind, KeyFact, Mention, Quote};
pub use language::{detect_language, Language};
pub use score::{Features, Merit, Weights};
pub use span::Span;

/// How long the summary should be.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    /// This many sentences (fewer if the article has fewer).
    Sentences(usize),
    /// This share of the article's sentences, in percent, at least one.
    Percent(u8),
    /// As many sentences as fit in this many words (at least one sentence).
    Words(usize),
}

/// The summary's length when none is given in sentences: three, as Lead-3.
const DEFAULT_SENTENCES: usize = 3;

/// What the caller can choose. `Config::default()` gives three sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub length: Length,
    /// Scoring weights; the default is fitted on training data, its
    /// constants chosen by cross-validation (`score::Weights::default`).
    pub weights: Weights,
    /// Whether to extract the key facts (entities, quotes, bullets): on by
    /// default; off gives the summary alone, for batch work that needs only
    /// that (and for timing it like for like with summarisers that do
    /// nothing else).
    pub facts: bool,
    /// The reader's corrections of the cleaning, applied after it.
    pub overrides: Vec<Override>,
    /// What a rich paste's markup says of its lines (`ui/rich_text.rs`), in
    /// the order of the text; empty for plain text.
    pub hints: Vec<Hint>,
}

/// A reader's correction of the cleaning: the block (line) of the text that
/// holds byte `at` is article text (`keep`) or set aside.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Override {
    pub at: usize,
    pub keep: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            length: Length::Sentences(DEFAULT_SENTENCES),
            weights: Weights::default(),
            facts: true,
            overrides: Vec::new(),
            hints: Vec::new(),
        }
    }
}

/// What a sentence is, as far as summarising goes.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentenceRole {
    /// Article body text: a candidate for the summary.
    Body,
    /// A title or cross-heading: kept, used for scoring, never chosen.
    Heading,
    /// Kept as article text but too doubtful to choose (a caption or a
    /// blurb near the article; see `clean::BlockClass::Margin`).
    Margin,
    /// Set aside as not part of the article (see [`Summary::boilerplate`]).
    Boilerplate,
}

#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Where the sentence is in the original text.
    pub span: Span,
    pub paragraph_idx: usize,
    /// The line (`segment::Block`) it is in: a paragraph's lines share
    /// its `paragraph_idx`.
    pub block_idx: usize,
    pub role: SentenceRole,
    pub n_words: usize,
    /// The selection score (higher is more summary-worthy; 0 when not a candidate).
    pub score: f32,
    /// What the score was made of (`None` when not a candidate).
    pub features: Option<score::Features>,
}

#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub n_words_in: usize,
    pub n_words_out: usize,
    pub n_sentences: usize,
    pub n_paragraphs: usize,
}

/// Why a text could not be summarised, in words a person understands.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub language: Option<Language>,
    /// Every sentence of the text in order, boilerplate included.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the chosen ones, ascending.
    pub chosen: Vec<usize>,
    /// Why each chosen sentence was chosen (parallel to `chosen`): the
    /// strongest merits of its score first ([`score::explain`]).
    pub why: Vec<Vec<Merit>>,
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
    let seg = segment::segment(norm);
    let block_spans = original_block_spans(&normalized, &seg);
    let hints = hints_of_blocks(&block_spans, &config.hints);
    let mut cleaned =
        clean::classify_blocks(norm, &seg.blocks, &seg.all_block_words(), language, &hints);
    apply_overrides(&mut cleaned, &block_spans, &config.overrides);
    let mut sentences = sentences_of(&normalized, &seg, &cleaned);
    let certainty = per_sentence(&seg, &cleaned.p_article);
    let flagged = per_sentence(&seg, &cleaned.flagged);
    promote_margin(text, &mut sentences, &certainty, &flagged, config.length);
    join_opening(text, &mut sentences, &certainty, &flagged);
    let mut summary = Summary {
        language: Some(language),
        boilerplate: boilerplate_of(&block_spans, &cleaned),
        stats: Stats::of_input(&sentences, &seg),
        ..Summary::default()
    };
    if let Some(notice) = notice_before_scoring(text, norm, &mut sentences) {
        summary.sentences = sentences;
        summary.notice = Some(notice);
        return summary;
    }

    let sentence_words = seg.all_sentence_words();
    let (term_lists, n_terms) = terms::sentence_terms(norm, &sentence_words, language);
    let weights = config.weights.for_length(config.length);
    let scores = score::score_sentences(
        norm,
        seg.sentence_spans(),
        &sentence_words,
        term_lists,
        n_terms,
        &sentences,
        language,
        &weights,
    );
    for ((sentence, s), f) in sentences
        .iter_mut()
        .zip(&scores.scores)
        .zip(&scores.features)
    {
        sentence.score = *s;
        sentence.features = *f;
    }
    let chosen = select::select_sentences(&sentences, &scores, config.length, &weights);
    if chosen.len() >= sentences.iter().filter(|s| score::is_candidate(s)).count() {
        summary.notice = Some(Notice::AlreadyShort);
    }
    summary.stats.n_words_out = chosen.iter().map(|&i| sentences[i].n_words).sum();
    summary.why = score::explain(&sentences, &chosen, &weights, scores.n_main_names);
    summary.chosen = chosen;
    summary.sentences = sentences;

    if !config.facts {
        return summary;
    }
    let facts = facts::extract_facts(
        text,
        &summary.sentences,
        &summary.chosen,
        language,
        &certainty,
    );
    summary.entities = facts.entities;
    summary.quotes = facts.quotes;
    summary.facts = facts.key_facts;
    summary
}

/// Every sentence of the segmented text, with its span in the original
/// text and its block's role (not yet scored).
fn sentences_of(
    normalized: &normalize::Normalized,
    seg: &segment::Segmentation,
    cleaned: &clean::Cleaned,
) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(seg.sentence_spans().len());
    for (b, (block, class)) in seg.blocks.iter().zip(&cleaned.classes).enumerate() {
        let role = match class {
            clean::BlockClass::Body => SentenceRole::Body,
            clean::BlockClass::Heading => SentenceRole::Heading,
            clean::BlockClass::Margin => SentenceRole::Margin,
            clean::BlockClass::Boilerplate(_) => SentenceRole::Boilerplate,
        };
        for i in seg.block_sentences(b) {
            let span = seg.sentence_spans()[i];
            sentences.push(Sentence {
                span: normalized.span_to_original(span.start, span.end),
                paragraph_idx: block.paragraph_idx,
                block_idx: b,
                role,
                n_words: seg.sentence_words(i).len(),
                score: 0.0,
                features: None,
            });
        }
    }
    sentences
}

impl Stats {
    /// The figures of the input (`n_words_out` is left 0): its words outside
    /// boilerplate, its sentences and paragraphs.
    fn of_input(sentences: &[Sentence], seg: &segment::Segmentation) -> Stats {
        Stats {
            n_words_in: sentences
                .iter()
                .filter(|s| s.role != SentenceRole::Boilerplate)
                .map(|s| s.n_words)
                .sum(),
            n_sentences: sentences.len(),
            n_paragraphs: seg.blocks.last().map_or(0, |b| b.paragraph_idx + 1),
            n_words_out: 0,
        }
    }
}

/// The reader's corrections: each names a byte of the original text, and
/// the block that holds it is kept or set aside.
fn apply_overrides(cleaned: &mut clean::Cleaned, block_spans: &[Span], overrides: &[Override]) {
    for o in overrides {
        if let Some(idx) = block_spans
            .iter()
            .position(|span| span.start <= o.at && o.at < span.end)
        {
            cleaned.set_by_reader(idx, o.keep);
        }
    }
}

/// Each block's span in the original text: what the reader's corrections,
/// the markup's hints and every reported block are placed by.
fn original_block_spans(
    normalized: &normalize::Normalized,
    seg: &segment::Segmentation,
) -> Vec<Span> {
    seg.blocks
        .iter()
        .map(|b| normalized.span_to_original(b.span.start, b.span.end))
        .collect()
}

/// Each block's hint: that of the line it lies in, the last of `hints` (in
/// the order of the text) before its end; none at all for plain text. One
/// pass over both.
fn hints_of_blocks(block_spans: &[Span], hints: &[Hint]) -> Vec<Option<Hint>> {
    if hints.is_empty() {
        return Vec::new();
    }
    let mut next = 0;
    block_spans
        .iter()
        .map(|span| {
            while hints.get(next + 1).is_some_and(|h| h.at < span.end) {
                next += 1;
            }
            hints.get(next).filter(|h| h.at < span.end).copied()
        })
        .collect()
}

/// How many blocks [`promote_margin`] promotes one by one, the likeliest
/// first, before it promotes all the doubtful rest at once.
const MAX_PROMOTION_ROUNDS: usize = 64;

/// Doubtful (margin) lines are summarised only when the sure ones are too
/// few for the summary asked for (a short note, a list-like text), and then
/// the likeliest article first (`certainty`, each sentence's block's
/// probability of being article text, parallel to `sentences`), a block's
/// sentences together, until there are enough. (Promoting every margin
/// line, as before, put a magazine's "OUT NOW!" promo and a search box's
/// hint in the dev pastes' summaries: `score_pastes.py` junk in summary
/// 3.2%, 5 of 74 pages; the likeliest first, 2.7%, 3 pages. With the
/// classifier of 07d18ae, whose teasers cut short outscored one page's
/// article, it had done worse: 5.4%.) A sentence that ends in a colon
/// introduces what follows ("Follow us online:", "Alex on May 3 at 6:34 am
/// said:"): alone in a summary it says nothing, so it is never a sure one,
/// and is promoted only when nothing else would make a summary. So is a
/// pointer to another page run into the text ("READ MORE: ...",
/// [`clean::points_elsewhere`]). So is a line the cleaner's rules call
/// furniture (`flagged`, parallel to `sentences`) that the model kept: the
/// Daily Mail's labelled captions ("Defense: On Friday, Dr Oz appeared
/// ..."), which the summary took once in writers dev's 120 summary
/// sentences (none in the other dev sets' or TRAIN's); with this, none
/// (writers ROUGE-1 45.21 -> 44.86: the captions restate the story).
fn promote_margin(
    text: &str,
    sentences: &mut [Sentence],
    certainty: &[f32],
    flagged: &[bool],
    length: Length,
) {
    let held_back: Vec<bool> = sentences
        .iter()
        .enumerate()
        // (`flagged` is as long as `sentences`; a missing flag, in tests, is none.)
        .map(|(i, s)| is_lead_in(text, s) || flagged.get(i).copied().unwrap_or(false))
        .collect();
    for (s, &held) in sentences.iter_mut().zip(&held_back) {
        if s.role == SentenceRole::Body && held {
            s.role = SentenceRole::Margin;
        }
    }
    let n_needed = match length {
        Length::Sentences(n) => n,
        _ => DEFAULT_SENTENCES,
    };
    let mut n_sure = sentences
        .iter()
        .filter(|s| s.role == SentenceRole::Body && s.n_words > 0)
        .count();
    for promote_held_back in [false, true] {
        if n_sure >= n_needed {
            return;
        }
        let eligible = |s: &Sentence, held: bool| {
            s.role == SentenceRole::Margin && (promote_held_back || !held)
        };
        // The likeliest block left (its sentences share its probability),
        // then the next, each adding a sentence at least; past
        // `MAX_PROMOTION_ROUNDS` (a long summary of a doubtful text), all the
        // rest at once, so that the work stays linear in the sentences.
        let mut rounds = 0;
        while n_sure < n_needed {
            let best = sentences
                .iter()
                .zip(certainty)
                .zip(&held_back)
                .filter(|((s, _), &held)| eligible(s, held) && s.n_words > 0)
                .map(|((_, &p), _)| p)
                .fold(None, |m: Option<f32>, p| Some(m.map_or(p, |m| m.max(p))));
            let Some(best) = best else { break };
            rounds += 1;
            let cut = if rounds > MAX_PROMOTION_ROUNDS {
                f32::NEG_INFINITY
            } else {
                best
            };
            let before = n_sure;
            for ((s, &p), &held) in sentences.iter_mut().zip(certainty).zip(&held_back) {
                if p >= cut && eligible(s, held) {
                    s.role = SentenceRole::Body;
                    n_sure += usize::from(s.n_words > 0);
                }
            }
            if n_sure == before {
                break; // (nothing reaches a cut that is not a number)
            }
        }
    }
}

/// A value per block (`per_block`, parallel to `seg.blocks`) as a value
/// per sentence: each sentence gets its block's.
fn per_sentence<T: Copy>(seg: &segment::Segmentation, per_block: &[T]) -> Vec<T> {
    (0..seg.blocks.len())
        .flat_map(|b| seg.block_sentences(b).map(move |_| per_block[b]))
        .collect()
}

/// Whether a sentence introduces what follows or points elsewhere ("Follow
/// us online:", "READ MORE: ..."): see [`promote_margin`].
fn is_lead_in(text: &str, s: &Sentence) -> bool {
    text.get(s.span.range())
        .is_some_and(|t| t.trim_end().ends_with(':') || clean::points_elsewhere(t))
}

/// A doubtful sentence right before the article's first sure one is a
/// candidate at or above this probability of being article text: more
/// likely than not, the decision point of a probability, not a fitted
/// number.
const OPENING_JOINS_BODY: f32 = 0.5;

/// The article's opening paragraphs are doubtful only for the furniture
/// above them (a caption, a credit, a byline): they become candidates with
/// the body they open. From the first sentence the summary may take (a sure
/// one, or one [`promote_margin`] promoted) back, each doubtful
/// one joins until one is less likely article than not
/// ([`OPENING_JOINS_BODY`]), was called furniture by the cleaner's rules
/// (`flagged`, parallel to `sentences`), is a lead-in ([`is_lead_in`]), is
/// cut short ("… diagnosed with the plague,...", a teaser:
/// `clean::truncated`) or is no doubtful sentence. On the dev pastes the gold article's first
/// sentence had been a candidate on 15 of 74 pages, and in 14 summaries;
/// with this, 44 and 33 (`score_pastes.py` junk in summary unchanged at
/// 1.4%). Only the opening: every doubtful block right before a sure one
/// took the Daily Mail's captions inside articles (writers R-1 45.21 ->
/// 44.95), and the rules' flags keep the caption "Sacked: But the
/// presenter ..." out.
fn join_opening(text: &str, sentences: &mut [Sentence], certainty: &[f32], flagged: &[bool]) {
    let Some(first) = sentences.iter().position(|s| s.role == SentenceRole::Body) else {
        return;
    };
    for i in (0..first).rev() {
        let s = &mut sentences[i];
        let joins = s.role == SentenceRole::Margin
            && certainty.get(i).is_some_and(|&p| p >= OPENING_JOINS_BODY)
            && !flagged.get(i).copied().unwrap_or(true)
            && !is_lead_in(text, s)
            && !text.get(s.span.range()).is_some_and(clean::truncated);
        if !joins {
            break;
        }
        s.role = SentenceRole::Body;
    }
}

/// The blocks set aside as boilerplate, with their spans in the original text.
fn boilerplate_of(block_spans: &[Span], cleaned: &clean::Cleaned) -> Vec<Boilerplate> {
    cleaned
        .classes
        .iter()
        .zip(&cleaned.evidence)
        .zip(block_spans)
        .filter_map(|((class, evidence), &span)| match (class, evidence) {
            (clean::BlockClass::Boilerplate(kind), Some(evidence)) => Some(Boilerplate {
                span,
                kind: *kind,
                evidence: *evidence,
            }),
            _ => None,
        })
        .collect()
}

/// Why the text cannot be summarised, if it cannot (its sentences are kept
/// either way: nothing pasted is hidden). Text made only of title-like
/// lines (one sentence without a full stop, a few short lines) is still
/// the person's text, not page furniture: with no body sentence, its
/// headings become the body.
fn notice_before_scoring(text: &str, norm: &str, sentences: &mut [Sentence]) -> Option<Notice> {
    if looks_binary(text) {
        return Some(Notice::NotText);
    }
    // Numbers alone (a column of figures) are no more summarisable than symbols.
    if sentences.iter().all(|s| s.n_words == 0) || !norm.chars().any(char::is_alphabetic) {
        return Some(Notice::NoWords);
    }
    if !sentences.iter().any(score::is_candidate) {
        for s in sentences
            .iter_mut()
            .filter(|s| s.role == SentenceRole::Heading)
        {
            s.role = SentenceRole::Body;
        }
    }
    (!sentences.iter().any(score::is_candidate)).then_some(Notice::OnlyBoilerplate)
}

/// One block (line) of a text as the cleaning saw it: for fitting and
/// checking the block classifier (`nutshell batch --blocks`).
#[derive(Clone, Debug, serde::Serialize)]
pub struct BlockReport {
    pub span: Span,
    pub n_words: usize,
    /// The classifier's local inputs, in the order of `clean::LOCAL`.
    pub local: [f32; clean::N_LOCAL],
    /// The third stage's inputs, in the order of `clean::markup::MARKUP` (a
    /// rich paste only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markup: Option<clean::markup::Markup>,
    pub p_article: f32,
    pub boilerplate: bool,
    /// Set aside by a rule outside the model (a photo credit or its
    /// caption, a list of dated teasers), whatever `p_article` says.
    pub by_rule: bool,
}

/// Every block of `text` with the cleaning's inputs and answer.
pub fn explain_blocks(text: &str, hints: &[Hint]) -> Vec<BlockReport> {
    let normalized = normalize::normalize(text);
    let norm = normalized.text.as_str();
    let language = detect_language(norm);
    let seg = segment::segment(norm);
    let words = seg.all_block_words();
    let block_spans = original_block_spans(&normalized, &seg);
    let hints = hints_of_blocks(&block_spans, hints);
    let cleaned = clean::classify_blocks(norm, &seg.blocks, &words, language, &hints);
    block_spans
        .into_iter()
        .enumerate()
        .map(|(i, span)| BlockReport {
            span,
            n_words: words[i].len(),
            local: cleaned.local[i],
            markup: cleaned.markup.get(i).copied(),
            p_article: cleaned.p_article[i],
            boilerplate: matches!(cleaned.classes[i], clean::BlockClass::Boilerplate(_)),
            by_rule: cleaned.evidence[i].is_some_and(clean::Evidence::outside_model),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of two words at `spans`, each with its role, parallel.
    fn sentences_at(spans: &[(usize, usize)], roles: &[SentenceRole]) -> Vec<Sentence> {
        spans
            .iter()
            .zip(roles)
            .map(|(&(a, b), &role)| Sentence {
                span: Span::new(a, b),
                paragraph_idx: 0,
                block_idx: 0,
                role,
                n_words: 2,
                score: 0.0,
                features: None,
            })
            .collect()
    }

    /// A one-sentence summary (a TL;DR) is scored with the TL;DR's weights,
    /// any longer one with the summary's: weights that prefer short
    /// sentences as a TL;DR's pick the shortest (the fitted ones, the
    /// longest here), and leave two sentences as the summary's weights
    /// choose them.
    #[test]
    fn a_tldr_has_weights_of_its_own() {
        let text = "The council closed the bridge.\n\n\
                    Engineers found cracks in two of its piers on Monday, and the council \
                    said repairs would take at least six months and cost about twelve million pounds.\n\n\
                    Buses will run through the Eastgate crossing.\n";
        let chosen = |weights: Weights, n: usize| {
            let config = Config {
                length: Length::Sentences(n),
                weights,
                facts: false,
                ..Config::default()
            };
            let summary = summarize(text, &config);
            summary
                .chosen
                .iter()
                .map(|&i| summary.sentences[i].span.slice(text).to_owned())
                .collect::<Vec<_>>()
        };
        let short_tldr = Weights {
            tldr: Features {
                words: -10.0,
                ..Features::default()
            },
            ..Weights::default()
        };
        assert_eq!(
            chosen(Weights::default(), 1),
            [
                "Engineers found cracks in two of its piers on Monday, and the council said \
              repairs would take at least six months and cost about twelve million pounds."
            ]
        );
        assert_eq!(chosen(short_tldr, 1), ["The council closed the bridge."]);
        assert_eq!(chosen(Weights::default(), 2), chosen(short_tldr, 2));
        // And the summary's weights do not move a TL;DR.
        let short_summary = Weights {
            per_feature: short_tldr.tldr,
            ..Weights::default()
        };
        assert_ne!(chosen(Weights::default(), 2), chosen(short_summary, 2));
        assert_eq!(chosen(Weights::default(), 1), chosen(short_summary, 1));
    }

    /// A sentence that ends in a colon is never chosen while others can be,
    /// and is chosen when nothing else would make a summary.
    #[test]
    fn lead_ins_are_chosen_last() {
        let text = "The council voted on Tuesday to close the old bridge after engineers found cracks.\n\n\
                    Here is what the mayor told the council on Tuesday evening:\n\n\
                    Repairs will take at least six months and cost about twelve million pounds.\n\n\
                    Buses will be diverted through the Eastgate crossing until the work is done.\n";
        let summary = summarize(text, &Config::default());
        assert_eq!(summary.chosen.len(), 3);
        assert!(summary
            .chosen_sentences()
            .all(|s| !text[s.span.range()].ends_with(':')));
        let alone = "Here is what the mayor told the council on Tuesday evening:";
        let summary = summarize(alone, &Config::default());
        assert_eq!(summary.chosen.len(), 1);
    }

    /// A pointer to another page run into the text ("READ MORE: ...") is
    /// chosen last, like a lead-in, however well it scores.
    #[test]
    fn pointers_run_into_the_text_are_chosen_last() {
        let text =
            "The council voted on Tuesday to close the old bridge after engineers found cracks. \
                    READ MORE: Council votes to close the old bridge after engineers find cracks . \
                    Repairs will take at least six months and cost about twelve million pounds. \
                    Buses will be diverted through the Eastgate crossing until the work is done.";
        for n in [1, 2, 3] {
            let summary = summarize(
                text,
                &Config {
                    length: Length::Sentences(n),
                    ..Config::default()
                },
            );
            assert_eq!(summary.chosen.len(), n);
            assert!(
                summary
                    .chosen_sentences()
                    .all(|s| !text[s.span.range()].starts_with("READ MORE")),
                "{n}"
            );
        }
    }

    /// The doubtful sentences right before the first sure one join it,
    /// back to the first that is less likely article than not, flagged by
    /// the rules or a lead-in.
    #[test]
    fn the_opening_joins_the_body() {
        let text = "Credit line. Read on: Lead one. Lead two. Body. Caption.";
        let cut = "Credit line. Read on: Teaser... Lead two. Body. Caption.";
        let spans = [(0, 12), (13, 21), (22, 31), (32, 41), (42, 47), (48, 56)];
        use SentenceRole::{Body, Boilerplate, Margin};
        let roles = [Margin, Margin, Margin, Margin, Body, Margin];
        let joined_in =
            |text: &str, roles: &[SentenceRole], certainty: &[f32], flagged: &[bool]| {
                let mut s = sentences_at(&spans, roles);
                join_opening(text, &mut s, certainty, flagged);
                s.iter().map(|s| s.role).collect::<Vec<_>>()
            };
        let joined = |roles: &[SentenceRole], certainty: &[f32], flagged: &[bool]| {
            joined_in(text, roles, certainty, flagged)
        };
        let sure = [0.9; 6];
        let none = [false; 6];
        // (The lead-in stops it; a caption after the body stays doubtful.)
        assert_eq!(
            joined(&roles, &sure, &none),
            [Margin, Margin, Body, Body, Body, Margin]
        );
        // Less likely than not, or flagged, or set aside: it stops there.
        let low = [0.9, 0.9, 0.9, 0.4, 0.9, 0.9];
        assert_eq!(joined(&roles, &low, &none), roles);
        let flagged = [false, false, false, true, false, false];
        assert_eq!(joined(&roles, &sure, &flagged), roles);
        let aside = [Margin, Margin, Margin, Boilerplate, Body, Margin];
        assert_eq!(joined(&aside, &sure, &none), aside);
        // A teaser cut short stops it too.
        assert_eq!(
            joined_in(cut, &roles, &sure, &none),
            [Margin, Margin, Margin, Body, Body, Margin]
        );
        // No sure sentence: nothing to join.
        assert_eq!(joined(&[Margin; 6], &sure, &none), [Margin; 6]);
    }

    /// With too few sure sentences, the doubtful ones are promoted the
    /// likeliest article first, a block's sentences together, until there
    /// are enough; the less likely stay out of the summary's reach.
    #[test]
    fn margin_is_promoted_likeliest_first() {
        let text = "Promo line. Article one. Article two. Teaser.";
        let spans = [(0, 11), (12, 24), (25, 37), (38, 45)];
        let mut sentences = sentences_at(&spans, &[SentenceRole::Margin; 4]);
        // (The two article sentences are one block's.)
        let certainty = [0.4, 0.8, 0.8, 0.6];
        promote_margin(text, &mut sentences, &certainty, &[], Length::Sentences(2));
        let roles: Vec<SentenceRole> = sentences.iter().map(|s| s.role).collect();
        use SentenceRole::{Body, Margin};
        assert_eq!(roles, [Margin, Body, Body, Margin]);
        promote_margin(text, &mut sentences, &certainty, &[], Length::Sentences(3));
        let roles: Vec<SentenceRole> = sentences.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Margin, Body, Body, Body]);
        // Past the rounds' bound, all the rest at once; a probability that
        // is not a number stops the rounds.
        let many = |n: usize| vec![sentences[0].clone(); n];
        let mut long = many(100);
        let ps: Vec<f32> = (0..100).map(|i| i as f32 / 100.0).collect();
        promote_margin(text, &mut long, &ps, &[], Length::Sentences(80));
        assert!(long.iter().all(|s| s.role == Body));
        let mut odd = many(3);
        promote_margin(text, &mut odd, &[f32::NAN; 3], &[], Length::Sentences(2));
    }

    /// A sure sentence that the cleaner's rules call furniture is held back
    /// like a lead-in: promoted only when nothing else makes a summary.
    #[test]
    fn flagged_lines_are_held_back() {
        let text = "Defense: He spoke. Article one. Article two.";
        let spans = [(0, 18), (19, 31), (32, 44)];
        use SentenceRole::{Body, Margin};
        let roles = |n: usize| {
            let mut s = sentences_at(&spans, &[Body; 3]);
            promote_margin(
                text,
                &mut s,
                &[0.95; 3],
                &[true, false, false],
                Length::Sentences(n),
            );
            s.iter().map(|s| s.role).collect::<Vec<_>>()
        };
        assert_eq!(roles(2), [Margin, Body, Body]);
        assert_eq!(roles(3), [Body, Body, Body]);
    }

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
        let mut next = testutil::random_numbers(7);
        for len in [0, 1, 10, 100, 1_000, 5_000] {
            // Mostly one piece per text, each piece in turn, so that both
            // answers occur.
            for (dominant, _) in pieces.iter().enumerate().cycle().take(3 * pieces.len()) {
                let mut text = String::new();
                for _ in 0..len {
                    let r = next();
                    let k = if r >> 27 < 12 { dominant } else { r as usize };
                    text.push_str(pieces[k % pieces.len()]);
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
