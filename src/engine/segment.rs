//! Segmentation: blocks (lines), paragraphs, sentences and words.
//!
//! Sentences come from unicode-segmentation's UAX #29 sentence bounds plus a
//! merge layer for what UAX #29 gets wrong on news text: abbreviations and
//! titles ("Mr.", "Inc.", "Dec. 7", "No. 5"), initials ("J. R. R."),
//! "U.S." inside a sentence, times ("6 a.m. Mr. Jones"), German ordinals
//! ("am 12. Juni"), and a quoted question followed by its attribution
//! (`"Why?" he asked.`); an abbreviation still ends a sentence when the
//! next word opens one ("the U.K. Then", `starters`). A piece is also cut
//! where UAX #29 joins two sentences: a number or an ellipsis that opens
//! one ("koud. 81 procent van"), inline list items ("1. … 2. …"). Line
//! breaks always end a sentence unless the next line continues in lower
//! case (hard-wrapped text).
//!
//! Everything here works on the normalised text (see `normalize`).

mod ascii_sentences;
mod starters;

use super::abbreviations::{abbreviation_kind, Kind};
use super::text::{self, ascii_lower_in, ascii_prefix_len};
use super::Span;
use ascii_sentences::{ascii_sentences, stand_in, stand_in_sentences};
use starters::{is_name_particle, opens_sentence};
use unicode_segmentation::UnicodeSegmentation;

/// One non-blank line (or several hard-wrapped lines joined) of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub paragraph_idx: usize,
}

/// Splits normalised text into blocks. A blank line starts a new paragraph;
/// a line that starts in lower case continues the previous block.
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph_idx = 0;
    let mut blank_before = false;
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let continues = !blank_before && trimmed.chars().next().is_some_and(char::is_lowercase);
        match blocks.last_mut() {
            Some(last) if continues && !ends_sentence(last.span.slice(text)) => {
                last.span.end = span.end
            }
            _ => {
                if blank_before && !blocks.is_empty() {
                    paragraph_idx += 1;
                }
                blocks.push(Block {
                    span,
                    paragraph_idx,
                });
            }
        }
        blank_before = false;
    }
    blocks
}

/// The text cut into blocks, sentences and words: what [`segment`] returns.
/// Every sentence's words are found once (counted for the summary's figures,
/// read for its terms); a block's words (what the cleaning reads) are its
/// sentences' words where no sentence bound falls inside a word
/// ([`words_within_sentences`]) and its own otherwise ("Mr.정부" is one
/// word of two sentences).
#[derive(Debug, Default)]
pub struct Segmentation {
    pub blocks: Vec<Block>,
    /// Every sentence's span, in order (block by block).
    sentences: Vec<Span>,
    /// Every sentence's words, one after another; sentence `i`'s end at `word_ends[i]`.
    words: Vec<Span>,
    word_ends: Vec<usize>,
    /// Per block, the end of its sentences in `sentences`.
    block_ends: Vec<usize>,
    /// The words of the blocks split whole, and where each such block's are.
    own_words: Vec<Span>,
    own_ranges: Vec<Option<(usize, usize)>>,
}

impl Segmentation {
    /// Every sentence's span (normalised offsets), in order.
    pub fn sentence_spans(&self) -> &[Span] {
        &self.sentences
    }

    /// The words of sentence `i`.
    pub fn sentence_words(&self, i: usize) -> &[Span] {
        &self.words[self.first_word(i)..self.word_ends[i]]
    }

    /// Where sentence `i`'s words start in `words` (the end of all the
    /// words when `i` is the number of sentences).
    fn first_word(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |j| self.word_ends[j])
    }

    /// The indices of block `b`'s sentences.
    pub fn block_sentences(&self, b: usize) -> std::ops::Range<usize> {
        b.checked_sub(1).map_or(0, |a| self.block_ends[a])..self.block_ends[b]
    }

    /// The words of block `b`.
    pub fn block_words(&self, b: usize) -> &[Span] {
        match self.own_ranges[b] {
            Some((start, end)) => &self.own_words[start..end],
            None => {
                let sentences = self.block_sentences(b);
                &self.words[self.first_word(sentences.start)..self.first_word(sentences.end)]
            }
        }
    }

    /// Every sentence's words, in order.
    pub fn all_sentence_words(&self) -> Vec<&[Span]> {
        (0..self.sentences.len())
            .map(|i| self.sentence_words(i))
            .collect()
    }

    /// Every block's words, in order.
    pub fn all_block_words(&self) -> Vec<&[Span]> {
        (0..self.blocks.len())
            .map(|b| self.block_words(b))
            .collect()
    }
}

/// Cuts normalised `text` into blocks, their sentences, and words.
pub fn segment(text: &str) -> Segmentation {
    let blocks = split_blocks(text);
    // (Sized for news: about 70 bytes a sentence, 6 a word; a guess only
    // saves the vectors' regrowth.)
    let mut seg = Segmentation {
        sentences: Vec::with_capacity(text.len() / 64 + 1),
        words: Vec::with_capacity(text.len() / 5 + 1),
        word_ends: Vec::with_capacity(text.len() / 64 + 1),
        block_ends: Vec::with_capacity(blocks.len()),
        own_words: Vec::new(),
        own_ranges: Vec::with_capacity(blocks.len()),
        blocks: Vec::new(),
    };
    // (Text with curly quotes or accents: its ASCII stand-ins, made once.)
    let stand_ins = StandIns::of(text);
    let stand_ins = stand_ins.as_ref();
    for block in &blocks {
        for span in split_block_sentences_in(text, block.span, stand_ins) {
            split_words_in(text, span, stand_ins).push_into(&mut seg.words);
            seg.word_ends.push(seg.words.len());
            seg.sentences.push(span);
        }
        seg.block_ends.push(seg.sentences.len());
        let within = words_within_sentences_in(text, block.span, stand_ins);
        seg.own_ranges.push((!within).then(|| {
            let start = seg.own_words.len();
            split_words_in(text, block.span, stand_ins).push_into(&mut seg.own_words);
            (start, seg.own_words.len())
        }));
    }
    seg.blocks = blocks;
    seg
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| CLOSERS.contains(c))
        .ends_with(|c: char| TERMINATORS.contains(c))
}

/// Characters that end a sentence.
const TERMINATORS: &str = ".!?…。！？";
/// Closing quotes and brackets that may follow a terminator.
const CLOSERS: &str = "\"'”’»)]」』】›";

/// Sentence spans of one block (normalised offsets), trimmed, never empty.
pub fn split_block_sentences(text: &str, block: Span) -> Vec<Span> {
    split_block_sentences_in(text, block, None)
}

/// [`split_block_sentences`] with the text's [`StandIns`] (`None` for an
/// ASCII text), made once for all its blocks.
pub fn split_block_sentences_in(
    text: &str,
    block: Span,
    stand_ins: Option<&StandIns>,
) -> Vec<Span> {
    let body = block.slice(text);
    let mut out: Vec<Span> = Vec::new();
    let mut pending_merge = false;
    // ASCII blocks (most of English news) take the table-free path.
    // Text with typographic marks and accented Latin letters takes it too,
    // on an ASCII stand-in.
    let pieces: Box<dyn Iterator<Item = (usize, &str)>> = if body.is_ascii() {
        Box::new(ascii_sentences(body))
    } else if let Some(proxy) = stand_ins.and_then(|s| s.sentences(block)) {
        Box::new(
            ascii_sentences(proxy)
                .filter_map(|(rel, piece)| Some((rel, body.get(rel..rel + piece.len())?))),
        )
    } else if let Some(pieces) = stand_ins
        .is_none()
        .then(|| stand_in_sentences(body))
        .flatten()
    {
        Box::new(pieces.into_iter())
    } else {
        Box::new(body.split_sentence_bound_indices())
    };
    // Inline list items ("1. … 2. …", "a) … b) …"): where each starts.
    let items = list_items(body);
    // (The items not yet passed: pieces come in order, so each item and
    // each piece is looked at a bounded number of times, linear in all.)
    let mut items_left = items.as_slice();
    for (rel, whole) in pieces {
        // (Most pieces have no start inside: one turn. The next inner start,
        // found once and kept until passed.)
        let mut from = 0;
        let mut inner = None;
        while from < whole.len() {
            while items_left.first().is_some_and(|&i| i < rel + from) {
                items_left = &items_left[1..];
            }
            let at_item = items_left.first() == Some(&(rel + from));
            let item = items_left
                .iter()
                .map(|&i| i - rel)
                .find(|&i| i > from)
                .filter(|&i| i < whole.len());
            if !matches!(inner, Some(Some(i)) if i > from) && inner != Some(None) {
                inner = Some(inner_start(whole, from));
            }
            let to = inner
                .flatten()
                .into_iter()
                .chain(item)
                .min()
                .unwrap_or(whole.len());
            let (rel, piece) = (rel + from, &whole[from..to]);
            from = to;
            let piece = Piece {
                rel,
                text: piece,
                item: at_item,
            };
            push_piece(text, block, piece, &mut out, &mut pending_merge);
        }
    }
    out
}

/// A piece of a block: where it starts in the block, its text, and whether
/// it starts an inline list item ([`list_items`]).
struct Piece<'a> {
    rel: usize,
    text: &'a str,
    item: bool,
}

/// Adds a piece of the block to the sentences `out`: a sentence of its
/// own, or the end of the last one (`continues_previous`); a list item
/// always starts one.
fn push_piece(
    text: &str,
    block: Span,
    piece: Piece,
    out: &mut Vec<Span>,
    pending_merge: &mut bool,
) {
    let Piece {
        rel,
        text: piece,
        item,
    } = piece;
    {
        let trimmed = piece.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let trimmed = trimmed.trim_start();
        if trimmed.is_empty() {
            return;
        }
        let start = block.start + rel + lead;
        let span = Span::new(start, start + trimmed.len());
        let merge = match out.last() {
            _ if item => false,
            Some(_) if *pending_merge => true,
            Some(prev) => continues_previous(prev.slice(text), trimmed),
            None => false,
        };
        match out.last_mut() {
            Some(prev) if merge => prev.end = span.end,
            _ => out.push(span),
        }
        *pending_merge = false;
        // At the start of a block, a sentence so far with no letter or digit
        // (a lone "—" or "***") joins the next piece; so does a list marker
        // ("1.", "12)", "a.") anywhere (not "See p. 55.", a marker's shape
        // once merged).
        if let Some(last) = out.last() {
            let last = last.slice(text);
            *pending_merge = (out.len() == 1 && !last.chars().any(char::is_alphanumeric))
                || is_list_marker(last);
        }
    }
}

/// Where a reader starts a sentence inside a UAX #29 piece, after `from`
/// (an offset into `piece`, past a full stop and its space): a number after
/// a word's full stop ("koud. 81 procent van…", "in 1990. 25 years
/// later…", which UAX #29 joins for the small letter that follows), an
/// ellipsis that opens one ("wachtte. ...en toen"); and, at the start of
/// a piece, the word after spaced closing quotes (`« Nous partons. » Puis`
/// starts at "Puis").
fn inner_start(piece: &str, from: usize) -> Option<usize> {
    if from == 0 {
        let quotes = piece.trim_start_matches(['»', '›', '”']);
        let rest = quotes.trim_start();
        if quotes.len() < piece.len()
            && rest.len() < quotes.len()
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return Some(piece.len() - rest.len());
        }
    }
    let mut at = from;
    while let Some(i) = piece.get(at..)?.find(". ") {
        let stop = at + i;
        at = stop + 2;
        let rest = piece[at..].trim_start();
        let start = piece.len() - rest.len();
        let number = rest.starts_with(|c: char| c.is_ascii_digit());
        let ellipsis = (rest.starts_with("...") || rest.starts_with('…'))
            && rest
                .trim_start_matches(['.', '…'])
                .starts_with(char::is_alphabetic);
        if (number || ellipsis) && ends_a_sentence(&piece[from..stop]) {
            return Some(start);
        }
    }
    None
}

/// Whether a full stop after `stem` ends a sentence for [`inner_start`]:
/// after a word of two letters or more that is no abbreviation ("koud"),
/// or a number of three digits or more ("1990"); not after "No", "p", "U.S",
/// "2.5" or an initial.
fn ends_a_sentence(stem: &str) -> bool {
    let word = stem
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“', '\'', '‘']);
    if word.len() >= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if word.chars().nth(1).is_none() || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let lower = text::lowercase(word);
    abbreviation_kind(&lower).is_none()
}

/// Where the items of a list written inline start in `body` (a block that
/// opens with an item's marker: "1. Mix the flour 2. Add water", "1) … 2)
/// …", "1.) …", "a. … b. …"): each marker that follows, in sequence and
/// written alike, after a space; in a block that opens with a bullet
/// ("•"), each bullet after a space. Empty for other blocks.
fn list_items(body: &str) -> Vec<usize> {
    // Bulleted: "• 9. The first • 10. The second", cut before each bullet.
    if let Some(bullet) = body
        .chars()
        .next()
        .filter(|c| matches!(c, '•' | '⁃' | '▪' | '◦'))
    {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(i) = body[at..].find(bullet) {
            at += i + bullet.len_utf8();
            let start = at - bullet.len_utf8();
            if start > 0 && body[..start].ends_with(' ') {
                out.push(start);
            }
        }
        return out;
    }
    let bytes = body.as_bytes();
    let (first, punct_len) = match bytes {
        [c @ b'1'..=b'9', b'.', b')', b' ', ..] | [c @ b'a'..=b'h', b'.', b')', b' ', ..] => {
            (*c, 2)
        }
        [c @ b'1'..=b'9', b'.' | b')', b' ', ..] | [c @ b'a'..=b'h', b'.' | b')', b' ', ..] => {
            (*c, 1)
        }
        _ => return Vec::new(),
    };
    let punct = &body[1..1 + punct_len];
    let mut out = Vec::new();
    let mut at = 0;
    // (The numbers go on past one digit, the letters stop at "z".)
    let mut next = u32::from(first) + 1;
    while first.is_ascii_digit() || next <= u32::from(b'z') {
        let marker = match char::from_u32(next) {
            Some(c) if first.is_ascii_lowercase() => format!(" {c}{punct} "),
            _ => format!(" {}{punct} ", next - u32::from(b'0')),
        };
        let Some(i) = body[at..].find(&marker) else {
            break;
        };
        at += i + 1;
        out.push(at);
        next += 1;
    }
    out
}

/// "1.", "12)", "(3)", "a.", "iv.", "• 9." — the number of a list item.
fn is_list_marker(piece: &str) -> bool {
    // (After a bullet: "• 9.")
    let piece = piece
        .strip_prefix(['•', '-', '*', '·'])
        .map_or(piece, str::trim_start);
    let core = piece.trim_start_matches('(').trim_end_matches(['.', ')']);
    piece.len() > core.len()
        && !core.is_empty()
        && core.len() <= 4
        && (core.chars().all(|c| c.is_ascii_digit())
            || core.chars().all(|c| "ivxlc".contains(c))
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_lowercase())))
}

/// Whether UAX #29 split `prev | next` where a reader would not.
fn continues_previous(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    // A split before lower case: `"Why?" he asked.` or an ellipsis mid-sentence.
    if first.is_lowercase() {
        return true;
    }
    // An ellipsis that opens a sentence after one that ended: "…wachtte.
    // ...en toen" (`inner_start` found it).
    if (next.starts_with("...") || first == '…') && ends_sentence(prev) {
        return false;
    }
    if !first.is_uppercase() && !first.is_ascii_digit() && !"\"'“‘(".contains(first) {
        return !first.is_alphanumeric() && !"¿¡«„".contains(first);
    }
    // A quoted sentence's attribution: `"It is over." Smith said.`
    if ends_in_quote(prev) && is_attribution(next) {
        return true;
    }
    // A citation after a quotation that ended: `…as he put it." (Jones 12).`
    if first == '(' && prev.ends_with(['"', '”', '“', '\'', '’', '»', '«']) && is_citation(next)
    {
        return true;
    }
    let Some(stem) = prev.strip_suffix('.') else {
        return false;
    };
    let last_word = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return false;
    }
    let next_raw = next.split_whitespace().next().unwrap_or("");
    let next_word = next_raw.trim_matches(|c: char| !c.is_alphanumeric());
    let digit = first.is_ascii_digit();
    // Dotted acronyms and abbreviations, written close or spaced: "U.S.",
    // "a.m.", "z.B.", "z. B.", "p. ex.", "EE. UU.".
    if let Some(dotted) = dotted_tail(stem) {
        return match abbreviation_kind(&dotted) {
            Some(Kind::Before) => true,
            _ if dotted == "a.m" || dotted == "p.m" => digit || continues_time(next_raw),
            _ => !opens_sentence(next_word),
        };
    }
    let mut chars = last_word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A letter before another ("J. R. R. Tolkien", the "z." of "z. B.").
        if is_short_stop(next_raw, 1) {
            return true;
        }
        // A single initial: "J. K. Rowling", "George W. Bush", "M. Le Pen";
        // but the pronoun or a letter that ends a sentence: "…her and I. Then".
        if c.is_uppercase() {
            return next_word.chars().nth(1).is_none()
                || !opens_sentence(next_word)
                || is_name_particle(next_word);
        }
    }
    // Two capitals before two more: the "EE." of "EE. UU.".
    if last_word.chars().count() == 2
        && last_word.chars().all(char::is_uppercase)
        && is_short_stop(next_raw, 2)
        && next_raw.chars().all(|c| c == '.' || c.is_uppercase())
    {
        return true;
    }
    // A German ordinal: "am 12. Juni", "im 19. Jahrhundert".
    if last_word.len() <= 2 && last_word.bytes().all(|b| b.is_ascii_digit()) {
        return is_ordinal(stem, last_word, next_word);
    }
    // (Lower-cased on the stack when ASCII; a hash set, not a scan of the
    // hundred abbreviations, for every full stop of the text.)
    let mut buf = [0u8; 16];
    let owned;
    let lower = match ascii_lower_in(last_word.as_bytes(), &mut buf) {
        Some(lower) => lower,
        None => {
            owned = text::lowercase(last_word);
            owned.as_str()
        }
    };
    match abbreviation_kind(lower) {
        Some(Kind::Before) => true,
        Some(_) if digit => true,
        // "No." only abbreviates before a number: "said no. Then".
        Some(Kind::Number) if lower == "no" => false,
        Some(_) => !opens_sentence(next_word),
        None => false,
    }
}

/// Whether `prev` ends with a quotation that ends a sentence and opened in
/// it: `"It is over."`, `“So?”`, `« Non ! »`. Not the last sentence of a
/// longer quotation (`Who am I?"`): an attribution joined to it would make
/// a sentence that starts inside a quote.
fn ends_in_quote(prev: &str) -> bool {
    let opened = match prev.trim_end().chars().last() {
        Some('"') => prev.matches('"').count() >= 2,
        Some('\'') => prev.matches('\'').count() >= 2,
        Some('”') => prev.contains('“'),
        Some('’') => prev.contains('‘'),
        Some('»') => prev.contains('«'),
        Some('“') => prev.contains('„'),
        _ => false,
    };
    opened && ends_sentence(prev)
}

/// Words a quotation's attribution may end with after its verb:
/// `Smith said on Monday.`, `Peskov told reporters.`
const AFTER_ATTRIBUTION: &[&str] = &[
    "afterwards",
    "at",
    "during",
    "in",
    "later",
    "on",
    "reporters",
    "then",
    "today",
    "tonight",
    "yesterday",
];

/// Longest attribution, in words: `Foreign Minister Sergei Lavrov told
/// reporters on Monday.`
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Whether `piece` is a quotation's attribution, a sentence of its own to
/// UAX #29: one to four words, the first capitalised, a speech verb, and
/// nothing more than a time or place (`Smith said.`, `The mayor added on
/// Monday.`), or the verb first (`Said Smith.`, `Said the mayor.`). Not `She said it twice.`:
/// the verb has an object.
fn is_attribution(piece: &str) -> bool {
    use super::facts::words::is_speech_verb;
    let Some(body) = piece.trim_end().strip_suffix(['.', '!']) else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_ATTRIBUTION_WORDS {
        return false;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let lower = |w: &str| text::lowercase(w);
    // `Said Smith.`
    if is_speech_verb(&lower(words[0])) {
        return words.len() <= 4 && (capitalised(&words[1]) || matches!(words[1], "the" | "a"));
    }
    let Some(verb) = (1..words.len().min(5)).find(|&i| is_speech_verb(words[i])) else {
        return false;
    };
    capitalised(&words[0])
        && !words[..verb].iter().any(|w| w.ends_with([',', ';', ':']))
        && words[verb + 1..]
            .first()
            .is_none_or(|w| AFTER_ATTRIBUTION.contains(&w.trim_end_matches(',')))
}

/// Whether `piece` opens with a short parenthesis that ends its sentence:
/// "(Jones 12).", "(p. 4)!"; or with the start of one that an abbreviation
/// cut short, "(Smith, p." of "(Smith, p. 4)." (the abbreviation rules
/// join the rest).
fn is_citation(piece: &str) -> bool {
    match piece.find(')') {
        Some(close) => close <= 40 && piece[close + 1..].starts_with(['.', '!', '?']),
        None => {
            piece.len() <= 40
                && piece
                    .trim_end()
                    .strip_suffix('.')
                    .and_then(|stem| stem.rsplit([' ', '(']).next())
                    .is_some_and(|word| abbreviation_kind(&text::lowercase(word)).is_some())
        }
    }
}

/// The dotted acronym or abbreviation that `stem` (a piece before its
/// final full stop) ends with, lower case without spaces ("u.s", "z.b",
/// "p.ex", "ee.uu"): a word with inner full stops, each part of one or two
/// characters ("U.S", "a.m", "z.B"; also a listed abbreviation such as
/// "u.a"), or two or more such parts each followed by a full stop and a
/// space ("z. B", "p. ex"). `None` for anything else, a lone initial
/// among them.
fn dotted_tail(stem: &str) -> Option<String> {
    let short = |p: &str| {
        let n = p.chars().count();
        (1..=3).contains(&n) && p.chars().all(char::is_alphabetic)
    };
    let mut words = stem.rsplit(char::is_whitespace);
    let last = words.next()?.trim_start_matches(['(', '"']);
    let mut parts: Vec<&str> = Vec::new();
    if last.contains('.') {
        let close: Vec<&str> = last.split('.').collect();
        let tight = close
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= 2);
        if !tight && !close.iter().all(|p| short(p)) {
            return None;
        }
        parts.extend(close.iter().rev());
        let lower = text::lowercase(last);
        if !tight && abbreviation_kind(&lower).is_none() {
            return None;
        }
    } else {
        if !short(last) {
            return None;
        }
        parts.push(last);
        for word in words {
            match word.strip_suffix('.') {
                Some(p) if short(p) && parts.len() < 4 => parts.push(p),
                _ => break,
            }
        }
        // Spaced parts: at least two, and not a run of capitals alone
        // (initials: "J. R. R"), unless two of two letters ("EE. UU").
        let initials = parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
        if parts.len() < 2 || initials {
            return None;
        }
        let lower = dotted_key(&parts);
        let all_two = parts.iter().all(|p| p.chars().count() == 2);
        return (abbreviation_kind(&lower).is_some() || all_two).then_some(lower);
    }
    Some(dotted_key(&parts))
}

/// Parts of a dotted word, last first, as one lower-case key: "z.b".
fn dotted_key(parts: &[&str]) -> String {
    let mut key = String::new();
    for (i, p) in parts.iter().rev().enumerate() {
        if i > 0 {
            key.push('.');
        }
        text::push_lowercase(&mut key, p);
    }
    key
}

/// "B." or "h." (`n` letters and a full stop): the next part of an
/// initial or a spaced abbreviation.
fn is_short_stop(word: &str, n: usize) -> bool {
    word.strip_suffix('.').is_some_and(|letters| {
        letters.chars().count() == n && letters.chars().all(char::is_alphabetic)
    })
}

/// After "a.m." or "p.m.": whether `word` goes on with the time (a title
/// before a name, a day, a month, a time zone) rather than opening a
/// sentence: "At 6 a.m. Mr. Jones left", "5 p.m. Monday", "8 p.m. ET".
fn continues_time(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(stem) = word.strip_suffix('.') {
        let lower = stem.to_ascii_lowercase();
        if abbreviation_kind(&lower).is_some() {
            return true;
        }
    }
    text::is_weekday(core)
        || matches!(
            core,
            "January"
                | "February"
                | "March"
                | "April"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "ET"
                | "EST"
                | "EDT"
                | "CT"
                | "CST"
                | "CDT"
                | "MT"
                | "MST"
                | "MDT"
                | "PT"
                | "PST"
                | "PDT"
                | "GMT"
                | "BST"
                | "UTC"
                | "CET"
                | "CEST"
                | "Eastern"
                | "Central"
                | "Pacific"
                | "Mountain"
        )
}

/// Whether the number `number` at the end of `stem` (before its full stop)
/// is a German ordinal before `next`: before a month ("am 12. Juni"), or
/// after an article or preposition that asks for one ("im 19.
/// Jahrhundert", "der 3. Platz") unless `next` opens a sentence.
fn is_ordinal(stem: &str, number: &str, next: &str) -> bool {
    let month = matches!(
        next,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
    );
    let before = stem[..stem.len() - number.len()]
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let asks = matches!(
        before,
        "am" | "im"
            | "vom"
            | "zum"
            | "beim"
            | "bis"
            | "seit"
            | "ab"
            | "zur"
            | "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
    );
    month || (asks && !opens_sentence(next))
}

/// A word of a sentence: its span (normalised offsets).
///
/// The words are UAX #29 word segments that hold a letter or digit. Pure
/// ASCII text (most English news) takes [`AsciiWords`], which applies the
/// same rules to ASCII directly: the general segmenter's table lookups were
/// the largest single cost of `summarize` (bench/ANALYSIS.md).
pub fn split_words(text: &str, span: Span) -> Words<'_> {
    split_words_in(text, span, None)
}

/// [`split_words`] with the text's [`StandIns`] (`None` for an ASCII
/// text), made once for all its spans.
pub fn split_words_in<'a>(text: &'a str, span: Span, stand_ins: Option<&'a StandIns>) -> Words<'a> {
    let start = span.start;
    let body = span.slice(text);
    if let Some(bytes) = stand_ins.and_then(|s| s.words(span)) {
        return Words::Ascii(AsciiWords {
            bytes,
            pos: 0,
            start,
        });
    }
    if body.is_ascii() {
        Words::Ascii(AsciiWords {
            bytes: body.as_bytes(),
            pos: 0,
            start,
        })
    } else if let Some(stand_in) = word_stand_in(body) {
        Words::StandIn(stand_in, 0, start)
    } else {
        Words::Unicode(body.split_word_bound_indices(), start)
    }
}

/// The iterator [`split_words`] returns.
pub enum Words<'a> {
    Ascii(AsciiWords<'a>),
    /// [`word_stand_in`] of the text, the position in it, the text's start.
    StandIn(Vec<u8>, usize, usize),
    Unicode(unicode_segmentation::UWordBoundIndices<'a>, usize),
}

impl Words<'_> {
    /// Appends the words to `out`: what `out.extend(self)` does, with the
    /// ASCII scan's loop in place (one dispatch for all the words, not one
    /// call per word).
    pub fn push_into(self, out: &mut Vec<Span>) {
        match self {
            Words::Ascii(words) => {
                for word in words {
                    out.push(word);
                }
            }
            other => out.extend(other),
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        match self {
            Words::Ascii(words) => words.next(),
            Words::StandIn(bytes, pos, start) => {
                let mut words = AsciiWords {
                    bytes,
                    pos: *pos,
                    start: *start,
                };
                let word = words.next();
                *pos = words.pos;
                word
            }
            Words::Unicode(bounds, start) => bounds
                .find(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| Span::new(*start + i, *start + i + w.len())),
        }
    }
}

/// Whether a block's words are its sentences' words, so that they can be
/// read off them (`summarize`): no sentence bound of `text` falls inside a
/// word. True of ASCII text (a full stop between letters or digits ends no
/// sentence) and of text whose other characters have both stand-ins
/// (cased Latin letters, curly quotes, dashes, signs); not of letters
/// without case ("Mr.정부": one word, two sentences), which this rules out
/// with every other character.
pub fn words_within_sentences(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || (stand_in(c).is_some() && word_stand_in_of(c).is_some()))
}

/// [`words_within_sentences`] of `span` of `text`, with the text's
/// [`StandIns`] (`None` for an ASCII text).
pub fn words_within_sentences_in(text: &str, span: Span, stand_ins: Option<&StandIns>) -> bool {
    match stand_ins {
        None => words_within_sentences(span.slice(text)),
        Some(s) => s.sentences(span).is_some() && s.words(span).is_some(),
    }
}

/// The sentence and word stand-ins of a whole text that is not ASCII,
/// made in one pass: each character's bytes as `stand_in_sentences` and
/// [`word_stand_in`] replace them, and 0 (which normalised text does not
/// hold) for a character with no stand-in. A span whose stand-in holds no
/// 0 is split on it; the rest take the Unicode tables.
pub struct StandIns {
    sentences: Vec<u8>,
    words: Vec<u8>,
}

impl StandIns {
    /// `None` for ASCII text (its own stand-in).
    pub fn of(text: &str) -> Option<StandIns> {
        if text.is_ascii() {
            return None;
        }
        let mut out = StandIns {
            sentences: Vec::with_capacity(text.len()),
            words: Vec::with_capacity(text.len()),
        };
        let mut rest = text;
        while !rest.is_empty() {
            let ascii = ascii_prefix_len(rest);
            out.sentences.extend_from_slice(&rest.as_bytes()[..ascii]);
            out.words.extend_from_slice(&rest.as_bytes()[..ascii]);
            rest = &rest[ascii..];
            let mut chars = rest.chars();
            let Some(c) = chars.next() else {
                break;
            };
            rest = chars.as_str();
            let n = c.len_utf8();
            out.sentences
                .extend(std::iter::repeat_n(stand_in(c).unwrap_or(0), n));
            match word_stand_in_of(c) {
                Some(b'\'') => {
                    out.words.push(b'\'');
                    out.words.extend(std::iter::repeat_n(CONTINUATION, n - 1));
                }
                b => out.words.extend(std::iter::repeat_n(b.unwrap_or(0), n)),
            }
        }
        Some(out)
    }

    /// The sentence stand-in of `span`, if every character there has one.
    fn sentences(&self, span: Span) -> Option<&str> {
        let bytes = self.sentences.get(span.range())?;
        (!bytes.contains(&0))
            .then(|| std::str::from_utf8(bytes).ok())
            .flatten()
    }

    /// The word stand-in of `span`, if every character there has one.
    fn words(&self, span: Span) -> Option<&[u8]> {
        let bytes = self.words.get(span.range())?;
        (!bytes.contains(&0)).then_some(bytes)
    }
}

/// A byte that stands for the rest of a character in [`word_stand_in`]
/// (no UTF-8 text holds it): the word rules look through it.
const CONTINUATION: u8 = 0xFF;

/// `text` with every character replaced by bytes of the same length that
/// [`AsciiWords`] splits as UAX #29 splits the text, when every character
/// is ASCII, a Latin letter (U+00C0–U+024F), a curly apostrophe (which
/// joins letters and digits as `'` does) or a typographic sign that joins
/// nothing; `None` otherwise. A letter becomes `a`s (letters run on
/// however many), an apostrophe `'` and [`CONTINUATION`]s, a sign `#`s.
fn word_stand_in(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let n = c.len_utf8();
        match word_stand_in_of(c)? {
            b'\'' => {
                out.push(b'\'');
                out.extend(std::iter::repeat_n(CONTINUATION, n - 1));
            }
            b => out.extend(std::iter::repeat_n(b, n)),
        }
    }
    Some(out)
}

/// The ASCII byte that stands for `c` in [`word_stand_in`] (its first
/// byte), if any: `c` itself, or its [`word_byte`](text::StandIn::word_byte).
fn word_stand_in_of(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    text::stand_in(c)?.word_byte()
}

/// UAX #29 word segments with a letter or digit, for ASCII-only text. In
/// ASCII the rules that join characters into one segment are: letters,
/// digits and `_` join each other (WB5, WB8–10, WB13a/b); a letter, then
/// `:` `.` or `'`, then a letter (WB6/7); a digit, then `,` `;` `.` or
/// `'`, then a digit (WB11/12). Every other character is a segment of its
/// own (or of spaces, WB3d), which holds no letter or digit.
pub struct AsciiWords<'a> {
    bytes: &'a [u8],
    pos: usize,
    start: usize,
}

/// Byte classes for [`AsciiWords`]: joins a word (letter, digit, `_`), is a
/// letter, is a digit, may join two letters, may join two digits.
const JOIN: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const MID_LETTER: u8 = 8;
const MID_NUM: u8 = 16;

static WORD_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || c == b'_' {
            class |= JOIN;
        }
        if c.is_ascii_alphabetic() {
            class |= ALPHA;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        if matches!(c, b':' | b'.' | b'\'') {
            class |= MID_LETTER;
        }
        if matches!(c, b',' | b';' | b'.' | b'\'') {
            class |= MID_NUM;
        }
        table[b] = class;
        b += 1;
    }
    table
};

impl Iterator for AsciiWords<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let b = self.bytes;
        let n = b.len();
        let class = |i: usize| WORD_CLASSES[usize::from(b[i])];
        let mut pos = self.pos;
        loop {
            while pos < n && class(pos) & JOIN == 0 {
                pos += 1;
            }
            if pos >= n {
                self.pos = n;
                return None;
            }
            let first = pos;
            let mut seen = 0u8;
            let mut i = pos;
            loop {
                // Letters, digits and `_` run on.
                let mut j = i;
                while j < n && class(j) & JOIN != 0 {
                    seen |= class(j);
                    j += 1;
                }
                i = j - 1;
                if j + 1 >= n {
                    break;
                }
                // letter (: . ') letter, digit (, ; . ') digit (the middle
                // character's own continuation bytes looked through).
                let mut k = j + 1;
                while k < n && b[k] == CONTINUATION {
                    k += 1;
                }
                if k >= n {
                    break;
                }
                let (last, mid, after) = (class(i), class(j), class(k));
                if (mid & MID_LETTER != 0 && last & after & ALPHA != 0)
                    || (mid & MID_NUM != 0 && last & after & DIGIT != 0)
                {
                    i = k;
                    continue;
                }
                break;
            }
            pos = i + 1;
            if seen & (ALPHA | DIGIT) != 0 {
                self.pos = pos;
                return Some(Span::new(self.start + first, self.start + pos));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testutil::{for_every_string, for_every_string_over};

    /// Splits `text` into sentences the way the engine does.
    fn sentences(text: &str) -> Vec<&str> {
        split_blocks(text)
            .iter()
            .flat_map(|b| split_block_sentences(text, b.span))
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn sentence_table() {
        let table: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "Dr. Jane Doe of Acme Inc. Ltd. spoke.",
                &["Dr. Jane Doe of Acme Inc. Ltd. spoke."],
            ),
            (
                "The two others — Sens. Cory Booker and Kamala Harris — lag. Reps. Omar \
                 and Tlaib spoke.",
                &[
                    "The two others — Sens. Cory Booker and Kamala Harris — lag.",
                    "Reps. Omar and Tlaib spoke.",
                ],
            ),
            // (But "sens" is a French word, and "reps" an English one.)
            (
                "Ça n'a aucun sens. Le gouvernement a parlé. He did 12 reps. Then he left.",
                &[
                    "Ça n'a aucun sens.",
                    "Le gouvernement a parlé.",
                    "He did 12 reps.",
                    "Then he left.",
                ],
            ),
            (
                "The U.S. Army said so. It did.",
                &["The U.S. Army said so.", "It did."],
            ),
            (
                "He lives in the U.S. The rest do not.",
                &["He lives in the U.S.", "The rest do not."],
            ),
            (
                "It happened on Dec. 7 in Hawaii. Then war.",
                &["It happened on Dec. 7 in Hawaii.", "Then war."],
            ),
            (
                "It starts at 9 a.m. and ends at 5 p.m. every day.",
                &["It starts at 9 a.m. and ends at 5 p.m. every day."],
            ),
            (
                "J. R. R. Tolkien wrote it. Fans agree.",
                &["J. R. R. Tolkien wrote it.", "Fans agree."],
            ),
            (
                "Growth was 2.5 percent. Costs rose $3.4 billion.",
                &["Growth was 2.5 percent.", "Costs rose $3.4 billion."],
            ),
            (
                "He ranked No. 1 in the world. Others did not.",
                &["He ranked No. 1 in the world.", "Others did not."],
            ),
            (
                "\"Why?\" he asked. Nobody knew.",
                &["\"Why?\" he asked.", "Nobody knew."],
            ),
            (
                "She said: \"It is over.\" Then she left.",
                &["She said: \"It is over.\"", "Then she left."],
            ),
            (
                "Wait... what happened? Nothing!",
                &["Wait... what happened?", "Nothing!"],
            ),
            (
                "Visit example.com or mail a.b@example.org today. Thanks.",
                &[
                    "Visit example.com or mail a.b@example.org today.",
                    "Thanks.",
                ],
            ),
            (
                "Heading without stop\nThe body starts here.",
                &["Heading without stop", "The body starts here."],
            ),
            (
                "- first item\n- second item",
                &["- first item", "- second item"],
            ),
            (
                "1. Mix the flour. Add water.\n2. Knead the dough.",
                &["1. Mix the flour.", "Add water.", "2. Knead the dough."],
            ),
            (
                "• Bullet one\n• Bullet two",
                &["• Bullet one", "• Bullet two"],
            ),
            ("*** The end.", &["*** The end."]),
            (
                "This line is wrapped\nin the middle. Next one.",
                &["This line is wrapped\nin the middle.", "Next one."],
            ),
            (
                "¿Qué pasa? ¡Nada! Bien.",
                &["¿Qué pasa?", "¡Nada!", "Bien."],
            ),
            (
                "Er sagte: „Nein.“ Dann ging er.",
                &["Er sagte: „Nein.“", "Dann ging er."],
            ),
            (
                "Il a dit « non ». Puis il est parti.",
                &["Il a dit « non ».", "Puis il est parti."],
            ),
            (
                "今日は晴れです。明日は雨です。",
                &["今日は晴れです。", "明日は雨です。"],
            ),
            ("Он пришёл. Она ушла.", &["Он пришёл.", "Она ушла."]),
        ];
        for (input, expected) in table {
            assert_eq!(sentences(input), *expected, "splitting {input:?}");
        }
    }

    /// Checks each `(text, sentences)` of a table.
    fn check_table(table: &[(&str, &[&str])]) {
        for (input, expected) in table {
            assert_eq!(sentences(input), *expected, "splitting {input:?}");
        }
    }

    /// Issue 22: an abbreviation or a dotted acronym ends a sentence when
    /// the next word opens one; a title before a name never does.
    #[test]
    fn abbreviation_ends_a_sentence_table() {
        check_table(&[
            (
                "She moved to the U.K. Then she found work.",
                &["She moved to the U.K.", "Then she found work."],
            ),
            (
                "They sold it to Smith & Co. The deal closed Friday.",
                &["They sold it to Smith & Co.", "The deal closed Friday."],
            ),
            (
                "Apples, pears, etc. Next week more.",
                &["Apples, pears, etc.", "Next week more."],
            ),
            (
                "He joined Warner Bros. But he left.",
                &["He joined Warner Bros.", "But he left."],
            ),
            (
                "It was Hank Williams Jr. He sang.",
                &["It was Hank Williams Jr.", "He sang."],
            ),
            (
                "Owned by News Corp. 'He lied,' she said.",
                &["Owned by News Corp.", "'He lied,' she said."],
            ),
            (
                "The U.S. Army and Acme Inc. Ltd. met Dr. Naser and Mr. Smith.",
                &["The U.S. Army and Acme Inc. Ltd. met Dr. Naser and Mr. Smith."],
            ),
            (
                "He met Mr. The and Gen. She.",
                &["He met Mr. The and Gen. She."],
            ),
            (
                "They moved to St. Louis. She lives on Main St. The house is old.",
                &[
                    "They moved to St. Louis.",
                    "She lives on Main St.",
                    "The house is old.",
                ],
            ),
            (
                "The case Buck v. Bell and the rest, e.g. Germany, i.e. Europe.",
                &["The case Buck v. Bell and the rest, e.g. Germany, i.e. Europe."],
            ),
            (
                "La Srta. Ledesma habló con el Lic. Pastoriza y la Sra. Gómez.",
                &["La Srta. Ledesma habló con el Lic. Pastoriza y la Sra. Gómez."],
            ),
            (
                "Vive en EE. UU. El año pasado volvió.",
                &["Vive en EE. UU.", "El año pasado volvió."],
            ),
            (
                "Sie arbeitet bei Müller & Co. Die Firma wächst.",
                &["Sie arbeitet bei Müller & Co.", "Die Firma wächst."],
            ),
            (
                "Il travaille chez Dupont & Cie, à Paris. Il a vu M. Dupont.",
                &[
                    "Il travaille chez Dupont & Cie, à Paris.",
                    "Il a vu M. Dupont.",
                ],
            ),
            (
                "Ha parlato il Dott. Rossi alla Ltd. Il giorno dopo è partito.",
                &[
                    "Ha parlato il Dott. Rossi alla Ltd.",
                    "Il giorno dopo è partito.",
                ],
            ),
            (
                "Trabalha na Petrobras S.A. Ela mora no Rio.",
                &["Trabalha na Petrobras S.A.", "Ela mora no Rio."],
            ),
            (
                "Hij werkt bij Jansen & Co. Het bedrijf groeit.",
                &["Hij werkt bij Jansen & Co.", "Het bedrijf groeit."],
            ),
            (
                "Он живёт на ул. Ленина в г. Москва. Она тоже.",
                &["Он живёт на ул. Ленина в г. Москва.", "Она тоже."],
            ),
        ]);
    }

    /// Issue 22: times and numbers. "a.m." and "p.m." end a sentence
    /// unless a title, a day, a month or a time zone follows; an
    /// abbreviation before a number never does.
    #[test]
    fn times_and_numbers_table() {
        check_table(&[
            ("At 6 a.m. Mr. Jones left.", &["At 6 a.m. Mr. Jones left."]),
            (
                "He left at 6 p.m. The store closed.",
                &["He left at 6 p.m.", "The store closed."],
            ),
            (
                "It airs at 9 p.m. ET on Sunday and at 4:58 a.m. Pacific Time.",
                &["It airs at 9 p.m. ET on Sunday and at 4:58 a.m. Pacific Time."],
            ),
            (
                "The trial resumes at 9 a.m. Tuesday. It may last weeks.",
                &["The trial resumes at 9 a.m. Tuesday.", "It may last weeks."],
            ),
            (
                "The news came at 5 p.m. Officials said little.",
                &["The news came at 5 p.m.", "Officials said little."],
            ),
            (
                "See p. 55. Then read No. 5, N°. 12, Art. 3 and vol. 2 of it.",
                &[
                    "See p. 55.",
                    "Then read No. 5, N°. 12, Art. 3 and vol. 2 of it.",
                ],
            ),
            (
                "He said no. Then he left.",
                &["He said no.", "Then he left."],
            ),
            (
                "Prices rose to $2.39. Though food fell, fuel rose.",
                &["Prices rose to $2.39.", "Though food fell, fuel rose."],
            ),
            (
                "It happened on Dec. 7 in Hawaii. It was Sun. The raid came.",
                &[
                    "It happened on Dec. 7 in Hawaii.",
                    "It was Sun.",
                    "The raid came.",
                ],
            ),
            (
                "Siehe Art. 3 und Nr. 5 im Gesetz.",
                &["Siehe Art. 3 und Nr. 5 im Gesetz."],
            ),
            (
                "Lee el núm. 4 y el Art. 12 de la ley.",
                &["Lee el núm. 4 y el Art. 12 de la ley."],
            ),
        ]);
    }

    /// Issue 22: the pronoun "I" ends a sentence; an initial does not.
    #[test]
    fn pronoun_and_initials_table() {
        check_table(&[
            (
                "You and I. Did you see Albert I. Jones? I live in the E.U. How about you?",
                &[
                    "You and I.",
                    "Did you see Albert I. Jones?",
                    "I live in the E.U.",
                    "How about you?",
                ],
            ),
            (
                "It was between her and I. Then we left with John F. Kennedy's papers.",
                &[
                    "It was between her and I.",
                    "Then we left with John F. Kennedy's papers.",
                ],
            ),
            (
                "It is to you and I. The aim is clear.",
                &["It is to you and I.", "The aim is clear."],
            ),
            (
                "J. R. R. Tolkien met George W. Bush and I. M. Pei.",
                &["J. R. R. Tolkien met George W. Bush and I. M. Pei."],
            ),
            (
                "Il a vu M. Le Pen et J. A. Dupont.",
                &["Il a vu M. Le Pen et J. A. Dupont."],
            ),
            (
                "He needs vitamin C. The doctor said so.",
                &["He needs vitamin C.", "The doctor said so."],
            ),
        ]);
    }

    /// Issue 22: German ordinals and abbreviations, French and Spanish
    /// abbreviations, ellipses inside a sentence.
    #[test]
    fn other_languages_table() {
        check_table(&[
            (
                "Er kam am 12. Juni nach Berlin. Das war im 19. Jahrhundert.",
                &[
                    "Er kam am 12. Juni nach Berlin.",
                    "Das war im 19. Jahrhundert.",
                ],
            ),
            (
                "Er wurde der 3. Sieger. Die Preise stiegen um 12. Die Firma schwieg.",
                &[
                    "Er wurde der 3. Sieger.",
                    "Die Preise stiegen um 12.",
                    "Die Firma schwieg.",
                ],
            ),
            (
                "Das war z. B. Obst, d. h. Äpfel, u. a. Birnen, z.B. Kiwis. Dann gingen wir.",
                &[
                    "Das war z. B. Obst, d. h. Äpfel, u. a. Birnen, z.B. Kiwis.",
                    "Dann gingen wir.",
                ],
            ),
            (
                "Das gilt d. h. Die Regel bleibt.",
                &["Das gilt d. h. Die Regel bleibt."],
            ),
            (
                "Il y a p. ex. Lyon et Mme Dupont. Elle part.",
                &["Il y a p. ex. Lyon et Mme Dupont.", "Elle part."],
            ),
            (
                "Hablé con la Dra. Pérez y el Sr. Ruiz. Él aceptó.",
                &["Hablé con la Dra. Pérez y el Sr. Ruiz.", "Él aceptó."],
            ),
            (
                "It was ... hard to say. . . really. It was fine.",
                &["It was ... hard to say. . . really.", "It was fine."],
            ),
        ]);
    }

    /// Issue 22: a sentence that opens with a number or an ellipsis after
    /// one that ended (UAX #29 joins them for the small letter after), an
    /// ellipsis inside a sentence, spaced closing quotes, ¿¡ and CJK stops.
    #[test]
    fn openings_ellipses_and_quotes_table() {
        check_table(&[
            (
                "Het was koud. 81 procent van de mensen bleef thuis.",
                &["Het was koud.", "81 procent van de mensen bleef thuis."],
            ),
            (
                "He was born in 1990. 25 years later he won. It rained.",
                &[
                    "He was born in 1990.",
                    "25 years later he won.",
                    "It rained.",
                ],
            ),
            (
                "Lee el No. 5 del Art. 3 en la p. 12 y el vol. 2 de la U.S. 5 veces.",
                &["Lee el No. 5 del Art. 3 en la p. 12 y el vol. 2 de la U.S. 5 veces."],
            ),
            (
                "Es ist 2.5. 3 Tage, sagte er.",
                &["Es ist 2.5. 3 Tage, sagte er."],
            ),
            (
                "Hij wachtte. ...en toen ging hij weg.",
                &["Hij wachtte.", "...en toen ging hij weg."],
            ),
            ("Aspettò. …e poi partì.", &["Aspettò.", "…e poi partì."]),
            (
                "It was ... hard to say. . . really. It was fine.",
                &["It was ... hard to say. . . really.", "It was fine."],
            ),
            (
                "Wait... what happened? Era… difícil decir.",
                &["Wait... what happened?", "Era… difícil decir."],
            ),
            (
                "Il a dit : « Nous partons. » Puis il est parti.",
                &["Il a dit : « Nous partons. »", "Puis il est parti."],
            ),
            (
                "Er sagte: „Wir gehen.“ Dann ging er.",
                &["Er sagte: „Wir gehen.“", "Dann ging er."],
            ),
            (
                "Ele disse: « Vamos. » E saiu.",
                &["Ele disse: « Vamos. »", "E saiu."],
            ),
            (
                "Он сказал: «Мы уходим». Она молчала.",
                &["Он сказал: «Мы уходим».", "Она молчала."],
            ),
            (
                "¿Vienes? ¡Claro que sí! Vamos.",
                &["¿Vienes?", "¡Claro que sí!", "Vamos."],
            ),
            (
                "东京很大。人很多！你去吗？",
                &["东京很大。", "人很多！", "你去吗？"],
            ),
        ]);
    }

    /// Issue 22: a quoted sentence followed by its attribution does not end
    /// there, in lower case or capitalised; a sentence that only opens with
    /// a name and a speech verb does.
    #[test]
    fn quotation_attributions_table() {
        check_table(&[
            (
                "\"It is over.\" Smith said. The crowd left.",
                &["\"It is over.\" Smith said.", "The crowd left."],
            ),
            (
                "\"Why?\" Anna Berg asked on Monday. Nobody knew.",
                &["\"Why?\" Anna Berg asked on Monday.", "Nobody knew."],
            ),
            (
                "“We will rebuild.” Said the mayor. Work starts soon.",
                &["“We will rebuild.” Said the mayor.", "Work starts soon."],
            ),
            (
                "\"Go home.\" The police chief told reporters. Roads closed.",
                &[
                    "\"Go home.\" The police chief told reporters.",
                    "Roads closed.",
                ],
            ),
            (
                "\"It is over,\" she said. Then she left.",
                &["\"It is over,\" she said.", "Then she left."],
            ),
            (
                "\"We will win.\" She said it twice. Then she left.",
                &["\"We will win.\"", "She said it twice.", "Then she left."],
            ),
            (
                "\"Stay inside.\" Officials said little else. The storm came.",
                &[
                    "\"Stay inside.\"",
                    "Officials said little else.",
                    "The storm came.",
                ],
            ),
            (
                "\"He fell on us.\" His friend died, he says. It was late.",
                &[
                    "\"He fell on us.\"",
                    "His friend died, he says.",
                    "It was late.",
                ],
            ),
            (
                "\"I was lost. Who am I?\" Lee said. It was late.",
                &["\"I was lost.", "Who am I?\"", "Lee said.", "It was late."],
            ),
            (
                "The vote passed. Smith said. It was late.",
                &["The vote passed.", "Smith said.", "It was late."],
            ),
        ]);
    }

    /// Issue 22: list items written inline or on lines, each its own
    /// sentence with its marker; a citation after a closing quote.
    #[test]
    fn lists_and_citations_table() {
        check_table(&[
            (
                "1. The first item 2. The second item",
                &["1. The first item", "2. The second item"],
            ),
            (
                "1) Erstens dies 2) zweitens das 3) drittens jenes.",
                &["1) Erstens dies", "2) zweitens das", "3) drittens jenes."],
            ),
            (
                "1.) Mélanger la farine. 2.) Ajouter l'eau.",
                &["1.) Mélanger la farine.", "2.) Ajouter l'eau."],
            ),
            (
                "a. El primero b. El segundo c. El tercero",
                &["a. El primero", "b. El segundo", "c. El tercero"],
            ),
            (
                "1. Een 2. Twee 3. Drie 4. Vier 5. Vijf 6. Zes 7. Zeven 8. Acht 9. Negen 10. Tien",
                &[
                    "1. Een", "2. Twee", "3. Drie", "4. Vier", "5. Vijf", "6. Zes", "7. Zeven",
                    "8. Acht", "9. Negen", "10. Tien",
                ],
            ),
            ("• 9. Nono punto\n- Outro", &["• 9. Nono punto", "- Outro"]),
            (
                "• 9. The ninth • 10. The tenth • And a dot • here",
                &["• 9. The ninth", "• 10. The tenth", "• And a dot", "• here"],
            ),
            (
                "Top stories. 1. Han flies again. 2. Hints of Luke.",
                &["Top stories.", "1. Han flies again.", "2. Hints of Luke."],
            ),
            (
                "He wants 1) money and 2) power. She wants 3. No more.",
                &[
                    "He wants 1) money and 2) power.",
                    "She wants 3.",
                    "No more.",
                ],
            ),
            (
                "He wrote \"it was over.\" (Jones 12). Then he left.",
                &["He wrote \"it was over.\" (Jones 12).", "Then he left."],
            ),
            (
                "He wrote \"the end is near.\" (Smith, p. 4). Then he left.",
                &[
                    "He wrote \"the end is near.\" (Smith, p. 4).",
                    "Then he left.",
                ],
            ),
            (
                "Il écrit « c'est fini. » (Dupont, p. 7). Puis il part.",
                &["Il écrit « c'est fini. » (Dupont, p. 7).", "Puis il part."],
            ),
            (
                "Sie schrieb „es ist vorbei.“ (Müller 3). Dann ging sie.",
                &["Sie schrieb „es ist vorbei.“ (Müller 3).", "Dann ging sie."],
            ),
            (
                "\"It is over.\" (He left the room at once and never came back.) Then.",
                &[
                    "\"It is over.\"",
                    "(He left the room at once and never came back.)",
                    "Then.",
                ],
            ),
        ]);
    }

    #[test]
    fn paragraphs_follow_blank_lines() {
        let text = "First para.\nStill first.\n\nSecond para.";
        let blocks = split_blocks(text);
        let paras: Vec<usize> = blocks.iter().map(|b| b.paragraph_idx).collect();
        assert_eq!(paras, vec![0, 0, 1]);
    }

    /// The UAX #29 word segments of `t` that hold a letter or digit.
    fn uax29_words(t: &str) -> Vec<(usize, usize)> {
        t.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| (i, i + w.len()))
            .collect()
    }

    /// [`split_words`] of the whole of `t`.
    fn our_words(t: &str) -> Vec<(usize, usize)> {
        split_words(t, Span::new(0, t.len()))
            .map(|s| (s.start, s.end))
            .collect()
    }

    /// The ASCII path gives exactly the UAX #29 segments that hold a letter or digit.
    #[test]
    fn ascii_words_match_uax29() {
        let (ours, uax29) = (our_words, uax29_words);
        let table = [
            "Hello, world -- it's 2024! U.S. e.g. 9,000.50 1;2 a:b a.b.c 3'4 x_y _z __ a_1",
            "can't won't rock'n'roll 'quoted' \"double\" (paren) a. b.. c...d 1.. .5 5. ,5 5,",
            "http://example.com/a?b=1&c=2 mail@example.org #tag @user 10:30 3:2 a:1 1:a",
            "tab\there\nnew line\r\ncrlf  two  spaces A'B' 'A 1'a a'1 1'1 _1_ 1_a",
        ];
        for t in table {
            assert_eq!(ours(t), uax29(t), "splitting {t:?}");
        }
        // Every short string over a small alphabet with all the joining characters.
        for_every_string(b"a1_:.',; -\"", 4, |t| {
            assert_eq!(ours(t), uax29(t), "splitting {t:?}");
        });
    }

    /// Text with curly apostrophes, typographic signs and Latin letters
    /// (split on an ASCII stand-in) gives the UAX #29 segments too: every
    /// short string over those and the joining characters, and every
    /// character that has a stand-in, in context.
    #[test]
    fn stand_in_words_match_uax29() {
        let check = |t: &str| assert_eq!(our_words(t), uax29_words(t), "splitting {t:?}");
        let alphabet = [
            "a", "1", "_", ".", "'", ",", " ", "é", "É", "ß", "’", "‘", "“", "—", "€",
        ];
        for_every_string_over(&alphabet, 4, check);
        let mut n = 0;
        for c in ('\u{80}'..='\u{2FFF}').filter(|c| word_stand_in(&c.to_string()).is_some()) {
            n += 1;
            for t in [
                format!("a{c}b"),
                format!("1{c}2"),
                format!("a{c}1"),
                format!("x {c}{c} y"),
                format!("a'{c}"),
                format!("{c}’s a.{c}"),
                format!("l’{c}t{c} 1’0{c}0"),
            ] {
                check(&t);
            }
        }
        assert!(n > 400, "{n} characters with a stand-in");
        assert!(word_stand_in("l’été à Zürich").is_some());
        assert!(word_stand_in("Да · 東京").is_none());
    }

    /// An ASCII block's words are its sentences' words, in order:
    /// `summarize` reads such a block's words off its sentences (no ASCII
    /// sentence bound falls inside a word, and trimming only drops spaces).
    /// Not so in other scripts: "Mr.정부" is one word of two sentences.
    #[test]
    fn block_words_are_its_sentences_words() {
        let check = |t: &str| {
            let block = Span::new(0, t.len());
            let whole: Vec<Span> = split_words(t, block).collect();
            let by_sentence: Vec<Span> = split_block_sentences(t, block)
                .into_iter()
                .flat_map(|s| split_words(t, s))
                .collect();
            assert_eq!(whole, by_sentence, "words of {t:?}");
        };
        for t in [
            "He left.She stayed. U.S.A. e.g. 3.5 a.m. Dec. 7 No. 5 \"Why?\" she asked.",
            "1. First 2) second (3) third a. fourth iv. fifth -- *** end.",
            "a.b A.B a.B A.b 1.2 a.1 1.a x_.y x._y 'a'.'b' a.'B' end.)The end.\"The",
        ] {
            check(t);
        }
        let block = |t: &str| Span::new(0, t.len());
        assert_eq!(split_words("Mr.정부", block("Mr.정부")).count(), 1);
        assert_eq!(split_block_sentences("Mr.정부", block("Mr.정부")).len(), 2);
        // Every short string over the characters that join words or end sentences.
        for_every_string(b"aA1_.?!\"') ,:;", 5, check);
        // And over those with stand-ins (`words_within_sentences`), but
        // not a letter without case, which `words_within_sentences` rules out.
        let alphabet = [
            "a", "A", "1", ".", "?", "'", " ", ",", "é", "É", "’", "“", "—", "…",
        ];
        for_every_string_over(&alphabet, 5, |s| {
            assert!(words_within_sentences(s), "{s:?}");
            check(s);
        });
        for t in ["a.ƻ", "Mr.정부", "Да.Да"] {
            assert!(!words_within_sentences(t), "{t:?}");
        }
    }

    /// The text-wide stand-ins split every block and span as the
    /// per-block ones do, with characters that have none among them.
    #[test]
    fn text_stand_ins_split_as_the_block_ones() {
        let alphabet = [
            "a", "A", "1", ".", "?", "'", " ", "\n", "é", "’", "“", "—", "Д", "½",
        ];
        for_every_string_over(&alphabet, 4, |s| {
            let text = format!("Zürich’s “x”.\n{s} end.");
            let stand_ins = StandIns::of(&text);
            assert!(stand_ins.is_some());
            for block in split_blocks(&text) {
                let sentences = split_block_sentences(&text, block.span);
                let with = split_block_sentences_in(&text, block.span, stand_ins.as_ref());
                assert_eq!(sentences, with, "{text:?}");
                for span in sentences.iter().copied().chain([block.span]) {
                    let words: Vec<Span> = split_words(&text, span).collect();
                    let with: Vec<Span> = split_words_in(&text, span, stand_ins.as_ref()).collect();
                    assert_eq!(words, with, "{text:?}");
                }
                assert_eq!(
                    words_within_sentences(block.span.slice(&text)),
                    words_within_sentences_in(&text, block.span, stand_ins.as_ref()),
                    "{text:?}"
                );
            }
        });
        assert!(StandIns::of("plain ASCII").is_none());
    }

    /// [`segment`]'s sentences, sentence words and block words are what
    /// the splitting functions give each block and sentence.
    #[test]
    fn segmentation_holds_every_split() {
        let texts = [
            "Title\n\nMr. Smith went to Washington. He left.\nShe stayed.\n\nEnd",
            "Mr.정부 발표. Zürich’s “x”. Да.Да\n\n  \nplain ASCII line. Another one.",
            "",
            "...\n---",
        ];
        for text in texts {
            let seg = segment(text);
            assert_eq!(seg.blocks, split_blocks(text));
            let mut n = 0;
            for (b, block) in seg.blocks.iter().enumerate() {
                let spans = split_block_sentences(text, block.span);
                let range = seg.block_sentences(b);
                assert_eq!(&seg.sentence_spans()[range.clone()], spans.as_slice());
                for (i, span) in range.zip(&spans) {
                    let words: Vec<Span> = split_words(text, *span).collect();
                    assert_eq!(seg.sentence_words(i), words.as_slice(), "{text:?}");
                }
                let words: Vec<Span> = split_words(text, block.span).collect();
                assert_eq!(seg.block_words(b), words.as_slice(), "{text:?}");
                n += spans.len();
            }
            assert_eq!(seg.sentence_spans().len(), n);
            assert_eq!(seg.all_block_words().len(), seg.blocks.len());
            assert_eq!(seg.all_sentence_words().len(), n);
        }
    }

    #[test]
    fn words_skip_punctuation() {
        let text = "Hello, world — it's 2024!";
        let words: Vec<&str> = split_words(text, Span::new(0, text.len()))
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(words, vec!["Hello", "world", "it's", "2024"]);
    }
}
