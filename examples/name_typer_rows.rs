//! Prints the name typer's rows for `scripts/fit_name_typer.py`: reads
//! JSON lines `{"id", "text"}` on standard input and writes, per line,
//! `{"id", "rows": [{"start", "end", "text", "entity", "x": [..], "lex": [..]}]}`
//! (the candidates of `engine::facts::name_typer_rows`: the entity's number
//! in the document, dense features and word buckets in
//! `name_typer_features()` order, given first as
//! `{"features": [..], "templates": [..]}`).

use nutshell::engine::{facts, summarize, Config, Language};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (features, templates) = facts::name_typer_features();
    writeln!(
        out,
        "{}",
        json!({ "features": features, "templates": templates, "buckets": facts::NAME_TYPER_BUCKETS })
    )?;
    for line in io::stdin().lock().lines() {
        let line = line?;
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let text = record["text"].as_str().unwrap_or("");
        let summary = summarize(text, &Config::default());
        let language = summary.language.unwrap_or(Language::English);
        let rows: Vec<Value> = facts::name_typer_rows(text, &summary.sentences, language)
            .into_iter()
            .map(|(span, x, entity)| {
                json!({"start": span.start, "end": span.end, "text": span.slice(text), "entity": entity, "x": x.dense.to_vec(), "lex": x.lex.to_vec()})
            })
            .collect();
        writeln!(out, "{}", json!({ "id": record["id"], "rows": rows }))?;
    }
    out.flush()
}
