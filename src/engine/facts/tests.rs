//! Table-driven tests of the key facts, with sentences written for them.

use super::super::{summarize, Config};
use super::*;

/// The (mention text, type code) pairs of every entity of `text`.
fn mentions(text: &str) -> Vec<(String, &'static str)> {
    let summary = summarize(text, &Config::default());
    let mut out = Vec::new();
    for e in &summary.entities {
        for m in &e.mentions {
            out.push((m.span.slice(text).to_owned(), e.kind.code()));
        }
    }
    out
}

/// Checks that every expected (text, type) is found, and that every
/// `absent` text is not found as a name.
fn check(text: &str, expected: &[(&str, &str)], absent: &[&str]) {
    let got = mentions(text);
    for (want, kind) in expected {
        assert!(
            got.iter().any(|(t, k)| t == want && k == kind),
            "{want:?} as {kind} in {text:?}; got {got:?}"
        );
    }
    for bad in absent {
        assert!(
            !got.iter()
                .any(|(t, k)| t == bad && ["PER", "ORG", "LOC"].contains(k)),
            "{bad:?} should not be a name in {text:?}; got {got:?}"
        );
    }
}
