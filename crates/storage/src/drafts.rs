//! The drafts kept in one browser: list, load, save, create, rename, duplicate, delete, their
//! history, and how much room they take.

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

    /// Saves `draft`, which this writer loaded or last saved at revision `base`, and returns
    /// its new revision. `previous` is the draft as it was at `base`, if known: only answers
    /// that differ from it are written.
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
        match self
            .kv
            .get(&head_key)?
            .map(|raw| (record::decode(&raw), raw))
        {
            None => {}
            Some((Decoded::Current(head), _)) if head.revision == base => {}
            Some((Decoded::Current(head), _)) => {
                return Err(StoreError::Conflict {
                    stored_revision: head.revision,
                })
            }
            Some((Decoded::Legacy(_), raw)) => migrating = Some(raw),
            Some((Decoded::Newer { .. }, _)) => return Err(StoreError::Protected(
                "a newer version of Crossroads saved this draft, so this one will not overwrite it"
                    .to_string(),
            )),
            Some((Decoded::Damaged { .. }, _)) => {
                return Err(StoreError::Protected(
                    "the stored copy of this draft is damaged and is being kept as it is"
                        .to_string(),
                ))
            }
        }
        if let Some(raw) = &migrating {
            self.write(&keys::premigration(&draft.id), raw)?;
        }
        let previous = if migrating.is_some() { None } else { previous };
        let revision = base + 1;
        let stored_prompts: BTreeSet<String> = match previous {
            Some(previous) => previous.answers.keys().cloned().collect(),
            None => {
                let prefix = keys::answers_of(&draft.id);
                self.kv
                    .keys()?
                    .iter()
                    .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
                    .collect()
            }
        };
        for (prompt, answer) in &draft.answers {
            let unchanged = previous.and_then(|p| p.answers.get(prompt)) == Some(answer);
            if !unchanged {
                self.write(
                    &keys::answer(&draft.id, prompt),
                    &record::encode_answer(answer, revision),
                )?;
            }
        }
        self.write(
            &head_key,
            &Head::new(draft, revision, &self.writer).encode(),
        )?;
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

    /// Creates and stores an empty draft. Fails rather than replace anything stored under `id`.
    pub fn create(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        self.add(Draft::new(id, title, now_ms))
    }

    /// Stores `draft` under its own id. Fails, changing nothing, if anything is stored there.
    pub fn add(&self, draft: Draft) -> Result<Draft, StoreError> {
        if self.contains(&draft.id)? {
            return Err(StoreError::Protected(
                "a draft with that id already exists".to_string(),
            ));
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
            Some(entry) => entry.draft().cloned().ok_or_else(|| {
                StoreError::Protected("this draft is damaged and cannot be copied".to_string())
            })?,
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
            Some(_) => Err(StoreError::Protected(
                "this draft cannot be changed by this version of Crossroads".to_string(),
            )),
            None => Err(StoreError::Missing),
        }
    }

    /// Removes draft `id`, its answers and its history. Unreadable records are never removed.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self.load(id)? {
            Some(Entry::Unreadable(_)) => Err(StoreError::Protected(
                "damaged drafts are kept so that nothing is lost".to_string(),
            )),
            Some(_) => {
                let prefix = keys::answers_of(id);
                for key in self.kv.keys()?.iter().filter(|k| k.starts_with(&prefix)) {
                    self.kv.remove(key)?;
                }
                self.kv.remove(&keys::history(id))?;
                self.kv.remove(&keys::draft(id))
            }
            None => Err(StoreError::Missing),
        }
    }

    /// Puts `draft` in place of the stored draft with the same id, after keeping that one as a
    /// backup under `backup_id`, titled `backup_title`. The backup is written and read back
    /// before anything is replaced; a damaged or newer stored draft is never replaced.
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
        self.save(draft, revision, Some(&existing))?;
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
            Some(raw) => record::decode_history(&raw).map_err(|e| {
                StoreError::Protected(format!(
                    "the history of this draft is damaged and is kept as it is ({e})"
                ))
            }),
        }
    }

    /// Stores the history of draft `id`.
    pub fn save_history(&self, id: &str, history: &History) -> Result<(), StoreError> {
        // A damaged history is kept, not written over.
        self.history(id)?;
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
                    entry.title = match record::decode(&value) {
                        Decoded::Current(h) | Decoded::Newer { head: Some(h), .. } => h.draft.title,
                        Decoded::Legacy(d) => d.title,
                        _ => String::new(),
                    };
                }
                Key::Answer { draft, .. } | Key::Premigration(draft) => {
                    usage_of(&mut drafts, draft).draft += size
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
    pub fn backup_contents(&self) -> Result<BackupContents, StoreError> {
        let mut contents = BackupContents::default();
        for listing in self.list()? {
            match listing {
                Listing::Draft(summary) => {
                    if let Some(draft) = self.load(&summary.id)?.and_then(|e| e.draft().cloned()) {
                        let history = self.history(&summary.id).unwrap_or_default();
                        contents.drafts.push((draft, history));
                    }
                }
                Listing::Unreadable(u) => {
                    if let Some(raw) = self.raw(&u.id)? {
                        contents.unreadable.push((keys::draft(&u.id), raw));
                    }
                }
            }
        }
        for key in self.kv.keys()? {
            if let Key::Premigration(_) = keys::parse(&key) {
                if let Some(raw) = self.kv.get(&key)? {
                    contents.unreadable.push((key, raw));
                }
            }
        }
        Ok(contents)
    }

    /// Adds a draft from a backup, with its history, unless one with its id is here already.
    pub fn restore(&self, draft: &Draft, history: &History) -> Result<Restored, StoreError> {
        match self.load(&draft.id)? {
            Some(entry)
                if entry
                    .draft()
                    .is_some_and(|d| d.title == draft.title && d.answers == draft.answers) =>
            {
                Ok(Restored::AlreadyHere)
            }
            Some(_) => Ok(Restored::Differs),
            None => {
                self.add(draft.clone())?;
                if !history.snapshots().is_empty() {
                    self.save_history(&draft.id, history)?;
                }
                Ok(Restored::Added)
            }
        }
    }

    /// Puts a record a backup kept byte for byte back under its key, if the key is free and ours.
    pub fn restore_raw(&self, key: &str, raw: &str) -> Result<bool, StoreError> {
        if keys::parse(key) == Key::Other || self.kv.get(key)?.is_some() {
            return Ok(false);
        }
        self.write(key, raw)?;
        Ok(true)
    }
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
    })
}

#[cfg(test)]
mod tests;
