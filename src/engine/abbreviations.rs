//! The abbreviations of the engine, in one list: after one, a full stop
//! does not end a sentence (`segment`), and for some the facts' tokenizer
//! keeps the full stop in the word ("Mr." is one token: `facts::tokens`).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Whether the facts' tokenizer keeps an abbreviation's full stop in the
/// word. The tokenizer's list was a subset of the segmenter's, and its
/// rules were tuned with it: keeping the dot after every abbreviation
/// would change the facts' output (issue 21 kept it byte-identical), so
/// the subset stays, marked here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dot {
    /// The token keeps the full stop ("Mr." "Dec.").
    Keep,
    /// The full stop is a token of its own ("vol" "." "5"); it still ends no
    /// sentence.
    Split,
}
use Dot::{Keep, Split};

/// What may follow an abbreviation's full stop in the same sentence (the
/// segmenter's view): whether the full stop can also end one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// Always stands before what it qualifies, a name or a phrase ("Mr.",
    /// "Dr.", "Srta.", "Lic.", "vs.", "e.g.", "z. B."): its full stop never
    /// ends a sentence.
    Before,
    /// Stands before a number ("No. 5", "p. 55", "Art. 3", "vol. 2"): never
    /// ends a sentence before a digit; before a word, as [`Kind::Any`].
    Number,
    /// May end a sentence ("Inc.", "Co.", "Jr.", "Dec.", "St."): it does when
    /// the next word opens one (a pronoun, a determiner, "Then").
    Any,
}
use Kind::{Any, Before, Number};

/// Abbreviations (lower case, without the dot; sorted) after which a full
/// stop does not end a sentence when the next word starts with a capital
/// or a digit, unless their [`Kind`] says otherwise: titles, companies,
/// months and days, units of reference, and a few German, French, Spanish,
/// Italian and Russian ones. Dotted ones are written without spaces
/// ("z.b" is "z. B." and "z.B.").
const ABBREVIATIONS: &[(&str, Dot, Kind)] = &[
    ("adm", Keep, Before),
    ("al", Split, Any),
    ("approx", Split, Before),
    ("apr", Keep, Any),
    ("art", Split, Number),
    ("assn", Split, Any),
    ("aug", Keep, Any),
    ("ave", Keep, Any),
    ("avv", Split, Before),
    ("blvd", Keep, Any),
    ("bros", Split, Any),
    ("bzw", Split, Before),
    ("ca", Split, Before),
    ("capt", Keep, Before),
    ("cf", Split, Before),
    ("ch", Split, Number),
    ("cmdr", Keep, Before),
    ("co", Keep, Any),
    ("col", Keep, Before),
    ("corp", Keep, Any),
    ("cpl", Keep, Before),
    ("d.h", Split, Before),
    ("dec", Keep, Any),
    ("dept", Keep, Any),
    ("dott", Split, Before),
    ("dr", Keep, Before),
    ("dra", Split, Before),
    ("dña", Split, Before),
    ("e.g", Split, Before),
    ("ed", Split, Number),
    ("eds", Split, Number),
    ("est", Split, Any),
    ("feb", Keep, Any),
    ("fig", Split, Number),
    ("fr", Keep, Before),
    ("fri", Split, Any),
    ("ft", Keep, Any),
    ("gen", Keep, Before),
    ("ggf", Split, Any),
    ("gov", Keep, Before),
    ("hon", Keep, Before),
    ("hr", Split, Before),
    ("i.e", Split, Before),
    ("inc", Keep, Any),
    ("ing", Split, Before),
    ("insp", Keep, Before),
    ("jan", Keep, Any),
    ("jr", Keep, Any),
    ("jul", Keep, Any),
    ("jun", Keep, Any),
    ("lic", Split, Before),
    ("lt", Keep, Before),
    ("ltd", Keep, Any),
    ("maj", Keep, Before),
    ("mar", Keep, Any),
    ("messrs", Keep, Before),
    ("mio", Split, Any),
    ("mlle", Split, Before),
    ("mme", Split, Before),
    ("mon", Split, Any),
    ("mr", Keep, Before),
    ("mrd", Split, Any),
    ("mrs", Keep, Before),
    ("ms", Keep, Before),
    ("mt", Keep, Before),
    ("no", Keep, Number),
    ("nos", Split, Number),
    ("nov", Keep, Any),
    ("nr", Split, Number),
    ("n°", Split, Number),
    ("nº", Split, Number),
    ("núm", Split, Number),
    ("oct", Keep, Any),
    ("op", Split, Number),
    ("p", Split, Number),
    ("p.ex", Split, Before),
    ("pp", Split, Number),
    ("pres", Keep, Before),
    ("prof", Keep, Before),
    ("profa", Split, Before),
    ("pvt", Split, Before),
    ("rd", Split, Any),
    ("rep", Keep, Before),
    ("reps", Keep, Any),
    ("rev", Keep, Before),
    ("rs", Split, Number),
    ("sat", Split, Any),
    ("sec", Split, Number),
    ("sen", Keep, Before),
    ("sens", Keep, Any),
    ("sep", Keep, Any),
    ("sept", Keep, Any),
    ("sgt", Keep, Before),
    ("sig", Split, Before),
    ("sog", Split, Before),
    ("sr", Keep, Any),
    ("sra", Split, Before),
    ("sres", Split, Before),
    ("srta", Split, Before),
    ("st", Keep, Any),
    ("ste", Split, Any),
    ("sun", Split, Any),
    ("supt", Keep, Before),
    ("thu", Split, Any),
    ("thur", Split, Any),
    ("thurs", Split, Any),
    ("tue", Split, Any),
    ("tues", Split, Any),
    ("u.a", Split, Before),
    ("univ", Split, Any),
    ("usw", Split, Any),
    ("v", Split, Before),
    ("vgl", Split, Before),
    ("vol", Split, Number),
    ("vs", Keep, Before),
    ("wed", Split, Any),
    ("z.b", Split, Before),
    ("г", Split, Any),
    ("им", Split, Before),
    ("ул", Split, Before),
];

fn table() -> &'static FxHashMap<&'static str, (Dot, Kind)> {
    static TABLE: OnceLock<FxHashMap<&'static str, (Dot, Kind)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ABBREVIATIONS
            .iter()
            .map(|&(word, dot, kind)| (word, (dot, kind)))
            .collect()
    })
}

/// The [`Kind`] of `lower` (lower case, without the dot) when it is an
/// abbreviation (the segmenter's view).
pub(crate) fn abbreviation_kind(lower: &str) -> Option<Kind> {
    table().get(lower).map(|&(_, kind)| kind)
}

/// Whether `lower` (lower case, without the dot) is an abbreviation.
#[cfg(test)]
pub(crate) fn is_abbreviation(lower: &str) -> bool {
    table().contains_key(lower)
}

/// Whether the facts' tokenizer keeps the full stop after `lower` (lower
/// case, without the dot) in the word (the tokenizer's view).
pub(crate) fn keeps_full_stop(lower: &str) -> bool {
    table().get(lower).map(|&(dot, _)| dot) == Some(Keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sorted_list_two_views() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ABBREVIATIONS.iter().all(|(w, _, _)| *w == w.to_lowercase()));
        assert!(is_abbreviation("vol") && !keeps_full_stop("vol"));
        assert!(is_abbreviation("mr") && keeps_full_stop("mr"));
        assert!(!is_abbreviation("mister") && !keeps_full_stop("mister"));
        let n_keep = ABBREVIATIONS.iter().filter(|(_, d, _)| *d == Keep).count();
        assert_eq!(n_keep, 52);
        assert_eq!(abbreviation_kind("dr"), Some(Before));
        assert_eq!(abbreviation_kind("vol"), Some(Number));
        assert_eq!(abbreviation_kind("inc"), Some(Any));
        assert_eq!(abbreviation_kind("n°"), Some(Number));
        assert_eq!(abbreviation_kind("mister"), None);
    }
}
