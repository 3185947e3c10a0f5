//! The "Resources and requests" section's live parts: the budget's totals as the team types,
//! and the asks already written beside rules and departments, gathered above the requests.

use super::autosave::Autosave;
use super::route::Route;
use crossroads_workbook::budget::{format_amount, Recurs};
use crossroads_workbook::resources::{self, Origin};
use leptos::prelude::*;

/// The budget's totals: overall, one-time and recurring, by source and by year, and any
/// amount that could not be read, named so it is never counted as zero unseen.
#[component]
pub fn BudgetTotals(autosave: Autosave) -> impl IntoView {
    let totals = Memo::new(move |_| autosave.draft.with(|d| resources::budget(d).1));
    let table = |caption: &'static str, sums: Vec<(String, i64)>| {
        let rows = sums
            .into_iter()
            .map(|(name, cents)| {
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="totals__amount">{format_amount(cents)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="totals__table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{if caption.contains("source") { "Source" } else { "Year" }}</th>
                        <th scope="col" class="totals__amount">"Amount"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let body = move || {
        let t = totals.get();
        if t.total == 0 && t.unreadable.is_empty() && t.by_source.is_empty() {
            return view! { <p class="totals__empty">"The totals appear here as you add amounts."</p> }
                .into_any();
        }
        let kind = |k| t.by_kind.get(&k).copied().unwrap_or(0);
        view! {
            <p class="totals__total" data-testid="budget-total">
                <strong>{format!("Total: {}", format_amount(t.total))}</strong>
                {format!(
                    " ({} one-time, {} recurring every year)",
                    format_amount(kind(Recurs::OneTime)),
                    format_amount(kind(Recurs::Recurring)),
                )}
            </p>
            <div class="totals__tables">
                {table("By funding source", t.by_source.clone().into_iter().collect())}
                {table("By school year", t.by_year.clone().into_iter().collect())}
            </div>
        }
        .into_any()
    };
    let unreadable = move || {
        totals.with(|t| {
            t.unreadable
                .iter()
                .map(|(line, typed)| {
                    format!(
                        "Budget line {line}: \u{201c}{typed}\u{201d} is not an amount, so it is not counted. Write it as a number, such as $12,500."
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let request = Memo::new(move |_| autosave.draft.with(crossroads_workbook::brief::request));
    let asked = move || {
        request.get().map(|r| {
            let most = r.per_school.map_or_else(String::new, |max| {
                format!(" The most one school can be awarded is {}.", format_amount(max))
            });
            view! {
                <p class="totals__request" data-testid="competition-request">
                    <strong>{format!("Asked of {}: {}.", r.source, format_amount(r.requested))}</strong>
                    {format!(
                        "{most} Write \u{201c}{}\u{201d} as the funding source of each line you ask the competition to fund; other sources are not counted in the request.",
                        r.source
                    )}
                </p>
            }
        })
    };
    view! {
        <section class="totals" aria-labelledby="budget-totals-heading" data-testid="budget-totals">
            <h3 id="budget-totals-heading" class="totals__heading">"Budget totals"</h3>
            {asked}
            {body}
            <div role="status" class="totals__problems">
                {move || {
                    unreadable()
                        .into_iter()
                        .map(|m| view! { <p class="totals__problem">{m}</p> })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

/// The asks the team wrote beside rules in the way and central office departments, listed
/// above the requests so the team sees the whole list and does not write them twice.
#[component]
pub fn GatheredAsks(autosave: Autosave) -> impl IntoView {
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let asks = Memo::new(move |_| {
        autosave.draft.with(|d| {
            resources::requests(d)
                .into_iter()
                .filter(|r| r.origin != Origin::Request)
                .collect::<Vec<_>>()
        })
    });
    let link = move |origin: Origin| {
        let catalog = autosave.catalog.get_untracked();
        let prompt = catalog
            .prompt(origin.prompt_id())
            .expect("requests come from catalog prompts");
        let section = catalog.section_of(prompt.id).map_or("", |s| s.id);
        (
            Route::prompt(&draft_id, section, prompt.id).href(),
            match origin {
                Origin::Tension => "Change it beside the rule",
                Origin::Department => "Change it beside the department",
                Origin::Request => "Change it below",
            },
        )
    };
    view! {
        <section class="gathered" aria-labelledby="gathered-heading" data-testid="gathered-asks">
            <h3 id="gathered-heading" class="gathered__heading">"Asks you have already written"</h3>
            {move || {
                let asks = asks.get();
                if asks.is_empty() {
                    return view! {
                        <p class="gathered__empty">
                            "None yet. Asks you write beside a rule in the way or a central office department (area 2) are listed here."
                        </p>
                    }
                    .into_any();
                }
                let items = asks
                    .into_iter()
                    .map(|r| {
                        let (href, words) = link(r.origin);
                        let from = (!r.from.is_empty()).then(|| format!("From: {}", r.from));
                        let about = (!r.about.is_empty()).then(|| format!("About: {}", r.about));
                        view! {
                            <li class="gathered__item">
                                <p class="gathered__ask">{r.ask}</p>
                                <p class="gathered__meta">
                                    {from.map(|f| view! { <span>{f}</span> " " })}
                                    {about.map(|a| view! { <span>{a}</span> " " })}
                                    <a href=href>{words}</a>
                                </p>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="gathered__list">{items}</ul> }.into_any()
            }}
        </section>
    }
}
