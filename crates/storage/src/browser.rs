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
        used_units()
            .map(|n| n as usize)
            .map_err(|_| StoreError::Unavailable)
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export function used_units() {
  let n = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    n += k.length + (localStorage.getItem(k) || '').length;
  }
  return n;
}")]
extern "C" {
    /// Sums lengths in JavaScript, so the values need not be copied into WebAssembly.
    #[wasm_bindgen::prelude::wasm_bindgen(catch)]
    fn used_units() -> Result<f64, JsValue>;
}
