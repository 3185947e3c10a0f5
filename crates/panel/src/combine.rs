//! Combining reviewers: the files as loaded (the same reviewer's file twice counted once, a
//! file made against another version of the rubric refused or mapped), then per proposal and
//! criterion the mean, the spread and the number of reviewers, with a flag where they disagree
//! widely, and per proposal the mean of the reviewers' totals, in an exact order.
//!
//! A proposal that any reviewer marks as failing a requirement is listed apart with every such
//! reviewer's reason, whatever the others said: a requirement is a matter of fact the panel
//! checks (and corrects with a recorded change) rather than outvotes.

use crate::order::{place_exact, Placed};
use crossroads_review::{
    normalized, total, Competition, Criterion, CriterionKind, Exact, Rubric, ScoreSheet, Total,
};
use num_rational::Ratio;
use std::collections::{BTreeMap, BTreeSet};

/// The share of a criterion's points by which reviewers must differ to be flagged, when the
/// district sets none.
pub const DEFAULT_DISAGREEMENT_PERCENT: u32 = 40;
/// The number of levels by which reviewers must differ to be flagged.
pub const LEVELS_APART: u32 = 2;

/// A reviewer's file that was not loaded, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The sheet's id.
    pub sheet: String,
    /// The reviewer's name.
    pub reviewer: String,
    /// Why, in plain words.
    pub reason: String,
}

/// The same reviewer's file loaded more than once: the newest is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The reviewer's id.
    pub reviewer: String,
    /// The sheet kept (the newest).
    pub kept: String,
    /// The sheet set aside.
    pub dropped: String,
    /// Whether the two carry the same scores.
    pub same: bool,
}

/// Reviewers' files ready to combine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    /// One sheet per reviewer, by reviewer id, mapped to the current rubric where needed.
    pub sheets: Vec<ScoreSheet>,
    /// Files loaded more than once.
    pub duplicates: Vec<Duplicate>,
    /// Files refused.
    pub refused: Vec<Refused>,
    /// What was done on the way, in plain words (files mapped from another version).
    pub notes: Vec<String>,
}

/// Checks each file against the competition, maps a file made against an earlier version of
/// the brief (found in `earlier`) when the stage's criteria are the same, refuses it in plain
/// words when not, and keeps one file per reviewer, the newest.
pub fn prepare(
    competition: &Competition,
    earlier: &[Competition],
    sheets: &[ScoreSheet],
) -> Prepared {
    let mut out = Prepared::default();
    let mut by_reviewer: BTreeMap<String, Vec<ScoreSheet>> = BTreeMap::new();
    for sheet in sheets {
        let refuse = |reason: String| Refused {
            sheet: sheet.id.clone(),
            reviewer: sheet.reviewer.name.clone(),
            reason,
        };
        if let Err(why) = sheet.check() {
            out.refused.push(refuse(why));
            continue;
        }
        match reconcile(competition, earlier, sheet) {
            Ok((mapped, notes)) => {
                out.notes.extend(notes);
                by_reviewer
                    .entry(mapped.reviewer.id.clone())
                    .or_default()
                    .push(mapped);
            }
            Err(why) => out.refused.push(refuse(why)),
        }
    }
    for (reviewer, mut list) in by_reviewer {
        list.sort_by(|a, b| (b.updated_ms, &b.id).cmp(&(a.updated_ms, &a.id)));
        let kept = list.remove(0);
        for other in list {
            out.duplicates.push(Duplicate {
                reviewer: reviewer.clone(),
                kept: kept.id.clone(),
                dropped: other.id.clone(),
                same: other.stages == kept.stages && other.conflicts == kept.conflicts,
            });
        }
        out.sheets.push(kept);
    }
    out
}

/// The sheet fitted to the current rubric, with notes, or why it cannot be.
fn reconcile(
    competition: &Competition,
    earlier: &[Competition],
    sheet: &ScoreSheet,
) -> Result<(ScoreSheet, Vec<String>), String> {
    if sheet.competition != competition.brief.id {
        return Err(format!(
            "{}'s scores are for another competition (\u{201c}{}\u{201d})",
            sheet.reviewer.name, sheet.competition
        ));
    }
    let mut mapped = sheet.clone();
    let mut notes = Vec::new();
    for stage in &competition.stages {
        let now = crossroads_review::fingerprint(&stage.rubric);
        let Some(print) = sheet.fingerprints.get(&stage.id) else {
            continue;
        };
        if *print == now {
            continue;
        }
        let old = earlier.iter().find_map(|c| {
            (c.brief.id == sheet.competition && c.brief.version == sheet.version)
                .then(|| c.stage(&stage.id))
                .flatten()
                .filter(|s| crossroads_review::fingerprint(&s.rubric) == *print)
        });
        let Some(old) = old else {
            return Err(format!(
                "{}'s scores for \u{201c}{}\u{201d} were given against another version of its rubric (version {} of the brief); load that version of the brief to compare them, or ask for the scores again",
                sheet.reviewer.name, stage.name, sheet.version
            ));
        };
        if let Some(why) = difference(&old.rubric, &stage.rubric) {
            return Err(format!(
                "{}'s scores for \u{201c}{}\u{201d} cannot be read against the current rubric: {why}",
                sheet.reviewer.name, stage.name
            ));
        }
        // The criteria are the same: scores stay under their ids; bonus items the current
        // rubric no longer offers in the same form are dropped.
        if let Some(proposals) = mapped.stages.get_mut(&stage.id) {
            for scores in proposals.values_mut() {
                scores.bonus.retain(|id, _| {
                    let same = |r: &Rubric| {
                        r.bonus
                            .as_ref()
                            .and_then(|b| b.items.iter().find(|i| &i.id == id))
                            .map(|i| i.max)
                    };
                    same(&old.rubric).is_some() && same(&old.rubric) == same(&stage.rubric)
                });
            }
        }
        mapped.fingerprints.insert(stage.id.clone(), now);
        notes.push(format!(
            "{}'s scores for \u{201c}{}\u{201d} were given against version {} of the brief; its criteria are the same, so they are read criterion by criterion",
            sheet.reviewer.name, stage.name, sheet.version
        ));
    }
    mapped
        .check_against(competition)
        .map_err(|why| format!("{}'s scores cannot be loaded: {why}", sheet.reviewer.name))?;
    Ok((mapped, notes))
}

/// How the criteria of two rubrics differ (ids, kinds and ranges), if they do.
fn difference(old: &Rubric, new: &Rubric) -> Option<String> {
    let shape = |c: &Criterion| match &c.kind {
        CriterionKind::Levels { first, levels } => {
            format!("levels {first} to {}", first + levels.len() as u32 - 1)
        }
        CriterionKind::Points { max, .. } => format!("0 to {max} points"),
        CriterionKind::Requirement => "met or not met".to_string(),
    };
    for c in &new.criteria {
        match old.criterion(&c.id) {
            None => return Some(format!("\u{201c}{}\u{201d} is new", c.name)),
            Some(o) if shape(o) != shape(c) => {
                return Some(format!(
                    "\u{201c}{}\u{201d} was scored {} and is now scored {}",
                    c.name,
                    shape(o),
                    shape(c)
                ))
            }
            Some(_) => {}
        }
    }
    old.criteria
        .iter()
        .find(|o| new.criterion(&o.id).is_none())
        .map(|o| format!("\u{201c}{}\u{201d} is no longer in the rubric", o.name))
}

/// What the reviewers gave one criterion of one proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionStat {
    /// The criterion's id.
    pub criterion: String,
    /// How many reviewers scored it (conflicted reviewers left out).
    pub count: usize,
    /// The mean on the 0–100 scale.
    pub mean: Option<Exact>,
    /// The mean in the criterion's own units (levels or points).
    pub mean_units: Option<Exact>,
    /// The highest score less the lowest, in the criterion's units.
    pub spread: Option<u32>,
    /// Whether the reviewers disagree widely: two levels or more apart, or points apart by at
    /// least the district's share of the maximum.
    pub flag: bool,
}

/// What the reviewers said of one requirement of one proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementStat {
    /// The requirement's id.
    pub criterion: String,
    /// How many reviewers found it met.
    pub met: usize,
    /// The reviewers who found it not met, with their reasons.
    pub not_met: Vec<(String, String)>,
}

/// One proposal at one stage, all reviewers together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalResult {
    /// The scoring criteria, in the rubric's order.
    pub criteria: Vec<CriterionStat>,
    /// The requirements, in the rubric's order.
    pub requirements: Vec<RequirementStat>,
    /// Each reviewer's complete total (score plus capped bonus), by reviewer id.
    pub totals: BTreeMap<String, Exact>,
    /// The mean of the complete totals.
    pub total: Option<Exact>,
    /// The highest complete total less the lowest.
    pub total_spread: Option<Exact>,
    /// Whether the totals are further apart than the district's disagreement threshold.
    pub total_flag: bool,
    /// Reviewers with a conflict of interest, left out, with the reason.
    pub conflicted: Vec<(String, String)>,
    /// Reviewers who scored only part of it: (reviewer, criteria scored, criteria in all).
    pub incomplete_reviewers: Vec<(String, usize, usize)>,
}

/// A proposal that failed a requirement, listed apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed {
    /// The proposal's id.
    pub proposal: String,
    /// The requirement's name.
    pub requirement: String,
    /// The reviewers who found it not met, with their reasons.
    pub reviewers: Vec<(String, String)>,
}

/// All proposals of one stage, all reviewers together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageResult {
    /// The stage's id.
    pub stage: String,
    /// Each proposal's figures, by id.
    pub proposals: BTreeMap<String, ProposalResult>,
    /// The proposals with a mean total, by raw mean, highest first, exact ties sharing a place.
    pub ranked: Vec<Placed>,
    /// Proposals no reviewer scored fully, with why.
    pub incomplete: Vec<(String, String)>,
    /// Proposals that failed a requirement.
    pub failed: Vec<Failed>,
}

impl StageResult {
    /// The mean totals of the ranked proposals, by id.
    pub fn means(&self) -> BTreeMap<String, Exact> {
        self.ranked
            .iter()
            .filter_map(|p| Some((p.id.clone(), self.proposals.get(&p.id)?.total?)))
            .collect()
    }
}

/// Combines the reviewers' `sheets` (as [`prepare`] leaves them) for `proposals` at `stage`.
/// `conflicts` adds the conflicts the district knows of, by reviewer then proposal, to those
/// in the sheets; a conflicted reviewer's scores are left out and the reviewer is marked.
pub fn combine(
    competition: &Competition,
    stage: &str,
    sheets: &[ScoreSheet],
    proposals: &[String],
    conflicts: &BTreeMap<String, BTreeMap<String, String>>,
) -> Result<StageResult, String> {
    let Some(st) = competition.stage(stage) else {
        return Err(format!(
            "the competition has no stage \u{201c}{stage}\u{201d}"
        ));
    };
    let rubric = &st.rubric;
    let percent = competition
        .disagreement_percent
        .unwrap_or(DEFAULT_DISAGREEMENT_PERCENT);
    let mut out = StageResult {
        stage: stage.to_string(),
        ..Default::default()
    };
    let ids: BTreeSet<&String> = proposals.iter().collect();
    let mut means: Vec<(String, Exact)> = Vec::new();
    for id in ids {
        let mut result = ProposalResult::default();
        let mut conflicted: BTreeMap<String, String> = BTreeMap::new();
        for (reviewer, list) in conflicts {
            if let Some(why) = list.get(id) {
                conflicted.insert(reviewer.clone(), why.clone());
            }
        }
        let mut scored = Vec::new();
        for sheet in sheets {
            if let Some(why) = sheet.conflicts.get(id) {
                conflicted
                    .entry(sheet.reviewer.id.clone())
                    .or_insert_with(|| why.clone());
            }
            if conflicted.contains_key(&sheet.reviewer.id) {
                continue;
            }
            if let Some(s) = sheet.scores(stage, id) {
                scored.push((sheet.reviewer.id.as_str(), s));
            }
        }
        result.conflicted = conflicted.into_iter().collect();
        for c in &rubric.criteria {
            let values: Vec<(&str, u32)> = scored
                .iter()
                .filter_map(|(r, s)| s.criteria.get(&c.id).and_then(|v| v.value).map(|v| (*r, v)))
                .collect();
            if c.is_requirement() {
                result.requirements.push(RequirementStat {
                    criterion: c.id.clone(),
                    met: values.iter().filter(|(_, v)| *v == 1).count(),
                    not_met: scored
                        .iter()
                        .filter_map(|(r, s)| {
                            let score = s.criteria.get(&c.id)?;
                            (score.value == Some(0))
                                .then(|| (r.to_string(), score.comment.trim().to_string()))
                        })
                        .collect(),
                });
            } else {
                result.criteria.push(stat(c, &values, percent));
            }
        }
        for (reviewer, s) in &scored {
            match total(rubric, s) {
                Total::Complete { score, bonus } => {
                    result.totals.insert(reviewer.to_string(), score + bonus);
                }
                Total::Incomplete { scored, of } => {
                    result
                        .incomplete_reviewers
                        .push((reviewer.to_string(), scored, of))
                }
                Total::Failed { .. } => {}
            }
        }
        if !result.totals.is_empty() {
            let sum: Exact = result.totals.values().sum();
            result.total = Some(sum / result.totals.len() as i128);
            let hi = result.totals.values().max().expect("not empty");
            let lo = result.totals.values().min().expect("not empty");
            result.total_spread = Some(hi - lo);
            result.total_flag = competition
                .disagreement_percent
                .is_some_and(|p| hi - lo > Ratio::from_integer(i128::from(p)));
        }
        if let Some((c, req)) = rubric
            .criteria
            .iter()
            .filter(|c| c.is_requirement())
            .zip(&result.requirements)
            .find(|(_, r)| !r.not_met.is_empty())
        {
            out.failed.push(Failed {
                proposal: id.clone(),
                requirement: c.name.clone(),
                reviewers: req.not_met.clone(),
            });
        } else if let Some(mean) = result.total {
            means.push((id.clone(), mean));
        } else {
            let why = if scored.is_empty() {
                "no reviewer has scored it yet".to_string()
            } else {
                "no reviewer has scored every criterion yet".to_string()
            };
            out.incomplete.push((id.clone(), why));
        }
        out.proposals.insert(id.clone(), result);
    }
    out.ranked = place_exact(&means);
    Ok(out)
}

/// Mean, spread, count and flag of one criterion's values.
fn stat(c: &Criterion, values: &[(&str, u32)], percent: u32) -> CriterionStat {
    let usable: Vec<u32> = values
        .iter()
        .map(|(_, v)| *v)
        .filter(|v| normalized(&c.kind, *v).is_some())
        .collect();
    let count = usable.len();
    if count == 0 {
        return CriterionStat {
            criterion: c.id.clone(),
            count,
            mean: None,
            mean_units: None,
            spread: None,
            flag: false,
        };
    }
    // Sums of whole numbers, divided once: the scale is linear, so the mean on the 0–100
    // scale is the mean in the criterion's units placed on it.
    let n = count as i128;
    let sum: i128 = usable.iter().map(|v| i128::from(*v)).sum();
    let (low, high) = c.kind.range();
    let units = Ratio::new(sum, n);
    let mean = Ratio::new(
        100 * (sum - n * i128::from(low)),
        n * i128::from(high - low),
    );
    let spread = usable.iter().max().expect("not empty") - usable.iter().min().expect("not empty");
    let flag = match &c.kind {
        CriterionKind::Levels { .. } => spread >= LEVELS_APART,
        CriterionKind::Points { max, .. } => {
            spread > 0 && u64::from(spread) * 100 >= u64::from(percent) * u64::from(*max)
        }
        CriterionKind::Requirement => false,
    };
    CriterionStat {
        criterion: c.id.clone(),
        count,
        mean: Some(mean),
        mean_units: Some(units),
        spread: Some(spread),
        flag,
    }
}
