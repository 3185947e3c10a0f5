//! The proposal's data as JSON, and reading it back from a JSON or HTML file.
//!
//! ```json
//! {"format":"crossroads-proposal","version":1,"exported_ms":1763900000000,
//!  "saved_by":"crossroads 0.1.0","draft":{"id":"…","title":"…","answers":{…}}}
//! ```

use crate::html::DATA_ELEMENT_ID;
use crossroads_workbook::{fit_draft, Draft, SetAside};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` every proposal file names.
pub(crate) const FORMAT: &str = "crossroads-proposal";
/// The version of the proposal file format this build writes. It changes when the shape of the
/// file changes in a way an older build could misread; [`import`] migrates older versions.
pub const FILE_VERSION: u32 = 1;
/// Files larger than this are refused before they are read. Every file Crossroads exports is
/// smaller: the proposal document carries each character of the largest draft at most twice
/// (shown, and in its data), at no more than 12 bytes for both (`<` is `&lt;` and `\u003c`), as
/// a test checks.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The deepest nesting of arrays and objects accepted (a proposal needs 6).
pub const MAX_DEPTH: usize = 32;

const SAVED_BY: &str = concat!("crossroads ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    saved_by: &'static str,
    draft: &'a Draft,
    /// The budget, timeline and requests worked out from the answers, for tools that read the
    /// file (a spreadsheet, the district's own scripts). Import reads only `draft`.
    plan: PlanOut,
}

/// The resources and requests, as data.
#[derive(Serialize)]
struct PlanOut {
    budget: BudgetOut,
    timeline: Vec<PhaseOut>,
    requests: Vec<RequestOut>,
}

#[derive(Serialize)]
struct BudgetOut {
    lines: Vec<LineOut>,
    total_cents: i64,
    one_time_cents: i64,
    recurring_cents: i64,
    by_source_cents: std::collections::BTreeMap<String, i64>,
    by_year_cents: std::collections::BTreeMap<String, i64>,
    /// Lines (counted from 1) whose amount is not a number, and so not in any total.
    unreadable_lines: Vec<usize>,
}

#[derive(Serialize)]
struct LineOut {
    item: String,
    source: String,
    /// `null` when the amount typed is not a number.
    amount_cents: Option<i64>,
    amount_typed: String,
    /// "one_time", "recurring" or "".
    kind: String,
    year: String,
}

#[derive(Serialize)]
struct PhaseOut {
    phase: String,
    start: String,
    end: String,
    what: String,
}

#[derive(Serialize)]
struct RequestOut {
    ask: String,
    kind: String,
    from: String,
    about: String,
    /// The prompt it was written under.
    written_under: &'static str,
}

fn plan_out(draft: &Draft) -> PlanOut {
    use crossroads_workbook::budget::{parse_amount, Recurs};
    use crossroads_workbook::resources;
    let (lines, totals) = resources::budget(draft);
    let kind = |k| totals.by_kind.get(&k).copied().unwrap_or(0);
    PlanOut {
        budget: BudgetOut {
            total_cents: totals.total,
            one_time_cents: kind(Recurs::OneTime),
            recurring_cents: kind(Recurs::Recurring),
            unreadable_lines: totals.unreadable.iter().map(|(n, _)| *n).collect(),
            by_source_cents: totals.by_source,
            by_year_cents: totals.by_year,
            lines: lines
                .into_iter()
                .map(|l| LineOut {
                    amount_cents: parse_amount(&l.amount),
                    item: l.item,
                    source: l.source,
                    amount_typed: l.amount,
                    kind: l.kind,
                    year: l.year,
                })
                .collect(),
        },
        timeline: resources::phases(draft)
            .into_iter()
            .map(|p| PhaseOut {
                phase: p.name,
                start: p.start,
                end: p.end,
                what: p.what,
            })
            .collect(),
        requests: resources::requests(draft)
            .into_iter()
            .map(|r| RequestOut {
                written_under: r.origin.prompt_id(),
                ask: r.ask,
                kind: r.kind,
                from: r.from,
                about: r.about,
            })
            .collect(),
    }
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct FileIn {
    draft: Draft,
}

/// The proposal's data as JSON.
pub(crate) fn to_json(draft: &Draft, exported_ms: u64) -> String {
    serde_json::to_string(&FileOut {
        format: FORMAT,
        version: FILE_VERSION,
        exported_ms,
        saved_by: SAVED_BY,
        draft,
        plan: plan_out(draft),
    })
    .expect("a draft always serializes")
}

/// Why a file could not be imported. `Display` gives the message shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file holds nothing.
    Empty,
    /// The file is over the size limit.
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The most that is read.
        limit: usize,
    },
    /// A backup of all drafts was given where a single proposal was expected.
    IsBackup,
    /// A single proposal was given where a backup was expected.
    IsProposal,
    /// The file is not a Crossroads proposal at all.
    NotAProposal,
    /// The file is a proposal whose data is broken.
    Damaged(String),
    /// The data nests deeper than any proposal does.
    TooDeep,
    /// The file was exported by a newer version of Crossroads.
    NewerVersion {
        /// The file's format version.
        version: u32,
    },
    /// A part every proposal has is missing.
    MissingField(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::TooLarge { bytes, limit } => {
                // Tenths of a megabyte by integer arithmetic: float formatting costs the
                // WebAssembly build about 15 KB.
                let tenths = bytes * 10 / 1_048_576;
                write!(
                    f,
                    "The file is too large ({}.{} MB). Files here are at most {} MB, so it was not opened.",
                    tenths / 10,
                    tenths % 10,
                    limit / 1_048_576
                )
            }
            ImportError::IsBackup => f.write_str(
                "This is a backup of several drafts, not one proposal. Use \u{201c}Restore from a backup\u{201d} instead.",
            ),
            ImportError::IsProposal => f.write_str(
                "This is a single proposal, not a backup. Use \u{201c}Open a proposal file\u{201d} instead.",
            ),
            ImportError::NotAProposal => f.write_str(
                "This is not a Crossroads proposal. Choose an HTML or JSON file that Crossroads exported.",
            ),
            ImportError::Damaged(detail) => write!(
                f,
                "This file is damaged and cannot be read ({detail})."
            ),
            ImportError::TooDeep => write!(
                f,
                "This file's data is nested more than {MAX_DEPTH} levels deep, which no proposal is, so it was not read."
            ),
            ImportError::NewerVersion { version } => write!(
                f,
                "This proposal was exported by a newer version of Crossroads (format {version}); this version reads \
                 format {FILE_VERSION} and older. Open it with the newer version."
            ),
            ImportError::MissingField(field) => write!(
                f,
                "This file is missing a part it must have (\u{201c}{field}\u{201d}), so it cannot be used."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A proposal read from a file and fitted to this version's catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The draft, every answer of it shown on its prompt's screen.
    pub draft: Draft,
    /// What the file held that no prompt of this version can show, with why: listed for the
    /// team, never dropped in silence.
    pub set_aside: Vec<SetAside>,
}

impl Imported {
    /// The set-aside pieces as a text file the team can keep.
    pub fn set_aside_text(&self) -> String {
        let mut out = format!(
            "Set aside when \u{201c}{}\u{201d} was opened in Crossroads\n\n",
            self.draft.display_title()
        );
        for piece in &self.set_aside {
            let name = piece.label.unwrap_or(&piece.prompt);
            out.push_str(&format!(
                "{name} ({})\nWhy: {}\n\n{}\n\n",
                piece.prompt, piece.why, piece.text
            ));
        }
        out
    }
}

/// Reads a proposal file for this browser: [`import`], then every answer fitted to the catalog
/// (converted where that loses nothing, set aside where it cannot be shown).
pub fn read_proposal(text: &str) -> Result<Imported, ImportError> {
    let (draft, set_aside) = fit_draft(import(text)?);
    Ok(Imported { draft, set_aside })
}

/// Reads a proposal exactly as the file holds it, from the text of an exported HTML or JSON
/// file.
pub fn import(text: &str) -> Result<Draft, ImportError> {
    let (json, version) = checked_json(text, MAX_FILE_BYTES, FORMAT)?;
    match version {
        None => return Err(ImportError::MissingField("version".to_string())),
        Some(0) => return Err(ImportError::Damaged("its format version is 0".to_string())),
        Some(version) if version > FILE_VERSION => {
            return Err(ImportError::NewerVersion { version })
        }
        // Version 1 is the first file format; older ones get their migrations here.
        Some(_) => {}
    }
    let file: FileIn = serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        match message.split('`').nth(1) {
            Some(field) if message.starts_with("missing field") => {
                ImportError::MissingField(field.to_string())
            }
            _ => ImportError::Damaged(message),
        }
    })?;
    let draft = file.draft;
    if !valid_id(&draft.id) {
        return Err(ImportError::Damaged(
            "its draft id is not valid".to_string(),
        ));
    }
    Ok(draft)
}

pub(crate) use crossroads_workbook::valid_draft_id as valid_id;

/// The JSON of a file after the checks every file gets: size, emptiness, the data element of an
/// HTML document, nesting, syntax and the `format` it names. Returns it with its version.
pub(crate) fn checked_json<'a>(
    text: &'a str,
    max_bytes: usize,
    format: &str,
) -> Result<(&'a str, Option<u32>), ImportError> {
    if text.len() > max_bytes {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: max_bytes,
        });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    let json = if trimmed.starts_with('<') {
        data_in_html(trimmed).ok_or(ImportError::NotAProposal)?
    } else {
        trimmed
    };
    if !json.starts_with('{') {
        return Err(ImportError::NotAProposal);
    }
    if nesting_depth(json) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let header: Header = serde_json::from_str(json).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ImportError::Damaged(e.to_string())
        } else {
            ImportError::NotAProposal
        }
    })?;
    match header.format.as_deref() {
        Some(f) if f == format => Ok((json, header.version)),
        Some(crate::backup::FORMAT) => Err(ImportError::IsBackup),
        Some(FORMAT) => Err(ImportError::IsProposal),
        _ => Err(ImportError::NotAProposal),
    }
}

/// The text of the data element of an exported proposal document: the first `<script>` element
/// whose start tag carries the data id. Text elsewhere that looks like the marker (a title
/// typed by the team, say) is not a start tag and is passed over.
fn data_in_html(html: &str) -> Option<&str> {
    let marker = format!("id=\"{DATA_ELEMENT_ID}\"");
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

/// The deepest nesting of `{` and `[` outside strings.
fn nesting_depth(json: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in json.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{export, ExportOptions, Format};
    use crossroads_workbook::Answer;

    fn sample() -> Draft {
        let mut draft = Draft::new("abc123", "Studios", 1_763_900_000_000);
        draft.set_answer("profile.school", Answer::Text("Lincoln".into()));
        draft
    }

    fn json() -> String {
        to_json(&sample(), 5)
    }

    #[test]
    fn json_and_html_files_import() {
        assert_eq!(import(&json()), Ok(sample()));
        let html = export(
            &sample(),
            Format::Html,
            &ExportOptions::new(5, "2026-11-23"),
        );
        assert_eq!(import(&html), Ok(sample()));
        assert_eq!(
            import(&format!("\u{feff}  {}\n", json())),
            Ok(sample()),
            "BOM and spaces"
        );
    }

    #[test]
    fn each_kind_of_bad_file_names_its_problem() {
        let big = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_FILE_BYTES));
        assert!(matches!(import(&big), Err(ImportError::TooLarge { .. })));
        let message = ImportError::TooLarge {
            bytes: 70_000_000,
            limit: MAX_FILE_BYTES,
        }
        .to_string();
        assert!(
            message.starts_with("The file is too large (66.7 MB). Files here are at most 64 MB")
        );
        assert_eq!(import(""), Err(ImportError::Empty));
        assert_eq!(import("   \n"), Err(ImportError::Empty));
        assert_eq!(import("just some notes"), Err(ImportError::NotAProposal));
        assert_eq!(
            import("<html><body>Hello</body></html>"),
            Err(ImportError::NotAProposal)
        );
        assert_eq!(
            import(r#"{"name":"a package.json"}"#),
            Err(ImportError::NotAProposal)
        );
        assert_eq!(import("[1,2]"), Err(ImportError::NotAProposal));
        let cut = &json()[..40];
        assert!(
            matches!(import(cut), Err(ImportError::Damaged(_))),
            "{:?}",
            import(cut)
        );
        let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        assert_eq!(
            import(&format!("{{\"a\":{deep}}}")),
            Err(ImportError::TooDeep)
        );
        let newer = json().replacen("\"version\":1", "\"version\":7", 1);
        assert_eq!(
            import(&newer),
            Err(ImportError::NewerVersion { version: 7 })
        );
        let no_version = json().replacen("\"version\":1,", "", 1);
        assert_eq!(
            import(&no_version),
            Err(ImportError::MissingField("version".into()))
        );
        let no_title = json().replacen("\"title\":\"Studios\",", "", 1);
        assert_eq!(
            import(&no_title),
            Err(ImportError::MissingField("title".into()))
        );
        let no_draft = r#"{"format":"crossroads-proposal","version":1}"#;
        assert_eq!(
            import(no_draft),
            Err(ImportError::MissingField("draft".into()))
        );
        let wrong_type = json().replacen("{\"text\":\"Lincoln\"}", "{\"text\":5}", 1);
        assert!(matches!(import(&wrong_type), Err(ImportError::Damaged(_))));
        let bad_id = json().replacen("\"abc123\"", "\"../../x\"", 1);
        assert_eq!(
            import(&bad_id),
            Err(ImportError::Damaged("its draft id is not valid".into()))
        );
        for error in [
            ImportError::TooDeep,
            ImportError::NotAProposal,
            ImportError::NewerVersion { version: 7 },
        ] {
            assert!(error.to_string().ends_with('.'), "{error}");
        }
    }

    #[test]
    fn a_title_or_school_that_looks_like_the_data_marker_still_imports() {
        let marker = r#"<script type="application/json" id="crossroads-proposal">"#;
        let mut draft = Draft::new("m1", format!("id=\"crossroads-proposal\" {marker}"), 1);
        draft.set_answer(
            "profile.school",
            Answer::Text(format!("\"{marker}</script>")),
        );
        let html = export(&draft, Format::Html, &ExportOptions::new(5, "2026-11-23"));
        assert_eq!(import(&html), Ok(draft));
        let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
        assert!(
            !title.contains('"'),
            "quotes are escaped in the title: {title}"
        );
    }

    /// The most characters (UTF-16 code units) one browser's local storage holds for a site; no
    /// draft is larger.
    const LARGEST_DRAFT_UNITS: usize = 5_300_000;

    #[test]
    fn every_file_crossroads_exports_can_be_imported_back() {
        // The characters that grow most on export, filling what local storage can hold.
        for c in ['<', '&', '\u{4e2d}', '\u{1f680}', '"', '\n'] {
            let per_answer = LARGEST_DRAFT_UNITS / 4 / c.len_utf16();
            let mut draft = Draft::new("big", "Big", 1);
            for prompt in [
                "problems.meaning",
                "problems.change",
                "problems.practice",
                "pathway.why",
            ] {
                draft.set_answer(prompt, Answer::Text(c.to_string().repeat(per_answer)));
            }
            let options = ExportOptions::new(5, "2026-11-23");
            for format in [Format::Html, Format::Json] {
                let file = export(&draft, format, &options);
                assert!(
                    file.len() < MAX_FILE_BYTES,
                    "{c:?} in {format:?}: {} bytes",
                    file.len()
                );
                let back = import(&file).map(|d| d.answers.len());
                assert_eq!(back, Ok(4), "{c:?} {format:?}");
            }
        }
    }

    #[test]
    fn the_data_element_is_found_only_in_its_own_tag() {
        let html = r#"<p>id="crossroads-proposal"></p><script>{}</script>"#;
        assert_eq!(data_in_html(html), None);
        let html = r#"<script type="application/json" id="crossroads-proposal"> {"a":1} </script>"#;
        assert_eq!(data_in_html(html), Some(r#"{"a":1}"#));
    }

    #[test]
    fn depth_ignores_brackets_inside_strings() {
        assert_eq!(nesting_depth(r#"{"a":"[[[[{{{\"]]"}"#), 1);
        assert_eq!(nesting_depth(r#"{"a":[{"b":[]}]}"#), 4);
    }
}
