//! What every page that saves shows: the save status line, and both versions side by side
//! when another tab changed the same thing.

use super::later::lazy_view;
use crossroads_storage::SaveStatus;
use leptos::prelude::*;

/// "Saved", "Saving…", "Not saved: …" or "Read only", styled by state.
#[component]
pub fn SaveStatusLine(
    /// The state of the open thing's saves.
    #[prop(into)]
    status: Signal<SaveStatus>,
    /// What is saved, as people call it.
    #[prop(default = "draft")]
    noun: &'static str,
) -> impl IntoView {
    let class = move || match status.get() {
        SaveStatus::Saved => "save-status save-status--saved",
        SaveStatus::Saving => "save-status save-status--saving",
        SaveStatus::NotSaved { .. } | SaveStatus::Conflict => "save-status save-status--failed",
        SaveStatus::ReadOnly => "save-status save-status--read-only",
    };
    view! { <p class=class data-testid="save-status">{move || status.get().text_for(noun)}</p> }
}

/// One difference between this tab's version and the other tab's: what, this tab, the other.
pub type Difference = (String, String, String);

/// Both versions where they differ, and the choice of the one to keep (the other is kept
/// aside by the caller, so nothing is lost). Drawn only when two tabs changed the same thing, so
/// in the team's split build its code comes when first needed.
#[component]
pub fn ConflictPanel(
    /// What was changed twice, as people call it ("draft", "score sheet").
    thing: &'static str,
    /// Where the two versions differ.
    differences: Vec<Difference>,
    /// Keeps this tab's version.
    keep_mine: Callback<()>,
    /// Keeps the other tab's version.
    keep_theirs: Callback<()>,
) -> impl IntoView {
    crate::ui::browser::focus_later("conflict-heading".to_string());
    lazy_view!(
        conflict_panel(thing, differences, keep_mine, keep_theirs),
        Some("conflict-heading".to_string())
    )
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn conflict_panel(
    thing: &'static str,
    differences: Vec<Difference>,
    keep_mine: Callback<()>,
    keep_theirs: Callback<()>,
) -> AnyView {
    let shown = |t: String| {
        if t.trim().is_empty() {
            "(empty)".to_string()
        } else {
            t
        }
    };
    let rows = differences
        .into_iter()
        .map(|(label, a, b)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td data-label="This tab">{shown(a)}</td>
                    <td data-label="The other tab">{shown(b)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict">
            <h2 id="conflict-heading" tabindex="-1">{format!("This {thing} was also changed in another tab")}</h2>
            <p>
                {format!("Both this tab and another tab or window changed this {thing}. Choose the version to \
                 keep. The other one is saved as a separate {thing}, so nothing is lost.")}
            </p>
            <div class="conflict__table">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"What differs"</th>
                            <th scope="col">"This tab"</th>
                            <th scope="col">"The other tab"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="notice__actions">
                <button type="button" class="button" on:click=move |_| keep_mine.run(())>
                    "Keep this tab\u{2019}s version"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| keep_theirs.run(())>
                    "Keep the other tab\u{2019}s version"
                </button>
            </p>
        </section>
    }
    .into_any()
}
