//! `nutshell batch` on any bytes as standard input: no panic; one output
//! line per non-blank input line, in order; each either an error naming its
//! line or a record whose sentence offsets slice its input text exactly;
//! exit status 1 exactly when a line failed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutshell::cli;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, input)) = data.split_first() else {
        return;
    };
    let mut args = vec!["batch".to_owned()];
    match mode % 4 {
        1 => args.extend(["--sentences".into(), "1".into()]),
        2 => args.extend(["--percent".into(), "50".into()]),
        3 => args.extend(["--words".into(), "30".into()]),
        _ => {}
    }
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = cli::run(&args, &mut &input[..], &mut stdout, &mut stderr);

    let out = String::from_utf8(stdout).expect("output is UTF-8");
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    let lines: Vec<(usize, &[u8])> = input
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| match l.strip_prefix(b"\xef\xbb\xbf") {
            // A byte-order mark on line 1 is not part of the JSON.
            Some(rest) if i == 0 => (1, rest),
            _ => (i + 1, l),
        })
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .collect();
    assert_eq!(records.len(), lines.len(), "one output line per input line");
    let mut n_failed = 0;
    for (record, (line_no, line)) in records.iter().zip(&lines) {
        if let Some(error) = record.get("error") {
            n_failed += 1;
            assert!(error.is_string() && record["id"].is_null());
            assert_eq!(record["line"], *line_no);
            continue;
        }
        let input: Value = serde_json::from_slice(line).expect("a record's line is JSON");
        let text = input
            .get("text")
            .or_else(|| input.get("article"))
            .and_then(Value::as_str)
            .expect("a record's line has a text");
        assert_eq!(record["id"], *input.get("id").unwrap_or(&Value::Null));
        for s in record["sentences"].as_array().expect("sentences") {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let slice = text.get(start as usize..end as usize).expect("offsets fit");
            assert_eq!(s["text"], slice);
        }
    }
    assert_eq!(status, i32::from(n_failed > 0), "exit status");
});
