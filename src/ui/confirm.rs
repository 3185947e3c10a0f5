//! Asking before something is deleted, and notes the team dismisses.

use super::browser;
use leptos::prelude::*;

/// "Delete “X”? … [Yes, delete it] [Keep it]", shown in place. Focus starts on "Keep it", and
/// returns to `back_to` when the team keeps it.
#[component]
pub fn ConfirmDelete(
    /// What is deleted, as the team knows it.
    title: String,
    /// What deleting it means.
    consequence: &'static str,
    /// The id of the "Keep it" button (it takes focus when the question appears).
    keep_id: String,
    /// The element that gets focus back when the team keeps it.
    back_to: String,
    /// Set to false to close the question.
    open: RwSignal<bool>,
    /// Does the deleting.
    on_delete: Callback<()>,
) -> impl IntoView {
    let question_id = format!("{keep_id}-question");
    let labelled_by = question_id.clone();
    view! {
        <div class="confirm" role="group" aria-labelledby=labelled_by>
            <p id=question_id>
                <strong>{format!("Delete \u{201c}{title}\u{201d}?")}</strong>
                " "{consequence}" This cannot be undone."
            </p>
            <button type="button" class="button button--danger button--small" on:click=move |_| on_delete.run(())>
                "Yes, delete it"
            </button>
            <button
                type="button"
                id=keep_id
                class="button button--quiet button--small"
                on:click=move |_| {
                    open.set(false);
                    browser::focus_later(back_to.clone());
                }
            >
                "Keep it"
            </button>
        </div>
    }
}

/// A note the team reads and dismisses: shown while `message` holds text.
#[component]
pub fn Dismissable(
    /// The note; "Dismiss" clears it.
    message: RwSignal<Option<String>>,
    /// The `data-testid` of the note.
    testid: &'static str,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <div class="notice" role="status" data-testid=testid>
                    <p>{text}" "
                        <button type="button" class="button button--quiet button--small" on:click=move |_| message.set(None)>
                            "Dismiss"
                        </button>
                    </p>
                </div>
            }
        })
    }
}
