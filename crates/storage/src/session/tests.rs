use super::*;
use crate::{KeyValue, MemoryStore};
use crossroads_workbook::Answer;
use std::sync::Arc;

/// One local storage seen by several tabs.
type Shared = Arc<MemoryStore>;

/// A tab: its store, its session and the draft on its screen.
struct Tab {
    store: DraftStore,
    session: SaveSession,
    screen: Draft,
}

fn name(id: &str) -> CopyName {
    CopyName {
        id: id.to_string(),
        when: "1 Dec 2026, 10:00".to_string(),
    }
}

impl Tab {
    fn open(kv: &Shared, id: &str) -> Tab {
        let store = DraftStore::with_writer(Box::new(kv.clone()), "tab");
        let Some(Entry::Editable { draft, revision }) = store.load(id).unwrap() else {
            panic!("{id} should open")
        };
        Tab {
            store,
            session: SaveSession::new(draft.clone(), revision, false),
            screen: draft,
        }
    }
    fn type_text(&mut self, prompt: &str, text: &str) {
        assert!(self.session.can_edit());
        self.screen.set_answer(prompt, Answer::Text(text.into()));
        self.session.edited();
    }
    fn flush(&mut self) -> Outcome {
        self.session
            .flush(&self.store, &self.screen, &|| name("unused"))
    }
    fn notified(&mut self) -> Outcome {
        let outcome = self
            .session
            .other_tab_wrote(&self.store, &self.screen, &|| name("unused"));
        if let Outcome::Took(d) = &outcome {
            self.screen = d.clone();
        }
        outcome
    }
    fn stored(&self, id: &str) -> Draft {
        self.store
            .load(id)
            .unwrap()
            .unwrap()
            .draft()
            .unwrap()
            .clone()
    }
}

fn shared_with_draft(limit: Option<usize>) -> Shared {
    let kv: Shared = Arc::new(match limit {
        Some(l) => MemoryStore::with_limit(l),
        None => MemoryStore::default(),
    });
    DraftStore::new(Box::new(kv.clone()))
        .create("d", "Studios", 1)
        .unwrap();
    kv
}

#[test]
fn an_edit_is_saving_until_written_then_saved() {
    let kv = shared_with_draft(None);
    let mut tab = Tab::open(&kv, "d");
    assert_eq!(tab.session.status(true), SaveStatus::Saved);
    tab.type_text("profile.school", "Lincoln");
    assert_eq!(tab.session.status(true), SaveStatus::Saving);
    assert!(!tab.session.is_stored(true));
    assert_eq!(tab.flush(), Outcome::Saved);
    assert_eq!(tab.session.status(true), SaveStatus::Saved);
    assert!(tab.session.is_stored(true));
    assert_eq!(tab.stored("d").school(), "Lincoln");
    assert_eq!(tab.flush(), Outcome::Nothing, "nothing left to write");
    assert!(
        !tab.session.is_stored(false),
        "in-memory storage is never storage"
    );
}

#[test]
fn a_tab_with_nothing_unsaved_takes_the_other_tabs_version() {
    let kv = shared_with_draft(None);
    let (mut a, mut b) = (Tab::open(&kv, "d"), Tab::open(&kv, "d"));
    a.type_text("problems.meaning", "From A");
    a.flush();
    match b.notified() {
        Outcome::Took(d) => assert_eq!(d.text("problems.meaning"), "From A"),
        other => panic!("{other:?}"),
    }
    b.type_text("problems.meaning", "From A, then B");
    assert_eq!(b.flush(), Outcome::Saved, "B writes on top of A's revision");
    assert_eq!(a.notified(), Outcome::Took(b.screen.clone()));
}

#[test]
fn two_writers_open_a_conflict_and_keeping_mine_stores_theirs_as_a_copy() {
    let kv = shared_with_draft(None);
    let (mut a, mut b) = (Tab::open(&kv, "d"), Tab::open(&kv, "d"));
    b.type_text("problems.meaning", "B unsaved");
    a.type_text("problems.meaning", "A saved");
    a.flush();
    assert_eq!(b.flush(), Outcome::ConflictOpened);
    assert_eq!(b.session.status(true), SaveStatus::Conflict);
    assert!(!b.session.can_edit());
    assert!(!b.session.is_stored(true));
    let theirs = b.session.conflict().unwrap().theirs.clone();
    assert_eq!(theirs.text("problems.meaning"), "A saved");
    match b.session.keep_mine(&b.store, &b.screen, &|| name("copy1")) {
        Outcome::KeptMine { copy, saved } => {
            assert_eq!(
                copy,
                "Studios (the other tab\u{2019}s version, 1 Dec 2026, 10:00)"
            );
            assert_eq!(*saved, Outcome::Saved);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(b.stored("d").text("problems.meaning"), "B unsaved");
    assert_eq!(b.stored("copy1").text("problems.meaning"), "A saved");
    assert!(b.session.is_stored(true));
}

#[test]
fn keeping_theirs_stores_this_tabs_version_as_a_copy() {
    let kv = shared_with_draft(None);
    let (mut a, mut b) = (Tab::open(&kv, "d"), Tab::open(&kv, "d"));
    b.type_text("problems.meaning", "B unsaved");
    a.type_text("problems.meaning", "A saved");
    a.flush();
    b.notified();
    match b
        .session
        .keep_theirs(&b.store, &b.screen, &|| name("copy2"))
    {
        Outcome::KeptTheirs { theirs, copy } => {
            assert_eq!(theirs.text("problems.meaning"), "A saved");
            assert!(copy.starts_with("Studios (this tab\u{2019}s version"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(b.stored("copy2").text("problems.meaning"), "B unsaved");
    assert_eq!(b.stored("d").text("problems.meaning"), "A saved");
}

#[test]
fn a_copy_that_cannot_be_written_is_reported_and_the_conflict_stays_open() {
    let kv = shared_with_draft(Some(4_000));
    let (mut a, mut b) = (Tab::open(&kv, "d"), Tab::open(&kv, "d"));
    b.type_text("problems.meaning", &"b".repeat(1_500));
    a.type_text("problems.meaning", &"a".repeat(2_000));
    a.flush();
    b.notified();
    let before: Vec<String> = kv.keys().unwrap();
    for outcome in [
        b.session.keep_mine(&b.store, &b.screen, &|| name("c1")),
        b.session.keep_theirs(&b.store, &b.screen, &|| name("c2")),
    ] {
        assert_eq!(outcome, Outcome::CopyFailed(StoreError::Full));
        assert!(outcome.notice().unwrap().starts_with("Nothing was changed"));
        assert!(b.session.conflict().is_some(), "still open");
    }
    assert_eq!(kv.keys().unwrap(), before, "no half-written copy");
    assert_eq!(
        b.stored("d").text("problems.meaning"),
        "a".repeat(2_000),
        "A's save stands"
    );
}

#[test]
fn leaving_during_a_conflict_keeps_this_tabs_version_as_a_copy() {
    let kv = shared_with_draft(None);
    let (mut a, mut b) = (Tab::open(&kv, "d"), Tab::open(&kv, "d"));
    b.type_text("problems.meaning", "B would be lost");
    a.type_text("problems.meaning", "A");
    a.flush();
    b.notified();
    match b.session.leave(&b.store, &b.screen, &|| name("left")) {
        Outcome::LeftWithCopy(Ok(title)) => assert!(title.contains("this tab")),
        other => panic!("{other:?}"),
    }
    assert_eq!(b.stored("left").text("problems.meaning"), "B would be lost");
    assert!(b.session.is_stored(true));
}

#[test]
fn a_newer_version_writer_makes_the_tab_read_only_and_its_unsaved_work_a_copy() {
    let kv = shared_with_draft(None);
    let mut a = Tab::open(&kv, "d");
    a.type_text("problems.meaning", "Unsaved here");
    let head = kv.get("crossroads/draft/d").unwrap().unwrap();
    kv.set(
        "crossroads/draft/d",
        &head.replacen("\"schema\":2", "\"schema\":4", 1),
    )
    .unwrap();
    let newer = kv.get("crossroads/draft/d").unwrap();
    match a.session.flush(&a.store, &a.screen, &|| name("mine")) {
        Outcome::NewerVersion {
            copy: Some(Ok(title)),
        } => assert!(title.contains("unsaved version")),
        other => panic!("{other:?}"),
    }
    assert_eq!(a.session.status(true), SaveStatus::ReadOnly);
    assert!(!a.session.can_edit());
    assert_eq!(
        kv.get("crossroads/draft/d").unwrap(),
        newer,
        "never written by this tab"
    );
    assert_eq!(a.stored("mine").text("problems.meaning"), "Unsaved here");
    a.session.edited();
    assert_eq!(a.flush(), Outcome::Nothing);
}

#[test]
fn a_failed_write_says_why_keeps_the_edit_and_succeeds_on_retry() {
    let kv = shared_with_draft(Some(3_000));
    let mut a = Tab::open(&kv, "d");
    a.type_text("problems.meaning", &"x".repeat(3_000));
    assert_eq!(a.flush(), Outcome::Failed(StoreError::Full));
    assert_eq!(
        a.session.status(true),
        SaveStatus::NotSaved {
            reason: "this browser's storage for Crossroads is full".to_string(),
            full: true
        }
    );
    assert!(!a.session.is_stored(true));
    // Still failing on the next edit, and the status keeps saying why.
    a.type_text("problems.meaning", &"x".repeat(2_999));
    assert_eq!(a.flush(), Outcome::Failed(StoreError::Full));
    a.type_text("problems.meaning", "short");
    assert_eq!(
        a.session.retry(&a.store, &a.screen, &|| name("n")),
        Outcome::Saved
    );
    assert_eq!(a.session.status(true), SaveStatus::Saved);
}

#[test]
fn a_draft_deleted_elsewhere_is_saved_whole_by_the_next_change() {
    let kv = shared_with_draft(None);
    let mut a = Tab::open(&kv, "d");
    a.type_text("profile.school", "Lincoln");
    a.type_text("problems.meaning", "Pace");
    a.flush();
    DraftStore::new(Box::new(kv.clone())).delete("d").unwrap();
    assert_eq!(a.notified(), Outcome::Gone);
    assert!(matches!(
        a.session.status(true),
        SaveStatus::NotSaved { full: false, .. }
    ));
    assert!(!a.session.is_stored(true), "a leave warning is due");
    a.type_text("problems.meaning", "Paces");
    assert_eq!(a.flush(), Outcome::Saved);
    assert_eq!(a.stored("d"), a.screen, "the school name is stored again");
    assert_eq!(a.session.status(true), SaveStatus::Saved);
}
