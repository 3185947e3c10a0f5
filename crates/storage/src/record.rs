//! The stored format of one draft, and its versions.
//!
//! ```json
//! {"schema":1,"saved_by":"crossroads 0.1.0","draft":{"id":"…","title":"…","answers":{…}}}
//! ```
//!
//! `schema` comes first and changes whenever the shape of `draft` changes in a way an older
//! build could misread. A newer build must then add a migration from every older schema here.

use crossroads_workbook::Draft;
pub use crossroads_workbook::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};

/// Who wrote a record, for people looking at raw storage.
const SAVED_BY: &str = concat!("crossroads ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct RecordOut<'a> {
    schema: u32,
    saved_by: &'a str,
    draft: &'a Draft,
}

#[derive(Deserialize)]
struct RecordIn {
    schema: u32,
    draft: Draft,
}

/// Only the version, read without building the draft.
#[derive(Deserialize)]
struct Probe {
    schema: u32,
}

/// What a stored record turned out to hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// A draft in this build's format (or migrated to it).
    Current(Draft),
    /// A record written by a newer build. `draft` is what this build could make of it, if
    /// anything; it must be shown read-only and never written back.
    Newer {
        /// The record's schema version.
        schema: u32,
        /// The draft as far as this build understands it.
        draft: Option<Draft>,
    },
    /// A record this build cannot read at all. It is kept as it is.
    Damaged {
        /// What is wrong, in plain words.
        reason: String,
    },
}

/// The stored text for a draft.
pub fn encode(draft: &Draft) -> String {
    serde_json::to_string(&RecordOut {
        schema: SCHEMA_VERSION,
        saved_by: SAVED_BY,
        draft,
    })
    .expect("a draft always serializes: string keys, no floats")
}

/// Reads a stored record.
pub fn decode(raw: &str) -> Decoded {
    let schema = match probe_schema(raw) {
        Ok(schema) => schema,
        Err(reason) => return Decoded::Damaged { reason },
    };
    if schema > SCHEMA_VERSION {
        let draft = serde_json::from_str::<RecordIn>(raw).ok().map(|r| r.draft);
        return Decoded::Newer { schema, draft };
    }
    // Schema 1 is the first; older schemas get their migrations here when the format changes.
    match serde_json::from_str::<RecordIn>(raw) {
        Ok(record) if record.schema == SCHEMA_VERSION => Decoded::Current(record.draft),
        Ok(record) => Decoded::Damaged {
            reason: format!("it has an unknown format version ({})", record.schema),
        },
        Err(e) => Decoded::Damaged {
            reason: format!("its contents are incomplete or not in the expected shape ({e})"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_workbook::Answer;

    fn sample() -> Draft {
        let mut draft = Draft::new("abc", "Learning studios \u{1f680}", 1_763_900_000_000);
        draft.set_answer("profile.school", Answer::Text("Lincoln Elementary".into()));
        draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        draft.set_answer(
            "pathway.funding",
            Answer::Checklist(["essa_title_iv".to_string()].into()),
        );
        draft.set_answer(
            "problems.identified",
            Answer::Rows(vec![[(
                "problem".to_string(),
                "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \"quoted\"".to_string(),
            )]
            .into()]),
        );
        draft.last_section = "pathway".into();
        draft
    }

    #[test]
    fn round_trip_keeps_every_answer() {
        let draft = sample();
        assert_eq!(decode(&encode(&draft)), Decoded::Current(draft));
    }

    #[test]
    fn records_carry_the_schema_version_first() {
        let raw = encode(&sample());
        assert!(
            raw.starts_with(r#"{"schema":1,"saved_by":"crossroads "#),
            "{raw}"
        );
    }

    #[test]
    fn newer_records_are_recognised_and_read_as_far_as_possible() {
        let raw = encode(&sample()).replacen(r#""schema":1"#, r#""schema":7"#, 1);
        let raw = raw.replacen(
            r#""draft":{"#,
            r#""extra":[1,2],"draft":{"future_field":true,"#,
            1,
        );
        match decode(&raw) {
            Decoded::Newer {
                schema: 7,
                draft: Some(draft),
            } => assert_eq!(draft, sample()),
            other => panic!("expected a readable newer record, got {other:?}"),
        }
        let unreadable = r#"{"schema":9,"draft":{"completely":"different"}}"#;
        assert_eq!(
            decode(unreadable),
            Decoded::Newer {
                schema: 9,
                draft: None
            }
        );
    }

    #[test]
    fn damaged_records_say_what_is_wrong() {
        let raw = encode(&sample());
        let cases = [
            (&raw[..raw.len() / 2], "cut off or garbled"),
            ("not json at all", "cut off or garbled"),
            ("", "cut off or garbled"),
            (r#"{"title":"no schema"}"#, "not a Crossroads draft"),
            (r#"{"schema":"one"}"#, "not a Crossroads draft"),
            (r#"{"schema":0,"draft":{}}"#, "no valid format version"),
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
