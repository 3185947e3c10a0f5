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
    /// The share of local storage kept for reviewers' records is used up; the rest stays free
    /// for the teams' drafts.
    OverBudget {
        /// Characters the records of that kind may take together.
        budget: usize,
    },
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

impl StoreError {
    /// The reason in plain words, about a record people call `noun` ("draft", "plan").
    pub fn reason(&self, noun: &str) -> String {
        match self {
            StoreError::Unavailable => {
                "this browser is not letting Crossroads use its storage".to_string()
            }
            StoreError::Full => "this browser's storage for Crossroads is full".to_string(),
            StoreError::OverBudget { budget } => format!(
                "the room this browser keeps for competitions and score sheets ({} characters) is used up; \
                 the rest is kept free for school teams' drafts. Export and delete a competition or a \
                 score sheet you no longer need",
                budget
            ),
            StoreError::WriteFailed(detail) => format!("the browser refused to save ({detail})"),
            StoreError::Protected(why) => why.reason(noun),
            StoreError::Missing => format!("this {noun} is no longer in this browser"),
            StoreError::Conflict { .. } => {
                format!("this {noun} was also changed in another tab or window")
            }
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason("draft"))
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

impl Protection {
    /// The reason in plain words, about a record people call `noun`.
    pub fn reason(&self, noun: &str) -> String {
        match self {
            Protection::NewerVersion => format!(
                "a newer version of Crossroads saved this {noun}, so this one will not change it"
            ),
            Protection::Damaged => format!(
                "the stored copy of this {noun} is damaged and is kept exactly as it is, so that nothing is lost"
            ),
            Protection::DamagedHistory(e) => format!(
                "the history of this {noun} is damaged and is kept as it is ({e})"
            ),
            Protection::IdTaken => format!("a {noun} with that id already exists"),
            Protection::UnreadableLeftovers(reason) => {
                format!("the leftovers cannot be read: {reason}")
            }
        }
    }
}

impl fmt::Display for Protection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason("draft"))
    }
}
