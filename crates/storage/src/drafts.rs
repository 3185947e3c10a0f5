//! The drafts kept in one browser: list, load, save, create, rename, duplicate, delete.

use crate::record::{self, Decoded};
use crate::{KeyValue, StoreError};
use crossroads_workbook::Draft;

const DRAFT_PREFIX: &str = "crossroads/draft/";

fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// A stored draft, as this build can use it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A draft the team can open and edit.
    Editable(Draft),
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

impl Entry {
    /// The draft, if it can be read.
    pub fn draft(&self) -> Option<&Draft> {
        match self {
            Entry::Editable(draft) | Entry::ReadOnly { draft, .. } => Some(draft),
            Entry::Unreadable(_) => None,
        }
    }

    /// The id under which it is stored.
    pub fn id(&self) -> &str {
        match self {
            Entry::Editable(draft) | Entry::ReadOnly { draft, .. } => &draft.id,
            Entry::Unreadable(u) => &u.id,
        }
    }

    fn from_record(id: &str, raw: &str) -> Entry {
        let with_key_id = |mut draft: Draft| {
            // The key is the record's identity: a record copied under another key is that key's.
            draft.id = id.to_string();
            draft
        };
        match record::decode(raw) {
            Decoded::Current(draft) => Entry::Editable(with_key_id(draft)),
            Decoded::Newer {
                schema,
                draft: Some(draft),
            } => Entry::ReadOnly {
                draft: with_key_id(draft),
                schema,
            },
            Decoded::Newer {
                schema,
                draft: None,
            } => Entry::Unreadable(Unreadable {
                id: id.to_string(),
                reason: format!(
                    "it was saved by a newer version of Crossroads (format {schema}) that this \
                     version cannot read"
                ),
                size: raw.chars().count(),
            }),
            Decoded::Damaged { reason } => Entry::Unreadable(Unreadable {
                id: id.to_string(),
                reason,
                size: raw.chars().count(),
            }),
        }
    }
}

/// The drafts kept in one store.
pub struct DraftStore {
    kv: Box<dyn KeyValue>,
}

impl DraftStore {
    /// Drafts kept in `kv`.
    pub fn new(kv: Box<dyn KeyValue>) -> Self {
        DraftStore { kv }
    }

    /// Whether drafts outlive the page (false when the browser refused storage).
    pub fn is_persistent(&self) -> bool {
        self.kv.is_persistent()
    }

    /// Every stored draft: readable ones newest first, then the unreadable ones.
    pub fn list(&self) -> Result<Vec<Entry>, StoreError> {
        let mut entries = Vec::new();
        for key in self.kv.keys()? {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            if let Some(raw) = self.kv.get(&key)? {
                entries.push(Entry::from_record(id, &raw));
            }
        }
        entries.sort_by(|a, b| match (a.draft(), b.draft()) {
            (Some(a), Some(b)) => b
                .updated_ms
                .cmp(&a.updated_ms)
                .then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id().cmp(b.id()),
        });
        Ok(entries)
    }

    /// The draft with this id, if it is stored.
    pub fn load(&self, id: &str) -> Result<Option<Entry>, StoreError> {
        Ok(self
            .kv
            .get(&draft_key(id))?
            .map(|raw| Entry::from_record(id, &raw)))
    }

    /// The record exactly as stored, for saving a copy of a damaged draft.
    pub fn raw(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.kv.get(&draft_key(id))
    }

    /// Saves a draft. Refuses, and changes nothing, when the record already stored under its id
    /// is damaged or was written by a newer version.
    pub fn save(&self, draft: &Draft) -> Result<(), StoreError> {
        let key = draft_key(&draft.id);
        if let Some(existing) = self.kv.get(&key)? {
            match record::probe_schema(&existing) {
                Ok(schema) if schema <= record::SCHEMA_VERSION => {}
                Ok(_) => {
                    return Err(StoreError::Protected(
                        "a newer version of Crossroads saved this draft, so this one will not \
                         overwrite it"
                            .to_string(),
                    ))
                }
                Err(_) => {
                    return Err(StoreError::Protected(
                        "the stored copy of this draft is damaged and is being kept as it is"
                            .to_string(),
                    ))
                }
            }
        }
        self.kv.set(&key, &record::encode(draft))
    }

    /// Creates and stores an empty draft. Fails rather than replace anything stored under `id`.
    pub fn create(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        self.add(Draft::new(id, title, now_ms))
    }

    /// Stores a copy of draft `id` under `new_id`, titled `title`.
    pub fn duplicate(
        &self,
        id: &str,
        new_id: &str,
        title: &str,
        now_ms: u64,
    ) -> Result<Draft, StoreError> {
        let original = self.editable_or_readable(id)?;
        let copy = Draft {
            id: new_id.to_string(),
            title: title.to_string(),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..original
        };
        self.add(copy)
    }

    /// Gives draft `id` a new title.
    pub fn rename(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        let mut draft = match self.load(id)? {
            Some(Entry::Editable(draft)) => draft,
            Some(_) => {
                return Err(StoreError::Protected(
                    "this draft cannot be changed by this version of Crossroads".to_string(),
                ))
            }
            None => return Err(StoreError::Missing),
        };
        draft.title = title.to_string();
        draft.updated_ms = now_ms;
        self.save(&draft)?;
        Ok(draft)
    }

    /// Removes draft `id`. Unreadable records are never removed this way.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self.load(id)? {
            Some(Entry::Unreadable(_)) => Err(StoreError::Protected(
                "damaged drafts are kept so that nothing is lost".to_string(),
            )),
            Some(_) => self.kv.remove(&draft_key(id)),
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
        let existing =
            match self.load(&draft.id)? {
                Some(Entry::Editable(existing)) => existing,
                Some(_) => return Err(StoreError::Protected(
                    "the draft in this browser cannot be replaced by this version of Crossroads"
                        .to_string(),
                )),
                None => return Err(StoreError::Missing),
            };
        let backup = self.add(Draft {
            id: backup_id.to_string(),
            title: backup_title.to_string(),
            ..existing
        })?;
        match self.load(backup_id)? {
            Some(Entry::Editable(stored)) if stored == backup => {}
            _ => {
                return Err(StoreError::WriteFailed(
                    "the backup could not be read back, so nothing was replaced".to_string(),
                ))
            }
        }
        self.save(draft)?;
        Ok(backup)
    }

    /// Whether anything is stored under this draft id.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.kv.get(&draft_key(id))?.is_some())
    }

    fn editable_or_readable(&self, id: &str) -> Result<Draft, StoreError> {
        match self.load(id)? {
            Some(entry) => entry.draft().cloned().ok_or_else(|| {
                StoreError::Protected("this draft is damaged and cannot be copied".to_string())
            }),
            None => Err(StoreError::Missing),
        }
    }

    /// Stores `draft` under its own id. Fails, changing nothing, if anything is stored there.
    pub fn add(&self, draft: Draft) -> Result<Draft, StoreError> {
        if self.contains(&draft.id)? {
            return Err(StoreError::Protected(
                "a draft with that id already exists".to_string(),
            ));
        }
        self.kv
            .set(&draft_key(&draft.id), &record::encode(&draft))?;
        Ok(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryStore;
    use crossroads_workbook::Answer;

    fn store() -> DraftStore {
        DraftStore::new(Box::new(MemoryStore::default()))
    }

    #[test]
    fn saved_drafts_come_back_and_stay_independent() {
        let store = store();
        let mut a = store.create("a", "Studios", 10).unwrap();
        let b = store.create("b", "Crews", 20).unwrap();
        a.set_answer("problems.meaning", Answer::Text("Pace and path".into()));
        a.updated_ms = 30;
        store.save(&a).unwrap();
        assert_eq!(store.load("a").unwrap(), Some(Entry::Editable(a.clone())));
        assert_eq!(store.load("b").unwrap(), Some(Entry::Editable(b.clone())));
        let ids: Vec<String> = store
            .list()
            .unwrap()
            .iter()
            .map(|e| e.id().to_string())
            .collect();
        assert_eq!(ids, ["a", "b"], "newest first");
    }

    #[test]
    fn rename_duplicate_and_delete() {
        let store = store();
        let mut a = store.create("a", "Studios", 10).unwrap();
        a.set_answer("profile.school", Answer::Text("Lincoln".into()));
        store.save(&a).unwrap();
        let renamed = store.rename("a", "Learning studios", 20).unwrap();
        assert_eq!(renamed.title, "Learning studios");
        let copy = store
            .duplicate("a", "c", "Copy of Learning studios", 30)
            .unwrap();
        assert_eq!(copy.answers, a.answers);
        assert_eq!(copy.created_ms, 30);
        store.delete("a").unwrap();
        assert_eq!(store.load("a").unwrap(), None);
        assert!(store.load("c").unwrap().is_some());
        assert_eq!(store.delete("a"), Err(StoreError::Missing));
        assert!(
            store.create("c", "again", 40).is_err(),
            "never replaces a stored draft"
        );
    }

    #[test]
    fn replacing_keeps_the_old_draft_as_a_backup() {
        let store = store();
        let mut old = store.create("a", "Studios", 10).unwrap();
        old.set_answer("profile.school", Answer::Text("Old".into()));
        store.save(&old).unwrap();
        let mut incoming = Draft::new("a", "Studios", 5);
        incoming.set_answer("profile.school", Answer::Text("New".into()));
        let backup = store
            .replace_keeping_backup(&incoming, "b", "Studios (backup)")
            .unwrap();
        assert_eq!(
            store.load("a").unwrap(),
            Some(Entry::Editable(incoming.clone()))
        );
        assert_eq!(backup.answers, old.answers);
        assert_eq!(store.load("b").unwrap(), Some(Entry::Editable(backup)));
        assert!(
            store
                .replace_keeping_backup(&incoming, "b", "again")
                .is_err(),
            "backup id taken"
        );
        assert_eq!(
            store.replace_keeping_backup(&Draft::new("zz", "", 1), "c", "x"),
            Err(StoreError::Missing)
        );
    }

    #[test]
    fn damaged_records_are_listed_and_never_overwritten_or_deleted() {
        let kv = MemoryStore::default();
        kv.set("crossroads/draft/bad", "{\"schema\":1,\"draft\":{\"id\"")
            .unwrap();
        kv.set("other-app/key", "not ours").unwrap();
        let store = DraftStore::new(Box::new(kv));
        let list = store.list().unwrap();
        assert_eq!(list.len(), 1, "keys of other apps are ignored");
        let Entry::Unreadable(u) = &list[0] else {
            panic!("{list:?}")
        };
        assert_eq!(u.id, "bad");
        assert!(u.reason.contains("cut off or garbled"), "{}", u.reason);
        let attempt = Draft::new("bad", "overwrite", 1);
        assert!(matches!(
            store.save(&attempt),
            Err(StoreError::Protected(_))
        ));
        assert!(store.delete("bad").is_err());
        assert!(store.rename("bad", "x", 2).is_err());
        assert_eq!(
            store.raw("bad").unwrap().unwrap(),
            "{\"schema\":1,\"draft\":{\"id\"",
            "kept byte for byte"
        );
    }

    #[test]
    fn newer_records_open_read_only_and_are_never_written() {
        let kv = MemoryStore::default();
        let mut draft = Draft::new("n", "From the future", 5);
        draft.set_answer("problems.meaning", Answer::Text("Kept".into()));
        let raw = record::encode(&draft).replacen("\"schema\":1", "\"schema\":2", 1);
        kv.set("crossroads/draft/n", &raw).unwrap();
        let store = DraftStore::new(Box::new(kv));
        assert_eq!(
            store.load("n").unwrap(),
            Some(Entry::ReadOnly {
                draft: draft.clone(),
                schema: 2
            })
        );
        assert!(matches!(store.save(&draft), Err(StoreError::Protected(_))));
        assert!(store.rename("n", "x", 6).is_err());
        assert_eq!(store.raw("n").unwrap().unwrap(), raw);
        let copy = store.duplicate("n", "m", "Copy", 7).unwrap();
        assert_eq!(
            copy.answers, draft.answers,
            "a newer draft can still be copied"
        );
    }

    #[test]
    fn a_full_store_refuses_the_write_and_keeps_the_last_save() {
        let store = DraftStore::new(Box::new(MemoryStore::with_limit(400)));
        let mut draft = store.create("a", "Small", 1).unwrap();
        draft.set_answer("problems.meaning", Answer::Text("x".repeat(1000)));
        assert_eq!(store.save(&draft), Err(StoreError::Full));
        let Some(Entry::Editable(kept)) = store.load("a").unwrap() else {
            panic!()
        };
        assert!(kept.answers.is_empty());
        assert!(StoreError::Full.to_string().contains("full"));
    }
}
