//! Plain-text, Markdown and JSON renderings of a [`Summary`], shared by the
//! CLI and the page's copy and download buttons.

use super::{Span, Summary};
use serde_json::{json, Value};

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

/// The batch contract's record (without `id`): language, summary,
/// sentences, facts, entities. See `../shared/eval/README.md`.
pub fn to_json(text: &str, summary: &Summary) -> Value {
    let sentence_json =
        |span: Span| json!({ "start": span.start, "end": span.end, "text": slice(text, span) });
    json!({
        "language": summary.language.map(|l| l.code()),
        "notice": summary.notice.map(|n| n.message()),
        "summary": summary.chosen_sentences().map(|s| slice(text, s.span)).collect::<Vec<_>>(),
        "sentences": summary.sentences.iter().map(|s| sentence_json(s.span)).collect::<Vec<_>>(),
        "facts": summary.facts.iter().map(|f| one_line(slice(text, f.span))).collect::<Vec<_>>(),
        "entities": summary.entities.iter().map(|e| json!({
            "text": slice(text, e.name),
            "type": e.kind.code(),
            "start": e.name.start,
            "end": e.name.end,
            "mentions": e.mentions.len(),
        })).collect::<Vec<_>>(),
        "quotes": summary.quotes.iter().map(|q| json!({
            "text": slice(text, q.span),
            "speaker": q.speaker.map(|s| slice(text, s)),
            "start": q.span.start,
            "end": q.span.end,
        })).collect::<Vec<_>>(),
        "boilerplate": summary.boilerplate.iter().map(|b| json!({
            "start": b.span.start, "end": b.span.end, "reason": b.kind.reason(),
            "evidence": b.evidence.describe(),
        })).collect::<Vec<_>>(),
        "stats": {
            "words_in": summary.stats.n_words_in,
            "words_out": summary.stats.n_words_out,
            "sentences": summary.stats.n_sentences,
            "reduction_percent": summary.reduction_percent(),
        },
    })
}

/// Joins a hard-wrapped sentence onto one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
