//! Saving a record kept whole (a facilitator's plan; later a reviewer's score sheet) without a
//! save button: every edit is written within 300 ms, and at once when the page is hidden or
//! closed. The rules are the storage crate's [`SaveSession`], the same as a team's draft has;
//! this file holds only the signals, the timer and the listeners around it.

use crate::ui::browser;
use crossroads_storage::{Conflict, CopyName, DocStore, Outcome, SaveSession, SaveStatus, Stored};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The longest an edit waits before it is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// One open record and its saving. Copy, so every handler can hold it.
pub struct Keeper<D: Stored + Send + Sync + 'static> {
    /// The record as the person sees it.
    pub doc: RwSignal<D>,
    /// The status line.
    pub status: RwSignal<SaveStatus>,
    /// Set while two versions wait for a choice.
    pub conflict: RwSignal<Option<Conflict<D>>>,
    /// Something the person should know that is not a failure (another tab's change, a copy).
    pub notice: RwSignal<Option<String>>,
    session: StoredValue<SaveSession<D>>,
    store: StoredValue<Arc<DocStore<D>>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// A fresh id for a copy the session may have to keep.
    new_id: fn() -> String,
}

impl<D: Stored + Send + Sync + 'static> Clone for Keeper<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Stored + Send + Sync + 'static> Copy for Keeper<D> {}

impl<D: Stored + Send + Sync + 'static> Keeper<D> {
    /// Starts saving `doc`, stored at `revision`, into `store`; writes when the page is hidden
    /// or closed, asks before the page closes with work not in storage, and follows other tabs.
    pub fn new(
        doc: D,
        revision: u64,
        read_only: bool,
        store: Arc<DocStore<D>>,
        new_id: fn() -> String,
    ) -> Self {
        let session = SaveSession::new(doc.clone(), revision, read_only);
        let keeper = Keeper {
            doc: RwSignal::new(doc),
            status: RwSignal::new(session.status(store.is_persistent())),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            session: StoredValue::new(session),
            store: StoredValue::new(store),
            timer: StoredValue::new(None),
            new_id,
        };
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                keeper.flush();
            }
        });
        let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
            keeper.flush();
            if !keeper.is_stored() {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        });
        let closing = window_event_listener(leptos::ev::pagehide, move |_| {
            keeper.step(|s, store, doc, name| s.leave(store, doc, name));
        });
        let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
            let id = keeper.doc.with_untracked(|d| d.id().to_string());
            let ours = ev
                .key()
                .is_none_or(|key| DocStore::<D>::id_of_key(&key) == Some(id.as_str()));
            if ours {
                keeper.step(|s, store, doc, name| s.other_tab_wrote(store, doc, name));
            }
        });
        on_cleanup(move || {
            keeper.stop_timer();
            keeper.step(|s, store, doc, name| s.leave(store, doc, name));
            hidden.remove();
            leaving.remove();
            closing.remove();
            other_tab.remove();
        });
        keeper
    }

    fn store(&self) -> Option<Arc<DocStore<D>>> {
        self.store.try_get_value()
    }

    /// Whether everything on screen is in storage.
    pub fn is_stored(&self) -> bool {
        let persistent = self.store().is_some_and(|s| s.is_persistent());
        self.session
            .try_with_value(|s| s.is_stored(persistent))
            .unwrap_or(true)
    }

    /// Runs one step of the session on the record on screen, and shows what it did.
    fn step(
        &self,
        f: impl FnOnce(&mut SaveSession<D>, &DocStore<D>, &D, &dyn Fn() -> CopyName) -> Outcome<D>,
    ) {
        let Some(store) = self.store() else {
            return;
        };
        let new_id = self.new_id;
        let name = move || CopyName {
            id: new_id(),
            when: browser::format_time(browser::now_ms()),
        };
        let Some(Some(outcome)) = self.doc.try_with_untracked(|doc| {
            self.session
                .try_update_value(|session| f(session, &store, doc, &name))
        }) else {
            return;
        };
        self.show(outcome, store.is_persistent());
    }

    fn show(&self, outcome: Outcome<D>, persistent: bool) {
        match &outcome {
            Outcome::Took(doc) | Outcome::KeptTheirs { theirs: doc, .. } => {
                self.doc.try_set(doc.clone());
            }
            Outcome::ConflictOpened => self.stop_timer(),
            _ => {}
        }
        if let Some(text) = outcome.notice() {
            self.notice.try_set(Some(text));
        }
        if let Some((status, conflict)) = self
            .session
            .try_with_value(|s| (s.status(persistent), s.conflict().cloned()))
        {
            self.status.try_set(status);
            self.conflict.try_set(conflict);
        }
    }

    /// Whether the record can be changed now (not while two versions wait for a choice, nor
    /// when a newer version wrote it).
    pub fn can_edit(&self) -> bool {
        self.status.with(|s| *s != SaveStatus::ReadOnly) && self.conflict.with(Option::is_none)
    }

    /// Applies an edit, and schedules the write (nothing happens while the record cannot be
    /// changed: the screen's fields are disabled then).
    pub fn edit(&self, change: impl FnOnce(&mut D)) {
        let _ = self.try_edit(change);
    }

    /// Applies an edit, and schedules the write. Returns false, changing nothing, when the
    /// record cannot be changed now.
    pub fn try_edit(&self, change: impl FnOnce(&mut D)) -> bool {
        if !self.session.with_value(SaveSession::can_edit) {
            return false;
        }
        self.doc.update(change);
        self.session.update_value(SaveSession::edited);
        let persistent = self.store().is_some_and(|s| s.is_persistent());
        self.status
            .set(self.session.with_value(|s| s.status(persistent)));
        if self.timer.get_value().is_none() {
            let this = *self;
            let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
            self.timer.set_value(handle);
        }
        true
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
        self.step(|s, store, doc, name| s.flush(store, doc, name));
    }

    /// Writes again now (after space was freed).
    pub fn retry(&self) {
        self.step(|s, store, doc, name| s.retry(store, doc, name));
    }

    /// Settles a conflict by keeping this tab's version; the other is kept as a copy.
    pub fn keep_mine(&self) {
        self.step(|s, store, doc, name| s.keep_mine(store, doc, name));
    }

    /// Settles a conflict by taking the other tab's version; this tab's is kept as a copy.
    pub fn keep_theirs(&self) {
        self.step(|s, store, doc, name| s.keep_theirs(store, doc, name));
    }
}
