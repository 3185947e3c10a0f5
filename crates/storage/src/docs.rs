//! Records kept whole, one per id: a facilitator's workshop plan (and, later, a reviewer's score
//! sheets and a district's brief). Small enough for one record each, with the guarantees drafts
//! have: every write is read back, a writer that missed another tab's save is refused, and a
//! record that cannot be read, or that a newer version wrote, is listed and never written.
//!
//! ```json
//! crossroads/plan/<id>  {"schema":1,"saved_by":"crossroads 0.1.0","revision":3,"writer":"t1","doc":{…}}
//! ```
//!
//! ```
//! use crossroads_storage::{DocStore, DocEntry, MemoryStore};
//! use crossroads_workshop::{Plan, Workshop};
//!
//! let store: DocStore<Workshop> = DocStore::new(Box::new(MemoryStore::default()), "tab");
//! let mut workshop = store.add(Workshop::new(Plan::two_hours())).unwrap();
//! workshop.plan.title = "Design day".into();
//! assert_eq!(store.save(&workshop, 1), Ok(2));
//! let stored = store.load(&workshop.plan.id).unwrap();
//! assert_eq!(stored, Some(DocEntry::Editable { doc: workshop, revision: 2 }));
//! ```

use crate::keys::{self, Key, Kind};
use crate::session::{Document, Revisions};
use crate::{HeadState, KeyValue, Protection, StoreError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

/// A record kept whole under one key per id.
pub trait Stored: Document + Serialize + DeserializeOwned {
    /// Which kind it is (it decides the storage key).
    const KIND: Kind;
    /// The version of its stored form this build writes; records with a higher one are never
    /// written.
    const SCHEMA: u32;
}

impl Document for crossroads_workshop::Workshop {
    const NOUN: &'static str = "plan";
    fn id(&self) -> &str {
        &self.plan.id
    }
    fn display_title(&self) -> &str {
        match self.plan.title.trim() {
            "" => "Untitled plan",
            title => title,
        }
    }
    fn renamed(&self, id: String, title: String) -> Self {
        let mut copy = self.clone();
        copy.plan.id = id;
        copy.plan.title = title;
        copy
    }
}

impl Stored for crossroads_workshop::Workshop {
    const KIND: Kind = Kind::Plan;
    const SCHEMA: u32 = 1;
}

impl Document for crossroads_workshop::Running {
    const NOUN: &'static str = "run";
    fn id(&self) -> &str {
        &self.plan
    }
    fn display_title(&self) -> &str {
        "Run"
    }
    fn renamed(&self, id: String, _title: String) -> Self {
        crossroads_workshop::Running {
            plan: id,
            ..self.clone()
        }
    }
}

impl Stored for crossroads_workshop::Running {
    const KIND: Kind = Kind::Run;
    const SCHEMA: u32 = 1;
}

impl Document for crossroads_review::Competition {
    const NOUN: &'static str = "competition";
    fn id(&self) -> &str {
        &self.brief.id
    }
    fn display_title(&self) -> &str {
        match self.brief.title.trim() {
            "" => "Untitled competition",
            title => title,
        }
    }
    fn renamed(&self, id: String, title: String) -> Self {
        let mut copy = self.clone();
        copy.brief.id = id;
        copy.brief.title = title;
        copy
    }
}

impl Stored for crossroads_review::Competition {
    const KIND: Kind = Kind::Competition;
    const SCHEMA: u32 = 1;
}

impl Document for crossroads_review::ScoreSheet {
    const NOUN: &'static str = "score sheet";
    fn id(&self) -> &str {
        &self.id
    }
    fn display_title(&self) -> &str {
        match self.reviewer.name.trim() {
            "" => "Score sheet",
            name => name,
        }
    }
    fn renamed(&self, id: String, _title: String) -> Self {
        let mut copy = self.clone();
        copy.id = id;
        copy
    }
}

impl Stored for crossroads_review::ScoreSheet {
    const KIND: Kind = Kind::Sheet;
    const SCHEMA: u32 = 1;
}

impl Document for crossroads_panel::Panel {
    const NOUN: &'static str = "panel";
    fn id(&self) -> &str {
        &self.id
    }
    fn display_title(&self) -> &str {
        "Review panel"
    }
    fn renamed(&self, id: String, _title: String) -> Self {
        let mut copy = self.clone();
        copy.id = id;
        copy
    }
}

impl Stored for crossroads_panel::Panel {
    const KIND: Kind = Kind::Panel;
    const SCHEMA: u32 = 1;
}

impl Document for crossroads_panel::AssignmentFile {
    const NOUN: &'static str = "assignment";
    fn id(&self) -> &str {
        &self.panel
    }
    fn display_title(&self) -> &str {
        &self.reviewer.name
    }
    fn renamed(&self, id: String, _title: String) -> Self {
        let mut copy = self.clone();
        copy.panel = id;
        copy
    }
}

impl Stored for crossroads_panel::AssignmentFile {
    const KIND: Kind = Kind::Assignment;
    const SCHEMA: u32 = 1;
}

const SAVED_BY: &str = concat!("crossroads ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct RecordOut<'a, D> {
    schema: u32,
    saved_by: &'a str,
    revision: u64,
    writer: &'a str,
    doc: &'a D,
}

#[derive(Deserialize)]
struct Probe {
    schema: u32,
    #[serde(default)]
    revision: u64,
}

#[derive(Deserialize)]
struct RecordIn<D> {
    doc: D,
}

/// One stored record as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocEntry<D> {
    /// Readable and writable by this build.
    Editable {
        /// The record.
        doc: D,
        /// Its revision.
        revision: u64,
    },
    /// Written by a newer version of Crossroads: shown as its id only, never written.
    Newer {
        /// The id from its storage key.
        id: String,
        /// The schema it was written in.
        schema: u32,
    },
    /// Cannot be read: kept byte for byte.
    Damaged {
        /// The id from its storage key.
        id: String,
        /// What the reader said, in plain words.
        reason: String,
    },
}

impl<D> DocEntry<D> {
    /// The record, when it can be opened.
    pub fn doc(&self) -> Option<&D> {
        match self {
            DocEntry::Editable { doc, .. } => Some(doc),
            _ => None,
        }
    }
}

/// The records of one kind in one store.
pub struct DocStore<D> {
    kv: Box<dyn KeyValue>,
    writer: String,
    kind: PhantomData<D>,
}

impl<D: Stored> DocStore<D> {
    /// A store over `kv`, naming this tab `writer` in what it writes.
    pub fn new(kv: Box<dyn KeyValue>, writer: &str) -> Self {
        DocStore {
            kv,
            writer: writer.to_string(),
            kind: PhantomData,
        }
    }

    /// Whether what is stored outlives the page.
    pub fn is_persistent(&self) -> bool {
        self.kv.is_persistent()
    }

    /// The id whose record is under `key`, if it is a record of this kind (for telling which
    /// record another tab wrote).
    pub fn id_of_key(key: &str) -> Option<&str> {
        match keys::parse(key) {
            Key::Doc(kind, id) if kind == D::KIND => Some(id),
            _ => None,
        }
    }

    /// The entry in `raw` and the revision it says it is at.
    fn read(id: &str, raw: &str) -> (DocEntry<D>, u64) {
        let probe: Result<Probe, _> = serde_json::from_str(raw);
        let damaged = |e: serde_json::Error| DocEntry::Damaged {
            id: id.to_string(),
            reason: format!("it cannot be read ({e})"),
        };
        match probe {
            Err(e) => (damaged(e), 0),
            Ok(probe) if probe.schema > D::SCHEMA => (
                DocEntry::Newer {
                    id: id.to_string(),
                    schema: probe.schema,
                },
                probe.revision,
            ),
            Ok(probe) => match serde_json::from_str::<RecordIn<D>>(raw) {
                Ok(record) if record.doc.id() != id => (
                    DocEntry::Damaged {
                        id: id.to_string(),
                        reason: "the record inside belongs to another id".to_string(),
                    },
                    probe.revision,
                ),
                Ok(record) => (
                    DocEntry::Editable {
                        doc: record.doc,
                        revision: probe.revision,
                    },
                    probe.revision,
                ),
                Err(e) => (damaged(e), probe.revision),
            },
        }
    }

    /// The record under `id`, if any.
    pub fn load(&self, id: &str) -> Result<Option<DocEntry<D>>, StoreError> {
        Ok(self
            .kv
            .get(&keys::doc(D::KIND, id))?
            .map(|raw| Self::read(id, &raw).0))
    }

    /// Every record of this kind, newest title order left to the caller.
    pub fn list(&self) -> Result<Vec<DocEntry<D>>, StoreError> {
        let mut entries = Vec::new();
        for key in self.kv.keys()? {
            if let Some(id) = Self::id_of_key(&key) {
                if let Some(entry) = self.load(id)? {
                    entries.push(entry);
                }
            }
        }
        Ok(entries)
    }

    /// The record exactly as stored, for saving a copy of a damaged one.
    pub fn raw(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.kv.get(&keys::doc(D::KIND, id))
    }

    /// Writes `doc` if the stored revision is still `base` (or nothing is stored: a record
    /// removed in another tab is written again, at a revision after `base`). Refuses, changing
    /// nothing, when another writer saved since, or the stored record is damaged or newer.
    pub fn save(&self, doc: &D, base: u64) -> Result<u64, StoreError> {
        let key = keys::doc(D::KIND, doc.id());
        let before = self.kv.get(&key)?;
        let revision = match &before {
            None => base + 1,
            Some(raw) => match Self::read(doc.id(), raw) {
                (DocEntry::Editable { .. }, stored) if stored == base => base + 1,
                (DocEntry::Editable { .. }, stored) => {
                    return Err(StoreError::Conflict {
                        stored_revision: stored,
                    })
                }
                (DocEntry::Newer { .. }, _) => {
                    return Err(StoreError::Protected(Protection::NewerVersion))
                }
                (DocEntry::Damaged { .. }, _) => {
                    return Err(StoreError::Protected(Protection::Damaged))
                }
            },
        };
        let value = serde_json::to_string(&RecordOut {
            schema: D::SCHEMA,
            saved_by: SAVED_BY,
            revision,
            writer: &self.writer,
            doc,
        })
        .map_err(|e| StoreError::WriteFailed(e.to_string()))?;
        if let Some(budget) = D::KIND.budget() {
            // Every record of the reviewers' kinds, this one as it would be after the write.
            let mut used = value.len();
            for other in self.kv.keys()? {
                let ours =
                    matches!(keys::parse(&other), Key::Doc(kind, _) if kind.budget().is_some());
                if ours && other != key {
                    used += self.kv.get(&other)?.map_or(0, |v| v.len());
                }
            }
            if used > budget {
                return Err(StoreError::OverBudget { budget });
            }
        }
        self.kv.set(&key, &value)?;
        match self.kv.get(&key)? {
            Some(stored) if stored == value => Ok(revision),
            _ => {
                // Put back what was there, so a write that did not stick changes nothing.
                let _ = match before {
                    Some(raw) => self.kv.set(&key, &raw),
                    None => self.kv.remove(&key),
                };
                Err(StoreError::WriteFailed(
                    "what the browser kept differs from what was written".to_string(),
                ))
            }
        }
    }

    /// Writes `doc` over whatever readable version is stored (or none): for records one tab
    /// drives and others only follow, such as where a run is. A damaged or newer record is still
    /// never written.
    pub fn put(&self, doc: &D) -> Result<u64, StoreError> {
        let base = match self.load(doc.id())? {
            Some(DocEntry::Editable { revision, .. }) => revision,
            _ => 0,
        };
        self.save(doc, base)
    }

    /// Stores `doc` under its own id; fails, changing nothing, when anything is stored there.
    pub fn add(&self, doc: D) -> Result<D, StoreError> {
        if self.kv.get(&keys::doc(D::KIND, doc.id()))?.is_some() {
            return Err(StoreError::Protected(Protection::IdTaken));
        }
        self.save(&doc, 0)?;
        Ok(doc)
    }

    /// Removes the record under `id`. A damaged record or one from a newer version is never
    /// removed.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self.load(id)? {
            None => Err(StoreError::Missing),
            Some(DocEntry::Editable { .. }) => self.kv.remove(&keys::doc(D::KIND, id)),
            Some(DocEntry::Newer { .. }) => Err(StoreError::Protected(Protection::NewerVersion)),
            Some(DocEntry::Damaged { .. }) => Err(StoreError::Protected(Protection::Damaged)),
        }
    }
}

impl<D: Stored> Revisions for DocStore<D> {
    type Doc = D;
    fn save(&self, doc: &D, base: u64, _previous: Option<&D>) -> Result<u64, StoreError> {
        DocStore::save(self, doc, base)
    }
    fn head_state(&self, id: &str) -> Result<HeadState, StoreError> {
        Ok(match self.kv.get(&keys::doc(D::KIND, id))? {
            None => HeadState::Gone,
            Some(raw) => match Self::read(id, &raw) {
                (DocEntry::Editable { revision, .. }, _) => HeadState::At(revision),
                (DocEntry::Newer { schema, .. }, _) => HeadState::Newer(schema),
                (DocEntry::Damaged { .. }, _) => HeadState::Damaged,
            },
        })
    }
    fn editable(&self, id: &str) -> Option<(D, u64)> {
        match self.load(id) {
            Ok(Some(DocEntry::Editable { doc, revision })) => Some((doc, revision)),
            _ => None,
        }
    }
    fn add(&self, doc: D) -> Result<D, StoreError> {
        DocStore::add(self, doc)
    }
}

#[cfg(test)]
mod tests;
