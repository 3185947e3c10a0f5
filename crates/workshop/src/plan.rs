//! A workshop plan: sessions in order, each over a focus area (or some of its prompts), with an
//! activity, a time box and notes, or a protocol; and the agenda's start and end times, which
//! follow what really happened during the run.

use crate::protocol::{library, Protocol};
use crossroads_workbook::{FocusArea, Prompt};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Minutes in a day: times are minutes after midnight.
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// What part of the workbook a session works on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Focus {
    /// The focus area, 1 to 4 as the report numbers them; none for a welcome, a break or a close.
    pub area: Option<u8>,
    /// Some of the area's prompts (their ids), or all of them when empty.
    #[serde(default)]
    pub prompts: Vec<String>,
}

impl Focus {
    /// The whole of focus area `area`.
    pub fn area(area: FocusArea) -> Focus {
        Focus {
            area: Some(area.number()),
            prompts: Vec::new(),
        }
    }

    /// The focus area, if the session has one.
    pub fn focus_area(&self) -> Option<FocusArea> {
        let n = self.area?;
        FocusArea::ALL.into_iter().find(|a| a.number() == n)
    }

    /// The workbook prompts the session works on, in the workbook's order: the chosen ones, or
    /// every prompt of the area when none is chosen (ids no longer in the catalog are left out).
    pub fn prompts_in_play(&self) -> Vec<&'static Prompt> {
        let Some(area) = self.focus_area() else {
            return Vec::new();
        };
        area.section()
            .prompts
            .iter()
            .filter(|p| self.prompts.is_empty() || self.prompts.iter().any(|id| id == p.id))
            .collect()
    }
}

/// One session of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Its title on the agenda.
    pub title: String,
    /// The workbook's part it works on.
    #[serde(default)]
    pub focus: Focus,
    /// What the room does, when it is not a protocol ("Pair share", "Lunch").
    #[serde(default)]
    pub activity: String,
    /// Its time box, in minutes, when it runs no protocol.
    pub minutes: u32,
    /// The facilitator's notes.
    #[serde(default)]
    pub notes: String,
    /// The protocol it runs, adapted for this session, if any.
    #[serde(default)]
    pub protocol: Option<Protocol>,
    /// The presenting teams, in turn, for a protocol run once per team.
    #[serde(default)]
    pub teams: Vec<String>,
}

impl Session {
    /// A session with an activity and a time box.
    pub fn new(title: &str, focus: Focus, activity: &str, minutes: u32) -> Session {
        Session {
            title: title.to_string(),
            focus,
            activity: activity.to_string(),
            minutes,
            notes: String::new(),
            protocol: None,
            teams: Vec::new(),
        }
    }

    /// A session that runs `protocol` (for each of `teams` when the protocol repeats per team).
    pub fn running(title: &str, focus: Focus, protocol: Protocol, teams: &[&str]) -> Session {
        Session {
            activity: protocol.name.clone(),
            protocol: Some(protocol),
            teams: teams.iter().map(|t| t.to_string()).collect(),
            ..Session::new(title, focus, "", 0)
        }
    }

    /// The presenting teams, as named (blank lines of the list left out).
    pub fn team_names(&self) -> impl Iterator<Item = &str> {
        self.teams
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
    }

    /// How many times its protocol's steps run: once per presenting team, or once.
    pub fn rounds(&self) -> usize {
        match &self.protocol {
            Some(p) if p.per_team => self.team_names().count().max(1),
            _ => 1,
        }
    }

    /// Its steps in running order. A session without a protocol is one step.
    pub fn steps(&self, session: usize) -> Vec<StepRef> {
        match &self.protocol {
            None => vec![StepRef {
                session,
                round: 0,
                step: 0,
            }],
            Some(p) => (0..self.rounds())
                .flat_map(|round| {
                    (0..p.steps.len()).map(move |step| StepRef {
                        session,
                        round,
                        step,
                    })
                })
                .collect(),
        }
    }

    /// The planned minutes of one of its steps.
    pub fn planned(&self, at: StepRef) -> u32 {
        match &self.protocol {
            None => self.minutes,
            Some(p) => p.steps.get(at.step).map_or(0, |s| s.minutes),
        }
    }

    /// The team presenting in a round, when the protocol runs once per team.
    pub fn team(&self, round: usize) -> Option<&str> {
        match &self.protocol {
            Some(p) if p.per_team => self.team_names().nth(round),
            _ => None,
        }
    }
}

/// A step of the run: a session, the round (the presenting team) and the protocol's step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StepRef {
    /// The session's place in the plan.
    pub session: usize,
    /// The round: which presenting team, for a protocol run per team; else 0.
    pub round: usize,
    /// The protocol's step; 0 for a session without a protocol.
    pub step: usize,
}

/// How long the steps already run really took, in minutes.
pub type Ran = BTreeMap<StepRef, u32>;

/// A session's place on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The session's place in the plan.
    pub session: usize,
    /// When it starts, in minutes after midnight.
    pub start: u32,
    /// When it ends.
    pub end: u32,
}

/// The agenda: every session with its times.
pub type Agenda = Vec<Slot>;

/// A workshop plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Stable id, so co-facilitators' copies are known as one plan.
    pub id: String,
    /// Its title ("Design day at Lincoln").
    pub title: String,
    /// When the day starts, in minutes after midnight.
    pub start: u32,
    /// When the day must end.
    pub day_end: u32,
    /// The sessions in order.
    pub sessions: Vec<Session>,
}

fn protocol(id: &str) -> Protocol {
    library()
        .into_iter()
        .find(|p| p.id == id)
        .expect("a built-in protocol")
}

impl Plan {
    /// A plan with no sessions yet, from `start` to `day_end`.
    pub fn empty(id: &str, title: &str, start: u32, day_end: u32) -> Plan {
        Plan {
            id: id.to_string(),
            title: title.to_string(),
            start,
            day_end,
            sessions: Vec::new(),
        }
    }

    /// The default full day: the four areas, each with an activity that fits it, between 8:30 am
    /// and 3:30 pm.
    pub fn full_day() -> Plan {
        let [problems, flexibility, adults, pathway] = FocusArea::ALL.map(Focus::area);
        Plan {
            sessions: vec![
                Session::new(
                    "Welcome and goals for the day",
                    Focus::default(),
                    "Whole group",
                    20,
                ),
                Session::running(
                    "Get clear on the problems to solve",
                    problems,
                    protocol("write-pair-share"),
                    &[],
                ),
                Session::new(
                    "The problems, in the team's words",
                    Focus::area(FocusArea::Problems),
                    "Team drafting",
                    40,
                ),
                Session::new("Break", Focus::default(), "Break", 15),
                Session::running(
                    "Create flexibility",
                    flexibility,
                    protocol("gallery-walk"),
                    &[],
                ),
                Session::new("Lunch", Focus::default(), "Lunch", 45),
                Session::running(
                    "Support adult learning and prototyping",
                    adults,
                    protocol("tuning-60"),
                    &[],
                ),
                Session::new("Break", Focus::default(), "Break", 10),
                Session::running(
                    "New model, or adapt and adopt one",
                    pathway,
                    protocol("consultancy"),
                    &[],
                ),
                Session::new(
                    "The team's choice, in writing",
                    Focus::area(FocusArea::Pathway),
                    "Team drafting",
                    45,
                ),
                Session::new("Share out", Focus::default(), "Gallery of drafts", 30),
                Session::new("Next steps and close", Focus::default(), "Whole group", 20),
            ],
            ..Plan::empty("full-day", "A full design day", 8 * 60 + 30, 15 * 60 + 30)
        }
    }

    /// The default two hours: the problems and one protocol, for an after-school session.
    pub fn two_hours() -> Plan {
        Plan {
            sessions: vec![
                Session::new("Welcome and goals", Focus::default(), "Whole group", 10),
                Session::running(
                    "Get clear on the problems to solve",
                    Focus::area(FocusArea::Problems),
                    protocol("write-pair-share"),
                    &[],
                ),
                Session::running(
                    "Tune one team's plan",
                    Focus::area(FocusArea::Flexibility),
                    protocol("tuning-40"),
                    &[],
                ),
                Session::new(
                    "Team drafting",
                    Focus::area(FocusArea::Problems),
                    "Team drafting",
                    40,
                ),
                Session::new("Next steps", Focus::default(), "Whole group", 10),
            ],
            ..Plan::empty(
                "two-hours",
                "A two-hour session",
                15 * 60 + 30,
                17 * 60 + 30,
            )
        }
    }

    /// Every step of the run, in order.
    pub fn steps(&self) -> Vec<StepRef> {
        self.sessions
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.steps(i))
            .collect()
    }

    /// The agenda: each session's start and end, steps that already ran counted as long as
    /// they really took.
    pub fn agenda(&self, ran: &Ran) -> Agenda {
        let mut at = self.start;
        self.sessions
            .iter()
            .enumerate()
            .map(|(i, session)| {
                let start = at;
                for step in session.steps(i) {
                    at += ran
                        .get(&step)
                        .copied()
                        .unwrap_or_else(|| session.planned(step));
                }
                Slot {
                    session: i,
                    start,
                    end: at,
                }
            })
            .collect()
    }

    /// When the plan ends.
    pub fn end(&self, ran: &Ran) -> u32 {
        self.agenda(ran).last().map_or(self.start, |s| s.end)
    }

    /// How many minutes the plan runs past the end of the day, if it does.
    pub fn overrun(&self, ran: &Ran) -> Option<u32> {
        let end = self.end(ran);
        (end > self.day_end).then(|| end - self.day_end)
    }

    /// Moves the session at `from` to `to`, the others keeping their order.
    pub fn move_session(&mut self, from: usize, to: usize) {
        if from < self.sessions.len() && to < self.sessions.len() {
            let session = self.sessions.remove(from);
            self.sessions.insert(to, session);
        }
    }
}

/// A time of day as a time field holds it ("08:30", "15:05").
pub fn time_value(minutes: u32) -> String {
    let m = minutes % MINUTES_PER_DAY;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The minutes after midnight of a time field's value ("08:30"), if it is one.
pub fn from_time_value(value: &str) -> Option<u32> {
    let (h, m) = value.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// A time of day as a US agenda prints it: "8:30 am", "12:05 pm".
pub fn clock(minutes: u32) -> String {
    let m = minutes % MINUTES_PER_DAY;
    let (h, min) = (m / 60, m % 60);
    let half = if h < 12 { "am" } else { "pm" };
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    format!("{h12}:{min:02} {half}")
}

#[cfg(test)]
mod tests;
