//! The proposals open on the desk, and the screen that opens and lists them.

use super::Place;
use crate::ui::browser;
use crate::ui::kit::files::{ChosenFile, DropZone, FilePicker, PROPOSAL_FILES};
use crossroads_exchange::{read_proposal, MAX_FILE_BYTES};
use crossroads_workbook::catalog::{Catalog, Progress};
use crossroads_workbook::Draft;
use leptos::prelude::*;

/// A proposal opened from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The file it came from.
    pub file_name: String,
    /// The proposal.
    pub draft: Draft,
    /// Answers the file held that this version cannot show.
    pub set_aside: usize,
    /// Answered and total prompts.
    pub progress: Progress,
}

/// A file that is not on the desk, and why.
#[derive(Clone, Debug, PartialEq)]
struct Refused {
    file_name: String,
    why: String,
}

/// What the desk holds: the open proposals, in the order opened, and the files refused.
#[derive(Clone, Copy)]
pub struct Desk {
    proposals: RwSignal<Vec<Opened>>,
    refused: RwSignal<Vec<Refused>>,
    announcement: RwSignal<String>,
}

impl Desk {
    pub fn new(announcement: RwSignal<String>) -> Desk {
        Desk {
            proposals: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            announcement,
        }
    }

    /// How many proposals are open.
    pub fn count(&self) -> usize {
        self.proposals.with(Vec::len)
    }

    /// The proposal at `index`, if open.
    pub fn get(&self, index: usize) -> Option<Opened> {
        self.proposals.with(|p| p.get(index).cloned())
    }

    /// Every open proposal, in the order opened.
    pub fn drafts(&self) -> Vec<Draft> {
        self.proposals
            .with(|p| p.iter().map(|o| o.draft.clone()).collect())
    }

    /// The applying schools, by proposal id, in the order of their names (for declaring
    /// conflicts of interest before blind reading).
    pub fn schools(&self) -> Vec<(String, String)> {
        let mut schools: Vec<(String, String)> = self.proposals.with(|p| {
            p.iter()
                .map(|o| {
                    let school = match o.draft.school() {
                        "" => format!("School not named ({})", o.draft.display_title()),
                        s => s.to_string(),
                    };
                    (o.draft.id.clone(), school)
                })
                .collect()
        });
        crossroads_workbook::order::sort_by_key(&mut schools, |(_, s)| s.to_lowercase());
        schools
    }

    fn say(&self, text: String) {
        crate::ui::kit::notice::announce(self.announcement, text);
    }

    /// Takes one chosen file: opens it, or says why not.
    fn take(&self, file: ChosenFile) {
        let file_name = if file.name.is_empty() {
            "What was dropped".to_string()
        } else {
            file.name
        };
        let opened = file
            .text
            .and_then(|text| read_proposal(&text).map_err(|e| e.to_string()));
        match opened {
            Err(why) => {
                self.say(format!("{file_name} was not opened: {why}"));
                self.refused.update(|r| r.push(Refused { file_name, why }));
            }
            Ok(imported) => {
                let draft = imported.draft;
                let already = self.proposals.with(|p| p.iter().any(|o| o.draft == draft));
                if already {
                    let why = format!(
                        "\u{201c}{}\u{201d} is already open on the desk, exactly as in this file.",
                        draft.display_title()
                    );
                    self.say(format!("{file_name} was not opened: {why}"));
                    self.refused.update(|r| r.push(Refused { file_name, why }));
                    return;
                }
                self.say(format!("Opened \u{201c}{}\u{201d}.", draft.display_title()));
                let progress = Catalog::of(&draft).overall_progress(&draft);
                self.proposals.update(|p| {
                    p.push(Opened {
                        file_name,
                        set_aside: imported.set_aside.len(),
                        progress,
                        draft,
                    })
                });
            }
        }
    }
}

/// The desk's first screen: open files, and the list of proposals to read.
#[component]
pub fn ProposalList(desk: Desk) -> impl IntoView {
    browser::set_title("Reviewer\u{2019}s desk");
    let on_file = Callback::new(move |file: ChosenFile| desk.take(file));
    let rows = move || {
        desk.proposals.with(|proposals| {
            proposals
                .iter()
                .enumerate()
                .map(|(i, opened)| {
                    let school = opened.draft.school().to_string();
                    let school = if school.is_empty() { "School not named".to_string() } else { school };
                    let p = opened.progress;
                    view! {
                        <li class="proposal-card" data-testid="proposal">
                            <h3>
                                <a href=Place::Reading(i).href()>{opened.draft.display_title().to_string()}</a>
                            </h3>
                            <p class="proposal-card__school">{school}</p>
                            <p class="proposal-card__meta">
                                {format!("{} of {} prompts answered \u{b7} from {}", p.answered, p.total, opened.file_name)}
                            </p>
                            {(opened.set_aside > 0).then(|| view! {
                                <p class="proposal-card__meta">
                                    {format!("{} answers in the file belong to questions this version does not ask; they are not shown.", opened.set_aside)}
                                </p>
                            })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let refused = move || {
        desk.refused.with(|refused| {
            (!refused.is_empty()).then(|| {
                let items = refused
                    .iter()
                    .map(|r| view! { <li><strong>{r.file_name.clone()}": "</strong>{r.why.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice notice--danger" data-testid="refused">
                        <p><strong>"Some files were not opened."</strong>" Nothing in them was changed."</p>
                        <ul>{items}</ul>
                        <p class="notice__actions">
                            <button type="button" class="button button--quiet button--small" on:click=move |_| desk.refused.set(Vec::new())>
                                "Dismiss"
                            </button>
                        </p>
                    </div>
                }
            })
        })
    };
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"Proposals to review"</h1>
            <p class="lead">
                "Open the proposal files that school design teams sent you (the HTML or JSON files they \
                 exported from Crossroads), then read them one by one. The files stay on this computer: \
                 nothing is uploaded."
            </p>
            <DropZone class="import" labelled_by="open-heading" testid="open-proposals" multiple=true limit=MAX_FILE_BYTES on_file>
                <h2 id="open-heading">"Open proposal files"</h2>
                <FilePicker
                    id="proposal-files"
                    label="Choose one or more proposal files"
                    hint="Or drop them on this box. Each file at most 64 MB."
                    accept=PROPOSAL_FILES
                    multiple=true
                    limit=MAX_FILE_BYTES
                    on_file
                />
            </DropZone>
            {refused}
            <section aria-labelledby="list-heading">
                <h2 id="list-heading">
                    {move || match desk.count() {
                        0 => "No proposals open yet".to_string(),
                        1 => "1 proposal open".to_string(),
                        n => format!("{n} proposals open"),
                    }}
                </h2>
                <p class="field__hint">
                    "This list lasts while this tab is open. Reloading the page empties it; the files \
                     themselves are not touched, so you can open them again."
                </p>
                <ol class="proposal-list" data-testid="proposal-list">{rows}</ol>
            </section>
            <p class="desk__district">
                <a href=Place::Competitions.href()>"Running a competition? Write or open the district\u{2019}s brief"</a>
            </p>
        </main>
    }
}
