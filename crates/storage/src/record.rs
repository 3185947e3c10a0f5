//! The stored formats, and their versions.
//!
//! Schema 2 (written by this build) keeps a draft in several records, so that an edit rewrites
//! only the answer that changed:
//!
//! ```json
//! crossroads/draft/<id>            {"schema":2,"saved_by":"crossroads 0.1.0","revision":7,"writer":"t1",
//!                                   "draft":{"id":"…","title":"…","created_ms":…,"updated_ms":…,"last_section":"…"},
//!                                   "school":"…","answered":["profile.school",…]}
//! crossroads/answer/<id>/<prompt>  {"schema":2,"revision":7,"answer":{"text":"…"}}
//! crossroads/history/<id>          {"schema":2,"history":{…}}
//! ```
//!
//! Schema 1 kept the whole draft in one record, `{"schema":1,"saved_by":…,"draft":{…}}`; such
//! records are read as they are and migrated to schema 2 on their next save.
//!
//! `schema` comes first in every record and changes whenever the format changes in a way an
//! older build could misread. Records with a higher schema are never written by this build.

use crossroads_workbook::{Answer, Catalog, Draft, History};
use serde::{Deserialize, Serialize};

/// The schema version this build writes (answers, history, and the head of a draft without a
/// district's brief).
pub const SCHEMA_VERSION: u32 = 2;

/// The head of a draft that answers a district's brief: schema 2 plus the brief. A build that
/// knows only schema 2 would drop the brief on its next save, so it must see such a head as
/// newer and leave it alone.
pub const SCHEMA_WITH_BRIEF: u32 = 3;

/// Who wrote a record, for people looking at raw storage.
const SAVED_BY: &str = concat!("crossroads ", env!("CARGO_PKG_VERSION"));

/// A draft without its answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub id: String,
    pub title: String,
    pub created_ms: u64,
    pub updated_ms: u64,
    #[serde(default)]
    pub last_section: String,
    /// Warning signs marked as addressed, with the team's reasons.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub addressed: std::collections::BTreeMap<String, String>,
    /// The district's brief the draft answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<crossroads_workbook::Brief>,
}

impl Meta {
    pub fn of(draft: &Draft) -> Meta {
        Meta {
            id: draft.id.clone(),
            title: draft.title.clone(),
            created_ms: draft.created_ms,
            updated_ms: draft.updated_ms,
            last_section: draft.last_section.clone(),
            addressed: draft.addressed.clone(),
            brief: draft.brief.clone(),
        }
    }

    pub fn into_draft(self, answers: std::collections::BTreeMap<String, Answer>) -> Draft {
        Draft {
            id: self.id,
            title: self.title,
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            last_section: self.last_section,
            answers,
            addressed: self.addressed,
            brief: self.brief,
        }
    }
}

/// The head record of a schema-2 draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Head {
    pub schema: u32,
    #[serde(default)]
    pub saved_by: String,
    /// Counts the saves of this draft; a writer that did not see the last one must not write.
    #[serde(default)]
    pub revision: u64,
    /// The tab or window that wrote it.
    #[serde(default)]
    pub writer: String,
    pub draft: Meta,
    /// The school's name, for the list of drafts.
    #[serde(default)]
    pub school: String,
    /// The prompts answered, for progress in the list of drafts.
    #[serde(default)]
    pub answered: Vec<String>,
}

impl Head {
    pub fn new(draft: &Draft, revision: u64, writer: &str) -> Head {
        Head {
            schema: if draft.brief.is_some() {
                SCHEMA_WITH_BRIEF
            } else {
                SCHEMA_VERSION
            },
            saved_by: SAVED_BY.to_string(),
            revision,
            writer: writer.to_string(),
            draft: Meta::of(draft),
            school: draft.school().to_string(),
            answered: Catalog::of(draft)
                .prompts()
                .filter(|p| p.answered_in(draft))
                .map(|p| p.id.to_string())
                .collect(),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a head always serializes")
    }
}

#[derive(Serialize)]
struct AnswerOut<'a> {
    schema: u32,
    revision: u64,
    answer: &'a Answer,
}

#[derive(Deserialize)]
struct AnswerIn {
    answer: Answer,
}

pub(crate) fn encode_answer(answer: &Answer, revision: u64) -> String {
    serde_json::to_string(&AnswerOut {
        schema: SCHEMA_VERSION,
        revision,
        answer,
    })
    .expect("an answer always serializes")
}

pub(crate) fn decode_answer(raw: &str) -> Result<Answer, String> {
    serde_json::from_str::<AnswerIn>(raw)
        .map(|a| a.answer)
        .map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct HistoryOut<'a> {
    schema: u32,
    history: &'a History,
}

#[derive(Deserialize)]
struct HistoryIn {
    history: History,
}

pub(crate) fn encode_history(history: &History) -> String {
    serde_json::to_string(&HistoryOut {
        schema: SCHEMA_VERSION,
        history,
    })
    .expect("a history always serializes")
}

pub(crate) fn decode_history(raw: &str) -> Result<History, String> {
    serde_json::from_str::<HistoryIn>(raw)
        .map(|h| h.history)
        .map_err(|e| e.to_string())
}

/// What the record under a draft key holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Decoded {
    /// A schema-2 head.
    Current(Head),
    /// A whole draft in the schema-1 format, to be migrated.
    Legacy(Draft),
    /// A head written by a newer build, as far as this build understands it.
    Newer { schema: u32, head: Option<Head> },
    /// A record this build cannot read at all. It is kept as it is.
    Damaged { reason: String },
}

#[derive(Deserialize)]
struct Probe {
    schema: u32,
}

#[derive(Deserialize)]
struct LegacyRecord {
    draft: Draft,
}

/// Reads the record under a draft key.
pub(crate) fn decode(raw: &str) -> Decoded {
    let schema = match probe_schema(raw) {
        Ok(schema) => schema,
        Err(reason) => return Decoded::Damaged { reason },
    };
    let shape = |e: serde_json::Error| Decoded::Damaged {
        reason: format!("its contents are incomplete or not in the expected shape ({e})"),
    };
    match schema {
        1 => serde_json::from_str::<LegacyRecord>(raw)
            .map_or_else(shape, |r| Decoded::Legacy(r.draft)),
        SCHEMA_VERSION | SCHEMA_WITH_BRIEF => {
            serde_json::from_str::<Head>(raw).map_or_else(shape, Decoded::Current)
        }
        newer => Decoded::Newer {
            schema: newer,
            head: serde_json::from_str::<Head>(raw).ok(),
        },
    }
}

/// The schema version of a stored record, or why it has none.
pub(crate) fn probe_schema(raw: &str) -> Result<u32, String> {
    let not_ours =
        |detail: &dyn std::fmt::Display| format!("it is not a Crossroads draft ({detail})");
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(raw) {
        return Err(format!("its text is cut off or garbled ({e})"));
    }
    if !raw.trim_start().starts_with('{') {
        return Err(not_ours(&"it is not a JSON object"));
    }
    match serde_json::from_str::<Probe>(raw) {
        Ok(Probe { schema: 0 }) => Err("it has no valid format version".to_string()),
        Ok(Probe { schema }) => Ok(schema),
        Err(e) => Err(not_ours(&e)),
    }
}

/// A draft in the schema-1 format, as an older build wrote it (for migration tests and for
/// reading backups made by older builds).
pub fn encode_schema_1(draft: &Draft) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: u32,
        saved_by: &'a str,
        draft: &'a Draft,
    }
    serde_json::to_string(&Out {
        schema: 1,
        saved_by: "crossroads 0.1.0",
        draft,
    })
    .expect("a draft always serializes")
}

/// Facts about this browser's copy of Crossroads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AppMeta {
    #[serde(default)]
    pub last_backup_ms: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        let mut draft = Draft::new("abc", "Learning studios \u{1f680}", 1_763_900_000_000);
        draft.set_answer("profile.school", Answer::Text("Lincoln Elementary".into()));
        draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        draft.last_section = "pathway".into();
        draft
    }

    #[test]
    fn heads_carry_the_schema_first_and_a_summary() {
        let head = Head::new(&sample(), 3, "tab1");
        let raw = head.encode();
        assert!(
            raw.starts_with(r#"{"schema":2,"saved_by":"crossroads "#),
            "{raw}"
        );
        assert_eq!(decode(&raw), Decoded::Current(head.clone()));
        assert_eq!(head.school, "Lincoln Elementary");
        assert_eq!(head.answered, ["profile.school", "pathway.choice"]);
    }

    #[test]
    fn schema_1_records_are_read_for_migration() {
        assert_eq!(
            decode(&encode_schema_1(&sample())),
            Decoded::Legacy(sample())
        );
    }

    #[test]
    fn answers_and_history_round_trip() {
        let answer = Answer::Rows(vec![[(
            "goal".to_string(),
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \"q\"".to_string(),
        )]
        .into()]);
        assert_eq!(decode_answer(&encode_answer(&answer, 4)), Ok(answer));
        let mut history = History::default();
        history.record(
            &sample(),
            crossroads_workbook::history::Reason::SectionChange,
            5,
        );
        assert_eq!(decode_history(&encode_history(&history)), Ok(history));
        assert!(decode_answer("{\"schema\":2").is_err());
    }

    #[test]
    fn newer_records_are_recognised_and_read_as_far_as_possible() {
        let raw =
            Head::new(&sample(), 1, "t")
                .encode()
                .replacen(r#""schema":2"#, r#""schema":7"#, 1);
        let raw = raw.replacen(
            r#""draft":{"#,
            r#""extra":[1,2],"draft":{"future_field":true,"#,
            1,
        );
        match decode(&raw) {
            Decoded::Newer {
                schema: 7,
                head: Some(head),
            } => assert_eq!(head.draft.title, sample().title),
            other => panic!("expected a readable newer record, got {other:?}"),
        }
        let unreadable = r#"{"schema":9,"draft":{"completely":"different"}}"#;
        assert_eq!(
            decode(unreadable),
            Decoded::Newer {
                schema: 9,
                head: None
            }
        );
    }

    #[test]
    fn damaged_records_say_what_is_wrong() {
        let raw = Head::new(&sample(), 1, "t").encode();
        let cases = [
            (&raw[..raw.len() / 2], "cut off or garbled"),
            ("not json at all", "cut off or garbled"),
            ("", "cut off or garbled"),
            (r#"{"title":"no schema"}"#, "not a Crossroads draft"),
            (r#"{"schema":"one"}"#, "not a Crossroads draft"),
            (r#"{"schema":0,"draft":{}}"#, "no valid format version"),
            (
                r#"{"schema":2,"draft":{"id":"x"}}"#,
                "not in the expected shape",
            ),
            (
                r#"{"schema":1,"draft":{"id":"x"}}"#,
                "not in the expected shape",
            ),
            ("[1,2,3]", "not a Crossroads draft"),
        ];
        for (input, expected) in cases {
            match decode(input) {
                Decoded::Damaged { reason } => {
                    assert!(reason.contains(expected), "{input:?}: {reason}")
                }
                other => panic!("{input:?} should be damaged, got {other:?}"),
            }
        }
    }
}
