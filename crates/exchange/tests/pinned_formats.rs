//! The file formats reviewers and teams already hold, pinned: proposal and backup files of format
//! version 1, as this version wrote them, are kept under `tests/fixtures` and must keep importing
//! to exactly these drafts; and a draft written today must come out as exactly those bytes, so
//! that renaming a field of `Draft` breaks a test instead of every file in circulation.

use crossroads_exchange::{
    backup_to_json, export, import, read_backup, Backup, BackupDraft, ExportOptions, Format,
    RawRecord,
};
use crossroads_workbook::history::Reason;
use crossroads_workbook::{Answer, Draft, History};

const PROPOSAL_JSON: &str = include_str!("fixtures/proposal-v1.json");
const PROPOSAL_HTML: &str = include_str!("fixtures/proposal-v1.html");
const BACKUP_JSON: &str = include_str!("fixtures/backup-v1.json");

/// The draft the fixtures hold: every kind of answer, and text that needs escaping.
fn draft() -> Draft {
    let mut d = Draft::new(
        "fixture1",
        "Learning studios \u{2013} grade 6",
        1_764_000_000_000,
    );
    d.updated_ms = 1_764_000_500_000;
    d.last_section = "problems".into();
    d.set_answer(
        "profile.school",
        Answer::Text("Lincoln Middle School".into()),
    );
    d.set_answer(
        "problems.meaning",
        Answer::Text("Students move on when ready.\n\n\"Mastery\" & <pace>".into()),
    );
    d.set_answer("pathway.choice", Answer::Choice("adapt".into()));
    d.set_answer(
        "flexibility.inventory",
        Answer::Checklist(["time.schedule".to_string(), "space.rooms".to_string()].into()),
    );
    d.set_answer(
        "problems.goals",
        Answer::Rows(vec![[
            (
                "goal".to_string(),
                "Every 6th grader reads at grade level".to_string(),
            ),
            ("measure".to_string(), "Spring benchmark".to_string()),
            ("target".to_string(), "85% by June 2027".to_string()),
        ]
        .into()]),
    );
    d
}

fn backup() -> Backup {
    let mut history = History::default();
    let mut older = draft();
    older.answers.remove("pathway.choice");
    history.record(&older, Reason::SectionChange, 1_764_000_100_000);
    Backup {
        created_ms: 1_764_000_600_000,
        drafts: vec![BackupDraft {
            draft: draft(),
            history,
        }],
        unreadable: vec![RawRecord {
            key: "crossroads/draft/damaged1".into(),
            raw: "{\"schema\":2,\"draft\":{\"id\"".into(),
        }],
    }
}

fn options() -> ExportOptions {
    ExportOptions::new(1_764_000_700_000, "2026-11-24")
}

#[test]
fn version_1_proposal_files_keep_importing_to_the_same_draft() {
    assert_eq!(import(PROPOSAL_JSON), Ok(draft()));
    assert_eq!(import(PROPOSAL_HTML), Ok(draft()));
}

#[test]
fn version_1_backups_keep_restoring_the_same_drafts_and_records() {
    assert_eq!(read_backup(BACKUP_JSON), Ok(backup()));
}

#[test]
fn a_draft_is_written_as_exactly_the_pinned_bytes() {
    // A renamed or retyped field of Draft, Answer or History changes these bytes: such a change
    // needs a new file version and a migration, not a silent change of every file.
    // (Compared as JSON without `saved_by`, which names the app version that wrote the file,
    // and without `plan`, the budget and timeline worked out from the answers for other tools,
    // which import never reads; files written before it existed have none.)
    let data = |text: &str| {
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        value.as_object_mut().unwrap().remove("saved_by");
        value.as_object_mut().unwrap().remove("plan");
        value
    };
    assert_eq!(
        data(&export(&draft(), Format::Json, &options())),
        data(PROPOSAL_JSON)
    );
    assert_eq!(data(&backup_to_json(&backup())), data(BACKUP_JSON));
}

/// Writes the fixtures anew (`WRITE_FIXTURES=1 cargo test -p crossroads-exchange --test
/// pinned_formats`): only for a deliberate new file version, with its migration.
#[test]
fn write_fixtures_when_asked() {
    if std::env::var_os("WRITE_FIXTURES").is_none() {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    std::fs::write(
        format!("{dir}/proposal-v1.json"),
        export(&draft(), Format::Json, &options()),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/proposal-v1.html"),
        export(&draft(), Format::Html, &options()),
    )
    .unwrap();
    std::fs::write(format!("{dir}/backup-v1.json"), backup_to_json(&backup())).unwrap();
}

#[test]
fn the_json_carries_the_budget_timeline_and_requests_worked_out_from_the_answers() {
    let mut d = draft();
    let row = |cells: &[(&str, &str)]| -> crossroads_workbook::Row {
        cells
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    d.set_answer(
        "resources.budget",
        Answer::Rows(vec![
            row(&[
                ("item", "Coach"),
                ("source", "Title II"),
                ("amount", "$40,000"),
                ("kind", "recurring"),
                ("year", "2027-28"),
            ]),
            row(&[
                ("item", "Tables"),
                ("amount", "a lot"),
                ("kind", "one_time"),
            ]),
        ]),
    );
    d.set_answer(
        "resources.phases",
        Answer::Rows(vec![row(&[("phase", "pilot"), ("start", "2027-08-20")])]),
    );
    let json: serde_json::Value =
        serde_json::from_str(&export(&d, Format::Json, &options())).unwrap();
    let budget = &json["plan"]["budget"];
    assert_eq!(budget["total_cents"], 4_000_000);
    assert_eq!(budget["recurring_cents"], 4_000_000);
    assert_eq!(budget["by_source_cents"]["Title II"], 4_000_000);
    assert_eq!(budget["unreadable_lines"], serde_json::json!([2]));
    assert_eq!(budget["lines"][1]["amount_cents"], serde_json::Value::Null);
    assert_eq!(budget["lines"][1]["amount_typed"], "a lot");
    assert_eq!(json["plan"]["timeline"][0]["phase"], "Pilot");
    assert_eq!(json["plan"]["requests"], serde_json::json!([]));
    assert_eq!(import(&export(&d, Format::Json, &options())), Ok(d));
}
