//! A `HashMap` with a small multiplicative hash (FxHash's) instead of
//! SipHash. Every key here is a word of the article or of the engine's own
//! lists, looked up once per word: SipHash's protection against chosen keys
//! buys nothing (nothing depends on iteration order, and a map is built and
//! dropped within one call) and cost a visible share of the profile.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Most keys are words of 4 to 8 bytes: their first four and last
        // four bytes (overlapping) are all of them, read in two loads and
        // added in one step.
        let n = bytes.len();
        if (4..=8).contains(&n) {
            let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let last = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
            self.add(u64::from(first) | u64::from(last) << 32);
            return;
        }
        // Eight bytes at a time, then the rest in at most three steps
        // (4, 2, 1 bytes) rather than one per byte.
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            rest = tail;
        }
        if let Some((chunk, tail)) = rest.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            rest = tail;
        }
        if let Some((chunk, tail)) = rest.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*chunk)));
            rest = tail;
        }
        if let Some(&b) = rest.first() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_u64(&mut self, word: u64) {
        self.add(word);
    }

    fn finish(&self) -> u64 {
        // (The product's high bits are its best mixed: the table's bucket
        // is taken from the low ones.)
        self.0.rotate_left(26)
    }
}
