//! The stages of review, how their scores combine, and each stage's rubric: criteria scored
//! on a scale of levels, in points out of a maximum (with bands), or as a yes-or-no
//! requirement; and bonus points with their cap.

use super::editor::Comp;
use super::fields::{fresh_id, long_field, number_field, text_field};
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crossroads_review::{
    Band, Bonus, BonusItem, Combine, Criterion, CriterionKind, Level, Rubric, Stage, StageWeight,
};
use leptos::prelude::*;

fn read_stage<T: Default>(comp: Comp, s: usize, f: impl FnOnce(&Stage) -> T) -> T {
    comp.doc
        .with(|c| c.stages.get(s).map(f))
        .unwrap_or_default()
}

fn edit_stage(comp: Comp, s: usize, change: impl FnOnce(&mut Stage)) {
    comp.edit(|c| {
        if let Some(st) = c.stages.get_mut(s) {
            change(st);
        }
    });
}

fn read_crit<T: Default>(comp: Comp, s: usize, k: usize, f: impl FnOnce(&Criterion) -> T) -> T {
    read_stage(comp, s, |st| st.rubric.criteria.get(k).map(f)).unwrap_or_default()
}

fn edit_crit(comp: Comp, s: usize, k: usize, change: impl FnOnce(&mut Criterion)) {
    edit_stage(comp, s, |st| {
        if let Some(c) = st.rubric.criteria.get_mut(k) {
            change(c);
        }
    });
}

/// "Beginning" to "Exemplary", and "Level 5" on for longer scales.
fn level_label(n: usize) -> String {
    const LABELS: [&str; 4] = ["Beginning", "Developing", "Proficient", "Exemplary"];
    LABELS
        .get(n)
        .map_or_else(|| format!("Level {}", n + 1), |l| l.to_string())
}

fn new_levels(count: usize) -> Vec<Level> {
    (0..count)
        .map(|n| Level {
            label: level_label(n),
            description: String::new(),
        })
        .collect()
}

const KINDS: [(&str, &str); 3] = [
    ("levels", "A scale of levels"),
    ("points", "Points out of a maximum"),
    ("requirement", "A yes-or-no requirement"),
];

fn kind_key(kind: &CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Levels { .. } => "levels",
        CriterionKind::Points { .. } => "points",
        CriterionKind::Requirement => "requirement",
    }
}

/// One level of a scale.
#[component]
fn LevelFields(comp: Comp, s: usize, k: usize, l: usize) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-criterion-{k}-level-{l}-{f}");
    let read = move |f: fn(&Level) -> String| {
        move || {
            read_crit(comp, s, k, |c| match &c.kind {
                CriterionKind::Levels { levels, .. } => levels.get(l).map(f).unwrap_or_default(),
                _ => String::new(),
            })
        }
    };
    let edit = move |change: Box<dyn FnOnce(&mut Level)>| {
        edit_crit(comp, s, k, |c| {
            if let CriterionKind::Levels { levels, .. } = &mut c.kind {
                if let Some(level) = levels.get_mut(l) {
                    change(level);
                }
            }
        })
    };
    let number = move || {
        read_crit(comp, s, k, |c| match &c.kind {
            CriterionKind::Levels { first, .. } => *first as usize + l,
            _ => l,
        })
    };
    view! {
        <fieldset class="brief-level" data-testid="level">
            <legend>{move || format!("Level {}", number())}</legend>
            {text_field(id("label"), "Label", read(|l| l.label.clone()), move |v| edit(Box::new(move |l| l.label = v)))}
            {long_field(id("description"), "What a proposal at this level looks like", None, read(|l| l.description.clone()), move |v| edit(Box::new(move |l| l.description = v)))}
        </fieldset>
    }
}

/// One band of a points criterion.
#[component]
fn BandFields(comp: Comp, s: usize, k: usize, b: usize) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-criterion-{k}-band-{b}-{f}");
    let read = move |f: fn(&Band) -> String| {
        move || {
            read_crit(comp, s, k, |c| match &c.kind {
                CriterionKind::Points { bands, .. } => bands.get(b).map(f).unwrap_or_default(),
                _ => String::new(),
            })
        }
    };
    let read_n = move |f: fn(&Band) -> u32| {
        move || {
            read_crit(comp, s, k, |c| match &c.kind {
                CriterionKind::Points { bands, .. } => bands.get(b).map(f),
                _ => None,
            })
        }
    };
    let edit = move |change: Box<dyn FnOnce(&mut Band)>| {
        edit_crit(comp, s, k, |c| {
            if let CriterionKind::Points { bands, .. } = &mut c.kind {
                if let Some(band) = bands.get_mut(b) {
                    change(band);
                }
            }
        })
    };
    view! {
        <fieldset class="brief-level" data-testid="band">
            <legend>{format!("Band {}", b + 1)}</legend>
            <div class="field-row">
                {number_field(id("from"), "From (points)", None, (0, 1000), read_n(|b| b.from), move |v| edit(Box::new(move |b| b.from = v.unwrap_or(0))))}
                {number_field(id("to"), "To (points)", None, (0, 1000), read_n(|b| b.to), move |v| edit(Box::new(move |b| b.to = v.unwrap_or(0))))}
            </div>
            {text_field(id("label"), "Label", read(|b| b.label.clone()), move |v| edit(Box::new(move |b| b.label = v)))}
            {long_field(id("description"), "What it means", None, read(|b| b.description.clone()), move |v| edit(Box::new(move |b| b.description = v)))}
            <p>
                <button type="button" class="button button--danger-quiet button--small" on:click=move |_| edit_crit(comp, s, k, |c| {
                    if let CriterionKind::Points { bands, .. } = &mut c.kind {
                        if b < bands.len() {
                            bands.remove(b);
                        }
                    }
                })>
                    {format!("Remove band {}", b + 1)}
                </button>
            </p>
        </fieldset>
    }
}

/// What a criterion's kind asks for: its levels, its maximum and bands, or nothing.
#[component]
fn KindFields(comp: Comp, s: usize, k: usize, kind: &'static str) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-criterion-{k}-{f}");
    match kind {
        "levels" => {
            let count = move || {
                read_crit(comp, s, k, |c| match &c.kind {
                    CriterionKind::Levels { levels, .. } => levels.len(),
                    _ => 0,
                })
            };
            let first = move || {
                read_crit(comp, s, k, |c| match &c.kind {
                    CriterionKind::Levels { first, .. } => *first,
                    _ => 1,
                })
            };
            let counts = (2..=crossroads_review::rubric::limits::LEVELS)
                .map(|n| view! { <option value=n.to_string() prop:selected=move || count() == n>{n.to_string()}</option> })
                .collect_view();
            view! {
                <div class="field-row">
                    <div class="field">
                        <label for=id("levels")>"Number of levels"</label>
                        <select id=id("levels") on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                                edit_crit(comp, s, k, |c| {
                                    if let CriterionKind::Levels { levels, .. } = &mut c.kind {
                                        let more = new_levels(n);
                                        levels.truncate(n);
                                        let have = levels.len();
                                        levels.extend(more.into_iter().skip(have));
                                    }
                                });
                            }
                        }>{counts}</select>
                    </div>
                    <div class="field">
                        <label for=id("first")>"Levels are numbered"</label>
                        <select id=id("first") on:change=move |ev| {
                            let from = if event_target_value(&ev) == "0" { 0 } else { 1 };
                            edit_crit(comp, s, k, |c| {
                                if let CriterionKind::Levels { first, .. } = &mut c.kind {
                                    *first = from;
                                }
                            });
                        }>
                            <option value="0" prop:selected=move || first() == 0>"From 0"</option>
                            <option value="1" prop:selected=move || first() == 1>"From 1"</option>
                        </select>
                    </div>
                </div>
                <details class="brief-details" data-testid="levels">
                    <summary>{move || format!("The {} levels and what each looks like", count())}</summary>
                    <div class="brief-levels">
                        <For each=move || 0..count() key=|l| *l let(l)>
                            <LevelFields comp s k l />
                        </For>
                    </div>
                </details>
            }
            .into_any()
        }
        "points" => {
            let bands = move || {
                read_crit(comp, s, k, |c| match &c.kind {
                    CriterionKind::Points { bands, .. } => bands.len(),
                    _ => 0,
                })
            };
            let max = move || {
                read_crit(comp, s, k, |c| match &c.kind {
                    CriterionKind::Points { max, .. } => Some(*max),
                    _ => None,
                })
            };
            view! {
                {number_field(id("max"), "Most points", None, (1, 1000), max, move |v| edit_crit(comp, s, k, |c| {
                    if let CriterionKind::Points { max, .. } = &mut c.kind {
                        *max = v.unwrap_or(0);
                    }
                }))}
                <details class="brief-details" data-testid="bands">
                    <summary>{move || match bands() {
                        0 => "Bands: what a range of points means (none yet)".to_string(),
                        1 => "Bands: what a range of points means (1 band)".to_string(),
                        n => format!("Bands: what a range of points means ({n} bands)"),
                    }}</summary>
                    <div class="brief-levels">
                        <For each=move || 0..bands() key=|b| *b let(b)>
                            <BandFields comp s k b />
                        </For>
                    </div>
                    <p>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| edit_crit(comp, s, k, |c| {
                            if let CriterionKind::Points { max, bands } = &mut c.kind {
                                let from = bands.last().map_or(0, |b| (b.to + 1).min(*max));
                                bands.push(Band { from, to: *max, label: String::new(), description: String::new() });
                            }
                        })>"Add a band"</button>
                    </p>
                </details>
            }
            .into_any()
        }
        _ => view! {
            <p class="field__hint">"Met or not met. A proposal that does not meet it is not ranked, whatever its score."</p>
        }
        .into_any(),
    }
}

/// One criterion of a stage's rubric.
#[component]
fn CriterionCard(comp: Comp, s: usize, k: usize) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-criterion-{k}-{f}");
    let count = move || read_stage(comp, s, |st| st.rubric.criteria.len());
    let name = move || read_crit(comp, s, k, |c| c.name.clone());
    let kind = Memo::new(move |_| read_crit(comp, s, k, |c| kind_key(&c.kind)));
    let kinds = KINDS
        .iter()
        .map(|(key, label)| view! { <option value=*key prop:selected=move || kind.get() == *key>{*label}</option> })
        .collect_view();
    let set_kind = move |key: String| {
        edit_crit(comp, s, k, |c| {
            if kind_key(&c.kind) == key {
                return;
            }
            c.kind = match key.as_str() {
                "levels" => CriterionKind::Levels {
                    first: 1,
                    levels: new_levels(4),
                },
                "points" => CriterionKind::Points {
                    max: 10,
                    bands: Vec::new(),
                },
                _ => CriterionKind::Requirement,
            };
        })
    };
    let weight_hint = move || match kind.get() {
        "points" => "Its share of the stage\u{2019}s total. Blank: its most points.",
        _ => "Its share of the stage\u{2019}s total. Blank: 1.",
    };
    let moved = move |to: usize| {
        edit_stage(comp, s, |st| {
            if k < st.rubric.criteria.len() && to < st.rubric.criteria.len() {
                st.rubric.criteria.swap(k, to);
            }
        });
        browser::focus_later(format!("stage-{s}-criterion-{to}-name"));
    };
    let removing = RwSignal::new(false);
    let of_stage = format!(" of stage {}", s + 1);
    view! {
        <li>
            <fieldset class="brief-item" data-testid="criterion">
                <legend>{move || format!("Criterion {}: {}", k + 1, name())}</legend>
                {text_field(id("name"), "Name", name, move |v| edit_crit(comp, s, k, |c| c.name = v))}
                {long_field(id("looks-for"), "What reviewers look for", None, move || read_crit(comp, s, k, |c| c.looks_for.clone()), move |v| edit_crit(comp, s, k, |c| c.looks_for = v))}
                <div class="field-row">
                    <div class="field">
                        <label for=id("kind")>"Scored as"</label>
                        <select id=id("kind") on:change=move |ev| set_kind(event_target_value(&ev))>{kinds}</select>
                    </div>
                    <Show when=move || kind.get() != "requirement">
                        <div class="field field--number">
                            <label for=id("weight")>"Weight"</label>
                            <input
                                id=id("weight")
                                type="number"
                                inputmode="numeric"
                                min="0"
                                max="1000"
                                aria-describedby=id("weight-hint")
                                prop:value=move || read_crit(comp, s, k, |c| c.weight).map(|w| w.to_string()).unwrap_or_default()
                                on:input=move |ev| {
                                    let typed = event_target_value(&ev);
                                    let weight = typed.trim().parse::<u32>().ok().map(|w| w.min(1000));
                                    if typed.trim().is_empty() || weight.is_some() {
                                        edit_crit(comp, s, k, |c| c.weight = weight);
                                    }
                                }
                            />
                            <p class="field__hint field__hint--after" id=id("weight-hint")>{weight_hint}</p>
                        </div>
                    </Show>
                </div>
                {move || { let kind = kind.get(); view! { <KindFields comp s k kind /> } }}
                <p class="notice__actions">
                    <Show when=move || { k > 0 }>
                        <button type="button" class="button button--quiet button--small" on:click=move |_| moved(k - 1)>
                            {format!("Move criterion {} up", k + 1)}<span class="visually-hidden">{of_stage.clone()}</span>
                        </button>
                    </Show>
                    <Show when=move || { k + 1 < count() }>
                        <button type="button" class="button button--quiet button--small" on:click=move |_| moved(k + 1)>
                            {format!("Move criterion {} down", k + 1)}<span class="visually-hidden">{format!(" of stage {}", s + 1)}</span>
                        </button>
                    </Show>
                    <button type="button" id=id("remove") class="button button--danger-quiet button--small" on:click=move |_| removing.set(true)>
                        {format!("Remove criterion {}", k + 1)}<span class="visually-hidden">{format!(" of stage {}", s + 1)}</span>
                    </button>
                </p>
                <Show when=move || removing.get()>
                    <ConfirmDelete
                        title=name()
                        consequence="The criterion and its levels are removed from the rubric."
                        keep_id=id("keep")
                        back_to=id("remove")
                        open=removing
                        on_delete=Callback::new(move |()| {
                            removing.set(false);
                            edit_stage(comp, s, |st| {
                                if k < st.rubric.criteria.len() {
                                    st.rubric.criteria.remove(k);
                                }
                            });
                            browser::focus_later(format!("stage-{s}-add-criterion"));
                        })
                    />
                </Show>
            </fieldset>
        </li>
    }
}

fn read_bonus<T: Default>(comp: Comp, s: usize, f: impl FnOnce(&Bonus) -> T) -> T {
    read_stage(comp, s, |st| st.rubric.bonus.as_ref().map(f)).unwrap_or_default()
}

fn edit_bonus(comp: Comp, s: usize, change: impl FnOnce(&mut Bonus)) {
    edit_stage(comp, s, |st| {
        if let Some(b) = st.rubric.bonus.as_mut() {
            change(b);
        }
    });
}

/// One way to earn bonus points.
#[component]
fn BonusItemFields(comp: Comp, s: usize, i: usize) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-bonus-{i}-{f}");
    let read = move |f: fn(&BonusItem) -> String| {
        move || read_bonus(comp, s, |b| b.items.get(i).map(f).unwrap_or_default())
    };
    let edit = move |change: Box<dyn FnOnce(&mut BonusItem)>| {
        edit_bonus(comp, s, |b| {
            if let Some(item) = b.items.get_mut(i) {
                change(item);
            }
        })
    };
    view! {
        <fieldset class="brief-level" data-testid="bonus-item">
            <legend>{format!("Bonus {}", i + 1)}</legend>
            {text_field(id("name"), "Name", read(|b| b.name.clone()), move |v| edit(Box::new(move |b| b.name = v)))}
            {long_field(id("looks-for"), "What earns it", None, read(|b| b.looks_for.clone()), move |v| edit(Box::new(move |b| b.looks_for = v)))}
            {number_field(id("max"), "Most bonus points", None, (1, 100), move || read_bonus(comp, s, |b| b.items.get(i).map(|it| it.max)), move |v| edit(Box::new(move |b| b.max = v.unwrap_or(0))))}
            <p>
                <button type="button" class="button button--danger-quiet button--small" on:click=move |_| edit_bonus(comp, s, |b| {
                    if i < b.items.len() {
                        b.items.remove(i);
                    }
                })>
                    {format!("Remove bonus {}", i + 1)}<span class="visually-hidden">{format!(" of stage {}", s + 1)}</span>
                </button>
            </p>
        </fieldset>
    }
}

/// Bonus points of a stage: on or off, their items and the cap.
#[component]
fn BonusFields(comp: Comp, s: usize) -> impl IntoView {
    let on = move || read_stage(comp, s, |st| st.rubric.bonus.is_some());
    let items = move || read_bonus(comp, s, |b| b.items.len());
    let box_id = format!("stage-{s}-bonus");
    view! {
        <fieldset class="brief-group" data-testid="bonus">
            <legend>"Bonus points"</legend>
            <p class="checkbox-line">
                <input
                    type="checkbox"
                    id=box_id.clone()
                    prop:checked=on
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        edit_stage(comp, s, |st| {
                            st.rubric.bonus = checked.then(|| st.rubric.bonus.take().unwrap_or(Bonus { items: Vec::new(), cap: 5 }));
                        });
                    }
                />
                <label for=box_id>"Offer bonus points at this stage (on the 0\u{2013}100 scale, added to the total)"</label>
            </p>
            <Show when=on>
                {number_field(format!("stage-{s}-bonus-cap"), "Most bonus points in all (the cap)", None, (0, 100), move || read_bonus(comp, s, |b| Some(b.cap)), move |v| edit_bonus(comp, s, |b| b.cap = v.unwrap_or(0)))}
                <div class="brief-levels">
                    <For each=move || 0..items() key=|i| *i let(i)>
                        <BonusItemFields comp s i />
                    </For>
                </div>
                <p>
                    <button type="button" class="button button--secondary button--small" on:click=move |_| edit_bonus(comp, s, |b| {
                        let id = fresh_id("b", b.items.iter().map(|it| it.id.as_str()));
                        b.items.push(BonusItem { id, name: String::new(), looks_for: String::new(), max: 5 });
                    })>
                        "Add a bonus item"<span class="visually-hidden">{format!(" to stage {}", s + 1)}</span>
                    </button>
                </p>
            </Show>
        </fieldset>
    }
}

/// One stage: its name and description, its criteria, its bonus points.
#[component]
fn StageCard(comp: Comp, s: usize) -> impl IntoView {
    let id = move |f: &str| format!("stage-{s}-{f}");
    let count = move || comp.doc.with(|c| c.stages.len());
    let name = move || read_stage(comp, s, |st| st.name.clone());
    let criteria = move || read_stage(comp, s, |st| st.rubric.criteria.len());
    let heading_id = id("heading");
    let labelled_by = heading_id.clone();
    let add = move |_| {
        let n = criteria();
        edit_stage(comp, s, |st| {
            let id = fresh_id("c", st.rubric.criteria.iter().map(|c| c.id.as_str()));
            st.rubric.criteria.push(Criterion {
                id,
                name: String::new(),
                looks_for: String::new(),
                kind: CriterionKind::Levels {
                    first: 1,
                    levels: new_levels(4),
                },
                weight: None,
            });
        });
        browser::focus_later(format!("stage-{s}-criterion-{n}-name"));
    };
    let removing = RwSignal::new(false);
    view! {
        <li class="brief-stage" data-testid="stage">
            <section aria-labelledby=labelled_by>
                <h3 id=heading_id tabindex="-1">{move || format!("Stage {}: {}", s + 1, name())}</h3>
                {text_field(id("name"), "Name of the stage", name, move |v| edit_stage(comp, s, |st| st.name = v))}
                {long_field(id("description"), "What happens at this stage", None, move || read_stage(comp, s, |st| st.description.clone()), move |v| edit_stage(comp, s, |st| st.description = v))}
                <h4>"Rubric"</h4>
                <ol class="brief-list">
                    <For each=move || 0..criteria() key=|k| *k let(k)>
                        <CriterionCard comp s k />
                    </For>
                </ol>
                <p>
                    <button type="button" id=id("add-criterion") class="button button--secondary button--small" on:click=add>
                        "Add a criterion"<span class="visually-hidden">{format!(" to stage {}", s + 1)}</span>
                    </button>
                </p>
                <BonusFields comp s />
                <Show when=move || { count() > 1 }>
                    <p>
                        <button type="button" id=id("remove") class="button button--danger-quiet button--small" on:click=move |_| removing.set(true)>
                            {format!("Remove stage {}", s + 1)}
                        </button>
                    </p>
                </Show>
                <Show when=move || removing.get()>
                    <ConfirmDelete
                        title=name()
                        consequence="The stage and its rubric are removed from the competition."
                        keep_id=id("keep")
                        back_to=id("remove")
                        open=removing
                        on_delete=Callback::new(move |()| {
                            removing.set(false);
                            comp.edit(|c| {
                                if s < c.stages.len() && c.stages.len() > 1 {
                                    let gone = c.stages.remove(s).id;
                                    if let Combine::Blend(weights) = &mut c.combine {
                                        weights.retain(|w| w.stage != gone);
                                    }
                                }
                            });
                            browser::focus_later("add-stage".to_string());
                        })
                    />
                </Show>
            </section>
        </li>
    }
}

/// The stages and how they combine.
#[component]
pub fn Stages(comp: Comp) -> impl IntoView {
    let count = move || comp.doc.with(|c| c.stages.len());
    let blend = move || comp.doc.with(|c| matches!(c.combine, Combine::Blend(_)));
    let add = move |_| {
        let n = count();
        comp.edit(|c| {
            let id = fresh_id("stage-", c.stages.iter().map(|s| s.id.as_str()));
            if let Combine::Blend(weights) = &mut c.combine {
                weights.push(StageWeight {
                    stage: id.clone(),
                    weight: 1,
                });
            }
            c.stages.push(Stage {
                id,
                name: "New stage".into(),
                description: String::new(),
                rubric: Rubric::empty(),
            });
        });
        browser::focus_later(format!("stage-{n}-name"));
    };
    let set_blend = move |on: bool| {
        comp.edit(|c| {
            c.combine = if on {
                Combine::Blend(
                    c.stages
                        .iter()
                        .map(|s| StageWeight {
                            stage: s.id.clone(),
                            weight: 1,
                        })
                        .collect(),
                )
            } else {
                Combine::LastStage
            };
        })
    };
    let weights = move || {
        comp.doc.with_untracked(|c| {
            c.stages
                .iter()
                .map(|st| {
                    let sid = st.id.clone();
                    let label = format!("Weight of \u{201c}{}\u{201d}", st.name);
                    let read_id = sid.clone();
                    number_field(
                        format!("blend-{sid}"),
                        label,
                        None,
                        (0, 1000),
                        move || {
                            comp.doc.with(|c| match &c.combine {
                                Combine::Blend(w) => {
                                    w.iter().find(|w| w.stage == read_id).map(|w| w.weight)
                                }
                                _ => None,
                            })
                        },
                        move |v| {
                            let sid = sid.clone();
                            comp.edit(|c| {
                                if let Combine::Blend(weights) = &mut c.combine {
                                    weights.retain(|w| w.stage != sid);
                                    if let Some(weight) = v {
                                        weights.push(StageWeight { stage: sid, weight });
                                    }
                                    let order: Vec<String> =
                                        c.stages.iter().map(|s| s.id.clone()).collect();
                                    weights.sort_by_key(|w| {
                                        order.iter().position(|id| *id == w.stage)
                                    });
                                }
                            })
                        },
                    )
                })
                .collect_view()
        })
    };
    // Only adding or removing a stage, or renaming one, redraws the weights.
    let weight_shape = Memo::new(move |_| {
        comp.doc.with(|c| {
            c.stages
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h2 id="stages-heading">"Stages of review and their rubrics"</h2>
        <ol class="brief-stages" aria-labelledby="stages-heading">
            <For each=move || 0..count() key=|s| *s let(s)>
                <StageCard comp s />
            </For>
        </ol>
        <p><button type="button" id="add-stage" class="button button--secondary" on:click=add>"Add a stage"</button></p>
        <fieldset class="brief-group">
            <legend>"How the stages make the final score"</legend>
            <p class="checkbox-line">
                <input type="radio" id="combine-last" name="combine" prop:checked=move || !blend() on:change=move |_| set_blend(false) />
                <label for="combine-last">"The last stage\u{2019}s score alone (earlier stages only choose who goes on)"</label>
            </p>
            <p class="checkbox-line">
                <input type="radio" id="combine-blend" name="combine" prop:checked=blend on:change=move |_| set_blend(true) />
                <label for="combine-blend">"A weighted blend of the stages\u{2019} scores"</label>
            </p>
            <Show when=blend>
                <p class="field__hint">"Each stage\u{2019}s score counts in proportion to its weight: weights of 2 and 1 make the first stage count twice as much as the second."</p>
                <div class="field-row">{move || { weight_shape.track(); weights() }}</div>
            </Show>
        </fieldset>
    }
}
