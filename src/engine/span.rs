//! Byte positions into the original text.

use std::ops::Range;

/// A half-open byte range `start..end` into the text the engine was given.
///
/// Every position the engine reports is a `Span` on the *original* text (not
/// a normalised copy), always on `char` boundaries, so callers can slice
/// `&text[span.range()]` without fear.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `""` if it does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}
