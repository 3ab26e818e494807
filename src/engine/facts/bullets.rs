//! Key-fact bullets: the body sentences densest in names, numbers and dates
//! that the summary did not already choose, or their densest clause. A
//! bullet is read alone, so a sentence that opens with a reference to the
//! one before it ("He was convicted in 1998.", "It will cost $5m.") is
//! none.

use super::super::normalize::is_line_break;
use super::super::sort;
use super::super::Span;
use super::tokens::TokenKind;
use super::{Line, Mode};
use rustc_hash::FxHashMap;

/// How many bullets at most, and at least when there are enough candidates.
pub(crate) const MAX_BULLETS: usize = 5;
/// Sentences outside these word counts make poor bullets.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 45;
/// Shared-word share above which a sentence repeats a summary sentence.
const MAX_OVERLAP: f32 = 0.6;
/// How many of the best candidates are compared with the summary.
const MAX_EXAMINED: usize = 4 * MAX_BULLETS;

/// A fact-bearing item inside a line: a name, a number or a date.
pub(crate) struct Anchor {
    pub span: Span,
    /// Numbers and dates count more than names: they make a fact concrete.
    pub weight: f32,
}

/// The anchors inside `span`; `anchors` are sorted by start.
fn in_span(anchors: &[Anchor], span: Span) -> impl Iterator<Item = &Anchor> {
    let lo = anchors.partition_point(|a| a.span.start < span.start);
    anchors[lo..]
        .iter()
        .take_while(move |a| a.span.start < span.end)
        .filter(move |a| span.contains(a.span))
}

/// Chooses the bullets: `(span, line index)` in text order; `anchors`
/// sorted by start.
pub(crate) fn choose_bullets(
    text: &str,
    lines: &[Line],
    chosen: &[usize],
    anchors: &[Anchor],
) -> Vec<(Span, usize)> {
    // `chosen` is ascending (see `Summary::chosen`).
    let is_chosen = |idx: usize| chosen.binary_search(&idx).is_ok();
    let mut scored: Vec<(f32, usize, Span)> = Vec::new();
    let rows = table_rows(text);
    for (li, line) in lines.iter().enumerate() {
        if !line.body || line.mode != Mode::Prose || line.leans_back || is_chosen(line.sentence_idx)
        {
            continue;
        }
        let s = line.span.slice(text).trim();
        // Quotes are opinions, and a sentence with an unpaired quote mark
        // is part of a longer quotation. A sentence in a row of a table's
        // cells (a tab between them: "DL\tChris Smith\t29\t39%\t1 assist
        // (1 combined). 1 QH.") means little without the table's header.
        if s.starts_with(['"', '“', '\'', '‘'])
            || s.ends_with('?')
            || s.ends_with(':')
            || in_table_row(&rows, line.span)
        {
            continue;
        }
        let (n_straight, n_open, n_close) = double_quotes(s);
        if n_straight % 2 == 1 || n_open != n_close {
            continue;
        }
        let span = best_clause(text, line, anchors);
        let n_words = words(line, span).count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&n_words) {
            continue;
        }
        let density: f32 = in_span(anchors, span).map(|a| a.weight).sum();
        if density <= 0.0 {
            continue;
        }
        scored.push((density / (n_words as f32).sqrt(), li, span));
    }
    sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Best first, skipping near-repeats of the summary and of the bullets
    // already taken ("The Tories are on 36 per cent, ..." after "A new
    // survey by Lord Ashcroft had the Tories on 36 per cent, ..."); only
    // the first [`MAX_EXAMINED`] candidates are compared, so that a long
    // summary of a long text stays linear.
    let mut bullets: Vec<(Span, usize)> = Vec::new();
    if scored.is_empty() {
        return bullets;
    }
    let mut chosen_words = SummaryWords::new(
        lines
            .iter()
            .filter(|l| is_chosen(l.sentence_idx))
            .map(|l| words(l, l.span)),
    );
    let mut ws: Vec<&str> = Vec::new();
    for &(_, li, span) in scored.iter().take(MAX_EXAMINED) {
        ws.clear();
        ws.extend(words(&lines[li], span));
        if chosen_words.repeated_by(&ws) {
            continue;
        }
        chosen_words.add(ws.iter().copied());
        bullets.push((span, li));
        if bullets.len() == MAX_BULLETS {
            break;
        }
    }
    sort::sort_by_key(&mut bullets, |b| b.1);
    bullets
}

/// The clause of a sentence with the most anchors when it has several
/// clauses separated by "; ", else the sentence.
fn best_clause(text: &str, line: &Line, anchors: &[Anchor]) -> Span {
    let span = line.span;
    let s = span.slice(text);
    if !s.contains("; ") {
        return span;
    }
    let mut best = span;
    let mut best_score = -1.0f32;
    let mut start = 0;
    for piece in s.split("; ") {
        let clause = Span::new(span.start + start, span.start + start + piece.len());
        start += piece.len() + 2;
        let trimmed = piece.trim_end_matches([';', ',', ' ']);
        let clause = Span::new(clause.start, clause.start + trimmed.len());
        if words(line, clause).count() < MIN_WORDS {
            continue;
        }
        let score: f32 = in_span(anchors, clause).map(|a| a.weight).sum();
        if score > best_score {
            best_score = score;
            best = clause;
        }
    }
    best
}

/// The lower-cased words and numbers of `line` inside `span`.
fn words<'l>(line: &'l Line, span: Span) -> impl Iterator<Item = &'l str> {
    line.tokens
        .iter()
        .zip(line.lower)
        .filter(move |(t, _)| t.kind != TokenKind::Punct && span.contains(t.span))
        .map(|(_, w)| *w)
}

/// Longest line read as a row of a table's cells, in bytes: a row is
/// short ("DL\tChris Smith\t29\t39%\t1 assist"); a longer line with a
/// tab is prose with a stray one (as `ui::rich_text` keeps a layout
/// table's long cell a paragraph).
const MAX_ROW_BYTES: usize = 400;

/// The rows of a table's cells in the text, in order: its lines (split at
/// every character the normaliser reads as a line break) that hold a tab
/// between two cells (not only at their ends: "\tThe company said ..." is
/// an indented paragraph) and are at most [`MAX_ROW_BYTES`] long. Found in
/// one pass; none when the text has no tab.
fn table_rows(text: &str) -> Vec<Span> {
    if !text.contains('\t') {
        return Vec::new();
    }
    let mut rows = Vec::new();
    let mut start = 0;
    for line in text.split(is_line_break) {
        let cells = line.trim_matches([' ', '\t']);
        if cells.len() <= MAX_ROW_BYTES && cells.contains('\t') {
            rows.push(Span::new(start, start + line.len()));
        }
        // (The break after the line: one character, of 1 to 3 bytes.)
        start += line.len()
            + text[start + line.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    rows
}

/// Whether `span` overlaps one of `rows` (sorted, apart): a sentence that
/// starts in a row, or runs into one.
fn in_table_row(rows: &[Span], span: Span) -> bool {
    let k = rows.partition_point(|r| r.end <= span.start);
    rows.get(k).is_some_and(|r| r.start < span.end)
}

/// How many straight, opening curly and closing curly double quotes `s`
/// holds (the curly ones counted only where there is a byte that starts
/// them).
fn double_quotes(s: &str) -> (usize, usize, usize) {
    let bytes = s.as_bytes();
    // (Most sentences hold none: one vectorised search rules them out.)
    let straight = if bytes.contains(&b'"') {
        bytes.iter().filter(|&&b| b == b'"').count()
    } else {
        0
    };
    // '“' and '”' are E2 80 9C and E2 80 9D in UTF-8.
    if !bytes.contains(&0xE2) {
        return (straight, 0, 0);
    }
    (straight, s.matches('“').count(), s.matches('”').count())
}

/// The words of the summary's sentences, each with the sentences it is in:
/// one bit per sentence in groups of 64, so that one lookup per word of a
/// candidate counts its shared words with every summary sentence.
struct SummaryWords<'l> {
    /// (word → sentences of the group it is in, sentences in the group)
    groups: Vec<(FxHashMap<&'l str, u64>, usize)>,
}

impl<'l> SummaryWords<'l> {
    fn new<I: Iterator<Item = &'l str>>(sentences: impl Iterator<Item = I>) -> Self {
        let mut summary = SummaryWords { groups: Vec::new() };
        for words in sentences {
            summary.add(words);
        }
        summary
    }

    /// One more sentence's words (a bullet once taken: the next may not
    /// repeat it either).
    fn add(&mut self, words: impl Iterator<Item = &'l str>) {
        if self.groups.last().is_none_or(|(_, n)| *n == 64) {
            self.groups.push((FxHashMap::default(), 0));
        }
        if let Some((map, n)) = self.groups.last_mut() {
            for w in words {
                *map.entry(w).or_default() |= 1 << *n;
            }
            *n += 1;
        }
    }

    /// Whether more than [`MAX_OVERLAP`] of `words` (counted with repeats)
    /// are words of one summary sentence.
    fn repeated_by(&self, words: &[&str]) -> bool {
        if words.is_empty() {
            return false;
        }
        self.groups.iter().any(|(map, n)| {
            let mut shared = [0u32; 64];
            for w in words {
                let mut sentences = map.get(w).copied().unwrap_or(0);
                while sentences != 0 {
                    shared[sentences.trailing_zeros() as usize] += 1;
                    sentences &= sentences - 1;
                }
            }
            shared[..*n]
                .iter()
                .any(|&k| k as f32 / words.len() as f32 > MAX_OVERLAP)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    /// A bullet once taken counts as a sentence the next may not repeat,
    /// in the 64-sentence group after the summary's.
    #[test]
    fn a_taken_bullet_is_not_repeated() {
        let summary_sentence = ["the", "storm", "hit"];
        let mut words = SummaryWords::new((0..64).map(|_| summary_sentence.iter().copied()));
        let bullet = ["tories", "on", "36", "per", "cent"];
        let repeat = ["the", "tories", "on", "36", "per", "cent"];
        assert!(!words.repeated_by(&repeat));
        words.add(bullet.iter().copied());
        assert_eq!(words.groups.len(), 2);
        assert!(words.repeated_by(&repeat));
        assert!(!words.repeated_by(&["clegg", "visited", "eastleigh"]));
    }

    /// A span is in a table row when it overlaps a short line with a tab
    /// between two cells, wherever on the line it starts; an indented
    /// paragraph, a long line and lines without a tab are no rows, and
    /// every line break the normaliser knows ends a line.
    #[test]
    fn table_rows_are_short_lines_with_a_tab_between_cells() {
        let text = "Prose here. More prose.\r\n\tAn indented paragraph.\u{2028}\
                    DL\tChris Smith\t29\t1 assist. 1 QH.\rEnd";
        let rows = table_rows(text);
        assert_eq!(rows.len(), 1, "{rows:?}");
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        assert!(in_table_row(&rows, at("DL")));
        assert!(in_table_row(&rows, at("1 QH.")));
        assert!(in_table_row(&rows, at("paragraph.\u{2028}DL")));
        assert!(!in_table_row(&rows, at("More prose.")));
        assert!(!in_table_row(&rows, at("An indented paragraph.")));
        assert!(!in_table_row(&rows, at("End")));
        assert!(table_rows("No tab at all.\nNone.").is_empty());
        let long = format!("{}\t{}", "word ".repeat(60), "word ".repeat(60));
        assert!(table_rows(&long).is_empty());
    }

    /// The share of `a`'s words found in `b` (what [`SummaryWords`] counts
    /// for every summary sentence at once).
    fn overlap(a: &[&str], b: &FxHashSet<&str>) -> f32 {
        if a.is_empty() {
            return 0.0;
        }
        let shared = a.iter().filter(|w| b.contains(*w)).count();
        shared as f32 / a.len() as f32
    }

    /// `repeated_by` is "some summary sentence's word set holds more than
    /// MAX_OVERLAP of the words", for 1 to 150 summary sentences (three
    /// groups of 64) over a small vocabulary, with empty sentences and
    /// candidates among them.
    #[test]
    fn summary_words_match_per_sentence_sets() {
        let vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut numbers = crate::engine::testutil::random_numbers(3);
        let mut next = |m: usize| numbers() as usize % m;
        let (mut repeats, mut checks) = (0, 0);
        for n_sentences in [1, 2, 3, 63, 64, 65, 150] {
            let sentences: Vec<Vec<&str>> = (0..n_sentences)
                .map(|_| (0..next(5)).map(|_| vocabulary[next(8)]).collect())
                .collect();
            let sets: Vec<FxHashSet<&str>> = sentences
                .iter()
                .map(|s| s.iter().copied().collect())
                .collect();
            let summary = SummaryWords::new(sentences.iter().map(|s| s.iter().copied()));
            for _ in 0..200 {
                let candidate: Vec<&str> = (0..next(7)).map(|_| vocabulary[next(8)]).collect();
                let expected = sets.iter().any(|c| overlap(&candidate, c) > MAX_OVERLAP);
                assert_eq!(summary.repeated_by(&candidate), expected, "{candidate:?}");
                repeats += usize::from(expected);
                checks += 1;
            }
        }
        // Both answers occur.
        assert!(repeats > 0 && repeats < checks, "{repeats} of {checks}");
    }

    #[test]
    fn double_quotes_are_counted() {
        for s in ["", "a \"b\" c", "“a” and “b", "x ” y", "\"“", "–—é"] {
            let expected = (
                s.matches('"').count(),
                s.matches('“').count(),
                s.matches('”').count(),
            );
            assert_eq!(double_quotes(s), expected, "{s:?}");
        }
    }
}
