//! One sort routine for every element type, for the short lists the site sorts.
//!
//! Each `slice::sort_by` on another element type or comparison makes the compiler write another
//! copy of the standard library's sort, 3–5 KB of wasm each: the site's first load carried 14
//! copies of its stable sort (73 KB of code in all, with the unstable ones). [`sort_by`] sorts
//! the positions of the elements instead, through a comparison behind a pointer, so that one copy
//! of the standard sort serves every type; then it moves the elements into their places.
//!
//! It is stable and O(n log n), and costs an indirect call per comparison and a `Vec` of
//! positions: meant for the lists a view sorts (areas, the counties near a point, the stations in
//! view, loaded counties), not for a national build's 600,000 rows, which keep the standard sort.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping equal elements in their order (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let v = &*v;
        positions(&mut order, &mut |a, b| compare(&v[a], &v[b]));
    }
    permute(v, &mut order);
}

/// Sorts `v` by the key `key` gives, keeping equal elements in their order (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// The one instance of the standard sort: positions, compared through `compare`, ties by
/// position (which makes the unstable sort stable).
#[inline(never)]
fn positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}

/// Puts the element at `order[i]` at `i`, by following each cycle of the permutation with swaps.
/// `order` is left as the identity.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut at = start;
        // Each swap brings one element to its place and carries the cycle's first one along.
        while order[at] != start {
            let from = order[at];
            v.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the standard stable sort, on lists with many ties, already sorted, reversed and
    /// of every length up to 40 — and the equal elements keep their order.
    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..40 {
            for round in 0..50 {
                let mut v: Vec<(u64, usize)> = (0..len)
                    .map(|i| {
                        let k = match round % 5 {
                            0 => i as u64,
                            1 => (len - i) as u64,
                            2 => next() % 3,
                            _ => next() % 50,
                        };
                        (k, i)
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_by_key(|e| e.0);
                sort_by(&mut v, |a, b| a.0.cmp(&b.0));
                assert_eq!(v, want, "length {len}, round {round}");
            }
        }
    }

    #[test]
    fn sorts_by_key_and_moves_what_cannot_be_copied() {
        let mut v: Vec<String> = ["阳城", "沁水", "a", "", "阳城", "b"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut want = v.clone();
        want.sort_by_key(|s| std::cmp::Reverse(s.len()));
        sort_by_key(&mut v, |s| std::cmp::Reverse(s.len()));
        assert_eq!(v, want);
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["", "a", "b", "沁水", "阳城", "阳城"]);
    }
}
