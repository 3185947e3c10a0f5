//! Telling people what went wrong, in plain words, where they will see it.

use leptos::prelude::*;

/// Says `text` to screen-reader users through a page's live announcer, without moving focus.
/// Clearing first makes a repeat of the same words be read again.
pub fn announce(announcer: RwSignal<String>, text: String) {
    announcer.set(String::new());
    request_animation_frame(move || announcer.set(text));
}

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
