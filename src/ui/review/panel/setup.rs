//! Who reads what: the proposals before the panel (taken from the desk), the reviewers (with
//! the school each belongs to and the conflicts the district knows of), the assignment made by
//! the panel crate and changed by hand, and one assignment file per reviewer.

use super::Ctx;
use crate::ui::browser;
use crate::ui::kit::notice::announce;
use crossroads_exchange::{assignment_file_name, assignment_to_json};
use crossroads_panel::{assign, check_assignment, PanelReviewer, ProposalRef};
use leptos::prelude::*;
use std::collections::BTreeSet;

fn new_reviewer_id() -> String {
    format!("rv{:x}", browser::random_u64() % 0xffff_ffff)
}

/// The proposals on the desk answering the panel's competition, as the panel keeps them.
fn proposals_on_desk(ctx: Ctx) -> Vec<ProposalRef> {
    let competition = ctx.competition.with_value(|c| c.brief.id.clone());
    untrack(|| {
        ctx.desk
            .ids_in_order()
            .iter()
            .filter_map(|id| ctx.desk.listing(id))
            .filter(|l| l.brief.as_ref().is_some_and(|(b, _)| *b == competition))
            .map(|l| ProposalRef {
                id: l.id,
                school: l.school,
                requested_cents: l.requested_cents,
            })
            .collect()
    })
}

#[component]
pub fn Reading(ctx: Ctx) -> impl IntoView {
    let keeper = ctx.panel;
    let name = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let take = move |_| {
        let proposals = proposals_on_desk(ctx);
        let n = proposals.len();
        keeper.edit(|p| {
            p.proposals = proposals;
            p.updated_ms = browser::now_ms();
        });
        announce(
            ctx.announcement,
            format!("The panel has the {n} proposals on the desk that answer this competition."),
        );
    };
    let add_reviewer = move |_| {
        let who = name.get_untracked().trim().to_string();
        if who.is_empty() {
            problem.set(Some("Write the reviewer\u{2019}s name first.".into()));
            return;
        }
        problem.set(None);
        let works_at = school.get_untracked();
        keeper.edit(|p| {
            p.reviewers.push(PanelReviewer {
                id: new_reviewer_id(),
                name: who.clone(),
                school: (!works_at.is_empty()).then_some(works_at),
                conflicts: BTreeSet::new(),
            });
            p.updated_ms = browser::now_ms();
        });
        name.set(String::new());
        school.set(String::new());
        announce(ctx.announcement, format!("Added {who} to the panel."));
        browser::focus_later("reviewer-name".into());
    };
    let make = move |_| {
        let (proposals, reviewers, per) = keeper
            .doc
            .with_untracked(|p| (p.proposals.clone(), p.reviewers.clone(), p.per_proposal));
        if proposals.is_empty() || reviewers.is_empty() {
            problem.set(Some(
                "The panel needs proposals and reviewers before the reading can be shared out."
                    .into(),
            ));
            return;
        }
        problem.set(None);
        let made = assign(&proposals, &reviewers, per, browser::random_u64());
        keeper.edit(|p| {
            p.assignment = made.by_reviewer.clone();
            p.updated_ms = browser::now_ms();
        });
        let mut said = vec![format!(
            "Each proposal goes to {per} reviewers, every reviewer\u{2019}s load within one of the others\u{2019}."
        )];
        if made.uncovered_pairs.is_empty() {
            said.push("Every two reviewers share at least one proposal.".into());
        } else if made.overlap_impossible {
            said.push(format!(
                "{} pairs of reviewers share no proposal: with these numbers no assignment can give every pair one.",
                made.uncovered_pairs.len()
            ));
        }
        announce(ctx.announcement, said.join(" "));
    };
    let schools = move || {
        keeper.doc.with(|p| {
            let mut s: Vec<String> = p
                .proposals
                .iter()
                .map(|r| r.school.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            s.sort();
            s.dedup();
            s
        })
    };
    let problems = move || {
        keeper.doc.with(|p| {
            if p.assignment.is_empty() {
                return Vec::new();
            }
            check_assignment(&p.proposals, &p.reviewers, p.per_proposal, &p.assignment)
                .into_iter()
                .map(|problem| problem.message())
                .collect::<Vec<_>>()
        })
    };
    let reviewers = move || {
        keeper.doc.with(|p| {
            p.reviewers
                .iter()
                .map(|r| {
                    let load = p.assignment.get(&r.id).map_or(0, BTreeSet::len);
                    let works = r.school.clone().map_or(String::new(), |s| format!(" \u{b7} works at {s}"));
                    let rid = r.id.clone();
                    let rname = r.name.clone();
                    let download = move |_| {
                        let (text, file) = keeper.doc.with_untracked(|p| {
                            (
                                assignment_to_json(p, &rid, browser::now_ms()),
                                ctx.competition.with_value(|c| {
                                    assignment_file_name(&c.brief.id, &rname, &browser::today())
                                }),
                            )
                        });
                        if let Some(text) = text {
                            if browser::download(&file, "application/json", &text).is_ok() {
                                announce(ctx.announcement, format!("Downloaded {file}."));
                            }
                        }
                    };
                    view! {
                        <li data-testid="panel-reviewer">
                            <strong>{r.name.clone()}</strong>
                            {format!("{works} \u{b7} reads {load}")}
                            " "
                            <button type="button" class="button button--secondary button--small" disabled=load == 0 on:click=download>
                                {format!("Download {}\u{2019}s assignment", r.name)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The grid of boxes is drawn only when opened: a panel of 500 proposals and 20 reviewers
    // would draw 10,000 of them.
    let open = RwSignal::new(false);
    let grid = move || {
        if !open.get() {
            return None;
        }
        let (proposals, reviewers, assignment) = keeper.doc.with(|p| {
            (
                p.proposals.clone(),
                p.reviewers.clone(),
                p.assignment.clone(),
            )
        });
        if assignment.is_empty() {
            return None;
        }
        let head = reviewers
            .iter()
            .map(|r| view! { <th scope="col">{r.name.clone()}</th> })
            .collect_view();
        let rows = proposals
            .iter()
            .map(|p| {
                let pname = ctx.name(&p.id);
                let cells = reviewers
                    .iter()
                    .map(|r| {
                        let on = assignment.get(&r.id).is_some_and(|s| s.contains(&p.id));
                        let (rid, pid) = (r.id.clone(), p.id.clone());
                        let label = format!("{} reads {}", r.name, pname);
                        view! {
                            <td>
                                <input type="checkbox" aria-label=label prop:checked=on on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    keeper.edit(|panel| {
                                        let mut set = panel.assignment.get(&rid).cloned().unwrap_or_default();
                                        if on { set.insert(pid.clone()); } else { set.remove(&pid); }
                                        panel.set_assignment(&rid, set, browser::now_ms());
                                    });
                                } />
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{pname}</th>{cells}</tr> }
            })
            .collect_view();
        Some(view! {
            <div class="reading__table">
                <table class="ranking" data-testid="assignment-grid">
                    <caption>"Who reads which proposal (change any box by hand)"</caption>
                    <thead><tr><th scope="col">"Proposal"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    let count = move || keeper.doc.with(|p| p.proposals.len());
    view! {
        <section class="reading__part" aria-labelledby="part-reading">
            <h2 id="part-reading" tabindex="-1">"Who reads what"</h2>
            <p data-testid="panel-proposals">{move || format!("{} proposals before the panel.", count())}</p>
            <p><button type="button" class="button button--secondary" on:click=take>"Take the proposals on the desk that answer this competition"</button></p>
            <h3>"Reviewers"</h3>
            <ul class="plain-list" data-testid="panel-reviewers">{reviewers}</ul>
            <div class="field-row">
                <div class="field">
                    <label for="reviewer-name">"Reviewer\u{2019}s name"</label>
                    <input id="reviewer-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="reviewer-school">"Works at (never reads that school\u{2019}s proposal)"</label>
                    <select id="reviewer-school" on:change=move |ev| school.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || school.get().is_empty()>"None of the applying schools"</option>
                        {move || schools().into_iter().map(|s| {
                            let (v, value) = (s.clone(), s.clone());
                            view! { <option value=value prop:selected=move || school.get() == v>{s}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p><button type="button" class="button button--secondary" on:click=add_reviewer>"Add the reviewer"</button></p>
            <div class="field field--number">
                <label for="per-proposal">"Reviewers for each proposal"</label>
                <input id="per-proposal" type="number" min="1" max="20" inputmode="numeric"
                    prop:value=move || keeper.doc.with(|p| p.per_proposal.to_string())
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            keeper.edit(|p| p.per_proposal = n.clamp(1, 20));
                        }
                    } />
            </div>
            <p><button type="button" class="button" on:click=make>"Share out the reading"</button></p>
            {move || problem.get().map(|p| view! { <p class="notice notice--danger" role="alert">{p}</p> })}
            {move || {
                let all = problems();
                (!all.is_empty()).then(|| view! {
                    <div class="notice notice--warning" data-testid="assignment-problems">
                        <p><strong>"The assignment as it stands:"</strong></p>
                        <ul>{all.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <Show when=move || keeper.doc.with(|p| !p.assignment.is_empty())>
                <details class="hidden-terms" data-testid="assignment-details" on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let shown = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|d| d.has_attribute("open"));
                    open.set(shown);
                }>
                    <summary>"See and change who reads which proposal"</summary>
                    {grid}
                </details>
            </Show>
        </section>
    }
}
