//! The desk's stored records and the rules about them: pure, no browser.

use crate::Protection;
use crossroads_workbook::Draft;
use serde::{Deserialize, Serialize};

/// The version of the desk's record format this build writes. A record with a higher `schema`
/// is listed as newer and never written or removed by this build.
pub const DESK_SCHEMA: u32 = 1;

const SAVED_BY: &str = concat!("crossroads ", env!("CARGO_PKG_VERSION"));

/// What the desk's list shows of a proposal without reading its file again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The proposal's title as the team wrote it (may be blank).
    pub title: String,
    /// The school's name from the team profile, or "".
    #[serde(default)]
    pub school: String,
    /// The district's brief the proposal answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<BriefRef>,
    /// When the team exported the file, if the file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_ms: Option<u64>,
}

/// Which brief, in which version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefRef {
    /// The brief's id.
    pub id: String,
    /// Its version.
    pub version: u32,
}

impl Summary {
    /// The summary of a proposal read from a file.
    ///
    /// ```
    /// use crossroads_storage::desk::Summary;
    /// use crossroads_workbook::Draft;
    ///
    /// let draft = Draft::new("d1", "Learning studios", 1);
    /// let summary = Summary::of(&draft, Some(1_763_900_000_000));
    /// assert_eq!(summary.title, "Learning studios");
    /// assert_eq!(summary.exported_ms, Some(1_763_900_000_000));
    /// ```
    pub fn of(draft: &Draft, exported_ms: Option<u64>) -> Self {
        Summary {
            title: draft.title.clone(),
            school: draft.school().to_string(),
            brief: draft.brief.as_ref().map(|b| BriefRef {
                id: b.id.clone(),
                version: b.version,
            }),
            exported_ms,
        }
    }

    /// The title to show: the team's title, or a placeholder when it is blank.
    pub fn display_title(&self) -> &str {
        match self.title.trim() {
            "" => "Untitled proposal",
            title => title,
        }
    }
}

/// FNV-1a (64 bits) of `text`, in hex: the fingerprint a record keeps of its file's text.
pub(crate) fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A proposal file about to be put on the desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub(crate) id: String,
    pub(crate) file_name: String,
    pub(crate) imported_ms: u64,
    pub(crate) summary: Summary,
    pub(crate) text: String,
    pub(crate) fingerprint: String,
}

impl Incoming {
    /// A file's text, as read, with what was learnt from it: `id` is the proposal's draft id
    /// (the desk keeps one proposal per id), `summary` what the list shows.
    ///
    /// ```
    /// use crossroads_storage::desk::{Incoming, Summary};
    ///
    /// let incoming = Incoming::new("d1", "studios.json", "{…}", 1_700_000_000_000, Summary::default());
    /// assert_eq!(incoming.id(), "d1");
    /// ```
    pub fn new(id: &str, file_name: &str, text: &str, imported_ms: u64, summary: Summary) -> Self {
        Incoming {
            id: id.to_string(),
            file_name: file_name.to_string(),
            imported_ms,
            summary,
            fingerprint: fingerprint(text),
            text: text.to_string(),
        }
    }

    /// The proposal's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the list will show.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The file's name.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }
}

/// A proposal on the desk, as its record says (its file's text is read on its own, by
/// [`crate::desk::Desk::text`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The proposal's id (its draft's id).
    pub id: String,
    /// The name of the file it was imported from.
    pub file_name: String,
    /// When it was put on the desk.
    pub imported_ms: u64,
    /// What the list shows.
    pub summary: Summary,
    /// The size of the file's text in bytes (UTF-8).
    pub text_bytes: u64,
    /// Which version of Crossroads wrote the record.
    pub saved_by: String,
    pub(crate) revision: u64,
    pub(crate) fingerprint: String,
}

/// One record of the desk as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskEntry {
    /// Readable and writable by this build.
    Kept(Proposal),
    /// Written by a newer version of Crossroads: listed by id, never written or removed.
    Newer {
        /// The id it is stored under.
        id: String,
        /// The schema it was written in.
        schema: u32,
    },
    /// Cannot be read: kept byte for byte, never written or removed.
    Damaged {
        /// The id it is stored under.
        id: String,
        /// What is wrong, in plain words.
        reason: String,
    },
}

impl DeskEntry {
    /// The id it is stored under.
    pub fn id(&self) -> &str {
        match self {
            DeskEntry::Kept(p) => &p.id,
            DeskEntry::Newer { id, .. } | DeskEntry::Damaged { id, .. } => id,
        }
    }

    /// The proposal, when it can be opened.
    pub fn proposal(&self) -> Option<&Proposal> {
        match self {
            DeskEntry::Kept(p) => Some(p),
            _ => None,
        }
    }

    /// Why it must be left as it is, when it must.
    pub(crate) fn protection(&self) -> Option<Protection> {
        match self {
            DeskEntry::Kept(_) => None,
            DeskEntry::Newer { .. } => Some(Protection::NewerVersion),
            DeskEntry::Damaged { .. } => Some(Protection::Damaged),
        }
    }
}

#[derive(Serialize)]
struct RecordOut<'a> {
    schema: u32,
    saved_by: &'a str,
    id: &'a str,
    revision: u64,
    file_name: &'a str,
    imported_ms: u64,
    text_bytes: u64,
    text_fnv1a64: &'a str,
    summary: &'a Summary,
}

#[derive(Deserialize)]
struct Probe {
    schema: u32,
    #[serde(default)]
    imported_ms: Option<u64>,
}

#[derive(Deserialize)]
struct RecordIn {
    saved_by: String,
    id: String,
    revision: u64,
    file_name: String,
    imported_ms: u64,
    text_bytes: u64,
    text_fnv1a64: String,
    summary: Summary,
}

/// The record (the small one the list reads) of `incoming` at `revision`.
pub(crate) fn encode(incoming: &Incoming, revision: u64) -> String {
    serde_json::to_string(&RecordOut {
        schema: DESK_SCHEMA,
        saved_by: SAVED_BY,
        id: &incoming.id,
        revision,
        file_name: &incoming.file_name,
        imported_ms: incoming.imported_ms,
        text_bytes: incoming.text.len() as u64,
        text_fnv1a64: &incoming.fingerprint,
        summary: &incoming.summary,
    })
    .expect("a desk record always serializes")
}

/// The entry stored under `id` as `raw` (`None`: a value that is not text), with the time it
/// was imported when that can be read (for the list's order).
pub(crate) fn decode(id: &str, raw: Option<&str>) -> (DeskEntry, Option<u64>) {
    let damaged = |reason: String| DeskEntry::Damaged {
        id: id.to_string(),
        reason,
    };
    let Some(raw) = raw else {
        return (damaged("it is not text".to_string()), None);
    };
    let probe = match serde_json::from_str::<Probe>(raw) {
        Ok(probe) => probe,
        Err(e) => return (damaged(format!("it cannot be read ({e})")), None),
    };
    if probe.schema > DESK_SCHEMA {
        let entry = DeskEntry::Newer {
            id: id.to_string(),
            schema: probe.schema,
        };
        return (entry, probe.imported_ms);
    }
    match serde_json::from_str::<RecordIn>(raw) {
        Err(e) => (
            damaged(format!("it cannot be read ({e})")),
            probe.imported_ms,
        ),
        Ok(record) if record.id != id => (
            damaged("the record inside belongs to another id".to_string()),
            probe.imported_ms,
        ),
        Ok(r) => (
            DeskEntry::Kept(Proposal {
                id: r.id,
                file_name: r.file_name,
                imported_ms: r.imported_ms,
                summary: r.summary,
                text_bytes: r.text_bytes,
                saved_by: r.saved_by,
                revision: r.revision,
                fingerprint: r.text_fnv1a64,
            }),
            Some(r.imported_ms),
        ),
    }
}

/// Whether `text` is the text `proposal`'s record describes.
pub(crate) fn text_matches(proposal: &Proposal, text: &str) -> bool {
    text.len() as u64 == proposal.text_bytes && fingerprint(text) == proposal.fingerprint
}

/// Sorts entries by the time they were imported (oldest first, then by id); entries whose
/// time cannot be read come last, by id.
pub(crate) fn sort(entries: &mut [(DeskEntry, Option<u64>)]) {
    entries.sort_by(|(a, at), (b, bt)| {
        let key = |t: &Option<u64>| t.unwrap_or(u64::MAX);
        key(at).cmp(&key(bt)).then_with(|| a.id().cmp(b.id()))
    });
}

/// Which copy of a proposal the reviewer is offered first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The one on the desk.
    Kept,
    /// The one in the file just opened.
    Incoming,
}

/// A file whose proposal is on the desk already, with other text: the reviewer chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The proposal on the desk (pass it to [`crate::desk::Desk::replace`] to take the file's).
    pub kept: Proposal,
    /// What the file holds.
    pub incoming: Summary,
    /// The copy exported later, offered first (the one on the desk when neither says, or both
    /// say the same time).
    pub first: Side,
}

/// What a file means for the desk, before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// No proposal with its id is on the desk.
    New,
    /// The same proposal, with the same text, is on the desk already.
    AlreadyHere(Proposal),
    /// Another copy of the proposal is on the desk: the reviewer chooses.
    Differs(Choice),
    /// The record under its id must be left as it is.
    Protected(Protection),
}

/// What `incoming` means for the desk where `stored` is the entry under its id (if any).
///
/// ```
/// use crossroads_storage::desk::{arrival, Arrival, Incoming, Summary};
///
/// let file = Incoming::new("d1", "a.json", "{…}", 5, Summary::default());
/// assert_eq!(arrival(None, &file), Arrival::New);
/// ```
pub fn arrival(stored: Option<&DeskEntry>, incoming: &Incoming) -> Arrival {
    match stored {
        None => Arrival::New,
        Some(DeskEntry::Kept(kept)) => {
            if kept.fingerprint == incoming.fingerprint
                && kept.text_bytes == incoming.text.len() as u64
            {
                Arrival::AlreadyHere(kept.clone())
            } else {
                let first = match (kept.summary.exported_ms, incoming.summary.exported_ms) {
                    (Some(k), Some(i)) if i > k => Side::Incoming,
                    (None, Some(_)) => Side::Incoming,
                    _ => Side::Kept,
                };
                Arrival::Differs(Choice {
                    kept: kept.clone(),
                    incoming: incoming.summary.clone(),
                    first,
                })
            }
        }
        Some(other) => Arrival::Protected(
            other
                .protection()
                .expect("an entry that is not kept is protected"),
        ),
    }
}

/// The reason a desk operation failed, in plain words for the reviewer, saying what became of
/// the proposals (a full storage loses nothing: the file was not added, the desk is as it was).
///
/// ```
/// use crossroads_storage::{desk, StoreError};
///
/// assert!(desk::reason(&StoreError::Full).contains("full"));
/// ```
pub fn reason(error: &crate::StoreError) -> String {
    match error {
        crate::StoreError::Full => "this browser's storage for the reviewer's desk is full. \
            Nothing was changed: every proposal already on the desk is kept. Remove proposals \
            you have finished with, then open the file again."
            .to_string(),
        crate::StoreError::Unavailable => {
            "this browser is not letting the reviewer's desk keep proposals (it may be in a \
             private window). The proposals can still be read, until this page is closed."
                .to_string()
        }
        other => other.reason("proposal"),
    }
}
