//! The district's review panel (`#/panels`, `#/panels/<id>`): the proposals and reviewers, the
//! assignment of the reading with one file per reviewer, the reviewers' score files combined
//! with their flags, standardised scores and rank ranges, the discussion's changed scores, the
//! stages, the funding line and the panel's documents. The rules are the panel crate's and the
//! documents the exchange crate's; this module holds the signals and the views. A panel is kept
//! like a competition (local storage, within the reviewers' share, the drafts' guarantees).

mod decide;
mod results;
mod setup;

use super::desk::Desk;
use super::stores::Stores;
use super::Place;
use crate::ui::browser;
use crate::ui::kit::keep::Keeper;
use crate::ui::kit::notice::ErrorNotice;
use crate::ui::kit::save::SaveStatusLine;
use crossroads_exchange::Decided;
use crossroads_panel::Panel;
use crossroads_review::{proposal_code, Competition};
use crossroads_storage::{DocEntry, DocStore, Document};
use leptos::prelude::*;

/// The panel being edited.
pub(crate) type PanelKeeper = Keeper<Panel>;

fn new_panel_id() -> String {
    format!("panel-{:x}", browser::random_u64())
}

/// What every part of the panel's screen reads: the panel, its competition, the figures computed
/// from both, and the names proposals go by.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub panel: PanelKeeper,
    pub competition: StoredValue<Competition>,
    pub decided: Memo<Decided>,
    pub desk: Desk,
    /// Proposals shown by their codes only.
    pub blind: RwSignal<bool>,
    pub announcement: RwSignal<String>,
}

impl Ctx {
    /// The name a proposal goes by on the panel's screen: its code, then its title unless blind.
    pub fn name(&self, id: &str) -> String {
        let code = proposal_code(id);
        if self.blind.get() {
            return code;
        }
        match self.desk.listing(id) {
            Some(l) => format!("{code} \u{b7} {}", l.title),
            None => code,
        }
    }

    /// Each proposal's title by id, for the documents.
    pub fn titles(&self) -> std::collections::BTreeMap<String, String> {
        self.panel.doc.with_untracked(|p| {
            p.proposals
                .iter()
                .filter_map(|r| {
                    untrack(|| self.desk.listing(&r.id)).map(|l| (r.id.clone(), l.title))
                })
                .collect()
        })
    }

    /// A reviewer's name, from the panel's list or the files loaded.
    pub fn reviewer_name(&self, id: &str) -> String {
        self.panel.doc.with(|p| {
            p.reviewers
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.name.clone())
                .or_else(|| {
                    p.sheets
                        .iter()
                        .find(|s| s.reviewer.id == id)
                        .map(|s| s.reviewer.name.clone())
                })
                .unwrap_or_else(|| id.to_string())
        })
    }
}

fn panel_summary(panel: &Panel, competitions: &DocStore<Competition>) -> (String, String) {
    let title = match competitions.load(&panel.competition) {
        Ok(Some(DocEntry::Editable { doc, .. })) => doc.display_title().to_string(),
        _ => format!("Competition {}", panel.competition),
    };
    let meta = format!(
        "{} proposals \u{b7} {} reviewers \u{b7} {} score files loaded",
        panel.proposals.len(),
        panel.reviewers.len(),
        panel.sheets.len()
    );
    (title, meta)
}

/// The district's panels, and starting one for a competition.
#[component]
pub fn Panels() -> impl IntoView {
    browser::set_title("Review panels");
    let stores = Stores::get();
    let problem = RwSignal::new(None::<String>);
    let refresh = RwSignal::new(0u32);
    let competitions: Vec<(String, String)> = stores
        .competitions
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|e| match e {
            DocEntry::Editable { doc, .. } => {
                Some((doc.brief.id.clone(), doc.display_title().to_string()))
            }
            _ => None,
        })
        .collect();
    let chosen = RwSignal::new(
        competitions
            .first()
            .map(|c| c.0.clone())
            .unwrap_or_default(),
    );
    let start = move |_| {
        let id = chosen.get_untracked();
        let Ok(Some(DocEntry::Editable { doc, .. })) = Stores::get().competitions.load(&id) else {
            problem.set(Some(
                "Choose a competition first: its brief and rubric are what the panel works to."
                    .into(),
            ));
            return;
        };
        let panel = Panel::new(new_panel_id(), &doc, browser::now_ms());
        let pid = panel.id.clone();
        match Stores::get().panels.add(panel) {
            Ok(_) => browser::replace_hash(&Place::Panel(pid).href()),
            Err(e) => problem.set(Some(format!(
                "The panel was not saved: {}.",
                e.reason("panel")
            ))),
        }
    };
    let list = move || {
        refresh.get();
        let stores = Stores::get();
        let entries = stores.panels.list().unwrap_or_default();
        if entries.is_empty() {
            return view! { <p data-testid="no-panels">"No panel yet."</p> }.into_any();
        }
        entries
            .into_iter()
            .map(|e| match e {
                DocEntry::Editable { doc, .. } => {
                    let (title, meta) = panel_summary(&doc, &stores.competitions);
                    view! {
                        <li class="proposal-card" data-testid="panel-card">
                            <h3><a href=Place::Panel(doc.id.clone()).href()>{format!("Panel: {title}")}</a></h3>
                            <p class="proposal-card__meta">{meta}</p>
                        </li>
                    }
                    .into_any()
                }
                DocEntry::Newer { id, .. } => view! {
                    <li class="proposal-card" data-testid="panel-card">
                        <h3>{format!("Panel {id}")}</h3>
                        <p>"A newer version of Crossroads saved this panel. Open it there; this version leaves it as it is."</p>
                    </li>
                }
                .into_any(),
                DocEntry::Damaged { id, reason } => view! {
                    <li class="proposal-card" data-testid="panel-card">
                        <h3>{format!("Panel {id}")}</h3>
                        <p>{format!("This stored panel is damaged and is kept exactly as it is: {reason}.")}</p>
                    </li>
                }
                .into_any(),
            })
            .collect_view()
            .into_any()
    };
    let has_competitions = !competitions.is_empty();
    let options = competitions
        .into_iter()
        .map(|(id, title)| view! { <option value=id>{title}</option> })
        .collect_view();
    view! {
        <main id="main" class="page" tabindex="-1">
            <p><a href=Place::List.href()>"\u{2190} Proposals to review"</a></p>
            <h1>"Review panels"</h1>
            <p class="lead">
                "A panel turns several reviewers\u{2019} scores into the district\u{2019}s decision: who reads \
                 which proposal, how the scores combine, the discussion, the stages, the funding line and \
                 the feedback every team receives. Everything stays in this browser."
            </p>
            <ErrorNotice message=problem />
            <h2>"Your panels"</h2>
            <ul class="proposal-list">{list}</ul>
            <h2>"Start a panel"</h2>
            {if has_competitions {
                view! {
                    <div class="field">
                        <label for="panel-competition">"For the competition"</label>
                        <select id="panel-competition" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <p><button type="button" class="button" on:click=start>"Start the panel"</button></p>
                }.into_any()
            } else {
                view! {
                    <p>"A panel works to a competition\u{2019}s brief. "<a href=Place::Competitions.href()>"Write or import the competition"</a>" first."</p>
                }.into_any()
            }}
        </main>
    }
}

/// One panel, all its parts on one page in the order a panel works.
#[component]
pub fn PanelView(id: String, desk: Desk, announcement: RwSignal<String>) -> impl IntoView {
    let stores = Stores::get();
    let (panel, revision) = match stores.panels.load(&id) {
        Ok(Some(DocEntry::Editable { doc, revision })) => (doc, revision),
        _ => {
            return view! {
                <main id="main" class="page" tabindex="-1">
                    <h1>"Panel not found"</h1>
                    <p>"This panel is not kept in this browser. "<a href=Place::Panels.href()>"See the panels"</a></p>
                </main>
            }
            .into_any()
        }
    };
    let Ok(Some(DocEntry::Editable {
        doc: competition, ..
    })) = stores.competitions.load(&panel.competition)
    else {
        return view! {
            <main id="main" class="page" tabindex="-1">
                <h1>"The panel\u{2019}s competition is missing"</h1>
                <p>"Import the competition\u{2019}s brief again on the "<a href=Place::Competitions.href()>"competitions screen"</a>"; the panel is kept as it is."</p>
            </main>
        }
        .into_any();
    };
    browser::set_title(&format!("Panel: {}", competition.display_title()));
    let keeper = Keeper::new(panel, revision, false, stores.panels.clone(), new_panel_id);
    let competition = StoredValue::new(competition);
    let decided = Memo::new(move |_| {
        keeper
            .doc
            .with(|p| competition.with_value(|c| Decided::compute(c, p)))
    });
    let ctx = Ctx {
        panel: keeper,
        competition,
        decided,
        desk,
        blind: RwSignal::new(false),
        announcement,
    };
    let title = competition.with_value(|c| c.display_title().to_string());
    view! {
        <main id="main" class="page panel-page" tabindex="-1" data-testid="panel">
            <p><a href=Place::Panels.href()>"\u{2190} Review panels"</a></p>
            <h1>{format!("Panel: {title}")}</h1>
            <SaveStatusLine status=keeper.status noun="panel" />
            <label class="option">
                <input type="checkbox" prop:checked=move || ctx.blind.get() on:change=move |ev| ctx.blind.set(event_target_checked(&ev)) />
                <span>"Show proposals by their codes only (for a blind panel and its documents)"</span>
            </label>
            <setup::Reading ctx />
            <results::Scores ctx />
            <results::Stages ctx />
            <decide::Funding ctx />
            <decide::Documents ctx />
        </main>
    }
    .into_any()
}
