//! Crossroads, the browser app: the UI room.
//!
//! The other rooms are crates of their own, so their boundaries are checked by the compiler:
//! - `crates/workbook`: the content and rules (catalog, drafts, progress, readiness), pure Rust;
//! - `crates/storage`: the only code that knows storage keys and the stored format;
//! - `crates/exchange`: export and import, pure functions.
//!
//! This crate holds the Leptos components that read and write through those three, one folder
//! per user group (see `ui/mod.rs`), and one binary per page.

mod ui;

pub use ui::review::ReviewApp;
pub use ui::team::TeamApp;
pub use ui::workshop::WorkshopApp;

/// Starts a page: error reports for panics, then the app in place of the page's first paint.
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    console_error_panic_hook::set_once();
    if let Some(first_paint) = leptos::prelude::document().get_element_by_id("loading") {
        first_paint.remove();
    }
    leptos::mount::mount_to_body(app);
}
