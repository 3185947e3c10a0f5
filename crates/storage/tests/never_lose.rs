//! A property over the storage as tabs use it: whatever happens (edits in two tabs, saves, a
//! delete in another tab, storage filling up and being freed, backups restored into a fresh
//! browser), an answer that a tab showed as saved is never lost.

use crossroads_storage::{
    BackupContents, CopyName, DraftStore, Entry, KeyValue, MemoryStore, Outcome, SaveSession,
    SaveStatus,
};
use crossroads_workbook::{Answer, Draft};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One local storage shared by the tabs, limited like a browser's.
type Shared = Arc<MemoryStore>;

const LIMIT: usize = 40_000;
const PROMPTS: [&str; 4] = [
    "profile.school",
    "problems.meaning",
    "problems.change",
    "learning.evidence",
];

#[derive(Clone, Debug)]
enum Step {
    /// Tab `tab` types `len` letters into prompt `prompt`.
    Type {
        tab: usize,
        prompt: usize,
        len: usize,
    },
    /// Tab `tab`'s save timer fires.
    Flush { tab: usize },
    /// Tab `tab` hears of another tab's write.
    Notified { tab: usize },
    /// Tab `tab` settles a conflict one way or the other.
    Settle { tab: usize, mine: bool },
    /// Another tab deletes the draft.
    DeleteElsewhere,
    /// Another site fills storage up to almost nothing left.
    Fill,
    /// That site's data is cleared.
    Free,
    /// Another draft is made.
    Create,
    /// A backup is made and restored into a fresh browser.
    BackupAndRestore,
    /// Tab `tab` is closed (and reopened).
    Reopen { tab: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..2usize, 0..4usize, 1..4000usize).prop_map(|(tab, prompt, len)| Step::Type { tab, prompt, len }),
        5 => (0..2usize).prop_map(|tab| Step::Flush { tab }),
        3 => (0..2usize).prop_map(|tab| Step::Notified { tab }),
        2 => (0..2usize, any::<bool>()).prop_map(|(tab, mine)| Step::Settle { tab, mine }),
        1 => Just(Step::DeleteElsewhere),
        2 => Just(Step::Fill),
        2 => Just(Step::Free),
        1 => Just(Step::Create),
        1 => Just(Step::BackupAndRestore),
        1 => (0..2usize).prop_map(|tab| Step::Reopen { tab }),
    ]
}

struct Tab {
    store: DraftStore,
    session: Option<SaveSession>,
    screen: Draft,
}

struct World {
    kv: Shared,
    tabs: Vec<Tab>,
    /// For each draft id: the answers some tab last showed as saved, and whether the team
    /// deleted it since (then nothing is owed until a tab saves it again).
    saved: BTreeMap<String, BTreeMap<String, Answer>>,
    counter: u64,
}

impl World {
    fn new() -> World {
        let kv: Shared = Arc::new(MemoryStore::with_limit(LIMIT));
        let store = DraftStore::new(Box::new(kv.clone()));
        let draft = store.create("d", "Studios", 1).unwrap();
        let tabs = (0..2)
            .map(|i| Tab {
                store: DraftStore::with_writer(Box::new(kv.clone()), &format!("t{i}")),
                session: Some(SaveSession::new(draft.clone(), 1, false)),
                screen: draft.clone(),
            })
            .collect();
        let mut saved = BTreeMap::new();
        saved.insert("d".to_string(), BTreeMap::new());
        World {
            kv,
            tabs,
            saved,
            counter: 0,
        }
    }

    fn name(&mut self) -> CopyName {
        self.counter += 1;
        CopyName {
            id: format!("copy{}", self.counter),
            when: String::new(),
        }
    }

    /// Records what an outcome showed the team as saved.
    fn note(&mut self, tab: usize, outcome: &Outcome) {
        let t = &mut self.tabs[tab];
        match outcome {
            Outcome::Saved => {
                self.saved
                    .insert(t.screen.id.clone(), t.screen.answers.clone());
            }
            Outcome::Took(theirs) => t.screen = theirs.clone(),
            Outcome::KeptMine { saved, .. } => {
                let saved = (**saved).clone();
                self.note(tab, &saved)
            }
            Outcome::KeptTheirs { theirs, .. } => t.screen = theirs.clone(),
            _ => {}
        }
        // Every copy the session reports as kept is a draft that must stay.
        let copies: Vec<String> = match outcome {
            Outcome::KeptMine { .. }
            | Outcome::KeptTheirs { .. }
            | Outcome::LeftWithCopy(Ok(_)) => {
                vec![format!("copy{}", self.counter)]
            }
            Outcome::NewerVersion { copy: Some(Ok(_)) } => vec![format!("copy{}", self.counter)],
            _ => vec![],
        };
        for id in copies {
            if let Ok(Some(entry)) = self.tabs[tab].store.load(&id) {
                let answers = entry.draft().unwrap().answers.clone();
                self.saved.insert(id, answers);
            }
        }
    }

    fn run(&mut self, step: &Step) {
        match *step {
            Step::Type { tab, prompt, len } => {
                let t = &mut self.tabs[tab];
                if let Some(s) = t.session.as_mut().filter(|s| s.can_edit()) {
                    let letter = (b'a' + (len % 26) as u8) as char;
                    t.screen.set_answer(
                        PROMPTS[prompt],
                        Answer::Text(letter.to_string().repeat(len)),
                    );
                    s.edited();
                }
            }
            Step::Flush { tab } => {
                let name = self.name();
                let name = move || name.clone();
                let t = &mut self.tabs[tab];
                if let Some(s) = t.session.as_mut() {
                    let outcome = s.flush(&t.store, &t.screen, &name);
                    if outcome == Outcome::Saved {
                        assert_eq!(s.status(true), SaveStatus::Saved);
                    }
                    self.note(tab, &outcome);
                }
            }
            Step::Notified { tab } => {
                let name = self.name();
                let name = move || name.clone();
                let t = &mut self.tabs[tab];
                if let Some(s) = t.session.as_mut() {
                    let outcome = s.other_tab_wrote(&t.store, &t.screen, &name);
                    self.note(tab, &outcome);
                }
            }
            Step::Settle { tab, mine } => {
                let name = self.name();
                let name = move || name.clone();
                let t = &mut self.tabs[tab];
                if let Some(s) = t.session.as_mut() {
                    let outcome = if mine {
                        s.keep_mine(&t.store, &t.screen, &name)
                    } else {
                        s.keep_theirs(&t.store, &t.screen, &name)
                    };
                    self.note(tab, &outcome);
                }
            }
            Step::DeleteElsewhere => {
                let store = DraftStore::new(Box::new(self.kv.clone()));
                if store.delete("d").is_ok() {
                    // The team deleted it: nothing of it is owed any more.
                    self.saved.remove("d");
                }
            }
            Step::Fill => {
                let used = self.kv.used_units().unwrap();
                let filler = LIMIT.saturating_sub(used + 50);
                let _ = self.kv.set("someone-else", &"x".repeat(filler));
            }
            Step::Free => {
                let _ = self.kv.remove("someone-else");
            }
            Step::Create => {
                self.counter += 1;
                let store = DraftStore::new(Box::new(self.kv.clone()));
                let id = format!("new{}", self.counter);
                if let Ok(d) = store.create(&id, "Another", 2) {
                    self.saved.insert(d.id, BTreeMap::new());
                }
            }
            Step::BackupAndRestore => {
                let store = DraftStore::new(Box::new(self.kv.clone()));
                let contents: BackupContents = store.backup_contents().unwrap();
                let fresh = DraftStore::new(Box::new(MemoryStore::default()));
                let report = fresh.restore_backup(&contents);
                assert_eq!(report.stopped, None);
                for (id, answers) in &self.saved {
                    assert_eq!(
                        answers_of(&fresh, id),
                        short(answers),
                        "{id} after a restore"
                    );
                }
            }
            Step::Reopen { tab } => {
                let name = self.name();
                let name = move || name.clone();
                let t = &mut self.tabs[tab];
                if let Some(s) = t.session.as_mut() {
                    let outcome = s.leave(&t.store, &t.screen, &name);
                    self.note(tab, &outcome);
                }
                let t = &mut self.tabs[tab];
                t.session = None;
                if let Ok(Some(Entry::Editable { draft, revision })) = t.store.load("d") {
                    t.session = Some(SaveSession::new(draft.clone(), revision, false));
                    t.screen = draft;
                }
            }
        }
    }

    fn check(&self) {
        let store = DraftStore::new(Box::new(self.kv.clone()));
        for (id, answers) in &self.saved {
            assert_eq!(answers_of(&store, id), short(answers), "{id}");
        }
    }
}

/// Answers in short: each prompt's first letter and length, so a failure reads at a glance.
type Short = BTreeMap<String, (char, usize)>;

fn short(answers: &BTreeMap<String, Answer>) -> Short {
    answers
        .iter()
        .map(|(p, a)| {
            (
                p.clone(),
                (a.text().chars().next().unwrap_or(' '), a.text().len()),
            )
        })
        .collect()
}

fn answers_of(store: &DraftStore, id: &str) -> Short {
    match store.load(id).unwrap() {
        Some(entry) => short(&entry.draft().expect("readable").answers),
        None => panic!("{id} was lost"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn an_answer_shown_as_saved_is_never_lost(steps in proptest::collection::vec(step(), 1..60)) {
        let mut world = World::new();
        for step in &steps {
            world.run(step);
            world.check();
        }
    }
}
