//! Deciding: the discussion order and changed scores, the shortlist and the blend of stages,
//! and the funding line.

mod common;

use common::*;
use crossroads_panel::combine::combine;
use crossroads_panel::discussion::{apply_changes, discussion_order};
use crossroads_panel::funding::{funding_line, FundingEntry, StopReason};
use crossroads_panel::order::Placed;
use crossroads_panel::stages::{blend, shortlist_choice, shortlist_top};
use crossroads_panel::{Decision, ScoreChange};
use crossroads_review::{proposal_code, Combine, Exact};
use num_rational::Ratio;
use std::collections::BTreeMap;

fn r(n: i128, d: i128) -> Exact {
    Ratio::new(n, d)
}

fn placed(list: &[(&str, usize)]) -> Vec<Placed> {
    list.iter()
        .map(|(id, place)| Placed {
            id: id.to_string(),
            place: *place,
            tied: list.iter().filter(|(_, p)| p == place).count() > 1,
        })
        .collect()
}

#[test]
fn the_discussion_goes_by_preliminary_score_and_a_changed_score_keeps_the_original() {
    let c = points_competition();
    let mut sheets = vec![sheet("r1", &c, 1), sheet("r2", &c, 1)];
    for (p, v) in [("p1", 50), ("p2", 80), ("p3", 50), ("p4", 20)] {
        for s in &mut sheets {
            give(s, "written", p, &[("q", v)]);
        }
    }
    let all = ids(&["p1", "p2", "p3", "p4", "p5"]);
    let none = BTreeMap::new();
    let result = combine(&c, "written", &sheets, &all, &none).unwrap();
    let order = discussion_order(&result);
    let (first, second) = if proposal_code("p1") < proposal_code("p3") {
        ("p1", "p3")
    } else {
        ("p3", "p1")
    };
    assert_eq!(order, ["p2", first, second, "p4", "p5"]);
    let change = |to, at_ms, reason: &str| ScoreChange {
        stage: "written".into(),
        proposal: "p4".into(),
        reviewer: "r1".into(),
        criterion: "q".into(),
        from: Some(20),
        to,
        reason: reason.into(),
        at_ms,
    };
    let changes = vec![
        change(70, 20, "Read the budget appendix again"),
        change(60, 10, "Missed the evaluation plan"),
        change(200, 30, "Out of range"),
        change(10, 40, " "),
    ];
    let effective = apply_changes(&c, &sheets, &changes);
    assert_eq!(effective.problems.len(), 2, "{:?}", effective.problems);
    assert_eq!(effective.changed.len(), 1);
    let changed = &effective.changed[0];
    assert_eq!((changed.original, changed.now), (Some(20), 70));
    assert_eq!(changed.reason, "Read the budget appendix again");
    assert_eq!(
        effective.both("written", "p4", "r1", "q"),
        (Some(20), Some(70))
    );
    assert_eq!(
        effective.both("written", "p4", "r2", "q"),
        (Some(20), Some(20))
    );
    assert_eq!(
        sheets[0].scores("written", "p4").unwrap().criteria["q"].value,
        Some(20)
    );
    let after = combine(&c, "written", &effective.sheets, &all, &none).unwrap();
    assert_eq!(after.proposals["p4"].total, Some(r(45, 1)));
}

#[test]
fn the_top_n_advance_with_ties_at_the_cut_and_the_panel_may_choose_instead() {
    let ranked = placed(&[("a", 1), ("b", 2), ("c", 3), ("d", 3), ("e", 5)]);
    let top = shortlist_top(&ranked, 3);
    assert_eq!(top.advanced, ["a", "b", "c", "d"]);
    assert_eq!(top.tied_at_cut, ["c", "d"]);
    let top = shortlist_top(&ranked, 2);
    assert_eq!((top.advanced.len(), top.tied_at_cut.len()), (2, 0));
    assert_eq!(shortlist_top(&ranked, 9).advanced.len(), 5);
    let all = ids(&["a", "b", "c", "d", "e"]);
    assert_eq!(
        shortlist_choice(&all, &ids(&["e", "a"])).unwrap().advanced,
        ["e", "a"]
    );
    assert!(shortlist_choice(&all, &ids(&["z"]))
        .unwrap_err()
        .contains("not among"));
    assert!(shortlist_choice(&all, &ids(&["a", "a"]))
        .unwrap_err()
        .contains("twice"));
}

#[test]
fn stages_blend_as_the_brief_says_and_both_figures_are_shown() {
    let mut c = competition();
    let written = BTreeMap::from([
        ("p1".to_string(), r(90, 1)),
        ("p2".to_string(), r(60, 1)),
        ("p3".to_string(), r(70, 1)),
    ]);
    let pitch = BTreeMap::from([("p1".to_string(), r(30, 1)), ("p2".to_string(), r(90, 1))]);
    let totals = BTreeMap::from([
        ("written".to_string(), written),
        ("pitch".to_string(), pitch),
    ]);
    let blended = blend(&c, &totals);
    // (2·90 + 30) / 3 = 70; (2·60 + 90) / 3 = 70: a tie, shown as one.
    assert_eq!(blended.rows["p1"].final_total, Some(r(70, 1)));
    assert_eq!(blended.rows["p2"].final_total, Some(r(70, 1)));
    assert_eq!(
        blended.rows["p1"].stages,
        [
            ("written".to_string(), Some(r(90, 1))),
            ("pitch".to_string(), Some(r(30, 1)))
        ]
    );
    assert_eq!(blended.rows["p3"].final_total, None);
    assert_eq!(blended.rows["p3"].missing, ["pitch"]);
    assert!(blended.ranked.iter().all(|p| p.place == 1 && p.tied));
    c.combine = Combine::LastStage;
    let last = blend(&c, &totals);
    assert_eq!(last.rows["p1"].final_total, Some(r(30, 1)));
    let order: Vec<&str> = last.ranked.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["p2", "p1"]);
}

fn entries(list: &[(&str, usize, i64)]) -> Vec<FundingEntry> {
    list.iter()
        .map(|(id, place, cents)| FundingEntry {
            id: id.to_string(),
            place: *place,
            requested_cents: Some(*cents),
        })
        .collect()
}

#[test]
fn the_funding_line_funds_an_exact_fit_and_stops_at_a_request_too_large() {
    let none = BTreeMap::new();
    let ranked = entries(&[("a", 1, 40_000), ("b", 2, 60_000), ("c", 3, 10_000)]);
    let line = funding_line(&ranked, 100_000, None, &none);
    assert_eq!(line.funded.len(), 2);
    assert_eq!(line.left_cents, 0);
    let stop = line.stop.as_ref().unwrap();
    assert_eq!(stop.why, StopReason::DoesNotFit);
    assert_eq!(
        (stop.request_cents, stop.left_cents, stop.gap_cents),
        (10_000, 0, 10_000)
    );
    assert_eq!(line.below, ["c"]);
    let exact = funding_line(&ranked, 110_000, None, &none);
    assert_eq!(
        (exact.funded.len(), exact.left_cents, exact.stop.is_none()),
        (3, 0, true)
    );
    // One too large for what is left: the line stops there, showing the gap.
    let ranked = entries(&[("a", 1, 50_000), ("b", 2, 70_000), ("c", 3, 30_000)]);
    let line = funding_line(&ranked, 100_000, None, &none);
    let stop = line.stop.as_ref().unwrap();
    assert_eq!(
        (stop.at.clone(), stop.gap_cents),
        (vec!["b".to_string()], 20_000)
    );
    assert!(stop.message().contains("$200 short"), "{}", stop.message());
    assert_eq!(line.below, ["b", "c"]);
    // The panel skips it: the next one fits.
    let skip = BTreeMap::from([("b".to_string(), Decision::Skip)]);
    let line = funding_line(&ranked, 100_000, None, &skip);
    let funded: Vec<&str> = line.funded.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        (funded, line.skipped.clone(), line.left_cents),
        (vec!["a", "c"], vec!["b".to_string()], 20_000)
    );
    // Or funds it with changes at a reduced amount.
    let reduce = BTreeMap::from([("b".to_string(), Decision::FundReduced { cents: 45_000 })]);
    let line = funding_line(&ranked, 100_000, None, &reduce);
    assert!(line.funded[1].reduced && line.funded[1].cents == 45_000);
    assert_eq!(line.left_cents, 5_000);
    assert_eq!(line.stop.unwrap().at, ["c"]);
    // A reduced amount that does not fit is refused, and the line stays stopped there.
    let too_much = BTreeMap::from([("b".to_string(), Decision::FundReduced { cents: 60_000 })]);
    let line = funding_line(&ranked, 100_000, None, &too_much);
    assert_eq!(line.problems.len(), 1);
    assert_eq!(line.stop.unwrap().at, ["b"]);
    // Or stops.
    let stop = BTreeMap::from([("b".to_string(), Decision::Stop)]);
    let line = funding_line(&ranked, 100_000, None, &stop);
    assert_eq!(line.stop.unwrap().why, StopReason::PanelStopped);
}

#[test]
fn a_tie_at_the_line_is_left_for_the_panel_and_the_awards_limit_holds() {
    let none = BTreeMap::new();
    let ranked = entries(&[
        ("a", 1, 50_000),
        ("b", 2, 30_000),
        ("c", 2, 30_000),
        ("d", 4, 10_000),
    ]);
    let line = funding_line(&ranked, 100_000, None, &none);
    let stop = line.stop.as_ref().unwrap();
    assert_eq!(stop.why, StopReason::Tie);
    assert_eq!(stop.at, ["b", "c"]);
    assert_eq!((stop.request_cents, stop.left_cents), (60_000, 50_000));
    assert_eq!(line.funded.len(), 1, "nothing past the tie is decided");
    assert_eq!(line.below, ["b", "c", "d"]);
    // Tied proposals that fit together are both funded.
    let line = funding_line(&ranked, 110_000, None, &none);
    assert_eq!(line.funded.len(), 3);
    // More tied than awards left: a tie too.
    let line = funding_line(&ranked, 200_000, Some(2), &none);
    assert_eq!(line.stop.as_ref().unwrap().why, StopReason::Tie);
    // The panel picks one of the tied; the other waits its turn and stops the line.
    let pick = BTreeMap::from([("c".to_string(), Decision::Fund)]);
    let line = funding_line(&ranked, 100_000, None, &pick);
    let funded: Vec<&str> = line.funded.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(funded, ["a", "c"]);
    assert_eq!(line.stop.as_ref().unwrap().at, ["b"]);
    // The brief's number of awards ends the line.
    let line = funding_line(&ranked, 1_000_000, Some(3), &none);
    assert_eq!(line.funded.len(), 3);
    let stop = line.stop.unwrap();
    assert_eq!(
        (stop.why, stop.at),
        (StopReason::AwardsUsed, vec!["d".to_string()])
    );
}
