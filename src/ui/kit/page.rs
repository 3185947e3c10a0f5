//! What every page has around its screens: the skip link, the header with the page's name, the
//! offer of a newer build, the live announcer, and plain-words links to the other two pages.

use super::update::{self, UpdateBanner};
use crate::ui::browser;
use leptos::prelude::*;

/// The three pages of Crossroads, one per user group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The school design team's workbook.
    Team,
    /// The district reviewer's desk.
    Review,
    /// The facilitator's workshop.
    Workshop,
}

impl Page {
    /// Every page, the team's first.
    pub const ALL: [Page; 3] = [Page::Team, Page::Review, Page::Workshop];

    /// The page's file, relative to the others.
    pub fn file(self) -> &'static str {
        match self {
            Page::Team => "index.html",
            Page::Review => "review.html",
            Page::Workshop => "workshop.html",
        }
    }

    /// The line under "Crossroads" in the header.
    pub fn tagline(self) -> &'static str {
        match self {
            Page::Team => "Personalized learning design workbook",
            Page::Review => "Reviewer\u{2019}s desk",
            Page::Workshop => "Facilitator\u{2019}s workshop",
        }
    }

    /// How another page points here, in plain words: (the question, the link's words).
    fn invitation(self) -> (&'static str, &'static str) {
        match self {
            Page::Team => (
                "Writing your school\u{2019}s proposal?",
                "Open the design team\u{2019}s workbook",
            ),
            Page::Review => ("Reviewing proposals?", "Open the reviewer\u{2019}s desk"),
            Page::Workshop => (
                "Running a workshop?",
                "Open the facilitator\u{2019}s workshop",
            ),
        }
    }
}

/// The header of a page: the name, linking to the page's start, and its tagline.
#[component]
pub fn PageHeader(page: Page) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=browser::skip_to_main>"Skip to main content"</a>
        <header class="app-header">
            <a class="app-header__brand" href="#/">
                <span class="app-header__name">"Crossroads"</span>
                <span class="app-header__tagline">{page.tagline()}</span>
            </a>
        </header>
    }
}

/// Links to the two other pages. The one-file kit opened from disk has no other pages beside it,
/// so it shows none.
#[component]
pub fn OtherPages(here: Page) -> impl IntoView {
    (!browser::from_disk()).then(|| {
        let links = Page::ALL
            .into_iter()
            .filter(|p| *p != here)
            .map(|page| {
                let (question, words) = page.invitation();
                view! { <p>{question}" "<a href=page.file()>{words}</a></p> }
            })
            .collect_view();
        view! {
            <footer class="other-pages" data-testid="other-pages">
                <nav aria-label="Other parts of Crossroads">{links}</nav>
            </footer>
        }
    })
}

/// The frame of the reviewer's and the facilitator's pages: header, the update offer, the page's
/// screens, the links to the others and the announcer (`announcement`, read out politely).
#[component]
pub fn PageFrame(
    page: Page,
    announcement: RwSignal<String>,
    /// What updating means on this page, in the offer of a newer build.
    #[prop(optional)]
    update_note: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let update_ready = RwSignal::new(false);
    update::register(update_ready);
    view! {
        <PageHeader page />
        <UpdateBanner ready=update_ready note=update_note.unwrap_or("Updating reloads the page.") />
        {children()}
        <OtherPages here=page />
        <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
            {move || announcement.get()}
        </div>
    }
}
