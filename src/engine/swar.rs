//! The constants of the scans that read eight bytes at a time as one `u64`
//! (the name share in `score`, the stop-word count in `language`, the
//! sentence bounds in `segment::ascii_sentences`): each byte's lowest bit,
//! its high bit, and its low seven bits.

/// 0x01 in every byte; `ONES * b` is `b` in every byte.
pub(crate) const ONES: u64 = u64::from_le_bytes([1; 8]);
/// Bit 7 of every byte, where the scans put each byte's answer.
pub(crate) const HIGH: u64 = ONES * 0x80;
/// The low seven bits of every byte.
pub(crate) const LOW7: u64 = ONES * 0x7F;
