//! Assigning the reading: counts, loads within one, no conflicted or same-school reviewer, and
//! every pair of reviewers sharing a proposal wherever that is possible.

use crossroads_panel::assign::{assign, check_assignment, Problem};
use crossroads_panel::{PanelReviewer, ProposalRef};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn proposals(n: usize) -> Vec<ProposalRef> {
    (0..n)
        .map(|i| ProposalRef {
            id: format!("p{i:03}"),
            school: format!("School {i}"),
            requested_cents: None,
        })
        .collect()
}

fn reviewers(n: usize) -> Vec<PanelReviewer> {
    (0..n)
        .map(|i| PanelReviewer {
            id: format!("r{i:02}"),
            name: format!("Reviewer {i}"),
            school: None,
            conflicts: BTreeSet::new(),
        })
        .collect()
}

#[test]
fn every_proposal_gets_three_readers_and_every_pair_overlaps() {
    let ps = proposals(12);
    let rs = reviewers(6);
    let a = assign(&ps, &rs, 3, 7);
    assert_eq!(check_assignment(&ps, &rs, 3, &a.by_reviewer), vec![]);
    assert!(a.uncovered_pairs.is_empty() && a.short.is_empty() && a.loads_within_one);
    for set in a.by_reviewer.values() {
        assert_eq!(set.len(), 6);
    }
    assert_eq!(
        a,
        assign(&ps, &rs, 3, 7),
        "the same seed, the same assignment"
    );
}

#[test]
fn conflicts_and_own_schools_are_never_assigned_and_a_proposal_short_of_readers_is_reported() {
    let mut ps = proposals(8);
    ps[0].school = "Lincoln Elementary".into();
    let mut rs = reviewers(4);
    rs[0].school = Some("lincoln  elementary".into());
    rs[1].conflicts.insert("p000".into());
    rs[2].conflicts.insert("p000".into());
    rs[3].conflicts.insert("p005".into());
    let a = assign(&ps, &rs, 3, 1);
    assert!(!a.by_reviewer["r00"].contains("p000"));
    assert!(!a.by_reviewer["r01"].contains("p000"));
    assert!(!a.by_reviewer["r03"].contains("p005"));
    assert_eq!(a.short, [("p000".to_string(), 1)]);
    assert_eq!(check_assignment(&ps, &rs, 3, &a.by_reviewer), vec![]);
}

#[test]
fn a_hand_made_assignment_is_checked_in_plain_words() {
    let ps = proposals(3);
    let mut rs = reviewers(3);
    rs[2].conflicts.insert("p001".into());
    let mut by = assign(&ps, &rs, 2, 3).by_reviewer;
    by.get_mut("r02").unwrap().insert("p001".into());
    by.get_mut("r00").unwrap().clear();
    let problems = check_assignment(&ps, &rs, 2, &by);
    let words: Vec<String> = problems.iter().map(Problem::message).collect();
    assert!(
        words.iter().any(|w| w.contains("declared a conflict")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("more than one apart")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("share no proposal")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("should have 2")),
        "{words:?}"
    );
}

#[test]
fn six_reviewers_on_five_proposals_cannot_all_overlap_and_the_search_says_so() {
    // Five sets of three cover 15 pairings, exactly the 15 pairs of six reviewers, but each
    // reviewer would need five partners from sets that give two at a time: impossible.
    let a = assign(&proposals(5), &reviewers(6), 3, 0);
    assert!(a.overlap_impossible);
    assert!(!a.uncovered_pairs.is_empty());
    assert!(a.loads_within_one);
}

#[test]
fn five_hundred_proposals_to_twenty_reviewers() {
    let ps = proposals(500);
    let mut rs = reviewers(20);
    for (i, r) in rs.iter_mut().enumerate() {
        r.conflicts.insert(format!("p{:03}", i * 7));
    }
    let a = assign(&ps, &rs, 3, 2027);
    assert_eq!(check_assignment(&ps, &rs, 3, &a.by_reviewer), vec![]);
    assert_eq!(
        a.by_reviewer.values().map(BTreeSet::len).sum::<usize>(),
        1500
    );
}

/// An independent judge of whether loads within one can be had at all: a flow with lower
/// bounds (each proposal exactly its count, each reviewer between the floor and the ceiling of
/// the mean load), checked by the classic reduction to a maximum flow.
fn within_one_possible(ps: &[ProposalRef], rs: &[PanelReviewer], per: u32) -> bool {
    use crossroads_panel::assign::eligible;
    let (np, nr) = (ps.len(), rs.len());
    let want: Vec<i64> = ps
        .iter()
        .map(|p| i64::from(per).min(rs.iter().filter(|r| eligible(r, p)).count() as i64))
        .collect();
    let total: i64 = want.iter().sum();
    let (low, high) = (total / nr as i64, (total + nr as i64 - 1) / nr as i64);
    // Nodes: 0 source, 1 sink, proposals, reviewers, then the super source and super sink.
    let n = 2 + np + nr + 2;
    let (ss, tt) = (n - 2, n - 1);
    let mut cap = vec![vec![0i64; n]; n];
    let mut excess = vec![0i64; n];
    for p in 0..np {
        // source -> proposal with lower = upper = want.
        excess[2 + p] += want[p];
        excess[0] -= want[p];
        for r in 0..nr {
            if eligible(&rs[r], &ps[p]) {
                cap[2 + p][2 + np + r] = 1;
            }
        }
    }
    for r in 0..nr {
        cap[2 + np + r][1] = high - low;
        excess[1] += low;
        excess[2 + np + r] -= low;
    }
    cap[1][0] = i64::MAX / 4;
    let mut need = 0;
    for v in 0..n - 2 {
        if excess[v] > 0 {
            cap[ss][v] = excess[v];
            need += excess[v];
        } else if excess[v] < 0 {
            cap[v][tt] = -excess[v];
        }
    }
    let mut flow = 0;
    loop {
        let mut prev = vec![usize::MAX; n];
        prev[ss] = ss;
        let mut queue = std::collections::VecDeque::from([ss]);
        while let Some(u) = queue.pop_front() {
            for v in 0..n {
                if prev[v] == usize::MAX && cap[u][v] > 0 {
                    prev[v] = u;
                    queue.push_back(v);
                }
            }
        }
        if prev[tt] == usize::MAX {
            break;
        }
        let mut push = i64::MAX;
        let mut v = tt;
        while v != ss {
            push = push.min(cap[prev[v]][v]);
            v = prev[v];
        }
        let mut v = tt;
        while v != ss {
            cap[prev[v]][v] -= push;
            cap[v][prev[v]] += push;
            v = prev[v];
        }
        flow += push;
    }
    flow == need
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn assignments_keep_the_rules_over_random_sizes(
        np in 1usize..40,
        nr in 2usize..10,
        per in 1u32..=3,
        conflicts in proptest::collection::vec((0usize..10, 0usize..40), 0..4),
        seed in any::<u64>(),
    ) {
        let per = per.min(nr as u32);
        let ps = proposals(np);
        let mut rs = reviewers(nr);
        for (r, p) in &conflicts {
            rs[r % nr].conflicts.insert(format!("p{:03}", p % np));
        }
        let a = assign(&ps, &rs, per, seed);
        let problems = check_assignment(&ps, &rs, per, &a.by_reviewer);
        let serious: Vec<&Problem> = problems
            .iter()
            .filter(|p| !matches!(p, Problem::NoOverlap { .. }))
            .collect();
        let loads_possible = within_one_possible(&ps, &rs, per);
        let serious: Vec<&Problem> = serious
            .into_iter()
            .filter(|p| loads_possible || !matches!(p, Problem::Loads { .. }))
            .collect();
        prop_assert!(serious.is_empty(), "{:?}", serious);
        prop_assert_eq!(a.loads_within_one, loads_possible, "{:?}", a);
        let open = problems.iter().filter(|p| matches!(p, Problem::NoOverlap { .. })).count();
        prop_assert_eq!(open, a.uncovered_pairs.len(), "{:?} {:?}", a, problems);
        // Where overlap is possible, every pair overlaps: small panels are searched
        // exhaustively; larger ones without conflicts, whose proposals have room for every pair, are covered
        let pairs = nr * (nr - 1) / 2;
        let per = per as usize;
        let room = np * per * (per - 1) / 2;
        let small = nr <= 6 && np <= 12;
        if !a.overlap_impossible && (small || (conflicts.is_empty() && room >= pairs)) {
            prop_assert!(a.uncovered_pairs.is_empty(), "{:?}", a);
        }
    }
}
