use super::*;
use crate::{CopyName, MemoryStore, Outcome, SaveSession, SaveStatus};
use crossroads_workshop::{Plan, Workshop};
use std::sync::Arc;

type Shared = Arc<MemoryStore>;

fn store(kv: &Shared, tab: &str) -> DocStore<Workshop> {
    DocStore::new(Box::new(kv.clone()), tab)
}

fn plan(id: &str) -> Workshop {
    let mut plan = Plan::two_hours();
    plan.id = id.to_string();
    Workshop::new(plan)
}

fn name(id: &str) -> CopyName {
    CopyName {
        id: id.to_string(),
        when: "2 Dec 2026, 09:00".to_string(),
    }
}

/// A tab with a plan open: its store, its session and the plan on its screen.
struct Tab {
    store: DocStore<Workshop>,
    session: SaveSession<Workshop>,
    screen: Workshop,
}

impl Tab {
    fn open(kv: &Shared, id: &str, tab: &str) -> Tab {
        let store = store(kv, tab);
        let Some(DocEntry::Editable { doc, revision }) = store.load(id).unwrap() else {
            panic!("{id} should open")
        };
        Tab {
            store,
            session: SaveSession::new(doc.clone(), revision, false),
            screen: doc,
        }
    }
    fn retitle(&mut self, title: &str) {
        assert!(self.session.can_edit());
        self.screen.plan.title = title.to_string();
        self.session.edited();
    }
    fn flush(&mut self) -> Outcome<Workshop> {
        self.session
            .flush(&self.store, &self.screen, &|| name("copy"))
    }
    fn notified(&mut self) -> Outcome<Workshop> {
        let outcome = self
            .session
            .other_tab_wrote(&self.store, &self.screen, &|| name("copy"));
        if let Outcome::Took(w) = &outcome {
            self.screen = w.clone();
        }
        outcome
    }
}

fn stored_title(kv: &Shared, id: &str) -> String {
    store(kv, "reader")
        .load(id)
        .unwrap()
        .and_then(|e| e.doc().map(|w| w.plan.title.clone()))
        .unwrap_or_default()
}

#[test]
fn a_plan_is_kept_and_read_back() {
    let kv = Shared::default();
    let s = store(&kv, "t1");
    let mut w = s.add(plan("p1")).unwrap();
    w.park("Who pays for substitutes?", 5);
    assert_eq!(s.save(&w, 1), Ok(2));
    assert_eq!(
        s.load("p1").unwrap(),
        Some(DocEntry::Editable {
            doc: w.clone(),
            revision: 2
        })
    );
    assert_eq!(s.list().unwrap().len(), 1);
    let raw = kv.get("crossroads/plan/p1").unwrap().unwrap();
    assert!(raw.starts_with(r#"{"schema":1,"#), "{raw}");
    assert_eq!(
        s.add(plan("p1")),
        Err(StoreError::Protected(Protection::IdTaken))
    );
}

#[test]
fn a_writer_that_missed_a_save_is_refused() {
    let kv = Shared::default();
    let s = store(&kv, "t1");
    let w = s.add(plan("p1")).unwrap();
    s.save(&w, 1).unwrap();
    assert_eq!(
        s.save(&w, 1),
        Err(StoreError::Conflict { stored_revision: 2 })
    );
}

#[test]
fn damaged_and_newer_records_are_listed_and_never_written_or_removed() {
    let kv = Shared::default();
    kv.set("crossroads/plan/bad", "{\"schema\":1,\"doc\":{\"plan\":")
        .unwrap();
    kv.set(
        "crossroads/plan/new",
        r#"{"schema":9,"revision":4,"doc":{"something":"else"}}"#,
    )
    .unwrap();
    let s = store(&kv, "t1");
    let list = s.list().unwrap();
    assert!(
        matches!(&list[0], DocEntry::Damaged { id, reason } if id == "bad" && reason.starts_with("it cannot be read"))
    );
    assert_eq!(
        list[1],
        DocEntry::Newer {
            id: "new".into(),
            schema: 9
        }
    );
    for (id, why) in [
        ("bad", Protection::Damaged),
        ("new", Protection::NewerVersion),
    ] {
        let before = s.raw(id).unwrap();
        assert_eq!(
            s.save(&plan(id), 4),
            Err(StoreError::Protected(why.clone()))
        );
        assert_eq!(s.delete(id), Err(StoreError::Protected(why)));
        assert_eq!(s.raw(id).unwrap(), before);
    }
}

#[test]
fn a_full_store_refuses_and_keeps_the_stored_version() {
    let kv = Arc::new(MemoryStore::with_limit(4_000));
    let s: DocStore<Workshop> = DocStore::new(Box::new(kv.clone()), "t1");
    let w = s.add(plan("p1")).unwrap();
    let before = s.raw("p1").unwrap();
    let mut big = w.clone();
    big.park(&"x".repeat(5_000), 1);
    assert_eq!(s.save(&big, 1), Err(StoreError::Full));
    assert_eq!(s.raw("p1").unwrap(), before);
}

#[test]
fn plans_and_drafts_do_not_see_each_other() {
    let kv = Shared::default();
    store(&kv, "t1").add(plan("p1")).unwrap();
    let drafts = crate::DraftStore::new(Box::new(kv.clone()));
    assert!(drafts.list().unwrap().is_empty());
    assert!(!crate::DraftStore::is_ours("crossroads/plan/p1"));
    assert_eq!(
        DocStore::<Workshop>::id_of_key("crossroads/plan/p1"),
        Some("p1")
    );
    assert_eq!(DocStore::<Workshop>::id_of_key("crossroads/draft/p1"), None);
}

#[test]
fn the_session_saves_a_plan_and_takes_another_tabs_save() {
    let kv = Shared::default();
    store(&kv, "t0").add(plan("p1")).unwrap();
    let mut one = Tab::open(&kv, "p1", "t1");
    let mut two = Tab::open(&kv, "p1", "t2");
    one.retitle("Design day at Lincoln");
    assert_eq!(one.session.status(true), SaveStatus::Saving);
    assert_eq!(one.flush(), Outcome::Saved);
    assert_eq!(one.session.status(true), SaveStatus::Saved);
    assert!(matches!(two.notified(), Outcome::Took(w) if w.plan.title == "Design day at Lincoln"));
    assert_eq!(two.screen.plan.title, "Design day at Lincoln");
    assert_eq!(
        Outcome::<Workshop>::Took(plan("p1")).notice().unwrap(),
        "This plan was just changed in another tab or window. You are seeing the latest version."
    );
}

#[test]
fn two_writers_conflict_and_the_version_not_chosen_is_kept_as_a_copy() {
    let kv = Shared::default();
    store(&kv, "t0").add(plan("p1")).unwrap();
    let mut one = Tab::open(&kv, "p1", "t1");
    let mut two = Tab::open(&kv, "p1", "t2");
    one.retitle("One's title");
    two.retitle("Two's title");
    assert_eq!(one.flush(), Outcome::Saved);
    assert_eq!(two.flush(), Outcome::ConflictOpened);
    assert_eq!(two.session.status(true), SaveStatus::Conflict);
    assert_eq!(
        two.session.status(true).text_for("plan"),
        "Not saved: this plan was also changed in another tab"
    );
    assert!(!two.session.can_edit());
    let kept = two
        .session
        .keep_mine(&two.store, &two.screen, &|| name("p1-copy"));
    assert!(
        matches!(&kept, Outcome::KeptMine { copy, saved } if copy == "One's title (the other tab\u{2019}s version, 2 Dec 2026, 09:00)" && **saved == Outcome::Saved)
    );
    assert_eq!(stored_title(&kv, "p1"), "Two's title");
    assert_eq!(
        stored_title(&kv, "p1-copy"),
        "One's title (the other tab\u{2019}s version, 2 Dec 2026, 09:00)"
    );
}

#[test]
fn keep_theirs_keeps_this_tabs_version_as_a_copy_first() {
    let kv = Shared::default();
    store(&kv, "t0").add(plan("p1")).unwrap();
    let mut one = Tab::open(&kv, "p1", "t1");
    let mut two = Tab::open(&kv, "p1", "t2");
    one.retitle("One's title");
    two.retitle("Two's title");
    one.flush();
    two.flush();
    let outcome = two
        .session
        .keep_theirs(&two.store, &two.screen, &|| name("p1-mine"));
    assert!(
        matches!(&outcome, Outcome::KeptTheirs { theirs, .. } if theirs.plan.title == "One's title")
    );
    assert_eq!(stored_title(&kv, "p1"), "One's title");
    assert!(stored_title(&kv, "p1-mine").starts_with("Two's title (this tab"));
}

#[test]
fn a_newer_version_writing_the_plan_makes_the_tab_read_only_and_keeps_its_edit() {
    let kv = Shared::default();
    store(&kv, "t0").add(plan("p1")).unwrap();
    let mut one = Tab::open(&kv, "p1", "t1");
    one.retitle("Unsaved title");
    let newer = r#"{"schema":2,"revision":7,"doc":{"plan":"reshaped"}}"#;
    kv.set("crossroads/plan/p1", newer).unwrap();
    let outcome = one.flush();
    assert!(
        matches!(&outcome, Outcome::NewerVersion { copy: Some(Ok(title)) } if title.starts_with("Unsaved title")),
        "{outcome:?}"
    );
    assert_eq!(one.session.status(true), SaveStatus::ReadOnly);
    assert_eq!(kv.get("crossroads/plan/p1").unwrap().unwrap(), newer);
    assert!(outcome.notice().unwrap().contains("changed this plan"));
}

#[test]
fn a_failed_write_keeps_the_edit_on_screen_and_says_why_in_plain_words() {
    let kv = Arc::new(MemoryStore::with_limit(4_000));
    let s: DocStore<Workshop> = DocStore::new(Box::new(kv.clone()), "t0");
    s.add(plan("p1")).unwrap();
    let Some(DocEntry::Editable { doc, revision }) = s.load("p1").unwrap() else {
        panic!()
    };
    let mut session = SaveSession::new(doc.clone(), revision, false);
    let mut screen = doc;
    screen.park(&"x".repeat(5_000), 1);
    session.edited();
    assert_eq!(
        session.flush(&s, &screen, &|| name("c")),
        Outcome::Failed(StoreError::Full)
    );
    assert_eq!(
        session.status(true),
        SaveStatus::NotSaved {
            reason: "this browser's storage for Crossroads is full".into(),
            full: true
        }
    );
    assert!(!session.is_stored(true));
    screen.parking_lot.clear();
    assert_eq!(session.retry(&s, &screen, &|| name("c")), Outcome::Saved);
}

#[test]
fn a_plan_deleted_in_another_tab_is_written_again_by_the_next_change() {
    let kv = Shared::default();
    store(&kv, "t0").add(plan("p1")).unwrap();
    let mut one = Tab::open(&kv, "p1", "t1");
    store(&kv, "t2").delete("p1").unwrap();
    assert_eq!(one.notified(), Outcome::Gone);
    assert!(one
        .session
        .status(true)
        .text_for("plan")
        .contains("this plan was deleted"));
    assert_eq!(one.flush(), Outcome::Saved);
    assert_eq!(stored_title(&kv, "p1"), one.screen.plan.title);
}

#[test]
fn a_run_is_put_over_whatever_version_is_stored_and_never_over_a_damaged_one() {
    use crossroads_workshop::{Run, Running};
    let kv = Shared::default();
    let runs: DocStore<Running> = DocStore::new(Box::new(kv.clone()), "run-view");
    let plan = Plan::two_hours();
    let mut running = Running {
        plan: plan.id.clone(),
        run: Run::new(&plan),
        shown: None,
    };
    assert_eq!(runs.put(&running), Ok(1));
    running.run.next(&plan, 1_000);
    assert_eq!(runs.put(&running), Ok(2));
    let projector: DocStore<Running> = DocStore::new(Box::new(kv.clone()), "projector");
    assert_eq!(
        projector.load(&plan.id).unwrap().unwrap().doc(),
        Some(&running)
    );
    kv.set("crossroads/run/two-hours", "{garbled").unwrap();
    assert_eq!(
        runs.put(&running),
        Err(StoreError::Protected(Protection::Damaged))
    );
    assert_eq!(
        kv.get("crossroads/run/two-hours").unwrap().unwrap(),
        "{garbled"
    );
    assert_eq!(
        DocStore::<Running>::id_of_key("crossroads/run/x"),
        Some("x")
    );
    assert_eq!(DocStore::<Workshop>::id_of_key("crossroads/run/x"), None);
}

#[test]
fn competitions_and_score_sheets_stay_within_their_share_and_drafts_keep_their_room() {
    use crossroads_review::{Competition, ScoreSheet};
    let kv: Shared = Arc::new(MemoryStore::default());
    let competitions: DocStore<Competition> = DocStore::new(Box::new(kv.clone()), "d");
    let sheets: DocStore<ScoreSheet> = DocStore::new(Box::new(kv.clone()), "r");
    let drafts = crate::DraftStore::new(Box::new(kv.clone()));
    let mut big = Competition::new("c1", "City challenge");
    big.brief.expectations = "x".repeat(crate::keys::REVIEW_BUDGET / 2);
    competitions.add(big.clone()).unwrap();
    // A second competition as large does not fit the reviewers' share: refused in plain words,
    // nothing written.
    let mut second = Competition::new("c2", "County challenge");
    second.brief.expectations = "y".repeat(crate::keys::REVIEW_BUDGET / 2);
    let refused = competitions.add(second).unwrap_err();
    assert!(matches!(refused, StoreError::OverBudget { .. }));
    assert!(refused
        .reason("competition")
        .contains("kept free for school teams"));
    assert_eq!(competitions.load("c2").unwrap(), None);
    // The share counts sheets and competitions together; rewriting a record counts it once.
    let reviewer = crossroads_review::Reviewer {
        id: "r1".into(),
        name: "Ana".into(),
    };
    let sheet = ScoreSheet::new("s1", reviewer, &big, 5);
    sheets.add(sheet.clone()).unwrap();
    big.brief.title = "City challenge 2027".into();
    assert_eq!(competitions.save(&big, 1), Ok(2));
    // Teams' drafts are not counted against it and still save.
    let mut d = drafts.create("t1", "Studios", 1).unwrap();
    d.set_answer(
        "problems.meaning",
        crossroads_workbook::Answer::Text("z".repeat(1_000_000)),
    );
    drafts.save(&d, 1, None).unwrap();
}
