//! One sort for the crates' few short lists (diagnostics, predict choices).
//!
//! Each `sort_by_key` call site is its own copy of the standard library's stable
//! sort, 3 to 4 KB of wasm apiece; these share one copy of the unstable sort of
//! `(u64, u32)` pairs, and only the small shuffle around it is per type.

use alloc::vec::Vec;

/// Sorts `v` by `key`, keeping the order of equal keys (like `sort_by_key`).
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    sort_pairs(&mut order);
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| items[i as usize].take()));
}

/// The one copy of the sort: the indices are distinct, so any sort gives the
/// stable order.
#[inline(never)]
fn sort_pairs(order: &mut [(u64, u32)]) {
    order.sort_unstable();
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
}
