//! The edges where work was lost: a draft deleted elsewhere and saved again, backups that must
//! hold every record, restores that may only add, and writes that stop half-way.

use super::*;
use crate::record::encode_schema_1;
use crate::MemoryStore;
use crossroads_workbook::history::Reason;
use crossroads_workbook::History;
use std::sync::Arc;

/// One local storage seen by several tabs.
#[derive(Clone, Default)]
struct Shared(Arc<MemoryStore>);

impl Shared {
    fn limited(limit: usize) -> Self {
        Shared(Arc::new(MemoryStore::with_limit(limit)))
    }
    fn tab(&self, name: &str) -> DraftStore {
        DraftStore::with_writer(Box::new(self.0.clone()), name)
    }
    fn records(&self) -> BTreeMap<String, String> {
        self.0
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = self.0.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    }
    fn set(&self, key: &str, value: &str) {
        self.0.set(key, value).unwrap();
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn editable(store: &DraftStore, id: &str) -> Draft {
    match store.load(id).unwrap() {
        Some(Entry::Editable { draft, .. }) => draft,
        other => panic!("{id} should be editable, got {other:?}"),
    }
}

fn draft_with(id: &str, answers: &[(&str, &str)]) -> Draft {
    let mut d = Draft::new(id, "Studios", 1);
    for (prompt, t) in answers {
        d.set_answer(prompt, text(t));
    }
    d
}

#[test]
fn a_draft_deleted_in_another_tab_and_saved_again_keeps_every_answer() {
    let kv = Shared::default();
    let (here, there) = (kv.tab("here"), kv.tab("there"));
    let saved = draft_with(
        "a",
        &[("profile.school", "Lincoln"), ("problems.meaning", "Pace")],
    );
    here.add(saved.clone()).unwrap();
    there.delete("a").unwrap();
    // This tab still shows the draft; one more letter is typed and saved from it.
    let mut edited = saved.clone();
    edited.set_answer("problems.meaning", text("Paces"));
    assert!(here.save(&edited, 0, Some(&saved)).is_ok());
    assert_eq!(
        editable(&here, "a"),
        edited,
        "the school name came back too"
    );
}

#[test]
fn deleting_a_draft_removes_every_record_of_it_including_a_premigration_copy() {
    // Room for the old record and its copy, not for the migrated answers.
    let kv = Shared::limited(5_000);
    let store = kv.tab("t");
    let old = draft_with("old", &[("problems.meaning", &"p".repeat(2_000))]);
    kv.set("crossroads/draft/old", &encode_schema_1(&old));
    assert_eq!(
        editable(&store, "old"),
        old,
        "opens although the migration failed"
    );
    assert!(kv.get("crossroads/premigration/old").unwrap().is_some());
    store.delete("old").unwrap();
    assert_eq!(kv.records(), BTreeMap::new());
    assert_eq!(store.recover(), Ok(0));
    assert!(store.list().unwrap().is_empty(), "it does not come back");
}

/// A store with one of each kind of record that a backup must carry.
fn every_kind_of_state() -> Shared {
    let kv = Shared::default();
    let store = kv.tab("t");
    // A healthy draft with history.
    let a = draft_with("a", &[("profile.school", "Lincoln")]);
    store.add(a.clone()).unwrap();
    let mut history = History::default();
    history.record(&a, Reason::SectionChange, 3);
    store.save_history("a", &history).unwrap();
    // A draft whose head reads but one answer is of a kind this version does not know.
    store
        .add(draft_with("u", &[("problems.meaning", "Kept")]))
        .unwrap();
    kv.set(
        "crossroads/answer/u/problems.cases",
        r#"{"schema":2,"revision":1,"answer":{"sketch":[1,2,3]}}"#,
    );
    // A damaged head, with the answer records that hold its text.
    store
        .add(draft_with(
            "d",
            &[("problems.meaning", "Text of a damaged draft")],
        ))
        .unwrap();
    kv.set("crossroads/draft/d", "{\"schema\":2,\"draft\":{\"id\"");
    // A draft from a newer version, with fields this version does not know.
    store
        .add(draft_with("n", &[("problems.meaning", "From the future")]))
        .unwrap();
    let head = kv.get("crossroads/draft/n").unwrap().unwrap().replacen(
        "\"schema\":2",
        "\"schema\":4,\"colour\":\"teal\"",
        1,
    );
    kv.set("crossroads/draft/n", &head);
    // A healthy draft whose history is damaged.
    store
        .add(draft_with("h", &[("problems.meaning", "Fine")]))
        .unwrap();
    kv.set("crossroads/history/h", "{oops");
    // A draft in the first format.
    kv.set(
        "crossroads/draft/legacy",
        &encode_schema_1(&draft_with("legacy", &[("problems.meaning", "Old")])),
    );
    kv
}

#[test]
fn a_backup_of_any_state_restored_into_a_fresh_store_gives_back_the_same_records() {
    let kv = every_kind_of_state();
    let before = kv.records();
    let contents = kv.tab("t").backup_contents().unwrap();
    assert_eq!(kv.records(), before, "making a backup writes nothing");
    let fresh = Shared::default();
    let report = fresh.tab("f").restore_backup(&contents);
    assert_eq!(report.stopped, None);
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    // Everything comes back byte for byte, except the head of the readable draft, which is
    // written anew (its revision and writer are this browser's); its draft and history are equal.
    let restored = fresh.records();
    assert_eq!(
        restored.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    for (key, raw) in &before {
        if key != "crossroads/draft/a" {
            assert_eq!(restored.get(key), Some(raw), "{key} byte for byte");
        }
    }
    let (a, f) = (kv.tab("x"), fresh.tab("y"));
    assert_eq!(editable(&f, "a"), editable(&a, "a"));
    assert_eq!(f.history("a").unwrap(), a.history("a").unwrap());
}

#[test]
fn a_backup_carries_a_draft_with_an_answer_of_an_unknown_kind() {
    let kv = every_kind_of_state();
    let contents = kv.tab("t").backup_contents().unwrap();
    let raw_keys: Vec<&str> = contents
        .unreadable
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    for key in [
        "crossroads/draft/u",
        "crossroads/answer/u/problems.meaning",
        "crossroads/answer/u/problems.cases",
        "crossroads/draft/d",
        "crossroads/answer/d/problems.meaning",
        "crossroads/draft/n",
        "crossroads/answer/n/problems.meaning",
        "crossroads/history/h",
        "crossroads/draft/legacy",
    ] {
        assert!(raw_keys.contains(&key), "{key} in {raw_keys:?}");
    }
    let (newer_key, newer_raw) = contents
        .unreadable
        .iter()
        .find(|(k, _)| k == "crossroads/draft/n")
        .unwrap();
    assert_eq!(
        Some(newer_raw.clone()),
        kv.get(newer_key).unwrap(),
        "a newer draft is not re-serialised"
    );
    assert_eq!(contents.drafts.len(), 1, "only the healthy draft is read");
}

#[test]
fn restore_never_writes_into_an_existing_draft_nor_the_meta_record() {
    let kv = Shared::default();
    let store = kv.tab("t");
    store
        .add(draft_with("good", &[("problems.meaning", "Healthy")]))
        .unwrap();
    let before = kv.records();
    let crafted = BackupContents {
        drafts: vec![],
        unreadable: vec![
            // A damaged answer inside the healthy draft.
            (
                "crossroads/answer/good/problems.cases".into(),
                "{\"schema\":2,\"ans".into(),
            ),
            // The reminder record, which would silence the backup reminder.
            (
                "crossroads/meta".into(),
                "{\"last_backup_ms\":99999999999999}".into(),
            ),
            // An id with a slash, whose records fall under another draft's prefix.
            ("crossroads/draft/good/x".into(), "{broken".into()),
            // Not ours at all.
            ("someone-else".into(), "x".into()),
        ],
    };
    let report = store.restore_backup(&crafted);
    assert_eq!(kv.records(), before, "nothing was written");
    assert_eq!(report.raw_added, 0);
    assert_eq!(report.refused.len(), 4, "{:?}", report.refused);
    assert_eq!(editable(&store, "good").text("problems.meaning"), "Healthy");
    // A structured draft under an existing id with only leftover records is not merged either.
    kv.set(
        "crossroads/answer/left/problems.cases",
        &record::encode_answer(&text("x"), 1),
    );
    let report = store.restore_backup(&BackupContents {
        drafts: vec![(draft_with("left", &[]), History::default())],
        unreadable: vec![],
    });
    assert_eq!(report.added, 0);
    assert!(kv.get("crossroads/draft/left").unwrap().is_none());
}

#[test]
fn damaged_records_put_back_by_restore_go_under_their_own_ids() {
    let kv = every_kind_of_state();
    let contents = kv.tab("t").backup_contents().unwrap();
    let fresh = Shared::default();
    let store = fresh.tab("f");
    let report = store.restore_backup(&contents);
    assert_eq!(report.raw_added, 5, "u, d, n, h and legacy");
    // A second restore of the same backup changes nothing.
    let after = fresh.records();
    let again = store.restore_backup(&contents);
    assert_eq!(fresh.records(), after);
    assert_eq!(again.added, 0);
    assert_eq!(again.already_here, 1);
    assert_eq!(again.raw_added, 0);
}

#[test]
fn an_add_that_runs_out_of_space_half_way_leaves_nothing_behind() {
    let kv = Shared::limited(6_000);
    let store = kv.tab("t");
    let mut big = Draft::new("big", "Too big", 1);
    big.set_answer("problems.meaning", text(&"a".repeat(2_500)));
    big.set_answer("problems.practice", text(&"b".repeat(2_500)));
    big.set_answer("problems.change", text(&"c".repeat(2_500)));
    assert_eq!(store.add(big.clone()), Err(StoreError::Full));
    assert_eq!(kv.records(), BTreeMap::new(), "no answer stayed behind");
    assert!(store.usage().unwrap().drafts.is_empty());
    // A restore whose history no longer fits is undone whole.
    let small = draft_with("s", &[("problems.meaning", &"d".repeat(2_000))]);
    let mut history = History::default();
    let mut older = small.clone();
    older.set_answer("problems.meaning", text(&"e".repeat(3_500)));
    history.record(&older, Reason::SectionChange, 2);
    let report = store.restore_backup(&BackupContents {
        drafts: vec![(small, history)],
        unreadable: vec![],
    });
    assert_eq!(report.stopped, Some(StoreError::Full));
    assert_eq!(report.added, 0);
    assert_eq!(kv.records(), BTreeMap::new());
}

#[test]
fn a_save_that_fails_half_way_leaves_the_last_saved_revision_whole() {
    let kv = Shared::limited(9_000);
    let store = kv.tab("t");
    let first = draft_with(
        "a",
        &[
            ("problems.meaning", &"a".repeat(1_000)),
            ("problems.practice", "b"),
        ],
    );
    store.add(first.clone()).unwrap();
    let before = kv.records();
    let mut next = first.clone();
    next.set_answer("problems.meaning", text("short now"));
    next.set_answer("problems.practice", text(&"z".repeat(9_000)));
    assert_eq!(store.save(&next, 1, Some(&first)), Err(StoreError::Full));
    assert_eq!(kv.records(), before, "the answer written first was undone");
}

#[test]
fn leftovers_of_an_unfinished_add_are_found_and_can_be_recovered_or_deleted() {
    let kv = Shared::default();
    let store = kv.tab("t");
    // What an older build left when storage filled up while importing.
    kv.set(
        "crossroads/answer/orphan/problems.meaning",
        &record::encode_answer(&text("Half imported"), 1),
    );
    kv.set(
        "crossroads/answer/gone/problems.meaning",
        &record::encode_answer(&text("Also left"), 1),
    );
    store.create("whole", "Whole", 1).unwrap();
    assert_eq!(store.orphans().unwrap(), ["gone", "orphan"]);
    let recovered = store
        .recover_orphan("orphan", "Recovered answers", 5)
        .unwrap();
    assert_eq!(recovered.text("problems.meaning"), "Half imported");
    assert_eq!(editable(&store, "orphan"), recovered);
    assert_eq!(store.orphans().unwrap(), ["gone"]);
    // The space panel lists the other one, and deleting it works.
    let usage = store.usage().unwrap();
    assert!(usage.drafts.iter().any(|d| d.id == "gone" && d.orphan));
    store.delete("gone").unwrap();
    assert!(store.orphans().unwrap().is_empty());
    assert!(kv
        .get("crossroads/answer/gone/problems.meaning")
        .unwrap()
        .is_none());
}
