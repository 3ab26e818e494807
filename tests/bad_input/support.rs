//! Shared by `tests/bad_input.rs`, `tests/properties.rs` and `tests/cli.rs`
//! (each includes it with `#[path]`): the generated items of the bad-input
//! corpus, a generator of real-looking articles, and [`check`], which
//! summarises a text and asserts every invariant the engine promises.
//!
//! The static items of the corpus are the other files in this folder; the
//! browser end-to-end suite reads them too (see `README.md` here).
#![allow(dead_code)]

use nutshell::engine::{export, summarize, Config, Length, Notice, SentenceRole, Span, Summary};

/// A source of choices for the article generator: a seeded PRNG for the
/// large generated items, or proptest's values (which then shrink).
pub trait Pick {
    /// A number in `0..n` (`n > 0`), or `None` when the source is spent.
    fn pick(&mut self, n: usize) -> Option<usize>;
}

/// The engine's test helpers (`src/engine/testutil.rs`): one pseudo-random
/// generator for every test.
#[path = "../../src/engine/testutil.rs"]
mod testutil;

/// The tests' pseudo-random generator from a seed: deterministic, no
/// dependency, never runs out.
pub struct Rng(pub u64);

impl Pick for Rng {
    fn pick(&mut self, n: usize) -> Option<usize> {
        Some(testutil::next_random(&mut self.0) as usize % n)
    }
}

/// Choices from a list (proptest generates it); spent at its end.
pub struct Choices<'a>(pub &'a [u32]);

impl Pick for Choices<'_> {
    fn pick(&mut self, n: usize) -> Option<usize> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first as usize % n)
    }
}

fn one<'a>(p: &mut impl Pick, list: &[&'a str]) -> &'a str {
    list[p.pick(list.len()).unwrap_or(0)]
}

const SUBJECTS: &[&str] = &[
    "The mayor",
    "Dr. Ana Ruiz",
    "Mr. Lee",
    "The U.S. Army",
    "Officials in St. Louis",
    "Acme Inc.",
    "J. R. R. Tolkien's publisher",
    "The company",
    "Police",
    "Residents of the valley",
    "The European Commission",
    "Prof. Chen of the Univ. of Tokyo",
    "Gov. Smith",
    "The U.N. Security Council",
    "Shares of Example Corp.",
    "A spokesperson for the ministry",
    "The 42-year-old driver",
    "Nobody",
];

const PREDICATES: &[&str] = &[
    "said the bridge would reopen",
    "announced a new plan to cut emissions",
    "warned of further delays to the project",
    "rose 3.5 percent",
    "approved a budget of $4.2 billion",
    "met at 9 a.m. with union leaders",
    "left for Washington",
    "rejected the offer from its largest shareholder",
    "was taken to hospital with minor injuries",
    "expects the water to recede",
    "ranked No. 1 in the survey",
    "declined to comment",
    "signed the agreement",
    "cancelled flights to three cities",
];

const TAILS: &[&str] = &[
    "",
    " on Monday",
    " on Dec. 7",
    " in 2024",
    " at 5 p.m. local time",
    " after a long debate",
    ", according to a report seen by reporters",
    " in the U.S. and Canada",
    " (see Fig. 3)",
    " despite protests outside the building",
    " — for now",
    " at www.example.com/news",
];

const ENDS: &[&str] = &[".", ".", ".", ".", "!", "?", "...", ";", ""];

const QUOTES: &[&str] = &[
    "\"We will rebuild,\" said Mayor Ana Ruiz.",
    "“It is over,” she said.",
    "\"Why?\" he asked.",
    "The minister said: \"The decision is final.\"",
    "«Nous verrons», a dit le ministre.",
    "\"This is the worst flood in 50 years. Nobody was ready.\"",
    "'Never again,' the coach told reporters.",
    "Er sagte: „Nein.“",
];

const FOREIGN: &[&str] = &[
    "Der Bürgermeister sagte, die Brücke werde am Montag wieder geöffnet.",
    "Le maire a déclaré que le pont rouvrirait lundi.",
    "El alcalde dijo que el puente reabriría el lunes.",
    "Мэр заявил, что мост откроется в понедельник.",
    "市長は橋が月曜日に再開すると述べた。",
    "قال رئيس البلدية إن الجسر سيعاد فتحه يوم الاثنين.",
    "ראש העיר אמר שהגשר ייפתח מחדש ביום שני.",
];

const JUNK: &[&str] = &[
    "Advertisement",
    "Sign up for our newsletter to get the best stories in your inbox",
    "Share this article",
    "Photo: Reuters / Jane Doe",
    "Read more: Floods in the valley",
    "© 2024 Example News. All rights reserved.",
    "We use cookies to improve your experience.",
    "By Jane Doe, Staff Writer",
    "Subscribe now for unlimited access",
    "Click here",
    "----",
    "* * *",
    "1/12",
    "Updated 10:42 a.m. ET, Tue March 5, 2024",
    "Facebook Twitter Email",
    "<div class=\"ad\">Sponsored</div>",
];

const HEADINGS: &[&str] = &[
    "Floods force thousands from their homes",
    "What happens next",
    "BREAKING NEWS",
    "# A Markdown heading",
    "The numbers",
];

const LIST_ITEMS: &[&str] = &[
    "- Schools stay closed until Friday",
    "* Bus fares stay at $2.50",
    "1. Evacuate the lower valley.",
    "• 300 homes without power",
];

/// One real-looking sentence (no trailing space).
pub fn sentence(p: &mut impl Pick) -> String {
    match p.pick(10).unwrap_or(0) {
        0 => one(p, QUOTES).to_owned(),
        1 => one(p, FOREIGN).to_owned(),
        _ => format!(
            "{} {}{}{}",
            one(p, SUBJECTS),
            one(p, PREDICATES),
            one(p, TAILS),
            one(p, ENDS)
        ),
    }
}

/// A real-looking article: paragraphs of sentences, with headings, page
/// furniture, list items, hard-wrapped lines and `\r\n` line endings mixed
/// in. Ends when `p` is spent or after `max_pieces` pieces.
pub fn article(p: &mut impl Pick, max_pieces: usize) -> String {
    let mut out = String::new();
    for _ in 0..max_pieces {
        let Some(kind) = p.pick(16) else { break };
        match kind {
            0 => {
                out.push_str("\n\n");
                out.push_str(one(p, HEADINGS));
                out.push_str("\n\n");
            }
            1 => {
                out.push('\n');
                out.push_str(one(p, JUNK));
                out.push('\n');
            }
            2 => out.push_str("\n\n"),
            3 => out.push_str("\r\n\r\n"),
            4 => {
                out.push('\n');
                out.push_str(one(p, LIST_ITEMS));
                out.push('\n');
            }
            5 => {
                // A hard-wrapped sentence: the break falls mid-sentence.
                let s = sentence(p);
                match s.char_indices().filter(|&(_, c)| c == ' ').nth(3) {
                    Some((i, _)) => {
                        out.push_str(&s[..i]);
                        out.push('\n');
                        out.push_str(&s[i + 1..]);
                    }
                    None => out.push_str(&s),
                }
                out.push(' ');
            }
            _ => {
                out.push_str(&sentence(p));
                out.push(' ');
            }
        }
    }
    out
}

/// Paragraphs of real-looking prose, each ending in a full stop, repeated
/// until the text has at least `n_bytes` bytes.
pub fn repeated_paragraphs(n_bytes: usize) -> String {
    let mut rng = Rng(7);
    let paragraphs: Vec<String> = (0..40)
        .map(|_| {
            let mut para = String::new();
            for _ in 0..4 + rng.pick(4).unwrap_or(0) {
                para.push_str(&format!(
                    "{} {}{}. ",
                    one(&mut rng, SUBJECTS),
                    one(&mut rng, PREDICATES),
                    one(&mut rng, TAILS)
                ));
            }
            para.trim_end().to_owned()
        })
        .collect();
    let mut out = String::with_capacity(n_bytes + 1024);
    for para in paragraphs.iter().cycle() {
        if out.len() >= n_bytes {
            break;
        }
        out.push_str(para);
        out.push_str("\n\n");
    }
    out
}

/// The 10 MB paste of the corpus.
pub fn paste_10mb() -> String {
    repeated_paragraphs(10 * 1024 * 1024)
}

/// One 1 MB "sentence": words and commas, no full stop, no line break.
pub fn sentence_1mb() -> String {
    let words = [
        "the",
        "river",
        "rose",
        "and",
        "residents",
        "of",
        "valley",
        "left",
        "homes",
        "while",
        "rescue",
        "teams",
        "worked",
        "through",
        "night,",
    ];
    let mut rng = Rng(11);
    let mut out = String::from("Heavy rain flooded");
    while out.len() < 1024 * 1024 {
        out.push(' ');
        out.push_str(one(&mut rng, &words));
    }
    out
}

/// A single word of 256 KiB (letters only).
pub fn very_long_word() -> String {
    "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(256 * 1024 / 45)
}

/// 64 KiB of pseudo-random bytes, lossy-decoded as a clipboard or file
/// reader would: mostly U+FFFD, control characters and stray letters.
pub fn binary_bytes() -> Vec<u8> {
    let mut rng = Rng(3);
    (0..64 * 1024)
        .map(|_| rng.pick(256).unwrap_or(0) as u8)
        .collect()
}

pub fn binary_lossy() -> String {
    String::from_utf8_lossy(&binary_bytes()).into_owned()
}

/// The sentences the engine chose, as text.
pub fn chosen_texts<'a>(text: &'a str, summary: &Summary) -> Vec<&'a str> {
    summary
        .chosen_sentences()
        .map(|s| &text[s.span.range()])
        .collect()
}

/// Every `Length` a caller can ask for, small and large.
pub fn lengths() -> [Length; 6] {
    [
        Length::Sentences(1),
        Length::Sentences(3),
        Length::Sentences(1000),
        Length::Percent(1),
        Length::Percent(30),
        Length::Words(40),
    ]
}

/// Summarises `text` with `length` and asserts every invariant.
pub fn check(text: &str, length: Length) -> Summary {
    let config = Config {
        length,
        ..Config::default()
    };
    let summary = summarize(text, &config);
    assert_invariants(text, length, &summary);
    summary
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} is outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} is not on char boundaries"
    );
}

/// The promises of `nutshell::engine::summarize` (see its docs and
/// `Summary`'s): spans inside the text on char boundaries, sentences in
/// order without overlap, chosen indices ascending, unique, body sentences,
/// no more than asked, consistent stats and notice, finite scores, and
/// exports that do not panic and quote the text exactly.
pub fn assert_invariants(text: &str, length: Length, s: &Summary) {
    let n = s.sentences.len();

    // Sentences: valid, non-empty, in order, non-overlapping.
    let mut prev: Option<Span> = None;
    let mut prev_paragraph = 0;
    for (i, sentence) in s.sentences.iter().enumerate() {
        assert_span(text, sentence.span, &format!("sentence {i}"));
        assert!(!sentence.span.is_empty(), "sentence {i} is empty");
        if let Some(p) = prev {
            assert!(
                p.end <= sentence.span.start,
                "sentence {i} {:?} overlaps or precedes {p:?}",
                sentence.span
            );
        }
        assert!(
            sentence.paragraph_idx >= prev_paragraph,
            "sentence {i}: paragraph index goes back"
        );
        assert!(sentence.score.is_finite(), "sentence {i}: score not finite");
        prev = Some(sentence.span);
        prev_paragraph = sentence.paragraph_idx;
    }

    // Chosen: ascending, unique, body sentences with words, no more than asked.
    assert!(
        s.chosen.windows(2).all(|w| w[0] < w[1]),
        "chosen {:?} not strictly ascending",
        s.chosen
    );
    for &i in &s.chosen {
        assert!(i < n, "chosen index {i} out of {n} sentences");
        let sentence = &s.sentences[i];
        assert_eq!(sentence.role, SentenceRole::Body, "chosen {i} is not body");
        assert!(sentence.n_words > 0, "chosen {i} has no words");
    }
    let n_candidates = s
        .sentences
        .iter()
        .filter(|x| x.role == SentenceRole::Body && x.n_words > 0)
        .count();
    let n_words_out: usize = s.chosen.iter().map(|&i| s.sentences[i].n_words).sum();
    match length {
        Length::Sentences(k) => assert!(
            s.chosen.len() <= k.max(1),
            "{} chosen for Sentences({k})",
            s.chosen.len()
        ),
        Length::Percent(p) => {
            let limit = (n_candidates * usize::from(p.min(100)))
                .div_ceil(100)
                .max(1);
            assert!(
                s.chosen.len() <= limit,
                "{} chosen for Percent({p}) of {n_candidates}",
                s.chosen.len()
            );
        }
        Length::Words(w) => assert!(
            s.chosen.len() <= 1 || n_words_out <= w,
            "{n_words_out} words in {} sentences for Words({w})",
            s.chosen.len()
        ),
    }

    // Boilerplate: valid, in order, covering every boilerplate sentence.
    for (i, b) in s.boilerplate.iter().enumerate() {
        assert_span(text, b.span, &format!("boilerplate {i}"));
    }
    assert!(
        s.boilerplate
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start),
        "boilerplate spans out of order"
    );
    for (i, sentence) in s.sentences.iter().enumerate() {
        if sentence.role == SentenceRole::Boilerplate {
            let j = s
                .boilerplate
                .partition_point(|b| b.span.end < sentence.span.end);
            assert!(
                s.boilerplate
                    .get(j)
                    .is_some_and(|b| b.span.contains(sentence.span)),
                "boilerplate sentence {i} {:?} is in no boilerplate span",
                sentence.span
            );
        }
    }

    // Facts: every span inside the text, every index a real sentence.
    let sentence_span = |idx: usize, what: &str| -> Span {
        assert!(idx < n, "{what}: sentence index {idx} out of {n}");
        s.sentences[idx].span
    };
    for (i, e) in s.entities.iter().enumerate() {
        assert_span(text, e.name, &format!("entity {i} name"));
        assert!(!e.name.is_empty(), "entity {i} has an empty name");
        assert!(e.salience.is_finite(), "entity {i}: salience not finite");
        for (j, m) in e.mentions.iter().enumerate() {
            let what = format!("entity {i} mention {j}");
            assert_span(text, m.span, &what);
            let within = sentence_span(m.sentence_idx, &what);
            assert!(
                within.contains(m.span),
                "{what} {:?} is not inside its sentence {within:?}",
                m.span
            );
        }
        assert!(
            e.mentions.is_empty() || e.mentions.iter().any(|m| m.span == e.name),
            "entity {i}: name {:?} is none of its mentions",
            e.name
        );
    }
    for (i, q) in s.quotes.iter().enumerate() {
        assert_span(text, q.span, &format!("quote {i}"));
        if let Some(speaker) = q.speaker {
            assert_span(text, speaker, &format!("quote {i} speaker"));
        }
        sentence_span(q.sentence_idx, &format!("quote {i}"));
    }
    for (i, f) in s.facts.iter().enumerate() {
        let what = format!("key fact {i}");
        assert_span(text, f.span, &what);
        let within = sentence_span(f.sentence_idx, &what);
        assert!(
            within.contains(f.span),
            "{what} {:?} is not inside its sentence {within:?}",
            f.span
        );
    }

    // Stats and notice.
    assert_eq!(s.stats.n_sentences, n, "stats.n_sentences");
    assert_eq!(s.stats.n_words_out, n_words_out, "stats.n_words_out");
    assert!(s.stats.n_words_in >= n_words_out, "more words out than in");
    assert!(s.reduction_percent() <= 100);
    let is_empty = text.trim().is_empty();
    assert_eq!(
        s.notice == Some(Notice::Empty),
        is_empty,
        "notice {:?}",
        s.notice
    );
    assert_eq!(s.language.is_none(), is_empty, "language {:?}", s.language);
    let no_summary = matches!(
        s.notice,
        Some(Notice::Empty | Notice::NoWords | Notice::OnlyBoilerplate | Notice::NotText)
    );
    assert_eq!(
        s.chosen.is_empty(),
        no_summary,
        "chosen {:?} with notice {:?}",
        s.chosen,
        s.notice
    );

    // Exports: no panic, and the JSON quotes the text exactly.
    let plain = export::to_plain(text, s);
    assert_eq!(plain.lines().count(), s.chosen.len(), "one line per chosen");
    export::to_markdown(text, s);
    let json: serde_json::Value =
        serde_json::from_str(&export::to_json(text, s)).expect("to_json writes JSON");
    let summary_json: Vec<&str> = json["summary"]
        .as_array()
        .expect("summary array")
        .iter()
        .map(|v| v.as_str().expect("summary string"))
        .collect();
    assert_eq!(summary_json, chosen_texts(text, s));
    let sentences_json = json["sentences"].as_array().expect("sentences array");
    assert_eq!(sentences_json.len(), n);
}
