//! Language detection and per-language word tables.
//!
//! Detection is deliberately small (it ships in the wasm): the script of the
//! letters decides first (CJK, Cyrillic, Arabic, ...); Latin-script text is
//! then told apart by which language's function words it uses most. "Cannot
//! decide" is [`Language::Other`], which still summarises (no stop words, no
//! stemmer; CJK text is compared by character bigrams).

use super::text::{ascii_prefix_len, first_non_ascii, is_letter, push_lowercase};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => EN,
            Language::German => DE,
            Language::French => FR,
            Language::Spanish => ES,
            Language::Italian => IT,
            Language::Portuguese => PT,
            Language::Dutch => NL,
            Language::Russian => RU,
            Language::Cjk | Language::Other => &[],
        }
    }

    /// Whether `lower_word` (lower case) is one of this language's function words.
    pub fn is_stop_word(self, lower_word: &str) -> bool {
        // A hash set per language, built on first use: the lists are scanned
        // once per word of the text, so a linear `contains` showed in profiles.
        // Each with the shapes of its words (see [`Shapes`]): most content
        // words are ruled out without a lookup.
        static SETS: [OnceLock<(FxHashSet<&'static str>, Shapes)>; 10] =
            [const { OnceLock::new() }; 10];
        let (set, shapes) = SETS[self as usize].get_or_init(|| {
            let set: FxHashSet<&'static str> = self.stop_words().iter().copied().collect();
            let shapes = Shapes::of(set.iter().map(|w| w.as_bytes()));
            (set, shapes)
        });
        shapes.might_hold(lower_word.as_bytes()) && set.contains(lower_word)
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

/// Detects the language of `text` from its first [`DETECT_CHARS`] characters.
pub fn detect_language(text: &str) -> Language {
    // ASCII (most English news): characters are bytes and every letter is
    // Latin, so only the function words decide (as below, without decoding).
    let head = &text.as_bytes()[..text.len().min(DETECT_CHARS)];
    if head.is_ascii() {
        if !head.iter().any(u8::is_ascii_alphabetic) {
            return Language::Other;
        }
        let sample = &text[..head.len()];
        return best_latin(&count_stop_words(sample));
    }
    // (No text of at most DETECT_CHARS bytes has more characters.)
    let sample: &str = if text.len() > DETECT_CHARS {
        text.char_indices()
            .nth(DETECT_CHARS)
            .map_or(text, |(i, _)| &text[..i])
    } else {
        text
    };
    // English with curly quotes, dashes or a currency sign: when no
    // character outside ASCII is a letter, every letter is Latin and the
    // words are the ASCII path's (the other characters part words in
    // both), so that path decides.
    let mut rest = sample;
    let ascii_letters_only = loop {
        let Some(at) = first_non_ascii(rest.as_bytes()) else {
            break true;
        };
        let mut chars = rest[at..].chars();
        if chars.next().is_some_and(is_letter) {
            break false;
        }
        rest = chars.as_str();
    };
    if ascii_letters_only {
        if !sample.bytes().any(|b| b.is_ascii_alphabetic()) {
            return Language::Other;
        }
        return best_latin(&count_ascii_stop_words(sample.as_bytes()));
    }
    detect_by_scripts(sample)
}

/// [`detect_language`] for a sample with letters outside ASCII: by the
/// scripts of its letters, then the function words.
fn detect_by_scripts(sample: &str) -> Language {
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
        if !c.is_alphabetic() {
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
        return if count_stop_words(sample)[Language::Russian as usize] >= 2 {
            Language::Russian
        } else {
            Language::Other
        };
    }
    if latin * 2 < total {
        return Language::Other;
    }
    best_latin(&count_stop_words(sample))
}

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
/// `Language as usize`).
///
/// One pass over the sample and one table lookup per word: detection used
/// to scan the sample once per language, lower-casing each word into a new
/// `String` every time, which was 17% of `summarize` on a 3 KB article
/// (bench/RESULTS.md). ASCII samples (most English news) go through
/// [`count_ascii_stop_words`].
fn count_stop_words(sample: &str) -> [usize; N_LANGUAGES] {
    if sample.is_ascii() {
        count_ascii_stop_words(sample.as_bytes())
    } else {
        count_any_stop_words(sample)
    }
}

/// [`count_stop_words`] for any text: the words are runs of letters
/// (`char::is_alphabetic`), found a byte at a time where the text is ASCII
/// and a character at a time elsewhere. ASCII words (most words of Latin
/// scripts) are looked up as in [`count_ascii_stop_words`], by one number
/// lower-cased by a mask; the others lower-cased, by their text.
fn count_any_stop_words(sample: &str) -> [usize; N_LANGUAGES] {
    let table = stop_word_languages();
    let ascii_table = ascii_stop_word_languages();
    let bytes = sample.as_bytes();
    let mut hits = [0usize; N_LANGUAGES];
    let mut lower = String::new();
    // The letter at byte `i`, if it is one: its length and whether it is ASCII.
    let letter_at = |i: usize| -> Option<(usize, bool)> {
        match bytes.get(i)? {
            b if b.is_ascii() => b.is_ascii_alphabetic().then_some((1, true)),
            _ => {
                let c = sample.get(i..)?.chars().next()?;
                c.is_alphabetic().then_some((c.len_utf8(), false))
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let Some((len, ascii)) = letter_at(i) else {
            i += sample
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        };
        let start = i;
        let mut all_ascii = ascii;
        i += len;
        while let Some((len, ascii)) = letter_at(i) {
            all_ascii &= ascii;
            i += len;
        }
        let word = &sample[start..i];
        if word.len() > MAX_STOP_WORD_BYTES {
            continue;
        }
        let mask = if all_ascii {
            ascii_table.get(&ascii_key(word.as_bytes(), &bytes[start..]))
        } else if super::swar::all_ascii_lowercase(word.as_bytes()) {
            table.get(word)
        } else {
            lower.clear();
            push_lowercase(&mut lower, word);
            table.get(lower.as_str())
        };
        if let Some(&mask) = mask {
            add_hits(&mut hits, mask);
        }
    }
    hits
}

/// [`count_stop_words`] for ASCII text: the same words (runs of ASCII
/// letters, as `char::is_alphabetic` gives on ASCII) and the same table,
/// with each word lower-cased and packed into an integer as it is read, so
/// a lookup hashes one number instead of a string (the string version was
/// 6% of `summarize` on a 3 KB article).
fn count_ascii_stop_words(sample: &[u8]) -> [usize; N_LANGUAGES] {
    let table = ascii_stop_word_languages();
    let shapes = ascii_stop_word_shapes();
    let mut hits = [0usize; N_LANGUAGES];
    let n = sample.len();
    let mut look_up = |start: usize, end: usize| {
        let word = &sample[start..end];
        if word.len() <= MAX_STOP_WORD_BYTES && shapes.might_hold(word) {
            if let Some(&mask) = table.get(&ascii_key(word, &sample[start..])) {
                add_hits(&mut hits, mask);
            }
        }
    };
    // The words are found 64 bytes at a time: one bit per byte, set for a
    // letter; a bit that differs from the one before it starts or ends a
    // word.
    let mut open: Option<usize> = None;
    // Bit 0: whether the byte before the block is a letter.
    let mut before = 0u64;
    let mut offset = 0;
    while offset < n {
        let len = (n - offset).min(64);
        let letters = ascii_letter_bits(&sample[offset..offset + len]);
        // (In a last, shorter block, the bit after its last byte ends the
        // word that byte is in.)
        let mut edges = letters ^ ((letters << 1) | before);
        while edges != 0 {
            let i = offset + edges.trailing_zeros() as usize;
            edges &= edges - 1;
            match open.take() {
                None => open = Some(i),
                Some(start) => look_up(start, i),
            }
        }
        before = letters >> 63;
        offset += len;
    }
    if let Some(start) = open {
        look_up(start, n);
    }
    hits
}

/// Bit `i` set when `block[i]` (at most 64 bytes) is an ASCII letter: eight
/// bytes at a time, each lower-cased (bit 5 set) and tested for `a`..=`z`
/// ([`super::swar::bytes_in`]); a byte with bit 7 set is not ASCII, so no
/// letter.
fn ascii_letter_bits(block: &[u8]) -> u64 {
    use super::swar::{bytes_in, ONES};
    // (Setting bit 5 leaves bit 7 as it is.)
    let letters_of = |x: u64| bytes_in(x | (ONES * 0x20), b'a', b'z');
    // Bit 7 of each byte to bit `k` of the result, for byte `k`.
    let gather = |h: u64| (h >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let mut bits = 0u64;
    let mut chunks = block.chunks_exact(8);
    let mut shift = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        bits |= gather(letters_of(x)) << shift;
        shift += 8;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        bits |= gather(letters_of(u64::from_le_bytes(buf))) << shift;
    }
    bits
}

/// The [`pack_ascii`] key of `word` (ASCII letters, at most
/// [`MAX_STOP_WORD_BYTES`]) lower-cased, with `from` the bytes from the
/// word's start on: read 16 at a time where there are 16 (no copy) and
/// masked to the word; letters only, so setting bit 5 of each byte
/// lower-cases it.
fn ascii_key(word: &[u8], from: &[u8]) -> u128 {
    let bytes = match from.get(..16) {
        Some(block) => u128::from_le_bytes(block.try_into().unwrap_or([0; 16])),
        None => {
            let mut buf = [0u8; 16];
            buf[..word.len()].copy_from_slice(word);
            u128::from_le_bytes(buf)
        }
    };
    let mask = (1u128 << (8 * word.len())) - 1;
    (bytes & mask) | (LOWER_BITS & mask)
}

/// Bit 5 of every byte: what turns an ASCII capital into its small letter.
const LOWER_BITS: u128 = u128::from_le_bytes([0x20; 16]);

/// Adds one to the count of each language in `mask`.
fn add_hits(hits: &mut [usize; N_LANGUAGES], mut mask: u16) {
    while mask != 0 {
        hits[mask.trailing_zeros() as usize] += 1;
        mask &= mask - 1;
    }
}

/// An ASCII word of at most [`MAX_STOP_WORD_BYTES`] bytes as one number:
/// its bytes from the lowest, zero-padded (no letter is 0, so two words
/// give two numbers).
fn pack_ascii(word: &str) -> Option<u128> {
    (word.is_ascii() && word.len() <= MAX_STOP_WORD_BYTES).then(|| {
        word.bytes()
            .enumerate()
            .fold(0u128, |key, (i, b)| key | u128::from(b) << (8 * i))
    })
}

/// Longer words are not looked up: no function word is this long.
const MAX_STOP_WORD_BYTES: usize = 12;

const N_LANGUAGES: usize = Language::Other as usize + 1;

/// Every function word of every language, with the set of languages (a bit
/// per `Language as usize`) whose list holds it.
fn stop_word_languages() -> &'static FxHashMap<&'static str, u16> {
    static TABLE: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for lang in LATIN.into_iter().chain([Language::Russian]) {
            for &word in lang.stop_words() {
                *table.entry(word).or_insert(0) |= 1 << lang as usize;
            }
        }
        table
    })
}

/// [`stop_word_languages`] for the ASCII words, keyed by [`pack_ascii`].
fn ascii_stop_word_languages() -> &'static FxHashMap<u128, u16> {
    static TABLE: OnceLock<FxHashMap<u128, u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        stop_word_languages()
            .iter()
            .filter_map(|(word, &mask)| Some((pack_ascii(word)?, mask)))
            .collect()
    })
}

/// The shapes of a set of words (function words here; the names' question
/// words in `facts::names`): a bit per (length, first byte, last byte),
/// ASCII letters in either case. A word of a shape no word of the set has
/// is not in it, without a lookup (most content words are ruled out so).
pub(crate) struct Shapes([u64; Shapes::WORDS]);

impl Shapes {
    const WORDS: usize = MAX_STOP_WORD_BYTES * 32 * 32 / 64;

    /// The bit of `word` (1 to [`MAX_STOP_WORD_BYTES`] bytes); bit 5 set in
    /// its first and last bytes, as [`ascii_key`] lower-cases ASCII letters
    /// (any byte has a bit: words of other scripts have shapes too).
    fn bit(word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        let len = word.len();
        (len <= MAX_STOP_WORD_BYTES).then(|| {
            ((len - 1) * 32 + usize::from((first | 0x20) & 31)) * 32
                + usize::from((last | 0x20) & 31)
        })
    }

    /// The shapes of `words` (those of 1 to [`MAX_STOP_WORD_BYTES`] bytes).
    pub(crate) fn of<'w>(words: impl Iterator<Item = &'w [u8]>) -> Shapes {
        let mut shapes = Shapes([0; Shapes::WORDS]);
        for b in words.filter_map(Shapes::bit) {
            shapes.0[b / 64] |= 1 << (b % 64);
        }
        shapes
    }

    /// Whether some word of the set has `word`'s shape: no when none has;
    /// yes for a word of no shape (empty, or longer than
    /// [`MAX_STOP_WORD_BYTES`]), which only a lookup decides.
    pub(crate) fn might_hold(&self, word: &[u8]) -> bool {
        Shapes::bit(word).is_none_or(|b| self.0[b / 64] & 1 << (b % 64) != 0)
    }
}

fn ascii_stop_word_shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        Shapes::of(
            stop_word_languages()
                .keys()
                .filter(|w| pack_ascii(w).is_some())
                .map(|w| w.as_bytes()),
        )
    })
}

// Function-word lists: written for this project from general knowledge of
// each language (no third-party list copied). They serve detection and
// scoring, so they hold the most frequent words, not every one.
const EN: &[&str] = &[
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
const DE: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "einer", "eines",
    "den", "dem", "des", "zu", "mit", "sich", "auf", "für", "von", "im", "sie", "es", "er", "auch",
    "wie", "bei", "aus", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "sind",
    "war", "waren", "noch", "nach", "um", "über", "vor", "durch", "so", "dass", "aber", "oder",
    "wenn", "nur", "als", "am", "an", "ich", "wir", "ihr", "man", "mehr", "schon", "sein", "seine",
    "ihre", "diese", "dieser", "dieses", "kann", "können", "soll", "sollen", "muss", "bis", "zum",
    "zur", "gegen", "ohne", "unter", "sagte", "jahr", "jahren", "sei", "keine", "kein", "was",
    "wer", "wo", "doch", "da", "hier", "dann",
];
const FR: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans",
    "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "ces", "il", "elle", "ils", "elles",
    "nous", "vous", "je", "se", "sa", "son", "ses", "leur", "leurs", "mais", "ou", "où", "par",
    "plus", "ne", "été", "être", "avoir", "ont", "a", "était", "sont", "fait", "comme", "aussi",
    "tout", "tous", "très", "sans", "entre", "après", "avant", "depuis", "selon", "lors", "dont",
    "même", "ans", "année", "a-t-il", "l", "d", "qu", "n", "s", "c", "j", "y", "si", "on",
];
const ES: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "unos", "unas", "es",
    "por", "con", "para", "se", "no", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha",
    "han", "son", "está", "están", "este", "esta", "estos", "estas", "ese", "esa", "le", "les",
    "ya", "o", "entre", "cuando", "muy", "sin", "sobre", "también", "hasta", "desde", "durante",
    "donde", "quien", "porque", "según", "años", "año", "era", "ser", "hay", "dijo", "tiene",
    "todo", "todos", "nos", "yo", "él", "ella", "ellos",
];
const IT: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "delle", "degli", "e", "è",
    "un", "uno", "una", "in", "che", "per", "non", "con", "su", "sul", "sulla", "da", "dal",
    "dalla", "al", "alla", "ai", "si", "come", "ma", "più", "anche", "sono", "stato", "stata",
    "era", "essere", "ha", "hanno", "questo", "questa", "quello", "quella", "tra", "fra", "se",
    "o", "ci", "ne", "nel", "nella", "nei", "loro", "lui", "lei", "dopo", "anni", "anno", "ancora",
    "molto", "tutto", "tutti", "secondo", "detto", "cui", "quando",
];
const PT: &[&str] = &[
    "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "é", "um", "uma", "em", "no", "na",
    "nos", "nas", "que", "para", "por", "com", "não", "se", "ao", "aos", "mais", "mas", "como",
    "foi", "são", "ser", "está", "estão", "seu", "sua", "seus", "suas", "ele", "ela", "eles",
    "elas", "isso", "este", "esta", "esse", "essa", "também", "já", "entre", "quando", "muito",
    "sem", "sobre", "até", "depois", "anos", "ano", "tem", "têm", "há", "pelo", "pela", "pelos",
    "pelas", "disse", "ou", "onde", "quem",
];
const NL: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "is", "dat", "die", "op", "te", "voor", "met", "zijn",
    "niet", "aan", "er", "om", "ook", "als", "bij", "of", "door", "maar", "uit", "nog", "naar",
    "dan", "wel", "was", "werd", "worden", "wordt", "heeft", "hebben", "had", "hij", "zij", "ze",
    "we", "wij", "ik", "je", "u", "deze", "dit", "geen", "meer", "kan", "zou", "over", "tot", "na",
    "jaar", "jaren", "zei", "hun", "haar", "ons", "omdat", "toen", "nu", "al", "wat", "wie",
    "waar", "onder", "tegen",
];
const RU: &[&str] = &[
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

    /// A byte at a time: what [`count_ascii_stop_words`] finds 64 at a time.
    fn count_ascii_stop_words_bytewise(sample: &[u8]) -> [usize; N_LANGUAGES] {
        let table = ascii_stop_word_languages();
        let mut hits = [0usize; N_LANGUAGES];
        let mut i = 0;
        while i < sample.len() {
            if !sample[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < sample.len() && sample[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = &sample[start..i];
            if word.len() <= MAX_STOP_WORD_BYTES {
                if let Some(&mask) = table.get(&ascii_key(word, &sample[start..])) {
                    add_hits(&mut hits, mask);
                }
            }
        }
        hits
    }

    /// Every ASCII function word, in any case, has a shape the filter
    /// holds; and the filter rules out most other words.
    #[test]
    fn shapes_hold_every_function_word() {
        let shapes = ascii_stop_word_shapes();
        for word in stop_word_languages()
            .keys()
            .filter(|w| pack_ascii(w).is_some())
        {
            assert!(shapes.might_hold(word.as_bytes()), "{word}");
            assert!(shapes.might_hold(word.to_uppercase().as_bytes()), "{word}");
        }
        let held = ["government", "minister", "billion", "football", "weather"]
            .iter()
            .filter(|w| shapes.might_hold(w.as_bytes()))
            .count();
        assert!(held < 5, "{held}");
    }

    #[test]
    fn letter_bits_are_the_letters() {
        for len in 0..=64 {
            for seed in 0..50u64 {
                let block: Vec<u8> = (0..len)
                    .map(|i| (seed.wrapping_mul(7919).wrapping_add(i as u64 * 104_729) % 256) as u8)
                    .collect();
                let expected = block
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.is_ascii_alphabetic())
                    .fold(0u64, |m, (i, _)| m | 1 << i);
                assert_eq!(ascii_letter_bits(&block), expected, "{block:?}");
            }
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        for block in every_byte.chunks(64) {
            let expected = block
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_alphabetic())
                .fold(0u64, |m, (i, _)| m | 1 << i);
            assert_eq!(ascii_letter_bits(block), expected);
        }
    }

    /// The words found 64 bytes at a time are the words found a byte at a
    /// time: on every short string over letters, stop words' pieces and
    /// other bytes, and on long pseudo-random ones across block bounds.
    #[test]
    fn stop_words_counted_as_a_byte_at_a_time() {
        crate::engine::testutil::for_every_string_over(
            &["the", "a", " ", "Der", "é", "x", "'"],
            5,
            |s| {
                assert_eq!(
                    count_ascii_stop_words(s.as_bytes()),
                    count_ascii_stop_words_bytewise(s.as_bytes()),
                    "{s:?}"
                );
            },
        );
        let pieces = [
            "the ",
            "and",
            "of",
            " ",
            "La",
            "y",
            "\u{201c}",
            ".",
            "zzzzzzzzzzzzzzzzzzzz",
            "die",
        ];
        for (k, len) in [10, 30, 63, 64, 65, 100, 200].into_iter().enumerate() {
            crate::engine::testutil::for_random_strings_over(
                &pieces,
                len,
                200,
                5 + k as u64,
                |s| {
                    assert_eq!(
                        count_ascii_stop_words(s.as_bytes()),
                        count_ascii_stop_words_bytewise(s.as_bytes()),
                        "{s:?}"
                    );
                },
            );
        }
    }

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
            for &w in lang.stop_words() {
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
                let listed = lang.stop_words().contains(&w.as_str());
                assert_eq!(lang.is_stop_word(w), listed, "{lang:?} {w:?}");
            }
        }
    }

    /// The packed ASCII path counts exactly what the general one counts.
    #[test]
    fn ascii_counts_match_the_general_counts() {
        let mut samples: Vec<String> = [
            "The minister said that the plan would be ready, according to them.",
            "ACCORDING to THE Minister -- and/or the 'plan' de la fin; der Plan",
            "accordingly accordin according a an the thethe x y z",
            "supercalifragilisticexpialidocious is not a function word but of is",
            "",
            "   ",
            "a",
            "A.",
            "e o y de la del em no na het een",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every stop word of every language, as written, capitalised, in
        // capitals and glued to a neighbour.
        for (word, _) in stop_word_languages().iter().filter(|(w, _)| w.is_ascii()) {
            let upper = word.to_ascii_uppercase();
            let title = format!("{}{}", &upper[..1], &word[1..]);
            samples.push(format!(
                "{word} {upper}, {title}; {word}s x{word} {word}-{word}"
            ));
        }
        // The reference: each word lower-cased into a `String` and looked
        // up by its text.
        let by_strings = |sample: &str| {
            let mut hits = [0usize; N_LANGUAGES];
            for word in sample
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty() && w.len() <= MAX_STOP_WORD_BYTES)
            {
                if let Some(&mask) = stop_word_languages().get(word.to_lowercase().as_str()) {
                    add_hits(&mut hits, mask);
                }
            }
            hits
        };
        for sample in &samples {
            assert_eq!(
                count_ascii_stop_words(sample.as_bytes()),
                by_strings(sample),
                "{sample:?}"
            );
            assert_eq!(
                count_any_stop_words(sample),
                by_strings(sample),
                "{sample:?}"
            );
            // The same words among characters of other scripts.
            let mixed = format!("£ {sample} “Über” the café — für Él это и");
            assert_eq!(
                count_any_stop_words(&mixed),
                by_strings(&mixed),
                "{mixed:?}"
            );
        }
        let all: String = samples.join(" ");
        let hits = count_ascii_stop_words(all.as_bytes());
        assert!(hits[Language::English as usize] > 100, "{hits:?}");
    }

    /// A sample whose only characters outside ASCII are not letters is
    /// decided by the ASCII path as the general one decides it.
    #[test]
    fn ascii_letters_only_match_the_general_detection() {
        let marks = ["’", "“", "”", "—", "£", "€", "…", "\u{a0}", "©"];
        let texts = [
            "The minister said that the plan would be ready by the end of the year.",
            "Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein wird.",
            "Le ministre a dit que le plan serait pret avant la fin de l annee.",
            "El ministro dijo que el plan estara listo antes del final del ano.",
            "Il ministro ha detto che il piano sara pronto entro la fine dell anno.",
            "De minister zei dat het plan tegen het einde van het jaar klaar is.",
            "x y z",
            "1 2 3",
            "",
        ];
        for text in texts {
            for mark in marks {
                let t = text.replace(' ', &format!(" {mark}"));
                assert_eq!(detect_language(&t), detect_by_scripts(&t), "{t:?}");
            }
        }
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
