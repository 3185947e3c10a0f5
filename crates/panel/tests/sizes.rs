//! The bench's sizes, natively: assign 500 proposals to 20 reviewers, and combine 20 reviewer
//! files over 500 proposals (with standardised scores and the rank ranges). No timing is
//! asserted; the times are printed (`cargo test -- --nocapture`) for a look.

mod common;

use common::*;
use crossroads_panel::assign::{assign, check_assignment};
use crossroads_panel::combine::{combine, prepare};
use crossroads_panel::robust::leave_one_out;
use crossroads_panel::standard::standardise;
use crossroads_panel::{PanelReviewer, ProposalRef};
use crossroads_review::{Competition, ScoreSheet};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

fn proposals() -> Vec<ProposalRef> {
    (0..500)
        .map(|i| ProposalRef {
            id: format!("p{i:03}"),
            school: format!("School {}", i / 2),
            requested_cents: Some(1_000_000 + i * 1_000),
        })
        .collect()
}

fn reviewers() -> Vec<PanelReviewer> {
    (0..20)
        .map(|i| PanelReviewer {
            id: format!("r{i:02}"),
            name: format!("Reviewer {i}"),
            school: (i % 4 == 0).then(|| format!("School {}", i * 11)),
            conflicts: BTreeSet::from([format!("p{:03}", i * 23 % 500)]),
        })
        .collect()
}

fn scored(c: &Competition, by: &BTreeMap<String, BTreeSet<String>>, all: bool) -> Vec<ScoreSheet> {
    let ps = proposals();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..20)
        .map(|i| {
            let id = format!("r{i:02}");
            let mut s = sheet(&id, c, 1);
            for p in &ps {
                if all || by[&id].contains(&p.id) {
                    let values: Vec<(String, u32)> = c.stages[0]
                        .rubric
                        .criteria
                        .iter()
                        .map(|k| (k.id.clone(), 1 + (next() % 4) as u32))
                        .collect();
                    let values: Vec<(&str, u32)> =
                        values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
                    give(&mut s, "written", &p.id, &values);
                }
            }
            s
        })
        .collect()
}

#[test]
fn five_hundred_proposals_and_twenty_reviewers() {
    let c = Competition::new("c1", "Design challenge");
    let (ps, rs) = (proposals(), reviewers());
    let clock = Instant::now();
    let a = assign(&ps, &rs, 3, 42);
    eprintln!("assign 500 to 20: {:?}", clock.elapsed());
    assert_eq!(check_assignment(&ps, &rs, 3, &a.by_reviewer), vec![]);
    assert!(a.uncovered_pairs.is_empty() && a.loads_within_one);

    let ids: Vec<String> = ps.iter().map(|p| p.id.clone()).collect();
    let none = BTreeMap::new();
    for all in [false, true] {
        let sheets = scored(&c, &a.by_reviewer, all);
        let clock = Instant::now();
        let prepared = prepare(&c, &[], &sheets);
        let t1 = clock.elapsed();
        let result = combine(&c, "written", &prepared.sheets, &ids, &none).unwrap();
        let t2 = clock.elapsed();
        let z = standardise(&c, &result, &prepared.sheets).unwrap();
        let t3 = clock.elapsed();
        let ranges = leave_one_out(&result);
        eprintln!(
            "prepare {t1:?}, combine {t2:?}, standardise {t3:?}, leave one out {:?}",
            clock.elapsed()
        );
        eprintln!(
            "combine 20 files over 500 proposals ({}): {:?}",
            if all {
                "everyone scores all"
            } else {
                "as assigned"
            },
            clock.elapsed()
        );
        assert_eq!(prepared.sheets.len(), 20);
        assert_eq!(result.ranked.len(), 500);
        let counts: BTreeSet<usize> = result.proposals.values().map(|p| p.totals.len()).collect();
        assert_eq!(counts, BTreeSet::from([if all { 20 } else { 3 }]));
        assert_eq!(z.ranked.len(), 500);
        assert_eq!(ranges.len(), 500);
        assert!(ranges
            .iter()
            .all(|r| r.best <= r.place && r.place <= r.worst));
    }
}
