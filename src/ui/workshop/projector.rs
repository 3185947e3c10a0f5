//! The projector window: the step in play, who speaks, the presenting team, the countdown and
//! the workbook prompt, large and at high contrast for the back of the room. It follows the run
//! view through storage, and finds its place again when reloaded or opened late.

use super::run::{roles, Conductor};
use super::shortcuts;
use super::Stores;
use crate::ui::browser;
use crossroads_storage::{DocEntry, DocStore};
use crossroads_workshop::{Workshop, SHORTCUT_HELP};
use leptos::prelude::*;

/// The projector's whole window.
#[component]
pub fn Projector(id: String) -> impl IntoView {
    let stores = Stores::get();
    let Ok(Some(DocEntry::Editable { doc, .. })) = stores.plans.load(&id) else {
        browser::set_title("Projector");
        return view! {
            <main id="main" class="projector" data-testid="projector">
                <h1 class="projector__step">"This plan is not in this browser"</h1>
                <p class="projector__who">"Open the projector from the run view of a plan kept in this browser."</p>
            </main>
        }
        .into_any();
    };
    browser::set_title("Projector");
    let workshop = RwSignal::new(doc);
    // The facilitator may still change the plan in the other window: follow it.
    let plans = stores.plans.clone();
    let plan_changed = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = ev
            .key()
            .is_none_or(|k| DocStore::<Workshop>::id_of_key(&k) == Some(id.as_str()));
        if ours {
            if let Ok(Some(DocEntry::Editable { doc, .. })) = plans.load(&id) {
                workshop.set(doc);
            }
        }
    });
    on_cleanup(move || plan_changed.remove());
    let conductor = Conductor::new(workshop.into());
    shortcuts::listen(move |s| conductor.shortcut(s));
    let in_play = Memo::new(move |_| conductor.in_play());
    let body = move || {
        let Some(p) = in_play.get() else {
            return view! { <h1 class="projector__step">"This plan has no sessions yet"</h1> }
                .into_any();
        };
        let area = p
            .session
            .focus
            .focus_area()
            .map(|a| a.section().numbered_title());
        let heading = p
            .step
            .as_ref()
            .map_or(p.session.title.clone(), |(s, _, _)| s.name.clone());
        let step_prompt = p
            .step
            .as_ref()
            .map(|(s, _, _)| s.prompt.clone())
            .filter(|t| !t.is_empty());
        view! {
            <p class="projector__session" data-testid="projector-session">
                // The heading is the step, or the session itself when it has no protocol.
                {if p.step.is_some() { p.session.title.clone() } else { p.session.activity.clone() }}
                {area.map(|a| format!(" \u{b7} {a}"))}
            </p>
            <h1 class="projector__step" data-testid="projector-step">{heading}</h1>
            {p.team.map(|t| view! { <p class="projector__team" data-testid="projector-team">"Presenting: "{t}</p> })}
            {p.step.as_ref().map(|(s, _, _)| view! { <p class="projector__who" data-testid="projector-roles">{roles(s)}</p> })}
            {step_prompt.map(|t| view! { <p class="projector__ask">{t}</p> })}
            {p.prompt.and_then(|id| crossroads_workbook::Catalog::base().prompt(id)).map(|prompt| view! {
                <section class="projector__prompt" aria-labelledby="projector-prompt" data-testid="projector-prompt">
                    <h2 id="projector-prompt">{prompt.label}</h2>
                    <p>{prompt.help}</p>
                </section>
            })}
        }
        .into_any()
    };
    let timer = move || {
        let (shown, up) = conductor.clock();
        view! {
            <div class="projector__timer" class:projector__timer--up=up data-testid="projector-timer">
                <p class="projector__time" role="timer">{shown}</p>
                <p class="projector__state">{if up { "Time is up" } else if conductor.is_running() { "" } else { "Paused" }}</p>
            </div>
        }
    };
    view! {
        <main id="main" class="projector" data-testid="projector">
            {move || conductor.problem.get().map(|p| view! { <p class="projector__problem" role="alert">{p}</p> })}
            {timer}
            {body}
            <p class="projector__keys">{SHORTCUT_HELP}</p>
        </main>
    }
    .into_any()
}
