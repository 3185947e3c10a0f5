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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::library;

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
