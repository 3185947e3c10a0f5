//! The desk's values in memory: for native tests (with faults to inject), and for a desk the
//! browser gives no storage.

use super::{DeskDb, Pair, Value};
use crate::StoreError;
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

/// Something done to the stored values between a write and its read-back, as another tab
/// would.
pub type Interference = Box<dyn FnOnce(&MemoryDesk) + Send>;

#[derive(Default)]
struct State {
    records: BTreeMap<String, Value>,
    texts: BTreeMap<String, Value>,
    /// The most bytes (ids and values) it holds.
    limit: Option<usize>,
    /// How many of the next writes keep something else than what was written.
    corrupting: usize,
    /// Run after the next write, before anything else.
    after_next_put: Option<Interference>,
}

/// Keeps the desk's values in memory. Share one with `Arc` for several "tabs".
#[derive(Default)]
pub struct MemoryDesk {
    state: Mutex<State>,
}

fn size(values: &BTreeMap<String, Value>) -> usize {
    values
        .iter()
        .map(|(k, v)| k.len() + v.text().map_or(0, str::len))
        .sum()
}

impl MemoryDesk {
    /// A desk that refuses writes past `limit` bytes, like a full storage.
    ///
    /// ```
    /// use crossroads_storage::desk::MemoryDesk;
    /// let small = MemoryDesk::with_limit(1000);
    /// ```
    pub fn with_limit(limit: usize) -> Self {
        let desk = MemoryDesk::default();
        desk.lock().limit = Some(limit);
        desk
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the next `writes` writes keep their text cut short by one character (writes the
    /// browser garbled).
    pub fn corrupt_next_writes(&self, writes: usize) {
        self.lock().corrupting = writes;
    }

    /// Runs `interference` right after the next write, before its read-back.
    pub fn after_next_put(&self, interference: Interference) {
        self.lock().after_next_put = Some(interference);
    }

    /// Stores values as given, without any rule: for planting damaged or newer records.
    pub fn plant(&self, id: &str, pair: Pair) {
        let mut state = self.lock();
        match pair.record {
            Some(v) => state.records.insert(id.to_string(), v),
            None => state.records.remove(id),
        };
        match pair.text {
            Some(v) => state.texts.insert(id.to_string(), v),
            None => state.texts.remove(id),
        };
    }

    /// Every value, for comparing byte for byte.
    pub fn snapshot(&self) -> BTreeMap<String, Pair> {
        let state = self.lock();
        let mut all: BTreeMap<String, Pair> = BTreeMap::new();
        for (id, v) in &state.records {
            all.entry(id.clone()).or_default().record = Some(v.clone());
        }
        for (id, v) in &state.texts {
            all.entry(id.clone()).or_default().text = Some(v.clone());
        }
        all
    }
}

impl DeskDb for MemoryDesk {
    async fn get(&self, id: &str) -> Result<Pair, StoreError> {
        let state = self.lock();
        Ok(Pair {
            record: state.records.get(id).cloned(),
            text: state.texts.get(id).cloned(),
        })
    }

    async fn records(&self) -> Result<Vec<(String, Value)>, StoreError> {
        let state = self.lock();
        Ok(state
            .records
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    async fn text_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.lock().texts.keys().cloned().collect())
    }

    async fn put(&self, id: &str, record: &str, text: &str) -> Result<(), StoreError> {
        let interference = {
            let mut state = self.lock();
            if let Some(limit) = state.limit {
                let others = |values: &BTreeMap<String, Value>| {
                    values
                        .iter()
                        .filter(|(k, _)| k.as_str() != id)
                        .map(|(k, v)| k.len() + v.text().map_or(0, str::len))
                        .sum::<usize>()
                };
                let total = others(&state.records)
                    + others(&state.texts)
                    + 2 * id.len()
                    + record.len()
                    + text.len();
                if total > limit {
                    return Err(StoreError::Full);
                }
            }
            let mut text = text.to_string();
            if state.corrupting > 0 {
                state.corrupting -= 1;
                text.pop();
            }
            state
                .records
                .insert(id.to_string(), Value::Text(record.to_string()));
            state.texts.insert(id.to_string(), Value::Text(text));
            state.after_next_put.take()
        };
        if let Some(interfere) = interference {
            interfere(self);
        }
        Ok(())
    }

    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        let mut state = self.lock();
        state.records.remove(id);
        state.texts.remove(id);
        Ok(())
    }

    async fn count(&self) -> Result<u32, StoreError> {
        Ok(self.lock().records.len() as u32)
    }
}

impl MemoryDesk {
    /// Bytes of every id and value stored.
    pub fn used_bytes(&self) -> usize {
        let state = self.lock();
        size(&state.records) + size(&state.texts)
    }
}
