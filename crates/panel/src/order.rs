//! Places in an order: highest score first, equal scores sharing a place, the next place
//! skipping them (1, 1, 3), and equal scores listed by id so the order never depends on input.

use crossroads_review::Exact;
use std::cmp::Ordering;

/// A proposal's place in an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The proposal's id.
    pub id: String,
    /// 1-based; equal scores share it.
    pub place: usize,
    /// Whether another proposal shares the place.
    pub tied: bool,
}

/// The places of proposals by exact score, highest first.
pub fn place_exact(items: &[(String, Exact)]) -> Vec<Placed> {
    place_by(items, |a, b| a.cmp(b))
}

/// The places of proposals by a floating-point score, highest first; scores within
/// `tolerance` of the previous one share its place.
pub fn place_f64(items: &[(String, f64)], tolerance: f64) -> Vec<Placed> {
    let mut sorted: Vec<&(String, f64)> = items.iter().collect();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Group runs whose neighbours are within the tolerance, then list each run by id.
    let mut out: Vec<Placed> = Vec::with_capacity(sorted.len());
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && (sorted[j - 1].1 - sorted[j].1).abs() <= tolerance {
            j += 1;
        }
        let mut ids: Vec<&String> = sorted[i..j].iter().map(|x| &x.0).collect();
        ids.sort();
        for id in ids {
            out.push(Placed {
                id: id.clone(),
                place: i + 1,
                tied: j - i > 1,
            });
        }
        i = j;
    }
    out
}

fn place_by<T>(items: &[(String, T)], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<Placed> {
    let mut sorted: Vec<&(String, T)> = items.iter().collect();
    sorted.sort_by(|a, b| cmp(&b.1, &a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<Placed> = Vec::with_capacity(sorted.len());
    for i in 0..sorted.len() {
        let same_as_previous = i > 0 && cmp(&sorted[i].1, &sorted[i - 1].1) == Ordering::Equal;
        let same_as_next = sorted
            .get(i + 1)
            .is_some_and(|n| cmp(&n.1, &sorted[i].1) == Ordering::Equal);
        out.push(Placed {
            id: sorted[i].0.clone(),
            place: if same_as_previous {
                out[i - 1].place
            } else {
                i + 1
            },
            tied: same_as_previous || same_as_next,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_rational::Ratio;

    #[test]
    fn equal_scores_share_a_place_and_the_next_skips() {
        let third = Ratio::new(1, 3);
        let items = vec![
            ("b".to_string(), third * 2),
            ("a".to_string(), third + third),
            ("c".to_string(), Ratio::from_integer(1)),
            ("d".to_string(), third),
        ];
        let got: Vec<(String, usize, bool)> = place_exact(&items)
            .into_iter()
            .map(|p| (p.id, p.place, p.tied))
            .collect();
        assert_eq!(
            got,
            [
                ("c".into(), 1, false),
                ("a".into(), 2, true),
                ("b".into(), 2, true),
                ("d".into(), 4, false)
            ]
        );
        let f = vec![
            ("x".to_string(), 1.0),
            ("w".to_string(), 1.0 + 1e-12),
            ("y".to_string(), 0.5),
        ];
        let got: Vec<(String, usize)> = place_f64(&f, 1e-9)
            .into_iter()
            .map(|p| (p.id, p.place))
            .collect();
        assert_eq!(got, [("w".into(), 1), ("x".into(), 1), ("y".into(), 3)]);
    }
}
