//! The brief file a district sends its schools: the whole competition as JSON, or as one
//! self-contained HTML document to read and print (the request for proposals) that carries the
//! same JSON, so either file can be opened again.
//!
//! ```json
//! {"format":"crossroads-brief","version":1,"exported_ms":…,"competition":{"brief":{…},"stages":[…],…}}
//! ```
//!
//! A team's page reads only the team-facing part with [`read_brief_terms`], which never touches
//! the rubric's code.

use crate::file::{checked_json, ImportError, MAX_DEPTH};
use crate::html::script_safe_json;
use crossroads_review::rubric::{Combine, Competition, CriterionKind, Rubric, Stage};
use crossroads_review::scale::{one_decimal, Exact};
use crossroads_workbook::brief::ExtraKind;
use crossroads_workbook::budget::format_amount;
use crossroads_workbook::{Brief, Catalog};
use html_escape::encode_text as text;
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write};

/// The `format` every brief file names.
pub(crate) const FORMAT: &str = "crossroads-brief";
/// The id of the brief document's data element.
pub(crate) const DATA_ELEMENT_ID: &str = "crossroads-brief";
/// The version of the brief file this build writes.
pub const BRIEF_VERSION: u32 = 1;
/// Brief files larger than this are refused before they are read (a brief with every part at
/// its limit is far smaller).
pub const MAX_BRIEF_BYTES: usize = 8 * 1024 * 1024;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    competition: &'a Competition,
}

#[derive(Deserialize)]
struct In {
    competition: Competition,
}

/// Only the team-facing part: serde passes over the stages and the rubric.
#[derive(Deserialize)]
struct TermsIn {
    competition: TermsCompetition,
}

#[derive(Deserialize)]
struct TermsCompetition {
    brief: Brief,
}

#[derive(Deserialize)]
struct Peek {
    format: Option<String>,
}

/// Why a brief or reviewer file could not be opened. `Display` gives the message shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BriefFileError {
    /// Empty, too large, damaged, nested too deep, from a newer version, or missing a part.
    File(ImportError),
    /// Another kind of Crossroads file ("a team’s proposal").
    OtherKind(&'static str),
    /// Not a Crossroads file at all.
    NotABrief,
    /// The brief reads but cannot be used, with why.
    Unusable(String),
}

/// What a file is, for the error that says what it is instead.
pub(crate) fn other_kind(format: &str) -> Option<&'static str> {
    match format {
        crate::file::FORMAT => Some("a team\u{2019}s proposal"),
        crate::backup::FORMAT => Some("a backup of drafts"),
        crate::workshop::FORMAT => Some("a workshop plan"),
        FORMAT => Some("a district\u{2019}s brief"),
        crate::review::FORMAT => Some("a reviewer\u{2019}s score sheet"),
        crate::panel::ASSIGNMENT_FORMAT => Some("a reviewer\u{2019}s assignment"),
        crate::panel::PANEL_FORMAT => Some("a panel\u{2019}s record"),
        _ => None,
    }
}

/// The JSON of a district file (brief or review) after every check but its version: size,
/// emptiness, the data element of an HTML document, nesting, syntax and the format it names.
pub(crate) fn district_json<'a>(
    text: &'a str,
    max_bytes: usize,
    format: &str,
    element: &str,
) -> Result<(&'a str, u32), BriefFileError> {
    if text.len() > max_bytes {
        return Err(BriefFileError::File(ImportError::TooLarge {
            bytes: text.len(),
            limit: max_bytes,
        }));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let source = match trimmed.starts_with('<') {
        true => data_in_html(trimmed, element).unwrap_or(trimmed),
        false => trimmed,
    };
    let (json, version) = checked_json(source, max_bytes, format).map_err(|e| match e {
        ImportError::IsProposal => {
            BriefFileError::OtherKind(other_kind(crate::file::FORMAT).unwrap())
        }
        ImportError::IsBackup => {
            BriefFileError::OtherKind(other_kind(crate::backup::FORMAT).unwrap())
        }
        ImportError::NotAProposal => serde_json::from_str::<Peek>(source)
            .ok()
            .and_then(|p| p.format)
            .and_then(|f| other_kind(&f))
            .map_or(BriefFileError::NotABrief, BriefFileError::OtherKind),
        other => BriefFileError::File(other),
    })?;
    match version {
        None => Err(BriefFileError::File(ImportError::MissingField(
            "version".into(),
        ))),
        Some(0) => Err(BriefFileError::File(ImportError::Damaged(
            "its format version is 0".into(),
        ))),
        Some(v) => Ok((json, v)),
    }
}

/// Reads the part of a district file a caller wants, naming a missing part or the damage.
pub(crate) fn parse<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, BriefFileError> {
    serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        BriefFileError::File(match message.strip_prefix("missing field `") {
            Some(rest) => ImportError::MissingField(rest.split('`').next().unwrap_or("").into()),
            None => ImportError::Damaged(message),
        })
    })
}

/// The text of the first `<script>` element whose start tag carries `id="{element}"`.
fn data_in_html<'a>(html: &'a str, element: &str) -> Option<&'a str> {
    let marker = format!("id=\"{element}\"");
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let tag = &rest[at..];
        let tag_end = tag.find('>')?;
        let body = &tag[tag_end + 1..];
        if tag[..tag_end].contains(&marker) {
            let end = body.find("</script")?;
            return Some(body[..end].trim());
        }
        rest = body;
    }
    None
}

impl BriefFileError {
    /// The message, for a file that should have been `what` ("brief", "score sheet").
    pub(crate) fn words(
        &self,
        what: &str,
        version: u32,
        f: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        match self {
            BriefFileError::File(ImportError::NewerVersion { version: v }) => write!(
                f,
                "This {what} was saved by a newer version of Crossroads (format {v}); this version reads format \
                 {version} and older. Open it with the newer version."
            ),
            BriefFileError::File(ImportError::MissingField(field)) => write!(
                f,
                "This {what} file is missing a part it must have (\u{201c}{field}\u{201d}), so it cannot be used."
            ),
            BriefFileError::File(ImportError::Damaged(detail)) => {
                write!(f, "This {what} file is damaged and cannot be read ({detail}).")
            }
            BriefFileError::File(ImportError::TooDeep) => write!(
                f,
                "This file\u{2019}s data is nested more than {MAX_DEPTH} levels deep, which no {what} is, so it was not read."
            ),
            BriefFileError::File(other) => fmt::Display::fmt(other, f),
            BriefFileError::OtherKind(kind) => write!(
                f,
                "This is {kind}, not a {what}. Choose the {what} file (HTML or JSON) that Crossroads saved."
            ),
            BriefFileError::NotABrief => write!(
                f,
                "This is not a Crossroads {what}. Choose the {what} file (HTML or JSON) that Crossroads saved."
            ),
            BriefFileError::Unusable(why) => {
                write!(f, "This {what} cannot be used: {why}.")
            }
        }
    }
}

impl fmt::Display for BriefFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.words("brief", BRIEF_VERSION, f)
    }
}

impl std::error::Error for BriefFileError {}

/// The brief file's JSON.
pub fn brief_to_json(competition: &Competition, exported_ms: u64) -> String {
    serde_json::to_string(&Out {
        format: FORMAT,
        version: BRIEF_VERSION,
        exported_ms,
        competition,
    })
    .expect("a competition always serializes")
}

fn read_json(text: &str) -> Result<&str, BriefFileError> {
    let (json, version) = district_json(text, MAX_BRIEF_BYTES, FORMAT, DATA_ELEMENT_ID)?;
    if version > BRIEF_VERSION {
        return Err(BriefFileError::File(ImportError::NewerVersion { version }));
    }
    Ok(json)
}

/// Reads a brief file, JSON or the HTML document, and checks the competition it holds.
pub fn read_brief(text: &str) -> Result<Competition, BriefFileError> {
    let file: In = parse(read_json(text)?)?;
    file.competition.check().map_err(BriefFileError::Unusable)?;
    Ok(file.competition)
}

/// Reads only what a team answers from a brief file (no stages, no rubric), and checks it.
pub fn read_brief_terms(text: &str) -> Result<Brief, BriefFileError> {
    let file: TermsIn = parse(read_json(text)?)?;
    file.competition
        .brief
        .check()
        .map_err(BriefFileError::Unusable)?;
    Ok(file.competition.brief)
}

/// `brief-springfield-design-challenge-v2.html`.
pub fn brief_file_name(competition: &Competition, extension: &str) -> String {
    let slug: String = competition
        .brief
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).take(6).collect();
    let name = match slug.is_empty() {
        true => "brief".to_string(),
        false => format!("brief-{}", slug.join("-")),
    };
    format!("{name}-v{}.{extension}", competition.brief.version)
}

const STYLE: &str = "\
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:2.5rem 1.5rem 4rem;color:#1b2430;background:#fff;font-family:\"Iowan Old Style\",\"Palatino Linotype\",Palatino,Georgia,serif;font-size:1.05rem;line-height:1.55}
h1,h2,h3{line-height:1.25;color:#14283a}
p{margin:0 0 .6rem}
h1{font-size:2rem;margin:.2rem 0 .4rem}
h2{font-size:1.45rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:2px solid #1d4f73}
h3{font-size:1.08rem;margin:1.2rem 0 .35rem;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}
.kicker{margin:0;color:#0b5a54;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.85rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase}
.district{font-size:1.25rem;color:#3c4858}
.facts{display:grid;gap:.4rem;margin:1rem 0}
.fact{display:grid;grid-template-columns:11rem 1fr;gap:1rem}
.fact dt{font-weight:700;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.92rem}
.fact dd{margin:0}
.meta{color:#4a5565;font-size:.95rem}
.criterion h3+.meta{margin-top:-.2rem}
.criterion{break-inside:avoid;margin:0 0 1.2rem}
table{width:100%;border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border:1px solid #8c96a3;overflow-wrap:break-word}
th{background:#eef2f6;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:.85rem}
tr{break-inside:avoid}
td.n{white-space:nowrap;font-variant-numeric:tabular-nums}
footer{margin-top:2.5rem;color:#5b6573;font-size:.9rem}
@media print{body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}h3{break-after:avoid}.stage{break-before:page}}
@page{margin:18mm 16mm}
";

/// The request for proposals: one document to read and print (A4 or US Letter) with the
/// competition's title, district, deadline and award, what the district expects for students,
/// the stages and how they combine, each stage's rubric (levels with their descriptions, points
/// with their bands, requirements, bonus points and their cap), the district's prompts by
/// section, who signs the cover page, the assurances and the word limits. Everything typed is
/// escaped; the document runs no script, and carries the brief file's JSON so it opens again.
pub fn brief_document(competition: &Competition, exported_ms: u64, exported_on: &str) -> String {
    let brief = &competition.brief;
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"generator\" content=\"Crossroads\">\n");
    let _ = writeln!(
        out,
        "<title>{} \u{2013} request for proposals</title>",
        text(&brief.title)
    );
    let _ = writeln!(out, "<style>\n{STYLE}</style>");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">{}</script>",
        script_safe_json(&brief_to_json(competition, exported_ms))
    );
    out.push_str("</head>\n<body>\n<header>\n<p class=\"kicker\">Request for proposals</p>\n");
    let _ = writeln!(out, "<h1>{}</h1>", text(&brief.title));
    if !brief.district.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"district\">{}</p>", text(&brief.district));
    }
    out.push_str("<dl class=\"facts\">\n");
    let mut fact = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            let _ = writeln!(
                out,
                "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
                text(label),
                text(value)
            );
        }
    };
    fact("Proposals due", &brief.deadline);
    fact("Award", &award_words(brief));
    fact("Funding source", brief.source_name());
    fact("Version", &brief.version.to_string());
    out.push_str("</dl>\n</header>\n<main>\n");

    let expectations = brief.expectation_lines();
    if !expectations.is_empty() {
        out.push_str("<section>\n<h2>What we expect for our students</h2>\n<ul>\n");
        for line in expectations {
            let _ = writeln!(out, "<li>{}</li>", text(line));
        }
        out.push_str("</ul>\n</section>\n");
    }

    out.push_str("<section>\n<h2>How proposals are reviewed</h2>\n");
    let _ = writeln!(
        out,
        "<p>Proposals pass through {}. Every criterion is read on one scale from 0 to 100; a stage\u{2019}s total is the weighted mean of its criteria, plus any bonus points.</p>",
        match competition.stages.len() {
            1 => "one stage".to_string(),
            n => format!("{n} stages, in this order"),
        }
    );
    out.push_str("<ol>\n");
    for stage in &competition.stages {
        let _ = write!(out, "<li><strong>{}</strong>", text(&stage.name));
        if !stage.description.trim().is_empty() {
            let _ = write!(out, ": {}", text(stage.description.trim()));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    let _ = writeln!(out, "<p>{}</p>", text(&combine_words(competition)));
    out.push_str("</section>\n");

    for (i, stage) in competition.stages.iter().enumerate() {
        stage_rubric(&mut out, i + 1, stage);
    }

    prompts(&mut out, brief);

    if !brief.signoff.is_empty() {
        out.push_str("<section>\n<h2>Cover page</h2>\n<p>The cover page is signed, with a name and a date, by:</p>\n<ul>\n");
        for role in &brief.signoff {
            let _ = writeln!(out, "<li>{}</li>", text(role));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !brief.assurances.is_empty() {
        out.push_str("<section>\n<h2>Assurances</h2>\n<p>Each team confirms:</p>\n<ol>\n");
        for a in &brief.assurances {
            let _ = writeln!(out, "<li>{}</li>", text(&a.text));
        }
        out.push_str("</ol>\n</section>\n");
    }
    let limits: Vec<_> = brief.limits.iter().filter(|l| l.words > 0).collect();
    if !limits.is_empty() {
        out.push_str("<section>\n<h2>Word limits</h2>\n<table>\n<thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Most words</th></tr></thead>\n<tbody>\n");
        for l in limits {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
                text(section_title(&l.section)),
                l.words
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>Issued with Crossroads on {}. A team can open this file in Crossroads to start a proposal that answers this brief.</p></footer>",
        text(exported_on)
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn award_words(brief: &Brief) -> String {
    let award = &brief.award;
    let mut parts = Vec::new();
    if let Some(c) = award.per_school_cents {
        parts.push(format!("Up to {} per school", format_amount(c)));
    }
    if let Some(n) = award.awards {
        parts.push(match n {
            1 => "1 award expected".to_string(),
            n => format!("{n} awards expected"),
        });
    }
    if let Some(c) = award.fund_cents {
        parts.push(format!("{} in all", format_amount(c)));
    }
    parts.join(" \u{b7} ")
}

fn percent(part: u32, whole: u32) -> String {
    format!(
        "{}%",
        one_decimal(&Exact::new(
            100 * i128::from(part),
            i128::from(whole.max(1))
        ))
    )
}

pub(crate) fn combine_words(competition: &Competition) -> String {
    let name = |id: &str| {
        competition
            .stage(id)
            .map_or(id.to_string(), |s| s.name.clone())
    };
    match &competition.combine {
        Combine::LastStage => match competition.stages.as_slice() {
            [_] => "The stage\u{2019}s total decides the ranking.".to_string(),
            stages => format!(
                "The last stage (\u{201c}{}\u{201d}) decides the final ranking; earlier stages decide which proposals go on to it.",
                stages.last().map(|s| s.name.as_str()).unwrap_or("")
            ),
        },
        Combine::Blend(weights) => {
            let whole: u32 = weights.iter().map(|w| w.weight).sum();
            let parts: Vec<String> = weights
                .iter()
                .map(|w| {
                    format!(
                        "\u{201c}{}\u{201d} {}",
                        name(&w.stage),
                        percent(w.weight, whole)
                    )
                })
                .collect();
            format!("The final total blends the stages: {}.", parts.join(", "))
        }
    }
}

fn stage_rubric(out: &mut String, number: usize, stage: &Stage) {
    let rubric: &Rubric = &stage.rubric;
    let _ = writeln!(
        out,
        "<section class=\"stage\">\n<h2>Stage {number}: {}</h2>",
        text(&stage.name)
    );
    if !stage.description.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", text(stage.description.trim()));
    }
    let whole: u32 = rubric.weighted().map(|(_, w)| w).sum();
    for (c, w) in rubric.weighted() {
        out.push_str("<div class=\"criterion\">\n");
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"meta\">{} of the stage\u{2019}s total (weight {w})</p>",
            text(&c.name),
            percent(w, whole)
        );
        if !c.looks_for.trim().is_empty() {
            let _ = writeln!(out, "<p>{}</p>", text(c.looks_for.trim()));
        }
        match &c.kind {
            CriterionKind::Levels { first, levels } => {
                out.push_str("<table>\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">What reviewers see</th></tr></thead>\n<tbody>\n");
                for (i, level) in levels.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "<tr><td class=\"n\">{} \u{b7} {}</td><td>{}</td></tr>",
                        *first as usize + i,
                        text(&level.label),
                        text(&level.description)
                    );
                }
                out.push_str("</tbody>\n</table>\n");
            }
            CriterionKind::Points { max, bands } => {
                let _ = writeln!(out, "<p>Scored from 0 to {max} points.</p>");
                if !bands.is_empty() {
                    out.push_str("<table>\n<thead><tr><th scope=\"col\">Points</th><th scope=\"col\">Band</th><th scope=\"col\">What reviewers see</th></tr></thead>\n<tbody>\n");
                    for b in bands {
                        let _ = writeln!(
                            out,
                            "<tr><td class=\"n\">{}\u{2013}{}</td><td>{}</td><td>{}</td></tr>",
                            b.from,
                            b.to,
                            text(&b.label),
                            text(&b.description)
                        );
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
            }
            CriterionKind::Requirement => {}
        }
        out.push_str("</div>\n");
    }
    let requirements: Vec<_> = rubric
        .criteria
        .iter()
        .filter(|c| c.is_requirement())
        .collect();
    if !requirements.is_empty() {
        out.push_str("<h3>Requirements</h3>\n<p>A proposal that does not meet one of these is not ranked at this stage.</p>\n<ul>\n");
        for c in requirements {
            let _ = write!(out, "<li><strong>{}</strong>", text(&c.name));
            if !c.looks_for.trim().is_empty() {
                let _ = write!(out, ": {}", text(c.looks_for.trim()));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if let Some(bonus) = rubric.bonus.as_ref().filter(|b| !b.items.is_empty()) {
        let _ = writeln!(
            out,
            "<h3>Bonus points</h3>\n<p>Added to the stage\u{2019}s total on the same 0\u{2013}100 scale, at most {} in all.</p>",
            bonus.cap
        );
        out.push_str("<table>\n<thead><tr><th scope=\"col\">Bonus</th><th scope=\"col\">What reviewers look for</th><th scope=\"col\">Up to</th></tr></thead>\n<tbody>\n");
        for item in &bonus.items {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                text(&item.name),
                text(&item.looks_for),
                item.max
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn section_title(id: &str) -> &str {
    Catalog::base().section(id).map_or(id, |s| s.title)
}

fn prompts(out: &mut String, brief: &Brief) {
    if brief.prompts.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>What the district adds to the workbook</h2>\n<p>Besides the workbook\u{2019}s own prompts, each proposal answers these:</p>\n");
    for section in Catalog::base().sections() {
        let here: Vec<_> = brief
            .prompts
            .iter()
            .filter(|p| p.section == section.id)
            .collect();
        if here.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>\n<ol>", text(section.title));
        for p in here {
            let _ = write!(out, "<li><p><strong>{}</strong>", text(&p.label));
            let kind = match &p.kind {
                ExtraKind::ShortText => "A short answer.".to_string(),
                ExtraKind::LongText => "Paragraphs.".to_string(),
                ExtraKind::Choice(o) => format!("Choose one: {}.", labels(o)),
                ExtraKind::Checklist(o) => format!("Tick any that apply: {}.", labels(o)),
            };
            let _ = write!(out, " <span class=\"meta\">{}</span></p>", text(&kind));
            if !p.help.trim().is_empty() {
                let _ = write!(out, "<p class=\"meta\">{}</p>", text(p.help.trim()));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn labels(options: &[crossroads_workbook::brief::ExtraOption]) -> String {
    options
        .iter()
        .map(|o| o.label.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crossroads_review::rubric::{Band, Bonus, BonusItem, Criterion, StageWeight};
    use crossroads_workbook::brief::{Assurance, Award, ExtraOption, ExtraPrompt, WordLimit};

    pub(crate) fn competition() -> Competition {
        let mut c = Competition::new("springfield-2027", "Springfield Design Challenge");
        let b = &mut c.brief;
        b.district = "Springfield Public Schools".into();
        b.deadline = "2027-03-01".into();
        b.expectations = "Every student reads by grade 3\nEvery graduate has a plan".into();
        b.award = Award {
            per_school_cents: Some(10_000_000),
            awards: Some(4),
            fund_cents: Some(35_000_000),
        };
        b.prompts = vec![ExtraPrompt {
            id: "q1".into(),
            section: "pathway".into(),
            label: "Will you join the district\u{2019}s network?".into(),
            help: "Say <b>why</b>.".into(),
            kind: ExtraKind::Choice(vec![
                ExtraOption {
                    id: "yes".into(),
                    label: "Yes".into(),
                },
                ExtraOption {
                    id: "no".into(),
                    label: "No".into(),
                },
            ]),
        }];
        b.signoff = vec!["Principal".into(), "District contact".into()];
        b.assurances = vec![Assurance {
            id: "eval".into(),
            text: "We take part in the evaluation.".into(),
        }];
        b.limits = vec![WordLimit {
            section: "problems".into(),
            words: 750,
        }];
        c.stages.push(Stage {
            id: "pitch".into(),
            name: "Pitch".into(),
            description: "Ten minutes to present and ten of questions.".into(),
            rubric: Rubric {
                criteria: vec![
                    Criterion {
                        id: "vision".into(),
                        name: "Vision </script><script>alert(1)</script>".into(),
                        looks_for: "A clear picture of a student\u{2019}s day.".into(),
                        kind: CriterionKind::Points {
                            max: 25,
                            bands: vec![Band {
                                from: 20,
                                to: 25,
                                label: "Strong".into(),
                                description: "Every part of the day is described.".into(),
                            }],
                        },
                        weight: None,
                    },
                    Criterion {
                        id: "signed".into(),
                        name: "Principal signed".into(),
                        looks_for: "The principal signed the cover page.".into(),
                        kind: CriterionKind::Requirement,
                        weight: None,
                    },
                ],
                bonus: Some(Bonus {
                    items: vec![BonusItem {
                        id: "partner".into(),
                        name: "Community partner".into(),
                        looks_for: "A named partner with a role.".into(),
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
        c
    }

    #[test]
    fn a_brief_round_trips_through_json_and_its_html_document() {
        let c = competition();
        assert_eq!(c.check(), Ok(()));
        let json = brief_to_json(&c, 5);
        assert!(json.starts_with("{\"format\":\"crossroads-brief\",\"version\":1,"));
        assert_eq!(read_brief(&json), Ok(c.clone()));
        let html = brief_document(&c, 5, "2026-11-23");
        assert_eq!(read_brief(&html), Ok(c.clone()));
        assert_eq!(read_brief(&format!("\u{feff}\n{html}")), Ok(c.clone()));
        assert_eq!(read_brief_terms(&html), Ok(c.brief.clone()));
        assert_eq!(read_brief_terms(&json), Ok(c.brief.clone()));
    }

    #[test]
    fn the_document_reads_as_a_request_for_proposals() {
        let html = brief_document(&competition(), 5, "2026-11-23");
        for words in [
            "Request for proposals",
            "Springfield Design Challenge",
            "Springfield Public Schools",
            "2027-03-01",
            "Up to $100,000 per school \u{b7} 4 awards expected \u{b7} $350,000 in all",
            "Every student reads by grade 3",
            "Stage 1: Written proposal",
            "Stage 2: Pitch",
            "\u{201c}Written proposal\u{201d} 66.7%, \u{201c}Pitch\u{201d} 33.3%",
            "1 \u{b7} Beginning",
            "4 \u{b7} Exemplary",
            "16.7% of the stage",
            "Scored from 0 to 25 points",
            "20\u{2013}25",
            "Requirements",
            "Principal signed",
            "at most 5 in all",
            "Choose one: Yes; No.",
            "Say &lt;b&gt;why&lt;/b&gt;.",
            "District contact",
            "We take part in the evaluation.",
            "750",
            "@page",
        ] {
            assert!(html.contains(words), "{words}");
        }
        assert!(!html.contains("<script>alert"), "typed text is escaped");
        assert_eq!(html.matches("<script").count(), 1, "only the data element");
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn a_proposal_or_another_file_given_as_a_brief_is_refused_in_plain_words() {
        let mut draft = crossroads_workbook::Draft::new("d1", "Studios", 1);
        draft.attach_brief(competition().brief);
        let options = crate::ExportOptions::new(1, "2026-11-23");
        for format in [crate::Format::Json, crate::Format::Html] {
            let proposal = crate::export(&draft, format, &options);
            let error = read_brief(&proposal).unwrap_err();
            assert_eq!(error, BriefFileError::OtherKind("a team\u{2019}s proposal"));
            assert!(
                error
                    .to_string()
                    .starts_with("This is a team\u{2019}s proposal, not a brief."),
                "{error}"
            );
            assert_eq!(read_brief_terms(&proposal).unwrap_err(), error);
        }
        let backup = r#"{"format":"crossroads-backup","version":1,"drafts":[]}"#;
        assert!(read_brief(backup)
            .unwrap_err()
            .to_string()
            .contains("backup of drafts, not a brief"));
        let review = r#"{"format":"crossroads-review","version":1,"sheet":{}}"#;
        assert!(read_brief(review)
            .unwrap_err()
            .to_string()
            .contains("score sheet, not a brief"));
        assert_eq!(read_brief("Dear schools,"), Err(BriefFileError::NotABrief));
        assert_eq!(
            read_brief("<html><body>An RFP</body></html>"),
            Err(BriefFileError::NotABrief)
        );
    }

    #[test]
    fn a_hostile_brief_file_is_refused_in_plain_words() {
        let json = brief_to_json(&competition(), 5);
        let big = "x".repeat(MAX_BRIEF_BYTES + 1);
        assert!(read_brief(&big)
            .unwrap_err()
            .to_string()
            .starts_with("The file is too large"));
        let deep = format!(
            "{{\"format\":\"crossroads-brief\",\"version\":1,\"competition\":{}{}}}",
            "[".repeat(500),
            "]".repeat(500)
        );
        assert!(read_brief(&deep)
            .unwrap_err()
            .to_string()
            .contains("which no brief is"));
        let newer = json.replacen("\"version\":1,", "\"version\":2,", 1);
        assert!(read_brief(&newer)
            .unwrap_err()
            .to_string()
            .starts_with("This brief was saved by a newer version of Crossroads (format 2)"));
        let cut = &json[..json.len() / 2];
        assert!(read_brief(cut)
            .unwrap_err()
            .to_string()
            .starts_with("This brief file is damaged"));
        let no_stages = json.replacen("\"stages\":", "\"stagez\":", 1);
        assert!(read_brief(&no_stages)
            .unwrap_err()
            .to_string()
            .contains("missing a part it must have (\u{201c}stages\u{201d})"));
        // The team reads only the brief, so a file whose rubric is broken still gives its terms.
        assert!(read_brief_terms(&no_stages).is_ok());
        let mut broken = competition();
        broken.stages[1].rubric.bonus.as_mut().unwrap().cap = 500;
        let error = read_brief(&brief_to_json(&broken, 5)).unwrap_err();
        assert!(
            matches!(&error, BriefFileError::Unusable(why) if why.contains("at most 100")),
            "{error}"
        );
        assert!(error.to_string().starts_with("This brief cannot be used: "));
        let mut bad_terms = competition();
        bad_terms.brief.id = "../../etc".into();
        let file = brief_to_json(&bad_terms, 5);
        assert!(read_brief(&file)
            .unwrap_err()
            .to_string()
            .contains("brief's id"));
        assert!(read_brief_terms(&file)
            .unwrap_err()
            .to_string()
            .contains("brief's id"));
        assert_eq!(
            read_brief(""),
            Err(BriefFileError::File(ImportError::Empty))
        );
    }

    #[test]
    fn a_brief_file_name_says_what_and_which_version() {
        let mut c = competition();
        c.brief.version = 2;
        assert_eq!(
            brief_file_name(&c, "html"),
            "brief-springfield-design-challenge-v2.html"
        );
    }
}
