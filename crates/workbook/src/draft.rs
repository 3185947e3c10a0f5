//! A team's draft proposal: its answers, keyed by prompt id.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One row of a repeatable-rows answer: cell text keyed by column id.
pub type Row = BTreeMap<String, String>;

/// What a team wrote for one prompt. The catalog decides which kind a prompt takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Short or long text.
    Text(String),
    /// The id of the chosen option.
    Choice(String),
    /// The ids of the ticked items.
    Checklist(BTreeSet<String>),
    /// Repeatable rows, in the team's order.
    Rows(Vec<Row>),
}

impl Answer {
    /// Whether the answer holds anything a reader would count as an answer
    /// (white space and empty rows do not count).
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Text(text) | Answer::Choice(text) => !text.trim().is_empty(),
            Answer::Checklist(items) => !items.is_empty(),
            Answer::Rows(rows) => rows.iter().any(row_has_text),
        }
    }

    /// The text of a text answer, or "" for any other kind.
    pub fn text(&self) -> &str {
        match self {
            Answer::Text(text) => text,
            _ => "",
        }
    }

    /// Every piece of text the team typed into this answer (choice and checklist ids excluded).
    pub fn typed_text(&self) -> Vec<&str> {
        match self {
            Answer::Text(text) => vec![text.as_str()],
            Answer::Rows(rows) => rows
                .iter()
                .flat_map(|r| r.values().map(String::as_str))
                .collect(),
            Answer::Choice(_) | Answer::Checklist(_) => Vec::new(),
        }
    }
}

/// Whether any cell of a row holds text.
pub fn row_has_text(row: &Row) -> bool {
    row.values().any(|cell| !cell.trim().is_empty())
}

/// A design team's draft proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Stable id, unique in this browser.
    pub id: String,
    /// The proposal's title, as the team names it.
    pub title: String,
    /// When the draft was created (milliseconds since the Unix epoch).
    pub created_ms: u64,
    /// When anything in the draft last changed (milliseconds since the Unix epoch).
    pub updated_ms: u64,
    /// The section the team was on, so opening the draft returns there.
    #[serde(default)]
    pub last_section: String,
    /// Answers keyed by prompt id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Warning signs of the readiness check that the team marked as addressed, keyed by the
    /// sign's id, with the team's reason in its own words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub addressed: BTreeMap<String, String>,
    /// The district's brief this draft answers, carried whole so its prompts, limits and
    /// assurances travel with the draft (absent in drafts and files without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<crate::brief::Brief>,
}

impl Draft {
    /// An empty draft.
    pub fn new(id: impl Into<String>, title: impl Into<String>, now_ms: u64) -> Self {
        Draft {
            id: id.into(),
            title: title.into(),
            created_ms: now_ms,
            updated_ms: now_ms,
            last_section: String::new(),
            answers: BTreeMap::new(),
            addressed: BTreeMap::new(),
            brief: None,
        }
    }

    /// The answer to a prompt, if the team gave one.
    pub fn answer(&self, prompt_id: &str) -> Option<&Answer> {
        self.answers.get(prompt_id)
    }

    /// The text answer to a prompt, or "".
    pub fn text(&self, prompt_id: &str) -> &str {
        self.answer(prompt_id).map(Answer::text).unwrap_or("")
    }

    /// Whether the prompt has an answer that counts: one that shows on the prompt's screen (an
    /// answer of the wrong kind, or for a prompt the catalog does not have, does not).
    pub fn is_answered(&self, prompt_id: &str) -> bool {
        self.answer(prompt_id).is_some_and(|a| {
            crate::Catalog::of(self)
                .prompt(prompt_id)
                .is_some_and(|p| p.shows(a))
        })
    }

    /// Records an answer.
    pub fn set_answer(&mut self, prompt_id: &str, answer: Answer) {
        self.answers.insert(prompt_id.to_string(), answer);
    }

    /// The rows of a rows answer, made into one if the prompt held anything else.
    pub fn rows_mut(&mut self, prompt_id: &str) -> &mut Vec<Row> {
        let answer = self
            .answers
            .entry(prompt_id.to_string())
            .or_insert_with(|| Answer::Rows(Vec::new()));
        if !matches!(answer, Answer::Rows(_)) {
            *answer = Answer::Rows(Vec::new());
        }
        match answer {
            Answer::Rows(rows) => rows,
            _ => unreachable!("made a rows answer above"),
        }
    }

    /// Ticks or unticks one item of a checklist answer.
    pub fn set_checked(&mut self, prompt_id: &str, item: &str, checked: bool) {
        let answer = self
            .answers
            .entry(prompt_id.to_string())
            .or_insert_with(|| Answer::Checklist(BTreeSet::new()));
        if !matches!(answer, Answer::Checklist(_)) {
            *answer = Answer::Checklist(BTreeSet::new());
        }
        if let Answer::Checklist(items) = answer {
            if checked {
                items.insert(item.to_string());
            } else {
                items.remove(item);
            }
        }
    }

    /// The school's name from the team profile, or "".
    /// Makes this draft answer `brief` (a first one, or a newer version of the same), losing no
    /// answer: answers stay under their ids whatever the brief adds or drops. An answer to a
    /// prompt the new brief no longer asks stays in the draft, shown nowhere, and comes back if
    /// a later version asks it again.
    pub fn attach_brief(&mut self, brief: crate::brief::Brief) {
        self.brief = Some(brief);
    }

    pub fn school(&self) -> &str {
        self.text(crate::catalog::SCHOOL_PROMPT).trim()
    }

    /// The title to show: the team's title, or a placeholder when it is blank.
    pub fn display_title(&self) -> &str {
        let title = self.title.trim();
        if title.is_empty() {
            "Untitled proposal"
        } else {
            title
        }
    }
}

/// Whether `id` can name a draft: ids become storage keys and URL parts, so they are letters,
/// digits, `-` and `_`, at most 64 of them.
pub fn valid_draft_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A new draft id from the clock and a random number: short, URL-safe and unlikely to repeat.
pub fn new_draft_id(now_ms: u64, random: u64) -> String {
    format!("{}{}", base36(now_ms), base36(random % 36u64.pow(6)))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("base36 digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_answers_do_not_count() {
        assert!(!Answer::Text("  \n ".into()).is_answered());
        assert!(!Answer::Choice(String::new()).is_answered());
        assert!(!Answer::Checklist(BTreeSet::new()).is_answered());
        let empty_row: Row = [("problem".to_string(), " ".to_string())].into();
        assert!(!Answer::Rows(vec![empty_row.clone()]).is_answered());
        let row: Row = [("problem".to_string(), "Late buses".to_string())].into();
        assert!(Answer::Rows(vec![empty_row, row]).is_answered());
        assert!(Answer::Text("x".into()).is_answered());
    }

    #[test]
    fn answers_have_a_readable_json_shape() {
        let json = serde_json::to_string(&Answer::Text("hi".into())).unwrap();
        assert_eq!(json, r#"{"text":"hi"}"#);
        let json = serde_json::to_string(&Answer::Checklist(["a".to_string()].into())).unwrap();
        assert_eq!(json, r#"{"checklist":["a"]}"#);
    }

    #[test]
    fn ids_are_url_safe_and_differ() {
        let a = new_draft_id(1_763_900_000_000, 12345);
        let b = new_draft_id(1_763_900_000_000, 12346);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn rows_and_checklists_are_edited_in_place() {
        let mut draft = Draft::new("x", "t", 0);
        draft.set_answer("problems.goals", Answer::Text("wrong kind".into()));
        draft
            .rows_mut("problems.goals")
            .push([("goal".to_string(), "Read".to_string())].into());
        assert_eq!(
            draft.answer("problems.goals").unwrap().typed_text(),
            ["Read"]
        );
        draft.set_checked("flexibility.inventory", "time.schedule", true);
        draft.set_checked("flexibility.inventory", "space.rooms", true);
        draft.set_checked("flexibility.inventory", "time.schedule", false);
        let expected = Answer::Checklist(["space.rooms".to_string()].into());
        assert_eq!(draft.answer("flexibility.inventory"), Some(&expected));
    }

    #[test]
    fn blank_title_shows_a_placeholder() {
        let mut draft = Draft::new("x", "  ", 0);
        assert_eq!(draft.display_title(), "Untitled proposal");
        draft.title = "Studios".into();
        assert_eq!(draft.display_title(), "Studios");
    }
}
