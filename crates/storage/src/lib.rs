//! Where drafts are kept: the only code that knows storage keys and the stored format.
//!
//! Drafts live in the browser's local storage: a head record per draft and one record per
//! answer (the keys are listed in `keys.rs`, the formats in `record.rs`). Every record carries a
//! schema version ([`SCHEMA_VERSION`]); drafts in the older one-record format are migrated.
//! Every write is read back. Nothing here ever overwrites a record it cannot read: damaged
//! records and records from a newer version of Crossroads are listed, never written, and a
//! writer that missed another tab's save is refused ([`StoreError::Conflict`]).
//!
//! ```
//! use crossroads_storage::{DraftStore, Entry, MemoryStore};
//! use crossroads_workbook::Answer;
//!
//! let store = DraftStore::new(Box::new(MemoryStore::default()));
//! let mut draft = store.create("d1", "Learning studios", 1_700_000_000_000).unwrap();
//! let before = draft.clone();
//! draft.set_answer("profile.school", Answer::Text("Lincoln".into()));
//! let revision = store.save(&draft, 1, Some(&before)).unwrap();
//! assert_eq!(store.load("d1").unwrap(), Some(Entry::Editable { draft, revision: 2 }));
//! assert_eq!(revision, 2);
//! ```

pub mod desk;
mod docs;
mod drafts;
mod durability;
mod error;
mod keys;
mod memory;
mod record;
mod session;

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use docs::{DocEntry, DocStore, Stored};
pub use drafts::{
    backup_due, backup_due_every_session, BackupContents, DraftStore, DraftSummary, DraftUsage,
    Entry, HeadState, Listing, RestoreReport, Restored, Unreadable, Usage, BACKUP_REMINDER_MS,
    QUOTA_UNITS, WARN_PERCENT,
};
pub use durability::{AppleDevice, BrowserFacts, Durability, KitStorage};
pub use error::{Protection, StoreError};
pub use keys::Kind;
pub use memory::MemoryStore;
pub use record::{encode_schema_1, SCHEMA_VERSION};
pub use session::{Conflict, CopyName, Document, Outcome, Revisions, SaveSession, SaveStatus};

/// A string key-value store with the semantics of the browser's local storage.
///
/// [`DraftStore`] works over any implementation: [`BrowserStore`] in the app, [`MemoryStore`]
/// in tests and when the browser refuses storage.
pub trait KeyValue: Send + Sync {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (no error if it is absent).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Characters (UTF-16 code units, as browsers count them) of every key and value.
    fn used_units(&self) -> Result<usize, StoreError> {
        let mut total = 0;
        for key in self.keys()? {
            let value = self.get(&key)?.unwrap_or_default();
            total += key.encode_utf16().count() + value.encode_utf16().count();
        }
        Ok(total)
    }
    /// Whether what is stored outlives the page (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

/// One store seen by several [`DraftStore`]s, as one local storage is seen by several tabs.
impl<T: KeyValue + ?Sized> KeyValue for std::sync::Arc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
    fn used_units(&self) -> Result<usize, StoreError> {
        (**self).used_units()
    }
    fn is_persistent(&self) -> bool {
        (**self).is_persistent()
    }
}
