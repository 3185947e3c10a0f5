//! How much room drafts take: the quota, the warning threshold and the room per draft.

use super::DraftStore;
use crate::keys::{self, Key};
use crate::record::{self, Decoded};
use crate::StoreError;
use crossroads_workbook::order;

/// Local storage holds about this many characters (UTF-16 code units) per site in current
/// browsers; Crossroads warns well before it.
pub const QUOTA_UNITS: usize = 5_000_000;

/// Room taken by one draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftUsage {
    /// The draft id.
    pub id: String,
    /// Its title, or "" when its head cannot be read.
    pub title: String,
    /// Characters of the draft itself.
    pub draft: usize,
    /// Characters of its history.
    pub history: usize,
    /// Only answers or history are stored, no head: the leftovers of an unfinished save.
    pub orphan: bool,
}

/// How much of local storage is in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Characters in use by every key of this site, Crossroads' or not.
    pub used: usize,
    /// Room per draft, largest first.
    pub drafts: Vec<DraftUsage>,
}

impl Usage {
    /// Use as a whole percentage of [`QUOTA_UNITS`].
    pub fn percent(&self) -> usize {
        (self.used * 100 / QUOTA_UNITS).min(100)
    }
}

/// Whether storage is filling up: at or past this share of the quota the team is warned.
pub const WARN_PERCENT: usize = 80;

pub(super) fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl DraftStore {
    /// Characters in use by every key of this site.
    pub fn used_units(&self) -> Result<usize, StoreError> {
        self.kv.used_units()
    }

    /// How much room is in use, and by which draft.
    pub fn usage(&self) -> Result<Usage, StoreError> {
        // A list rather than a map by id: one type fewer in the WebAssembly. Sorted by id below,
        // as the map kept it, before the sort by size.
        let mut drafts: Vec<DraftUsage> = Vec::new();
        let mut used = 0;
        for key in self.kv.keys()? {
            let value = self.kv.get(&key)?.unwrap_or_default();
            let size = units(&key) + units(&value);
            used += size;
            match keys::parse(&key) {
                Key::Draft(id) => {
                    let entry = usage_of(&mut drafts, id);
                    entry.draft += size;
                    entry.orphan = false;
                    entry.title = match record::decode(&value) {
                        Decoded::Current(h) | Decoded::Newer { head: Some(h), .. } => h.draft.title,
                        Decoded::Legacy(d) => d.title,
                        _ => String::new(),
                    };
                }
                Key::Answer { draft, .. } => usage_of(&mut drafts, draft).draft += size,
                Key::Premigration(draft) => {
                    let entry = usage_of(&mut drafts, draft);
                    entry.draft += size;
                    entry.orphan = false;
                }
                Key::History(id) => usage_of(&mut drafts, id).history += size,
                Key::Meta | Key::Doc(..) | Key::Other => {}
            }
        }
        // Largest first; drafts of the same size by id.
        order::sort_by(&mut drafts, |a, b| {
            (b.draft + b.history)
                .cmp(&(a.draft + a.history))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(Usage { used, drafts })
    }
}

fn usage_of<'a>(drafts: &'a mut Vec<DraftUsage>, id: &str) -> &'a mut DraftUsage {
    let at = match drafts.iter().position(|d| d.id == id) {
        Some(at) => at,
        None => {
            drafts.push(DraftUsage {
                id: id.to_string(),
                title: String::new(),
                draft: 0,
                history: 0,
                orphan: true,
            });
            drafts.len() - 1
        }
    };
    &mut drafts[at]
}
