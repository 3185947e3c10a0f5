//! The components: the app shell, the home screen, the draft workspace and its parts.

mod autosave;
mod backup;
mod browser;
mod confirm;
mod export;
mod history;
mod home;
mod import;
mod prompt_field;
mod readiness;
mod route;
mod space;
mod update;
mod workspace;

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
}

impl AppContext {
    pub fn get() -> AppContext {
        use_context::<AppContext>().expect("AppContext is provided by App")
    }

    pub fn store(&self) -> Arc<DraftStore> {
        self.store.get_value()
    }

    /// Says something to screen-reader users without moving their focus.
    pub fn announce(&self, text: impl Into<String>) {
        let text = text.into();
        // Clearing first makes a repeat of the same words be read again.
        self.announcement.set(String::new());
        let announcement = self.announcement;
        request_animation_frame(move || announcement.set(text));
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

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
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
    };
    provide_context(context);
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
        <a class="skip-link" href="#main" on:click=browser::skip_to_main>"Skip to main content"</a>
        <header class="app-header">
            <a class="app-header__brand" href="#/">
                <span class="app-header__name">"Crossroads"</span>
                <span class="app-header__tagline">"Personalized learning design workbook"</span>
            </a>
        </header>
        <update::UpdateBanner ready=update_ready />
        <StorageNotice />
        {move || match screen.get() {
            Screen::Home => view! { <home::Home /> }.into_any(),
            Screen::Draft(id) => view! { <workspace::Workspace id /> }.into_any(),
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
