//! The facilitator's workshop (`workshop.html`). For now: a handout per focus area, with its
//! prompts and room to write, ready to print for teams at their tables.

mod handout;

use crate::ui::browser;
use crate::ui::kit::page::{Page, PageFrame};
use crossroads_workbook::FocusArea;
use handout::Handout;
use leptos::prelude::*;

/// The handout a URL hash names (`#/handouts/<area number>`), if any.
fn area_of(hash: &str) -> Option<FocusArea> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let n = path.strip_prefix("handouts/")?.parse::<usize>().ok()?;
    FocusArea::ALL.get(n.checked_sub(1)?).copied()
}

fn handout_href(area: FocusArea) -> String {
    format!("#/handouts/{}", area.number())
}

/// The facilitator's whole page.
#[component]
pub fn WorkshopApp() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let area = RwSignal::new(area_of(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        area.set(area_of(&browser::hash()));
    });
    on_cleanup(move || handle.remove());
    view! {
        <PageFrame page=Page::Workshop announcement>
            {move || match area.get() {
                Some(area) => view! { <Handout area /> }.into_any(),
                None => view! { <Handouts /> }.into_any(),
            }}
        </PageFrame>
    }
}

/// The list of handouts.
#[component]
fn Handouts() -> impl IntoView {
    browser::set_title("Facilitator\u{2019}s workshop");
    let items = FocusArea::ALL
        .iter()
        .map(|area| {
            let section = area.section();
            view! {
                <li class="proposal-card" data-testid="handout-link">
                    <h3><a href=handout_href(*area)>{section.numbered_title()}</a></h3>
                    <p class="proposal-card__meta">{format!("{} prompts, with room to write", section.prompts.len())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1>"Handouts for a design workshop"</h1>
            <p class="lead">
                "Each focus area of the workbook as a printed sheet: its questions and guidance with room \
                 to write, for teams working at their tables before anyone types. Open one, then print it."
            </p>
            <ol class="proposal-list">{items}</ol>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handout_is_named_by_its_area_number() {
        assert_eq!(area_of("#/handouts/1"), Some(FocusArea::ALL[0]));
        assert_eq!(area_of("#/handouts/4"), Some(FocusArea::ALL[3]));
        assert_eq!(area_of("#/handouts/5"), None);
        assert_eq!(area_of("#/handouts/0"), None);
        assert_eq!(area_of("#/"), None);
        for area in FocusArea::ALL {
            assert_eq!(area_of(&handout_href(area)), Some(area));
        }
    }
}
