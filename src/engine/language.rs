//! Language detection and per-language word tables.
//!
//! Detection is deliberately small (it ships in the wasm): the script of the
//! letters decides first (CJK, Cyrillic, Arabic, ...); Latin-script text is
//! then told apart by which language's function words it uses most. "Cannot
//! decide" is [`Language::Other`], which still summarises (no stop words, no
//! stemmer; CJK text is compared by character bigrams).

use super::text::{ascii_prefix_len, is_letter, push_lowercase};
use super::word_list::{words, Words};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Dutch,
    Russian,
    /// Chinese, Japanese or Korean: no spaces between words.
    Cjk,
    Other,
}

impl Language {
    /// ISO 639-1 code, or `"cjk"` / `"und"` (undetermined).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Russian => "ru",
            Language::Cjk => "cjk",
            Language::Other => "und",
        }
    }

    /// The name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "German",
            Language::French => "French",
            Language::Spanish => "Spanish",
            Language::Italian => "Italian",
            Language::Portuguese => "Portuguese",
            Language::Dutch => "Dutch",
            Language::Russian => "Russian",
            Language::Cjk => "Chinese/Japanese/Korean",
            Language::Other => "Undetermined",
        }
    }

    pub(crate) fn stop_words(self) -> Words {
        match self {
            Language::English => EN,
            Language::German => DE,
            Language::French => FR,
            Language::Spanish => ES,
            Language::Italian => IT,
            Language::Portuguese => PT,
            Language::Dutch => NL,
            Language::Russian => RU,
            Language::Cjk | Language::Other => words![],
        }
    }

    /// Whether the language capitalises every noun (German), so that a
    /// capital is no sign of a name.
    pub fn capitalises_nouns(self) -> bool {
        self == Language::German
    }

    /// Whether `lower_word` (lower case) is one of this language's function words.
    pub fn is_stop_word(self, lower_word: &str) -> bool {
        // A hash set per language, built on first use: the lists are scanned
        // once per word of the text, so a linear `contains` showed in profiles.
        static SETS: [OnceLock<FxHashSet<&'static str>>; 10] = [const { OnceLock::new() }; 10];
        SETS[self as usize]
            .get_or_init(|| self.stop_words().iter().collect())
            .contains(lower_word)
    }

    pub(crate) fn stemmer(self) -> Option<Stemmer> {
        let algorithm = match self {
            Language::English => Algorithm::English,
            Language::German => Algorithm::German,
            Language::French => Algorithm::French,
            Language::Spanish => Algorithm::Spanish,
            Language::Italian => Algorithm::Italian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Dutch => Algorithm::Dutch,
            Language::Russian => Algorithm::Russian,
            Language::Cjk | Language::Other => return None,
        };
        Some(Stemmer::create(algorithm))
    }
}

const LATIN: [Language; 7] = [
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
];

/// How many characters detection looks at: enough for any article's voice.
const DETECT_CHARS: usize = 20_000;

/// Detects the language of `text` from its first [`DETECT_CHARS`]
/// characters: by the scripts of its letters, then the function words.
pub fn detect_language(text: &str) -> Language {
    // (No text of at most DETECT_CHARS bytes has more characters.)
    let sample: &str = if text.len() > DETECT_CHARS {
        text.char_indices()
            .nth(DETECT_CHARS)
            .map_or(text, |(i, _)| &text[..i])
    } else {
        text
    };
    let (mut latin, mut cyrillic, mut cjk, mut other) = (0usize, 0usize, 0usize, 0usize);
    // (ASCII letters are Latin, and most characters of a Latin text are
    // ASCII: those are counted by byte, the others decoded.)
    let mut rest = sample;
    loop {
        let ascii_len = ascii_prefix_len(rest);
        latin += rest.as_bytes()[..ascii_len]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count();
        rest = &rest[ascii_len..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        if !is_letter(c) {
            continue;
        }
        match c as u32 {
            0x0041..=0x024F => latin += 1,
            0x0400..=0x04FF => cyrillic += 1,
            0x3040..=0x30FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF => cjk += 1,
            _ => other += 1,
        }
    }
    let total = latin + cyrillic + cjk + other;
    if total == 0 {
        return Language::Other;
    }
    // CJK characters carry a word's worth each, so a third of them is enough.
    if cjk * 3 >= total {
        return Language::Cjk;
    }
    if cyrillic * 2 >= total {
        return if count_stop_words(sample).0[Language::Russian as usize] >= 2 {
            Language::Russian
        } else {
            Language::Other
        };
    }
    if latin * 2 < total {
        return Language::Other;
    }
    let (hits, small_words) = count_stop_words(sample);
    let best = best_latin(&hits);
    // A long text with few of that language's function words for its
    // number of short words is another language that shares a few of them
    // (Indonesian's "dan", "di", "ini" read as Dutch or English).
    let share = hits.get(best as usize).copied().unwrap_or(0) as f32 / small_words.max(1) as f32;
    if small_words >= MIN_SMALL_WORDS && share < MIN_FUNCTION_SHARE {
        return Language::Other;
    }
    best
}

/// A text with at least this many words of one to three letters...
const MIN_SMALL_WORDS: usize = 200;
/// ...has at least this many of its language's function words per such
/// word: on the dev pastes and the first 300 texts of every news and
/// entity set here, every text in a detected language has 0.52 or more,
/// and the two Indonesian pastes 0.18 and 0.24 (function words of any
/// length over words of one to three letters).
const MIN_FUNCTION_SHARE: f32 = 0.35;

/// The Latin-script language with the most function words (at least 2).
fn best_latin(hits: &[usize; N_LANGUAGES]) -> Language {
    let mut best = (0usize, Language::Other);
    for lang in LATIN {
        if hits[lang as usize] > best.0 {
            best = (hits[lang as usize], lang);
        }
    }
    if best.0 >= 2 {
        best.1
    } else {
        Language::Other
    }
}

/// How many words of `sample` are function words, per language (indexed by
/// `Language as usize`), and how many words of one to three letters it
/// has. The words are runs of letters (`char::is_alphabetic`), each
/// lower-cased (on the stack when ASCII) and looked up once in one table of
/// every language's function words: detection used to scan the sample once
/// per language, lower-casing each word into a new
/// `String` every time, which was 17% of `summarize` on a 3 KB article
/// (bench/RESULTS.md).
fn count_stop_words(sample: &str) -> ([usize; N_LANGUAGES], usize) {
    let table = stop_word_languages();
    let bytes = sample.as_bytes();
    let mut hits = [0usize; N_LANGUAGES];
    let mut small_words = 0;
    let mut lower = String::new();
    // A letter beyond ASCII at byte `i` (a char boundary): its length.
    let letter_beyond_ascii = |i: usize| {
        let c = sample.get(i..)?.chars().next()?;
        is_letter(c).then(|| c.len_utf8())
    };
    let mut i = 0;
    while i < bytes.len() {
        // A word: a run of letters, ASCII ones read as bytes.
        let start = i;
        loop {
            match bytes.get(i) {
                Some(b) if b.is_ascii_alphabetic() => i += 1,
                Some(b) if !b.is_ascii() => match letter_beyond_ascii(i) {
                    Some(len) => i += len,
                    None => break,
                },
                _ => break,
            }
        }
        if i == start {
            // Not a letter: the next character.
            i += sample
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        let Some(word) = sample
            .get(start..i)
            .filter(|w| w.len() <= MAX_STOP_WORD_BYTES)
        else {
            continue;
        };
        small_words += usize::from(word.len() <= 3 || word.chars().nth(3).is_none());
        // (Lower-cased on the stack when ASCII, as most words are.)
        let mut buf = [0u8; MAX_STOP_WORD_BYTES];
        let key: &[u8] = if word.is_ascii() {
            let key = &mut buf[..word.len()];
            key.copy_from_slice(word.as_bytes());
            key.make_ascii_lowercase();
            key
        } else {
            lower.clear();
            push_lowercase(&mut lower, word);
            lower.as_bytes()
        };
        if let Some(&mask) = table.get(key) {
            add_hits(&mut hits, mask);
        }
    }
    (hits, small_words)
}

/// Adds one to the count of each language in `mask`.
fn add_hits(hits: &mut [usize; N_LANGUAGES], mut mask: u16) {
    while mask != 0 {
        hits[mask.trailing_zeros() as usize] += 1;
        mask &= mask - 1;
    }
}

/// Longer words are not looked up: no function word is this long.
const MAX_STOP_WORD_BYTES: usize = 12;

const N_LANGUAGES: usize = Language::Other as usize + 1;

/// Every function word of every language, with the set of languages (a bit
/// per `Language as usize`) whose list holds it.
fn stop_word_languages() -> &'static FxHashMap<&'static [u8], u16> {
    static TABLE: OnceLock<FxHashMap<&'static [u8], u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for lang in LATIN.into_iter().chain([Language::Russian]) {
            for word in lang.stop_words().iter() {
                *table.entry(word.as_bytes()).or_insert(0) |= 1 << lang as usize;
            }
        }
        table
    })
}

// Function-word lists: written for this project from general knowledge of
// each language (no third-party list copied). They serve detection and
// scoring, so they hold the most frequent words, not every one.
const EN: Words = words![
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "new",
    "one",
    "two",
    "year",
    "years",
    "last",
    "told",
    "may",
    "like",
    "get",
    "got",
    "also",
    "according",
    "around",
    "since",
    "still",
    "being",
    "many",
    "much",
    "even",
    "well",
    "back",
    "way",
];
const DE: Words = words![
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "einer", "eines",
    "den", "dem", "des", "zu", "mit", "sich", "auf", "für", "von", "im", "sie", "es", "er", "auch",
    "wie", "bei", "aus", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "sind",
    "war", "waren", "noch", "nach", "um", "über", "vor", "durch", "so", "dass", "aber", "oder",
    "wenn", "nur", "als", "am", "an", "ich", "wir", "ihr", "man", "mehr", "schon", "sein", "seine",
    "ihre", "diese", "dieser", "dieses", "kann", "können", "soll", "sollen", "muss", "bis", "zum",
    "zur", "gegen", "ohne", "unter", "sagte", "jahr", "jahren", "sei", "keine", "kein", "was",
    "wer", "wo", "doch", "da", "hier", "dann",
];
const FR: Words = words![
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans",
    "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "ces", "il", "elle", "ils", "elles",
    "nous", "vous", "je", "se", "sa", "son", "ses", "leur", "leurs", "mais", "ou", "où", "par",
    "plus", "ne", "été", "être", "avoir", "ont", "a", "était", "sont", "fait", "comme", "aussi",
    "tout", "tous", "très", "sans", "entre", "après", "avant", "depuis", "selon", "lors", "dont",
    "même", "ans", "année", "a-t-il", "l", "d", "qu", "n", "s", "c", "j", "y", "si", "on",
];
const ES: Words = words![
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "unos", "unas", "es",
    "por", "con", "para", "se", "no", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha",
    "han", "son", "está", "están", "este", "esta", "estos", "estas", "ese", "esa", "le", "les",
    "ya", "o", "entre", "cuando", "muy", "sin", "sobre", "también", "hasta", "desde", "durante",
    "donde", "quien", "porque", "según", "años", "año", "era", "ser", "hay", "dijo", "tiene",
    "todo", "todos", "nos", "yo", "él", "ella", "ellos",
];
const IT: Words = words![
    "il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "delle", "degli", "e", "è",
    "un", "uno", "una", "in", "che", "per", "non", "con", "su", "sul", "sulla", "da", "dal",
    "dalla", "al", "alla", "ai", "si", "come", "ma", "più", "anche", "sono", "stato", "stata",
    "era", "essere", "ha", "hanno", "questo", "questa", "quello", "quella", "tra", "fra", "se",
    "o", "ci", "ne", "nel", "nella", "nei", "loro", "lui", "lei", "dopo", "anni", "anno", "ancora",
    "molto", "tutto", "tutti", "secondo", "detto", "cui", "quando",
];
const PT: Words = words![
    "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "é", "um", "uma", "em", "no", "na",
    "nos", "nas", "que", "para", "por", "com", "não", "se", "ao", "aos", "mais", "mas", "como",
    "foi", "são", "ser", "está", "estão", "seu", "sua", "seus", "suas", "ele", "ela", "eles",
    "elas", "isso", "este", "esta", "esse", "essa", "também", "já", "entre", "quando", "muito",
    "sem", "sobre", "até", "depois", "anos", "ano", "tem", "têm", "há", "pelo", "pela", "pelos",
    "pelas", "disse", "ou", "onde", "quem",
];
const NL: Words = words![
    "de", "het", "een", "en", "van", "in", "is", "dat", "die", "op", "te", "voor", "met", "zijn",
    "niet", "aan", "er", "om", "ook", "als", "bij", "of", "door", "maar", "uit", "nog", "naar",
    "dan", "wel", "was", "werd", "worden", "wordt", "heeft", "hebben", "had", "hij", "zij", "ze",
    "we", "wij", "ik", "je", "u", "deze", "dit", "geen", "meer", "kan", "zou", "over", "tot", "na",
    "jaar", "jaren", "zei", "hun", "haar", "ons", "omdat", "toen", "nu", "al", "wat", "wie",
    "waar", "onder", "tegen",
];
const RU: Words = words![
    "и",
    "в",
    "во",
    "не",
    "что",
    "он",
    "на",
    "я",
    "с",
    "со",
    "как",
    "а",
    "то",
    "все",
    "она",
    "так",
    "его",
    "но",
    "да",
    "ты",
    "к",
    "у",
    "же",
    "вы",
    "за",
    "бы",
    "по",
    "только",
    "ее",
    "её",
    "мне",
    "было",
    "вот",
    "от",
    "меня",
    "еще",
    "ещё",
    "нет",
    "о",
    "из",
    "ему",
    "теперь",
    "когда",
    "даже",
    "ну",
    "ли",
    "если",
    "уже",
    "или",
    "ни",
    "быть",
    "был",
    "была",
    "были",
    "него",
    "до",
    "вас",
    "нибудь",
    "уж",
    "вам",
    "сказал",
    "ведь",
    "там",
    "потом",
    "себя",
    "ничего",
    "ей",
    "может",
    "они",
    "тут",
    "где",
    "есть",
    "надо",
    "ней",
    "для",
    "мы",
    "тебя",
    "их",
    "чем",
    "сам",
    "без",
    "будто",
    "чего",
    "раз",
    "тоже",
    "себе",
    "под",
    "будет",
    "этот",
    "это",
    "эти",
    "того",
    "этого",
    "при",
    "также",
    "года",
    "году",
    "лет",
    "который",
    "которые",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_stop_word` is each language's list: on every word of every list,
    /// and on each with a byte added or taken off, or in capitals.
    #[test]
    fn is_stop_word_is_its_list() {
        let languages: Vec<Language> = LATIN
            .into_iter()
            .chain([Language::Russian, Language::Cjk, Language::Other])
            .collect();
        let mut words: Vec<String> = vec![String::new(), "\0".into(), "a\0b".into()];
        for &lang in &languages {
            for w in lang.stop_words().iter() {
                words.push(w.to_owned());
                words.push(w.to_uppercase());
                words.push(w.chars().skip(1).collect());
                for extra in ["\0", "\0\0", "s", "x", "'"] {
                    words.push(format!("{w}{extra}"));
                    words.push(format!("{extra}{w}"));
                }
            }
        }
        for &lang in &languages {
            for w in &words {
                let listed = lang.stop_words().iter().any(|s| s == w);
                assert_eq!(lang.is_stop_word(w), listed, "{lang:?} {w:?}");
            }
        }
    }

    /// Function words count in any case, among characters of any script,
    /// and not when glued to other letters.
    #[test]
    fn stop_words_count_in_any_case() {
        let en = |s: &str| count_stop_words(s).0[Language::English as usize];
        assert_eq!(en("The THE the tHe; of-and"), 6);
        assert_eq!(en("thethe xthe thes théthe “the” — Über the"), 2);
        assert_eq!(en("supercalifragilisticexpialidocious"), 0);
        let de = |s: &str| count_stop_words(s).0[Language::German as usize];
        assert_eq!(de("ÜBER über Über für"), 4);
    }

    /// Issue 20: Indonesian pastes were read as Dutch (a few function
    /// words shared: "dan", "di", "ini"), and cleaned with Dutch stop words.
    #[test]
    fn a_long_text_of_few_known_function_words_is_another_language() {
        let indonesian = "Pada hari ini ada banyak orang yang datang ke kota dan di sana \
            mereka bisa makan dan minum. Ini adalah hal yang baik bagi kita semua, \
            dan itu juga tak ada yang bisa ia lihat dari sini. Apa itu? Ya, itu dia. ";
        let english = "On the day he said that it was not the end of the plan, and if we \
            do it now we may be in time for all of them to see it. So it is, as he \
            has to go to the city by car or on foot with you and me. ";
        let times = |s: &str, n: usize| s.repeat(n);
        assert_eq!(detect_language(&times(indonesian, 12)), Language::Other);
        assert_eq!(detect_language(&times(english, 12)), Language::English);
        // A short text is read by its function words alone.
        assert_ne!(detect_language(indonesian), Language::Other);
    }

    #[test]
    fn detects_languages() {
        let table = [
            (
                "The minister said that the plan would be ready by the end of the year.",
                Language::English,
            ),
            (
                "Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein wird.",
                Language::German,
            ),
            (
                "Le ministre a dit que le plan serait prêt avant la fin de l'année.",
                Language::French,
            ),
            (
                "El ministro dijo que el plan estará listo antes del final del año.",
                Language::Spanish,
            ),
            (
                "Il ministro ha detto che il piano sarà pronto entro la fine dell'anno.",
                Language::Italian,
            ),
            (
                "O ministro disse que o plano estará pronto até o final do ano.",
                Language::Portuguese,
            ),
            (
                "De minister zei dat het plan voor het einde van het jaar klaar is.",
                Language::Dutch,
            ),
            (
                "Министр сказал, что план будет готов до конца года.",
                Language::Russian,
            ),
            ("大臣は計画が年末までに準備できると述べた。", Language::Cjk),
            ("", Language::Other),
            ("12345 67890", Language::Other),
            ("مرحبا بالعالم هذا نص عربي", Language::Other),
        ];
        for (text, expected) in table {
            assert_eq!(detect_language(text), expected, "detecting {text:?}");
        }
    }
}
