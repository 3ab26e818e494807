//! Plain-text, Markdown and JSON renderings of a [`Summary`], shared by the
//! CLI and the page's copy and download buttons. The JSON is the batch
//! contract as a type ([`Record`]), written with U+2028 and U+2029 escaped.

use super::{Span, Summary};
use serde::Serialize;
#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;

fn slice(text: &str, span: Span) -> &str {
    span.slice(text)
}

/// The chosen sentences, one per line.
pub fn to_plain(text: &str, summary: &Summary) -> String {
    summary
        .chosen_sentences()
        .map(|s| one_line(slice(text, s.span)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Summary and key facts as Markdown.
pub fn to_markdown(text: &str, summary: &Summary) -> String {
    let mut out = String::from("## Summary\n\n");
    for s in summary.chosen_sentences() {
        out.push_str(&one_line(slice(text, s.span)));
        out.push_str("\n\n");
    }
    if !summary.facts.is_empty() {
        out.push_str("## Key facts\n\n");
        for f in &summary.facts {
            out.push_str("- ");
            out.push_str(&one_line(slice(text, f.span)));
            out.push('\n');
        }
        out.push('\n');
    }
    if !summary.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for q in &summary.quotes {
            out.push_str(&format!("> {}", one_line(slice(text, q.span))));
            if let Some(speaker) = q.speaker {
                out.push_str(&format!(" — {}", one_line(slice(text, speaker))));
            }
            out.push_str("\n\n");
        }
    }
    out.trim_end().to_owned() + "\n"
}

/// One line of `nutshell batch` output, the batch contract
/// (`../shared/eval/README.md`, "The batch contract"); without `id` and
/// `features`, what `nutshell summarize --format json` and the page's
/// download write.
///
/// The fields of each record are in alphabetical order: the order the
/// contract's lines had when they were built as `serde_json` maps, kept
/// byte for byte.
#[derive(Clone, Debug, Serialize)]
pub struct Record<'a> {
    /// `nutshell batch --blocks`: every block with the cleaning's inputs
    /// and answer (for fitting the block classifier; not in the page).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Vec<crate::engine::BlockReport>>,
    pub boilerplate: Vec<BoilerplateRecord>,
    pub entities: Vec<EntityRecord<'a>>,
    /// The key-fact bullets, each on one line.
    pub facts: Vec<String>,
    /// `nutshell batch --features`: each sentence's score features (for
    /// tuning the weights). Kept as `serde_json` values, as before this
    /// was a type: their keys sorted, their `f32`s written as `f64`s.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<Value>>,
    /// `nutshell batch`: the input line's `id` as given (`null` if none).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    /// The language's code ("en"), if one was detected.
    pub language: Option<&'static str>,
    /// Why there is no summary, when there is none.
    pub notice: Option<&'static str>,
    pub quotes: Vec<QuoteRecord<'a>>,
    /// Every sentence of the input, boilerplate included.
    pub sentences: Vec<SentenceRecord<'a>>,
    pub stats: StatsRecord,
    /// The chosen sentences, in source order, as they appear in the text.
    pub summary: Vec<&'a str>,
    /// Why each summary sentence was chosen (parallel to `summary`): the
    /// strongest merits of its score, in words, strongest first.
    pub why: Vec<Vec<&'static str>>,
}

/// A sentence: its byte span in the input and its text.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceRecord<'a> {
    pub end: usize,
    pub start: usize,
    pub text: &'a str,
}

/// One way the text names a distinct entity ("Yasser Arafat", "Arafat":
/// [`Entity::forms`](super::facts::Entity::forms), the fullest first): the
/// span of its first mention, the entity's type code ("PER"), how many
/// mentions write it so, and a person's role where the text gives one
/// ("Foreign Minister").
#[derive(Clone, Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub end: usize,
    pub mentions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    pub start: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub start: usize,
    pub text: &'a str,
}

/// A span set aside as page furniture, and why.
#[derive(Clone, Debug, Serialize)]
pub struct BoilerplateRecord {
    pub end: usize,
    /// The strongest evidence that decided it, in words.
    pub evidence: String,
    pub reason: &'static str,
    pub start: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatsRecord {
    pub reduction_percent: u32,
    pub sentences: usize,
    pub words_in: usize,
    pub words_out: usize,
}

/// A batch input line that could not be read: the contract's
/// `{"id": null, "line": N, "error": "..."}`.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorRecord<'a> {
    pub error: &'a str,
    /// Always `null`: the line's id could not be read.
    pub id: (),
    /// The line's number, from 1.
    pub line: usize,
}

/// The batch contract's record of `summary` (without `id` and `features`).
pub fn record<'a>(text: &'a str, summary: &Summary) -> Record<'a> {
    let sentence = |span: Span| SentenceRecord {
        end: span.end,
        start: span.start,
        text: slice(text, span),
    };
    Record {
        boilerplate: summary
            .boilerplate
            .iter()
            .map(|b| BoilerplateRecord {
                end: b.span.end,
                evidence: b.evidence.describe(),
                reason: b.kind.reason(),
                start: b.span.start,
            })
            .collect(),
        entities: summary
            .entities
            .iter()
            .flat_map(|e| {
                e.forms(text)
                    .into_iter()
                    .map(|(span, n_mentions)| EntityRecord {
                        end: span.end,
                        mentions: n_mentions,
                        role: e.role.map(|r| slice(text, r)),
                        start: span.start,
                        text: slice(text, span),
                        kind: e.kind.code(),
                    })
            })
            .collect(),
        facts: summary
            .facts
            .iter()
            .map(|f| one_line(slice(text, f.span)))
            .collect(),
        #[cfg(not(target_arch = "wasm32"))]
        blocks: None,
        #[cfg(not(target_arch = "wasm32"))]
        features: None,
        #[cfg(not(target_arch = "wasm32"))]
        id: None,
        language: summary.language.map(|l| l.code()),
        notice: summary.notice.map(|n| n.message()),
        quotes: summary
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                end: q.span.end,
                speaker: q.speaker.map(|s| slice(text, s)),
                start: q.span.start,
                text: slice(text, q.span),
            })
            .collect(),
        sentences: summary.sentences.iter().map(|s| sentence(s.span)).collect(),
        stats: StatsRecord {
            reduction_percent: summary.reduction_percent(),
            sentences: summary.stats.n_sentences,
            words_in: summary.stats.n_words_in,
            words_out: summary.stats.n_words_out,
        },
        summary: summary
            .chosen_sentences()
            .map(|s| slice(text, s.span))
            .collect(),
        why: summary
            .why
            .iter()
            .map(|merits| merits.iter().map(|m| m.describe()).collect())
            .collect(),
    }
}

/// The batch contract's record of `summary` as one line of JSON (no
/// newline).
pub fn to_json(text: &str, summary: &Summary) -> String {
    json_line(&record(text, summary))
}

/// The same record as indented JSON (the page's download).
pub fn to_json_pretty(text: &str, summary: &Summary) -> String {
    escape_line_separators(serde_json::to_string_pretty(&record(text, summary)).unwrap_or_default())
}

/// Any record as one line of JSON (no newline), U+2028 and U+2029 escaped.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> String {
    // (Serializing these types cannot fail: no maps with non-string keys,
    // no failing `Serialize` impls.)
    escape_line_separators(serde_json::to_string(value).unwrap_or_default())
}

/// `json` with U+2028 (line separator) and U+2029 (paragraph separator)
/// written as the escapes `\u2028` and `\u2029`. `serde_json` writes them
/// raw, which is valid JSON, but readers that split lines on them
/// (Python's `str.splitlines`, JavaScript line readers) would see a pasted
/// one break a record in two. Outside strings JSON has no such character,
/// and inside one the escape means the same character.
fn escape_line_separators(json: String) -> String {
    if json.contains(['\u{2028}', '\u{2029}']) {
        json.replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    } else {
        json
    }
}

/// Joins a hard-wrapped sentence onto one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{summarize, Config};

    /// The page's download (indented) escapes the line separators as the
    /// one-line form does, and both read back as the same record.
    #[test]
    fn line_separators_escaped_in_every_form() {
        let text = "Floods hit the valley\u{2028}on Monday. Thousands left\u{2029}their homes. Schools stay closed.";
        let summary = summarize(text, &Config::default());
        let line = to_json(text, &summary);
        let pretty = to_json_pretty(text, &summary);
        for json in [&line, &pretty] {
            assert!(!json.contains(['\u{2028}', '\u{2029}']), "{json}");
            assert!(
                json.contains("\\u2028") && json.contains("\\u2029"),
                "{json}"
            );
        }
        assert!(!line.contains('\n'));
        let a: Value = serde_json::from_str(&line).unwrap();
        let b: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, serde_json::to_value(record(text, &summary)).unwrap());
    }

    /// The batch record carries each summary sentence's merits, in the
    /// page's words, parallel to `summary`.
    #[test]
    fn record_says_why_each_sentence() {
        let text = crate::ui::example::EXAMPLE_ARTICLE;
        let summary = summarize(text, &Config::default());
        let record = record(text, &summary);
        assert_eq!(record.why.len(), record.summary.len());
        for (words, merits) in record.why.iter().zip(&summary.why) {
            assert!(!words.is_empty());
            let described: Vec<&str> = merits.iter().map(|m| m.describe()).collect();
            assert_eq!(words, &described);
        }
    }
}
