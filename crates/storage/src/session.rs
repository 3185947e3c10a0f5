//! The save session of one open record in one tab (a team's draft, a facilitator's plan, a
//! reviewer's score sheet): what is on screen against what is stored, and what happens when
//! another tab writes. Pure rules over any store of [`Revisions`] ([`DraftStore`], or a
//! [`crate::DocStore`]); the UI keeps only the signals, timers and listeners that call them.
//!
//! ```
//! use crossroads_storage::{DraftStore, MemoryStore, SaveSession, SaveStatus};
//! use crossroads_workbook::Answer;
//!
//! let store = DraftStore::new(Box::new(MemoryStore::default()));
//! let mut draft = store.create("d1", "Studios", 1).unwrap();
//! let mut session = SaveSession::new(draft.clone(), 1, false);
//! draft.set_answer("profile.school", Answer::Text("Lincoln".into()));
//! session.edited();
//! assert_eq!(session.status(true), SaveStatus::Saving);
//! # let name = || crossroads_storage::CopyName { id: "c1".into(), when: String::new() };
//! session.flush(&store, &draft, &name);
//! assert_eq!(session.status(true), SaveStatus::Saved);
//! ```

use crate::{DraftStore, Entry, HeadState, Protection, StoreError};
use crossroads_workbook::Draft;

/// A record the session can keep: it has an id, a title for copies, and a word for people.
pub trait Document: Clone + PartialEq {
    /// What people call it: "draft", "plan".
    const NOUN: &'static str;
    /// Its id in storage.
    fn id(&self) -> &str;
    /// Its title as shown (never empty).
    fn display_title(&self) -> &str;
    /// The same record under another id and title, to keep as a copy.
    fn renamed(&self, id: String, title: String) -> Self;
}

impl Document for Draft {
    const NOUN: &'static str = "draft";
    fn id(&self) -> &str {
        &self.id
    }
    fn display_title(&self) -> &str {
        Draft::display_title(self)
    }
    fn renamed(&self, id: String, title: String) -> Self {
        Draft {
            id,
            title,
            ..self.clone()
        }
    }
}

/// A store of records that count their saves, as the session needs it.
pub trait Revisions {
    /// What it stores.
    type Doc: Document;
    /// Writes `doc` if the stored revision is still `base`; `previous` is the record as stored
    /// at `base`, when the store can write only what changed. Returns the new revision.
    fn save(
        &self,
        doc: &Self::Doc,
        base: u64,
        previous: Option<&Self::Doc>,
    ) -> Result<u64, StoreError>;
    /// What is stored under `id` now.
    fn head_state(&self, id: &str) -> Result<HeadState, StoreError>;
    /// The record under `id` and its revision, when it can be edited.
    fn editable(&self, id: &str) -> Option<(Self::Doc, u64)>;
    /// Stores a new record under its own id, never replacing one.
    fn add(&self, doc: Self::Doc) -> Result<Self::Doc, StoreError>;
}

impl Revisions for DraftStore {
    type Doc = Draft;
    fn save(&self, doc: &Draft, base: u64, previous: Option<&Draft>) -> Result<u64, StoreError> {
        DraftStore::save(self, doc, base, previous)
    }
    fn head_state(&self, id: &str) -> Result<HeadState, StoreError> {
        DraftStore::head_state(self, id)
    }
    fn editable(&self, id: &str) -> Option<(Draft, u64)> {
        match self.load(id) {
            Ok(Some(Entry::Editable { draft, revision })) => Some((draft, revision)),
            _ => None,
        }
    }
    fn add(&self, doc: Draft) -> Result<Draft, StoreError> {
        DraftStore::add(self, doc)
    }
}

/// What the status line says. "Saved" only ever follows a write that was read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything on screen is in storage.
    Saved,
    /// An edit is waiting to be written.
    Saving,
    /// The last write failed; the edit is kept on screen and written again with the next one.
    NotSaved {
        /// Why, in plain words.
        reason: String,
        /// Whether freeing space would help.
        full: bool,
    },
    /// The draft cannot be changed here.
    ReadOnly,
    /// Another tab changed the draft too; the team must choose.
    Conflict,
}

impl SaveStatus {
    /// The words of the status line (about a draft).
    pub fn text(&self) -> String {
        self.text_for(Draft::NOUN)
    }

    /// The words of the status line about a record people call `noun`.
    pub fn text_for(&self, noun: &str) -> String {
        match self {
            SaveStatus::Saved => "Saved".to_string(),
            SaveStatus::Saving => "Saving\u{2026}".to_string(),
            SaveStatus::NotSaved { reason, .. } => format!("Not saved: {reason}"),
            SaveStatus::ReadOnly => "Read-only: changes are not saved".to_string(),
            SaveStatus::Conflict => {
                format!("Not saved: this {noun} was also changed in another tab")
            }
        }
    }
}

/// Two versions of the record, when this tab and another both changed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict<D = Draft> {
    /// The version the other tab saved.
    pub theirs: D,
    /// Its revision.
    pub revision: u64,
}

/// What a step of the session did, for the UI to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<D = Draft> {
    /// Nothing to show.
    Nothing,
    /// The edit is in storage.
    Saved,
    /// The write failed; the edit stays on screen.
    Failed(StoreError),
    /// Another tab saved and this one had nothing unsaved: show this version instead.
    Took(D),
    /// Both tabs changed the draft: the team must choose.
    ConflictOpened,
    /// The draft is no longer stored (deleted in another tab, or storage cleared).
    Gone,
    /// A newer version of Crossroads wrote the draft; this tab will not write it again. When this
    /// tab had unsaved changes, they were offered as a copy, with this result.
    NewerVersion {
        /// The title of the copy kept, or why it could not be kept; `None` when nothing was
        /// unsaved.
        copy: Option<Result<String, StoreError>>,
    },
    /// The conflict was settled: this tab's version is kept, the other is the copy titled so.
    KeptMine {
        /// The copy's title.
        copy: String,
        /// How saving this tab's version went.
        saved: Box<Outcome<D>>,
    },
    /// The conflict was settled: the other tab's version is shown (this draft), this tab's is
    /// the copy titled so.
    KeptTheirs {
        /// The record now shown.
        theirs: D,
        /// The copy's title.
        copy: String,
    },
    /// A copy that settles the conflict could not be written: the conflict stays open.
    CopyFailed(StoreError),
    /// The tab left while the team had not chosen: this tab's version is kept as a copy.
    LeftWithCopy(Result<String, StoreError>),
}

impl<D: Document> Outcome<D> {
    /// The note shown above the record, if this outcome needs one.
    pub fn notice(&self) -> Option<String> {
        let noun = D::NOUN;
        Some(match self {
            Outcome::Took(_) => format!("This {noun} was just changed in another tab or window. You are seeing the latest version."),
            Outcome::NewerVersion { copy: None } => format!("A newer version of Crossroads changed this {noun} in another tab, so this tab will not write it."),
            Outcome::NewerVersion { copy: Some(Ok(title)) } => format!(
                "A newer version of Crossroads changed this {noun} in another tab, so this tab will not write it. \
                 Your unsaved changes are kept as \u{201c}{title}\u{201d}."
            ),
            Outcome::NewerVersion { copy: Some(Err(e)) } => format!(
                "A newer version of Crossroads changed this {noun} in another tab, so this tab will not write it. \
                 Your unsaved changes could not be kept as a copy ({reason}): they are still on this screen, so \
                 export this {noun} to keep them.", reason = e.reason(noun)
            ),
            Outcome::KeptMine { copy, .. } => format!(
                "Kept this tab\u{2019}s version. The other tab\u{2019}s version is saved as \u{201c}{copy}\u{201d}."
            ),
            Outcome::KeptTheirs { copy, .. } => format!(
                "Now showing the other tab\u{2019}s version. This tab\u{2019}s version is saved as \u{201c}{copy}\u{201d}."
            ),
            Outcome::CopyFailed(e) => format!(
                "Nothing was changed: the version you did not choose could not be saved as a copy ({reason}). \
                 Both versions are still here. Free space or export this {noun}, then choose again.", reason = e.reason(noun)
            ),
            Outcome::LeftWithCopy(Ok(title)) => format!(
                "You left while two versions were waiting for a choice. This tab\u{2019}s version is kept as \u{201c}{title}\u{201d}."
            ),
            Outcome::LeftWithCopy(Err(e)) => format!(
                "You left while two versions were waiting for a choice, and this tab\u{2019}s version could not be kept ({reason}).", reason = e.reason(noun)
            ),
            Outcome::Nothing | Outcome::Saved | Outcome::Failed(_) | Outcome::ConflictOpened | Outcome::Gone => {
                return None
            }
        })
    }
}

/// How a copy made by the session is named: a fresh id, and the time in the reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyName {
    /// The copy's id.
    pub id: String,
    /// When, as the team reads it ("23 Nov 2026, 14:05").
    pub when: String,
}

/// The save rules of one open record in one tab.
#[derive(Clone, Debug)]
pub struct SaveSession<D = Draft> {
    /// The record as stored at `base`: a store that can writes only what differs from it.
    saved: D,
    /// The revision in storage the tab's draft is based on.
    base: u64,
    /// Something on screen is not in storage.
    dirty: bool,
    conflict: Option<Conflict<D>>,
    read_only: bool,
    /// Why the last write failed, while it is not yet written.
    failure: Option<StoreError>,
    /// The draft vanished from storage: the next save writes all of it.
    gone: bool,
}

impl<D: Document> SaveSession<D> {
    /// A session over `doc`, stored at `revision`.
    pub fn new(doc: D, revision: u64, read_only: bool) -> Self {
        SaveSession {
            saved: doc,
            base: revision,
            dirty: false,
            conflict: None,
            read_only,
            failure: None,
            gone: false,
        }
    }

    /// Whether the team may change the draft now (not while two versions wait for a choice).
    pub fn can_edit(&self) -> bool {
        !self.read_only && self.conflict.is_none()
    }

    /// Whether the draft is read-only here.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The two versions waiting for the team's choice, if any.
    pub fn conflict(&self) -> Option<&Conflict<D>> {
        self.conflict.as_ref()
    }

    /// Whether everything on screen is in storage: nothing unsaved, no choice waiting. A store
    /// that does not outlive the page (storage refused) never counts as storage.
    pub fn is_stored(&self, persistent: bool) -> bool {
        persistent && !self.dirty && self.conflict.is_none()
    }

    /// The team changed the draft on screen.
    pub fn edited(&mut self) {
        if self.can_edit() {
            self.dirty = true;
        }
    }

    /// The status line, for a store that does (or does not) outlive the page.
    pub fn status(&self, persistent: bool) -> SaveStatus {
        if self.read_only {
            SaveStatus::ReadOnly
        } else if self.conflict.is_some() {
            SaveStatus::Conflict
        } else if let Some(e) = &self.failure {
            SaveStatus::NotSaved {
                reason: e.reason(D::NOUN),
                full: *e == StoreError::Full,
            }
        } else if self.gone {
            SaveStatus::NotSaved {
                reason: format!(
                    "this {} was deleted in another tab or window; it is still on this screen, and your \
                     next change will save it again",
                    D::NOUN
                ),
                full: false,
            }
        } else if self.dirty {
            SaveStatus::Saving
        } else if !persistent {
            SaveStatus::NotSaved {
                reason: "this browser is blocking storage, so your work lives only in this tab"
                    .to_string(),
                full: false,
            }
        } else {
            SaveStatus::Saved
        }
    }

    /// Writes `current` (the draft on screen) if something is unsaved. `name` names the copy
    /// kept if it turns out that a newer version of Crossroads wrote the draft meanwhile (it is
    /// called only then, so naming costs nothing on an ordinary save).
    pub fn flush(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        if !self.dirty || !self.can_edit() {
            return Outcome::Nothing;
        }
        let previous = (!self.gone).then_some(&self.saved);
        match store.save(current, self.base, previous) {
            Ok(revision) => {
                self.base = revision;
                self.saved = current.clone();
                self.dirty = false;
                self.failure = None;
                self.gone = false;
                Outcome::Saved
            }
            Err(StoreError::Conflict { .. }) => self.other_tab_wrote(store, current, name),
            Err(StoreError::Protected(Protection::NewerVersion)) => {
                self.newer_version_wrote(store, current, name)
            }
            Err(e) => {
                self.failure = Some(e.clone());
                Outcome::Failed(e)
            }
        }
    }

    /// Writes again now (after the team freed space).
    pub fn retry(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        if self.can_edit() {
            self.dirty = true;
        }
        self.flush(store, current, name)
    }

    /// Another tab saved this draft, or removed it: take its version when nothing here is
    /// unsaved, otherwise ask the team which to keep.
    pub fn other_tab_wrote(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        if self.read_only || self.conflict.is_some() {
            return Outcome::Nothing;
        }
        match store.head_state(current.id()) {
            Ok(HeadState::At(revision)) if revision != self.base => {}
            Ok(HeadState::Newer(_)) => return self.newer_version_wrote(store, current, name),
            Ok(HeadState::Gone) => {
                // Only answers that differ from `saved` would be written: nothing of the draft
                // is stored any more, so all of it must be. The revision goes on from this
                // tab's (it does not restart), so a tab that saw the old draft at that revision
                // cannot mistake the new one for it.
                self.gone = true;
                self.dirty = true;
                return Outcome::Gone;
            }
            _ => return Outcome::Nothing,
        }
        let Some((theirs, revision)) = store.editable(current.id()) else {
            return Outcome::Nothing;
        };
        if self.dirty {
            self.conflict = Some(Conflict { theirs, revision });
            Outcome::ConflictOpened
        } else {
            self.saved = theirs.clone();
            self.base = revision;
            self.failure = None;
            Outcome::Took(theirs)
        }
    }

    /// A newer version of Crossroads wrote this draft: never write it again from this tab, and
    /// keep what is unsaved here as a copy.
    fn newer_version_wrote(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        self.read_only = true;
        let copy = self
            .dirty
            .then(|| keep_copy(store, current, "this tab\u{2019}s unsaved version", name));
        self.dirty = false;
        self.failure = None;
        Outcome::NewerVersion { copy }
    }

    /// Settles a conflict by keeping this tab's version; the other tab's is stored as a copy
    /// first. When the copy cannot be stored, nothing changes and the conflict stays open.
    pub fn keep_mine(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        let (Conflict { theirs, revision }, copy) =
            match self.copy_before_settling(store, None, "the other tab\u{2019}s version", name) {
                Some(Ok(settled)) => settled,
                Some(Err(e)) => return Outcome::CopyFailed(e),
                None => return Outcome::Nothing,
            };
        self.saved = theirs;
        self.base = revision;
        self.conflict = None;
        self.dirty = true;
        self.gone = false;
        let saved = self.flush(store, current, name);
        Outcome::KeptMine {
            copy,
            saved: Box::new(saved),
        }
    }

    /// Settles a conflict by taking the other tab's version; this tab's is stored as a copy
    /// first. When the copy cannot be stored, nothing changes and the conflict stays open.
    pub fn keep_theirs(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        let (Conflict { theirs, revision }, copy) = match self.copy_before_settling(
            store,
            Some(current),
            "this tab\u{2019}s version",
            name,
        ) {
            Some(Ok(settled)) => settled,
            Some(Err(e)) => return Outcome::CopyFailed(e),
            None => return Outcome::Nothing,
        };
        self.saved = theirs.clone();
        self.base = revision;
        self.conflict = None;
        self.dirty = false;
        self.failure = None;
        Outcome::KeptTheirs { theirs, copy }
    }

    /// The open conflict and the title of the copy kept before it is settled: of `mine` (this
    /// tab's draft), or of the other tab's version when `None`; `None` when there is no conflict.
    fn copy_before_settling(
        &self,
        store: &impl Revisions<Doc = D>,
        mine: Option<&D>,
        whose: &str,
        name: &dyn Fn() -> CopyName,
    ) -> Option<Result<(Conflict<D>, String), StoreError>> {
        let conflict = self.conflict.clone()?;
        let copied = mine.unwrap_or(&conflict.theirs);
        Some(keep_copy(store, copied, whose, name).map(|title| (conflict, title)))
    }

    /// The tab leaves the draft (another screen, closing): what is pending is written; when two
    /// versions still wait for a choice, this tab's is kept as a copy, so leaving loses nothing.
    pub fn leave(
        &mut self,
        store: &impl Revisions<Doc = D>,
        current: &D,
        name: &dyn Fn() -> CopyName,
    ) -> Outcome<D> {
        if self.conflict.is_some() {
            let kept = keep_copy(store, current, "this tab\u{2019}s version", name);
            if kept.is_ok() {
                self.conflict = None;
                self.dirty = false;
            }
            return Outcome::LeftWithCopy(kept);
        }
        self.flush(store, current, name)
    }

    /// The revision in storage this tab's draft is based on.
    pub fn base(&self) -> u64 {
        self.base
    }
}

/// Stores `doc` as a new record named after `whose` version it is; returns its title.
fn keep_copy<D: Document>(
    store: &impl Revisions<Doc = D>,
    doc: &D,
    whose: &str,
    name: &dyn Fn() -> CopyName,
) -> Result<String, StoreError> {
    let name = name();
    let when = if name.when.is_empty() {
        String::new()
    } else {
        format!(", {}", name.when)
    };
    let title = format!("{} ({whose}{when})", doc.display_title());
    let copy = doc.renamed(name.id, title.clone());
    store.add(copy).map(|_| title)
}

#[cfg(test)]
mod tests;
