//! Checked records and their rules: a draft read whole, its id and revision, what cannot be read.

use super::Unreadable;
use crate::keys::{self, Key};
use crate::record::{self, Decoded, Head};
use crossroads_workbook::{Draft, History};
use std::collections::BTreeMap;

/// The draft and history under `id`, when every one of its records reads in this build's format.
pub(super) fn whole_draft(id: &str, records: &[(String, String)]) -> Option<(Draft, History)> {
    let mut head = None;
    let mut answers = BTreeMap::new();
    let mut history = History::default();
    for (key, raw) in records {
        match keys::parse(key) {
            Key::Draft(_) => match record::decode(raw) {
                Decoded::Current(h) => head = Some(with_id(h, id)),
                _ => return None,
            },
            Key::Answer { prompt, .. } => {
                answers.insert(prompt.to_string(), record::decode_answer(raw).ok()?);
            }
            Key::History(_) => history = record::decode_history(raw).ok()?,
            _ => return None,
        }
    }
    Some((head?.draft.into_draft(answers), history))
}

/// The revision of a draft written again after its head vanished (deleted in another tab):
/// far past `base`, by an amount that depends on the writer, so that two tabs that both write
/// it again, each from the revision it knew, never produce the same revision, and a tab that
/// knew the old draft at some revision cannot take the new one for it.
pub(super) fn revision_after_vanishing(base: u64, writer: &str) -> u64 {
    if base == 0 {
        return 1;
    }
    // FNV-1a: a stable spread of the writer's name.
    let hash = writer.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    base + 1 + (1 << 20) + hash % (1 << 20)
}

/// The key is a head's identity: a record copied under another key is that key's.
pub(super) fn with_id(mut head: Head, id: &str) -> Head {
    head.draft.id = id.to_string();
    head
}

pub(super) fn unreadable(id: &str, reason: String, raw: &str) -> Unreadable {
    Unreadable {
        id: id.to_string(),
        reason,
        size: raw.chars().count(),
    }
}

pub(super) fn too_new(id: &str, schema: u32, raw: &str) -> Unreadable {
    unreadable(
        id,
        format!(
            "it was saved by a newer version of Crossroads (format {schema}) that this version cannot read"
        ),
        raw,
    )
}
