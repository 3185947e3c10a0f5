//! The workshop page's start: the plans kept in this browser, a new plan from a default, a plan
//! file from a co-facilitator, and the handouts per focus area.

use super::{new_plan_id, Place, Stores};
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::files::{ChosenFile, FilePicker};
use crate::ui::kit::notice::{announce, ErrorNotice};
use crossroads_exchange::{read_workshop, MAX_WORKSHOP_BYTES};
use crossroads_storage::{DocEntry, DocStore, Document};
use crossroads_workbook::FocusArea;
use crossroads_workshop::{clock, Plan, Workshop};
use leptos::prelude::*;

/// "This plan is not in this browser", with the way back.
#[component]
pub fn NoPlan() -> impl IntoView {
    browser::set_title("Plan not found");
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"This plan is not in this browser"</h1>
            <p>
                "Plans are kept in the browser they were made in. If a co-facilitator made it, ask them \
                 for the plan file and import it on the workshop page."
            </p>
            <p><a href=Place::Home.href()>"Go to your plans"</a></p>
        </main>
    }
}

/// Stores `workshop` as a new plan and opens it; says why when it cannot.
fn add_and_open(workshop: Workshop, problem: RwSignal<Option<String>>) {
    let stores = Stores::get();
    let id = workshop.plan.id.clone();
    match stores.plans.add(workshop) {
        Ok(_) => browser::replace_hash(&Place::Plan(id).href()),
        Err(e) => problem.set(Some(format!(
            "The plan was not saved: {}.",
            e.reason("plan")
        ))),
    }
}

/// One line of the list: a plan, or a stored record that cannot be opened.
fn plan_item(
    entry: DocEntry<Workshop>,
    refresh: RwSignal<u32>,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    match entry {
        DocEntry::Editable { doc, .. } => {
            let plan = &doc.plan;
            let id = plan.id.clone();
            let end = plan.end(&Default::default());
            let meta = format!(
                "{} sessions, {} to {}",
                plan.sessions.len(),
                clock(plan.start),
                clock(end)
            );
            let title = doc.display_title().to_string();
            let deleting = RwSignal::new(false);
            let delete_id = format!("delete-{id}");
            let keep_id = format!("keep-{id}");
            let on_delete = {
                let id = id.clone();
                Callback::new(move |()| {
                    let stores = Stores::get();
                    match stores.plans.delete(&id) {
                        Ok(()) => {
                            // Where its run was goes with it.
                            let _ = stores.runs.delete(&id);
                        }
                        Err(e) => problem.set(Some(format!("The plan was not deleted: {}.", e.reason("plan")))),
                    }
                    refresh.update(|n| *n += 1);
                })
            };
            view! {
                <li class="proposal-card" data-testid="plan-card">
                    <h3><a href=Place::Plan(id.clone()).href()>{title.clone()}</a></h3>
                    <p class="proposal-card__meta">{meta}</p>
                    <p class="notice__actions">
                        <a class="button button--small" href=Place::Run(id.clone()).href()>"Run it"</a>
                        <button
                            type="button"
                            id=delete_id.clone()
                            class="button button--danger-quiet button--small"
                            on:click=move |_| deleting.set(true)
                        >
                            "Delete"
                        </button>
                    </p>
                    <Show when=move || deleting.get()>
                        <ConfirmDelete
                            title=title.clone()
                            consequence="The plan and its parking lot are removed from this browser. Export it first to keep a copy."
                            keep_id=keep_id.clone()
                            back_to=delete_id.clone()
                            open=deleting
                            on_delete
                        />
                    </Show>
                </li>
            }
            .into_any()
        }
        DocEntry::Newer { id, .. } => view! {
            <li class="proposal-card" data-testid="plan-card">
                <h3>{format!("Plan {id}")}</h3>
                <p>"A newer version of Crossroads saved this plan. Open it there; this version leaves it as it is."</p>
            </li>
        }
        .into_any(),
        DocEntry::Damaged { id, reason } => view! {
            <li class="proposal-card" data-testid="plan-card">
                <h3>{format!("Plan {id}")}</h3>
                <p>{format!("This stored plan is damaged and is kept exactly as it is: {reason}.")}</p>
            </li>
        }
        .into_any(),
    }
}

/// The start of the workshop page.
#[component]
pub fn Plans() -> impl IntoView {
    browser::set_title("Facilitator\u{2019}s workshop");
    let stores = Stores::get();
    let announcement = expect_context::<RwSignal<String>>();
    let problem = RwSignal::new(stores.refused.as_ref().map(|e| {
        format!(
            "Plans cannot be kept: {}. A plan made now lasts only while this tab is open, so export it.",
            e.reason("plan")
        )
    }));
    let refresh = RwSignal::new(0u32);
    // Another tab's plans (not where a run is, which changes every few seconds during a run).
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev
            .key()
            .is_none_or(|k| DocStore::<Workshop>::id_of_key(&k).is_some())
        {
            refresh.update(|n| *n += 1);
        }
    });
    on_cleanup(move || other_tab.remove());
    let list = move || {
        refresh.get();
        let mut entries = Stores::get().plans.list().unwrap_or_default();
        entries.sort_by_key(|e| match e {
            DocEntry::Editable { doc, .. } => doc.plan.title.to_lowercase(),
            DocEntry::Newer { id, .. } | DocEntry::Damaged { id, .. } => id.clone(),
        });
        if entries.is_empty() {
            return view! { <p data-testid="no-plans">"No plans in this browser yet. Start one from a default below."</p> }.into_any();
        }
        let items = entries
            .into_iter()
            .map(|e| plan_item(e, refresh, problem))
            .collect_view();
        view! { <ul class="proposal-list" data-testid="plans">{items}</ul> }.into_any()
    };
    let start_from = move |default: fn() -> Plan| {
        let mut plan = default();
        plan.id = new_plan_id();
        add_and_open(Workshop::new(plan), problem);
    };
    let on_file = Callback::new(move |file: ChosenFile| {
        let text = match file.text {
            Ok(text) => text,
            Err(why) => return problem.set(Some(format!("{} was not imported: {why}", file.name))),
        };
        let mut workshop = match read_workshop(&text) {
            Ok(w) => w,
            Err(e) => return problem.set(Some(format!("{} was not imported: {e}", file.name))),
        };
        let plans = &Stores::get().plans;
        if !crossroads_workbook::valid_draft_id(&workshop.plan.id) {
            // An id that cannot name a place in storage or in the address gets a fresh one.
            workshop.plan.id = new_plan_id();
        }
        if plans.load(&workshop.plan.id).ok().flatten().is_some() {
            // The plan is here already: the file comes in beside it, never over it.
            workshop.plan.id = new_plan_id();
            workshop.plan.title = format!(
                "{} (imported {})",
                workshop.display_title(),
                browser::format_time(browser::now_ms())
            );
            announce(
                announcement,
                "This plan was already here, so the file was imported as a copy beside it.".into(),
            );
        }
        problem.set(None);
        add_and_open(workshop, problem);
    });
    let handouts = FocusArea::ALL
        .iter()
        .map(|area| {
            let section = area.section();
            view! {
                <li class="proposal-card" data-testid="handout-link">
                    <h3><a href=Place::Handout(*area).href()>{section.numbered_title()}</a></h3>
                    <p class="proposal-card__meta">{format!("{} prompts, with room to write", section.prompts.len())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"Plan and run a design workshop"</h1>
            <p class="lead">
                "Build the day\u{2019}s agenda from the workbook\u{2019}s focus areas, run it with timed \
                 protocols and a projector window that follows you, and print handouts for the tables. \
                 Plans are kept in this browser; export one to share it with a co-facilitator."
            </p>
            <ErrorNotice message=problem />
            <h2>"Your plans"</h2>
            {list}
            <h2>"Start a plan"</h2>
            <p class="notice__actions">
                <button type="button" class="button" on:click=move |_| start_from(Plan::full_day)>
                    "Start from the full-day plan"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| start_from(Plan::two_hours)>
                    "Start from the two-hour plan"
                </button>
            </p>
            <FilePicker
                id="import-plan"
                label="Import a plan file"
                hint="A plan a co-facilitator exported (a .json file). It is added beside your plans; nothing is replaced."
                accept=".json,application/json"
                limit=MAX_WORKSHOP_BYTES
                on_file
            />
            <h2>"Handouts for a design workshop"</h2>
            <p>
                "Each focus area of the workbook as a printed sheet: its questions and guidance with room \
                 to write, for teams working at their tables before anyone types. Open one, then print it."
            </p>
            <ol class="proposal-list">{handouts}</ol>
            <h2>"A finished example to show"</h2>
            <p>
                "The workbook holds the complete proposal of a fictional school, with its budget and                  timeline. Show it to a room to set the bar, or let teams copy it as a starting point. "
                <a href="index.html#/drafts/built-in.example">"Open the example proposal in the workbook"</a>
            </p>
        </main>
    }
}
