//! One sort for the crates' few short lists (diagnostics, predict choices).
//!
//! Each `sort_by_key` call site is its own copy of the standard library's stable
//! sort, 3 to 4 KB of wasm apiece; these share one heapsort of `(u64, u32)`
//! pairs (ours: the standard `sort_unstable` was another 3.5 KB), and only the
//! small shuffle around it is per type.

use alloc::vec::Vec;

/// Sorts `v` by `key`, keeping the order of equal keys (like `sort_by_key`).
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    sort_pairs(&mut order);
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| items[i as usize].take()));
}

/// The one copy of the sort: the indices are distinct, so any sort gives the
/// stable order. A heapsort of our own: O(n log n) like the standard library's
/// `sort_unstable`, at a tenth of its wasm.
#[inline(never)]
fn sort_pairs(order: &mut [(u64, u32)]) {
    let n = order.len();
    for start in (0..n / 2).rev() {
        sift_down(order, start, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift_down(order, 0, end);
    }
}

/// Moves `v[root]` down the max-heap `v[..end]` to its place.
fn sift_down(v: &mut [(u64, u32)], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child] < v[child + 1] {
            child += 1;
        }
        if v[root] >= v[child] {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;
    use alloc::vec;
    use alloc::vec::Vec;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (3, 'f')];
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |&b| u64::from(b));
        assert!(empty.is_empty());
    }

    #[test]
    fn pairs_sorted_like_the_standard_sort() {
        let mut seed = 7u64;
        for n in 0..70u32 {
            let mut v: Vec<(u64, u32)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) % 5, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            super::sort_pairs(&mut v);
            assert_eq!(v, expected);
        }
    }
}
