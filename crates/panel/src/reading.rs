//! What a reviewer's desk keeps of the panel's assignment: the proposals this reviewer reads,
//! with their blind codes, read from the assignment file the district sends.

use crate::panel::limits;
use crossroads_review::blind::proposal_code;
use crossroads_review::sheet::Reviewer;
use crossroads_workbook::valid_draft_id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One proposal a reviewer is asked to read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedProposal {
    /// The proposal's id, as score sheets store it.
    pub id: String,
    /// Its blind-review code, the same on every desk.
    pub code: String,
}

/// What an assignment file tells a reviewer's desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentFile {
    /// The panel's id.
    pub panel: String,
    /// The id of the competition's brief.
    pub competition: String,
    /// The brief's version the panel works to.
    pub version: u32,
    /// The reviewer the file is for.
    pub reviewer: Reviewer,
    /// How many reviewers read each proposal.
    pub per_proposal: u32,
    /// The proposals this reviewer reads, in the order of the panel's list.
    pub proposals: Vec<AssignedProposal>,
    /// When the file was written (milliseconds since the Unix epoch).
    #[serde(default)]
    pub exported_ms: u64,
}

impl AssignmentFile {
    /// `ids` with this reviewer's proposals first (in the file's order), then the others as given.
    pub fn assigned_first(&self, ids: &[String]) -> Vec<String> {
        let mine: BTreeSet<&str> = self.proposals.iter().map(|p| p.id.as_str()).collect();
        let present: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        self.proposals
            .iter()
            .filter(|p| present.contains(p.id.as_str()))
            .map(|p| p.id.clone())
            .chain(ids.iter().filter(|id| !mine.contains(id.as_str())).cloned())
            .collect()
    }

    /// What is wrong with an assignment from a file, in plain words.
    pub fn check(&self) -> Result<(), String> {
        if !valid_draft_id(&self.panel) {
            return Err("the panel's id is missing or has characters an id cannot have".into());
        }
        if !valid_draft_id(&self.competition) {
            return Err("it does not name a usable competition".into());
        }
        if !valid_draft_id(&self.reviewer.id) {
            return Err("the reviewer's id is missing or has characters an id cannot have".into());
        }
        if self.reviewer.name.trim().is_empty() || self.reviewer.name.len() > limits::NAME {
            return Err("the reviewer has no name, or too long a name".into());
        }
        if self.per_proposal == 0 || self.per_proposal > limits::PER_PROPOSAL {
            return Err(format!(
                "each proposal needs 1 to {} reviewers, not {}",
                limits::PER_PROPOSAL,
                self.per_proposal
            ));
        }
        if self.proposals.len() > limits::PROPOSALS {
            return Err(format!(
                "it lists {} proposals; at most {} are allowed",
                self.proposals.len(),
                limits::PROPOSALS
            ));
        }
        let mut seen = BTreeSet::new();
        for p in &self.proposals {
            if !valid_draft_id(&p.id) || !seen.insert(p.id.as_str()) {
                return Err("a proposal has a missing, unusable or repeated id".into());
            }
            if p.code != proposal_code(&p.id) {
                return Err(format!(
                    "the blind-review code of proposal \u{201c}{}\u{201d} does not match its id",
                    p.id
                ));
            }
        }
        Ok(())
    }
}
