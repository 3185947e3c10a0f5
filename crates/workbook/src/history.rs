//! Earlier versions of a draft, so a team can look back and restore one.
//!
//! A snapshot is taken when the team moves to another section and every few minutes while it
//! edits, but only when something changed. Answers that did not change between snapshots are
//! kept once (by content), so history costs little more than what changed. The oldest
//! snapshots give way when there are more than [`History::MAX_SNAPSHOTS`] or they hold more
//! than [`History::MAX_UNITS`] characters; the newest is always kept.

use crate::draft::{Answer, Draft};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The team moved to another section.
    SectionChange,
    /// A few minutes of editing passed.
    Editing,
    /// Just before an earlier version was restored, so the restore can be undone.
    BeforeRestore,
}

impl Reason {
    /// How the reason reads in the list of versions.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::SectionChange => "Moved to another section",
            Reason::Editing => "While editing",
            Reason::BeforeRestore => "Just before a restore",
        }
    }
}

/// One earlier version of a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken (milliseconds since the Unix epoch).
    pub taken_ms: u64,
    /// Why it was taken.
    pub reason: Reason,
    /// The draft's title then.
    pub title: String,
    /// The draft's last edit then.
    #[serde(default)]
    pub updated_ms: u64,
    /// Each answer, by the id of its content in [`History`]'s store.
    pub answers: BTreeMap<String, String>,
}

/// The earlier versions of one draft, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(default)]
    snapshots: Vec<Snapshot>,
    /// Answer contents by id, shared by every snapshot that holds them.
    #[serde(default)]
    contents: BTreeMap<String, Answer>,
}

impl History {
    /// The most snapshots kept.
    pub const MAX_SNAPSHOTS: usize = 30;
    /// The most characters of answers history keeps (the newest snapshot is kept regardless).
    pub const MAX_UNITS: usize = 1_500_000;
    /// How long editing goes on before another snapshot is taken.
    pub const EDITING_INTERVAL_MS: u64 = 5 * 60 * 1000;

    /// The snapshots, oldest first.
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// The newest snapshot.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }

    /// Whether a snapshot for `reason` should be taken of `draft` now.
    pub fn wants(&self, draft: &Draft, reason: Reason, now_ms: u64) -> bool {
        let Some(latest) = self.latest() else {
            return true;
        };
        // The clock first: comparing a large draft costs more than reading the time.
        match reason {
            // Always kept, so the restore that follows can be undone by name.
            Reason::BeforeRestore => true,
            Reason::SectionChange => !self.matches(latest, draft),
            Reason::Editing => {
                now_ms.saturating_sub(latest.taken_ms) >= Self::EDITING_INTERVAL_MS
                    && !self.matches(latest, draft)
            }
        }
    }

    /// Takes a snapshot of `draft` if [`History::wants`] one; returns whether it did.
    pub fn record(&mut self, draft: &Draft, reason: Reason, now_ms: u64) -> bool {
        if !self.wants(draft, reason, now_ms) {
            return false;
        }
        // Inserted one by one: `collect` into a map sorts, and a sort is a lot of code.
        let mut answers = BTreeMap::new();
        for (prompt, answer) in &draft.answers {
            answers.insert(prompt.clone(), self.store(answer));
        }
        self.snapshots.push(Snapshot {
            taken_ms: now_ms,
            reason,
            title: draft.title.clone(),
            updated_ms: draft.updated_ms,
            answers,
        });
        self.trim();
        true
    }

    /// The draft as it was at snapshot `index`: `current` with that snapshot's title and answers.
    pub fn version(&self, index: usize, current: &Draft) -> Option<Draft> {
        let snapshot = self.snapshots.get(index)?;
        let mut answers = BTreeMap::new();
        for (prompt, id) in &snapshot.answers {
            if let Some(answer) = self.contents.get(id) {
                answers.insert(prompt.clone(), answer.clone());
            }
        }
        Some(Draft {
            title: snapshot.title.clone(),
            answers,
            ..current.clone()
        })
    }

    /// Characters of answer text held, as local storage counts them (roughly).
    pub fn units(&self) -> usize {
        self.contents.values().map(answer_units).sum()
    }

    fn matches(&self, snapshot: &Snapshot, draft: &Draft) -> bool {
        snapshot.title == draft.title
            && snapshot.answers.len() == draft.answers.len()
            && draft.answers.iter().all(|(prompt, answer)| {
                snapshot
                    .answers
                    .get(prompt)
                    .and_then(|id| self.contents.get(id))
                    == Some(answer)
            })
    }

    /// Keeps `answer` once and returns its id.
    fn store(&mut self, answer: &Answer) -> String {
        let base = content_id(answer);
        let mut id = base.clone();
        let mut n = 1;
        // Two different answers with one hash: give the second its own id.
        while let Some(existing) = self.contents.get(&id) {
            if existing == answer {
                return id;
            }
            id = format!("{base}.{n}");
            n += 1;
        }
        self.contents.insert(id.clone(), answer.clone());
        id
    }

    fn trim(&mut self) {
        while self.snapshots.len() > Self::MAX_SNAPSHOTS {
            self.snapshots.remove(0);
        }
        self.collect_garbage();
        while self.snapshots.len() > 1 && self.units() > Self::MAX_UNITS {
            self.snapshots.remove(0);
            self.collect_garbage();
        }
    }

    fn collect_garbage(&mut self) {
        let mut used = std::collections::BTreeSet::new();
        for id in self.snapshots.iter().flat_map(|s| s.answers.values()) {
            used.insert(id);
        }
        self.contents.retain(|id, _| used.contains(id));
    }
}

fn answer_units(answer: &Answer) -> usize {
    let units = |s: &str| s.encode_utf16().count();
    match answer {
        Answer::Text(s) | Answer::Choice(s) => units(s),
        Answer::Checklist(items) => items.iter().map(|s| units(s)).sum(),
        Answer::Rows(rows) => rows
            .iter()
            .flat_map(|r| r.iter())
            .map(|(k, v)| units(k) + units(v))
            .sum(),
    }
}

/// A 64-bit FNV-1a hash of the answer's content, as hex.
fn content_id(answer: &Answer) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator no UTF-8 text contains, so ["ab","c"] and ["a","bc"] differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    match answer {
        Answer::Text(s) => {
            feed(b"t");
            feed(s.as_bytes());
        }
        Answer::Choice(s) => {
            feed(b"c");
            feed(s.as_bytes());
        }
        Answer::Checklist(items) => {
            feed(b"l");
            items.iter().for_each(|s| feed(s.as_bytes()));
        }
        Answer::Rows(rows) => {
            feed(b"r");
            for row in rows {
                feed(b"row");
                for (k, v) in row {
                    feed(k.as_bytes());
                    feed(v.as_bytes());
                }
            }
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: u64 = 60 * 1000;

    fn draft(meaning: &str) -> Draft {
        let mut d = Draft::new("d", "Studios", 0);
        d.set_answer("problems.meaning", Answer::Text(meaning.into()));
        d.set_answer("profile.school", Answer::Text("Lincoln".into()));
        d
    }

    #[test]
    fn snapshots_only_when_something_changed() {
        let mut h = History::default();
        assert!(
            h.record(&draft("a"), Reason::SectionChange, 0),
            "the first is always taken"
        );
        assert!(
            !h.record(&draft("a"), Reason::SectionChange, MIN),
            "nothing changed"
        );
        assert!(h.record(&draft("b"), Reason::SectionChange, 2 * MIN));
        let mut renamed = draft("b");
        renamed.title = "Studios 2".into();
        assert!(
            h.record(&renamed, Reason::SectionChange, 3 * MIN),
            "a new title counts"
        );
        assert_eq!(h.snapshots().len(), 3);
    }

    #[test]
    fn editing_snapshots_wait_for_the_interval() {
        let mut h = History::default();
        h.record(&draft("a"), Reason::Editing, 0);
        assert!(!h.record(&draft("ab"), Reason::Editing, 4 * MIN));
        assert!(h.record(&draft("abc"), Reason::Editing, 5 * MIN));
        assert!(
            !h.record(&draft("abc"), Reason::Editing, 20 * MIN),
            "unchanged"
        );
    }

    #[test]
    fn versions_come_back_as_they_were() {
        let mut h = History::default();
        let first = draft("first");
        h.record(&first, Reason::SectionChange, 0);
        let mut later = draft("second");
        later.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        later.updated_ms = 99;
        h.record(&later, Reason::SectionChange, MIN);
        let restored = h.version(0, &later).unwrap();
        assert_eq!(restored.answers, first.answers);
        assert_eq!(restored.id, later.id);
        assert_eq!(h.version(1, &first).unwrap().answers, later.answers);
        assert!(h.version(2, &first).is_none());
    }

    #[test]
    fn unchanged_answers_are_kept_once() {
        let mut h = History::default();
        let mut d = draft("x");
        d.set_answer("learning.knowledge", Answer::Text("k".repeat(10_000)));
        for i in 0..5 {
            d.set_answer("problems.meaning", Answer::Text(format!("edit {i}")));
            h.record(&d, Reason::SectionChange, i * MIN);
        }
        assert_eq!(h.snapshots().len(), 5);
        assert!(
            h.units() < 10_000 + 200,
            "the long answer is stored once: {}",
            h.units()
        );
    }

    #[test]
    fn the_oldest_give_way_to_the_caps_but_the_newest_stays() {
        let mut h = History::default();
        for i in 0..(History::MAX_SNAPSHOTS as u64 + 5) {
            h.record(&draft(&format!("v{i}")), Reason::SectionChange, i * MIN);
        }
        assert_eq!(h.snapshots().len(), History::MAX_SNAPSHOTS);
        assert_eq!(h.snapshots()[0].taken_ms, 5 * MIN, "the five oldest went");

        let mut big = History::default();
        for i in 0..4 {
            big.record(
                &draft(&i.to_string().repeat(600_000)),
                Reason::SectionChange,
                i * MIN,
            );
        }
        assert!(big.units() <= History::MAX_UNITS);
        assert_eq!(big.snapshots().len(), 2);
        let mut huge = History::default();
        huge.record(&draft(&"h".repeat(2_000_000)), Reason::SectionChange, 0);
        assert_eq!(
            huge.snapshots().len(),
            1,
            "the newest is kept even over the cap"
        );
    }

    #[test]
    fn different_answers_never_share_an_id() {
        let mut h = History::default();
        let a = Answer::Text("a".into());
        let id = h.store(&a);
        // Force a collision: the same id holding other content.
        h.contents.insert(
            content_id(&Answer::Text("b".into())),
            Answer::Text("not b".into()),
        );
        let b_id = h.store(&Answer::Text("b".into()));
        assert_ne!(b_id, id);
        assert_eq!(h.contents[&b_id], Answer::Text("b".into()));
        let rows1 = Answer::Rows(vec![[("a".to_string(), "bc".to_string())].into()]);
        let rows2 = Answer::Rows(vec![[("ab".to_string(), "c".to_string())].into()]);
        assert_ne!(content_id(&rows1), content_id(&rows2));
    }
}
