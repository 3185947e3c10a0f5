//! The export screen: the proposal as a file to hand in, print, or move to another computer.

use super::autosave::Autosave;
use super::route::{Route, EXPORT_PLACE};
use super::AppContext;
use crate::ui::browser;
use crossroads_exchange::{export, file_name, ExportOptions, Format, Unanswered};
use crossroads_workbook::catalog::{Catalog, READINESS_SECTION};
use crossroads_workbook::Readiness;
use leptos::prelude::*;

fn describe(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Html => (
            "Proposal document (HTML)",
            "Opens in any web browser and prints cleanly. Hand this to the district; it can also be \
             brought back into Crossroads on another computer.",
        ),
        Format::Json => (
            "Data only (JSON)",
            "The answers alone, for moving a draft to another computer or into another tool.",
        ),
        Format::Markdown => (
            "Plain text (Markdown)",
            "Headings and text to paste into a word processor or another document.",
        ),
    }
}

/// The export screen of the open draft.
#[component]
pub fn ExportScreen(autosave: Autosave) -> impl IntoView {
    let context = AppContext::get();
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let format = RwSignal::new(Format::Html);
    let unanswered = RwSignal::new(Unanswered::Mark);
    let guidance = RwSignal::new(false);
    let done = RwSignal::new(None::<Result<String, String>>);
    let today = browser::today();
    let name = {
        let today = today.clone();
        move || autosave.draft.with(|d| file_name(d, format.get(), &today))
    };
    let summary = move || {
        autosave.draft.with(|d| {
            let progress = Catalog::of(d).overall_progress(d);
            let readiness = Readiness::check(d);
            let addressed = match readiness.addressed.len() {
                0 => String::new(),
                1 => ", 1 marked as addressed".to_string(),
                n => format!(", {n} marked as addressed"),
            };
            format!(
                "{} of {} prompts answered; {}{addressed}.",
                progress.answered,
                progress.total,
                match readiness.flags.len() {
                    0 => "no warning signs open".to_string(),
                    1 => "1 warning sign open".to_string(),
                    n => format!("{n} warning signs open"),
                }
            )
        })
    };
    let download = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let options = ExportOptions {
            unanswered: unanswered.get_untracked(),
            guidance: guidance.get_untracked(),
            ..ExportOptions::new(browser::now_ms(), &today)
        };
        let format = format.get_untracked();
        let (name, text) = autosave
            .draft
            .with_untracked(|d| (file_name(d, format, &today), export(d, format, &options)));
        let result = browser::download(&name, format.mime(), &text)
            .map(|()| name.clone())
            .map_err(|_| "The browser did not let Crossroads save the file.".to_string());
        if let Ok(name) = &result {
            autosave.exported();
            context.announce(format!("Saved {name} to your downloads."));
        }
        done.set(Some(result));
    };
    let formats = Format::ALL
        .iter()
        .map(|&f| {
            let (label, hint) = describe(f);
            let id = format!("format-{}", f.extension());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="option option--described">
                    <input
                        type="radio"
                        name="format"
                        id=id.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || format.get() == f
                        on:change=move |_| format.set(f)
                    />
                    <div>
                        <label for=id>{label}</label>
                        <p class="option__hint" id=hint_id>{hint}</p>
                    </div>
                </div>
            }
        })
        .collect_view();
    let choice = move |value: Unanswered, id: &'static str, label: &'static str| {
        view! {
            <label class="option" for=id>
                <input
                    type="radio"
                    name="unanswered"
                    id=id
                    prop:checked=move || unanswered.get() == value
                    on:change=move |_| unanswered.set(value)
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <article class="section" data-testid="section" data-section=EXPORT_PLACE>
            <p class="section__eyebrow">"When you are ready"</p>
            <h1 id="section-heading" class="section__title" tabindex="-1">"Export your proposal"</h1>
            <p class="section__lead">
                "Save the proposal as a file to hand to the district, to print, or to carry to another \
                 computer. The file holds everything your team wrote; nothing is sent anywhere."
            </p>
            <p class="export__summary">
                <span data-testid="export-summary">{summary}</span>" "
                <a href=Route::section(&draft_id, READINESS_SECTION).href()>"See the readiness check"</a>
            </p>
            <form class="export" on:submit=download>
                <div class="prompt">
                    <fieldset class="prompt__group">
                        <legend class="prompt__label">"Format"</legend>
                        <div class="options">{formats}</div>
                    </fieldset>
                </div>
                <div class="prompt">
                    <fieldset class="prompt__group" aria-describedby="unanswered-help">
                        <legend class="prompt__label">"Prompts you have not answered"</legend>
                        <p class="prompt__help" id="unanswered-help">
                            "For the proposal document and the plain text. The data file always holds exactly what you wrote."
                        </p>
                        <div class="options">
                            {choice(Unanswered::Mark, "unanswered-mark", "Show them, marked \u{201c}Not answered\u{201d}")}
                            {choice(Unanswered::Omit, "unanswered-omit", "Leave them out")}
                        </div>
                    </fieldset>
                </div>
                <div class="prompt">
                    <div class="option option--described">
                        <input
                            type="checkbox"
                            id="export-guidance"
                            aria-describedby="export-guidance-hint"
                            prop:checked=move || guidance.get()
                            on:change=move |ev| guidance.set(event_target_checked(&ev))
                        />
                        <div>
                            <label for="export-guidance">"Include the workbook\u{2019}s guidance"</label>
                            <p class="option__hint" id="export-guidance-hint">
                                "Adds the \u{201c}why this matters\u{201d} notes of each area and warning sign. Leave it off for the district: reviewers read your words, not the workbook\u{2019}s."
                            </p>
                        </div>
                    </div>
                </div>
                <p class="export__name">"File name: "<span class="export__file" data-testid="export-file-name">{name}</span></p>
                <button type="submit" class="button">"Download the file"</button>
            </form>
            {move || done.get().map(|result| match result {
                Ok(name) => view! {
                    <p class="notice" data-testid="export-done">
                        {format!("Saved \u{201c}{name}\u{201d} to your downloads. ")}
                        "Open it from there to read or print it."
                    </p>
                }
                .into_any(),
                Err(e) => view! { <p class="notice notice--danger" role="alert">{e}</p> }.into_any(),
            })}
            <nav class="pager" aria-label="Previous and next section">
                <span class="pager__back">
                    <a class="button button--secondary" rel="prev" href=Route::section(&draft_id, READINESS_SECTION).href()>
                        <span aria-hidden="true">"\u{2190} "</span>"Back: Readiness check"
                    </a>
                </span>
            </nav>
        </article>
    }
}
