//! Backups on the home screen: one file with every draft and its history, restoring one without
//! overwriting anything, the reminder when none was made for a while, and whether the browser
//! promised to keep the data.

use super::browser::{self, Persistence};
use super::AppContext;
use crossroads_exchange::{
    backup_file_name, backup_to_json, read_backup, Backup, BackupDraft, ImportError, RawRecord,
    MAX_BACKUP_BYTES,
};
use crossroads_storage::{backup_due, Listing, Restored};
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
pub fn BackupReminder(refresh: RwSignal<u32>) -> impl IntoView {
    let context = AppContext::get();
    let due = Memo::new(move |_| {
        refresh.track();
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
        store.is_persistent() && backup_due(store.last_backup_ms(), &summaries, browser::now_ms())
    });
    let last = move || {
        refresh.track();
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
struct RestoreReport {
    added: usize,
    already_here: usize,
    raw_kept: usize,
    /// Drafts that differ from the one here, with their history: offered as copies.
    differing: Vec<(Draft, History)>,
    copied: usize,
}

impl RestoreReport {
    fn summary(&self) -> String {
        let drafts = |n: usize| {
            if n == 1 {
                "1 draft".to_string()
            } else {
                format!("{n} drafts")
            }
        };
        let mut parts = vec![format!("{} added", drafts(self.added))];
        if self.already_here > 0 {
            parts.push(format!(
                "{} already here, unchanged",
                drafts(self.already_here)
            ));
        }
        if self.copied > 0 {
            parts.push(format!("{} added as copies", drafts(self.copied)));
        }
        if self.raw_kept > 0 {
            parts.push(format!(
                "{} that cannot be opened put back as they were",
                drafts(self.raw_kept)
            ));
        }
        format!("From the backup: {}.", parts.join(", "))
    }
}

/// The backup panel of the home screen.
#[component]
pub fn BackupPanel(
    /// Bumped after a restore, so the list of drafts is read again.
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let context = AppContext::get();
    let made = RwSignal::new(None::<Result<String, String>>);
    let report = RwSignal::new(None::<Result<RestoreReport, String>>);
    let last = move || {
        refresh.track();
        made.track();
        context.store().last_backup_ms()
    };
    let back_up_now = move |_| {
        let result = back_up(context);
        if let Ok(name) = &result {
            context.announce(format!("Saved {name} to your downloads."));
        }
        made.set(Some(result));
        refresh.update(|n| *n += 1);
    };
    let restore_text = move |text: String| {
        let backup = match read_backup(&text) {
            Ok(backup) => backup,
            Err(e) => return report.set(Some(Err(e.to_string()))),
        };
        let store = context.store();
        let mut outcome = RestoreReport::default();
        for entry in backup.drafts {
            match store.restore(&entry.draft, &entry.history) {
                Ok(Restored::Added) => outcome.added += 1,
                Ok(Restored::AlreadyHere) => outcome.already_here += 1,
                Ok(Restored::Differs) => outcome.differing.push((entry.draft, entry.history)),
                Err(e) => {
                    return report.set(Some(Err(format!(
                        "The restore stopped: {e}. What it added so far is kept."
                    ))))
                }
            }
        }
        for raw in backup.unreadable {
            if store.restore_raw(&raw.key, &raw.raw).unwrap_or(false) {
                outcome.raw_kept += 1;
            }
        }
        context.announce(outcome.summary());
        report.set(Some(Ok(outcome)));
        refresh.update(|n| *n += 1);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        let size = file.size() as usize;
        if size > MAX_BACKUP_BYTES {
            let e = ImportError::TooLarge {
                bytes: size,
                limit: MAX_BACKUP_BYTES,
            };
            return report.set(Some(Err(e.to_string())));
        }
        browser::read_text(file, move |text| match text {
            Ok(text) => restore_text(text),
            Err(()) => report.set(Some(Err(
                "The browser could not read that file.".to_string()
            ))),
        });
    };
    let add_copies = move |which: Option<usize>| {
        let Some(Ok(mut current)) = report.get_untracked() else {
            return;
        };
        let store = context.store();
        let chosen: Vec<(Draft, History)> = match which {
            Some(i) if i < current.differing.len() => vec![current.differing.remove(i)],
            Some(_) => return,
            None => std::mem::take(&mut current.differing),
        };
        for (draft, history) in chosen {
            let copy = Draft {
                id: new_draft_id(browser::now_ms(), browser::random_u64()),
                title: format!("{} (from a backup)", draft.display_title()),
                ..draft
            };
            if store.restore(&copy, &history).is_ok() {
                current.copied += 1;
            }
        }
        context.announce(current.summary());
        report.set(Some(Ok(current)));
        refresh.update(|n| *n += 1);
    };
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
                <div class="field">
                    <label for="restore-file">"Restore from a backup"</label>
                    <p class="field__hint" id="restore-hint">"Adds the drafts the file holds; nothing here is overwritten."</p>
                    <input id="restore-file" type="file" accept=".json,application/json" aria-describedby="restore-hint" on:change=on_pick />
                </div>
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
                    let several = outcome.differing.len() > 1;
                    let any = !outcome.differing.is_empty();
                    view! {
                        <div class="notice" data-testid="restore-result">
                            <p>{outcome.summary()}</p>
                            {any.then(|| view! {
                                <p>"These differ from the draft of the same name here, which was left alone:"</p>
                                <ul>{differing}</ul>
                                {several.then(|| view! {
                                    <button type="button" class="button button--small" on:click=move |_| add_copies(None)>"Add them all as copies"</button>
                                })}
                            })}
                        </div>
                    }
                    .into_any()
                }
            })}
        </section>
    }
}
