//! The words that show a new sentence has begun after an abbreviation's
//! or an acronym's full stop (data): "in the U.K. Then she…", "Smith & Co.
//! The deal…". Capitalised pronouns, determiners, conjunctions and common
//! openers of the eight languages with stop words, and none that often
//! continues a name ("Van", "Von", "Al", "Los").

/// Capitalised sentence openers (sorted byte-wise).
const STARTERS: &[&str] = &[
    "A",
    "Aber",
    "After",
    "Alors",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Auch",
    "Because",
    "Before",
    "But",
    "Ce",
    "Ces",
    "Cette",
    "Da",
    "Daarna",
    "Damit",
    "Danach",
    "Dann",
    "Das",
    "Dat",
    "De",
    "Dem",
    "Den",
    "Der",
    "Des",
    "Deshalb",
    "Después",
    "Deze",
    "Die",
    "Diese",
    "Dieser",
    "Dit",
    "Doch",
    "Dopo",
    "E",
    "Earlier",
    "Ein",
    "Eine",
    "El",
    "Ela",
    "Ele",
    "Ella",
    "Elle",
    "Elles",
    "En",
    "Er",
    "Es",
    "Esta",
    "Este",
    "Et",
    "Eu",
    "Gli",
    "He",
    "Her",
    "Here",
    "Het",
    "Hij",
    "His",
    "However",
    "I",
    "Ich",
    "If",
    "Ik",
    "Il",
    "Ils",
    "In",
    "Instead",
    "Io",
    "It",
    "Its",
    "Je",
    "La",
    "Later",
    "Le",
    "Lei",
    "Les",
    "Luego",
    "Lui",
    "Ma",
    "Maar",
    "Mais",
    "Man",
    "Many",
    "Mas",
    "Meanwhile",
    "Most",
    "My",
    "Nous",
    "Now",
    "O",
    "Officials",
    "On",
    "Os",
    "Our",
    "Pero",
    "Poi",
    "Puis",
    "She",
    "Sie",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "Today",
    "Toen",
    "Um",
    "Uma",
    "Un",
    "Una",
    "Und",
    "Une",
    "We",
    "When",
    "While",
    "Wir",
    "Yesterday",
    "Yet",
    "You",
    "Ze",
    "Zij",
    "И",
    "Мы",
    "Но",
    "Однако",
    "Он",
    "Она",
    "Они",
    "Оно",
    "Это",
    "Я",
];

/// Whether `word` (as written, without punctuation) opens a sentence.
pub(super) fn opens_sentence(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

/// Whether `word` is an opener that is also a particle of names ("Le Pen",
/// "De Niro", "La Russa", "El Paso"): after an initial ("M. Le Pen") it
/// continues the name.
pub(super) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "Le" | "La" | "De" | "Des" | "Den" | "Der" | "El" | "Da"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_sorted_and_capitalised() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(STARTERS
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)));
        assert!(opens_sentence("The") && opens_sentence("Он") && !opens_sentence("the"));
        assert!(!opens_sentence("Smith") && !opens_sentence("Van"));
        assert!(is_name_particle("Le") && opens_sentence("Le"));
    }
}
