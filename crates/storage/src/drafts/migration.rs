//! Settling what a closed tab left half done: unfinished migrations and orphaned answers.

use super::{DraftStore, Entry, HeadState};
use crate::error::Protection;
use crate::keys::{self, Key};
use crate::record::Head;
use crate::StoreError;
use crossroads_workbook::Draft;
use std::collections::BTreeSet;

impl DraftStore {
    /// Finishes or undoes migrations a closed tab left half done. Returns how many it settled.
    pub fn recover(&self) -> Result<usize, StoreError> {
        let mut settled = 0;
        for key in self.kv.keys()? {
            let Key::Premigration(id) = keys::parse(&key) else {
                continue;
            };
            match self.head_state(id)? {
                // The migrated draft was written (it was read back before the old copy could go).
                HeadState::At(_) if matches!(self.load(id)?, Some(Entry::Editable { .. })) => {
                    self.kv.remove(&key)?;
                    settled += 1;
                }
                // The old record is still in place: the migration never began writing it.
                HeadState::Legacy => {
                    self.kv.remove(&key)?;
                    settled += 1;
                }
                // The draft's record went missing: put the old one back.
                HeadState::Gone => {
                    if let Some(raw) = self.kv.get(&key)? {
                        self.write(&keys::draft(id), &raw)?;
                        self.kv.remove(&key)?;
                        settled += 1;
                    }
                }
                // Anything else is left exactly as it is, and travels in backups.
                _ => {}
            }
        }
        Ok(settled)
    }

    /// Drafts of which answers are stored with no head: what an unfinished save of an older
    /// build left behind. They are not listed with the drafts.
    pub fn orphans(&self) -> Result<Vec<String>, StoreError> {
        let mut with_head = BTreeSet::new();
        let mut others = BTreeSet::new();
        for key in self.kv.keys()? {
            match keys::parse(&key) {
                Key::Draft(id) | Key::Premigration(id) => {
                    with_head.insert(id.to_string());
                }
                Key::Answer { draft, .. } => {
                    others.insert(draft.to_string());
                }
                Key::History(_) | Key::Meta | Key::Doc(..) | Key::Other => {}
            }
        }
        Ok(others.difference(&with_head).cloned().collect())
    }

    /// Makes the leftovers of an unfinished save under `id` a draft again, titled `title`.
    pub fn recover_orphan(&self, id: &str, title: &str, now_ms: u64) -> Result<Draft, StoreError> {
        if !self.orphans()?.iter().any(|o| o == id) {
            return Err(StoreError::Missing);
        }
        let answers = self
            .answers(id)?
            .map_err(|reason| StoreError::Protected(Protection::UnreadableLeftovers(reason)))?;
        let draft = Draft {
            answers,
            ..Draft::new(id, title, now_ms)
        };
        self.write(
            &keys::draft(id),
            &Head::new(&draft, 1, &self.writer).encode(),
        )?;
        Ok(draft)
    }
}
