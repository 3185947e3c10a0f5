//! Editing a plan: its title and day, the agenda with its times, each session (focus, activity,
//! time box, protocol and its steps, presenting teams, notes), the parking lot, and the files to
//! share and print.

use super::parking::ParkingLot;
use super::plans::NoPlan;
use super::{new_plan_id, Place, Stores};
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::keep::Keeper;
use crate::ui::kit::notice::announce;
use crate::ui::kit::save::{ConflictPanel, SaveStatusLine};
use crossroads_exchange::{facilitator_guide, workshop_file_name, workshop_to_json};
use crossroads_storage::{DocEntry, Document, SaveStatus};
use crossroads_workbook::FocusArea;
use crossroads_workshop::{
    clock, from_time_value, library, time_value, Focus, Protocol, Role, Session, Step, Workshop,
};
use leptos::prelude::*;

/// The plan being edited, for the parts of the screen.
pub type Plan = Keeper<Workshop>;

/// A labelled one-line text field bound to the plan.
fn text_field(
    id: String,
    label: &'static str,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
        </div>
    }
}

/// A labelled text area bound to the plan.
fn long_field(
    id: String,
    label: &'static str,
    hint: Option<&'static str>,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
            <textarea
                id=id
                rows="3"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=value
                on:input=move |ev| set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A labelled number of minutes bound to the plan.
fn minutes_field(
    id: String,
    label: &'static str,
    value: impl Fn() -> u32 + Send + Sync + 'static,
    set: impl Fn(u32) + 'static,
) -> impl IntoView {
    view! {
        <div class="field field--short">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min="0"
                max="600"
                prop:value=move || value().to_string()
                on:input=move |ev| {
                    if let Ok(m) = event_target_value(&ev).trim().parse::<u32>() {
                        set(m.min(600));
                    }
                }
            />
        </div>
    }
}

/// A select of who speaks or who stays silent.
fn role_field(
    id: String,
    label: &'static str,
    value: impl Fn() -> Role + Send + Sync + Clone + 'static,
    set: impl Fn(Role) + 'static,
) -> impl IntoView {
    let options = Role::ALL
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let value = value.clone();
            let role = *role;
            view! { <option value=i.to_string() prop:selected=move || value() == role>{capitalised(role.name())}</option> }
        })
        .collect_view();
    view! {
        <div class="field field--short">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(role) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Role::ALL.get(i)) {
                        set(*role);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The session's minutes as the agenda counts them.
fn session_minutes(s: &Session) -> u32 {
    match &s.protocol {
        Some(p) => p.minutes() * s.rounds() as u32,
        None => s.minutes,
    }
}

/// Edits session `i` of the plan, if it still exists.
fn edit_session(plan: Plan, i: usize, change: impl FnOnce(&mut Session)) {
    plan.edit(|w| {
        if let Some(s) = w.plan.sessions.get_mut(i) {
            change(s);
        }
    });
}

/// Reads session `i` of the plan.
fn read_session<T: Default>(plan: Plan, i: usize, f: impl FnOnce(&Session) -> T) -> T {
    plan.doc
        .with(|w| w.plan.sessions.get(i).map(f))
        .unwrap_or_default()
}

/// The protocols a session can run: the built-in ones, then the facilitator's own.
fn protocols(w: &Workshop) -> Vec<Protocol> {
    let mut all = library();
    all.extend(w.protocols.iter().cloned());
    all
}

/// The focus area and, optionally, some of its prompts.
#[component]
fn FocusFields(plan: Plan, i: usize) -> impl IntoView {
    let area = move || read_session(plan, i, |s| s.focus.area);
    let options = FocusArea::ALL
        .iter()
        .map(|a| {
            let n = a.number();
            view! { <option value=n.to_string() prop:selected=move || area() == Some(n)>{a.section().numbered_title()}</option> }
        })
        .collect_view();
    let id = format!("session-{i}-area");
    // Only a change of area rebuilds the list: ticking a box, or typing elsewhere, leaves it
    // (and the disclosure holding it) as it is.
    let focus_area = Memo::new(move |_| read_session(plan, i, |s| s.focus.focus_area()));
    let prompts = move || {
        let focus_area = focus_area.get()?;
        let boxes = focus_area
            .section()
            .prompts
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let box_id = format!("session-{i}-prompt-{k}");
                let checked =
                    move || read_session(plan, i, |s| s.focus.prompts.iter().any(|x| x == p.id));
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=box_id.clone()
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit_session(plan, i, |s| {
                                    s.focus.prompts.retain(|x| x != p.id);
                                    if on {
                                        s.focus.prompts.push(p.id.to_string());
                                    }
                                });
                            }
                        />
                        <label for=box_id>{p.label}</label>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <details class="session__prompts">
                <summary>"Only some of this area\u{2019}s prompts"</summary>
                <p class="field__hint">"With none ticked, the session works on every prompt of the area."</p>
                <ul class="checklist">{boxes}</ul>
            </details>
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>"Workbook focus"</label>
            <select
                id=id
                on:change=move |ev| {
                    let n = event_target_value(&ev).parse::<u8>().ok();
                    edit_session(plan, i, |s| s.focus = Focus { area: n, prompts: Vec::new() });
                }
            >
                <option value="" prop:selected=move || area().is_none()>"None (welcome, break, close)"</option>
                {options}
            </select>
        </div>
        {prompts}
    }
}

/// One step of a session's protocol.
#[component]
fn StepFields(plan: Plan, i: usize, k: usize) -> impl IntoView {
    let step = move |f: fn(&Step) -> String| {
        move || {
            read_session(plan, i, |s| {
                s.protocol
                    .as_ref()
                    .and_then(|p| p.steps.get(k))
                    .map(f)
                    .unwrap_or_default()
            })
        }
    };
    let edit_step = move |change: Box<dyn FnOnce(&mut Step)>| {
        edit_session(plan, i, |s| {
            if let Some(st) = s.protocol.as_mut().and_then(|p| p.steps.get_mut(k)) {
                change(st);
            }
        })
    };
    let role = move |speaks: bool| {
        move || {
            read_session(plan, i, |s| {
                s.protocol.as_ref().and_then(|p| p.steps.get(k)).map(|st| {
                    if speaks {
                        st.speaks
                    } else {
                        st.silent
                    }
                })
            })
            .unwrap_or(Role::NoOne)
        }
    };
    let id = |f: &str| format!("session-{i}-step-{k}-{f}");
    view! {
        <fieldset class="step" data-testid="protocol-step">
            <legend>{format!("Step {}", k + 1)}</legend>
            {text_field(id("name"), "Step", step(|s| s.name.clone()), move |v| edit_step(Box::new(move |s| s.name = v)))}
            {minutes_field(id("minutes"), "Minutes", move || read_session(plan, i, |s| s.protocol.as_ref().and_then(|p| p.steps.get(k)).map_or(0, |st| st.minutes)), move |m| edit_step(Box::new(move |s| s.minutes = m)))}
            {role_field(id("speaks"), "Who speaks", role(true), move |r| edit_step(Box::new(move |s| s.speaks = r)))}
            {role_field(id("silent"), "Who stays silent", role(false), move |r| edit_step(Box::new(move |s| s.silent = r)))}
            {long_field(id("prompt"), "Prompt for the room", None, step(|s| s.prompt.clone()), move |v| edit_step(Box::new(move |s| s.prompt = v)))}
            <button
                type="button"
                class="button button--danger-quiet button--small"
                on:click=move |_| edit_session(plan, i, |s| {
                    if let Some(p) = s.protocol.as_mut() {
                        if k < p.steps.len() {
                            p.steps.remove(k);
                        }
                    }
                })
            >
                {format!("Remove step {}", k + 1)}
            </button>
        </fieldset>
    }
}

/// The protocol a session runs, its steps and its presenting teams.
#[component]
fn ProtocolFields(plan: Plan, i: usize) -> impl IntoView {
    let announcement = expect_context::<RwSignal<String>>();
    let current = move || read_session(plan, i, |s| s.protocol.as_ref().map(|p| p.id.clone()));
    // Only a change in the protocols offered rebuilds the options.
    let offered = Memo::new(move |_| plan.doc.with(protocols));
    let options = move || {
        offered
            .get()
            .into_iter()
            .map(|p| {
                let id = p.id.clone();
                // The names say their minutes ("Tuning a plan (40 minutes)").
                let label = p.name.clone();
                view! { <option value=id.clone() prop:selected=move || current().as_deref() == Some(id.as_str())>{label}</option> }
            })
            .collect_view()
    };
    let select_id = format!("session-{i}-protocol");
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let chosen = plan
            .doc
            .with_untracked(protocols)
            .into_iter()
            .find(|p| p.id == id);
        edit_session(plan, i, |s| {
            // The activity says what the room does: the protocol's name, until the facilitator
            // words it otherwise.
            if let Some(p) = &chosen {
                s.activity = p.name.clone();
            }
            s.protocol = chosen;
        });
    };
    let step_count = move || {
        read_session(plan, i, |s| {
            s.protocol.as_ref().map_or(0, |p| p.steps.len())
        })
    };
    let per_team =
        move || read_session(plan, i, |s| s.protocol.as_ref().is_some_and(|p| p.per_team));
    let save_name = RwSignal::new(String::new());
    let save_id = format!("session-{i}-save-as");
    let save = move |_| {
        let name = save_name.get_untracked();
        let name = name.trim();
        if name.is_empty() {
            return announce(announcement, "Give the protocol a name first.".into());
        }
        let name = name.to_string();
        plan.edit(|w| {
            if let Some(p) = w.plan.sessions.get(i).and_then(|s| s.protocol.clone()) {
                let saved = w.save_protocol(&p, &name).clone();
                if let Some(s) = w.plan.sessions.get_mut(i) {
                    s.protocol = Some(saved);
                }
            }
        });
        save_name.set(String::new());
        announce(
            announcement,
            format!("Saved \u{201c}{name}\u{201d} as one of your protocols."),
        );
    };
    view! {
        <div class="field">
            <label for=select_id.clone()>"Protocol"</label>
            <select id=select_id on:change=choose>
                <option value="" prop:selected=move || current().is_none()>"No protocol: one timed block"</option>
                {options}
            </select>
        </div>
        <Show when=move || current().is_some()>
            <Show when=per_team>
                {long_field(
                    format!("session-{i}-teams"),
                    "Presenting teams, one per line",
                    Some("The steps run once for each team, in this order."),
                    move || read_session(plan, i, |s| s.teams.join("\n")),
                    // Kept as typed (blank lines are no teams), so Enter and spaces stay put.
                    move |v| edit_session(plan, i, |s| s.teams = v.split('\n').map(String::from).collect()),
                )}
            </Show>
            <details class="session__steps">
                <summary>{move || format!("The protocol\u{2019}s {} steps: adapt them for this session", step_count())}</summary>
            <div class="steps">
                <For each=move || 0..step_count() key=|k| *k let(k)>
                    <StepFields plan i k />
                </For>
            </div>
            <p class="notice__actions">
                <button
                    type="button"
                    class="button button--secondary button--small"
                    on:click=move |_| edit_session(plan, i, |s| {
                        if let Some(p) = s.protocol.as_mut() {
                            p.steps.push(Step {
                                name: "New step".into(),
                                minutes: 5,
                                speaks: Role::Everyone,
                                silent: Role::NoOne,
                                prompt: String::new(),
                            });
                        }
                    })
                >
                    "Add a step"
                </button>
            </p>
            <div class="save-as">
                <div class="field">
                    <label for=save_id.clone()>"Save these steps as a protocol of your own"</label>
                    <input id=save_id.clone() type="text" placeholder="Name" prop:value=move || save_name.get() on:input=move |ev| save_name.set(event_target_value(&ev)) />
                </div>
                <button type="button" class="button button--secondary button--small" on:click=save>"Save as a new protocol"</button>
            </div>
            </details>
        </Show>
    }
}

/// One session of the plan, with its place in the agenda.
#[component]
fn SessionCard(plan: Plan, i: usize) -> impl IntoView {
    let count = move || plan.doc.with(|w| w.plan.sessions.len());
    let heading = move || {
        plan.doc.with(|w| {
            let agenda = w.plan.agenda(&Default::default());
            match (w.plan.sessions.get(i), agenda.get(i)) {
                (Some(s), Some(slot)) => format!(
                    "{}\u{2013}{} \u{b7} Session {}: {}",
                    clock(slot.start),
                    clock(slot.end),
                    i + 1,
                    if s.title.trim().is_empty() {
                        "Untitled"
                    } else {
                        s.title.as_str()
                    }
                ),
                _ => String::new(),
            }
        })
    };
    let has_protocol = move || read_session(plan, i, |s| s.protocol.is_some());
    let removing = RwSignal::new(false);
    let title = move || read_session(plan, i, |s| s.title.clone());
    let id = move |f: &str| format!("session-{i}-{f}");
    let heading_id = id("heading");
    let moved = move |to: usize| {
        plan.edit(|w| w.plan.move_session(i, to));
        browser::focus_later(format!("session-{to}-heading"));
    };
    let plan_id = plan.doc.with_untracked(|w| w.plan.id.clone());
    view! {
        <li class="session-card" data-testid="session">
            <h3 id=heading_id tabindex="-1">{heading}</h3>
            {text_field(id("title"), "Title", title, move |v| edit_session(plan, i, |s| s.title = v))}
            <FocusFields plan i />
            {text_field(id("activity"), "Activity", move || read_session(plan, i, |s| s.activity.clone()), move |v| edit_session(plan, i, |s| s.activity = v))}
            <Show
                when=has_protocol
                fallback=move || minutes_field(id("minutes"), "Minutes", move || read_session(plan, i, |s| s.minutes), move |m| edit_session(plan, i, |s| s.minutes = m))
            >
                <p class="field__hint">{move || format!("{} minutes in all, from the protocol\u{2019}s steps.", read_session(plan, i, session_minutes))}</p>
            </Show>
            <ProtocolFields plan i />
            {long_field(id("notes"), "Notes for the facilitator", None, move || read_session(plan, i, |s| s.notes.clone()), move |v| edit_session(plan, i, |s| s.notes = v))}
            <p class="notice__actions">
                <Show when=move || { i > 0 }>
                    <button type="button" class="button button--quiet button--small" on:click=move |_| moved(i - 1)>
                        {format!("Move session {} up", i + 1)}
                    </button>
                </Show>
                <Show when=move || { i + 1 < count() }>
                    <button type="button" class="button button--quiet button--small" on:click=move |_| moved(i + 1)>
                        {format!("Move session {} down", i + 1)}
                    </button>
                </Show>
                <a class="button button--quiet button--small" href=Place::SessionHandout(plan_id.clone(), i).href()>
                    {format!("Handout for session {}", i + 1)}
                </a>
                <button type="button" id=id("remove") class="button button--danger-quiet button--small" on:click=move |_| removing.set(true)>
                    {format!("Remove session {}", i + 1)}
                </button>
            </p>
            <Show when=move || removing.get()>
                <ConfirmDelete
                    title=title()
                    consequence="The session and its notes are removed from the plan."
                    keep_id=id("keep")
                    back_to=id("remove")
                    open=removing
                    on_delete=Callback::new(move |()| {
                        removing.set(false);
                        plan.edit(|w| {
                            if i < w.plan.sessions.len() {
                                w.plan.sessions.remove(i);
                            }
                        });
                        browser::focus_later("add-session".to_string());
                    })
                />
            </Show>
        </li>
    }
}

/// The agenda as a table, with the warning when it runs past the end of the day.
#[component]
pub fn AgendaTable(
    plan: Plan,
    /// How long the steps really took, for a run in progress.
    #[prop(into)]
    ran: Signal<crossroads_workshop::Ran>,
    /// The session in play, if a run is on.
    #[prop(optional, into)]
    current: Option<Signal<Option<usize>>>,
) -> impl IntoView {
    let rows = move || {
        plan.doc.with(|w| {
            let ran = ran.get();
            let here = current.and_then(|c| c.get());
            w.plan
                .agenda(&ran)
                .iter()
                .zip(&w.plan.sessions)
                .map(|(slot, s)| {
                    let now = here == Some(slot.session);
                    view! {
                        <tr class:agenda__now=now aria-current=now.then_some("step")>
                            <td data-label="Time">{format!("{}\u{2013}{}", clock(slot.start), clock(slot.end))}</td>
                            <th scope="row" data-label="Session">{s.title.clone()}</th>
                            <td data-label="Activity">{s.activity.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let overrun = move || {
        plan.doc.with(|w| {
            w.plan.overrun(&ran.get()).map(|m| {
                view! {
                    <p class="notice notice--warning" data-testid="overrun">
                        {format!(
                            "This plan runs {m} minutes past the end of the day ({}). Shorten a session or move the end.",
                            clock(w.plan.day_end)
                        )}
                    </p>
                }
            })
        })
    };
    let end = move || {
        plan.doc
            .with(|w| format!("Ends at {}.", clock(w.plan.end(&ran.get()))))
    };
    view! {
        <div class="agenda__table" data-testid="agenda">
            <table>
                <thead>
                    <tr><th scope="col">"Time"</th><th scope="col">"Session"</th><th scope="col">"Activity"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p data-testid="agenda-end">{end}</p>
        {overrun}
    }
}

/// How the plan's saving goes: the status line, "Try saving again", a note, and both versions
/// when another tab changed the plan too.
#[component]
pub fn PlanSaving(plan: Plan) -> impl IntoView {
    let differences = move || {
        plan.conflict
            .get()
            .map(|c| plan.doc.with_untracked(|w| w.differences(&c.theirs)))
    };
    view! {
        <SaveStatusLine status=plan.status noun="plan" />
        <Show when=move || matches!(plan.status.get(), SaveStatus::NotSaved { .. })>
            <p><button type="button" class="button button--secondary button--small" on:click=move |_| plan.retry()>"Try saving again"</button></p>
        </Show>
        <div role="status">{move || plan.notice.get().map(|text| view! { <p class="notice">{text}</p> })}</div>
        {move || differences().map(|differences| view! {
            <ConflictPanel
                thing="plan"
                differences
                keep_mine=Callback::new(move |()| plan.keep_mine())
                keep_theirs=Callback::new(move |()| plan.keep_theirs())
            />
        })}
    }
}

/// The plan editor.
#[component]
pub fn Editor(id: String) -> impl IntoView {
    let stores = Stores::get();
    let (workshop, revision, read_only) = match stores.plans.load(&id) {
        Ok(Some(DocEntry::Editable { doc, revision })) => (doc, revision, false),
        _ => return view! { <NoPlan /> }.into_any(),
    };
    let announcement = expect_context::<RwSignal<String>>();
    browser::set_title(&format!("Plan: {}", workshop.display_title()));
    let plan: Plan = Keeper::new(
        workshop,
        revision,
        read_only,
        stores.plans.clone(),
        new_plan_id,
    );
    let title = move || plan.doc.with(|w| w.display_title().to_string());
    let count = move || plan.doc.with(|w| w.plan.sessions.len());
    let export = move |_| {
        plan.flush();
        let w = plan.doc.get_untracked();
        let name = workshop_file_name(&w.plan.title, &browser::today());
        let text = workshop_to_json(&w, browser::now_ms());
        match browser::download(&name, "application/json", &text) {
            Ok(()) => announce(announcement, format!("Exported the plan as {name}.")),
            Err(_) => announce(
                announcement,
                "The browser did not save the file. Try again.".into(),
            ),
        }
    };
    let guide = move |_| {
        let w = plan.doc.get_untracked();
        let name =
            workshop_file_name(&w.plan.title, &browser::today()).replace(".json", "-guide.html");
        let text = facilitator_guide(&w, &browser::today());
        match browser::download(&name, "text/html", &text) {
            Ok(()) => announce(
                announcement,
                format!("Downloaded the facilitator guide as {name}. Open it and print it."),
            ),
            Err(_) => announce(
                announcement,
                "The browser did not save the file. Try again.".into(),
            ),
        }
    };
    let add = move |_| {
        let n = count();
        plan.edit(|w| {
            w.plan.sessions.push(Session::new(
                "New session",
                Focus::default(),
                "Team drafting",
                30,
            ))
        });
        browser::focus_later(format!("session-{n}-title"));
    };
    let time_field = move |id: &'static str,
                           label: &'static str,
                           get: fn(&Workshop) -> u32,
                           set: fn(&mut Workshop, u32)| {
        view! {
            <div class="field field--short">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="time"
                    prop:value=move || plan.doc.with(|w| time_value(get(w)))
                    on:change=move |ev| {
                        if let Some(m) = from_time_value(&event_target_value(&ev)) {
                            plan.edit(|w| set(w, m));
                        }
                    }
                />
            </div>
        }
    };
    let plan_id = plan.doc.with_untracked(|w| w.plan.id.clone());
    view! {
        <main id="main" class="page plan" tabindex="-1" data-testid="plan-editor">
            <p><a href=Place::Home.href()>"\u{2190} Your plans"</a></p>
            <h1>{title}</h1>
            <PlanSaving plan />
            <p class="notice__actions">
                <a class="button" href=Place::Run(plan_id.clone()).href()>"Run this plan"</a>
                <button type="button" class="button button--secondary" on:click=export>"Export the plan file"</button>
                <button type="button" class="button button--secondary" on:click=guide>"Download the facilitator guide"</button>
            </p>
            <fieldset class="plan__fields" disabled=move || !plan.can_edit()>
            <h2>"The day"</h2>
            {text_field("plan-title".into(), "Title of the plan", move || plan.doc.with(|w| w.plan.title.clone()), move |v| plan.edit(|w| w.plan.title = v))}
            <div class="field-row">
                {time_field("plan-start", "Starts at", |w| w.plan.start, |w, m| w.plan.start = m)}
                {time_field("plan-end", "Must end by", |w| w.plan.day_end, |w, m| w.plan.day_end = m)}
            </div>
            <h2>"Agenda"</h2>
            <AgendaTable plan ran=Signal::derive(Default::default) />
            <h2>"Sessions"</h2>
            <ol class="sessions">
                <For each=move || 0..count() key=|i| *i let(i)>
                    <SessionCard plan i />
                </For>
            </ol>
            <p><button type="button" id="add-session" class="button button--secondary" on:click=add>"Add a session"</button></p>
            <ParkingLot plan />
            </fieldset>
        </main>
    }
    .into_any()
}
