//! Where drafts are kept: the only code that knows storage keys and the stored format.
//!
//! Drafts live in the browser's local storage, one record per draft under the key
//! `crossroads/draft/<id>`. Each record carries a schema version ([`SCHEMA_VERSION`]).
//! Nothing here ever overwrites a record it cannot read: damaged records and records from a
//! newer version of Crossroads are listed, never written.
//!
//! ```
//! use crossroads_storage::{DraftStore, MemoryStore};
//!
//! let store = DraftStore::new(Box::new(MemoryStore::default()));
//! let draft = store.create("d1", "Learning studios", 1_700_000_000_000).unwrap();
//! assert_eq!(store.list().unwrap().len(), 1);
//! assert_eq!(store.load(&draft.id).unwrap().unwrap().draft().unwrap().title, "Learning studios");
//! ```

mod drafts;
mod error;
mod memory;
mod record;

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use drafts::{DraftStore, Entry, Unreadable};
pub use error::StoreError;
pub use memory::MemoryStore;
pub use record::{decode, encode, Decoded, SCHEMA_VERSION};

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
    /// Whether what is stored outlives the page (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}
