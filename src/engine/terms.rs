//! Terms: what sentences are compared by.
//!
//! A term is a lower-cased, stemmed content word (stop words dropped) or,
//! for CJK text, a bigram of ideographs/kana. Each sentence becomes a sparse
//! TF-IDF vector (L2-normalised), with IDF taken over the document's own
//! sentences: the engine has no corpus, and within one article that is what
//! separates its topic words from the rest.

use super::fast_map::FastMap;
use super::language::Language;
use super::normalize::push_lowercase;
use super::segment::split_words;
use super::Span;

/// A sparse vector: `(term id, weight)` sorted by term id.
pub type SparseVec = Vec<(u32, f32)>;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// When one vector is this many times longer than the other, [`dot`] looks
/// the short one's terms up by binary search instead of merging.
const SEARCH_RATIO: usize = 16;

/// Longest word considered a term: longer "words" are URLs or junk.
const MAX_TERM_BYTES: usize = 40;

/// Term ids of each sentence (with repeats), ids given in order of first use.
pub fn sentence_terms(text: &str, spans: &[Span], language: Language) -> (Vec<Vec<u32>>, usize) {
    let stemmer = language.stemmer();
    let mut ids: FastMap<String, u32> = FastMap::default();
    // Each distinct lower-cased word is checked and stemmed once: its term
    // id, or `None` for a stop word or a one-letter word. News repeats its
    // words, and stemming every occurrence was the largest part of scoring.
    // Keyed by the word as written (no allocation, no lower-casing for a
    // word seen before): "The" and "the" are two keys with one answer.
    let mut by_word: FastMap<&str, Option<u32>> = FastMap::default();
    let mut lower = String::new();
    let mut out = Vec::with_capacity(spans.len());
    for &span in spans {
        let mut terms = Vec::new();
        let mut prev_cjk: Option<char> = None;
        for word in split_words(text, span) {
            let w = word.slice(text);
            if let Some(&id) = by_word.get(w) {
                prev_cjk = None;
                terms.extend(id);
                continue;
            }
            if w.chars().any(is_cjk) {
                for c in w.chars().filter(|&c| is_cjk(c)) {
                    if let Some(p) = prev_cjk {
                        let bigram: String = [p, c].iter().collect();
                        terms.push(intern(&mut ids, &bigram));
                    }
                    prev_cjk = Some(c);
                }
                continue;
            }
            prev_cjk = None;
            if w.len() > MAX_TERM_BYTES {
                continue;
            }
            lower.clear();
            push_lowercase(&mut lower, w);
            let trimmed = trim_possessive(&lower);
            let id = if trimmed.chars().count() < 2 || language.is_stop_word(trimmed) {
                None
            } else {
                Some(match &stemmer {
                    Some(s) => intern(&mut ids, &s.stem(trimmed)),
                    None => intern(&mut ids, trimmed),
                })
            };
            by_word.insert(w, id);
            terms.extend(id);
        }
        out.push(terms);
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

fn intern(ids: &mut FastMap<String, u32>, term: &str) -> u32 {
    if let Some(&id) = ids.get(term) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(term.to_owned(), id);
    id
}

/// Inverse document frequency over `docs` (sentences), smoothed.
pub fn idf(docs: &[&[u32]], n_terms: usize) -> Vec<f32> {
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
    df.iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect()
}

/// The TF-IDF vector of one sentence, L2-normalised (empty if no terms).
pub fn tfidf(terms: &[u32], idf: &[f32]) -> SparseVec {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut v: SparseVec = Vec::new();
    for t in sorted {
        match v.last_mut() {
            Some((last, w)) if *last == t => *w += 1.0,
            _ => v.push((t, 1.0)),
        }
    }
    for (t, w) in v.iter_mut() {
        *w = (1.0 + w.ln()) * idf[*t as usize];
    }
    normalize(&mut v);
    v
}

pub fn normalize(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// Dot product of two sorted sparse vectors (the cosine when both are normalised).
pub fn dot(a: &SparseVec, b: &SparseVec) -> f32 {
    // A sentence against the document's centroid: walking the centroid's
    // every term made scoring O(sentences × vocabulary), quadratic in
    // practice; look the few terms up instead. Same terms, same order of
    // additions, so the same sum.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * SEARCH_RATIO < long.len() {
        let mut rest = long.as_slice();
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
pub fn centroid<'a>(vectors: impl Iterator<Item = &'a SparseVec>, n_terms: usize) -> SparseVec {
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

    #[test]
    fn stems_and_drops_stop_words() {
        let text = "The runners were running. A runner runs.";
        let spans = [Span::new(0, 25), Span::new(26, text.len())];
        let (terms, n_terms) = sentence_terms(text, &spans, Language::English);
        // runners/runner share a stem; "were", "the", "a" are stop words.
        assert_eq!(terms[0].len(), 2);
        assert_eq!(terms[1].len(), 2);
        assert!(terms[0].contains(&terms[1][0]));
        assert!(n_terms <= 3);
    }

    #[test]
    fn cjk_uses_bigrams() {
        let text = "東京都知事";
        let (terms, _) = sentence_terms(text, &[Span::new(0, text.len())], Language::Cjk);
        assert_eq!(terms[0].len(), 4);
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
        let a = tfidf(&[0, 1, 2, 2], &idf);
        assert!((dot(&a, &a) - 1.0).abs() < 1e-5);
        assert_eq!(dot(&a, &tfidf(&[], &idf)), 0.0);
    }
}
