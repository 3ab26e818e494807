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

/// Abbreviations (lower case, without the dot; sorted) after which a full
/// stop does not end a sentence when the next word starts with a capital
/// or a digit: titles, companies, months and days, units of reference, and
/// a few German, French, Spanish and Italian ones.
const ABBREVIATIONS: &[(&str, Dot)] = &[
    ("adm", Keep),
    ("al", Split),
    ("approx", Split),
    ("apr", Keep),
    ("art", Split),
    ("assn", Split),
    ("aug", Keep),
    ("ave", Keep),
    ("blvd", Keep),
    ("bros", Split),
    ("bzw", Split),
    ("ca", Split),
    ("capt", Keep),
    ("cf", Split),
    ("ch", Split),
    ("cmdr", Keep),
    ("co", Keep),
    ("col", Keep),
    ("corp", Keep),
    ("cpl", Keep),
    ("dec", Keep),
    ("dept", Keep),
    ("dott", Split),
    ("dr", Keep),
    ("ed", Split),
    ("eds", Split),
    ("est", Split),
    ("feb", Keep),
    ("fig", Split),
    ("fr", Keep),
    ("fri", Split),
    ("ft", Keep),
    ("gen", Keep),
    ("ggf", Split),
    ("gov", Keep),
    ("hon", Keep),
    ("hr", Split),
    ("inc", Keep),
    ("ing", Split),
    ("insp", Keep),
    ("jan", Keep),
    ("jr", Keep),
    ("jul", Keep),
    ("jun", Keep),
    ("lt", Keep),
    ("ltd", Keep),
    ("maj", Keep),
    ("mar", Keep),
    ("messrs", Keep),
    ("mio", Split),
    ("mlle", Split),
    ("mme", Split),
    ("mon", Split),
    ("mr", Keep),
    ("mrd", Split),
    ("mrs", Keep),
    ("ms", Keep),
    ("mt", Keep),
    ("no", Keep),
    ("nos", Split),
    ("nov", Keep),
    ("nr", Split),
    ("oct", Keep),
    ("op", Split),
    ("p", Split),
    ("pp", Split),
    ("pres", Keep),
    ("prof", Keep),
    ("pvt", Split),
    ("rd", Split),
    ("rep", Keep),
    ("rev", Keep),
    ("rs", Split),
    ("sat", Split),
    ("sec", Split),
    ("sen", Keep),
    ("sep", Keep),
    ("sept", Keep),
    ("sgt", Keep),
    ("sog", Split),
    ("sr", Keep),
    ("sra", Split),
    ("st", Keep),
    ("ste", Split),
    ("sun", Split),
    ("supt", Keep),
    ("thu", Split),
    ("thur", Split),
    ("thurs", Split),
    ("tue", Split),
    ("tues", Split),
    ("u.a", Split),
    ("univ", Split),
    ("usw", Split),
    ("v", Split),
    ("vgl", Split),
    ("vol", Split),
    ("vs", Keep),
    ("wed", Split),
    ("z.b", Split),
];

fn table() -> &'static FxHashMap<&'static str, Dot> {
    static TABLE: OnceLock<FxHashMap<&'static str, Dot>> = OnceLock::new();
    TABLE.get_or_init(|| ABBREVIATIONS.iter().copied().collect())
}

/// Whether `lower` (lower case, without the dot) is an abbreviation, after
/// which a full stop ends no sentence (the segmenter's view).
pub(crate) fn is_abbreviation(lower: &str) -> bool {
    table().contains_key(lower)
}

/// Whether the facts' tokenizer keeps the full stop after `lower` (lower
/// case, without the dot) in the word (the tokenizer's view).
pub(crate) fn keeps_full_stop(lower: &str) -> bool {
    table().get(lower) == Some(&Keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sorted_list_two_views() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ABBREVIATIONS.iter().all(|(w, _)| *w == w.to_lowercase()));
        assert!(is_abbreviation("vol") && !keeps_full_stop("vol"));
        assert!(is_abbreviation("mr") && keeps_full_stop("mr"));
        assert!(!is_abbreviation("mister") && !keeps_full_stop("mister"));
        let n_keep = ABBREVIATIONS.iter().filter(|(_, d)| *d == Keep).count();
        assert_eq!(n_keep, 50);
    }
}
