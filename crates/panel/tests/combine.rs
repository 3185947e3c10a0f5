//! Combining reviewers: mean, spread and count; a partial reviewer; the same file twice; a
//! changed rubric refused or mapped; conflicts; a failed requirement; the disagreement flags;
//! standardisation; the leave-one-reviewer-out rank ranges.

mod common;

use common::*;
use crossroads_panel::combine::{combine, prepare};
use crossroads_panel::robust::leave_one_out;
use crossroads_panel::standard::{orders, standardise, ZScores};
use crossroads_review::{total, Bonus, BonusItem, Exact};
use num_rational::Ratio;
use std::collections::BTreeMap;

fn r(n: i128, d: i128) -> Exact {
    Ratio::new(n, d)
}

fn none() -> BTreeMap<String, BTreeMap<String, String>> {
    BTreeMap::new()
}

#[test]
fn mean_spread_and_count_per_criterion_and_the_mean_of_the_totals() {
    let c = competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1), sheet("r3", &c, 1)];
    written(&mut sheets[0], "p1", 2, 3, 10);
    written(&mut sheets[1], "p1", 3, 3, 12);
    written(&mut sheets[2], "p1", 4, 4, 18);
    let result = combine(&c, "written", &sheets, &ids(&["p1"]), &none()).unwrap();
    let p1 = &result.proposals["p1"];
    let a = &p1.criteria[0];
    assert_eq!((a.count, a.spread), (3, Some(2)));
    assert_eq!(a.mean_units, Some(r(3, 1)));
    assert_eq!(a.mean, Some(r(200, 3)));
    let pts = &p1.criteria[2];
    assert_eq!(pts.mean_units, Some(r(40, 3)));
    assert_eq!(pts.mean, Some(r(200, 3)));
    assert_eq!(p1.requirements[0].met, 3);
    // Reviewer 1: (100/3 + 200/3 + 2·50) / 4 = 50.
    assert_eq!(p1.totals["r1"], r(50, 1));
    let expected: Exact = sheets
        .iter()
        .map(|s| {
            total(&c.stages[0].rubric, s.scores("written", "p1").unwrap())
                .overall()
                .unwrap()
        })
        .sum::<Exact>()
        / 3;
    assert_eq!(p1.total, Some(expected));
    assert_eq!(result.ranked.len(), 1);
}

#[test]
fn disagreement_is_flagged_at_two_levels_and_at_the_districts_share_of_the_points() {
    let mut c = competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1)];
    // a: 1 and 3 (two levels apart), b: 2 and 3 (one), points 10 and 18 (8 of 20 = 40%).
    written(&mut sheets[0], "p1", 1, 2, 10);
    written(&mut sheets[1], "p1", 3, 3, 18);
    // Points 10 and 17: 7 of 20, 35%.
    written(&mut sheets[0], "p2", 2, 2, 10);
    written(&mut sheets[1], "p2", 2, 2, 17);
    let flags = |c: &crossroads_review::Competition| {
        let result = combine(c, "written", &sheets, &ids(&["p1", "p2"]), &none()).unwrap();
        ["p1", "p2"].map(|p| {
            result.proposals[p]
                .criteria
                .iter()
                .map(|s| s.flag)
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        flags(&c),
        [vec![true, false, true], vec![false, false, false]]
    );
    c.disagreement_percent = Some(30);
    assert_eq!(
        flags(&c),
        [vec![true, false, true], vec![false, false, true]]
    );
    c.disagreement_percent = Some(50);
    assert_eq!(
        flags(&c),
        [vec![true, false, false], vec![false, false, false]]
    );
}

#[test]
fn a_reviewer_who_scored_only_some_proposals_counts_where_they_scored() {
    let c = competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1), sheet("r3", &c, 1)];
    for s in sheets.iter_mut().take(2) {
        written(s, "p1", 3, 3, 15);
        written(s, "p2", 2, 2, 10);
    }
    written(&mut sheets[2], "p1", 1, 1, 0);
    give(&mut sheets[2], "written", "p2", &[("a", 4)]);
    let result = combine(&c, "written", &sheets, &ids(&["p1", "p2", "p3"]), &none()).unwrap();
    assert_eq!(result.proposals["p1"].totals.len(), 3);
    let p2 = &result.proposals["p2"];
    assert_eq!(p2.totals.len(), 2);
    assert_eq!(p2.incomplete_reviewers, [("r3".to_string(), 1, 4)]);
    assert_eq!(
        p2.criteria[0].count, 3,
        "the one criterion r3 scored counts"
    );
    assert_eq!(p2.criteria[1].count, 2);
    assert_eq!(
        result.incomplete,
        [(
            "p3".to_string(),
            "no reviewer has scored it yet".to_string()
        )]
    );
}

#[test]
fn the_same_file_loaded_twice_counts_once_and_the_newer_wins() {
    let c = competition();
    let mut a = sheet("r1", &c, 1);
    written(&mut a, "p1", 1, 1, 0);
    let mut b = sheet("r2", &c, 1);
    written(&mut b, "p1", 3, 3, 10);
    let prepared = prepare(&c, &[], &[a.clone(), b.clone(), a.clone()]);
    assert_eq!(prepared.sheets.len(), 2);
    assert_eq!(prepared.duplicates.len(), 1);
    assert!(prepared.duplicates[0].same);
    let result = combine(&c, "written", &prepared.sheets, &ids(&["p1"]), &none()).unwrap();
    assert_eq!(result.proposals["p1"].totals.len(), 2);
    // A newer export of the same reviewer's sheet replaces the older, whatever the order.
    let mut newer = a.clone();
    newer.id = "sheet-r1-laptop".into();
    newer.updated_ms = 50;
    written(&mut newer, "p1", 4, 4, 20);
    for list in [
        vec![a.clone(), newer.clone()],
        vec![newer.clone(), a.clone()],
    ] {
        let prepared = prepare(&c, &[], &list);
        assert_eq!(prepared.sheets, [newer.clone()]);
        assert_eq!(prepared.duplicates[0].kept, "sheet-r1-laptop");
        assert!(!prepared.duplicates[0].same);
    }
}

#[test]
fn a_file_made_against_a_changed_rubric_is_refused_or_mapped() {
    let v1 = competition();
    let mut s = sheet("r1", &v1, 1);
    written(&mut s, "p1", 2, 3, 10);
    // Version 2 gives "a" five levels: refused, in plain words, with or without version 1.
    let mut v2 = v1.clone();
    v2.brief.version = 2;
    v2.stages[0].rubric.criteria[0].kind = levels(1, 5);
    let prepared = prepare(&v2, std::slice::from_ref(&v1), std::slice::from_ref(&s));
    assert!(prepared.sheets.is_empty());
    let why = &prepared.refused[0].reason;
    assert!(
        why.contains("levels 1 to 4 and is now scored levels 1 to 5"),
        "{why}"
    );
    let why = &prepare(&v2, &[], std::slice::from_ref(&s)).refused[0].reason;
    assert!(why.contains("another version of its rubric"), "{why}");
    // Version 3 only reorders the criteria and adds a bonus: the same criteria, so mapped.
    let mut v3 = v1.clone();
    v3.brief.version = 3;
    v3.stages[0].rubric.criteria.swap(0, 2);
    v3.stages[0].rubric.bonus = Some(Bonus {
        items: vec![BonusItem {
            id: "partner".into(),
            name: "Partner".into(),
            looks_for: String::new(),
            max: 5,
        }],
        cap: 5,
    });
    let prepared = prepare(&v3, std::slice::from_ref(&v1), std::slice::from_ref(&s));
    assert!(prepared.refused.is_empty(), "{:?}", prepared.refused);
    assert!(prepared.notes[0].contains("criterion by criterion"));
    let result = combine(&v3, "written", &prepared.sheets, &ids(&["p1"]), &none()).unwrap();
    assert_eq!(result.proposals["p1"].totals["r1"], r(50, 1));
    // Another competition's file is refused.
    let mut other = s.clone();
    other.competition = "elsewhere".into();
    assert!(prepare(&v1, &[], &[other]).refused[0]
        .reason
        .contains("another competition"));
}

#[test]
fn a_conflicted_reviewer_is_left_out_and_marked() {
    let c = competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1), sheet("r3", &c, 1)];
    for s in &mut sheets {
        written(s, "p1", 3, 3, 15);
        written(s, "p2", 3, 3, 15);
    }
    written(&mut sheets[1], "p1", 1, 1, 0);
    sheets[1]
        .conflicts
        .insert("p1".into(), "I taught there".into());
    let mut district = none();
    district
        .entry("r3".into())
        .or_default()
        .insert("p2".into(), "Belongs to the proposing school".into());
    let result = combine(&c, "written", &sheets, &ids(&["p1", "p2"]), &district).unwrap();
    let p1 = &result.proposals["p1"];
    assert_eq!(p1.totals.len(), 2);
    assert_eq!(p1.conflicted, [("r2".into(), "I taught there".into())]);
    assert_eq!(p1.criteria[0].spread, Some(0), "r2's low score is left out");
    let p2 = &result.proposals["p2"];
    assert_eq!(p2.totals.keys().collect::<Vec<_>>(), ["r1", "r2"]);
    assert_eq!(p2.conflicted[0].0, "r3");
}

#[test]
fn a_failed_requirement_lists_the_proposal_apart_with_the_reason_and_ties_share_a_place() {
    let c = competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1)];
    for s in &mut sheets {
        written(s, "p1", 4, 4, 20);
        written(s, "p2", 2, 3, 10);
        written(s, "p3", 3, 2, 10);
    }
    give(&mut sheets[1], "written", "p1", &[("signed", 0)]);
    sheets[1]
        .stages
        .get_mut("written")
        .unwrap()
        .get_mut("p1")
        .unwrap()
        .criteria
        .get_mut("signed")
        .unwrap()
        .comment = "No principal's signature".into();
    let result = combine(&c, "written", &sheets, &ids(&["p1", "p2", "p3"]), &none()).unwrap();
    assert_eq!(result.failed.len(), 1);
    assert_eq!(result.failed[0].proposal, "p1");
    assert_eq!(result.failed[0].requirement, "SIGNED");
    assert_eq!(
        result.failed[0].reviewers,
        [("r2".to_string(), "No principal's signature".to_string())]
    );
    let placed: Vec<(&str, usize, bool)> = result
        .ranked
        .iter()
        .map(|p| (p.id.as_str(), p.place, p.tied))
        .collect();
    assert_eq!(placed, [("p2", 1, true), ("p3", 1, true)]);
}

/// Reviewer r1 scores six proposals on a four-level scale leaving room at the top; r2 and r3
/// score them too.
fn spread_sheets(
    c: &crossroads_review::Competition,
    shift: u32,
) -> Vec<crossroads_review::ScoreSheet> {
    let mut sheets = vec![sheet("r1", c, 1), sheet("r2", c, 1), sheet("r3", c, 1)];
    let r1 = [
        (1, 2, 4),
        (2, 1, 6),
        (3, 3, 10),
        (2, 2, 12),
        (1, 3, 9),
        (3, 1, 5),
    ];
    for (i, (a, b, pts)) in r1.iter().enumerate() {
        let p = format!("p{i}");
        written(&mut sheets[0], &p, a + shift, b + shift, pts + shift);
        written(
            &mut sheets[1],
            &p,
            1 + (i as u32 % 4),
            4 - (i as u32 % 4),
            2 * i as u32,
        );
        written(&mut sheets[2], &p, 2, 2 + (i as u32 % 2), 20 - i as u32);
    }
    sheets
}

#[test]
fn a_reviewer_who_adds_one_level_to_every_score_changes_no_standardised_score() {
    let c = competition();
    let proposals: Vec<String> = (0..6).map(|i| format!("p{i}")).collect();
    let z = |shift| {
        let sheets = spread_sheets(&c, shift);
        let result = combine(&c, "written", &sheets, &proposals, &none()).unwrap();
        (standardise(&c, &result, &sheets).unwrap(), result)
    };
    let (plain, raw_plain) = z(0);
    let (shifted, raw_shifted) = z(1);
    assert_ne!(raw_plain.proposals, raw_shifted.proposals, "raw means move");
    for (reviewer, criteria) in &plain.by_reviewer {
        for (criterion, zs) in criteria {
            match (zs, &shifted.by_reviewer[reviewer][criterion]) {
                (
                    ZScores::Available { by_proposal: x, .. },
                    ZScores::Available { by_proposal: y, .. },
                ) => {
                    for (p, v) in x {
                        assert!((v - y[p]).abs() < 1e-12, "{reviewer} {criterion} {p}");
                    }
                }
                (a, b) => assert_eq!(a, b),
            }
        }
    }
    for (p, figures) in &plain.proposals {
        let (a, b) = (figures.total.unwrap(), shifted.proposals[p].total.unwrap());
        assert!((a - b).abs() < 1e-12);
    }
    assert_eq!(plain.ranked, shifted.ranked);
    // r3 gave every proposal a 2 on "a": no z-score, with why.
    let ZScores::NotAvailable { reason } = &plain.by_reviewer["r3"]["a"] else {
        panic!("r3 gave the same level everywhere")
    };
    assert!(reason.contains("same score"));
    // Both orders can be seen; the panel's choice picks one.
    let both = orders(&raw_plain, &plain, true);
    assert_eq!(both.chosen(), &plain.ranked[..]);
    assert_eq!(both.raw, raw_plain.ranked);
    assert_eq!(
        orders(&raw_plain, &plain, false).chosen(),
        &raw_plain.ranked[..]
    );
}

#[test]
fn fewer_than_three_scores_give_no_standardised_score() {
    let c = competition();
    let mut sheets = vec![sheet("r1", &c, 1)];
    written(&mut sheets[0], "p1", 1, 2, 3);
    written(&mut sheets[0], "p2", 2, 3, 4);
    let result = combine(&c, "written", &sheets, &ids(&["p1", "p2"]), &none()).unwrap();
    let s = standardise(&c, &result, &sheets).unwrap();
    let ZScores::NotAvailable { reason } = &s.by_reviewer["r1"]["a"] else {
        panic!("only two scores")
    };
    assert!(reason.contains("fewer than three"), "{reason}");
    assert!(s.ranked.is_empty());
}

#[test]
fn leaving_out_one_reviewer_gives_each_proposal_its_range_of_places() {
    let c = points_competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1), sheet("r3", &c, 1)];
    let scores = [
        ("p1", [90, 50, 70]),
        ("p2", [60, 65, 65]),
        ("p3", [40, 60, 55]),
    ];
    for (p, values) in scores {
        for (s, v) in sheets.iter_mut().zip(values) {
            give(s, "written", p, &[("q", v)]);
        }
    }
    give(&mut sheets[0], "written", "p4", &[("q", 30)]);
    let result = combine(
        &c,
        "written",
        &sheets,
        &ids(&["p1", "p2", "p3", "p4"]),
        &none(),
    )
    .unwrap();
    let ranges: Vec<(String, usize, usize, usize, Vec<String>)> = leave_one_out(&result)
        .into_iter()
        .map(|r| (r.proposal, r.place, r.best, r.worst, r.unranked_without))
        .collect();
    assert_eq!(
        ranges,
        [
            ("p1".into(), 1, 1, 2, vec![]),
            ("p2".into(), 2, 1, 2, vec![]),
            ("p3".into(), 3, 3, 3, vec![]),
            ("p4".into(), 4, 4, 4, vec!["r1".to_string()]),
        ]
    );
}
