//! One stable sort for every caller in the page.
//!
//! Each `slice::sort_by` call site is its own copy of the standard
//! library's stable sort: about 4 KB of wasm each. In the page, [`sort_by`]
//! sorts the items' indices instead, with the comparison behind a pointer,
//! so that one copy of the sort serves every caller. Native builds (the CLI,
//! the benchmarks) keep the standard sort, which is faster. Both give the
//! order of a stable sort: items that compare equal keep their order.

// The one place that calls the standard library's sorts with a closure
// (clippy.toml disallows them everywhere else).
#![allow(clippy::disallowed_methods)]

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping the order of items that compare equal
/// (what `slice::sort_by` does).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    by_indices(items, cmp);
}

/// Sorts numbers in ascending order (what `slice::sort_unstable` does): in
/// the page through [`sort_indices`], the one copy of the sort.
pub fn sort_numbers(items: &mut [u32]) {
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    sort_indices(items, &|a, b| a.cmp(&b));
}

/// [`sort_by`] by a key (what `slice::sort_by_key` does).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_by`] through [`sort_indices`].
#[cfg(any(target_arch = "wasm32", test))]
fn by_indices<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    // (No page holds 2^32 items.)
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_indices(&mut order, &|a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    // Position `k` takes the item at `order[k]`: each cycle of that
    // permutation is walked once with swaps, its places marked done.
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k] as usize;
            order[k] = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Sorts `order` (indices) by `cmp`, ties by index: a total order, so the
/// unstable sort gives the stable one. Not generic: the one copy of the sort.
#[cfg(any(target_arch = "wasm32", test))]
fn sort_indices(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's sort gives `slice::sort_by`'s order, on lists of every
    /// length up to 300 with many ties (pairs compared by their first
    /// number only, so the second shows the order of equal items).
    #[test]
    fn by_indices_is_a_stable_sort() {
        let mut next = crate::engine::testutil::random_numbers(3);
        for len in 0..300 {
            let items: Vec<(u32, u32)> = (0..len).map(|i| (next() % 7, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|b| std::cmp::Reverse(b.0));
            let mut got = items;
            by_indices(&mut got, |a, b| b.0.cmp(&a.0));
            assert_eq!(got, expected);
        }
        let mut names = vec!["b", "a", "c", "a"];
        by_indices(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["a", "a", "b", "c"]);
    }

    /// The page's number sort is `sort_unstable`'s.
    #[test]
    fn page_number_sort_is_sort_unstable() {
        let mut next = crate::engine::testutil::random_numbers(5);
        for len in 0..300 {
            let items: Vec<u32> = (0..len).map(|_| next() % 50).collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            let mut got = items;
            sort_indices(&mut got, &|a, b| a.cmp(&b));
            assert_eq!(got, expected);
        }
    }
}
