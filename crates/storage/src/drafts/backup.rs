//! Backups: what a backup holds, when to remind the team to make one, and restoring from one.

use super::checked::whole_draft;
use super::{DraftStore, DraftSummary};
use crate::keys::{self, Key};
use crate::record::AppMeta;
use crate::StoreError;
use crossroads_workbook::{order, Draft, History};
use std::collections::BTreeMap;

/// Everything a backup holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupContents {
    /// Every readable draft with its history.
    pub drafts: Vec<(Draft, History)>,
    /// Every record that cannot be read, byte for byte, by key.
    pub unreadable: Vec<(String, String)>,
}

/// What adding a draft from a backup did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    /// It was not here and now is.
    Added,
    /// The same draft, with the same content, is already here.
    AlreadyHere,
    /// A draft with the same id but other content is here: it was left alone.
    Differs,
}

/// How long drafts may go without a backup before the home screen reminds the team.
pub const BACKUP_REMINDER_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// Whether to remind the team to back up where the browser may delete its data on its own
/// (Safari's seven days): whenever some draft holds work no backup has, so that every working
/// session ends with one.
pub fn backup_due_every_session(last_backup_ms: Option<u64>, drafts: &[DraftSummary]) -> bool {
    drafts
        .iter()
        .any(|d| last_backup_ms.is_none_or(|b| d.updated_ms > b))
}

/// Whether to remind the team to back up: some draft holds work no backup has, and the last
/// backup (or, if there never was one, the oldest such draft) is a week old or more.
pub fn backup_due(last_backup_ms: Option<u64>, drafts: &[DraftSummary], now_ms: u64) -> bool {
    let unbacked = drafts
        .iter()
        .filter(|d| last_backup_ms.is_none_or(|b| d.updated_ms > b));
    let since = match last_backup_ms {
        Some(backup) => unbacked.map(|_| backup).next(),
        None => unbacked.map(|d| d.created_ms).min(),
    };
    since.is_some_and(|since| now_ms.saturating_sub(since) >= BACKUP_REMINDER_MS)
}

impl DraftStore {
    fn meta(&self) -> AppMeta {
        self.kv
            .get(keys::META)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    /// When the team last downloaded a backup of every draft, if ever.
    pub fn last_backup_ms(&self) -> Option<u64> {
        self.meta().last_backup_ms
    }

    /// Notes that a backup of every draft was just downloaded.
    pub fn record_backup(&self, now_ms: u64) -> Result<(), StoreError> {
        let mut meta = self.meta();
        meta.last_backup_ms = Some(now_ms);
        self.write(
            keys::META,
            &serde_json::to_string(&meta).expect("meta serializes"),
        )
    }

    /// Every draft with its history, and every record that cannot be read, for a backup.
    ///
    /// A draft goes in as data only when all of it reads: its head in this build's format, every
    /// answer, its history. Any other draft (damaged, from a newer version, in the older format,
    /// with an answer this build does not know, a damaged history, a leftover of an unfinished
    /// save) goes in as its records, byte for byte, so that nothing a newer build or a later fix
    /// could read is lost. Making a backup writes nothing.
    pub fn backup_contents(&self) -> Result<BackupContents, StoreError> {
        let mut groups: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for key in self.kv.keys()? {
            let Some(id) = keys::parse(&key).draft_id().map(str::to_string) else {
                continue;
            };
            if let Some(raw) = self.kv.get(&key)? {
                groups.entry(id).or_default().push((key, raw));
            }
        }
        let mut contents = BackupContents::default();
        for (id, mut records) in groups {
            match whole_draft(&id, &records) {
                Some(readable) => contents.drafts.push(readable),
                None => {
                    // The head first, so a reader of the file sees what the records belong to.
                    order::sort_by_key(&mut records, |(k, _)| {
                        !matches!(keys::parse(k), Key::Draft(_))
                    });
                    contents.unreadable.extend(records);
                }
            }
        }
        order::sort_by(&mut contents.drafts, |a, b| {
            b.0.updated_ms
                .cmp(&a.0.updated_ms)
                .then(a.0.id.cmp(&b.0.id))
        });
        Ok(contents)
    }

    /// Adds what a backup holds, never changing anything already here: readable drafts are
    /// added with their history unless their id is taken; records kept byte for byte are put
    /// back under their own draft's id, all of a draft or none, only when no record of that
    /// draft is here. Records that are not a draft's (the app's own settings, other sites'
    /// keys) and ids that could not have been written by Crossroads are refused. Stops at the
    /// first write that fails; what was added before stays, and the report says so.
    pub fn restore_backup(&self, contents: &BackupContents) -> RestoreReport {
        let mut report = RestoreReport::default();
        for (draft, history) in &contents.drafts {
            match self.restore(draft, history) {
                Ok(Restored::Added) => report.added += 1,
                Ok(Restored::AlreadyHere) => report.already_here += 1,
                Ok(Restored::Differs) => report.differing.push((draft.clone(), history.clone())),
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            }
        }
        // Keyed by an owned id, the same map type as `backup_contents`': one copy of its code.
        let mut groups: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for (key, raw) in &contents.unreadable {
            match keys::parse(key).draft_id() {
                Some(id) if crossroads_workbook::valid_draft_id(id) => groups
                    .entry(id.to_string())
                    .or_default()
                    .push((key.clone(), raw.clone())),
                Some(_) => report.refused.push(format!(
                    "a record named \u{201c}{key}\u{201d}, a name Crossroads never gives a draft"
                )),
                None if matches!(keys::parse(key), Key::Meta) => report.refused.push(
                    "Crossroads\u{2019} own settings (when you last made a backup): a restore never changes them"
                        .to_string(),
                ),
                None => report.refused.push(format!(
                    "a record named \u{201c}{key}\u{201d}, which is not part of any draft"
                )),
            }
        }
        for (id, records) in groups {
            let here = match self.keys_of(&id) {
                Ok(keys) => keys,
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            };
            if !here.is_empty() {
                let same = records.len() == here.len()
                    && records
                        .iter()
                        .all(|(k, v)| self.kv.get(k).ok().flatten().as_ref() == Some(v));
                if same {
                    report.raw_already_here += 1;
                } else {
                    report.refused.push(format!(
                        "a draft that cannot be opened (stored as \u{201c}{id}\u{201d}), because a draft stored under \
                         the same name is already here; the one here was left alone"
                    ));
                }
                continue;
            }
            match self.write_all(&records) {
                Ok(()) => report.raw_added += 1,
                Err(e) => {
                    report.stopped = Some(e);
                    return report;
                }
            }
        }
        report
    }

    /// Adds a draft from a backup, with its history, unless a draft with its id is here already
    /// (then it says whether that one is the same). All or nothing: a history that does not fit
    /// takes the draft back out.
    pub fn restore(&self, draft: &Draft, history: &History) -> Result<Restored, StoreError> {
        if self.occupied(&draft.id)? {
            let same = self.load(&draft.id)?.is_some_and(|entry| {
                entry
                    .draft()
                    .is_some_and(|d| d.title == draft.title && d.answers == draft.answers)
            });
            return Ok(if same {
                Restored::AlreadyHere
            } else {
                Restored::Differs
            });
        }
        self.add(draft.clone())?;
        if !history.snapshots().is_empty() {
            if let Err(e) = self.save_history(&draft.id, history) {
                for key in self.keys_of(&draft.id)? {
                    let _ = self.kv.remove(&key);
                }
                return Err(e);
            }
        }
        Ok(Restored::Added)
    }
}

/// What a restore from a backup did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestoreReport {
    /// Readable drafts added.
    pub added: usize,
    /// Readable drafts already here, the same.
    pub already_here: usize,
    /// Readable drafts whose id is taken by another draft here, with their history; they were
    /// left out and can be added as copies.
    pub differing: Vec<(Draft, History)>,
    /// Drafts put back byte for byte.
    pub raw_added: usize,
    /// Drafts kept byte for byte that were already here, the same.
    pub raw_already_here: usize,
    /// Records left out, each with why, in plain words.
    pub refused: Vec<String>,
    /// The write that failed, when the restore stopped before the end.
    pub stopped: Option<StoreError>,
}

impl RestoreReport {
    /// Whether the restore changed anything in this browser.
    pub fn changed_anything(&self) -> bool {
        self.added + self.raw_added > 0
    }
}
