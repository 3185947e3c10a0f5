//! Bringing a proposal file into this browser: a file picker and a drop zone on the home screen.
//! An import never replaces a draft without asking, and a replaced draft is kept as a backup.

use super::lazy::run_lazy;
use super::AppContext;
use crate::ui::browser;
use crate::ui::kit::files::{ChosenFile, DropZone, FilePicker, PROPOSAL_FILES};
use crate::ui::kit::later::lazy_view;
use crossroads_exchange::{read_brief_terms, read_proposal, Imported, MAX_FILE_BYTES};
use crossroads_workbook::{new_draft_id, Brief, Draft};
use leptos::prelude::*;

/// What the panel shows after an attempt.
#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(String),
    Refused(String),
}

/// The signals of the panel, shared by its handlers.
#[derive(Clone, Copy)]
struct Importer {
    context: AppContext,
    outcome: RwSignal<Option<Outcome>>,
    /// A file's proposal that matches a draft already here, waiting for the team's choice.
    pending: RwSignal<Option<Draft>>,
    /// What the last file held that could not be placed, to list and to save.
    set_aside: RwSignal<Option<Imported>>,
    /// A district's brief from the last file, waiting for the team to start a draft from it or
    /// attach it to one.
    brief: RwSignal<Option<Brief>>,
}

impl Importer {
    fn refuse(&self, message: String) {
        self.pending.set(None);
        self.set_aside.set(None);
        self.brief.set(None);
        self.outcome.set(Some(Outcome::Refused(message)));
    }

    fn read(&self, file: ChosenFile) {
        match file.text {
            Ok(text) => self.take(&text),
            Err(message) => self.refuse(message),
        }
    }

    fn take(&self, text: &str) {
        if is_brief_file(text) {
            return match read_brief_terms(text) {
                Ok(brief) => {
                    self.pending.set(None);
                    self.set_aside.set(None);
                    self.outcome.set(None);
                    self.brief.set(Some(brief));
                    browser::focus_later("import-brief-heading".to_string());
                }
                Err(e) => self.refuse(e.to_string()),
            };
        }
        let imported = match read_proposal(text) {
            Ok(imported) => imported,
            Err(e) => return self.refuse(e.to_string()),
        };
        let draft = imported.draft.clone();
        self.set_aside
            .set((!imported.set_aside.is_empty()).then_some(imported));
        match self.context.store().contains(&draft.id) {
            Ok(false) => self.add(draft),
            Ok(true) => {
                self.outcome.set(None);
                self.pending.set(Some(draft));
                browser::focus_later("import-conflict-heading".to_string());
            }
            Err(e) => self.refuse(format!("Nothing was imported: {e}.")),
        }
    }

    fn add(&self, draft: Draft) {
        match self.context.store().add(draft) {
            Ok(draft) => self.done(
                &draft,
                format!("Imported \u{201c}{}\u{201d}.", draft.display_title()),
            ),
            Err(e) => self.refuse(format!("Nothing was imported: {e}.")),
        }
    }

    fn keep_both(&self) {
        if let Some(mut draft) = self.pending.get_untracked() {
            draft.id = new_draft_id(browser::now_ms(), browser::random_u64());
            self.add(draft);
        }
    }

    fn replace(&self) {
        let Some(draft) = self.pending.get_untracked() else {
            return;
        };
        let backup_id = new_draft_id(browser::now_ms(), browser::random_u64());
        let backup_title = format!(
            "{} (kept before an import on {})",
            draft.display_title(),
            browser::today()
        );
        match self.context.store().replace_keeping_backup(&draft, &backup_id, &backup_title) {
            Ok(backup) => self.done(
                &draft,
                format!(
                    "Replaced \u{201c}{}\u{201d} with the file\u{2019}s copy. The earlier one is kept as \u{201c}{}\u{201d}.",
                    draft.display_title(),
                    backup.title
                ),
            ),
            Err(e) => self.refuse(format!("Nothing was replaced: {e}.")),
        }
    }

    /// Starts a new draft that answers the waiting brief.
    fn start_from_brief(&self) {
        let Some(brief) = self.brief.get_untracked() else {
            return;
        };
        let id = new_draft_id(browser::now_ms(), browser::random_u64());
        let mut draft = Draft::new(id, "", browser::now_ms());
        let title = brief.title.clone();
        draft.attach_brief(brief);
        match self.context.store().add(draft) {
            Ok(draft) => {
                self.brief.set(None);
                self.done(
                    &draft,
                    format!("Started a new draft for \u{201c}{title}\u{201d}. Give it a title when you open it."),
                )
            }
            Err(e) => self.refuse(format!("No draft was started: {e}.")),
        }
    }

    /// Makes an existing draft answer the waiting brief, losing none of its answers.
    fn attach_to(&self, id: &str) {
        let Some(brief) = self.brief.get_untracked() else {
            return;
        };
        let title = brief.title.clone();
        match self
            .context
            .store()
            .attach_brief(id, brief, browser::now_ms())
        {
            Ok(draft) => {
                self.brief.set(None);
                self.done(
                    &draft,
                    format!(
                        "\u{201c}{}\u{201d} now answers \u{201c}{title}\u{201d}. Every answer it had is kept.",
                        draft.display_title()
                    ),
                )
            }
            Err(e) => self.refuse(format!("The brief was not attached: {e}.")),
        }
    }

    fn done(&self, draft: &Draft, message: String) {
        self.pending.set(None);
        self.context.announce(message.clone());
        self.outcome.set(Some(Outcome::Imported(message)));
        self.context.drafts_changed();
        browser::focus_later(format!("open-{}", draft.id));
    }
}

/// Reads a chosen proposal file into this browser (or asks what to do with it).
#[cfg_attr(feature = "split", leptos::lazy)]
fn read_chosen(importer: Importer, file: ChosenFile) {
    if !importer.outcome.is_disposed() {
        importer.read(file);
    }
}

/// The import panel of the home screen.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let importer = Importer {
        context: AppContext::get(),
        outcome: RwSignal::new(None),
        pending: RwSignal::new(None),
        set_aside: RwSignal::new(None),
        brief: RwSignal::new(None),
    };
    let on_file = Callback::new(move |file: ChosenFile| run_lazy!(read_chosen(importer, file)));
    view! {
        <DropZone class="import" labelled_by="import-heading" testid="import" limit=MAX_FILE_BYTES on_file>
            <h2 id="import-heading">"Open a proposal file"</h2>
            <p>
                "Bring in a proposal exported from Crossroads, for example to continue on another \
                 computer. It is added as a new draft; nothing in this browser is replaced without asking. \
                 A brief your district sent for its design competition starts a new draft that answers it, \
                 or joins a draft you already started."
            </p>
            <FilePicker
                id="import-file"
                label="Choose an HTML or JSON proposal file"
                hint="Or drop the file on this box. The district\u{2019}s brief file opens here too. At most 64 MB."
                accept=PROPOSAL_FILES
                limit=MAX_FILE_BYTES
                on_file
            />
            {move || importer.outcome.get().map(|outcome| match outcome {
                Outcome::Imported(message) => view! {
                    <p class="notice" data-testid="import-result">{message}</p>
                }
                .into_any(),
                Outcome::Refused(message) => view! {
                    <p class="notice notice--danger" role="alert" data-testid="import-error">
                        <strong>"Nothing was imported. "</strong>{message}
                    </p>
                }
                .into_any(),
            })}
            {move || importer.pending.get().map(|draft| lazy_view!(conflict(draft, importer), Some("import-conflict-heading".to_string())))}
            {move || importer.brief.get().map(|brief| lazy_view!(brief_choice(brief, importer), Some("import-brief-heading".to_string())))}
            {move || importer.set_aside.get().filter(|_| importer.pending.with(Option::is_none)).map(|imported| lazy_view!(set_aside(imported), None))}
        </DropZone>
    }
}

/// The choice asked for a file whose proposal is already here: shown only after an import.
#[cfg_attr(feature = "split", leptos::lazy)]
fn conflict(draft: Draft, importer: Importer) -> AnyView {
    view! { <Conflict draft importer /> }.into_any()
}

/// The choice asked for a district's brief: shown only after such a file is opened.
#[cfg_attr(feature = "split", leptos::lazy)]
fn brief_choice(brief: Brief, importer: Importer) -> AnyView {
    view! { <BriefChoice brief importer /> }.into_any()
}

/// Whether a file says it is a district's brief rather than a proposal.
fn is_brief_file(text: &str) -> bool {
    text.contains("\"format\":\"crossroads-brief\"")
}

/// Asks whether to start a new draft from a district's brief or attach it to a draft here.
#[component]
fn BriefChoice(brief: Brief, importer: Importer) -> impl IntoView {
    let drafts: Vec<(String, String)> = importer
        .context
        .store()
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| match l {
            crossroads_storage::Listing::Draft(s) if !s.read_only => {
                Some((s.id.clone(), s.display_title().to_string()))
            }
            _ => None,
        })
        .collect();
    let chosen = RwSignal::new(drafts.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let has_drafts = !drafts.is_empty();
    let options = drafts
        .into_iter()
        .map(|(id, title)| view! { <option value=id.clone()>{title}</option> })
        .collect_view();
    let district = match brief.district.trim() {
        "" => String::new(),
        d => format!(" from {d}"),
    };
    let due = match brief.deadline.trim() {
        "" => String::new(),
        d => format!(" Proposals are due {d}."),
    };
    let adds = format!(
        "It adds {} question(s) of the district\u{2019}s to the workbook{}{}{}.",
        brief.prompts.len(),
        if brief.signoff.is_empty() {
            ""
        } else {
            ", a signed cover page"
        },
        if brief.assurances.is_empty() {
            ""
        } else {
            ", assurances to confirm"
        },
        if brief.limits.is_empty() {
            ""
        } else {
            " and word limits"
        },
    );
    view! {
        <div class="confirm confirm--neutral" role="group" aria-labelledby="import-brief-heading" data-testid="import-brief">
            <h3 id="import-brief-heading" tabindex="-1">
                {format!("The brief of \u{201c}{}\u{201d}{district}", brief.title.trim())}
            </h3>
            <p>{adds}{due}</p>
            <div class="confirm__actions">
                <button type="button" class="button button--small" on:click=move |_| importer.start_from_brief()>
                    "Start a new draft for this competition"
                </button>
                <button
                    type="button"
                    class="button button--quiet button--small"
                    on:click=move |_| {
                        importer.brief.set(None);
                        browser::focus_later("import-file".to_string());
                    }
                >
                    "Cancel"
                </button>
            </div>
            {has_drafts.then(|| view! {
                <div class="brief-attach">
                    <label for="brief-attach-draft">"Or make a draft you already started answer it (no answer is lost)"</label>
                    <div class="brief-attach__row">
                        <select id="brief-attach-draft" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {options}
                        </select>
                        <button type="button" class="button button--secondary button--small"
                            on:click=move |_| importer.attach_to(&chosen.get_untracked())>
                            "Attach the brief"
                        </button>
                    </div>
                </div>
            })}
        </div>
    }
}

/// The list of what a file held that could not be placed: shown only after an import.
#[cfg_attr(feature = "split", leptos::lazy)]
fn set_aside(imported: Imported) -> AnyView {
    view! { <SetAsideList imported /> }.into_any()
}

/// What the file held that no question of this version can show: listed, and savable as a file.
#[component]
fn SetAsideList(imported: Imported) -> impl IntoView {
    let count = imported.set_aside.len();
    let items = imported
        .set_aside
        .iter()
        .map(|piece| {
            let name = piece.label.map_or_else(
                || format!("\u{201c}{}\u{201d}", piece.prompt),
                str::to_string,
            );
            view! {
                <li>
                    <strong>{name}</strong>{format!(": {}.", piece.why)}
                    <br />
                    <span class="set-aside__text">"What it held: "{piece.text.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let file = StoredValue::new(imported);
    let error = RwSignal::new(false);
    let save = move |_| {
        let (name, text) = file.with_value(|i| {
            (
                format!("crossroads-set-aside-{}.txt", browser::today()),
                i.set_aside_text(),
            )
        });
        error.set(browser::download(&name, "text/plain;charset=utf-8", &text).is_err());
    };
    view! {
        <div class="notice notice--warning" data-testid="import-set-aside">
            <p>
                <strong>{if count == 1 { "1 part of the file was set aside. ".to_string() } else { format!("{count} parts of the file were set aside. ") }}</strong>
                "This version of Crossroads has no place to show them, so they are not in the draft. \
                 Nothing was thrown away: they are listed here, and the file itself is unchanged."
            </p>
            <ul>{items}</ul>
            <p class="notice__actions">
                <button type="button" class="button button--secondary button--small" on:click=save>
                    "Save what was set aside as a text file"
                </button>
            </p>
            <Show when=move || error.get()>
                <p role="alert">"The browser did not let Crossroads save the file."</p>
            </Show>
        </div>
    }
}

/// Asks what to do when the file's proposal is already in this browser.
#[component]
fn Conflict(draft: Draft, importer: Importer) -> impl IntoView {
    let here = importer.context.store().load(&draft.id).ok().flatten();
    let (here_edited, replaceable) = match &here {
        Some(crossroads_storage::Entry::Editable { draft, .. }) => (Some(draft.updated_ms), true),
        Some(entry) => (entry.draft().map(|d| d.updated_ms), false),
        None => (None, false),
    };
    let when =
        |ms: Option<u64>| ms.map_or_else(|| "at an unknown time".to_string(), browser::format_time);
    view! {
        <div class="confirm confirm--neutral" role="group" aria-labelledby="import-conflict-heading" data-testid="import-conflict">
            <h3 id="import-conflict-heading" tabindex="-1">
                {format!("\u{201c}{}\u{201d} is already in this browser", draft.display_title())}
            </h3>
            <p>
                {format!(
                    "The copy here was last edited {}; the file\u{2019}s copy was last edited {}.",
                    when(here_edited),
                    when(Some(draft.updated_ms))
                )}
            </p>
            {(!replaceable).then(|| view! {
                <p>"The copy here cannot be replaced by this version of Crossroads, so the file can only be added beside it."</p>
            })}
            <div class="confirm__actions">
                <button type="button" class="button button--small" on:click=move |_| importer.keep_both()>
                    "Keep both"
                </button>
                {replaceable.then(|| view! {
                    <button type="button" class="button button--secondary button--small" on:click=move |_| importer.replace()>
                        "Replace the copy here (it is kept as a backup)"
                    </button>
                })}
                <button
                    type="button"
                    class="button button--quiet button--small"
                    on:click=move |_| {
                        importer.pending.set(None);
                        browser::focus_later("import-file".to_string());
                    }
                >
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
