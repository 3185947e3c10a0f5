//! The ranking of proposals at one stage: complete totals in order with exact ties sharing a
//! place, then what is not fully scored, and apart from them the proposals a requirement keeps
//! out and those the reviewer has a conflict of interest with.

use crate::rubric::Rubric;
use crate::scale::{normalized, total, Exact, Total};
use crate::sheet::ProposalScores;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// A proposal in the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub id: String,
    /// Score plus capped bonus, on the 0–100 scale.
    pub total: Exact,
    /// 1-based; proposals with exactly equal totals share it, and the next place skips them
    /// (1, 1, 3).
    pub place: usize,
    /// Whether another proposal has exactly the same total.
    pub tied: bool,
    /// Each criterion of the rubric on the 0–100 scale, in the rubric's order (none for a
    /// requirement), for sorting by any one of them.
    pub criteria: Vec<Option<Exact>>,
}

/// The proposals of one stage, sorted out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking {
    /// Fully scored, highest total first; among equal totals, by id.
    pub ranked: Vec<Ranked>,
    /// Not fully scored, by id: (id, criteria scored, criteria in all). They rank after every
    /// complete proposal.
    pub incomplete: Vec<(String, usize, usize)>,
    /// Kept out by a requirement not met: (id, requirement's name, reason).
    pub failed: Vec<(String, String, String)>,
    /// Kept out because the reviewer declared a conflict of interest: (id, reason).
    pub conflicted: Vec<(String, String)>,
}

/// Ranks `proposals` (each with its scores, if any) under `rubric`. A proposal in `conflicts`
/// is listed apart whatever its scores; one without scores is incomplete with none scored.
pub fn rank(
    rubric: &Rubric,
    proposals: &[(String, Option<&ProposalScores>)],
    conflicts: &BTreeMap<String, String>,
) -> Ranking {
    let mut out = Ranking::default();
    let empty = ProposalScores::default();
    for (id, scores) in proposals {
        if let Some(reason) = conflicts.get(id) {
            out.conflicted.push((id.clone(), reason.clone()));
            continue;
        }
        let scores = scores.unwrap_or(&empty);
        match total(rubric, scores) {
            Total::Complete { score, bonus } => out.ranked.push(Ranked {
                id: id.clone(),
                total: score + bonus,
                place: 0,
                tied: false,
                criteria: rubric
                    .criteria
                    .iter()
                    .map(|c| {
                        scores
                            .criteria
                            .get(&c.id)
                            .and_then(|s| s.value)
                            .and_then(|v| normalized(&c.kind, v))
                    })
                    .collect(),
            }),
            Total::Incomplete { scored, of } => out.incomplete.push((id.clone(), scored, of)),
            Total::Failed { criterion, reason } => out.failed.push((id.clone(), criterion, reason)),
        }
    }
    out.ranked
        .sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.id.cmp(&b.id)));
    for i in 0..out.ranked.len() {
        let place = match i {
            0 => 1,
            _ if out.ranked[i].total == out.ranked[i - 1].total => out.ranked[i - 1].place,
            _ => i + 1,
        };
        let tied = (i > 0 && out.ranked[i - 1].total == out.ranked[i].total)
            || out
                .ranked
                .get(i + 1)
                .is_some_and(|next| next.total == out.ranked[i].total);
        out.ranked[i].place = place;
        out.ranked[i].tied = tied;
    }
    out.incomplete.sort();
    out.failed.sort();
    out.conflicted.sort();
    out
}

/// The ranked proposals ordered by one criterion (its index in the rubric), highest first;
/// proposals without a score on it (a requirement) last; equal scores keep their place order.
pub fn sort_by_criterion(ranking: &Ranking, criterion: usize) -> Vec<&Ranked> {
    let mut sorted: Vec<&Ranked> = ranking.ranked.iter().collect();
    let key = |r: &Ranked| r.criteria.get(criterion).cloned().flatten();
    sorted.sort_by(|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::{Criterion, CriterionKind, Level};
    use crate::sheet::CriterionScore;
    use num_rational::Ratio;
    use proptest::prelude::*;

    fn rubric(n: usize) -> Rubric {
        let mut criteria: Vec<Criterion> = (0..n)
            .map(|i| Criterion {
                id: format!("c{i}"),
                name: format!("C{i}"),
                looks_for: String::new(),
                kind: CriterionKind::Levels {
                    first: 1,
                    levels: (0..4)
                        .map(|l| Level {
                            label: format!("{l}"),
                            description: String::new(),
                        })
                        .collect(),
                },
                weight: None,
            })
            .collect();
        criteria.push(Criterion {
            id: "ok".into(),
            name: "Signed".into(),
            looks_for: String::new(),
            kind: CriterionKind::Requirement,
            weight: None,
        });
        Rubric {
            criteria,
            bonus: None,
        }
    }

    fn scores(levels: &[u32], met: Option<u32>) -> ProposalScores {
        let mut s = ProposalScores::default();
        for (i, v) in levels.iter().enumerate() {
            s.criteria.insert(
                format!("c{i}"),
                CriterionScore {
                    value: Some(*v),
                    ..Default::default()
                },
            );
        }
        if let Some(m) = met {
            s.criteria.insert(
                "ok".into(),
                CriterionScore {
                    value: Some(m),
                    comment: "Unsigned".into(),
                    confidence: None,
                },
            );
        }
        s
    }

    #[test]
    fn exact_ties_share_a_place_and_the_next_place_skips() {
        let rubric = rubric(3);
        // Levels 2+3+4 give (100/3 + 200/3 + 100) / 3 = 200/3; 3+3+3 gives 200/3 too, exactly.
        let a = scores(&[2, 3, 4], Some(1));
        let b = scores(&[3, 3, 3], Some(1));
        let c = scores(&[4, 4, 4], Some(1));
        let d = scores(&[1, 2, 3], Some(1));
        let list = vec![
            ("b".to_string(), Some(&b)),
            ("d".to_string(), Some(&d)),
            ("a".to_string(), Some(&a)),
            ("c".to_string(), Some(&c)),
        ];
        let ranking = rank(&rubric, &list, &BTreeMap::new());
        let got: Vec<(&str, usize, bool)> = ranking
            .ranked
            .iter()
            .map(|r| (r.id.as_str(), r.place, r.tied))
            .collect();
        assert_eq!(
            got,
            [
                ("c", 1, false),
                ("a", 2, true),
                ("b", 2, true),
                ("d", 4, false)
            ]
        );
        assert_eq!(ranking.ranked[1].total, Ratio::new(200, 3));
        assert_eq!(ranking.ranked[1].criteria[3], None, "the requirement");
    }

    #[test]
    fn thirds_that_add_to_one_tie_with_one() {
        let third = Ratio::new(1i128, 3);
        assert_eq!(third + third + third, Ratio::from_integer(1));
        // Three criteria at level 2 (a third of 100 each) and levels 1, 1, 4 (100 over three).
        let mut r = rubric(3);
        r.criteria.truncate(3);
        let x = scores(&[2, 2, 2], None);
        let y = scores(&[1, 1, 4], None);
        let ranking = rank(
            &r,
            &[("x".into(), Some(&x)), ("y".into(), Some(&y))],
            &BTreeMap::new(),
        );
        assert!(ranking.ranked.iter().all(|r| r.place == 1 && r.tied));
    }

    #[test]
    fn five_of_seven_scored_ranks_after_the_complete_never_as_zero() {
        let rubric = rubric(6);
        let low = scores(&[1, 1, 1, 1, 1, 1], Some(1));
        let partial = scores(&[4, 4, 4, 4, 4], Some(1));
        let list = vec![
            ("partial".to_string(), Some(&partial)),
            ("low".to_string(), Some(&low)),
            ("none".to_string(), None),
        ];
        let ranking = rank(&rubric, &list, &BTreeMap::new());
        assert_eq!(ranking.ranked.len(), 1);
        assert_eq!(ranking.ranked[0].id, "low");
        assert_eq!(ranking.ranked[0].total, Ratio::from_integer(0));
        assert_eq!(
            ranking.incomplete,
            [("none".to_string(), 0, 7), ("partial".to_string(), 6, 7)]
        );
        let five = scores(&[4, 4, 4, 4, 4], None);
        let ranking = rank(&rubric, &[("p".into(), Some(&five))], &BTreeMap::new());
        assert_eq!(ranking.incomplete, [("p".to_string(), 5, 7)]);
    }

    #[test]
    fn a_failed_requirement_keeps_a_proposal_out_of_the_ranking() {
        let rubric = rubric(2);
        let top = scores(&[4, 4], Some(0));
        let other = scores(&[1, 2], Some(1));
        let ranking = rank(
            &rubric,
            &[("top".into(), Some(&top)), ("other".into(), Some(&other))],
            &BTreeMap::new(),
        );
        assert_eq!(ranking.ranked.len(), 1);
        assert_eq!(ranking.ranked[0].id, "other");
        assert_eq!(
            ranking.failed,
            [("top".into(), "Signed".into(), "Unsigned".into())]
        );
    }

    #[test]
    fn a_conflict_of_interest_lists_the_proposal_apart() {
        let rubric = rubric(2);
        let s = scores(&[4, 4], Some(1));
        let conflicts = BTreeMap::from([("mine".to_string(), "I taught there".to_string())]);
        let ranking = rank(
            &rubric,
            &[("mine".into(), Some(&s)), ("theirs".into(), Some(&s))],
            &conflicts,
        );
        assert_eq!(ranking.ranked.len(), 1);
        assert_eq!(
            ranking.conflicted,
            [("mine".to_string(), "I taught there".to_string())]
        );
    }

    #[test]
    fn sorting_by_one_criterion_orders_by_its_score() {
        let rubric = rubric(2);
        let a = scores(&[4, 1], Some(1));
        let b = scores(&[1, 4], Some(1));
        let c = scores(&[2, 2], Some(1));
        let ranking = rank(
            &rubric,
            &[
                ("a".into(), Some(&a)),
                ("b".into(), Some(&b)),
                ("c".into(), Some(&c)),
            ],
            &BTreeMap::new(),
        );
        let ids = |v: Vec<&Ranked>| v.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(sort_by_criterion(&ranking, 0)), ["a", "c", "b"]);
        assert_eq!(ids(sort_by_criterion(&ranking, 1)), ["b", "c", "a"]);
        // The requirement has no scale: the ranking's own order stays.
        assert_eq!(ids(sort_by_criterion(&ranking, 2)), ["a", "b", "c"]);
    }

    proptest! {
        #[test]
        fn the_ranking_does_not_depend_on_the_order_proposals_come_in(
            levels in proptest::collection::vec(proptest::collection::vec(0u32..=4, 3), 1..12),
            seed in any::<u64>(),
        ) {
            let rubric = rubric(3);
            let sheets: Vec<ProposalScores> = levels
                .iter()
                .map(|l| {
                    let mut s = scores(&l.iter().map(|v| v.max(&1).to_owned()).collect::<Vec<_>>(), Some(1));
                    if l[0] == 0 { s.criteria.remove("c0"); }
                    s
                })
                .collect();
            let list: Vec<(String, Option<&ProposalScores>)> = sheets
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("p{i:02}"), Some(s)))
                .collect();
            let mut shuffled = list.clone();
            let mut x = seed | 1;
            for i in (1..shuffled.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                shuffled.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let one = rank(&rubric, &list, &BTreeMap::new());
            let two = rank(&rubric, &shuffled, &BTreeMap::new());
            prop_assert_eq!(one, two);
        }
    }
}
