//! The funding line (who is above and below it, what is left, and the panel's decision where it
//! stops) and the panel's documents: the printable report, the CSV for the district's records
//! and each team's feedback.

use super::Ctx;
use crate::ui::browser;
use crate::ui::kit::notice::announce;
use crossroads_exchange::{
    feedback_document, feedback_file_name, panel_csv, panel_csv_file_name, panel_report,
    panel_report_file_name, DocOptions,
};
use crossroads_panel::{Decision, StopReason};
use crossroads_workbook::budget::{format_amount, parse_amount};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;

fn decide(ctx: Ctx, id: String, decision: Option<Decision>) {
    ctx.panel.edit(|p| {
        match decision {
            Some(d) => {
                p.decisions.insert(id, d);
            }
            None => {
                p.decisions.remove(&id);
            }
        }
        p.updated_ms = browser::now_ms();
    });
}

/// The panel's decision on a proposal, with a way to undo it; a dash when it has none.
fn undo(ctx: Ctx, id: &str) -> AnyView {
    let Some(decision) = ctx.panel.doc.with(|p| p.decisions.get(id).cloned()) else {
        return "\u{2013}".into_any();
    };
    let said = match decision {
        Decision::Fund => "Funded in the tie".to_string(),
        Decision::FundReduced { cents } => {
            format!("Funded with changes at {}", format_amount(cents))
        }
        Decision::Skip => "Passed over".to_string(),
        Decision::Stop => "The line stops here".to_string(),
    };
    let (id, name) = (id.to_string(), ctx.name(id));
    view! {
        {said}" "
        <button type="button" class="button button--quiet button--small" on:click=move |_| decide(ctx, id.clone(), None)>
            "Undo"<span class="visually-hidden">{format!(" the decision on {name}")}</span>
        </button>
    }
    .into_any()
}

#[component]
pub fn Funding(ctx: Ctx) -> impl IntoView {
    let reduced = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let body = move || {
        let d = ctx.decided.get();
        let Some(line) = d.funding.clone() else {
            return view! { <p>"The brief sets neither a fund nor a number of awards, so there is no funding line to draw."</p> }.into_any();
        };
        let requested = |id: &str| {
            ctx.panel.doc.with(|p| {
                p.proposals
                    .iter()
                    .find(|r| r.id == id)
                    .and_then(|r| r.requested_cents)
            })
        };
        let amount = |c: Option<i64>| c.map_or("not stated".to_string(), format_amount);
        let above = line.funded.iter().map(|f| view! {
            <tr data-testid="funded">
                <th scope="row">{ctx.name(&f.id)}</th>
                <td>{amount(requested(&f.id))}</td>
                <td>{format!("{}{}", format_amount(f.cents), if f.reduced { " (reduced, with changes)" } else { "" })}</td>
                <td>{undo(ctx, &f.id)}</td>
            </tr>
        }).collect_view();
        let below = line.below.iter().chain(line.skipped.iter()).map(|id| view! {
            <tr data-testid="below">
                <th scope="row">{ctx.name(id)}</th>
                <td>{amount(requested(id))}</td>
                <td>{if line.skipped.contains(id) { "Passed over by the panel" } else { "Below the line" }}</td>
                <td>{undo(ctx, id)}</td>
            </tr>
        }).collect_view();
        let left = if d.unlimited_fund {
            String::new()
        } else {
            format!("Left in the fund: {}.", format_amount(line.left_cents))
        };
        let stop = line.stop.clone().map(|stop| {
            let tie = stop.why == StopReason::Tie;
            let open = matches!(stop.why, StopReason::Tie | StopReason::DoesNotFit | StopReason::NoAmount);
            let message = stop.at.iter().fold(stop.message(), |m, id| m.replace(id.as_str(), &ctx.name(id)));
            let choices = stop.at.iter().map(|id| {
                let name = ctx.name(id);
                let (a, b, c, e) = (id.clone(), id.clone(), id.clone(), id.clone());
                view! {
                    <li data-testid="at-line">
                        <strong>{name.clone()}</strong>{format!(" asks {}.", amount(requested(id)))}
                        <span class="notice__actions">
                            {tie.then(|| view! { <button type="button" class="button button--small" on:click=move |_| decide(ctx, a.clone(), Some(Decision::Fund))>{format!("Fund {name}")}</button> })}
                            <button type="button" class="button button--secondary button--small" on:click=move |_| decide(ctx, b.clone(), Some(Decision::Skip))>"Pass over it, go on"</button>
                            <button type="button" class="button button--secondary button--small" on:click=move |_| {
                                match parse_amount(&reduced.get_untracked()) {
                                    Some(cents) if cents > 0 => { problem.set(None); decide(ctx, c.clone(), Some(Decision::FundReduced { cents })); reduced.set(String::new()); }
                                    _ => problem.set(Some("Write the reduced amount in dollars first, for example 45,000.".into())),
                                }
                            }>"Fund it with changes at the reduced amount"</button>
                            <button type="button" class="button button--quiet button--small" on:click=move |_| decide(ctx, e.clone(), Some(Decision::Stop))>"Stop the line here"</button>
                        </span>
                    </li>
                }
            }).collect_view();
            if !open {
                return view! {
                    <div class="notice" data-testid="funding-stop"><p><strong>{message}</strong></p></div>
                }
                .into_any();
            }
            view! {
                <div class="notice notice--warning" data-testid="funding-stop">
                    <p><strong>{message}</strong></p>
                    <ul>{choices}</ul>
                    <div class="field">
                        <label for="reduced-amount">"Reduced amount, for funding with changes"</label>
                        <input id="reduced-amount" type="text" inputmode="decimal" prop:value=move || reduced.get() on:input=move |ev| reduced.set(event_target_value(&ev)) />
                    </div>
                    {move || problem.get().map(|p| view! { <p role="alert">{p}</p> })}
                </div>
            }
            .into_any()
        });
        let problems = line.problems.clone();
        view! {
            <p data-testid="funding-left">{left}</p>
            {stop}
            {(!problems.is_empty()).then(|| view! { <ul class="notice notice--danger">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
            <div class="reading__table">
                <table class="ranking" data-testid="funding-line">
                    <caption>"Above the line, in rank order"</caption>
                    <thead><tr><th scope="col">"Proposal"</th><th scope="col">"Asks the competition"</th><th scope="col">"Awarded"</th><th scope="col">"The panel\u{2019}s decision"</th></tr></thead>
                    <tbody>{above}</tbody>
                </table>
            </div>
            <div class="reading__table">
                <table class="ranking" data-testid="below-line">
                    <caption>"Below the line"</caption>
                    <thead><tr><th scope="col">"Proposal"</th><th scope="col">"Asks the competition"</th><th scope="col">"Where it stands"</th><th scope="col">"The panel\u{2019}s decision"</th></tr></thead>
                    <tbody>{below}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let fund = ctx.competition.with_value(|c| {
        let a = &c.brief.award;
        format!(
            "The fund: {}; at most {} per school; {} awards.",
            a.fund_cents.map_or("not set".to_string(), format_amount),
            a.per_school_cents
                .map_or("no limit".to_string(), format_amount),
            a.awards
                .map_or("no set number of".to_string(), |n| n.to_string()),
        )
    });
    view! {
        <section class="reading__part" aria-labelledby="part-funding">
            <h2 id="part-funding" tabindex="-1">"The funding line"</h2>
            <p>{fund}" Proposals are funded in rank order until the next request no longer fits; there the panel decides."</p>
            <label class="option">
                <input type="checkbox" prop:checked=move || ctx.panel.doc.with(|p| p.use_standardised)
                    on:change=move |ev| { let on = event_target_checked(&ev); ctx.panel.edit(|p| p.use_standardised = on); } />
                <span>"Rank by standardised scores instead of raw means"</span>
            </label>
            {body}
        </section>
    }
}

#[component]
pub fn Documents(ctx: Ctx) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let options = move || DocOptions {
        titles: ctx.titles(),
        blind: ctx.blind.get_untracked(),
        exported_on: browser::today(),
    };
    let save = move |name: String, mime: &str, text: String| {
        if browser::download(&name, mime, &text).is_ok() {
            announce(ctx.announcement, format!("Downloaded {name}."));
        }
    };
    let report = move |_| {
        let o = options();
        let (name, text) = ctx.panel.doc.with_untracked(|p| {
            ctx.competition.with_value(|c| {
                ctx.decided.with_untracked(|d| {
                    (
                        panel_report_file_name(c, &o.exported_on, o.blind),
                        panel_report(c, p, d, &o),
                    )
                })
            })
        });
        save(name, "text/html;charset=utf-8", text);
    };
    let csv = move |_| {
        let o = options();
        let (name, text) = ctx.panel.doc.with_untracked(|p| {
            ctx.competition.with_value(|c| {
                ctx.decided.with_untracked(|d| {
                    (
                        panel_csv_file_name(c, &o.exported_on),
                        panel_csv(c, p, d, &o),
                    )
                })
            })
        });
        save(name, "text/csv;charset=utf-8", text);
    };
    let feedback = move |_| {
        let o = options();
        let id = match chosen.get_untracked() {
            c if c.is_empty() => ctx
                .panel
                .doc
                .with_untracked(|p| p.proposals.first().map(|r| r.id.clone()))
                .unwrap_or_default(),
            c => c,
        };
        let made = ctx.panel.doc.with_untracked(|p| {
            ctx.competition.with_value(|c| {
                ctx.decided.with_untracked(|d| {
                    feedback_document(c, p, d, &id, &o)
                        .map(|t| (feedback_file_name(p, &id, o.blind, &o.exported_on), t))
                })
            })
        });
        if let Some((name, text)) = made {
            save(name, "text/html;charset=utf-8", text);
        }
    };
    let proposals = move || {
        ctx.panel.doc.with(|p| p.proposals.iter().map(|r| {
            let v = r.id.clone();
            view! { <option value=r.id.clone() prop:selected=move || chosen.get() == v>{ctx.name(&r.id)}</option> }
        }).collect_view())
    };
    view! {
        <section class="reading__part" aria-labelledby="part-documents">
            <h2 id="part-documents" tabindex="-1">"Documents"</h2>
            <p>"The report for the board (ranking, flags, the funding line and the decisions, ready to print), the records as a spreadsheet, and the feedback each team receives: its scores beside the level descriptions, the reviewers\u{2019} comments without their names, and the decision."</p>
            <p class="notice__actions">
                <button type="button" class="button" on:click=report>"Download the panel report (HTML)"</button>
                <button type="button" class="button button--secondary" on:click=csv>"Download the records (CSV)"</button>
            </p>
            <div class="field">
                <label for="feedback-for">"Feedback for"</label>
                <select id="feedback-for" on:change=move |ev| chosen.set(event_target_value(&ev))>{proposals}</select>
            </div>
            <p><button type="button" class="button button--secondary" on:click=feedback>"Download this team\u{2019}s feedback (HTML)"</button></p>
        </section>
    }
}
