//! The reviewers' scores: their files loaded (a file loaded twice is kept once), each stage's
//! combined figures with the wide disagreements flagged, standardised scores beside the raw
//! means, how firm each place is, the discussion's changed scores with the originals kept, and
//! the shortlist that goes on to the next stage.

use super::Ctx;
use crate::ui::browser;
use crate::ui::kit::files::{ChosenFile, FilePicker};
use crate::ui::kit::notice::announce;
use crossroads_exchange::StageFigures;
use crossroads_exchange::{read_review, MAX_REVIEW_BYTES};
use crossroads_panel::{discussion_order, shortlist_top, ScoreChange, ZScores};
use crossroads_review::{one_decimal, CriterionKind, ScoreSheet, Stage};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

/// A z-score as the table shows it.
fn z(value: Option<f64>) -> String {
    match value {
        Some(v) => format!("{v:+.2}"),
        None => "not available".into(),
    }
}

#[component]
pub fn Scores(ctx: Ctx) -> impl IntoView {
    let keeper = ctx.panel;
    let refused = RwSignal::new(Vec::<String>::new());
    // Files chosen together arrive one by one; they join the panel together, so the figures
    // are worked out once, not once per file.
    let arriving: StoredValue<Vec<(String, ScoreSheet)>> = StoredValue::new(Vec::new());
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let take = move || {
        let files = arriving
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut names = Vec::new();
        let mut repeated = Vec::new();
        keeper.edit(|p| {
            for (name, sheet) in files {
                if p.sheets.contains(&sheet) {
                    repeated.push(format!(
                        "{name}: this file is already loaded, exactly as it is; it counts once."
                    ));
                } else {
                    names.push(sheet.reviewer.name.clone());
                    p.sheets.push(sheet);
                }
            }
            p.updated_ms = browser::now_ms();
        });
        if !repeated.is_empty() {
            refused.update(|r| r.extend(repeated));
        }
        if !names.is_empty() {
            announce(
                ctx.announcement,
                format!("Loaded the scores of {}.", names.join(", ")),
            );
        }
    };
    let on_file = Callback::new(move |file: ChosenFile| {
        let name = file.name.clone();
        match file
            .text
            .and_then(|t| read_review(&t).map_err(|e| e.to_string()))
        {
            Ok(sheet) => {
                arriving.update_value(|a| a.push((name, sheet)));
                if let Some(Some(handle)) = timer.try_update_value(Option::take) {
                    handle.clear();
                }
                let handle =
                    set_timeout_with_handle(take, std::time::Duration::from_millis(40)).ok();
                timer.set_value(handle);
            }
            Err(why) => refused.update(|r| r.push(format!("{name}: {why}"))),
        }
    });
    let loaded = move || {
        let d = ctx.decided.get();
        let mut lines: Vec<String> = keeper.doc.with(|p| {
            p.sheets
                .iter()
                .map(|s| {
                    let scored = s
                        .stages
                        .values()
                        .flat_map(|m| m.keys())
                        .collect::<std::collections::BTreeSet<_>>()
                        .len();
                    format!(
                        "{}: {} proposals scored, {} conflicts declared",
                        s.reviewer.name,
                        scored,
                        s.conflicts.len()
                    )
                })
                .collect()
        });
        lines.sort();
        let notes = d
            .prepared
            .duplicates
            .iter()
            .map(|dup| {
                format!(
                    "{} sent two files; the newer counts{}.",
                    ctx.reviewer_name(&dup.reviewer),
                    if dup.same {
                        " (both give the same scores)"
                    } else {
                        ""
                    }
                )
            })
            .chain(d.prepared.refused.iter().map(|r| {
                format!(
                    "{}\u{2019}s file is not counted: {}",
                    ctx.reviewer_name(&r.reviewer),
                    r.reason
                )
            }))
            .chain(d.prepared.notes.iter().cloned())
            .collect::<Vec<_>>();
        view! {
            <ul class="plain-list" data-testid="loaded-sheets">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(!notes.is_empty()).then(|| view! {
                <div class="notice notice--warning" data-testid="sheet-notes"><ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul></div>
            })}
        }
    };
    view! {
        <section class="reading__part" aria-labelledby="part-scores">
            <h2 id="part-scores" tabindex="-1">"Reviewers\u{2019} scores"</h2>
            <FilePicker id="reviewer-files" label="Load reviewers\u{2019} files" hint="The reviewer files they downloaded from their ranking (JSON). A file loaded twice counts once."
                accept=".json,application/json" multiple=true limit=MAX_REVIEW_BYTES on_file />
            {move || {
                let r = refused.get();
                (!r.is_empty()).then(|| view! {
                    <div class="notice notice--danger" data-testid="refused-sheets">
                        <p><strong>"Some files were not loaded."</strong>" Nothing else was changed."</p>
                        <ul>{r.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <p class="notice__actions"><button type="button" class="button button--quiet button--small" on:click=move |_| refused.set(Vec::new())>"Dismiss"</button></p>
                    </div>
                })
            }}
            {loaded}
        </section>
    }
}

/// One stage's combined figures.
#[component]
fn StageFiguresView(ctx: Ctx, index: usize) -> impl IntoView {
    let stage: Stage = ctx.competition.with_value(|c| c.stages[index].clone());
    let stage = StoredValue::new(stage);
    let figures = move || ctx.decided.with(|d| d.stages.get(index).cloned());
    let body = move || {
        let Some(f): Option<StageFigures> = figures() else {
            return view! { <p>"No figures yet."</p> }.into_any();
        };
        if !f.reached {
            return view! { <p data-testid="stage-not-reached">"No proposal has gone on to this stage yet: choose the shortlist of the stage before."</p> }.into_any();
        }
        let std_place = |id: &str| {
            f.standardised
                .ranked
                .iter()
                .find(|p| p.id == id)
                .map(|p| (p.place, p.tied))
        };
        let rows = f
            .result
            .ranked
            .iter()
            .map(|placed| {
                let r = &f.result.proposals[&placed.id];
                let range = f.ranges.iter().find(|x| x.proposal == placed.id);
                let range_text = range.map_or(String::new(), |x| {
                    if x.best == x.worst { format!("{}", x.best) } else { format!("{}\u{2013}{}", x.best, x.worst) }
                });
                let count = r.totals.len();
                let flags: Vec<String> = r
                    .criteria
                    .iter()
                    .filter(|c| c.flag)
                    .map(|c| {
                        let name = stage.with_value(|s| s.rubric.criterion(&c.criterion).map(|k| k.name.clone())).unwrap_or_default();
                        format!("{name} (apart by {})", c.spread.unwrap_or(0))
                    })
                    .collect();
                let z_total = f.standardised.proposals.get(&placed.id).and_then(|p| p.total);
                let sp = std_place(&placed.id).map_or("\u{2013}".to_string(), |(p, t)| format!("{p}{}", if t { " (tie)" } else { "" }));
                view! {
                    <tr data-testid="panel-row">
                        <td>{format!("{}{}", placed.place, if placed.tied { " (tie)" } else { "" })}</td>
                        <th scope="row">{ctx.name(&placed.id)}</th>
                        <td data-testid="panel-mean">{r.total.as_ref().map(one_decimal).unwrap_or_default()}</td>
                        <td>{r.total_spread.as_ref().map(one_decimal).unwrap_or_default()}</td>
                        <td>{count}</td>
                        <td data-testid="panel-z">{format!("{sp} \u{b7} z {}", z(z_total))}</td>
                        <td data-testid="panel-range">{range_text}</td>
                        <td data-testid="panel-flags">{if flags.is_empty() { "\u{2013}".to_string() } else { format!("Wide disagreement: {}", flags.join("; ")) }}</td>
                    </tr>
                }
            })
            .collect_view();
        let apart = f
            .result
            .failed
            .iter()
            .map(|x| {
                format!(
                    "{}: \u{201c}{}\u{201d} not met ({})",
                    ctx.name(&x.proposal),
                    x.requirement,
                    x.reviewers
                        .iter()
                        .map(|(_, why)| why.trim().to_string())
                        .filter(|why| !why.is_empty())
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            })
            .chain(
                f.result
                    .incomplete
                    .iter()
                    .map(|(id, why)| format!("{}: {why}", ctx.name(id))),
            )
            .collect::<Vec<_>>();
        let unavailable = f
            .standardised
            .by_reviewer
            .iter()
            .flat_map(|(reviewer, by)| {
                by.iter().filter_map(move |(criterion, zs)| match zs {
                    ZScores::NotAvailable { reason } => {
                        Some((reviewer.clone(), criterion.clone(), reason.clone()))
                    }
                    ZScores::Available { .. } => None,
                })
            })
            .map(|(reviewer, criterion, reason)| {
                let name = stage
                    .with_value(|s| s.rubric.criterion(&criterion).map(|k| k.name.clone()))
                    .unwrap_or(criterion);
                format!("{}, {name}: {reason}", ctx.reviewer_name(&reviewer))
            })
            .collect::<Vec<_>>();
        view! {
            <div class="reading__table">
                <table class="ranking" data-testid="panel-ranking">
                    <caption>{stage.with_value(|s| format!("{}: proposals by their mean total", s.name))}</caption>
                    <thead><tr>
                        <th scope="col">"Place"</th><th scope="col">"Proposal"</th><th scope="col">"Mean total of 100"</th>
                        <th scope="col">"Spread of totals"</th><th scope="col">"Full scores"</th><th scope="col">"Standardised place"</th>
                        <th scope="col">"Places with one reviewer left out"</th><th scope="col">"Flags"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="field__hint">"Standardised: each reviewer\u{2019}s scores on a criterion as distances from that reviewer\u{2019}s own average, so a harsh and a lenient reviewer count alike. Shown beside the raw means, never instead of them."</p>
            {(!apart.is_empty()).then(|| view! { <h3>"Not ranked"</h3><ul data-testid="panel-apart">{apart.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> })}
            {(!unavailable.is_empty()).then(|| view! {
                <details><summary>"Where a standardised score is not available"</summary><ul data-testid="z-unavailable">{unavailable.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul></details>
            })}
            <Discussion ctx index figures=f.clone() />
        }
        .into_any()
    };
    view! {
        <section class="reading__part" aria-labelledby=format!("part-stage-{index}")>
            <h2 id=format!("part-stage-{index}") tabindex="-1">{stage.with_value(|s| format!("Results: {}", s.name))}</h2>
            {body}
        </section>
    }
}

/// The discussion in order of the preliminary scores, with a changed score recorded with its reason.
#[component]
fn Discussion(ctx: Ctx, index: usize, figures: StageFigures) -> impl IntoView {
    let keeper = ctx.panel;
    let stage = ctx.competition.with_value(|c| c.stages[index].clone());
    let order = discussion_order(&figures.result);
    let first = order.first().cloned().unwrap_or_default();
    let proposal = RwSignal::new(first);
    let reviewer = RwSignal::new(String::new());
    let criterion = RwSignal::new(
        stage
            .rubric
            .criteria
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_default(),
    );
    let value = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let stage_id = stage.id.clone();
    let sid = StoredValue::new(stage_id.clone());
    let reviewers_of = move |pid: &str| {
        ctx.decided.with(|d| {
            d.effective
                .sheets
                .iter()
                .filter(|s| {
                    s.scores(&sid.get_value(), pid).is_some() && !s.conflicts.contains_key(pid)
                })
                .map(|s| (s.reviewer.id.clone(), s.reviewer.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let record = move |_| {
        let pid = proposal.get_untracked();
        let rid = match reviewer.get_untracked() {
            r if r.is_empty() => reviewers_of(&pid)
                .first()
                .map(|x| x.0.clone())
                .unwrap_or_default(),
            r => r,
        };
        let Ok(to) = value.get_untracked().trim().parse::<u32>() else {
            problem.set(Some("Write the new score as a whole number.".into()));
            return;
        };
        let cid = criterion.get_untracked();
        let from = ctx.decided.with_untracked(|d| {
            d.effective
                .sheets
                .iter()
                .find(|s| s.reviewer.id == rid)
                .and_then(|s| s.scores(&sid.get_value(), &pid))
                .and_then(|p| p.criteria.get(&cid))
                .and_then(|c| c.value)
        });
        let change = ScoreChange {
            stage: sid.get_value(),
            proposal: pid,
            reviewer: rid,
            criterion: cid,
            from,
            to,
            reason: reason.get_untracked().trim().to_string(),
            at_ms: browser::now_ms(),
        };
        let mut outcome = Ok(());
        keeper.edit(|p| outcome = p.record_change(change));
        match outcome {
            Ok(()) => {
                problem.set(None);
                value.set(String::new());
                reason.set(String::new());
                announce(
                    ctx.announcement,
                    "The changed score is recorded; the original stays beside it.".into(),
                );
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let changes = move || {
        ctx.decided.with(|d| {
            d.effective
                .changed
                .iter()
                .filter(|c| c.stage == sid.get_value())
                .map(|c| {
                    let name = ctx
                        .competition
                        .with_value(|comp| {
                            comp.stages[index]
                                .rubric
                                .criterion(&c.criterion)
                                .map(|k| k.name.clone())
                        })
                        .unwrap_or_default();
                    format!(
                        "{}, {} by {}: {} \u{2192} {} ({})",
                        ctx.name(&c.proposal),
                        name,
                        ctx.reviewer_name(&c.reviewer),
                        c.original
                            .map_or("not scored".to_string(), |v| v.to_string()),
                        c.now,
                        c.reason
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let order_list = order
        .iter()
        .map(|id| view! { <li>{ctx.name(id)}</li> })
        .collect_view();
    let proposal_options = order.iter().map(|id| { let v = id.clone(); view! { <option value=id.clone() prop:selected=move || proposal.get() == v>{ctx.name(id)}</option> } }).collect_view();
    let criterion_options = stage
        .rubric
        .criteria
        .iter()
        .map(|c| {
            let range = match &c.kind {
                CriterionKind::Levels { .. } | CriterionKind::Points { .. } => {
                    let (lo, hi) = c.kind.range();
                    format!(" ({lo}\u{2013}{hi})")
                }
                CriterionKind::Requirement => " (1 met, 0 not met)".to_string(),
            };
            view! { <option value=c.id.clone()>{format!("{}{range}", c.name)}</option> }
        })
        .collect_view();
    view! {
        <h3>"Discussion"</h3>
        <p>"In order of the preliminary scores, highest first:"</p>
        <ol data-testid="discussion-order">{order_list}</ol>
        <fieldset class="brief-group" data-testid="change-score">
            <legend>"Record a score changed in the discussion"</legend>
            <div class="field">
                <label for=format!("change-proposal-{index}")>"Proposal"</label>
                <select id=format!("change-proposal-{index}") on:change=move |ev| { proposal.set(event_target_value(&ev)); reviewer.set(String::new()); }>{proposal_options}</select>
            </div>
            <div class="field">
                <label for=format!("change-reviewer-{index}")>"Reviewer"</label>
                <select id=format!("change-reviewer-{index}") on:change=move |ev| reviewer.set(event_target_value(&ev))>
                    {move || reviewers_of(&proposal.get()).into_iter().map(|(id, name)| { let v = id.clone(); view! { <option value=id prop:selected=move || reviewer.get() == v>{name}</option> } }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=format!("change-criterion-{index}")>"Criterion"</label>
                <select id=format!("change-criterion-{index}") on:change=move |ev| criterion.set(event_target_value(&ev))>{criterion_options}</select>
            </div>
            <div class="field field--number">
                <label for=format!("change-value-{index}")>"New score"</label>
                <input id=format!("change-value-{index}") type="number" inputmode="numeric" min="0" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=format!("change-reason-{index}")>"Why the panel changed it"</label>
                <input id=format!("change-reason-{index}") type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
            </div>
            <p><button type="button" class="button button--secondary" on:click=record>"Record the change"</button></p>
            {move || problem.get().map(|p| view! { <p class="notice notice--danger" role="alert">{p}</p> })}
        </fieldset>
        {move || {
            let all = changes();
            (!all.is_empty()).then(|| view! {
                <h4>"Changed in discussion (the original score is kept)"</h4>
                <ul data-testid="changes">{all.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })
        }}
    }
}

/// Every stage's figures, and between stages the shortlist that goes on.
#[component]
pub fn Stages(ctx: Ctx) -> impl IntoView {
    let count = ctx.competition.with_value(|c| c.stages.len());
    (0..count)
        .map(|index| {
            let advance = (index + 1 < count).then(|| view! { <Shortlist ctx index /> });
            view! { <StageFiguresView ctx index /> {advance} }
        })
        .collect_view()
}

/// The shortlist from stage `index` to the next.
#[component]
fn Shortlist(ctx: Ctx, index: usize) -> impl IntoView {
    let keeper = ctx.panel;
    let (stage_id, next_name) = ctx
        .competition
        .with_value(|c| (c.stages[index].id.clone(), c.stages[index + 1].name.clone()));
    let sid = StoredValue::new(stage_id);
    let said_name = next_name.clone();
    let top = RwSignal::new(String::from("3"));
    let note = RwSignal::new(None::<String>);
    let advance = move |_| {
        let Ok(n) = top.get_untracked().trim().parse::<usize>() else {
            note.set(Some(
                "Write how many proposals go on, as a whole number.".into(),
            ));
            return;
        };
        let ranked = ctx.decided.with_untracked(|d| {
            d.stages
                .get(index)
                .map(|f| f.result.ranked.clone())
                .unwrap_or_default()
        });
        let list = shortlist_top(&ranked, n);
        let tied = list.tied_at_cut.clone();
        keeper.edit(|p| {
            p.shortlist.insert(sid.get_value(), list.advanced.clone());
            p.updated_ms = browser::now_ms();
        });
        note.set((!tied.is_empty()).then(|| format!(
            "A tie at the cut: {} share a place, so all of them go on. Untick any the panel leaves out below.",
            tied.iter().map(|id| ctx.name(id)).collect::<Vec<_>>().join(", ")
        )));
        announce(
            ctx.announcement,
            format!(
                "{} proposals go on to the {said_name}.",
                list.advanced.len()
            ),
        );
    };
    let chosen = move || {
        keeper.doc.with(|p| {
            p.shortlist
                .get(&sid.get_value())
                .cloned()
                .unwrap_or_default()
        })
    };
    let next = next_name.clone();
    view! {
        <section class="reading__part" aria-labelledby=format!("part-shortlist-{index}")>
            <h2 id=format!("part-shortlist-{index}")>{format!("Shortlist for the {next_name}")}</h2>
            <div class="field field--number">
                <label for=format!("shortlist-top-{index}")>"How many go on, from the top"</label>
                <input id=format!("shortlist-top-{index}") type="number" min="1" inputmode="numeric" prop:value=move || top.get() on:input=move |ev| top.set(event_target_value(&ev)) />
            </div>
            <p><button type="button" class="button" on:click=advance>{format!("Advance them to the {next}")}</button></p>
            {move || note.get().map(|n| view! { <p class="notice notice--warning" role="status">{n}</p> })}
            {move || {
                let list = chosen();
                (!list.is_empty()).then(|| view! {
                    <ul class="plain-list" data-testid="shortlist">
                        {list.into_iter().map(|id| {
                            let pid = id.clone();
                            view! {
                                <li><label class="option">
                                    <input type="checkbox" prop:checked=true on:change=move |_| {
                                        let pid = pid.clone();
                                        keeper.edit(move |p| { if let Some(l) = p.shortlist.get_mut(&sid.get_value()) { l.retain(|x| *x != pid); } });
                                    } />
                                    <span>{ctx.name(&id)}</span>
                                </label></li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
