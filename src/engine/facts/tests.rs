//! Table-driven tests of the key facts, with sentences written for them.

use super::super::{summarize, Config};
use super::*;

/// (text, expected (mention, type) pairs, texts that must not be names)
type NameCase<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
/// (text, expected (quote, speaker) pairs)
type QuoteCase<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

/// The (mention text, type code) pairs of every entity of `text`.
fn mentions(text: &str) -> Vec<(String, &'static str)> {
    let summary = summarize(text, &Config::default());
    let mut out = Vec::new();
    for e in &summary.entities {
        for m in &e.mentions {
            out.push((m.span.slice(text).to_owned(), e.kind.code()));
        }
    }
    out
}

/// Checks that every expected (text, type) is found, and that every
/// `absent` text is not found as a name.
fn check(text: &str, expected: &[(&str, &str)], absent: &[&str]) {
    let got = mentions(text);
    for (want, kind) in expected {
        assert!(
            got.iter().any(|(t, k)| t == want && k == kind),
            "{want:?} as {kind} in {text:?}; got {got:?}"
        );
    }
    for bad in absent {
        assert!(
            !got.iter()
                .any(|(t, k)| t == bad && ["PER", "ORG", "LOC"].contains(k)),
            "{bad:?} should not be a name in {text:?}; got {got:?}"
        );
    }
}

#[test]
fn people_places_organisations() {
    let cases: &[NameCase] = &[
        (
            "Russian President Vladimir Putin met Chancellor Olaf Scholz in Berlin on Monday. \
             Putin later flew to Moscow.",
            &[
                ("Vladimir Putin", "PER"),
                ("Putin", "PER"),
                ("Olaf Scholz", "PER"),
                ("Berlin", "LOC"),
                ("Moscow", "LOC"),
                ("Russian", "MISC"),
            ],
            &["President", "Chancellor"],
        ),
        (
            "Shares of Acme Holdings Inc. rose after the Ministry of Finance approved the deal. \
             The Supreme Court and Harvard University were not involved.",
            &[
                ("Acme Holdings Inc.", "ORG"),
                ("Ministry of Finance", "ORG"),
                ("Supreme Court", "ORG"),
                ("Harvard University", "ORG"),
            ],
            &[],
        ),
        (
            "The deal between publisher Hachette and Lycos's shareholders was signed.",
            &[("Hachette", "ORG"), ("Lycos", "ORG")],
            &[],
        ),
        (
            "LONDON (Reuters) - The central bank kept rates on hold, a spokesman said.",
            &[("LONDON", "LOC"), ("Reuters", "ORG")],
            &[],
        ),
        (
            "(CNN) Firefighters battled the blaze near Sydney for a week.",
            &[("CNN", "ORG"), ("Sydney", "LOC")],
            &[],
        ),
        (
            "The company moved its offices from Dallas, Texas to Berkeley, Calif. last year.",
            &[
                ("Dallas", "LOC"),
                ("Texas", "LOC"),
                ("Berkeley", "LOC"),
                ("Calif", "LOC"),
            ],
            &[],
        ),
    ];
    for (text, expected, absent) in cases {
        check(text, expected, absent);
    }
}

#[test]
fn traps() {
    let cases: &[NameCase] = &[
        // Sentence-initial capitals are not names.
        (
            "Since invading the region, troops have advanced. Analysts said the war \
             would last. Despite this, Maria Lopez stayed in Kiev.",
            &[("Maria Lopez", "PER"), ("Kiev", "LOC")],
            &["Since", "Analysts", "Despite"],
        ),
        // Headline case and all caps are matched back to the body.
        (
            "SHEARER NAMED AS ENGLAND CAPTAIN\n\nThe striker Alan Shearer was named \
             captain of England on Friday, coach Glenn Hoddle said.",
            &[
                ("SHEARER", "PER"),
                ("ENGLAND", "LOC"),
                ("Alan Shearer", "PER"),
                ("Glenn Hoddle", "PER"),
            ],
            &["NAMED", "CAPTAIN"],
        ),
        // Names with particles.
        (
            "The poet Ludwig van Beethoven admired Osama bin Laden less than \
             Joost van der Westhuizen admired Luiz da Silva.",
            &[
                ("Ludwig van Beethoven", "PER"),
                ("Osama bin Laden", "PER"),
                ("Joost van der Westhuizen", "PER"),
                ("Luiz da Silva", "PER"),
            ],
            &[],
        ),
        // Organisations named after places.
        (
            "The Bank of England raised rates while Real Madrid beat Deportivo in Madrid \
             and the New York Times reported it.",
            &[
                ("Bank of England", "ORG"),
                ("Real Madrid", "ORG"),
                ("Madrid", "LOC"),
                ("New York Times", "ORG"),
            ],
            &["England", "New York"],
        ),
        // Date words and pronouns are not names.
        (
            "On Thursday I told Mr. Brown that September would be busy.",
            &[("Brown", "PER"), ("Thursday", "DATE")],
            &["I", "September", "Thursday"],
        ),
        // Titles and nationalities inside a run of capitals.
        (
            "U.S. Assistant Secretary of State John Kornblum met Controversial \
             Australian Anthony Hill and four South Koreans in Seoul.",
            &[
                ("U.S.", "LOC"),
                ("John Kornblum", "PER"),
                ("Australian", "MISC"),
                ("Anthony Hill", "PER"),
                ("South Koreans", "MISC"),
                ("Seoul", "LOC"),
            ],
            &["Assistant Secretary", "South Koreans"],
        ),
        // Quoted titles of works, places named by their last word.
        (
            "He founded the show \"Hour of Power\" and preached near Tiananmen Square \
             and the Caspian Sea.",
            &[
                ("Hour of Power", "MISC"),
                ("Tiananmen Square", "LOC"),
                ("Caspian Sea", "LOC"),
            ],
            &["Hour", "Power"],
        ),
        // Compound adjectives and groups. (A group the typer is unsure of
        // may be left out, precision first, as "Kurds" is since the towns
        // of 100,000-125,000 people left the gazetteer; it is never typed
        // a person, organisation or place.)
        (
            "The New York-based fund said Kurds and Iraqis fled to Turkey.",
            &[("Iraqis", "MISC"), ("Turkey", "LOC")],
            &["New York-based", "Kurds"],
        ),
    ];
    for (text, expected, absent) in cases {
        check(text, expected, absent);
    }
}

#[test]
fn german_nouns_are_not_names() {
    // German capitalises every noun: without a cue, no name is taken.
    let text = "Die Regierung hat am Montag neue Regeln für den Verkehr beschlossen. \
                Bundeskanzlerin Angela Merkel sagte, die Wirtschaft brauche Hilfe. \
                Die Müller GmbH in Frankreich begrüßte das.";
    check(
        text,
        &[
            ("Angela Merkel", "PER"),
            ("Müller GmbH", "ORG"),
            ("Frankreich", "LOC"),
        ],
        &[
            "Regierung",
            "Regeln",
            "Verkehr",
            "Wirtschaft",
            "Hilfe",
            "Firma",
        ],
    );
    // Nor after a preposition ("in Kooperation", "in Arbeit"), nor a lone
    // word that is also a given name ("Anders als", "im Mai").
    let text = "Die App wurde in Kooperation von 90 Krankenkassen entwickelt. \
                Ein zweites Gesetz ist bereits in Arbeit und seit Mai in Betrieb. \
                Anders als die Karte speichert sie alles in Frankfurt am Main. \
                Krankenkassen in Deutschland und Österreich zahlen.";
    check(
        text,
        &[("Deutschland", "LOC"), ("Österreich", "LOC")],
        &["Kooperation", "Arbeit", "Betrieb", "Mai", "Anders", "Main"],
    );
}

#[test]
fn common_words_of_other_languages_are_not_names() {
    // Indonesian: "itu" (that), "kita" (we), "bukan" (not), "dan" (and) are
    // also towns and a given name in the gazetteers; the text writes them
    // in small letters too, so capitalised they are sentence openers.
    let text = "Itu satu lembaran hitam sejarah yang harusnya kita tutup. \
                Kita tidak boleh lupa, dan itu bukan hal yang mudah. \
                Bukan begitu caranya. Dan janganlah kebencian itu mendorong kamu. \
                Presiden Joko Widodo berbicara di Jakarta.";
    check(
        text,
        &[("Jakarta", "LOC")],
        &["Itu", "Kita", "Bukan", "Dan"],
    );
}

#[test]
fn french_function_words_are_not_names() {
    let text = "Le président Emmanuel Macron a rencontré mardi à Paris le chancelier \
                allemand. La Banque de France prévoit une croissance de 1,2 % cette année. \
                Les syndicats ont manifesté dans plusieurs villes, dont Lyon et Marseille.";
    check(
        text,
        &[
            ("Emmanuel Macron", "PER"),
            ("Paris", "LOC"),
            ("Banque de France", "ORG"),
            ("1,2 %", "PERCENT"),
            ("Lyon", "LOC"),
        ],
        &["Les", "La", "Le"],
    );
}

#[test]
fn dates_times_amounts() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // A currency's code before its amount, as South Asian news writes
        // rupees.
        (
            "The bar charges Rs 299 for 15 minutes, families pay Rs. 1,200, and the \
             fund raised USD 5 million.",
            &[
                ("Rs 299", "MONEY"),
                ("Rs. 1,200", "MONEY"),
                ("USD 5 million", "MONEY"),
            ],
        ),
        (
            "The attack came on Dec. 7 at 9 a.m. and talks resumed last year in March.",
            &[
                ("Dec. 7", "DATE"),
                ("9 a.m.", "TIME"),
                ("last year", "DATE"),
                ("March", "DATE"),
            ],
        ),
        (
            "Congress approved $600 billion on Oct. 16, 1998, while Britain spent £3m \
             and France €5 billion.",
            &[
                ("$600 billion", "MONEY"),
                ("Oct. 16, 1998", "DATE"),
                ("£3m", "MONEY"),
                ("€5 billion", "MONEY"),
            ],
        ),
        (
            "Support fell to 58 percent from 61.5% as 2,000 troops marched 5 km on Thursday.",
            &[
                ("58 percent", "PERCENT"),
                ("61.5%", "PERCENT"),
                ("2,000", "NUMBER"),
                ("5 km", "QUANTITY"),
                ("Thursday", "DATE"),
            ],
        ),
        (
            "The club paid 15 million pounds sterling in the 1990s and sold 42 of them.",
            &[
                ("15 million pounds sterling", "MONEY"),
                ("1990s", "DATE"),
                ("42", "NUMBER"),
            ],
        ),
        // Pounds weigh unless money is near: a currency after, or talk of
        // money before.
        (
            "The team detected 5,200 pounds of water vapor and lost 20 pounds of gear.",
            &[("5,200 pounds", "QUANTITY"), ("20 pounds", "QUANTITY")],
        ),
        (
            "A restaurant paid 10,925 pounds for the draft; the rest went for 5,060 pounds ($7,845).",
            &[("10,925 pounds", "MONEY"), ("5,060 pounds", "MONEY")],
        ),
    ];
    for (text, expected) in cases {
        check(text, expected, &[]);
    }
}

/// Issue 24: lengths of time are durations, counts of things are numbers
/// (the count alone, as IE-ER's CARDINAL marks it), and neither is a date,
/// a rate or money.
#[test]
fn durations_and_counts() {
    let cases: &[NameCase] = &[
        (
            "The mayor served three years in office and the inquiry took 18 months;              the dam had been promised for a decade.",
            &[
                ("three years", "DURATION"),
                ("18 months", "DURATION"),
                ("a decade", "DURATION"),
            ],
            &[],
        ),
        (
            "The water was cut off several days ago for 4,100 households, and 1.5 million \
             people waited two weeks.",
            &[
                ("several days", "DURATION"),
                ("4,100", "NUMBER"),
                ("1.5 million", "NUMBER"),
                ("two weeks", "DURATION"),
            ],
            &["4,100 households", "several days ago"],
        ),
        (
            "She won the race in 2 hours, 32 minutes, 25.3 seconds, 1:18.9 ahead of Ann, \
             and signed a five-year contract at 9:30.",
            &[
                ("2 hours, 32 minutes, 25.3 seconds", "DURATION"),
                ("1:18.9", "DURATION"),
                ("five-year", "DURATION"),
                ("9:30", "TIME"),
            ],
            &[],
        ),
        (
            "Four inspectors visited twelve farms and dozens of barns; the 25-year-old won \
             and pays $40 a month, once a year.",
            &[
                ("Four", "NUMBER"),
                ("twelve", "NUMBER"),
                ("dozens", "NUMBER"),
                ("$40", "MONEY"),
            ],
            &["25-year-old won", "a month", "a year"],
        ),
    ];
    for (text, expected, absent) in cases {
        check_none_of(text, expected, absent);
    }
}

/// [`check`], with `absent` texts found as nothing at all (no name of any
/// type, no number).
fn check_none_of(text: &str, expected: &[(&str, &str)], absent: &[&str]) {
    check(text, expected, &[]);
    let got = mentions(text);
    for bad in absent {
        assert!(
            !got.iter().any(|(t, _)| t == bad),
            "{bad:?} should not be found in {text:?}; got {got:?}"
        );
    }
}

/// Issue 24's error classes, with sentences written for them: whole names
/// that hold a nationality, a headline's capitalised verb, titles and roles
/// alone, an organisation's head word alone.
#[test]
fn whole_names_headline_verbs_and_roles() {
    // A place's pieces are no names of their own ("Saudi" alone, an
    // adjective, may be another name).
    check(
        "Oil ministers from Saudi Arabia and the United Arab Emirates met in Vienna. \
         Saudi officials said little.",
        &[
            ("Saudi Arabia", "LOC"),
            ("United Arab Emirates", "LOC"),
            ("Vienna", "LOC"),
        ],
        &["Saudi", "Arabia", "Arab", "Emirates"],
    );
    let cases: &[NameCase] = &[
        (
            "Chancellor to Visit Rome in May, aides say\n\nThe chancellor will fly to \
             Italy, her office said.",
            &[("Rome", "LOC"), ("Italy", "LOC")],
            &["Visit Rome", "Visit"],
        ),
        (
            "Minister to Meet Angela Merkel in Berlin, officials say. The minister will \
             travel on Monday.",
            &[("Angela Merkel", "PER"), ("Berlin", "LOC")],
            &["Meet Angela Merkel", "Meet"],
        ),
        (
            "Premier to Visit Paris in June The premier will go to France, aides said.",
            &[("Paris", "LOC"), ("France", "LOC")],
            &["Visit Paris", "The"],
        ),
        (
            "The Attorney General said the Prosecutor General had asked the Office to \
             review the case. The President declined to comment.",
            &[],
            &[
                "Attorney General",
                "Prosecutor General",
                "Office",
                "President",
            ],
        ),
        (
            "Former Prime Minister John Howard spoke in Canberra. Howard said the \
             Treasurer agreed.",
            &[
                ("John Howard", "PER"),
                ("Howard", "PER"),
                ("Canberra", "LOC"),
            ],
            &["Former Prime Minister John Howard", "Prime Minister"],
        ),
    ];
    for (text, expected, absent) in cases {
        check_none_of(text, expected, absent);
    }
}

/// Capitals that are not names: a sentence of names that shares its
/// paragraph is prose, not a Title Case headline; a word after an opening
/// quote starts a sentence; a plural of capitals is a common noun; an
/// all-caps headline's word that the body writes in lower case is that
/// word; a headline in capitals with a comma is no dateline; a compound
/// adjective holds its name; a time's zone belongs to the time. And words
/// that are names after a given name: a nationality's plural ("Claire
/// Danes"), a month's short form before a surname ("Jan Siemerink").
#[test]
fn capitals_that_are_not_names() {
    let cases: &[NameCase] = &[
        (
            // A table pasted from a page: its cells are tab-separated, and
            // a name never runs from one cell into the next.
            "Cleveland's defence held firm on Sunday, said the coach.\n\
             Pos\tPlayer\tPlays\n\
             DL\tChad Thomas\t57\t1 sack\n\
             CB\tDenzel Ward\t61\t2 tackles\n",
            &[("Denzel Ward", "PER")],
            &["DL\tChad Thomas", "CB\tDenzel Ward", "Pos\tPlayer\tPlays"],
        ),
        (
            "Ask the agents for the biggest star in town. It's not Tom Cruise or Mel Gibson \
             or Harrison Ford. The answer is one word.",
            &[
                ("Tom Cruise", "PER"),
                ("Mel Gibson", "PER"),
                ("Harrison Ford", "PER"),
            ],
            &["Cruise", "Ford", "Gibson"],
        ),
        (
            "Struck by a wave of boos, the tenor thought, \"Wow!\" and left the stage in \
             Vienna.",
            &[("Vienna", "LOC")],
            &["Wow"],
        ),
        (
            "The station hopes to earn money from the sale of CDs and tapes, said the \
             director, Anna Berg.",
            &[("Anna Berg", "PER")],
            &["CDs", "CD"],
        ),
        (
            "A SINGER WHO DARES\nThe tenor Robert Wilson, who rarely speaks, spoke on \
             Tuesday in Geneva.",
            &[("Robert Wilson", "PER"), ("Geneva", "LOC")],
            &["WHO"],
        ),
        (
            "DICAPRIO, CHARISMATIC STAR, BALKS AT TEEN IDOL IMAGE\nHOLLYWOOD — Leonardo \
             DiCaprio is the biggest star in town, agents say.",
            &[("Leonardo DiCaprio", "PER"), ("HOLLYWOOD", "LOC")],
            &["CHARISMATIC STAR"],
        ),
        (
            "ROCHESTER, N.H. (AP) — The mayor of the city spoke on Friday.",
            &[("ROCHESTER", "LOC"), ("N.H.", "LOC"), ("AP", "ORG")],
            &[],
        ),
        (
            "North Korean Red Cross president Li Song-ho said the talks would go on.",
            &[("Li", "PER")],
            &[],
        ),
        (
            "The film was a hit in 1996, with Claire Danes, as four Norwegians and two \
             South Koreans watched. He then beat Jan Siemerink in Rotterdam on Jan. 5.",
            &[
                ("Claire Danes", "PER"),
                ("South Koreans", "MISC"),
                ("Jan Siemerink", "PER"),
                ("Jan. 5", "DATE"),
            ],
            &["Danes", "Siemerink"],
        ),
        (
            "According to New York-based dissident Fu Shenqi, the strikes are spreading.",
            &[("Fu Shenqi", "PER")],
            &["New"],
        ),
        (
            "The film is shown at 8 p.m. ET on Tuesday by the network in Boston.",
            &[("8 p.m. ET", "TIME"), ("Boston", "LOC")],
            &["ET"],
        ),
    ];
    for (text, expected, absent) in cases {
        check_none_of(text, expected, absent);
    }
}

/// Whole organisation names: an ordinal inside a sentence opens the name,
/// a plural's apostrophe joins it; and a one-word name with no evidence is
/// not shown as an organisation, however the typer leans (a team in a
/// sports report is "another name").
#[test]
fn whole_organisations_and_unproven_ones() {
    let cases: &[NameCase] = &[
        (
            "Relations improved after a 1965 statement that came out of the Second \
             Vatican Council under Paul VI, the Vatican said.",
            &[("Second Vatican Council", "ORG")],
            &["Vatican Council"],
        ),
        (
            "A couple of big name US politicians joined the row, and Dick Clark \
             Productions, which runs the awards, denied a deal.",
            &[("US", "LOC"), ("Dick Clark Productions", "ORG")],
            &[],
        ),
        (
            "The former ambassador to Ukraine Marie Yovanovitch testified on Friday. \
             Yovanovitch was recalled in May.",
            &[
                ("Ukraine", "LOC"),
                ("Marie Yovanovitch", "PER"),
                ("Yovanovitch", "PER"),
            ],
            &["Ukraine Marie Yovanovitch"],
        ),
        (
            "NASA picked Ceres Robotics to deliver payloads to the Moon, officials in \
             Houston said.",
            &[("Ceres Robotics", "ORG"), ("Houston", "LOC")],
            &[],
        ),
        (
            "She wrote the Toys \"R\" Us jingle for the agency in New York.",
            &[("New York", "LOC")],
            &[],
        ),
        (
            "Officials of the National Governors' Association said on Monday that the \
             bill would pass.",
            &[("National Governors' Association", "ORG")],
            &["National Governors"],
        ),
        (
            "Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by \
             an innings and 39 runs in two days.",
            &[("Phil Simmons", "PER"), ("Leicestershire", "MISC")],
            &[],
        ),
        // Companies and platforms that pages name without a cue; a known
        // one opens a longer organisation's name, but not a person's or an
        // office's.
        (
            "Shares in Toyota rose after Twitter said the deal was off. \
             BBC Radio Scotland said Google CFO Patrick Pichette would speak, \
             BBC Political Correspondent James Hardy reported.",
            &[
                ("Toyota", "ORG"),
                ("Twitter", "ORG"),
                ("BBC Radio Scotland", "ORG"),
                ("Google", "ORG"),
                ("Patrick Pichette", "PER"),
                ("James Hardy", "PER"),
            ],
            &["Google CFO Patrick Pichette", "BBC Political"],
        ),
        // A work's or a product's last word makes it no person.
        (
            "The Hubble Space Telescope took the picture, and Star Wars fans queued \
             for the film on Friday. Canada beat Spain in the Davis Cup Final.",
            &[
                ("Hubble Space Telescope", "MISC"),
                ("Davis Cup Final", "MISC"),
            ],
            &[],
        ),
        // A sports position's abbreviation is a role inside a run, and a
        // newspaper's last word makes it an organisation.
        (
            "Browns DL Sheldon Richardson weighed in on Monday. Cleveland DL Larry \
             Ogunjobi was banned, The Hollywood Reporter and the Houston Chronicle said.",
            &[
                ("Sheldon Richardson", "PER"),
                ("Larry Ogunjobi", "PER"),
                ("Hollywood Reporter", "ORG"),
                ("Houston Chronicle", "ORG"),
            ],
            &[
                "Browns DL Sheldon Richardson",
                "Cleveland DL Larry Ogunjobi",
            ],
        ),
        // (But not every two capitals before a name are a position.)
        (
            "RB Leipzig beat Bayern on Saturday, according to CB Insights.",
            &[("RB Leipzig", "ORG"), ("CB Insights", "ORG")],
            &[],
        ),
        // (A known organisation before a place's suffix, or in a known
        // place, names the place.)
        (
            "Loggers cleared land near the Amazon River this year. The pope returned \
             to Vatican City on Sunday.",
            &[("Amazon River", "LOC"), ("Vatican City", "LOC")],
            &[],
        ),
    ];
    for (text, expected, absent) in cases {
        check_none_of(text, expected, absent);
    }
    // Common abbreviations are no organisations.
    let got = mentions(
        "The SUV has GPS, two USB ports and an ICU-grade filter, and the IPO raised \
         $1bn before EBITDA fell, Ford said in London.",
    );
    let got = [
        got,
        mentions("The rookie had an INT and a PBU against Miami on Sunday."),
    ]
    .concat();
    for bad in ["SUV", "GPS", "USB", "IPO", "EBITDA", "INT", "PBU"] {
        assert!(!got.iter().any(|(t, _)| t == bad), "{bad}: {got:?}");
    }
    let got = mentions("Star Wars fans queued for the film on Friday in London.");
    assert!(
        !got.iter().any(|(t, k)| t.contains("Wars") && *k == "PER"),
        "{got:?}"
    );
    // ("Us" in a name is the pronoun, not the country.)
    assert!(
        !mentions("She wrote the Toys \"R\" Us jingle for the agency in New York.")
            .iter()
            .any(|(t, k)| t == "Us" && *k == "LOC")
    );
    // (`check` would accept "Leicestershire" typed twice: it is not an
    // organisation.)
    let got = mentions(
        "Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by an \
         innings and 39 runs in two days.",
    );
    assert!(
        !got.iter()
            .any(|(t, k)| t == "Leicestershire" && *k == "ORG"),
        "{got:?}"
    );
}

/// A role inside a run parts the office from the person who holds it; an
/// office with no name after it is no person.
#[test]
fn roles_inside_a_run_part_office_and_person() {
    check(
        "Shares rose on Monday. NASA Administrator Jim Bridenstine said the agency \
         would go back. U.S. Attorney James P. Kennedy Jr. said the case was clear. \
         Shadow Justice Minister Sadiq Khan disagreed.",
        &[
            ("NASA", "ORG"),
            ("Jim Bridenstine", "PER"),
            ("James P. Kennedy Jr.", "PER"),
            ("Sadiq Khan", "PER"),
        ],
        &[
            "NASA Administrator Jim Bridenstine",
            "U.S. Attorney James P. Kennedy Jr.",
            "Shadow Justice Minister Sadiq Khan",
            "Shadow",
        ],
    );
    // A role that ends a run is an office, not a person's name; a title
    // earlier in the run opens the office.
    let text = "Shares rose on Monday. Former Nissan Chairman and CEO Carlos Ghosn was \
                held, and the Senate Leader spoke. Burberry Chief Creative Officer \
                Christopher Bailey posted a video. The country's Supreme Leader Ayatollah \
                Ali Khamenei spoke. A Liberal Democrat won the seat.";
    check(
        text,
        &[
            ("Carlos Ghosn", "PER"),
            ("Christopher Bailey", "PER"),
            ("Ali Khamenei", "PER"),
        ],
        &[],
    );
    let got = mentions(text);
    for office in [
        "Nissan Chairman",
        "Senate Leader",
        "Creative",
        "Supreme",
        "Liberal",
    ] {
        assert!(
            !got.iter().any(|(t, k)| t == office && *k == "PER"),
            "{office} in {got:?}"
        );
    }
    // But a title may open an organisation's name, and titles and
    // modifiers before a role are an office.
    let text = "Shares rose on Monday. General Motors CEO Mary Barra said sales rose. \
                Justice Department Spokesman Peter Carr declined to comment. The Tory \
                Leader was in Leeds. The Deputy Leader said no, and the Senate Majority \
                Leader agreed.";
    check(
        text,
        &[
            ("General Motors", "ORG"),
            ("Mary Barra", "PER"),
            ("Justice Department", "ORG"),
            ("Peter Carr", "PER"),
        ],
        &["Deputy", "Senate Majority", "Deputy Leader", "Tory Leader"],
    );
    // A plural title: "Sens." for senators, "Reps." for representatives.
    check(
        "Shares rose on Monday. Two others — Sens. Cory Booker and Kamala Harris — \
         lag. Reps. Ilhan Omar and Rashida Tlaib spoke.",
        &[
            ("Cory Booker", "PER"),
            ("Kamala Harris", "PER"),
            ("Ilhan Omar", "PER"),
        ],
        &["Sens", "Sens. Cory Booker", "Reps", "Reps. Ilhan Omar"],
    );
    let got = mentions(
        "Shares rose on Monday. The New York State Attorney General is investigating \
         WeWork, and the DHS Office of Inspector General said it would look too.",
    );
    assert!(
        !got.iter().any(|(t, k)| t == "General" && *k == "PER"),
        "{got:?}"
    );
}

/// A name the typer calls a person, with no rule's evidence for it, is
/// another name when its first or last word is one the text writes in
/// small letters and no given name, surname or particle
/// (`COMMON_TAIL`): "Interactive Bafta" here; "Louis van Gaal" stays a
/// person though the text has a van.
#[test]
fn a_common_word_at_either_end_is_no_persons_name() {
    let text = "The BBC and the National Theatre have led the field at this year's \
                Interactive Bafta awards. Spooks Interactive took the best interactive TV \
                prize. Bafta's Grant Dean, chair of Bafta's Interactive Entertainment \
                committee, said the judging had been \"enormously difficult\". Louis van \
                Gaal said the van was late, and Van Gaal left.";
    let got = mentions(text);
    assert!(
        got.iter()
            .any(|(t, k)| t == "Interactive Bafta" && *k == "MISC")
            && !got.iter().any(|(t, k)| t.contains("Bafta") && *k == "PER"),
        "{got:?}"
    );
    check(
        text,
        &[
            ("Louis van Gaal", "PER"),
            ("Van Gaal", "PER"),
            ("Grant Dean", "PER"),
        ],
        &[],
    );
    // A headline's function word after a name is not part of it; a
    // surname that is a stop word elsewhere stays ("Edward Said").
    // (Sentences whose break the text lost.)
    let text = "\"The risks are real,\" said Credit Suisse First Boston analyst Vadim \
                Mitroshin The dispute with the authorities goes on. Wales prefer the \
                Millennium Stadium There had been talk of a move. John Brandon of Old \
                Hickory, Tennessee To make a long story short, Edward Said wrote.";
    check_none_of(
        text,
        &[
            ("Vadim Mitroshin", "PER"),
            ("Tennessee", "LOC"),
            ("Edward Said", "PER"),
        ],
        &[
            "Vadim Mitroshin The",
            "Millennium Stadium There",
            "Tennessee To",
        ],
    );
}

/// A legal form ends a company's name, even where a sentence ended after
/// it unsplit, and is no name alone.
#[test]
fn legal_forms_end_company_names() {
    let text = "Billings rose. The network is owned by Walt Disney Co., Hearst Corp. and the \
                NBC unit of General Electric Co. Combined billings are estimated at more \
                than $40 million. Samsung Electronics Co. Ltd. and Roku, Inc. were not \
                among them.";
    check(
        text,
        &[
            ("General Electric Co.", "ORG"),
            ("Samsung Electronics Co. Ltd.", "ORG"),
        ],
        &[
            "Electric Co. Combined",
            "General Electric Co. Combined",
            "Inc.",
            "Combined",
        ],
    );
    let got = mentions(text);
    assert!(
        !got.iter().any(|(t, _)| t == "Inc." || t == "Combined"),
        "{got:?}"
    );
}

/// A lone title is a name only as the short form of a person's full name:
/// "Major" after "John Major".
#[test]
fn a_title_alone_names_the_person_it_shortens() {
    check(
        "Prime Minister John Major met the Queen. Major said the talks went well.",
        &[("John Major", "PER"), ("Major", "PER")],
        &[],
    );
}

/// The quotes of `text`: (quote, speaker).
fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let summary = summarize(text, &Config::default());
    summary
        .quotes
        .iter()
        .map(|q| {
            (
                q.span.slice(text).to_owned(),
                q.speaker.map(|s| s.slice(text).to_owned()),
            )
        })
        .collect()
}

#[test]
fn quotes_and_speakers() {
    let cases: &[QuoteCase] = &[
        (
            "Dmitry Peskov spoke on Friday. \"I can confirm that the talks will go ahead,\" \
             Peskov told reporters.",
            &[("I can confirm that the talks will go ahead", Some("Peskov"))],
        ),
        (
            "\"We will not give up this fight,\" said Maria Lopez, the mayor.",
            &[("We will not give up this fight", Some("Maria Lopez"))],
        ),
        (
            "Angela Smith arrived late. She said: \"The vote is over and we lost it.\"",
            &[("The vote is over and we lost it.", Some("Angela Smith"))],
        ),
        ("The show recalled the \"Evita\" look of the 1940s.", &[]),
        // The person, not the organisation in the same phrase (issue 20).
        (
            "\"We see no point in these meetings,\" Kremlin spokesman Dmitry Peskov told \
             reporters in Moscow.",
            &[("We see no point in these meetings", Some("Dmitry Peskov"))],
        ),
        (
            "White House spokeswoman Karine Jean-Pierre said: \"The president will sign it.\"",
            &[("The president will sign it.", Some("Karine Jean-Pierre"))],
        ),
        // One speaker's quotes run on in a paragraph, until another
        // person is named.
        (
            "“We get that you are frustrated,” Brian Bosma said. “We get that you are \
             concerned about issues.” Teachers met Eric Holcomb later. “The talks went very \
             well indeed.”",
            &[
                ("We get that you are frustrated", Some("Brian Bosma")),
                (
                    "We get that you are concerned about issues.",
                    Some("Brian Bosma"),
                ),
                ("The talks went very well indeed.", None),
            ],
        ),
        // British single marks: a ’ inside a word is an apostrophe, not
        // the quote's end; nor is one outside a quote.
        (
            "Police chief Sara Jones said: ‘We don’t know who did it, and the club’s \
             staff are helping.’",
            &[(
                "We don’t know who did it, and the club’s staff are helping.",
                Some("Sara Jones"),
            )],
        ),
        // A ‘ before a digit is an apostrophe ("the ‘80s"), and a ‘ that
        // opens no quote hides no double-marked one.
        (
            "Born in the ‘80s, she moved to the city where the fans’ club met. \
             “We were the best team in the country,” Ann Smith said.",
            &[("We were the best team in the country", Some("Ann Smith"))],
        ),
        (
            "They sang ‘em all night long and into the morning. “The whole town \
             came out to hear them,” Ann Smith said.",
            &[("The whole town came out to hear them", Some("Ann Smith"))],
        ),
        // A double-marked quote within a single-marked one is found too
        // (and, said within hers, read as hers).
        (
            "Ann Smith said: ‘The chant of “we are the champions of the league” went on \
             for hours.’",
            &[
                (
                    "The chant of “we are the champions of the league” went on for hours.",
                    Some("Ann Smith"),
                ),
                ("we are the champions of the league", Some("Ann Smith")),
            ],
        ),
        // A quote within a quote is part of it, not one of its own.
        (
            "\"He told me ‘we will win this game easily’ before the match,\" said Tom Hardy.",
            &[(
                "He told me ‘we will win this game easily’ before the match",
                Some("Tom Hardy"),
            )],
        ),
    ];
    for (text, expected) in cases {
        let got = quotes(text);
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(q, s)| ((*q).to_owned(), s.map(str::to_owned)))
            .collect();
        assert_eq!(got, want, "quotes of {text:?}");
    }
}

#[test]
fn key_facts_avoid_the_summary_and_point_at_their_sentence() {
    let text = "The storm hit the coast on Monday and moved north. It was strong. \
                Officials were worried. People stayed inside. \
                The National Weather Service said 40,000 homes in Florida lost power on Tuesday. \
                Repairs will cost $2 billion, Governor Ron DeSantis said on Wednesday. \
                The wind was loud. Schools in Miami and Tampa reopened on March 3.";
    let config = Config {
        length: super::super::Length::Sentences(1),
        ..Config::default()
    };
    let summary = summarize(text, &config);
    let chosen: Vec<&str> = summary
        .chosen_sentences()
        .map(|s| s.span.slice(text))
        .collect();
    assert_eq!(
        chosen,
        ["The storm hit the coast on Monday and moved north."]
    );
    assert!(
        (3..=MAX_KEY_FACTS).contains(&summary.facts.len()),
        "{:?}",
        summary.facts
    );
    for fact in &summary.facts {
        assert!(!summary.chosen.contains(&fact.sentence_idx));
        let sentence = summary.sentences[fact.sentence_idx].span;
        assert!(
            sentence.contains(fact.span),
            "{fact:?} outside {sentence:?}"
        );
    }
    let bullets: Vec<&str> = summary.facts.iter().map(|f| f.span.slice(text)).collect();
    assert_eq!(
        bullets,
        [
            "The National Weather Service said 40,000 homes in Florida lost power on Tuesday.",
            "Repairs will cost $2 billion, Governor Ron DeSantis said on Wednesday.",
            "Schools in Miami and Tampa reopened on March 3.",
        ]
    );
}

/// The key-fact bullets of `text` beside a one-sentence summary.
fn bullets_beside_one_sentence(text: &str) -> Vec<&str> {
    let config = Config {
        length: super::super::Length::Sentences(1),
        ..Config::default()
    };
    let summary = summarize(text, &config);
    summary.facts.iter().map(|f| f.span.slice(text)).collect()
}

#[test]
fn key_facts_stand_alone() {
    let text = "The storm hit the coast on Monday and moved north. Officials were worried. \
                People stayed inside. Its winds cut power to 40,000 homes in Florida on Tuesday. \
                He said repairs in Miami will cost $2 billion by March 3. \
                But the Red Cross opened 12 shelters in Tampa and Orlando on Wednesday. \
                The National Weather Service said 3 more storms may form by June 1. \
                Schools in Miami and Tampa reopened on March 3.";
    let bullets = bullets_beside_one_sentence(text);
    // The three densest sentences lean on the one before them.
    assert!(
        bullets.len() >= 2
            && bullets
                .iter()
                .all(|b| b.starts_with("The ") || b.starts_with("Schools")),
        "{bullets:?}"
    );
    assert!(
        bullets.contains(&"The National Weather Service said 3 more storms may form by June 1.")
    );
}

/// A sentence in a row of a table's cells is no key fact, however dense.
#[test]
fn key_facts_leave_table_rows_out() {
    let text = "The Browns beat the Steelers 21-7 on Thursday night in Cleveland. \
                Fans stayed late.\n\n\
                Pos\tPlayer\tPlays\t%\tStats\n\
                DL\tChris Smith\t29\t39%\t1 assist (1 combined). 1 QH on 12 March.\n\
                DL\tEli Ankou\t13\t18%\t1 tackle (1 combined). 1 TFL on 12 March.\n\n\
                Coach Freddie Kitchens said on Friday that 11 hits in Pittsburgh showed the \
                defence at its best since 2007.";
    let bullets = bullets_beside_one_sentence(text);
    assert!(
        !bullets.is_empty()
            && bullets
                .iter()
                .all(|b| !b.contains("combined") && !b.contains("QH")),
        "{bullets:?}"
    );
}

#[test]
fn key_fact_may_be_a_clause() {
    let text = "Talks between the two firms went on all week in a hotel. Nothing was agreed \
                at first. Lawyers came and went.\n\n\
                The weather was mild and the mood was calm; Acme Corp. paid $5 million to \
                Globex Inc. in Paris on Friday.";
    let bullets = bullets_beside_one_sentence(text);
    assert!(
        bullets.contains(&"Acme Corp. paid $5 million to Globex Inc. in Paris on Friday."),
        "{bullets:?}"
    );
}

#[test]
fn total_and_deterministic_on_odd_input() {
    let inputs = [
        "",
        "\"",
        "“”„«»",
        "$ % € 1,2,3 ... Mr. Dr. U.S.",
        "A\u{301}B\u{301}C é 日本語 Москва ﷽",
        "ALL CAPS TEXT ONLY WITH NO LOWER CASE AT ALL",
        "1996-08-30 12:61 99:99 4:07.13 0.5% $",
        "\"Unclosed quote that goes on and on. And on.",
    ];
    for text in inputs {
        let a = summarize(text, &Config::default());
        let b = summarize(text, &Config::default());
        assert_eq!(a, b, "{text:?}");
        for e in &a.entities {
            for m in &e.mentions {
                assert!(text.get(m.span.range()).is_some(), "{text:?} {m:?}");
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn spans_are_always_slices_of_the_text(text in "\\PC{0,300}") {
        let summary = summarize(&text, &Config::default());
        for e in &summary.entities {
            for m in &e.mentions {
                proptest::prop_assert!(text.get(m.span.range()).is_some());
            }
        }
        for q in &summary.quotes {
            proptest::prop_assert!(text.get(q.span.range()).is_some());
        }
        for f in &summary.facts {
            proptest::prop_assert!(text.get(f.span.range()).is_some());
        }
    }
}

/// `merge_by_key` is a stable sort of the first list then the second, for
/// sorted lists with ties within and between them.
#[test]
fn merge_by_key_is_a_stable_sort() {
    let mut numbers = crate::engine::testutil::random_numbers(5);
    let mut next = |m: u64| u64::from(numbers()) % m;
    for _ in 0..500 {
        let mut a: Vec<(u64, char)> = (0..next(6)).map(|_| (next(5), 'a')).collect();
        let mut b: Vec<(u64, char)> = (0..next(6)).map(|_| (next(5), 'b')).collect();
        a.sort_by_key(|x| x.0);
        b.sort_by_key(|x| x.0);
        let mut expected: Vec<(u64, char)> = a.iter().chain(&b).copied().collect();
        expected.sort_by_key(|x| x.0);
        let merged = merge_by_key(a.iter().copied(), b.iter().copied(), |x| x.0);
        assert_eq!(merged, expected, "{a:?} {b:?}");
    }
}

/// Each distinct way an entity is written is one form, the fullest first,
/// each counted: a reader (and the batch contract) sees "Arafat" as a name
/// of its own, not only folded into "Yasser Arafat".
#[test]
fn entity_forms_fullest_first_with_counts() {
    let text = "Arafat spoke first. Palestinian leader Yasser Arafat met the envoy in Gaza. \
                Arafat said talks would go on. Later ARAFAT  left.";
    let summary = summarize(text, &Config::default());
    let arafat = summary
        .entities
        .iter()
        .find(|e| e.name.slice(text) == "Yasser Arafat")
        .expect("Yasser Arafat is an entity");
    let forms: Vec<(&str, usize)> = arafat
        .forms(text)
        .into_iter()
        .map(|(span, n)| (span.slice(text), n))
        .collect();
    assert_eq!(forms[0], ("Yasser Arafat", 1), "{forms:?}");
    // ("ARAFAT" is the same form: forms are compared lower-cased.)
    assert!(forms.contains(&("Arafat", 3)), "{forms:?}");
    let total: usize = forms.iter().map(|f| f.1).sum();
    assert_eq!(total, arafat.mentions.len());
}

/// The role of the entity named `name` in `text` (it must be found).
fn role_of<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    summarize(text, &Config::default())
        .entities
        .iter()
        .find(|e| e.name.slice(text) == name)
        .unwrap_or_else(|| panic!("{name:?} in {:?}", mentions(text)))
        .role
        .map(|r| r.slice(text))
}

/// A person's title or role before the name is kept as the entity's role,
/// not as part of the name nor as a name of its own.
#[test]
fn titles_and_roles_attach_to_the_person() {
    let text = "Foreign Minister Sergei Lavrov met Kremlin spokesman Dmitry Peskov in Moscow. \
                Lavrov said the talks went well.";
    assert_eq!(role_of(text, "Sergei Lavrov"), Some("Foreign Minister"));
    assert_eq!(role_of(text, "Dmitry Peskov"), Some("spokesman"));
    assert_eq!(role_of(text, "Moscow"), None);
    // A title runs to its last role word: "Chief Executive", "Chief
    // Strategy Officer".
    let text2 = "Hong Kong Chief Executive Carrie Lam met the company's Chief Strategy \
                 Officer Ivan Braiker on Monday.";
    assert_eq!(role_of(text2, "Carrie Lam"), Some("Chief Executive"));
    assert_eq!(
        role_of(text2, "Ivan Braiker"),
        Some("Chief Strategy Officer")
    );
    check(
        text,
        &[
            ("Sergei Lavrov", "PER"),
            ("Lavrov", "PER"),
            ("Dmitry Peskov", "PER"),
        ],
        &["Foreign Minister Sergei Lavrov", "Foreign Minister"],
    );
}

/// A courtesy title ("Mr", "Mrs.") still tells a person, but it is no
/// role to show beside the name: a real role found later is kept instead.
#[test]
fn courtesy_titles_are_no_roles() {
    let text = "Mr Lavrov met Mrs. Cameron in London on Monday. \
                Foreign Minister Lavrov said the talks went well.";
    assert_eq!(role_of(text, "Lavrov"), Some("Foreign Minister"));
    assert_eq!(role_of(text, "Cameron"), None);
    // The same inside a longer run of capitals.
    let text2 = "Speaking at Westminster Mr Johnson said the vote would go ahead.";
    assert_eq!(role_of(text2, "Johnson"), None);
    check(text, &[("Lavrov", "PER"), ("Cameron", "PER")], &[]);
}

/// Tables in capitals and lists of names reach the typer: teams in
/// standings are organisations, not places; the names of a squad list
/// are people; a full name is kept beside the short forms that stand for
/// it (the typer decides a person's forms together).
#[test]
fn tables_lists_and_short_forms() {
    let cases: &[NameCase] = &[
        (
            "Baseball standings after Sunday's games.\nAMERICAN LEAGUE\nEASTERN DIVISION\n\
             W L PCT GB\nNEW YORK 74 56 .569 -\nBALTIMORE 70 61 .534 4 1/2\n\
             BOSTON 67 66 .504 8 1/2\nTORONTO 63 70 .474 12 1/2",
            &[("BALTIMORE", "ORG"), ("BOSTON", "ORG"), ("TORONTO", "ORG")],
            &[],
        ),
        (
            "Germany named their squad for the friendly on Wednesday.\n\
             Goalkeepers - Andreas Koepke, Oliver Kahn, Oliver Reck",
            &[
                ("Andreas Koepke", "PER"),
                ("Oliver Kahn", "PER"),
                ("Oliver Reck", "PER"),
            ],
            &[],
        ),
        (
            "Yasser Arafat will meet Shimon Peres in Gaza on Thursday.\n\
             \"The meeting between Peres and Arafat will take place at the checkpoint,\" \
             Peres' office said.\nArafat had been barred from flying to the West Bank.",
            &[
                ("Yasser Arafat", "PER"),
                ("Arafat", "PER"),
                ("Shimon Peres", "PER"),
                ("Peres", "PER"),
            ],
            &[],
        ),
    ];
    for (text, expected, absent) in cases {
        check(text, expected, absent);
    }
}

/// A role word that opens the sentence is capitalised only for that: it
/// is the person's role, not the first word of the name.
#[test]
fn sentence_initial_role_is_a_role() {
    let text = "Actor Sylvester Stallone arrived in Cannes on Friday for the premiere. \
                Stallone said he was tired.";
    let summary = summarize(text, &Config::default());
    let stallone = summary
        .entities
        .iter()
        .find(|e| e.name.slice(text) == "Sylvester Stallone")
        .unwrap_or_else(|| panic!("Sylvester Stallone in {:?}", mentions(text)));
    assert_eq!(stallone.kind, EntityKind::Person);
    assert_eq!(stallone.role.map(|r| r.slice(text)), Some("Actor"));
    check(
        text,
        &[("Sylvester Stallone", "PER"), ("Stallone", "PER")],
        &["Actor Sylvester Stallone"],
    );
}

/// An entity is listed only when a mention of it lies in text the cleaning
/// finds more likely article than not (`LISTED_CERTAINTY`), and a mention
/// weighs as much as its sentence is surely the article's.
#[test]
fn doubtful_text_lists_no_names() {
    let text = "Angela Merkel met Emmanuel Macron in Paris on Monday.\n\n\
                Boris Johnson wins a by-election in Uxbridge.\n\n\
                Merkel said the talks had gone well.\n";
    let summary = summarize(text, &Config::default());
    let names = |certainty: &[f32]| -> Vec<String> {
        let facts = extract_facts(text, &summary.sentences, &[], Language::English, certainty);
        facts
            .entities
            .iter()
            .map(|e| e.name.slice(text).to_owned())
            .collect()
    };
    assert_eq!(summary.sentences.len(), 3);
    let all = names(&[]);
    assert!(all.contains(&"Boris Johnson".to_owned()), "{all:?}");
    let doubted = names(&[0.99, 0.3, 0.99]);
    assert!(
        !doubted.contains(&"Boris Johnson".to_owned()),
        "{doubted:?}"
    );
    assert!(!doubted.contains(&"Uxbridge".to_owned()), "{doubted:?}");
    for kept in ["Angela Merkel", "Emmanuel Macron", "Paris"] {
        assert!(doubted.contains(&kept.to_owned()), "{kept} in {doubted:?}");
    }
    // Nothing likely article (a note the cleaning's rules kept): all listed.
    let note = names(&[0.0, 0.1, 0.2]);
    assert!(note.contains(&"Boris Johnson".to_owned()), "{note:?}");
    // Named once each, Macron first: the surer sentence's name ranks first.
    let at = |ranked: &[String], n: &str| ranked.iter().position(|x| x == n);
    let ranked = names(&[0.99, 0.99, 0.99]);
    assert!(
        at(&ranked, "Emmanuel Macron") < at(&ranked, "Boris Johnson"),
        "{ranked:?}"
    );
    let ranked = names(&[0.6, 0.99, 0.99]);
    assert!(
        at(&ranked, "Boris Johnson") < at(&ranked, "Emmanuel Macron"),
        "{ranked:?}"
    );
}
