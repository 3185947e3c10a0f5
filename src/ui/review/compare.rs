//! Two proposals side by side: their scores at the stage in play, then area by area, each
//! prompt's answers beside each other, laid out by the same reading model as one proposal (and
//! masked the same way when reading blind).

use super::desk::Desk;
use super::reading::block_view;
use super::scoring::Scoring;
use super::Place;
use crate::ui::browser;
use crossroads_exchange::{Block, Document, Unanswered};
use crossroads_review::{normalized, one_decimal, total, Total};
use crossroads_workbook::Draft;
use leptos::prelude::*;

/// The compare screen for proposals `a` and `b`.
#[component]
pub fn CompareView(desk: Desk, a: String, b: String) -> impl IntoView {
    let pair = Memo::new({
        let (a, b) = (a.clone(), b.clone());
        move |_| Some((desk.draft(&a)?, desk.draft(&b)?))
    });
    move || match pair.get() {
        Some((a, b)) => view! { <Compared a b /> }.into_any(),
        None => view! {
            <main id="main" class="page" tabindex="-1" data-testid="compare">
                <p><a href=Place::List.href()>"\u{2190} All proposals"</a></p>
                <p role="status">"Opening the two proposals\u{2026}"</p>
            </main>
        }
        .into_any(),
    }
}

/// One proposal's scores at the stage in play, as the compare table shows them.
fn scores_of(scoring: Scoring, id: &str) -> (String, Vec<String>) {
    let Some((keeper, stage)) = scoring.sheet.get().zip(scoring.current_stage()) else {
        return ("Not scored".to_string(), Vec::new());
    };
    keeper.doc.with(|sheet| {
        if sheet.conflicts.contains_key(id) {
            let n = stage.rubric.criteria.len();
            return ("Conflict of interest".to_string(), vec![String::new(); n]);
        }
        let scores = sheet.scores(&stage.id, id).cloned().unwrap_or_default();
        let overall = match total(&stage.rubric, &scores) {
            Total::Complete { score, bonus } => one_decimal(&(score + bonus)),
            Total::Incomplete { scored, of } => format!("{scored} of {of} scored"),
            Total::Failed { criterion, .. } => format!("Not ranked: {criterion} not met"),
        };
        let cells = stage
            .rubric
            .criteria
            .iter()
            .map(|c| {
                let value = scores.criteria.get(&c.id).and_then(|s| s.value);
                match (value, c.is_requirement()) {
                    (None, _) => "\u{2013}".to_string(),
                    (Some(v), true) => c.kind.label_of(v).unwrap_or("").to_string(),
                    (Some(v), false) => {
                        let label = c
                            .kind
                            .label_of(v)
                            .map_or_else(String::new, |l| format!(" ({l})"));
                        normalized(&c.kind, v).map_or_else(
                            || v.to_string(),
                            |n| format!("{}{label}", one_decimal(&n)),
                        )
                    }
                }
            })
            .collect();
        (overall, cells)
    })
}

#[component]
fn Compared(a: Draft, b: Draft) -> impl IntoView {
    let scoring = Scoring::get();
    let (name_a, name_b) = (scoring.name_of(&a), scoring.name_of(&b));
    browser::set_title(&format!("{name_a} and {name_b} side by side"));
    browser::focus_top("compare-heading");
    let doc_a = Document::new(&scoring.readable(&a), Unanswered::Mark);
    let doc_b = Document::new(&scoring.readable(&b), Unanswered::Mark);
    let (ids_a, ids_b) = (a.id.clone(), b.id.clone());
    let (head_a, head_b) = (name_a.clone(), name_b.clone());
    let scores = move || {
        let stage = scoring.current_stage()?;
        let (total_a, cells_a) = scores_of(scoring, &ids_a);
        let (total_b, cells_b) = scores_of(scoring, &ids_b);
        let rows = stage
            .rubric
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                view! {
                    <tr>
                        <th scope="row">{c.name.clone()}</th>
                        <td>{cells_a.get(i).cloned().unwrap_or_default()}</td>
                        <td>{cells_b.get(i).cloned().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="reading__part" aria-labelledby="compare-scores">
                <h2 id="compare-scores">{format!("Your scores: {}", stage.name)}</h2>
                <div class="reading__table">
                    <table data-testid="compare-scores">
                        <thead><tr><th scope="col">"Criterion (0 to 100)"</th><th scope="col">{head_a.clone()}</th><th scope="col">{head_b.clone()}</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"Total"</th><td data-testid="compare-total">{total_a}</td><td data-testid="compare-total">{total_b}</td></tr>
                            {rows}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    };
    // Area by area, every prompt of the first proposal's catalog, and the second's own prompts
    // (another brief's) after them in the same area.
    let parts = doc_a
        .parts
        .into_iter()
        .map(|part| {
            let other = doc_b.parts.iter().find(|p| p.anchor == part.anchor);
            let mut rows: Vec<(String, Block, Block)> = part
                .items
                .iter()
                .map(|item| {
                    let theirs = other
                        .and_then(|o| o.items.iter().find(|i| i.prompt.id == item.prompt.id))
                        .map_or(Block::Unanswered, |i| i.block.clone());
                    (item.prompt.label.to_string(), item.block.clone(), theirs)
                })
                .collect();
            if let Some(other) = other {
                for item in &other.items {
                    if !part.items.iter().any(|i| i.prompt.id == item.prompt.id) {
                        rows.push((item.prompt.label.to_string(), Block::Unanswered, item.block.clone()));
                    }
                }
            }
            let rows = rows
                .into_iter()
                .map(|(label, x, y)| {
                    view! {
                        <div class="compare__row">
                            <h3 class="compare__prompt">{label}</h3>
                            <div class="compare__answers">
                                <div class="compare__answer"><p class="compare__who">{name_a.clone()}</p>{block_view(x)}</div>
                                <div class="compare__answer"><p class="compare__who">{name_b.clone()}</p>{block_view(y)}</div>
                            </div>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="reading__part" aria-labelledby=format!("compare-{}", part.anchor)>
                    <h2 id=format!("compare-{}", part.anchor)>{part.heading}</h2>
                    {rows}
                </section>
            }
        })
        .collect_view();
    view! {
        <main id="main" class="page compare" tabindex="-1" data-testid="compare">
            <p><a href=Place::List.href()>"\u{2190} All proposals"</a></p>
            <h1 id="compare-heading" tabindex="-1">{format!("{name_a} and {name_b}, side by side")}</h1>
            <p class="lead">
                <a href=Place::Reading(a.id.clone()).href()>{format!("Read {name_a}")}</a>
                " \u{b7} "
                <a href=Place::Reading(b.id.clone()).href()>{format!("Read {name_b}")}</a>
            </p>
            {scores}
            {parts}
        </main>
    }
}

/// A way from one proposal to comparing it with another on the desk.
#[component]
pub fn CompareWith(desk: Desk, id: String) -> impl IntoView {
    let scoring = Scoring::get();
    let others: Vec<(String, String)> = untrack(|| {
        desk.ids_in_order()
            .into_iter()
            .filter(|other| *other != id)
            .map(|other| {
                let name = if scoring.is_blind() {
                    crossroads_review::proposal_code(&other)
                } else {
                    desk.listing(&other)
                        .map_or_else(|| other.clone(), |l| l.title)
                };
                (other, name)
            })
            .collect()
    });
    if others.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(others[0].0.clone());
    let options = others
        .into_iter()
        .map(|(other, name)| view! { <option value=other>{name}</option> })
        .collect_view();
    let href = move || Place::Compare(id.clone(), chosen.get()).href();
    view! {
        <div class="compare-with">
            <label for="compare-with">"Compare side by side with"</label>
            <div class="compare-with__row">
                <select id="compare-with" class="prompt__input" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
                <a class="button button--secondary button--small" href=href>"Compare"</a>
            </div>
        </div>
    }
    .into_any()
}
