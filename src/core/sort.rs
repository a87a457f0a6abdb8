//! A small stable sort for the short lists Waypoint orders (suggestions, findings, spans,
//! periods of a day: tens to a few hundred items). The standard library's sorts are fast on
//! long slices but are compiled anew, several kilobytes each, for every element type and
//! comparison; in the page module they added up to a sixth of the code. Binary insertion
//! keeps each instance to a few hundred bytes, and is quick at these sizes.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        // The first place in the sorted prefix whose item is greater than v[i]: equal items
        // stay in their order.
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if compare(&v[mid], &v[i]) == Ordering::Greater {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // v[i] goes to lo, the items between one place up (as `rotate_right(1)` would, whose
        // general code took a few hundred bytes of the page module for each element type).
        for j in (lo..i).rev() {
            v.swap(j, j + 1);
        }
    }
}

/// Sorts `v` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        let mut one = [7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
