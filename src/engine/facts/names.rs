//! Names of people, organisations and places (and other names: MISC), found
//! by rules: runs of capitalised words, cue words around them (titles and
//! roles, organisation heads and suffixes, place prepositions, datelines),
//! the gazetteers, and document-level consistency (every mention of a name
//! gets the type its mentions vote for together; "Putin" after "Vladimir
//! Putin" is the same person; headline and all-caps words are matched back
//! to names found in the body).

mod headlines;
mod lists;
#[cfg(test)]
mod tests;
pub(crate) mod typer;
mod votes;

use headlines::match_headlines;
use lists::{
    WordList, CLUB_PREFIXES, COMMON_STARTERS, DEMONYMS, GROUP_NOUNS, KNOWN_ORGS, LEGAL_FORMS,
    LOC_SUFFIXES, MISC_SUFFIXES, NOT_NAMES, ORG_FOLLOWERS, ORG_HEADS, ORG_PRECEDERS, ORG_SUFFIXES,
    PARTICLES, PERSON_KINDS, PLACE_PREPOSITIONS, ROLE_WORDS, RUN_ROLES, SPEECH_VERBS,
    STATE_ABBREVIATIONS, TITLES, TITLE_MODIFIERS, TITLE_SMALL_WORDS, TRAILING_FUNCTION_WORDS,
    WORD_GIVEN_NAMES, WORD_LISTS,
};
use std::sync::OnceLock;
use votes::VOTES;

use super::super::language::Language;
use super::super::sort;
use super::super::text::{is_general_punctuation, push_lowercase};
use super::super::Span;
use super::gazetteer::{self, PlaceKind};
use super::tokens::{Token, TokenKind};
use super::{EntityKind, Line, Mode};
use rustc_hash::{FxHashMap, FxHashSet};

/// A name found in the text, typed, with the key of the entity it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NameMention {
    pub span: Span,
    pub sentence_idx: usize,
    pub kind: EntityKind,
    /// Lower-case key of the entity: mentions with one key are one entity.
    pub entity_key: String,
    pub n_tokens: usize,
    /// Found in a headline or all-caps line (matched back to the body).
    pub from_headline: bool,
    /// A person's title or role just before the name ("Foreign Minister"
    /// Sergei Lavrov, "spokesman" Dmitry Peskov).
    pub role: Option<Span>,
}

/// Evidence weights. A candidate's type is the arg-max of its summed votes
/// over the whole document; "strong" evidence (at least [`STRONG`]) keeps a
/// name from being re-read as a short form of a person's name.
const STRONG: f32 = 3.0;
/// Vote indices.
const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;
/// The type of a run with no evidence at all. Unknown multi-word runs in
/// news are mostly people's names; an unknown single word is as often a
/// surname, a team, a product or a work's title, so it is only "another
/// name" (MISC). Chosen on the CoNLL-2003 and IE-ER dev sets as a whole
/// (typed micro-F1 PER/ORG/LOC, single → PER / ORG / MISC: 0.725 / 0.738 /
/// 0.750 on CoNLL, 0.688 / 0.679 / 0.726 on IE-ER; multi → MISC or ORG
/// scored lower than PER on both).
const DEFAULT_MULTI: usize = PER;
const DEFAULT_SINGLE: usize = MISC;
/// What a one-word name the rules found no evidence for is shown as when
/// the typer calls it an organisation: another name (precision first).
/// The typer learned such words from CoNLL-2003's sports reports, where an
/// unknown word is mostly a team ("Somerset", "Juventus"); in other news it
/// is mostly not an organisation ("Tito", "Knin", "Malachy", "Broadway").
/// Measured with `score_entities.py` on `nutshell batch`, ORG / typed
/// micro-F1 before → after, precision in brackets: IE-ER dev ORG 0.663
/// (P 0.782) → 0.672 (P 0.849), micro 0.807 → 0.811; CoNLL-2003 dev ORG
/// 0.796 (P 0.884) → 0.779 (P 0.899), micro 0.867 → 0.863; CoNLL-2003 train
/// (where the typer was fitted) ORG 0.797 → 0.766, micro 0.872 → 0.863.
/// Such words on CoNLL-2003 train were organisations 238 times in 285; on
/// IE-ER dev 4 times in 17. A judgement for the page's users, whose news
/// is not 1996's sports tables: dropping to "other name" costs little
/// where the word is a team, and a wrong "organisation" chip is the error
/// a reader spots.
const UNPROVEN_ORG: usize = MISC;
/// What a name of several words is shown as when no rule found evidence
/// for it, the typer calls it a person, and its last word is written in
/// small letters elsewhere in the text and is no surname ("Buy Now", "Meal
/// Plan", "Insein Prison"): another name. `score_entities.py` before →
/// after: CoNLL-2003 dev PER precision 0.955 → 0.957 (3 fewer, none of
/// them a person), recall unchanged; IE-ER dev unchanged; on the dev
/// pastes' gold texts it changed three pages' names, none a person ("Oxy
/// Pure", "Timed-Nutrition Meal Plan", "Buy Now"). The same for a first
/// word written small that is no given name, surname or particle
/// ("Interactive Bafta", "New Labour", "Final Wars"): CoNLL-2003 and IE-ER
/// dev unchanged; on the dev news, train and pastes 15 documents' names
/// changed, none a person, and three quotes' speakers ("New Labour" ->
/// "Alan Milburn").
const COMMON_TAIL: usize = MISC;
/// Runs of this many words or more (without particles such as "van") are
/// rarely people: "O Centro Espirita Beneficiente Uniao".
const LONG_RUN: usize = 4;
const DEFAULT_LONG: usize = ORG;
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

/// Token `t` lower-cased: `None` when it is lower case already (as most
/// words are), else appended to `arena` and its range there.
pub(crate) fn lower_into(text: &str, t: Token, arena: &mut String) -> Option<(usize, usize)> {
    if t.letters.ascii() && !t.letters.upper() {
        return None;
    }
    let s = t.span.slice(text);
    let start = arena.len();
    if t.letters.ascii() {
        arena.push_str(s);
        arena[start..].make_ascii_lowercase();
    } else {
        // (Nothing to do, and nothing allocated, when every character is
        // its own lower case: then so is the string, since the one rule
        // with context, final sigma, is for a capital.)
        // (Quotation marks and dashes have no case: no search of the case
        // tables for them.)
        if s.chars().all(|c| {
            is_general_punctuation(c) || {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none()
            }
        }) {
            return None;
        }
        push_lowercase(arena, s);
        if &arena[start..] == s {
            arena.truncate(start);
            return None;
        }
    }
    Some((start, arena.len()))
}

/// Appends `s` lower-cased with its words joined by single spaces (what
/// `split_whitespace` + `join(" ")` + `text::lowercase` gives: the
/// same lower case word by word) to `out`.
pub(crate) fn push_single_spaced_lower(out: &mut String, s: &str) {
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        push_lowercase(out, w);
    }
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Letters all upper case, at least two of them: "NATO", "U.S.", "LONDON".
fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// [`is_all_caps`] of token `t`, for an ASCII token from the letters the
/// tokenizer saw (two letters, none small).
fn token_all_caps(text: &str, t: Token) -> bool {
    if t.letters.ascii() {
        t.letters.two() && !t.letters.lower()
    } else {
        is_all_caps(t.span.slice(text))
    }
}

/// Whether `word` is in `list`: one hash lookup gives every list a word is
/// in (most words of an article are in none), instead of a lookup in the
/// lists' union and a binary search of strings in the one asked about.
fn in_list(list: WordList, word: &str) -> bool {
    word_bits(word) & list.bit != 0
}

/// Gazetteer bits of [`word_bits`], above the word lists' bits.
const COUNTRY: u32 = 1 << 21;
const REGION: u32 = 1 << 22;
const TOWN: u32 = 1 << 23;
const GIVEN_NAME: u32 = 1 << 24;
const SURNAME: u32 = 1 << 25;
const PLACE: u32 = COUNTRY | REGION | TOWN;
/// The lists of words that belong to or announce a name (titles, peoples,
/// organisation heads, clubs, known organisations).
const NAME_CUES: u32 = TITLES.bit
    | TITLE_MODIFIERS.bit
    | RUN_ROLES.bit
    | DEMONYMS.bit
    | ORG_HEADS.bit
    | ORG_SUFFIXES.bit
    | CLUB_PREFIXES.bit
    | KNOWN_ORGS.bit;

/// Every list `word` is in: the bits of this module's word lists and of the
/// gazetteers (a place's kind, a given name, a surname). One table for all,
/// so that one lookup answers every question asked of a word.
fn word_bits(word: &str) -> u32 {
    static BITS: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let places = gazetteer::places();
        let given_names = gazetteer::given_names();
        let surnames = gazetteer::surnames();
        let n_words = WORD_LISTS.iter().map(|l| l.words.len()).sum::<usize>()
            + places.len()
            + given_names.len()
            + surnames.len();
        let mut bits: FxHashMap<&'static str, u32> =
            FxHashMap::with_capacity_and_hasher(n_words, Default::default());
        for list in WORD_LISTS {
            for w in list.words.iter() {
                *bits.entry(w).or_default() |= list.bit;
            }
        }
        for (name, kind) in places {
            *bits.entry(name).or_default() |= match kind {
                PlaceKind::Country => COUNTRY,
                PlaceKind::Region => REGION,
                PlaceKind::Town => TOWN,
            };
        }
        for name in given_names {
            *bits.entry(name).or_default() |= GIVEN_NAME;
        }
        for name in surnames {
            *bits.entry(name).or_default() |= SURNAME;
        }
        bits
    });
    let found = |w: &str| bits.get(w).copied().unwrap_or(0);
    if word.is_ascii() {
        return found(word);
    }
    // (The gazetteers hold accented names folded: "são paulo" as "sao
    // paulo".)
    let mut folded = String::with_capacity(word.len());
    gazetteer::fold_accents(word, &mut folded);
    let folded_bits = if folded.chars().count() >= 2 {
        found(&folded)
    } else {
        0
    };
    found(word) | folded_bits
}

/// The place kind in a word's [`word_bits`] (each place has one kind).
fn place_of(bits: u32) -> Option<PlaceKind> {
    if bits & COUNTRY != 0 {
        Some(PlaceKind::Country)
    } else if bits & REGION != 0 {
        Some(PlaceKind::Region)
    } else if bits & TOWN != 0 {
        Some(PlaceKind::Town)
    } else {
        None
    }
}

/// [`word_bits`] of `word` without its trailing full stops ("mr." as "mr",
/// what the title and not-a-name tests look up), given `bits`, its own.
fn trimmed_bits(word: &str, bits: u32) -> u32 {
    let trimmed = word.trim_end_matches('.');
    if trimmed.len() == word.len() {
        bits
    } else {
        word_bits(trimmed)
    }
}

fn is_not_name(word: &str) -> bool {
    in_list(NOT_NAMES, word.trim_end_matches('.'))
}

fn is_title(word: &str) -> bool {
    in_list(TITLES, word.trim_end_matches('.'))
}

/// Words `first..end` as a person's role: none when they are one courtesy
/// title ("Mr", "Mrs.", "Señor"), which tells a person (and stays a cue for
/// one) but says nothing of what they do.
fn role_words(words: &[&str], first: usize, end: usize) -> Option<(usize, usize)> {
    let courtesy = end == first + 1
        && matches!(
            words[first].trim_end_matches('.'),
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "mme"
                | "madame"
                | "monsieur"
                | "herr"
                | "frau"
                | "señor"
                | "señora"
                | "signor"
        );
    (!courtesy).then_some((first, end))
}

/// A title or a capitalised role inside a run ("Director", "CEO",
/// "Major-General", "then-Premier").
fn is_title_word(word: &str) -> bool {
    // (What follows the last dash, found by a byte search: `-` is ASCII.)
    let tail = word
        .bytes()
        .rposition(|b| b == b'-')
        .map_or(word, |dash| &word[dash + 1..]);
    // (One lookup when no full stop ends the word, as is usual.)
    let bits = word_bits(tail);
    trimmed_bits(tail, bits) & TITLES.bit != 0 || bits & RUN_ROLES.bit != 0
}

fn is_cap_word(t: Token) -> bool {
    t.kind == TokenKind::Word && t.capitalised
}

/// A line in capitals with at least this many numbers is a table row
/// (standings, results), not a headline: its names go to the typer rather
/// than to the headline matching. Hand-set (one value tried); with it the
/// typer's CV on CoNLL-2003 train rose (ARCHITECTURE.md, "Name typer").
const TABLE_NUMBERS: usize = 2;

/// A line of capitalised words with at least this many commas is a list
/// (a squad, fixtures), not a Title Case headline (as `TABLE_NUMBERS`).
const LIST_COMMAS: usize = 2;

/// How a line reads, from the case of its words.
pub(crate) fn line_mode(text: &str, tokens: &[Token], language: Language) -> Mode {
    let words = || {
        tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(text))
    };
    let (mut n_lettered, mut n_caps) = (0usize, 0usize);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        // (ASCII words from what the tokenizer saw: the same letters and
        // lower case.)
        let (lettered, caps) = if t.letters.ascii() {
            (t.letters.two(), !t.letters.lower())
        } else {
            let w = t.span.slice(text);
            (
                w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some(),
                !w.chars().any(char::is_lowercase),
            )
        };
        if lettered {
            n_lettered += 1;
            n_caps += usize::from(caps);
        }
    }
    let n_numbers = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .count();
    if n_lettered > 0 && n_caps * 2 > n_lettered {
        // "ST LOUIS 67 60 .528": a table row in capitals, not a headline.
        return if n_numbers >= TABLE_NUMBERS {
            Mode::Table
        } else {
            Mode::Shouting
        };
    }
    let lowercase_content = words().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().nth(1).is_some()
            && !language.is_stop_word(w)
    });
    if lowercase_content {
        return Mode::Prose;
    }
    let n_cap_words = words().filter(|w| first_upper(w)).count();
    // "Oliver Bierhoff, Fredi Bobic, Juergen Klinsmann": commas make a
    // list of names, not a headline.
    let n_commas = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Punct && t.span.slice(text) == ",")
        .count();
    if n_numbers == 0 && n_cap_words >= 3 && n_commas < LIST_COMMAS {
        Mode::Title
    } else {
        Mode::Table
    }
}

/// A capitalised run being classified.
struct Candidate {
    line: usize,
    first: usize,
    end: usize,
    key: String,
    votes: [f32; 4],
    /// A title or role alone ("Major", "the President"): a name only as a
    /// short form of a person's full name ("John Major").
    role_only: bool,
    /// The rules' answer is final, not the typer's: a quoted title ("Hour
    /// of Power"), a title alone (few of either in the typer's news).
    sure: bool,
    /// The tokens of a title or role before the name (`first..end` of the
    /// same line), kept when it is a person's.
    role: Option<(usize, usize)>,
}

/// Finds and types the names of the document's `lines` (body and headings);
/// `rows`, when given, receives every candidate's typer row (what
/// `scripts/fit_name_typer.py` fits on).
pub(crate) fn find_names(
    text: &str,
    lines: &[Line],
    language: Language,
    rows: Option<&mut Vec<(Span, typer::Row, usize)>>,
) -> Vec<NameMention> {
    let english = language == Language::English;
    // Words the document writes in lower case somewhere (so a capitalised
    // one at a sentence start is probably not a name).
    let n_tokens: usize = lines.iter().map(|l| l.tokens.len()).sum();
    let mut lower_words: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(n_tokens.min(4096), Default::default());
    for line in lines.iter().filter(|l| l.mode == Mode::Prose) {
        for (t, w) in line.tokens.iter().zip(line.lower) {
            if t.kind != TokenKind::Word {
                continue;
            }
            // (An ASCII word starts with a letter: small unless a capital.)
            let lower_case = if t.letters.ascii() {
                !t.capitalised
            } else {
                t.span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            };
            if lower_case {
                lower_words.insert(w);
            }
        }
    }
    let is_lower_word = |w: &str| lower_words.contains(w);

    // (About one candidate in twelve tokens in news: room for that many
    // saves the vector's regrowth.)
    let mut candidates: Vec<Candidate> = Vec::with_capacity(n_tokens / 12 + 4);
    for (line_idx, line) in lines.iter().enumerate() {
        let toks = &line.tokens;
        let dateline_end = dateline(text, line, &mut candidates, line_idx);
        if matches!(line.mode, Mode::Shouting | Mode::Title) {
            continue;
        }
        let mut i = dateline_end;
        while i < toks.len() {
            if let Some(end) = quoted_title(text, line, i) {
                // "Hour of Power": the title of a show, book or film.
                push_candidate(
                    &mut candidates,
                    line_idx,
                    line.lower,
                    i + 1,
                    end,
                    MISC,
                    VOTES.quoted_title,
                );
                if let Some(c) = candidates.last_mut().filter(|c| c.first == i + 1) {
                    c.sure = true;
                }
                i = end + 1;
                continue;
            }
            if !is_cap_word(toks[i]) {
                i += 1;
                continue;
            }
            // Extend the run (never across a table's cells: "DL\tChad
            // Thomas" is a position and a player).
            let mut end = i + 1;
            while let Some(&next) = toks.get(end) {
                if text
                    .get(toks[end - 1].span.end..next.span.start)
                    .is_some_and(|gap| gap.contains('\t'))
                {
                    break;
                }
                // "the NBC unit of General Electric Co. Combined billings
                // ...": a name ends at a legal form with its period (a
                // sentence that ended there, after what reads as an
                // abbreviation), unless another follows ("Co. Ltd.").
                if is_legal_form_with_period(line, end - 1) && !is_legal_form(line.lower[end]) {
                    break;
                }
                if is_cap_word(next) {
                    end += 1;
                    continue;
                }
                let w = line.lower[end];
                // (A particle is a word in small letters: a capitalised
                // one is part of the run already.)
                let particle = next.kind == TokenKind::Word && in_list(PARTICLES, w);
                // "van der Westhuizen": particles may come in twos.
                let skip = if particle
                    && toks
                        .get(end + 1)
                        .is_some_and(|_| in_list(PARTICLES, line.lower[end + 1]))
                {
                    2
                } else {
                    1
                };
                let after = toks.get(end + skip).copied();
                if !after.is_some_and(is_cap_word) {
                    break;
                }
                let prev = line.lower[end - 1];
                // "Gold Fields of South Africa Ltd", "Futures and Options
                // Exchange": a connector joins when an organisation suffix
                // ends the capitalised words after it.
                let org_follows = || {
                    let mut e = end + skip;
                    while toks.get(e).is_some_and(|t| is_cap_word(*t)) {
                        e += 1;
                    }
                    e > end + skip && in_list(ORG_SUFFIXES, line.lower[e - 1])
                };
                let joins = (next.kind == TokenKind::Word
                    && (particle
                        || (w == "of" && (in_list(ORG_HEADS, prev) || is_title(prev)))
                        || (w == "for" && in_list(ORG_HEADS, prev))
                        || (matches!(w, "of" | "and" | "for")
                            && (w != "of" || end - i >= 2)
                            && !in_list(ORG_SUFFIXES, prev)
                            && org_follows())
                        || (w == "and" && line.lower[i..end].contains(&"for"))))
                    || next.span.slice(text) == "&"
                    // "the National Governors' Association": a plural's
                    // apostrophe, touching it.
                    || (matches!(next.span.slice(text), "'" | "’")
                        && next.span.start == toks[end - 1].span.end
                        && prev.ends_with('s'));
                if joins {
                    end += skip + 1;
                } else {
                    break;
                }
            }
            classify_run(
                text,
                lines,
                line_idx,
                i,
                end,
                language,
                &is_lower_word,
                &mut candidates,
            );
            i = end;
        }
    }

    resolve(text, lines, candidates, english, &is_lower_word, rows)
}

/// Recognises a dateline at the start of a line ("LONDON (Reuters) -",
/// "PARIS (AP) —", "SEOUL 1996-08-30", "(CNN)"); returns the index of the
/// first token after it (0 when there is none).
fn dateline(text: &str, line: &Line, out: &mut Vec<Candidate>, line_idx: usize) -> usize {
    let toks = &line.tokens;
    let mut k = 0;
    while toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && token_all_caps(text, *t))
    {
        k += 1;
    }
    let slice = |t: &Token| t.span.slice(text);
    // "(CNN)" or "(AP)" alone at the start.
    if k == 0 {
        if toks.len() >= 3 && slice(&toks[0]) == "(" && slice(&toks[2]) == ")" {
            let agency = toks[1];
            if agency.kind == TokenKind::Word && first_upper(slice(&agency)) {
                push_candidate(out, line_idx, line.lower, 1, 2, ORG, VOTES.dateline_agency);
                return 3;
            }
        }
        return 0;
    }
    if k > 4 {
        return 0;
    }
    let next = toks.get(k).map(slice).unwrap_or("");
    let rest_is_prose = line.mode != Mode::Shouting;
    let ends = match next {
        "(" => true,
        "-" | "—" | "–" | "_" => rest_is_prose,
        // ("NAIROBI, Kenya", "ROCHESTER, N.H."; not a headline in
        // capitals: "DICAPRIO, CHARISMATIC STAR, BALKS AT ...".)
        "," => toks.get(k + 1).is_some_and(|t| {
            is_cap_word(*t)
                && (!token_all_caps(text, *t) || {
                    let w = line.lower[k + 1];
                    trimmed_bits(w, word_bits(w)) & (PLACE | STATE_ABBREVIATIONS.bit) != 0
                })
        }),
        _ => toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) && toks.len() <= k + 2,
    };
    if !ends {
        return 0;
    }
    push_candidate(out, line_idx, line.lower, 0, k, LOC, VOTES.dateline_place);
    let mut end = k;
    if next == "," {
        // "LA CORUNA, Spain": the second part is a place too.
        let mut j = k + 1;
        while toks.get(j).is_some_and(|t| is_cap_word(*t)) {
            j += 1;
        }
        push_candidate(
            out,
            line_idx,
            line.lower,
            k + 1,
            j,
            LOC,
            VOTES.dateline_place,
        );
        end = j;
    }
    if toks.get(end).map(slice) == Some("(") && toks.get(end + 2).map(slice) == Some(")") {
        push_candidate(
            out,
            line_idx,
            line.lower,
            end + 1,
            end + 2,
            ORG,
            VOTES.dateline_agency,
        );
        end += 3;
    }
    end
}

#[allow(clippy::too_many_arguments)]
fn push_candidate(
    out: &mut Vec<Candidate>,
    line: usize,
    lower: &[&str],
    first: usize,
    end: usize,
    kind: usize,
    weight: f32,
) {
    if first >= end || end > lower.len() {
        return;
    }
    let mut votes = [0.0; 4];
    votes[kind] = weight;
    out.push(Candidate {
        line,
        first,
        end,
        key: key_of(&lower[first..end]),
        votes,
        role_only: false,
        sure: false,
        role: None,
    });
}

/// The key of a run of tokens from their lower-cased words (`Line::lower`):
/// the words joined by single spaces.
fn key_of(lower: &[&str]) -> String {
    let mut key = String::with_capacity(lower.iter().map(|w| w.len() + 1).sum());
    push_key(&mut key, lower);
    key
}

/// Appends [`key_of`] `lower` to `key` (empty, or cleared).
fn push_key(key: &mut String, lower: &[&str]) {
    for w in lower {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
}

#[allow(clippy::too_many_arguments)]
fn classify_run(
    text: &str,
    lines: &[Line],
    line_idx: usize,
    start: usize,
    end: usize,
    language: Language,
    is_lower_word: &dyn Fn(&str) -> bool,
    out: &mut Vec<Candidate>,
) {
    let english = language == Language::English;
    let line = &lines[line_idx];
    let toks = &line.tokens;
    let mut a = start;
    let words = &line.lower;
    let slice = |k: usize| toks[k].span.slice(text);

    // A legal form alone is no name ("Roku, Inc.": the name is the word
    // before the comma).
    if words[start..end].iter().all(|w| is_legal_form(w)) {
        return;
    }
    let initial = opens_sentence(text, line, a);
    // A capitalised function word never starts a name ("He", "More"):
    // a stop word that is not a title ("Mr") or a name word ("New", "May"),
    // or a word that is never a name.
    let start_bits = word_bits(words[a]);
    let a_trimmed = trimmed_bits(words[a], start_bits);
    // ("the Second Vatican Council": an ordinal inside a sentence opens
    // the name it is capitalised with.)
    let ordinal_opens = !initial && end - a >= 2 && is_ordinal(words[a]);
    // (Nor is a given name that is also a month's short form: "Jan
    // Siemerink".)
    let given_opens = end - a >= 2 && start_bits & GIVEN_NAME != 0;
    if (language.is_stop_word(words[a])
        && a_trimmed & TITLES.bit == 0
        && !matches!(words[a], "new" | "may"))
        || (a_trimmed & NOT_NAMES.bit != 0 && !ordinal_opens && !given_opens)
    {
        a += 1;
        if a >= end {
            return;
        }
    }
    // In other languages a lone word that the text also writes in small
    // letters is a common word, whatever the gazetteers say: Indonesian
    // "Itu" (that) and "Kita" (we) are towns, "Dan" (and) a given name.
    if !english && end - a == 1 && is_lower_word(words[a]) {
        return;
    }
    if initial && line.mode != Mode::Shouting && a == start {
        let w = words[a];
        let w_bits = start_bits;
        let known = w_bits & (PLACE | GIVEN_NAME | KNOWN_ORGS.bit | DEMONYMS.bit) != 0
            || trimmed_bits(w, w_bits) & TITLES.bit != 0;
        let run_known =
            end - a >= 2 && word_bits(&key_of(&words[a..end])) & (PLACE | KNOWN_ORGS.bit) != 0;
        let common =
            !run_known && (w_bits & COMMON_STARTERS.bit != 0 || (is_lower_word(w) && !known));
        if common {
            a += 1;
        } else if line.mode == Mode::Prose
            && end - a == 1
            && !known
            && !token_all_caps(text, toks[a])
            && w_bits & SURNAME == 0
        {
            // A lone capitalised word at a sentence start: only a name if it
            // is capitalised elsewhere too (doc-level pass decides).
            if english {
                out.push(Candidate {
                    line: line_idx,
                    first: a,
                    end,
                    key: words[a].to_string(),
                    votes: [0.0; 4],
                    role_only: false,
                    sure: false,
                    role: None,
                });
            }
            return;
        }
    }
    if a >= end {
        return;
    }
    // A compound adjective that ends the run holds its name, and the run's
    // other words are the start of that name ("New York-based": not "New"):
    // no name here.
    // (Not a hyphenated given name: "Li Song-ho".)
    let adjective_tail = |w: &str| {
        w.rsplit('-').next().is_some_and(|tail| {
            tail.ends_with("ed")
                || matches!(
                    tail,
                    "born" | "made" | "run" | "style" | "era" | "speaking" | "bound"
                )
        })
    };
    if is_compound_adjective(slice(end - 1)) && adjective_tail(slice(end - 1)) {
        return;
    }
    // Trailing particles cannot end a name, nor can words that are never
    // names, nor function words (`TRAILING_FUNCTION_WORDS`).
    let mut end = end;
    while end > a
        && (toks[end - 1].kind == TokenKind::Word && !is_cap_word(toks[end - 1])
            || is_compound_adjective(slice(end - 1))
            || is_plural_acronym(slice(end - 1))
            || is_not_name(words[end - 1])
            || (end - a >= 2
                && TRAILING_FUNCTION_WORDS
                    .binary_search(&words[end - 1])
                    .is_ok()
                && !token_all_caps(text, toks[end - 1])))
    {
        end -= 1;
    }
    // (Nor can a small word that the run's first words hid: "June The" in
    // "in June The premier", a headline glued to its text.)
    while a < end
        && ((is_not_name(words[a]) && !((ordinal_opens || given_opens) && a == start))
            || is_compound_adjective(slice(a))
            || is_plural_acronym(slice(a))
            || (a > start && language.is_stop_word(words[a]) && !is_title(words[a])))
    {
        a += 1;
    }
    if a >= end {
        return;
    }
    // A place or organisation known by its whole name is one name, even
    // when it holds a nationality or a title: "Saudi Arabia", "United Arab
    // Emirates" (not "Saudi" + "Arabia").
    let whole_known =
        end - a >= 2 && word_bits(&key_of(&words[a..end])) & (PLACE | KNOWN_ORGS.bit) != 0;
    // A headline's capitalised verb before a name: "Premier to Visit Paris
    // in June". The first word goes when it is no name word, the infinitive
    // "to" (or the text's own small-letter use of it) makes it a verb, and
    // the rest is a known name.
    if end - a >= 2 && !whole_known {
        let verb_cue = (a > 0 && words[a - 1] == "to") || is_lower_word(words[a]);
        let name_word = word_bits(words[a]) & (PLACE | GIVEN_NAME | SURNAME | NAME_CUES) != 0;
        let rest_known = || {
            word_bits(&key_of(&words[a + 1..end])) & (PLACE | KNOWN_ORGS.bit) != 0
                || word_bits(words[a + 1]) & GIVEN_NAME != 0
        };
        if verb_cue && !name_word && rest_known() {
            a += 1;
        }
    }
    // A role that ends the run holds no name of its own: "former Nissan
    // Chairman and CEO Carlos Ghosn", "the Senate Majority Leader" (the
    // name is before it and its modifiers). With only titles and modifiers
    // before it the whole run is an office ("the Deputy Leader"); a run
    // role before it opens the office ("Ivan Braiker Chief Strategy
    // Officer": the name before that, on its own). (After a given name
    // too: "Tory Leader", "Chelsea Manager"; a person whose surname is a
    // role, "John Leader", is rarer in news.)
    let is_run_role = |w: &str| word_bits(w) & RUN_ROLES.bit != 0;
    // A title, a run role or a title's modifier ("Deputy", "Foreign").
    let is_office_word = |w: &str| is_title_word(w) || in_list(TITLE_MODIFIERS, w);
    let trailing_role =
        |k: usize| is_run_role(words[k]) && PERSON_KINDS.binary_search(&words[k]).is_err();
    let mut office = false;
    // (With only office words before the role, the whole run is one, and
    // `role_only` below says so.)
    if end - a >= 2
        && trailing_role(end - 1)
        && !words[a..end - 1].iter().all(|w| is_office_word(w))
    {
        if let Some(j) = (a..end - 1).find(|&j| is_run_role(words[j])) {
            if j > a {
                classify_run(text, lines, line_idx, a, j, language, is_lower_word, out);
            }
            a = j;
            office = true;
        } else {
            while end - a >= 2
                && (trailing_role(end - 1) || in_list(TITLE_MODIFIERS, words[end - 1]))
            {
                end -= 1;
            }
        }
    }
    // A title or role alone is no name: "the Attorney General said", "The
    // President declined"; but "Major said" after "John Major" is his.
    // (A modifier alone is no title: "Labour", "Treasury".)
    let role_only = office
        || (words[a..end].iter().all(|w| is_office_word(w))
            && words[a..end].iter().any(|w| is_title_word(w)));
    if role_only {
        out.push(Candidate {
            line: line_idx,
            first: a,
            end,
            key: key_of(&words[a..end]),
            votes: [0.0; 4],
            role_only: true,
            sure: true,
            role: None,
        });
        return;
    }
    // An organisation's head word alone is a reference back, no name: "the
    // Office would review", "the Ministry said". (But for the European
    // Union's and Commission's: on CoNLL-2003 train, dropping those lost 5
    // true organisations; the rest, 15 dropped, were none.)
    if end - a == 1
        && in_list(ORG_HEADS, words[a])
        && !matches!(words[a], "commission" | "union")
        && !token_all_caps(text, toks[a])
    {
        return;
    }
    let last = words[end - 1];
    let last_bits = word_bits(last);
    // Where a title that ends at `from` really ends: after the last role
    // word before the run's last word ("Chief Executive Carrie Lam", "Chief
    // Strategy Officer Ivan Braiker").
    let role_end = |from: usize| {
        (from..end - 1)
            .rev()
            .find(|&j| in_list(ROLE_WORDS, words[j]))
            .map_or(from, |j| j + 1)
    };
    // A title inside the run: "Panamanian Boxing Association President Ramon
    // Manzanares", "U.S. Assistant Secretary of State John Kornblum". The
    // part before the title is a name of its own. (Only when a name follows
    // the titles: "the New York State Attorney General" is not parted into
    // a place and the person "General".)
    if let Some(k) = (a + 1..end.saturating_sub(1)).rev().find(|&k| {
        !whole_known
            && is_title_word(words[k])
            && !words[k + 1..end].iter().all(|w| is_title_word(w))
    }) {
        if last_bits & ORG_SUFFIXES.bit == 0 {
            let mut t0 = k;
            while t0 > a && (is_office_word(words[t0 - 1]) || words[t0 - 1] == "of") {
                t0 -= 1;
            }
            // (An earlier run role opens the office: "Burberry Chief
            // Creative Officer Christopher Bailey"; not any title, which
            // may open a name: "General Motors CEO Mary Barra".)
            if let Some(j) = (a..t0).find(|&j| is_run_role(words[j])) {
                t0 = j;
            }
            if t0 > a {
                classify_run(text, lines, line_idx, a, t0, language, is_lower_word, out);
            }
            // "Secretary of State John Kornblum": the title goes on.
            let mut p0 = k + 1;
            while p0 + 1 < end && (words[p0] == "of" || in_list(TITLE_MODIFIERS, words[p0])) {
                p0 += 1;
            }
            let p0 = role_end(p0);
            push_candidate(
                out,
                line_idx,
                line.lower,
                p0,
                end,
                PER,
                VOTES.name_after_title_in_run,
            );
            if let Some(c) = out
                .last_mut()
                .filter(|c| c.first == p0 && c.line == line_idx)
            {
                c.role = role_words(words, t0, p0);
            }
            return;
        }
    }
    // Peoples (a nationality, its plural or a people): "South Korean",
    // "Kosovo Serbs", "Four Norwegians"; but not after a given name, where
    // it is a surname: "Mark Cuban", "Claire Danes".
    if (last_bits & (DEMONYMS.bit | GROUP_NOUNS.bit) != 0 || is_demonym_plural(last))
        && last_bits & ORG_SUFFIXES.bit == 0
        && !whole_known
        && !(end - a == 2 && word_bits(words[a]) & GIVEN_NAME != 0)
    {
        push_candidate(out, line_idx, line.lower, a, end, MISC, VOTES.people);
        return;
    }
    // A country before a person's name: "ambassador to Ukraine Marie
    // Yovanovitch". Two names, each classified alone.
    if end - a >= 3
        && !whole_known
        && word_bits(words[a]) & COUNTRY != 0
        && word_bits(words[a + 1]) & GIVEN_NAME != 0
        && word_bits(words[a + 1]) & PLACE == 0
        && word_bits(&key_of(&words[a..a + 2])) & PLACE == 0
    {
        for (from, to) in [(a, a + 1), (a + 1, end)] {
            classify_run(
                text,
                lines,
                line_idx,
                from,
                to,
                language,
                is_lower_word,
                out,
            );
        }
        return;
    }
    // A nationality inside the run: "Controversial Australian Anthony Hill".
    if let Some(k) = (a + 1..end.saturating_sub(1)).find(|&k| in_list(DEMONYMS, words[k])) {
        if last_bits & ORG_SUFFIXES.bit == 0 && !is_title_word(words[k + 1]) && !whole_known {
            push_candidate(
                out,
                line_idx,
                line.lower,
                k,
                k + 1,
                MISC,
                VOTES.nationality_before_name,
            );
            classify_run(
                text,
                lines,
                line_idx,
                k + 1,
                end,
                language,
                is_lower_word,
                out,
            );
            return;
        }
    }
    let org_suffix = last_bits & ORG_SUFFIXES.bit != 0
        && (end - a >= 2 || matches!(last, "senate" | "parliament" | "congress"));
    let mut votes = [0.0f32; 4];
    let mut person_cue = false;
    let mut role = None;
    // The titles and their modifiers from word `from` on, before the run's
    // last word (`is_title` tells a title): where they end, and whether
    // one was a title.
    let titles_from = |from: usize, is_title: fn(&str) -> bool| {
        let mut k = from;
        let mut saw_title = false;
        while k + 1 < end {
            let title = is_title(words[k]);
            if !title && !in_list(TITLE_MODIFIERS, words[k]) {
                break;
            }
            saw_title |= title;
            k += 1;
        }
        (k, saw_title)
    };
    if !org_suffix {
        // Titles: "Prime Minister Tony Blair", "Mr. Smith".
        let (k, saw_title) = titles_from(a, is_title_word);
        // "Actor Sylvester Stallone", "Trainer Berti Vogts": a role word
        // capitalised only because it opens the sentence is the person's
        // role, not part of the name. (Dropping any sentence-initial word
        // before a given name, "Singer Whitney Houston", cost CV F1:
        // 0.8531 -> 0.8493.)
        let initial_role = initial
            && a == start
            && end - a > 1
            && start_bits & ROLE_WORDS.bit != 0
            && start_bits & (PLACE | GIVEN_NAME | SURNAME | KNOWN_ORGS.bit) == 0;
        if saw_title {
            let k = role_end(k);
            role = role_words(words, a, k);
            a = k;
            person_cue = true;
        } else if initial_role {
            role = Some((a, a + 1));
            a += 1;
            person_cue = true;
        } else if end - a > 1 && in_list(DEMONYMS, words[a]) && !whole_known {
            // "Russian President Boris Yeltsin": the adjective is MISC.
            push_candidate(
                out,
                line_idx,
                line.lower,
                a,
                a + 1,
                MISC,
                VOTES.nationality_before_name,
            );
            a += 1;
            let (k, saw_title) = titles_from(a, is_title);
            if saw_title {
                role = role_words(words, a, k);
                a = k;
                person_cue = true;
            }
        }
    }
    let n = end - a;
    let key = key_of(&words[a..end]);
    let first = words[a];
    let prev = if start > 0 { words[start - 1] } else { "" };
    let prev2 = if start > 1 { words[start - 2] } else { "" };
    let next = words.get(end).map_or("", |w| w);
    let next2 = words.get(end + 1).map_or("", |w| w);
    // Each word's lists, looked up once.
    let first_bits = if n == 1 { last_bits } else { word_bits(first) };
    let key_bits = word_bits(&key);
    let prev_bits = word_bits(prev);
    let next_bits = word_bits(next);

    if org_suffix {
        votes[ORG] += VOTES.org_suffix;
    }
    if n >= 2 && last_bits & LOC_SUFFIXES.bit != 0 && !org_suffix {
        votes[LOC] += VOTES.loc_suffix;
    }
    // "Bank of England", "U.S. Circuit Court of Appeals".
    let head_of = first_bits & ORG_HEADS.bit != 0 && n >= 2
        || (a + 1..end.saturating_sub(1))
            .any(|k| words[k + 1] == "of" && in_list(ORG_HEADS, words[k]));
    if n >= 2 && head_of {
        votes[ORG] += VOTES.org_head;
    }
    if n >= 2 && first_bits & CLUB_PREFIXES.bit != 0 {
        votes[ORG] += VOTES.club_prefix;
    }
    if toks[a..end].iter().any(|t| t.span.slice(text) == "&") {
        votes[ORG] += VOTES.ampersand;
    }
    if key_bits & KNOWN_ORGS.bit != 0 {
        votes[ORG] += VOTES.known_org;
    } else if n >= 2
        && first_bits & KNOWN_ORGS.bit != 0
        && last_bits & (MISC_SUFFIXES.bit | LOC_SUFFIXES.bit) == 0
        && key_bits & PLACE == 0
        && words[a + 1..end].iter().all(|w| {
            word_bits(w)
                & (GIVEN_NAME
                    | SURNAME
                    | TITLES.bit
                    | TITLE_MODIFIERS.bit
                    | RUN_ROLES.bit
                    | ROLE_WORDS.bit)
                == 0
        })
    {
        // (Not before a person or an office: "Google CFO Patrick
        // Pichette"; nor an event or a place: "UEFA Cup", "Amazon
        // River", "Vatican City".)
        votes[ORG] += VOTES.known_org_first;
    }
    match place_of(key_bits) {
        Some(PlaceKind::Country) => votes[LOC] += VOTES.country,
        Some(_) => votes[LOC] += VOTES.other_place,
        None => {}
    }
    if n == 1 && (first_bits & (DEMONYMS.bit | GROUP_NOUNS.bit) != 0 || is_demonym_plural(first)) {
        votes[MISC] += VOTES.people_word;
    }
    if n >= 2 && last_bits & MISC_SUFFIXES.bit != 0 {
        votes[MISC] += VOTES.misc_suffix;
    }
    // "C. Lewis", "J. R. Smith": initials before a word are a person.
    if n >= 2 && is_initial(slice(a)) {
        votes[PER] += VOTES.initials;
    }
    // "Dallas, Texas" / "Berkeley, Calif.": a place before a region.
    if next == ","
        && words.get(end + 1).is_some_and(|w| {
            let bits = word_bits(w);
            bits & STATE_ABBREVIATIONS.bit != 0
                || matches!(place_of(bits), Some(PlaceKind::Region | PlaceKind::Country))
        })
        && toks.get(end + 1).is_some_and(|t| is_cap_word(*t))
    {
        votes[LOC] += VOTES.place_before_region;
    }
    if n == 1
        && prev == ","
        && first_bits & STATE_ABBREVIATIONS.bit != 0
        && start >= 2
        && is_cap_word(toks[start - 2])
    {
        votes[LOC] += VOTES.state_after_place;
    }
    if person_cue {
        votes[PER] += VOTES.title_before;
    }
    if prev_bits & ROLE_WORDS.bit != 0 && !(prev == "president" && prev2 == "vice") {
        votes[PER] += VOTES.role_before;
        role = role.or(Some((start - 1, start)));
    }
    // "Internet company Excite", "publisher HarperCollins".
    if prev_bits & ORG_PRECEDERS.bit != 0 {
        votes[ORG] += VOTES.org_preceder;
    }
    // (A lone given name or surname is no cue where every noun has a
    // capital: German "Anders", "Mai" and "Main" are a word, a month and a
    // river.)
    let name_cue = n >= 2 || !language.capitalises_nouns();
    if first_bits & GIVEN_NAME != 0 && name_cue {
        votes[PER] += if n >= 2 {
            VOTES.given_name_first
        } else {
            VOTES.given_name_alone
        };
    }
    if last_bits & SURNAME != 0 && n <= 3 && name_cue {
        votes[PER] += VOTES.surname_last;
    }
    // "SC Freiburg", "NSW Treasury": an acronym before a word; "Rotor
    // Volgograd": a word before a town (clubs, companies).
    if n == 2
        && token_all_caps(text, toks[a])
        && !token_all_caps(text, toks[a + 1])
        && line.mode == Mode::Prose
    {
        votes[ORG] += VOTES.acronym_then_word;
    }
    if n == 2
        && place_of(last_bits) == Some(PlaceKind::Town)
        && first_bits & (GIVEN_NAME | SURNAME | PLACE) == 0
    {
        votes[ORG] += VOTES.word_then_town;
    }
    // An acronym ("NATO"), not a shouted word ("INSIDE" when the text
    // also has "inside").
    if n == 1 && token_all_caps(text, toks[a]) && line.mode == Mode::Prose && !is_lower_word(first)
    {
        votes[ORG] += VOTES.acronym;
    }
    // Peoples in the plural: "Assyrians", "Israelites".
    if n == 1 && (first.ends_with("ians") || first.ends_with("ites")) {
        votes[MISC] += VOTES.plural_people_ending;
    }
    // (Nor is a preposition where every noun has a capital: German "in
    // Arbeit", "in Betrieb".)
    let preposition_cue = !language.capitalises_nouns();
    if preposition_cue && prev_bits & PLACE_PREPOSITIONS.bit != 0 {
        votes[LOC] += VOTES.place_preposition;
    } else if preposition_cue && prev == "at" {
        votes[LOC] += VOTES.after_at_place;
        votes[ORG] += VOTES.after_at_org;
    }
    if prev == "the" {
        votes[PER] -= VOTES.after_the_not_person;
        if n >= 2 {
            votes[ORG] += VOTES.after_the_org;
        }
    }
    if n <= 3 && next_bits & SPEECH_VERBS.bit != 0 {
        votes[PER] += VOTES.speech_verb_after;
    }
    if next == "," && next2 == "who" {
        votes[PER] += VOTES.who_after;
    }
    if next == ","
        && words
            .get(end + 1)
            .is_some_and(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        && words.get(end + 2).is_some_and(|w| *w == ",")
    {
        votes[PER] += VOTES.age_after;
    }
    // "Microsoft spokesman", "Gazprom's shares".
    let after_possessive = if next == "'" || next == "’" {
        words.get(end + 2).map_or("", |w| w)
    } else {
        ""
    };
    if next_bits & ORG_FOLLOWERS.bit != 0 || in_list(ORG_FOLLOWERS, after_possessive) {
        votes[ORG] += VOTES.org_follower;
    }
    // Sports results: "Lotte 6 Hyundai 2" (teams named after towns are
    // organisations, national teams are countries).
    if line.mode == Mode::Table && is_team_row(toks, end) && votes[PER] < STRONG {
        if place_of(key_bits) == Some(PlaceKind::Country) {
            votes[LOC] += VOTES.team_country;
        } else {
            votes[ORG] += VOTES.team_town;
        }
    }
    if !english && votes.iter().all(|&v| v <= 0.0) {
        return;
    }
    out.push(Candidate {
        line: line_idx,
        first: a,
        end,
        key,
        votes,
        role_only: false,
        sure: false,
        role,
    });
}

/// At most this many words between quote marks make a title.
const MAX_TITLE_WORDS: usize = 6;

/// If token `i` opens a quoted title (capitalised words and small words,
/// the first and last capitalised), the index of the closing quote.
fn quoted_title(text: &str, line: &Line, i: usize) -> Option<usize> {
    let toks = &line.tokens;
    // (Quote marks are punctuation tokens: a word is ruled out first.)
    if toks[i].kind != TokenKind::Punct || !matches!(toks[i].span.slice(text), "\"" | "“") {
        return None;
    }
    let close = (i + 1..toks.len().min(i + MAX_TITLE_WORDS + 2))
        .find(|&k| matches!(toks[k].span.slice(text), "\"" | "”"))?;
    let inner = i + 1..close;
    let all_title = inner
        .clone()
        .all(|k| is_cap_word(toks[k]) || in_list(TITLE_SMALL_WORDS, line.lower[k]));
    let ends_capitalised =
        close > i + 1 && is_cap_word(toks[i + 1]) && is_cap_word(toks[close - 1]);
    // One capitalised word in quotes is a nickname or a scare quote.
    (all_title && ends_capitalised && close - i > 2).then_some(close)
}

/// Whether the run ending at `end` is followed by a score or a standings
/// row: "Lotte 6 Hyundai 2" (two names each followed by a number) or
/// "Haitai 64 2 43 .596" (three numbers or more).
fn is_team_row(toks: &[Token], end: usize) -> bool {
    let is_number = |t: &Token| t.kind == TokenKind::Number;
    let n_after = toks[end..].iter().take_while(|t| is_number(t)).count();
    if n_after == 0 {
        return false;
    }
    // A score or standings row is short: look near the run only.
    let near = &toks[end.saturating_sub(12)..(end + 12).min(toks.len())];
    let n_scored_names = near
        .windows(2)
        .filter(|w| is_cap_word(w[0]) && is_number(&w[1]))
        .count();
    n_after >= 3 || n_scored_names >= 2
}

/// "Iraqis", "Palestinians", "Germans": a demonym plus "s".
fn is_demonym_plural(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|stem| in_list(DEMONYMS, stem))
}

/// "second", "fifth": an ordinal word.
fn is_ordinal(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
    )
}

/// "CDs", "MPs", "CEOs": capitals and a plural "s", a common noun's
/// plural (an organisation's name is not plural).
fn is_plural_acronym(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// "C." or "J.": a single capital with a full stop.
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// "New York-based", "Iranian-backed": the name is only part of a word.
fn is_compound_adjective(w: &str) -> bool {
    // (A byte search: `-` is ASCII, so the byte after it starts a character.)
    let Some(dash) = w.bytes().rposition(|b| b == b'-') else {
        return false;
    };
    match w.as_bytes().get(dash + 1) {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w[dash + 1..].chars().next().is_some_and(char::is_lowercase),
    }
}

fn arg_max(votes: &[f32; 4]) -> Option<usize> {
    let mut best = None;
    let mut best_v = 0.0;
    for (k, &v) in votes.iter().enumerate() {
        if v > best_v {
            best_v = v;
            best = Some(k);
        }
    }
    best
}

/// Document-level decisions: sums each key's votes, links short forms of
/// people's names, applies defaults, matches headlines back.
fn resolve(
    text: &str,
    lines: &[Line],
    candidates: Vec<Candidate>,
    english: bool,
    is_lower_word: &dyn Fn(&str) -> bool,
    mut rows: Option<&mut Vec<(Span, typer::Row, usize)>>,
) -> Vec<NameMention> {
    // Each candidate's key as a number, and each key's summed votes.
    let mut key_numbers: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(candidates.len(), Default::default());
    let mut totals: Vec<[f32; 4]> = Vec::with_capacity(candidates.len());
    let key_number: Vec<usize> = candidates
        .iter()
        .map(|c| {
            let k = *key_numbers.entry(c.key.as_str()).or_insert_with(|| {
                totals.push([0.0; 4]);
                totals.len() - 1
            });
            for (total, vote) in totals[k].iter_mut().zip(c.votes) {
                *total += vote;
            }
            k
        })
        .collect();
    // The words of people's full names, for short forms ("Putin" →
    // "vladimir putin"), with where each full name is first seen.
    let mut people: Vec<PersonWord> = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        let kind = arg_max(&totals[key_number[ci]]).unwrap_or(DEFAULT_MULTI);
        if kind != PER || c.end - c.first < 2 {
            continue;
        }
        for w in c.key.split(' ') {
            if w.chars().count() >= 2 && !in_list(PARTICLES, w) {
                people.push(PersonWord {
                    word: w,
                    full: &c.key,
                    first_idx: ci,
                });
            }
        }
    }
    // Sorted by word for lookups; one entry per (word, full name), the
    // earliest.
    sort::sort_by_key(&mut people, |p| (p.word, p.full, p.first_idx));
    people.dedup_by(|later, first| later.word == first.word && later.full == first.full);
    // What the rules make of each candidate: its kind (`None`: no name)
    // and, for a short form of a person's name, that name's key.
    let decisions: Vec<(Option<usize>, Option<String>)> = candidates
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let votes = totals[key_number[ci]];
            let strong = votes.iter().any(|&v| v >= STRONG);
            let n = c.end - c.first;
            let linked = if strong {
                None
            } else {
                link_person(&c.key, &people, ci)
            };
            let kind = if linked.is_some() {
                PER
            } else if c.role_only {
                return (None, linked);
            } else if let Some(k) = arg_max(&votes) {
                k
            } else if !english {
                return (None, linked);
            } else if n >= LONG_RUN && !c.key.split(' ').any(|w| in_list(PARTICLES, w)) {
                DEFAULT_LONG
            } else if n >= 2 {
                DEFAULT_MULTI
            } else if c.votes == [0.0; 4] && opens_sentence(text, &lines[c.line], c.first) {
                // An unknown word seen only at sentence starts.
                return (None, linked);
            } else {
                DEFAULT_SINGLE
            };
            (Some(kind), linked)
        })
        .collect();
    drop(people);
    // Each candidate's entity: its key's number, or for a short form the
    // number of the full name it stands for ("Arafat" → "yasser arafat"),
    // so that the typer decides a person's forms together.
    let entity_of: Vec<usize> = decisions
        .iter()
        .zip(&key_number)
        .map(|((_, linked), &k)| {
            linked
                .as_deref()
                .and_then(|full| key_numbers.get(full).copied())
                .unwrap_or(k)
        })
        .collect();
    drop(key_numbers);
    // The typer's last word (English only: it learned from English news).
    let n_per_key = key_number
        .iter()
        .fold(vec![0usize; totals.len()], |mut n, &k| {
            n[k] += 1;
            n
        });
    let n_table = lines.iter().filter(|l| l.mode == Mode::Table).count();
    let table_share = n_table as f32 / lines.len().max(1) as f32;
    // Each entity's summed scores over its candidates.
    let mut entity_sums = vec![[0.0f32; typer::N_CLASSES]; totals.len()];
    if english {
        for (ci, (c, (rule_kind, linked))) in candidates.iter().zip(&decisions).enumerate() {
            let k = key_number[ci];
            let row = typer_row(
                text,
                lines,
                c,
                *rule_kind,
                linked.is_some(),
                &totals[k],
                n_per_key[k],
                table_share,
                is_lower_word,
            );
            if let Some(rows) = rows.as_deref_mut() {
                rows.push((candidate_span(lines, c), row, entity_of[ci]));
            }
            for (sum, p) in entity_sums[entity_of[ci]]
                .iter_mut()
                .zip(typer::scores(&row))
            {
                *sum += p;
            }
        }
    }
    // Whether any rule found evidence for an entity, or it has two words.
    // And whether a name of several words without evidence ends in a word
    // the text writes in small letters, not a surname ("Buy Now", "Meal
    // Plan", "Insein Prison"): no person's name (`COMMON_TAIL`).
    let mut evidence = vec![false; totals.len()];
    let mut common_tail = vec![false; totals.len()];
    for (ci, c) in candidates.iter().enumerate() {
        let k = entity_of[ci];
        let unproven = totals[key_number[ci]] == [0.0; 4];
        evidence[k] |= !unproven || c.end - c.first >= 2;
        common_tail[k] |=
            c.end - c.first >= 2 && unproven && has_common_end_word(&c.key, is_lower_word);
    }
    let kinds: Vec<Option<usize>> = decisions
        .iter()
        .zip(&entity_of)
        .zip(&candidates)
        .map(|(((rule_kind, _), &k), c)| {
            // (A person's name with a particle, "Joost van der Westhuizen",
            // is as sure: the particles join only names of people.)
            let particle_person =
                *rule_kind == Some(PER) && c.key.split(' ').skip(1).any(|w| in_list(PARTICLES, w));
            if !english || c.sure || particle_person {
                return *rule_kind;
            }
            match typer::best(&entity_sums[k]) {
                typer::NONE => None,
                ORG if !evidence[k] => Some(UNPROVEN_ORG),
                PER if common_tail[k] => Some(COMMON_TAIL),
                class => Some(class),
            }
        })
        .collect();
    // (The candidates' keys move into the mentions.)
    let mut out: Vec<NameMention> = Vec::with_capacity(candidates.len());
    for ((c, (_, linked)), kind) in candidates.into_iter().zip(decisions).zip(kinds) {
        let Some(kind) = kind else {
            continue;
        };
        // (A short form keeps its person's key only as a person.)
        let linked = linked.filter(|_| kind == PER);
        let line = &lines[c.line];
        let role = c.role.filter(|_| kind == PER).map(|(first, end)| {
            Span::new(line.tokens[first].span.start, line.tokens[end - 1].span.end)
        });
        out.push(NameMention {
            span: Span::new(
                line.tokens[c.first].span.start,
                line.tokens[c.end - 1].span.end,
            ),
            sentence_idx: line.sentence_idx,
            kind: KINDS[kind],
            entity_key: linked.unwrap_or(c.key),
            n_tokens: c.end - c.first,
            from_headline: false,
            role,
        });
    }
    // Sentence-start words that are capitalised elsewhere: keep only those
    // whose key was found elsewhere as a name (handled above by the
    // totals); drop the rest.
    out.retain(|m| !m.entity_key.is_empty());
    match_headlines(text, lines, is_lower_word, &mut out);
    // In text order, no two overlapping (the earlier, then longer, wins).
    sort::sort_by_key(&mut out, |m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<NameMention> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_none_or(|p| p.span.end <= m.span.start) {
            kept.push(m);
        }
    }
    kept
}

/// The span of candidate `c`'s words.
fn candidate_span(lines: &[Line], c: &Candidate) -> Span {
    let line = &lines[c.line];
    Span::new(
        line.tokens[c.first].span.start,
        line.tokens[c.end - 1].span.end,
    )
}

/// Candidate `c`'s typer row ([`typer::FEATURES`]), from the rules' answer
/// (`rule_kind`, `linked`), its key's summed `votes` and number of
/// candidates, the share of table lines in the document, and the words the
/// document writes in small letters.
#[allow(clippy::too_many_arguments)]
fn typer_row(
    text: &str,
    lines: &[Line],
    c: &Candidate,
    rule_kind: Option<usize>,
    linked: bool,
    votes: &[f32; 4],
    n_key: usize,
    table_share: f32,
    is_lower_word: &dyn Fn(&str) -> bool,
) -> typer::Row {
    let line = &lines[c.line];
    let words = &line.lower[c.first..c.end];
    let n = words.len();
    let span_text = candidate_span(lines, c).slice(text);
    let key_bits = word_bits(&c.key);
    let first_bits = word_bits(words[0]);
    let last_bits = word_bits(words[n - 1]);
    let place = place_of(key_bits);
    let flag = |b: bool| f32::from(u8::from(b));
    let vote = |v: f32| (v / 5.0).clamp(-1.0, 2.0);
    let word_at = |k: Option<usize>| k.and_then(|k| line.lower.get(k)).copied().unwrap_or("");
    let kind_at = |k: Option<usize>| k.and_then(|k| line.tokens.get(k)).map(|t| t.kind);
    let last = words[n - 1];
    let suffix = last
        .char_indices()
        .rev()
        .nth(2)
        .map_or(last, |(i, _)| &last[i..]);
    let mut shape = String::with_capacity(2 * n);
    for t in &line.tokens[c.first..c.end] {
        let s = t.span.slice(text);
        shape.push_str(if t.kind == TokenKind::Number {
            "9"
        } else if s.ends_with('.') {
            "X."
        } else if token_all_caps(text, *t) {
            "X"
        } else if t.capitalised {
            "Xx"
        } else {
            "x"
        });
    }
    let lex = [
        words[0],
        last,
        word_at(c.first.checked_sub(1)),
        word_at(Some(c.end)),
        word_at(c.first.checked_sub(2)),
        suffix,
        &shape,
    ];
    let dense = [
        1.0,
        flag(rule_kind == Some(PER)),
        flag(rule_kind == Some(ORG)),
        flag(rule_kind == Some(LOC)),
        flag(rule_kind == Some(MISC)),
        flag(rule_kind.is_none()),
        vote(votes[PER]),
        vote(votes[ORG]),
        vote(votes[LOC]),
        vote(votes[MISC]),
        flag(votes.iter().any(|&v| v >= STRONG)),
        flag(linked),
        flag(n == 1),
        flag(n == 2),
        flag(n >= 3),
        flag(is_sentence_start(line, c.first)),
        flag(token_all_caps(text, line.tokens[c.first])),
        flag(line.mode == Mode::Table),
        table_share,
        flag(place.is_some()) * table_share,
        flag(place == Some(PlaceKind::Country)),
        flag(place == Some(PlaceKind::Region)),
        flag(place == Some(PlaceKind::Town)),
        flag(first_bits & GIVEN_NAME != 0),
        flag(last_bits & SURNAME != 0),
        flag(key_bits & KNOWN_ORGS.bit != 0),
        flag(n >= 2 && words.iter().any(|w| word_bits(w) & PLACE != 0)),
        flag(n_key >= 2),
        flag(span_text.bytes().any(|b| b.is_ascii_digit())),
        flag(span_text.contains('-')),
        flag(span_text.contains('.')),
        flag(is_lower_word(words[0])),
        flag(c.role_only),
        flag((first_bits | last_bits) & DEMONYMS.bit != 0 || is_demonym_plural(words[n - 1])),
        flag(last_bits & ORG_SUFFIXES.bit != 0),
        flag(first_bits & ORG_HEADS.bit != 0),
        flag(words.iter().any(|w| in_list(PARTICLES, w))),
        flag(
            words
                .iter()
                .any(|w| matches!(*w, "of" | "and" | "for" | "&")),
        ),
        flag(kind_at(c.first.checked_sub(1)) == Some(TokenKind::Number)),
        flag(kind_at(Some(c.end)) == Some(TokenKind::Number)),
        flag(
            line.tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Number)
                .nth(1)
                .is_some(),
        ),
    ];
    typer::Row {
        dense,
        lex: std::array::from_fn(|t| typer::lex_bucket(t, lex[t])),
    }
}

/// Whether the last or first word of `key` (a name's lower-case words) is
/// one the text writes in small letters (`is_lower_word`) and no surname
/// (nor, first, a given name or particle): "buy now", "interactive bafta";
/// not "john rose" where the text has a rose, "mark zuckerberg" where it
/// has a mark ([`WORD_GIVEN_NAMES`]), "van gaal" (`COMMON_TAIL`).
fn has_common_end_word(key: &str, is_lower_word: &dyn Fn(&str) -> bool) -> bool {
    let first = key.split(' ').next().unwrap_or("");
    let last = key.rsplit(' ').next().unwrap_or("");
    (is_lower_word(last) && word_bits(last) & SURNAME == 0)
        || (is_lower_word(first)
            && word_bits(first) & (SURNAME | GIVEN_NAME | PARTICLES.bit) == 0
            && WORD_GIVEN_NAMES.binary_search(&first).is_err())
}

/// Whether only punctuation comes before token `k` of `line`.
fn is_sentence_start(line: &Line, k: usize) -> bool {
    let first_word = line.tokens.iter().position(|t| t.kind != TokenKind::Punct);
    first_word.is_none_or(|w| k <= w)
}

/// Whether `word` (lower case) is a legal form ([`LEGAL_FORMS`]).
fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.binary_search(&word).is_ok()
}

/// Whether token `k` of `line` is a legal form with its period ("Co.",
/// "Corp.", "Inc."), after which a sentence may have ended unsplit.
fn is_legal_form_with_period(line: &Line, k: usize) -> bool {
    line.lower
        .get(k)
        .is_some_and(|w| w.ends_with('.') && is_legal_form(w))
}

/// Whether token `k` of `line` is capitalised as any sentence's first word
/// is: "Since invading...", "Analysts said"; after a dash, colon or opening
/// quote (one touching the word) too: `he thought, "Wow!"`; and after a
/// legal form with its period ("General Electric Co. Combined billings").
fn opens_sentence(text: &str, line: &Line, k: usize) -> bool {
    is_sentence_start(line, k)
        || (k > 0 && is_legal_form_with_period(line, k - 1))
        || (k > 0 && {
            let (prev, t) = (line.tokens[k - 1], line.tokens[k]);
            let p = prev.span.slice(text);
            let touching = prev.span.end == t.span.start;
            matches!(p, "“" | "‘" | "`" | ":" | "(" | "—" | "–" | "-" | ";" | "…")
                || (matches!(p, "\"" | "'") && touching)
        })
}

/// One word of a person's full name.
struct PersonWord<'c> {
    word: &'c str,
    full: &'c str,
    /// Index of the candidate where the full name is first seen.
    first_idx: usize,
}

/// The full key of the person whose name `key` is a short form of ("putin",
/// or the tail "van der westhuizen"), preferring the first such person
/// named before candidate `ci` (news introduces its main subject first),
/// else the first one named after it.
/// `people` is sorted by word.
fn link_person(key: &str, people: &[PersonWord], ci: usize) -> Option<String> {
    let is_short_form = |p: &&PersonWord| {
        if key.bytes().any(|b| b == b' ') {
            p.full.len() > key.len()
                && p.full.ends_with(key)
                && p.full.as_bytes()[p.full.len() - key.len() - 1] == b' '
        } else {
            p.word == key && p.full != key
        }
    };
    let last = key
        .bytes()
        .rposition(|b| b == b' ')
        .map_or(key, |space| &key[space + 1..]);
    let lo = people.partition_point(|p| p.word < last);
    people[lo..]
        .iter()
        .take_while(|p| p.word == last)
        .filter(is_short_form)
        .min_by_key(|p| (p.first_idx > ci, p.first_idx))
        .map(|p| p.full.to_owned())
}
