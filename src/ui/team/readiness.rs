//! The closing readiness check: what is unanswered, and the warning signs, each with a link to
//! the prompt that fixes it.

use super::autosave::Autosave;
use super::route::Route;
use super::workspace::SectionPager;
use crossroads_workbook::catalog::{self, READINESS_SECTION};
use crossroads_workbook::{Prompt, Readiness};
use leptos::prelude::*;

fn prompt_href(draft_id: &str, prompt: &Prompt) -> String {
    Route::prompt(draft_id, prompt.section().id, prompt.id).href()
}

/// The readiness screen of the open draft.
#[component]
pub fn ReadinessScreen(autosave: Autosave) -> impl IntoView {
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let section = catalog::section(READINESS_SECTION).expect("the catalog has a readiness check");
    let id = draft_id.clone();
    let body = move || {
        let (readiness, progress) = autosave
            .draft
            .with(|d| (Readiness::check(d), catalog::overall_progress(d)));
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
        let flags = readiness
            .flags
            .iter()
            .map(|flag| {
                let prompt = flag.prompt();
                view! {
                    <li class="flag" data-testid="flag">
                        <h3 class="flag__title">{flag.title()}</h3>
                        <p class="flag__why">{flag.why()}</p>
                        <p class="flag__looked-for">{format!("What the check looked for: {}.", flag.looked_for())}</p>
                        <p>
                            <a class="flag__fix" href=prompt_href(&id, prompt)>
                                {format!("Answer \u{201c}{}\u{201d}", prompt.label)}
                            </a>
                        </p>
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
                        .map(|p| view! { <li><a href=prompt_href(&id, p)>{p.label}</a></li> })
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
        view! {
            <p class="readiness-summary" data-testid="readiness-summary">{summary}</p>
            <h2>"Warning signs"</h2>
            {if no_flags {
                view! { <p>"None of the warning signs the report describes shows up in this draft."</p> }
                    .into_any()
            } else {
                view! { <ul class="flags">{flags}</ul> }.into_any()
            }}
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
            <SectionPager section draft_id />
        </article>
    }
}
