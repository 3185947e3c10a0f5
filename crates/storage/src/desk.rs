//! The reviewer's desk: the proposal files a reviewer imported, kept in the browser's IndexedDB
//! (hundreds of files do not fit in local storage's 5 million characters, and must never take
//! room from a team's drafts there).
//!
//! Each proposal is two values under its id (the proposal's draft id), written in one
//! transaction (names in `keys.rs`):
//!
//! | store | holds |
//! | --- | --- |
//! | `proposals` | the record the list reads: `{"schema":1,"saved_by":…,"id":…,"revision":1,"file_name":…,"imported_ms":…,"text_bytes":…,"text_fnv1a64":…,"summary":{title, school, brief, exported_ms}}` |
//! | `texts` | the file's text exactly as imported, as one string |
//!
//! The list reads only the small records (500 proposals are a few hundred KB, not the files'
//! megabytes); a file's text is read when it is opened, and checked against the size and
//! fingerprint its record keeps. Keeping the original text means nothing a file held is lost,
//! whatever this version of Crossroads makes of it.
//!
//! The guarantees are those of drafts: every write is read back and compared (a write that did
//! not stick is undone); a full storage refuses in plain words ([`reason`]) and changes
//! nothing; a record that cannot be read, or whose text is missing or damaged, is listed as
//! damaged, and one written by a newer version as newer, and neither is ever written over or
//! removed; a tab that did not see another tab's change to a proposal is refused
//! ([`StoreError::Conflict`]); other tabs are told through a `BroadcastChannel` ([`News`]).
//!
//! The rules are plain async code over a [`DeskDb`]: [`MemoryDesk`] in native tests (with
//! faults to inject) and, in the browser, `IdbDesk` (IndexedDB through the `idb` crate).
//!
//! Size on the reviewer page (release, wasm-bindgen, wasm-opt 132 `-Oz`, gzip -9; measured
//! 2026-12-07 against 179,020 B gzip without it): the smallest working use of `idb` 0.6 without
//! default features (open, put, get, getAll, count, delete) adds 9.9 KB gzip (`indexed_db_futures`
//! 0.6 adds 18.5 KB, and 17 packages to the lock against `idb`'s one); this whole desk in use
//! (open, add with read-back, text, remove, list, count, the channel) adds 30.1 KB gzip, and
//! 1.1 KB gzip of JavaScript glue.
//!
//! ```
//! use crossroads_storage::desk::{Added, Desk, Incoming, MemoryDesk, Summary};
//! # futures_executor::block_on(async {
//! let desk = Desk::new(MemoryDesk::default());
//! let file = Incoming::new("d1", "studios.json", "{…}", 1_700_000_000_000, Summary::default());
//! let Ok(Added::Stored(proposal)) = desk.add(&file).await else { panic!() };
//! assert_eq!(desk.text("d1").await.unwrap(), "{…}");
//! assert_eq!(desk.list().await.unwrap().len(), 1);
//! desk.remove(&proposal).await.unwrap();
//! # });
//! ```

mod memory;
mod news;
mod record;

#[cfg(target_arch = "wasm32")]
mod channel;
#[cfg(target_arch = "wasm32")]
mod idb;

#[cfg(target_arch = "wasm32")]
pub use channel::DeskChannel;
#[cfg(target_arch = "wasm32")]
pub use idb::IdbDesk;

pub use memory::MemoryDesk;
pub use news::{Heard, News};
pub use record::{
    arrival, reason, Arrival, BriefRef, Choice, DeskEntry, Incoming, Proposal, Side, Summary,
    DESK_SCHEMA,
};

pub use crate::keys::{DESK_CHANNEL as CHANNEL, DESK_DB as DATABASE};

use crate::{Protection, StoreError};
use record::{decode, encode, sort, text_matches};

/// A value as stored: text, or something else another program put there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string.
    Text(String),
    /// Anything else (kept as it is, listed as damaged).
    NotText,
}

impl Value {
    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::NotText => None,
        }
    }
}

/// The two values of one proposal, exactly as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pair {
    /// The record (in the `proposals` store).
    pub record: Option<Value>,
    /// The file's text (in the `texts` store).
    pub text: Option<Value>,
}

/// Where the desk's values are kept: IndexedDB in the browser ([`IdbDesk`]), memory in tests
/// ([`MemoryDesk`]). Low level: callers use [`Desk`], which keeps the rules.
// The browser runs WebAssembly on one thread, so the futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait DeskDb {
    /// Both values under `id`.
    async fn get(&self, id: &str) -> Result<Pair, StoreError>;
    /// Every record, with its id, in id order.
    async fn records(&self) -> Result<Vec<(String, Value)>, StoreError>;
    /// The id of every stored text.
    async fn text_ids(&self) -> Result<Vec<String>, StoreError>;
    /// Writes both values under `id`, both or neither ([`StoreError::Full`] when there is no
    /// room).
    async fn put(&self, id: &str, record: &str, text: &str) -> Result<(), StoreError>;
    /// Removes both values under `id`, both or neither.
    async fn delete(&self, id: &str) -> Result<(), StoreError>;
    /// How many records there are.
    async fn count(&self) -> Result<u32, StoreError>;
}

/// One backend seen by several desks, as one database is seen by several tabs.
impl<T: DeskDb + ?Sized> DeskDb for std::sync::Arc<T> {
    async fn get(&self, id: &str) -> Result<Pair, StoreError> {
        (**self).get(id).await
    }
    async fn records(&self) -> Result<Vec<(String, Value)>, StoreError> {
        (**self).records().await
    }
    async fn text_ids(&self) -> Result<Vec<String>, StoreError> {
        (**self).text_ids().await
    }
    async fn put(&self, id: &str, record: &str, text: &str) -> Result<(), StoreError> {
        (**self).put(id, record, text).await
    }
    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        (**self).delete(id).await
    }
    async fn count(&self) -> Result<u32, StoreError> {
        (**self).count().await
    }
}

/// What became of a file put on the desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// It is on the desk now (written and read back).
    Stored(Proposal),
    /// The same proposal, with the very same text, was on the desk already: nothing written.
    AlreadyHere(Proposal),
    /// Another copy of the proposal is on the desk: nothing written; the reviewer chooses, and
    /// [`Desk::replace`] takes the file's copy.
    Differs(Choice),
}

/// The proposals on the desk, with the rules of keeping them.
pub struct Desk<B> {
    db: B,
}

fn text_missing(id: &str) -> DeskEntry {
    DeskEntry::Damaged {
        id: id.to_string(),
        reason: "the file's text is missing".to_string(),
    }
}

impl<B: DeskDb> Desk<B> {
    /// The desk over `db`.
    ///
    /// ```
    /// use crossroads_storage::desk::{Desk, MemoryDesk};
    /// let desk = Desk::new(MemoryDesk::default());
    /// ```
    pub fn new(db: B) -> Self {
        Desk { db }
    }

    /// The backend (for tests that inject faults).
    pub fn db(&self) -> &B {
        &self.db
    }

    /// Every proposal on the desk, readable or not, oldest import first (then by id); entries
    /// whose import time cannot be read come last. Reads only the small records (and the ids
    /// of the texts, to list a proposal whose text is missing as damaged): a text that is there
    /// but damaged is found when it is opened ([`Desk::text`]).
    ///
    /// ```
    /// # use crossroads_storage::desk::{Desk, MemoryDesk};
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// for entry in desk.list().await.unwrap() {
    ///     println!("{}", entry.id());
    /// }
    /// # });
    /// ```
    pub async fn list(&self) -> Result<Vec<DeskEntry>, StoreError> {
        let records = self.db.records().await?;
        let mut texts = self.db.text_ids().await?;
        texts.sort();
        let mut entries: Vec<(DeskEntry, Option<u64>)> = Vec::with_capacity(records.len());
        for (id, value) in &records {
            let (entry, when) = decode(id, value.text());
            let entry = match entry {
                DeskEntry::Kept(_) if texts.binary_search(id).is_err() => text_missing(id),
                other => other,
            };
            entries.push((entry, when));
        }
        for id in texts {
            if records.binary_search_by(|(r, _)| r.cmp(&id)).is_err() {
                let entry = DeskEntry::Damaged {
                    reason: "the file's text is here without its record".to_string(),
                    id,
                };
                entries.push((entry, None));
            }
        }
        sort(&mut entries);
        Ok(entries.into_iter().map(|(entry, _)| entry).collect())
    }

    /// How many proposals are on the desk (records, readable or not).
    ///
    /// ```
    /// # use crossroads_storage::desk::{Desk, MemoryDesk};
    /// # futures_executor::block_on(async {
    /// assert_eq!(Desk::new(MemoryDesk::default()).count().await, Ok(0));
    /// # });
    /// ```
    pub async fn count(&self) -> Result<u32, StoreError> {
        self.db.count().await
    }

    /// The entry under `id` with its text checked, and what is stored.
    async fn checked(&self, id: &str) -> Result<(Option<DeskEntry>, Pair), StoreError> {
        let pair = self.db.get(id).await?;
        let entry = match (&pair.record, &pair.text) {
            (None, None) => None,
            (None, Some(_)) => Some(DeskEntry::Damaged {
                id: id.to_string(),
                reason: "the file's text is here without its record".to_string(),
            }),
            (Some(record), text) => Some(match decode(id, record.text()).0 {
                DeskEntry::Kept(p) => match text {
                    None => text_missing(id),
                    Some(t) if t.text().is_some_and(|t| text_matches(&p, t)) => DeskEntry::Kept(p),
                    Some(_) => DeskEntry::Damaged {
                        id: id.to_string(),
                        reason: "the file's text differs from what its record says".to_string(),
                    },
                },
                other => other,
            }),
        };
        Ok((entry, pair))
    }

    /// The entry under `id`, with its text checked, if anything is stored there.
    ///
    /// ```
    /// # use crossroads_storage::desk::{Desk, MemoryDesk};
    /// # futures_executor::block_on(async {
    /// assert_eq!(Desk::new(MemoryDesk::default()).entry("d1").await, Ok(None));
    /// # });
    /// ```
    pub async fn entry(&self, id: &str) -> Result<Option<DeskEntry>, StoreError> {
        Ok(self.checked(id).await?.0)
    }

    /// The text of the file of proposal `id`, checked against its record:
    /// [`StoreError::Missing`] when there is none, [`StoreError::Protected`] when it is damaged
    /// or from a newer version (then [`Desk::raw`] gives what is stored).
    ///
    /// ```
    /// # use crossroads_storage::desk::{Desk, MemoryDesk};
    /// # use crossroads_storage::StoreError;
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// assert_eq!(desk.text("d1").await, Err(StoreError::Missing));
    /// # });
    /// ```
    pub async fn text(&self, id: &str) -> Result<String, StoreError> {
        match self.checked(id).await? {
            (None, _) => Err(StoreError::Missing),
            (
                Some(DeskEntry::Kept(_)),
                Pair {
                    text: Some(Value::Text(text)),
                    ..
                },
            ) => Ok(text),
            (Some(entry), _) => Err(StoreError::Protected(
                entry.protection().unwrap_or(Protection::Damaged),
            )),
        }
    }

    /// What is stored under `id`, exactly, for saving a damaged or newer proposal to a file.
    ///
    /// ```
    /// # use crossroads_storage::desk::{Desk, MemoryDesk, Pair};
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// assert_eq!(desk.raw("d1").await, Ok(Pair::default()));
    /// # });
    /// ```
    pub async fn raw(&self, id: &str) -> Result<Pair, StoreError> {
        self.db.get(id).await
    }

    /// Puts a file on the desk, unless its proposal is there already: with the same text
    /// nothing is written ([`Added::AlreadyHere`]); with other text nothing is written and
    /// the reviewer chooses ([`Added::Differs`]). Refuses, changing nothing, when the record
    /// under its id is damaged or newer, or storage is full ([`reason`] words it).
    ///
    /// ```
    /// # use crossroads_storage::desk::{Added, Desk, Incoming, MemoryDesk, Summary};
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// let file = Incoming::new("d1", "a.json", "{…}", 5, Summary::default());
    /// assert!(matches!(desk.add(&file).await, Ok(Added::Stored(_))));
    /// assert!(matches!(desk.add(&file).await, Ok(Added::AlreadyHere(_))));
    /// # });
    /// ```
    pub async fn add(&self, incoming: &Incoming) -> Result<Added, StoreError> {
        let (entry, pair) = self.checked(&incoming.id).await?;
        match arrival(entry.as_ref(), incoming) {
            Arrival::New => Ok(Added::Stored(self.write(incoming, 1, None).await?)),
            Arrival::AlreadyHere(kept) => {
                // The fingerprint matched; make sure the very text is the same.
                match pair.text {
                    Some(Value::Text(text)) if text == incoming.text => {
                        Ok(Added::AlreadyHere(kept))
                    }
                    _ => Ok(Added::Differs(Choice {
                        incoming: incoming.summary.clone(),
                        first: Side::Kept,
                        kept,
                    })),
                }
            }
            Arrival::Differs(choice) => Ok(Added::Differs(choice)),
            Arrival::Protected(why) => Err(StoreError::Protected(why)),
        }
    }

    /// Replaces the proposal `kept` (as the reviewer saw it) with the file's copy. Refuses,
    /// changing nothing, when another tab changed it since ([`StoreError::Conflict`]), or it is
    /// damaged or newer now. A proposal removed in another tab meanwhile is written again.
    ///
    /// ```
    /// # use crossroads_storage::desk::{Added, Desk, Incoming, MemoryDesk, Summary};
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// desk.add(&Incoming::new("d1", "a.json", "old", 5, Summary::default())).await.unwrap();
    /// let newer = Incoming::new("d1", "b.json", "new", 6, Summary::default());
    /// let Ok(Added::Differs(choice)) = desk.add(&newer).await else { panic!() };
    /// desk.replace(&newer, &choice.kept).await.unwrap();
    /// assert_eq!(desk.text("d1").await.unwrap(), "new");
    /// # });
    /// ```
    pub async fn replace(
        &self,
        incoming: &Incoming,
        kept: &Proposal,
    ) -> Result<Proposal, StoreError> {
        if incoming.id != kept.id {
            return Err(StoreError::WriteFailed(
                "the file holds another proposal than the one it was to replace".to_string(),
            ));
        }
        let (entry, pair) = self.checked(&incoming.id).await?;
        match entry {
            None => self.write(incoming, kept.revision + 1, None).await,
            Some(DeskEntry::Kept(now))
                if now.revision == kept.revision && now.fingerprint == kept.fingerprint =>
            {
                self.write(incoming, now.revision + 1, Some(pair)).await
            }
            Some(DeskEntry::Kept(now)) => Err(StoreError::Conflict {
                stored_revision: now.revision,
            }),
            Some(other) => Err(StoreError::Protected(
                other.protection().unwrap_or(Protection::Damaged),
            )),
        }
    }

    /// Takes the proposal `kept` (as the reviewer saw it) off the desk. Refuses, changing
    /// nothing, when another tab changed it since, or it is damaged or newer. Already gone is
    /// fine.
    ///
    /// ```
    /// # use crossroads_storage::desk::{Added, Desk, Incoming, MemoryDesk, Summary};
    /// # futures_executor::block_on(async {
    /// let desk = Desk::new(MemoryDesk::default());
    /// let file = Incoming::new("d1", "a.json", "{…}", 5, Summary::default());
    /// let Ok(Added::Stored(proposal)) = desk.add(&file).await else { panic!() };
    /// desk.remove(&proposal).await.unwrap();
    /// assert_eq!(desk.count().await, Ok(0));
    /// # });
    /// ```
    pub async fn remove(&self, kept: &Proposal) -> Result<(), StoreError> {
        match self.checked(&kept.id).await?.0 {
            None => Ok(()),
            Some(DeskEntry::Kept(now))
                if now.revision == kept.revision && now.fingerprint == kept.fingerprint =>
            {
                self.db.delete(&kept.id).await?;
                if self.db.get(&kept.id).await? == Pair::default() {
                    Ok(())
                } else {
                    Err(StoreError::WriteFailed(
                        "the browser still keeps the proposal".to_string(),
                    ))
                }
            }
            Some(DeskEntry::Kept(now)) => Err(StoreError::Conflict {
                stored_revision: now.revision,
            }),
            Some(other) => Err(StoreError::Protected(
                other.protection().unwrap_or(Protection::Damaged),
            )),
        }
    }

    /// Writes `incoming` at `revision` and reads it back; a write that did not stick is undone
    /// (`before` put back, or the values removed).
    async fn write(
        &self,
        incoming: &Incoming,
        revision: u64,
        before: Option<Pair>,
    ) -> Result<Proposal, StoreError> {
        let id = &incoming.id;
        let record = encode(incoming, revision);
        self.db.put(id, &record, &incoming.text).await?;
        let back = self.db.get(id).await?;
        let stuck = back.record.as_ref().and_then(Value::text) == Some(record.as_str())
            && back.text.as_ref().and_then(Value::text) == Some(incoming.text.as_str());
        if stuck {
            if let (DeskEntry::Kept(proposal), _) = decode(id, Some(&record)) {
                return Ok(proposal);
            }
        }
        // A whole, readable proposal there now is another tab's write in between (ours would
        // have compared equal): it is theirs to keep, so say so and touch nothing. Anything
        // else (a garbled write) is undone.
        if let (Some(DeskEntry::Kept(now)), _) = self.checked(id).await? {
            return Err(StoreError::Conflict {
                stored_revision: now.revision,
            });
        }
        let _ = match before {
            Some(Pair {
                record: Some(Value::Text(record)),
                text: Some(Value::Text(text)),
            }) => self.db.put(id, &record, &text).await,
            _ => self.db.delete(id).await,
        };
        Err(StoreError::WriteFailed(
            "what the browser kept differs from what was written".to_string(),
        ))
    }
}

#[cfg(test)]
mod tests;
