//! One focus area as a sheet to print: why it matters, then every prompt with its guidance and
//! room to write (lines for text, boxes for options, an empty table for rows).

use super::{Place, Stores};
use crate::ui::browser;
use crate::ui::kit::pager::{Pager, PagerLink};
use crossroads_workbook::{FocusArea, Prompt, PromptKind};
use leptos::prelude::*;

/// Ruled lines to write on.
fn lines(n: usize) -> impl IntoView {
    // Borders, not a background: browsers leave backgrounds out when printing.
    let ruled = (0..n)
        .map(|_| view! { <div class="handout__line"></div> })
        .collect_view();
    view! { <div class="handout__lines" aria-hidden="true">{ruled}</div> }
}

fn boxes<'a>(labels: impl Iterator<Item = &'a str>) -> impl IntoView {
    let items = labels
        .map(|label| view! { <li><span class="handout__box" aria-hidden="true"></span>{label.to_string()}</li> })
        .collect_view();
    view! { <ul class="handout__options">{items}</ul> }
}

fn space_for(prompt: &'static Prompt) -> AnyView {
    match &prompt.kind {
        PromptKind::ShortText => lines(1).into_any(),
        PromptKind::LongText => lines(6).into_any(),
        PromptKind::Choice(options) => boxes(options.iter().map(|o| o.label)).into_any(),
        PromptKind::Checklist(groups) => groups
            .iter()
            .map(|g| {
                view! {
                    <p class="handout__group">{g.label}</p>
                    {boxes(g.items.iter().map(|i| i.label))}
                }
            })
            .collect_view()
            .into_any(),
        PromptKind::Rows(rows) => {
            let head = rows
                .columns
                .iter()
                .map(|c| view! { <th scope="col">{c.label}</th> })
                .collect_view();
            let empty = (0..4)
                .map(|_| {
                    let cells = rows
                        .columns
                        .iter()
                        .map(|_| view! { <td></td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="handout__table-wrap">
                    <table class="handout__table">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{empty}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}

/// A sheet to print: a title, why it matters, and each prompt with its guidance and room to
/// write; the links around it are left out of the print.
#[component]
fn Sheet(
    /// The sheet's heading.
    title: String,
    /// A line under it (why the area matters, or the session's activity).
    why: String,
    prompts: Vec<&'static Prompt>,
    /// Where "back" goes, and its words.
    back_to: (String, &'static str),
    /// Links to the sheets before and after, if any.
    pager: Option<(PagerLink, PagerLink)>,
) -> impl IntoView {
    browser::set_title(&format!("Handout: {title}"));
    browser::focus_top("handout-heading");
    let prompts = prompts
        .into_iter()
        .enumerate()
        .map(|(i, prompt)| {
            view! {
                <div class="handout__prompt">
                    <h3>{format!("{}. {}", i + 1, prompt.label)}</h3>
                    <p class="handout__help">{prompt.help}</p>
                    {space_for(prompt)}
                </div>
            }
        })
        .collect_view();
    let print = move |_| {
        let _ = window().print();
    };
    let (back_href, back_words) = back_to;
    view! {
        <main id="main" class="page handout" tabindex="-1" data-testid="handout">
            <p class="handout__screen-only"><a href=back_href>{format!("\u{2190} {back_words}")}</a></p>
            <p class="handout__screen-only">
                <button type="button" class="button" on:click=print>"Print this handout"</button>
            </p>
            <h1 id="handout-heading" tabindex="-1">{title}</h1>
            <p class="handout__team">"School and team: "<span class="handout__blank" aria-hidden="true"></span></p>
            <p class="handout__why">{why}</p>
            {prompts}
            {pager.map(|(back, next)| view! {
                <div class="handout__screen-only">
                    <Pager label="Previous and next handout" back next />
                </div>
            })}
        </main>
    }
}

/// The handout of one focus area, with a Print button and links to the other areas.
#[component]
pub fn AreaHandout(area: FocusArea) -> impl IntoView {
    let section = area.section();
    let side = |i: Option<usize>| {
        i.and_then(|i| FocusArea::ALL.get(i)).map(|a| {
            (
                Place::Handout(*a).href(),
                a.section().short_title.to_string(),
            )
        })
    };
    let at = usize::from(area.number()) - 1;
    view! {
        <Sheet
            title=section.numbered_title()
            why=section.why.to_string()
            prompts=section.prompts.iter().collect()
            back_to=(Place::Home.href(), "All handouts")
            pager=Some((side(at.checked_sub(1)), side(Some(at + 1))))
        />
    }
}

/// The handout of one session of a plan: the prompts it works on, with room to write.
#[component]
pub fn SessionHandout(id: String, index: usize) -> impl IntoView {
    let stores = Stores::get();
    let workshop = stores
        .plans
        .load(&id)
        .ok()
        .flatten()
        .and_then(|e| e.doc().cloned());
    let back = (Place::Plan(id.clone()).href(), "Back to the plan");
    let Some(session) = workshop.and_then(|w| w.plan.sessions.get(index).cloned()) else {
        return view! { <super::plans::NoPlan /> }.into_any();
    };
    let why = match session.focus.focus_area() {
        Some(area) => format!(
            "{} \u{b7} {}",
            area.section().numbered_title(),
            session.activity
        ),
        None => session.activity.clone(),
    };
    view! {
        <Sheet
            title=format!("Session {}: {}", index + 1, session.title)
            why
            prompts=session.focus.prompts_in_play()
            back_to=back
            pager=None
        />
    }
    .into_any()
}
