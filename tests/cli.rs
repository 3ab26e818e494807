//! The `nutshell` command line (issues 2 and 7): `summarize` from a file or
//! standard input in every format and length, clear errors for bad options
//! and bad files, and `batch` following the contract in
//! `../shared/eval/README.md` ("The batch contract") on good and bad lines.
//!
//! Most tests drive `nutshell::cli::run` in-process; a few run the built
//! binary to pin exit statuses and real file and pipe handling.

use nutshell::cli;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const ARTICLE: &str = "\
Floods force thousands from their homes

Heavy rain flooded the valley on Monday, forcing thousands of residents to leave their homes. \
The river rose by more than two metres in six hours, officials said.

Rescue teams from three counties worked through the night. \"We have never seen anything like this,\" \
said Mayor Ana Ruiz. The U.S. National Weather Service warned that more rain was expected on Tuesday.

Schools in the valley will stay closed until Friday. Engineers will inspect the bridges once the water recedes. \
The state has asked for federal help to pay for the damage, estimated at $40 million.
";

/// The output of one in-process run.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &[u8]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = cli::run(&args, &mut &stdin[..], &mut stdout, &mut stderr);
    Run {
        status,
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// A file in this test target's scratch folder.
fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// The prose sentences of `ARTICLE` a summary may contain.
fn is_article_sentence(s: &str) -> bool {
    !s.is_empty() && ARTICLE.contains(s)
}

// ---- summarize ----------------------------------------------------------

#[test]
fn summarize_file_in_every_format() {
    let path = scratch_file("article.txt", ARTICLE.as_bytes());
    let path = path.to_str().unwrap();
    for format in ["text", "markdown", "json"] {
        let out = run(&["summarize", "--format", format, path], b"");
        assert_eq!(out.status, 0, "{format}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{format}: {}", out.stderr);
        match format {
            "text" => {
                let lines: Vec<&str> = out.stdout.lines().collect();
                assert_eq!(lines.len(), 3, "{}", out.stdout);
                assert!(lines.iter().all(|l| is_article_sentence(l)), "{lines:?}");
            }
            "markdown" => {
                assert!(out.stdout.starts_with("## Summary\n\n"), "{}", out.stdout);
                let n_sentences = out
                    .stdout
                    .lines()
                    .skip(2)
                    .take_while(|l| !l.starts_with("## "))
                    .filter(|l| is_article_sentence(l))
                    .count();
                assert_eq!(n_sentences, 3, "{}", out.stdout);
            }
            _ => {
                let value: Value = serde_json::from_str(&out.stdout).unwrap();
                assert_eq!(value["summary"].as_array().unwrap().len(), 3);
                assert_eq!(value["language"], "en");
            }
        }
    }
}

#[test]
fn no_facts_gives_the_same_summary_without_facts() {
    let with = run(&["summarize", "--format", "json"], ARTICLE.as_bytes());
    let without = run(
        &["summarize", "--no-facts", "--format", "json"],
        ARTICLE.as_bytes(),
    );
    assert_eq!((with.status, without.status), (0, 0), "{}", without.stderr);
    let (with, without): (Value, Value) = (
        serde_json::from_str(&with.stdout).unwrap(),
        serde_json::from_str(&without.stdout).unwrap(),
    );
    assert_eq!(with["summary"], without["summary"]);
    assert_eq!(with["sentences"], without["sentences"]);
    assert!(!with["entities"].as_array().unwrap().is_empty());
    for key in ["entities", "quotes", "facts"] {
        assert_eq!(without[key], Value::Array(Vec::new()), "{key}");
    }
}

#[test]
fn summarize_stdin_same_as_file() {
    let path = scratch_file("article-stdin.txt", ARTICLE.as_bytes());
    let from_file = run(&["summarize", path.to_str().unwrap()], b"");
    let from_dash = run(&["summarize", "-"], ARTICLE.as_bytes());
    let from_nothing = run(&["summarize"], ARTICLE.as_bytes());
    assert_eq!(from_file.status, 0);
    assert_eq!(from_file.stdout, from_dash.stdout);
    assert_eq!(from_file.stdout, from_nothing.stdout);
    assert_eq!(from_dash.status, 0);
}

#[test]
fn summarize_lengths() {
    let n_body = 8; // body sentences of ARTICLE (the title is a heading)
    let table: &[(&[&str], usize)] = &[
        (&["--sentences", "1"], 1),
        (&["-n", "2"], 2),
        (&["--sentences", "5"], 5),
        (&["--sentences", "100"], n_body),
        (&["--percent", "50"], 4),
        (&["--percent", "100"], n_body),
        (&["--percent", "1"], 1),
    ];
    for (flags, expected) in table {
        let mut args = vec!["summarize"];
        args.extend_from_slice(flags);
        let out = run(&args, ARTICLE.as_bytes());
        assert_eq!(out.status, 0, "{flags:?}: {}", out.stderr);
        assert_eq!(
            out.stdout.lines().count(),
            *expected,
            "{flags:?}: {}",
            out.stdout
        );
    }
    // --words: as many sentences as fit, at least one.
    for budget in [1usize, 20, 40, 1000] {
        let out = run(
            &[
                "summarize",
                "--words",
                &budget.to_string(),
                "--format",
                "json",
            ],
            ARTICLE.as_bytes(),
        );
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        let chosen = value["summary"].as_array().unwrap();
        let words_out = value["stats"]["words_out"].as_u64().unwrap() as usize;
        assert!(!chosen.is_empty(), "--words {budget}");
        assert!(chosen.len() == 1 || words_out <= budget, "--words {budget}");
    }
}

#[test]
fn summarize_empty_input_says_why() {
    for input in ["", "   \n\t\n"] {
        let out = run(&["summarize"], input.as_bytes());
        assert_eq!(out.status, 1);
        assert!(out.stdout.is_empty());
        assert!(
            out.stderr.contains("Paste an article to summarise it."),
            "{}",
            out.stderr
        );
        // JSON callers get the notice in the record instead.
        let out = run(&["summarize", "--format", "json"], input.as_bytes());
        assert_eq!(out.status, 0);
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(value["notice"], "Paste an article to summarise it.");
        assert_eq!(value["summary"], json!([]));
    }
}

#[test]
fn summarize_only_emoji_says_no_words() {
    let out = run(&["summarize"], "😀🎉 👍🏽\n".as_bytes());
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("no words"), "{}", out.stderr);
}

/// Bad command lines: exit status 2 and a message naming the problem.
#[test]
fn bad_options() {
    let table: &[(&[&str], &str)] = &[
        (
            &["summarize", "--frobnicate"],
            "unknown option --frobnicate",
        ),
        (&["summarize", "--sentences"], "--sentences needs a value"),
        (
            &["summarize", "--sentences", "0"],
            "--sentences needs a positive whole number",
        ),
        (&["summarize", "--sentences", "three"], "\"three\""),
        (
            &["summarize", "--words", "-5"],
            "--words needs a positive whole number",
        ),
        (
            &["summarize", "--percent", "0"],
            "--percent needs a positive whole number",
        ),
        (
            &["summarize", "--percent", "101"],
            "--percent must be between 1 and 100",
        ),
        (&["summarize", "--format", "pdf"], "unknown format \"pdf\""),
        (&["summarize", "a.txt", "b.txt"], "give at most one file"),
        (&["batch", "--weights", "{not json"], "--weights"),
        // The `--flag=value` forms: the same checks, and flags without a value refuse one.
        (
            &["summarize", "--sentences="],
            "--sentences needs a positive whole number, not \"\"",
        ),
        (
            &["summarize", "--sentences=0"],
            "--sentences needs a positive whole number",
        ),
        (
            &["summarize", "--percent=101"],
            "--percent must be between 1 and 100",
        ),
        (&["summarize", "--format=pdf"], "unknown format \"pdf\""),
        (
            &["summarize", "--no-facts=yes"],
            "--no-facts takes no value",
        ),
        (&["batch", "--features=1"], "--features takes no value"),
        (
            &["summarize", "--frobnicate=2"],
            "unknown option --frobnicate",
        ),
        (&["batch", "--weights={not json"], "--weights: "),
    ];
    for (args, message) in table {
        let out = run(args, ARTICLE.as_bytes());
        assert_eq!(out.status, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("Usage:"), "{args:?}: no usage");
    }
}

/// `--flag=value` gives what `--flag value` gives, for every flag that takes a value.
#[test]
fn flag_equals_value_is_flag_then_value() {
    let path = scratch_file("article-equals.txt", ARTICLE.as_bytes());
    let path = path.to_str().unwrap();
    // (flag, value, lines of the text output: not the default 3, so the value is seen)
    let table: &[(&str, &str, usize)] = &[
        ("--sentences", "1", 1),
        ("--percent", "50", 4),
        ("--words", "1", 1),
        ("--format", "json", 1),
        ("--format", "markdown", 0),
        ("--weights", "{\"position\": 0}", 3),
    ];
    for &(flag, value, lines) in table {
        let joined = format!("{flag}={value}");
        let apart = run(&["summarize", flag, value, path], b"");
        let together = run(&["summarize", &joined, path], b"");
        assert_eq!(apart.status, 0, "{flag} {value}: {}", apart.stderr);
        assert_eq!(together.status, 0, "{joined}: {}", together.stderr);
        assert_eq!(together.stdout, apart.stdout, "{joined}");
        if lines > 0 {
            assert_eq!(together.stdout.lines().count(), lines, "{joined}");
        }
    }
    let markdown = run(&["summarize", "--format=markdown", path], b"");
    assert!(markdown.stdout.starts_with('#'), "{}", markdown.stdout);
    // A file name with '=' is still a file name.
    let odd = scratch_file("a=b.txt", ARTICLE.as_bytes());
    let out = run(&["summarize", "--sentences=2", odd.to_str().unwrap()], b"");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 2);
    // batch takes the same forms.
    let line = format!("{}\n", json!({ "id": 1, "text": ARTICLE }));
    let apart = run(&["batch", "--sentences", "2"], line.as_bytes());
    let together = run(&["batch", "--sentences=2"], line.as_bytes());
    assert_eq!(together.status, 0, "{}", together.stderr);
    assert_eq!(together.stdout, apart.stdout);
    assert_eq!(
        json_lines(&together.stdout)[0]["summary"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn version_names_the_package_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag], b"");
        assert_eq!(out.status, 0, "{flag}");
        assert_eq!(
            out.stdout,
            format!("nutshell {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert!(out.stderr.is_empty(), "{flag}: {}", out.stderr);
    }
    let out = binary(&["--version"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("nutshell {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_command_and_no_command() {
    let out = run(&["summarise-all"], b"");
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("unknown command \"summarise-all\""));
    let out = run(&[], b"");
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("Usage:"));
    let out = run(&["--help"], b"");
    assert_eq!(out.status, 0);
    assert!(out.stdout.contains("nutshell batch"));
}

#[test]
fn missing_file_named_in_error() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-article.txt");
    let path = path.to_str().unwrap();
    let out = run(&["summarize", path], b"");
    assert_eq!(out.status, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains(&format!("cannot read {path}")),
        "{}",
        out.stderr
    );
}

#[test]
fn unreadable_file_named_in_error() {
    // A directory cannot be read as a file (and, unlike chmod, this holds as root).
    let dir = env!("CARGO_TARGET_TMPDIR");
    let out = run(&["summarize", dir], b"");
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains(&format!("cannot read {dir}")),
        "{}",
        out.stderr
    );
}

#[test]
fn invalid_utf8_file_named_with_offset() {
    let path = scratch_file("latin1.txt", b"Caf\xe9 au lait. Tr\xe8s bien.");
    let path = path.to_str().unwrap();
    let out = run(&["summarize", path], b"");
    assert_eq!(out.status, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains(path)
            && out.stderr.contains("not UTF-8")
            && out.stderr.contains("offset 3"),
        "{}",
        out.stderr
    );
    let out = run(&["summarize"], b"ok \xff\xfe");
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("standard input is not UTF-8"),
        "{}",
        out.stderr
    );
}

// ---- batch --------------------------------------------------------------

/// Asserts that `record` follows the batch contract for input `text`.
fn assert_contract(record: &Value, text: &str) {
    for field in [
        "id",
        "language",
        "summary",
        "sentences",
        "facts",
        "entities",
    ] {
        assert!(record.get(field).is_some(), "no {field:?} in {record}");
    }
    // A language code; null only when there is no text to detect it in.
    assert!(
        record["language"].is_string() || (record["language"].is_null() && text.trim().is_empty()),
        "{}",
        record["language"]
    );
    let sentences = record["sentences"].as_array().expect("sentences");
    let mut spans = Vec::new();
    let mut prev_end = 0;
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(prev_end <= start && start < end, "{s} out of order");
        let slice = text.get(start..end).expect("byte offsets inside the text");
        assert_eq!(s["text"], slice, "offsets do not slice the input back");
        spans.push((start, slice));
        prev_end = end;
    }
    // The summary: sentences of the input, in source order.
    let mut last = None;
    for chosen in record["summary"].as_array().expect("summary") {
        let chosen = chosen.as_str().expect("summary strings");
        let at = spans
            .iter()
            .position(|(_, s)| *s == chosen)
            .unwrap_or_else(|| panic!("{chosen:?} is not a sentence of the input"));
        assert!(last < Some(at), "summary out of source order");
        last = Some(at);
    }
    assert!(record["facts"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    for e in record["entities"].as_array().expect("entities") {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(e["text"], text.get(start..end).expect("entity offsets"));
        let kinds = [
            "PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "NUMBER",
            "DURATION",
        ];
        assert!(kinds.contains(&e["type"].as_str().unwrap()), "{e}");
    }
}

#[test]
fn batch_follows_the_contract() {
    let texts = [
        ARTICLE,
        "Mr. Smith went to Washington on Dec. 7. He met Dr. Jane Doe of Acme Inc. there.",
        "東京都は月曜日、新しい防災計画を発表した。知事は「命を守る」と述べた。",
        "Café \"au lait\" — 😀 ünïcödé. Zweiter Satz hier.",
        "",
    ];
    let ids = [
        json!("a1"),
        json!(2),
        json!(null),
        json!({"k": [1]}),
        json!("empty"),
    ];
    let input: String = texts
        .iter()
        .zip(&ids)
        .map(|(t, id)| json!({"id": id, "text": t, "extra": "ignored"}).to_string() + "\n")
        .collect();
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 0, "{}", out.stderr);
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), texts.len());
    for ((record, text), id) in records.iter().zip(texts).zip(&ids) {
        assert_eq!(&record["id"], id);
        assert_contract(record, text);
    }
    assert_eq!(records[0]["summary"].as_array().unwrap().len(), 3);
    assert_eq!(records[2]["language"], "cjk");
    assert_eq!(records[4]["summary"], json!([]));
}

#[test]
fn batch_sentences_option() {
    let input = json!({"id": 1, "text": ARTICLE}).to_string();
    for n in 1..=4 {
        let out = run(&["batch", "--sentences", &n.to_string()], input.as_bytes());
        assert_eq!(out.status, 0);
        let record = &json_lines(&out.stdout)[0];
        assert_eq!(record["summary"].as_array().unwrap().len(), n);
        assert_contract(record, ARTICLE);
    }
}

#[test]
fn batch_malformed_json_line_reports_line_and_goes_on() {
    let input = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{}\n",
        json!({"id": "first", "text": ARTICLE}),
        json!({"id": "third", "text": "One sentence here. And another one."})
    );
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 1, "a failed line makes the run fail");
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["id"], "first");
    assert_eq!(records[1]["id"], Value::Null);
    assert_eq!(records[1]["line"], 2);
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    assert_eq!(records[2]["id"], "third");
    assert_contract(&records[2], "One sentence here. And another one.");
    assert!(out.stderr.contains("line 2"), "{}", out.stderr);
    assert!(out.stderr.contains("1 of 3 lines failed"), "{}", out.stderr);
}

/// A batch line's `hints` (a rich paste's markup, `[at, links, marks]` per
/// line) reach the cleaning: a line the markup puts in the navigation with
/// only links is set aside, saying so; without hints it is the same text's
/// plain answer.
#[test]
fn batch_hints_reach_the_cleaning() {
    let menu = ["Home", "News", "Sport", "Weather", "Travel"];
    let article = [
        "Ferry service to end in June after a century of crossings",
        "The old ferry across the estuary will stop running at the end of June, the county council confirmed on Thursday. It has carried foot passengers since 1912, and last summer it made more than nine thousand crossings between the two villages.",
        "Councillors said they had spent two years looking for a new operator without success.",
    ];
    let text = [&menu[..], &article[..]].concat().join("\n\n");
    // (Mark::Navigation | Mark::ListItem, all links; Mark::Article.)
    let hint = |line: &str, links: u8, marks: u16| (text.find(line).unwrap(), links, marks);
    let hints: Vec<(usize, u8, u16)> = (menu.iter().map(|l| hint(l, 100, 1 | 64)))
        .chain(article.iter().map(|l| hint(l, 0, 256)))
        .collect();
    let batch = |record: Value| {
        let out = run(&["batch"], format!("{record}\n").as_bytes());
        assert_eq!(out.status, 0, "{}", out.stderr);
        json_lines(&out.stdout).remove(0)["boilerplate"].clone()
    };
    let marked = batch(serde_json::json!({"id": 1, "text": text, "hints": hints}));
    let plain = batch(serde_json::json!({"id": 1, "text": text}));
    let evidence = |aside: &Value| -> Vec<String> {
        let lines = aside.as_array().unwrap();
        lines
            .iter()
            .map(|b| b["evidence"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        marked.as_array().map(Vec::len),
        Some(menu.len()),
        "{marked}"
    );
    // The markup's evidence: the links, or the article element the menu
    // lies outside (whichever the fitted third stage weighs more).
    let from_markup = |e: &String| e == "100% links" || e == "outside the page's article";
    assert!(evidence(&marked)[1..].iter().all(from_markup), "{marked}");
    assert!(!evidence(&plain).iter().any(from_markup), "{plain}");
}

/// A person's role where the text gives one before the name is in the
/// batch record's entity, and a quote goes to the person, not to the
/// organisation in the same phrase (issue 24's examples).
#[test]
fn batch_entities_carry_roles() {
    let text = "Russia rejected the report on Monday. \"This is a provocation,\" Kremlin spokesman Dmitry Peskov told reporters in Moscow. Foreign Minister Sergei Lavrov met his counterpart in Geneva on Friday.";
    let line = serde_json::json!({"id": 1, "text": text});
    let out = run(&["batch"], format!("{line}\n").as_bytes());
    assert_eq!(out.status, 0, "{}", out.stderr);
    let record = json_lines(&out.stdout).remove(0);
    let role_of = |name: &str| {
        let entities = record["entities"].as_array().unwrap();
        let entity = entities.iter().find(|e| e["text"] == name);
        entity.map(|e| e["role"].clone()).unwrap_or(Value::Null)
    };
    assert_eq!(role_of("Dmitry Peskov"), "spokesman", "{record}");
    assert_eq!(role_of("Sergei Lavrov"), "Foreign Minister", "{record}");
    assert_eq!(role_of("Moscow"), Value::Null, "{record}");
    assert_eq!(record["quotes"][0]["speaker"], "Dmitry Peskov", "{record}");
}

/// Lines that cannot be summarised, each with the error it must name.
#[test]
fn batch_bad_lines_table() {
    let table: &[(&[u8], &str)] = &[
        (b"{\"id\": 1}", "missing field \"text\""),
        (
            b"{\"id\": 1, \"text\": 42}",
            "field \"text\" is not a string",
        ),
        (
            b"{\"id\": 1, \"text\": null}",
            "field \"text\" is not a string",
        ),
        (b"[\"text\", \"an array\"]", "not a JSON object"),
        (b"\"just a string\"", "not a JSON object"),
        (b"not json at all", "not valid JSON"),
        (b"{\"id\": 1, \"text\": \"ok\"} trailing", "not valid JSON"),
        (b"{\"id\": 1, \"text\": \"caf\xe9\"}", "not UTF-8"),
        (b"\xff\xfe{\"id\": 1}", "not UTF-8"),
        (b"{\"id\": 1, \"text\": \"\\ud800\"}", "not valid JSON"),
        (
            b"{\"id\": 1, \"text\": \"ok\", \"hints\": \"nav\"}",
            "field \"hints\" is not a list of [at, links, marks]",
        ),
        (
            b"{\"id\": 1, \"text\": \"ok\", \"hints\": [[0, 300, 1]]}",
            "field \"hints\" is not a list of [at, links, marks]",
        ),
    ];
    for (line, error) in table {
        let mut input =
            b"{\"id\": \"good\", \"text\": \"A good line. It has two sentences.\"}\n".to_vec();
        input.extend_from_slice(line);
        input.push(b'\n');
        let out = run(&["batch"], &input);
        let shown = String::from_utf8_lossy(line);
        assert_eq!(out.status, 1, "{shown}");
        let records = json_lines(&out.stdout);
        assert_eq!(records.len(), 2, "{shown}");
        assert_eq!(records[0]["id"], "good", "{shown}");
        assert_eq!(records[1]["id"], Value::Null, "{shown}");
        assert_eq!(records[1]["line"], 2, "{shown}");
        let message = records[1]["error"].as_str().unwrap();
        assert!(message.contains(error), "{shown}: {message}");
    }
}

#[test]
fn batch_accepts_article_for_text() {
    let input = json!({"id": "cnn-1", "article": ARTICLE, "highlights": "ignored"}).to_string();
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 0, "{}", out.stderr);
    let record = &json_lines(&out.stdout)[0];
    assert_eq!(record["id"], "cnn-1");
    assert_contract(record, ARTICLE);
    assert_eq!(record["summary"].as_array().unwrap().len(), 3);
}

#[test]
fn batch_skips_blank_lines_but_counts_them() {
    let good = json!({"id": "g", "text": "A line. Another line."}).to_string();
    let input = format!("\n{good}\n   \n\t\r\n{good}\r\nnope\n\n");
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 1);
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 3, "{}", out.stdout);
    assert_eq!(records[0]["id"], "g");
    assert_eq!(records[1]["id"], "g", "a \\r\\n line ending is fine");
    // "nope" is on line 6, counting the blank lines.
    assert_eq!(records[2]["line"], 6);
}

#[test]
fn batch_without_final_newline_and_empty_input() {
    let input = json!({"id": 7, "text": "No newline at the end. Still read."}).to_string();
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 0);
    assert_eq!(json_lines(&out.stdout)[0]["id"], 7);
    let out = run(&["batch"], b"");
    assert_eq!(out.status, 0);
    assert!(out.stdout.is_empty());
}

#[test]
fn batch_takes_no_file() {
    let out = run(&["batch", "input.jsonl"], b"");
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("batch reads standard input"),
        "{}",
        out.stderr
    );
}

// ---- the built binary -----------------------------------------------------

fn binary(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutshell"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run nutshell");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for nutshell");
    writer.join().unwrap();
    output
}

#[test]
fn binary_summarize_and_errors() {
    let out = binary(&["summarize", "--sentences", "2"], ARTICLE.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);

    let out = binary(&["summarize", "/nonexistent/article.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("cannot read /nonexistent/article.txt"),
        "{stderr}"
    );

    let out = binary(&["summarize", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));

    let out = binary(&["summarize"], b"\xc3\x28 broken");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("not UTF-8"));
}

#[test]
fn binary_batch_pipe() {
    let mut input = String::new();
    for i in 0..20 {
        input.push_str(&json!({"id": i, "text": ARTICLE}).to_string());
        input.push('\n');
    }
    input.push_str("{oops\n");
    let out = binary(&["batch"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(records.len(), 21);
    for (i, record) in records.iter().take(20).enumerate() {
        assert_eq!(record["id"], i);
        assert_contract(record, ARTICLE);
    }
    assert_eq!(records[20]["line"], 21);
}

/// A pasted U+2028 (line separator) or U+2029 (paragraph separator) is
/// written escaped, so that readers that split lines on them (Python's
/// `str.splitlines`, JavaScript line readers) still see one record per line.
#[test]
fn line_separators_are_escaped_one_record_per_line() {
    let texts = [
        "Floods hit the valley\u{2028}on Monday. Thousands left their homes in the rain. Schools stay closed.",
        "Rescue teams worked\u{2029}through the night. The river rose two metres. Help is on its way.",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(id, text)| format!("{}\n", json!({ "id": id, "text": text })))
        .collect();
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        !out.stdout.contains(['\u{2028}', '\u{2029}']),
        "{}",
        out.stdout
    );
    // Every line break Python's str.splitlines knows.
    let python_lines: Vec<&str> = out
        .stdout
        .split([
            '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(python_lines.len(), texts.len(), "{}", out.stdout);
    // The escapes read back as the characters: the text is quoted exactly.
    for (record, text) in json_lines(&out.stdout).iter().zip(texts) {
        assert_contract(record, text);
        let first = record["sentences"][0]["text"].as_str().unwrap();
        assert!(first.contains(['\u{2028}', '\u{2029}']), "{first:?}");
    }
    // summarize --format json writes them escaped too.
    let out = run(&["summarize", "--format", "json"], texts[0].as_bytes());
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\\u2028"), "{}", out.stdout);
    assert!(!out.stdout.contains('\u{2028}'), "{}", out.stdout);
}

/// Windows tools (Notepad, PowerShell's `Out-File -Encoding utf8`) start a
/// UTF-8 file with a byte-order mark; RFC 8259 lets a JSON reader ignore it.
/// It made line 1 "not valid JSON".
#[test]
fn batch_utf8_bom_on_first_line() {
    let mut input = b"\xef\xbb\xbf".to_vec();
    input.extend_from_slice(
        json!({"id": "bom", "text": "One sentence. Two sentences."})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\r\n");
    let out = run(&["batch"], &input);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let records = json_lines(&out.stdout);
    assert_eq!(records[0]["id"], "bom");
    assert_contract(&records[0], "One sentence. Two sentences.");
}

/// The scoring constants that `--weights` sets are any numbers a tuning
/// run may try: the largest forward window and length limits of zero
/// still give a summary (the window is the size of a buffer), as does a
/// fragment limit no sentence reaches.
#[test]
fn extreme_weights_still_summarize() {
    let line = format!("{}\n", json!({ "id": 1, "text": ARTICLE }));
    for weights in [
        json!({ "forward_window": u64::MAX }),
        json!({ "forward_window": 0 }),
        json!({ "min_sentence_words": 0, "max_sentence_words": 0 }),
        json!({ "min_sentence_words": u64::MAX, "max_sentence_words": u64::MAX }),
        // Every sentence a fragment, and no main names or all of them.
        json!({ "min_chosen_words": u64::MAX, "main_names": 0 }),
        json!({ "min_chosen_words": 0, "main_names": u64::MAX }),
    ] {
        let out = run(
            &["batch", "--weights", &weights.to_string()],
            line.as_bytes(),
        );
        assert_eq!(out.status, 0, "{weights}: {}", out.stderr);
        let summary = &json_lines(&out.stdout)[0]["summary"];
        assert_eq!(summary.as_array().map(Vec::len), Some(3), "{weights}");
    }
}

/// `--weights` changes the fields it names and keeps the rest, inside the
/// TL;DR's object too: one TL;DR weight given changes a one-sentence
/// summary and leaves a three-sentence one as it was.
#[test]
fn weights_merge_into_the_tldr_object() {
    let line = format!("{}\n", json!({ "id": 1, "text": ARTICLE }));
    let summary = |args: &[&str]| -> Value {
        let out = run(args, line.as_bytes());
        assert_eq!(out.status, 0, "{args:?}: {}", out.stderr);
        json_lines(&out.stdout)[0]["summary"].clone()
    };
    // Every TL;DR weight 0 but a large one against long sentences: the
    // TL;DR is a short sentence, not the fitted weights' choice.
    let zeros: serde_json::Map<String, Value> = [
        "position",
        "first",
        "centrality",
        "forward",
        "title",
        "lead",
        "length",
        "paragraph_start",
        "question",
        "quote",
        "names",
        "number",
        "centrality_rank",
        "forward_rank",
        "entities",
        "lead_cue",
        "opens_reference",
    ]
    .into_iter()
    .map(|f| (f.to_owned(), json!(0.0)))
    .chain([("words".to_owned(), json!(-10.0))])
    .collect();
    let short = json!({ "tldr": zeros }).to_string();
    let one_word = json!({ "tldr": { "words": -10.0 } }).to_string();
    let tldr = summary(&["batch", "--sentences", "1"]);
    let short_tldr = summary(&["batch", "--sentences", "1", "--weights", &short]);
    assert_ne!(short_tldr, tldr);
    // One field of the object given: accepted, the others kept.
    let merged = summary(&["batch", "--sentences", "1", "--weights", &one_word]);
    assert_eq!(
        merged.as_array().map(Vec::len),
        Some(1),
        "one sentence: {merged}"
    );
    assert_eq!(
        summary(&["batch", "--weights", &short]),
        summary(&["batch"]),
        "a three-sentence summary reads no TL;DR weight"
    );
}
