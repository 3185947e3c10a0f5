//! A run of a plan: where the room is (session, presenting team, step), the countdown of that
//! step, and how long the finished steps really took, so the agenda's later times follow.

use crate::plan::{Plan, Ran, StepRef};
use crate::timer::{Timer, MINUTE_MS};
use serde::{Deserialize, Serialize};

/// The state of a run, as the run view keeps it and the projector follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The current step's place in [`Plan::steps`].
    pub position: usize,
    /// The current step's countdown.
    pub timer: Timer,
    /// How long the steps left behind really took, in minutes.
    #[serde(with = "as_list")]
    pub ran: Ran,
}

/// JSON keys are strings: the durations travel as a list of `[step, minutes]` pairs.
mod as_list {
    use crate::plan::{Ran, StepRef};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(ran: &Ran, s: S) -> Result<S::Ok, S::Error> {
        ran.iter().collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Ran, D::Error> {
        let pairs = Vec::<(StepRef, u32)>::deserialize(d)?;
        let mut ran = Ran::new();
        for (step, minutes) in pairs {
            ran.insert(step, minutes);
        }
        Ok(ran)
    }
}

fn planned_ms(plan: &Plan, at: Option<StepRef>) -> u64 {
    at.and_then(|at| plan.sessions.get(at.session).map(|s| s.planned(at)))
        .map_or(0, |m| u64::from(m) * MINUTE_MS)
}

impl Run {
    /// A run at the plan's first step, its countdown not started.
    pub fn new(plan: &Plan) -> Run {
        Run {
            position: 0,
            timer: Timer::new(planned_ms(plan, plan.steps().first().copied())),
            ran: Ran::new(),
        }
    }

    /// The step the room is on, if the plan has any.
    pub fn current(&self, plan: &Plan) -> Option<StepRef> {
        plan.steps().get(self.position).copied()
    }

    /// The steps still to come after the current one.
    pub fn to_come(&self, plan: &Plan) -> Vec<StepRef> {
        plan.steps().into_iter().skip(self.position + 1).collect()
    }

    /// Moves to the step `by` places on (or back), noting how long the one left took and
    /// starting the next one's countdown running if this one was.
    fn go(&mut self, plan: &Plan, now: u64, forward: bool) {
        self.fit(plan, now);
        let steps = plan.steps();
        let to = if forward {
            self.position + 1
        } else {
            self.position.saturating_sub(1)
        };
        if to == self.position || to >= steps.len() {
            return;
        }
        if !forward {
            // The step left was not finished: it counts as planned until the room reaches it
            // again.
            self.ran.remove(&steps[self.position]);
        } else if let Some(here) = steps.get(self.position) {
            let counted = self.timer.elapsed_ms(now);
            if counted > 0 {
                // Rounded to the nearest minute, as an agenda counts.
                let minutes = ((counted + MINUTE_MS / 2) / MINUTE_MS) as u32;
                self.ran.insert(*here, minutes);
            }
        }
        let running = self.timer.is_running();
        self.position = to;
        if !forward {
            // Going back reopens that step: its time is counted again from now.
            self.ran.remove(&steps[to]);
        }
        self.timer = Timer::new(planned_ms(plan, Some(steps[to])));
        if running {
            self.timer.start(now);
        }
    }

    /// On to the next step.
    pub fn next(&mut self, plan: &Plan, now: u64) {
        self.go(plan, now, true);
    }

    /// Keeps the run on a step of `plan` after the plan changed under it (a session or a step
    /// removed in another window): past the end, it goes to the last step, its countdown stopped.
    /// Returns whether it had to move.
    pub fn fit(&mut self, plan: &Plan, now: u64) -> bool {
        let steps = plan.steps();
        if self.position < steps.len() || steps.is_empty() && self.position == 0 {
            return false;
        }
        self.timer.pause(now);
        self.position = steps.len().saturating_sub(1);
        self.timer = Timer::new(planned_ms(plan, steps.last().copied()));
        true
    }

    /// On to the first step of the next session: the steps of this one not reached count as
    /// cut (no minutes), so the agenda's later times move up.
    pub fn next_session(&mut self, plan: &Plan, now: u64) {
        self.fit(plan, now);
        let steps = plan.steps();
        let Some(here) = steps.get(self.position).copied() else {
            return;
        };
        let Some(to) = steps.iter().position(|s| s.session > here.session) else {
            return;
        };
        self.go(plan, now, true);
        // The step left counts as long as it ran, even if that was no time at all.
        self.ran.entry(here).or_insert(0);
        while self.position < to {
            let skipped = steps[self.position];
            self.go(plan, now, true);
            self.ran.insert(skipped, 0);
        }
    }

    /// Back to the first step of this session, or of the one before when already there (a
    /// session with no steps is passed over).
    pub fn previous_session(&mut self, plan: &Plan, now: u64) {
        self.fit(plan, now);
        let steps = plan.steps();
        let Some(here) = steps.get(self.position).copied() else {
            return;
        };
        let first_of = |session: usize| steps.iter().position(|s| s.session == session);
        let to = match first_of(here.session) {
            Some(first) if first < self.position => first,
            _ => match steps[..self.position].last() {
                Some(before) => first_of(before.session).unwrap_or(0),
                None => return,
            },
        };
        while self.position > to {
            self.go(plan, now, false);
        }
    }

    /// The team presenting now, when the current session runs its protocol once per team.
    pub fn presenting<'a>(&self, plan: &'a Plan) -> Option<&'a str> {
        let at = self.current(plan)?;
        plan.sessions.get(at.session)?.team(at.round)
    }

    /// Back to the step before.
    pub fn back(&mut self, plan: &Plan, now: u64) {
        self.go(plan, now, false);
    }

    /// The durations to lay the agenda out by now: the finished steps as they ran, and the
    /// current one as long as it has already run when that is past its time box.
    pub fn ran_by(&self, plan: &Plan, now: u64) -> Ran {
        let mut ran = self.ran.clone();
        if let Some(here) = self.current(plan) {
            let over = -self.timer.remaining_ms(now);
            if over > 0 {
                let minutes = self.timer.elapsed_ms(now).div_ceil(MINUTE_MS) as u32;
                ran.insert(here, minutes);
            }
        }
        ran
    }
}

/// A run as it is kept between the run view and the projector: which plan, and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    /// The plan's id.
    pub plan: String,
    /// Where the room is.
    pub run: Run,
    /// The workbook prompt on the projector (its id), when the facilitator picked one; else the
    /// session's first.
    #[serde(default)]
    pub shown: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Focus, Session};
    use crate::protocol::library;

    const T0: u64 = 1_764_000_000_000;

    fn pitch_day() -> Plan {
        let pitch = library().into_iter().find(|p| p.id == "pitch").unwrap();
        let mut plan = Plan::empty("p", "Pitch day", 9 * 60, 11 * 60);
        plan.sessions
            .push(Session::new("Welcome", Focus::default(), "Whole group", 10));
        plan.sessions.push(Session::running(
            "Pitches",
            Focus::default(),
            pitch,
            &["Lincoln", "Roosevelt", "Adams"],
        ));
        plan
    }

    #[test]
    fn a_session_skipped_counts_its_steps_left_as_cut_and_later_times_move_up() {
        let mut plan = pitch_day();
        plan.sessions
            .push(Session::new("Close", Focus::default(), "Whole group", 10));
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        run.next(&plan, T0 + 10 * MINUTE_MS);
        assert_eq!(run.presenting(&plan), Some("Lincoln"));
        // Two minutes into Lincoln's pitch, the facilitator moves on to the close.
        run.next_session(&plan, T0 + 12 * MINUTE_MS);
        assert_eq!(run.current(&plan).unwrap().session, 2);
        assert_eq!(run.presenting(&plan), None);
        assert!(run.timer.is_running(), "the next countdown runs on");
        let agenda = plan.agenda(&run.ran_by(&plan, T0 + 12 * MINUTE_MS));
        // Welcome 9:00-9:10, pitches 9:10-9:12, close from 9:12.
        assert_eq!(agenda[1].end, 9 * 60 + 12);
        assert_eq!(agenda[2].start, 9 * 60 + 12);
        // Back once: to the start of the pitches, every step of them planned again.
        run.previous_session(&plan, T0 + 13 * MINUTE_MS);
        assert_eq!(run.current(&plan).unwrap().session, 1);
        assert_eq!(run.current(&plan).unwrap().round, 0);
        assert_eq!(run.presenting(&plan), Some("Lincoln"));
        let agenda = plan.agenda(&run.ran);
        assert_eq!(agenda[1].end, 9 * 60 + 10 + 3 * 20);
        // Back again: the welcome; and once more does nothing.
        run.previous_session(&plan, T0 + 14 * MINUTE_MS);
        assert_eq!(run.position, 0);
        run.previous_session(&plan, T0 + 15 * MINUTE_MS);
        assert_eq!(run.position, 0);
    }

    #[test]
    fn a_plan_that_shrank_under_the_run_keeps_it_on_a_step_and_back_does_not_panic() {
        let mut plan = pitch_day();
        let mut run = Run::new(&plan);
        for i in 0..6 {
            run.next(&plan, T0 + i * MINUTE_MS);
        }
        assert_eq!(run.position, 6);
        // Another window removes the pitch session.
        plan.sessions.pop();
        run.back(&plan, T0 + 10 * MINUTE_MS);
        assert_eq!(run.position, 0);
        assert!(run.current(&plan).is_some());
        let mut plan = pitch_day();
        let mut run = Run::new(&plan);
        run.position = 6;
        plan.sessions[1].teams.truncate(1);
        assert!(run.fit(&plan, T0));
        assert_eq!(run.position, plan.steps().len() - 1);
        assert!(!run.fit(&plan, T0));
        run.next_session(&plan, T0);
        run.previous_session(&plan, T0);
    }

    #[test]
    fn a_session_left_before_its_countdown_started_counts_as_cut() {
        let mut plan = pitch_day();
        plan.sessions
            .push(Session::new("Close", Focus::default(), "Whole group", 10));
        let mut run = Run::new(&plan);
        // Straight from the welcome to the pitches, then on to the close, no countdown started.
        run.next_session(&plan, T0);
        run.next_session(&plan, T0);
        let agenda = plan.agenda(&run.ran);
        assert_eq!(agenda[0].end, 9 * 60, "the welcome was cut");
        assert_eq!(agenda[1].end, 9 * 60, "so were the pitches");
        assert_eq!(agenda[2].start, 9 * 60);
    }

    #[test]
    fn previous_session_passes_over_a_session_with_no_steps() {
        let mut plan = pitch_day();
        plan.sessions[1].protocol.as_mut().unwrap().steps.clear();
        plan.sessions
            .push(Session::new("Close", Focus::default(), "Whole group", 10));
        let mut run = Run::new(&plan);
        run.next(&plan, T0);
        assert_eq!(run.current(&plan).unwrap().session, 2);
        run.previous_session(&plan, T0);
        assert_eq!(run.current(&plan).unwrap().session, 0);
    }

    #[test]
    fn blank_lines_in_the_list_of_teams_are_no_teams() {
        let mut plan = pitch_day();
        plan.sessions[1].teams = vec!["Lincoln".into(), "".into(), "  Adams ".into(), " ".into()];
        assert_eq!(plan.sessions[1].rounds(), 2);
        assert_eq!(plan.sessions[1].team(1), Some("Adams"));
    }

    #[test]
    fn next_walks_every_step_and_names_the_presenting_team() {
        let plan = pitch_day();
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        let mut seen = Vec::new();
        for i in 0..plan.steps().len() {
            let at = run.current(&plan).unwrap();
            seen.push((
                at.session,
                plan.sessions[at.session]
                    .team(at.round)
                    .unwrap_or("-")
                    .to_string(),
                at.step,
            ));
            run.next(&plan, T0 + (i as u64 + 1) * 10 * MINUTE_MS);
        }
        assert_eq!(seen.len(), 7);
        assert_eq!(seen[1], (1, "Lincoln".to_string(), 0));
        assert_eq!(seen[4], (1, "Roosevelt".to_string(), 1));
        assert_eq!(seen[6], (1, "Adams".to_string(), 1));
        assert_eq!(run.position, 6, "next at the last step stays there");
        assert!(run.to_come(&plan).is_empty());
    }

    #[test]
    fn a_step_that_ran_three_minutes_long_moves_the_later_times() {
        let plan = pitch_day();
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        // The welcome (10 minutes) ran 13.
        run.next(&plan, T0 + 13 * MINUTE_MS);
        let planned = plan.agenda(&Ran::new());
        let now = plan.agenda(&run.ran_by(&plan, T0 + 13 * MINUTE_MS));
        assert_eq!(now[0].end, planned[0].end + 3);
        assert_eq!(now[1].start, planned[1].start + 3);
        assert_eq!(now[1].end, planned[1].end + 3);
        assert!(run.timer.is_running(), "the next step's countdown runs on");
    }

    #[test]
    fn the_current_step_running_over_pushes_the_agenda_as_it_goes() {
        let plan = pitch_day();
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        assert_eq!(
            plan.agenda(&run.ran_by(&plan, T0 + 5 * MINUTE_MS)),
            plan.agenda(&Ran::new())
        );
        let late = plan.agenda(&run.ran_by(&plan, T0 + 12 * MINUTE_MS + 1));
        assert_eq!(late[1].start, 9 * 60 + 13);
    }

    #[test]
    fn back_reopens_the_step_before_with_its_whole_time_box() {
        let plan = pitch_day();
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        run.next(&plan, T0 + 10 * MINUTE_MS);
        run.timer.pause(T0 + 12 * MINUTE_MS);
        run.back(&plan, T0 + 12 * MINUTE_MS);
        assert_eq!(run.position, 0);
        assert!(!run.ran.contains_key(&plan.steps()[0]));
        assert_eq!(run.timer, Timer::new(10 * MINUTE_MS));
        // Forward again: the step left unfinished counts as planned, not as the two minutes
        // it had run.
        run.next(&plan, T0 + 20 * MINUTE_MS);
        assert!(!run.ran.contains_key(&plan.steps()[1]));
        assert_eq!(
            run.ran.get(&plan.steps()[0]),
            None,
            "the reopened step was never started"
        );
        assert_eq!(
            plan.end(&run.ran_by(&plan, T0 + 20 * MINUTE_MS)),
            plan.end(&Ran::new())
        );
        run.back(&plan, T0 + 13 * MINUTE_MS);
        assert_eq!(run.position, 0, "back at the first step stays there");
    }

    #[test]
    fn a_run_survives_a_reload_as_json() {
        let plan = pitch_day();
        let mut run = Run::new(&plan);
        run.timer.start(T0);
        run.next(&plan, T0 + 11 * MINUTE_MS);
        let back: Run = serde_json::from_str(&serde_json::to_string(&run).unwrap()).unwrap();
        assert_eq!(back, run);
        assert_eq!(
            back.timer.remaining_ms(T0 + 12 * MINUTE_MS),
            9 * MINUTE_MS as i64
        );
    }
}
