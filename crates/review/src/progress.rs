//! How far a reviewer has got: per proposal, the stage it stands at on the reviewer's sheet and
//! whether it is scored, partly scored or not started there. The desk's list shows both.

use crate::rubric::{Competition, Rubric, Stage};
use crate::scale::{normalized, total, Total};
use crate::sheet::{ProposalScores, ScoreSheet};
use crate::CriterionKind;

/// A reviewer's progress with one proposal at one stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Nothing given yet: no score, bonus or recommendation.
    NotStarted,
    /// Some criteria scored, not all.
    Partly { scored: usize, of: usize },
    /// Every criterion scored, or a requirement found not met (which decides the proposal).
    Scored,
    /// The reviewer declared a conflict of interest: not theirs to score.
    Conflict,
}

impl Progress {
    /// The words the list shows.
    pub fn label(&self) -> String {
        match self {
            Progress::NotStarted => "Not started".into(),
            Progress::Partly { scored, of } => format!("Partly scored ({scored} of {of})"),
            Progress::Scored => "Scored".into(),
            Progress::Conflict => "Conflict of interest declared".into(),
        }
    }

    /// The filter this progress falls under: "not-started", "partly", "scored" or "conflict".
    pub fn key(&self) -> &'static str {
        match self {
            Progress::NotStarted => "not-started",
            Progress::Partly { .. } => "partly",
            Progress::Scored => "scored",
            Progress::Conflict => "conflict",
        }
    }
}

fn scored_criteria(rubric: &Rubric, scores: &ProposalScores) -> usize {
    rubric
        .criteria
        .iter()
        .filter(|c| {
            let value = scores.criteria.get(&c.id).and_then(|s| s.value);
            match (&c.kind, value) {
                (_, None) => false,
                (CriterionKind::Requirement, Some(v)) => v <= 1,
                (kind, Some(v)) => normalized(kind, v).is_some(),
            }
        })
        .count()
}

/// The progress of `scores` (none: never opened) under `rubric`.
pub fn progress_of(rubric: &Rubric, scores: Option<&ProposalScores>) -> Progress {
    let Some(scores) = scores else {
        return Progress::NotStarted;
    };
    if matches!(
        total(rubric, scores),
        Total::Complete { .. } | Total::Failed { .. }
    ) {
        return Progress::Scored;
    }
    let scored = scored_criteria(rubric, scores);
    let untouched = scored == 0
        && scores.bonus.values().all(|v| *v == 0)
        && scores.recommendation.is_none()
        && scores.recommendation_reason.trim().is_empty();
    if untouched {
        Progress::NotStarted
    } else {
        Progress::Partly {
            scored,
            of: rubric.criteria.len(),
        }
    }
}

/// The stage a proposal stands at on a sheet: the last of the competition's stages at which
/// the sheet holds anything for it, or the first stage when none.
pub fn stage_of<'c>(
    competition: &'c Competition,
    sheet: &ScoreSheet,
    proposal: &str,
) -> Option<&'c Stage> {
    competition
        .stages
        .iter()
        .rev()
        .find(|s| sheet.scores(&s.id, proposal).is_some())
        .or_else(|| competition.stages.first())
}

/// Where a proposal stands on a sheet: its stage and the reviewer's progress there.
pub fn standing<'c>(
    competition: &'c Competition,
    sheet: &ScoreSheet,
    proposal: &str,
) -> Option<(&'c Stage, Progress)> {
    let stage = stage_of(competition, sheet, proposal)?;
    if sheet.conflicts.contains_key(proposal) {
        return Some((stage, Progress::Conflict));
    }
    Some((
        stage,
        progress_of(&stage.rubric, sheet.scores(&stage.id, proposal)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::tests::two_stages;
    use crate::sheet::{CriterionScore, Recommendation, Reviewer};

    fn sheet() -> (Competition, ScoreSheet) {
        let c = two_stages();
        let reviewer = Reviewer {
            id: "r1".into(),
            name: "Ana".into(),
        };
        let s = ScoreSheet::new("s1", reviewer, &c, 0);
        (c, s)
    }

    fn give(s: &mut ScoreSheet, stage: &str, proposal: &str, criterion: &str, value: u32) {
        s.stages
            .entry(stage.into())
            .or_default()
            .entry(proposal.into())
            .or_default()
            .criteria
            .insert(
                criterion.into(),
                CriterionScore {
                    value: Some(value),
                    ..Default::default()
                },
            );
    }

    #[test]
    fn a_proposal_goes_from_not_started_through_partly_to_scored() {
        let (c, mut s) = sheet();
        let written = &c.stages[0];
        let first = written.rubric.criteria[0].id.clone();
        assert_eq!(
            standing(&c, &s, "p1").map(|(st, p)| (st.id.clone(), p)),
            Some((written.id.clone(), Progress::NotStarted))
        );
        give(&mut s, &written.id, "p1", &first, 2);
        let of = written.rubric.criteria.len();
        assert_eq!(
            standing(&c, &s, "p1").unwrap().1,
            Progress::Partly { scored: 1, of }
        );
        assert_eq!(
            standing(&c, &s, "p1").unwrap().1.label(),
            format!("Partly scored (1 of {of})")
        );
        for criterion in written.rubric.criteria.clone() {
            let (low, _) = criterion.kind.range();
            let value = if criterion.is_requirement() { 1 } else { low };
            give(&mut s, &written.id, "p1", &criterion.id, value);
        }
        assert_eq!(standing(&c, &s, "p1").unwrap().1, Progress::Scored);
    }

    #[test]
    fn an_opened_but_empty_record_is_not_started_and_a_recommendation_alone_is_partly() {
        let (c, mut s) = sheet();
        let rubric = &c.stages[0].rubric;
        let mut scores = ProposalScores::default();
        assert_eq!(progress_of(rubric, Some(&scores)), Progress::NotStarted);
        scores.recommendation = Some(Recommendation::Fund);
        assert!(matches!(
            progress_of(rubric, Some(&scores)),
            Progress::Partly { scored: 0, .. }
        ));
        s.conflicts
            .insert("p2".into(), "My sister teaches there".into());
        assert_eq!(standing(&c, &s, "p2").unwrap().1, Progress::Conflict);
        assert_eq!(standing(&c, &s, "p2").unwrap().1.key(), "conflict");
    }

    #[test]
    fn a_failed_requirement_counts_as_scored_and_the_stage_follows_the_latest_scores() {
        let (c, mut s) = sheet();
        give(&mut s, "pitch", "p1", "signed", 0);
        let (stage, progress) = standing(&c, &s, "p1").unwrap();
        assert_eq!(stage.id, "pitch");
        assert_eq!(progress, Progress::Scored);
        assert_eq!(stage_of(&c, &s, "p9").unwrap().id, c.stages[0].id);
    }
}
