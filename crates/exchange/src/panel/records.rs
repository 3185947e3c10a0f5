//! The panel's results as CSV for the district's records, with the same spreadsheet safety as
//! the reviewer's scores: a UTF-8 byte-order mark, RFC 4180 quoting, CRLF line ends, a header
//! row, and text a spreadsheet would run as a formula shown as text.

use super::{flags, last_stage, listing, place_words, range_words, two_decimals, Decided, Names};
use super::{DocOptions, StageFigures};
use crate::csv::row;
use crossroads_panel::Panel;
use crossroads_review::blind::proposal_code;
use crossroads_review::rubric::{Combine, Competition, CriterionKind};
use crossroads_review::scale::one_decimal;

/// The header row of [`panel_csv`].
pub const PANEL_CSV_HEADER: [&str; 17] = [
    "Row",
    "Proposal",
    "School",
    "Title",
    "Stage",
    "Criterion",
    "Place",
    "Place (standardised)",
    "Mean (0\u{2013}100)",
    "Mean score",
    "Reviewers",
    "Spread",
    "Flags",
    "Rank range (one reviewer left out)",
    "Requested",
    "Decision",
    "Awarded",
];

const ROW: usize = 0;
const STAGE: usize = 4;
const CRITERION: usize = 5;
const PLACE: usize = 6;
const PLACE_Z: usize = 7;
const MEAN: usize = 8;
const MEAN_UNITS: usize = 9;
const REVIEWERS: usize = 10;
const SPREAD: usize = 11;
const FLAGS: usize = 12;
const RANGE: usize = 13;
const REQUESTED: usize = 14;
const DECISION: usize = 15;
const AWARDED: usize = 16;

/// Dollars with cents and no symbol or grouping, so a spreadsheet reads a number.
fn dollars(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// The panel's results as CSV: for each proposal (the final order first, then the others by
/// code) a "Proposal" row with its place raw and standardised, mean total, reviewers, spread,
/// flags, rank range, amount requested, decision and amount awarded; a "Stage" row per stage
/// it reached when the competition has more than one; and a "Criterion" row per criterion of
/// each stage (mean, mean score in the criterion's units, count, spread, flag). `options.blind`
/// leaves school and title empty; the proposal column always holds the blind-review code.
pub fn panel_csv(
    competition: &Competition,
    panel: &Panel,
    decided: &Decided,
    options: &DocOptions,
) -> String {
    let names = Names::new(panel, options);
    let mut out = String::from("\u{feff}");
    row(&mut out, &PANEL_CSV_HEADER);
    for id in listing(panel, decided) {
        let code = proposal_code(&id);
        let lead = |kind: &str| {
            let mut cells = vec![String::new(); PANEL_CSV_HEADER.len()];
            cells[ROW] = kind.to_string();
            cells[1] = code.clone();
            cells[2] = names.school(&id).to_string();
            cells[3] = names.title(&id).to_string();
            cells
        };
        let mut cells = lead("Proposal");
        if let Some(figures) = last_stage(decided, &id) {
            stage_cells(competition, figures, &id, &mut cells);
        }
        if let (Combine::Blend(_), Some(blended)) = (&competition.combine, &decided.blended) {
            cells[STAGE] = "All stages, blended".into();
            cells[PLACE] = blended
                .ranked
                .iter()
                .find(|p| p.id == id)
                .map(place_words)
                .unwrap_or_default();
            cells[PLACE_Z].clear();
            cells[MEAN] = blended
                .rows
                .get(&id)
                .and_then(|r| r.final_total)
                .map(|t| one_decimal(&t))
                .unwrap_or_default();
        }
        let requested = panel
            .proposals
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.requested_cents);
        cells[REQUESTED] = requested.map(dollars).unwrap_or_default();
        if let Some(outcome) = decided.outcomes.get(&id) {
            cells[DECISION] = outcome.label().to_string();
            cells[AWARDED] = outcome.awarded_cents().map(dollars).unwrap_or_default();
        }
        row(&mut out, &cells);
        for figures in decided.stages.iter().filter(|s| s.proposals.contains(&id)) {
            if competition.stages.len() > 1 {
                let mut cells = lead("Stage");
                stage_cells(competition, figures, &id, &mut cells);
                row(&mut out, &cells);
            }
            let Some(stage) = competition.stage(&figures.stage) else {
                continue;
            };
            let Some(result) = figures.result.proposals.get(&id) else {
                continue;
            };
            for stat in &result.criteria {
                let Some(c) = stage.rubric.criterion(&stat.criterion) else {
                    continue;
                };
                let mut cells = lead("Criterion");
                cells[STAGE] = stage.name.clone();
                cells[CRITERION] = c.name.clone();
                cells[MEAN] = stat.mean.map(|m| one_decimal(&m)).unwrap_or_default();
                cells[MEAN_UNITS] = stat
                    .mean_units
                    .map(|m| match &c.kind {
                        CriterionKind::Points { max, .. } => {
                            format!("{} of {max} points", one_decimal(&m))
                        }
                        kind => format!(
                            "{} (levels {}\u{2013}{})",
                            one_decimal(&m),
                            kind.range().0,
                            kind.range().1
                        ),
                    })
                    .unwrap_or_default();
                cells[REVIEWERS] = stat.count.to_string();
                cells[SPREAD] = stat.spread.map(|s| s.to_string()).unwrap_or_default();
                if stat.flag {
                    cells[FLAGS] = "Wide disagreement".into();
                }
                row(&mut out, &cells);
            }
            for req in &result.requirements {
                let Some(c) = stage.rubric.criterion(&req.criterion) else {
                    continue;
                };
                let mut cells = lead("Criterion");
                cells[STAGE] = stage.name.clone();
                cells[CRITERION] = c.name.clone();
                cells[MEAN_UNITS] =
                    format!("Met for {} of {}", req.met, req.met + req.not_met.len());
                cells[REVIEWERS] = (req.met + req.not_met.len()).to_string();
                if !req.not_met.is_empty() {
                    cells[FLAGS] = "Requirement not met".into();
                }
                row(&mut out, &cells);
            }
        }
    }
    out
}

/// A proposal's figures at one stage, into a row's cells.
fn stage_cells(competition: &Competition, figures: &StageFigures, id: &str, cells: &mut [String]) {
    cells[STAGE] = competition
        .stage(&figures.stage)
        .map_or(figures.stage.clone(), |s| s.name.clone());
    let result = &figures.result;
    cells[PLACE] = result
        .ranked
        .iter()
        .find(|p| p.id == id)
        .map(place_words)
        .unwrap_or_default();
    let z = &figures.standardised;
    cells[PLACE_Z] = z
        .ranked
        .iter()
        .find(|p| p.id == id)
        .map(|p| {
            let total = z.proposals.get(id).and_then(|p| p.total);
            match total {
                Some(t) => format!("{} (z {})", place_words(p), two_decimals(t)),
                None => place_words(p),
            }
        })
        .unwrap_or_default();
    if let Some(p) = result.proposals.get(id) {
        cells[MEAN] = p.total.map(|t| one_decimal(&t)).unwrap_or_default();
        cells[REVIEWERS] = p.totals.len().to_string();
        cells[SPREAD] = p.total_spread.map(|s| one_decimal(&s)).unwrap_or_default();
    }
    cells[FLAGS] = flags(competition, figures, id).join("; ");
    cells[RANGE] = figures
        .ranges
        .iter()
        .find(|r| r.proposal == id)
        .map(range_words)
        .unwrap_or_default();
}

/// `panel-records-springfield-design-challenge-2027-05-01.csv`.
pub fn panel_csv_file_name(competition: &Competition, date: &str) -> String {
    super::files::joined(&["panel-records", &competition.brief.title, date], "csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::tests::{competition, decided_panel, options};

    use crate::csv::parse_back as parse;

    #[test]
    fn the_records_parse_back_with_a_row_per_proposal_stage_and_criterion() {
        let c = competition();
        let p = decided_panel();
        let d = Decided::compute(&c, &p);
        let text = panel_csv(&c, &p, &d, &options(false));
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
        let rows = parse(&text);
        assert_eq!(rows[0], PANEL_CSV_HEADER);
        let proposals: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "Proposal").collect();
        assert_eq!(proposals.len(), 5);
        let first = proposals[0];
        assert_eq!(first[1], proposal_code("p1"));
        assert_eq!(
            first[2..5],
            ["Lincoln Elementary", "Learning studios", "Pitch"]
        );
        assert_eq!(first[6], "1");
        assert_eq!(first[10], "3");
        assert_eq!(first[14..], ["100000.00", "Funded", "100000.00"]);
        let p2 = proposals[1];
        assert_eq!(p2[6], "2 (tied)");
        assert_eq!(p2[15], "Funded with changes at a reduced amount");
        assert_eq!(p2[16], "90000.00");
        // The title that looks like a formula is shown as text.
        let p5 = rows.iter().find(|r| r[1] == proposal_code("p5")).unwrap();
        assert_eq!(p5[3], "'=HYPERLINK(\"x\",\"Reading\")");
        assert_eq!(p5[15], "Not funded (not advanced)");
        assert!(p5[12].contains("1 reviewer left out"), "{p5:?}");
        let p4 = rows
            .iter()
            .find(|r| r[0] == "Proposal" && r[1] == proposal_code("p4"))
            .unwrap();
        assert!(
            p4[12].contains("Requirement not met: Principal signed"),
            "{p4:?}"
        );
        // Six written criteria for five proposals and a pitch's two for four, with stage rows.
        let criteria = rows.iter().filter(|r| r[0] == "Criterion").count();
        assert_eq!(criteria, 6 * 5 + 2 * 4);
        let stages = rows.iter().filter(|r| r[0] == "Stage").count();
        assert_eq!(stages, 5 + 4);
        let vision = rows
            .iter()
            .find(|r| r[1] == proposal_code("p1") && r[5] == "Vision")
            .unwrap();
        assert_eq!(vision[8..12], ["92.0", "23.0 of 25 points", "3", "2"]);
        assert!(rows.iter().all(|r| r.len() == PANEL_CSV_HEADER.len()));
    }

    #[test]
    fn blind_records_leave_school_and_title_out() {
        let c = competition();
        let p = decided_panel();
        let d = Decided::compute(&c, &p);
        let text = panel_csv(&c, &p, &d, &options(true));
        assert!(!text.contains("Lincoln") && !text.contains("studios"));
        let rows = parse(&text);
        assert!(rows[1..].iter().all(|r| r[2].is_empty() && r[3].is_empty()));
        assert_eq!(
            panel_csv_file_name(&c, "2027-05-01"),
            "panel-records-springfield-design-challenge-2027-05-01.csv"
        );
    }
}
