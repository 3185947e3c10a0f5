//! A reviewer's score sheet: what one reviewer gave each proposal at each stage, with comments,
//! confidence, conflicts of interest and a recommendation. The reviewer file carries one.

use crate::rubric::{Competition, CriterionKind, Rubric};
use crossroads_workbook::valid_draft_id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Upper bounds checked on every score sheet that comes from a file.
pub mod limits {
    /// Proposals one sheet scores at one stage.
    pub const PROPOSALS: usize = 2_000;
    /// Characters of one comment or reason.
    pub const TEXT: usize = 20_000;
}

/// Who reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub id: String,
    pub name: String,
}

/// One reviewer's scores for one competition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    /// Stable id of this sheet.
    pub id: String,
    pub reviewer: Reviewer,
    /// The id of the competition's brief.
    pub competition: String,
    /// The brief's version the reviewer scored against.
    pub version: u32,
    /// The [`fingerprint`](crate::rubric::fingerprint) of each stage's rubric the scores were
    /// given against, keyed by stage id.
    #[serde(default)]
    pub fingerprints: BTreeMap<String, String>,
    /// Whether the reviewer read the proposals with names masked.
    #[serde(default)]
    pub blind: bool,
    /// Proposals the reviewer declared a conflict of interest with, and why.
    #[serde(default)]
    pub conflicts: BTreeMap<String, String>,
    /// Scores by stage id, then by proposal id.
    #[serde(default)]
    pub stages: BTreeMap<String, BTreeMap<String, ProposalScores>>,
    /// When anything in the sheet last changed (milliseconds since the Unix epoch).
    pub updated_ms: u64,
}

/// What a reviewer gave one proposal at one stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalScores {
    /// By criterion id.
    #[serde(default)]
    pub criteria: BTreeMap<String, CriterionScore>,
    /// Bonus points by bonus item id, on the 0–100 scale.
    #[serde(default)]
    pub bonus: BTreeMap<String, u32>,
    #[serde(default)]
    pub recommendation: Option<Recommendation>,
    #[serde(default)]
    pub recommendation_reason: String,
}

/// The score of one criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    /// The level as the scale numbers it, or the points, or for a requirement 1 met and 0 not
    /// met; none: not scored yet.
    pub value: Option<u32>,
    /// Why; for a requirement not met, the reason.
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

/// How sure the reviewer is of a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// The word a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Low => "Low",
            Confidence::Medium => "Medium",
            Confidence::High => "High",
        }
    }
}

/// What the reviewer recommends for the proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    Fund,
    FundWithChanges,
    DoNotFund,
}

impl Recommendation {
    /// Every recommendation, most favourable first.
    pub const ALL: [Recommendation; 3] = [
        Recommendation::Fund,
        Recommendation::FundWithChanges,
        Recommendation::DoNotFund,
    ];

    /// The words a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::Fund => "Fund",
            Recommendation::FundWithChanges => "Fund with changes",
            Recommendation::DoNotFund => "Do not fund",
        }
    }
}

/// Whether `value` is a score the criterion can take, in plain words when not: a level inside
/// the scale, points up to the maximum, 0 or 1 for a requirement.
pub fn check_value(name: &str, kind: &CriterionKind, value: u32) -> Result<(), String> {
    let (low, high) = kind.range();
    if (low..=high).contains(&value) {
        return Ok(());
    }
    Err(match kind {
        CriterionKind::Levels { .. } => {
            format!("\u{201c}{name}\u{201d} has levels {low} to {high}; {value} is not one of them")
        }
        CriterionKind::Points { .. } => {
            format!("\u{201c}{name}\u{201d} is out of {high} points; {value} is more")
        }
        CriterionKind::Requirement => {
            format!("\u{201c}{name}\u{201d} is met (1) or not met (0); {value} is neither")
        }
    })
}

impl ProposalScores {
    /// Whether every score fits its criterion and every bonus its item, in plain words when
    /// not. Scores for criteria or items the rubric does not have are refused too.
    pub fn check(&self, rubric: &Rubric) -> Result<(), String> {
        for (id, score) in &self.criteria {
            let Some(criterion) = rubric.criterion(id) else {
                return Err(format!(
                    "a score is given for \u{201c}{}\u{201d}, which the rubric does not have",
                    crate::rubric::short(id)
                ));
            };
            if let Some(value) = score.value {
                check_value(&criterion.name, &criterion.kind, value)?;
            }
        }
        for (id, points) in &self.bonus {
            let item = rubric
                .bonus
                .as_ref()
                .and_then(|b| b.items.iter().find(|i| &i.id == id));
            match item {
                None => {
                    return Err(format!(
                        "bonus points are given for \u{201c}{}\u{201d}, which the rubric does not offer",
                        crate::rubric::short(id)
                    ))
                }
                Some(item) if *points > item.max => {
                    return Err(format!(
                        "the bonus \u{201c}{}\u{201d} is worth at most {} points; {points} is more",
                        item.name, item.max
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn texts_ok(&self) -> bool {
        self.recommendation_reason.len() <= limits::TEXT
            && self.criteria.len() <= crate::rubric::limits::CRITERIA
            && self.bonus.len() <= crate::rubric::limits::BONUS_ITEMS
            && self
                .criteria
                .values()
                .all(|s| s.comment.len() <= limits::TEXT)
    }
}

impl ScoreSheet {
    /// An empty sheet for a reviewer of a competition, with the fingerprints of its stages.
    pub fn new(
        id: impl Into<String>,
        reviewer: Reviewer,
        competition: &Competition,
        now_ms: u64,
    ) -> ScoreSheet {
        ScoreSheet {
            id: id.into(),
            reviewer,
            competition: competition.brief.id.clone(),
            version: competition.brief.version,
            fingerprints: competition
                .stages
                .iter()
                .map(|s| (s.id.clone(), crate::rubric::fingerprint(&s.rubric)))
                .collect(),
            blind: false,
            conflicts: BTreeMap::new(),
            stages: BTreeMap::new(),
            updated_ms: now_ms,
        }
    }

    /// The scores of a proposal at a stage, if any.
    pub fn scores(&self, stage: &str, proposal: &str) -> Option<&ProposalScores> {
        self.stages.get(stage)?.get(proposal)
    }

    /// What is wrong with a sheet from a file on its own, in plain words: ids usable, texts and
    /// counts within bounds.
    pub fn check(&self) -> Result<(), String> {
        if !valid_draft_id(&self.id) {
            return Err(
                "the score sheet's id is missing or has characters an id cannot have".into(),
            );
        }
        if !valid_draft_id(&self.reviewer.id) || self.reviewer.name.len() > 200 {
            return Err("the reviewer's id is unusable or the name too long".into());
        }
        if !valid_draft_id(&self.competition) {
            return Err("the score sheet does not name a usable competition".into());
        }
        if self.conflicts.len() > limits::PROPOSALS
            || self
                .conflicts
                .iter()
                .any(|(id, why)| !valid_draft_id(id) || why.len() > limits::TEXT)
        {
            return Err("the declared conflicts of interest are unusable".into());
        }
        if self.stages.len() > crate::rubric::limits::STAGES
            || self.fingerprints.len() > crate::rubric::limits::STAGES
        {
            return Err("the score sheet has more stages than any competition".into());
        }
        for (stage, proposals) in &self.stages {
            if !valid_draft_id(stage) || proposals.len() > limits::PROPOSALS {
                return Err("a stage of the score sheet is unusable".into());
            }
            for (id, scores) in proposals {
                if !valid_draft_id(id) || !scores.texts_ok() {
                    return Err(format!(
                        "the scores of proposal \u{201c}{}\u{201d} are unusable or too long",
                        crate::rubric::short(id)
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether the sheet fits `competition`, in plain words when not: the same competition,
    /// stages it has, rubrics of the same shape, and every score within its criterion.
    pub fn check_against(&self, competition: &Competition) -> Result<(), String> {
        if self.competition != competition.brief.id {
            return Err(format!(
                "these scores are for another competition (\u{201c}{}\u{201d})",
                crate::rubric::short(&self.competition)
            ));
        }
        for stage in &competition.stages {
            if let Some(print) = self.fingerprints.get(&stage.id) {
                if *print != crate::rubric::fingerprint(&stage.rubric) {
                    return Err(format!(
                        "the rubric of the stage \u{201c}{}\u{201d} has changed shape since these scores were given",
                        stage.name
                    ));
                }
            }
        }
        for (stage_id, proposals) in &self.stages {
            let Some(stage) = competition.stage(stage_id) else {
                return Err(format!(
                    "these scores are for a stage the competition does not have (\u{201c}{stage_id}\u{201d})"
                ));
            };
            for scores in proposals.values() {
                scores.check(&stage.rubric)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::tests::two_stages;

    fn score(value: u32) -> CriterionScore {
        CriterionScore {
            value: Some(value),
            ..Default::default()
        }
    }

    #[test]
    fn a_value_must_fit_its_criterion() {
        let c = two_stages();
        let levels = &c.stages[0].rubric.criteria[0].kind;
        assert_eq!(check_value("A", levels, 1), Ok(()));
        assert_eq!(check_value("A", levels, 4), Ok(()));
        assert!(check_value("A", levels, 0)
            .unwrap_err()
            .contains("levels 1 to 4"));
        assert!(check_value("A", levels, 5).is_err());
        let points = &c.stages[1].rubric.criteria[0].kind;
        assert_eq!(check_value("V", points, 25), Ok(()));
        assert!(check_value("V", points, 26)
            .unwrap_err()
            .contains("out of 25"));
        let req = &c.stages[1].rubric.criteria[1].kind;
        assert_eq!(check_value("R", req, 0), Ok(()));
        assert!(check_value("R", req, 2).unwrap_err().contains("met (1)"));
    }

    #[test]
    fn a_sheet_checks_against_its_competition_in_plain_words() {
        let c = two_stages();
        let reviewer = Reviewer {
            id: "r1".into(),
            name: "Dana".into(),
        };
        let mut sheet = ScoreSheet::new("s1", reviewer, &c, 5);
        assert_eq!(sheet.check(), Ok(()));
        assert_eq!(sheet.check_against(&c), Ok(()));
        let mut scores = ProposalScores::default();
        scores.criteria.insert("vision".into(), score(20));
        scores.bonus.insert("partner".into(), 5);
        sheet
            .stages
            .entry("pitch".into())
            .or_default()
            .insert("p1".into(), scores.clone());
        assert_eq!(sheet.check_against(&c), Ok(()));
        scores.bonus.insert("partner".into(), 6);
        sheet
            .stages
            .get_mut("pitch")
            .unwrap()
            .insert("p1".into(), scores.clone());
        assert!(sheet.check_against(&c).unwrap_err().contains("at most 5"));
        scores.bonus.clear();
        scores.criteria.insert("charisma".into(), score(1));
        sheet
            .stages
            .get_mut("pitch")
            .unwrap()
            .insert("p1".into(), scores);
        assert!(sheet
            .check_against(&c)
            .unwrap_err()
            .contains("does not have"));
        let mut other = c.clone();
        other.stages[1].rubric.criteria.pop();
        sheet.stages.clear();
        assert!(sheet
            .check_against(&other)
            .unwrap_err()
            .contains("changed shape"));
        let mut elsewhere = c.clone();
        elsewhere.brief.id = "other".into();
        assert!(sheet
            .check_against(&elsewhere)
            .unwrap_err()
            .contains("another competition"));
        sheet.id = "no good".into();
        assert!(sheet.check().unwrap_err().contains("id"));
    }

    #[test]
    fn a_sheet_round_trips_and_labels_read_as_words() {
        let c = two_stages();
        let mut sheet = ScoreSheet::new(
            "s1",
            Reviewer {
                id: "r1".into(),
                name: "Dana".into(),
            },
            &c,
            5,
        );
        sheet
            .conflicts
            .insert("p9".into(), "My sister teaches there".into());
        let mut scores = ProposalScores {
            recommendation: Some(Recommendation::FundWithChanges),
            ..Default::default()
        };
        scores.criteria.insert(
            "problems".into(),
            CriterionScore {
                value: Some(3),
                comment: "Clear goals".into(),
                confidence: Some(Confidence::High),
            },
        );
        sheet
            .stages
            .entry("written".into())
            .or_default()
            .insert("p1".into(), scores);
        let json = serde_json::to_string(&sheet).unwrap();
        assert!(json.contains("\"fund_with_changes\"") && json.contains("\"high\""));
        assert_eq!(serde_json::from_str::<ScoreSheet>(&json).unwrap(), sheet);
        assert_eq!(Recommendation::DoNotFund.label(), "Do not fund");
        assert_eq!(Confidence::Medium.label(), "Medium");
    }
}
