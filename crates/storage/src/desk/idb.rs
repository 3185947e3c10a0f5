//! The desk's values in the browser's IndexedDB, through the `idb` crate.

use super::{DeskDb, Pair, Value};
use crate::keys::{DESK_DB, DESK_RECORDS, DESK_TEXTS};
use crate::StoreError;
use idb::{
    Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, Transaction, TransactionMode,
};
use std::future::{Future, IntoFuture};
use wasm_bindgen::JsValue;

/// The desk's IndexedDB database, open.
pub struct IdbDesk {
    db: Database,
}

/// A refusal in plain words: a full storage says so.
fn refused(error: idb::Error) -> StoreError {
    match error {
        idb::Error::DomException(e) => exception(&e),
        idb::Error::IndexedDbNotFound(_) => StoreError::Unavailable,
        _ => StoreError::WriteFailed("IndexedDB refused".to_string()),
    }
}

fn exception(e: &web_sys::DomException) -> StoreError {
    match e.name().as_str() {
        "QuotaExceededError" => StoreError::Full,
        "InvalidStateError" | "SecurityError" => StoreError::Unavailable,
        _ => StoreError::WriteFailed(e.message()),
    }
}

fn value(v: JsValue) -> Value {
    v.as_string().map_or(Value::NotText, Value::Text)
}

/// The end of `transaction`, listened for from now on; an aborted one (a full storage aborts
/// the transaction that would overfill it) is an error saying why, read from `store`, which
/// belongs to it.
fn finished(
    transaction: Transaction,
    store: &ObjectStore,
) -> impl Future<Output = Result<(), StoreError>> {
    let ending = transaction.into_future();
    let store = store.clone();
    async move {
        match ending.await {
            Ok(result) if result.is_committed() => Ok(()),
            Ok(_) | Err(_) => Err(match store.transaction().error() {
                Some(e) => exception(&e),
                None => StoreError::WriteFailed("IndexedDB did not keep the change".to_string()),
            }),
        }
    }
}

impl IdbDesk {
    /// Opens (or makes) the desk's database. [`StoreError::Unavailable`] when the browser
    /// gives this page no IndexedDB (then a [`super::MemoryDesk`] keeps the desk for the
    /// page's life).
    ///
    /// ```no_run
    /// # async fn f() -> Result<(), crossroads_storage::StoreError> {
    /// use crossroads_storage::desk::{Desk, IdbDesk};
    /// let desk = Desk::new(IdbDesk::open().await?);
    /// let entries = desk.list().await?;
    /// # Ok(()) }
    /// ```
    pub async fn open() -> Result<Self, StoreError> {
        let factory = Factory::new().map_err(|_| StoreError::Unavailable)?;
        // Opened at whatever version it is at, so a newer build's upgrade does not lock this
        // one out; made at version 1 when new.
        let mut request = factory
            .open(DESK_DB, None)
            .map_err(|_| StoreError::Unavailable)?;
        request.on_upgrade_needed(|event| {
            if let Ok(db) = event.database() {
                let names = db.store_names();
                for store in [DESK_RECORDS, DESK_TEXTS] {
                    if !names.iter().any(|n| n == store) {
                        let _ = db.create_object_store(store, ObjectStoreParams::new());
                    }
                }
            }
        });
        let db = request.await.map_err(|e| match refused(e) {
            StoreError::WriteFailed(_) => StoreError::Unavailable,
            other => other,
        })?;
        let names = db.store_names();
        if [DESK_RECORDS, DESK_TEXTS]
            .iter()
            .all(|s| names.iter().any(|n| n == s))
        {
            Ok(IdbDesk { db })
        } else {
            Err(StoreError::Unavailable)
        }
    }

    fn transaction(&self, mode: TransactionMode) -> Result<Transaction, StoreError> {
        self.db
            .transaction(&[DESK_RECORDS, DESK_TEXTS], mode)
            .map_err(refused)
    }
}

// Every request's and the transaction's listeners are attached (`into_future`) in the same
// turn the requests are made, before any of their events can fire; then they are awaited.
impl DeskDb for IdbDesk {
    async fn get(&self, id: &str) -> Result<Pair, StoreError> {
        let tx = self.transaction(TransactionMode::ReadOnly)?;
        let key = JsValue::from_str(id);
        let records = tx.object_store(DESK_RECORDS).map_err(refused)?;
        let texts = tx.object_store(DESK_TEXTS).map_err(refused)?;
        let record = records.get(key.clone()).map_err(refused)?.into_future();
        let text = texts.get(key).map_err(refused)?.into_future();
        let done = finished(tx, &records);
        let (record, text) = (record.await, text.await);
        done.await?;
        Ok(Pair {
            record: record.map_err(refused)?.map(value),
            text: text.map_err(refused)?.map(value),
        })
    }

    async fn records(&self) -> Result<Vec<(String, Value)>, StoreError> {
        let tx = self.transaction(TransactionMode::ReadOnly)?;
        let records = tx.object_store(DESK_RECORDS).map_err(refused)?;
        // Keys and values in one transaction come in the same (key) order.
        let keys = records
            .get_all_keys(None, None)
            .map_err(refused)?
            .into_future();
        let values = records.get_all(None, None).map_err(refused)?.into_future();
        let done = finished(tx, &records);
        let (keys, values) = (keys.await, values.await);
        done.await?;
        Ok(keys
            .map_err(refused)?
            .into_iter()
            .zip(values.map_err(refused)?)
            .filter_map(|(k, v)| Some((k.as_string()?, value(v))))
            .collect())
    }

    async fn text_ids(&self) -> Result<Vec<String>, StoreError> {
        let tx = self.transaction(TransactionMode::ReadOnly)?;
        let texts = tx.object_store(DESK_TEXTS).map_err(refused)?;
        let keys = texts
            .get_all_keys(None, None)
            .map_err(refused)?
            .into_future();
        let done = finished(tx, &texts);
        let keys = keys.await;
        done.await?;
        Ok(keys
            .map_err(refused)?
            .into_iter()
            .filter_map(|k| k.as_string())
            .collect())
    }

    async fn put(&self, id: &str, record: &str, text: &str) -> Result<(), StoreError> {
        let tx = self.transaction(TransactionMode::ReadWrite)?;
        let key = JsValue::from_str(id);
        let records = tx.object_store(DESK_RECORDS).map_err(refused)?;
        let texts = tx.object_store(DESK_TEXTS).map_err(refused)?;
        let a = records
            .put(&JsValue::from_str(record), Some(&key))
            .map_err(refused)?
            .into_future();
        let b = texts
            .put(&JsValue::from_str(text), Some(&key))
            .map_err(refused)?
            .into_future();
        let done = finished(tx, &records);
        let (a, b) = (a.await, b.await);
        // The transaction's end says whether both were kept (a full storage aborts it).
        done.await?;
        a.map_err(refused)?;
        b.map_err(refused)?;
        Ok(())
    }

    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.transaction(TransactionMode::ReadWrite)?;
        let key = JsValue::from_str(id);
        let records = tx.object_store(DESK_RECORDS).map_err(refused)?;
        let texts = tx.object_store(DESK_TEXTS).map_err(refused)?;
        let a = records.delete(key.clone()).map_err(refused)?.into_future();
        let b = texts.delete(key).map_err(refused)?.into_future();
        let done = finished(tx, &records);
        let (a, b) = (a.await, b.await);
        done.await?;
        a.map_err(refused)?;
        b.map_err(refused)?;
        Ok(())
    }

    async fn count(&self) -> Result<u32, StoreError> {
        let tx = self.transaction(TransactionMode::ReadOnly)?;
        let records = tx.object_store(DESK_RECORDS).map_err(refused)?;
        let n = records.count(None).map_err(refused)?.into_future();
        let done = finished(tx, &records);
        let n = n.await;
        done.await?;
        n.map_err(refused)
    }
}
