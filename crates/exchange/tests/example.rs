//! The built-in example proposal (`assets/example-proposal.json`): a fictional school's complete
//! proposal that teams open read-only and facilitators show in workshops. It must be a file
//! Crossroads itself would write, answer every prompt, and pass the readiness check honestly.

use crossroads_exchange::{export, import, read_proposal, ExportOptions, Format};
use crossroads_workbook::budget::Recurs;
use crossroads_workbook::{catalog, fit_draft, resources, Draft, Readiness};

const EXAMPLE: &str = include_str!("../../../assets/example-proposal.json");

fn example() -> Draft {
    import(EXAMPLE).expect("the example proposal imports")
}

#[test]
fn the_example_imports_whole_with_nothing_set_aside() {
    let draft = example();
    assert_eq!(draft.id, "example");
    assert_eq!(draft.last_section, catalog::FIRST_SECTION);
    assert!(!draft.school().is_empty());
    let (fitted, set_aside) = fit_draft(draft.clone());
    assert!(set_aside.is_empty(), "set aside: {set_aside:?}");
    assert_eq!(fitted, draft, "every answer already fits the catalog");
    let read = read_proposal(EXAMPLE).expect("the example reads as a proposal");
    assert!(read.set_aside.is_empty());
    assert_eq!(read.draft, draft);
}

#[test]
fn the_example_answers_every_prompt_and_is_ready_without_marking_anything() {
    let draft = example();
    for prompt in catalog::Catalog::base().prompts() {
        assert!(draft.is_answered(prompt.id), "{} is answered", prompt.id);
    }
    assert!(catalog::Catalog::base()
        .overall_progress(&draft)
        .is_complete());
    assert!(draft.addressed.is_empty(), "no sign is marked addressed");
    let readiness = Readiness::check(&draft);
    assert_eq!(readiness.flags, [], "no warning sign shows");
    assert!(readiness.addressed.is_empty());
    assert!(readiness.is_ready());
}

#[test]
fn the_examples_budget_adds_up_over_two_years_with_recurring_costs() {
    let draft = example();
    let (lines, totals) = resources::budget(&draft);
    assert!(
        (6..=10).contains(&lines.len()),
        "{} budget lines",
        lines.len()
    );
    assert!(totals.unreadable.is_empty(), "{:?}", totals.unreadable);
    assert!(totals.total > 0);
    assert!(totals.by_kind.get(&Recurs::Recurring).copied().unwrap_or(0) > 0);
    assert!(totals.by_kind.get(&Recurs::OneTime).copied().unwrap_or(0) > 0);
    assert!(totals.by_source.len() >= 2, "{:?}", totals.by_source);
    assert!(!totals.by_source.contains_key("Not named"));
    assert!(totals.by_year.len() >= 2, "{:?}", totals.by_year);
    assert!(!totals.by_year.contains_key("Not named"));
    let kinds: Vec<&str> = catalog::RECURS.iter().map(|o| o.id).collect();
    for line in &lines {
        assert!(kinds.contains(&line.kind.as_str()), "{line:?}");
    }
    let recurring = lines.iter().filter(|l| l.kind == "recurring").count();
    assert!(recurring >= 2, "{recurring} recurring lines");
}

#[test]
fn the_examples_phases_are_the_four_in_order_and_all_dated() {
    let draft = example();
    let phases = resources::phases(&draft);
    let names: Vec<&str> = phases.iter().map(|p| p.name.as_str()).collect();
    let expected: Vec<&str> = catalog::PHASES.iter().map(|o| o.label).collect();
    assert_eq!(names, expected);
    let is_date = |d: &str| {
        d.len() == 10
            && d.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    for phase in &phases {
        assert!(is_date(&phase.start) && is_date(&phase.end), "{phase:?}");
        assert!(phase.start < phase.end, "{phase:?}");
        assert!(!phase.what.is_empty(), "{phase:?}");
    }
    for pair in phases.windows(2) {
        assert!(pair[0].end < pair[1].start, "{pair:?}");
    }
}

#[test]
fn the_example_asks_the_district_for_help() {
    let draft = example();
    let requests = resources::requests(&draft);
    assert!(!requests.is_empty());
    let listed: Vec<_> = requests
        .iter()
        .filter(|r| r.origin == resources::Origin::Request)
        .collect();
    assert!((3..=5).contains(&listed.len()), "{} requests", listed.len());
    let kinds: Vec<&str> = catalog::REQUEST_KINDS.iter().map(|o| o.label).collect();
    for request in listed {
        assert!(kinds.contains(&request.kind.as_str()), "{request:?}");
    }
    for origin in [resources::Origin::Tension, resources::Origin::Department] {
        assert!(requests.iter().any(|r| r.origin == origin), "{origin:?}");
    }
}

#[test]
fn exporting_the_example_again_gives_back_the_same_file() {
    let draft = example();
    let header: serde_json::Value = serde_json::from_str(EXAMPLE).expect("the example is JSON");
    let exported_ms = header["exported_ms"].as_u64().expect("an export time");
    let options = ExportOptions::new(exported_ms, "2026-12-01");
    let json = export(&draft, Format::Json, &options);
    assert_eq!(import(&json).unwrap(), draft);
    if std::env::var_os("WRITE_EXAMPLE").is_some() {
        // After a deliberate change of the export (`WRITE_EXAMPLE=1 cargo test -p
        // crossroads-exchange --test example`), the file is written anew from its own draft.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/example-proposal.json"
        );
        std::fs::write(path, &json).unwrap();
        return;
    }
    assert_eq!(json, EXAMPLE.trim_end(), "the file is what export writes");
}
