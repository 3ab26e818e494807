//! The English Snowball stemmer (Porter2), for words of the letters a–z,
//! digits and apostrophes.
//!
//! rust-stemmers runs Snowball's generated code through a general string
//! machine (a `Cow` per word, table searches a byte at a time); stemming was
//! a fifth of `summarize` on a news article. This is the same algorithm
//! written for ASCII on a stack buffer. It gives exactly what
//! `rust_stemmers::Algorithm::English` gives: the tests compare the two on
//! every word of the gazetteers, on words built from the suffixes each step
//! knows, and on pseudo-random strings of letters, digits and apostrophes.
//! Digits and apostrophes are non-vowels to Snowball, as here ("1990s",
//! "18th"; a number alone is its own stem), and it strips a leading
//! apostrophe and a final `'`, `'s` or `'s'` ("we'll", "o'neill"). Any other
//! word (capitals, other characters and scripts, over [`MAX_LEN`] bytes)
//! goes to rust-stemmers.

/// Longest word stemmed here.
pub(crate) const MAX_LEN: usize = 40;

/// The stem of `word` (in `buf` or a constant) when it is at most
/// [`MAX_LEN`] letters a–z, digits and apostrophes; `None` otherwise.
pub(crate) fn stem_ascii<'a>(word: &'a str, buf: &'a mut [u8; MAX_LEN]) -> Option<&'a [u8]> {
    let bytes = word.as_bytes();
    // (Most words are letters alone: one quick test for them.)
    let letters = bytes.iter().all(u8::is_ascii_lowercase);
    if bytes.len() > MAX_LEN
        || !(letters
            || bytes
                .iter()
                .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\''))
    {
        return None;
    }
    if let Some(special) = exception1(bytes) {
        return Some(special.as_bytes());
    }
    if bytes.len() < 3 {
        return Some(bytes);
    }
    copy_short(buf, bytes);
    let mut w = Word {
        b: buf,
        len: bytes.len(),
        p1: 0,
        p2: 0,
    };
    let apostrophes = !letters && bytes.contains(&b'\'');
    if apostrophes && w.b[0] == b'\'' {
        w.drop_first();
    }
    let y_found = w.prelude();
    w.mark_regions();
    if apostrophes {
        w.step_0();
    }
    w.step_1a();
    if !exception2(w.word()) {
        w.step_1b();
        w.step_1c();
        w.step_2();
        w.step_3();
        w.step_4();
        w.step_5();
    }
    if y_found {
        for c in w.b[..w.len].iter_mut() {
            if *c == b'Y' {
                *c = b'y';
            }
        }
    }
    let len = w.len;
    Some(&buf[..len])
}

/// Copies `src` (at most [`MAX_LEN`] bytes) to the start of `dst`, eight
/// bytes at a time and the rest in at most three steps: each a copy of a
/// fixed size, where `copy_from_slice` of a word's length was a call to
/// `memcpy` per word.
fn copy_short(dst: &mut [u8; MAX_LEN], src: &[u8]) {
    let mut at = 0;
    let mut rest = src;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        if let Some(d) = dst.get_mut(at..at + 8) {
            d.copy_from_slice(chunk);
        }
        (at, rest) = (at + 8, tail);
    }
    if let Some((chunk, tail)) = rest.split_first_chunk::<4>() {
        if let Some(d) = dst.get_mut(at..at + 4) {
            d.copy_from_slice(chunk);
        }
        (at, rest) = (at + 4, tail);
    }
    if let Some((chunk, tail)) = rest.split_first_chunk::<2>() {
        if let Some(d) = dst.get_mut(at..at + 2) {
            d.copy_from_slice(chunk);
        }
        (at, rest) = (at + 2, tail);
    }
    if let (Some(&b), Some(d)) = (rest.first(), dst.get_mut(at)) {
        *d = b;
    }
}

/// Words with their own stem (the rest of these are left as they are).
const EXCEPTIONS: [(&[u8], &str); 18] = [
    (b"skis", "ski"),
    (b"skies", "sky"),
    (b"dying", "die"),
    (b"lying", "lie"),
    (b"tying", "tie"),
    (b"idly", "idl"),
    (b"gently", "gentl"),
    (b"ugly", "ugli"),
    (b"early", "earli"),
    (b"only", "onli"),
    (b"singly", "singl"),
    (b"sky", "sky"),
    (b"news", "news"),
    (b"howe", "howe"),
    (b"atlas", "atlas"),
    (b"cosmos", "cosmos"),
    (b"bias", "bias"),
    (b"andes", "andes"),
];

fn exception1(word: &[u8]) -> Option<&'static str> {
    // Every exception is 3 to 6 letters and starts with one of these: most
    // words are ruled out before any comparison.
    if !(3..=6).contains(&word.len())
        || !matches!(word[0], b'a'..=b'e' | b'g'..=b'i' | b'l' | b'n' | b'o' | b's' | b't' | b'u')
    {
        return None;
    }
    EXCEPTIONS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

fn exception2(word: &[u8]) -> bool {
    matches!(
        word,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// Snowball's `v`: a e i o u y (a `Y` marked by the prelude is not one).
fn is_v(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// `v_WXY`: the vowels, w, x and `Y`.
fn is_v_wxy(c: u8) -> bool {
    is_v(c) || matches!(c, b'w' | b'x' | b'Y')
}

fn is_valid_li(c: u8) -> bool {
    matches!(
        c,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// A suffix and what replaces it.
type Rule = (&'static [u8], &'static [u8]);

/// For each last byte (`& 31`: the letters a–z and `Y` have distinct
/// values, except `y` and `Y`, which share one), the suffixes that end in
/// it, as bits (bit `i` for `suffixes[i]`); with `from_end` 1, the same
/// for the byte before the last (a suffix of one byte is in every entry).
/// Sharing a value only adds a candidate, which [`Word::ends`] then
/// rejects.
const fn by_byte_from_end(suffixes: &[&[u8]], from_end: usize) -> [u32; 32] {
    assert!(suffixes.len() <= 32);
    let mut masks = [0u32; 32];
    let mut i = 0;
    while i < suffixes.len() {
        let s = suffixes[i];
        if s.len() > from_end {
            masks[(s[s.len() - 1 - from_end] & 31) as usize] |= 1 << i;
        } else {
            let mut b = 0;
            while b < 32 {
                masks[b] |= 1 << i;
                b += 1;
            }
        }
        i += 1;
    }
    masks
}

/// A step's suffixes and, per last byte, which of them end in it.
struct SuffixSet<const N: usize> {
    list: [&'static [u8]; N],
    by_last: [u32; 32],
    /// Per byte before the last, likewise.
    by_second_last: [u32; 32],
    /// The length of the shortest suffix.
    shortest: usize,
}

impl<const N: usize> SuffixSet<N> {
    const fn new(list: [&'static [u8]; N]) -> Self {
        let by_last = by_byte_from_end(&list, 0);
        let by_second_last = by_byte_from_end(&list, 1);
        let mut shortest = usize::MAX;
        let mut i = 0;
        while i < N {
            if list[i].len() < shortest {
                shortest = list[i].len();
            }
            i += 1;
        }
        SuffixSet {
            list,
            by_last,
            by_second_last,
            shortest,
        }
    }

    /// The suffixes of `rules`, in order.
    const fn of_rules(rules: &[Rule; N]) -> Self {
        let mut list: [&'static [u8]; N] = [b""; N];
        let mut i = 0;
        while i < N {
            list[i] = rules[i].0;
            i += 1;
        }
        Self::new(list)
    }
}

struct Word<'a> {
    b: &'a mut [u8; MAX_LEN],
    len: usize,
    p1: usize,
    p2: usize,
}

impl Word<'_> {
    fn word(&self) -> &[u8] {
        &self.b[..self.len]
    }

    /// Whether the word ends with `suffix` (compared from the last byte:
    /// most suffixes fail there, and a call to `memcmp` per suffix was
    /// most of this stemmer's time).
    fn ends(&self, suffix: &[u8]) -> bool {
        let w = self.word();
        suffix.len() <= w.len() && suffix.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
    }

    /// The longest of `set`'s suffixes the word ends with (its index; the
    /// first of equally long ones). Only the suffixes that end in the word's
    /// last two bytes are compared (see [`by_byte_from_end`]): scanning each
    /// whole list was most of this stemmer's time, and the last byte alone
    /// left many ("i" ends 14 of step 2's 24).
    fn longest<const N: usize>(&self, set: &SuffixSet<N>) -> Option<usize> {
        let w = self.word();
        let &last = w.last()?;
        let mut candidates = set.by_last[usize::from(last & 31)];
        // (A one-byte word: only one-byte suffixes can match, which the
        // comparison sees.)
        if let Some(&second_last) = w.len().checked_sub(2).map(|i| &w[i]) {
            candidates &= set.by_second_last[usize::from(second_last & 31)];
        }
        let mut best: Option<(usize, usize)> = None;
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let s = set.list[i];
            if best.is_none_or(|(_, n)| s.len() > n) && self.ends(s) {
                best = Some((i, s.len()));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The rule `(suffix, replacement)` with the longest suffix the word
    /// ends with, when that suffix is in R1 (steps 2 and 3).
    fn rule_in_r1<const N: usize>(&self, rules: &[Rule; N], set: &SuffixSet<N>) -> Option<Rule> {
        // Not even the shortest suffix fits in R1: no rule can apply.
        if self.p1 + set.shortest > self.len {
            return None;
        }
        let k = self.longest(set)?;
        Some(rules[k]).filter(|r| self.r1(r.0.len()))
    }

    /// Replaces the last `n` bytes by `with`.
    fn replace(&mut self, n: usize, with: &[u8]) {
        let start = self.len - n;
        if start + with.len() > MAX_LEN {
            return;
        }
        self.b[start..start + with.len()].copy_from_slice(with);
        self.len = start + with.len();
    }

    /// Whether a vowel stands before position `end`.
    fn vowel_before(&self, end: usize) -> bool {
        self.b[..end].iter().any(|&c| is_v(c))
    }

    /// Snowball's `shortv` at the end of the first `end` bytes.
    fn short_v(&self, end: usize) -> bool {
        let w = &self.b[..end];
        (end >= 3 && !is_v_wxy(w[end - 1]) && is_v(w[end - 2]) && !is_v(w[end - 3]))
            || (end == 2 && !is_v(w[1]) && is_v(w[0]))
    }

    /// Marks `y` as a consonant (`Y`) at the start and after a vowel.
    fn prelude(&mut self) -> bool {
        // (Most words have no `y`: one search, no pass that rewrites; a
        // loop, since `contains` calls `memchr`, whose set-up outweighs so
        // short a search.)
        if self.word().iter().all(|&c| c != b'y') {
            return false;
        }
        let mut found = false;
        if self.b[0] == b'y' {
            self.b[0] = b'Y';
            found = true;
        }
        for i in 1..self.len {
            if self.b[i] == b'y' && is_v(self.b[i - 1]) {
                self.b[i] = b'Y';
                found = true;
            }
        }
        found
    }

    /// `p1`, `p2`: after the first non-vowel that follows a vowel, twice.
    #[inline(always)]
    fn mark_regions(&mut self) {
        let w = self.word();
        let after_vc = |from: usize| -> Option<usize> {
            let v = from + w[from..].iter().position(|&c| is_v(c))?;
            let c = v + 1 + w[v + 1..].iter().position(|&c| !is_v(c))?;
            Some(c + 1)
        };
        let prefix = [&b"gener"[..], b"commun", b"arsen"]
            .into_iter()
            .find(|p| w.starts_with(p))
            .map(<[u8]>::len);
        let Some(p1) = prefix.or_else(|| after_vc(0)) else {
            self.p1 = self.len;
            self.p2 = self.len;
            return;
        };
        let p2 = after_vc(p1).unwrap_or(self.len);
        (self.p1, self.p2) = (p1, p2);
    }

    fn r1(&self, n: usize) -> bool {
        self.p1 <= self.len - n
    }

    fn r2(&self, n: usize) -> bool {
        self.p2 <= self.len - n
    }

    /// Deletes the first byte (a leading apostrophe).
    #[inline(never)]
    fn drop_first(&mut self) {
        self.b.copy_within(1..self.len, 0);
        self.len -= 1;
    }

    /// The apostrophes of the end (Snowball's first part of step 1a).
    /// (Out of line: most words have none, and inlined it made the
    /// stemmer's other steps go out of line.)
    #[inline(never)]
    fn step_0(&mut self) {
        if self.ends(b"'s'") {
            self.len -= 3;
        } else if self.ends(b"'s") {
            self.len -= 2;
        } else if self.ends(b"'") {
            self.len -= 1;
        }
    }

    fn step_1a(&mut self) {
        const SUFFIXES: SuffixSet<6> =
            SuffixSet::new([b"sses", b"ied", b"ies", b"s", b"us", b"ss"]);
        match self.longest(&SUFFIXES) {
            Some(0) => self.replace(4, b"ss"),
            Some(1 | 2) => {
                if self.len - 3 >= 2 {
                    self.replace(3, b"i");
                } else {
                    self.replace(3, b"ie");
                }
            }
            // "s": when a vowel stands before the letter that precedes it.
            Some(3) if self.len >= 2 && self.vowel_before(self.len - 2) => self.len -= 1,
            _ => {}
        }
    }

    fn step_1b(&mut self) {
        const SUFFIXES: SuffixSet<6> =
            SuffixSet::new([b"eed", b"eedly", b"ed", b"edly", b"ing", b"ingly"]);
        let Some(k) = self.longest(&SUFFIXES) else {
            return;
        };
        let n = SUFFIXES.list[k].len();
        if k <= 1 {
            if self.r1(n) {
                self.replace(n, b"ee");
            }
            return;
        }
        if !self.vowel_before(self.len - n) {
            return;
        }
        self.len -= n;
        const AFTER: SuffixSet<12> = SuffixSet::new([
            b"at", b"bl", b"iz", b"bb", b"dd", b"ff", b"gg", b"mm", b"nn", b"pp", b"rr", b"tt",
        ]);
        match self.longest(&AFTER) {
            Some(0..=2) => self.replace(0, b"e"),
            Some(_) => self.len -= 1,
            None => {
                if self.len == self.p1 && self.short_v(self.len) {
                    self.replace(0, b"e");
                }
            }
        }
    }

    fn step_1c(&mut self) {
        let n = self.len;
        if n >= 3 && matches!(self.b[n - 1], b'y' | b'Y') && !is_v(self.b[n - 2]) {
            self.b[n - 1] = b'i';
        }
    }

    fn step_2(&mut self) {
        // (suffix, replacement); "ogi" and "li" have conditions of their own.
        const RULES: [Rule; 24] = [
            (b"tional", b"tion"),
            (b"enci", b"ence"),
            (b"anci", b"ance"),
            (b"abli", b"able"),
            (b"entli", b"ent"),
            (b"izer", b"ize"),
            (b"ization", b"ize"),
            (b"ational", b"ate"),
            (b"ation", b"ate"),
            (b"ator", b"ate"),
            (b"alism", b"al"),
            (b"aliti", b"al"),
            (b"alli", b"al"),
            (b"fulness", b"ful"),
            (b"ousli", b"ous"),
            (b"ousness", b"ous"),
            (b"iveness", b"ive"),
            (b"iviti", b"ive"),
            (b"biliti", b"ble"),
            (b"bli", b"ble"),
            (b"fulli", b"ful"),
            (b"lessli", b"less"),
            (b"ogi", b"og"),
            (b"li", b""),
        ];
        const SUFFIXES: SuffixSet<24> = SuffixSet::of_rules(&RULES);
        let Some((suffix, with)) = self.rule_in_r1(&RULES, &SUFFIXES) else {
            return;
        };
        let n = suffix.len();
        let before = self.len.checked_sub(n + 1).map(|i| self.b[i]);
        let allowed = match suffix {
            b"ogi" => before == Some(b'l'),
            b"li" => before.is_some_and(is_valid_li),
            _ => true,
        };
        if allowed {
            self.replace(n, with);
        }
    }

    fn step_3(&mut self) {
        const RULES: [Rule; 9] = [
            (b"tional", b"tion"),
            (b"ational", b"ate"),
            (b"alize", b"al"),
            (b"icate", b"ic"),
            (b"iciti", b"ic"),
            (b"ical", b"ic"),
            (b"ful", b""),
            (b"ness", b""),
            (b"ative", b""),
        ];
        const SUFFIXES: SuffixSet<9> = SuffixSet::of_rules(&RULES);
        let Some((suffix, with)) = self.rule_in_r1(&RULES, &SUFFIXES) else {
            return;
        };
        // "ative" goes only in R2.
        if suffix != b"ative" || self.r2(suffix.len()) {
            self.replace(suffix.len(), with);
        }
    }

    fn step_4(&mut self) {
        const SUFFIXES: SuffixSet<18> = SuffixSet::new([
            b"al", b"ance", b"ence", b"er", b"ic", b"able", b"ible", b"ant", b"ement", b"ment",
            b"ent", b"ism", b"ate", b"iti", b"ous", b"ive", b"ize", b"ion",
        ]);
        // Every suffix must be in R2: when not even the shortest fits, none does.
        if self.p2 + SUFFIXES.shortest > self.len {
            return;
        }
        let Some(k) = self.longest(&SUFFIXES) else {
            return;
        };
        let n = SUFFIXES.list[k].len();
        if !self.r2(n) {
            return;
        }
        if SUFFIXES.list[k] == b"ion" {
            if self.len > n && matches!(self.b[self.len - n - 1], b's' | b't') {
                self.len -= n;
            }
        } else {
            self.len -= n;
        }
    }

    fn step_5(&mut self) {
        let n = self.len;
        if n == 0 {
            return;
        }
        match self.b[n - 1] {
            b'e' if self.r2(1) || (self.r1(1) && !self.short_v(n - 1)) => self.len -= 1,
            b'l' if self.r2(1) && n >= 2 && self.b[n - 2] == b'l' => self.len -= 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn check(snowball: &Stemmer, word: &str) {
        let mut buf = [0; MAX_LEN];
        if let Some(stem) = stem_ascii(word, &mut buf) {
            assert_eq!(stem, snowball.stem(word).as_bytes(), "stemming {word:?}");
        }
    }

    /// The quick test in `exception1` lets every exception through.
    #[test]
    fn every_exception_is_found() {
        for (word, stem) in EXCEPTIONS {
            assert_eq!(exception1(word), Some(stem));
        }
    }

    #[test]
    fn table() {
        let s = Stemmer::create(Algorithm::English);
        for w in [
            "caresses",
            "ponies",
            "ties",
            "cats",
            "gas",
            "gaps",
            "kiwis",
            "feed",
            "agreed",
            "plastered",
            "hoping",
            "hopping",
            "luxuriated",
            "filing",
            "cried",
            "cry",
            "by",
            "say",
            "relational",
            "conditional",
            "rational",
            "valenci",
            "hesitanci",
            "digitizer",
            "conformabli",
            "radicalli",
            "differentli",
            "vileli",
            "analogousli",
            "vietnamization",
            "predication",
            "operator",
            "feudalism",
            "decisiveness",
            "hopefulness",
            "callousness",
            "formaliti",
            "sensitiviti",
            "sensibiliti",
            "triplicate",
            "formative",
            "formalize",
            "electriciti",
            "electrical",
            "hopeful",
            "goodness",
            "revival",
            "allowance",
            "inference",
            "airliner",
            "gyroscopic",
            "adjustable",
            "defensible",
            "irritant",
            "replacement",
            "adjustment",
            "dependent",
            "adoption",
            "homologou",
            "communism",
            "activate",
            "angulariti",
            "homologous",
            "effective",
            "bowdlerize",
            "probate",
            "rate",
            "cease",
            "controll",
            "roll",
            "generate",
            "generously",
            "communication",
            "arsenal",
            "yes",
            "yield",
            "sayings",
            "enjoying",
            "youth",
            "skies",
            "dying",
            "news",
            "inning",
            "exceeds",
            "succeeding",
            "a",
            "ab",
            "abc",
            "eeds",
            "ied",
            "ies",
            "sses",
            "ss",
            "us",
            "geology",
            "archaeology",
            "apology",
            "fully",
            "lessly",
            "emotionally",
            "crying",
            "buying",
        ] {
            check(&s, w);
        }
    }

    /// Every word of the place and name gazetteers (lower-case letter runs).
    #[test]
    fn gazetteer_words() {
        let s = Stemmer::create(Algorithm::English);
        for data in [
            &include_bytes!("facts/places.txt")[..],
            include_bytes!("facts/given_names.txt"),
            include_bytes!("facts/surnames.txt"),
        ] {
            for word in std::str::from_utf8(data)
                .unwrap_or("")
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                check(&s, &word.to_ascii_lowercase());
            }
        }
    }

    /// Stems built from every suffix the steps know, after stems of several
    /// shapes, one and two suffixes deep.
    #[test]
    fn suffix_combinations() {
        let s = Stemmer::create(Algorithm::English);
        let stems = [
            "", "b", "ab", "bab", "gener", "commun", "arsen", "hop", "bat", "play", "cry", "lov",
            "feel", "troubl", "sens", "motion", "valu", "gy", "ey", "ay", "yay", "l", "ll", "al",
            "tr", "str", "cris", "success", "proc", "exc", "inn", "out", "cann", "herr", "earr",
            "analog", "arch", "abl", "bl", "biz", "dis", "ix", "ow", "ew", "sk", "dy", "ly", "ty",
        ];
        let suffixes = [
            "", "s", "es", "sses", "ied", "ies", "us", "ss", "eed", "eedly", "ed", "edly", "ing",
            "ingly", "y", "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational",
            "ation", "ator", "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness",
            "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li", "alize", "icate", "iciti",
            "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible",
            "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion",
            "tion", "e", "l", "le", "ly", "at", "iz", "ening", "ying",
        ];
        for stem in stems {
            for a in suffixes {
                for b in suffixes {
                    check(&s, &format!("{stem}{a}{b}"));
                }
            }
        }
    }

    /// Words with digits and apostrophes, which Snowball reads as
    /// non-vowels (and strips from the ends).
    #[test]
    fn words_with_digits_and_apostrophes() {
        let s = Stemmer::create(Algorithm::English);
        for word in [
            "18",
            "2015",
            "18th",
            "1990s",
            "covid19",
            "4x4s",
            "g20",
            "mp3s",
            "y2k",
            "3d",
            "b52s",
            "1st",
            "22nd",
            "10ies",
            "9ing",
            "a1ing",
            "7y",
            "5ly",
            "bo9y",
            "yy9",
            "don't",
            "we'll",
            "we've",
            "you'll",
            "o'neill",
            "'tis",
            "rock'n'roll",
            "dogs'",
            "james's",
            "boss's'",
            "'''",
            "''s",
            "'s'",
            "y'all",
            "'yes",
            "ma'am",
            "'90s",
            "it's",
        ] {
            let mut buf = [0; MAX_LEN];
            let stem = stem_ascii(word, &mut buf);
            assert_eq!(stem, Some(s.stem(word).as_bytes()), "stemming {word:?}");
        }
    }

    /// Pseudo-random words (a fixed sequence: the same words every run).
    #[test]
    fn random_words() {
        let s = Stemmer::create(Algorithm::English);
        let alphabet = b"aeiouyybcdglnrstwxz09''";
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut word = String::new();
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 11) as usize;
            word.clear();
            let mut y = x;
            for _ in 0..len {
                y = y.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                word.push(char::from(alphabet[(y >> 59) as usize % alphabet.len()]));
            }
            check(&s, &word);
        }
    }

    #[test]
    fn other_words_are_left_to_rust_stemmers() {
        let mut buf = [0; MAX_LEN];
        assert!(stem_ascii("covid-19", &mut buf).is_none());
        assert!(stem_ascii("10:30", &mut buf).is_none());
        assert!(stem_ascii("café", &mut buf).is_none());
        assert!(stem_ascii("Running", &mut buf).is_none());
        assert!(stem_ascii(&"a".repeat(MAX_LEN + 1), &mut buf).is_none());
        assert_eq!(
            stem_ascii(&"a".repeat(MAX_LEN), &mut buf),
            Some(&[b'a'; MAX_LEN][..])
        );
    }
}
