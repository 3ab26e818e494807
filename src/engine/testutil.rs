//! Helpers for the engine's tests (compiled for tests only; the
//! integration tests include this file too, with `#[path]`): the inputs
//! that compare a fast path with its general one (every short string over
//! an alphabet, pseudo-random long ones) and the one pseudo-random
//! generator they all draw from.

/// Calls `f` with every string of 1 to `max_len` characters over the ASCII
/// `alphabet` (for tests that compare a fast path with the general one).
pub fn for_every_string(alphabet: &[u8], max_len: u32, mut f: impl FnMut(&str)) {
    let mut buf = Vec::new();
    for n in 1..=max_len {
        for k in 0..alphabet.len().pow(n) {
            buf.clear();
            let mut k = k;
            for _ in 0..n {
                buf.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            f(std::str::from_utf8(&buf).unwrap_or(""));
        }
    }
}

/// A fixed sequence of pseudo-random 31-bit numbers from `seed` (the same
/// numbers every run), for tests: [`next_random`] as a closure.
pub fn random_numbers(mut seed: u64) -> impl FnMut() -> u32 {
    move || next_random(&mut seed)
}

/// The tests' one pseudo-random generator: advances `state` (a linear
/// congruential generator, Knuth's MMIX constants) and returns its high 31
/// bits, the well-mixed ones.
pub fn next_random(state: &mut u64) -> u32 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 33) as u32
}

/// Calls `f` with every string of 1 to `max_len` pieces from `pieces`
/// (characters or longer; for tests that compare a fast path with the
/// general one).
pub fn for_every_string_over(pieces: &[&str], max_len: usize, mut f: impl FnMut(&str)) {
    let mut strings = vec![String::new()];
    for _ in 0..max_len {
        strings = strings
            .iter()
            .flat_map(|s| pieces.iter().map(move |c| format!("{s}{c}")))
            .collect();
        strings.iter().for_each(|s| f(s));
    }
}

/// Pieces a byte-level fast path must tell apart: ASCII letters, spaces,
/// line ends and controls, and characters beyond ASCII (accented, quotes,
/// dashes, invisible spaces, CJK).
const MIXED_PIECES: [&str; 12] = [
    "a", " ", "\n", "\t", "\r", "\u{7f}", "é", "“", "—", "\u{200b}", "\u{a0}", "中",
];

/// Calls `f` with every string of up to 4 of [`MIXED_PIECES`], then with
/// 3,000 pseudo-random mostly-ASCII strings of them (for tests that compare
/// an eight-bytes-at-a-time scan with the character-by-character one).
pub fn for_mixed_strings(mut f: impl FnMut(&str)) {
    for_every_string_over(&MIXED_PIECES, 4, &mut f);
    for_mostly_ascii_strings(&MIXED_PIECES, 3_000, 90, 3, f);
}

/// Calls `f` with `count` pseudo-random strings (a fixed sequence from
/// `seed`) of up to `max_len` pieces, each `x` three times in four and
/// otherwise one of `pieces`: mostly ASCII letters, as text is, with the
/// others now and then.
pub fn for_mostly_ascii_strings(
    pieces: &[&str],
    count: usize,
    max_len: u32,
    seed: u64,
    mut f: impl FnMut(&str),
) {
    let mut next = random_numbers(seed);
    for _ in 0..count {
        let len = next() % max_len;
        let s: String = (0..len)
            .map(|_| {
                let k = next() as usize % (pieces.len() * 4);
                pieces.get(k).copied().unwrap_or("x")
            })
            .collect();
        f(&s);
    }
}
