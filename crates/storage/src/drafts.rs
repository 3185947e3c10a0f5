//! The drafts kept in one browser: list, load, save, create, rename, duplicate, delete, their
//! history, and how much room they take.
//!
//! This module holds [`DraftStore`] and its core (listing, loading, saving, adding, renaming,
//! duplicating, deleting); the rest is split by capability: `checked` (the rules a stored record
//! is checked by), `usage` (room taken), `backup` (backup and restore), `migration` (settling
//! what unfinished saves and migrations left) and `history`.

mod backup;
mod checked;
mod history;
mod migration;
mod usage;

use crate::error::Protection;
use crate::keys::{self, Key};
use crate::record::{self, Decoded, Head};
use crate::{KeyValue, StoreError};
use checked::{revision_after_vanishing, too_new, unreadable, with_id};
use crossroads_workbook::catalog::{Catalog, Progress};
use crossroads_workbook::{order, Answer, Draft};
use std::collections::{BTreeMap, BTreeSet};
use usage::units;

pub use backup::{
    backup_due, backup_due_every_session, BackupContents, RestoreReport, Restored,
    BACKUP_REMINDER_MS,
};
pub use usage::{DraftUsage, Usage, QUOTA_UNITS, WARN_PERCENT};

/// A stored draft, as this build can use it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A draft the team can open and edit, at the given revision.
    Editable {
        /// The draft.
        draft: Draft,
        /// Its revision in storage; a save must name it (see [`DraftStore::save`]).
        revision: u64,
    },
    /// A draft written by a newer version of Crossroads: it can be read, never written.
    ReadOnly {
        /// The draft as far as this build understands it.
        draft: Draft,
        /// The record's schema version.
        schema: u32,
    },
    /// A record this build cannot open. It stays in storage exactly as it is.
    Unreadable(Unreadable),
}

impl Entry {
    /// The draft, if it can be read.
    pub fn draft(&self) -> Option<&Draft> {
        match self {
            Entry::Editable { draft, .. } | Entry::ReadOnly { draft, .. } => Some(draft),
            Entry::Unreadable(_) => None,
        }
    }
}

/// A stored record that cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The draft id taken from its storage key.
    pub id: String,
    /// What is wrong, in plain words ("its text is cut off or garbled …").
    pub reason: String,
    /// How many characters the record holds.
    pub size: usize,
}

/// What the list of drafts shows of one draft, read without loading its answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    /// The draft id.
    pub id: String,
    /// The title as the team wrote it.
    pub title: String,
    /// The school's name, or "".
    pub school: String,
    /// When it was created.
    pub created_ms: u64,
    /// When it was last edited.
    pub updated_ms: u64,
    /// Answered and total prompts.
    pub progress: Progress,
    /// Written by a newer version of Crossroads.
    pub read_only: bool,
}

impl DraftSummary {
    /// The title to show: the team's title, or a placeholder when it is blank.
    pub fn display_title(&self) -> &str {
        match self.title.trim() {
            "" => "Untitled proposal",
            title => title,
        }
    }

    fn of_head(head: &Head, read_only: bool) -> Self {
        DraftSummary {
            id: head.draft.id.clone(),
            title: head.draft.title.clone(),
            school: head.school.clone(),
            created_ms: head.draft.created_ms,
            updated_ms: head.draft.updated_ms,
            progress: {
                let catalog = Catalog::with_brief(head.draft.brief.as_ref());
                Progress {
                    answered: catalog
                        .prompts()
                        .filter(|p| head.answered.iter().any(|a| a == p.id))
                        .count(),
                    total: catalog.prompts().count(),
                }
            },
            read_only,
        }
    }

    fn of_draft(draft: &Draft) -> Self {
        DraftSummary::of_head(&Head::new(draft, 0, ""), false)
    }
}

/// One line of the list of drafts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listing {
    /// A draft that can be opened.
    Draft(DraftSummary),
    /// A record that cannot be opened.
    Unreadable(Unreadable),
}

impl Listing {
    /// The id under which it is stored.
    pub fn id(&self) -> &str {
        match self {
            Listing::Draft(s) => &s.id,
            Listing::Unreadable(u) => &u.id,
        }
    }
}

/// What the head of a draft says now, for a tab that learns another one wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadState {
    /// Nothing is stored under the id.
    Gone,
    /// A draft of this build's format at this revision.
    At(u64),
    /// A draft in the older format, not yet migrated.
    Legacy,
    /// Written by a newer version of Crossroads.
    Newer(u32),
    /// Cannot be read.
    Damaged,
}

/// The drafts kept in one store.
pub struct DraftStore {
    kv: Box<dyn KeyValue>,
    /// Names this tab in the heads it writes.
    writer: String,
}

impl DraftStore {
    /// Drafts kept in `kv`.
    pub fn new(kv: Box<dyn KeyValue>) -> Self {
        DraftStore::with_writer(kv, "")
    }

    /// Drafts kept in `kv`, by a writer (a tab) with this name.
    pub fn with_writer(kv: Box<dyn KeyValue>, writer: &str) -> Self {
        DraftStore {
            kv,
            writer: writer.to_string(),
        }
    }

    /// Whether drafts outlive the page (false when the browser refused storage).
    pub fn is_persistent(&self) -> bool {
        self.kv.is_persistent()
    }

    /// Every stored draft: readable ones newest first, then the unreadable ones.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let mut listings = Vec::new();
        for key in self.kv.keys()? {
            let Key::Draft(id) = keys::parse(&key) else {
                continue;
            };
            let Some(raw) = self.kv.get(&key)? else {
                continue;
            };
            listings.push(match record::decode(&raw) {
                Decoded::Current(head) => {
                    Listing::Draft(DraftSummary::of_head(&with_id(head, id), false))
                }
                Decoded::Legacy(draft) => Listing::Draft(DraftSummary::of_draft(&Draft {
                    id: id.to_string(),
                    ..draft
                })),
                Decoded::Newer {
                    head: Some(head), ..
                } => Listing::Draft(DraftSummary::of_head(&with_id(head, id), true)),
                Decoded::Newer { schema, head: None } => {
                    Listing::Unreadable(too_new(id, schema, &raw))
                }
                Decoded::Damaged { reason } => Listing::Unreadable(unreadable(id, reason, &raw)),
            });
        }
        order::sort_by(&mut listings, |a, b| match (a, b) {
            (Listing::Draft(a), Listing::Draft(b)) => b
                .updated_ms
                .cmp(&a.updated_ms)
                .then_with(|| a.id.cmp(&b.id)),
            (Listing::Draft(_), Listing::Unreadable(_)) => std::cmp::Ordering::Less,
            (Listing::Unreadable(_), Listing::Draft(_)) => std::cmp::Ordering::Greater,
            (a, b) => a.id().cmp(b.id()),
        });
        Ok(listings)
    }

    /// The draft with this id, if it is stored. A draft in the older format is migrated here
    /// when storage allows; if it does not, the draft still opens and the next save migrates it.
    pub fn load(&self, id: &str) -> Result<Option<Entry>, StoreError> {
        let Some(raw) = self.kv.get(&keys::draft(id))? else {
            return Ok(None);
        };
        Ok(Some(match record::decode(&raw) {
            Decoded::Current(head) => {
                let revision = head.revision;
                match self.answers(id)? {
                    Ok(answers) => Entry::Editable {
                        draft: with_id(head, id).draft.into_draft(answers),
                        revision,
                    },
                    Err(reason) => Entry::Unreadable(unreadable(id, reason, &raw)),
                }
            }
            Decoded::Legacy(draft) => {
                let draft = Draft {
                    id: id.to_string(),
                    ..draft
                };
                let revision = self.save(&draft, 0, None).unwrap_or(0);
                Entry::Editable { draft, revision }
            }
            Decoded::Newer {
                schema,
                head: Some(head),
            } => match self.answers(id)? {
                Ok(answers) => Entry::ReadOnly {
                    draft: with_id(head, id).draft.into_draft(answers),
                    schema,
                },
                Err(_) => Entry::Unreadable(too_new(id, schema, &raw)),
            },
            Decoded::Newer { schema, head: None } => Entry::Unreadable(too_new(id, schema, &raw)),
            Decoded::Damaged { reason } => Entry::Unreadable(unreadable(id, reason, &raw)),
        }))
    }

    /// The answers stored for a draft, or why one cannot be read.
    fn answers(&self, id: &str) -> Result<Result<BTreeMap<String, Answer>, String>, StoreError> {
        let prefix = keys::answers_of(id);
        let mut answers = BTreeMap::new();
        for key in self.kv.keys()? {
            let Some(prompt) = key.strip_prefix(&prefix) else {
                continue;
            };
            let Some(raw) = self.kv.get(&key)? else {
                continue;
            };
            match record::decode_answer(&raw) {
                Ok(answer) => {
                    answers.insert(prompt.to_string(), answer);
                }
                Err(e) => {
                    let label = Catalog::base().prompt(prompt).map_or(prompt, |p| p.label);
                    return Ok(Err(format!(
                        "its answer to \u{201c}{label}\u{201d} is damaged ({e})"
                    )));
                }
            }
        }
        Ok(Ok(answers))
    }

    /// What the head of draft `id` says now.
    pub fn head_state(&self, id: &str) -> Result<HeadState, StoreError> {
        Ok(match self.kv.get(&keys::draft(id))? {
            None => HeadState::Gone,
            Some(raw) => match record::decode(&raw) {
                Decoded::Current(head) => HeadState::At(head.revision),
                Decoded::Legacy(_) => HeadState::Legacy,
                Decoded::Newer { schema, .. } => HeadState::Newer(schema),
                Decoded::Damaged { .. } => HeadState::Damaged,
            },
        })
    }

    /// The draft id whose head is stored under `key`, for telling which draft another tab wrote.
    pub fn draft_of_head_key(key: &str) -> Option<&str> {
        match keys::parse(key) {
            Key::Draft(id) => Some(id),
            _ => None,
        }
    }

    /// The draft id whose history is stored under `key`.
    pub fn draft_of_history_key(key: &str) -> Option<&str> {
        match keys::parse(key) {
            Key::History(id) => Some(id),
            _ => None,
        }
    }

    /// Whether `key` belongs to Crossroads (for refreshing lists when another tab writes).
    pub fn is_ours(key: &str) -> bool {
        !matches!(keys::parse(key), Key::Other | Key::Doc(..))
    }

    /// The record exactly as stored, for saving a copy of a damaged draft.
    pub fn raw(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.kv.get(&keys::draft(id))
    }

    /// Writes a value and reads it back; a write the browser accepted but did not keep fails.
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.kv.set(key, value)?;
        match self.kv.get(key)? {
            Some(stored) if stored == value => Ok(()),
            _ => Err(StoreError::WriteFailed(
                "what the browser kept differs from what was written".to_string(),
            )),
        }
    }

    /// Writes several records as one change: if any write fails, the ones already made are
    /// undone (each key gets back what it held), so storage is left as it was.
    fn write_all(&self, records: &[(String, String)]) -> Result<(), StoreError> {
        let mut undo: Vec<(&str, Option<String>, usize)> = Vec::new();
        for (key, value) in records {
            let before = self.kv.get(key)?;
            let result = self.write(key, value);
            undo.push((key, before, units(value)));
            if let Err(e) = result {
                self.undo(undo);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Puts back what `write_all` replaced. Undoing the writes that grew storage the most comes
    /// first, so each step frees room for the next and the last leaves storage as it was.
    fn undo(&self, mut undo: Vec<(&str, Option<String>, usize)>) {
        order::sort_by_key(&mut undo, |(_, before, written)| {
            before.as_deref().map_or(0, units) as i64 - *written as i64
        });
        for (key, before, _) in undo {
            let _ = match before {
                Some(value) => self.kv.set(key, &value),
                None => self.kv.remove(key),
            };
        }
    }

    /// Saves `draft`, which this writer loaded or last saved at revision `base`, and returns
    /// its new revision. `previous` is the draft as it was at `base`, if known: only answers
    /// that differ from it are written.
    ///
    /// A save is whole or not at all: when a write fails (storage full, say), what this call
    /// wrote is undone and the draft stays as it was at `base`. When the draft is no longer
    /// stored (deleted in another tab, or storage cleared), every answer is written, whatever
    /// `previous` says.
    ///
    /// Refuses, changing nothing, when another writer saved since `base`
    /// ([`StoreError::Conflict`]), or when the stored draft is damaged or from a newer version.
    /// A draft in the older format is migrated: its old record is kept under its own key until
    /// the new records have been written and read back.
    pub fn save(
        &self,
        draft: &Draft,
        base: u64,
        previous: Option<&Draft>,
    ) -> Result<u64, StoreError> {
        let head_key = keys::draft(&draft.id);
        let mut migrating = None;
        let mut previous = previous;
        let mut head_was_stored = true;
        match self
            .kv
            .get(&head_key)?
            .map(|raw| (record::decode(&raw), raw))
        {
            // Nothing is stored, so nothing of the draft can be taken as written already.
            None => {
                previous = None;
                head_was_stored = false;
            }
            Some((Decoded::Current(head), _)) if head.revision == base => {}
            Some((Decoded::Current(head), _)) => {
                return Err(StoreError::Conflict {
                    stored_revision: head.revision,
                })
            }
            Some((Decoded::Legacy(_), raw)) => migrating = Some(raw),
            Some((Decoded::Newer { .. }, _)) => {
                return Err(StoreError::Protected(Protection::NewerVersion))
            }
            Some((Decoded::Damaged { .. }, _)) => {
                return Err(StoreError::Protected(Protection::Damaged))
            }
        }
        if let Some(raw) = &migrating {
            self.write(&keys::premigration(&draft.id), raw)?;
            previous = None;
        }
        let revision = match head_was_stored {
            true => base + 1,
            false => revision_after_vanishing(base, &self.writer),
        };
        // Sets here are filled one by one: `collect` into one sorts, and a sort is a lot of code.
        let stored_prompts: BTreeSet<String> = match previous {
            Some(previous) => {
                let mut prompts = BTreeSet::new();
                for prompt in previous.answers.keys() {
                    prompts.insert(prompt.clone());
                }
                prompts
            }
            None => self.answer_prompts(&draft.id)?,
        };
        let mut records: Vec<(String, String)> = draft
            .answers
            .iter()
            .filter(|(prompt, answer)| {
                previous.and_then(|p| p.answers.get(*prompt)) != Some(answer)
            })
            .map(|(prompt, answer)| {
                (
                    keys::answer(&draft.id, prompt),
                    record::encode_answer(answer, revision),
                )
            })
            .collect();
        records.push((head_key, Head::new(draft, revision, &self.writer).encode()));
        self.write_all(&records)?;
        for prompt in stored_prompts
            .iter()
            .filter(|p| !draft.answers.contains_key(*p))
        {
            self.kv.remove(&keys::answer(&draft.id, prompt))?;
        }
        if migrating.is_some() {
            self.kv.remove(&keys::premigration(&draft.id))?;
        }
        Ok(revision)
    }

    /// The prompts that have an answer record under draft `id`.
    fn answer_prompts(&self, id: &str) -> Result<BTreeSet<String>, StoreError> {
        let prefix = keys::answers_of(id);
        let mut prompts = BTreeSet::new();
        for key in self.kv.keys()? {
            if let Some(prompt) = key.strip_prefix(&prefix) {
                prompts.insert(prompt.to_string());
            }
        }
        Ok(prompts)
    }

    /// Whether a draft is stored under `id`: a head, answers or an old copy (a history alone is
    /// no draft; a new draft under that id takes it over).
    fn occupied(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.kv.keys()?.iter().any(|k| {
            let key = keys::parse(k);
            key.draft_id() == Some(id) && !matches!(key, Key::History(_))
        }))
    }

    /// Every key that holds a record of draft `id`: head, answers, history, old copy.
    fn keys_of(&self, id: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .kv
            .keys()?
            .into_iter()
            .filter(|k| keys::parse(k).draft_id() == Some(id))
            .collect())
    }

    /// Creates and stores an empty draft. Fails rather than replace anything stored under `id`.
    pub fn create(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        self.add(Draft::new(id, title, now_ms))
    }

    /// Stores `draft` under its own id. Fails, changing nothing, if anything is stored there
    /// (a head, or answers and history left by an unfinished save).
    pub fn add(&self, draft: Draft) -> Result<Draft, StoreError> {
        if self.occupied(&draft.id)? {
            return Err(StoreError::Protected(Protection::IdTaken));
        }
        self.save(&draft, 0, None)?;
        Ok(draft)
    }

    /// Stores a copy of draft `id` under `new_id`, titled `title`.
    pub fn duplicate(
        &self,
        id: &str,
        new_id: &str,
        title: &str,
        now_ms: u64,
    ) -> Result<Draft, StoreError> {
        let original = match self.load(id)? {
            Some(entry) => entry
                .draft()
                .cloned()
                .ok_or(StoreError::Protected(Protection::Damaged))?,
            None => return Err(StoreError::Missing),
        };
        self.add(Draft {
            id: new_id.to_string(),
            title: title.to_string(),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..original
        })
    }

    /// Gives draft `id` a new title.
    pub fn rename(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        let (mut draft, revision) = self.editable(id)?;
        let previous = draft.clone();
        draft.title = title.to_string();
        draft.updated_ms = now_ms;
        self.save(&draft, revision, Some(&previous))?;
        Ok(draft)
    }

    /// Makes draft `id` answer `brief`, losing no answer (see [`Draft::attach_brief`]); saved
    /// like any edit, so a tab that has the draft open learns of it through the revision.
    pub fn attach_brief(
        &self,
        id: &str,
        brief: crossroads_workbook::Brief,
        now_ms: u64,
    ) -> Result<Draft, StoreError> {
        let (mut draft, revision) = self.editable(id)?;
        let previous = draft.clone();
        draft.attach_brief(brief);
        draft.updated_ms = now_ms;
        self.save(&draft, revision, Some(&previous))?;
        Ok(draft)
    }

    fn editable(&self, id: &str) -> Result<(Draft, u64), StoreError> {
        match self.load(id)? {
            Some(Entry::Editable { draft, revision }) => Ok((draft, revision)),
            Some(Entry::ReadOnly { .. }) => Err(StoreError::Protected(Protection::NewerVersion)),
            Some(_) => Err(StoreError::Protected(Protection::Damaged)),
            None => Err(StoreError::Missing),
        }
    }

    /// Removes every record of draft `id`: head, answers, history and any old copy kept by a
    /// migration. Unreadable drafts are never removed. Leftovers of an unfinished save (answers
    /// without a head) are removed too, when asked.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self.load(id)? {
            Some(Entry::Unreadable(_)) => Err(StoreError::Protected(Protection::Damaged)),
            None if self.keys_of(id)?.is_empty() => Err(StoreError::Missing),
            _ => {
                // The head goes last: until then the draft is still listed and can be deleted again.
                let head = keys::draft(id);
                for key in self.keys_of(id)?.iter().filter(|k| **k != head) {
                    self.kv.remove(key)?;
                }
                self.kv.remove(&head)
            }
        }
    }

    /// Puts `draft` in place of the stored draft with the same id, after keeping that one as a
    /// backup under `backup_id`, titled `backup_title`. The backup is written and read back
    /// before anything is replaced; a damaged or newer stored draft is never replaced. When the
    /// replacing fails, the backup is taken out again: nothing changed.
    pub fn replace_keeping_backup(
        &self,
        draft: &Draft,
        backup_id: &str,
        backup_title: &str,
    ) -> Result<Draft, StoreError> {
        let (existing, revision) = self.editable(&draft.id)?;
        let backup = self.add(Draft {
            id: backup_id.to_string(),
            title: backup_title.to_string(),
            ..existing.clone()
        })?;
        match self.load(backup_id)? {
            Some(Entry::Editable { draft: stored, .. }) if stored == backup => {}
            _ => {
                return Err(StoreError::WriteFailed(
                    "the backup could not be read back, so nothing was replaced".to_string(),
                ))
            }
        }
        if let Err(e) = self.save(draft, revision, Some(&existing)) {
            // The save undid its own writes; take the backup back out too, so that a failed
            // replace changes nothing at all.
            let _ = self.delete(backup_id);
            return Err(e);
        }
        Ok(backup)
    }

    /// Whether anything is stored under this draft id.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.kv.get(&keys::draft(id))?.is_some())
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod edge_tests;
