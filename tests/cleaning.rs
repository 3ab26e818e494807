//! Realistic pastes: an article copied from a news page with the furniture
//! that comes with it, in several languages. The engine must set the
//! furniture aside, keep the article, and never put furniture in the summary.

use nutshell::engine::{summarize, Config, Length, SentenceRole, Summary};

struct Case {
    name: &'static str,
    text: &'static str,
    /// Lines that must be set aside (as boilerplate).
    furniture: &'static [&'static str],
    /// Article sentences that must be kept as body text.
    article: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "en_bridge",
        text: include_str!("fixtures/pastes/en_bridge.txt"),
        furniture: &[
            "Skip to main content",
            "By Helen Marsh, Transport Correspondent",
            "Updated 14:32 GMT, 3 March 2026",
            "Share",
            "Facebook",
            "The closed bridge seen from the east bank on Tuesday. Photo: Daniel Reyes/City Press",
            "Read more: How the city's bridges are inspected",
            "Sign up for our morning briefing newsletter and get the day's top stories in your inbox.",
            "Subscribe",
            "Support our journalism. We rely on readers like you: become a supporter from just £3 a month.",
            "Monthly",
            "Continue",
            "Accept all",
        ],
        article: &[
            "The city council closed the Riverside Bridge to all traffic on Tuesday",
            "Repairs are expected to take at least six months and cost about £12 million.",
            "The council will hold a public meeting about the closure on Thursday evening at the town hall.",
        ],
    },
    Case {
        name: "de_hafen",
        text: include_str!("fixtures/pastes/de_hafen.txt"),
        furniture: &[
            "Von Jana Krüger",
            "Teilen",
            "Foto: Die alte Schleuse im Morgenlicht. Bild: Peter Lang",
            "Lesen Sie auch: Wie der Hafen zum Drehkreuz wurde",
            "Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.",
            "Weiter",
        ],
        article: &[
            "Der Hafen der Stadt bekommt eine neue Schleuse",
            "Die alte Schleuse aus dem Jahr 1962 ist für moderne Schiffe zu klein.",
        ],
    },
    Case {
        name: "fr_musee",
        text: include_str!("fixtures/pastes/fr_musee.txt"),
        furniture: &[
            "Partager",
            "Par Claire Dubois",
            "Photo : La nouvelle entrée du musée. Crédit photo : Marc Petit",
            "Lire aussi : Les expositions à ne pas manquer ce printemps",
            "Abonnez-vous à notre newsletter pour recevoir l'actualité culturelle chaque semaine.",
        ],
        article: &["Le musée d'art de la ville a rouvert ses portes samedi"],
    },
    Case {
        name: "es_lluvia",
        text: include_str!("fixtures/pastes/es_lluvia.txt"),
        furniture: &[
            "Compartir",
            "Por Lucía Fernández",
            "Foto: Una calle inundada en el centro. Foto: Ana Ruiz",
            "Lea también: Cómo prepararse ante una alerta por lluvias",
            "Suscríbete a nuestro boletín y recibe las noticias más importantes cada mañana.",
        ],
        article: &["Las fuertes lluvias caídas durante el fin de semana dejaron"],
    },
];

fn role_of_line(text: &str, summary: &Summary, line: &str) -> Option<SentenceRole> {
    let start = text.find(line)?;
    summary
        .sentences
        .iter()
        .find(|s| s.span.start <= start && start < s.span.end.max(s.span.start + 1))
        .map(|s| s.role)
}

fn check(case: &Case) {
    let summary = summarize(
        case.text,
        &Config {
            length: Length::Sentences(4),
            ..Config::default()
        },
    );
    for line in case.furniture {
        let in_boilerplate = summary
            .boilerplate
            .iter()
            .any(|b| b.span.slice(case.text).contains(line));
        assert!(
            in_boilerplate,
            "{}: {line:?} should be set aside",
            case.name
        );
    }
    for line in case.article {
        assert_eq!(
            role_of_line(case.text, &summary, line),
            Some(SentenceRole::Body),
            "{}: {line:?} should be article text",
            case.name
        );
    }
    assert_eq!(summary.chosen.len(), 4, "{}", case.name);
    for s in summary.chosen_sentences() {
        assert_eq!(
            s.role,
            SentenceRole::Body,
            "{}: chose {:?}",
            case.name,
            s.span.slice(case.text)
        );
        assert!(
            s.n_words >= 8,
            "{}: chose a fragment {:?}",
            case.name,
            s.span.slice(case.text)
        );
    }
}

#[test]
fn english_news_paste() {
    check(&CASES[0]);
}

#[test]
fn german_news_paste() {
    check(&CASES[1]);
}

#[test]
fn french_news_paste() {
    check(&CASES[2]);
}

#[test]
fn spanish_news_paste() {
    check(&CASES[3]);
}

#[test]
fn detects_each_paste_language() {
    let expected = ["en", "de", "fr", "es"];
    for (case, code) in CASES.iter().zip(expected) {
        let summary = summarize(case.text, &Config::default());
        assert_eq!(
            summary.language.map(|l| l.code()),
            Some(code),
            "{}",
            case.name
        );
    }
}

#[test]
fn title_is_a_heading_not_a_summary_sentence() {
    let case = &CASES[0];
    let summary = summarize(case.text, &Config::default());
    assert_eq!(
        role_of_line(
            case.text,
            &summary,
            "Council shuts Riverside Bridge after inspectors find cracks"
        ),
        Some(SentenceRole::Heading)
    );
}

#[test]
fn long_headline_is_a_heading() {
    let text = "Home | News | Local\n\nA small river town turned its food scraps into a business, and cut its landfill bill by a third\n\nBy Jane Roe\n\nThree years ago, the town paid almost £410,000 a year to send its rubbish to a landfill site forty miles away. The bill has since fallen by a third.\n";
    let summary = summarize(text, &Config::default());
    assert_eq!(
        role_of_line(text, &summary, "A small river town turned"),
        Some(SentenceRole::Heading)
    );
}
