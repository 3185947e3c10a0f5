//! Reading one proposal: the same layout as the exported document (the summary, the team
//! profile, the four focus areas, resources and requests, the readiness findings), laid out by
//! the exchange crate.

use super::desk::Desk;
use super::Place;
use crate::ui::browser;
use crate::ui::kit::pager::Pager;
use crossroads_exchange::{Block, Document, Item, Unanswered};
use crossroads_workbook::Draft;
use leptos::prelude::*;

pub(super) fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraphs(paragraphs) => paragraphs
            .into_iter()
            .map(|lines| {
                let mut parts = Vec::new();
                for (i, line) in lines.into_iter().enumerate() {
                    if i > 0 {
                        parts.push(view! { <br /> }.into_any());
                    }
                    parts.push(line.into_any());
                }
                view! { <p>{parts}</p> }
            })
            .collect_view()
            .into_any(),
        Block::Choice(choice) => view! { <p>{choice}</p> }.into_any(),
        Block::Checklist(groups) => groups
            .into_iter()
            .map(|(group, items)| {
                let items = items
                    .into_iter()
                    .map(|i| view! { <li>{i}</li> })
                    .collect_view();
                view! { <p class="reading__group">{group}</p><ul>{items}</ul> }
            })
            .collect_view()
            .into_any(),
        Block::Table { headers, rows } => {
            let head = headers
                .iter()
                .map(|h| view! { <th scope="col">{*h}</th> })
                .collect_view();
            let body = rows
                .into_iter()
                .map(|row| {
                    let cells = row
                        .into_iter()
                        .map(|c| view! { <td>{c}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="reading__table">
                    <table>
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        Block::Unanswered => view! { <p class="reading__unanswered">"Not answered"</p> }.into_any(),
    }
}

fn items_view(items: Vec<Item>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| {
            view! {
                <div class="reading__item">
                    <h3>{item.prompt.label}</h3>
                    {block_view(item.block)}
                </div>
            }
        })
        .collect_view()
}

/// One proposal on the desk, read from its stored file, with Back and Next to the proposals
/// beside it.
#[component]
pub fn ReadingView(desk: Desk, id: String) -> impl IntoView {
    let draft = Memo::new({
        let id = id.clone();
        move |_| desk.draft(&id)
    });
    move || match draft.get() {
        Some(draft) => view! { <Reading desk id=id.clone() draft /> }.into_any(),
        None => {
            let why = desk.unreadable(&id);
            let gone = desk.loaded() && desk.listing(&id).is_none();
            let text = match why {
                Some(why) => format!("This proposal cannot be opened: {why}"),
                None if gone => "This proposal is not on the desk.".to_string(),
                None => "Opening the proposal\u{2026}".to_string(),
            };
            view! {
                <main id="main" class="page reading" tabindex="-1" data-testid="reading">
                    <p><a href=Place::List.href()>"\u{2190} All proposals"</a></p>
                    <p role="status">{text}</p>
                </main>
            }
            .into_any()
        }
    }
}

#[component]
fn Reading(desk: Desk, id: String, draft: Draft) -> impl IntoView {
    let scoring = super::scoring::Scoring::get();
    // Read blind, the proposal is masked before it is laid out, so no name reaches the screen.
    let blind = scoring.is_blind();
    let document = Document::new(&scoring.readable(&draft), Unanswered::Mark);
    let heading = if blind {
        format!(
            "{}: {}",
            crossroads_review::proposal_code(&draft.id),
            document.title
        )
    } else {
        document.title.clone()
    };
    browser::set_title(&heading);
    browser::focus_top("reading-heading");
    let order = untrack(|| desk.ids_in_order());
    let index = order.iter().position(|i| *i == id);
    let side = |i: Option<usize>| {
        let id = order.get(i?)?;
        let title = if blind {
            crossroads_review::proposal_code(id)
        } else {
            untrack(|| desk.listing(id))?.title
        };
        Some((Place::Reading(id.clone()).href(), title))
    };
    let back = side(index.and_then(|i| i.checked_sub(1)));
    let next = side(index.map(|i| i + 1));
    let file_name = untrack(|| desk.file_name(&id)).unwrap_or_default();
    let flags = document.readiness.flags.clone();
    let addressed = document.readiness.addressed.clone();
    let summary = document
        .summary
        .lines
        .iter()
        .map(|(label, line)| view! { <div class="reading__fact"><dt>{*label}</dt><dd>{line.clone()}</dd></div> })
        .collect_view();
    let plan = &document.plan;
    let plan_view = view! {
        <section class="reading__part" aria-labelledby="part-resources">
            <h2 id="part-resources">{plan.heading}</h2>
            <div class="reading__item">
                <h3>"What the school asks of the district"</h3>
                {block_view(plan.support.clone())}
            </div>
            <div class="reading__item" data-testid="reading-budget">
                <h3>"Budget"</h3>
                {if plan.lines.is_empty() {
                    block_view(Block::Unanswered)
                } else {
                    view! { {block_view(plan.budget_table())} {block_view(plan.totals_table())} }.into_any()
                }}
            </div>
            <div class="reading__item">
                <h3>"Timeline"</h3>
                {if plan.phases.is_empty() { block_view(Block::Unanswered) } else { block_view(plan.timeline_table()) }}
            </div>
            <div class="reading__item">
                <h3>"Requests to the district"</h3>
                {if plan.requests.is_empty() { block_view(Block::Unanswered) } else { block_view(plan.requests_table()) }}
            </div>
        </section>
    };
    let progress = document.progress;
    let school = if blind {
        "School hidden: reading blind".to_string()
    } else if document.school.is_empty() {
        "School not named".to_string()
    } else {
        document.school.clone()
    };
    let parts = document
        .parts
        .into_iter()
        .map(|part| {
            view! {
                <section class="reading__part" aria-labelledby=format!("part-{}", part.anchor)>
                    <h2 id=format!("part-{}", part.anchor)>{part.heading}</h2>
                    {items_view(part.items)}
                </section>
            }
        })
        .collect_view();
    let flags_view = if flags.is_empty() {
        view! { <p>"None of the readiness check\u{2019}s warning signs shows in this proposal."</p> }.into_any()
    } else {
        let items = flags
            .iter()
            .map(|f| view! { <li>{f.title()}</li> })
            .collect_view();
        view! { <ul data-testid="flags">{items}</ul> }.into_any()
    };
    let addressed_view = (!addressed.is_empty()).then(|| {
        let items = addressed
            .into_iter()
            .map(|(f, reason)| view! { <li><strong>{f.title()}</strong>" \u{2013} the team\u{2019}s reason: "{reason}</li> })
            .collect_view();
        view! {
            <h3>"Marked as addressed by the team"</h3>
            <ul data-testid="addressed">{items}</ul>
        }
    });
    view! {
        <main id="main" class="page reading" tabindex="-1" data-testid="reading">
            <p class="reading__back"><a href=Place::List.href()>"\u{2190} All proposals"</a></p>
            <h1 id="reading-heading" tabindex="-1">{heading}</h1>
            <p class="lead">{school}</p>
            <p class="reading__meta">
                {format!(
                    "Proposal {} of {} \u{b7} {} of {} prompts answered \u{b7} from {}",
                    index.map_or(0, |i| i + 1),
                    order.len(),
                    progress.answered,
                    progress.total,
                    if blind { "a file".to_string() } else { file_name }
                )}
            </p>
            <super::scoring::ScoringPanel proposal=draft.id.clone() />
            <super::compare::CompareWith desk id=draft.id.clone() />
            <section class="reading__part" aria-labelledby="part-summary">
                <h2 id="part-summary">"Summary"</h2>
                <dl class="reading__facts">{summary}</dl>
            </section>
            <section class="reading__part" aria-labelledby="part-profile">
                <h2 id="part-profile">"The design team"</h2>
                {items_view(document.profile)}
            </section>
            {parts}
            {plan_view}
            <section class="reading__part" aria-labelledby="part-readiness">
                <h2 id="part-readiness">"Readiness check"</h2>
                {flags_view}
                {addressed_view}
            </section>
            <Pager label="Previous and next proposal" back next />
        </main>
    }
}
