//! The export functions (`to_plain`, `to_markdown`, `to_json`) on real
//! summaries and on summaries whose spans and indices were scrambled (a
//! stale or hand-edited summary must not panic the page's copy button).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutshell::engine::{export, summarize, Config, Length, Span};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (scramble, rest) = rest.split_at(rest.len().min(usize::from(mode % 64)));
    let text = String::from_utf8_lossy(rest);
    let config = Config {
        length: Length::Sentences(usize::from(mode % 7)),
        ..Config::default()
    };
    let mut summary = summarize(&text, &config);
    if mode >= 128 {
        // Real summary: the exports quote the chosen sentences exactly.
        let json: serde_json::Value =
            serde_json::from_str(&export::to_json(&text, &summary)).expect("to_json writes JSON");
        let chosen: Vec<&str> = summary
            .chosen_sentences()
            .map(|s| s.span.slice(&text))
            .collect();
        assert_eq!(json["summary"], serde_json::json!(chosen));
        let plain = export::to_plain(&text, &summary);
        assert_eq!(plain.lines().count(), chosen.len());
        export::to_markdown(&text, &summary);
        return;
    }
    // Scrambled: spans anywhere (past the end, inside a char, reversed),
    // chosen indices out of range.
    let mut values = scramble
        .chunks(2)
        .map(|c| usize::from(c[0]) * 7 + usize::from(*c.get(1).unwrap_or(&0)));
    let mut next = move || values.next().unwrap_or(3);
    let mut span = || Span {
        start: next(),
        end: next(),
    };
    for s in &mut summary.sentences {
        s.span = span();
    }
    for b in &mut summary.boilerplate {
        b.span = span();
    }
    for e in &mut summary.entities {
        e.name = span();
        for m in &mut e.mentions {
            m.span = span();
        }
    }
    for q in &mut summary.quotes {
        q.span = span();
        q.speaker = Some(span());
    }
    for f in &mut summary.facts {
        f.span = span();
    }
    summary
        .chosen
        .extend([span().start, span().end, usize::MAX]);
    let _ = export::to_plain(&text, &summary);
    let _ = export::to_markdown(&text, &summary);
    let _ = export::to_json(&text, &summary);
});
