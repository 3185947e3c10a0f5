//! The screens of a draft a team opens rarely (readiness check, export, history), and the work
//! behind the home screen's backup and import buttons, kept out of the page's first download.
//!
//! In the release build (`cargo xtask build`, cargo feature `split`) each is a WebAssembly
//! file of its own, fetched the first time the screen opens (or, earlier, in the background
//! once a draft is open; the service worker keeps them for offline use). Every other build
//! (tests, `cargo xtask dev`, the one-file kit) draws them directly, as before.

/// Calls a `#[lazy]` function (`cfg_attr(feature = "split", leptos::lazy)`): at once in builds
/// without split parts, or once its part has arrived.
macro_rules! run_lazy {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move { $call.await });
        #[cfg(not(feature = "split"))]
        $call;
    }};
}
pub(crate) use run_lazy;

use super::autosave::Autosave;
use super::export::ExportScreen;
use super::history::HistoryScreen;
use super::readiness::ReadinessScreen;
use super::workspace::Workspace;
use leptos::prelude::*;

#[cfg_attr(feature = "split", leptos::lazy)]
fn workspace_screen(id: String) -> AnyView {
    view! { <Workspace id /> }.into_any()
}

/// The screen of one open draft: in the split build, its code (the editor, the prompt fields,
/// autosave) is a part of its own, which the home screen fetches in the background once it has
/// painted, so a draft opened from the list opens at once.
pub fn workspace(id: String) -> AnyView {
    #[cfg(feature = "split")]
    return crate::ui::kit::later::drawn_when_there(workspace_screen(id), None);
    #[cfg(not(feature = "split"))]
    workspace_screen(id)
}

/// Fetches the draft screen's code in the background.
pub fn preload_workspace() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(__preload_workspace_screen());
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn readiness_screen(autosave: Autosave) -> AnyView {
    view! { <ReadinessScreen autosave /> }.into_any()
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn export_screen(autosave: Autosave) -> AnyView {
    view! { <ExportScreen autosave /> }.into_any()
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn history_screen(autosave: Autosave) -> AnyView {
    view! { <HistoryScreen autosave /> }.into_any()
}

/// The readiness check of the open draft.
pub fn readiness(autosave: Autosave) -> AnyView {
    #[cfg(feature = "split")]
    return later(readiness_screen(autosave));
    #[cfg(not(feature = "split"))]
    readiness_screen(autosave)
}

/// The export screen of the open draft.
pub fn export(autosave: Autosave) -> AnyView {
    #[cfg(feature = "split")]
    return later(export_screen(autosave));
    #[cfg(not(feature = "split"))]
    export_screen(autosave)
}

/// The history of the open draft.
pub fn history(autosave: Autosave) -> AnyView {
    #[cfg(feature = "split")]
    return later(history_screen(autosave));
    #[cfg(not(feature = "split"))]
    history_screen(autosave)
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn example_from(text: String) -> Result<crossroads_workbook::Draft, String> {
    crossroads_exchange::read_proposal(&text)
        .map(|imported| imported.draft)
        .map_err(|e| format!("The example could not be read: {e}"))
}

/// The built-in example's draft, read from its file's text.
pub async fn read_example(text: String) -> Result<crossroads_workbook::Draft, String> {
    #[cfg(feature = "split")]
    return example_from(text).await;
    #[cfg(not(feature = "split"))]
    example_from(text)
}

/// Fetches the rare screens in the background, so they open at once when the team asks.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        __preload_readiness_screen().await;
        __preload_export_screen().await;
        __preload_history_screen().await;
    });
}

/// A screen of the open draft whose code may still be on its way, given the focus the
/// workspace gave its heading before it existed.
#[cfg(feature = "split")]
fn later(screen: impl std::future::Future<Output = AnyView> + Send + 'static) -> AnyView {
    crate::ui::kit::later::drawn_when_there(screen, Some("section-heading".to_string()))
}
