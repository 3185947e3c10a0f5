//! The common 0–100 scale every criterion is read on, and a proposal's total, computed exactly
//! with fractions so that ties are real ties (a third plus a third plus a third is one).

use crate::rubric::{CriterionKind, Rubric};
use crate::sheet::ProposalScores;
use num_rational::Ratio;

/// An exact fraction.
pub type Exact = Ratio<i128>;

/// A score on the common 0–100 scale: levels `first..first+n-1` spread evenly from 0 to 100
/// (levels 1 to 4 give 0, 100/3, 200/3 and 100), `p` of `m` points give `100·p/m`. None for a
/// requirement, which has no place on the scale, and for a value the criterion cannot take.
pub fn normalized(kind: &CriterionKind, value: u32) -> Option<Exact> {
    let (low, high) = kind.range();
    if matches!(kind, CriterionKind::Requirement) || value < low || value > high || high == low {
        return None;
    }
    Some(Ratio::new(
        100 * i128::from(value - low),
        i128::from(high - low),
    ))
}

/// A proposal's total at one stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Total {
    /// Every criterion is scored and every requirement met.
    Complete {
        /// The weighted mean of the criteria on the 0–100 scale.
        score: Exact,
        /// The bonus points, their sum capped.
        bonus: Exact,
    },
    /// Some criteria are not scored yet; a missing score never counts as zero.
    Incomplete { scored: usize, of: usize },
    /// A requirement is not met, so the proposal is not ranked.
    Failed {
        /// The requirement's name.
        criterion: String,
        /// The reviewer's reason.
        reason: String,
    },
}

impl Total {
    /// Score plus bonus, when complete.
    pub fn overall(&self) -> Option<Exact> {
        match self {
            Total::Complete { score, bonus } => Some(score + bonus),
            _ => None,
        }
    }
}

/// The bonus points given, each at most its item's maximum, their sum at most the cap; items
/// the rubric does not offer count for nothing.
pub fn bonus_points(rubric: &Rubric, scores: &ProposalScores) -> Exact {
    let Some(bonus) = &rubric.bonus else {
        return Ratio::from_integer(0);
    };
    let sum: u64 = bonus
        .items
        .iter()
        .map(|item| {
            u64::from(
                scores
                    .bonus
                    .get(&item.id)
                    .copied()
                    .unwrap_or(0)
                    .min(item.max),
            )
        })
        .sum();
    Ratio::from_integer(i128::from(sum.min(u64::from(bonus.cap))))
}

/// A proposal's total under `rubric`: a requirement scored 0 fails it (the first such in the
/// rubric's order); otherwise, when every criterion has a usable score, the weighted mean of the
/// weighted criteria on the 0–100 scale plus the capped bonus; otherwise how many are scored.
pub fn total(rubric: &Rubric, scores: &ProposalScores) -> Total {
    let value = |id: &str| scores.criteria.get(id).and_then(|s| s.value);
    for c in rubric.criteria.iter().filter(|c| c.is_requirement()) {
        if value(&c.id) == Some(0) {
            return Total::Failed {
                criterion: c.name.clone(),
                reason: scores
                    .criteria
                    .get(&c.id)
                    .map(|s| s.comment.trim().to_string())
                    .unwrap_or_default(),
            };
        }
    }
    let scored = rubric
        .criteria
        .iter()
        .filter(|c| match (&c.kind, value(&c.id)) {
            (_, None) => false,
            (CriterionKind::Requirement, Some(v)) => v == 1,
            (kind, Some(v)) => normalized(kind, v).is_some(),
        })
        .count();
    if scored < rubric.criteria.len() {
        return Total::Incomplete {
            scored,
            of: rubric.criteria.len(),
        };
    }
    let (mut sum, mut weights) = (Ratio::from_integer(0), 0i128);
    for (c, w) in rubric.weighted() {
        let s = value(&c.id)
            .and_then(|v| normalized(&c.kind, v))
            .expect("every criterion is scored");
        sum += s * i128::from(w);
        weights += i128::from(w);
    }
    let score = if weights == 0 {
        Ratio::from_integer(0)
    } else {
        sum / weights
    };
    Total::Complete {
        score,
        bonus: bonus_points(rubric, scores),
    }
}

/// A fraction rounded to one decimal, halves away from zero: 200/3 is "66.7", 100 is "100.0".
pub fn one_decimal(value: &Exact) -> String {
    let tenths = (value * 10).round();
    let t = *tenths.numer();
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::{Band, Bonus, BonusItem, Criterion, Level};
    use crate::sheet::CriterionScore;
    use proptest::prelude::*;

    fn r(n: i128, d: i128) -> Exact {
        Ratio::new(n, d)
    }

    fn scale(first: u32, n: usize) -> CriterionKind {
        CriterionKind::Levels {
            first,
            levels: (0..n)
                .map(|i| Level {
                    label: format!("L{i}"),
                    description: String::new(),
                })
                .collect(),
        }
    }

    fn points(max: u32) -> CriterionKind {
        CriterionKind::Points {
            max,
            bands: Vec::new(),
        }
    }

    fn criterion(id: &str, kind: CriterionKind) -> Criterion {
        Criterion {
            id: id.into(),
            name: id.to_uppercase(),
            looks_for: String::new(),
            kind,
            weight: None,
        }
    }

    fn scores(values: &[(&str, u32)]) -> ProposalScores {
        let mut s = ProposalScores::default();
        for (id, v) in values {
            s.criteria.insert(
                (*id).into(),
                CriterionScore {
                    value: Some(*v),
                    ..Default::default()
                },
            );
        }
        s
    }

    #[test]
    fn levels_one_to_four_are_0_a_third_two_thirds_and_100_exactly() {
        let k = scale(1, 4);
        let got: Vec<Option<Exact>> = (0..=5).map(|v| normalized(&k, v)).collect();
        assert_eq!(
            got,
            [
                None,
                Some(r(0, 1)),
                Some(r(100, 3)),
                Some(r(200, 3)),
                Some(r(100, 1)),
                None
            ]
        );
        assert_eq!(one_decimal(&r(100, 3)), "33.3");
        assert_eq!(one_decimal(&r(200, 3)), "66.7");
        assert_eq!(one_decimal(&r(100, 1)), "100.0");
        assert_eq!(
            one_decimal(&r(1, 20)),
            "0.1",
            "a half rounds away from zero"
        );
    }

    #[test]
    fn levels_numbered_from_zero_use_the_same_scale() {
        let k = scale(0, 3);
        assert_eq!(normalized(&k, 0), Some(r(0, 1)));
        assert_eq!(normalized(&k, 1), Some(r(50, 1)));
        assert_eq!(normalized(&k, 2), Some(r(100, 1)));
        assert_eq!(normalized(&k, 3), None);
        assert_eq!(normalized(&CriterionKind::Requirement, 1), None);
        assert_eq!(normalized(&points(20), 15), Some(r(75, 1)));
        assert_eq!(normalized(&points(20), 21), None);
    }

    #[test]
    fn uneven_points_adding_to_100_total_as_their_sum() {
        let maxima = [25, 20, 15, 10, 5, 10, 15];
        assert_eq!(maxima.iter().sum::<u32>(), 100);
        let rubric = Rubric {
            criteria: maxima
                .iter()
                .enumerate()
                .map(|(i, m)| criterion(&format!("c{i}"), points(*m)))
                .collect(),
            bonus: None,
        };
        let given = [20, 13, 15, 0, 4, 7, 11];
        let values: Vec<(String, u32)> = given
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("c{i}"), *v))
            .collect();
        let refs: Vec<(&str, u32)> = values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        // Weighted by their maxima, the mean on 0–100 is the plain sum of points.
        assert_eq!(
            total(&rubric, &scores(&refs)),
            Total::Complete {
                score: r(70, 1),
                bonus: r(0, 1)
            }
        );
    }

    #[test]
    fn a_failed_requirement_keeps_a_proposal_out_with_its_reason() {
        let rubric = Rubric {
            criteria: vec![
                criterion("a", scale(1, 4)),
                criterion("signed", CriterionKind::Requirement),
            ],
            bonus: None,
        };
        let mut s = scores(&[("a", 4), ("signed", 0)]);
        s.criteria.get_mut("signed").unwrap().comment = " No principal\u{2019}s signature ".into();
        assert_eq!(
            total(&rubric, &s),
            Total::Failed {
                criterion: "SIGNED".into(),
                reason: "No principal\u{2019}s signature".into()
            }
        );
        // Failing shows even before the rest is scored.
        let mut s = scores(&[("signed", 0)]);
        s.criteria.remove("a");
        assert!(matches!(total(&rubric, &s), Total::Failed { .. }));
        // Met, it counts as scored and weighs nothing.
        assert_eq!(
            total(&rubric, &scores(&[("a", 3), ("signed", 1)])).overall(),
            Some(r(200, 3))
        );
    }

    #[test]
    fn a_missing_score_is_never_zero() {
        let rubric = Rubric {
            criteria: (0..7)
                .map(|i| criterion(&format!("c{i}"), scale(1, 4)))
                .collect(),
            bonus: None,
        };
        let s = scores(&[("c0", 4), ("c1", 4), ("c2", 4), ("c3", 4), ("c4", 4)]);
        assert_eq!(total(&rubric, &s), Total::Incomplete { scored: 5, of: 7 });
        let mut s = scores(&[
            ("c0", 4),
            ("c1", 4),
            ("c2", 4),
            ("c3", 4),
            ("c4", 4),
            ("c5", 1),
        ]);
        s.criteria.insert("c6".into(), CriterionScore::default());
        assert_eq!(total(&rubric, &s), Total::Incomplete { scored: 6, of: 7 });
        // A value outside the scale counts as not scored.
        let s = scores(&[
            ("c0", 1),
            ("c1", 1),
            ("c2", 1),
            ("c3", 1),
            ("c4", 1),
            ("c5", 1),
            ("c6", 9),
        ]);
        assert_eq!(total(&rubric, &s), Total::Incomplete { scored: 6, of: 7 });
    }

    #[test]
    fn bonus_points_add_to_the_total_up_to_the_cap() {
        let rubric = Rubric {
            criteria: vec![
                criterion("a", scale(1, 4)),
                criterion(
                    "b",
                    CriterionKind::Points {
                        max: 10,
                        bands: vec![Band {
                            from: 0,
                            to: 10,
                            label: "Any".into(),
                            description: String::new(),
                        }],
                    },
                ),
            ],
            bonus: Some(Bonus {
                items: vec![
                    BonusItem {
                        id: "x".into(),
                        name: "X".into(),
                        looks_for: String::new(),
                        max: 5,
                    },
                    BonusItem {
                        id: "y".into(),
                        name: "Y".into(),
                        looks_for: String::new(),
                        max: 5,
                    },
                ],
                cap: 8,
            }),
        };
        let mut s = scores(&[("a", 2), ("b", 5)]);
        // Weights 1 and 10: (100/3 + 10·50) / 11.
        let score = (r(100, 3) + r(500, 1)) / 11;
        s.bonus.insert("x".into(), 3);
        s.bonus.insert("y".into(), 5);
        assert_eq!(
            total(&rubric, &s),
            Total::Complete {
                score,
                bonus: r(8, 1)
            },
            "at the cap"
        );
        s.bonus.insert("x".into(), 5);
        assert_eq!(
            total(&rubric, &s),
            Total::Complete {
                score,
                bonus: r(8, 1)
            },
            "over the cap"
        );
        s.bonus.insert("x".into(), 1);
        s.bonus.insert("unknown".into(), 50);
        assert_eq!(
            total(&rubric, &s).overall(),
            Some(score + r(6, 1)),
            "under the cap, unknown items count for nothing"
        );
    }

    proptest! {
        #[test]
        fn a_total_stays_within_0_and_100_plus_the_cap(
            spec in proptest::collection::vec((0u32..2, 2usize..=10, 1u32..=1000, proptest::option::of(0u32..=1000), any::<u32>()), 1..8),
            bonus in proptest::collection::vec(0u32..=200, 0..4),
            cap in 0u32..=100,
        ) {
            let mut criteria = Vec::new();
            let mut s = ProposalScores::default();
            for (i, (first, n, max, weight, pick)) in spec.iter().enumerate() {
                let kind = if i % 2 == 0 { scale(*first, *n) } else { points(*max) };
                let (low, high) = kind.range();
                let value = low + pick % (high - low + 1);
                let mut c = criterion(&format!("c{i}"), kind);
                c.weight = *weight;
                criteria.push(c);
                s.criteria.insert(format!("c{i}"), CriterionScore { value: Some(value), ..Default::default() });
            }
            let items: Vec<BonusItem> = bonus.iter().enumerate().map(|(i, _)| BonusItem { id: format!("b{i}"), name: "B".into(), looks_for: String::new(), max: 100 }).collect();
            for (i, b) in bonus.iter().enumerate() {
                s.bonus.insert(format!("b{i}"), *b);
            }
            let rubric = Rubric { criteria, bonus: Some(Bonus { items, cap }) };
            let t = total(&rubric, &s);
            let overall = t.overall().expect("every criterion is scored");
            prop_assert!(overall >= r(0, 1));
            prop_assert!(overall <= r(100 + i128::from(cap), 1));
        }
    }
}
