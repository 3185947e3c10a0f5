//! The district's competitions kept in this browser (`#/competitions`): start one from the
//! Crossroads rubric, from an empty rubric or as a copy of an earlier one; open, delete, and
//! import a brief file beside the others. The editor itself is `#/competitions/<id>`.

mod editor;
mod fields;
mod rubric;

pub use editor::BriefEditor;

use super::stores::Stores;
use super::Place;
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::files::{ChosenFile, FilePicker};
use crate::ui::kit::notice::{announce, ErrorNotice};
use crossroads_exchange::{read_brief, MAX_BRIEF_BYTES};
use crossroads_review::{Competition, Rubric};
use crossroads_storage::{DocEntry, DocStore, Document};
use leptos::prelude::*;

/// A fresh competition id.
pub(super) fn new_competition_id() -> String {
    format!("competition-{:x}", browser::random_u64())
}

/// A new competition: the Crossroads rubric or an empty one, and the usual signers.
fn new_competition(empty_rubric: bool) -> Competition {
    let mut c = Competition::new(new_competition_id(), "New competition");
    c.brief.signoff = vec!["Principal".into(), "District contact".into()];
    if empty_rubric {
        for stage in &mut c.stages {
            stage.rubric = Rubric::empty();
        }
    }
    c
}

/// Stores `competition` as a new one; says why when it cannot. Returns its id when stored.
fn add(competition: Competition, problem: RwSignal<Option<String>>) -> Option<String> {
    let id = competition.brief.id.clone();
    match Stores::get().competitions.add(competition) {
        Ok(_) => Some(id),
        Err(e) => {
            problem.set(Some(format!(
                "The competition was not saved: {}.",
                e.reason("competition")
            )));
            None
        }
    }
}

fn summary(c: &Competition) -> String {
    let deadline = match c.brief.deadline.trim() {
        "" => "no deadline yet".to_string(),
        d => format!("due {d}"),
    };
    let stages = match c.stages.len() {
        1 => "1 stage of review".to_string(),
        n => format!("{n} stages of review"),
    };
    format!(
        "Version {} \u{b7} {deadline} \u{b7} {stages}",
        c.brief.version
    )
}

/// One line of the list.
fn competition_item(
    entry: DocEntry<Competition>,
    refresh: RwSignal<u32>,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    match entry {
        DocEntry::Editable { doc, .. } => {
            let id = doc.brief.id.clone();
            let title = doc.display_title().to_string();
            let district = doc.brief.district.trim().to_string();
            let meta = summary(&doc);
            let deleting = RwSignal::new(false);
            let delete_id = format!("delete-{id}");
            let keep_id = format!("keep-{id}");
            let on_delete = {
                let id = id.clone();
                Callback::new(move |()| {
                    if let Err(e) = Stores::get().competitions.delete(&id) {
                        problem.set(Some(format!(
                            "The competition was not deleted: {}.",
                            e.reason("competition")
                        )));
                    }
                    refresh.update(|n| *n += 1);
                    browser::focus_later("competitions-heading".into());
                })
            };
            let copy = move |_| {
                let mut c = doc.clone();
                c.brief.id = new_competition_id();
                c.brief.version = 1;
                c.brief.title = format!("Copy of {}", doc.display_title());
                if let Some(id) = add(c, problem) {
                    browser::replace_hash(&Place::Competition(id).href());
                }
            };
            view! {
                <li class="proposal-card" data-testid="competition-card">
                    <h3><a href=Place::Competition(id.clone()).href()>{title.clone()}</a></h3>
                    {(!district.is_empty()).then(|| view! { <p class="proposal-card__school">{district}</p> })}
                    <p class="proposal-card__meta">{meta}</p>
                    <p class="notice__actions">
                        <button type="button" class="button button--secondary button--small" on:click=copy>
                            <span>"Make a copy"</span>
                            <span class="visually-hidden">{format!(" of \u{201c}{title}\u{201d}")}</span>
                        </button>
                        <button
                            type="button"
                            id=delete_id.clone()
                            class="button button--danger-quiet button--small"
                            on:click={
                                let keep_id = keep_id.clone();
                                move |_| {
                                    deleting.set(true);
                                    browser::focus_later(keep_id.clone());
                                }
                            }
                        >
                            <span>"Delete"</span>
                            <span class="visually-hidden">{format!(" \u{201c}{title}\u{201d}")}</span>
                        </button>
                    </p>
                    <Show when=move || deleting.get()>
                        <ConfirmDelete
                            title=title.clone()
                            consequence="The competition, its brief and its rubric are removed from this browser. Download its brief first to keep a copy."
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
            <li class="proposal-card" data-testid="competition-card">
                <h3>{format!("Competition {id}")}</h3>
                <p>"A newer version of Crossroads saved this competition. Open it there; this version leaves it as it is."</p>
            </li>
        }
        .into_any(),
        DocEntry::Damaged { id, reason } => view! {
            <li class="proposal-card" data-testid="competition-card">
                <h3>{format!("Competition {id}")}</h3>
                <p>{format!("This stored competition is damaged and is kept exactly as it is: {reason}.")}</p>
            </li>
        }
        .into_any(),
    }
}

/// "This competition is not in this browser", with the way back.
#[component]
pub fn NoCompetition() -> impl IntoView {
    browser::set_title("Competition not found");
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"This competition is not in this browser"</h1>
            <p>
                "Competitions are kept in the browser they were written in. If a colleague wrote it, ask \
                 them for the brief file and import it on the list of competitions."
            </p>
            <p><a href=Place::Competitions.href()>"Go to the district\u{2019}s competitions"</a></p>
        </main>
    }
}

/// The district's competitions kept in this browser.
#[component]
pub fn Competitions(announcement: RwSignal<String>) -> impl IntoView {
    browser::set_title("The district\u{2019}s competitions");
    let problem = RwSignal::new(Stores::get().refused.as_ref().map(|e| {
        format!(
            "Competitions cannot be kept: {}. One written now lasts only while this tab is open, so download its brief.",
            e.reason("competition")
        )
    }));
    let refresh = RwSignal::new(0u32);
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev
            .key()
            .is_none_or(|k| DocStore::<Competition>::id_of_key(&k).is_some())
        {
            refresh.update(|n| *n += 1);
        }
    });
    on_cleanup(move || other_tab.remove());
    let list = move || {
        refresh.get();
        let mut entries = Stores::get().competitions.list().unwrap_or_default();
        entries.sort_by_key(|e| match e {
            DocEntry::Editable { doc, .. } => doc.brief.title.to_lowercase(),
            DocEntry::Newer { id, .. } | DocEntry::Damaged { id, .. } => id.clone(),
        });
        if entries.is_empty() {
            return view! {
                <p data-testid="no-competitions">"No competitions in this browser yet. Start one below, or import a brief file."</p>
            }
            .into_any();
        }
        let items = entries
            .into_iter()
            .map(|e| competition_item(e, refresh, problem))
            .collect_view();
        view! { <ul class="proposal-list" data-testid="competitions">{items}</ul> }.into_any()
    };
    let start = move |empty_rubric: bool| {
        if let Some(id) = add(new_competition(empty_rubric), problem) {
            browser::replace_hash(&Place::Competition(id).href());
        }
    };
    let on_file = Callback::new(move |file: ChosenFile| {
        let text = match file.text {
            Ok(text) => text,
            Err(why) => return problem.set(Some(format!("{} was not imported: {why}", file.name))),
        };
        let mut competition = match read_brief(&text) {
            Ok(c) => c,
            Err(e) => return problem.set(Some(format!("{} was not imported: {e}", file.name))),
        };
        let store = &Stores::get().competitions;
        let mut said = format!(
            "Imported \u{201c}{}\u{201d} beside your other competitions.",
            competition.display_title()
        );
        if store.load(&competition.brief.id).ok().flatten().is_some() {
            // The competition is here already: the file comes in beside it, never over it.
            competition.brief.id = new_competition_id();
            competition.brief.title = format!(
                "{} (imported {})",
                competition.display_title(),
                browser::format_time(browser::now_ms())
            );
            said = format!(
                "This competition was already here, so the file was imported as a copy beside it: \u{201c}{}\u{201d}.",
                competition.brief.title
            );
        }
        if add(competition, problem).is_some() {
            problem.set(None);
            refresh.update(|n| *n += 1);
            announce(announcement, said);
        }
    });
    view! {
        <main id="main" class="page" tabindex="-1">
            <p><a href=Place::List.href()>"\u{2190} Proposals to review"</a></p>
            <h1>"The district\u{2019}s competitions"</h1>
            <p class="lead">
                "Write the brief schools answer (the title, deadline, award, the district\u{2019}s own \
                 questions, who signs and what schools confirm) and the rubric reviewers score with. \
                 Competitions are kept in this browser; download the brief to send it to schools."
            </p>
            <ErrorNotice message=problem />
            <h2 id="competitions-heading" tabindex="-1">"Your competitions"</h2>
            {list}
            <h2>"Start a competition"</h2>
            <p class="notice__actions">
                <button type="button" class="button" on:click=move |_| start(false)>
                    "Start from the Crossroads rubric"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| start(true)>
                    "Start with an empty rubric"
                </button>
            </p>
            <p class="field__hint">
                "The Crossroads rubric scores each focus area of the workbook, then equity and rigor, then \
                 feasibility and cost, on four levels. To start from an earlier competition, make a copy of it above."
            </p>
            <FilePicker
                id="import-brief"
                label="Import a brief file"
                hint="A brief downloaded from Crossroads (the HTML document or the JSON data). It is added beside your competitions; nothing is replaced."
                accept=".html,.htm,.json,text/html,application/json"
                limit=MAX_BRIEF_BYTES
                on_file
            />
        </main>
    }
}
