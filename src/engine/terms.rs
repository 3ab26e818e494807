//! Terms: what sentences are compared by.
//!
//! A term is a lower-cased, stemmed content word (stop words dropped) or,
//! for CJK text, a bigram of ideographs/kana. Each sentence becomes a sparse
//! TF-IDF vector (L2-normalised), with IDF taken over the document's own
//! sentences: the engine has no corpus, and within one article that is what
//! separates its topic words from the rest.

use super::language::Language;
use super::stem_en;
use super::text::push_lowercase;
use super::Span;
use rustc_hash::{FxHashMap, FxHasher};
use std::collections::hash_map::Entry;
use std::hash::Hasher;

/// A sparse vector: `(term id, weight)` sorted by term id.
pub type SparseVec = Vec<(u32, f32)>;

/// Many lists in one vector (one allocation for all of a document's
/// sentences, not one each): list `i` is `items[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default)]
pub struct Lists<T> {
    items: Vec<T>,
    ends: Vec<usize>,
}

impl<T> Lists<T> {
    pub fn with_capacity(lists: usize, items: usize) -> Lists<T> {
        Lists {
            items: Vec::with_capacity(items),
            ends: Vec::with_capacity(lists),
        }
    }

    /// Ends the list being built: the items pushed since the last end.
    fn end_list(&mut self) {
        self.ends.push(self.items.len());
    }

    fn start(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |j| self.ends[j])
    }

    /// List `i`.
    pub fn get(&self, i: usize) -> &[T] {
        &self.items[self.start(i)..self.ends[i]]
    }

    fn get_mut(&mut self, i: usize) -> &mut [T] {
        let start = self.start(i);
        &mut self.items[start..self.ends[i]]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| self.get(i))
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Whether English words go through `stem_en`, the same stems as
/// rust-stemmers' faster. Not in the page: there the 3,023 gzipped bytes it
/// adds weigh more than its speed (every word's stem is the same either way;
/// `stem_en`'s tests compare the two).
const STEM_EN: bool = !cfg!(target_arch = "wasm32");

/// When one vector is this many times longer than the other, [`dot`] looks
/// the short one's terms up by binary search instead of merging.
const SEARCH_RATIO: usize = 16;

/// Longest word considered a term: longer "words" are URLs or junk.
const MAX_TERM_BYTES: usize = 40;

/// Term ids of each sentence (with repeats), ids given in order of first
/// use; `sentence_words` holds each sentence's words (`segment::split_words`).
pub fn sentence_terms(
    text: &str,
    sentence_words: &[&[Span]],
    language: Language,
) -> (Lists<u32>, usize) {
    let stemmer = language.stemmer();
    let english = language == Language::English;
    let mut stem = [0u8; stem_en::MAX_LEN];
    let n_words: usize = sentence_words.iter().map(|w| w.len()).sum();
    // Sized for the distinct terms of a news article (see `by_word`).
    let mut ids = Interner {
        text: Vec::with_capacity(n_words.min(4096) * 4),
        by_hash: FxHashMap::with_capacity_and_hasher(n_words.min(4096) / 2, Default::default()),
        collided: FxHashMap::default(),
    };
    // Each distinct lower-cased word is checked and stemmed once: its term
    // id, or `None` for a stop word or a one-letter word. News repeats its
    // words, and stemming every occurrence was the largest part of scoring.
    // Keyed by the word with its ASCII letters lower-cased ("The" and "the"
    // are one key): no allocation and no lower-casing per word seen before.
    // Two words with one such form have one lower case, so one answer
    // (every character is lower-cased on its own, and those beyond ASCII
    // are the same in both).
    // Sized for the distinct words of a news article (not more: a long
    // text repeats its words).
    let mut by_word: FxHashMap<&str, Option<u32>> =
        FxHashMap::with_capacity_and_hasher(n_words.min(4096), Default::default());
    let mut lower = String::new();
    let ascii_lower = text.to_ascii_lowercase();
    let mut out = Lists::with_capacity(sentence_words.len(), n_words);
    for &words in sentence_words {
        let terms = &mut out.items;
        let mut prev_cjk: Option<char> = None;
        for word in words {
            let w = word.slice(&ascii_lower);
            // (One hash of the word, for the lookup and the insertion.)
            let slot = match by_word.entry(w) {
                Entry::Occupied(known) => {
                    prev_cjk = None;
                    terms.extend(*known.get());
                    continue;
                }
                Entry::Vacant(slot) => slot,
            };
            if !w.is_ascii() && w.chars().any(is_cjk) {
                for c in w.chars().filter(|&c| is_cjk(c)) {
                    if let Some(p) = prev_cjk {
                        let mut buf = [0u8; 8];
                        let n = p.encode_utf8(&mut buf).len();
                        let m = c.encode_utf8(&mut buf[n..]).len();
                        terms.push(ids.id(&buf[..n + m]));
                    }
                    prev_cjk = Some(c);
                }
                continue;
            }
            prev_cjk = None;
            if w.len() > MAX_TERM_BYTES {
                continue;
            }
            // (Most words are ASCII letters, small in the key: no copy for
            // them, and no possessive to trim.)
            let trimmed = if w.bytes().all(|b| b.is_ascii_lowercase()) {
                w
            } else {
                lower.clear();
                push_lowercase(&mut lower, w);
                trim_possessive(&lower)
            };
            let short = if trimmed.is_ascii() {
                trimmed.len() < 2
            } else {
                trimmed.chars().count() < 2
            };
            let id = if short || language.is_stop_word(trimmed) {
                None
            } else {
                // English words of plain letters: the same stems, faster
                // (natively: the page leaves it out, see `STEM_EN`).
                let plain = (english && STEM_EN).then(|| stem_en::stem_ascii(trimmed, &mut stem));
                Some(match (plain.flatten(), &stemmer) {
                    (Some(stemmed), _) => ids.id(stemmed),
                    (None, Some(s)) => ids.id(s.stem(trimmed).as_bytes()),
                    (None, None) => ids.id(trimmed.as_bytes()),
                })
            };
            slot.insert(id);
            terms.extend(id);
        }
        out.end_list();
    }
    (out, ids.len())
}

/// `word` without trailing possessives: what `trim_end_matches("'s")` then
/// `trim_end_matches("’s")` gives, without building a substring searcher
/// per word.
fn trim_possessive(mut word: &str) -> &str {
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    while let Some(w) = word.strip_suffix("’s") {
        word = w;
    }
    word
}

/// Term ids by text, given in order of first use. The terms' text is
/// kept in one buffer and the map goes from a term's hash to its id and
/// place in the buffer, so a new term costs no allocation of its own; two
/// terms with one hash (which the text comparison detects) fall back to a
/// map by text.
#[derive(Default)]
struct Interner {
    text: Vec<u8>,
    by_hash: FxHashMap<u64, (u32, u32, u32)>,
    collided: FxHashMap<Vec<u8>, u32>,
}

impl Interner {
    /// The id of the term whose UTF-8 bytes are `term`.
    fn id(&mut self, term: &[u8]) -> u32 {
        let mut hasher = FxHasher::default();
        hasher.write(term);
        let hash = hasher.finish();
        let next = self.len() as u32;
        // (One probe of the table, for the lookup and the insertion.)
        match self.by_hash.entry(hash) {
            Entry::Occupied(known) => {
                let (id, start, end) = *known.get();
                if &self.text[start as usize..end as usize] == term {
                    id
                } else {
                    *self.collided.entry(term.to_owned()).or_insert(next)
                }
            }
            Entry::Vacant(slot) => {
                let start = self.text.len() as u32;
                self.text.extend_from_slice(term);
                slot.insert((next, start, self.text.len() as u32));
                next
            }
        }
    }

    fn len(&self) -> usize {
        self.by_hash.len() + self.collided.len()
    }
}

/// Inverse document frequency over `docs` (sentences), smoothed.
pub fn idf(docs: &Lists<u32>, n_terms: usize) -> Vec<f32> {
    let mut df = vec![0u32; n_terms];
    let mut seen = vec![u32::MAX; n_terms];
    for (i, doc) in docs.iter().enumerate() {
        for &t in doc.iter() {
            if seen[t as usize] != i as u32 {
                seen[t as usize] = i as u32;
                df[t as usize] += 1;
            }
        }
    }
    let n = docs.len() as f32;
    // (Most terms are in one to three sentences: each document frequency's
    // logarithm is taken once.)
    let mut by_df: Vec<Option<f32>> = Vec::new();
    df.iter()
        .map(|&d| {
            let d = d as usize;
            if by_df.len() <= d {
                by_df.resize(d + 1, None);
            }
            *by_df[d].get_or_insert_with(|| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        })
        .collect()
}

/// The TF-IDF vectors of the sentences whose terms are `docs` (sorted in
/// place: their order is not needed afterwards), L2-normalised; empty for
/// the sentences `keep` rejects.
pub fn tfidf_vectors(
    docs: &mut Lists<u32>,
    idf: &[f32],
    keep: impl Fn(usize) -> bool,
) -> Lists<(u32, f32)> {
    let mut out = Lists::with_capacity(docs.len(), docs.items.len());
    for i in 0..docs.len() {
        if keep(i) {
            let start = out.items.len();
            push_tfidf(docs.get_mut(i), idf, &mut out.items);
            normalize(&mut out.items[start..]);
        }
        out.end_list();
    }
    out
}

/// The TF-IDF vector of one sentence, L2-normalised (empty if no terms).
/// Sorts `terms` in place (their order is not needed afterwards).
#[cfg(test)]
pub fn tfidf(terms: &mut [u32], idf: &[f32]) -> SparseVec {
    let mut v = Vec::new();
    push_tfidf(terms, idf, &mut v);
    normalize(&mut v);
    v
}

/// Appends the (not normalised) TF-IDF weights of `terms` to `v`.
fn push_tfidf(terms: &mut [u32], idf: &[f32], v: &mut SparseVec) {
    super::sort::sort_numbers(terms);
    let start = v.len();
    for &t in terms.iter() {
        match v[start..].last_mut() {
            Some((last, w)) if *last == t => *w += 1.0,
            _ => v.push((t, 1.0)),
        }
    }
    for (t, w) in v[start..].iter_mut() {
        // (A term once in the sentence, as most are: 1 + ln 1 is 1.)
        let tf = if *w == 1.0 { 1.0 } else { 1.0 + w.ln() };
        *w = tf * idf[*t as usize];
    }
}

pub fn normalize(v: &mut [(u32, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// Dot product of two sorted sparse vectors (the cosine when both are normalised).
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    // A sentence against the document's centroid: walking the centroid's
    // every term made scoring O(sentences × vocabulary), quadratic in
    // practice; look the few terms up instead. Same terms, same order of
    // additions, so the same sum.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * SEARCH_RATIO < long.len() {
        let mut rest = long;
        let mut sum = 0.0;
        for &(t, w) in short {
            let k = rest.partition_point(|&(u, _)| u < t);
            rest = &rest[k..];
            if let Some(&(u, v)) = rest.first() {
                if u == t {
                    sum += w * v;
                }
            }
        }
        return sum;
    }
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The normalised sum of `vectors`.
/// `v` as a dense vector of `n_terms` weights (0 for its missing terms).
pub fn dense(v: &[(u32, f32)], n_terms: usize) -> Vec<f32> {
    let mut d = vec![0f32; n_terms];
    for &(t, w) in v {
        if let Some(slot) = d.get_mut(t as usize) {
            *slot = w;
        }
    }
    d
}

/// [`dot`] of a dense vector and a sparse one, bit for bit: the products
/// are added in the order of `v`'s terms, as [`dot`] adds those of the
/// terms both vectors hold, and a missing term adds `+0.0`, which leaves
/// a sum of non-negative weights unchanged.
pub fn dot_dense(dense: &[f32], v: &[(u32, f32)]) -> f32 {
    v.iter().fold(0.0, |sum, &(t, w)| {
        sum + dense.get(t as usize).copied().unwrap_or(0.0) * w
    })
}

/// For each vector of `order` (indices into `vectors`), the mean of its
/// [`dot`]s with the next `window` vectors of `order` (0 for the last one),
/// bit for bit what averaging [`dot_dense`] over them gives.
///
/// The vectors' postings (which of them hold each term, with what weight)
/// are built once; a vector then meets only the following vectors that share
/// a term with it, instead of looking every term of every following vector
/// up. Each of the `window` sums gets its products in the order of the
/// shared terms' ids, as [`dot_dense`] adds them (its other terms add
/// `+0.0`, which changes no sum of non-negative weights).
// (Not inlined: called once an article, and inlined into `score_sentences`
// with a window that is not a constant it costs the page about 300 gzipped
// bytes.)
#[inline(never)]
pub fn mean_dots_ahead(
    vectors: &Lists<(u32, f32)>,
    order: &[usize],
    window: usize,
    n_terms: usize,
) -> Vec<f32> {
    // `first[t]..end[t]`: term t's postings, `(place in order, weight)` in order.
    let mut first = vec![0u32; n_terms + 1];
    for &i in order {
        for &(t, _) in vectors.get(i) {
            first[t as usize + 1] += 1;
        }
    }
    for t in 0..n_terms {
        first[t + 1] += first[t];
    }
    let mut end = first.clone();
    let mut postings = vec![(0u32, 0f32); first[n_terms] as usize];
    for (place, &i) in order.iter().enumerate() {
        for &(t, w) in vectors.get(i) {
            let k = &mut end[t as usize];
            postings[*k as usize] = (place as u32, w);
            *k += 1;
        }
    }
    // Walking `order` in turn, `first[t]` is the current vector's own
    // posting of each of its terms t; the postings after it are the later
    // vectors that hold t.
    // (At most one sum per following vector: a window from `--weights`
    // may be any size.)
    let mut sums = vec![0f32; window.min(order.len())];
    let mut means = Vec::with_capacity(order.len());
    for (place, &i) in order.iter().enumerate() {
        let ahead = window.min(order.len() - place - 1);
        sums[..ahead].fill(0.0);
        for &(t, w) in vectors.get(i) {
            let own = first[t as usize] as usize;
            first[t as usize] += 1;
            for &(later, v) in &postings[own + 1..end[t as usize] as usize] {
                let d = later as usize - place - 1;
                if d >= ahead {
                    break;
                }
                sums[d] += w * v;
            }
        }
        means.push(if ahead == 0 {
            0.0
        } else {
            sums[..ahead].iter().sum::<f32>() / ahead as f32
        });
    }
    means
}

pub fn centroid<'a>(vectors: impl Iterator<Item = &'a [(u32, f32)]>, n_terms: usize) -> SparseVec {
    let mut dense = vec![0f32; n_terms];
    for v in vectors {
        for &(t, w) in v {
            dense[t as usize] += w;
        }
    }
    let mut c: SparseVec = dense
        .into_iter()
        .enumerate()
        .filter(|&(_, w)| w > 0.0)
        .map(|(t, w)| (t as u32, w))
        .collect();
    normalize(&mut c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::split_words;
    use crate::engine::sort::sort_by_key;

    /// [`sentence_terms`] of the sentences at `spans`.
    fn terms_of(text: &str, spans: &[Span], language: Language) -> (Vec<Vec<u32>>, usize) {
        let words: Vec<Vec<Span>> = spans
            .iter()
            .map(|&s| split_words(text, s).collect())
            .collect();
        let words: Vec<&[Span]> = words.iter().map(Vec::as_slice).collect();
        let (lists, n_terms) = sentence_terms(text, &words, language);
        (lists.iter().map(<[u32]>::to_vec).collect(), n_terms)
    }

    #[test]
    fn stems_and_drops_stop_words() {
        let text = "The runners were running. A runner runs.";
        let spans = [Span::new(0, 25), Span::new(26, text.len())];
        let (terms, n_terms) = terms_of(text, &spans, Language::English);
        // runners/runner share a stem; "were", "the", "a" are stop words.
        assert_eq!(terms[0].len(), 2);
        assert_eq!(terms[1].len(), 2);
        assert!(terms[0].contains(&terms[1][0]));
        assert!(n_terms <= 3);
    }

    /// Words that differ only in case are one term, whether their
    /// capitals are ASCII or not (the word table is keyed by the ASCII
    /// letters lower-cased; the term by the whole word's lower case).
    #[test]
    fn case_variants_are_one_term() {
        let text = "Runners RUNNERS runners. ÉLAN Élan élan. Straße STRASSE straße.";
        let spans = [
            Span::new(0, 24),
            Span::new(25, 42),
            Span::new(43, text.len()),
        ];
        let (terms, _) = terms_of(text, &spans, Language::English);
        for t in &terms[..2] {
            assert_eq!(t.len(), 3, "{terms:?}");
            assert!(t.iter().all(|&id| id == t[0]), "{terms:?}");
        }
        // "STRASSE" lower-cases to "strasse", not "straße": a term of its own.
        let t = &terms[2];
        assert!(t.len() == 3 && t[0] == t[2] && t[1] != t[0], "{terms:?}");
    }

    #[test]
    fn cjk_uses_bigrams() {
        let text = "東京都知事";
        let (terms, _) = terms_of(text, &[Span::new(0, text.len())], Language::Cjk);
        assert_eq!(terms[0].len(), 4);
    }

    /// The dense dot gives the sparse one's sums exactly, on vectors of
    /// every overlap and length ratio (both of `dot`'s paths).
    #[test]
    fn dense_dot_is_the_sparse_dot() {
        let mut next = crate::engine::testutil::random_numbers(5);
        for _ in 0..2_000 {
            let n_terms = 1 + (next() % 400) as usize;
            let mut vector = |max_len: u32| {
                let len = next() % max_len;
                let mut v: SparseVec = (0..len)
                    .map(|_| (next() % n_terms as u32, 0.01 + (next() % 1000) as f32 / 7.0))
                    .collect();
                sort_by_key(&mut v, |&(t, _)| t);
                v.dedup_by_key(|&mut (t, _)| t);
                normalize(&mut v);
                v
            };
            let a = vector(60);
            let b = vector(300);
            let (da, db) = (dense(&a, n_terms), dense(&b, n_terms));
            assert_eq!(dot_dense(&da, &b).to_bits(), dot(&a, &b).to_bits());
            assert_eq!(dot_dense(&db, &a).to_bits(), dot(&b, &a).to_bits());
        }
    }

    /// [`mean_dots_ahead`] gives, bit for bit, the mean of [`dot_dense`]
    /// with each of the next vectors, for every window and subset.
    #[test]
    fn mean_dots_ahead_is_the_mean_of_dense_dots() {
        let mut next = crate::engine::testutil::random_numbers(11);
        for _ in 0..300 {
            let n_terms = 1 + (next() % 60) as usize;
            let n_vectors = (next() % 40) as usize;
            let mut vectors = Lists::with_capacity(n_vectors, 0);
            for _ in 0..n_vectors {
                let len = next() % 12;
                let start = vectors.items.len();
                for _ in 0..len {
                    let t = next() % n_terms as u32;
                    vectors.items.push((t, 0.01 + (next() % 1000) as f32 / 7.0));
                }
                sort_by_key(&mut vectors.items[start..], |&(t, _)| t);
                let mut v = vectors.items.split_off(start);
                v.dedup_by_key(|&mut (t, _)| t);
                normalize(&mut v);
                vectors.items.extend(v);
                vectors.end_list();
            }
            let order: Vec<usize> = (0..n_vectors).filter(|_| next() % 4 != 0).collect();
            let window = (next() % 15) as usize;
            let means = mean_dots_ahead(&vectors, &order, window, n_terms);
            assert_eq!(means.len(), order.len());
            for (place, &i) in order.iter().enumerate() {
                let following = &order[place + 1..(place + 1 + window).min(order.len())];
                let d = dense(vectors.get(i), n_terms);
                let expected = if following.is_empty() {
                    0.0
                } else {
                    following
                        .iter()
                        .map(|&j| dot_dense(&d, vectors.get(j)))
                        .sum::<f32>()
                        / following.len() as f32
                };
                assert_eq!(means[place].to_bits(), expected.to_bits());
            }
        }
    }

    #[test]
    fn dot_looks_up_a_short_vector_in_a_long_one() {
        // Long enough for the binary-search path; the merge gives the same sum.
        let long: SparseVec = (0..200).map(|t| (t * 3, 1.0 / (1 + t) as f32)).collect();
        let short: SparseVec = vec![(0, 0.5), (4, 9.0), (9, 0.25), (597, 2.0), (598, 1.0)];
        let mut merged = 0.0;
        for &(t, w) in &short {
            if let Some(&(_, v)) = long.iter().find(|&&(u, _)| u == t) {
                merged += w * v;
            }
        }
        assert_eq!(dot(&short, &long), merged);
        assert_eq!(dot(&long, &short), merged);
        assert_eq!(dot(&Vec::new(), &long), 0.0);
    }

    #[test]
    fn cosine_of_identical_is_one() {
        let idf = vec![1.0, 2.0, 1.5];
        let a = tfidf(&mut [0, 1, 2, 2], &idf);
        assert!((dot(&a, &a) - 1.0).abs() < 1e-5);
        assert_eq!(dot(&a, &tfidf(&mut [], &idf)), 0.0);
    }
}
