//! Backups on the home screen: one file with every draft and its history, restoring one without
//! overwriting anything, the reminder when none was made for a while, and whether the browser
//! promised to keep the data.

use super::lazy::run_lazy;
use super::AppContext;
use crate::ui::browser::{self, Persistence};
use crate::ui::kit::files::{ChosenFile, FilePicker};
use crossroads_exchange::{
    backup_file_name, backup_to_json, read_backup, Backup, BackupDraft, RawRecord, MAX_BACKUP_BYTES,
};
use crossroads_storage::{
    backup_due, backup_due_every_session, BackupContents, Durability, Listing, RestoreReport,
};
use crossroads_workbook::{new_draft_id, Draft, History};
use leptos::prelude::*;

/// Downloads a backup of every draft; returns the file name.
fn back_up(context: AppContext) -> Result<String, String> {
    let store = context.store();
    let contents = store
        .backup_contents()
        .map_err(|e| format!("The backup could not be made: {e}."))?;
    let backup = Backup {
        created_ms: browser::now_ms(),
        drafts: contents
            .drafts
            .into_iter()
            .map(|(draft, history)| BackupDraft { draft, history })
            .collect(),
        unreadable: contents
            .unreadable
            .into_iter()
            .map(|(key, raw)| RawRecord { key, raw })
            .collect(),
    };
    let name = backup_file_name(&browser::today());
    browser::download(&name, "application/json", &backup_to_json(&backup))
        .map_err(|_| "The browser did not let Crossroads save the backup.".to_string())?;
    // Being unable to note the date only means the reminder may come early.
    let _ = store.record_backup(browser::now_ms());
    Ok(name)
}

/// The reminder at the top of the home screen.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let context = AppContext::get();
    let due = Memo::new(move |_| {
        context.track_drafts();
        let store = context.store();
        let summaries: Vec<_> = store
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|l| match l {
                Listing::Draft(s) => Some(s),
                Listing::Unreadable(_) => None,
            })
            .collect();
        let last = store.last_backup_ms();
        // Where Safari may delete the data on its own, every working session ends with a backup.
        let due = match browser::facts().durability() {
            Durability::SafariTab(_) => backup_due_every_session(last, &summaries),
            Durability::Ordinary => backup_due(last, &summaries, browser::now_ms()),
        };
        store.is_persistent() && due
    });
    let last = move || {
        context.track_drafts();
        context.store().last_backup_ms()
    };
    move || {
        due.get().then(|| {
            let when = match last() {
                Some(ms) => format!("Your last backup was on {}.", browser::format_time(ms)),
                None => "You have not made a backup yet.".to_string(),
            };
            view! {
                <div class="notice notice--warning" data-testid="backup-reminder">
                    <p>
                        <strong>"Time for a backup. "</strong>
                        {when}
                        " Drafts live only in this browser; a backup file keeps them safe if the browser \
                         is cleared or the computer is replaced."
                    </p>
                    <p class="notice__actions">
                        <a class="button button--small" href="#backup-heading" on:click=move |ev| {
                            ev.prevent_default();
                            browser::focus_later("backup-now".to_string());
                        }>"Go to backups"</a>
                    </p>
                </div>
            }
        })
    }
}

/// What a restore did, for the team to read.
#[derive(Clone, Default, PartialEq)]
struct RestoreResult {
    report: RestoreReport,
    /// Differing drafts added as copies since.
    copied: usize,
    /// Why adding a copy failed, if it did.
    copy_failed: Option<String>,
}

fn drafts(n: usize) -> String {
    if n == 1 {
        "1 draft".to_string()
    } else {
        format!("{n} drafts")
    }
}

impl RestoreResult {
    fn summary(&self) -> String {
        let r = &self.report;
        if r.added + r.already_here + r.raw_already_here + self.copied + r.raw_added == 0 {
            return "Nothing from the backup was added.".to_string();
        }
        let mut parts = vec![format!("{} added", drafts(r.added))];
        if r.already_here + r.raw_already_here > 0 {
            parts.push(format!(
                "{} already here, unchanged",
                drafts(r.already_here + r.raw_already_here)
            ));
        }
        if self.copied > 0 {
            parts.push(format!("{} added as copies", drafts(self.copied)));
        }
        if r.raw_added > 0 {
            parts.push(format!(
                "{} that cannot be opened put back as they were",
                drafts(r.raw_added)
            ));
        }
        format!("From the backup: {}.", parts.join(", "))
    }

    /// What went wrong, if anything did, in the words the team reads.
    fn problem(&self) -> Option<String> {
        let r = &self.report;
        let stopped = r.stopped.as_ref().map(|e| {
            if r.changed_anything() || self.copied > 0 {
                format!(
                    "The restore stopped part-way: {e}. What it added before it stopped is kept, and nothing \
                     that was here has changed. Free space and restore the same file again to add the rest."
                )
            } else {
                format!("Nothing was restored: {e}. Nothing that was here has changed.")
            }
        });
        let failed = self
            .copy_failed
            .as_ref()
            .map(|e| format!("A copy could not be added: {e}."));
        let parts: Vec<String> = stopped.into_iter().chain(failed).collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// Makes a backup file of every draft, after a click on "Back up all drafts".
#[cfg_attr(feature = "split", leptos::lazy)]
fn make_backup(context: AppContext, made: RwSignal<Option<Result<String, String>>>) {
    if made.is_disposed() {
        return;
    }
    let result = back_up(context);
    if let Ok(name) = &result {
        context.announce(format!("Saved {name} to your downloads."));
    }
    made.set(Some(result));
    context.drafts_changed();
}

/// Restores what a backup file holds.
#[cfg_attr(feature = "split", leptos::lazy)]
fn restore_file(
    context: AppContext,
    report: RwSignal<Option<Result<RestoreResult, String>>>,
    text: String,
) {
    if report.is_disposed() {
        return;
    }
    let backup = match read_backup(&text) {
        Ok(backup) => backup,
        Err(e) => return report.set(Some(Err(e.to_string()))),
    };
    let contents = BackupContents {
        drafts: backup
            .drafts
            .into_iter()
            .map(|d| (d.draft, d.history))
            .collect(),
        unreadable: backup
            .unreadable
            .into_iter()
            .map(|r| (r.key, r.raw))
            .collect(),
    };
    let outcome = RestoreResult {
        report: context.store().restore_backup(&contents),
        ..RestoreResult::default()
    };
    context.announce(outcome.problem().unwrap_or_else(|| outcome.summary()));
    report.set(Some(Ok(outcome)));
    context.drafts_changed();
}

/// Adds the chosen differing drafts of a restore (all when `which` is `None`) as copies.
#[cfg_attr(feature = "split", leptos::lazy)]
fn add_as_copies(
    context: AppContext,
    report: RwSignal<Option<Result<RestoreResult, String>>>,
    which: Option<usize>,
) {
    let Some(Some(Ok(mut current))) = report.try_get_untracked() else {
        return;
    };
    let store = context.store();
    let differing = &mut current.report.differing;
    let chosen: Vec<(Draft, History)> = match which {
        Some(i) if i < differing.len() => vec![differing.remove(i)],
        Some(_) => return,
        None => std::mem::take(differing),
    };
    current.copy_failed = None;
    for (draft, history) in chosen {
        let copy = Draft {
            id: new_draft_id(browser::now_ms(), browser::random_u64()),
            title: format!("{} (from a backup)", draft.display_title()),
            ..draft.clone()
        };
        match store.restore(&copy, &history) {
            Ok(_) => current.copied += 1,
            Err(e) => {
                // Offered again, so the team can try once it has made room.
                current.report.differing.push((draft, history));
                current.copy_failed = Some(e.to_string());
            }
        }
    }
    context.announce(current.problem().unwrap_or_else(|| current.summary()));
    report.set(Some(Ok(current)));
    context.drafts_changed();
}

/// The backup panel of the home screen.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let context = AppContext::get();
    let made = RwSignal::new(None::<Result<String, String>>);
    let report = RwSignal::new(None::<Result<RestoreResult, String>>);
    let last = move || {
        context.track_drafts();
        made.track();
        context.store().last_backup_ms()
    };
    let back_up_now = move |_| run_lazy!(make_backup(context, made));
    let on_file = Callback::new(move |file: ChosenFile| match file.text {
        Ok(text) => run_lazy!(restore_file(context, report, text)),
        Err(e) => report.set(Some(Err(e))),
    });
    let add_copies = move |which: Option<usize>| run_lazy!(add_as_copies(context, report, which));
    let persistence = move || {
        match context.persistence.get() {
        Persistence::Granted => "This browser has agreed to keep Crossroads\u{2019} data even when the computer runs low on space.",
        Persistence::NotGranted => "This browser has not promised to keep Crossroads\u{2019} data: it may clear it when the computer runs low on space. Back up regularly.",
        Persistence::Unsupported => "This browser cannot be asked to keep Crossroads\u{2019} data. Back up regularly.",
        Persistence::Unknown => "Asking this browser to keep Crossroads\u{2019} data\u{2026}",
    }
    };
    view! {
        <section class="backup" aria-labelledby="backup-heading" data-testid="backup">
            <h2 id="backup-heading">"Keep your drafts safe"</h2>
            <p>
                "Drafts are kept only in this browser. A backup is one file with every draft and its \
                 history; keep it somewhere safe, such as a school drive."
            </p>
            <p class="backup__persist" data-testid="persistence">{persistence}</p>
            <p data-testid="last-backup">
                {move || match last() {
                    Some(ms) => format!("Last backup: {}.", browser::format_time(ms)),
                    None => "No backup has been made in this browser yet.".to_string(),
                }}
            </p>
            <div class="backup__actions">
                <button type="button" id="backup-now" class="button" on:click=back_up_now>"Back up all drafts"</button>
                <FilePicker
                    id="restore-file"
                    label="Restore from a backup"
                    hint="Adds the drafts the file holds; nothing here is overwritten."
                    accept=".json,application/json"
                    limit=MAX_BACKUP_BYTES
                    on_file
                />
            </div>
            {move || made.get().map(|result| match result {
                Ok(name) => view! { <p class="notice" data-testid="backup-made">{format!("Saved \u{201c}{name}\u{201d} to your downloads.")}</p> }.into_any(),
                Err(e) => view! { <p class="notice notice--danger" role="alert">{e}</p> }.into_any(),
            })}
            {move || report.get().map(|result| match result {
                Err(e) => view! {
                    <p class="notice notice--danger" role="alert" data-testid="restore-error">
                        <strong>"Nothing was restored. "</strong>{e}
                    </p>
                }
                .into_any(),
                Ok(outcome) => {
                    let differing = outcome
                        .report
                        .differing
                        .iter()
                        .enumerate()
                        .map(|(i, (draft, _))| view! {
                            <li>
                                {draft.display_title().to_string()}" "
                                <button type="button" class="button button--secondary button--small" on:click=move |_| add_copies(Some(i))>
                                    "Add as a copy"
                                </button>
                            </li>
                        })
                        .collect_view();
                    let several = outcome.report.differing.len() > 1;
                    let any = !outcome.report.differing.is_empty();
                    let refused = outcome.report.refused.clone();
                    let problem = outcome.problem();
                    let failed = problem.is_some();
                    view! {
                        <div class="notice" class:notice--danger=failed data-testid="restore-result">
                            {problem.map(|p| view! { <p role="alert" data-testid="restore-problem"><strong>{p}</strong></p> })}
                            <p>{outcome.summary()}</p>
                            {any.then(|| view! {
                                <p>"These differ from the draft of the same name here, which was left alone:"</p>
                                <ul>{differing}</ul>
                                {several.then(|| view! {
                                    <button type="button" class="button button--small" on:click=move |_| add_copies(None)>"Add them all as copies"</button>
                                })}
                            })}
                            {(!refused.is_empty()).then(|| view! {
                                <p>"Left out, so that nothing in this browser changes:"</p>
                                <ul data-testid="restore-refused">
                                    {refused.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                </ul>
                            })}
                        </div>
                    }
                    .into_any()
                }
            })}
        </section>
    }
}
