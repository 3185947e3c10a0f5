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
    /// The stored record must not be written or removed, for this reason.
    Protected(Protection),
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
            StoreError::Protected(why) => why.fmt(f),
            StoreError::Missing => f.write_str("this draft is no longer in this browser"),
            StoreError::Conflict { .. } => {
                f.write_str("this draft was also changed in another tab or window")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// Why a stored record is kept as it is. Typed, so callers learn the cause without reading the
/// record again; `Display` is the reason a person reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Protection {
    /// A newer version of Crossroads wrote it.
    NewerVersion,
    /// It cannot be read; it is kept byte for byte.
    Damaged,
    /// Its history cannot be read (with what the parser said).
    DamagedHistory(String),
    /// A draft is already stored under the id.
    IdTaken,
    /// Leftovers of an unfinished save that cannot be read (and why).
    UnreadableLeftovers(String),
}

impl fmt::Display for Protection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Protection::NewerVersion => f.write_str(
                "a newer version of Crossroads saved this draft, so this one will not change it",
            ),
            Protection::Damaged => f.write_str(
                "the stored copy of this draft is damaged and is kept exactly as it is, so that nothing is lost",
            ),
            Protection::DamagedHistory(e) => write!(
                f,
                "the history of this draft is damaged and is kept as it is ({e})"
            ),
            Protection::IdTaken => f.write_str("a draft with that id already exists"),
            Protection::UnreadableLeftovers(reason) => {
                write!(f, "the leftovers cannot be read: {reason}")
            }
        }
    }
}
