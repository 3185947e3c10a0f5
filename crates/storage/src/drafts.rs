//! The drafts kept in one browser: list, load, save, create, rename, duplicate, delete, their
//! history, and how much room they take.

use crate::error::Protection;
use crate::keys::{self, Key};
use crate::record::{self, AppMeta, Decoded, Head};
use crate::{KeyValue, StoreError};
use crossroads_workbook::catalog::{self, Progress};
use crossroads_workbook::{Answer, Draft, History};
use std::collections::{BTreeMap, BTreeSet};

/// Local storage holds about this many characters (UTF-16 code units) per site in current
/// browsers; Crossroads warns well before it.
pub const QUOTA_UNITS: usize = 5_000_000;

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
        let answered: BTreeSet<&str> = head.answered.iter().map(String::as_str).collect();
        DraftSummary {
            id: head.draft.id.clone(),
            title: head.draft.title.clone(),
            school: head.school.clone(),
            created_ms: head.draft.created_ms,
            updated_ms: head.draft.updated_ms,
            progress: Progress {
                answered: catalog::prompts()
                    .filter(|p| answered.contains(p.id))
                    .count(),
                total: catalog::prompts().count(),
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

/// Room taken by one draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftUsage {
    /// The draft id.
    pub id: String,
    /// Its title, or "" when its head cannot be read.
    pub title: String,
    /// Characters of the draft itself.
    pub draft: usize,
    /// Characters of its history.
    pub history: usize,
    /// Only answers or history are stored, no head: the leftovers of an unfinished save.
    pub orphan: bool,
}

/// How much of local storage is in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Characters in use by every key of this site, Crossroads' or not.
    pub used: usize,
    /// Room per draft, largest first.
    pub drafts: Vec<DraftUsage>,
}

impl Usage {
    /// Use as a whole percentage of [`QUOTA_UNITS`].
    pub fn percent(&self) -> usize {
        (self.used * 100 / QUOTA_UNITS).min(100)
    }
}

/// Whether storage is filling up: at or past this share of the quota the team is warned.
pub const WARN_PERCENT: usize = 80;

/// Everything a backup holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupContents {
    /// Every readable draft with its history.
    pub drafts: Vec<(Draft, History)>,
    /// Every record that cannot be read, byte for byte, by key.
    pub unreadable: Vec<(String, String)>,
}

/// What adding a draft from a backup did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    /// It was not here and now is.
    Added,
    /// The same draft, with the same content, is already here.
    AlreadyHere,
    /// A draft with the same id but other content is here: it was left alone.
    Differs,
}

/// How long drafts may go without a backup before the home screen reminds the team.
pub const BACKUP_REMINDER_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// Whether to remind the team to back up where the browser may delete its data on its own
/// (Safari's seven days): whenever some draft holds work no backup has, so that every working
/// session ends with one.
pub fn backup_due_every_session(last_backup_ms: Option<u64>, drafts: &[DraftSummary]) -> bool {
    drafts
        .iter()
        .any(|d| last_backup_ms.is_none_or(|b| d.updated_ms > b))
}

/// Whether to remind the team to back up: some draft holds work no backup has, and the last
/// backup (or, if there never was one, the oldest such draft) is a week old or more.
pub fn backup_due(last_backup_ms: Option<u64>, drafts: &[DraftSummary], now_ms: u64) -> bool {
    let unbacked = drafts
        .iter()
        .filter(|d| last_backup_ms.is_none_or(|b| d.updated_ms > b));
    let since = match last_backup_ms {
        Some(backup) => unbacked.map(|_| backup).next(),
        None => unbacked.map(|d| d.created_ms).min(),
    };
    since.is_some_and(|since| now_ms.saturating_sub(since) >= BACKUP_REMINDER_MS)
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
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
        listings.sort_by(|a, b| match (a, b) {
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
                    let label = catalog::prompt(prompt).map_or(prompt, |p| p.label);
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
        keys::parse(key) != Key::Other
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
        undo.sort_by_key(|(_, before, written)| {
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
        let stored_prompts: BTreeSet<String> = match previous {
            Some(previous) => previous.answers.keys().cloned().collect(),
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
        Ok(self
            .kv
            .keys()?
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect())
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

    /// The earlier versions of draft `id` (none yet is an empty history).
    pub fn history(&self, id: &str) -> Result<History, StoreError> {
        match self.kv.get(&keys::history(id))? {
            None => Ok(History::default()),
            Some(raw) => record::decode_history(&raw)
                .map_err(|e| StoreError::Protected(Protection::DamagedHistory(e))),
        }
    }

    /// Stores the history of draft `id`. Refused when the draft is not stored (deleted in
    /// another tab): a history with no draft would only take room.
    pub fn save_history(&self, id: &str, history: &History) -> Result<(), StoreError> {
        // A damaged history is kept, not written over.
        self.history(id)?;
        if !self.contains(id)? {
            return Err(StoreError::Missing);
        }
        self.write(&keys::history(id), &record::encode_history(history))
    }

    /// Removes the history of draft `id`, to make room.
    pub fn delete_history(&self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&keys::history(id))
    }

    /// Characters in use by every key of this site.
    pub fn used_units(&self) -> Result<usize, StoreError> {
        self.kv.used_units()
    }

    /// How much room is in use, and by which draft.
    pub fn usage(&self) -> Result<Usage, StoreError> {
        let mut drafts: BTreeMap<String, DraftUsage> = BTreeMap::new();
        let mut used = 0;
        for key in self.kv.keys()? {
            let value = self.kv.get(&key)?.unwrap_or_default();
            let size = units(&key) + units(&value);
            used += size;
            match keys::parse(&key) {
                Key::Draft(id) => {
                    let entry = usage_of(&mut drafts, id);
                    entry.draft += size;
                    entry.orphan = false;
                    entry.title = match record::decode(&value) {
                        Decoded::Current(h) | Decoded::Newer { head: Some(h), .. } => h.draft.title,
                        Decoded::Legacy(d) => d.title,
                        _ => String::new(),
                    };
                }
                Key::Answer { draft, .. } => usage_of(&mut drafts, draft).draft += size,
                Key::Premigration(draft) => {
                    let entry = usage_of(&mut drafts, draft);
                    entry.draft += size;
                    entry.orphan = false;
                }
                Key::History(id) => usage_of(&mut drafts, id).history += size,
                Key::Meta | Key::Other => {}
            }
        }
        let mut drafts: Vec<DraftUsage> = drafts.into_values().collect();
        drafts.sort_by_key(|d| std::cmp::Reverse(d.draft + d.history));
        Ok(Usage { used, drafts })
    }

    fn meta(&self) -> AppMeta {
        self.kv
            .get(keys::META)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    /// When the team last downloaded a backup of every draft, if ever.
    pub fn last_backup_ms(&self) -> Option<u64> {
        self.meta().last_backup_ms
    }

    /// Notes that a backup of every draft was just downloaded.
    pub fn record_backup(&self, now_ms: u64) -> Result<(), StoreError> {
        let mut meta = self.meta();
        meta.last_backup_ms = Some(now_ms);
        self.write(
            keys::META,
            &serde_json::to_string(&meta).expect("meta serializes"),
        )
    }

    /// Finishes or undoes migrations a closed tab left half done. Returns how many it settled.
    pub fn recover(&self) -> Result<usize, StoreError> {
        let mut settled = 0;
        for key in self.kv.keys()? {
            let Key::Premigration(id) = keys::parse(&key) else {
                continue;
            };
            match self.head_state(id)? {
                // The migrated draft was written (it was read back before the old copy could go).
                HeadState::At(_) if matches!(self.load(id)?, Some(Entry::Editable { .. })) => {
                    self.kv.remove(&key)?;
                    settled += 1;
                }
                // The old record is still in place: the migration never began writing it.
                HeadState::Legacy => {
                    self.kv.remove(&key)?;
                    settled += 1;
                }
                // The draft's record went missing: put the old one back.
                HeadState::Gone => {
                    if let Some(raw) = self.kv.get(&key)? {
                        self.write(&keys::draft(id), &raw)?;
                        self.kv.remove(&key)?;
                        settled += 1;
                    }
                }
                // Anything else is left exactly as it is, and travels in backups.
                _ => {}
            }
        }
        Ok(settled)
    }

    /// Every draft with its history, and every record that cannot be read, for a backup.
    ///
    /// A draft goes in as data only when all of it reads: its head in this build's format, every
    /// answer, its history. Any other draft (damaged, from a newer version, in the older format,
    /// with an answer this build does not know, a damaged history, a leftover of an unfinished
    /// save) goes in as its records, byte for byte, so that nothing a newer build or a later fix
    /// could read is lost. Making a backup writes nothing.
    pub fn backup_contents(&self) -> Result<BackupContents, StoreError> {
        let mut groups: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for key in self.kv.keys()? {
            let Some(id) = keys::parse(&key).draft_id().map(str::to_string) else {
                continue;
            };
            if let Some(raw) = self.kv.get(&key)? {
                groups.entry(id).or_default().push((key, raw));
            }
        }
        let mut contents = BackupContents::default();
        for (id, mut records) in groups {
            match whole_draft(&id, &records) {
                Some(readable) => contents.drafts.push(readable),
                None => {
                    // The head first, so a reader of the file sees what the records belong to.
                    records.sort_by_key(|(k, _)| !matches!(keys::parse(k), Key::Draft(_)));
                    contents.unreadable.extend(records);
                }
            }
        }
        contents.drafts.sort_by(|a, b| {
            b.0.updated_ms
                .cmp(&a.0.updated_ms)
                .then(a.0.id.cmp(&b.0.id))
        });
        Ok(contents)
    }

    /// Adds what a backup holds, never changing anything already here: readable drafts are
    /// added with their history unless their id is taken; records kept byte for byte are put
    /// back under their own draft's id, all of a draft or none, only when no record of that
    /// draft is here. Records that are not a draft's (the app's own settings, other sites'
    /// keys) and ids that could not have been written by Crossroads are refused. Stops at the
    /// first write that fails; what was added before stays, and the report says so.
    pub fn restore_backup(&self, contents: &BackupContents) -> RestoreReport {
        let mut report = RestoreReport::default();
        for (draft, history) in &contents.drafts {
            match self.restore(draft, history) {
                Ok(Restored::Added) => report.added += 1,
                Ok(Restored::AlreadyHere) => report.already_here += 1,
                Ok(Restored::Differs) => report.differing.push((draft.clone(), history.clone())),
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            }
        }
        let mut groups: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
        for (key, raw) in &contents.unreadable {
            match keys::parse(key).draft_id() {
                Some(id) if crossroads_workbook::valid_draft_id(id) => groups
                    .entry(id)
                    .or_default()
                    .push((key.clone(), raw.clone())),
                Some(_) => report.refused.push(format!(
                    "a record named \u{201c}{key}\u{201d}, a name Crossroads never gives a draft"
                )),
                None if matches!(keys::parse(key), Key::Meta) => report.refused.push(
                    "Crossroads\u{2019} own settings (when you last made a backup): a restore never changes them"
                        .to_string(),
                ),
                None => report.refused.push(format!(
                    "a record named \u{201c}{key}\u{201d}, which is not part of any draft"
                )),
            }
        }
        for (id, records) in groups {
            let here = match self.keys_of(id) {
                Ok(keys) => keys,
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            };
            if !here.is_empty() {
                let same = records.len() == here.len()
                    && records
                        .iter()
                        .all(|(k, v)| self.kv.get(k).ok().flatten().as_ref() == Some(v));
                if same {
                    report.raw_already_here += 1;
                } else {
                    report.refused.push(format!(
                        "a draft that cannot be opened (stored as \u{201c}{id}\u{201d}), because a draft stored under \
                         the same name is already here; the one here was left alone"
                    ));
                }
                continue;
            }
            match self.write_all(&records) {
                Ok(()) => report.raw_added += 1,
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            }
        }
        report
    }

    /// Adds a draft from a backup, with its history, unless a draft with its id is here already
    /// (then it says whether that one is the same). All or nothing: a history that does not fit
    /// takes the draft back out.
    pub fn restore(&self, draft: &Draft, history: &History) -> Result<Restored, StoreError> {
        if self.occupied(&draft.id)? {
            let same = self.load(&draft.id)?.is_some_and(|entry| {
                entry
                    .draft()
                    .is_some_and(|d| d.title == draft.title && d.answers == draft.answers)
            });
            return Ok(if same {
                Restored::AlreadyHere
            } else {
                Restored::Differs
            });
        }
        self.add(draft.clone())?;
        if !history.snapshots().is_empty() {
            if let Err(e) = self.save_history(&draft.id, history) {
                for key in self.keys_of(&draft.id)? {
                    let _ = self.kv.remove(&key);
                }
                return Err(e);
            }
        }
        Ok(Restored::Added)
    }

    /// Drafts of which answers are stored with no head: what an unfinished save of an older
    /// build left behind. They are not listed with the drafts.
    pub fn orphans(&self) -> Result<Vec<String>, StoreError> {
        let mut with_head = BTreeSet::new();
        let mut others = BTreeSet::new();
        for key in self.kv.keys()? {
            match keys::parse(&key) {
                Key::Draft(id) | Key::Premigration(id) => {
                    with_head.insert(id.to_string());
                }
                Key::Answer { draft, .. } => {
                    others.insert(draft.to_string());
                }
                Key::History(_) | Key::Meta | Key::Other => {}
            }
        }
        Ok(others.difference(&with_head).cloned().collect())
    }

    /// Makes the leftovers of an unfinished save under `id` a draft again, titled `title`.
    pub fn recover_orphan(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        if !self.orphans()?.iter().any(|o| o == id) {
            return Err(StoreError::Missing);
        }
        let answers = self
            .answers(id)?
            .map_err(|reason| StoreError::Protected(Protection::UnreadableLeftovers(reason)))?;
        let draft = Draft {
            answers,
            ..Draft::new(id, title, now_ms)
        };
        self.write(
            &keys::draft(id),
            &Head::new(&draft, 1, &self.writer).encode(),
        )?;
        Ok(draft)
    }
}

/// What a restore from a backup did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestoreReport {
    /// Readable drafts added.
    pub added: usize,
    /// Readable drafts already here, the same.
    pub already_here: usize,
    /// Readable drafts whose id is taken by another draft here, with their history; they were
    /// left out and can be added as copies.
    pub differing: Vec<(Draft, History)>,
    /// Drafts put back byte for byte.
    pub raw_added: usize,
    /// Drafts kept byte for byte that were already here, the same.
    pub raw_already_here: usize,
    /// Records left out, each with why, in plain words.
    pub refused: Vec<String>,
    /// The write that failed, when the restore stopped before the end.
    pub stopped: Option<StoreError>,
}

impl RestoreReport {
    /// Whether the restore changed anything in this browser.
    pub fn changed_anything(&self) -> bool {
        self.added + self.raw_added > 0
    }
}

/// The draft and history under `id`, when every one of its records reads in this build's format.
fn whole_draft(id: &str, records: &[(String, String)]) -> Option<(Draft, History)> {
    let mut head = None;
    let mut answers = BTreeMap::new();
    let mut history = History::default();
    for (key, raw) in records {
        match keys::parse(key) {
            Key::Draft(_) => match record::decode(raw) {
                Decoded::Current(h) => head = Some(with_id(h, id)),
                _ => return None,
            },
            Key::Answer { prompt, .. } => {
                answers.insert(prompt.to_string(), record::decode_answer(raw).ok()?);
            }
            Key::History(_) => history = record::decode_history(raw).ok()?,
            _ => return None,
        }
    }
    Some((head?.draft.into_draft(answers), history))
}

/// The revision of a draft written again after its head vanished (deleted in another tab):
/// far past `base`, by an amount that depends on the writer, so that two tabs that both write
/// it again, each from the revision it knew, never produce the same revision, and a tab that
/// knew the old draft at some revision cannot take the new one for it.
fn revision_after_vanishing(base: u64, writer: &str) -> u64 {
    if base == 0 {
        return 1;
    }
    // FNV-1a: a stable spread of the writer's name.
    let hash = writer.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    base + 1 + (1 << 20) + hash % (1 << 20)
}

/// The key is a head's identity: a record copied under another key is that key's.
fn with_id(mut head: Head, id: &str) -> Head {
    head.draft.id = id.to_string();
    head
}

fn unreadable(id: &str, reason: String, raw: &str) -> Unreadable {
    Unreadable {
        id: id.to_string(),
        reason,
        size: raw.chars().count(),
    }
}

fn too_new(id: &str, schema: u32, raw: &str) -> Unreadable {
    unreadable(
        id,
        format!(
            "it was saved by a newer version of Crossroads (format {schema}) that this version cannot read"
        ),
        raw,
    )
}

fn usage_of<'a>(drafts: &'a mut BTreeMap<String, DraftUsage>, id: &str) -> &'a mut DraftUsage {
    drafts.entry(id.to_string()).or_insert_with(|| DraftUsage {
        id: id.to_string(),
        title: String::new(),
        draft: 0,
        history: 0,
        orphan: true,
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod edge_tests;
