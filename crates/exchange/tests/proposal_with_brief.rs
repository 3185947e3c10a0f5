//! A proposal that answers a district's brief carries it: its prompts, cover page, assurances
//! and limits show in every format, and the file records the brief's id and version.

use crossroads_exchange::{export, import, ExportOptions, Format};
use crossroads_workbook::brief::{Assurance, Award, ExtraKind, ExtraPrompt, WordLimit};
use crossroads_workbook::{Answer, Brief, Draft, Row};

fn brief() -> Brief {
    let mut b = Brief::new("riverton-2027", "Riverton Learning Challenge");
    b.version = 3;
    b.district = "Riverton Unified".into();
    b.deadline = "2027-03-01".into();
    b.expectations = "Every student reads by grade 3\nEvery graduate has a plan".into();
    b.award = Award {
        per_school_cents: Some(5_000_000),
        awards: Some(3),
        fund_cents: Some(12_000_000),
    };
    b.prompts = vec![ExtraPrompt {
        id: "q1".into(),
        section: "problems".into(),
        label: "Which Riverton priority does this serve?".into(),
        help: String::new(),
        kind: ExtraKind::LongText,
    }];
    b.signoff = vec!["Principal".into(), "District contact".into()];
    b.assurances = vec![
        Assurance {
            id: "eval".into(),
            text: "We join the district's evaluation".into(),
        },
        Assurance {
            id: "share".into(),
            text: "We share our materials".into(),
        },
    ];
    b.limits = vec![WordLimit {
        section: "problems".into(),
        words: 5,
    }];
    b
}

fn row(cells: &[(&str, &str)]) -> Row {
    cells
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn draft() -> Draft {
    let mut d = Draft::new("p1", "Reading studios", 1_790_000_000_000);
    d.attach_brief(brief());
    d.set_answer("profile.school", Answer::Text("Oak Park Elementary".into()));
    d.set_answer(
        "brief.q1",
        Answer::Text("Early literacy, the first of the five priorities.".into()),
    );
    d.set_answer(
        "brief.signoff",
        Answer::Rows(vec![row(&[
            ("role", "Principal"),
            ("name", "Dana Ortiz"),
            ("date", "2027-02-20"),
        ])]),
    );
    d.set_checked("brief.assurances", "eval", true);
    d.set_answer(
        "resources.budget",
        Answer::Rows(vec![row(&[
            ("item", "Reading coach"),
            ("source", "Riverton Learning Challenge"),
            ("amount", "$42,000"),
            ("kind", "recurring"),
            ("year", "2027-28"),
        ])]),
    );
    d
}

#[test]
fn the_document_shows_the_competition_cover_page_assurances_and_limits() {
    let html = export(&draft(), Format::Html, &ExportOptions::new(1, "2027-02-21"));
    for expected in [
        "The district\u{2019}s competition",
        "Riverton Learning Challenge (Riverton Unified)",
        "riverton-2027, version 3",
        "2027-03-01",
        "Every student reads by grade 3",
        "Dana Ortiz",
        "Not signed yet: District contact.",
        "Confirmed: We join the district's evaluation",
        "Not confirmed: We share our materials",
        "over the limit",
        "Which Riverton priority does this serve?",
        "Early literacy, the first of the five priorities.",
        "$42,000 from Riverton Learning Challenge (up to $50,000 per school)",
    ] {
        assert!(html.contains(expected), "the document shows {expected:?}");
    }
    let md = export(
        &draft(),
        Format::Markdown,
        &ExportOptions::new(1, "2027-02-21"),
    );
    for expected in [
        "## The district\u{2019}s competition",
        "Dana Ortiz",
        "Not confirmed:",
        "of 5 words \\(over the limit\\)",
    ] {
        assert!(md.contains(expected), "the Markdown shows {expected:?}");
    }
}

#[test]
fn the_files_record_the_brief_and_import_it_with_every_answer() {
    for format in [Format::Html, Format::Json] {
        let text = export(&draft(), format, &ExportOptions::new(1, "2027-02-21"));
        assert!(
            text.contains("\"id\":\"riverton-2027\",\"version\":3"),
            "{format:?} records the brief"
        );
        let back = import(&text).unwrap();
        assert_eq!(back, draft(), "{format:?} imports whole");
    }
}
