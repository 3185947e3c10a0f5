//! A panel for the tests of the panel's files and documents: the brief's two stages (written,
//! then a pitch with a requirement and a bonus), five proposals, three reviewers, one conflict,
//! a shortlist, a changed score and decisions at the funding line.

use super::*;
use crossroads_panel::{Decision, PanelReviewer, ProposalRef, ScoreChange};
use crossroads_review::sheet::{CriterionScore, ProposalScores, Recommendation, Reviewer};
use crossroads_review::ScoreSheet;
use std::collections::BTreeSet;

/// The brief's competition: written proposal (six criteria, levels 1 to 4), then a pitch
/// ("vision" out of 25, "signed" a requirement, a bonus), the last stage deciding.
pub(crate) fn competition() -> Competition {
    let mut c = crate::brief::tests::competition();
    c.stages[1].rubric.criteria[0].name = "Vision".into();
    c.combine = Combine::LastStage;
    c
}

pub(crate) const NAMES: [&str; 3] = ["Ana Ruiz", "Dana Okafor", "Wei Xiaolong"];

fn reviewer(i: usize) -> PanelReviewer {
    PanelReviewer {
        id: format!("r{}", i + 1),
        name: NAMES[i].into(),
        school: None,
        conflicts: BTreeSet::new(),
    }
}

fn proposal(id: &str, school: &str, cents: Option<i64>) -> ProposalRef {
    ProposalRef {
        id: id.into(),
        school: school.into(),
        requested_cents: cents,
    }
}

/// Written scores per proposal and reviewer (six levels), with a comment on the first.
const WRITTEN: [(&str, [[u32; 6]; 3]); 5] = [
    (
        "p1",
        [[4, 4, 4, 3, 4, 4], [4, 3, 4, 4, 4, 4], [4, 4, 3, 4, 4, 4]],
    ),
    (
        "p2",
        [[3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3], [2, 3, 3, 3, 3, 3]],
    ),
    (
        "p3",
        [[3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3], [2, 3, 3, 3, 3, 3]],
    ),
    (
        "p4",
        [[1, 4, 2, 2, 2, 2], [4, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2]],
    ),
    (
        "p5",
        [[1, 1, 1, 1, 1, 1], [1, 1, 2, 1, 1, 1], [1, 1, 1, 1, 1, 1]],
    ),
];

/// Pitch points out of 25 per proposal and reviewer, and whether the principal signed.
const PITCH: [(&str, [u32; 3], u32); 4] = [
    ("p1", [24, 22, 23], 1),
    ("p2", [20, 20, 20], 1),
    ("p3", [20, 20, 20], 1),
    ("p4", [25, 25, 25], 0),
];

/// What each reviewer writes, with their own and the others' names planted in mixed case
/// and with possessives.
fn comment(reviewer: usize, proposal: &str) -> String {
    match (reviewer, proposal) {
        (0, "p1") => "ANA's view: strong. I agree with dana okafor and Okafor's note.".into(),
        (1, "p1") => "Unlike ana ruiz, I found the budget thin; RUIZ\u{2019}s point stands.".into(),
        (2, "p1") => "wei xiaolong here: Xiaolong's students would love it. =SUM(A1)".into(),
        (_, p) => format!("Reviewer comment on {p} <b>bold</b> & more"),
    }
}

pub(crate) fn sheets(c: &Competition) -> Vec<ScoreSheet> {
    let mut out = Vec::new();
    for i in 0..3 {
        let mut sheet = ScoreSheet::new(
            format!("s{}", i + 1),
            Reviewer {
                id: format!("r{}", i + 1),
                name: NAMES[i].into(),
            },
            c,
            100 + i as u64,
        );
        for (p, values) in WRITTEN {
            if i == 2 && p == "p5" {
                continue;
            }
            let mut scores = ProposalScores {
                recommendation: Some(match values[i][0] {
                    4 => Recommendation::Fund,
                    3 | 2 => Recommendation::FundWithChanges,
                    _ => Recommendation::DoNotFund,
                }),
                recommendation_reason: match (i, p) {
                    (1, "p1") => "Fund it, says Dana; ask Ana Ruiz\u{2019}s opinion.".into(),
                    _ => String::new(),
                },
                ..Default::default()
            };
            for (k, criterion) in c.stages[0].rubric.criteria.iter().enumerate() {
                scores.criteria.insert(
                    criterion.id.clone(),
                    CriterionScore {
                        value: Some(values[i][k]),
                        comment: if k == 0 { comment(i, p) } else { String::new() },
                        confidence: None,
                    },
                );
            }
            sheet
                .stages
                .entry("written".into())
                .or_default()
                .insert(p.into(), scores);
        }
        for (p, points, signed) in PITCH {
            let mut scores = ProposalScores::default();
            scores.criteria.insert(
                "vision".into(),
                CriterionScore {
                    value: Some(points[i]),
                    comment: format!("Pitch note {p}"),
                    confidence: None,
                },
            );
            scores.criteria.insert(
                "signed".into(),
                CriterionScore {
                    value: Some(signed),
                    comment: match signed {
                        0 => "No signature; Ms. OKAFOR checked twice".into(),
                        _ => String::new(),
                    },
                    confidence: None,
                },
            );
            sheet
                .stages
                .entry("pitch".into())
                .or_default()
                .insert(p.into(), scores);
        }
        out.push(sheet);
    }
    out
}

pub(crate) fn panel() -> Panel {
    let c = competition();
    let mut panel = Panel::new("panel-1", &c, 50);
    panel.reviewers = (0..3).map(reviewer).collect();
    panel.reviewers[2].conflicts.insert("p5".into());
    panel.proposals = vec![
        proposal("p1", "Lincoln Elementary", Some(10_000_000)),
        proposal("p2", "Jos\u{e9} Mart\u{ed} Middle", Some(15_000_000)),
        proposal("p3", "Hope Academy", Some(15_000_000)),
        proposal("p4", "Oak Park High", Some(8_000_000)),
        proposal("p5", "Riverside Middle", Some(5_000_000)),
    ];
    for r in ["r1", "r2", "r3"] {
        let all: BTreeSet<String> = ["p1", "p2", "p3", "p4", "p5"]
            .iter()
            .filter(|p| !(r == "r3" && **p == "p5"))
            .map(|p| p.to_string())
            .collect();
        panel.assignment.insert(r.into(), all);
    }
    panel.sheets = sheets(&c);
    panel
        .record_change(ScoreChange {
            stage: "written".into(),
            proposal: "p4".into(),
            reviewer: "r1".into(),
            criterion: c.stages[0].rubric.criteria[0].id.clone(),
            from: Some(1),
            to: 2,
            reason: "Ana Ruiz read the appendix again".into(),
            at_ms: 60,
        })
        .unwrap();
    panel.shortlist.insert(
        "written".into(),
        vec!["p1".into(), "p2".into(), "p3".into(), "p4".into()],
    );
    panel
}

pub(crate) fn titles() -> BTreeMap<String, String> {
    [
        ("p1", "Learning studios"),
        ("p2", "Flex days"),
        ("p3", "Hope's mastery plan"),
        ("p4", "Open campus"),
        ("p5", "=HYPERLINK(\"x\",\"Reading\")"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

pub(crate) fn options(blind: bool) -> DocOptions {
    DocOptions {
        titles: titles(),
        blind,
        exported_on: "2027-05-01".into(),
    }
}

#[test]
fn the_panel_is_decided_stage_by_stage_to_the_funding_line() {
    let c = competition();
    let mut p = panel();
    assert_eq!(p.check(), Ok(()));
    let d = Decided::compute(&c, &p);
    assert!(d.prepared.refused.is_empty(), "{:?}", d.prepared.refused);
    assert_eq!(d.effective.changed.len(), 1);
    assert!(d.stages.iter().all(|s| s.reached));
    assert_eq!(d.stages[1].proposals.len(), 4);
    // p2 and p3 are tied at the pitch; p4 did not meet the requirement; p5 did not advance.
    let order: Vec<(&str, usize)> = d.order.iter().map(|p| (p.id.as_str(), p.place)).collect();
    assert_eq!(order, [("p1", 1), ("p2", 2), ("p3", 2)]);
    assert_eq!(d.outcomes["p1"], Outcome::Funded { cents: 10_000_000 });
    assert!(matches!(d.outcomes["p2"], Outcome::Pending { .. }));
    assert!(matches!(d.outcomes["p4"], Outcome::Failed { .. }));
    assert!(matches!(d.outcomes["p5"], Outcome::NotAdvanced { .. }));
    // The panel settles the tie: p3 funded, p2 with changes at a reduced amount.
    p.decisions.insert("p3".into(), Decision::Fund);
    p.decisions
        .insert("p2".into(), Decision::FundReduced { cents: 9_000_000 });
    let d = Decided::compute(&c, &p);
    assert_eq!(d.outcomes["p3"], Outcome::Funded { cents: 15_000_000 });
    assert_eq!(
        d.outcomes["p2"],
        Outcome::Reduced {
            cents: 9_000_000,
            requested: Some(15_000_000)
        }
    );
    assert_eq!(d.funding.as_ref().unwrap().left_cents, 1_000_000);
}

/// The sample panel with the tie settled.
pub(crate) fn decided_panel() -> Panel {
    let mut p = panel();
    p.decisions.insert("p3".into(), Decision::Fund);
    p.decisions
        .insert("p2".into(), Decision::FundReduced { cents: 9_000_000 });
    p
}
