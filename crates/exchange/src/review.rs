//! The reviewer file, which carries one reviewer's score sheet from the reviewer's desk to the
//! district, and the scores as a CSV file for a spreadsheet.
//!
//! ```json
//! {"format":"crossroads-review","version":1,"exported_ms":…,"sheet":{"id":"…","reviewer":{…},…}}
//! ```

use crate::brief::{district_json, parse, BriefFileError};
use crate::csv::row;
use crate::file::ImportError;
use crossroads_review::blind::proposal_code;
use crossroads_review::rubric::{Competition, CriterionKind};
use crossroads_review::scale::{normalized, one_decimal, total, Exact, Total};
use crossroads_review::sheet::{ProposalScores, ScoreSheet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` every reviewer file names.
pub(crate) const FORMAT: &str = "crossroads-review";
/// The version of the reviewer file this build writes.
pub const REVIEW_VERSION: u32 = 1;
/// Reviewer files larger than this are refused before they are read.
pub const MAX_REVIEW_BYTES: usize = 16 * 1024 * 1024;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    sheet: &'a ScoreSheet,
}

#[derive(Deserialize)]
struct In {
    sheet: ScoreSheet,
}

/// Why a reviewer file could not be opened. `Display` gives the message shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewFileError(pub BriefFileError);

impl fmt::Display for ReviewFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.words("score sheet", REVIEW_VERSION, f)
    }
}

impl std::error::Error for ReviewFileError {}

/// The reviewer file's JSON.
pub fn review_to_json(sheet: &ScoreSheet, exported_ms: u64) -> String {
    serde_json::to_string(&Out {
        format: FORMAT,
        version: REVIEW_VERSION,
        exported_ms,
        sheet,
    })
    .expect("a score sheet always serializes")
}

/// Reads a reviewer file and checks the sheet on its own (ids, counts, lengths); whether it
/// fits a competition is [`ScoreSheet::check_against`].
pub fn read_review(text: &str) -> Result<ScoreSheet, ReviewFileError> {
    let (json, version) =
        district_json(text, MAX_REVIEW_BYTES, FORMAT, FORMAT).map_err(ReviewFileError)?;
    if version > REVIEW_VERSION {
        return Err(ReviewFileError(BriefFileError::File(
            ImportError::NewerVersion { version },
        )));
    }
    let file: In = parse(json).map_err(ReviewFileError)?;
    file.sheet
        .check()
        .map_err(|why| ReviewFileError(BriefFileError::Unusable(why)))?;
    Ok(file.sheet)
}

/// The header row of [`scores_csv`].
pub const CSV_HEADER: [&str; 11] = [
    "Proposal",
    "School",
    "Title",
    "Stage",
    "Criterion",
    "Score",
    "Level or band",
    "Out of",
    "On the 0\u{2013}100 scale",
    "Confidence",
    "Comment",
];

/// One reviewer's scores as CSV for a spreadsheet: a header row, then for each proposal (in the
/// order given: id, title, school) and each stage it has scores at, one row per criterion, one
/// per bonus item, a row for the stage's total and one for the recommendation; a proposal the
/// reviewer declared a conflict with gets one row saying so and no scores.
///
/// `blind` leaves the school empty; masking the titles is the caller's (pass them masked). The
/// proposal column holds the blind-review code, the same on every desk.
///
/// The quoting is written here rather than with the `csv` crate: RFC 4180 quoting is a few lines
/// (below), while the byte-order mark that spreadsheets need to read UTF-8 and the guard against
/// cells a spreadsheet would run as formulas are ours either way, and the crate's writer would
/// add its code to the reviewer's WebAssembly for nothing. The tests read the output back with
/// the `csv` crate.
pub fn scores_csv(
    competition: &Competition,
    sheet: &ScoreSheet,
    proposals: &[(String, String, String)],
    blind: bool,
) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &CSV_HEADER);
    for (id, title, school) in proposals {
        let code = proposal_code(id);
        let school = if blind { "" } else { school.as_str() };
        let lead = [code.as_str(), school, title.as_str()];
        if let Some(reason) = sheet.conflicts.get(id) {
            let mut cells = empty_row(&lead, "");
            cells[4] = "Conflict of interest".into();
            cells[10] = reason.clone();
            row(&mut out, &cells);
            continue;
        }
        for stage in &competition.stages {
            let Some(scores) = sheet.scores(&stage.id, id) else {
                continue;
            };
            stage_rows(&mut out, &lead, &stage.name, &stage.rubric, scores);
        }
    }
    out
}

fn empty_row(lead: &[&str; 3], stage: &str) -> Vec<String> {
    let mut cells = vec![String::new(); CSV_HEADER.len()];
    for (cell, value) in cells.iter_mut().zip(lead) {
        *cell = (*value).to_string();
    }
    cells[3] = stage.to_string();
    cells
}

fn stage_rows(
    out: &mut String,
    lead: &[&str; 3],
    stage: &str,
    rubric: &crossroads_review::rubric::Rubric,
    scores: &ProposalScores,
) {
    for c in &rubric.criteria {
        let mut cells = empty_row(lead, stage);
        cells[4] = c.name.clone();
        let given = scores.criteria.get(&c.id);
        let value = given.and_then(|s| s.value);
        if let Some(v) = value {
            cells[5] = v.to_string();
            cells[6] = c.kind.label_of(v).unwrap_or("").to_string();
            cells[8] = normalized(&c.kind, v)
                .map(|s| one_decimal(&s))
                .unwrap_or_default();
        }
        cells[7] = match &c.kind {
            CriterionKind::Requirement => "Met (1) or not (0)".into(),
            kind => kind.range().1.to_string(),
        };
        if let Some(s) = given {
            cells[9] = s.confidence.map(|c| c.label()).unwrap_or("").to_string();
            cells[10] = s.comment.clone();
        }
        row(out, &cells);
    }
    if let Some(bonus) = &rubric.bonus {
        for item in &bonus.items {
            let mut cells = empty_row(lead, stage);
            cells[4] = format!("Bonus: {}", item.name);
            if let Some(points) = scores.bonus.get(&item.id) {
                cells[5] = points.to_string();
                cells[8] = points.min(&item.max).to_string();
            }
            cells[7] = item.max.to_string();
            row(out, &cells);
        }
    }
    let mut cells = empty_row(lead, stage);
    cells[4] = "Total".into();
    match total(rubric, scores) {
        Total::Complete { score, bonus } => {
            let overall: Exact = score + bonus;
            cells[8] = one_decimal(&overall);
            if bonus > Exact::from_integer(0) {
                cells[10] = format!("{} and {} bonus", one_decimal(&score), one_decimal(&bonus));
            }
        }
        Total::Incomplete { scored, of } => cells[10] = format!("{scored} of {of} scored"),
        Total::Failed { criterion, reason } => {
            cells[10] = match reason.is_empty() {
                true => format!("Not ranked: \u{201c}{criterion}\u{201d} not met"),
                false => format!("Not ranked: \u{201c}{criterion}\u{201d} not met ({reason})"),
            }
        }
    }
    row(out, &cells);
    if scores.recommendation.is_some() || !scores.recommendation_reason.trim().is_empty() {
        let mut cells = empty_row(lead, stage);
        cells[4] = "Recommendation".into();
        cells[5] = scores
            .recommendation
            .map(|r| r.label())
            .unwrap_or("")
            .to_string();
        cells[10] = scores.recommendation_reason.clone();
        row(out, &cells);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_review::sheet::{Confidence, CriterionScore, Recommendation, Reviewer};

    fn competition() -> Competition {
        crate::brief::tests::competition()
    }

    fn sheet() -> ScoreSheet {
        let c = competition();
        let mut sheet = ScoreSheet::new(
            "s1",
            Reviewer {
                id: "r1".into(),
                name: "Dana Okafor".into(),
            },
            &c,
            7,
        );
        let mut written = ProposalScores {
            recommendation: Some(Recommendation::FundWithChanges),
            recommendation_reason: "Strong, but the budget needs work".into(),
            ..Default::default()
        };
        for (i, criterion) in c.stages[0].rubric.criteria.iter().enumerate() {
            written.criteria.insert(
                criterion.id.clone(),
                CriterionScore {
                    value: Some(1 + (i as u32 % 4)),
                    comment: match i {
                        0 => "=HYPERLINK(\"http://x\")".into(),
                        1 => "First line\r\nsecond, with \"quotes\"".into(),
                        2 => "Señora Núñez\u{2019}s plan, très bien".into(),
                        3 => "-2 for missing data".into(),
                        4 => "@SUM(A1)".into(),
                        _ => "\tTabbed".into(),
                    },
                    confidence: Some(Confidence::High),
                },
            );
        }
        let mut pitch = ProposalScores::default();
        pitch.criteria.insert(
            "vision".into(),
            CriterionScore {
                value: Some(20),
                ..Default::default()
            },
        );
        pitch.bonus.insert("partner".into(), 5);
        sheet.stages.insert(
            "written".into(),
            [("p1".to_string(), written)].into_iter().collect(),
        );
        sheet.stages.insert(
            "pitch".into(),
            [("p1".to_string(), pitch)].into_iter().collect(),
        );
        sheet
            .conflicts
            .insert("p2".into(), "+1 I coached this team".into());
        sheet
    }

    fn proposals() -> Vec<(String, String, String)> {
        vec![
            (
                "p1".into(),
                "Learning studios, grades 6\u{2013}8".into(),
                "José Martí Middle".into(),
            ),
            ("p2".into(), "Flex days".into(), "Lincoln Elementary".into()),
        ]
    }

    use crate::csv::parse_back as parse;

    #[test]
    fn the_scores_csv_parses_back_cell_for_cell_with_formulas_guarded() {
        let text = scores_csv(&competition(), &sheet(), &proposals(), false);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.ends_with("\r\n"));
        let rows = parse(&text);
        assert_eq!(rows[0], CSV_HEADER);
        let code = proposal_code("p1");
        // 6 criteria, a total and a recommendation; then vision, signed, a bonus and a total.
        assert_eq!(rows.len(), 1 + 8 + 4 + 1, "{rows:#?}");
        let first = &rows[1];
        assert_eq!(
            first[..9],
            [
                code.as_str(),
                "José Martí Middle",
                "Learning studios, grades 6\u{2013}8",
                "Written proposal",
                "Clear on the problems to solve",
                "1",
                "Beginning",
                "4",
                "0.0"
            ]
        );
        assert_eq!(first[9], "High");
        assert_eq!(first[10], "'=HYPERLINK(\"http://x\")");
        assert_eq!(rows[2][10], "First line\r\nsecond, with \"quotes\"");
        assert_eq!(rows[2][8], "33.3");
        assert_eq!(rows[3][10], "Señora Núñez\u{2019}s plan, très bien");
        assert_eq!(rows[4][10], "'-2 for missing data");
        assert_eq!(rows[5][10], "'@SUM(A1)");
        assert_eq!(rows[6][10], "'\tTabbed");
        assert_eq!(rows[7][4], "Total");
        assert_eq!(rows[8][4..6], ["Recommendation", "Fund with changes"]);
        assert_eq!(rows[10][4], "Principal signed");
        assert_eq!(rows[10][7], "Met (1) or not (0)");
        assert_eq!(
            rows[11][4..9],
            ["Bonus: Community partner", "5", "", "5", "5"]
        );
        assert_eq!(rows[12][10], "1 of 2 scored");
        assert_eq!(rows[13][4], "Conflict of interest");
        assert_eq!(rows[13][10], "'+1 I coached this team");
        // The comment's line break stays inside its quoted field.
        assert!(text.contains("\"First line\r\nsecond, with \"\"quotes\"\"\""));
    }

    #[test]
    fn a_blind_csv_leaves_the_school_out() {
        let text = scores_csv(&competition(), &sheet(), &proposals(), true);
        assert!(!text.contains("Martí") && !text.contains("Lincoln"));
        let rows = parse(&text);
        assert!(rows[1..].iter().all(|r| r[1].is_empty()));
        assert_eq!(rows[1][0], proposal_code("p1"));
    }

    #[test]
    fn a_reviewer_file_round_trips_and_bad_ones_are_refused_in_plain_words() {
        let s = sheet();
        let json = review_to_json(&s, 9);
        assert!(json.starts_with("{\"format\":\"crossroads-review\",\"version\":1,"));
        assert_eq!(read_review(&json), Ok(s.clone()));
        let brief = crate::brief::brief_to_json(&competition(), 1);
        assert!(read_review(&brief)
            .unwrap_err()
            .to_string()
            .starts_with("This is a district\u{2019}s brief, not a score sheet."));
        let newer = json.replacen("\"version\":1,", "\"version\":3,", 1);
        assert!(read_review(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer version of Crossroads (format 3)"));
        let bad = json.replacen("\"id\":\"s1\"", "\"id\":\"s 1\"", 1);
        assert!(read_review(&bad)
            .unwrap_err()
            .to_string()
            .starts_with("This score sheet cannot be used: the score sheet's id"));
        assert!(read_review("nonsense")
            .unwrap_err()
            .to_string()
            .starts_with("This is not a Crossroads score sheet."));
        assert!(read_review(&json[..30])
            .unwrap_err()
            .to_string()
            .starts_with("This score sheet file is damaged"));
    }
}
