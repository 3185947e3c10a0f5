//! The reviewer's ranking: every proposal's total on the common 0–100 scale for the stage in
//! play, sortable by any criterion, with exact ties, incomplete proposals after the complete
//! ones, and those that fail a requirement or carry a conflict listed apart; and the reviewer's
//! files (the scores as CSV, the reviewer file for the panel).

use super::desk::Listed;
use super::scoring::Scoring;
use crate::ui::browser;
use crossroads_exchange::{review_to_json, scores_csv};
use crossroads_review::{mask_sheet, Masker};
use crossroads_review::{one_decimal, proposal_code, rank, Exact};
use leptos::prelude::*;
use std::collections::HashMap;

/// The ranking screen.
#[component]
pub fn RankingView(
    /// The proposals on the desk as its list knows them (id, title, school, the people named).
    /// The ranking needs no more, so it never has to read every proposal's text.
    proposals: Signal<Vec<Listed>>,
) -> impl IntoView {
    browser::set_title("Your ranking");
    let scoring = Scoring::get();
    // Sorted by this criterion (its index in the rubric), or by the total.
    let sort = RwSignal::new(None::<usize>);
    let problem = RwSignal::new(None::<String>);
    let body = move || {
        let (Some(keeper), Some(stage), Some(competition)) = (
            scoring.sheet.get(),
            scoring.current_stage(),
            scoring.competition.get(),
        ) else {
            return view! {
                <p>"To rank proposals, open the competition\u{2019}s brief on the "<a href="#/scoring">"scoring screen"</a>" and score them."</p>
            }
            .into_any();
        };
        let listed = proposals.get();
        let blind = scoring.is_blind();
        let sheet = keeper.doc.get();
        let entries: Vec<(String, Option<&crossroads_review::ProposalScores>)> = listed
            .iter()
            .map(|l| (l.id.clone(), sheet.scores(&stage.id, &l.id)))
            .collect();
        let ranking = rank(&stage.rubric, &entries, &sheet.conflicts);
        let by_id: std::collections::HashMap<&str, (&str, &str)> = listed
            .iter()
            .map(|l| (l.id.as_str(), (l.title.as_str(), l.school.as_str())))
            .collect();
        // Read blind, a proposal goes by its code alone.
        let name = |id: &str| {
            if blind {
                proposal_code(id)
            } else {
                by_id.get(id).map_or(id, |(t, _)| *t).to_string()
            }
        };
        let school = |id: &str| {
            if blind {
                String::new()
            } else {
                by_id.get(id).map_or("", |(_, s)| *s).to_string()
            }
        };
        let criteria: Vec<(usize, String)> = stage
            .rubric
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_requirement())
            .map(|(i, c)| (i, c.name.clone()))
            .collect();
        let mut rows: Vec<&crossroads_review::Ranked> = ranking.ranked.iter().collect();
        if let Some(i) = sort.get() {
            rows = crossroads_review::sort_by_criterion(&ranking, i);
        }
        let head = criteria
            .iter()
            .map(|(i, label)| {
                let i = *i;
                let pressed = move || sort.get() == Some(i);
                view! {
                    <th scope="col">
                        <button type="button" class="button button--quiet button--small" aria-pressed=move || pressed().to_string()
                            on:click=move |_| sort.set(Some(i))>{label.clone()}</button>
                    </th>
                }
            })
            .collect_view();
        let shown = |v: &Option<Exact>| {
            v.as_ref()
                .map_or_else(|| "\u{2013}".to_string(), one_decimal)
        };
        let body_rows = rows
            .iter()
            .map(|r| {
                let cells = criteria
                    .iter()
                    .map(|(i, _)| view! { <td class="ranking__number">{shown(&r.criteria[*i])}</td> })
                    .collect_view();
                let place = if r.tied { format!("{} (tie)", r.place) } else { r.place.to_string() };
                view! {
                    <tr data-testid="ranked">
                        <td>{place}</td>
                        <th scope="row"><a href=format!("#/proposals/{}", r.id)>{name(&r.id)}</a><span class="ranking__school">{school(&r.id)}</span></th>
                        <td class="ranking__number" data-testid="ranked-total">{one_decimal(&r.total)}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let incomplete = ranking
            .incomplete
            .iter()
            .map(|(id, scored, of)| view! { <li data-testid="incomplete">{format!("{}: {scored} of {of} scored", name(id))}</li> })
            .collect_view();
        let failed = ranking
            .failed
            .iter()
            .map(|(id, criterion, reason)| view! { <li data-testid="failed">{format!("{}: \u{201c}{criterion}\u{201d} not met ({reason})", name(id))}</li> })
            .collect_view();
        let conflicted = ranking
            .conflicted
            .iter()
            .map(|(id, _)| view! { <li data-testid="conflicted">{format!("{}: you declared a conflict of interest", name(id))}</li> })
            .collect_view();
        let has_incomplete = !ranking.incomplete.is_empty();
        let has_failed = !ranking.failed.is_empty();
        let has_conflicted = !ranking.conflicted.is_empty();
        let csv_name = format!("{}-scores-{}.csv", competition.brief.id, browser::today());
        let file_name = format!(
            "{}-reviewer-{}.json",
            competition.brief.id,
            browser::today()
        );
        // Read blind, the CSV carries codes, not titles or schools.
        let listed: Vec<(String, String, String)> = listed
            .iter()
            .map(|l| (l.id.clone(), name(&l.id), school(&l.id)))
            .collect();
        // Read blind, the reviewer's own words go out masked too, each with its proposal's names.
        let maskers: StoredValue<HashMap<String, Masker>> = StoredValue::new(if blind {
            proposals
                .get_untracked()
                .iter()
                .map(|l| {
                    (
                        l.id.clone(),
                        Masker::new(&l.school, &l.people, &competition.blind_terms),
                    )
                })
                .collect()
        } else {
            HashMap::new()
        });
        let sent = move || {
            keeper.doc.with_untracked(|s| {
                maskers.with_value(|m| {
                    if m.is_empty() {
                        s.clone()
                    } else {
                        mask_sheet(s, |id| m.get(id))
                    }
                })
            })
        };
        let csv = StoredValue::new((csv_name, competition.clone(), listed));
        let download_csv = move |_| {
            let (name, competition, listed) = csv.get_value();
            let text = scores_csv(&competition, &sent(), &listed, blind);
            if browser::download(&name, "text/csv;charset=utf-8", &text).is_err() {
                problem.set(Some(
                    "The browser did not let Crossroads save the file.".into(),
                ));
            }
        };
        let download_file = move |_| {
            let text = review_to_json(&sent(), browser::now_ms());
            if browser::download(&file_name, "application/json", &text).is_err() {
                problem.set(Some(
                    "The browser did not let Crossroads save the file.".into(),
                ));
            }
        };
        view! {
            <p>{format!("{}: {}, on a common scale of 0 to 100 (each criterion from its lowest to its highest score, weighted as the brief says). Choose a criterion's heading to sort by it.", competition.brief.title, stage.name)}</p>
            <div class="ranking__scroll">
                <table class="ranking" data-testid="ranking">
                    <caption class="visually-hidden">"Proposals ranked by total"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Place"</th>
                            <th scope="col">"Proposal"</th>
                            <th scope="col">
                                <button type="button" class="button button--quiet button--small" aria-pressed=move || sort.get().is_none().to_string()
                                    on:click=move |_| sort.set(None)>"Total"</button>
                            </th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{body_rows}</tbody>
                </table>
            </div>
            {has_incomplete.then(|| view! { <h2>"Not fully scored"</h2><p>"Ranked after the complete ones; a missing score never counts as zero."</p><ul>{incomplete}</ul> })}
            {has_failed.then(|| view! { <h2>"Not ranked: a requirement is not met"</h2><ul>{failed}</ul> })}
            {has_conflicted.then(|| view! { <h2>"Left out: conflicts of interest"</h2><ul>{conflicted}</ul> })}
            <h2>"Your files"</h2>
            <p>"The scores open in any spreadsheet program; the reviewer file is what the panel combines with the other reviewers\u{2019} files."</p>
            <p class="notice__actions">
                <button type="button" class="button" on:click=download_csv>"Download the scores (CSV)"</button>
                <button type="button" class="button button--secondary" on:click=download_file>"Download your reviewer file"</button>
            </p>
        }
        .into_any()
    };
    view! {
        <main id="main" class="page" tabindex="-1">
            <p><a href="#/">"\u{2190} All proposals"</a></p>
            <h1>"Your ranking"</h1>
            {body}
            {move || problem.get().map(|p| view! { <p class="notice notice--danger" role="alert">{p}</p> })}
        </main>
    }
}
