//! Saving without a save button: every edit is written within 300 ms, and at once when the
//! page is hidden or closed. Other tabs' saves are noticed, and when two tabs changed the same
//! draft the team chooses which version to keep; the other is kept as a copy.

use super::browser;
use crossroads_storage::{DraftStore, Entry, HeadState, StoreError, WARN_PERCENT};
use crossroads_workbook::history::Reason;
use crossroads_workbook::{new_draft_id, Draft, History};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The longest an edit waits before it is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How long typing must pause before a new snapshot is written: writing the history of a large
/// draft takes tens of milliseconds, which must not land between two keystrokes.
const HISTORY_DELAY: Duration = Duration::from_millis(2000);
/// How often, at most, the space in use is measured after saves.
const USAGE_CHECK_MS: f64 = 10_000.0;

/// What the status line says. "Saved" only ever follows a write that succeeded.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything on screen is in storage.
    Saved,
    /// An edit is waiting to be written.
    Saving,
    /// The last write failed; the edit is kept in memory and written again on the next edit.
    NotSaved(NotSaved),
    /// The draft cannot be changed here.
    ReadOnly,
    /// Another tab changed the draft too; the team must choose.
    Conflict,
}

/// Why the last write failed.
#[derive(Clone, Debug, PartialEq)]
pub struct NotSaved {
    /// The reason in plain words.
    pub reason: String,
    /// Whether freeing space would help.
    pub full: bool,
}

impl SaveStatus {
    /// The words of the status line.
    pub fn text(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".to_string(),
            SaveStatus::Saving => "Saving\u{2026}".to_string(),
            SaveStatus::NotSaved(n) => format!("Not saved: {}", n.reason),
            SaveStatus::ReadOnly => "Read-only: changes are not saved".to_string(),
            SaveStatus::Conflict => {
                "Not saved: this draft was also changed in another tab".to_string()
            }
        }
    }
}

/// Two versions of the draft, when this tab and another both changed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The version the other tab saved.
    pub theirs: Draft,
    /// Its revision.
    pub revision: u64,
}

/// The open draft and its saving. Copy, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The draft as the team sees it.
    pub draft: RwSignal<Draft>,
    /// The status line.
    pub status: RwSignal<SaveStatus>,
    /// Set while two versions wait for the team's choice.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Something the team should know that is not a failure (another tab's change, a copy kept).
    pub notice: RwSignal<Option<String>>,
    /// The share of the storage quota in use, once it passes the warning level.
    pub nearly_full: RwSignal<Option<usize>>,
    read_only: RwSignal<bool>,
    store: StoredValue<Arc<DraftStore>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    dirty: StoredValue<bool>,
    /// The revision in storage this tab's draft is based on.
    base: StoredValue<u64>,
    /// The draft as stored at `base`: only answers that differ from it are written.
    saved: StoredValue<Draft>,
    history: StoredValue<Option<History>>,
    /// A snapshot waits to be written.
    history_pending: StoredValue<bool>,
    history_timer: StoredValue<Option<TimeoutHandle>>,
    last_usage_check: StoredValue<f64>,
}

impl Autosave {
    /// Starts saving `draft`, stored at `revision`, into `store`; flushes when the page is
    /// hidden or closed, and listens for other tabs' saves.
    pub fn new(draft: Draft, revision: u64, store: Arc<DraftStore>, read_only: bool) -> Self {
        let autosave = Autosave {
            draft: RwSignal::new(draft.clone()),
            status: RwSignal::new(if read_only {
                SaveStatus::ReadOnly
            } else {
                SaveStatus::Saved
            }),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            nearly_full: RwSignal::new(None),
            read_only: RwSignal::new(read_only),
            store: StoredValue::new(store),
            timer: StoredValue::new(None),
            dirty: StoredValue::new(false),
            base: StoredValue::new(revision),
            saved: StoredValue::new(draft),
            history: StoredValue::new(None),
            history_pending: StoredValue::new(false),
            history_timer: StoredValue::new(None),
            last_usage_check: StoredValue::new(f64::MIN),
        };
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                autosave.flush();
                autosave.write_history();
            }
        });
        let closing = window_event_listener(leptos::ev::pagehide, move |_| {
            autosave.flush();
            autosave.write_history();
        });
        let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
            let id = autosave.draft.with_untracked(|d| d.id.clone());
            match ev.key() {
                Some(key) if DraftStore::draft_of_head_key(&key) == Some(id.as_str()) => {
                    autosave.other_tab_wrote()
                }
                None => autosave.other_tab_wrote(),
                _ => {}
            }
        });
        on_cleanup(move || {
            // Leaving the draft (for the home screen, another draft) writes what is pending.
            autosave.flush();
            autosave.write_history();
            hidden.remove();
            closing.remove();
            other_tab.remove();
        });
        if !read_only {
            autosave.check_usage(true);
        }
        autosave
    }

    fn store(&self) -> Option<Arc<DraftStore>> {
        self.store.try_get_value()
    }

    /// Whether the draft can be changed now (not while two versions wait for a choice).
    pub fn is_read_only(&self) -> bool {
        self.read_only.get() || self.conflict.with(Option::is_some)
    }

    /// Applies an edit the team made, and schedules the write.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        if self.read_only.get_untracked() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        self.draft.update(|draft| {
            change(draft);
            draft.updated_ms = browser::now_ms();
        });
        self.schedule();
        if self.history_pending.get_value() {
            self.schedule_history_write();
        }
    }

    /// Records where the team is, without counting it as an edit, and keeps a snapshot of the
    /// draft as it was when the team arrived.
    pub fn set_place(&self, section: &str) {
        if self.read_only.get_untracked() {
            return;
        }
        self.snapshot(Reason::SectionChange);
        if self.draft.with_untracked(|d| d.last_section != section) {
            self.draft
                .update(|draft| draft.last_section = section.to_string());
            self.schedule();
        }
    }

    fn schedule(&self) {
        self.dirty.set_value(true);
        if !matches!(self.status.get_untracked(), SaveStatus::NotSaved(_)) {
            self.status.set(SaveStatus::Saving);
        }
        if self.timer.get_value().is_none() {
            let this = *self;
            let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
            self.timer.set_value(handle);
        }
    }

    /// Writes any pending edit now.
    pub fn flush(&self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
        self.timer.try_set_value(None);
        if !self.dirty.try_get_value().unwrap_or(false)
            || self.conflict.try_with_untracked(Option::is_some) != Some(false)
        {
            return;
        }
        let Some(store) = self.store() else {
            return;
        };
        let Some(base) = self.base.try_get_value() else {
            return;
        };
        let Some(result) = self.draft.try_with_untracked(|draft| {
            self.saved
                .with_value(|saved| store.save(draft, base, Some(saved)))
        }) else {
            return;
        };
        match result {
            Ok(revision) => {
                self.base.set_value(revision);
                self.saved.set_value(self.draft.get_untracked());
                self.dirty.set_value(false);
                self.status.try_set(if store.is_persistent() {
                    SaveStatus::Saved
                } else {
                    SaveStatus::NotSaved(NotSaved {
                        reason:
                            "this browser is blocking storage, so your work lives only in this tab"
                                .to_string(),
                        full: false,
                    })
                });
                self.snapshot(Reason::Editing);
                self.check_usage(false);
            }
            Err(StoreError::Conflict { .. }) => self.other_tab_wrote(),
            Err(StoreError::Protected(_))
                if matches!(store.head_state(&self.id()), Ok(HeadState::Newer(_))) =>
            {
                self.newer_version_wrote()
            }
            Err(e) => {
                let full = e == StoreError::Full;
                self.status.try_set(SaveStatus::NotSaved(NotSaved {
                    reason: e.to_string(),
                    full,
                }));
                if full {
                    self.check_usage(true);
                }
            }
        }
    }

    fn id(&self) -> String {
        self.draft.with_untracked(|d| d.id.clone())
    }

    /// Another tab saved this draft (or removed it): take its version if this tab has nothing
    /// unsaved, otherwise ask the team which to keep.
    fn other_tab_wrote(&self) {
        let Some(store) = self.store() else {
            return;
        };
        let id = self.id();
        match store.head_state(&id) {
            Ok(HeadState::At(revision)) if revision != self.base.get_value() => {}
            Ok(HeadState::Newer(_)) => return self.newer_version_wrote(),
            Ok(HeadState::Gone) => {
                self.status.set(SaveStatus::NotSaved(NotSaved {
                    reason: "this draft was deleted in another tab or window; it is still on this screen, and your \
                             next change will save it again"
                        .to_string(),
                    full: false,
                }));
                self.dirty.set_value(true);
                self.base.set_value(0);
                return;
            }
            _ => return,
        }
        let Ok(Some(Entry::Editable {
            draft: theirs,
            revision,
        })) = store.load(&id)
        else {
            return;
        };
        if self.dirty.get_value() {
            if let Some(Some(handle)) = self.timer.try_get_value() {
                handle.clear();
            }
            self.timer.set_value(None);
            self.conflict.set(Some(Conflict { theirs, revision }));
            self.status.set(SaveStatus::Conflict);
        } else {
            self.take(theirs, revision);
            self.notice.set(Some(
                "This draft was just changed in another tab or window. You are seeing the latest version.".to_string(),
            ));
        }
    }

    /// A newer version of Crossroads wrote this draft: never write it again from this tab.
    fn newer_version_wrote(&self) {
        self.read_only.set(true);
        self.status.set(SaveStatus::ReadOnly);
        if self.dirty.get_value() {
            let kept = self.keep_copy("this tab\u{2019}s unsaved version");
            self.notice.set(Some(format!(
                "A newer version of Crossroads changed this draft in another tab, so this tab will not write it. \
                 Your unsaved changes are kept as \u{201c}{kept}\u{201d}."
            )));
        } else {
            self.notice.set(Some(
                "A newer version of Crossroads changed this draft in another tab, so this tab will not write it."
                    .to_string(),
            ));
        }
        self.dirty.set_value(false);
    }

    fn take(&self, draft: Draft, revision: u64) {
        self.saved.set_value(draft.clone());
        self.base.set_value(revision);
        self.dirty.set_value(false);
        self.draft.set(draft);
        self.status.set(SaveStatus::Saved);
    }

    /// Stores this tab's draft as a new draft; returns its title ("" if it could not be stored).
    fn keep_copy(&self, whose: &str) -> String {
        let Some(store) = self.store() else {
            return String::new();
        };
        let mut copy = self.draft.get_untracked();
        copy.id = new_draft_id(browser::now_ms(), browser::random_u64());
        copy.title = format!(
            "{} ({whose}, {})",
            copy.display_title(),
            browser::format_time(browser::now_ms())
        );
        match store.add(copy) {
            Ok(copy) => copy.title,
            Err(_) => String::new(),
        }
    }

    /// Resolves a conflict by keeping this tab's version; the other is kept as a copy.
    pub fn keep_mine(&self) {
        let Some(Conflict { theirs, revision }) = self.conflict.get_untracked() else {
            return;
        };
        let Some(store) = self.store() else {
            return;
        };
        let mut copy = theirs.clone();
        copy.id = new_draft_id(browser::now_ms(), browser::random_u64());
        copy.title = format!(
            "{} (the other tab\u{2019}s version, {})",
            theirs.display_title(),
            browser::format_time(browser::now_ms())
        );
        let kept = store.add(copy).map(|c| c.title).unwrap_or_default();
        self.saved.set_value(theirs);
        self.base.set_value(revision);
        self.conflict.set(None);
        self.dirty.set_value(true);
        self.flush();
        self.notice.set(Some(format!(
            "Kept this tab\u{2019}s version. The other tab\u{2019}s version is saved as \u{201c}{kept}\u{201d}."
        )));
    }

    /// Resolves a conflict by taking the other tab's version; this tab's is kept as a copy.
    pub fn keep_theirs(&self) {
        let Some(Conflict { theirs, revision }) = self.conflict.get_untracked() else {
            return;
        };
        let kept = self.keep_copy("this tab\u{2019}s version");
        self.conflict.set(None);
        self.take(theirs, revision);
        self.notice.set(Some(format!(
            "Now showing the other tab\u{2019}s version. This tab\u{2019}s version is saved as \u{201c}{kept}\u{201d}."
        )));
    }

    /// The draft's earlier versions.
    pub fn history(&self) -> History {
        self.load_history();
        self.history.with_value(|h| h.clone().unwrap_or_default())
    }

    fn load_history(&self) {
        if self.history.with_value(Option::is_none) {
            let history = self
                .store()
                .and_then(|store| store.history(&self.id()).ok())
                .unwrap_or_default();
            self.history.set_value(Some(history));
        }
    }

    /// Takes a snapshot if the history rules want one now. The snapshot is kept in memory at
    /// once and written to storage a moment later, so that writing a large history never sits
    /// between the team and its next keystroke.
    fn snapshot(&self, reason: Reason) {
        if self.history.try_with_value(|_| ()).is_none() {
            return;
        }
        self.load_history();
        let now = browser::now_ms();
        let recorded = self
            .draft
            .try_with_untracked(|d| {
                self.history
                    .try_update_value(|h| h.as_mut().is_some_and(|h| h.record(d, reason, now)))
            })
            .flatten()
            .unwrap_or(false);
        if recorded {
            self.history_pending.set_value(true);
            self.schedule_history_write();
        }
    }

    /// (Re)starts the wait before a pending snapshot is written.
    fn schedule_history_write(&self) {
        if let Some(Some(handle)) = self.history_timer.try_get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.write_history(), HISTORY_DELAY).ok();
        self.history_timer.try_set_value(handle);
    }

    /// Writes the history kept in memory, if a snapshot is waiting.
    fn write_history(&self) {
        if self.history_pending.try_get_value() != Some(true) {
            return;
        }
        self.history_pending.set_value(false);
        if let Some(store) = self.store() {
            // History is a convenience: when there is no room for it, the draft still saves.
            self.history.with_value(|h| {
                if let Some(h) = h {
                    let _ = store.save_history(&self.id(), h);
                }
            });
        }
    }

    /// Puts back version `index` of the history, after keeping the current one so the restore
    /// can be undone. Returns the index of that kept version.
    pub fn restore(&self, index: usize) -> Option<usize> {
        let mut history = self.history();
        let version = self.draft.with_untracked(|d| history.version(index, d))?;
        self.draft
            .with_untracked(|d| history.record(d, Reason::BeforeRestore, browser::now_ms()));
        let undo = history.snapshots().len() - 1;
        self.history.set_value(Some(history));
        self.history_pending.set_value(true);
        self.write_history();
        self.edit(|d| {
            d.title = version.title;
            d.answers = version.answers;
        });
        self.flush();
        Some(undo)
    }

    /// Measures the space in use (at most every few seconds unless `now`), and warns past
    /// the warning level.
    fn check_usage(&self, now: bool) {
        let t = js_sys::Date::now();
        if !now && t - self.last_usage_check.get_value() < USAGE_CHECK_MS {
            return;
        }
        self.last_usage_check.set_value(t);
        if let Some(Ok(used)) = self
            .store()
            .filter(|s| s.is_persistent())
            .map(|s| s.used_units())
        {
            let percent = (used * 100 / crossroads_storage::QUOTA_UNITS).min(100);
            self.nearly_full
                .try_set((percent >= WARN_PERCENT).then_some(percent));
        }
    }

    /// Writes again now, after the team freed space.
    pub fn retry(&self) {
        self.dirty.set_value(true);
        self.flush();
    }
}
