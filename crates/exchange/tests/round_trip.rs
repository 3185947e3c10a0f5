//! Property tests: any proposal exported to a machine-readable form imports back equal.

use crossroads_exchange::{export, import, ExportOptions, Format, Unanswered};
use crossroads_workbook::{Answer, Brief, Catalog, Draft, Flag, Row};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;

/// Any text a team might type: arbitrary Unicode, and the hard cases by name.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        1 => Just(String::new()),
        1 => Just("   \n\t ".to_string()),
        1 => Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{645}\u{631}\u{62d}\u{628}\u{627} \u{202e}mixed".to_string()),
        1 => Just("Emoji \u{1f469}\u{200d}\u{1f3eb} \u{1f680} \u{1f1fa}\u{1f1f8}".to_string()),
        1 => Just("</script><script>alert(1)</script>".to_string()),
        1 => Just("<img src=x onerror=alert(1)> javascript:alert(1) \u{2028}\u{2029} & \"' \\".to_string()),
        1 => "[a-z ]{2000,6000}",
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        typed().prop_map(Answer::Text),
        typed().prop_map(Answer::Choice),
        btree_set(typed(), 0..5).prop_map(Answer::Checklist),
        vec(btree_map(typed(), typed(), 0..4), 0..4).prop_map(|rows: Vec<Row>| Answer::Rows(rows)),
    ]
}

fn prompt_id() -> impl Strategy<Value = String> {
    let mut ids: Vec<String> = Catalog::base()
        .prompts()
        .map(|p| p.id.to_string())
        .collect();
    ids.extend(["brief.q1", "brief.q2", "brief.signoff", "brief.assurances"].map(String::from));
    prop_oneof![9 => proptest::sample::select(ids), 1 => typed()]
}

/// A warning sign's id, or anything at all (a file may carry a sign this build does not know).
fn flag_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = Flag::ALL.iter().map(|f| f.id().to_string()).collect();
    prop_oneof![9 => proptest::sample::select(ids), 1 => typed()]
}

fn draft() -> impl Strategy<Value = Draft> {
    (
        "[a-z0-9]{1,20}",
        typed(),
        any::<u64>(),
        any::<u64>(),
        typed(),
        btree_map(prompt_id(), answer(), 0..40),
        btree_map(flag_id(), typed(), 0..4),
        prop_oneof![Just(None), Just(Some(district_brief()))],
    )
        .prop_map(
            |(id, title, created_ms, updated_ms, last_section, answers, addressed, brief)| Draft {
                id,
                title,
                created_ms,
                updated_ms,
                last_section,
                answers,
                addressed,
                brief,
            },
        )
}

/// A district's brief with a prompt of each kind, sign-off and assurances.
fn district_brief() -> Brief {
    use crossroads_workbook::brief::{Assurance, ExtraKind, ExtraOption, ExtraPrompt};
    let mut b = Brief::new("district-2027", "District design challenge");
    let option = |id: &str| ExtraOption {
        id: id.into(),
        label: id.to_uppercase(),
    };
    b.prompts = vec![
        ExtraPrompt {
            id: "q1".into(),
            section: "problems".into(),
            label: "Which priority?".into(),
            help: String::new(),
            kind: ExtraKind::LongText,
        },
        ExtraPrompt {
            id: "q2".into(),
            section: "profile".into(),
            label: "Network?".into(),
            help: "Pick one".into(),
            kind: ExtraKind::Choice(vec![option("yes"), option("no")]),
        },
    ];
    b.signoff = vec!["Principal".into()];
    b.assurances = vec![Assurance {
        id: "eval".into(),
        text: "Evaluation".into(),
    }];
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn json_and_html_round_trip(draft in draft(), mark in any::<bool>()) {
        let options = ExportOptions {
            unanswered: if mark { Unanswered::Mark } else { Unanswered::Omit },
            ..ExportOptions::new(1_763_900_000_000, "2026-11-23")
        };
        for format in [Format::Json, Format::Html] {
            let text = export(&draft, format, &options);
            prop_assert_eq!(import(&text), Ok(draft.clone()), "{:?}", format);
        }
        // Markdown is for reading, not importing; it must still render anything.
        let md = export(&draft, Format::Markdown, &options);
        prop_assert!(md.starts_with("# "));
    }
}

#[test]
fn a_very_long_answer_round_trips() {
    let mut draft = Draft::new("long1", "Long", 1);
    draft.set_answer(
        "problems.meaning",
        Answer::Text("Long answer. ".repeat(80_000)),
    );
    let options = ExportOptions::new(1, "2026-11-23");
    for format in [Format::Json, Format::Html] {
        assert_eq!(import(&export(&draft, format, &options)), Ok(draft.clone()));
    }
}

#[test]
fn every_kind_of_answer_round_trips() {
    let mut draft = Draft::new("kinds1", "Every kind", 1);
    draft.set_answer("profile.school", Answer::Text("Lincoln".into()));
    draft.set_answer(
        "problems.meaning",
        Answer::Text("Para one\n\nPara two".into()),
    );
    draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
    draft.set_answer(
        "flexibility.inventory",
        Answer::Checklist(["time.schedule".to_string()].into()),
    );
    draft.set_answer(
        "learning.milestones",
        Answer::Rows(vec![[
            ("milestone".to_string(), "Pilot".to_string()),
            ("date".to_string(), "2027-01-15".to_string()),
        ]
        .into()]),
    );
    let options = ExportOptions::new(1, "2026-11-23");
    for format in [Format::Json, Format::Html] {
        assert_eq!(import(&export(&draft, format, &options)), Ok(draft.clone()));
    }
}
