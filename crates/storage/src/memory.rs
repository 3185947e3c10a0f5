//! A key-value store in memory: for tests, and for when the browser refuses local storage.

use crate::{KeyValue, StoreError};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Keeps values in memory for as long as the page lives. Optionally limited, to act out a full
/// local storage in tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: Mutex<BTreeMap<String, String>>,
    /// The most characters (keys plus values, as local storage counts them) it holds.
    limit: Option<usize>,
}

impl MemoryStore {
    /// A store that refuses writes past `limit` characters, like a full local storage.
    pub fn with_limit(limit: usize) -> Self {
        MemoryStore {
            values: Mutex::default(),
            limit: Some(limit),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, String>> {
        // A panic while holding the lock leaves the map intact; keep using it.
        self.values.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.lock().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut values = self.lock();
        if let Some(limit) = self.limit {
            let others: usize = values
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| units(k) + units(v))
                .sum();
            if others + units(key) + units(value) > limit {
                return Err(StoreError::Full);
            }
        }
        values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.lock().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.lock().keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
