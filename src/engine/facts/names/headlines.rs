//! Headlines and all-caps lines: their words matched back to the names
//! found in the body and to the gazetteers.

use super::super::super::Span;
use super::super::tokens::TokenKind;
use super::super::{EntityKind, Line, Mode};
use super::lists::{KNOWN_ORGS, PARTICLES};
use super::{in_list, push_key, push_single_spaced_lower, word_bits, NameMention, PLACE};
use rustc_hash::FxHashMap;

/// Headlines and all-caps lines: words are matched back to the names found
/// in the body, and to the gazetteers.
pub(super) fn match_headlines(
    text: &str,
    lines: &[Line],
    is_lower_word: &dyn Fn(&str) -> bool,
    out: &mut Vec<NameMention>,
) {
    let is_headline = |l: &&Line| matches!(l.mode, Mode::Shouting | Mode::Title);
    if !lines.iter().any(|l| is_headline(&l)) {
        return;
    }
    // The first bytes of the headlines' lower-cased words: a key (below)
    // that starts with another byte matches no run of them, and is not
    // made. (A key that starts with a character beyond ASCII is always
    // made: its lower case is not known before it is.)
    let mut firsts = [false; 128];
    for line in lines.iter().filter(is_headline) {
        for (t, w) in line.tokens.iter().zip(line.lower) {
            if let (TokenKind::Word, Some(&b)) = (t.kind, w.as_bytes().first()) {
                firsts[usize::from(b & 0x7f)] |= b.is_ascii();
            }
        }
    }
    let may_match = |s: &str| {
        s.bytes()
            .find(|b| !b.is_ascii_whitespace())
            .is_none_or(|b| !b.is_ascii() || firsts[usize::from(b.to_ascii_lowercase())])
    };
    // Each mention's text and each word of a person's full name, lower-cased
    // in one buffer, each with the mention it stands for; the first mention
    // of a key wins.
    // (Room for every mention's text twice: itself and its words.)
    let mentions_len: usize = out.iter().map(|m| m.span.len()).sum();
    let mut arena = String::with_capacity(2 * mentions_len);
    let mut keys: Vec<(usize, usize, usize)> = Vec::with_capacity(2 * out.len());
    for (mi, m) in out.iter().enumerate() {
        if !may_match(m.span.slice(text)) {
            continue;
        }
        let start = arena.len();
        push_single_spaced_lower(&mut arena, m.span.slice(text));
        keys.push((start, arena.len(), mi));
    }
    // "SHEARER" in the headline is the body's "Alan Shearer".
    for (mi, m) in out.iter().enumerate() {
        if m.kind != EntityKind::Person || m.n_tokens < 2 {
            continue;
        }
        for w in m
            .span
            .slice(text)
            .split_whitespace()
            .filter(|w| may_match(w))
        {
            let start = arena.len();
            crate::engine::text::push_lowercase(&mut arena, w);
            let lower = &arena[start..];
            if lower.chars().count() >= 3 && !in_list(PARTICLES, lower) {
                keys.push((start, arena.len(), mi));
            } else {
                arena.truncate(start);
            }
        }
    }
    let mut known: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for &(start, end, mi) in &keys {
        known.entry(&arena[start..end]).or_insert(mi);
    }
    let mut taken: Vec<usize> = out.iter().map(|m| m.span.start).collect();
    crate::engine::sort::sort_by_key(&mut taken, |&i| i);
    let mut found = Vec::new();
    // The key of up to four words from token `i` on, and where the key of
    // each shorter run ends in it (a run's key is a prefix of a longer
    // run's).
    let mut run_key = String::new();
    let mut key_ends = [0usize; 5];
    for line in lines.iter().filter(is_headline) {
        let toks = &line.tokens;
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind != TokenKind::Word || taken.binary_search(&toks[i].span.start).is_ok() {
                i += 1;
                continue;
            }
            let longest = toks[i..toks.len().min(i + 4)]
                .iter()
                .take_while(|t| t.kind == TokenKind::Word)
                .count();
            run_key.clear();
            push_key(&mut run_key, &line.lower[i..i + longest]);
            let mut n_words = 0;
            for (k, b) in run_key.bytes().enumerate() {
                if b == b' ' {
                    n_words += 1;
                    key_ends[n_words] = k;
                }
            }
            key_ends[longest] = run_key.len();
            let mut matched = 0;
            for n in (1..=longest).rev() {
                let key = &run_key[..key_ends[n]];
                let hit = if let Some(&mi) = known.get(key) {
                    Some((out[mi].kind, out[mi].entity_key.clone()))
                } else if n == 1 && is_lower_word(key) {
                    // "A DIRECTOR WHO DARES": a word the body writes in
                    // lower case is that word, not the gazetteer's name.
                    None
                } else {
                    let bits = word_bits(key);
                    if bits & PLACE != 0 {
                        Some((EntityKind::Place, key.to_owned()))
                    } else if bits & KNOWN_ORGS.bit != 0 && key.len() > 2 {
                        Some((EntityKind::Organization, key.to_owned()))
                    } else {
                        None
                    }
                };
                if let Some((kind, entity_key)) = hit {
                    found.push(NameMention {
                        span: Span::new(toks[i].span.start, toks[i + n - 1].span.end),
                        sentence_idx: line.sentence_idx,
                        kind,
                        entity_key,
                        n_tokens: n,
                        from_headline: true,
                        role: None,
                    });
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
    out.extend(found);
}
