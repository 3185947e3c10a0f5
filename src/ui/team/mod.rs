//! The school team's workbook (`index.html`): the app shell, the home screen, the draft
//! workspace and its parts.

mod autosave;
mod backup;
mod durability;
mod example;
mod export;
mod history;
mod home;
mod import;
mod lazy;
mod prompt_field;
mod readiness;
mod resources;
mod route;
mod space;
mod workspace;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageHeader};
use crate::ui::kit::update;
use crossroads_storage::{DraftStore, MemoryStore, StoreError};
use leptos::prelude::*;
use route::Route;
use std::sync::Arc;

/// What every component can reach: the drafts, where the app is, and the live announcer.
#[derive(Clone, Copy)]
pub(crate) struct AppContext {
    /// The drafts of this browser (or of this tab, when storage is refused).
    pub store: StoredValue<Arc<DraftStore>>,
    /// Why storage is not available, when it is not.
    pub storage_problem: StoredValue<Option<StoreError>>,
    /// The current place, from the URL's hash.
    pub route: RwSignal<Route>,
    /// Text read out by screen readers (polite), for results of actions.
    pub announcement: RwSignal<String>,
    /// Whether the browser promised to keep the site's data.
    pub persistence: RwSignal<browser::Persistence>,
    /// The open draft, when one is: writes what is pending and says whether the work on screen
    /// is kept (in storage, or exported since its last change).
    open_work: StoredValue<Option<Callback<(), bool>>>,
    /// Something to tell the team on the next screen (the one before it is gone).
    pub flash: RwSignal<Option<String>>,
    /// Bumped whenever the stored drafts change (here or in another tab), so lists read again.
    drafts: RwSignal<u32>,
    /// The app itself is about to reload the page, after checking that the work is kept.
    leaving_on_purpose: StoredValue<bool>,
}

impl AppContext {
    pub fn get() -> AppContext {
        use_context::<AppContext>().expect("AppContext is provided by App")
    }

    pub fn store(&self) -> Arc<DraftStore> {
        self.store.get_value()
    }

    /// Registers (or clears) the open draft's check of whether its work is kept.
    pub fn set_open_work(&self, check: Option<Callback<(), bool>>) {
        self.open_work.try_set_value(check);
    }

    /// Whether everything the team sees is kept, after writing what is pending: true when no
    /// draft is open.
    pub fn work_is_kept(&self) -> bool {
        self.open_work
            .try_get_value()
            .flatten()
            .is_none_or(|check| check.run(()))
    }

    /// Says that the stored drafts changed: every list of them reads storage again.
    pub fn drafts_changed(&self) {
        self.drafts.update(|n| *n += 1);
    }

    /// Makes the calling view or memo read again when the stored drafts change.
    pub fn track_drafts(&self) {
        self.drafts.track();
    }

    /// Notes that the app reloads the page itself, the work being kept: no leave warning.
    pub fn leave_on_purpose(&self) {
        self.leaving_on_purpose.set_value(true);
    }

    /// Whether the app is reloading the page itself.
    pub fn is_leaving_on_purpose(&self) -> bool {
        self.leaving_on_purpose.try_get_value().unwrap_or(false)
    }

    /// Shows `text` on the next screen, and reads it out.
    pub fn flash(&self, text: String) {
        self.announce(text.clone());
        self.flash.try_set(Some(text));
    }

    /// Says something to screen-reader users without moving their focus.
    pub fn announce(&self, text: impl Into<String>) {
        crate::ui::kit::notice::announce(self.announcement, text.into());
    }
}

fn open_store() -> (DraftStore, Option<StoreError>) {
    // Each tab names itself in what it writes, for people reading raw storage.
    let writer = format!("tab-{}", browser::random_u64() % 1_000_000);
    #[cfg(target_arch = "wasm32")]
    {
        match crossroads_storage::BrowserStore::open() {
            Ok(store) => {
                let store = DraftStore::with_writer(Box::new(store), &writer);
                // Finish what a tab closed mid-migration left behind.
                let _ = store.recover();
                return (store, None);
            }
            Err(e) => {
                return (
                    DraftStore::with_writer(Box::new(MemoryStore::default()), &writer),
                    Some(e),
                )
            }
        }
    }
    #[allow(unreachable_code)]
    (
        DraftStore::with_writer(Box::new(MemoryStore::default()), &writer),
        Some(StoreError::Unavailable),
    )
}

/// How long leftovers of an unfinished save must stay leftovers before they are recovered: far
/// longer than any save in another tab takes between its first and its last write.
const LEFTOVER_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Makes drafts again of what an unfinished save of an older build left behind (answers with
/// no head), once they are still there a few seconds after start-up. Nothing is deleted.
fn sweep_leftovers(context: AppContext) {
    let store = context.store();
    let seen = store.orphans().unwrap_or_default();
    if seen.is_empty() || !store.is_persistent() {
        return;
    }
    set_timeout(
        move || {
            let store = context.store();
            let still = store.orphans().unwrap_or_default();
            let title = format!("Recovered answers (found on {})", browser::today());
            let recovered = seen
                .iter()
                .filter(|id| still.contains(id))
                .filter(|id| store.recover_orphan(id, &title, browser::now_ms()).is_ok())
                .count();
            if recovered > 0 {
                context.drafts_changed();
                context.flash(format!(
                    "Crossroads found answers that an earlier save never finished, and kept them as \
                     \u{201c}{title}\u{201d}. Look through them, then keep or delete that draft."
                ));
            }
        },
        LEFTOVER_WAIT,
    );
}

/// The team's whole app.
#[component]
pub fn TeamApp() -> impl IntoView {
    let (store, storage_problem) = open_store();
    let route = RwSignal::new(Route::parse(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&browser::hash()));
    });
    on_cleanup(move || handle.remove());
    let context = AppContext {
        store: StoredValue::new(Arc::new(store)),
        storage_problem: StoredValue::new(storage_problem),
        route,
        announcement: RwSignal::new(String::new()),
        persistence: RwSignal::new(browser::Persistence::Unknown),
        open_work: StoredValue::new(None),
        flash: RwSignal::new(None),
        drafts: RwSignal::new(0),
        leaving_on_purpose: StoredValue::new(false),
    };
    provide_context(context);
    sweep_leftovers(context);
    browser::ask_to_persist(context.persistence);
    let update_ready = RwSignal::new(false);
    update::register(update_ready);

    // Only a change of screen (home, another draft) rebuilds the page; moving between the
    // sections of one draft keeps the workspace and its unsaved edits.
    let screen = Memo::new(move |_| match route.get() {
        Route::Home => Screen::Home,
        Route::Draft { id, .. } => Screen::Draft(id),
        Route::NotFound => Screen::NotFound,
    });

    view! {
        <PageHeader page=Page::Team />
        <update::UpdateBanner
            ready=update_ready
            work_is_kept=Callback::new(move |()| context.work_is_kept())
            leave_on_purpose=Callback::new(move |()| context.leave_on_purpose())
        />
        <StorageNotice />
        {move || match screen.get() {
            Screen::Home => view! { <home::Home /> }.into_any(),
            Screen::Draft(id) => lazy::workspace(id),
            Screen::NotFound => view! { <NotFound /> }.into_any(),
        }}
        <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
            {move || context.announcement.get()}
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Screen {
    Home,
    Draft(String),
    NotFound,
}

/// Tells the team, on every screen, when the browser refuses storage.
#[component]
fn StorageNotice() -> impl IntoView {
    let context = AppContext::get();
    context.storage_problem.get_value().map(|problem| {
        view! {
            <div class="notice notice--danger" role="alert" data-testid="storage-notice">
                <p>
                    <strong>"Your work is not being saved in this browser. "</strong>
                    {format!("Crossroads found that {problem}, ")}
                    "so it keeps what you type only while this tab stays open. Closing or reloading \
                     the tab will lose it. To keep your work, open the draft and use \u{201c}Export \
                     proposal\u{201d} to save it as a file. To save drafts here, allow site data for \
                     this page in the browser's settings, or use a window that is not private."
                </p>
            </div>
        }
    })
}

#[component]
fn NotFound() -> impl IntoView {
    browser::set_title("Page not found");
    view! {
        <main id="main" class="page page--narrow" tabindex="-1">
            <h1>"There is nothing at this address"</h1>
            <p>"The link may be incomplete. Your drafts are listed on the home screen."</p>
            <p><a class="button" href="#/">"Go to your drafts"</a></p>
        </main>
    }
}
