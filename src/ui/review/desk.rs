//! The proposals on the reviewer's desk, kept in this browser's IndexedDB through
//! `crossroads_storage::desk` (a reload or a closed tab loses nothing), and the screen that
//! imports and lists them.
//!
//! Each stored text is parsed once, when it is imported or when the page loads, and only what
//! the list shows is kept in memory ([`Listed`] and the row's status); a proposal's whole draft
//! is read again when it is opened ([`Desk::draft`], then cached).
//!
//! For other screens (scoring, ranking): [`Desk::ids_in_order`], [`Desk::listing`] and
//! [`Desk::draft`], each reading signals, so a view that calls them follows the desk.

use super::assignment::{Assignment, AssignmentNotice, AssignmentPicker};
use super::Place;
use crate::ui::browser;
use crate::ui::kit::confirm::Confirm;
use crate::ui::kit::files::{ChosenFile, DropZone, FilePicker, PROPOSAL_FILES};
use crossroads_exchange::{read_proposal, MAX_FILE_BYTES};
use crossroads_storage::desk::{
    self as store, Added, Choice, DeskDb, DeskEntry, Incoming, MemoryDesk, News, Pair, Proposal,
    Side, Summary, Value,
};
use crossroads_storage::StoreError;
use crossroads_workbook::budget::format_amount;
use crossroads_workbook::catalog::Catalog;
use crossroads_workbook::{brief, Draft, Readiness};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What the list shows of a proposal, for other screens too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The proposal's id (its draft's id): its address is `#/proposals/<id>`.
    pub id: String,
    /// The title to show (a placeholder when the team left it blank).
    pub title: String,
    /// The school's name, or "".
    pub school: String,
    /// The brief it answers: its id and version.
    pub brief: Option<(String, u32)>,
    /// What it asks of its brief's competition, in cents (`None` without a brief).
    pub requested_cents: Option<i64>,
    /// The people it names (team, lead, sign-off), whose names blind reading hides.
    pub people: Vec<String>,
}

/// What was learnt from a proposal's file, once, when it was read.
#[derive(Clone, Debug, PartialEq)]
struct Facts {
    listed: Listed,
    answered: usize,
    total: usize,
    signs: usize,
    set_aside: usize,
}

impl Facts {
    fn of(draft: &Draft, set_aside: usize) -> Facts {
        let progress = Catalog::of(draft).overall_progress(draft);
        Facts {
            listed: Listed {
                id: draft.id.clone(),
                title: draft.display_title().to_string(),
                school: draft.school().to_string(),
                brief: draft.brief.as_ref().map(|b| (b.id.clone(), b.version)),
                requested_cents: brief::request(draft).map(|r| r.requested),
                people: crossroads_review::people_of(draft),
            },
            answered: progress.answered,
            total: progress.total,
            signs: Readiness::check(draft).flags.len(),
            set_aside,
        }
    }
}

/// One proposal in the list.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    facts: Facts,
    /// The record as read (what removing or replacing it must match).
    proposal: Proposal,
    /// Changes when the row does, so the list redraws it.
    generation: u64,
}

/// A file whose proposal is on the desk with other text: the reviewer chooses.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    incoming: Incoming,
    choice: Choice,
    facts: Facts,
}

/// A file that is not on the desk, and why.
#[derive(Clone, Debug, PartialEq)]
struct Refused {
    file_name: String,
    why: String,
}

/// Where the desk is kept: IndexedDB, or memory when the browser gives the page none.
enum Backend {
    #[cfg(target_arch = "wasm32")]
    Idb(store::IdbDesk),
    Memory(MemoryDesk),
}

impl DeskDb for Backend {
    async fn get(&self, id: &str) -> Result<Pair, StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.get(id).await,
            Backend::Memory(db) => db.get(id).await,
        }
    }
    async fn records(&self) -> Result<Vec<(String, Value)>, StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.records().await,
            Backend::Memory(db) => db.records().await,
        }
    }
    async fn text_ids(&self) -> Result<Vec<String>, StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.text_ids().await,
            Backend::Memory(db) => db.text_ids().await,
        }
    }
    async fn put(&self, id: &str, record: &str, text: &str) -> Result<(), StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.put(id, record, text).await,
            Backend::Memory(db) => db.put(id, record, text).await,
        }
    }
    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.delete(id).await,
            Backend::Memory(db) => db.delete(id).await,
        }
    }
    async fn count(&self) -> Result<u32, StoreError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            Backend::Idb(db) => db.count().await,
            Backend::Memory(db) => db.count().await,
        }
    }
}

type Store = Rc<store::Desk<Backend>>;

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
    #[cfg(target_arch = "wasm32")]
    static CHANNEL: RefCell<Option<store::DeskChannel>> = const { RefCell::new(None) };
}

/// The desk's store, opened on first use; `Err` says the browser keeps nothing (then the desk
/// is kept in memory, for this page's life).
async fn open_store() -> (Store, Option<StoreError>) {
    if let Some(s) = STORE.with(|s| s.borrow().clone()) {
        return (s, None);
    }
    #[cfg(target_arch = "wasm32")]
    let (backend, problem) = match store::IdbDesk::open().await {
        Ok(db) => (Backend::Idb(db), None),
        Err(e) => (Backend::Memory(MemoryDesk::default()), Some(e)),
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (backend, problem) = (Backend::Memory(MemoryDesk::default()), None);
    // Another task may have opened it meanwhile: one store for the page.
    let opened = STORE.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| Rc::new(store::Desk::new(backend)))
            .clone()
    });
    (opened, problem)
}

async fn the_store() -> Store {
    open_store().await.0
}

/// Tells the other desk tabs.
fn tell(news: News) {
    #[cfg(target_arch = "wasm32")]
    CHANNEL.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            channel.tell(&news);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = news;
}

/// When a proposal file says it was exported: the top-level `exported_ms` of its JSON (in an
/// HTML file, of the JSON it carries). A key can only be written with its quotes unescaped, and
/// the file's own fields come before the draft's, so the first one is the file's.
fn exported_ms(text: &str) -> Option<u64> {
    let at = text.find("\"exported_ms\":")? + "\"exported_ms\":".len();
    let digits: String = text[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Which proposals the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    TheBrief,
    Other,
    /// Those the panel's assignment gives this reviewer.
    Assigned,
}

/// The desk: the proposals kept, what the list shows of each, and what imports left to say.
#[derive(Clone, Copy)]
pub struct Desk {
    rows: RwSignal<HashMap<String, Row>>,
    drafts: RwSignal<HashMap<String, Draft>>,
    unreadable: RwSignal<HashMap<String, String>>,
    opening: StoredValue<HashSet<String>>,
    damaged: RwSignal<Vec<Refused>>,
    refused: RwSignal<Vec<Refused>>,
    pending: RwSignal<Vec<Pending>>,
    skipped: RwSignal<usize>,
    loaded: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
    generation: StoredValue<u64>,
    order: Memo<Vec<String>>,
    announcement: RwSignal<String>,
}

impl Desk {
    /// The desk, listed from the browser's storage as soon as it opens, and following the
    /// other desk tabs.
    pub fn new(announcement: RwSignal<String>) -> Desk {
        let rows: RwSignal<HashMap<String, Row>> = RwSignal::new(HashMap::new());
        // Oldest import first, then by id: the order the store lists.
        let order = Memo::new(move |_| {
            rows.with(|rows| {
                let mut ids: Vec<(u64, &String)> = rows
                    .values()
                    .map(|r| (r.proposal.imported_ms, &r.proposal.id))
                    .collect();
                ids.sort();
                ids.into_iter().map(|(_, id)| id.clone()).collect()
            })
        });
        let desk = Desk {
            rows,
            drafts: RwSignal::new(HashMap::new()),
            unreadable: RwSignal::new(HashMap::new()),
            opening: StoredValue::new(HashSet::new()),
            damaged: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
            skipped: RwSignal::new(0),
            loaded: RwSignal::new(false),
            problem: RwSignal::new(None),
            generation: StoredValue::new(0),
            order,
            announcement,
        };
        #[cfg(target_arch = "wasm32")]
        CHANNEL.with(|c| {
            *c.borrow_mut() = store::DeskChannel::open(move |heard| match heard {
                store::Heard::News(news) => {
                    let ids = news.added.into_iter().chain(news.replaced);
                    desk.refresh(ids.chain(news.removed).collect());
                }
                store::Heard::Reload => desk.reload(),
            });
        });
        desk.reload();
        desk
    }

    /// The applying schools, by proposal id, in the order of their names (for declaring
    /// conflicts of interest before blind reading).
    pub fn schools(&self) -> Vec<(String, String)> {
        let mut schools: Vec<(String, String)> = self
            .ids_in_order()
            .iter()
            .filter_map(|id| self.listing(id))
            .map(|l| {
                let school = match l.school.trim() {
                    "" => format!("School not named ({})", l.title),
                    s => s.to_string(),
                };
                (l.id, school)
            })
            .collect();
        crossroads_workbook::order::sort_by_key(&mut schools, |(_, s)| s.to_lowercase());
        schools
    }

    /// The ids of the proposals on the desk, in the list's order (oldest import first).
    pub fn ids_in_order(&self) -> Vec<String> {
        self.order.get()
    }

    /// What the list shows of proposal `id`, if it is on the desk.
    pub fn listing(&self, id: &str) -> Option<Listed> {
        self.rows
            .with(|r| r.get(id).map(|row| row.facts.listed.clone()))
    }

    /// The draft of proposal `id`: read from its stored file the first time it is asked for
    /// (`None` until then, and the signal tells when it is there), then kept.
    pub fn draft(&self, id: &str) -> Option<Draft> {
        if let Some(draft) = self.drafts.with(|d| d.get(id).cloned()) {
            return Some(draft);
        }
        let first = self
            .opening
            .try_update_value(|o| o.insert(id.to_string()))
            .unwrap_or(false);
        if first {
            let desk = *self;
            let id = id.to_string();
            spawn_local(async move {
                let read = the_store().await.text(&id).await;
                desk.opening.update_value(|o| {
                    o.remove(&id);
                });
                match read.map_err(|e| store::reason(&e)).and_then(|text| {
                    read_proposal(&text)
                        .map(|i| i.draft)
                        .map_err(|e| e.to_string())
                }) {
                    Ok(draft) => desk.drafts.update(|d| {
                        d.insert(id, draft);
                    }),
                    Err(why) => desk.unreadable.update(|u| {
                        u.insert(id, why);
                    }),
                }
            });
        }
        None
    }

    /// Why proposal `id` could not be opened, when it could not.
    pub fn unreadable(&self, id: &str) -> Option<String> {
        self.unreadable.with(|u| u.get(id).cloned())
    }

    /// Whether the desk has been read from storage.
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// The file proposal `id` came from.
    pub fn file_name(&self, id: &str) -> Option<String> {
        self.rows
            .with(|r| r.get(id).map(|row| row.proposal.file_name.clone()))
    }

    /// How many proposals are on the desk.
    pub fn count(&self) -> usize {
        self.rows.with(HashMap::len)
    }

    fn say(&self, text: String) {
        crate::ui::kit::notice::announce(self.announcement, text);
    }

    fn next_generation(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    fn put_row(&self, proposal: Proposal, facts: Facts) {
        let generation = self.next_generation();
        let id = proposal.id.clone();
        self.drafts.update(|d| {
            d.remove(&id);
        });
        self.unreadable.update(|u| {
            u.remove(&id);
        });
        self.damaged.update(|d| d.retain(|r| r.file_name != id));
        self.rows.update(|r| {
            r.insert(
                id,
                Row {
                    facts,
                    proposal,
                    generation,
                },
            );
        });
    }

    fn drop_row(&self, id: &str) {
        self.rows.update(|r| {
            r.remove(id);
        });
        self.drafts.update(|d| {
            d.remove(id);
        });
        self.damaged.update(|d| d.retain(|r| r.file_name != id));
    }

    /// Reads one entry's row (parsing its text once), or why it is kept as it is.
    async fn read_entry(s: &Store, entry: DeskEntry) -> Result<(Proposal, Facts), Refused> {
        let kept = |id: &str, why: String| Refused {
            file_name: id.to_string(),
            why,
        };
        match entry {
            DeskEntry::Kept(p) => match s.text(&p.id).await {
                Ok(text) => match read_proposal(&text) {
                    Ok(i) => {
                        let facts = Facts::of(&i.draft, i.set_aside.len());
                        Ok((p, facts))
                    }
                    Err(e) => Err(kept(&p.id, e.to_string())),
                },
                Err(e) => Err(kept(&p.id, store::reason(&e))),
            },
            DeskEntry::Newer { id, .. } => Err(kept(
                &id,
                "a newer version of Crossroads put it on the desk; it is kept as it is."
                    .to_string(),
            )),
            DeskEntry::Damaged { id, reason } => Err(kept(&id, reason)),
        }
    }

    /// Lists the whole desk again from storage.
    pub fn reload(&self) {
        let desk = *self;
        spawn_local(async move {
            let (s, problem) = open_store().await;
            if let Some(problem) = problem {
                desk.problem.set(Some(store::reason(&problem)));
            }
            let entries = match s.list().await {
                Ok(entries) => entries,
                Err(e) => {
                    desk.problem.set(Some(store::reason(&e)));
                    desk.loaded.set(true);
                    return;
                }
            };
            let mut rows = HashMap::new();
            let mut damaged = Vec::new();
            for entry in entries {
                match Desk::read_entry(&s, entry).await {
                    Ok((proposal, facts)) => {
                        let generation = desk.next_generation();
                        rows.insert(
                            proposal.id.clone(),
                            Row {
                                facts,
                                proposal,
                                generation,
                            },
                        );
                    }
                    Err(why) => damaged.push(why),
                }
            }
            desk.drafts.set(HashMap::new());
            desk.unreadable.set(HashMap::new());
            desk.damaged.set(damaged);
            desk.rows.set(rows);
            desk.loaded.set(true);
        });
    }

    /// Reads proposals `ids` again from storage (another tab changed them).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn refresh(&self, ids: Vec<String>) {
        let desk = *self;
        spawn_local(async move {
            let s = the_store().await;
            for id in ids {
                match s.entry(&id).await {
                    Ok(None) => desk.drop_row(&id),
                    Ok(Some(entry)) => match Desk::read_entry(&s, entry).await {
                        Ok((proposal, facts)) => desk.put_row(proposal, facts),
                        Err(why) => {
                            desk.drop_row(&id);
                            desk.damaged.update(|d| d.push(why));
                        }
                    },
                    Err(_) => desk.reload(),
                }
            }
        });
    }

    fn refuse(&self, file_name: String, why: String) {
        self.say(format!("{file_name} was not put on the desk: {why}"));
        self.refused.update(|r| r.push(Refused { file_name, why }));
    }

    /// Takes one chosen file: puts it on the desk, or says why not.
    fn take(&self, file: ChosenFile) {
        let file_name = if file.name.is_empty() {
            "What was dropped".to_string()
        } else {
            file.name
        };
        let text = match file.text {
            Ok(text) => text,
            Err(why) => return self.refuse(file_name, why),
        };
        let imported = match read_proposal(&text) {
            Ok(imported) => imported,
            Err(e) => return self.refuse(file_name, e.to_string()),
        };
        let draft = imported.draft;
        let facts = Facts::of(&draft, imported.set_aside.len());
        let summary = Summary::of(&draft, exported_ms(&text));
        let incoming = Incoming::new(&draft.id, &file_name, &text, browser::now_ms(), summary);
        let desk = *self;
        spawn_local(async move {
            let title = facts.listed.title.clone();
            match the_store().await.add(&incoming).await {
                Ok(Added::Stored(proposal)) => {
                    let id = proposal.id.clone();
                    desk.put_row(proposal, facts);
                    desk.say(format!("Put \u{201c}{title}\u{201d} on the desk."));
                    tell(News {
                        added: vec![id],
                        ..News::default()
                    });
                }
                Ok(Added::AlreadyHere(_)) => desk.refuse(
                    file_name,
                    format!(
                        "\u{201c}{title}\u{201d} is already open on the desk, exactly as in this file."
                    ),
                ),
                Ok(Added::Differs(choice)) => {
                    desk.say(format!(
                        "Another copy of \u{201c}{title}\u{201d} is on the desk: choose which to keep."
                    ));
                    desk.pending.update(|p| {
                        p.retain(|p| p.incoming.id() != incoming.id());
                        p.push(Pending {
                            incoming,
                            choice,
                            facts,
                        });
                    });
                }
                Err(e) => desk.refuse(file_name, store::reason(&e)),
            }
        });
    }

    /// The reviewer's choice between two copies: the file's (`true`) or the desk's.
    fn choose(&self, id: String, take_file: bool) {
        let Some(pending) = self
            .pending
            .with(|p| p.iter().find(|p| p.incoming.id() == id).cloned())
        else {
            return;
        };
        self.pending.update(|p| p.retain(|p| p.incoming.id() != id));
        let title = pending.facts.listed.title.clone();
        if !take_file {
            self.say(format!(
                "Kept the copy of \u{201c}{title}\u{201d} already on the desk."
            ));
            return;
        }
        let desk = *self;
        spawn_local(async move {
            match the_store()
                .await
                .replace(&pending.incoming, &pending.choice.kept)
                .await
            {
                Ok(proposal) => {
                    desk.put_row(proposal, pending.facts);
                    desk.say(format!(
                        "The desk now keeps the copy of \u{201c}{title}\u{201d} from {}.",
                        pending.incoming.file_name()
                    ));
                    tell(News {
                        replaced: vec![id],
                        ..News::default()
                    });
                }
                Err(e) => desk.refuse(pending.incoming.file_name().to_string(), store::reason(&e)),
            }
        });
    }

    /// Takes proposal `id` off the desk.
    fn remove(&self, id: String) {
        let Some(row) = self.rows.with(|r| r.get(&id).cloned()) else {
            return;
        };
        let desk = *self;
        spawn_local(async move {
            let title = row.facts.listed.title;
            match the_store().await.remove(&row.proposal).await {
                Ok(()) => {
                    desk.drop_row(&id);
                    desk.say(format!("Took \u{201c}{title}\u{201d} off the desk."));
                    tell(News {
                        removed: vec![id],
                        ..News::default()
                    });
                    browser::focus_later("list-heading".to_string());
                }
                Err(e) => {
                    let why = store::reason(&e);
                    desk.say(format!("\u{201c}{title}\u{201d} was not taken off: {why}"));
                    desk.problem.set(Some(why));
                }
            }
        });
    }

    /// The brief most proposals on the desk answer.
    fn usual_brief(&self) -> Option<(String, u32)> {
        self.rows.with(|rows| {
            let mut counts: HashMap<&(String, u32), usize> = HashMap::new();
            for b in rows.values().filter_map(|r| r.facts.listed.brief.as_ref()) {
                *counts.entry(b).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(b, _)| b.clone())
        })
    }
}

/// The words that mark a proposal answering another brief than most, or none.
fn brief_mark(brief: Option<&(String, u32)>, usual: Option<&(String, u32)>) -> Option<String> {
    match brief {
        None => Some("Answers no brief".to_string()),
        Some(b) if Some(b) != usual => Some(format!("Answers brief {} version {}", b.0, b.1)),
        Some(_) => None,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn status(row: &Row, blind: bool) -> String {
    let f = &row.facts;
    let mut parts = vec![
        format!("{} of {} prompts answered", f.answered, f.total),
        match f.signs {
            0 => "no warning signs open".to_string(),
            n => plural(n, "warning sign open", "warning signs open"),
        },
    ];
    if let Some(cents) = f.listed.requested_cents {
        parts.push(format!("asks {} of the competition", format_amount(cents)));
    }
    if !blind {
        parts.push(format!("from {}", row.proposal.file_name));
    }
    parts.join(" \u{b7} ")
}

/// The stage a proposal stands at on the reviewer's sheet and the progress there, when a sheet
/// is open.
fn standing_of(id: &str) -> Option<(String, crossroads_review::Progress)> {
    let scoring = super::scoring::Scoring::get();
    let keeper = scoring.sheet.get()?;
    scoring.competition.with(|c| {
        let c = c.as_ref()?;
        keeper.doc.with(|sheet| {
            crossroads_review::standing(c, sheet, id).map(|(stage, p)| (stage.name.clone(), p))
        })
    })
}

/// One proposal's card, with its removal asked first.
#[component]
fn Card(desk: Desk, row: Row, mark: Option<String>, assigned: bool) -> impl IntoView {
    let id = row.proposal.id.clone();
    // Read blind, a proposal goes by its code: no title, school or file name.
    let blind = untrack(|| super::scoring::Scoring::get().is_blind());
    let title = if blind {
        crossroads_review::proposal_code(&id)
    } else {
        row.facts.listed.title.clone()
    };
    let school = if blind {
        "School hidden: reading blind".to_string()
    } else if row.facts.listed.school.is_empty() {
        "School not named".to_string()
    } else {
        row.facts.listed.school.clone()
    };
    let asking = RwSignal::new(false);
    let remove_id = format!("remove-{id}");
    let keep_id = format!("keep-{id}");
    let question = format!("Take \u{201c}{title}\u{201d} off the desk?");
    let on_yes = {
        let id = id.clone();
        Callback::new(move |()| {
            asking.set(false);
            desk.remove(id.clone());
        })
    };
    let set_aside = row.facts.set_aside;
    let standing = {
        let id = id.clone();
        move || {
            standing_of(&id).map(|(stage, progress)| {
                view! {
                    <p class="proposal-card__progress" data-testid="progress">
                        <span class="proposal-card__stage">{format!("Stage: {stage}")}</span>
                        " \u{b7} "
                        <span class=format!("progress progress--{}", progress.key())>{progress.label()}</span>
                    </p>
                }
            })
        }
    };
    view! {
        <li class=if assigned { "proposal-card proposal-card--assigned" } else { "proposal-card" } data-testid="proposal">
            <h3><a href=Place::Reading(id.clone()).href()>{title.clone()}</a></h3>
            {assigned.then(|| view! { <p class="proposal-card__assigned" data-testid="assigned">"Assigned to you"</p> })}
            <p class="proposal-card__school">{school}</p>
            {mark.map(|m| view! { <p class="proposal-card__brief" data-testid="brief-mark"><strong>{m}</strong></p> })}
            <p class="proposal-card__meta">{status(&row, blind)}</p>
            {standing}
            {(set_aside > 0).then(|| view! {
                <p class="proposal-card__meta">
                    {format!("{set_aside} answers in the file belong to questions this version does not ask; they are not shown.")}
                </p>
            })}
            {move || if asking.get() {
                let keep_id = keep_id.clone();
                browser::focus_later(keep_id.clone());
                view! {
                    <Confirm
                        question=question.clone()
                        consequence="Its file is not touched: you can import it again.".to_string()
                        yes="Yes, take it off"
                        no="Keep it"
                        no_id=keep_id
                        back_to=remove_id.clone()
                        open=asking
                        on_yes
                    />
                }.into_any()
            } else {
                view! {
                    <p class="proposal-card__actions">
                        <button
                            type="button"
                            id=remove_id.clone()
                            class="button button--quiet button--small"
                            aria-label=format!("Remove from the desk: {title}")
                            on:click=move |_| asking.set(true)
                        >
                            "Remove from the desk"
                        </button>
                    </p>
                }.into_any()
            }}
        </li>
    }
}

/// The choices waiting between two copies of a proposal, newer export first.
fn choices(desk: Desk) -> impl IntoView {
    move || {
        desk.pending.get().into_iter().map(|p| {
            let id = p.incoming.id().to_string();
            let file = p.incoming.file_name().to_string();
            let title = p.choice.kept.summary.display_title().to_string();
            let when = |ms: Option<u64>| ms.map_or("at a time it does not say".to_string(), |ms| format!("on {}", browser::format_time(ms)));
            let differ = p.incoming.summary().exported_ms != p.choice.kept.summary.exported_ms;
            let later = if differ { " (exported later)" } else { "" };
            let kept_text = format!("On the desk: the copy from {}, exported {}.", p.choice.kept.file_name, when(p.choice.kept.summary.exported_ms));
            let file_text = format!("In {file}: a copy exported {}.", when(p.incoming.summary().exported_ms));
            let take_file = {
                let id = id.clone();
                let label = format!("Keep the copy from {file}{}", if p.choice.first == Side::Incoming { later } else { "" });
                view! { <button type="button" class="button button--small" on:click=move |_| desk.choose(id.clone(), true)>{label}</button> }
            };
            let keep_desk = {
                let id = id.clone();
                let label = format!("Keep the copy on the desk{}", if p.choice.first == Side::Kept { later } else { "" });
                view! { <button type="button" class="button button--small button--quiet" on:click=move |_| desk.choose(id.clone(), false)>{label}</button> }
            };
            let buttons = if p.choice.first == Side::Incoming {
                view! { {take_file} " " {keep_desk} }.into_any()
            } else {
                view! { {keep_desk} " " {take_file} }.into_any()
            };
            let heading_id = format!("choice-{id}");
            let labelled_by = heading_id.clone();
            view! {
                <div class="notice notice--warning" role="group" aria-labelledby=labelled_by data-testid="choice">
                    <p id=heading_id><strong>{format!("Two copies of \u{201c}{title}\u{201d}.")}</strong>" Which should the desk keep?"</p>
                    <ul><li>{kept_text}</li><li>{file_text}</li></ul>
                    <p class="notice__actions">{buttons}</p>
                </div>
            }
        }).collect_view()
    }
}

/// The desk's first screen: import files, and the list of proposals to read.
#[component]
pub fn ProposalList(desk: Desk) -> impl IntoView {
    browser::set_title("Reviewer\u{2019}s desk");
    let on_file = Callback::new(move |file: ChosenFile| desk.take(file));
    let on_skipped = Callback::new(move |n: usize| {
        desk.skipped.update(|s| *s += n);
        desk.say(plural(
            n,
            "file in the folder was skipped: it is not a proposal file.",
            "files in the folder were skipped: they are not proposal files.",
        ));
    });
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter::All);
    // "" is every proposal; otherwise a `Progress::key`.
    let progress = RwSignal::new(String::new());
    let scoring_open = move || super::scoring::Scoring::get().sheet.with(Option::is_some);
    let usual = Memo::new(move |_| desk.usual_brief());
    let assignment = Assignment::open(desk.announcement);
    // Without an assignment, "Assigned to you" is no longer offered.
    Effect::new(move |_| {
        if !assignment.is_kept() && filter.get_untracked() == Filter::Assigned {
            filter.set(Filter::All);
        }
    });
    // What the list shows, keyed so that only changed cards are drawn again.
    let visible = Memo::new(move |_| {
        let query = search.get().trim().to_lowercase();
        let filter = filter.get();
        let progress = progress.get();
        let usual = usual.get();
        let order = assignment.first(desk.order.get());
        let mine = assignment.ids();
        desk.rows.with(|rows| {
            order
                .iter()
                .filter_map(|id| rows.get(id))
                .filter(|r| {
                    let l = &r.facts.listed;
                    let blind = untrack(|| super::scoring::Scoring::get().is_blind());
                    query.is_empty()
                        || crossroads_review::proposal_code(&l.id)
                            .to_lowercase()
                            .contains(&query)
                        || (!blind
                            && (l.title.to_lowercase().contains(&query)
                                || l.school.to_lowercase().contains(&query)))
                })
                .filter(|r| {
                    let answers_usual = usual.is_some() && r.facts.listed.brief == usual;
                    match filter {
                        Filter::All => true,
                        Filter::TheBrief => answers_usual,
                        Filter::Other => !answers_usual,
                        Filter::Assigned => mine.contains(&r.proposal.id),
                    }
                })
                .filter(|r| {
                    progress.is_empty()
                        || standing_of(&r.proposal.id).is_none_or(|(_, p)| p.key() == progress)
                })
                .map(|r| {
                    (
                        r.clone(),
                        brief_mark(r.facts.listed.brief.as_ref(), usual.as_ref()),
                        mine.contains(&r.proposal.id),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let refused = move || {
        desk.refused.with(|refused| {
            (!refused.is_empty()).then(|| {
                let items = refused
                    .iter()
                    .map(|r| view! { <li><strong>{r.file_name.clone()}": "</strong>{r.why.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice notice--danger" data-testid="refused">
                        <p><strong>"Some files were not put on the desk."</strong>" Nothing in them was changed, and every proposal already on the desk is kept."</p>
                        <ul>{items}</ul>
                        <p class="notice__actions">
                            <button type="button" class="button button--quiet button--small" on:click=move |_| desk.refused.set(Vec::new())>
                                "Dismiss"
                            </button>
                        </p>
                    </div>
                }
            })
        })
    };
    let skipped = move || {
        let n = desk.skipped.get();
        (n > 0).then(|| view! {
            <div class="notice" data-testid="skipped">
                <p>
                    {plural(n, "file in the folder was skipped: it is not an HTML or JSON proposal file.", "files in the folder were skipped: they are not HTML or JSON proposal files.")}
                    " "
                    <button type="button" class="button button--quiet button--small" on:click=move |_| desk.skipped.set(0)>"Dismiss"</button>
                </p>
            </div>
        })
    };
    let damaged = move || {
        desk.damaged.with(|damaged| {
            (!damaged.is_empty()).then(|| {
                let items = damaged
                    .iter()
                    .map(|r| view! { <li><strong>{r.file_name.clone()}": "</strong>{r.why.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice notice--warning" data-testid="damaged">
                        <p><strong>"Some proposals on the desk cannot be read."</strong>" They are kept exactly as they are."</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    };
    let problem = move || {
        desk.problem.get().map(|why| view! {
            <div class="notice notice--danger" role="alert" data-testid="desk-problem"><p>{why}</p></div>
        })
    };
    let heading = move || {
        if !desk.loaded.get() {
            return "Reading the desk\u{2026}".to_string();
        }
        match desk.count() {
            0 => "No proposals open yet".to_string(),
            1 => "1 proposal open".to_string(),
            n => format!("{n} proposals open"),
        }
    };
    let shown = move || {
        let total = desk.count();
        let shown = visible.with(Vec::len);
        (shown != total).then(|| format!("Showing {shown} of {total}."))
    };
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"Proposals to review"</h1>
            <p class="lead">
                "Import the proposal files that school design teams sent you (the HTML or JSON files they \
                 exported from Crossroads), then read them one by one. The desk keeps them in this browser \
                 on this computer until you remove them: nothing is uploaded."
            </p>
            <DropZone class="import" labelled_by="open-heading" testid="open-proposals" multiple=true limit=MAX_FILE_BYTES on_file>
                <h2 id="open-heading">"Import proposal files"</h2>
                <FilePicker
                    id="proposal-files"
                    label="Choose one or more proposal files"
                    hint="Or drop them on this box. Each file at most 64 MB."
                    accept=PROPOSAL_FILES
                    multiple=true
                    limit=MAX_FILE_BYTES
                    on_file
                />
                <FilePicker
                    id="proposal-folder"
                    label="Choose a folder of proposals"
                    hint="Every HTML and JSON file in it and in its subfolders; other files are skipped."
                    accept=PROPOSAL_FILES
                    folder=true
                    on_skipped
                    limit=MAX_FILE_BYTES
                    on_file
                />
                <AssignmentPicker assignment />
            </DropZone>
            {problem}
            {choices(desk)}
            {refused}
            {skipped}
            {damaged}
            <section aria-labelledby="list-heading">
                <h2 id="list-heading" tabindex="-1">{heading}</h2>
                <p class="field__hint">
                    "The desk keeps these proposals in this browser: reloading or closing the page loses \
                     none of them. The files themselves are not touched."
                </p>
                <AssignmentNotice assignment desk />
                <div class="desk-tools">
                    <div class="field">
                        <label for="desk-search">"Search by title or school"</label>
                        <input id="desk-search" type="search" prop:value=search on:input=move |ev| search.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="desk-filter">"Show"</label>
                        <select id="desk-filter" on:change=move |ev| filter.set(match event_target_value(&ev).as_str() {
                            "brief" => Filter::TheBrief,
                            "other" => Filter::Other,
                            "assigned" => Filter::Assigned,
                            _ => Filter::All,
                        })>
                            <option value="all" selected=move || filter.get() == Filter::All>"All proposals"</option>
                            <option value="brief" selected=move || filter.get() == Filter::TheBrief>"Those answering the brief"</option>
                            <option value="other" selected=move || filter.get() == Filter::Other>"Those answering no brief or another"</option>
                            <Show when=move || assignment.is_kept()>
                                <option value="assigned" selected=move || filter.get() == Filter::Assigned>"Assigned to you"</option>
                            </Show>
                        </select>
                    </div>
                    <Show when=scoring_open>
                        <div class="field">
                            <label for="desk-progress">"Your scoring"</label>
                            <select id="desk-progress" on:change=move |ev| progress.set(event_target_value(&ev))>
                                <option value="" selected=move || progress.get().is_empty()>"Any"</option>
                                <option value="not-started" selected=move || progress.get() == "not-started">"Not started"</option>
                                <option value="partly" selected=move || progress.get() == "partly">"Partly scored"</option>
                                <option value="scored" selected=move || progress.get() == "scored">"Scored"</option>
                                <option value="conflict" selected=move || progress.get() == "conflict">"Conflict of interest declared"</option>
                            </select>
                        </div>
                    </Show>
                </div>
                <p class="field__hint" role="status" data-testid="shown">{shown}</p>
                <ol class="proposal-list" data-testid="proposal-list">
                    <For
                        each=move || visible.get()
                        key=|(row, mark, assigned)| (row.proposal.id.clone(), row.generation, mark.clone(), *assigned)
                        children=move |(row, mark, assigned)| view! { <Card desk row mark assigned /> }
                    />
                </ol>
            </section>
            <p class="desk__district">
                <a href=Place::Competitions.href()>"Running a competition? Write or open the district\u{2019}s brief"</a>
            </p>
            <p class="desk__district">
                <a href=Place::Panels.href()>"Chairing the panel? Share out the reading and combine the reviewers\u{2019} scores"</a>
            </p>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::{brief_mark, exported_ms};

    #[test]
    fn the_export_time_is_the_files_own() {
        let json = r#"{"format":"crossroads-proposal","version":1,"exported_ms":1764000700000,"draft":{}}"#;
        assert_eq!(exported_ms(json), Some(1_764_000_700_000));
        assert_eq!(exported_ms(r#"{"format":"crossroads-proposal"}"#), None);
    }

    #[test]
    fn proposals_answering_another_brief_or_none_are_marked() {
        let usual = ("riverton".to_string(), 2);
        assert_eq!(
            brief_mark(None, Some(&usual)).as_deref(),
            Some("Answers no brief")
        );
        assert_eq!(brief_mark(Some(&usual), Some(&usual)), None);
        let old = ("riverton".to_string(), 1);
        assert_eq!(
            brief_mark(Some(&old), Some(&usual)).as_deref(),
            Some("Answers brief riverton version 1")
        );
    }
}
