//! The reviewer's desk (`review.html`): a district reviewer opens the proposal files teams
//! sent (many at once), sees them as a list, and reads them one by one. Nothing is uploaded and
//! nothing is stored yet: the files stay where they are, and the list lasts while the tab is open.

mod desk;
mod reading;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageFrame};
use desk::{Desk, ProposalList};
use leptos::prelude::*;
use reading::ReadingView;

/// Where the desk is, from the URL's hash: the list (`#/`) or one proposal (`#/proposals/<n>`,
/// counted from 1 in the order opened).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    List,
    Reading(usize),
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
            _ => Place::List,
        }
    }

    fn href(self) -> String {
        match self {
            Place::List => "#/".to_string(),
            Place::Reading(i) => format!("#/proposals/{}", i + 1),
        }
    }
}

/// The reviewer's whole page.
#[component]
pub fn ReviewApp() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let desk = Desk::new(announcement);
    let place = RwSignal::new(Place::parse(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        place.set(Place::parse(&browser::hash()));
    });
    on_cleanup(move || handle.remove());
    view! {
        <PageFrame page=Page::Review announcement>
            {move || match place.get() {
                Place::Reading(i) if i < desk.count() => view! { <ReadingView desk index=i /> }.into_any(),
                _ => view! { <ProposalList desk /> }.into_any(),
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
    }
}
