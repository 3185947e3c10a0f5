//! The facilitator's workshop (`workshop.html`): plans of sessions over the workbook's focus
//! areas, kept in this browser with the same save guarantees as a team's drafts; a run view
//! with timed protocol steps; a projector window that follows it; and handouts to print.

mod editor;
mod handout;
mod parking;
mod plans;
mod projector;
mod run;
mod shortcuts;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageFrame};
use crossroads_storage::{DocStore, MemoryStore, StoreError};
use crossroads_workbook::FocusArea;
use crossroads_workshop::{Running, Workshop};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the facilitator is, from the URL's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    /// The plans and the handouts per area (`#/`).
    Home,
    /// The handout of a focus area (`#/handouts/<area number>`).
    Handout(FocusArea),
    /// A plan to edit (`#/plans/<id>`).
    Plan(String),
    /// Running a plan (`#/plans/<id>/run`).
    Run(String),
    /// The projector window of a plan's run (`#/plans/<id>/projector`).
    Projector(String),
    /// The handout of one session of a plan, counted from 1 (`#/plans/<id>/sessions/<n>`).
    SessionHandout(String, usize),
}

impl Place {
    fn parse(hash: &str) -> Place {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let area = |n: &str| {
            n.parse::<usize>()
                .ok()
                .and_then(|n| FocusArea::ALL.get(n.checked_sub(1)?).copied())
        };
        match parts.as_slice() {
            ["handouts", n] => area(n).map_or(Place::Home, Place::Handout),
            ["plans", id] if !id.is_empty() => Place::Plan(id.to_string()),
            ["plans", id, "run"] => Place::Run(id.to_string()),
            ["plans", id, "projector"] => Place::Projector(id.to_string()),
            ["plans", id, "sessions", n] => match n.parse::<usize>() {
                Ok(n) if n > 0 => Place::SessionHandout(id.to_string(), n - 1),
                _ => Place::Plan(id.to_string()),
            },
            _ => Place::Home,
        }
    }

    fn href(&self) -> String {
        match self {
            Place::Home => "#/".to_string(),
            Place::Handout(area) => format!("#/handouts/{}", area.number()),
            Place::Plan(id) => format!("#/plans/{id}"),
            Place::Run(id) => format!("#/plans/{id}/run"),
            Place::Projector(id) => format!("#/plans/{id}/projector"),
            Place::SessionHandout(id, n) => format!("#/plans/{id}/sessions/{}", n + 1),
        }
    }
}

/// The stores the workshop page writes: plans, and where each run is.
struct Stores {
    plans: Arc<DocStore<Workshop>>,
    runs: Arc<DocStore<Running>>,
    /// Why the browser's storage could not be used, when it could not.
    refused: Option<StoreError>,
}

impl Stores {
    fn open() -> Stores {
        let writer = format!("tab-{}", browser::random_u64() % 1_000_000);
        #[cfg(target_arch = "wasm32")]
        {
            if let (Ok(a), Ok(b)) = (
                crossroads_storage::BrowserStore::open(),
                crossroads_storage::BrowserStore::open(),
            ) {
                return Stores {
                    plans: Arc::new(DocStore::new(Box::new(a), &writer)),
                    runs: Arc::new(DocStore::new(Box::new(b), &writer)),
                    refused: None,
                };
            }
        }
        let memory = Arc::new(MemoryStore::default());
        Stores {
            plans: Arc::new(DocStore::new(Box::new(memory.clone()), &writer)),
            runs: Arc::new(DocStore::new(Box::new(memory), &writer)),
            refused: Some(StoreError::Unavailable),
        }
    }

    /// The page's stores, opened on first use. Not a context: handlers of window events and of
    /// files read run outside any component, and must reach them too.
    fn get() -> &'static Stores {
        static STORES: std::sync::OnceLock<Stores> = std::sync::OnceLock::new();
        STORES.get_or_init(Stores::open)
    }
}

/// A fresh plan id.
fn new_plan_id() -> String {
    format!("plan-{:x}", browser::random_u64())
}

/// The facilitator's whole page.
#[component]
pub fn WorkshopApp() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    Stores::get();
    provide_context(announcement);
    let place = RwSignal::new(Place::parse(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        place.set(Place::parse(&browser::hash()));
    });
    on_cleanup(move || handle.remove());
    let screen = Memo::new(move |_| place.get());
    move || {
        match screen.get() {
        // The projector fills its window: no header, no links, nothing but the room's screen.
        Place::Projector(id) => view! { <projector::Projector id /> }.into_any(),
        other => view! {
            <PageFrame
                page=Page::Workshop
                announcement
                update_note="Updating reloads the page. Your plans are kept in this browser; a run keeps its place."
            >
                {match other {
                    Place::Home => view! { <plans::Plans /> }.into_any(),
                    Place::Handout(area) => view! { <handout::AreaHandout area /> }.into_any(),
                    Place::Plan(id) => view! { <editor::Editor id /> }.into_any(),
                    Place::Run(id) => view! { <run::RunView id /> }.into_any(),
                    Place::SessionHandout(id, n) => view! { <handout::SessionHandout id index=n /> }.into_any(),
                    Place::Projector(_) => ().into_any(),
                }}
            </PageFrame>
        }
        .into_any(),
    }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_from_the_hash_and_back() {
        let places = [
            Place::Home,
            Place::Handout(FocusArea::ALL[3]),
            Place::Plan("plan-1a".into()),
            Place::Run("plan-1a".into()),
            Place::Projector("plan-1a".into()),
            Place::SessionHandout("plan-1a".into(), 2),
        ];
        for place in places {
            assert_eq!(Place::parse(&place.href()), place);
        }
        assert_eq!(
            Place::parse("#/handouts/1"),
            Place::Handout(FocusArea::ALL[0])
        );
        assert_eq!(Place::parse("#/handouts/5"), Place::Home);
        assert_eq!(Place::parse("#/handouts/0"), Place::Home);
        assert_eq!(
            Place::parse("#/plans/p/sessions/0"),
            Place::Plan("p".into())
        );
        assert_eq!(Place::parse("#/plans/"), Place::Home);
        assert_eq!(Place::parse(""), Place::Home);
        assert_eq!(Place::parse("#/elsewhere"), Place::Home);
    }
}
