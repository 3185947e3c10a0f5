//! Competitions and score sheets for the panel's tests.
#![allow(dead_code)]

use crossroads_review::{
    Combine, Competition, Criterion, CriterionKind, CriterionScore, Level, Reviewer, Rubric,
    ScoreSheet, Stage, StageWeight,
};

pub fn levels(first: u32, n: usize) -> CriterionKind {
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

pub fn criterion(id: &str, kind: CriterionKind) -> Criterion {
    Criterion {
        id: id.into(),
        name: id.to_uppercase(),
        looks_for: String::new(),
        kind,
        weight: None,
    }
}

pub fn points(max: u32) -> CriterionKind {
    CriterionKind::Points {
        max,
        bands: Vec::new(),
    }
}

/// Written: "a" and "b" on levels 1 to 4, "pts" out of 20 (weight 2), "signed" a requirement.
/// Pitch: "vision" out of 25. Blended 2 : 1.
pub fn competition() -> Competition {
    let mut c = Competition::new("c1", "Design challenge");
    let mut pts = criterion("pts", points(20));
    pts.weight = Some(2);
    c.stages[0].rubric = Rubric {
        criteria: vec![
            criterion("a", levels(1, 4)),
            criterion("b", levels(1, 4)),
            pts,
            criterion("signed", CriterionKind::Requirement),
        ],
        bonus: None,
    };
    c.stages.push(Stage {
        id: "pitch".into(),
        name: "Pitch".into(),
        description: String::new(),
        rubric: Rubric {
            criteria: vec![criterion("vision", points(25))],
            bonus: None,
        },
    });
    c.combine = Combine::Blend(vec![
        StageWeight {
            stage: "written".into(),
            weight: 2,
        },
        StageWeight {
            stage: "pitch".into(),
            weight: 1,
        },
    ]);
    c
}

/// One stage, one criterion "q" out of 100 points.
pub fn points_competition() -> Competition {
    let mut c = Competition::new("c2", "Points");
    c.stages[0].rubric = Rubric {
        criteria: vec![criterion("q", points(100))],
        bonus: None,
    };
    c
}

pub fn sheet(reviewer: &str, competition: &Competition, ms: u64) -> ScoreSheet {
    ScoreSheet::new(
        format!("sheet-{reviewer}"),
        Reviewer {
            id: reviewer.into(),
            name: format!("Reviewer {reviewer}"),
        },
        competition,
        ms,
    )
}

/// Gives `values` (criterion, value) to a proposal at a stage.
pub fn give(sheet: &mut ScoreSheet, stage: &str, proposal: &str, values: &[(&str, u32)]) {
    let scores = sheet
        .stages
        .entry(stage.into())
        .or_default()
        .entry(proposal.into())
        .or_default();
    for (c, v) in values {
        scores.criteria.insert(
            (*c).into(),
            CriterionScore {
                value: Some(*v),
                ..Default::default()
            },
        );
    }
}

/// A complete written score: levels a and b, points, signed.
pub fn written(sheet: &mut ScoreSheet, proposal: &str, a: u32, b: u32, pts: u32) {
    give(
        sheet,
        "written",
        proposal,
        &[("a", a), ("b", b), ("pts", pts), ("signed", 1)],
    );
}

pub fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
