//! The closing readiness check: what is unanswered, and the warning signs, each with a link to
//! the prompt that fixes it.

use super::autosave::Autosave;
use super::route::Route;
use super::workspace::SectionPager;
use crossroads_workbook::catalog::{Catalog, READINESS_SECTION};
use crossroads_workbook::{Flag, Prompt, Readiness};
use leptos::prelude::*;

fn prompt_href(catalog: Catalog, draft_id: &str, prompt: &Prompt) -> String {
    let section = catalog.section_of(prompt.id).map_or("", |s| s.id);
    Route::prompt(draft_id, section, prompt.id).href()
}

/// The readiness screen of the open draft.
#[component]
pub fn ReadinessScreen(autosave: Autosave) -> impl IntoView {
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let catalog = autosave.catalog;
    let section = catalog
        .get_untracked()
        .section(READINESS_SECTION)
        .expect("the catalog has a readiness check");
    let id = draft_id.clone();
    let body = move || {
        let (readiness, progress) = autosave
            .draft
            .with(|d| (Readiness::check(d), Catalog::of(d).overall_progress(d)));
        let catalog = catalog.get();
        let id = id.clone();
        let summary = format!(
            "{} of {} prompts answered. {}",
            progress.answered,
            progress.total,
            match readiness.flags.len() {
                0 => "No warning signs.".to_string(),
                1 => "1 warning sign to look at.".to_string(),
                n => format!("{n} warning signs to look at."),
            }
        );
        let summary = match readiness.addressed.len() {
            0 => summary,
            1 => format!("{summary} 1 sign marked as addressed by your team."),
            n => format!("{summary} {n} signs marked as addressed by your team."),
        };
        let flags = readiness
            .flags
            .iter()
            .map(|flag| {
                let (prompt, detail) = autosave
                    .draft
                    .with_untracked(|d| (flag.prompt_in(d), flag.detail(d)));
                view! {
                    <li class="flag" data-testid="flag">
                        <h3 class="flag__title">{flag.title()}</h3>
                        {detail.map(|d| view! { <p class="flag__detail" data-testid="flag-detail">{d}</p> })}
                        <p class="flag__why">{flag.why()}</p>
                        <p class="flag__looked-for">{format!("What the check looked for: {}.", flag.looked_for())}</p>
                        {prompt.map(|prompt| view! {
                        <p>
                            <a class="flag__fix" href=prompt_href(catalog, &id, prompt)>
                                {format!("Answer \u{201c}{}\u{201d}", prompt.label)}
                            </a>
                        </p>
                        })}
                        <MarkAddressed flag=*flag autosave />
                    </li>
                }
            })
            .collect_view();
        let sections = readiness
            .sections
            .iter()
            .map(|s| {
                let open = if s.unanswered.is_empty() {
                    view! { <p class="readiness-area__done">"Every prompt is answered."</p> }.into_any()
                } else {
                    let links = s
                        .unanswered
                        .iter()
                        .map(|p| view! { <li><a href=prompt_href(catalog, &id, p)>{p.label}</a></li> })
                        .collect_view();
                    view! { <ul class="readiness-area__open">{links}</ul> }.into_any()
                };
                view! {
                    <section class="readiness-area" data-testid="readiness-area" data-section=s.section.id>
                        <h3 class="readiness-area__title">
                            {s.section.numbered_title()}
                            <span class="readiness-area__count">
                                {format!("{} of {} answered", s.progress.answered, s.progress.total)}
                            </span>
                        </h3>
                        {open}
                    </section>
                }
            })
            .collect_view();
        let no_flags = readiness.flags.is_empty();
        let addressed = (!readiness.addressed.is_empty()).then(|| {
            let items = readiness
                .addressed
                .iter()
                .map(|(flag, reason)| {
                    let flag = *flag;
                    view! {
                        <li class="flag flag--addressed" data-testid="addressed-flag">
                            <h3 class="flag__title">{flag.title()}</h3>
                            <p class="flag__reason">
                                <span class="flag__reason-label">"Your reason: "</span>
                                {reason.clone()}
                            </p>
                            <p class="flag__looked-for">{format!("What the check looked for: {}.", flag.looked_for())}</p>
                            <Show when=move || !autosave.is_read_only()>
                                <button
                                    type="button"
                                    class="button button--quiet button--small"
                                    on:click=move |_| autosave.edit(|d| flag.mark_addressed(d, ""))
                                >
                                    "Show it as a warning sign again"
                                </button>
                            </Show>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>"Marked as addressed by your team"</h2>
                <p>"The exported proposal lists these signs with your reasons, so reviewers see them."</p>
                <ul class="flags">{items}</ul>
            }
        });
        view! {
            <p class="readiness-summary" data-testid="readiness-summary">{summary}</p>
            <h2>"Warning signs"</h2>
            {if no_flags {
                view! { <p>"None of the warning signs the report describes is left open in this draft."</p> }
                    .into_any()
            } else {
                view! { <ul class="flags">{flags}</ul> }.into_any()
            }}
            {addressed}
            <h2>"Still unanswered"</h2>
            <div class="readiness-areas">{sections}</div>
        }
    };
    view! {
        <article class="section" data-testid="section" data-section=section.id>
            <p class="section__eyebrow">"Before you export"</p>
            <h1 id="section-heading" class="section__title" tabindex="-1">{section.title}</h1>
            <p class="section__lead">{section.why}</p>
            {body}
            <SectionPager section draft_id catalog=catalog.get_untracked() />
        </article>
    }
}

/// "This does not apply to us": the team marks a sign addressed, always with a written reason.
#[component]
fn MarkAddressed(flag: Flag, autosave: Autosave) -> impl IntoView {
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let field = format!("reason-{}", flag.id());
    let error = format!("reason-error-{}", flag.id());
    let toggle = format!("mark-{}", flag.id());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            missing.set(true);
            return;
        }
        autosave.edit(|d| flag.mark_addressed(d, &text));
    };
    move || {
        if autosave.is_read_only() {
            return ().into_any();
        }
        let (field, error, toggle) = (field.clone(), error.clone(), toggle.clone());
        if !open.get() {
            return view! {
                <button
                    type="button"
                    class="button button--quiet button--small"
                    id=toggle
                    on:click=move |_| {
                        open.set(true);
                        crate::ui::browser::focus_later(field.clone());
                    }
                >
                    "Our plan addresses this: say why"
                </button>
            }
            .into_any();
        }
        let described = error.clone();
        view! {
            <form class="flag__mark" on:submit=save>
                <label for=field.clone() class="flag__mark-label">
                    "Why this sign does not apply to your plan (reviewers will read this)"
                </label>
                <textarea
                    id=field
                    class="prompt__input"
                    aria-describedby=move || missing.get().then(|| described.clone())
                    aria-invalid=move || missing.get().then_some("true")
                    prop:value=move || reason.get()
                    on:input=move |ev| {
                        reason.set(event_target_value(&ev));
                        missing.set(false);
                    }
                ></textarea>
                <p class="flag__mark-error" role="alert" id=error hidden=move || !missing.get()>
                    "Write the reason first: a sign is never set aside without one."
                </p>
                <div class="flag__mark-actions">
                    <button type="submit" class="button button--secondary button--small">
                        "Mark as addressed"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet button--small"
                        on:click=move |_| {
                            open.set(false);
                            crate::ui::browser::focus_later(toggle.clone());
                        }
                    >
                        "Cancel"
                    </button>
                </div>
            </form>
        }
        .into_any()
    }
}
