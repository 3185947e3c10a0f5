//! Saving without a save button: every edit is written within 300 ms, and at once when the
//! page is hidden or closed. The rules (what to write, what another tab's save means, which
//! copy to keep) are the storage crate's [`SaveSession`]; this file holds the signals, timers
//! and listeners around it, and the draft's history.

use super::AppContext;
use crate::ui::browser;
use crossroads_storage::{
    Conflict, CopyName, DraftStore, Outcome, SaveSession, SaveStatus, WARN_PERCENT,
};
use crossroads_workbook::history::Reason;
use crossroads_workbook::{new_draft_id, Catalog, Draft, History};
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

/// A fresh name for a copy the session may have to keep.
fn copy_name() -> CopyName {
    CopyName {
        id: new_draft_id(browser::now_ms(), browser::random_u64()),
        when: browser::format_time(browser::now_ms()),
    }
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
    /// The sections and prompts the draft is answered against (the workbook's, plus those of
    /// the district's brief it answers); changes only when a brief is attached.
    pub catalog: Memo<Catalog>,
    read_only: RwSignal<bool>,
    session: StoredValue<SaveSession>,
    store: StoredValue<Arc<DraftStore>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// `updated_ms` of the draft when it was last exported, so an unsaved draft that was
    /// exported since its last change counts as kept.
    exported: StoredValue<Option<u64>>,
    history: StoredValue<Option<History>>,
    /// A snapshot waits to be written.
    history_pending: StoredValue<bool>,
    history_timer: StoredValue<Option<TimeoutHandle>>,
    last_usage_check: StoredValue<f64>,
}

impl Autosave {
    /// Starts saving `draft`, stored at `revision`, into `store`; flushes when the page is
    /// hidden or closed, warns before the page closes with work not in storage, and listens for
    /// other tabs' saves.
    pub fn new(draft: Draft, revision: u64, store: Arc<DraftStore>, read_only: bool) -> Self {
        let session = SaveSession::new(draft.clone(), revision, read_only);
        let draft = RwSignal::new(draft);
        let autosave = Autosave {
            draft,
            catalog: Memo::new(move |_| draft.with(Catalog::of)),
            status: RwSignal::new(session.status(store.is_persistent())),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            nearly_full: RwSignal::new(None),
            read_only: RwSignal::new(read_only),
            session: StoredValue::new(session),
            store: StoredValue::new(store),
            timer: StoredValue::new(None),
            exported: StoredValue::new(None),
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
        let context = AppContext::get();
        let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
            autosave.flush();
            if !autosave.is_stored() && !context.is_leaving_on_purpose() {
                // The browser asks "Leave site?"; its own words, not ours, are shown.
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        });
        let closing = window_event_listener(leptos::ev::pagehide, move |_| {
            autosave.leave();
            autosave.write_history();
        });
        let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
            let id = autosave.id();
            match ev.key() {
                Some(key) if DraftStore::draft_of_head_key(&key) == Some(id.as_str()) => {
                    autosave.other_tab_wrote()
                }
                Some(key)
                    if DraftStore::draft_of_history_key(&key) == Some(id.as_str())
                        && ev.new_value().is_none() =>
                {
                    autosave.forget_history()
                }
                None => autosave.other_tab_wrote(),
                _ => {}
            }
        });
        context.set_open_work(Some(Callback::new(move |()| autosave.is_kept())));
        on_cleanup(move || {
            // Leaving the draft (for the home screen, another draft) writes what is pending.
            if let Outcome::LeftWithCopy(kept) = autosave.leave() {
                let outcome: Outcome = Outcome::LeftWithCopy(kept);
                if let Some(text) = outcome.notice() {
                    context.flash(text);
                }
            }
            autosave.write_history();
            context.set_open_work(None);
            hidden.remove();
            leaving.remove();
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

    fn id(&self) -> String {
        self.draft.with_untracked(|d| d.id.clone())
    }

    /// Whether the draft can be changed now (not while two versions wait for a choice).
    pub fn is_read_only(&self) -> bool {
        self.read_only.get() || self.conflict.with(Option::is_some)
    }

    /// Whether everything on screen is in storage.
    fn is_stored(&self) -> bool {
        let persistent = self.store().is_some_and(|s| s.is_persistent());
        self.session
            .try_with_value(|s| s.is_stored(persistent))
            .unwrap_or(true)
    }

    /// Whether the work on screen is kept somewhere: in storage, or in a file exported since
    /// the last change. Writes what is pending first.
    pub fn is_kept(&self) -> bool {
        self.flush();
        self.is_stored()
            || self.exported.try_get_value().flatten()
                == self.draft.try_with_untracked(|d| d.updated_ms)
    }

    /// Notes that the draft as it is now was exported to a file.
    pub fn exported(&self) {
        self.exported
            .set_value(Some(self.draft.with_untracked(|d| d.updated_ms)));
    }

    /// Shows the session's status and what an outcome needs the team to see.
    fn show(&self, outcome: Outcome) {
        let persistent = self.store().is_some_and(|s| s.is_persistent());
        let Some((status, conflict, read_only)) = self.session.try_with_value(|s| {
            (
                s.status(persistent),
                s.conflict().cloned(),
                s.is_read_only(),
            )
        }) else {
            return;
        };
        match &outcome {
            Outcome::Took(draft) | Outcome::KeptTheirs { theirs: draft, .. } => {
                self.draft.set(draft.clone())
            }
            Outcome::Saved => {
                self.snapshot(Reason::Editing);
                self.check_usage(false);
            }
            Outcome::Failed(crossroads_storage::StoreError::Full) => self.check_usage(true),
            Outcome::ConflictOpened => self.stop_timer(),
            _ => {}
        }
        if let Some(text) = outcome.notice() {
            self.notice.try_set(Some(text));
        }
        if let Outcome::KeptMine { saved, .. } = outcome {
            self.show(*saved);
        }
        self.status.try_set(status);
        self.conflict.try_set(conflict);
        self.read_only.try_set(read_only);
    }

    /// Runs one step of the session on the draft on screen, and shows what it did.
    fn step(&self, f: impl FnOnce(&mut SaveSession, &DraftStore, &Draft) -> Outcome) -> Outcome {
        let Some(store) = self.store() else {
            return Outcome::Nothing;
        };
        let Some(outcome) = self.draft.try_with_untracked(|draft| {
            self.session
                .try_update_value(|session| f(session, &store, draft))
        }) else {
            return Outcome::Nothing;
        };
        let outcome = outcome.unwrap_or(Outcome::Nothing);
        self.show(outcome.clone());
        outcome
    }

    /// Applies an edit the team made, and schedules the write.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        if !self.session.with_value(SaveSession::can_edit) {
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
        self.session.update_value(SaveSession::edited);
        let persistent = self.store().is_some_and(|s| s.is_persistent());
        self.status
            .set(self.session.with_value(|s| s.status(persistent)));
        if self.timer.get_value().is_none() {
            let this = *self;
            let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
            self.timer.set_value(handle);
        }
    }

    fn stop_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
        self.timer.try_set_value(None);
    }

    /// Writes any pending edit now.
    pub fn flush(&self) {
        self.stop_timer();
        self.step(|s, store, draft| s.flush(store, draft, &copy_name));
    }

    /// Leaving the draft: writes what is pending, or keeps this tab's version as a copy when
    /// two versions wait for a choice.
    fn leave(&self) -> Outcome {
        self.stop_timer();
        self.step(|s, store, draft| s.leave(store, draft, &copy_name))
    }

    /// Another tab saved this draft (or removed it).
    fn other_tab_wrote(&self) {
        self.step(|s, store, draft| s.other_tab_wrote(store, draft, &copy_name));
    }

    /// Resolves a conflict by keeping this tab's version; the other is kept as a copy.
    pub fn keep_mine(&self) {
        self.step(|s, store, draft| s.keep_mine(store, draft, &copy_name));
    }

    /// Resolves a conflict by taking the other tab's version; this tab's is kept as a copy.
    pub fn keep_theirs(&self) {
        self.step(|s, store, draft| s.keep_theirs(store, draft, &copy_name));
    }

    /// Writes again now, after the team freed space.
    pub fn retry(&self) {
        self.step(|s, store, draft| s.retry(store, draft, &copy_name));
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

    /// The history of this draft was deleted (here, or in another tab): forget it too, so that
    /// the next snapshot does not write it back.
    pub fn forget_history(&self) {
        if let Some(Some(handle)) = self.history_timer.try_get_value() {
            handle.clear();
        }
        self.history_timer.try_set_value(None);
        self.history_pending.try_set_value(false);
        self.history.try_set_value(None);
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
}
