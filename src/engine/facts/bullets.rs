//! Key-fact bullets: the body sentences densest in names, numbers and dates
//! that the summary did not already choose, or their densest clause.

use super::super::fast_map::FastSet;
use super::super::Span;
use super::tokens::TokenKind;
use super::{Line, Mode};

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
    for (li, line) in lines.iter().enumerate() {
        if !line.body || line.mode != Mode::Prose || is_chosen(line.sentence_idx) {
            continue;
        }
        let s = line.span.slice(text).trim();
        // Quotes are opinions, and a sentence with an unpaired quote mark
        // is part of a longer quotation.
        let n_straight = s.matches('"').count();
        let unpaired = n_straight % 2 == 1 || s.matches('“').count() != s.matches('”').count();
        if s.starts_with(['"', '“', '\'', '‘']) || unpaired || s.ends_with('?') || s.ends_with(':')
        {
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
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Best first, skipping near-repeats of the summary; only the first
    // [`MAX_EXAMINED`] candidates are compared, so that a long summary of
    // a long text stays linear.
    let chosen_words: Vec<FastSet<&str>> = lines
        .iter()
        .filter(|l| is_chosen(l.sentence_idx))
        .map(|l| words(l, l.span).collect())
        .collect();
    let mut bullets: Vec<(Span, usize)> = Vec::new();
    for &(_, li, span) in scored.iter().take(MAX_EXAMINED) {
        let ws: Vec<&str> = words(&lines[li], span).collect();
        if chosen_words.iter().any(|c| overlap(&ws, c) > MAX_OVERLAP) {
            continue;
        }
        bullets.push((span, li));
        if bullets.len() == MAX_BULLETS {
            break;
        }
    }
    bullets.sort_by_key(|b| b.1);
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

/// The share of `a`'s words found in `b`.
fn overlap(a: &[&str], b: &FastSet<&str>) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.contains(*w)).count();
    shared as f32 / a.len() as f32
}
