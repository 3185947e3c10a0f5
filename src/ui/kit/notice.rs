//! Telling people what went wrong, in plain words, where they will see it.

use leptos::prelude::*;

/// A problem, read out at once: shown while `message` holds text.
#[component]
pub fn ErrorNotice(
    /// What went wrong and what to do.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message
            .get()
            .map(|text| view! { <p class="notice notice--danger" role="alert">{text}</p> })
    }
}
