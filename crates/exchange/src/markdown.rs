//! The proposal as Markdown, for people who paste it into other tools.
//!
//! Typed text is escaped so that it reads as the team wrote it: it can neither make headings,
//! links or emphasis, nor carry HTML into a renderer.

use crate::document::{lines, Block, Document};
use crate::{ExportOptions, Unanswered};
use crossroads_workbook::Draft;
use std::fmt::Write;

pub(crate) fn render(draft: &Draft, options: &ExportOptions) -> String {
    let doc = Document::new(draft, options.unanswered);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    if !doc.school.is_empty() {
        let _ = writeln!(out, "**{}**\n", escape(&doc.school));
    }
    out.push_str("*Personalized learning design proposal*\n\n## Summary\n\n");
    for (label, line) in &doc.summary.lines {
        let _ = writeln!(out, "- **{}:** {}", escape(label), escape(line));
    }
    let _ = writeln!(
        out,
        "\nExported {}. {} of {} prompts answered.\n",
        escape(&options.exported_on),
        doc.progress.answered,
        doc.progress.total
    );
    out.push_str("## The school and its design team\n\n");
    for item in &doc.profile {
        if item.prompt.id == crossroads_workbook::catalog::SCHOOL_PROMPT {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape(item.prompt.label));
        block(&mut out, &item.block);
    }
    if let Some(c) = &doc.competition {
        out.push_str("## The district\u{2019}s competition\n\n");
        let _ = writeln!(
            out,
            "- **Answers:** {}{}\n- **Brief:** {}, version {}",
            escape(&c.title),
            if c.district.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&c.district))
            },
            escape(&c.id),
            c.version
        );
        if !c.deadline.is_empty() {
            let _ = writeln!(out, "- **Due:** {}", escape(&c.deadline));
        }
        if let Some(r) = &c.request {
            let _ = writeln!(
                out,
                "- **Requested:** {} from {}",
                crossroads_workbook::budget::format_amount(r.requested),
                escape(&r.source)
            );
        }
        out.push('\n');
        if !c.expectations.is_empty() {
            out.push_str("### What the district expects for students\n\n");
            for e in &c.expectations {
                let _ = writeln!(out, "- {}", escape(e));
            }
            out.push('\n');
        }
        if let Some(signoff) = &c.signoff {
            out.push_str("### Sign-off\n\n");
            block(&mut out, signoff);
        }
        if !c.assurances.is_empty() {
            out.push_str("### Assurances\n\n");
            for (a, confirmed) in &c.assurances {
                let _ = writeln!(
                    out,
                    "- {} {}",
                    if *confirmed {
                        "Confirmed:"
                    } else {
                        "Not confirmed:"
                    },
                    escape(a)
                );
            }
            out.push('\n');
        }
    }
    for part in &doc.parts {
        let _ = writeln!(out, "## {}\n", escape(&part.heading));
        if let Some(words) = doc
            .competition
            .as_ref()
            .and_then(|c| c.words_of(&part.heading))
        {
            let _ = writeln!(out, "*{}*\n", escape(&words));
        }
        if options.guidance {
            let _ = writeln!(out, "*{}*\n", escape(part.why));
        }
        for item in &part.items {
            let _ = writeln!(out, "### {}\n", escape(item.prompt.label));
            block(&mut out, &item.block);
        }
    }
    let plan = &doc.plan;
    let _ = writeln!(out, "## {}\n", escape(plan.heading));
    if options.guidance {
        let _ = writeln!(out, "*{}*\n", escape(plan.why));
    }
    if plan.support != Block::Unanswered || options.unanswered == Unanswered::Mark {
        out.push_str("### What the school asks of the district\n\n");
        block(&mut out, &plan.support);
    }
    out.push_str("### Budget\n\n");
    if plan.lines.is_empty() {
        out.push_str("*No budget lines yet.*\n\n");
    } else {
        block(&mut out, &plan.budget_table());
        block(&mut out, &plan.totals_table());
    }
    out.push_str("### Timeline\n\n");
    if plan.phases.is_empty() {
        out.push_str("*No phases yet.*\n\n");
    } else {
        block(&mut out, &plan.timeline_table());
    }
    out.push_str("### Requests to the district\n\n");
    if plan.requests.is_empty() {
        out.push_str("*No requests yet.*\n\n");
    } else {
        block(&mut out, &plan.requests_table());
    }
    out.push_str("## Readiness summary\n\n");
    let _ = writeln!(
        out,
        "{}\n",
        escape(&crate::readiness_sentence(&doc.readiness))
    );
    for flag in &doc.readiness.flags {
        let why = if options.guidance {
            format!("{} ", escape(flag.why()))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- **{}.** {why}The check looked for {}.",
            escape(flag.title()),
            escape(flag.looked_for())
        );
    }
    if !doc.readiness.flags.is_empty() {
        out.push('\n');
    }
    if !doc.readiness.addressed.is_empty() {
        out.push_str("Signs the team marked as addressed:\n\n");
        for (flag, reason) in &doc.readiness.addressed {
            let _ = writeln!(
                out,
                "- **{}.** The team\u{2019}s reason: {}",
                escape(flag.title()),
                escape(reason)
            );
        }
        out.push('\n');
    }
    for s in &doc.readiness.sections {
        let _ = writeln!(
            out,
            "- {}: {} of {} answered",
            escape(&s.section.numbered_title()),
            s.progress.answered,
            s.progress.total
        );
    }
    out.push_str("\n## Appendix: the report\u{2019}s actions in this proposal\n\n");
    for area in &doc.coverage {
        let _ = writeln!(out, "### {}\n", escape(&area.heading));
        block(&mut out, &area.table());
    }
    out
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Unanswered => out.push_str("*Not answered*\n\n"),
        Block::Paragraphs(paragraphs) => {
            for lines in paragraphs {
                let escaped: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                // Two trailing spaces keep the team's line breaks inside a paragraph.
                out.push_str(&escaped.join("  \n"));
                out.push_str("\n\n");
            }
        }
        Block::Choice(choice) => {
            let _ = writeln!(out, "**{}**\n", escape(choice));
        }
        Block::Checklist(groups) => {
            for (group, items) in groups {
                for item in items {
                    let _ = writeln!(out, "- [x] {}: {}", escape(group), escape(item));
                }
            }
            out.push('\n');
        }
        Block::Table { headers, rows } => {
            let cell = |s: &str| lines(s).map(escape).collect::<Vec<_>>().join("<br>");
            let _ = writeln!(
                out,
                "| {} |",
                headers
                    .iter()
                    .map(|h| cell(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
            let _ = writeln!(out, "|{}", " --- |".repeat(headers.len()));
            for row in rows {
                let _ = writeln!(
                    out,
                    "| {} |",
                    row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                );
            }
            out.push('\n');
        }
    }
}

/// Escapes one line of text so Markdown shows it literally: HTML-special characters become
/// entities, Markdown's punctuation is backslash-escaped (`=` and `-` too, which under a line
/// would make it a heading), and spaces that start the line are entities, so indentation can
/// never make a code block.
fn escape(s: &str) -> String {
    // Text meant for one line (a title, a heading) is kept on one line.
    if s.contains(['\n', '\r']) {
        return lines(s).map(escape).collect::<Vec<_>>().join(" ");
    }
    let mut out = String::with_capacity(s.len() + 8);
    let rest = s.trim_start_matches([' ', '\t']);
    for c in s[..s.len() - rest.len()].chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
    // A line of nothing but `=` under text would make that text a heading.
    let underline = rest.trim_end().chars().all(|c| c == '=');
    for c in rest.chars() {
        match c {
            '=' if underline => out.push_str("\\="),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_workbook::Answer;

    #[test]
    fn markdown_shows_typed_text_literally() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;"
        );
    }

    #[test]
    fn lines_under_text_and_carriage_returns_never_become_structure() {
        assert_eq!(escape("==="), "\\=\\=\\=");
        assert_eq!(escape("    code?"), "&#32;&#32;&#32;&#32;code?");
        let mut draft = Draft::new("d", "T", 0);
        draft.set_answer(
            "problems.meaning",
            Answer::Text("Heading?\n===\nNot\n---".into()),
        );
        draft.set_answer(
            "learning.milestones",
            Answer::Rows(vec![
                [("milestone".to_string(), "one\rtwo".to_string())].into()
            ]),
        );
        let md = render(&draft, &ExportOptions::new(0, "2026-11-23"));
        assert!(
            md.contains("Heading?  \n\\=\\=\\=  \nNot  \n\\-\\-\\-"),
            "{md}"
        );
        assert!(md.contains("| one<br>two |"), "{md}");
        assert!(!md.contains('\r'));
    }

    #[test]
    fn markdown_opens_with_the_summary_and_carries_the_budget_and_timeline() {
        let row = |cells: &[(&str, &str)]| -> crossroads_workbook::Row {
            cells
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let mut draft = Draft::new("d", "Studios", 0);
        draft.set_answer(
            "resources.budget",
            Answer::Rows(vec![row(&[
                ("item", "Coach"),
                ("source", "Title II"),
                ("amount", "45000"),
                ("kind", "recurring"),
                ("year", "2027-28"),
            ])]),
        );
        draft.set_answer(
            "resources.phases",
            Answer::Rows(vec![row(&[("phase", "design"), ("start", "2027-01-10")])]),
        );
        let md = render(&draft, &ExportOptions::new(0, "2026-12-02"));
        let summary = md.find("## Summary").unwrap();
        assert!(summary < md.find("## The school and its design team").unwrap());
        assert!(md.contains("- **What it costs:** $45,000 in all"), "{md}");
        assert!(
            md.contains("| Coach | Title II | 2027\\-28 | Recurring, every year | $45,000 |"),
            "{md}"
        );
        assert!(md.contains("| Total | $45,000 |"));
        assert!(md.contains("| Design | 2027\\-01\\-10 |  |  |"), "{md}");
        assert!(md.contains("## Appendix: the report\u{2019}s actions in this proposal"));
        let why = crossroads_workbook::Catalog::base()
            .section("problems")
            .unwrap()
            .why;
        assert!(!md.contains(&escape(why)), "guidance only when asked");
    }

    #[test]
    fn markdown_has_every_area_and_answer() {
        let mut draft = Draft::new("d", "Studios", 0);
        draft.set_answer(
            "problems.meaning",
            Answer::Text("Line one\nline two".into()),
        );
        draft.set_answer(
            "learning.milestones",
            Answer::Rows(vec![[(
                "milestone".to_string(),
                "Pilot | test".to_string(),
            )]
            .into()]),
        );
        let md = render(&draft, &ExportOptions::new(0, "2026-11-23"));
        assert!(md.starts_with("# Studios\n"));
        for heading in [
            "## 1\\. Get clear",
            "## 2\\. Create flexibility",
            "## 3\\. Support adult",
            "## 4\\. Design a new",
        ] {
            assert!(md.contains(heading), "{heading}");
        }
        assert!(md.contains("Line one  \nline two"));
        assert!(md.contains("| Pilot \\| test |  |  |"));
        assert!(md.contains("*Not answered*"));
    }
}
