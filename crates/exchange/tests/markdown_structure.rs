//! Typed text never becomes structure in the Markdown export: read by a CommonMark parser, a
//! proposal has the same headings, lists, tables and blocks whatever the team typed.

use crossroads_exchange::{export, ExportOptions, Format};
use crossroads_workbook::{Answer, Draft};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// The structure of a Markdown text: every block and inline element that is not plain text.
fn structure(md: &str) -> Vec<String> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS,
    )
    .filter_map(|event| match event {
        // Paragraphs and line breaks follow the team's own blank lines and line breaks.
        Event::Start(Tag::Paragraph) | Event::End(_) => None,
        Event::Text(_) | Event::SoftBreak | Event::HardBreak => None,
        // The export's own line break inside a table cell.
        Event::InlineHtml(html) if &*html == "<br>" => None,
        Event::Start(tag) => Some(format!("{tag:?}")),
        other => Some(format!("{other:?}")),
    })
    .collect()
}

fn markdown(meaning: &str, cell: &str, title: &str) -> String {
    let mut draft = Draft::new("d", title, 0);
    draft.set_answer("problems.meaning", Answer::Text(meaning.to_string()));
    draft.set_answer(
        "learning.milestones",
        Answer::Rows(vec![[("milestone".to_string(), cell.to_string())].into()]),
    );
    let md = export(
        &draft,
        Format::Markdown,
        &ExportOptions::new(0, "2026-12-01"),
    );
    // The readiness summary holds none of the typed text, only which warning signs the answers
    // leave (and those follow what the text says): it is left out of the comparison.
    let summary = md
        .find("## Readiness summary")
        .expect("every export has its summary");
    md[..summary].to_string()
}

/// Text with the characters Markdown gives meaning to, line endings of every kind included.
fn marked_up() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        Just("\t".to_string()),
        Just("===".to_string()),
        Just("---".to_string()),
        Just("***".to_string()),
        Just("# ".to_string()),
        Just("1. ".to_string()),
        Just("2) ".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        Just("```".to_string()),
        Just("~~~".to_string()),
        Just("| a | b |".to_string()),
        Just("[x]: http://e".to_string()),
        Just("<div>".to_string()),
        Just("<!--".to_string()),
        Just("&amp;".to_string()),
        Just("\\".to_string()),
        Just("  ".to_string()),
        "[a-zA-Z0-9 ]{1,12}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn typed_text_never_changes_the_structure(meaning in marked_up(), cell in marked_up(), title in marked_up()) {
        let expected = structure(&markdown("plain words", "plain words", "Plain title"));
        // Words around the typed text keep every answer answered, as in the baseline.
        let wrap = |s: &str| format!("w{s}z");
        let md = markdown(&wrap(&meaning), &wrap(&cell), &wrap(&title));
        prop_assert_eq!(structure(&md), expected, "{}", md);
    }
}
