//! The facts' shared word lists (data): each concept has its home here,
//! and where two rules read one concept differently, both views sit side
//! by side with the reason.

use crate::engine::word_list::{words, Words};

/// Verbs that attribute a quotation to a speaker (lower case, sorted):
/// `," Peskov told reporters`, `Peskov said: "…"` (`quotes`).
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asserted",
    "claimed",
    "commented",
    "concluded",
    "confirmed",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "warned",
    "wrote",
];

/// The speech verbs that, right after a run of at most three capitalised
/// words, vote for a person ("Smith said"; `names`): ten of
/// [`SPEECH_VERBS`] and "believes". A narrower view than the quotes': the
/// names' votes were set with this list, and widening it to the quotes'
/// (or the quotes' to this) changes the entity output (issue 21 kept it
/// byte-identical), so both views stay, tested against each other.
pub(crate) const PERSON_SPEECH_VERBS: Words = words![
    "added",
    "announced",
    "argued",
    "asked",
    "believes",
    "claimed",
    "said",
    "says",
    "stated",
    "told",
    "wrote",
];

/// Whether `lower` (lower case) is one of [`SPEECH_VERBS`].
pub(crate) fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_sorted_and_one_concept() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
        let person: Vec<&str> = PERSON_SPEECH_VERBS.iter().collect();
        assert!(person.windows(2).all(|w| w[0] < w[1]));
        let outside: Vec<&str> = PERSON_SPEECH_VERBS
            .iter()
            .filter(|w| !is_speech_verb(w))
            .collect();
        assert_eq!(outside, ["believes"]);
    }
}
