//! Quotations and their speakers: `"I can confirm...," Peskov told
//! reporters`, `..., said Peskov`, `Peskov said: "..."` (or `‘...’`, the
//! British style); "he"/"she" is read as the last person named before the
//! quote.

use super::super::text::{closes_quotation, opens_quotation};
use super::super::Span;
use super::names::NameMention;
use super::tokens::TokenKind;
use super::words::is_speech_verb;
use super::{EntityKind, Line, Quote};

/// Quotes shorter than this many words are scare quotes or titles
/// ("Evita", "star trek"), not statements.
const MIN_QUOTE_WORDS: usize = 4;
/// How far (in tokens) from the quote mark the speech verb may be.
const ATTRIBUTION_WINDOW: usize = 6;
/// A quote spans at most this many lines after the one it opens in.
const MAX_QUOTE_LINES: usize = 3;

/// British style quotes with single marks, ‘…’. The closing mark is the
/// apostrophe too ("don’t", "Peres’"), so a quotation opens only at a ‘
/// that follows a space, a bracket, a dash or a colon (or starts the text)
/// and comes before a letter (not a digit: "the ‘80s"), and closes only at
/// a ’ that no letter or digit follows. (A plural's apostrophe inside a
/// quote, "the players’ union", still ends it there.)
fn opens_single(text: &str, at: Span) -> bool {
    let before = text[..at.start].chars().next_back();
    let after = text[at.end..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':'))
        && after.is_some_and(char::is_alphabetic)
}
fn closes_single(text: &str, at: Span) -> bool {
    !text[at.end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// An open quote: the byte offset after its opening mark, its line, and
/// the mark's offset.
type Open = (usize, usize, usize);

/// Finds the quotes of the document's `lines` (in order); `names` are the
/// typed names, sorted by position. Double marks (`"`, “…”, „…“, «…») and
/// single ones (‘…’) are followed apart, so that a stray ‘ ("‘em") never
/// hides a double-marked quote; a ‘ inside an open double-marked quote is
/// a quote within it, not one of its own.
pub(crate) fn find_quotes(text: &str, lines: &[Line], names: &[NameMention]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // The open double-marked quote and the open single-marked one.
    let mut open: [Option<Open>; 2] = [None, None];
    let mut last_paragraph = usize::MAX;
    // The last attributed quote.
    let mut said: Option<Said> = None;
    for (li, line) in lines.iter().enumerate() {
        for o in &mut open {
            // A quote does not run on across a blank line or over many lines.
            let stale = o.is_some_and(|(_, l, _)| li > l + MAX_QUOTE_LINES);
            if line.paragraph_idx != last_paragraph || stale {
                *o = None;
            }
        }
        last_paragraph = line.paragraph_idx;
        for t in line.tokens.iter().filter(|t| t.kind == TokenKind::Punct) {
            let c = t.span.slice(text).chars().next().unwrap_or(' ');
            let closes = [
                c == '"' || closes_quotation(c),
                c == '’' && closes_single(text, t.span),
            ];
            let opens = [
                c == '"' || opens_quotation(c),
                c == '‘' && open[0].is_none() && opens_single(text, t.span),
            ];
            for k in 0..2 {
                match open[k] {
                    Some((start, start_line, mark)) if closes[k] => {
                        let span = trim_quote(text, Span::new(start, t.span.start));
                        // (Counted only as far as the minimum.)
                        let long_enough = span
                            .slice(text)
                            .split_whitespace()
                            .nth(MIN_QUOTE_WORDS - 1)
                            .is_some();
                        if long_enough {
                            let speaker =
                                find_speaker(lines, start_line, li, start, t.span.end, names)
                                    .or_else(|| {
                                        same_speaker(text, lines, said, start_line, mark, names)
                                    });
                            if let Some(speaker) = speaker {
                                said = Some(Said {
                                    speaker,
                                    end: t.span.end,
                                    line: li,
                                });
                            }
                            quotes.push(Quote {
                                span,
                                speaker,
                                sentence_idx: lines[start_line].sentence_idx,
                            });
                        }
                        open[k] = None;
                    }
                    None if opens[k] => open[k] = Some((t.span.end, li, t.span.start)),
                    _ => {}
                }
            }
        }
    }
    // (Quotes are pushed as they close: a single-marked one around a
    // double-marked one closes after it.)
    super::super::sort::sort_by_key(&mut quotes, |q| q.span.start);
    quotes
}

/// An attributed quote: its speaker, its end, and the line it ends in.
#[derive(Clone, Copy)]
struct Said {
    speaker: Span,
    end: usize,
    line: usize,
}

/// The speaker of a quote that no words attribute, opening at `open` in
/// line `at`: that of the quote just before it (`said`), when this one
/// opens its sentence, in the same paragraph, in the line that one ends in
/// or the next, and no other person is named between the two. News runs
/// one speaker's quotes on: `"We get that you're frustrated," Bosma said.
/// "We get that you are concerned."`
fn same_speaker(
    text: &str,
    lines: &[Line],
    said: Option<Said>,
    at: usize,
    open: usize,
    names: &[NameMention],
) -> Option<Span> {
    let said = said?;
    let opens_sentence = lines[at]
        .tokens
        .first()
        .is_some_and(|t| t.span.start == open);
    // (The names between the two are read only when the rest holds.)
    let other = || {
        let who = said.speaker.slice(text);
        within(names, Span::new(said.end, open))
            .any(|m| m.kind == EntityKind::Person && m.span.slice(text) != who)
    };
    (opens_sentence
        && lines[at].paragraph_idx == lines[said.line].paragraph_idx
        && at <= said.line + 1
        && said.end <= open
        && !other())
    .then_some(said.speaker)
}

/// The quote without surrounding spaces and a trailing comma.
fn trim_quote(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

fn find_speaker(
    lines: &[Line],
    open_line: usize,
    close_line: usize,
    open_at: usize,
    close_at: usize,
    names: &[NameMention],
) -> Option<Span> {
    let speaker_name =
        |m: &&NameMention| matches!(m.kind, EntityKind::Person | EntityKind::Organization);
    // (Token ranges of a line; its words lower-cased are `line.lower`.)
    let is_verb = |line: &Line, k: usize| is_speech_verb(line.lower[k]);
    let is_pronoun = |line: &Line, k: usize| matches!(line.lower[k], "he" | "she");
    // After the quote: `," Peskov told reporters` / `, said Peskov`.
    let line = &lines[close_line];
    let from = line.tokens.partition_point(|t| t.span.start < close_at);
    let after = from..(from + ATTRIBUTION_WINDOW).min(line.tokens.len());
    if after.clone().any(|k| is_verb(line, k)) {
        let window = Span::new(
            close_at,
            after
                .clone()
                .last()
                .map_or(close_at, |k| line.tokens[k].span.end),
        );
        // A person over an organisation in the same phrase: "Kremlin
        // spokesman Dmitry Peskov told" is Peskov's.
        let named = || {
            within(names, window)
                .filter(speaker_name)
                .filter(|m| window.contains(m.span))
        };
        if let Some(m) = named()
            .find(|m| m.kind == EntityKind::Person)
            .or_else(|| named().next())
        {
            return Some(m.span);
        }
        if let Some(k) = after.clone().find(|&k| is_pronoun(line, k)) {
            let p = line.tokens[k].span;
            return last_person_before(names, p.start).or(Some(p));
        }
    }
    // Before the quote: `Peskov said: "...` / `he told reporters, "...`.
    let line = &lines[open_line];
    let upto = line.tokens.partition_point(|t| t.span.end < open_at);
    let before = upto.saturating_sub(4 * ATTRIBUTION_WINDOW)..upto;
    let tail = upto.saturating_sub(ATTRIBUTION_WINDOW).max(before.start)..upto;
    if let Some(verb) = tail.rev().find(|&k| is_verb(line, k)) {
        let verb_at = line.tokens[verb].span.start;
        let sentence_start = line.span.start;
        let named = || {
            within(names, Span::new(sentence_start, verb_at))
                .filter(speaker_name)
                .filter(|m| m.span.end <= verb_at)
        };
        if let Some(m) = named()
            .filter(|m| m.kind == EntityKind::Person)
            .last()
            .or_else(|| named().last())
        {
            return Some(m.span);
        }
        if let Some(k) = before
            .rev()
            .find(|&k| line.tokens[k].span.end <= verb_at && is_pronoun(line, k))
        {
            let p = line.tokens[k].span;
            return last_person_before(names, p.start).or(Some(p));
        }
    }
    None
}

fn last_person_before(names: &[NameMention], at: usize) -> Option<Span> {
    let end = names.partition_point(|m| m.span.end <= at);
    names[..end]
        .iter()
        .rfind(|m| m.kind == EntityKind::Person)
        .map(|m| m.span)
}

/// The names starting inside `span` (`names` sorted, not overlapping).
fn within(names: &[NameMention], span: Span) -> impl Iterator<Item = &NameMention> {
    let lo = names.partition_point(|m| m.span.start < span.start);
    names[lo..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
}
