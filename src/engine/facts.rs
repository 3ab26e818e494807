//! Key facts: entities (who, where, what organisation), dates and amounts,
//! quotes with their speaker, and short fact bullets, each traceable to its
//! sentence by byte spans.
//!
//! Everything is small enough to ship in the page: runs of capitalised
//! words typed by cue words and compact gazetteers, then re-typed or
//! dropped by a small learned typer ([`names`]), number patterns
//! ([`numbers`]), quote marks and speech verbs ([`quotes`]), and a density
//! score for the bullets ([`bullets`]).
//! English is what the rules are made for; in other languages a name needs
//! a cue (a title, an organisation suffix, a gazetteer entry), so German
//! nouns are not taken for names.
//!
//! Sentences set aside as boilerplate are not read. Mentions of one entity
//! are merged ("Putin" after "Vladimir Putin"); an [`Entity`]'s `name` is its
//! fullest mention and every mention keeps its span.
//!
//! Measured on the dev sets (`../shared/eval/facts`, typed micro-F1
//! PER/ORG/LOC, one batch record per form of an entity's name): CoNLL-2003
//! 0.865, IE-ER 0.798; the facts take about 0.16 ms of CPU per CNN
//! article in a release build (batch with and without `--no-facts`);
//! linear in the text. Gazetteers: `data/gazetteers/SOURCES.md`
//! (place names from GeoNames, CC BY 4.0).

mod bullets;
mod gazetteer;
mod names;
mod numbers;
mod quotes;
mod tokens;
pub(crate) mod words;

use super::language::Language;
use super::sort;
use super::{Sentence, SentenceRole, Span};
use rustc_hash::FxHashMap;

#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Misc,
    Date,
    Time,
    /// A length of time: "three years", "18 months", "a decade", "2:23.9".
    Duration,
    Money,
    Percent,
    Quantity,
    Number,
}

impl EntityKind {
    /// The label used by the batch contract (`PER`, `ORG`, ...).
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Misc => "MISC",
            EntityKind::Date => "DATE",
            EntityKind::Time => "TIME",
            EntityKind::Duration => "DURATION",
            EntityKind::Money => "MONEY",
            EntityKind::Percent => "PERCENT",
            EntityKind::Quantity => "QUANTITY",
            EntityKind::Number => "NUMBER",
        }
    }
}

/// One occurrence of an entity.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub sentence_idx: usize,
}

/// A distinct entity with all its mentions; `name` is the span of its
/// fullest mention.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: Span,
    pub kind: EntityKind,
    pub mentions: Vec<Mention>,
    /// Higher is more central to the article.
    pub salience: f32,
    /// A person's title or role where the text gives one before the name
    /// ("Foreign Minister" Sergei Lavrov): its first such mention's.
    pub role: Option<Span>,
}

impl Entity {
    /// The distinct ways the text names this entity ("Yasser Arafat", then
    /// "Arafat"): for each, its first mention's span and how many mentions
    /// write it so (compared single-spaced and lower-cased); the name's own
    /// form first, then in text order. Mentions are few, so a scan of the
    /// forms so far is enough.
    pub fn forms(&self, text: &str) -> Vec<(Span, usize)> {
        let key = |span: Span| {
            let mut k = String::with_capacity(span.len());
            names::push_single_spaced_lower(&mut k, span.slice(text));
            k
        };
        let mut forms: Vec<(String, Span, usize)> = vec![(key(self.name), self.name, 0)];
        for m in &self.mentions {
            let k = key(m.span);
            match forms.iter_mut().find(|f| f.0 == k) {
                Some(f) => f.2 += 1,
                None => forms.push((k, m.span, 1)),
            }
        }
        forms.into_iter().map(|(_, span, n)| (span, n)).collect()
    }
}

/// A quotation and, when found, who said it.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    pub speaker: Option<Span>,
    pub sentence_idx: usize,
}

/// A short statement of fact: a sentence or a clause of one.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFact {
    pub span: Span,
    pub sentence_idx: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub key_facts: Vec<KeyFact>,
}

/// How a line reads, from the case of its words: prose, a table row or
/// list, a Title Case headline, or an ALL-CAPS line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Prose,
    Table,
    Title,
    Shouting,
}

/// One article sentence (boilerplate left out), tokenized.
pub(crate) struct Line<'a> {
    pub sentence_idx: usize,
    pub span: Span,
    pub paragraph_idx: usize,
    /// Its tokens: a slice of one vector for the whole document.
    pub tokens: &'a [tokens::Token],
    /// Each token lower-cased, computed once: the text's own slice when it
    /// is lower case already (as most words are), else a slice of one
    /// buffer that holds every lower-cased token of the document (a slice
    /// of one vector for all lines).
    pub lower: &'a [&'a str],
    pub mode: Mode,
    /// Body text (not a heading).
    pub body: bool,
    /// It opens with a reference to what came before ("He", "It", "But":
    /// `Features::opens_reference`), so it does not stand alone.
    pub leans_back: bool,
}

/// At most this many key-fact bullets.
pub const MAX_KEY_FACTS: usize = bullets::MAX_BULLETS;

/// Salience of one mention, and the extra for a mention in the headline or
/// the first [`LEAD_LINES`] lines, where news puts what matters.
const MENTION_WEIGHT: f32 = 1.0;
const LEAD_BONUS: f32 = 0.5;
const LEAD_LINES: usize = 3;

/// An entity is listed only when one of its mentions is more likely article
/// text than not: its sentence's `certainty` (the cleaning's probability of
/// its block) at least this, the decision point of a probability, not a
/// fitted number. Kept text that the cleaning doubts is mostly a page's
/// related stories, teasers and lists: on the dev pastes, 28.8% of the
/// names the page shows (the 12 most salient of each kind) lay in junk.
/// Quotes keep their own rule: the same floor took 3 of their 24 from junk
/// and 4 of their 273 from the article.
const LISTED_CERTAINTY: f32 = 0.5;

/// Extracts the facts of `text` (the original text; `sentences` as the
/// engine split it, `chosen` the summary's sentence indices, `certainty`
/// each sentence's probability of being article text, as the cleaning
/// gave its block: a mention counts towards its entity's salience as much
/// as its sentence is surely the article's).
pub fn extract_facts(
    text: &str,
    sentences: &[Sentence],
    chosen: &[usize],
    language: Language,
    certainty: &[f32],
) -> Facts {
    extract(text, sentences, chosen, language, certainty, None)
}

/// Every name candidate's span, the row of features the name typer reads
/// ([`names::typer::FEATURES`]) and its entity's number in the document
/// (the typer sums an entity's rows), for `scripts/fit_name_typer.py`
/// (through `examples/name_typer_rows.rs`).
#[doc(hidden)]
pub fn name_typer_rows(
    text: &str,
    sentences: &[Sentence],
    language: Language,
) -> Vec<(Span, names::typer::Row, usize)> {
    let mut rows = Vec::new();
    extract(text, sentences, &[], language, &[], Some(&mut rows));
    rows
}

/// How many buckets the name typer hashes word features into.
#[doc(hidden)]
pub const NAME_TYPER_BUCKETS: u32 = names::typer::LEX_BUCKETS;

/// The names of the name typer's dense features and word templates, in row
/// order.
#[doc(hidden)]
pub fn name_typer_features() -> (Vec<&'static str>, Vec<&'static str>) {
    (
        names::typer::FEATURES.iter().map(|f| f.0).collect(),
        names::typer::LEX_TEMPLATES.iter().map(|f| f.0).collect(),
    )
}

/// [`extract_facts`], giving the name typer's rows to `rows` when asked.
fn extract(
    text: &str,
    sentences: &[Sentence],
    chosen: &[usize],
    language: Language,
    certainty: &[f32],
    rows: Option<&mut Vec<(Span, names::typer::Row, usize)>>,
) -> Facts {
    // Tokens first, every sentence's in one vector; then their lower-cased
    // forms, those that differ from the text gathered in one buffer; then
    // the lines, whose tokens and lower-cased tokens are slices of these
    // (no vector per line).
    let mut all_tokens: Vec<tokens::Token> = Vec::with_capacity(text.len() / 4);
    // (sentence index, sentence, its tokens' range in `all_tokens`)
    let mut tokenized = Vec::with_capacity(sentences.len());
    let mut scratch = tokens::Scratch::default();
    for (i, s) in sentences.iter().enumerate() {
        if s.role == SentenceRole::Boilerplate || text.get(s.span.range()).is_none() {
            continue;
        }
        let first = all_tokens.len();
        tokens::tokenize_into(text, s.span, &mut all_tokens, &mut scratch);
        tokenized.push((i, s, first, all_tokens.len()));
    }
    // Lower case: an ASCII token's (most are) is its bytes lower-cased,
    // which is its span in one ASCII-lower-cased copy of the text (what
    // `names::lower_into` gives it, without a call and a copy per token).
    // The others go through `lower_into`: those that are their own lower
    // case take their text at once, the rest a place in one buffer, filled
    // once the buffer is done.
    let ascii_lower = text.to_ascii_lowercase();
    let mut arena = String::new();
    let mut lowered: Vec<(usize, usize, usize)> = Vec::new();
    let mut all_lower: Vec<&str> = Vec::with_capacity(all_tokens.len());
    for (k, t) in all_tokens.iter().enumerate() {
        if t.letters.ascii() {
            // "US" in capitals is the country, "U.S." (in any other case
            // it is the pronoun, "Toys "R" Us").
            let word = t.span.slice(text);
            all_lower.push(if word == "US" {
                "u.s."
            } else {
                t.span.slice(&ascii_lower)
            });
            continue;
        }
        match names::lower_into(text, *t, &mut arena) {
            Some((a, b)) => {
                lowered.push((k, a, b));
                all_lower.push("");
            }
            None => all_lower.push(t.span.slice(text)),
        }
    }
    for &(k, a, b) in &lowered {
        all_lower[k] = &arena[a..b];
    }
    let lines: Vec<Line> = tokenized
        .into_iter()
        .map(|(i, s, first, end)| {
            let tokens = &all_tokens[first..end];
            let mut mode = names::line_mode(text, tokens, language);
            // A sentence that shares its paragraph with another is prose,
            // however many of its words are capitalised ("It's not Tom
            // Cruise or Mel Gibson or Harrison Ford."): a headline stands
            // alone.
            let beside = |j: Option<usize>| {
                j.and_then(|j| sentences.get(j))
                    .is_some_and(|o| o.paragraph_idx == s.paragraph_idx)
            };
            if mode == Mode::Title && (beside(i.checked_sub(1)) || beside(Some(i + 1))) {
                mode = Mode::Prose;
            }
            let lower = &all_lower[first..end];
            Line {
                sentence_idx: i,
                span: s.span,
                paragraph_idx: s.paragraph_idx,
                tokens,
                lower,
                mode,
                body: s.role == SentenceRole::Body,
                // (Scoring sets `features` on every candidate, a body
                // sentence, before the facts are read: `engine::summarize`.)
                leans_back: s.features.is_some_and(|f| f.opens_reference > 0.0),
            }
        })
        .collect();
    let mut names = if language == Language::Cjk {
        Vec::new()
    } else {
        names::find_names(text, &lines, language, rows)
    };
    let mut numbers: Vec<numbers::NumberMention> = Vec::new();
    for line in &lines {
        numbers::find_numbers(text, line, &mut numbers);
    }
    // A time's zone is not a name ("8 p.m. ET").
    let times: Vec<Span> = numbers
        .iter()
        .filter(|n| n.kind == EntityKind::Time)
        .map(|n| n.span)
        .collect();
    if !times.is_empty() {
        names.retain(|m| {
            !times
                .iter()
                .any(|t| t.start <= m.span.start && m.span.end <= t.end)
        });
    }
    // Names are sorted by position and do not overlap: a number inside one
    // ("Euro 96", "Local 802") is part of the name.
    numbers.retain(|n| {
        let k = names.partition_point(|m| m.span.end <= n.span.start);
        names.get(k).is_none_or(|m| m.span.start >= n.span.end)
    });

    // The headline (the last heading before the article's first sentence)
    // counts as sure, whatever its probability: the cleaning's labels leave
    // headlines out, so its probability says nothing of them.
    let first_body = sentences.iter().position(|s| s.role == SentenceRole::Body);
    let headline = sentences[..first_body.unwrap_or(0)]
        .iter()
        .rposition(|s| s.role == SentenceRole::Heading);
    // A text with nothing likely article (a note or a list, which the
    // cleaning's rules keep when its model finds no article) has no
    // article to tell its doubtful lines from: every line counts.
    let sorts = certainty.iter().any(|&p| p >= LISTED_CERTAINTY);
    let sure = |i: usize| {
        if !sorts || Some(i) == headline {
            1.0
        } else {
            certainty.get(i).copied().unwrap_or(1.0)
        }
    };
    let entities = build_entities(text, &lines, &names, &numbers, sure);
    let quotes = quotes::find_quotes(text, &lines, &names);
    let anchors: Vec<bullets::Anchor> = names
        .iter()
        .map(|m| bullets::Anchor {
            span: m.span,
            weight: 1.0,
        })
        .chain(numbers.iter().map(|n| bullets::Anchor {
            span: n.span,
            weight: if n.kind == EntityKind::Number {
                0.5
            } else {
                1.5
            },
        }))
        .collect();
    let mut anchors = anchors;
    sort::sort_by_key(&mut anchors, |a| (a.span.start, a.span.end));
    let key_facts = bullets::choose_bullets(text, &lines, chosen, &anchors)
        .into_iter()
        .map(|(span, li)| KeyFact {
            span,
            sentence_idx: lines[li].sentence_idx,
        })
        .collect();
    Facts {
        entities,
        quotes,
        key_facts,
    }
}

/// (span, sentence index, entity key, tokens in the name, from a headline,
/// a person's role)
type MentionInfo<'k> = (
    Span,
    usize,
    (EntityKind, &'k str),
    usize,
    bool,
    Option<Span>,
);

/// Merges mentions into entities (one per kind and key) and ranks them by
/// salience, ties by first mention. A mention's weight is scaled by its
/// sentence's certainty, `sure` (see [`LISTED_CERTAINTY`]).
fn build_entities(
    text: &str,
    lines: &[Line],
    names: &[names::NameMention],
    numbers: &[numbers::NumberMention],
    sure: impl Fn(usize) -> f32,
) -> Vec<Entity> {
    let lead: Vec<usize> = lines
        .iter()
        .filter(|l| l.body)
        .take(LEAD_LINES)
        .map(|l| l.sentence_idx)
        .chain(lines.iter().filter(|l| !l.body).map(|l| l.sentence_idx))
        .collect();
    // Numbers' keys: their text, single-spaced and lower-cased, in one
    // buffer.
    let mut number_text = String::with_capacity(numbers.iter().map(|n| n.span.len()).sum());
    let mut number_ends = Vec::with_capacity(numbers.len());
    for n in numbers {
        names::push_single_spaced_lower(&mut number_text, n.span.slice(text));
        number_ends.push(number_text.len());
    }
    let number_keys = number_ends.iter().scan(0, |start, &end| {
        Some(&number_text[std::mem::replace(start, end)..end])
    });
    let name_infos = names.iter().map(|m| {
        (
            m.span,
            m.sentence_idx,
            (m.kind, m.entity_key.as_str()),
            m.n_tokens,
            m.from_headline,
            m.role,
        )
    });
    let number_infos = numbers
        .iter()
        .zip(number_keys)
        .map(|(n, key)| (n.span, n.sentence_idx, (n.kind, key), 1, false, None));
    // In text order: both lists are in text order already (names do not
    // overlap one another, nor numbers, see `extract_facts`), so they are
    // merged, a name first on a tie (as a stable sort of the names, then
    // the numbers, by span would have it).
    let all = merge_by_key(name_infos, number_infos, |m: &MentionInfo| {
        (m.0.start, m.0.end)
    });
    debug_assert!(all.windows(2).all(|w| w[0].0.start < w[1].0.start));
    let mut index: FxHashMap<(EntityKind, &str), usize> =
        FxHashMap::with_capacity_and_hasher(all.len(), Default::default());
    // (entity, n_tokens of its name, name from a headline)
    let mut out: Vec<(Entity, usize, bool)> = Vec::with_capacity(all.len());
    for (span, sentence_idx, key, n_tokens, headline, role) in all {
        let weight = (MENTION_WEIGHT
            + if lead.contains(&sentence_idx) {
                LEAD_BONUS
            } else {
                0.0
            })
            * sure(sentence_idx);
        let mention = Mention { span, sentence_idx };
        match index.get(&key) {
            Some(&i) => {
                let (e, n, h) = &mut out[i];
                e.mentions.push(mention);
                e.role = e.role.or(role);
                e.salience += weight;
                if n_tokens > *n || (*h && !headline && n_tokens == *n) {
                    e.name = span;
                    *n = n_tokens;
                    *h = headline;
                }
            }
            None => {
                index.insert(key, out.len());
                // (Room for a few mentions from the start: most entities
                // named twice are named a few times, and `vec![mention]`
                // grew from one.)
                let mut mentions = Vec::with_capacity(4);
                mentions.push(mention);
                out.push((
                    Entity {
                        name: span,
                        kind: key.0,
                        mentions,
                        salience: weight,
                        role,
                    },
                    n_tokens,
                    headline,
                ));
            }
        }
    }
    let mut entities: Vec<Entity> = out
        .into_iter()
        .map(|(e, _, _)| e)
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| sure(m.sentence_idx) >= LISTED_CERTAINTY)
        })
        .collect();
    sort::sort_by(&mut entities, |a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.mentions[0].span.start.cmp(&b.mentions[0].span.start))
    });
    entities
}

/// The items of `a` and `b`, each sorted by `key`, in one list sorted by
/// `key`: what a stable sort of `a` then `b` gives (on a tie, `a`'s item
/// first).
fn merge_by_key<T, K: Ord>(
    a: impl Iterator<Item = T>,
    b: impl Iterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut out = Vec::with_capacity(a.size_hint().0 + b.size_hint().0);
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // (test code: native only, never in the page)
mod tests;
