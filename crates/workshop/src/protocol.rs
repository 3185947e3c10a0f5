//! Protocols: fixed sequences of timed steps, each saying who speaks and who stays silent, with
//! a prompt for the room. The built-in ones are described in our own words.

use serde::{Deserialize, Serialize};

/// Who a step is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The person running the session.
    Facilitator,
    /// The team whose work is on the table.
    Presenters,
    /// Everyone else in the room.
    Participants,
    /// The reviewers of a pitch.
    Panel,
    /// The whole room.
    Everyone,
    /// Nobody: a quiet step.
    NoOne,
}

impl Role {
    /// Every role, in the order a list offers them.
    pub const ALL: [Role; 6] = [
        Role::Facilitator,
        Role::Presenters,
        Role::Participants,
        Role::Panel,
        Role::Everyone,
        Role::NoOne,
    ];

    /// How the run view and the projector say it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Facilitator => "the facilitator",
            Role::Presenters => "the presenting team",
            Role::Participants => "the other participants",
            Role::Panel => "the panel",
            Role::Everyone => "everyone",
            Role::NoOne => "no one",
        }
    }
}

/// One step of a protocol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Its name ("Clarifying questions").
    pub name: String,
    /// Its time box, in minutes.
    pub minutes: u32,
    /// Who speaks.
    pub speaks: Role,
    /// Who stays silent.
    pub silent: Role,
    /// What the room is asked to do.
    pub prompt: String,
}

/// A protocol: steps in order, run once or once for each presenting team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    /// Stable id of a built-in protocol, or of one the facilitator saved.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The steps.
    pub steps: Vec<Step>,
    /// Whether the steps repeat for each presenting team (a pitch round).
    pub per_team: bool,
}

impl Protocol {
    /// The minutes of one pass through the steps.
    pub fn minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }
}

fn step(name: &str, minutes: u32, speaks: Role, silent: Role, prompt: &str) -> Step {
    Step {
        name: name.to_string(),
        minutes,
        speaks,
        silent,
        prompt: prompt.to_string(),
    }
}

fn tuning(id: &str, name: &str, m: [u32; 7]) -> Protocol {
    use Role::*;
    Protocol {
        id: id.to_string(),
        name: name.to_string(),
        per_team: false,
        steps: vec![
            step("Introduction", m[0], Facilitator, NoOne, "The facilitator names the goals, the norms and the times of each step."),
            step("Presentation", m[1], Presenters, Participants, "The team walks through its plan and names the question it wants help with. Everyone else listens."),
            step("Clarifying questions", m[2], Participants, NoOne, "Quick questions of fact, answered briefly: who, what, when, how much. No advice yet."),
            step("Quiet reflection", m[3], NoOne, Everyone, "Everyone writes down what they see as strong in the plan and what gives them pause."),
            step("Warm and cool feedback", m[4], Participants, Presenters, "Participants say what is promising and what to rethink, while the presenting team takes notes and stays silent."),
            step("The team responds", m[5], Presenters, Participants, "The team says what it heard and what it will take forward. Participants listen."),
            step("Debrief", m[6], Everyone, NoOne, "How did the protocol go, and what would make the next round more useful?"),
        ],
    }
}

/// The built-in protocols.
pub fn library() -> Vec<Protocol> {
    use Role::*;
    vec![
        tuning("tuning-40", "Tuning a plan (40 minutes)", [3, 8, 5, 2, 12, 6, 4]),
        tuning("tuning-60", "Tuning a plan (60 minutes)", [5, 12, 8, 3, 17, 10, 5]),
        Protocol {
            id: "consultancy".into(),
            name: "Consultancy on a dilemma (50 minutes)".into(),
            per_team: false,
            steps: vec![
                step("The dilemma", 10, Presenters, Participants, "The presenter describes a dilemma the design faces and the question to think about."),
                step("Clarifying questions", 5, Participants, NoOne, "Questions of fact only, answered briefly."),
                step("Probing questions", 10, Participants, NoOne, "Questions that help the presenter think more deeply; the presenter may answer or not."),
                step("The group discusses", 15, Participants, Presenters, "The group talks about the dilemma as if the presenter were not there. The presenter listens and takes notes."),
                step("The presenter responds", 5, Presenters, Participants, "What struck the presenter, and what they will try next."),
                step("Debrief", 5, Everyone, NoOne, "What helped in this conversation?"),
            ],
        },
        Protocol {
            id: "gallery-walk".into(),
            name: "Gallery walk in rounds (30 minutes)".into(),
            per_team: false,
            steps: vec![
                step("Set up", 5, Facilitator, NoOne, "Each team posts its work. Everyone takes sticky notes in two colours: one for strengths, one for questions."),
                step("Round 1", 7, Everyone, NoOne, "Visit the first station, read, and leave notes."),
                step("Round 2", 7, Everyone, NoOne, "Move to the next station, read, and leave notes."),
                step("Round 3", 7, Everyone, NoOne, "Move once more, read, and leave notes."),
                step("Back at your own work", 4, Everyone, NoOne, "Teams read the notes left on their work and choose one change to make."),
            ],
        },
        Protocol {
            id: "write-pair-share".into(),
            name: "Individual writing, then pair share (20 minutes)".into(),
            per_team: false,
            steps: vec![
                step("Write alone", 8, NoOne, Everyone, "Each person answers the prompt in writing, without talking."),
                step("First partner shares", 4, Participants, NoOne, "One partner reads what they wrote; the other listens and asks one question."),
                step("Second partner shares", 4, Participants, NoOne, "Switch: the other partner reads and the first listens."),
                step("Pairs note what to keep", 4, Everyone, NoOne, "Together, note the ideas the team's draft should keep."),
            ],
        },
        Protocol {
            id: "pitch".into(),
            name: "Pitch round (20 minutes for each team)".into(),
            per_team: true,
            steps: vec![
                step("Presentation", 10, Presenters, Panel, "The team presents its design: the problem, the change, the plan and what it asks for. The panel listens."),
                step("Questions from the panel", 10, Panel, NoOne, "The panel asks about evidence, costs, staffing and the plan beyond the pilot; the team answers."),
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_keeps_its_promised_times() {
        let lib = library();
        let minutes = |id: &str| lib.iter().find(|p| p.id == id).unwrap().minutes();
        assert_eq!(minutes("tuning-40"), 40);
        assert_eq!(minutes("tuning-60"), 60);
        assert_eq!(minutes("consultancy"), 50);
        assert_eq!(minutes("gallery-walk"), 30);
        assert_eq!(minutes("write-pair-share"), 20);
        assert_eq!(minutes("pitch"), 20);
        assert!(lib.iter().filter(|p| p.per_team).all(|p| p.id == "pitch"));
        let mut ids: Vec<&str> = lib.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), lib.len(), "ids are unique");
    }

    #[test]
    fn in_the_tuning_protocol_the_presenters_stay_silent_during_feedback() {
        let lib = library();
        let tuning = &lib[0];
        let feedback = tuning
            .steps
            .iter()
            .find(|s| s.name.starts_with("Warm"))
            .unwrap();
        assert_eq!(
            (feedback.speaks, feedback.silent),
            (Role::Participants, Role::Presenters)
        );
        let presentation = &tuning.steps[1];
        assert_eq!(presentation.silent, Role::Participants);
    }
}
