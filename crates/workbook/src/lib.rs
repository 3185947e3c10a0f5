//! The workbook's content and rules: what a design team is asked, how its answers are kept,
//! and what the readiness check says about them.
//!
//! This room is plain Rust with no browser or UI code, so every rule here is tested with
//! `cargo test`. The UI, the storage and the export all read the one [`catalog`].
//!
//! ```
//! use crossroads_workbook::{Answer, Catalog, Draft};
//!
//! let mut draft = Draft::new("d1", "Learning studios", 0);
//! draft.set_answer("problems.meaning", Answer::Text("Students move on when ready.".into()));
//! let progress = Catalog::of(&draft).section("problems").unwrap().progress(&draft);
//! assert_eq!(progress.answered, 1);
//! ```

pub mod brief;
pub mod budget;
pub mod catalog;
mod draft;
pub mod fit;
pub mod history;
pub mod order;
pub mod readiness;
pub mod report;
pub mod resources;
pub mod substance;

pub use brief::Brief;
pub use catalog::{Catalog, FocusArea, Progress, Prompt, PromptKind, Section, SectionKind};
pub use draft::{new_draft_id, row_has_text, valid_draft_id, Answer, Draft, Row};
pub use fit::{fit_draft, SetAside};
pub use history::History;
pub use readiness::{Flag, Readiness};
pub use report::ReportAction;
