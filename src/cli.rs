//! The `nutshell` command line: `summarize` one text, `batch` JSON Lines.
//!
//! [`run`] takes the arguments and the three streams, so tests drive it
//! without a process; `src/bin/nutshell.rs` only wires it to the real ones.

use crate::engine::{export, summarize, Config, Length, Summary, Weights};
use std::io::{BufRead, Write};

pub const USAGE: &str = "\
nutshell — summarise articles, entirely offline

Usage:
  nutshell summarize [LENGTH] [--no-facts] [--format text|markdown|json] [FILE|-]
  nutshell batch [LENGTH] [--no-facts] < input.jsonl > output.jsonl
  nutshell --version | --help

--no-facts leaves out the key facts (entities, quotes, bullets): the summary
alone, faster.

LENGTH is one of:
  --sentences N   choose N sentences (default 3)
  --percent P     choose P% of the article's sentences
  --words W       choose as many sentences as fit in W words (never more
                  than W words: a single sentence longer than that is cut
                  short, ending in …)

Every option that takes a value takes it as the next argument or after =
(--sentences 3 or --sentences=3; --format=json).

batch reads one JSON object per line, {\"id\": ..., \"text\": \"...\"} (\"article\" is
accepted for \"text\"), and writes one JSON object per line in the same order.
A line that cannot be read gives {\"id\": null, \"line\": N, \"error\": \"...\"}; the
others still run, and the exit status is 1 if any line failed.
";

#[derive(Debug, PartialEq)]
enum Format {
    Text,
    Markdown,
    Json,
}

struct Options {
    config: Config,
    /// batch only: add each sentence's score features (for tuning the weights).
    features: bool,
    /// batch only: add every block's cleaning inputs (for fitting the block classifier).
    blocks: bool,
    format: Format,
    file: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        config: Config::default(),
        features: false,
        blocks: false,
        format: Format::Text,
        file: None,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        // `--flag=value` is `--flag value`.
        let (flag, mut inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| match inline.take() {
            Some(v) => Ok(v),
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value")),
        };
        match flag {
            "--sentences" | "-n" => {
                options.config.length = Length::Sentences(parse_number(&value(flag)?, flag)?)
            }
            "--percent" => {
                let p = parse_number(&value(flag)?, flag)?;
                if !(1..=100).contains(&p) {
                    return Err("--percent must be between 1 and 100".into());
                }
                options.config.length = Length::Percent(p as u8);
            }
            "--words" => options.config.length = Length::Words(parse_number(&value(flag)?, flag)?),
            "--format" => {
                options.format = match value(flag)?.as_str() {
                    "text" | "plain" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    other => {
                        return Err(format!("unknown format {other:?} (text, markdown or json)"))
                    }
                }
            }
            // For tuning on the dev data: a JSON object of `Weights` fields.
            "--weights" => options.config.weights = parse_weights(&value(flag)?)?,
            "--features" => options.features = true,
            "--blocks" => options.blocks = true,
            "--no-facts" => options.config.facts = false,
            "-" => options.file = None,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            file => {
                if options.file.is_some() {
                    return Err("give at most one file".into());
                }
                options.file = Some(file.to_owned());
            }
        }
        if inline.is_some() {
            return Err(format!("{flag} takes no value"));
        }
    }
    Ok(options)
}

/// A JSON object of `Weights` fields; fields it does not name keep their
/// tuned values, inside an object field too (`"tldr": {"words": 0.5}`
/// changes one weight of a TL;DR's).
fn parse_weights(json: &str) -> Result<Weights, String> {
    let given: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("--weights: {e}"))?;
    let given = given.as_object().ok_or("--weights: not a JSON object")?;
    let mut merged =
        serde_json::to_value(Weights::default()).map_err(|e| format!("--weights: {e}"))?;
    if let Some(map) = merged.as_object_mut() {
        for (key, value) in given {
            match (map.get_mut(key), value) {
                (Some(serde_json::Value::Object(inner)), serde_json::Value::Object(given)) => {
                    inner.extend(given.iter().map(|(k, v)| (k.clone(), v.clone())))
                }
                _ => {
                    map.insert(key.clone(), value.clone());
                }
            }
        }
    }
    serde_json::from_value(merged).map_err(|e| format!("--weights: {e}"))
}

fn parse_number(s: &str, flag: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{flag} needs a positive whole number, not {s:?}")),
    }
}

/// Runs the CLI; returns the process exit status.
pub fn run(
    args: &[String],
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        let _ = write!(stderr, "{USAGE}");
        return 2;
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        let _ = write!(stdout, "{USAGE}");
        return 0;
    }
    if matches!(command.as_str(), "-V" | "--version") {
        let _ = writeln!(stdout, "nutshell {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    let options = match parse_options(rest) {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(stderr, "nutshell: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let result = match command.as_str() {
        "summarize" | "summarise" => run_summarize(&options, stdin, stdout),
        "batch" => {
            if options.file.is_some() {
                Err("batch reads standard input; it takes no file".into())
            } else {
                run_batch(&options, stdin, stdout, stderr)
            }
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(status) => status,
        Err(e) => {
            let _ = writeln!(stderr, "nutshell: {e}");
            1
        }
    }
}

fn run_summarize(
    options: &Options,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
) -> Result<i32, String> {
    let mut bytes = Vec::new();
    let source = options.file.as_deref().unwrap_or("standard input");
    match &options.file {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
        }
        None => {
            stdin
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{source} is not UTF-8 text (invalid byte at offset {}); convert it first",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut summary = summarize(&text, &options.config);
    let cut = keep_word_budget(&text, &mut summary, options.config.length);
    let out = match options.format {
        Format::Json => {
            let mut record = export::record(&text, &summary);
            if let Some(cut) = cut.as_deref() {
                record.summary = vec![cut];
            }
            export::json_line(&record) + "\n"
        }
        Format::Markdown => {
            let markdown = export::to_markdown(&text, &summary);
            match (&cut, summary.chosen_sentences().next()) {
                (Some(cut), Some(s)) => {
                    let whole = s.span.slice(&text).split_whitespace().collect::<Vec<_>>();
                    markdown.replacen(&whole.join(" "), cut, 1)
                }
                _ => markdown,
            }
        }
        Format::Text => {
            let plain = cut.unwrap_or_else(|| export::to_plain(&text, &summary));
            if plain.is_empty() {
                String::new()
            } else {
                plain + "\n"
            }
        }
    };
    if options.format != Format::Json {
        if let Some(notice) = summary.notice.filter(|_| summary.chosen.is_empty()) {
            return Err(notice.message().to_owned());
        }
    }
    stdout
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(0)
}

fn run_batch(
    options: &Options,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<i32, String> {
    let mut n_failed = 0usize;
    let mut line = Vec::new();
    let mut line_no = 0usize;
    loop {
        line.clear();
        let n = stdin
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        // A byte-order mark (Windows editors write one) is not part of the JSON.
        if line_no == 1 && line.starts_with(b"\xef\xbb\xbf") {
            line.drain(..3);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = match batch_line(&line, options) {
            Ok(record) => record,
            Err(error) => {
                n_failed += 1;
                let _ = writeln!(stderr, "nutshell: line {line_no}: {error}");
                export::json_line(&export::ErrorRecord {
                    error: &error,
                    id: (),
                    line: line_no,
                })
            }
        };
        writeln!(stdout, "{record}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    stdout
        .flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    if n_failed > 0 {
        let _ = writeln!(stderr, "nutshell: {n_failed} of {line_no} lines failed");
        return Ok(1);
    }
    Ok(0)
}

/// One input line's output line (without its newline).
fn batch_line(line: &[u8], options: &Options) -> Result<String, String> {
    let line = std::str::from_utf8(line).map_err(|_| "not UTF-8".to_owned())?;
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let object = value.as_object().ok_or("not a JSON object")?;
    let id = object.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = object
        .get("text")
        .or_else(|| object.get("article"))
        .ok_or("missing field \"text\"")?
        .as_str()
        .ok_or("field \"text\" is not a string")?;
    let hints = hints_of(object.get("hints"))?;
    let mut summary = if hints.is_empty() {
        summarize(text, &options.config)
    } else {
        summarize(
            text,
            &crate::engine::Config {
                hints: hints.clone(),
                ..options.config.clone()
            },
        )
    };
    let cut = keep_word_budget(text, &mut summary, options.config.length);
    let mut record = export::record(text, &summary);
    if let Some(cut) = cut.as_deref() {
        record.summary = vec![cut];
    }
    // (The batch-only fields exist natively only: the page never writes
    // them, and their JSON values would bring float formatting into it.)
    #[cfg(not(target_arch = "wasm32"))]
    {
        record.id = Some(id);
        if options.blocks {
            record.blocks = Some(crate::engine::explain_blocks(text, &hints));
        }
        if options.features {
            record.features = Some(
                summary
                    .sentences
                    .iter()
                    .map(|s| serde_json::json!(s.features))
                    .collect(),
            );
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = id;
    Ok(export::json_line(&record))
}

/// A batch record's `hints`: what a rich paste's markup says of its lines,
/// each `[at, links, marks]` (`engine::Hint`), in the order of the text.
fn hints_of(value: Option<&serde_json::Value>) -> Result<Vec<crate::engine::Hint>, String> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let bad = || "field \"hints\" is not a list of [at, links, marks]".to_owned();
    value
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|h| {
            let n = |i: usize| h.get(i).and_then(serde_json::Value::as_u64).ok_or_else(bad);
            Ok(crate::engine::Hint {
                at: usize::try_from(n(0)?).map_err(|_| bad())?,
                links: u8::try_from(n(1)?).map_err(|_| bad())?,
                marks: u16::try_from(n(2)?).map_err(|_| bad())?,
            })
        })
        .collect()
}

/// Words as a reader counts them: runs of text between whitespace.
fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Keeps a `--words` summary within its budget, counted as a reader counts
/// (whitespace-separated words; the engine counts words without lone
/// punctuation such as a dash, so its own budget can fall a little short):
/// drops the lowest-scored chosen sentences while there are more than one
/// and the words are over; when the one sentence left is longer than the
/// budget, returns its first words ending in "…" to print instead.
fn keep_word_budget(text: &str, summary: &mut Summary, length: Length) -> Option<String> {
    let Length::Words(budget) = length else {
        return None;
    };
    let budget = budget.max(1);
    let words = |summary: &Summary, i: usize| count_words(summary.sentences[i].span.slice(text));
    let mut total: usize = summary.chosen.iter().map(|&i| words(summary, i)).sum();
    while total > budget && summary.chosen.len() > 1 {
        let (k, _) = summary.chosen.iter().enumerate().min_by(|a, b| {
            let (sa, sb) = (summary.sentences[*a.1].score, summary.sentences[*b.1].score);
            sa.total_cmp(&sb)
        })?;
        let i = summary.chosen.remove(k);
        if k < summary.why.len() {
            summary.why.remove(k);
        }
        total -= words(summary, i);
    }
    summary.stats.n_words_out = summary
        .chosen
        .iter()
        .map(|&i| summary.sentences[i].n_words)
        .sum();
    if total <= budget {
        return None;
    }
    let &i = summary.chosen.first()?;
    let kept: Vec<&str> = summary.sentences[i]
        .span
        .slice(text)
        .split_whitespace()
        .take(budget)
        .collect();
    summary.stats.n_words_out = kept.len();
    Some(kept.join(" ") + "…")
}

/// Puts the cut sentence of [`keep_word_budget`] into a JSON record's summary.
#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Heavy rain flooded the valley on Monday, forcing thousands of residents \
        to leave their homes \u{2014} many of them for the second time this year. The river rose by \
        more than two metres in six hours, officials said. Rescue teams from three counties worked \
        through the night. Schools will stay closed until Friday \u{2014} or longer. Engineers will \
        inspect the bridges once the water recedes. The state has asked for federal help.";

    fn run_words(budget: usize, format: &str) -> String {
        let args: Vec<String> = [
            "summarize",
            "--words",
            &budget.to_string(),
            "--format",
            format,
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&args, &mut ARTICLE.as_bytes(), &mut out, &mut err);
        assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
        String::from_utf8(out).unwrap()
    }

    /// `--words W` never prints more than W words (as `wc -w` counts them,
    /// dashes included), in every format, down to one word.
    #[test]
    fn word_budget_is_never_exceeded() {
        for budget in 1..=60 {
            let text = run_words(budget, "text");
            assert!(count_words(&text) <= budget, "{budget}: {text:?}");
            assert!(!text.trim().is_empty(), "{budget}: nothing");
            let json: serde_json::Value = serde_json::from_str(&run_words(budget, "json")).unwrap();
            let summary: Vec<&str> = json["summary"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            let n: usize = summary.iter().map(|s| count_words(s)).sum();
            assert!(n <= budget, "{budget}: {summary:?}");
            // The reasons go with the sentences kept.
            assert_eq!(
                json["why"].as_array().unwrap().len(),
                summary.len(),
                "{budget}"
            );
            let markdown = run_words(budget, "markdown");
            let section = markdown
                .trim_start_matches("## Summary")
                .split("\n## ")
                .next()
                .unwrap();
            assert!(count_words(section) <= budget, "{budget}: {markdown:?}");
        }
        // A budget under every sentence: the best one, cut short.
        assert!(run_words(3, "text").trim_end().ends_with('…'));
        // A generous one: whole sentences only.
        assert!(!run_words(60, "text").contains('…'));
    }
}
