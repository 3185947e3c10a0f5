//! The assignment file a reviewer receives (which proposals to read, with their blind codes)
//! and the panel's own record as a file. Both are read as hostile input: size, format,
//! version, nesting, ids, counts and lengths are checked, and every refusal is plain English.

use crate::brief::{district_json, parse, BriefFileError};
use crate::file::ImportError;
use crate::names::slug;
use crossroads_panel::{AssignedProposal, AssignmentFile, Panel};
use crossroads_review::blind::proposal_code;
use crossroads_review::sheet::Reviewer;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` every assignment file names.
pub(crate) const ASSIGNMENT_FORMAT: &str = "crossroads-assignment";
/// The `format` every panel file names.
pub(crate) const PANEL_FORMAT: &str = "crossroads-panel";
/// The version of the assignment file this build writes.
pub const ASSIGNMENT_VERSION: u32 = 1;
/// The version of the panel file this build writes.
pub const PANEL_VERSION: u32 = 1;
/// Assignment files larger than this are refused before they are read (2,000 proposals take
/// about 100 KB).
pub const MAX_ASSIGNMENT_BYTES: usize = 1024 * 1024;
/// Panel files larger than this are refused before they are read (they carry every reviewer's
/// score sheet).
pub const MAX_PANEL_BYTES: usize = 64 * 1024 * 1024;

/// Which of the panel's files could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelFile {
    /// A reviewer's assignment.
    Assignment,
    /// The panel's record.
    Panel,
}

/// Why an assignment or panel file could not be opened. `Display` gives the message shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelFileError {
    /// The kind of file that was expected.
    pub file: PanelFile,
    /// What was wrong with it.
    pub error: BriefFileError,
}

impl fmt::Display for PanelFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.file {
            PanelFile::Assignment => {
                self.error
                    .words("reviewer\u{2019}s assignment", ASSIGNMENT_VERSION, f)
            }
            PanelFile::Panel => self.error.words("panel record", PANEL_VERSION, f),
        }
    }
}

impl std::error::Error for PanelFileError {}

#[derive(Serialize)]
struct AssignmentOut<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    assignment: &'a AssignmentFile,
}

#[derive(Deserialize)]
struct AssignmentIn {
    #[serde(default)]
    exported_ms: u64,
    assignment: AssignmentFile,
}

#[derive(Serialize)]
struct PanelOut<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    panel: &'a Panel,
}

#[derive(Deserialize)]
struct PanelIn {
    panel: Panel,
}

/// The assignment file's JSON for one reviewer of `panel`, or none when the panel has no
/// reviewer with that id. The proposals are those the panel assigns, in the panel's order.
pub fn assignment_to_json(panel: &Panel, reviewer: &str, exported_ms: u64) -> Option<String> {
    let r = panel.reviewers.iter().find(|r| r.id == reviewer)?;
    let mine = panel.assignment.get(reviewer);
    let assignment = AssignmentFile {
        panel: panel.id.clone(),
        competition: panel.competition.clone(),
        version: panel.version,
        reviewer: Reviewer {
            id: r.id.clone(),
            name: r.name.clone(),
        },
        per_proposal: panel.per_proposal,
        proposals: panel
            .proposals
            .iter()
            .filter(|p| mine.is_some_and(|m| m.contains(&p.id)))
            .map(|p| AssignedProposal {
                id: p.id.clone(),
                code: proposal_code(&p.id),
            })
            .collect(),
        exported_ms,
    };
    Some(
        serde_json::to_string(&AssignmentOut {
            format: ASSIGNMENT_FORMAT,
            version: ASSIGNMENT_VERSION,
            exported_ms,
            assignment: &assignment,
        })
        .expect("an assignment always serializes"),
    )
}

fn district<'a>(
    text: &'a str,
    max: usize,
    format: &str,
    version: u32,
    file: PanelFile,
) -> Result<&'a str, PanelFileError> {
    let error = |error| PanelFileError { file, error };
    let (json, v) = district_json(text, max, format, format).map_err(error)?;
    if v > version {
        return Err(error(BriefFileError::File(ImportError::NewerVersion {
            version: v,
        })));
    }
    Ok(json)
}

/// Reads an assignment file and checks it: usable ids, codes that match them, a name, and
/// counts within the panel's limits.
pub fn read_assignment(text: &str) -> Result<AssignmentFile, PanelFileError> {
    let file = PanelFile::Assignment;
    let error = |error| PanelFileError { file, error };
    let json = district(
        text,
        MAX_ASSIGNMENT_BYTES,
        ASSIGNMENT_FORMAT,
        ASSIGNMENT_VERSION,
        file,
    )?;
    let read: AssignmentIn = parse(json).map_err(error)?;
    let mut assignment = read.assignment;
    assignment.exported_ms = read.exported_ms;
    assignment
        .check()
        .map_err(|why| error(BriefFileError::Unusable(why)))?;
    Ok(assignment)
}

/// The panel file's JSON: the whole record, reviewers' score sheets included.
pub fn panel_to_json(panel: &Panel, exported_ms: u64) -> String {
    serde_json::to_string(&PanelOut {
        format: PANEL_FORMAT,
        version: PANEL_VERSION,
        exported_ms,
        panel,
    })
    .expect("a panel always serializes")
}

/// Reads a panel file and checks the record with [`Panel::check`].
pub fn read_panel(text: &str) -> Result<Panel, PanelFileError> {
    let file = PanelFile::Panel;
    let error = |error| PanelFileError { file, error };
    let json = district(text, MAX_PANEL_BYTES, PANEL_FORMAT, PANEL_VERSION, file)?;
    let read: PanelIn = parse(json).map_err(error)?;
    read.panel
        .check()
        .map_err(|why| error(BriefFileError::Unusable(why)))?;
    Ok(read.panel)
}

/// A file name from its parts' slugs, the empty ones left out.
pub(crate) fn joined(parts: &[&str], extension: &str) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|p| slug(p))
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.{extension}", parts.join("-"))
}

/// `assignment-springfield-2027-ana-ruiz-2027-04-01.json`: the reviewer's own file, named for them.
pub fn assignment_file_name(competition_id: &str, reviewer_name: &str, date: &str) -> String {
    joined(&["assignment", competition_id, reviewer_name, date], "json")
}

/// `panel-springfield-2027-2027-04-01.json`.
pub fn panel_file_name(competition_id: &str, date: &str) -> String {
    joined(&["panel", competition_id, date], "json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::tests::panel;
    use proptest::prelude::*;

    #[test]
    fn an_assignment_names_the_reviewer_their_proposals_and_codes() {
        let p = panel();
        let json = assignment_to_json(&p, "r3", 77).unwrap();
        assert!(json.starts_with("{\"format\":\"crossroads-assignment\",\"version\":1,"));
        let a = read_assignment(&json).unwrap();
        assert_eq!(a.reviewer.name, "Wei Xiaolong");
        assert_eq!(
            (a.panel.as_str(), a.competition.as_str()),
            ("panel-1", "springfield-2027")
        );
        assert_eq!(a.per_proposal, 3);
        assert_eq!(a.exported_ms, 77);
        let ids: Vec<&str> = a.proposals.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3", "p4"], "no p5: a conflict");
        assert_eq!(a.proposals[0].code, proposal_code("p1"));
        let all: Vec<String> = ["p5", "p9", "p2", "p1", "p3", "p4"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(a.assigned_first(&all), ["p1", "p2", "p3", "p4", "p5", "p9"]);
        assert_eq!(assignment_to_json(&p, "nobody", 1), None);
        assert_eq!(
            assignment_file_name("springfield-2027", "Ana Ruiz", "2027-04-01"),
            "assignment-springfield-2027-ana-ruiz-2027-04-01.json"
        );
    }

    #[test]
    fn hostile_assignment_files_are_refused_in_plain_words() {
        let json = assignment_to_json(&panel(), "r1", 77).unwrap();
        let message = |text: &str| read_assignment(text).unwrap_err().to_string();
        let cases: Vec<(String, &str)> = vec![
            (
                "x".repeat(MAX_ASSIGNMENT_BYTES + 1),
                "The file is too large",
            ),
            ("".into(), "The file is empty"),
            (
                "Dear reviewer".into(),
                "This is not a Crossroads reviewer\u{2019}s assignment.",
            ),
            (
                crate::brief::brief_to_json(&crate::panel::tests::competition(), 1),
                "This is a district\u{2019}s brief, not a reviewer\u{2019}s assignment.",
            ),
            (
                panel_to_json(&panel(), 1),
                "This is a panel\u{2019}s record, not a reviewer\u{2019}s assignment.",
            ),
            (
                json.replacen("\"version\":1,", "\"version\":2,", 1),
                "newer version of Crossroads (format 2)",
            ),
            (
                json[..40].to_string(),
                "This reviewer\u{2019}s assignment file is damaged",
            ),
            (
                json.replacen("\"id\":\"p1\"", "\"id\":\"../p1\"", 1),
                "a proposal has a missing, unusable or repeated id",
            ),
            (
                json.replacen("\"id\":\"p2\"", "\"id\":\"p1\"", 1),
                "repeated id",
            ),
            (
                json.replacen("\"id\":\"r1\"", "\"id\":\"r 1\"", 1),
                "the reviewer's id",
            ),
            (
                json.replacen(&proposal_code("p2"), "P-0000-0000", 1),
                "does not match its id",
            ),
            (
                json.replacen("\"per_proposal\":3", "\"per_proposal\":0", 1),
                "1 to 20 reviewers",
            ),
            (
                json.replacen("\"reviewer\":", "\"reviewr\":", 1),
                "missing a part it must have (\u{201c}reviewer\u{201d})",
            ),
            (
                format!(
                    "{{\"format\":\"crossroads-assignment\",\"version\":1,\"assignment\":{}{}}}",
                    "[".repeat(300),
                    "]".repeat(300)
                ),
                "which no reviewer\u{2019}s assignment is",
            ),
        ];
        for (text, words) in cases {
            let got = message(&text);
            assert!(
                got.contains(words),
                "\u{201c}{got}\u{201d} should say {words}"
            );
        }
        let many: Vec<String> = (0..=crossroads_panel::panel::limits::PROPOSALS)
            .map(|i| {
                let id = format!("p{i}");
                format!("{{\"id\":\"{id}\",\"code\":\"{}\"}}", proposal_code(&id))
            })
            .collect();
        let at = json.find("\"proposals\":[").unwrap() + "\"proposals\":[".len();
        let end = at + json[at..].find(']').unwrap();
        let crowded = format!("{}{}{}", &json[..at], many.join(","), &json[end..]);
        assert!(message(&crowded).contains("at most 2000 are allowed"));
    }

    #[test]
    fn a_panel_file_round_trips_and_bad_ones_are_refused() {
        let p = panel();
        let json = panel_to_json(&p, 9);
        assert!(json.starts_with("{\"format\":\"crossroads-panel\",\"version\":1,"));
        assert_eq!(read_panel(&json), Ok(p.clone()));
        let message = |text: &str| read_panel(text).unwrap_err().to_string();
        assert!(
            message(&json.replacen("\"version\":1,", "\"version\":5,", 1)).starts_with(
                "This panel record was saved by a newer version of Crossroads (format 5)"
            )
        );
        assert!(
            message(&json.replacen("\"id\":\"panel-1\"", "\"id\":\"a/b\"", 1))
                .starts_with("This panel record cannot be used: the panel's id")
        );
        assert!(message(&assignment_to_json(&p, "r1", 1).unwrap())
            .starts_with("This is a reviewer\u{2019}s assignment, not a panel record."));
        assert!(message(&crate::review::review_to_json(&p.sheets[0], 1))
            .starts_with("This is a reviewer\u{2019}s score sheet, not a panel record."));
        assert_eq!(
            panel_file_name("springfield-2027", "2027-04-01"),
            "panel-springfield-2027-2027-04-01.json"
        );
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = read_assignment(&text);
            let _ = read_panel(&text);
        }

        #[test]
        fn arbitrary_json_after_a_real_header_never_panics(tail in "[\\[\\]{}\",:0-9a-z \\\\]{0,200}") {
            for format in ["crossroads-assignment", "crossroads-panel"] {
                let text = format!("{{\"format\":\"{format}\",\"version\":1,\"assignment\":{tail}, \"panel\":{tail}}}");
                let _ = read_assignment(&text);
                let _ = read_panel(&text);
            }
        }
    }
}
