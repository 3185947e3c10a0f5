//! How much of the browser's storage Crossroads uses, and freeing some by the team's choice.
//! Nothing is ever deleted to make room without a click here.

use super::AppContext;
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::notice::ErrorNotice;
use crossroads_storage::{DraftUsage, Usage, QUOTA_UNITS, WARN_PERCENT};
use leptos::prelude::*;

/// What the team freed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freed {
    /// The history of this draft.
    HistoryOf(String),
    /// This draft, or the leftovers of an unfinished save.
    Draft(String),
}

fn share(units: usize) -> String {
    match units * 100 / QUOTA_UNITS {
        0 => "under 1%".to_string(),
        n => format!("{n}%"),
    }
}

/// The storage panel.
#[component]
pub fn SpacePanel(
    /// The draft open in this tab: it cannot be deleted from here.
    #[prop(optional, into)]
    open_draft: Option<String>,
    /// Called after something was deleted, with what.
    #[prop(optional)]
    on_freed: Option<Callback<Freed>>,
) -> impl IntoView {
    let context = AppContext::get();
    let refresh = RwSignal::new(0u32);
    let usage = Memo::new(move |_| {
        refresh.track();
        context.store().usage().ok()
    });
    let freed = Callback::new(move |(message, what): (String, Freed)| {
        context.announce(message);
        refresh.update(|n| *n += 1);
        if let Some(callback) = on_freed {
            callback.run(what);
        }
    });
    let open_draft = StoredValue::new(open_draft);
    move || {
        usage.get().map(|usage: Usage| {
            let percent = usage.percent();
            let warn = percent >= WARN_PERCENT;
            let amount = match percent {
                0 => "less than 1%".to_string(),
                n => format!("about {n}%"),
            };
            let rows = usage
                .drafts
                .iter()
                .cloned()
                .map(|d| {
                    let is_open = open_draft.with_value(|o| o.as_deref() == Some(d.id.as_str()));
                    view! { <SpaceRow usage=d is_open freed /> }
                })
                .collect_view();
            view! {
                <div class="space" data-testid="space">
                    <p class="space__summary" data-testid="space-summary">
                        {format!("Crossroads is using {amount} of the space this browser gives it.")}
                    </p>
                    <span class="meter meter--large" aria-hidden="true">
                        <span class="meter__fill" class:meter__fill--warning=warn style:width=format!("{percent}%")></span>
                    </span>
                    {warn.then(|| view! {
                        <p class="space__warning">
                            "Space is running out. Back up your drafts, then delete the history of large drafts \
                             or drafts you no longer need."
                        </p>
                    })}
                    <ul class="space__list">{rows}</ul>
                </div>
            }
        })
    }
}

#[component]
fn SpaceRow(usage: DraftUsage, is_open: bool, freed: Callback<(String, Freed)>) -> impl IntoView {
    let context = AppContext::get();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let title = match usage.title.trim() {
        _ if usage.orphan => "Pieces of a draft whose saving never finished".to_string(),
        "" => "Untitled proposal".to_string(),
        t => t.to_string(),
    };
    let id = StoredValue::new(usage.id.clone());
    let name = StoredValue::new(title.clone());
    let delete_history = move |_| match context.store().delete_history(&id.get_value()) {
        Ok(()) => freed.run((
            format!(
                "Deleted the history of \u{201c}{}\u{201d}.",
                name.get_value()
            ),
            Freed::HistoryOf(id.get_value()),
        )),
        Err(e) => error.set(Some(format!("The history could not be deleted: {e}."))),
    };
    let delete_draft = move |()| match context.store().delete(&id.get_value()) {
        Ok(()) => freed.run((
            format!("Deleted \u{201c}{}\u{201d}.", name.get_value()),
            Freed::Draft(id.get_value()),
        )),
        Err(e) => error.set(Some(format!("The draft could not be deleted: {e}."))),
    };
    let keep_id = format!("space-keep-{}", usage.id);
    let delete_id = format!("space-delete-{}", usage.id);
    view! {
        <li class="space__row" data-testid="space-row">
            <p class="space__name">
                <strong>{title.clone()}</strong>
                {is_open.then(|| view! { <span class="badge">"Open here"</span> })}
            </p>
            <p class="space__sizes">
                {format!("Draft: {} of the space. History: {}.", share(usage.draft), share(usage.history))}
            </p>
            <div class="space__actions">
                {(usage.history > 0).then(|| view! {
                    <button type="button" class="button button--secondary button--small" on:click=delete_history>
                        "Delete history"<span class="visually-hidden">{format!(" of \u{201c}{title}\u{201d}")}</span>
                    </button>
                })}
                {(!is_open).then(|| {
                    let keep_id = keep_id.clone();
                    view! {
                        <button
                            type="button"
                            id=delete_id.clone()
                            class="button button--danger-quiet button--small"
                            on:click=move |_| {
                                confirming.set(true);
                                browser::focus_later(keep_id.clone());
                            }
                        >
                            "Delete draft"<span class="visually-hidden">{format!(" \u{201c}{}\u{201d}", name.get_value())}</span>
                        </button>
                    }
                })}
            </div>
            <Show when=move || confirming.get()>
                <ConfirmDelete
                    title=name.get_value()
                    consequence="Its answers and history will be removed from this browser."
                    keep_id=keep_id.clone()
                    back_to=delete_id.clone()
                    open=confirming
                    on_delete=Callback::new(delete_draft)
                />
            </Show>
            <ErrorNotice message=error />
        </li>
    }
}
