//! Why storage refused: typed, and worded for the person at the keyboard.

use std::fmt;

/// A storage operation that did not happen. `Display` gives the plain-words reason shown as
/// "Not saved: <reason>".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser does not let this page use local storage (blocked, or private mode).
    Unavailable,
    /// Local storage is full.
    Full,
    /// The browser refused the write for another reason.
    WriteFailed(String),
    /// The stored record is damaged or from a newer version, so it must not be overwritten.
    Protected(String),
    /// There is no draft with that id.
    Missing,
    /// Another tab or window saved the draft since this one loaded or last saved it.
    Conflict {
        /// The revision now stored.
        stored_revision: u64,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => {
                f.write_str("this browser is not letting Crossroads use its storage")
            }
            StoreError::Full => f.write_str("this browser's storage for Crossroads is full"),
            StoreError::WriteFailed(detail) => write!(f, "the browser refused to save ({detail})"),
            StoreError::Protected(why) => f.write_str(why),
            StoreError::Missing => f.write_str("this draft is no longer in this browser"),
            StoreError::Conflict { .. } => {
                f.write_str("this draft was also changed in another tab or window")
            }
        }
    }
}

impl std::error::Error for StoreError {}
