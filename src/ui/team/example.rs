//! The built-in example proposal: a fictional school's finished plan, opened read-only in the
//! workbook like any draft, and copied into a new draft as a starting point. The file is one
//! of the site's own (`example-proposal.json`), fetched when first opened and kept offline by
//! the service worker, so it costs the page's first download nothing.

use super::autosave::Autosave;
use super::route::Route;
use super::workspace::{Editor, ReadOnly};
use super::AppContext;
use crate::ui::browser;
use crate::ui::kit::notice::ErrorNotice;
use crossroads_workbook::catalog::FIRST_SECTION;
use crossroads_workbook::new_draft_id;
use leptos::prelude::*;

/// The example's id in links (`#/drafts/built-in.example/…`). No stored draft can have it:
/// draft ids never hold a dot.
pub const EXAMPLE_ID: &str = "built-in.example";

/// The example's file, beside the page.
const EXAMPLE_FILE: &str = "example-proposal.json";

/// The example, read-only, in the workbook's own screens.
#[component]
pub fn ExampleWorkspace() -> impl IntoView {
    let context = AppContext::get();
    // A plain signal filled by a task, not a resource: resources bring the whole async
    // machinery of the reactive system into the page's first download.
    let loaded = RwSignal::new(None::<Result<crossroads_workbook::Draft, String>>);
    leptos::task::spawn_local(async move {
        let result = match browser::fetch_text(EXAMPLE_FILE).await {
            Ok(text) => super::lazy::read_example(text).await,
            Err(()) => Err(
                "The example could not be loaded. It comes with Crossroads from its web address: \
                 open Crossroads there once while online, and the example is kept for offline use."
                    .to_string(),
            ),
        };
        loaded.try_set(Some(result));
    });
    move || match loaded.get() {
        None => view! {
            <main id="main" class="page page--narrow" tabindex="-1">
                <p role="status">"Opening the example proposal\u{2026}"</p>
            </main>
        }
        .into_any(),
        Some(Err(message)) => view! {
            <main id="main" class="page page--narrow" tabindex="-1">
                <h1>"The example is not available"</h1>
                <p>{message}</p>
                <p><a class="button" href="#/">"Back to your drafts"</a></p>
            </main>
        }
        .into_any(),
        Some(Ok(mut draft)) => {
            draft.id = EXAMPLE_ID.to_string();
            let autosave = Autosave::new(draft, 0, context.store(), true);
            view! { <Editor autosave read_only=Some(ReadOnly::Example) /> }.into_any()
        }
    }
}

/// Above every screen of the example: what it is, and the way to a copy of one's own.
#[component]
pub fn ExampleNotice(autosave: Autosave) -> impl IntoView {
    let context = AppContext::get();
    let error = RwSignal::new(None::<String>);
    let copy = move |_| {
        let mut draft = autosave.draft.get_untracked();
        let now = browser::now_ms();
        draft.id = new_draft_id(now, browser::random_u64());
        draft.title = format!("Our copy of {}", draft.display_title());
        draft.created_ms = now;
        draft.updated_ms = now;
        draft.last_section = FIRST_SECTION.to_string();
        match context.store().add(draft) {
            Ok(draft) => {
                context.drafts_changed();
                context.announce(format!(
                    "Copied the example as \u{201c}{}\u{201d}. You can change everything in it.",
                    draft.display_title()
                ));
                let _ = window()
                    .location()
                    .set_hash(&Route::section(&draft.id, FIRST_SECTION).href());
            }
            Err(e) => error.set(Some(format!("The example could not be copied: {e}."))),
        }
    };
    view! {
        <div class="notice example-notice" data-testid="example-notice">
            <p>
                <strong>"This is an example. "</strong>
                "A fictional school\u{2019}s finished proposal, to show what a complete plan looks \
                 like. It is read-only; copy it to use it as a starting point for your own."
            </p>
            <p class="notice__actions">
                <button type="button" class="button button--secondary" on:click=copy>
                    "Copy it as a new draft"
                </button>
                <a class="button button--quiet" href="#/">"Back to your drafts"</a>
            </p>
            <ErrorNotice message=error />
        </div>
    }
}
