//! The browser's local storage as a [`KeyValue`] store.

use crate::{KeyValue, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// The page's `window.localStorage`.
#[derive(Debug, Clone, Copy)]
pub struct BrowserStore;

impl BrowserStore {
    /// Checks that the browser lets this page use local storage.
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(BrowserStore),
            _ => Err(StoreError::Unavailable),
        }
    }
}

/// Turns a thrown DOMException into a reason a person can act on.
fn write_error(error: JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
        Some(e) => StoreError::WriteFailed(e.message()),
        None => StoreError::WriteFailed("unknown error".to_string()),
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw()
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(write_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        LocalStorage::raw().remove_item(key).map_err(write_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = LocalStorage::raw();
        let length = storage.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }

    fn used_units(&self) -> Result<usize, StoreError> {
        // Lengths are read on the JavaScript side, so values are not copied into WebAssembly.
        let storage = LocalStorage::raw();
        let length = storage.length().map_err(|_| StoreError::Unavailable)?;
        let mut total = 0;
        for i in 0..length {
            let Some(key) = storage.key(i).ok().flatten() else {
                continue;
            };
            let value = js_sys::Reflect::get(&storage, &JsValue::from_str(&key))
                .unwrap_or(JsValue::UNDEFINED);
            total += key.encode_utf16().count()
                + value
                    .dyn_ref::<js_sys::JsString>()
                    .map_or(0, |v| v.length() as usize);
        }
        Ok(total)
    }

    fn is_persistent(&self) -> bool {
        true
    }
}
