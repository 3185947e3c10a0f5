//! Stable sorting through one shared, non-generic sort.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site brings
//! its own copy of the standard library's sort (about 3 KB of WebAssembly each). These helpers
//! sort the positions `0..len` once, in [`sorted_positions`], with the comparison behind a
//! `&dyn Fn`, and then move the elements into that order. The result is the same as
//! `slice::sort_by`: a stable sort, equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(&order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by the key `key` gives each, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts the elements at them, stably.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the element at `order[i]` to position `i`, for every `i`, by swaps: each cycle of the
/// permutation is followed once from its smallest position.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        if done[start] {
            continue;
        }
        done[start] = true;
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            swap(at, from);
            done[from] = true;
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 7u64;
        for len in 0..40 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "stable order of equal keys");
            let mut ours = items.clone();
            let mut std = items;
            sort_by_key(&mut ours, |a| std::cmp::Reverse(a.0));
            std.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn moves_owned_values() {
        let mut items: Vec<String> = ["d", "b", "a", "c", "b"].map(String::from).to_vec();
        sort_by(&mut items, |a, b| a.cmp(b));
        assert_eq!(items, ["a", "b", "b", "c", "d"]);
    }
}
