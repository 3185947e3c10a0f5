//! The panel's assignment on the reviewer's desk: the file the district sends each reviewer
//! (which proposals to read, with their blind codes), opened here and kept in local storage
//! (`crossroads/assignment/<panel id>`, [`Stores::assignments`]). While one is kept (the most
//! recently exported, if several), the desk lists its proposals first and marks them, and says
//! which of them are not on the desk yet, by code, so the reviewer knows which files to ask for.

use super::desk::Desk;
use super::stores::Stores;
use crate::ui::browser;
use crate::ui::kit::confirm::Confirm;
use crate::ui::kit::files::{ChosenFile, FilePicker};
use crossroads_exchange::{read_assignment, MAX_ASSIGNMENT_BYTES};
use crossroads_panel::AssignmentFile;
use crossroads_storage::DocEntry;
use leptos::prelude::*;
use std::collections::HashSet;

/// The file types of an assignment, for the picker's `accept`.
const ASSIGNMENT_FILES: &str = ".json,application/json";

/// A file that was not kept as the assignment, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Refused {
    file_name: String,
    why: String,
}

/// The assignment kept on this desk, if any, and what opening one left to say.
#[derive(Clone, Copy)]
pub struct Assignment {
    kept: RwSignal<Option<AssignmentFile>>,
    refused: RwSignal<Option<Refused>>,
    announcement: RwSignal<String>,
}

/// The most recently exported assignment kept in this browser.
fn newest() -> Option<AssignmentFile> {
    Stores::get()
        .assignments
        .list()
        .ok()?
        .into_iter()
        .filter_map(|entry| match entry {
            DocEntry::Editable { doc, .. } => Some(doc),
            _ => None,
        })
        .max_by(|a, b| (a.exported_ms, &a.panel).cmp(&(b.exported_ms, &b.panel)))
}

fn proposals(n: usize) -> String {
    if n == 1 {
        "1 proposal".to_string()
    } else {
        format!("{n} proposals")
    }
}

impl Assignment {
    /// The assignment kept in this browser, read now.
    pub fn open(announcement: RwSignal<String>) -> Assignment {
        Assignment {
            kept: RwSignal::new(newest()),
            refused: RwSignal::new(None),
            announcement,
        }
    }

    /// Whether an assignment is kept.
    pub fn is_kept(&self) -> bool {
        self.kept.with(Option::is_some)
    }

    /// The ids of the proposals assigned to this reviewer (none without an assignment).
    pub fn ids(&self) -> HashSet<String> {
        self.kept.with(|k| {
            k.iter()
                .flat_map(|a| a.proposals.iter().map(|p| p.id.clone()))
                .collect()
        })
    }

    /// `ids` with the assigned proposals first, in the assignment's order.
    pub fn first(&self, ids: Vec<String>) -> Vec<String> {
        self.kept.with(|k| match k {
            Some(a) => a.assigned_first(&ids),
            None => ids,
        })
    }

    fn say(&self, text: String) {
        crate::ui::kit::notice::announce(self.announcement, text);
    }

    fn refuse(&self, file_name: String, why: String) {
        self.say(format!("{file_name} was not opened: {why}"));
        self.refused.set(Some(Refused { file_name, why }));
    }

    /// Opens an assignment file and keeps it, in place of any earlier one of the same panel;
    /// a file that cannot be used changes nothing.
    fn take(&self, file: ChosenFile) {
        let file_name = if file.name.is_empty() {
            "The file".to_string()
        } else {
            file.name
        };
        let assignment = match file
            .text
            .and_then(|text| read_assignment(&text).map_err(|e| e.to_string()))
        {
            Ok(assignment) => assignment,
            Err(why) => return self.refuse(file_name, why),
        };
        let store = &Stores::get().assignments;
        let kept = match store.load(&assignment.panel) {
            Ok(Some(DocEntry::Editable { revision, .. })) => {
                store.save(&assignment, revision).map(|_| ())
            }
            Ok(None) => store.add(assignment.clone()).map(|_| ()),
            // Damaged, or from a newer version: saving refuses, in its own words.
            Ok(Some(_)) => store.save(&assignment, 0).map(|_| ()),
            Err(e) => Err(e),
        };
        if let Err(e) = kept {
            return self.refuse(file_name, e.reason("assignment"));
        }
        self.refused.set(None);
        let newest = newest();
        let shown = newest.as_ref().is_some_and(|n| n.panel == assignment.panel);
        self.kept.set(newest.or(Some(assignment.clone())));
        let mut said = format!(
            "Your assignment: {} for {}.",
            proposals(assignment.proposals.len()),
            assignment.reviewer.name
        );
        said.push_str(if shown {
            " They come first in the list."
        } else {
            " An assignment exported later, from another panel, still orders the list."
        });
        self.say(said);
    }

    /// Forgets the kept assignment (the proposals stay on the desk).
    fn forget(&self) {
        let Some(panel) = self.kept.with(|k| k.as_ref().map(|a| a.panel.clone())) else {
            return;
        };
        match Stores::get().assignments.delete(&panel) {
            Ok(()) => {
                self.kept.set(newest());
                self.say(
                    "The assignment is forgotten: the list is in the order the files were imported."
                        .to_string(),
                );
                browser::focus_later("list-heading".to_string());
            }
            Err(e) => self.refuse(
                "The assignment".to_string(),
                format!("it was not forgotten: {}", e.reason("assignment")),
            ),
        }
    }
}

/// The import area's picker for the assignment file, and why a file was refused.
#[component]
pub fn AssignmentPicker(assignment: Assignment) -> impl IntoView {
    let on_file = Callback::new(move |file: ChosenFile| assignment.take(file));
    let refused = move || {
        assignment.refused.get().map(|r| {
            view! {
                <div class="notice notice--danger" role="alert" data-testid="assignment-refused">
                    <p>
                        <strong>{format!("{} was not opened as your assignment.", r.file_name)}</strong>
                        " "{r.why}
                    </p>
                    <p>{move || if assignment.is_kept() {
                        "Nothing was changed: the assignment you opened before is kept."
                    } else {
                        "Nothing was changed."
                    }}</p>
                    <p class="notice__actions">
                        <button type="button" class="button button--quiet button--small" on:click=move |_| assignment.refused.set(None)>
                            "Dismiss"
                        </button>
                    </p>
                </div>
            }
        })
    };
    view! {
        <div class="import__assignment">
            <FilePicker
                id="assignment-file"
                label="Open your assignment from the panel"
                hint="The file the district sent you: your proposals come first in the list."
                accept=ASSIGNMENT_FILES
                limit=MAX_ASSIGNMENT_BYTES
                on_file
            />
            {refused}
        </div>
    }
}

/// Above the list: how many proposals are assigned, which are not on the desk yet (by code),
/// and forgetting the assignment, asked first.
#[component]
pub fn AssignmentNotice(assignment: Assignment, desk: Desk) -> impl IntoView {
    let asking = RwSignal::new(false);
    move || {
        let a = assignment.kept.get()?;
        let on_desk: HashSet<String> = desk.ids_in_order().into_iter().collect();
        let missing: Vec<String> = a
            .proposals
            .iter()
            .filter(|p| !on_desk.contains(&p.id))
            .map(|p| p.code.clone())
            .collect();
        let total = a.proposals.len();
        let here = total - missing.len();
        let summary = if total == 1 {
            format!(
                "Your assignment from the panel: 1 proposal, {}.",
                if here == 1 {
                    "on this desk"
                } else {
                    "not on this desk yet"
                }
            )
        } else {
            format!(
                "Your assignment from the panel: {total} proposals, {here} of them on this desk."
            )
        };
        let exported = match a.exported_ms {
            0 => String::new(),
            ms => format!(" \u{b7} sent {}", browser::format_time(ms)),
        };
        let details = format!(
            "For {} \u{b7} competition {}, version {} \u{b7} each proposal read by {}{exported}",
            a.reviewer.name,
            a.competition,
            a.version,
            match a.per_proposal {
                1 => "1 reviewer".to_string(),
                n => format!("{n} reviewers"),
            },
        );
        let missing = (!missing.is_empty()).then(|| {
            view! {
                <p data-testid="assignment-missing">
                    "Not on the desk yet: "<span class="assignment__codes">{missing.join(", ")}</span>". "
                    "Ask the district for these proposals\u{2019} files, then import them above."
                </p>
            }
        });
        let on_yes = Callback::new(move |()| {
            asking.set(false);
            assignment.forget();
        });
        Some(view! {
            <div class="notice assignment" data-testid="assignment">
                <p><strong>{summary}</strong></p>
                <p class="assignment__for">{details}</p>
                {missing}
                {move || if asking.get() {
                    browser::focus_later("keep-assignment".to_string());
                    view! {
                        <Confirm
                            question="Forget your assignment from the panel?".to_string()
                            consequence="The proposals stay on the desk, in the order they were imported. You can open the file again.".to_string()
                            yes="Yes, forget it"
                            no="Keep it"
                            no_id="keep-assignment".to_string()
                            back_to="forget-assignment".to_string()
                            open=asking
                            on_yes
                        />
                    }.into_any()
                } else {
                    view! {
                        <p class="notice__actions">
                            <button type="button" id="forget-assignment" class="button button--quiet button--small" on:click=move |_| asking.set(true)>
                                "Forget the assignment"
                            </button>
                        </p>
                    }.into_any()
                }}
            </div>
        })
    }
}
