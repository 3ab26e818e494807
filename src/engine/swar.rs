//! Scans that read eight bytes at a time as one `u64` (the digit test in
//! `score`, the sentence bounds in `segment::ascii_sentences`, the first
//! byte beyond ASCII in `text`): their constants (each byte's lowest bit,
//! its high bit, its low seven bits) and the search they share,
//! [`first_flagged`].

/// 0x01 in every byte; `ONES * b` is `b` in every byte.
pub(crate) const ONES: u64 = u64::from_le_bytes([1; 8]);
/// Bit 7 of every byte, where the scans put each byte's answer.
pub(crate) const HIGH: u64 = ONES * 0x80;
/// The low seven bits of every byte.
pub(crate) const LOW7: u64 = ONES * 0x7F;

/// Bit 7 of each byte of `x` whose value is in `lo..=hi` (both ASCII): its
/// low seven bits reach bit 7 when `0x80 - lo` is added and not when
/// `0x80 - hi - 1` is, and its own bit 7 is clear (no byte carries into the
/// next: the low seven bits plus at most 0x80 are below 0x100).
pub(crate) fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & LOW7;
    let from = low + ONES * (0x80 - u64::from(lo));
    let past = low + ONES * (0x80 - u64::from(hi) - 1);
    from & !past & !x & HIGH
}

/// Bit 7 of each byte of `x` that is an ASCII digit.
pub(crate) fn ascii_digits(x: u64) -> u64 {
    bytes_in(x, b'0', b'9')
}

/// Where the first byte of `bytes` is that `flags` marks, eight bytes at a
/// time: `flags` gives, for eight bytes read as one word, bit 7 of each
/// byte it marks. Only its lowest mark need be exact (a zero-byte test may
/// mark a byte above a true one), and it must not mark a zero byte: the
/// last bytes are padded with zeros.
pub(crate) fn first_flagged(bytes: &[u8], flags: impl Fn(u64) -> u64) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let hits = flags(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        if hits != 0 {
            return Some(offset + hits.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let hits = flags(u64::from_le_bytes(last));
    Some(offset + hits.trailing_zeros() as usize / 8).filter(|&i| hits != 0 && i < bytes.len())
}

/// Whether `bytes` holds an ASCII digit, eight bytes at a time.
pub(crate) fn has_ascii_digit(bytes: &[u8]) -> bool {
    first_flagged(bytes, ascii_digits).is_some()
}

#[cfg(test)]
mod tests {
    /// Every byte value in every position, and mixes: the same answer as
    /// the byte-by-byte test.
    #[test]
    fn scans_answer_as_byte_by_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = b;
                let x = u64::from_le_bytes(bytes);
                let expected = if b.is_ascii_digit() {
                    0x80u64 << (8 * at)
                } else {
                    0
                };
                assert_eq!(super::ascii_digits(x), expected, "{b:#x} at {at}");
            }
        }
        let mut next = crate::engine::testutil::random_numbers(7);
        for _ in 0..5_000 {
            let len = next() as usize % 40;
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next() % 8 {
                    0 => b'0' + (next() % 10) as u8,
                    _ => (next() % 256) as u8,
                })
                .collect();
            let digit = bytes.iter().any(u8::is_ascii_digit);
            assert_eq!(super::has_ascii_digit(&bytes), digit, "{bytes:?}");
        }
    }
}
