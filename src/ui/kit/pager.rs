//! Back and Next links between the pages of a sequence (sections, proposals, handouts).

use leptos::prelude::*;

/// One end of a pager: where it goes and what it says after "Back: " or "Next: ".
pub type PagerLink = Option<(String, String)>;

/// "← Back: …" and "Next: … →", as links.
#[component]
pub fn Pager(
    /// What the two links move between, for screen readers ("Previous and next section").
    label: &'static str,
    /// The previous page, if any.
    back: PagerLink,
    /// The next page, if any.
    next: PagerLink,
) -> impl IntoView {
    let back = back.map(|(href, title)| {
        view! {
            <a class="button button--secondary" rel="prev" href=href>
                <span aria-hidden="true">"\u{2190} "</span>"Back: "{title}
            </a>
        }
    });
    let next = next.map(|(href, title)| {
        view! {
            <a class="button" rel="next" href=href>
                "Next: "{title}<span aria-hidden="true">" \u{2192}"</span>
            </a>
        }
    });
    view! {
        <nav class="pager" aria-label=label>
            <span class="pager__back">{back}</span>
            <span class="pager__next">{next}</span>
        </nav>
    }
}
