//! Saving without a save button: every edit is written within 300 ms, and at once when the
//! page is hidden or closed.

use super::browser;
use crossroads_storage::DraftStore;
use crossroads_workbook::Draft;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The longest an edit waits before it is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the status line says. "Saved" only ever follows a write that succeeded.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything on screen is in storage.
    Saved,
    /// An edit is waiting to be written.
    Saving,
    /// The last write failed; the edit is kept in memory and written again on the next edit.
    NotSaved(String),
    /// The draft cannot be changed here.
    ReadOnly,
}

impl SaveStatus {
    /// The words of the status line.
    pub fn text(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".to_string(),
            SaveStatus::Saving => "Saving\u{2026}".to_string(),
            SaveStatus::NotSaved(reason) => format!("Not saved: {reason}"),
            SaveStatus::ReadOnly => "Read-only: changes are not saved".to_string(),
        }
    }
}

/// The open draft and its saving. Copy, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The draft as the team sees it.
    pub draft: RwSignal<Draft>,
    /// The status line.
    pub status: RwSignal<SaveStatus>,
    store: StoredValue<Arc<DraftStore>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    dirty: StoredValue<bool>,
    read_only: bool,
}

impl Autosave {
    /// Starts saving `draft` into `store`, and flushes when the page is hidden or closed.
    pub fn new(draft: Draft, store: Arc<DraftStore>, read_only: bool) -> Self {
        let autosave = Autosave {
            draft: RwSignal::new(draft),
            status: RwSignal::new(if read_only {
                SaveStatus::ReadOnly
            } else {
                SaveStatus::Saved
            }),
            store: StoredValue::new(store),
            timer: StoredValue::new(None),
            dirty: StoredValue::new(false),
            read_only,
        };
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                autosave.flush();
            }
        });
        let closing = window_event_listener(leptos::ev::pagehide, move |_| autosave.flush());
        on_cleanup(move || {
            // Leaving the draft (for the home screen, another draft) writes what is pending.
            autosave.flush();
            hidden.remove();
            closing.remove();
        });
        autosave
    }

    /// Whether the draft can be changed.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Applies an edit the team made, and schedules the write.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        if self.read_only {
            return;
        }
        self.draft.update(|draft| {
            change(draft);
            draft.updated_ms = browser::now_ms();
        });
        self.schedule();
    }

    /// Records where the team is, without counting it as an edit.
    pub fn set_place(&self, section: &str) {
        if self.read_only || self.draft.with_untracked(|d| d.last_section == section) {
            return;
        }
        self.draft
            .update(|draft| draft.last_section = section.to_string());
        self.schedule();
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
        if !self.dirty.try_get_value().unwrap_or(false) {
            return;
        }
        let Some(store) = self.store.try_get_value() else {
            return;
        };
        let result = self.draft.try_with_untracked(|draft| store.save(draft));
        let status = match result {
            Some(Ok(())) if store.is_persistent() => SaveStatus::Saved,
            Some(Ok(())) => SaveStatus::NotSaved(
                "this browser is blocking storage, so your work lives only in this tab".to_string(),
            ),
            Some(Err(e)) => SaveStatus::NotSaved(e.to_string()),
            None => return,
        };
        if status == SaveStatus::Saved {
            self.dirty.try_set_value(false);
        }
        self.status.try_set(status);
    }
}
