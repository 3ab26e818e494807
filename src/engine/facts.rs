//! Key facts: entities (who, where, what organisation), dates and amounts,
//! quotes with their speaker, and short fact bullets, each traceable to its
//! sentence by byte spans.

use super::language::Language;
use super::{Sentence, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Misc,
    Date,
    Time,
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
            EntityKind::Money => "MONEY",
            EntityKind::Percent => "PERCENT",
            EntityKind::Quantity => "QUANTITY",
            EntityKind::Number => "NUMBER",
        }
    }
}

/// One occurrence of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub sentence_idx: usize,
}

/// A distinct entity with all its mentions; `name` is the span of its
/// fullest mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: Span,
    pub kind: EntityKind,
    pub mentions: Vec<Mention>,
    /// Higher is more central to the article.
    pub salience: f32,
}

/// A quotation and, when found, who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    pub speaker: Option<Span>,
    pub sentence_idx: usize,
}

/// A short statement of fact: a sentence or a clause of one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// Extracts the facts of `text` (the original text; `sentences` as the
/// engine split it, `chosen` the summary's sentence indices).
pub fn extract_facts(
    _text: &str,
    _sentences: &[Sentence],
    _chosen: &[usize],
    _language: Language,
) -> Facts {
    Facts::default()
}
