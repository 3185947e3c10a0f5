//! A facilitator's workshop as it is kept and shared: the plan, the parking lot of questions
//! raised in the room, and the protocols the facilitator saved.

use crate::plan::Plan;
use crate::protocol::Protocol;
use serde::{Deserialize, Serialize};

/// A question raised in the room, kept with the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parked {
    /// The question, as written.
    pub text: String,
    /// Whether it has been answered.
    #[serde(default)]
    pub answered: bool,
    /// When it was raised (milliseconds since the epoch).
    #[serde(default)]
    pub raised_ms: u64,
}

/// Everything a facilitator keeps for one workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    /// The plan.
    pub plan: Plan,
    /// Questions raised in the room.
    #[serde(default)]
    pub parking_lot: Vec<Parked>,
    /// Protocols the facilitator adapted and saved under a name of their own.
    #[serde(default)]
    pub protocols: Vec<Protocol>,
}

impl Workshop {
    /// A workshop over `plan`, with nothing parked or saved yet.
    pub fn new(plan: Plan) -> Workshop {
        Workshop {
            plan,
            parking_lot: Vec::new(),
            protocols: Vec::new(),
        }
    }

    /// Parks a question; blank text parks nothing.
    pub fn park(&mut self, text: &str, now_ms: u64) {
        let text = text.trim();
        if !text.is_empty() {
            self.parking_lot.push(Parked {
                text: text.to_string(),
                answered: false,
                raised_ms: now_ms,
            });
        }
    }

    /// Saves `protocol` as one of the facilitator's own, under `name` and a new id: the
    /// built-in one it came from stays as it was.
    pub fn save_protocol(&mut self, protocol: &Protocol, name: &str) -> &Protocol {
        let n = self.protocols.len() + 1;
        self.protocols.push(Protocol {
            id: format!("own-{n}"),
            name: name.trim().to_string(),
            ..protocol.clone()
        });
        self.protocols.last().expect("just pushed")
    }
}

impl Workshop {
    /// Where this version and `other` differ, as (what, this one, the other), for a person
    /// choosing between two tabs' versions.
    pub fn differences(&self, other: &Workshop) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        let mut differ = |what: String, a: String, b: String| {
            if a != b {
                out.push((what, a, b));
            }
        };
        differ(
            "Title".into(),
            self.plan.title.clone(),
            other.plan.title.clone(),
        );
        differ(
            "Start of the day".into(),
            crate::clock(self.plan.start),
            crate::clock(other.plan.start),
        );
        differ(
            "End of the day".into(),
            crate::clock(self.plan.day_end),
            crate::clock(other.plan.day_end),
        );
        let describe = |s: Option<&crate::Session>| {
            s.map_or(String::new(), |s| {
                let minutes = match &s.protocol {
                    Some(p) => p.minutes() * s.rounds() as u32,
                    None => s.minutes,
                };
                format!("{} ({}, {minutes} min)", s.title, s.activity)
            })
        };
        let sessions = self.plan.sessions.len().max(other.plan.sessions.len());
        for i in 0..sessions {
            let (a, b) = (self.plan.sessions.get(i), other.plan.sessions.get(i));
            if a != b {
                out.push((format!("Session {}", i + 1), describe(a), describe(b)));
            }
        }
        let parked = |w: &Workshop| {
            w.parking_lot
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        if self.parking_lot != other.parking_lot {
            out.push(("Parking lot".into(), parked(self), parked(other)));
        }
        if self.protocols != other.protocols {
            let names = |w: &Workshop| {
                w.protocols
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(("Saved protocols".into(), names(self), names(other)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::library;

    #[test]
    fn differences_name_what_two_versions_disagree_on() {
        let one = Workshop::new(Plan::two_hours());
        let mut two = one.clone();
        assert!(one.differences(&two).is_empty());
        two.plan.title = "After school".into();
        two.plan.sessions[1].minutes = 99;
        two.plan.sessions[1].protocol = None;
        two.park("Budget?", 1);
        let d = one.differences(&two);
        let what: Vec<&str> = d.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(what, ["Title", "Session 2", "Parking lot"]);
        assert_eq!(
            d[1].2,
            "Get clear on the problems to solve (Individual writing, then pair share (20 minutes), 99 min)"
        );
        assert_eq!(
            d[2],
            ("Parking lot".into(), String::new(), "Budget?".into())
        );
    }

    #[test]
    fn questions_are_parked_in_order_and_blank_ones_are_not() {
        let mut w = Workshop::new(Plan::two_hours());
        w.park("  Who pays for substitutes?  ", 5);
        w.park("   ", 6);
        w.park("Can two schools share a coach?", 7);
        let texts: Vec<&str> = w.parking_lot.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Who pays for substitutes?",
                "Can two schools share a coach?"
            ]
        );
        assert!(w.parking_lot.iter().all(|p| !p.answered));
    }

    #[test]
    fn an_adapted_protocol_is_saved_as_a_new_one_and_the_library_is_untouched() {
        let mut w = Workshop::new(Plan::two_hours());
        let mut tuning = library().remove(0);
        tuning.steps[4].minutes = 20;
        let saved = w
            .save_protocol(&tuning, "Tuning with long feedback")
            .clone();
        assert_eq!(saved.id, "own-1");
        assert_eq!(saved.minutes(), 48);
        assert_eq!(library()[0].minutes(), 40);
        assert_eq!(w.save_protocol(&tuning, "Again").id, "own-2");
    }
}
