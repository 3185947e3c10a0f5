//! The discussion: the order the panel talks proposals through, by preliminary score, and the
//! scores it changes on the way, each with a reason, the reviewer's original kept beside it.

use crate::combine::StageResult;
use crate::panel::ScoreChange;
use crossroads_review::{check_value, proposal_code, Competition, ScoreSheet};
use std::collections::BTreeMap;

/// The order of discussion: ranked proposals by raw mean, highest first, equal means by their
/// blind-review code; then proposals not yet fully scored, by code. Proposals that failed a
/// requirement are listed apart, not here.
pub fn discussion_order(result: &StageResult) -> Vec<String> {
    let means = result.means();
    let mut ranked: Vec<&String> = means.keys().collect();
    ranked.sort_by(|a, b| {
        means[*b]
            .cmp(&means[*a])
            .then_with(|| proposal_code(a).cmp(&proposal_code(b)))
    });
    let mut rest: Vec<&String> = result.incomplete.iter().map(|(id, _)| id).collect();
    rest.sort_by_key(|id| proposal_code(id));
    ranked.into_iter().chain(rest).cloned().collect()
}

/// A score as the panel changed it, with the reviewer's original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedValue {
    /// The stage's id.
    pub stage: String,
    /// The proposal's id.
    pub proposal: String,
    /// The reviewer's id.
    pub reviewer: String,
    /// The criterion's id.
    pub criterion: String,
    /// What the reviewer gave.
    pub original: Option<u32>,
    /// What counts now.
    pub now: u32,
    /// The panel's reason for the latest change.
    pub reason: String,
    /// When the latest change was made.
    pub at_ms: u64,
}

/// The sheets with the panel's changes applied, and what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effective {
    /// The sheets as they count now.
    pub sheets: Vec<ScoreSheet>,
    /// Each changed score, once (the latest change), with the original.
    pub changed: Vec<ChangedValue>,
    /// Changes that could not be applied, in plain words.
    pub problems: Vec<String>,
}

type Key = (String, String, String, String);

impl Effective {
    /// The reviewer's original value and the value that counts now, for one score.
    pub fn both(
        &self,
        stage: &str,
        proposal: &str,
        reviewer: &str,
        criterion: &str,
    ) -> (Option<u32>, Option<u32>) {
        if let Some(c) = self.changed.iter().find(|c| {
            c.stage == stage
                && c.proposal == proposal
                && c.reviewer == reviewer
                && c.criterion == criterion
        }) {
            return (c.original, Some(c.now));
        }
        let value = self
            .sheets
            .iter()
            .find(|s| s.reviewer.id == reviewer)
            .and_then(|s| s.scores(stage, proposal))
            .and_then(|s| s.criteria.get(criterion))
            .and_then(|s| s.value);
        (value, value)
    }
}

/// Applies the panel's `changes` (in time order; a later change to the same score wins) to
/// copies of `sheets`, keeping each original; a change to a reviewer, stage or criterion the
/// panel does not have, or to a value the criterion cannot take, is reported and left out.
pub fn apply_changes(
    competition: &Competition,
    sheets: &[ScoreSheet],
    changes: &[ScoreChange],
) -> Effective {
    let mut out = Effective {
        sheets: sheets.to_vec(),
        ..Default::default()
    };
    let mut ordered: Vec<&ScoreChange> = changes.iter().collect();
    ordered.sort_by_key(|c| c.at_ms);
    let mut latest: BTreeMap<Key, ChangedValue> = BTreeMap::new();
    for c in ordered {
        let Some(stage) = competition.stage(&c.stage) else {
            out.problems.push(format!(
                "a change names a stage the competition does not have (\u{201c}{}\u{201d})",
                c.stage
            ));
            continue;
        };
        let Some(criterion) = stage.rubric.criterion(&c.criterion) else {
            out.problems.push(format!(
                "a change names a criterion the stage does not have (\u{201c}{}\u{201d})",
                c.criterion
            ));
            continue;
        };
        if let Err(why) = check_value(&criterion.name, &criterion.kind, c.to) {
            out.problems.push(format!(
                "a change to proposal {} cannot be applied: {why}",
                c.proposal
            ));
            continue;
        }
        if c.reason.trim().is_empty() {
            out.problems
                .push(format!("a change to proposal {} has no reason", c.proposal));
            continue;
        }
        let Some(sheet) = out.sheets.iter_mut().find(|s| s.reviewer.id == c.reviewer) else {
            out.problems.push(format!(
                "a change names a reviewer whose scores are not loaded (\u{201c}{}\u{201d})",
                c.reviewer
            ));
            continue;
        };
        let score = sheet
            .stages
            .entry(c.stage.clone())
            .or_default()
            .entry(c.proposal.clone())
            .or_default()
            .criteria
            .entry(c.criterion.clone())
            .or_default();
        let key = (
            c.stage.clone(),
            c.proposal.clone(),
            c.reviewer.clone(),
            c.criterion.clone(),
        );
        let original = latest.get(&key).map_or(score.value, |v| v.original);
        score.value = Some(c.to);
        latest.insert(
            key,
            ChangedValue {
                stage: c.stage.clone(),
                proposal: c.proposal.clone(),
                reviewer: c.reviewer.clone(),
                criterion: c.criterion.clone(),
                original,
                now: c.to,
                reason: c.reason.clone(),
                at_ms: c.at_ms,
            },
        );
    }
    out.changed = latest.into_values().collect();
    out
}
