//! Export and import of design proposals: pure functions, data in and text out, text in and
//! checked data or a plain-words error out. Nothing here touches the browser or storage.
//!
//! Three formats carry a proposal out of the browser:
//! - [`Format::Html`]: one self-contained document to read, print and hand in. It also carries
//!   the exact proposal as JSON in a `<script type="application/json">` element, so the same file
//!   can be imported again;
//! - [`Format::Json`]: the same data alone;
//! - [`Format::Markdown`]: for pasting into other tools.
//!
//! The district's side has its own files: the brief, the reviewer's score sheet and CSV, and the
//! panel's files and documents (assignments, the panel's record, the CSV for the district's
//! records, the panel report and each team's feedback), all built from [`Decided`].
//!
//! ```
//! use crossroads_exchange::{export, import, ExportOptions, Format};
//! use crossroads_workbook::{Answer, Draft};
//!
//! let mut draft = Draft::new("d1", "Learning studios", 1_763_900_000_000);
//! draft.set_answer("profile.school", Answer::Text("Lincoln Elementary".into()));
//! let options = ExportOptions::new(1_763_900_000_000, "2026-11-23");
//! let html = export(&draft, Format::Html, &options);
//! assert_eq!(import(&html).unwrap(), draft);
//! ```

mod backup;
mod brief;
mod csv;
mod document;
mod file;
mod html;
mod markdown;
mod names;
mod panel;
mod review;
mod workshop;

pub use backup::{
    backup_file_name, backup_to_json, read_backup, Backup, BackupDraft, RawRecord, BACKUP_VERSION,
    MAX_BACKUP_BYTES,
};
pub use brief::{
    brief_document, brief_file_name, brief_to_json, read_brief, read_brief_terms, BriefFileError,
    BRIEF_VERSION, MAX_BRIEF_BYTES,
};
pub use document::{Block, Competition, Document, Item, Part};
pub use file::{
    import, read_proposal, ImportError, Imported, FILE_VERSION, MAX_DEPTH, MAX_FILE_BYTES,
};
pub use names::file_name;
pub use panel::{
    assignment_file_name, assignment_to_json, feedback_document, feedback_file_name, panel_csv,
    panel_csv_file_name, panel_file_name, panel_report, panel_report_file_name, panel_to_json,
    read_assignment, read_panel, AssignedProposal, AssignmentFile, Decided, DocOptions, Outcome,
    PanelFile, PanelFileError, StageFigures, ASSIGNMENT_VERSION, MAX_ASSIGNMENT_BYTES,
    MAX_PANEL_BYTES, PANEL_CSV_HEADER, PANEL_VERSION,
};
pub use review::{
    read_review, review_to_json, scores_csv, ReviewFileError, CSV_HEADER, MAX_REVIEW_BYTES,
    REVIEW_VERSION,
};
pub use workshop::{
    facilitator_guide, read_workshop, workshop_file_name, workshop_to_json, PlanFileError,
    MAX_WORKSHOP_BYTES, WORKSHOP_VERSION,
};

use crossroads_workbook::Draft;

/// A kind of exported file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The proposal document: readable, printable and importable.
    Html,
    /// The proposal's data alone.
    Json,
    /// Plain text with headings.
    Markdown,
}

impl Format {
    /// Every format, the proposal document first.
    pub const ALL: [Format; 3] = [Format::Html, Format::Json, Format::Markdown];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }

    /// The media type for the download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Html => "text/html;charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
        }
    }
}

/// What to do with prompts the team has not answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// Leave them out of the document.
    Omit,
    /// Show them, marked as not answered.
    Mark,
}

/// Choices the team makes at export, and the moment of export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Unanswered prompts: left out or marked (readable formats only; JSON holds the data as is).
    pub unanswered: Unanswered,
    /// When the export happened (milliseconds since the Unix epoch), stored in the data.
    pub exported_ms: u64,
    /// The date of export as the team reads it (YYYY-MM-DD), shown on the cover and in file names.
    pub exported_on: String,
    /// Whether the readable formats repeat the workbook's own guidance (why each area and each
    /// warning sign matters). Off by default: reviewers read the team's words, not the app's.
    pub guidance: bool,
}

impl ExportOptions {
    /// Options that mark unanswered prompts.
    pub fn new(exported_ms: u64, exported_on: &str) -> Self {
        ExportOptions {
            unanswered: Unanswered::Mark,
            exported_ms,
            exported_on: exported_on.to_string(),
            guidance: false,
        }
    }
}

/// The text of `draft` in `format`.
pub fn export(draft: &Draft, format: Format, options: &ExportOptions) -> String {
    match format {
        Format::Html => html::render(draft, options),
        Format::Json => file::to_json(draft, options.exported_ms),
        Format::Markdown => markdown::render(draft, options),
    }
}

/// What the readiness check found, in one sentence that says exactly what is true: how many
/// prompts are answered, how many warning signs remain open, and how many the team marked as
/// addressed.
pub(crate) fn readiness_sentence(readiness: &crossroads_workbook::Readiness) -> String {
    let open = match readiness.flags.len() {
        0 => "No warning sign from the CRPE report remains open".to_string(),
        1 => "1 warning sign from the CRPE report remains open".to_string(),
        n => format!("{n} warning signs from the CRPE report remain open"),
    };
    match readiness.addressed.len() {
        0 => format!("{open}."),
        1 => format!("{open}; 1 more is marked as addressed by the team, with its reason."),
        n => format!("{open}; {n} more are marked as addressed by the team, with their reasons."),
    }
}
