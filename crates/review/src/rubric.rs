//! The district's competition as reviewers score it: the team-facing brief, the stages a
//! proposal passes through, each stage's rubric, and how the stages' totals combine.
//!
//! A rubric is a list of criteria of three kinds: a scale of levels ("Beginning" to
//! "Exemplary"), points out of a maximum (with optional bands that say what a range of points
//! means), or a requirement that a proposal meets or does not (a proposal that fails one is not
//! ranked). Bonus points sit apart, on the common 0–100 scale, their sum capped.

use crossroads_workbook::{valid_draft_id, Brief};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Upper bounds checked on every competition that comes from a file.
pub mod limits {
    /// Criteria in one rubric.
    pub const CRITERIA: usize = 40;
    /// Levels of one scale.
    pub const LEVELS: usize = 10;
    /// The most points one criterion can be worth, and the largest weight.
    pub const MAX_POINTS: u32 = 1000;
    /// The largest weight of a criterion or a stage.
    pub const MAX_WEIGHT: u32 = 1000;
    /// The largest cap on bonus points (they are on the 0–100 scale).
    pub const BONUS_CAP: u32 = 100;
    /// Bonus items of one rubric.
    pub const BONUS_ITEMS: usize = 20;
    /// Bands of one points criterion.
    pub const BANDS: usize = 20;
    /// Stages of a competition.
    pub const STAGES: usize = 10;
    /// Terms the district adds to blind review.
    pub const BLIND_TERMS: usize = 200;
    /// Characters of any one text.
    pub const TEXT: usize = 20_000;
}

/// The district's whole competition: what teams read, and how reviewers score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competition {
    /// The team-facing brief (id, title, deadline, award, prompts, sign-off, assurances).
    pub brief: Brief,
    /// The stages in the order proposals pass through them.
    pub stages: Vec<Stage>,
    /// How the stages' totals make the final one.
    pub combine: Combine,
    /// Words the district masks in blind review besides names ("our district's old
    /// program name").
    #[serde(default)]
    pub blind_terms: Vec<String>,
    /// On a points criterion, how far apart two reviewers' points may be, as a percentage of
    /// the criterion's maximum, before the panel sees a wide disagreement; none: 40.
    #[serde(default)]
    pub disagreement_percent: Option<u32>,
}

/// One stage of review ("Written proposal", "Pitch").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// What happens at this stage ("Ten minutes to present and ten of questions").
    #[serde(default)]
    pub description: String,
    pub rubric: Rubric,
}

/// How the stages' totals make the final total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// The last stage's total decides; earlier stages only select.
    LastStage,
    /// A weighted mean of the named stages' totals.
    Blend(Vec<StageWeight>),
}

/// One stage's share of a blended total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageWeight {
    /// The stage's id.
    pub stage: String,
    pub weight: u32,
}

/// What reviewers score at one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rubric {
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub bonus: Option<Bonus>,
}

/// One thing reviewers judge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable within the rubric; score sheets store scores under it.
    pub id: String,
    pub name: String,
    /// What a reviewer looks for, in the district's words.
    #[serde(default)]
    pub looks_for: String,
    pub kind: CriterionKind,
    /// Its share of the total; none: the points' maximum, or 1 for a scale of levels.
    #[serde(default)]
    pub weight: Option<u32>,
}

/// How a criterion is scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// A scale of levels, numbered from `first` (0 or 1), lowest first.
    Levels { first: u32, levels: Vec<Level> },
    /// Points from 0 to `max`, with optional bands that say what a range means.
    Points {
        max: u32,
        #[serde(default)]
        bands: Vec<Band>,
    },
    /// Met or not met; a proposal that does not meet it is not ranked.
    Requirement,
}

/// One level of a scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub label: String,
    pub description: String,
}

/// What a range of points means ("16–20: Strong").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub from: u32,
    pub to: u32,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// Bonus points, on the common 0–100 scale, added to the total; their sum is capped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bonus {
    pub items: Vec<BonusItem>,
    pub cap: u32,
}

/// One way to earn bonus points ("Partners with a community college").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusItem {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub looks_for: String,
    pub max: u32,
}

impl CriterionKind {
    /// The lowest and highest value a reviewer can give (a requirement: 0 not met, 1 met).
    pub fn range(&self) -> (u32, u32) {
        match self {
            CriterionKind::Levels { first, levels } => {
                (*first, first + (levels.len() as u32).saturating_sub(1))
            }
            CriterionKind::Points { max, .. } => (0, *max),
            CriterionKind::Requirement => (0, 1),
        }
    }

    /// The label of a level, or of the band a number of points falls in.
    pub fn label_of(&self, value: u32) -> Option<&str> {
        match self {
            CriterionKind::Levels { first, levels } => value
                .checked_sub(*first)
                .and_then(|i| levels.get(i as usize))
                .map(|l| l.label.as_str()),
            CriterionKind::Points { bands, .. } => bands
                .iter()
                .find(|b| b.from <= value && value <= b.to)
                .map(|b| b.label.as_str()),
            CriterionKind::Requirement => Some(if value == 1 { "Met" } else { "Not met" }),
        }
    }
}

impl Criterion {
    /// Its share of the total: the weight set, else the points' maximum, else 1 for levels;
    /// none for a requirement, which gates instead.
    pub fn effective_weight(&self) -> Option<u32> {
        match (&self.kind, self.weight) {
            (CriterionKind::Requirement, _) => None,
            (_, Some(w)) => Some(w),
            (CriterionKind::Points { max, .. }, None) => Some(*max),
            (CriterionKind::Levels { .. }, None) => Some(1),
        }
    }

    /// Whether this criterion gates instead of scoring.
    pub fn is_requirement(&self) -> bool {
        matches!(self.kind, CriterionKind::Requirement)
    }
}

fn levels(first: u32, descriptions: [&str; 4]) -> CriterionKind {
    const LABELS: [&str; 4] = ["Beginning", "Developing", "Proficient", "Exemplary"];
    CriterionKind::Levels {
        first,
        levels: LABELS
            .iter()
            .zip(descriptions)
            .map(|(label, description)| Level {
                label: (*label).into(),
                description: description.into(),
            })
            .collect(),
    }
}

fn criterion(id: &str, name: &str, looks_for: &str, descriptions: [&str; 4]) -> Criterion {
    Criterion {
        id: id.into(),
        name: name.into(),
        looks_for: looks_for.into(),
        kind: levels(1, descriptions),
        weight: None,
    }
}

impl Rubric {
    /// A rubric with nothing in it yet.
    pub fn empty() -> Rubric {
        Rubric {
            criteria: Vec::new(),
            bonus: None,
        }
    }

    /// The rubric Crossroads offers a district to start from: one criterion per focus area of
    /// the workbook, then equity and rigor, then feasibility and cost; four levels each,
    /// numbered from 1, equally weighted.
    pub fn default_rubric() -> Rubric {
        Rubric {
            criteria: vec![
                criterion(
                    "problems",
                    "Clear on the problems to solve",
                    "The proposal names what students should know and be able to do, which students are not getting there today, and why, with evidence the team gathered.",
                    [
                        "The problem is stated in general terms (\u{201c}engagement\u{201d}, \u{201c}achievement\u{201d}) with no data and no named group of students.",
                        "A problem is named and some data is cited, but the goals for students are broad and the team does not say how it will know things improved.",
                        "Goals for students are specific and measurable, tied to data about named groups of students, and the team explains what in current practice must change.",
                        "Goals are specific, measurable and shared across the team; the evidence includes student and family voice; the proposal shows how each design choice answers a named problem.",
                    ],
                ),
                criterion(
                    "flexibility",
                    "Creates flexibility",
                    "The proposal says which uses of time, space, staffing or schedules the design needs to change, who can approve each change, and how the team will try changes safely.",
                    [
                        "The design assumes today\u{2019}s schedule, staffing and rooms, or asks for changes without saying which rule or decision stands in the way.",
                        "Some needed changes are named, but who can approve them and when is unclear, and there is no plan if approval does not come.",
                        "Each change to time, space or staffing is named with who approves it and when; the team has a fallback for the changes most at risk.",
                        "Changes are named, approved or scheduled for approval, and built as small trials with a way to undo them; the team already moved one barrier before applying.",
                    ],
                ),
                criterion(
                    "learning",
                    "Adult learning and prototyping",
                    "The proposal plans how teachers and staff will learn the new practices, try them on a small scale first, look at what happened, and share what they learn.",
                    [
                        "Professional learning is a list of trainings; nothing is tried on a small scale before it reaches every classroom.",
                        "Some coaching or collaboration time is planned, and a pilot is mentioned, but the team does not say what it will look at or when it will decide.",
                        "Adults have regular time to learn and plan together; a pilot has a timeline, a few measures and a point where the team decides to keep, change or stop.",
                        "Learning is built into the week, pilots run in short cycles with student work as evidence, and the team has a plan to share results with other schools in the district.",
                    ],
                ),
                criterion(
                    "pathway",
                    "New model or adapted model",
                    "The proposal makes a reasoned choice between designing a new model and adapting one that exists, and shows the team knows what that choice demands.",
                    [
                        "The proposal does not say whether it builds something new or adapts an existing model, or names a model without showing how it fits the school.",
                        "The choice is stated but the reasons are thin; what the team would keep, change or drop from a model it adapts is not described.",
                        "The choice is reasoned from the school\u{2019}s goals and capacity; an adapted model is described with what will be kept and changed, a new one with what makes it new.",
                        "The choice is argued from evidence, including visits to or conversations with schools using the model; the team names the risks of its path and how it will manage them.",
                    ],
                ),
                criterion(
                    "equity",
                    "Equity and rigor",
                    "The design raises expectations for every student, with particular attention to students the school serves least well today, and keeps work at grade level or above.",
                    [
                        "The design does not say which students it serves or may lower expectations for some students by letting them move more slowly without support.",
                        "The design mentions students with the greatest needs but offers general supports; how grade-level rigor is kept is not explained.",
                        "Supports for named groups of students (for example English learners and students with disabilities) are specific, and every student works toward the same high standards.",
                        "The design was shaped with the students and families it most concerns; it shows how progress of each group will be watched and how the team will respond if gaps grow.",
                    ],
                ),
                criterion(
                    "feasibility",
                    "Feasibility and cost",
                    "The budget, timeline and staffing are realistic for the school, the money asked for matches what the plan needs, and the design can last after the award ends.",
                    [
                        "The budget is missing or does not match the plan; the timeline is unrealistic or absent.",
                        "A budget and timeline are given, but some costs are unexplained and the proposal does not say how the work continues after the award.",
                        "Costs follow from the plan line by line, the timeline is realistic for the school year, and one-time and recurring costs are separated with a plan to cover recurring ones.",
                        "The plan is costed, phased and staffed with named people; recurring costs are covered by existing funds after the award, and the team shows what it would drop if funded in part.",
                    ],
                ),
            ],
            bonus: None,
        }
    }

    /// The criteria that score (not requirements), with their weights.
    pub fn weighted(&self) -> impl Iterator<Item = (&Criterion, u32)> {
        self.criteria
            .iter()
            .filter_map(|c| c.effective_weight().map(|w| (c, w)))
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// What is wrong with the rubric, in plain words; `stage` names it in the message.
    pub fn check(&self, stage: &str) -> Result<(), String> {
        if self.criteria.is_empty() {
            return Err(format!("the stage \u{201c}{stage}\u{201d} has no criteria"));
        }
        if self.criteria.len() > limits::CRITERIA {
            return Err(format!(
                "the stage \u{201c}{stage}\u{201d} has {} criteria; at most {} are allowed",
                self.criteria.len(),
                limits::CRITERIA
            ));
        }
        let mut ids = BTreeSet::new();
        for c in &self.criteria {
            let name = short(&c.name);
            if !valid_draft_id(&c.id) || !ids.insert(c.id.as_str()) {
                return Err(format!(
                    "the criterion \u{201c}{name}\u{201d} of the stage \u{201c}{stage}\u{201d} has a missing, unusable or repeated id"
                ));
            }
            if c.name.trim().is_empty() {
                return Err(format!(
                    "a criterion of the stage \u{201c}{stage}\u{201d} has no name"
                ));
            }
            if c.name.len() > limits::TEXT || c.looks_for.len() > limits::TEXT {
                return Err(format!(
                    "a text of the criterion \u{201c}{name}\u{201d} is too long"
                ));
            }
            if c.weight.is_some_and(|w| w > limits::MAX_WEIGHT) {
                return Err(format!(
                    "the criterion \u{201c}{name}\u{201d} weighs more than {}",
                    limits::MAX_WEIGHT
                ));
            }
            match &c.kind {
                CriterionKind::Levels { first, levels } => {
                    if *first > 1 {
                        return Err(format!(
                            "the levels of \u{201c}{name}\u{201d} must be numbered from 0 or 1"
                        ));
                    }
                    if !(2..=limits::LEVELS).contains(&levels.len()) {
                        return Err(format!(
                            "\u{201c}{name}\u{201d} has {} levels; a scale has 2 to {}",
                            levels.len(),
                            limits::LEVELS
                        ));
                    }
                    if levels.iter().any(|l| {
                        l.label.trim().is_empty()
                            || l.label.len() > limits::TEXT
                            || l.description.len() > limits::TEXT
                    }) {
                        return Err(format!(
                            "a level of \u{201c}{name}\u{201d} has no label or too long a text"
                        ));
                    }
                }
                CriterionKind::Points { max, bands } => {
                    if *max == 0 || *max > limits::MAX_POINTS {
                        return Err(format!(
                            "\u{201c}{name}\u{201d} must be worth 1 to {} points",
                            limits::MAX_POINTS
                        ));
                    }
                    if bands.len() > limits::BANDS
                        || bands.iter().any(|b| {
                            b.from > b.to
                                || b.to > *max
                                || b.label.len() > limits::TEXT
                                || b.description.len() > limits::TEXT
                        })
                    {
                        return Err(format!(
                            "a band of \u{201c}{name}\u{201d} goes outside 0 to {max} points or runs backwards"
                        ));
                    }
                }
                CriterionKind::Requirement => {}
            }
        }
        if self.weighted().map(|(_, w)| w).sum::<u32>() == 0 {
            return Err(format!(
                "the stage \u{201c}{stage}\u{201d} has no criterion with a weight above 0, so nothing would count"
            ));
        }
        if let Some(bonus) = &self.bonus {
            if bonus.cap > limits::BONUS_CAP {
                return Err(format!(
                    "the bonus points of the stage \u{201c}{stage}\u{201d} are capped at {}; the cap can be at most {}",
                    bonus.cap,
                    limits::BONUS_CAP
                ));
            }
            if bonus.items.len() > limits::BONUS_ITEMS {
                return Err(format!(
                    "the stage \u{201c}{stage}\u{201d} has too many bonus items"
                ));
            }
            let mut ids = BTreeSet::new();
            for item in &bonus.items {
                if !valid_draft_id(&item.id) || !ids.insert(item.id.as_str()) {
                    return Err(format!(
                        "the bonus item \u{201c}{}\u{201d} has a missing, unusable or repeated id",
                        short(&item.name)
                    ));
                }
                if item.max == 0 || item.max > limits::BONUS_CAP {
                    return Err(format!(
                        "the bonus item \u{201c}{}\u{201d} must be worth 1 to {} points",
                        short(&item.name),
                        limits::BONUS_CAP
                    ));
                }
                if item.name.trim().is_empty()
                    || item.name.len() > limits::TEXT
                    || item.looks_for.len() > limits::TEXT
                {
                    return Err("a bonus item has no name or too long a text".into());
                }
            }
        }
        Ok(())
    }
}

impl Competition {
    /// A competition with an empty brief and the default rubric in one stage, "Written
    /// proposal", whose total is the final one.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Competition {
        Competition {
            brief: Brief::new(id, title),
            stages: vec![Stage {
                id: "written".into(),
                name: "Written proposal".into(),
                description: "Reviewers read each proposal and score it against the rubric.".into(),
                rubric: Rubric::default_rubric(),
            }],
            combine: Combine::LastStage,
            blind_terms: Vec::new(),
            disagreement_percent: None,
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// What is wrong with a competition that came from a file, in plain words; `Ok` when the
    /// brief passes its own check, every stage and rubric is usable and within bounds, and a
    /// blend names only stages the competition has.
    pub fn check(&self) -> Result<(), String> {
        self.brief.check()?;
        if self.stages.is_empty() {
            return Err("the competition has no stage of review".into());
        }
        if self.stages.len() > limits::STAGES {
            return Err(format!(
                "the competition has {} stages; at most {} are allowed",
                self.stages.len(),
                limits::STAGES
            ));
        }
        let mut ids = BTreeSet::new();
        for stage in &self.stages {
            if !valid_draft_id(&stage.id) || !ids.insert(stage.id.as_str()) {
                return Err(format!(
                    "the stage \u{201c}{}\u{201d} has a missing, unusable or repeated id",
                    short(&stage.name)
                ));
            }
            if stage.name.trim().is_empty()
                || stage.name.len() > limits::TEXT
                || stage.description.len() > limits::TEXT
            {
                return Err("a stage has no name or too long a text".into());
            }
            stage.rubric.check(&short(&stage.name))?;
        }
        if let Combine::Blend(weights) = &self.combine {
            let mut named = BTreeSet::new();
            for w in weights {
                if !ids.contains(w.stage.as_str()) {
                    return Err(format!(
                        "the blend of stages names \u{201c}{}\u{201d}, a stage the competition does not have",
                        short(&w.stage)
                    ));
                }
                if !named.insert(w.stage.as_str()) {
                    return Err(format!(
                        "the blend of stages names \u{201c}{}\u{201d} twice",
                        w.stage
                    ));
                }
                if w.weight > limits::MAX_WEIGHT {
                    return Err(format!(
                        "a stage of the blend weighs more than {}",
                        limits::MAX_WEIGHT
                    ));
                }
            }
            if weights.iter().map(|w| w.weight).sum::<u32>() == 0 {
                return Err("the blend of stages gives no stage a weight above 0".into());
            }
        }
        if self.blind_terms.len() > limits::BLIND_TERMS
            || self.blind_terms.iter().any(|t| t.len() > 200)
        {
            return Err("the district's blind-review terms are too many or too long".into());
        }
        if self.disagreement_percent.is_some_and(|p| p > 100) {
            return Err("the disagreement threshold must be 0 to 100 percent".into());
        }
        Ok(())
    }
}

pub(crate) fn short(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if t.len() < text.len() {
        format!("{t}\u{2026}")
    } else {
        t
    }
}

/// FNV-1a, 64 bits: a small stable hash (not for security; for recognising shapes and codes).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A short stable hex code for the rubric's shape: its criteria's ids, kinds, numbering, level
/// counts and maxima, and its bonus items' ids and maxima and the cap. Labels, descriptions
/// and weights are left out, so rewording a rubric (or reweighing it) keeps every score sheet
/// made against it, while a sheet made against another shape is recognised.
pub fn fingerprint(rubric: &Rubric) -> String {
    let mut shape = String::new();
    for c in &rubric.criteria {
        let kind = match &c.kind {
            CriterionKind::Levels { first, levels } => format!("L{first}/{}", levels.len()),
            CriterionKind::Points { max, .. } => format!("P{max}"),
            CriterionKind::Requirement => "R".to_string(),
        };
        shape.push_str(&format!("c:{}:{kind};", c.id));
    }
    if let Some(bonus) = &rubric.bonus {
        for item in &bonus.items {
            shape.push_str(&format!("b:{}:{};", item.id, item.max));
        }
        shape.push_str(&format!("cap:{};", bonus.cap));
    }
    format!("{:016x}", fnv1a(shape.as_bytes()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn two_stages() -> Competition {
        let mut c = Competition::new("springfield-2027", "Springfield Design Challenge");
        c.brief.district = "Springfield Public Schools".into();
        c.stages.push(Stage {
            id: "pitch".into(),
            name: "Pitch".into(),
            description: "Ten minutes to present and ten of questions.".into(),
            rubric: Rubric {
                criteria: vec![
                    Criterion {
                        id: "vision".into(),
                        name: "Vision".into(),
                        looks_for: String::new(),
                        kind: CriterionKind::Points {
                            max: 25,
                            bands: vec![Band {
                                from: 20,
                                to: 25,
                                label: "Strong".into(),
                                description: String::new(),
                            }],
                        },
                        weight: None,
                    },
                    Criterion {
                        id: "signed".into(),
                        name: "Principal signed".into(),
                        looks_for: String::new(),
                        kind: CriterionKind::Requirement,
                        weight: None,
                    },
                ],
                bonus: Some(Bonus {
                    items: vec![BonusItem {
                        id: "partner".into(),
                        name: "Community partner".into(),
                        looks_for: String::new(),
                        max: 5,
                    }],
                    cap: 5,
                }),
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
        c.blind_terms = vec!["Westside Initiative".into()];
        c.disagreement_percent = Some(20);
        c
    }

    #[test]
    fn a_new_competition_has_the_default_rubric_in_one_written_stage_and_passes_its_check() {
        let c = Competition::new("c1", "Design challenge");
        assert_eq!(c.stages.len(), 1);
        assert_eq!(c.stages[0].name, "Written proposal");
        let names: Vec<&str> = c.stages[0]
            .rubric
            .criteria
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names.len(), 6);
        assert!(names.contains(&"Equity and rigor") && names.contains(&"Feasibility and cost"));
        for criterion in &c.stages[0].rubric.criteria {
            let CriterionKind::Levels { first, levels } = &criterion.kind else {
                panic!("{} is not a scale", criterion.name)
            };
            assert_eq!((*first, levels.len()), (1, 4));
            let descriptions: BTreeSet<&str> =
                levels.iter().map(|l| l.description.as_str()).collect();
            assert_eq!(
                descriptions.len(),
                4,
                "each level says something of its own"
            );
        }
        assert_eq!(c.check(), Ok(()));
        assert_eq!(two_stages().check(), Ok(()));
    }

    #[test]
    fn a_competition_round_trips_through_json() {
        let c = two_stages();
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"last_stage\"") || json.contains("\"blend\""));
        assert!(json.contains("\"requirement\""), "{json}");
        assert_eq!(serde_json::from_str::<Competition>(&json).unwrap(), c);
        // Optional parts may be left out of a hand-written file.
        let mut bare = Competition::new("c2", "Bare");
        bare.combine = Combine::LastStage;
        let mut value: serde_json::Value = serde_json::to_value(&bare).unwrap();
        value.as_object_mut().unwrap().remove("blind_terms");
        value
            .as_object_mut()
            .unwrap()
            .remove("disagreement_percent");
        assert_eq!(serde_json::from_value::<Competition>(value).unwrap(), bare);
    }

    fn pitch(c: &mut Competition) -> &mut Rubric {
        &mut c.stages[1].rubric
    }

    #[test]
    fn bad_competitions_are_refused_in_plain_words() {
        type Spoil = Box<dyn Fn(&mut Competition)>;
        let cases: Vec<(Spoil, &str)> = vec![
            (Box::new(|c| c.stages.clear()), "no stage"),
            (
                Box::new(|c| c.stages[1].id = "written".into()),
                "repeated id",
            ),
            (Box::new(|c| c.stages[1].id = "a b".into()), "unusable"),
            (
                Box::new(|c| pitch(c).criteria[1].id = "vision".into()),
                "repeated id",
            ),
            (
                Box::new(|c| {
                    if let CriterionKind::Levels { levels, .. } =
                        &mut c.stages[0].rubric.criteria[0].kind
                    {
                        levels.truncate(1)
                    }
                }),
                "2 to 10",
            ),
            (
                Box::new(|c| {
                    if let CriterionKind::Levels { levels, .. } =
                        &mut c.stages[0].rubric.criteria[0].kind
                    {
                        *levels = (0..11)
                            .map(|i| Level {
                                label: format!("L{i}"),
                                description: String::new(),
                            })
                            .collect()
                    }
                }),
                "2 to 10",
            ),
            (
                Box::new(|c| {
                    if let CriterionKind::Levels { first, .. } =
                        &mut c.stages[0].rubric.criteria[0].kind
                    {
                        *first = 2
                    }
                }),
                "from 0 or 1",
            ),
            (
                Box::new(|c| {
                    pitch(c).criteria[0].kind = CriterionKind::Points {
                        max: 0,
                        bands: vec![],
                    }
                }),
                "1 to 1000 points",
            ),
            (
                Box::new(|c| {
                    pitch(c).criteria[0].kind = CriterionKind::Points {
                        max: 1001,
                        bands: vec![],
                    }
                }),
                "1 to 1000 points",
            ),
            (
                Box::new(|c| {
                    if let CriterionKind::Points { bands, .. } = &mut pitch(c).criteria[0].kind {
                        bands[0].to = 26
                    }
                }),
                "outside 0 to 25",
            ),
            (
                Box::new(|c| pitch(c).criteria[0].weight = Some(1001)),
                "weighs more",
            ),
            (
                Box::new(|c| pitch(c).bonus.as_mut().unwrap().cap = 101),
                "at most 100",
            ),
            (
                Box::new(|c| {
                    let one = pitch(c).criteria[0].clone();
                    pitch(c).criteria = (0..41)
                        .map(|i| Criterion {
                            id: format!("c{i}"),
                            ..one.clone()
                        })
                        .collect()
                }),
                "at most 40",
            ),
            (
                Box::new(|c| {
                    c.combine = Combine::Blend(vec![StageWeight {
                        stage: "interview".into(),
                        weight: 1,
                    }])
                }),
                "does not have",
            ),
            (
                Box::new(|c| pitch(c).criteria[0].weight = Some(0)),
                "nothing would count",
            ),
            (Box::new(|c| c.brief.id = "../x".into()), "brief's id"),
            (Box::new(|c| c.disagreement_percent = Some(101)), "0 to 100"),
        ];
        for (spoil, words) in cases {
            let mut c = two_stages();
            spoil(&mut c);
            let why = c.check().unwrap_err();
            assert!(
                why.contains(words),
                "\u{201c}{why}\u{201d} should say {words}"
            );
        }
    }

    #[test]
    fn the_fingerprint_changes_with_the_shape_but_not_with_the_wording() {
        let rubric = Rubric::default_rubric();
        let print = fingerprint(&rubric);
        assert_eq!(print.len(), 16);
        assert_eq!(print, fingerprint(&Rubric::default_rubric()), "stable");
        let mut reworded = rubric.clone();
        reworded.criteria[0].name = "Problems, clearly".into();
        reworded.criteria[0].looks_for = "Something else".into();
        if let CriterionKind::Levels { levels, .. } = &mut reworded.criteria[1].kind {
            levels[2].label = "Meets".into();
            levels[2].description = "Different words".into();
        }
        assert_eq!(fingerprint(&reworded), print);
        let mut reshaped: Vec<Rubric> = Vec::new();
        let mut r = rubric.clone();
        r.criteria.pop();
        reshaped.push(r);
        let mut r = rubric.clone();
        r.criteria[0].id = "goals".into();
        reshaped.push(r);
        let mut r = rubric.clone();
        if let CriterionKind::Levels { first, .. } = &mut r.criteria[0].kind {
            *first = 0;
        }
        reshaped.push(r);
        let mut r = rubric.clone();
        if let CriterionKind::Levels { levels, .. } = &mut r.criteria[0].kind {
            levels.pop();
        }
        reshaped.push(r);
        let mut r = rubric.clone();
        r.criteria[0].kind = CriterionKind::Requirement;
        reshaped.push(r);
        let mut r = rubric.clone();
        r.bonus = Some(Bonus {
            items: vec![],
            cap: 5,
        });
        reshaped.push(r);
        for r in &reshaped {
            assert_ne!(fingerprint(r), print, "{r:?}");
        }
    }

    #[test]
    fn effective_weights_follow_the_kind() {
        let c = two_stages();
        let pitch = &c.stages[1].rubric;
        assert_eq!(pitch.criteria[0].effective_weight(), Some(25));
        assert_eq!(pitch.criteria[1].effective_weight(), None);
        assert_eq!(c.stages[0].rubric.criteria[0].effective_weight(), Some(1));
        let mut weighted = pitch.criteria[0].clone();
        weighted.weight = Some(3);
        assert_eq!(weighted.effective_weight(), Some(3));
    }
}
