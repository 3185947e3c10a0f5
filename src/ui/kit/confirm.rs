//! Asking before something that cannot be undone, and notes people dismiss.

use crate::ui::browser;
use leptos::prelude::*;

/// A question asked in place before something that cannot be undone: "<question> <consequence>
/// [yes] [no]". Focus starts on the safe answer, and returns to `back_to` when it is chosen.
#[component]
pub fn Confirm(
    /// The question, in bold ("Delete “X”?").
    question: String,
    /// What saying yes means.
    consequence: String,
    /// The answer that goes ahead ("Yes, delete it").
    yes: &'static str,
    /// The safe answer ("Keep it").
    no: &'static str,
    /// The id of the safe answer's button (it takes focus when the question appears).
    no_id: String,
    /// The element that gets focus back after the safe answer.
    back_to: String,
    /// Set to false to close the question.
    open: RwSignal<bool>,
    /// Goes ahead.
    on_yes: Callback<()>,
) -> impl IntoView {
    let question_id = format!("{no_id}-question");
    let labelled_by = question_id.clone();
    view! {
        <div class="confirm" role="group" aria-labelledby=labelled_by>
            <p id=question_id>
                <strong>{question}</strong>
                " "{consequence}
            </p>
            <button type="button" class="button button--danger button--small" on:click=move |_| on_yes.run(())>
                {yes}
            </button>
            <button
                type="button"
                id=no_id
                class="button button--quiet button--small"
                on:click=move |_| {
                    open.set(false);
                    browser::focus_later(back_to.clone());
                }
            >
                {no}
            </button>
        </div>
    }
}

/// "Delete “X”? … This cannot be undone. [Yes, delete it] [Keep it]".
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
    view! {
        <Confirm
            question=format!("Delete \u{201c}{title}\u{201d}?")
            consequence=format!("{consequence} This cannot be undone.")
            yes="Yes, delete it"
            no="Keep it"
            no_id=keep_id
            back_to
            open
            on_yes=on_delete
        />
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
