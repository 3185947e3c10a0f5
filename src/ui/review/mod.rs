//! The reviewer's desk (`review.html`): a district reviewer opens the proposal files teams
//! sent (many at once), sees them as a list, and reads them one by one. Nothing is uploaded and
//! nothing is stored yet: the files stay where they are, and the list lasts while the tab is open.
//! The district writes its competitions here too (`#/competitions`): the brief schools answer
//! and the rubric reviewers score with, kept in this browser.

mod brief;
mod desk;
mod ranking;
mod reading;
mod scoring;
mod stores;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageFrame};
use desk::{Desk, ProposalList};
use leptos::prelude::*;
use reading::ReadingView;

/// Where the desk is, from the URL's hash: the list (`#/`), one proposal (`#/proposals/<n>`,
/// counted from 1 in the order opened), the district's competitions (`#/competitions`) or one
/// competition (`#/competitions/<id>`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    List,
    Reading(usize),
    /// The reviewer's score sheet: competition, name, blind reading, conflicts.
    Scoring,
    /// The reviewer's ranking and files.
    Ranking,
    Competitions,
    Competition(String),
}

impl Place {
    fn parse(hash: &str) -> Place {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            ["proposals", n] => n
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .map_or(Place::List, |n| Place::Reading(n - 1)),
            ["scoring"] => Place::Scoring,
            ["ranking"] => Place::Ranking,
            ["competitions"] | ["competitions", ""] => Place::Competitions,
            ["competitions", id] => Place::Competition(id.to_string()),
            _ => Place::List,
        }
    }

    fn href(&self) -> String {
        match self {
            Place::List => "#/".to_string(),
            Place::Reading(i) => format!("#/proposals/{}", i + 1),
            Place::Scoring => "#/scoring".to_string(),
            Place::Ranking => "#/ranking".to_string(),
            Place::Competitions => "#/competitions".to_string(),
            Place::Competition(id) => format!("#/competitions/{id}"),
        }
    }
}

/// The reviewer's whole page.
#[component]
pub fn ReviewApp() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let desk = Desk::new(announcement);
    scoring::Scoring::start();
    // Nothing is open when the page loads: an address of a proposal (after a reload) shows
    // the list, and says so in the address. The district's competitions, scoring and the
    // ranking are kept, so their addresses stay.
    if matches!(Place::parse(&browser::hash()), Place::Reading(_)) {
        browser::replace_hash(&Place::List.href());
    }
    let place = RwSignal::new(match Place::parse(&browser::hash()) {
        Place::Reading(_) => Place::List,
        other => other,
    });
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        place.set(Place::parse(&browser::hash()));
    });
    // Leaving the page empties the desk: the browser asks first while proposals are open.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if desk.count() > 0 {
            ev.prevent_default();
        }
    });
    // A file dropped beside the drop zone is not opened by the browser in place of the desk.
    let drag = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        handle.remove();
        leaving.remove();
        drag.remove();
        drop.remove();
    });
    // Only a change of screen rebuilds it, not every file opened.
    let screen = Memo::new(move |_| match place.get() {
        Place::Reading(i) if i < desk.count() => Place::Reading(i),
        Place::Reading(_) => Place::List,
        other => other,
    });
    let drafts = Signal::derive(move || desk.drafts());
    let schools = Signal::derive(move || desk.schools());
    view! {
        <PageFrame
            page=Page::Review
            announcement
            update_note="Updating reloads the page: the proposals open here will need opening again from their files, which stay as they are."
        >
            {move || match screen.get() {
                Place::Reading(i) => view! { <ReadingView desk index=i /> }.into_any(),
                Place::Scoring => view! { <scoring::ScoringSetup schools /> }.into_any(),
                Place::Ranking => view! { <ranking::RankingView proposals=drafts /> }.into_any(),
                Place::Competitions => view! { <brief::Competitions announcement /> }.into_any(),
                Place::Competition(id) => view! { <brief::BriefEditor id announcement /> }.into_any(),
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
        assert_eq!(Place::parse("#/proposals/3"), Place::Reading(2));
        assert_eq!(Place::parse("#/proposals/0"), Place::List);
        assert_eq!(Place::parse("#/proposals/x"), Place::List);
        assert_eq!(Place::parse("#/elsewhere"), Place::List);
        assert_eq!(Place::Reading(2).href(), "#/proposals/3");
        assert_eq!(Place::parse(&Place::Reading(7).href()), Place::Reading(7));
        assert_eq!(Place::parse("#/competitions"), Place::Competitions);
        assert_eq!(
            Place::parse(&Place::Competition("c-1".into()).href()),
            Place::Competition("c-1".into())
        );
    }
}
