//! Crossroads, the browser app: the UI room.
//!
//! The other rooms are crates of their own, so their boundaries are checked by the compiler:
//! - `crates/workbook`: the content and rules (catalog, drafts, progress, readiness), pure Rust;
//! - `crates/storage`: the only code that knows storage keys and the stored format;
//! - `crates/exchange`: export and import, pure functions.
//!
//! This crate holds the Leptos components that read and write through those three.

mod ui;

pub use ui::App;
