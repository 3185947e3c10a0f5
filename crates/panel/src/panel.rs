//! The panel's record: its reviewers, the proposals, who reads what, the reviewers' files, the
//! changes made in discussion, the shortlists and the funding decisions. It is saved and loaded
//! as a file, so [`Panel::check`] treats it as hostile input.

use crossroads_review::{Competition, ScoreSheet};
use crossroads_workbook::valid_draft_id;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Upper bounds checked on every panel that comes from a file.
pub mod limits {
    /// Reviewers on one panel.
    pub const REVIEWERS: usize = 200;
    /// Proposals before one panel.
    pub const PROPOSALS: usize = 2_000;
    /// Reviewers per proposal.
    pub const PER_PROPOSAL: u32 = 20;
    /// Score changes recorded in discussion.
    pub const CHANGES: usize = 20_000;
    /// Characters of a name or a school.
    pub const NAME: usize = 200;
    /// Characters of a reason.
    pub const TEXT: usize = 20_000;
    /// The largest amount of money, in cents (ten billion dollars).
    pub const CENTS: i64 = 1_000_000_000_000;
}

/// The number of reviewers each proposal gets unless the district says otherwise.
pub const DEFAULT_PER_PROPOSAL: u32 = 3;

fn default_per_proposal() -> u32 {
    DEFAULT_PER_PROPOSAL
}

/// A reviewer on the district's panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelReviewer {
    /// The id the reviewer's score sheet carries.
    pub id: String,
    /// The name the panel sees.
    pub name: String,
    /// The school the reviewer belongs to, if any: never assigned that school's proposals.
    #[serde(default)]
    pub school: Option<String>,
    /// Proposals the reviewer declared a conflict of interest with.
    #[serde(default)]
    pub conflicts: BTreeSet<String>,
}

/// A proposal before the panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRef {
    /// The proposal's id, as score sheets store it.
    pub id: String,
    /// The proposing school's name.
    #[serde(default)]
    pub school: String,
    /// The amount the proposal requests, in cents, if known.
    #[serde(default)]
    pub requested_cents: Option<i64>,
}

/// A score changed by the panel during the discussion; the reviewer's original stays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreChange {
    /// The stage's id.
    pub stage: String,
    /// The proposal's id.
    pub proposal: String,
    /// The reviewer whose score changes.
    pub reviewer: String,
    /// The criterion's id.
    pub criterion: String,
    /// The value before the change, as recorded when the change was made.
    pub from: Option<u32>,
    /// The new value.
    pub to: u32,
    /// Why the panel changed it.
    pub reason: String,
    /// When (milliseconds since the Unix epoch).
    pub at_ms: u64,
}

/// What the panel decided for a proposal at the funding line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Fund it at the amount requested (the panel's pick in a tie).
    Fund,
    /// Fund it with changes at a reduced amount, in cents.
    FundReduced { cents: i64 },
    /// Pass over it and go on to the next proposal.
    Skip,
    /// Stop the line here.
    Stop,
}

/// The panel's whole record for one competition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panel {
    /// Stable id of this panel's record.
    pub id: String,
    /// The id of the competition's brief.
    pub competition: String,
    /// The brief's version the panel works to.
    pub version: u32,
    /// The panel's reviewers.
    #[serde(default)]
    pub reviewers: Vec<PanelReviewer>,
    /// The proposals before the panel.
    #[serde(default)]
    pub proposals: Vec<ProposalRef>,
    /// How many reviewers read each proposal.
    #[serde(default = "default_per_proposal")]
    pub per_proposal: u32,
    /// The proposals each reviewer reads, by reviewer id.
    #[serde(default)]
    pub assignment: BTreeMap<String, BTreeSet<String>>,
    /// The reviewers' score sheets as loaded.
    #[serde(default)]
    pub sheets: Vec<ScoreSheet>,
    /// Scores changed in discussion, in the order they were made.
    #[serde(default)]
    pub changes: Vec<ScoreChange>,
    /// The proposals advanced from each stage to the next, by stage id.
    #[serde(default)]
    pub shortlist: BTreeMap<String, Vec<String>>,
    /// Whether the panel ranks by standardised scores instead of raw means.
    #[serde(default)]
    pub use_standardised: bool,
    /// The decisions at the funding line, by proposal id.
    #[serde(default)]
    pub decisions: BTreeMap<String, Decision>,
    /// When anything last changed (milliseconds since the Unix epoch).
    pub updated_ms: u64,
}

/// A school's name as compared: trimmed, lower case, single spaces.
pub fn school_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl PanelReviewer {
    /// Whether the reviewer belongs to the school that made `proposal`.
    pub fn same_school(&self, proposal: &ProposalRef) -> bool {
        match &self.school {
            Some(s) => !school_key(s).is_empty() && school_key(s) == school_key(&proposal.school),
            None => false,
        }
    }
}

impl Panel {
    /// An empty panel for a competition, with three reviewers per proposal.
    pub fn new(id: impl Into<String>, competition: &Competition, now_ms: u64) -> Panel {
        Panel {
            id: id.into(),
            competition: competition.brief.id.clone(),
            version: competition.brief.version,
            reviewers: Vec::new(),
            proposals: Vec::new(),
            per_proposal: DEFAULT_PER_PROPOSAL,
            assignment: BTreeMap::new(),
            sheets: Vec::new(),
            changes: Vec::new(),
            shortlist: BTreeMap::new(),
            use_standardised: false,
            decisions: BTreeMap::new(),
            updated_ms: now_ms,
        }
    }

    /// Every conflict the panel knows of, by reviewer then proposal, with the reason: those
    /// declared to the district, those in the reviewer's sheet, and the reviewer's own school.
    pub fn conflicts(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for r in &self.reviewers {
            let mine = out.entry(r.id.clone()).or_default();
            for p in &r.conflicts {
                mine.insert(p.clone(), "Declared a conflict of interest".into());
            }
            for p in self.proposals.iter().filter(|p| r.same_school(p)) {
                mine.insert(p.id.clone(), "Belongs to the proposing school".into());
            }
        }
        for sheet in &self.sheets {
            let mine = out.entry(sheet.reviewer.id.clone()).or_default();
            for (p, why) in &sheet.conflicts {
                mine.entry(p.clone()).or_insert_with(|| why.clone());
            }
        }
        out
    }

    /// Changes one reviewer's proposals by hand.
    pub fn set_assignment(&mut self, reviewer: &str, proposals: BTreeSet<String>, now_ms: u64) {
        self.assignment.insert(reviewer.to_string(), proposals);
        self.updated_ms = now_ms;
    }

    /// Records a score changed in discussion, refusing one without a reason.
    pub fn record_change(&mut self, change: ScoreChange) -> Result<(), String> {
        if change.reason.trim().is_empty() {
            return Err("a changed score needs the panel's reason".into());
        }
        if change.reason.len() > limits::TEXT {
            return Err("the reason for the change is too long".into());
        }
        if self.changes.len() >= limits::CHANGES {
            return Err("the panel has recorded as many changes as a record can hold".into());
        }
        self.updated_ms = self.updated_ms.max(change.at_ms);
        self.changes.push(change);
        Ok(())
    }

    /// What is wrong with a panel from a file, in plain words: usable ids, counts and texts
    /// within bounds, reviewers and proposals not repeated, the assignment naming only them.
    pub fn check(&self) -> Result<(), String> {
        if !valid_draft_id(&self.id) {
            return Err("the panel's id is missing or has characters an id cannot have".into());
        }
        if !valid_draft_id(&self.competition) {
            return Err("the panel does not name a usable competition".into());
        }
        if self.reviewers.len() > limits::REVIEWERS {
            return Err(format!(
                "the panel has {} reviewers; at most {} are allowed",
                self.reviewers.len(),
                limits::REVIEWERS
            ));
        }
        if self.proposals.len() > limits::PROPOSALS {
            return Err(format!(
                "the panel has {} proposals; at most {} are allowed",
                self.proposals.len(),
                limits::PROPOSALS
            ));
        }
        if self.per_proposal == 0 || self.per_proposal > limits::PER_PROPOSAL {
            return Err(format!(
                "each proposal needs 1 to {} reviewers, not {}",
                limits::PER_PROPOSAL,
                self.per_proposal
            ));
        }
        let mut reviewers = BTreeSet::new();
        for r in &self.reviewers {
            if !valid_draft_id(&r.id) || !reviewers.insert(r.id.as_str()) {
                return Err(format!(
                    "the reviewer \u{201c}{}\u{201d} has a missing, unusable or repeated id",
                    short(&r.name)
                ));
            }
            if r.name.trim().is_empty()
                || r.name.len() > limits::NAME
                || r.school.as_ref().is_some_and(|s| s.len() > limits::NAME)
            {
                return Err("a reviewer has no name, or too long a name or school".into());
            }
            if r.conflicts.len() > limits::PROPOSALS
                || r.conflicts.iter().any(|p| !valid_draft_id(p))
            {
                return Err(format!(
                    "the conflicts of \u{201c}{}\u{201d} are unusable",
                    short(&r.name)
                ));
            }
        }
        let mut proposals = BTreeSet::new();
        for p in &self.proposals {
            if !valid_draft_id(&p.id) || !proposals.insert(p.id.as_str()) {
                return Err("a proposal has a missing, unusable or repeated id".into());
            }
            if p.school.len() > limits::NAME {
                return Err("a proposal's school name is too long".into());
            }
            if p.requested_cents
                .is_some_and(|c| !(0..=limits::CENTS).contains(&c))
            {
                return Err(format!(
                    "the amount requested by proposal \u{201c}{}\u{201d} is below zero or too large",
                    p.id
                ));
            }
        }
        for (r, list) in &self.assignment {
            if !reviewers.contains(r.as_str()) {
                return Err(format!(
                    "the assignment names a reviewer the panel does not have (\u{201c}{}\u{201d})",
                    short(r)
                ));
            }
            if let Some(p) = list.iter().find(|p| !proposals.contains(p.as_str())) {
                return Err(format!(
                    "the assignment names a proposal the panel does not have (\u{201c}{}\u{201d})",
                    short(p)
                ));
            }
        }
        if self.sheets.len() > limits::REVIEWERS * 2 {
            return Err("the panel holds more score sheets than it has room for".into());
        }
        for sheet in &self.sheets {
            sheet.check()?;
        }
        if self.changes.len() > limits::CHANGES {
            return Err("the panel has recorded more changes than a record can hold".into());
        }
        for c in &self.changes {
            if [&c.stage, &c.proposal, &c.reviewer, &c.criterion]
                .iter()
                .any(|id| !valid_draft_id(id))
                || c.reason.len() > limits::TEXT
            {
                return Err("a changed score names something unusable or is too long".into());
            }
        }
        if self.shortlist.len() > crossroads_review::rubric::limits::STAGES
            || self.shortlist.iter().any(|(s, list)| {
                !valid_draft_id(s)
                    || list.len() > limits::PROPOSALS
                    || list.iter().any(|p| !proposals.contains(p.as_str()))
            })
        {
            return Err("a shortlist names a stage or a proposal the panel does not have".into());
        }
        for (p, d) in &self.decisions {
            if !proposals.contains(p.as_str()) {
                return Err(format!(
                    "a funding decision names a proposal the panel does not have (\u{201c}{}\u{201d})",
                    short(p)
                ));
            }
            if let Decision::FundReduced { cents } = d {
                if !(1..=limits::CENTS).contains(cents) {
                    return Err("a reduced award must be more than zero and not too large".into());
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Panel {
        let c = Competition::new("springfield-2027", "Springfield");
        let mut panel = Panel::new("panel-1", &c, 10);
        panel.reviewers = vec![
            PanelReviewer {
                id: "r1".into(),
                name: "Dana".into(),
                school: Some("Lincoln  Elementary".into()),
                conflicts: BTreeSet::from(["p2".to_string()]),
            },
            PanelReviewer {
                id: "r2".into(),
                name: "Eli".into(),
                school: None,
                conflicts: BTreeSet::new(),
            },
        ];
        panel.proposals = vec![
            ProposalRef {
                id: "p1".into(),
                school: "lincoln elementary".into(),
                requested_cents: Some(5_000_000),
            },
            ProposalRef {
                id: "p2".into(),
                school: "Hope Academy".into(),
                requested_cents: None,
            },
        ];
        panel
    }

    #[test]
    fn a_panel_round_trips_and_knows_its_conflicts() {
        let mut panel = sample();
        assert_eq!(panel.check(), Ok(()));
        assert_eq!(panel.per_proposal, 3);
        let json = serde_json::to_string(&panel).unwrap();
        assert_eq!(serde_json::from_str::<Panel>(&json).unwrap(), panel);
        let conflicts = panel.conflicts();
        assert_eq!(conflicts["r1"].len(), 2, "{conflicts:?}");
        assert!(conflicts["r1"]["p1"].contains("school"));
        assert!(conflicts["r2"].is_empty());
        assert!(panel
            .record_change(ScoreChange {
                stage: "written".into(),
                proposal: "p1".into(),
                reviewer: "r2".into(),
                criterion: "equity".into(),
                from: Some(2),
                to: 3,
                reason: "  ".into(),
                at_ms: 20,
            })
            .unwrap_err()
            .contains("reason"));
    }

    #[test]
    fn bad_panels_are_refused_in_plain_words() {
        type Spoil = Box<dyn Fn(&mut Panel)>;
        let cases: Vec<(Spoil, &str)> = vec![
            (Box::new(|p| p.id = "../x".into()), "panel's id"),
            (Box::new(|p| p.reviewers[1].id = "r1".into()), "repeated id"),
            (Box::new(|p| p.per_proposal = 0), "1 to 20"),
            (
                Box::new(|p| p.proposals[0].requested_cents = Some(-1)),
                "below zero",
            ),
            (
                Box::new(|p| {
                    p.assignment
                        .insert("r9".into(), BTreeSet::from(["p1".to_string()]));
                }),
                "reviewer the panel does not have",
            ),
            (
                Box::new(|p| {
                    p.assignment
                        .insert("r1".into(), BTreeSet::from(["p9".to_string()]));
                }),
                "proposal the panel does not have",
            ),
            (
                Box::new(|p| {
                    p.decisions
                        .insert("p1".into(), Decision::FundReduced { cents: 0 });
                }),
                "more than zero",
            ),
            (
                Box::new(|p| p.reviewers[0].name = "x".repeat(201)),
                "too long",
            ),
        ];
        for (spoil, words) in cases {
            let mut p = sample();
            spoil(&mut p);
            let why = p.check().unwrap_err();
            assert!(
                why.contains(words),
                "\u{201c}{why}\u{201d} should say {words}"
            );
        }
    }
}
