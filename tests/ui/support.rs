//! What the reducer's tests (tests/state.rs, native) and the components'
//! tests (tests/components.rs, in the browser) share.

use nutshell::engine::{summarize, Config, Entity, EntityKind, KeyFact, Mention, Span, Summary};

/// A summary with one entity mentioned twice, by hand (spans into `TEXT`).
pub const TEXT: &str = "Ada Lovelace wrote notes. Later, Lovelace was famous.";

pub fn summary_with_entity() -> Summary {
    let mut summary = summarize(TEXT, &Config::default());
    summary.entities = vec![Entity {
        name: Span::new(0, 12),
        kind: EntityKind::Person,
        mentions: vec![
            Mention {
                span: Span::new(0, 12),
                sentence_idx: 0,
            },
            Mention {
                span: Span::new(33, 41),
                sentence_idx: 1,
            },
        ],
        salience: 1.0,
        role: None,
    }];
    summary.facts = vec![KeyFact {
        span: Span::new(0, 24),
        sentence_idx: 0,
    }];
    summary
}
