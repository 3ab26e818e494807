//! Dates, times, durations, money, percentages, quantities and plain
//! numbers, each with its exact span ("Dec. 7", "last year", "9 a.m.",
//! "three years", "$600 billion", "58 percent", "20 km"). A count of things
//! is a number of its own ("2,000" in "2,000 troops", "Four" in "Four
//! Norwegians"), as MUC-7 and IE-ER's CARDINAL mark it.

use super::super::text::is_weekday_any_case;
use super::super::word_list::{words, Words};
use super::super::Span;
use super::tokens::TokenKind;
use super::{EntityKind, Line, Mode};

/// A number-like fact found in a line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NumberMention {
    pub span: Span,
    pub sentence_idx: usize,
    pub kind: EntityKind,
}

// The word lists, each a `match`: compared by length, then inline (a
// search of a list per token showed in profiles).
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "mar."
            | "apr."
            | "jun."
            | "jul."
            | "aug."
            | "sep."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

fn is_relative_day(w: &str) -> bool {
    matches!(w, "today" | "tomorrow" | "yesterday" | "tonight")
}

fn is_date_cue(w: &str) -> bool {
    matches!(w, "last" | "next" | "this" | "earlier" | "later")
}

fn is_clock_word(w: &str) -> bool {
    matches!(w, "noon" | "midnight")
}

/// A currency's word or code written before its amount: AP's "dlrs 18",
/// South Asian news' "Rs 299" and "Rs. 1,200", a code ("USD 5 million").
fn is_currency_before(w: &str) -> bool {
    matches!(
        w,
        "dlrs" | "rs" | "rs." | "inr" | "usd" | "eur" | "gbp" | "pkr" | "lkr" | "npr"
    )
}

fn is_period(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "month"
            | "week"
            | "weekend"
            | "decade"
            | "century"
            | "season"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "quarter"
    )
}

/// The units of a length of time, singular and plural ("three years", "a
/// decade").
fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
    )
}

/// Counts written as words ("three years", "Four Norwegians", "dozens of
/// cars"). "one" is left out: it is as often a pronoun ("one of them").
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "thousands"
            | "millions"
            | "dozen"
            | "dozens"
    )
}

/// Words that count a length of time without a number: "a decade",
/// "several days", "one year".
fn is_duration_count(w: &str) -> bool {
    matches!(w, "a" | "an" | "one" | "several" | "few" | "many")
}

/// A word token "five-year" or "20-year" (a number, a dash, a singular time
/// unit), not an age ("25-year-old" has a second dash).
fn is_joined_duration(w: &str) -> bool {
    w.split_once('-').is_some_and(|(n, unit)| {
        (n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() || is_number_word(n))
            && matches!(
                unit,
                "second" | "minute" | "hour" | "day" | "week" | "month" | "year"
            )
    })
}

/// A race time: "1:18.9", "4:07.13", "1:41.41.2" (minutes and seconds with
/// tenths; a clock time has no decimals: [`is_clock`]).
fn is_race_time(s: &str) -> bool {
    let Some((m, rest)) = s.split_once(':') else {
        return false;
    };
    !m.is_empty()
        && m.len() <= 2
        && rest.contains('.')
        && m.bytes().all(|b| b.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b':')
        && rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && rest.as_bytes().last().is_some_and(u8::is_ascii_digit)
}

fn is_currency_symbol(w: &str) -> bool {
    matches!(w, "$" | "£" | "€" | "¥" | "₹" | "₽")
}

fn is_currency_word(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "dollars"
            | "dlrs"
            | "pound"
            | "pounds"
            | "euro"
            | "euros"
            | "yen"
            | "mark"
            | "marks"
            | "francs"
            | "franc"
            | "rupees"
            | "yuan"
            | "rubles"
            | "roubles"
            | "pesos"
            | "cents"
            | "crowns"
            | "lire"
            | "lira"
            | "guilders"
            | "shekels"
            | "rand"
            | "won"
            | "baht"
            | "ringgit"
    )
}

/// Scale words after a number ("600 billion", "5 Milliarden", "3 bn").
fn is_scale_word(w: &str) -> bool {
    matches!(
        w,
        "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "millions"
            | "milliards"
            | "millones"
            | "milioni"
            | "miliardi"
            | "millionen"
            | "milliarden"
            | "mio"
            | "mrd"
            | "bn"
    )
}

/// [`is_scale_word`] and the short forms that count only after a currency
/// symbol ("$3m", "£5k").
fn is_scale(w: &str) -> bool {
    is_scale_word(w) || matches!(w, "mln" | "m" | "k" | "mn")
}

/// Whether "pounds" after the amount at tokens `i..=b` weigh rather than
/// pay: unless "sterling" or a currency's sign follows ("10,925 pounds
/// ($16,935)") or money is talked of just before ("paid", "a ransom of"),
/// pounds weigh, as in American news ("5,200 pounds of water vapor",
/// "lost 20 pounds"). Of the 39 amounts in words of pounds in CoNLL-2003
/// train and cnndm_train, this reads 38 as a reader does (every one was
/// money before: 17 right); the one it misses is money with its cue too
/// far back ("net profit for the six months to June 30 rose to 9.77
/// million pounds").
// (Not inlined: into the amounts' loop it costs the page about 20 more
// gzipped bytes.)
#[inline(never)]
fn weighs(line: &Line, i: usize, b: usize) -> bool {
    let money_after =
        w(line, b + 2) == "sterling" || (b + 2..b + 5).any(|k| is_currency_symbol(w(line, k)));
    let cue = |k: usize| MONEY_CUES.iter().any(|c| c == w(line, k));
    !money_after && !(i.saturating_sub(MONEY_CUE_WINDOW)..i).any(cue)
}

/// How many words before an amount in pounds [`weighs`] reads for talk of
/// money.
const MONEY_CUE_WINDOW: usize = 8;
/// Words that make an amount in pounds money ([`weighs`]).
const MONEY_CUES: Words = words![
    "paid",
    "pay",
    "cost",
    "costs",
    "worth",
    "bought",
    "sold",
    "spent",
    "fine",
    "fined",
    "prize",
    "fee",
    "fees",
    "salary",
    "compensation",
    "ransom",
    "profit",
    "deficit",
    "loss",
    "debt",
    "deal",
    "price",
    "value",
    "money",
];

fn is_percent_word(w: &str) -> bool {
    matches!(w, "percent" | "pct" | "%")
}

fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "acres"
            | "barrels"
            | "cm"
            | "degrees"
            | "feet"
            | "foot"
            | "ft"
            | "gallons"
            | "grams"
            | "hectares"
            | "inches"
            | "kg"
            | "kilograms"
            | "kilometers"
            | "kilometres"
            | "km"
            | "lb"
            | "lbs"
            | "litres"
            | "liters"
            | "meters"
            | "metres"
            | "miles"
            | "mph"
            | "ounces"
            // (After money, which they are when talk of money is near:
            // `weighs`.)
            | "pound"
            | "pounds"
            | "tonnes"
            | "tons"
            | "yards"
    )
}

fn is_time_suffix(w: &str) -> bool {
    matches!(
        w,
        "a.m." | "p.m." | "am" | "pm" | "gmt" | "edt" | "est" | "bst"
    )
}

/// A time zone after a time ("8 p.m. ET").
fn is_time_zone(w: &str) -> bool {
    matches!(
        w,
        "et" | "est"
            | "edt"
            | "ct"
            | "cst"
            | "cdt"
            | "pt"
            | "pst"
            | "pdt"
            | "gmt"
            | "bst"
            | "utc"
            | "cet"
    )
}

/// The lower-cased word at `k` of `line`, or "" past its end.
fn w<'l>(line: &'l Line, k: usize) -> &'l str {
    line.lower.get(k).copied().unwrap_or("")
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&s.parse::<u32>().unwrap_or(0))
}

fn is_day(s: &str) -> bool {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (1..=31).contains(&digits.parse::<u32>().unwrap_or(0))
}

/// Finds the number-like facts of one line, appended to `out` (one vector
/// for the whole document).
pub(crate) fn find_numbers(text: &str, line: &Line, out: &mut Vec<NumberMention>) {
    let toks = &line.tokens;
    let mut i = 0;
    let push = |out: &mut Vec<NumberMention>, a: usize, b: usize, kind: EntityKind| {
        out.push(NumberMention {
            span: Span::new(toks[a].span.start, toks[b].span.end),
            sentence_idx: line.sentence_idx,
            kind,
        });
    };
    // Money whose amount is token `k` (after a currency symbol or "dlrs")
    // and from token `a` on, with a scale word after the amount: where it
    // ends.
    let money = |out: &mut Vec<NumberMention>, a: usize, k: usize| {
        let b = if is_scale(w(line, k + 1)) { k + 1 } else { k };
        push(out, a, b, EntityKind::Money);
        b
    };
    // A length of time from token `a` whose unit is token `unit`, with the
    // parts that follow it ("2 hours, 32 minutes, 25.3 seconds"): where to
    // go on. "ago" stays out: "[three years] ago" is a length of time
    // before now, as MUC-7 and IE-ER mark it.
    let duration = |out: &mut Vec<NumberMention>, a: usize, unit: usize| {
        let mut b = unit;
        loop {
            let comma = usize::from(w(line, b + 1) == ",");
            let part = b + 1 + comma;
            if toks.get(part).is_some_and(|t| t.kind == TokenKind::Number)
                && is_time_unit(w(line, part + 1))
            {
                b = part + 1;
            } else {
                break;
            }
        }
        push(out, a, b, EntityKind::Duration);
        b + 1
    };
    while i < toks.len() {
        let t = toks[i];
        // (Only punctuation and numbers are read as written; words by
        // their lower case.)
        let word = if t.kind == TokenKind::Word {
            ""
        } else {
            t.span.slice(text)
        };
        // Money with a symbol: "$600 billion", "£3m", "US$5". (The symbols
        // are punctuation tokens, and punctuation starts nothing else.)
        if t.kind == TokenKind::Punct {
            if is_currency_symbol(word)
                && toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number)
            {
                let a = if i > 0
                    && toks[i - 1].span.end == t.span.start
                    && toks[i - 1].kind == TokenKind::Word
                    && toks[i - 1].span.slice(text).len() <= 2
                {
                    i - 1
                } else {
                    i
                };
                i = money(out, a, i + 1) + 1;
                continue;
            }
            i += 1;
            continue;
        }
        let lw = w(line, i);
        let next = w(line, i + 1);
        // "dlrs 18" (AP style), "Rs 299", "Rs. 1,200".
        if is_currency_before(lw) {
            let amount = if next == "." { i + 2 } else { i + 1 };
            if toks
                .get(amount)
                .is_some_and(|n| n.kind == TokenKind::Number)
            {
                i = money(out, i, amount) + 1;
                continue;
            }
        }
        if t.kind == TokenKind::Number {
            // Dates written with digits: "1996-08-30", "7 December 1941", "1940s".
            let iso = word.len() == 10 && word.as_bytes()[4] == b'-' && is_year(&word[..4]);
            if iso {
                push(out, i, i, EntityKind::Date);
                i += 1;
                continue;
            }
            if is_day(word) && is_month(next) {
                let b = if toks.get(i + 2).is_some_and(|t| is_year(t.span.slice(text))) {
                    i + 2
                } else {
                    i + 1
                };
                push(out, i, b, EntityKind::Date);
                i = b + 1;
                continue;
            }
            let mut b = i;
            let mut scaled = false;
            if is_scale_word(next) {
                b += 1;
                scaled = true;
            }
            let after = w(line, b + 1);
            let after2 = w(line, b + 2);
            // ("won" is a verb as often as Korea's money: only a scaled
            // amount is read as won, "5 billion won".)
            if is_currency_word(after)
                && (after != "won" || scaled)
                && !(matches!(after, "pound" | "pounds") && weighs(line, i, b))
            {
                let mut e = b + 1;
                if (after == "pounds" && after2 == "sterling") || after2 == "dollars" {
                    e += 1;
                }
                push(out, i, e, EntityKind::Money);
                i = e + 1;
                continue;
            }
            if is_percent_word(after) {
                push(out, i, b + 1, EntityKind::Percent);
                i = b + 2;
                continue;
            }
            if after == "per" && after2 == "cent" {
                push(out, i, b + 2, EntityKind::Percent);
                i = b + 3;
                continue;
            }
            if is_time_suffix(after) {
                // "8 p.m. ET": the zone belongs to the time.
                let end = if is_time_zone(after2) { b + 2 } else { b + 1 };
                push(out, i, end, EntityKind::Time);
                i = end + 1;
                continue;
            }
            // "18 months", "2 hours, 32 minutes, 25.3 seconds".
            if is_time_unit(after) && !scaled {
                i = duration(out, i, b + 1);
                continue;
            }
            if is_race_time(word) {
                push(out, i, i, EntityKind::Duration);
                i += 1;
                continue;
            }
            if is_clock(word) && !scaled {
                push(out, i, i, EntityKind::Time);
                i += 1;
                continue;
            }
            if (is_year(word) || is_decade(word)) && !scaled {
                push(out, i, i, EntityKind::Date);
                i += 1;
                continue;
            }
            let unit_joined = word.contains('-') && word.chars().any(|c| c.is_alphabetic());
            if is_unit(after) || unit_joined {
                let e = if unit_joined { b } else { b + 1 };
                push(out, i, e, EntityKind::Quantity);
                i = e + 1;
                continue;
            }
            // "2,000 troops", "1.5 million people": a count of something.
            let counted = toks.get(b + 1).is_some_and(|n| {
                let s = n.span.slice(text);
                n.kind == TokenKind::Word
                    && s.chars().next().is_some_and(char::is_lowercase)
                    && s.ends_with('s')
                    && s.len() > 3
            });
            if counted && line.mode == Mode::Prose {
                push(out, i, b, EntityKind::Number);
                i = b + 2;
                continue;
            }
            if line.mode == Mode::Prose {
                push(out, i, b, EntityKind::Number);
            }
            i = b + 1;
            continue;
        }
        if t.kind == TokenKind::Word {
            // "Dec. 7", "March 1998", "in March", "Thursday", "last year".
            // (A word token's `capitalised`: its first character is a capital.)
            let capital = t.capitalised;
            // "three years", "a decade", "several days" (not "once a year"
            // nor "$5 a month", a rate).
            let rate = i > 0
                && (toks[i - 1].kind == TokenKind::Number
                    || matches!(w(line, i - 1), "once" | "twice"));
            let counted_time = if lw == "a" && next == "few" {
                is_time_unit(w(line, i + 2)).then_some(i + 2)
            } else {
                ((is_number_word(lw) || is_duration_count(lw)) && is_time_unit(next))
                    .then_some(i + 1)
            };
            if let Some(unit) = counted_time.filter(|_| !rate) {
                i = duration(out, i, unit);
                continue;
            }
            if is_joined_duration(lw) {
                push(out, i, i, EntityKind::Duration);
                i += 1;
                continue;
            }
            // "Four Norwegians", "two laps", "thousands of people".
            if is_number_word(lw) && line.mode == Mode::Prose {
                let counts = toks.get(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && (next == "of" || next.ends_with('s'))
                });
                if counts {
                    push(out, i, i, EntityKind::Number);
                    i += 1;
                    continue;
                }
            }
            if capital && is_month(lw) {
                let day = toks.get(i + 1).is_some_and(|n| is_day(n.span.slice(text)));
                let year = toks.get(i + 1).is_some_and(|n| is_year(n.span.slice(text)));
                let prev = if i > 0 { w(line, i - 1) } else { "" };
                let cue = matches!(
                    prev,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "through"
                        | "from"
                        | "during"
                        | "of"
                        | "this"
                );
                if day {
                    let mut b = i + 1;
                    if toks.get(i + 2).is_some_and(|t| t.span.slice(text) == ",")
                        && toks.get(i + 3).is_some_and(|t| is_year(t.span.slice(text)))
                    {
                        b = i + 3;
                    } else if toks.get(i + 2).is_some_and(|t| is_year(t.span.slice(text))) {
                        b = i + 2;
                    }
                    push(out, i, b, EntityKind::Date);
                    i = b + 1;
                    continue;
                }
                if year {
                    push(out, i, i + 1, EntityKind::Date);
                    i += 2;
                    continue;
                }
                if cue && lw != "may" {
                    push(out, i, i, EntityKind::Date);
                    i += 1;
                    continue;
                }
            }
            if capital && is_weekday_any_case(lw) {
                push(out, i, i, EntityKind::Date);
                i += 1;
                continue;
            }
            if is_relative_day(lw) {
                let kind = if lw == "tonight" {
                    EntityKind::Time
                } else {
                    EntityKind::Date
                };
                push(out, i, i, kind);
                i += 1;
                continue;
            }
            if is_date_cue(lw) && is_period(next) {
                push(out, i, i + 1, EntityKind::Date);
                i += 2;
                continue;
            }
            if is_clock_word(lw) {
                push(out, i, i, EntityKind::Time);
                i += 1;
                continue;
            }
        }
        i += 1;
    }
}

/// "9:30", "14:05" (not "4:07.13", a race time).
fn is_clock(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        && h.parse::<u32>().unwrap_or(99) < 24
        && m.parse::<u32>().unwrap_or(99) < 60
}

/// "1940s", "1990s".
fn is_decade(s: &str) -> bool {
    s.strip_suffix('s')
        .is_some_and(|y| is_year(y) && y.ends_with('0'))
}
