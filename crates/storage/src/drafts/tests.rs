use super::*;
use crate::record::encode_schema_1;
use crate::MemoryStore;
use crossroads_workbook::history::Reason;
use crossroads_workbook::History;
use std::sync::{Arc, Mutex};

/// A store shared by several [`DraftStore`]s (tabs), counting writes and able to lie.
#[derive(Clone, Default)]
struct Shared {
    inner: Arc<MemoryStore>,
    writes: Arc<Mutex<Vec<String>>>,
    /// When set, writes to keys containing this text keep a different value.
    corrupt: Arc<Mutex<Option<String>>>,
}

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes.lock().unwrap().push(key.to_string());
        match self.corrupt.lock().unwrap().as_deref() {
            Some(marker) if key.contains(marker) => self.inner.set(key, &value[..value.len() / 2]),
            _ => self.inner.set(key, value),
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

fn store() -> DraftStore {
    DraftStore::new(Box::new(MemoryStore::default()))
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn editable(store: &DraftStore, id: &str) -> (Draft, u64) {
    match store.load(id).unwrap() {
        Some(Entry::Editable { draft, revision }) => (draft, revision),
        other => panic!("{id} should be editable, got {other:?}"),
    }
}

fn ids(store: &DraftStore) -> Vec<String> {
    store
        .list()
        .unwrap()
        .iter()
        .map(|l| l.id().to_string())
        .collect()
}

#[test]
fn saved_drafts_come_back_and_stay_independent() {
    let store = store();
    let a0 = store.create("a", "Studios", 10).unwrap();
    let b = store.create("b", "Crews", 20).unwrap();
    let mut a = a0.clone();
    a.set_answer("problems.meaning", text("Pace and path"));
    a.updated_ms = 30;
    assert_eq!(store.save(&a, 1, Some(&a0)), Ok(2));
    assert_eq!(editable(&store, "a"), (a, 2));
    assert_eq!(editable(&store, "b"), (b, 1));
    assert_eq!(ids(&store), ["a", "b"], "newest first");
}

#[test]
fn the_list_shows_title_school_and_progress_without_loading_answers() {
    let store = store();
    let mut d = store.create("a", "Studios", 10).unwrap();
    d.set_answer("profile.school", text("Lincoln"));
    d.set_answer("problems.meaning", text("x"));
    d.set_answer("problems.practice", text("  "));
    store.save(&d, 1, None).unwrap();
    let Listing::Draft(summary) = &store.list().unwrap()[0] else {
        panic!()
    };
    assert_eq!(summary.school, "Lincoln");
    assert_eq!(summary.progress.answered, 2);
    assert_eq!(
        summary.progress.total,
        crossroads_workbook::Catalog::base().prompts().count()
    );
    assert!(!summary.read_only);
}

#[test]
fn only_changed_answers_are_written() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let mut d = Draft::new("a", "Studios", 1);
    for p in crossroads_workbook::Catalog::base().prompts().take(10) {
        d.set_answer(p.id, text(&"x".repeat(1000)));
    }
    store.add(d.clone()).unwrap();
    let before = d.clone();
    d.set_answer("problems.meaning", text("changed"));
    kv.writes.lock().unwrap().clear();
    store.save(&d, 1, Some(&before)).unwrap();
    assert_eq!(
        *kv.writes.lock().unwrap(),
        ["crossroads/answer/a/problems.meaning", "crossroads/draft/a"],
        "one answer and the head"
    );
}

#[test]
fn removed_answers_leave_storage() {
    let store = store();
    let mut d = Draft::new("a", "t", 1);
    d.set_answer("pathway.choice", Answer::Choice("adapt".into()));
    store.add(d.clone()).unwrap();
    let before = d.clone();
    d.answers.remove("pathway.choice");
    store.save(&d, 1, Some(&before)).unwrap();
    assert_eq!(editable(&store, "a").0.answers.len(), 0);
    assert!(store.usage().unwrap().drafts[0].draft < 400);
}

#[test]
fn a_writer_that_missed_another_save_is_refused_and_nothing_changes() {
    let kv = Shared::default();
    let tab1 = DraftStore::with_writer(Box::new(kv.clone()), "tab1");
    let tab2 = DraftStore::with_writer(Box::new(kv.clone()), "tab2");
    let base = tab1.create("a", "Studios", 1).unwrap();
    let (mut one, mut two) = (base.clone(), base.clone());
    one.set_answer("problems.meaning", text("from tab one"));
    two.set_answer("problems.meaning", text("from tab two"));
    assert_eq!(tab1.save(&one, 1, Some(&base)), Ok(2));
    assert_eq!(
        tab2.save(&two, 1, Some(&base)),
        Err(StoreError::Conflict { stored_revision: 2 })
    );
    assert_eq!(
        editable(&tab2, "a").0.text("problems.meaning"),
        "from tab one"
    );
    assert_eq!(tab2.head_state("a").unwrap(), HeadState::At(2));
    // Once tab two has seen revision 2, it may write on top of it.
    assert_eq!(tab2.save(&two, 2, Some(&one)), Ok(3));
    assert!(StoreError::Conflict { stored_revision: 2 }
        .to_string()
        .contains("another tab"));
}

#[test]
fn a_draft_deleted_elsewhere_is_written_again_rather_than_lost() {
    let store = store();
    let d = store.create("a", "t", 1).unwrap();
    store.delete("a").unwrap();
    // Its revision goes on, far past 1, so no tab that knew the old draft takes it for that.
    assert!(store.save(&d, 1, None).unwrap() > 2);
    assert!(store.contains("a").unwrap());
}

#[test]
fn rename_duplicate_and_delete() {
    let store = store();
    let mut a = store.create("a", "Studios", 10).unwrap();
    a.set_answer("profile.school", text("Lincoln"));
    store.save(&a, 1, None).unwrap();
    let mut history = History::default();
    history.record(&a, Reason::SectionChange, 5);
    store.save_history("a", &history).unwrap();
    let renamed = store.rename("a", "Learning studios", 20).unwrap();
    assert_eq!(renamed.title, "Learning studios");
    assert_eq!(editable(&store, "a").1, 3);
    let copy = store
        .duplicate("a", "c", "Copy of Learning studios", 30)
        .unwrap();
    assert_eq!(copy.answers, a.answers);
    assert_eq!(copy.created_ms, 30);
    assert_eq!(
        store.history("c").unwrap(),
        History::default(),
        "a copy starts without history"
    );
    store.delete("a").unwrap();
    assert_eq!(store.load("a").unwrap(), None);
    assert_eq!(store.history("a").unwrap(), History::default());
    assert!(
        store.usage().unwrap().drafts.iter().all(|d| d.id != "a"),
        "answers went too"
    );
    assert!(store.load("c").unwrap().is_some());
    assert_eq!(store.delete("a"), Err(StoreError::Missing));
    assert!(
        store.create("c", "again", 40).is_err(),
        "never replaces a stored draft"
    );
}

#[test]
fn replacing_keeps_the_old_draft_as_a_backup() {
    let store = store();
    let mut old = store.create("a", "Studios", 10).unwrap();
    old.set_answer("profile.school", text("Old"));
    store.save(&old, 1, None).unwrap();
    let mut incoming = Draft::new("a", "Studios", 5);
    incoming.set_answer("profile.school", text("New"));
    let backup = store
        .replace_keeping_backup(&incoming, "b", "Studios (backup)")
        .unwrap();
    assert_eq!(editable(&store, "a").0, incoming);
    assert_eq!(backup.answers, old.answers);
    assert_eq!(editable(&store, "b").0, backup);
    assert!(
        store
            .replace_keeping_backup(&incoming, "b", "again")
            .is_err(),
        "backup id taken"
    );
    assert_eq!(
        store.replace_keeping_backup(&Draft::new("zz", "", 1), "c", "x"),
        Err(StoreError::Missing)
    );
}

#[test]
fn damaged_records_are_listed_and_never_overwritten_or_deleted() {
    let kv = MemoryStore::default();
    kv.set("crossroads/draft/bad", "{\"schema\":2,\"draft\":{\"id\"")
        .unwrap();
    kv.set("other-app/key", "not ours").unwrap();
    let store = DraftStore::new(Box::new(kv));
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1, "keys of other apps are ignored");
    let Listing::Unreadable(u) = &list[0] else {
        panic!("{list:?}")
    };
    assert_eq!(u.id, "bad");
    assert!(u.reason.contains("cut off or garbled"), "{}", u.reason);
    assert!(matches!(
        store.save(&Draft::new("bad", "overwrite", 1), 0, None),
        Err(StoreError::Protected(_))
    ));
    assert!(store.delete("bad").is_err());
    assert!(store.rename("bad", "x", 2).is_err());
    assert_eq!(
        store.raw("bad").unwrap().unwrap(),
        "{\"schema\":2,\"draft\":{\"id\"",
        "kept byte for byte"
    );
}

#[test]
fn a_damaged_answer_makes_the_draft_unreadable_and_it_is_kept() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let mut d = Draft::new("a", "t", 1);
    d.set_answer("problems.meaning", text("fine"));
    store.add(d).unwrap();
    kv.inner
        .set(
            "crossroads/answer/a/problems.meaning",
            "{\"schema\":2,\"ans",
        )
        .unwrap();
    match store.load("a").unwrap() {
        Some(Entry::Unreadable(u)) => assert!(
            u.reason.contains("What does personalized learning mean"),
            "{}",
            u.reason
        ),
        other => panic!("{other:?}"),
    }
    assert!(store.delete("a").is_err());
}

#[test]
fn newer_records_open_read_only_and_are_never_written() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let mut draft = Draft::new("n", "From the future", 5);
    draft.set_answer("problems.meaning", text("Kept"));
    store.add(draft.clone()).unwrap();
    let head = kv
        .inner
        .get("crossroads/draft/n")
        .unwrap()
        .unwrap()
        .replacen("\"schema\":2", "\"schema\":4", 1);
    kv.inner.set("crossroads/draft/n", &head).unwrap();
    assert_eq!(
        store.load("n").unwrap(),
        Some(Entry::ReadOnly {
            draft: draft.clone(),
            schema: 4
        })
    );
    assert!(matches!(
        store.save(&draft, 1, None),
        Err(StoreError::Protected(_))
    ));
    assert!(store.rename("n", "x", 6).is_err());
    assert_eq!(store.raw("n").unwrap().unwrap(), head);
    assert_eq!(store.head_state("n").unwrap(), HeadState::Newer(4));
    let Listing::Draft(summary) = &store.list().unwrap()[0] else {
        panic!()
    };
    assert!(summary.read_only);
    let copy = store.duplicate("n", "m", "Copy", 7).unwrap();
    assert_eq!(
        copy.answers, draft.answers,
        "a newer draft can still be copied"
    );
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_the_last_save() {
    let store = DraftStore::new(Box::new(MemoryStore::with_limit(2_000)));
    let first = store.create("a", "Small", 1).unwrap();
    let mut draft = first.clone();
    draft.set_answer("problems.meaning", text(&"x".repeat(3_000)));
    assert_eq!(store.save(&draft, 1, Some(&first)), Err(StoreError::Full));
    assert_eq!(editable(&store, "a"), (first, 1));
    assert!(StoreError::Full.to_string().contains("full"));
}

#[test]
fn a_write_that_does_not_read_back_fails() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let first = store.create("a", "t", 1).unwrap();
    *kv.corrupt.lock().unwrap() = Some("problems.meaning".into());
    let mut d = first.clone();
    d.set_answer("problems.meaning", text("this will be cut"));
    match store.save(&d, 1, Some(&first)) {
        Err(StoreError::WriteFailed(why)) => assert!(why.contains("differs"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store.head_state("a").unwrap(),
        HeadState::At(1),
        "the head was not moved on"
    );
}

#[test]
fn schema_1_drafts_migrate_when_opened() {
    let kv = Shared::default();
    let mut old = Draft::new("old", "Written by 0.1", 1);
    old.set_answer("problems.meaning", text("Kept through migration"));
    old.set_answer(
        "pathway.funding",
        Answer::Checklist(["philanthropy".to_string()].into()),
    );
    kv.inner
        .set("crossroads/draft/old", &encode_schema_1(&old))
        .unwrap();
    let store = DraftStore::new(Box::new(kv.clone()));
    let Listing::Draft(summary) = &store.list().unwrap()[0] else {
        panic!()
    };
    assert_eq!(summary.progress.answered, 2, "listed before migration");
    assert_eq!(store.head_state("old").unwrap(), HeadState::Legacy);
    assert_eq!(editable(&store, "old"), (old.clone(), 1));
    assert_eq!(store.head_state("old").unwrap(), HeadState::At(1));
    assert!(
        kv.inner
            .get("crossroads/premigration/old")
            .unwrap()
            .is_none(),
        "the old copy went once the new read back"
    );
    assert!(
        kv.writes
            .lock()
            .unwrap()
            .contains(&"crossroads/premigration/old".to_string()),
        "it was kept meanwhile"
    );
    assert_eq!(
        editable(&store, "old").0,
        old,
        "and reads the same the second time"
    );
}

#[test]
fn a_migration_that_cannot_be_written_keeps_the_old_record() {
    let kv = Shared::default();
    let mut old = Draft::new("old", "Written by 0.1", 1);
    old.set_answer("problems.meaning", text("Precious"));
    let raw = encode_schema_1(&old);
    kv.inner.set("crossroads/draft/old", &raw).unwrap();
    *kv.corrupt.lock().unwrap() = Some("answer/old".into());
    let store = DraftStore::new(Box::new(kv.clone()));
    assert_eq!(editable(&store, "old"), (old.clone(), 0), "it opens anyway");
    assert_eq!(
        kv.inner.get("crossroads/draft/old").unwrap().unwrap(),
        raw,
        "the old record is in place"
    );
    assert_eq!(
        kv.inner
            .get("crossroads/premigration/old")
            .unwrap()
            .unwrap(),
        raw
    );
    // A later save, once writes work, finishes the migration.
    *kv.corrupt.lock().unwrap() = None;
    assert_eq!(store.save(&old, 0, None), Ok(1));
    assert!(kv
        .inner
        .get("crossroads/premigration/old")
        .unwrap()
        .is_none());
    assert_eq!(editable(&store, "old").0, old);
}

#[test]
fn leftovers_of_an_interrupted_migration_are_settled() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let d = Draft::new("lost", "Lost head", 1);
    // The head vanished after the old copy was kept: the old copy is put back.
    kv.inner
        .set("crossroads/premigration/lost", &encode_schema_1(&d))
        .unwrap();
    // A migration that completed but could not remove its old copy.
    store.add(Draft::new("done", "Done", 1)).unwrap();
    kv.inner
        .set(
            "crossroads/premigration/done",
            &encode_schema_1(&Draft::new("done", "Done", 1)),
        )
        .unwrap();
    // A damaged head next to an old copy: both are left alone.
    kv.inner.set("crossroads/draft/odd", "{broken").unwrap();
    kv.inner
        .set("crossroads/premigration/odd", "{\"schema\":1}")
        .unwrap();
    assert_eq!(store.recover(), Ok(2));
    assert_eq!(editable(&store, "lost").0, d);
    assert!(kv
        .inner
        .get("crossroads/premigration/done")
        .unwrap()
        .is_none());
    assert!(kv
        .inner
        .get("crossroads/premigration/odd")
        .unwrap()
        .is_some());
    assert!(store
        .backup_contents()
        .unwrap()
        .unreadable
        .iter()
        .any(|(k, _)| k == "crossroads/premigration/odd"));
}

#[test]
fn history_is_kept_apart_and_a_damaged_one_is_not_written_over() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let d = store.create("a", "t", 1).unwrap();
    let mut history = store.history("a").unwrap();
    history.record(&d, Reason::SectionChange, 5);
    store.save_history("a", &history).unwrap();
    assert_eq!(store.history("a").unwrap(), history);
    assert!(store.usage().unwrap().drafts[0].history > 0);
    store.delete_history("a").unwrap();
    assert_eq!(store.history("a").unwrap(), History::default());
    assert_eq!(editable(&store, "a").0, d, "the draft stays");
    kv.inner.set("crossroads/history/a", "{oops").unwrap();
    assert!(store.history("a").is_err());
    assert!(store.save_history("a", &history).is_err());
    assert_eq!(
        kv.inner.get("crossroads/history/a").unwrap().unwrap(),
        "{oops"
    );
}

#[test]
fn usage_counts_every_key_by_draft() {
    let kv = MemoryStore::default();
    kv.set("someone-else", &"z".repeat(1000)).unwrap();
    let store = DraftStore::new(Box::new(kv));
    let mut d = Draft::new("big", "Big one", 1);
    d.set_answer("problems.meaning", text(&"x".repeat(5000)));
    store.add(d).unwrap();
    store.create("small", "Small one", 2).unwrap();
    let usage = store.usage().unwrap();
    assert_eq!(usage.used, store.used_units().unwrap());
    assert!(usage.used > 6000);
    assert_eq!(usage.drafts[0].id, "big");
    assert_eq!(usage.drafts[0].title, "Big one");
    assert!(usage.drafts[0].draft > 5000);
    assert_eq!(usage.percent(), usage.used * 100 / QUOTA_UNITS);
}

#[test]
fn backups_hold_everything_and_restore_adds_without_overwriting() {
    let kv = MemoryStore::default();
    kv.set("crossroads/draft/bad", "{broken").unwrap();
    let store = DraftStore::new(Box::new(kv));
    let mut a = Draft::new("a", "Studios", 1);
    a.set_answer("profile.school", text("Lincoln"));
    store.add(a.clone()).unwrap();
    let mut history = History::default();
    history.record(&a, Reason::SectionChange, 3);
    store.save_history("a", &history).unwrap();
    let contents = store.backup_contents().unwrap();
    assert_eq!(contents.drafts, vec![(a.clone(), history.clone())]);
    assert_eq!(
        contents.unreadable,
        vec![("crossroads/draft/bad".to_string(), "{broken".to_string())]
    );

    let fresh = store_with(&[]);
    assert_eq!(fresh.restore(&a, &history), Ok(Restored::Added));
    assert_eq!(fresh.history("a").unwrap(), history);
    assert_eq!(fresh.restore(&a, &history), Ok(Restored::AlreadyHere));
    let mut other = a.clone();
    other.set_answer("profile.school", text("Changed"));
    assert_eq!(fresh.restore(&other, &history), Ok(Restored::Differs));
    assert_eq!(editable(&fresh, "a").0, a, "left alone");
    let raw = |key: &str, value: &str| BackupContents {
        drafts: vec![],
        unreadable: vec![(key.to_string(), value.to_string())],
    };
    assert_eq!(
        fresh
            .restore_backup(&raw("crossroads/draft/bad", "{broken"))
            .raw_added,
        1
    );
    let again = fresh.restore_backup(&raw("crossroads/draft/bad", "{other"));
    assert_eq!(again.raw_added, 0, "never over a record");
    assert_eq!(fresh.raw("bad").unwrap().as_deref(), Some("{broken"));
    assert_eq!(fresh.restore_backup(&raw("not-ours", "x")).raw_added, 0);
}

fn store_with(records: &[(&str, &str)]) -> DraftStore {
    let kv = MemoryStore::default();
    for (k, v) in records {
        kv.set(k, v).unwrap();
    }
    DraftStore::new(Box::new(kv))
}

#[test]
fn the_last_backup_is_remembered() {
    let store = store();
    assert_eq!(store.last_backup_ms(), None);
    store.record_backup(42).unwrap();
    assert_eq!(store.last_backup_ms(), Some(42));
}

#[test]
fn a_backup_is_due_after_a_week_of_unbacked_work() {
    const DAY: u64 = 24 * 60 * 60 * 1000;
    let summary = |created_ms, updated_ms| DraftSummary {
        id: "a".into(),
        title: String::new(),
        school: String::new(),
        created_ms,
        updated_ms,
        progress: Progress::default(),
        read_only: false,
    };
    assert!(!backup_due(None, &[], 100 * DAY), "nothing to back up");
    assert!(
        !backup_due(None, &[summary(0, 6 * DAY)], 6 * DAY),
        "a new draft"
    );
    assert!(
        backup_due(None, &[summary(0, DAY)], 8 * DAY),
        "never backed up, a week old"
    );
    assert!(
        !backup_due(Some(10 * DAY), &[summary(0, 9 * DAY)], 30 * DAY),
        "nothing changed since"
    );
    assert!(
        !backup_due(Some(10 * DAY), &[summary(0, 11 * DAY)], 12 * DAY),
        "backed up recently"
    );
    assert!(
        backup_due(Some(10 * DAY), &[summary(0, 11 * DAY)], 17 * DAY),
        "a week since, with changes"
    );
}

#[test]
fn where_the_browser_deletes_data_itself_every_unbacked_change_is_due() {
    let summary = |updated_ms| DraftSummary {
        id: "a".into(),
        title: String::new(),
        school: String::new(),
        created_ms: 0,
        updated_ms,
        progress: Progress::default(),
        read_only: false,
    };
    assert!(!backup_due_every_session(None, &[]), "nothing to back up");
    assert!(
        backup_due_every_session(None, &[summary(5)]),
        "never backed up"
    );
    assert!(
        backup_due_every_session(Some(4), &[summary(5)]),
        "changed since"
    );
    assert!(
        !backup_due_every_session(Some(5), &[summary(5)]),
        "backed up since"
    );
}

#[test]
fn a_sign_marked_addressed_is_saved_with_its_reason_and_a_draft_without_one_keeps_its_format() {
    let kv = Shared::default();
    let store = DraftStore::new(Box::new(kv.clone()));
    let d0 = store.create("a", "Studios", 10).unwrap();
    let head = kv.inner.get(&crate::keys::draft("a")).unwrap().unwrap();
    assert!(
        !head.contains("addressed"),
        "no new field until a sign is marked: {head}"
    );
    let mut d = d0.clone();
    crossroads_workbook::Flag::NoCollaborationTime.mark_addressed(&mut d, "A daily common period");
    assert_eq!(store.save(&d, 1, Some(&d0)), Ok(2));
    let (loaded, _) = editable(&store, "a");
    assert_eq!(
        loaded
            .addressed
            .get("no_collaboration_time")
            .map(String::as_str),
        Some("A daily common period")
    );
}

#[test]
fn a_draft_that_answers_a_brief_keeps_it_under_a_head_older_builds_leave_alone() {
    use crossroads_workbook::brief::{ExtraKind, ExtraPrompt};
    let store = store();
    let mut d = store.create("b", "Studios", 10).unwrap();
    let mut brief = crossroads_workbook::Brief::new("city-2027", "City challenge");
    brief.prompts.push(ExtraPrompt {
        id: "q1".into(),
        section: "problems".into(),
        label: "Which priority?".into(),
        help: String::new(),
        kind: ExtraKind::LongText,
    });
    d.attach_brief(brief.clone());
    d.set_answer("brief.q1", text("Early reading"));
    store.save(&d, 1, None).unwrap();
    let raw = store.raw("b").unwrap().unwrap();
    assert!(raw.starts_with("{\"schema\":3,"), "{raw}");
    let Some(Entry::Editable { draft, .. }) = store.load("b").unwrap() else {
        panic!("opens for editing in this build")
    };
    assert_eq!(draft.brief, Some(brief));
    assert_eq!(draft.text("brief.q1"), "Early reading");
    let Listing::Draft(summary) = &store.list().unwrap()[0] else {
        panic!()
    };
    assert_eq!(summary.progress.answered, 1);
    assert_eq!(
        summary.progress.total,
        crossroads_workbook::Catalog::base().prompts().count() + 1
    );
}

#[test]
fn attaching_a_brief_to_a_stored_draft_keeps_every_answer_and_refuses_a_stale_tab() {
    let store = store();
    let mut d = store.create("s", "Studios", 10).unwrap();
    d.set_answer("problems.meaning", text("Students move on when ready"));
    d.set_answer("brief.q1", text("Typed before the brief arrived"));
    store.save(&d, 1, None).unwrap();
    let mut brief = crossroads_workbook::Brief::new("city-2027", "City challenge");
    brief.prompts.push(crossroads_workbook::brief::ExtraPrompt {
        id: "q1".into(),
        section: "problems".into(),
        label: "Which priority?".into(),
        help: String::new(),
        kind: crossroads_workbook::brief::ExtraKind::LongText,
    });
    let attached = store.attach_brief("s", brief.clone(), 20).unwrap();
    let Some(Entry::Editable { draft, revision }) = store.load("s").unwrap() else {
        panic!()
    };
    assert_eq!(draft, attached);
    assert_eq!(draft.answers, d.answers);
    assert_eq!(draft.brief, Some(brief));
    assert!(draft.is_answered("brief.q1"));
    // A tab still at the old revision cannot write over the attached brief.
    assert!(matches!(
        store.save(&d, 2, None),
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(revision, 3);
}
