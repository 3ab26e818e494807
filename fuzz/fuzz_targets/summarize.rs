//! `summarize` on any text with any `Length`: no panic, every invariant of
//! `tests/bad_input/support.rs`, and the same answer twice.
#![no_main]

#[path = "../../tests/bad_input/support.rs"]
mod support;

use libfuzzer_sys::fuzz_target;
use nutshell::engine::{summarize, Config, Length};

fuzz_target!(|data: &[u8]| {
    let (length, rest) = length_from(data);
    // Valid UTF-8 as it is; anything else as a lossy clipboard would give it.
    let text = String::from_utf8_lossy(rest);
    let summary = support::check(&text, length);
    let again = summarize(
        &text,
        &Config {
            length,
            ..Config::default()
        },
    );
    assert_eq!(summary, again, "summarize is not deterministic");
});

/// The first two bytes choose the variant and its amount.
fn length_from(data: &[u8]) -> (Length, &[u8]) {
    match data {
        [kind, amount, rest @ ..] => {
            let length = match kind % 3 {
                0 => Length::Sentences(usize::from(*amount)),
                1 => Length::Percent(*amount),
                _ => Length::Words(usize::from(*amount) * 4),
            };
            (length, rest)
        }
        _ => (Length::Sentences(3), data),
    }
}
