//! The review panel's files and documents: the assignment file each reviewer receives, the
//! panel's own record (to move it to another laptop or keep it in a backup), the CSV for the
//! district's records, the printable panel report and each team's feedback document.
//!
//! ```json
//! {"format":"crossroads-assignment","version":1,"exported_ms":…,"assignment":{"panel":"…","reviewer":{…},"proposals":[{"id":"…","code":"P-…"}],…}}
//! {"format":"crossroads-panel","version":1,"exported_ms":…,"panel":{"id":"…","competition":"…",…}}
//! ```
//!
//! The documents work from [`Decided`]: the panel crate's figures for every stage (combined
//! scores after the discussion's changes, standardised scores, rank ranges, shortlists, the
//! final order, the funding line and each proposal's outcome), computed once from the
//! competition and the panel's record by [`Decided::compute`]. The UI computes it once, shows it
//! on screen and hands the same value to [`panel_report`], [`panel_csv`] and
//! [`feedback_document`], so nothing is computed twice and the files say what the screen says.
//! Every function here is pure: dates and times come in as arguments.
//!
//! How the final order is chosen: when the brief's stages blend, the blended raw means (the
//! standardised scores of different stages do not blend); otherwise the last stage's order,
//! raw or standardised as the panel chose. The funding line follows that order over the brief's
//! fund and number of awards; a brief with neither has no line, and every outcome waits.

mod feedback;
mod files;
mod records;
mod report;

pub use crossroads_panel::{AssignedProposal, AssignmentFile};
pub use feedback::{feedback_document, feedback_file_name};
pub use files::{
    assignment_file_name, assignment_to_json, panel_file_name, panel_to_json, read_assignment,
    read_panel, PanelFile, PanelFileError, ASSIGNMENT_VERSION, MAX_ASSIGNMENT_BYTES,
    MAX_PANEL_BYTES, PANEL_VERSION,
};
pub use records::{panel_csv, panel_csv_file_name, PANEL_CSV_HEADER};
pub use report::{panel_report, panel_report_file_name};

pub(crate) use files::{ASSIGNMENT_FORMAT, PANEL_FORMAT};

use crossroads_panel::combine::{prepare, Failed, Prepared, StageResult};
use crossroads_panel::discussion::{apply_changes, Effective};
use crossroads_panel::funding::{funding_line, FundingEntry, FundingLine, StopReason};
use crossroads_panel::order::Placed;
use crossroads_panel::robust::{leave_one_out, RankRange};
use crossroads_panel::stages::{blend, Blended};
use crossroads_panel::standard::{standardise, Standardised};
use crossroads_panel::{combine, Panel};
use crossroads_review::blind::proposal_code;
use crossroads_review::rubric::{Combine, Competition};
use std::collections::BTreeMap;

/// What the documents show besides the panel's figures: titles, blind codes and the date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocOptions {
    /// Each proposal's title by id, from the teams' files; a proposal without one shows its code.
    pub titles: BTreeMap<String, String>,
    /// Shows proposals by their blind-review code only, never a title or a school.
    pub blind: bool,
    /// The date of export as the reader reads it (YYYY-MM-DD), printed in the footer.
    pub exported_on: String,
}

/// One stage's figures as the panel sees them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageFigures {
    /// The stage's id.
    pub stage: String,
    /// Whether proposals reached this stage (the first always does; a later one once the
    /// panel has chosen the shortlist of the stage before).
    pub reached: bool,
    /// The proposals considered at this stage.
    pub proposals: Vec<String>,
    /// The reviewers' scores combined (after the discussion's changes).
    pub result: StageResult,
    /// The standardised scores beside the raw ones.
    pub standardised: Standardised,
    /// The places each ranked proposal takes when one reviewer is left out.
    pub ranges: Vec<RankRange>,
    /// The proposals the panel advanced from this stage, if it has chosen them.
    pub shortlist: Option<Vec<String>>,
}

/// What became of one proposal, as the documents say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Funded at the amount requested, in cents.
    Funded { cents: i64 },
    /// Funded with changes at a reduced amount, in cents, with the amount requested.
    Reduced { cents: i64, requested: Option<i64> },
    /// Passed over by the panel at the funding line.
    Skipped,
    /// Below the funding line.
    NotFunded,
    /// Not chosen to go on from a stage (by the stage's name).
    NotAdvanced { stage: String },
    /// Not ranked at a stage because a requirement was not met.
    Failed { stage: String, failed: Failed },
    /// Not ranked at a stage because its scoring is not finished, with why.
    Incomplete { stage: String, why: String },
    /// Waiting for the panel, with why.
    Pending { why: String },
}

impl Outcome {
    /// The decision in a few words, for a table cell or a CSV column.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Funded { .. } => "Funded",
            Outcome::Reduced { .. } => "Funded with changes at a reduced amount",
            Outcome::Skipped => "Not funded (passed over by the panel)",
            Outcome::NotFunded => "Not funded",
            Outcome::NotAdvanced { .. } => "Not funded (not advanced)",
            Outcome::Failed { .. } => "Not ranked: a requirement was not met",
            Outcome::Incomplete { .. } => "Not ranked yet: scoring not finished",
            Outcome::Pending { .. } => "Not decided yet",
        }
    }

    /// The amount awarded, in cents, if any.
    pub fn awarded_cents(&self) -> Option<i64> {
        match self {
            Outcome::Funded { cents } | Outcome::Reduced { cents, .. } => Some(*cents),
            _ => None,
        }
    }
}

/// Everything the panel's documents show, computed once from the competition and the panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decided {
    /// The reviewers' files as combined: one per reviewer, with those refused and repeated.
    pub prepared: Prepared,
    /// The files with the discussion's changes applied, and what changed.
    pub effective: Effective,
    /// Every conflict the panel knows of, by reviewer then proposal, with the reason.
    pub conflicts: BTreeMap<String, BTreeMap<String, String>>,
    /// Each stage's figures, in the competition's order.
    pub stages: Vec<StageFigures>,
    /// The blend of the stages' totals, when the brief blends them.
    pub blended: Option<Blended>,
    /// The final order the funding line follows.
    pub order: Vec<Placed>,
    /// Whether the final order is by standardised scores.
    pub order_standardised: bool,
    /// The funding line, unless the brief sets neither a fund nor a number of awards.
    pub funding: Option<FundingLine>,
    /// Whether the brief sets no fund (only a number of awards), so no amount is left over.
    pub unlimited_fund: bool,
    /// What became of each proposal, by id.
    pub outcomes: BTreeMap<String, Outcome>,
}

/// A fund large enough never to run out, for a brief that sets only a number of awards.
const NO_LIMIT_CENTS: i64 = i64::MAX / 4;

impl Decided {
    /// The panel's figures: files prepared, the discussion's changes applied, every stage
    /// combined and standardised with its rank ranges, the final order, the funding line over
    /// the brief's fund and awards following the panel's decisions, and each proposal's outcome.
    pub fn compute(competition: &Competition, panel: &Panel) -> Decided {
        let prepared = prepare(competition, &[], &panel.sheets);
        let effective = apply_changes(competition, &prepared.sheets, &panel.changes);
        let conflicts = panel.conflicts();
        let mut stages = Vec::new();
        let mut reaching: Option<Vec<String>> =
            Some(panel.proposals.iter().map(|p| p.id.clone()).collect());
        for stage in &competition.stages {
            let reached = reaching.is_some();
            let proposals = reaching.take().unwrap_or_default();
            let result = combine(
                competition,
                &stage.id,
                &effective.sheets,
                &proposals,
                &conflicts,
            )
            .unwrap_or_default();
            let standardised =
                standardise(competition, &result, &effective.sheets).unwrap_or_default();
            let ranges = leave_one_out(&result);
            let shortlist = panel.shortlist.get(&stage.id).cloned();
            reaching = shortlist.clone();
            stages.push(StageFigures {
                stage: stage.id.clone(),
                reached,
                proposals,
                result,
                standardised,
                ranges,
                shortlist,
            });
        }
        let (blended, order, order_standardised) = match &competition.combine {
            Combine::Blend(_) => {
                let totals = stages
                    .iter()
                    .map(|s| (s.stage.clone(), s.result.means()))
                    .collect();
                let blended = blend(competition, &totals);
                let order = blended.ranked.clone();
                (Some(blended), order, false)
            }
            Combine::LastStage => match stages.last() {
                Some(last) if panel.use_standardised => {
                    (None, last.standardised.ranked.clone(), true)
                }
                Some(last) => (None, last.result.ranked.clone(), false),
                None => (None, Vec::new(), false),
            },
        };
        let award = &competition.brief.award;
        let requested = |id: &str| {
            panel
                .proposals
                .iter()
                .find(|p| p.id == id)
                .and_then(|p| p.requested_cents)
        };
        let unlimited_fund = award.fund_cents.is_none();
        let funding = (award.fund_cents.is_some() || award.awards.is_some()).then(|| {
            let entries: Vec<FundingEntry> = order
                .iter()
                .map(|p| FundingEntry {
                    id: p.id.clone(),
                    place: p.place,
                    requested_cents: requested(&p.id),
                })
                .collect();
            funding_line(
                &entries,
                award.fund_cents.unwrap_or(NO_LIMIT_CENTS),
                award.awards,
                &panel.decisions,
            )
        });
        let mut decided = Decided {
            prepared,
            effective,
            conflicts,
            stages,
            blended,
            order,
            order_standardised,
            funding,
            unlimited_fund,
            outcomes: BTreeMap::new(),
        };
        for p in &panel.proposals {
            let outcome = decided.outcome_of(competition, &p.id, requested(&p.id));
            decided.outcomes.insert(p.id.clone(), outcome);
        }
        decided
    }

    /// The figures of one stage, by id.
    pub fn stage(&self, id: &str) -> Option<&StageFigures> {
        self.stages.iter().find(|s| s.stage == id)
    }

    fn outcome_of(&self, competition: &Competition, id: &str, requested: Option<i64>) -> Outcome {
        let name = |stage: &str| {
            competition
                .stage(stage)
                .map_or(stage.to_string(), |s| s.name.clone())
        };
        for (i, figures) in self.stages.iter().enumerate() {
            if !figures.proposals.iter().any(|p| p == id) {
                continue;
            }
            let stage = name(&figures.stage);
            if let Some(failed) = figures.result.failed.iter().find(|f| f.proposal == id) {
                return Outcome::Failed {
                    stage,
                    failed: failed.clone(),
                };
            }
            if let Some((_, why)) = figures.result.incomplete.iter().find(|(p, _)| p == id) {
                return Outcome::Incomplete {
                    stage,
                    why: why.clone(),
                };
            }
            let Some(next) = competition.stages.get(i + 1) else {
                break;
            };
            match &figures.shortlist {
                Some(list) if list.iter().any(|p| p == id) => {}
                Some(_) => return Outcome::NotAdvanced { stage },
                None => {
                    return Outcome::Pending {
                        why: format!(
                            "the panel has not yet chosen the proposals that go on to \u{201c}{}\u{201d}",
                            next.name
                        ),
                    }
                }
            }
        }
        let Some(line) = &self.funding else {
            return Outcome::Pending {
                why: "the brief sets no fund and no number of awards, so there is no funding line"
                    .into(),
            };
        };
        if let Some(f) = line.funded.iter().find(|f| f.id == id) {
            return match f.reduced {
                true => Outcome::Reduced {
                    cents: f.cents,
                    requested,
                },
                false => Outcome::Funded { cents: f.cents },
            };
        }
        if line.skipped.iter().any(|p| p == id) {
            return Outcome::Skipped;
        }
        if let Some(stop) = line.stop.as_ref().filter(|s| s.at.iter().any(|p| p == id)) {
            return match stop.why {
                StopReason::DoesNotFit => Outcome::Pending {
                    why: "the funding line stops here: the request is more than is left, and the panel decides"
                        .into(),
                },
                StopReason::Tie => Outcome::Pending {
                    why: "it is tied at the funding line with another proposal, and the panel decides"
                        .into(),
                },
                StopReason::NoAmount => Outcome::Pending {
                    why: "it has no requested amount to fund yet".into(),
                },
                StopReason::AwardsUsed | StopReason::PanelStopped => Outcome::NotFunded,
            };
        }
        if line.below.iter().any(|p| p == id) {
            return Outcome::NotFunded;
        }
        Outcome::Pending {
            why: "it has no final total yet".into(),
        }
    }
}

/// How a document names proposals and reviewers.
pub(crate) struct Names<'a> {
    panel: &'a Panel,
    options: &'a DocOptions,
}

impl<'a> Names<'a> {
    pub(crate) fn new(panel: &'a Panel, options: &'a DocOptions) -> Names<'a> {
        Names { panel, options }
    }

    /// The proposal's title, or empty when blind or unknown.
    pub(crate) fn title(&self, id: &str) -> &str {
        match self.options.blind {
            true => "",
            false => self.options.titles.get(id).map_or("", |t| t.trim()),
        }
    }

    /// The proposing school, or empty when blind or unknown.
    pub(crate) fn school(&self, id: &str) -> &str {
        match self.options.blind {
            true => "",
            false => self
                .panel
                .proposals
                .iter()
                .find(|p| p.id == id)
                .map_or("", |p| p.school.trim()),
        }
    }

    /// The proposal as a reader recognises it: its code, then its title and school unless blind.
    pub(crate) fn proposal(&self, id: &str) -> String {
        let mut out = proposal_code(id);
        let (title, school) = (self.title(id), self.school(id));
        match (title.is_empty(), school.is_empty()) {
            (true, true) => {}
            (false, true) => out = format!("{out} \u{b7} {title}"),
            (true, false) => out = format!("{out} \u{b7} {school}"),
            (false, false) => out = format!("{out} \u{b7} {title} ({school})"),
        }
        out
    }

    /// A reviewer's name on the panel, else in their file, else their id.
    pub(crate) fn reviewer(&self, id: &str) -> String {
        self.panel
            .reviewers
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.clone())
            .or_else(|| {
                self.panel
                    .sheets
                    .iter()
                    .find(|s| s.reviewer.id == id)
                    .map(|s| s.reviewer.name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }
}

/// What the panel should notice about a proposal at a stage, in short plain phrases: a failed
/// requirement, unfinished scoring, totals or criteria far apart, reviewers left out.
pub(crate) fn flags(competition: &Competition, figures: &StageFigures, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let stage = competition.stage(&figures.stage);
    let criterion_name = |c: &str| {
        stage
            .and_then(|s| s.rubric.criterion(c))
            .map_or(c.to_string(), |c| c.name.clone())
    };
    let result = &figures.result;
    if let Some(f) = result.failed.iter().find(|f| f.proposal == id) {
        out.push(format!("Requirement not met: {}", f.requirement));
    }
    if let Some((_, why)) = result.incomplete.iter().find(|(p, _)| p == id) {
        out.push(format!("Not ranked: {why}"));
    }
    let Some(p) = result.proposals.get(id) else {
        return out;
    };
    if p.total_flag {
        out.push("Reviewers\u{2019} totals far apart".into());
    }
    let wide: Vec<String> = p
        .criteria
        .iter()
        .filter(|c| c.flag)
        .map(|c| criterion_name(&c.criterion))
        .collect();
    if !wide.is_empty() {
        out.push(format!("Wide disagreement on {}", wide.join(", ")));
    }
    match p.conflicted.len() {
        0 => {}
        1 => out.push("1 reviewer left out for a conflict of interest".into()),
        n => out.push(format!("{n} reviewers left out for a conflict of interest")),
    }
    match p.incomplete_reviewers.len() {
        0 => {}
        1 => out.push("1 reviewer scored only part of it".into()),
        n => out.push(format!("{n} reviewers scored only part of it")),
    }
    out
}

/// The last stage `id` was considered at, with its figures.
pub(crate) fn last_stage<'d>(decided: &'d Decided, id: &str) -> Option<&'d StageFigures> {
    decided
        .stages
        .iter()
        .rev()
        .find(|s| s.proposals.iter().any(|p| p == id))
}

/// The proposals in the order documents list them: the final order, then the others by code.
pub(crate) fn listing(panel: &Panel, decided: &Decided) -> Vec<String> {
    let mut out: Vec<String> = decided.order.iter().map(|p| p.id.clone()).collect();
    let mut rest: Vec<&String> = panel
        .proposals
        .iter()
        .map(|p| &p.id)
        .filter(|id| !out.contains(id))
        .collect();
    rest.sort_by_key(|id| proposal_code(id));
    out.extend(rest.into_iter().cloned());
    out
}

/// A place in an order, "2" or "2 (tied)".
pub(crate) fn place_words(p: &Placed) -> String {
    match p.tied {
        true => format!("{} (tied)", p.place),
        false => p.place.to_string(),
    }
}

/// A standardised score to two decimals, by integer arithmetic (float formatting costs the
/// WebAssembly build its code).
pub(crate) fn two_decimals(z: f64) -> String {
    let hundredths = (z * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// The range of places with one reviewer left out, "2\u{2013}4" or "3".
pub(crate) fn range_words(r: &RankRange) -> String {
    match r.best == r.worst {
        true => r.best.to_string(),
        false => format!("{}\u{2013}{}", r.best, r.worst),
    }
}

/// The styles every panel document shares, after the proposal document's look. Page margins
/// only, no page size, so the same file prints on A4 and on US Letter.
pub(crate) const STYLE: &str = "\
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:2.5rem 1.5rem 4rem;color:#1b2430;background:#fff;font-family:\"Iowan Old Style\",\"Palatino Linotype\",Palatino,\"Book Antiqua\",Georgia,serif;font-size:1.05rem;line-height:1.55}
h1,h2,h3,h4{line-height:1.25;color:#14283a}
p{margin:0 0 .6rem}
h1{font-size:2rem;margin:.2rem 0 .4rem}
h2{font-size:1.45rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:2px solid #1d4f73}
h3{font-size:1.08rem;margin:1.2rem 0 .35rem;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}
h4{font-size:1rem;margin:.8rem 0 .3rem;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}
.kicker{margin:0;color:#0b5a54;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.85rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase}
.district{font-size:1.25rem;color:#3c4858}
.facts{display:grid;gap:.4rem;margin:1rem 0}
.fact{display:grid;grid-template-columns:12rem 1fr;gap:1rem}
.fact dt{font-weight:700;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.92rem}
.fact dd{margin:0}
.meta{color:#4a5565;font-size:.95rem}
.criterion{break-inside:avoid;margin:0 0 1.2rem}
table{width:100%;border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.2rem 0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.9rem;color:#14283a}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border:1px solid #8c96a3;overflow-wrap:break-word}
th{background:#eef2f6;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.85rem}
tbody th{background:#f7f9fb;font-weight:600}
tr{break-inside:avoid}
td.n{white-space:nowrap;font-variant-numeric:tabular-nums}
tr.mark td,tr.mark th{background:#fff4d6;font-weight:700}
.comments{padding-left:1.3rem}
.comments li{margin-bottom:.4rem}
.decision{border:2px solid #1d4f73;padding:.8rem 1rem;margin:1rem 0}
p,li,dd,td{overflow-wrap:anywhere}
footer{margin-top:2.5rem;color:#4a5565;font-size:.9rem}
@media print{body{padding:0;max-width:none;font-size:11pt}h2,h3,h4{break-after:avoid}thead{display:table-header-group}.stage{break-before:page}}
@page{margin:18mm 16mm}
@media screen and (max-width:36em){body{padding:1rem}.fact{grid-template-columns:1fr;gap:.2rem}table{display:block;overflow-x:auto;max-width:100%}th,td{overflow-wrap:normal}}
";

/// The start of a panel document up to `<body>`: language, title, no script allowed, styles.
pub(crate) fn head(out: &mut String, title: &str) {
    use std::fmt::Write;
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"generator\" content=\"Crossroads\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>",
        html_escape::encode_text(title.trim())
    );
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
}

#[cfg(test)]
pub(crate) mod tests;
