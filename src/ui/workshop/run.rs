//! Running a plan: the session and step in play with who speaks and who stays silent, the
//! countdown, the steps to come, the agenda's times as the day really goes, and the projector
//! window that follows. Where the run is lives in storage ([`Running`]), so the projector in
//! another window follows it through the browser alone and finds its place after a reload.

use super::editor::{AgendaTable, Plan, PlanSaving};
use super::parking::ParkingLot;
use super::plans::NoPlan;
use super::shortcuts::{self, chime, toggle_full_screen};
use super::{new_plan_id, Place, Stores};
use crate::ui::browser;
use crate::ui::kit::keep::Keeper;
use crate::ui::kit::notice::{announce, ErrorNotice};
use crossroads_storage::{DocEntry, DocStore, Document};
use crossroads_workshop::{clock, Run, Running, Session, Shortcut, Step, Workshop, SHORTCUT_HELP};
use leptos::prelude::*;
use std::time::Duration;

/// How often the clock on screen is read again. The time itself comes from timestamps, so a
/// slow tick (a tab in the background) never makes it drift.
const TICK: Duration = Duration::from_millis(250);

/// The step in play, as the screens show it.
#[derive(Clone, Debug, PartialEq)]
pub struct InPlay {
    /// The session's place (from 0) and the number of sessions.
    pub session_at: (usize, usize),
    pub session: Session,
    /// The protocol's step, when the session runs one; its place and the steps of a pass.
    pub step: Option<(Step, usize, usize)>,
    /// The presenting team, when the protocol runs once per team.
    pub team: Option<String>,
    /// The workbook prompt to show (its id in the catalog).
    pub prompt: Option<&'static str>,
}

/// The run of one plan, shared by the run view and the projector.
#[derive(Clone, Copy)]
pub struct Conductor {
    pub workshop: Signal<Workshop>,
    pub running: RwSignal<Running>,
    /// The time now, read again every tick.
    pub now: RwSignal<u64>,
    /// Why the run's place could not be kept (the projector cannot follow), if it could not.
    pub problem: RwSignal<Option<String>>,
}

impl Conductor {
    /// Takes up the run of `workshop`'s plan where it is kept, or starts one; follows other
    /// windows' moves, and reads the clock every tick.
    pub fn new(workshop: Signal<Workshop>) -> Conductor {
        let stores = Stores::get();
        let plan_id = workshop.with_untracked(|w| w.plan.id.clone());
        let kept = stores
            .runs
            .load(&plan_id)
            .ok()
            .flatten()
            .and_then(|e| e.doc().cloned());
        let steps = workshop.with_untracked(|w| w.plan.steps().len());
        let running = match kept {
            Some(r) if r.run.position < steps.max(1) => r,
            _ => Running {
                plan: plan_id.clone(),
                run: workshop.with_untracked(|w| Run::new(&w.plan)),
                shown: None,
            },
        };
        let conductor = Conductor {
            workshop,
            running: RwSignal::new(running),
            now: RwSignal::new(browser::now_ms()),
            problem: RwSignal::new(None),
        };
        let tick =
            set_interval_with_handle(move || conductor.now.set(browser::now_ms()), TICK).ok();
        let runs = stores.runs.clone();
        let followed = window_event_listener(leptos::ev::storage, move |ev| {
            let ours = ev
                .key()
                .is_some_and(|k| DocStore::<Running>::id_of_key(&k) == Some(plan_id.as_str()));
            if ours {
                if let Ok(Some(DocEntry::Editable { doc, .. })) = runs.load(&plan_id) {
                    if conductor.running.with_untracked(|r| *r != doc) {
                        conductor.running.set(doc);
                    }
                }
            }
        });
        // The plan may change under the run (a session removed in another window): keep the run
        // on a step that exists.
        Effect::new(move |_| {
            let now = browser::now_ms();
            workshop.with(|w| {
                let off = conductor
                    .running
                    .with_untracked(|r| r.run.position >= w.plan.steps().len().max(1));
                if off {
                    conductor.running.update(|r| {
                        r.run.fit(&w.plan, now);
                    });
                }
            });
        });
        on_cleanup(move || {
            if let Some(t) = tick {
                t.clear();
            }
            followed.remove();
        });
        conductor
    }

    /// Changes the run and keeps it where the projector reads it.
    fn change(&self, f: impl FnOnce(&mut Running, &crossroads_workshop::Plan, u64)) {
        let now = browser::now_ms();
        self.now.set(now);
        self.workshop
            .with_untracked(|w| self.running.update(|r| f(r, &w.plan, now)));
        let kept = self.running.with_untracked(|r| Stores::get().runs.put(r));
        self.problem.set(kept.err().map(|e| {
            format!(
                "The projector window cannot follow: {}. The run goes on in this window.",
                e.reason("run")
            )
        }));
    }

    pub fn next(&self) {
        self.change(|r, plan, now| r.run.next(plan, now));
    }
    pub fn back(&self) {
        self.change(|r, plan, now| r.run.back(plan, now));
    }
    pub fn next_session(&self) {
        self.change(|r, plan, now| {
            r.run.next_session(plan, now);
            r.shown = None;
        });
    }
    pub fn previous_session(&self) {
        self.change(|r, plan, now| {
            r.run.previous_session(plan, now);
            r.shown = None;
        });
    }
    /// Starts the countdown, or pauses it.
    pub fn start_or_pause(&self) {
        self.change(|r, _, now| match r.run.timer.is_running() {
            true => r.run.timer.pause(now),
            false => r.run.timer.start(now),
        });
    }
    pub fn add_minute(&self) {
        self.change(|r, _, _| r.run.timer.add_minute());
    }
    pub fn reset(&self) {
        self.change(|r, plan, _| {
            let planned = r
                .run
                .current(plan)
                .and_then(|at| plan.sessions.get(at.session).map(|s| s.planned(at)))
                .unwrap_or(0);
            r.run
                .timer
                .reset(u64::from(planned) * crossroads_workshop::MINUTE_MS);
        });
    }
    /// Puts workbook prompt `id` on the projector.
    pub fn show(&self, id: &'static str) {
        self.change(|r, _, _| r.shown = Some(id.to_string()));
    }

    /// What a shortcut does here.
    pub fn shortcut(&self, s: Shortcut) {
        match s {
            Shortcut::Next => self.next(),
            Shortcut::Back => self.back(),
            Shortcut::Pause => self.start_or_pause(),
            Shortcut::FullScreen => toggle_full_screen(),
        }
    }

    /// The step in play, if the plan has any.
    pub fn in_play(&self) -> Option<InPlay> {
        self.workshop.with(|w| {
            self.running.with(|r| {
                let at = r.run.current(&w.plan)?;
                let session = w.plan.sessions.get(at.session)?.clone();
                let step = session.protocol.as_ref().and_then(|p| {
                    p.steps
                        .get(at.step)
                        .map(|s| (s.clone(), at.step, p.steps.len()))
                });
                let prompts = session.focus.prompts_in_play();
                let prompt = r
                    .shown
                    .as_deref()
                    .and_then(|id| prompts.iter().find(|p| p.id == id).copied())
                    .or_else(|| prompts.first().copied())
                    .map(|p| p.id);
                Some(InPlay {
                    session_at: (at.session, w.plan.sessions.len()),
                    team: session.team(at.round).map(String::from),
                    session,
                    step,
                    prompt,
                })
            })
        })
    }

    /// The countdown as the room reads it, and whether the time box is over.
    pub fn clock(&self) -> (String, bool) {
        let now = self.now.get();
        self.running
            .with(|r| (r.run.timer.display(now), r.run.timer.is_up(now)))
    }

    pub fn is_running(&self) -> bool {
        self.running.with(|r| r.run.timer.is_running())
    }
}

/// "Speaks: … · Silent: …" for a step.
pub fn roles(step: &Step) -> String {
    format!(
        "Speaking: {}. Silent: {}.",
        step.speaks.name(),
        step.silent.name()
    )
}

/// The run view.
#[component]
pub fn RunView(id: String) -> impl IntoView {
    let stores = Stores::get();
    let Ok(Some(DocEntry::Editable { doc, revision })) = stores.plans.load(&id) else {
        return view! { <NoPlan /> }.into_any();
    };
    let announcement = expect_context::<RwSignal<String>>();
    browser::set_title(&format!("Running: {}", doc.display_title()));
    let plan: Plan = Keeper::new(doc, revision, false, stores.plans.clone(), new_plan_id);
    let conductor = Conductor::new(plan.doc.into());
    shortcuts::listen(move |s| conductor.shortcut(s));
    let sound = RwSignal::new(false);
    let was_up = StoredValue::new(
        conductor
            .running
            .with_untracked(|r| r.run.timer.is_up(browser::now_ms())),
    );
    Effect::new(move |_| {
        let (_, up) = conductor.clock();
        let before = was_up.get_value();
        was_up.set_value(up);
        if up && !before && conductor.is_running() {
            announce(announcement, "Time is up.".into());
            if sound.get_untracked() {
                chime();
            }
        }
    });
    let projector_href = Place::Projector(id.clone()).href();
    let open_projector = move |_| {
        let opened = window().open_with_url_and_target(&projector_href, "crossroads-projector");
        if !matches!(opened, Ok(Some(_))) {
            conductor.problem.set(Some(
                "The browser did not open the projector window. Allow pop-up windows for this page, or open the \
                 projector link below in a new window."
                    .into(),
            ));
        }
    };
    let in_play = Memo::new(move |_| conductor.in_play());
    let now_panel = move || {
        let Some(p) = in_play.get() else {
            return view! { <p>"This plan has no sessions yet. Add one on the plan."</p> }
                .into_any();
        };
        let (at, total) = p.session_at;
        let slot = plan.doc.with(|w| {
            let ran = conductor
                .running
                .with(|r| r.run.ran_by(&w.plan, conductor.now.get_untracked()));
            w.plan
                .agenda(&ran)
                .get(at)
                .map(|s| format!("{}\u{2013}{}", clock(s.start), clock(s.end)))
        });
        let step = p.step.map(|(step, k, n)| {
            let protocol = p.session.protocol.as_ref().map(|x| x.name.clone()).unwrap_or_default();
            view! {
                <p class="run__count">{format!("Step {} of {n} \u{b7} {protocol}", k + 1)}</p>
                <p class="run__step" data-testid="run-step">{step.name.clone()}</p>
                <p class="run__roles" data-testid="run-roles">{roles(&step)}</p>
                {(!step.prompt.is_empty()).then(|| view! { <p class="run__prompt">{step.prompt.clone()}</p> })}
            }
        });
        view! {
            <p class="run__session">{format!("Session {} of {total}", at + 1)}{slot.map(|s| format!(" \u{b7} {s}"))}</p>
            <h2 id="now-heading" data-testid="run-session">{p.session.title.clone()}</h2>
            {p.team.map(|t| view! { <p class="run__team" data-testid="run-team">"Presenting: "<strong>{t}</strong></p> })}
            {step}
        }
        .into_any()
    };
    let timer = move || {
        let (shown, up) = conductor.clock();
        view! {
            <div class="timer" class:timer--up=up data-testid="timer">
                <p class="timer__label">{if up { "Time is up" } else if conductor.is_running() { "Time left" } else { "Paused" }}</p>
                <p class="timer__time" role="timer" aria-label=if up { "Over time" } else { "Time left" }>{shown}</p>
            </div>
        }
    };
    let prompts = move || {
        let p = in_play.get()?;
        let list = p.session.focus.prompts_in_play();
        if list.is_empty() {
            return None;
        }
        let shown = p.prompt;
        let items = list
            .into_iter()
            .map(|prompt| {
                let on = shown == Some(prompt.id);
                view! {
                    <li>
                        <span>{prompt.label}</span>" "
                        <button type="button" class="button button--quiet button--small" aria-pressed=on.to_string() on:click=move |_| conductor.show(prompt.id)>
                            {if on { "On the projector" } else { "Show on the projector" }}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="prompts-heading">
                <h2 id="prompts-heading">"Prompts for this session"</h2>
                <ul class="run__prompts">{items}</ul>
            </section>
        })
    };
    let to_come = move || {
        plan.doc.with(|w| {
            conductor.running.with(|r| {
                r.run
                    .to_come(&w.plan)
                    .into_iter()
                    .take(6)
                    .map(|at| {
                        let s = &w.plan.sessions[at.session];
                        let what = match &s.protocol {
                            Some(p) => p.steps.get(at.step).map_or(String::new(), |st| format!("{} ({} min)", st.name, st.minutes)),
                            None => format!("{} ({} min)", s.title, s.minutes),
                        };
                        let team = s.team(at.round).map(|t| format!(" \u{b7} {t}")).unwrap_or_default();
                        view! { <li>{format!("{what}{team}")}<span class="run__of">{format!(" \u{2013} {}", s.title)}</span></li> }
                    })
                    .collect_view()
            })
        })
    };
    let current_session = Signal::derive(move || in_play.get().map(|p| p.session_at.0));
    // Read every tick, but the agenda is drawn again only when a duration really changes (at
    // most once a minute while a step runs over), not four times a second.
    let ran = Memo::new(move |_| {
        plan.doc.with(|w| {
            conductor
                .running
                .with(|r| r.run.ran_by(&w.plan, conductor.now.get()))
        })
    });
    view! {
        <main id="main" class="page run" tabindex="-1" data-testid="run-view">
            <p><a href=Place::Plan(id.clone()).href()>"\u{2190} Back to the plan"</a></p>
            <h1>{move || format!("Running: {}", plan.doc.with(|w| w.display_title().to_string()))}</h1>
            <ErrorNotice message=conductor.problem />
            <PlanSaving plan />
            <section class="run__now" aria-labelledby="now-heading">
                {now_panel}
                {timer}
                <div class="run__controls" role="group" aria-label="Countdown">
                    <button type="button" class="button" on:click=move |_| conductor.start_or_pause()>
                        {move || if conductor.is_running() { "Pause" } else { "Start" }}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| conductor.add_minute()>"Add a minute"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| conductor.reset()>"Reset"</button>
                </div>
                <div class="run__controls" role="group" aria-label="Steps and sessions">
                    <button type="button" class="button button--secondary" on:click=move |_| conductor.back()>"\u{2190} Back a step"</button>
                    <button type="button" class="button" on:click=move |_| conductor.next()>"Next step \u{2192}"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| conductor.previous_session()>"Previous session"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| conductor.next_session()>"Next session"</button>
                </div>
                <div class="run__controls">
                    <button type="button" class="button button--secondary" on:click=open_projector>"Open the projector window"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| toggle_full_screen()>"Full screen"</button>
                </div>
                <p class="checkbox">
                    <input type="checkbox" id="run-sound" prop:checked=move || sound.get() on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if on {
                            shortcuts::prepare_sound();
                        }
                        sound.set(on);
                    } />
                    <label for="run-sound">"Play a chime when a time box ends"</label>
                </p>
                <p class="field__hint">{SHORTCUT_HELP}" The projector window follows every move; if it is closed, "<a href=Place::Projector(id.clone()).href() target="crossroads-projector">"open the projector link"</a>" in another window."</p>
            </section>
            {prompts}
            <section aria-labelledby="to-come-heading">
                <h2 id="to-come-heading">"Steps to come"</h2>
                <ol class="run__to-come" data-testid="to-come">{to_come}</ol>
            </section>
            <section aria-labelledby="run-agenda-heading">
                <h2 id="run-agenda-heading">"The agenda as the day goes"</h2>
                <AgendaTable plan ran current=current_session />
            </section>
            <fieldset class="plan__fields" disabled=move || !plan.can_edit()>
                <ParkingLot plan />
            </fieldset>
        </main>
    }
    .into_any()
}
