//! Working offline, and updating: registers the service worker (hosted copies only; the
//! one-file kit opened from disk has none) and, when a newer build has been deployed, offers it.
//! Updating reloads the page, which first writes every pending edit (see `autosave`).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often a long-open tab asks whether a newer build has been deployed.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// The service worker container, where the page may use one.
fn container() -> Option<ServiceWorkerContainer> {
    let window = window();
    let protocol = window.location().protocol().unwrap_or_default();
    let navigator = window.navigator();
    let available =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    (available && (protocol == "http:" || protocol == "https:")).then(|| navigator.service_worker())
}

/// Registers the service worker; sets `ready` when a newer build is installed and waiting.
pub fn register(ready: RwSignal<bool>) {
    let Some(container) = container() else {
        return;
    };
    let promise = container.register("sw.js");
    let asked = StoredValue::new(false);
    let reload = Closure::<dyn FnMut()>::new(move || {
        // The new build took over because the team chose it: load it.
        if asked.try_get_value() == Some(true) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    provide_context(UpdateControl { asked });
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = move || container.controller().is_some();
        if registration.waiting().is_some() && controlled() {
            ready.set(true);
        }
        let watched = registration.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let controlled = controlled.clone();
            let changed = Closure::<dyn FnMut()>::new(move || {
                // A first install is not an update: only offer one when a build already runs.
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    ready.set(true);
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
        let _ = set_interval_with_handle(
            move || {
                let _ = registration.update();
            },
            CHECK_EVERY,
        );
    });
}

/// Remembers that the team asked for the update.
#[derive(Clone, Copy)]
struct UpdateControl {
    asked: StoredValue<bool>,
}

/// Moves to the waiting build: the page reloads once it has taken over.
fn apply(control: UpdateControl) {
    let Some(container) = container() else {
        return;
    };
    control.asked.set_value(true);
    leptos::task::spawn_local(async move {
        let Ok(registration) =
            wasm_bindgen_futures::JsFuture::from(container.get_registration()).await
        else {
            return;
        };
        if let Some(waiting) = registration
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting())
        {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}

/// The offer of a newer build.
#[component]
pub fn UpdateBanner(
    /// Set when a newer build is waiting.
    ready: RwSignal<bool>,
    /// Whether everything on screen is kept (in storage or an exported file), after writing
    /// what is pending: updating reloads the page.
    #[prop(optional)]
    work_is_kept: Option<Callback<(), bool>>,
    /// Called just before the page reloads itself, the work being kept.
    #[prop(optional)]
    leave_on_purpose: Option<Callback<()>>,
    /// What updating means on this page (the team's: its work is saved first).
    #[prop(optional)]
    note: Option<&'static str>,
) -> impl IntoView {
    let later = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let control = use_context::<UpdateControl>();
    view! {
        <Show when=move || ready.get() && !later.get()>
            <div class="notice update" role="status" data-testid="update">
                <p>
                    <strong>"A new version of Crossroads is ready. "</strong>
                    {note.unwrap_or("Updating saves your work first, then reloads the page. It waits if your work cannot be saved.")}
                </p>
                <p class="notice__actions">
                    <button type="button" class="button button--small" on:click=move |_| {
                        // Reloading would drop work that is only on screen: refuse until it is
                        // in storage or in an exported file.
                        if !work_is_kept.is_none_or(|kept| kept.run(())) {
                            refused.set(true);
                            return;
                        }
                        refused.set(false);
                        if let Some(leave) = leave_on_purpose {
                            leave.run(());
                        }
                        if let Some(control) = control {
                            apply(control);
                        }
                    }>"Update now"</button>
                    <button type="button" class="button button--quiet button--small" on:click=move |_| later.set(true)>
                        "Later"
                    </button>
                </p>
                <Show when=move || refused.get()>
                    <p class="update__refused" role="alert" data-testid="update-refused">
                        <strong>"Not updated yet. "</strong>
                        "Your latest changes are not saved in this browser, and updating reloads the page, \
                         which would lose them. Free space or solve the problem shown above the draft until \
                         it says Saved, or export the draft to a file, then choose \u{201c}Update now\u{201d} again."
                    </p>
                </Show>
            </div>
        </Show>
    }
}
