//! Cleaning: telling the article from the page furniture pasted with it.
//!
//! Each block (line) gets features in the spirit of jusText: its length in
//! words, its share of function words (prose has many; menus and buttons
//! have few), whether it ends like a sentence, and cue words of the kinds of
//! furniture news pages carry (sign-up and donation appeals, cookie notices,
//! navigation and share lines, captions and credits, bylines and datelines),
//! in the languages the engine knows. A cue only counts in a block short
//! enough to be furniture, and navigation cues only at the start of a line,
//! so an article sentence that mentions a newsletter stays. Short lines
//! without cues take their neighbours' class: a line between two pieces of
//! furniture is furniture; elsewhere it is a heading.

mod cues;
mod features;
pub mod markup;
mod model;
mod teasers;

use super::language::Language;
use super::segment::Block;
use super::text::{is_letter_or_digit, push_lowercase};
use super::Span;
use cues::{
    CONTROL_WORDS, CREDIT_MARKS, CUES, FOLLOW_STARTS, GLUED_CAPTION_LABELS, LINE_START_CUES,
    NAVIGATION_STARTS, PHOTO_AGENCIES, SOCIAL_PLATFORMS,
};
use features::{ends_like_sentence, lower_is, RuleSaid, READER_ADDRESS};
pub use features::{truncated, CONTEXT, LOCAL, N_CONTEXT, N_LOCAL};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Why a block was set aside.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// Subscription, newsletter and sign-up prompts.
    SignUp,
    /// Donation and membership appeals.
    Donation,
    /// Cookie, privacy and consent notices.
    Cookies,
    /// "Read more", "Related", menus, share and follow lines.
    Navigation,
    /// A lone word or two that reads like a button ("Continue", "Monthly").
    Button,
    /// Photo and video captions and credits.
    Caption,
    /// Bylines, datelines, "updated at", "X contributed reporting".
    Byline,
    /// Advertisement markers and copyright lines.
    Advertisement,
    /// A short line surrounded by other furniture.
    ShortLine,
    /// Outside the article's run of paragraphs (menus before it; related
    /// lists, comments and footers after it).
    OutsideArticle,
    /// Reads like page furniture, not article prose.
    Furniture,
    /// Set aside by the reader.
    Reader,
}

impl BoilerplateKind {
    /// A short reason for people ("why was this set aside?").
    pub fn reason(self) -> &'static str {
        match self {
            BoilerplateKind::SignUp => "sign-up or subscription prompt",
            BoilerplateKind::Donation => "donation or membership appeal",
            BoilerplateKind::Cookies => "cookie or privacy notice",
            BoilerplateKind::Navigation => "navigation, related or share links",
            BoilerplateKind::Button => "button-like line",
            BoilerplateKind::Caption => "photo caption or credit",
            BoilerplateKind::Byline => "byline, dateline or credit line",
            BoilerplateKind::Advertisement => "advertisement or copyright line",
            BoilerplateKind::ShortLine => "short line among page furniture",
            BoilerplateKind::OutsideArticle => "outside the article's paragraphs",
            BoilerplateKind::Furniture => "reads like page furniture, not article prose",
            BoilerplateKind::Reader => "set aside by you",
        }
    }
}

/// A block of the text set aside as not part of the article.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
    /// The strongest evidence that decided it.
    pub evidence: Evidence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockClass {
    Body,
    /// Kept as article text, but too doubtful for the summary (a caption
    /// or a blurb near the article: the classifier's probability is under
    /// `SUMMARY_THRESHOLD`).
    Margin,
    /// A title or cross-heading: no sentence end, short.
    Heading,
    Boilerplate(BoilerplateKind),
}

/// Each block's class, and what the classifier saw.
pub struct Cleaned {
    pub classes: Vec<BlockClass>,
    /// The classifier's probability that the block is article text.
    pub p_article: Vec<f32>,
    /// Why a set-aside block was set aside (`None` for the others).
    pub evidence: Vec<Option<Evidence>>,
    /// Whether the rules called the block furniture (kept when the model
    /// was sure enough of it, `model::RULE_VETO`).
    pub flagged: Vec<bool>,
    /// The classifier's inputs, for the fitting script (`--blocks`).
    pub local: Vec<features::Local>,
    /// The third stage's inputs (a rich paste only; empty otherwise).
    pub markup: Vec<markup::Markup>,
}

impl Cleaned {
    /// The reader's word on block `idx`: article text, or set aside. Kept,
    /// it is no furniture to the rules either (`flagged`), so that the
    /// summary may take it.
    pub fn set_by_reader(&mut self, idx: usize, keep: bool) {
        let (Some(class), Some(evidence)) = (self.classes.get_mut(idx), self.evidence.get_mut(idx))
        else {
            return;
        };
        if keep {
            if matches!(class, BlockClass::Boilerplate(_) | BlockClass::Margin) {
                *class = BlockClass::Body;
            }
            *evidence = None;
            if let Some(flagged) = self.flagged.get_mut(idx) {
                *flagged = false;
            }
        } else {
            *class = BlockClass::Boilerplate(BoilerplateKind::Reader);
            *evidence = Some(Evidence::Reader);
        }
    }
}

/// The strongest evidence that set a block aside: the input that pulled the
/// classifier's score furthest below an average block's.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// The furniture rules matched (cue words, a caption label, a menu shape).
    Rules,
    /// So many words (few).
    FewWords(u32),
    NoSentenceEnd,
    /// This share of function words, in percent (few).
    FewFunctionWords(u32),
    /// This share of capitalised words, in percent.
    Capitalised(u32),
    /// This share of words with figures, in percent.
    Figures(u32),
    /// So many furniture cue phrases.
    CueWords(u32),
    AddressesReader,
    /// The same line appears elsewhere on the page.
    Repeated,
    Links,
    ListItem,
    /// Before the article's run of paragraphs, by so many lines.
    BeforeArticle(u32),
    /// After the article's run of paragraphs, by so many lines.
    AfterArticle(u32),
    /// Its neighbours are furniture.
    AmongFurniture,
    /// This share of the line is links, in percent (a rich paste's markup).
    LinkShare(u32),
    /// The page's markup placed it there: a [`markup::MARKS`] index.
    Markup(usize),
    /// Outside the page's article element.
    OutsideArticleElement,
    Shape,
    /// A photo credit, or its caption (the line before a credit that
    /// closes it, or the line a "©" credit opens).
    PhotoCredit,
    /// One of a list of dated teasers (`teasers::dated_teasers`).
    DatedList,
    /// The reader set it aside.
    Reader,
}

impl Evidence {
    /// Whether a rule outside the model set the block aside, whatever its
    /// probability says (a photo credit or its caption, a list of dated
    /// teasers).
    pub fn outside_model(self) -> bool {
        matches!(self, Evidence::PhotoCredit | Evidence::DatedList)
    }

    /// The evidence in words, for people.
    pub fn describe(self) -> String {
        match self {
            Evidence::Rules => "matches a furniture pattern".into(),
            Evidence::FewWords(n) => format!("only {n} word{}", if n == 1 { "" } else { "s" }),
            Evidence::NoSentenceEnd => "no sentence ends".into(),
            Evidence::FewFunctionWords(p) => format!("few function words ({p}%)"),
            Evidence::Capitalised(p) => format!("{p}% of words capitalised"),
            Evidence::Figures(p) => format!("{p}% of words are figures"),
            Evidence::CueWords(n) => {
                format!("{n} furniture cue phrase{}", if n == 1 { "" } else { "s" })
            }
            Evidence::AddressesReader => "speaks to the reader".into(),
            Evidence::Repeated => "repeated elsewhere on the page".into(),
            Evidence::Links => "links, handles or addresses".into(),
            Evidence::ListItem => "a list item".into(),
            Evidence::BeforeArticle(n) => format!(
                "{n} line{} before the article",
                if n == 1 { "" } else { "s" }
            ),
            Evidence::AfterArticle(n) => format!(
                "{n} line{} after the article",
                if n == 1 { "" } else { "s" }
            ),
            Evidence::AmongFurniture => "between lines of page furniture".into(),
            Evidence::LinkShare(p) => format!("{p}% links"),
            Evidence::Markup(i) => markup::MARKS
                .get(i)
                .map_or("its place on the page", |m| m.describe())
                .into(),
            Evidence::OutsideArticleElement => "outside the page's article".into(),
            Evidence::Shape => "not shaped like article prose".into(),
            Evidence::PhotoCredit => "a photo credit or its caption".into(),
            Evidence::DatedList => "in a list of dated teasers for other stories".into(),
            Evidence::Reader => "you set it aside".into(),
        }
    }
}

/// How many characters of a sentence's start [`points_elsewhere`] reads:
/// the longest navigation cue and room for a colon after it.
const POINTER_HEAD_CHARS: usize = 24;

/// Whether a sentence inside running text is a pointer to another page:
/// it opens with a navigation cue of a line's start and a colon ("READ
/// MORE: Richard III had roundworm infection .", "Читайте также: ...") —
/// the furniture of a page whose lines were run together.
pub(crate) fn points_elsewhere(sentence: &str) -> bool {
    if !sentence.contains(':') {
        return false;
    }
    let end = sentence
        .char_indices()
        .nth(POINTER_HEAD_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let mut head = String::new();
    push_lowercase(&mut head, &sentence[..end]);
    NAVIGATION_STARTS.iter().any(|cue| {
        head.strip_prefix(cue.trim_end_matches(':'))
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Classifies `blocks`; `words` holds each block's words
/// (`segment::split_words`), parallel to `blocks`.
///
/// The rules (cue phrases, captions, menus, headings) give a first answer;
/// a two-stage logistic model fitted on real pasted pages
/// (`scripts/fit_cleaner.py`, weights in `clean/model.rs`) decides: its
/// first stage reads each block alone (the rules' answer among its inputs),
/// its second adds the context, above all whether the block lies inside
/// the article's one run of paragraphs ([`features::body_run`]), in two
/// passes (the second reads the context of the first's answers). A rich
/// paste's markup (`hints`, one per block, empty for plain text) adds a
/// third stage that reads it beside the second's answer, and a fourth that
/// reads the third's answers in context. A photo credit and the caption
/// it closes (`is_photo_credit`, `is_name_alone`) or opens
/// (`opens_with_credit`), and a list of dated
/// teasers (`teasers`), are set aside whatever the model says.
pub fn classify_blocks(
    text: &str,
    blocks: &[Block],
    words: &[&[Span]],
    language: Language,
    hints: &[Option<markup::Hint>],
) -> Cleaned {
    let RuleClasses {
        classes: rules,
        cue_hits,
        title,
        credited,
    } = rule_classes(text, blocks, words, language);
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    for block in blocks {
        *seen.entry(block.span.slice(text)).or_default() += 1;
    }
    let local: Vec<features::Local> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let body = block.span.slice(text);
            features::local(&features::BlockInput {
                text,
                body,
                words: words.get(i).copied().unwrap_or_default(),
                language,
                rule: match rules[i] {
                    BlockClass::Body | BlockClass::Margin => RuleSaid::Body,
                    BlockClass::Heading => RuleSaid::Heading,
                    BlockClass::Boilerplate(_) => RuleSaid::Furniture,
                },
                cue_hits: cue_hits[i],
                repeated: seen.get(body).is_some_and(|&n| n > 1),
            })
        })
        .collect();
    let n_words: Vec<usize> = (0..blocks.len())
        .map(|i| words.get(i).map_or(0, |w| w.len()))
        .collect();
    let shapes: Vec<teasers::Shape> = (0..blocks.len())
        .map(|i| {
            let sentence_end = local[i][features::SENTENCE_END] > 0.0;
            teasers::shape(blocks[i].span.slice(text), n_words[i], sentence_end)
        })
        .collect();
    let teasers = teasers::dated_teasers(&shapes);
    let logits: Vec<f32> = local.iter().map(model::local_logit).collect();
    let first_context = features::context(&logits, &local, &n_words, model::RUN);
    // The second pass: the same context over the first pass's answers.
    let logits: Vec<f32> = first_context.iter().map(model::context_logit).collect();
    let context = features::context(&logits, &local, &n_words, model::RUN);
    let mut classes = Vec::with_capacity(blocks.len());
    let mut p_article = Vec::with_capacity(blocks.len());
    let mut evidence = Vec::with_capacity(blocks.len());
    let marked = !hints.is_empty();
    let page_has_article = hints
        .iter()
        .flatten()
        .any(|h| h.marks & markup::Mark::Article.bit() != 0);
    let (threshold, summary_threshold) = if marked {
        (model::MARKUP_THRESHOLD, model::MARKUP_SUMMARY_THRESHOLD)
    } else {
        (model::THRESHOLD, model::SUMMARY_THRESHOLD)
    };
    // A rich paste: the third stage reads the markup beside the second's
    // answer, the fourth that answer's context.
    let (markup_inputs, markup_context) = if marked {
        let inputs: Vec<markup::Markup> = (0..blocks.len())
            .map(|i| {
                let hint = hints.get(i).and_then(Option::as_ref);
                markup::features(model::context2_logit(&context[i]), hint, page_has_article)
            })
            .collect();
        let logits: Vec<f32> = inputs.iter().map(model::markup_logit).collect();
        let context = features::context(&logits, &local, &n_words, model::RUN);
        (inputs, context)
    } else {
        (Vec::new(), Vec::new())
    };
    for i in 0..blocks.len() {
        let p = match markup_context.get(i) {
            Some(c) => model::markup_probability(c),
            None => model::sigmoid(model::context2_logit(&context[i])),
        };
        p_article.push(p);
        let flagged = matches!(rules[i], BlockClass::Boilerplate(_));
        if Some(i) == title {
            // The headline is neither article nor junk (the pastes' labels
            // leave it out): the rules' title stays a heading.
            classes.push(BlockClass::Heading);
            evidence.push(None);
        } else if credited[i] {
            // Set aside whatever the model says: a credit and its caption
            // are a pair that no model input sees (the rules' docs say what
            // they mark on the dev pastes: all furniture; the clean news
            // sets have none).
            classes.push(BlockClass::Boilerplate(BoilerplateKind::Caption));
            evidence.push(Some(Evidence::PhotoCredit));
        } else if teasers[i] {
            // Set aside whatever the model says, as the credits are: see
            // `teasers` for what such lists hold on the dev pastes.
            classes.push(BlockClass::Boilerplate(BoilerplateKind::Navigation));
            evidence.push(Some(Evidence::DatedList));
        } else if p < threshold || (flagged && p < model::RULE_VETO) {
            let why = match (markup_context.get(i), markup_inputs.get(i)) {
                (Some(c), Some(x)) => model::markup_against(c, x, n_words[i]),
                _ => None,
            }
            .unwrap_or_else(|| model::strongest_against(&local[i], &first_context[i], n_words[i]));
            let kind = match rules[i] {
                BlockClass::Boilerplate(kind) => kind,
                _ if matches!(why, Evidence::BeforeArticle(_) | Evidence::AfterArticle(_)) => {
                    BoilerplateKind::OutsideArticle
                }
                _ if n_words[i] <= 3 => BoilerplateKind::ShortLine,
                _ => BoilerplateKind::Furniture,
            };
            classes.push(BlockClass::Boilerplate(kind));
            evidence.push(Some(why));
        } else {
            let body = blocks[i].span.slice(text);
            let heading = match rules[i] {
                BlockClass::Heading => true,
                BlockClass::Body | BlockClass::Margin => false,
                // Kept against the rules: a heading if it reads like one.
                BlockClass::Boilerplate(_) => {
                    !ends_like_sentence(body) && n_words[i] <= MAX_HEADING_WORDS
                }
            };
            classes.push(if heading {
                BlockClass::Heading
            } else if p < summary_threshold {
                BlockClass::Margin
            } else {
                BlockClass::Body
            });
            evidence.push(None);
        }
    }
    // A text the model finds no article in, where the rules see text, is
    // still the person's text (a title, a note, one line): the rules decide.
    if !classes
        .iter()
        .any(|c| matches!(c, BlockClass::Body | BlockClass::Margin))
    {
        for (i, rule) in rules.iter().enumerate() {
            if !matches!(rule, BlockClass::Boilerplate(_)) {
                classes[i] = *rule;
                evidence[i] = None;
            }
        }
    }
    Cleaned {
        flagged: rules
            .iter()
            .map(|r| matches!(r, BlockClass::Boilerplate(_)))
            .collect(),
        classes,
        p_article,
        evidence,
        local,
        markup: markup_inputs,
    }
}

/// Blocks longer than this are article text whatever cue words they hold
/// (unless they hold cues of several appeals at once).
const MAX_FURNITURE_WORDS: usize = 40;
/// Cue hits per word above which a block of up to [`MAX_FURNITURE_WORDS`]
/// is furniture: an appeal is made of its cues ("Sign up for our newsletter
/// to get stories in your inbox": 3 in 16), prose only mentions one.
const MIN_CUE_DENSITY: f32 = 0.1;
/// Lines of at most this many words, with no sentence end, are headings or
/// (among furniture, or matching a control word) buttons.
const MAX_HEADING_WORDS: usize = 16;
/// A headline may be longer than a cross-heading: a line of at most this
/// many words with no sentence end, just before the article starts, is the
/// title.
const MAX_TITLE_WORDS: usize = 30;
/// A byline that gives its time of publication ("… at 11:08 a.m.") may be
/// this long (hand-set: the one on the dev pastes that prompted it has 15).
const MAX_TIMED_BYLINE_WORDS: usize = 24;
/// Below this share of function words a multi-word line with no sentence end
/// reads like a menu (measured on prose: 0.3–0.5 in every language here).
const MENU_STOP_RATIO: f32 = 0.1;

/// What the rules say of each block (the classifier's strongest inputs),
/// and how many cue phrases each short block holds.
fn rule_classes(
    text: &str,
    blocks: &[Block],
    words: &[&[Span]],
    language: Language,
) -> RuleClasses {
    let mut classes: Vec<Option<BlockClass>> = Vec::with_capacity(blocks.len());
    let mut cue_hits = Vec::with_capacity(blocks.len());
    let mut credited = Vec::with_capacity(blocks.len());
    let mut lower = String::new();
    for (idx, block) in blocks.iter().enumerate() {
        let body = block.span.slice(text);
        let block_words = words.get(idx).copied().unwrap_or_default();
        let n_words = block_words.len();
        // Only short blocks are read in lower case (see `classify_one`).
        lower.clear();
        if n_words <= MAX_CUE_SCAN_WORDS {
            push_lowercase(&mut lower, body);
        }
        let (class, hits) = classify_one(text, block_words, body, &lower, language, idx == 0);
        classes.push(class);
        cue_hits.push(hits);
        // A photo credit closes its caption: the line before it, when that
        // ends like a sentence, is the caption (an agency's picture inside
        // an article reads like a paragraph of it). A credit that names no
        // agency ("Berkeley Earth") is one only as the name alone that
        // closes such a caption's two-line paragraph.
        // (The line before is read only for a line that may credit it.)
        let caption = || {
            idx.checked_sub(1).filter(|&c| {
                let caption_words = words.get(c).map_or(0, |w| w.len());
                ends_like_sentence(blocks[c].span.slice(text))
                    && (MIN_CAPTION_WORDS..=MAX_CAPTION_WORDS).contains(&caption_words)
            })
        };
        let credit = (n_words <= MAX_CREDIT_WORDS && is_photo_credit(&lower))
            || (closes_two_line_paragraph(blocks, idx)
                && is_name_alone(text, body, block_words)
                && caption().is_some());
        credited.push(credit || opens_with_credit(&lower, n_words));
        if credit {
            if let Some(c) = caption() {
                credited[c] = true;
            }
        }
    }
    // The title: the last undecided line of a few words before the article
    // starts, however much furniture surrounds it.
    let first_body = classes
        .iter()
        .position(|c| *c == Some(BlockClass::Body))
        .unwrap_or(classes.len());
    // (The first line, which the rules call a heading outright, may be it.)
    let title_idx = (0..first_body).rev().find(|&i| {
        (classes[i].is_none() || (i == 0 && classes[i] == Some(BlockClass::Heading)))
            && blocks[i].span.slice(text).split_whitespace().count() >= 3
    });
    // Context: an undecided short line becomes furniture when a neighbour
    // is furniture, and a heading otherwise.
    let is_furniture = |c: &Option<BlockClass>| matches!(c, Some(BlockClass::Boilerplate(_)));
    let mut out = Vec::with_capacity(classes.len());
    for i in 0..classes.len() {
        let class = match classes[i] {
            Some(c) => c,
            None if Some(i) == title_idx => BlockClass::Heading,
            None if blocks[i].span.slice(text).split_whitespace().count() > MAX_HEADING_WORDS => {
                BlockClass::Body
            }
            None => {
                let prev = i
                    .checked_sub(1)
                    .and_then(|j| classes.get(j))
                    .is_some_and(is_furniture);
                let next = classes.get(i + 1).is_some_and(is_furniture);
                let (at_start, at_end) = (i == 0, i + 1 == classes.len());
                if (prev && (next || at_end)) || (next && at_start) {
                    BlockClass::Boilerplate(BoilerplateKind::ShortLine)
                } else {
                    BlockClass::Heading
                }
            }
        };
        out.push(class);
    }
    RuleClasses {
        classes: out,
        cue_hits,
        title: title_idx,
        credited,
    }
}

/// What the rules say of the blocks.
struct RuleClasses {
    classes: Vec<BlockClass>,
    /// How many cue phrases each short block holds.
    cue_hits: Vec<usize>,
    /// The title: the last undecided line of a few words before the article
    /// (or the first line, which the rules call a heading outright).
    title: Option<usize>,
    /// Photo credits and their captions: a credit (`is_photo_credit`,
    /// `is_name_alone`) and the caption it closes, or a caption that a
    /// credit opens (`opens_with_credit`).
    credited: Vec<bool>,
}

/// Blocks of more words are not scanned for cue phrases (furniture is
/// short): it keeps cleaning linear in the text.
const MAX_CUE_SCAN_WORDS: usize = 3 * MAX_FURNITURE_WORDS;

/// The class of one block, or `None` for a short line that its neighbours
/// decide. `word_spans` are the block's words; `lower` the block lower-cased
/// when it has at most [`MAX_CUE_SCAN_WORDS`] words (only such blocks read
/// it; a longer one is passed `""`).
fn classify_one(
    text: &str,
    word_spans: &[Span],
    body: &str,
    lower: &str,
    language: Language,
    first: bool,
) -> (Option<BlockClass>, usize) {
    let (hits, first_kind) = if word_spans.len() <= MAX_CUE_SCAN_WORDS {
        find_cues(lower)
    } else {
        (0, None)
    };
    // (The rules below return early; the cue count goes out either way.)
    let class = (|| {
        let n_words = word_spans.len();
        let sentence_end = ends_like_sentence(body);
        // The words themselves are read only in short blocks and in blocks that
        // do not end like a sentence: a prose paragraph needs its count alone.
        let words: Vec<&str> = if n_words <= MAX_CUE_SCAN_WORDS || !sentence_end {
            word_spans.iter().map(|w| w.slice(text)).collect()
        } else {
            Vec::new()
        };

        if n_words <= 3
            && !sentence_end
            && CONTROL_WORDS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric()))
        {
            return Some(BlockClass::Boilerplate(BoilerplateKind::Button));
        }
        if (n_words <= MAX_FURNITURE_WORDS && has_caption_label(body))
            || (n_words <= MAX_CAPTION_WORDS && ends_with_glued_credit(body))
        {
            return Some(BlockClass::Boilerplate(BoilerplateKind::Caption));
        }
        for (kind, cues) in LINE_START_CUES {
            // (A cue's first byte rules most out before a comparison.)
            let starts = |c: &&str| {
                c.as_bytes()
                    .first()
                    .is_none_or(|b| lower.as_bytes().first() == Some(b))
                    && lower.starts_with(c)
            };
            if n_words <= MAX_FURNITURE_WORDS && cues.iter().any(starts) {
                // "By the end of the year, ..." is prose: a byline is a short line of names.
                if *kind == BoilerplateKind::Byline && !looks_like_byline(&words, lower) {
                    continue;
                }
                return Some(BlockClass::Boilerplate(*kind));
            }
        }
        if n_words <= MAX_FURNITURE_WORDS && is_follow_line(lower) {
            return Some(BlockClass::Boilerplate(BoilerplateKind::Navigation));
        }
        if let Some(kind) = first_kind {
            // A caption or credit line is marked by one cue ("Photo: ..."); an
            // appeal must be made of its cues.
            let marked = matches!(kind, BoilerplateKind::Caption | BoilerplateKind::Byline);
            // Appeals talk to the reader: each "you", "our", "we" adds half a cue.
            let n_address = words
                .iter()
                .filter(|w| lower_is(w, |l| READER_ADDRESS.contains(&l)))
                .count();
            let evidence = hits as f32 + 0.5 * n_address as f32;
            let dense = marked || evidence >= MIN_CUE_DENSITY * n_words as f32;
            if (n_words <= MAX_FURNITURE_WORDS && dense) || hits >= 3 {
                return Some(BlockClass::Boilerplate(kind));
            }
        }
        if n_words == 0 {
            return Some(BlockClass::Boilerplate(BoilerplateKind::ShortLine));
        }
        if !sentence_end && n_words >= 4 && !language.stop_words().is_empty() {
            let n_stop = words
                .iter()
                .filter(|w| lower_is(w, |l| language.is_stop_word(l)))
                .count();
            if (n_stop as f32) < MENU_STOP_RATIO * n_words as f32 && looks_like_menu(body, &words) {
                return Some(BlockClass::Boilerplate(BoilerplateKind::Navigation));
            }
        }
        if !sentence_end && n_words <= MAX_TITLE_WORDS {
            return if first {
                Some(BlockClass::Heading)
            } else {
                None
            };
        }
        Some(BlockClass::Body)
    })();
    (class, hits)
}

/// Whether a short line, lower-cased, sends the reader to the site's
/// social accounts: it opens with a call ([`FOLLOW_STARTS`]) and names two
/// networks ([`SOCIAL_PLATFORMS`]). An article's sentence may name the
/// networks ("Facebook and Twitter removed the video") but does not open
/// with the call.
fn is_follow_line(lower: &str) -> bool {
    // (A call is whole words: "like us", not "like usual".)
    let opens = |s: &&str| {
        lower.strip_prefix(*s).is_some_and(|rest| {
            s.ends_with(' ') || !rest.starts_with(|c: char| c.is_alphanumeric())
        })
    };
    FOLLOW_STARTS.iter().any(opens)
        && SOCIAL_PLATFORMS
            .iter()
            .filter(|p| contains_phrase(lower, p))
            .nth(1)
            .is_some()
}

/// A menu is a row of labels: separators between them, or nearly every word
/// capitalised and no figures. A results line ("Henman (Britain) beat Flach
/// 6-3 6-4") has few function words too, but carries figures and verbs.
fn looks_like_menu(body: &str, words: &[&str]) -> bool {
    let separated = body.contains(['|', '•', '·', '»', '›']) || body.contains(" / ");
    let n_caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let figures = words
        .iter()
        .any(|w| w.contains(|c: char| c.is_ascii_digit()));
    let long = words.len() > MAX_HEADING_WORDS / 2;
    separated || (long && n_caps * 10 >= words.len() * 9 && !figures)
}

/// A photo credit has at most this many words ("Photo: Meg Kinnard, AP").
const MAX_CREDIT_WORDS: usize = 10;
/// A caption closed by a credit has at least this many words: fewer is a
/// label ("Email"); an agency's caption may have 43 ("…, Tuesday, Nov. 19,
/// 2019, calling for…").
const MIN_CAPTION_WORDS: usize = 4;
const MAX_CAPTION_WORDS: usize = 60;

/// Whether a short line, lower-cased, credits a photo: it names an agency
/// after its last comma or slash, or it carries a credit's mark (as a
/// phrase: "tap photo" holds no "ap photo"). Not a credit: a line that
/// opens a list ("See more photos:"), a copyright before its caption (the
/// BBC's "Image copyright Getty Images"), a byline ("By …", or two names
/// with "and") or a sign-off ("— Jane Doe, Bloomberg"). On the dev pastes,
/// the 15 lines before such a credit that end like a sentence are all
/// captions or page furniture; the clean news sets have no such line.
fn is_photo_credit(lower: &str) -> bool {
    let line = lower.trim().trim_end_matches('.');
    if line.ends_with(':')
        || line.starts_with("by ")
        || line.starts_with(['—', '–', '-'])
        || line.contains(" and ")
        || line.contains("copyright")
    {
        return false;
    }
    let tail = line.rsplit([',', '/']).next().unwrap_or("").trim();
    let credited = line.len() > tail.len() && PHOTO_AGENCIES.contains(&tail);
    credited || CREDIT_MARKS.iter().any(|m| contains_phrase(line, m))
}

/// Whether a line is a caption that its credit opens ("© John Brecher
/// Needle poking skin during…", msn's pictures): a copyright sign, then a
/// caption-sized sentence. Not such a line: a copyright notice (a year
/// after the sign, "© 1995 - 2019 by Snopes Media Group Inc."; "… All
/// rights reserved."). On the dev pastes, every line that opens with "©"
/// is page furniture but two credits alone ("© Reuters"), which are too
/// short for this; the clean news, entity and training sets have no such
/// line. Of the lines it marks there (six on three sites), two are msn's
/// captions and four a publisher's address ("© Future US, Inc. 11 West
/// 42nd Street, …"), furniture too.
/// (`lower`: the line in lower case, or empty for a long line.)
fn opens_with_credit(lower: &str, n_words: usize) -> bool {
    let year = |rest: &str| {
        rest.bytes()
            .find(|&b| b != b' ')
            .is_some_and(|b| b.is_ascii_digit())
    };
    lower.strip_prefix('©').is_some_and(|rest| !year(rest))
        // (A credit's name of two words or more, then a caption.)
        && (MIN_CAPTION_WORDS + 2..=MAX_CAPTION_WORDS).contains(&n_words)
        && ends_like_sentence(lower)
        && !lower.contains("rights reserved")
}

/// A credit that names no agency has at most this many words ("NASA
/// Worldview", "Sanjeev Verma").
const MAX_NAME_CREDIT_WORDS: usize = 4;

/// Whether block `idx` is the second and last line of its paragraph.
fn closes_two_line_paragraph(blocks: &[Block], idx: usize) -> bool {
    let paragraph = |i: usize| blocks.get(i).map(|b| b.paragraph_idx);
    let own = paragraph(idx);
    idx >= 1
        && paragraph(idx - 1) == own
        && (idx < 2 || paragraph(idx - 2) != own)
        && paragraph(idx + 1) != own
}

/// Whether a line is a name alone: a few capitalised words with no figure,
/// comma or sentence end ("Berkeley Earth", "STATISTA"; not "Rome, Italy").
/// Closing a caption's two-line paragraph, such a line credits it: on the
/// dev pastes, all 10 such paragraphs (four sites) are furniture, and the
/// clean news and entity sets have none.
fn is_name_alone(text: &str, body: &str, words: &[Span]) -> bool {
    (1..=MAX_NAME_CREDIT_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.slice(text).starts_with(char::is_uppercase))
        && !body.contains(|c: char| c.is_ascii_digit() || c == ',')
        && !ends_like_sentence(body)
}

/// "Sacked: Jeremy Clarkson will not face...": a photo caption that opens
/// with a one-word capitalised label and a colon, then a capitalised word.
fn has_caption_label(body: &str) -> bool {
    let glued = |label: &&str| {
        body.strip_prefix(*label)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    };
    if GLUED_CAPTION_LABELS.iter().any(glued) {
        return true;
    }
    let Some((label, rest)) = split_at_colon_space(body) else {
        return false;
    };
    // (One letter is an interview's "Q:" or "A:", not a caption's label.)
    let one_word =
        label.chars().count() >= 2 && label.len() <= 20 && label.chars().all(char::is_alphabetic);
    one_word
        && label.chars().next().is_some_and(char::is_uppercase)
        && rest
            .trim_start_matches(['‘', '\'', '"', '“'])
            .starts_with(char::is_uppercase)
}

/// Whether a line is a caption with its credit glued on, as the copy of a
/// figure gives them ("… speaks at the Capitol on July 25, 2019.J. Scott
/// Applewhite / AP file"): after the last full stop that a capital touches,
/// a photo credit ([`is_photo_credit`]) of a credit's length. (A full
/// stop after a capital is an abbreviation's: "by the U.S. space agency,
/// NASA." is no caption.)
fn ends_with_glued_credit(body: &str) -> bool {
    let bytes = body.as_bytes();
    // (After a word in small letters or a figure: not "U.S." or "D.C.")
    let Some(start) = (2..bytes.len()).rev().find(|&i| {
        bytes[i - 1] == b'.'
            && bytes[i].is_ascii_uppercase()
            && (bytes[i - 2].is_ascii_lowercase() || bytes[i - 2].is_ascii_digit())
    }) else {
        return false;
    };
    let credit = &body[start..];
    if credit.split_whitespace().count() > MAX_CREDIT_WORDS {
        return false;
    }
    let mut lower = String::with_capacity(credit.len());
    push_lowercase(&mut lower, credit);
    is_photo_credit(&lower)
}

/// `body.split_once(": ")`, by a byte search for the colon (a substring
/// searcher per block showed in profiles of pasted pages).
fn split_at_colon_space(body: &str) -> Option<(&str, &str)> {
    let bytes = body.as_bytes();
    let colon = body
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| bytes.get(i + 1) == Some(&b' '))?;
    Some((&body[..colon], &body[colon + 2..]))
}

/// "By Jane Doe", "By Jane Doe and John Roe, CNN": short, mostly capitalised.
fn looks_like_byline(words: &[&str], lower: &str) -> bool {
    // "By Jane Doe, John Roe on Monday, November 18th, 2019 at 11:08 a.m.":
    // names and a time of publication make a longer byline.
    let timed = lower.contains(" a.m.") || lower.contains(" p.m.");
    if words.len() > 12 && !(timed && words.len() <= MAX_TIMED_BYLINE_WORDS) {
        return false;
    }
    let rest = &words[1.min(words.len())..];
    let n_caps = rest
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let dated = lower.starts_with("updated") || lower.starts_with("published");
    let first_capitalised = rest
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    dated
        || (timed && first_capitalised)
        || (!rest.is_empty()
            && n_caps * 2 >= rest.len()
            && rest
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// Whether `phrase` occurs in `haystack` with no letter right before or
/// after it (where the phrase itself starts or ends with one). The
/// cleaning asks [`find_cues`], which gives the same answer for every cue
/// at once (this is its reference in the tests); the few photo credits'
/// marks are asked one by one ([`is_photo_credit`]).
fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        let before_ok = !haystack[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || !phrase.starts_with(char::is_alphanumeric);
        let after_ok = !haystack[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            || !phrase.ends_with(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// A cue phrase of [`CUES`] and its place in their order.
struct Cue {
    order: usize,
    phrase: &'static [u8],
    /// Ends with a letter or digit: must not run on into one.
    ends_alnum: bool,
}

/// How many cue phrases [`CUES`] holds; [`find_cues`] keeps one bit each.
const N_CUES: usize = {
    let (mut n, mut i) = (0, 0);
    while i < CUES.len() {
        n += CUES[i].1.len();
        i += 1;
    }
    n
};
const _: () = assert!(N_CUES <= 256);

/// The cues that start with a letter or digit by their first word (their
/// first run of letters and digits), the others by their first byte.
struct CueIndex {
    by_first_word: FxHashMap<&'static str, Vec<Cue>>,
    /// By a first word's first byte, the byte lengths of first words (a
    /// bit each, lengths under 64).
    first_word_lengths: [u64; 256],
    anywhere: Vec<Vec<Cue>>,
    kinds: Vec<BoilerplateKind>,
}

fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = CueIndex {
            by_first_word: FxHashMap::default(),
            first_word_lengths: [0; 256],
            anywhere: (0..256).map(|_| Vec::new()).collect(),
            kinds: Vec::new(),
        };
        let cues = CUES
            .iter()
            .flat_map(|(kind, cues)| cues.iter().map(move |c| (*kind, c)));
        for (order, (kind, phrase)) in cues.enumerate() {
            index.kinds.push(kind);
            let cue = Cue {
                order,
                phrase: phrase.as_bytes(),
                ends_alnum: phrase.ends_with(char::is_alphanumeric),
            };
            let first_word = phrase
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default();
            if !first_word.is_empty() {
                // (A word of 64 bytes or more is always looked up.)
                index.first_word_lengths[usize::from(first_word.as_bytes()[0])] |=
                    1u64.checked_shl(first_word.len() as u32).unwrap_or(0);
                index.by_first_word.entry(first_word).or_default().push(cue);
            } else if let Some(&first) = phrase.as_bytes().first() {
                index.anywhere[usize::from(first)].push(cue);
            }
        }
        index
    })
}

/// Whether the character at byte `i` of `s` is a letter or digit, and its
/// length (ASCII without decoding).
fn alnum_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        _ => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (is_letter_or_digit(c), c.len_utf8())),
    }
}

/// How many of the cue phrases of [`CUES`] occur in `lower` as
/// [`contains_phrase`] finds them (each counted once), and the kind of the
/// first of them in `CUES` order. One pass over the text instead of a
/// substring search per cue (building each search's tables was most of
/// the cleaning's cost: about 450 instructions per cue, 238 cues per short
/// block). A cue that starts with a letter or digit can only match where a
/// word starts, and the word there must be the cue's first word (it ends
/// where the cue's does, or the cue would run on or differ), so each word
/// is one lookup; other cues are looked for by their first byte.
fn find_cues(lower: &str) -> (usize, Option<BoilerplateKind>) {
    let index = cue_index();
    let bytes = lower.as_bytes();
    let mut found = [0u64; N_CUES.div_ceil(64)];
    let mut check = |cues: &[Cue], at: usize| {
        for cue in cues {
            let bit = (cue.order / 64, 1u64 << (cue.order % 64));
            if found[bit.0] & bit.1 != 0 || !bytes[at..].starts_with(cue.phrase) {
                continue;
            }
            let end = at + cue.phrase.len();
            if !(cue.ends_alnum && alnum_at(lower, end).0) {
                found[bit.0] |= bit.1;
            }
        }
    };
    let n = bytes.len();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (alnum, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            alnum_at(lower, i)
        };
        if !alnum {
            // (Few bytes start a cue that is not a word: most have none.)
            let cues = &index.anywhere[usize::from(b)];
            if !cues.is_empty() {
                check(cues, i);
            }
            i += len;
            continue;
        }
        // A word: up to the next character that is no letter or digit
        // (ASCII runs without decoding).
        let mut end = i + len;
        loop {
            while end < n && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            if end < n && !bytes[end].is_ascii() {
                let (alnum, len) = alnum_at(lower, end);
                if alnum {
                    end += len;
                    continue;
                }
            }
            break;
        }
        // (Most words start no cue: their first byte and length rule them
        // out before any hashing.)
        let lengths = index.first_word_lengths[usize::from(b)];
        if end - i >= 64 || lengths >> (end - i) & 1 != 0 {
            if let Some(cues) = lower.get(i..end).and_then(|w| index.by_first_word.get(w)) {
                check(cues, i);
            }
        }
        i = end;
    }
    let hits = found.iter().map(|w| w.count_ones() as usize).sum();
    // (The first set bit, a word of 64 at a time.)
    let first = found
        .iter()
        .enumerate()
        .find(|(_, &w)| w != 0)
        .map(|(k, w)| k * 64 + w.trailing_zeros() as usize);
    (hits, first.map(|k| index.kinds[k]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::{split_blocks, split_words};

    /// The colon split is `split_once(": ")` on every string of up to 6
    /// pieces over colons, spaces, a letter and characters of 2 to 4 bytes.
    #[test]
    fn pointers_in_running_text() {
        for s in [
            "READ MORE: Richard III had roundworm infection .",
            "Read more : Why the bridge matters",
            "Related : Why the bridge matters",
            "Читайте также: Почему мост закрыт",
            "À lire aussi : Pourquoi le pont est fermé",
        ] {
            assert!(points_elsewhere(s), "{s:?}");
        }
        for s in [
            "Read more about the bridge on our site.",
            "Related work was done in May.",
            "Watch this space, the mayor said.",
            "Re",
            "",
        ] {
            assert!(!points_elsewhere(s), "{s:?}");
        }
        // Every cue and its colon fit in the start that is read.
        assert!(NAVIGATION_STARTS
            .iter()
            .all(|c| c.chars().count() + 2 <= POINTER_HEAD_CHARS));
    }

    #[test]
    fn colon_split_is_split_once() {
        let pieces = [":", " ", "a", "é", "“", "😀", "\n"];
        crate::engine::testutil::for_every_string_over(&pieces, 6, |s| {
            assert_eq!(split_at_colon_space(s), s.split_once(": "), "{s:?}");
        });
    }

    /// The blocks of `text` and their cleaning (plain text, in `language`).
    fn cleaned_of(text: &str, language: Language) -> (Vec<Block>, Cleaned) {
        let blocks = split_blocks(text);
        let words: Vec<Vec<Span>> = blocks
            .iter()
            .map(|b| split_words(text, b.span).collect())
            .collect();
        let words: Vec<&[Span]> = words.iter().map(Vec::as_slice).collect();
        let cleaned = classify_blocks(text, &blocks, &words, language, &[]);
        (blocks, cleaned)
    }

    /// A line the reader brings back is article text, and no furniture to
    /// the rules any more.
    #[test]
    fn the_reader_clears_the_rules_flag() {
        let text = "Subscribe to our newsletter\n\nThe council met on Tuesday and voted to close the bridge for repairs.";
        let (_, mut cleaned) = cleaned_of(text, Language::English);
        assert!(cleaned.flagged[0], "{:?}", cleaned.flagged);
        cleaned.set_by_reader(0, true);
        assert_eq!(cleaned.classes[0], BlockClass::Body);
        assert!(!cleaned.flagged[0]);
    }

    fn classes(text: &str) -> Vec<(String, BlockClass)> {
        let (blocks, cleaned) = cleaned_of(text, crate::engine::detect_language(text));
        blocks
            .iter()
            .zip(cleaned.classes)
            .map(|(b, c)| (b.span.slice(text).to_owned(), c))
            .collect()
    }

    fn kind_of(text: &str, line: &str) -> BlockClass {
        classes(text)
            .into_iter()
            .find(|(l, _)| l == line)
            .map(|(_, c)| c)
            .expect(line)
    }

    /// What the cleaning counted before [`find_cues`]: a substring search
    /// per cue.
    fn cues_by_search(lower: &str) -> (usize, Option<BoilerplateKind>) {
        let mut hits = 0;
        let mut first_kind = None;
        for (kind, cues) in CUES {
            for cue in cues.iter() {
                if contains_phrase(lower, cue) {
                    hits += 1;
                    first_kind.get_or_insert(*kind);
                }
            }
        }
        (hits, first_kind)
    }

    /// The one-pass cue finder agrees with a search per cue: every cue
    /// between every pair of neighbours (letters, digits, spaces,
    /// punctuation, accented and Cyrillic letters), cues run together,
    /// cues cut short, and pseudo-random strings of cue pieces.
    #[test]
    fn find_cues_matches_a_search_per_cue() {
        let check = |t: &str| assert_eq!(find_cues(t), cues_by_search(t), "cues of {t:?}");
        let around = ["", "x", "1", " ", "-", "é", "ж", "©", "|", "'", "_"];
        let all: Vec<&str> = CUES.iter().flat_map(|(_, c)| c.iter()).collect();
        for cue in &all {
            let cut = &cue[..cue.char_indices().last().map_or(0, |(i, _)| i)];
            for before in around {
                for after in around {
                    check(&format!("{before}{cue}{after}"));
                    check(&format!("{before}{cut}{after}"));
                    check(&format!("{before}{cue}{cue}{after}"));
                }
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5_000 {
            let mut t: Vec<u8> = Vec::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let piece = all[(seed % all.len() as u64) as usize].as_bytes();
                let sep = around[(seed >> 32) as usize % around.len()];
                t.extend(if seed & 1 == 0 {
                    piece
                } else {
                    &piece[..piece.len() / 2]
                });
                t.extend(sep.as_bytes());
            }
            // (Cutting a cue in half may cut a character: it becomes U+FFFD.)
            check(&String::from_utf8_lossy(&t));
        }
        check("sign up for our newsletter to get the news in your inbox");
        check("photo: reuters / getty images | © 2024 all rights reserved");
    }

    /// Kept as article text (a margin line is kept, only not summarised).
    fn is_kept(class: BlockClass) -> bool {
        matches!(class, BlockClass::Body | BlockClass::Margin)
    }

    const BODY: &str = "The council voted on Tuesday to close the old bridge to traffic after engineers found deep cracks in its supports.\n\n";

    #[test]
    fn furniture_table() {
        use BlockClass::Boilerplate as B;
        use BoilerplateKind::*;
        let table: &[(&str, BlockClass)] = &[
            ("Sign up for our morning newsletter", B(SignUp)),
            ("Support our journalism. Donate today.", B(Donation)),
            (
                "We use cookies to improve your experience. Accept all",
                B(Cookies),
            ),
            ("Read more: Why the bridge matters", B(Navigation)),
            ("Continue", B(Button)),
            ("Monthly", B(Button)),
            ("The old bridge in 1950. Photo: City Archive", B(Caption)),
            ("By Jane Doe and John Roe", B(Byline)),
            ("Reuters contributed reporting.", B(Byline)),
            ("Advertisement", B(Button)),
            (
                "Home | News | Sport | Weather | Business | Culture | Travel | Video",
                B(Navigation),
            ),
            (
                "Home News Sport Weather Business Culture Travel Video Audio",
                B(Navigation),
            ),
            (
                "Sacked: But the presenter will not face charges over the incident.",
                B(Caption),
            ),
            ("Lesen Sie auch: Die Brücke", B(Navigation)),
            ("Abonnez-vous à notre newsletter", B(SignUp)),
            (
                "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
                B(Navigation),
            ),
            (
                "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.",
                B(Navigation),
            ),
            ("Media captionWho is Julian Assange?", B(Caption)),
            (
                "Rep. Ilhan Omar, D-Minn., speaks at the Capitol on July 25, 2019.J. Scott Applewhite / AP file",
                B(Caption),
            ),
        ];
        for (line, expected) in table {
            let text = format!("{BODY}{line}\n\n{BODY}");
            assert_eq!(kind_of(&text, line), *expected, "classifying {line:?}");
        }
    }

    /// The evidence "before the article" and "after the article" names the
    /// side the block is on (the second context pass weighs those inputs
    /// with other signs, so the evidence is read in the first).
    #[test]
    fn before_and_after_the_article_name_the_right_side() {
        for text in [
            include_str!("../../tests/fixtures/pastes/en_bridge.txt"),
            include_str!("../../tests/fixtures/pastes/de_hafen.txt"),
            include_str!("../../tests/fixtures/pastes/fr_musee.txt"),
        ] {
            let (_, cleaned) = cleaned_of(text, crate::engine::detect_language(text));
            let body: Vec<usize> = (0..cleaned.classes.len())
                .filter(|&i| is_kept(cleaned.classes[i]))
                .collect();
            let (first, last) = (body[0], body[body.len() - 1]);
            let mut sides = 0;
            for (i, evidence) in cleaned.evidence.iter().enumerate() {
                match evidence {
                    Some(Evidence::BeforeArticle(_)) => assert!(i < first, "block {i}"),
                    Some(Evidence::AfterArticle(_)) => assert!(i > last, "block {i}"),
                    _ => continue,
                }
                sides += 1;
            }
            assert!(sides > 0, "no block was placed before or after the article");
        }
    }

    /// Issue 20: an agency's caption between paragraphs, closed by its
    /// credit, had been a summary's first sentence (detroitnews, dev pastes).
    #[test]
    fn a_photo_credit_sets_aside_its_caption() {
        let caption = "Teachers wearing red carry signs as they rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019.";
        for credit in [
            "Michael Conroy, AP",
            "Al Goldis, Associated Press",
            "Photo: Meg Kinnard, AP",
            "Sakib Ali/Hindustan Times/Getty Images",
            // A name alone closing the caption's paragraph (vox, dev pastes).
            "Berkeley Earth",
            "NASA Worldview",
        ] {
            let text = format!("{BODY}{caption}\n{credit}\n\n{BODY}");
            let (blocks, cleaned) = cleaned_of(&text, Language::English);
            for line in [caption, credit] {
                let i = blocks
                    .iter()
                    .position(|b| b.span.slice(&text) == line)
                    .unwrap();
                assert_eq!(
                    cleaned.classes[i],
                    BlockClass::Boilerplate(BoilerplateKind::Caption),
                    "{line:?} before or being {credit:?}"
                );
                assert_eq!(cleaned.evidence[i], Some(Evidence::PhotoCredit));
            }
        }
        // Not credits: a byline, a list's lead-in, a copyright before its
        // caption (the BBC's order), a sentence naming an agency.
        for line in [
            "by jane doe, ap",
            "meg kinnard and errin haines, associated press",
            "— jane doe, bloomberg",
            "see more photos:",
            "image copyright getty images",
            "the report was first published by reuters.",
            "universal credit: what changes",
            "john smith, erie, pa.",
            "tap photo to enlarge",
        ] {
            assert!(!is_photo_credit(line), "{line:?}");
        }
        assert!(is_photo_credit("jane doe, ap."));
        // A paragraph before a line that is no credit stays the article: a
        // place, or a name that closes a paragraph of more lines.
        let text = format!("{BODY}{caption}\nRome, Italy\n\n{BODY}");
        assert!(is_kept(kind_of(&text, caption)));
        let text = format!("{BODY}Nobody was hurt.\n{caption}\nBerkeley Earth\n\n{BODY}");
        assert!(is_kept(kind_of(&text, caption)));
        // A credit that opens its caption's line (msn): that line is set
        // aside, and the paragraph before it stays.
        let opened = format!("© John Brecher {caption}");
        let before = "The council said the rally had been peaceful and that nobody was arrested.";
        let text = format!("{BODY}{before}\n\n{opened}\n\n{BODY}");
        let (blocks, cleaned) = cleaned_of(&text, Language::English);
        let i = blocks
            .iter()
            .position(|b| b.span.slice(&text) == opened)
            .unwrap();
        assert_eq!(cleaned.evidence[i], Some(Evidence::PhotoCredit));
        assert!(is_kept(kind_of(&text, before)));
        // Copyright notices are not such lines.
        for notice in [
            "© 2019 Hearst Communications, Inc.",
            "© 2019 Beachbody, LLC. All rights reserved.",
            "© Reuters",
            "© 1995 - 2019 by Snopes Media Group Inc.",
        ] {
            let lower = notice.to_lowercase();
            let n_words = notice.split_whitespace().count();
            assert!(!opens_with_credit(&lower, n_words), "{notice:?}");
        }
    }

    /// Issue 20: related stories as dated cards after the article (a
    /// title, its date, a label, a blurb) are set aside as a list, and a
    /// timeline inside the article (dates and sentences) is no such list.
    #[test]
    fn dated_teaser_cards_are_set_aside_and_timelines_are_not() {
        let cards =
            "Ferry service to end after eighty years on the estuary\n12 November 2019\nNews\n\
                     The council says that no operator bid for the route this year.\n\
                     Harbour master warns of a silting channel\n14 November 2019\nNews\n\
                     Dredging will be needed before the summer season can begin.\n\
                     New cycle path along the river wall to open\n2 December 2019\nTransport\n\
                     Work on its foundations took three years and cost more than planned.\n";
        let text = format!("{BODY}{BODY}{BODY}More from the coast\n\n{cards}");
        let (blocks, cleaned) = cleaned_of(&text, Language::English);
        let start = text.find("Ferry service").unwrap();
        for (i, block) in blocks.iter().enumerate() {
            let line = block.span.slice(&text);
            if block.span.start >= start {
                assert_eq!(
                    (cleaned.classes[i], cleaned.evidence[i]),
                    (
                        BlockClass::Boilerplate(BoilerplateKind::Navigation),
                        Some(Evidence::DatedList)
                    ),
                    "{line:?}"
                );
            } else if line == BODY.trim() {
                assert!(is_kept(cleaned.classes[i]), "{line:?}");
            }
        }
        let timeline =
            "March 1998\nThe bridge opened to traffic after four years of building work.\n\
                        June 2004\nEngineers found the first crack in one of its supports.\n\
                        May 2019\nThe council closed the bridge to lorries and buses.\n\n";
        let text = format!("{BODY}{timeline}{BODY}");
        let (_, cleaned) = cleaned_of(&text, Language::English);
        assert!(!cleaned.evidence.contains(&Some(Evidence::DatedList)));
    }

    /// The rules call a long byline with a time of publication a byline
    /// (the classifier then weighs that with the rest), but not prose that
    /// starts with "By".
    #[test]
    fn timed_byline_is_a_byline_to_the_rules() {
        let line = "By Jane Doe , John Roe on Monday, March 3rd, 2026 at 9:15 a.m.";
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(looks_like_byline(&words, &line.to_lowercase()));
        let prose = "By the end of the year the council hopes to reopen the bridge, officials said at 9 a.m. on Monday.";
        let words: Vec<&str> = prose.split_whitespace().collect();
        assert!(!looks_like_byline(&words, &prose.to_lowercase()));
    }

    /// Issue 20: an interview's turns were set aside as captions.
    #[test]
    fn interview_turns_are_not_captions() {
        assert!(!has_caption_label(
            "Q: What will change for families next year?"
        ));
        assert!(!has_caption_label(
            "A: Child benefit will rise by five percent."
        ));
        assert!(has_caption_label(
            "Sacked: The presenter will not face charges."
        ));
    }

    #[test]
    fn prose_that_mentions_cues_stays() {
        for line in [
            "By the end of the year, the city hopes to reopen the crossing, and residents who subscribe to its newsletter will hear first.",
            // (Naming the networks is no call to follow them.)
            "Facebook, Twitter and YouTube removed the video of the bridge within hours.",
            "Followers on Twitter and Facebook shared the video of the bridge within hours.",
            "Like usual, Facebook and Twitter were quick to remove the video of the bridge.",
            "The probe was launched in 2021 by the U.S. space agency, NASA.",
        ] {
            let text = format!("{BODY}{line}\n\n{BODY}");
            assert!(is_kept(kind_of(&text, line)), "{line:?}");
        }
    }

    #[test]
    fn results_line_is_not_a_menu() {
        let line = "Tim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4 6-2";
        let text = format!("{BODY}{line}\n\n{BODY}");
        assert_ne!(
            kind_of(&text, line),
            BlockClass::Boilerplate(BoilerplateKind::Navigation)
        );
    }

    #[test]
    fn speech_with_a_colon_is_not_a_caption() {
        for line in [
            "The mayor said: \"We will rebuild the bridge within a year, whatever it costs.\"",
            "Police said: Three men were arrested at the scene and later released on bail.",
        ] {
            let text = format!("{BODY}{line}\n\n{BODY}");
            assert!(is_kept(kind_of(&text, line)), "classifying {line:?}");
        }
    }

    #[test]
    fn title_and_crossheads_are_headings() {
        let text = format!("Bridge closed after cracks found\n\n{BODY}What happens next\n\n{BODY}");
        assert_eq!(
            kind_of(&text, "Bridge closed after cracks found"),
            BlockClass::Heading
        );
        assert_eq!(kind_of(&text, "What happens next"), BlockClass::Heading);
    }

    /// Issue 20: a comment thread reads like prose, but each comment has a
    /// timestamped header; past the first, its lines are not the article.
    #[test]
    fn a_comment_thread_is_not_the_article() {
        let article = [
            "The council voted on Tuesday to close the old bridge to traffic after engineers found deep cracks in its supports.",
            "Repairs are expected to take at least six months and cost about twelve million pounds, the council said.",
            "Bus routes will be diverted through the eastern crossing, which will add up to twenty minutes to journeys.",
            "Local businesses said the closure would hurt trade, and asked the council to publish a timetable for the work.",
        ];
        let comments = [
            "Alex on March 3, 2026 at 6:34 am said:",
            "I drive over that bridge every day and I am not surprised at all that it is finally being closed for repairs.",
            "Sam on March 3, 2026 at 8:50 am said:",
            "It is a shame that the council waited so long, because the cracks were reported by residents last year.",
            "Jo on March 4, 2026 at 9:12 pm said:",
            "Does anyone know whether the footpath on the east side will stay open while the work is being done?",
            "Kim on March 5, 2026 at 7:05 am said:",
            "My shop is right next to the bridge and we have already lost half of our customers since the closure.",
        ];
        let text = format!(
            "Bridge closed after cracks found\n\nBy Jane Doe\nUpdated 14:32 GMT, 3 March 2026\n\n{}\n\n4 Comments\n\n{}\n",
            article.join("\n\n"),
            comments.join("\n\n")
        );
        let (blocks, cleaned) = cleaned_of(&text, Language::English);
        let p = |line: &str| {
            let i = blocks.iter().position(|b| b.span.slice(&text) == line);
            cleaned.p_article[i.expect(line)]
        };
        let least_article = article.iter().map(|l| p(l)).fold(1.0, f32::min);
        for line in article {
            assert!(is_kept(kind_of(&text, line)), "{line:?}");
        }
        // Each comment is less the article than the one before it, and
        // past the first two, none is a summary candidate.
        for pair in comments.windows(4).step_by(2) {
            assert!(p(pair[3]) < p(pair[1]), "{pair:?}");
        }
        for line in &comments[3..] {
            assert!(p(line) < least_article, "{line:?}");
            assert_ne!(kind_of(&text, line), BlockClass::Body, "{line:?}");
        }
    }

    #[test]
    fn short_line_among_furniture_is_furniture() {
        let text = format!("{BODY}Share this\n\nYearly plan\n\nDonate now\n\n{BODY}");
        assert_eq!(
            kind_of(&text, "Yearly plan"),
            BlockClass::Boilerplate(BoilerplateKind::ShortLine)
        );
    }
}
