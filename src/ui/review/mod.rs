//! The reviewer's desk (`review.html`): a district reviewer opens the proposal files teams
//! sent (many at once, or a whole folder), sees them as a list, and reads them one by one. Nothing
//! is uploaded: the desk keeps the proposals in this browser's IndexedDB until the reviewer
//! removes them, so a reload or a closed tab loses nothing.
//! The district writes its competitions here too (`#/competitions`), and a reviewer scores
//! against one (`#/scoring`, `#/ranking`), kept in this browser's local storage.

mod assignment;
mod brief;
mod compare;
mod desk;
mod panel;
mod ranking;
mod reading;
mod scoring;
mod stores;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageFrame};
use desk::{Desk, ProposalList};
use leptos::prelude::*;
use reading::ReadingView;

/// Where the desk is, from the URL's hash: the list (`#/`), one proposal
/// (`#/proposals/<id>`, by its draft id, which is URL-safe), scoring and the ranking, the
/// district's competitions (`#/competitions`) or one competition (`#/competitions/<id>`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    List,
    Reading(String),
    /// Two proposals side by side (`#/compare/<id>/<id>`).
    Compare(String, String),
    /// The reviewer's score sheet: competition, name, blind reading, conflicts.
    Scoring,
    /// The reviewer's ranking and files.
    Ranking,
    Competitions,
    Competition(String),
    /// The district's review panels, and one panel.
    Panels,
    Panel(String),
}

impl Place {
    fn parse(hash: &str) -> Place {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            ["proposals", id] if crossroads_workbook::valid_draft_id(id) => {
                Place::Reading(id.to_string())
            }
            ["compare", a, b]
                if crossroads_workbook::valid_draft_id(a)
                    && crossroads_workbook::valid_draft_id(b) =>
            {
                Place::Compare(a.to_string(), b.to_string())
            }
            ["scoring"] => Place::Scoring,
            ["ranking"] => Place::Ranking,
            ["competitions"] | ["competitions", ""] => Place::Competitions,
            ["competitions", id] => Place::Competition(id.to_string()),
            ["panels"] | ["panels", ""] => Place::Panels,
            ["panels", id] if crossroads_workbook::valid_draft_id(id) => {
                Place::Panel(id.to_string())
            }
            _ => Place::List,
        }
    }

    fn href(&self) -> String {
        match self {
            Place::List => "#/".to_string(),
            Place::Reading(id) => format!("#/proposals/{id}"),
            Place::Compare(a, b) => format!("#/compare/{a}/{b}"),
            Place::Scoring => "#/scoring".to_string(),
            Place::Ranking => "#/ranking".to_string(),
            Place::Competitions => "#/competitions".to_string(),
            Place::Competition(id) => format!("#/competitions/{id}"),
            Place::Panels => "#/panels".to_string(),
            Place::Panel(id) => format!("#/panels/{id}"),
        }
    }
}

/// The reviewer's whole page.
#[component]
pub fn ReviewApp() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let desk = Desk::new(announcement);
    scoring::Scoring::start();
    let place = RwSignal::new(Place::parse(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        place.set(Place::parse(&browser::hash()));
    });
    // A file dropped beside the drop zone is not opened by the browser in place of the desk.
    let drag = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        handle.remove();
        drag.remove();
        drop.remove();
    });
    // Only a change of screen rebuilds it, not every file imported.
    let screen = Memo::new(move |_| place.get());
    let listed = Signal::derive(move || {
        desk.ids_in_order()
            .iter()
            .filter_map(|id| desk.listing(id))
            .collect::<Vec<_>>()
    });
    view! {
        <PageFrame
            page=Page::Review
            announcement
            update_note="Updating reloads the page: the proposals on the desk stay on it."
        >
            {move || match screen.get() {
                Place::Reading(id) => view! { <ReadingView desk id /> }.into_any(),
                Place::Compare(a, b) => view! { <compare::CompareView desk a b /> }.into_any(),
                Place::Scoring => view! { <scoring::ScoringSetup desk /> }.into_any(),
                Place::Ranking => view! { <ranking::RankingView proposals=listed /> }.into_any(),
                Place::Competitions => view! { <brief::Competitions announcement /> }.into_any(),
                Place::Competition(id) => view! { <brief::BriefEditor id announcement /> }.into_any(),
                Place::Panels => view! { <panel::Panels /> }.into_any(),
                Place::Panel(id) => view! { <panel::PanelView id desk announcement /> }.into_any(),
                Place::List => view! { <ProposalList desk /> }.into_any(),
            }}
        </PageFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn places_read_from_the_hash_and_back() {
        assert_eq!(Place::parse(""), Place::List);
        assert_eq!(Place::parse("#/"), Place::List);
        assert_eq!(
            Place::parse("#/proposals/mh3x9k2ab1c"),
            Place::Reading("mh3x9k2ab1c".to_string())
        );
        assert_eq!(Place::parse("#/proposals/"), Place::List);
        assert_eq!(Place::parse("#/proposals/a%20b"), Place::List);
        assert_eq!(Place::parse("#/elsewhere"), Place::List);
        let place = Place::Reading("fixture2".to_string());
        assert_eq!(place.href(), "#/proposals/fixture2");
        assert_eq!(Place::parse(&place.href()), place);
        assert_eq!(Place::parse("#/competitions"), Place::Competitions);
        assert_eq!(Place::parse("#/scoring"), Place::Scoring);
        let pair = Place::Compare("a1".into(), "b2".into());
        assert_eq!(Place::parse(&pair.href()), pair);
        assert_eq!(Place::parse("#/compare/a1/../x"), Place::List);
        assert_eq!(Place::parse(&Place::Ranking.href()), Place::Ranking);
        assert_eq!(Place::parse("#/panels"), Place::Panels);
        let panel = Place::Panel("panel-1a".into());
        assert_eq!(Place::parse(&panel.href()), panel);
        assert_eq!(
            Place::parse(&Place::Competition("c-1".into()).href()),
            Place::Competition("c-1".into())
        );
    }
}
