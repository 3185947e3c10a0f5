//! The history of each draft: its earlier versions, stored beside it.

use super::DraftStore;
use crate::error::Protection;
use crate::keys;
use crate::record;
use crate::StoreError;
use crossroads_workbook::History;

impl DraftStore {
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
}
