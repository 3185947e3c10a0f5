//! The proposal document: one HTML file that needs no network and no script to read or print,
//! and carries the proposal's data for import.
//!
//! Everything the team typed is escaped as text. A Content-Security-Policy in the document
//! forbids every script and every request, so even a file edited by hand runs nothing.

use crate::document::{Block, Document, Item};
use crate::file;
use crate::{ExportOptions, Unanswered};
use crossroads_workbook::budget::format_amount;
use crossroads_workbook::Draft;
use html_escape::{encode_double_quoted_attribute as attr, encode_safe, encode_text as text};
use std::fmt::Write;

/// The id of the `<script type="application/json">` element that carries the data.
pub(crate) const DATA_ELEMENT_ID: &str = "crossroads-proposal";

const STYLE: &str = include_str!("proposal.css");

/// The proposal document.
pub(crate) fn render(draft: &Draft, options: &ExportOptions) -> String {
    let doc = Document::new(draft, options.unanswered);
    let mut out = String::with_capacity(16 * 1024 + draft.answers.len() * 256);
    let heading = if doc.school.is_empty() {
        doc.title.clone()
    } else {
        format!("{} \u{2013} {}", doc.title, doc.school)
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n",
    );
    out.push_str("<meta name=\"generator\" content=\"Crossroads\">\n");
    let _ = writeln!(
        out,
        "<title>{} \u{2013} design proposal</title>",
        encode_safe(&heading)
    );
    out.push_str("<style>\n");
    out.push_str(STYLE);
    // The running header of printed pages names the proposal.
    let _ = writeln!(
        out,
        "@page {{ @top-center {{ content: \"{}\"; }} }}",
        css_string(&heading)
    );
    out.push_str("</style>\n");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">{}</script>",
        script_safe_json(&file::to_json(draft, options.exported_ms))
    );
    out.push_str("</head>\n<body>\n");
    cover(&mut out, &doc, options);
    out.push_str("<main>\n");
    team(&mut out, &doc);
    competition(&mut out, &doc);
    contents(&mut out, &doc);
    for part in &doc.parts {
        let _ = writeln!(
            out,
            "<section class=\"area\" id=\"{}\" aria-labelledby=\"{0}-heading\">\n<h2 id=\"{0}-heading\">{}</h2>",
            attr(part.anchor),
            text(&part.heading),
        );
        if let Some(words) = doc
            .competition
            .as_ref()
            .and_then(|c| c.words_of(&part.heading))
        {
            let _ = writeln!(out, "<p class=\"words\">{}</p>", text(&words));
        }
        if options.guidance {
            let _ = writeln!(out, "<p class=\"why\">{}</p>", text(part.why));
        }
        if part.items.is_empty() {
            out.push_str("<p class=\"unanswered\">No answers in this area yet.</p>\n");
        }
        for item in &part.items {
            answer(&mut out, item);
        }
        out.push_str("</section>\n");
    }
    plan(&mut out, &doc, options);
    readiness(&mut out, &doc, options);
    coverage(&mut out, &doc);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>Exported from Crossroads on {}. The answers are the design team\u{2019}s own words.</p></footer>",
        text(&options.exported_on)
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn cover(out: &mut String, doc: &Document, options: &ExportOptions) {
    out.push_str(
        "<header class=\"cover\">\n<p class=\"kicker\">Personalized learning design proposal</p>\n",
    );
    let _ = writeln!(out, "<h1>{}</h1>", text(&doc.title));
    if !doc.school.is_empty() {
        let _ = writeln!(out, "<p class=\"school\">{}</p>", text(&doc.school));
    }
    out.push_str("<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Summary</h2>\n<dl class=\"facts\">\n");
    for (label, line) in &doc.summary.lines {
        let _ = writeln!(
            out,
            "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
            text(label),
            text(line)
        );
    }
    let _ = writeln!(
        out,
        "</dl>\n<p class=\"exported\">Exported {} \u{b7} {} of {} prompts answered</p>\n</section>\n</header>",
        text(&options.exported_on),
        doc.progress.answered,
        doc.progress.total
    );
}

/// The team profile: who proposes, and who leads.
fn team(out: &mut String, doc: &Document) {
    out.push_str("<section class=\"area team\" id=\"team\" aria-labelledby=\"team-heading\">\n<h2 id=\"team-heading\">The school and its design team</h2>\n<dl class=\"facts\">\n");
    for item in doc
        .profile
        .iter()
        .filter(|i| i.prompt.id != crossroads_workbook::catalog::SCHOOL_PROMPT)
    {
        let _ = write!(
            out,
            "<div class=\"fact\"><dt>{}</dt><dd>",
            text(cover_label(item))
        );
        block(out, &item.block);
        out.push_str("</dd></div>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

/// The district's competition: which brief this answers, the cover page's sign-off, the
/// assurances and the word limits.
fn competition(out: &mut String, doc: &Document) {
    let Some(c) = &doc.competition else {
        return;
    };
    out.push_str("<section class=\"area competition\" id=\"competition\" aria-labelledby=\"competition-heading\">\n<h2 id=\"competition-heading\">The district\u{2019}s competition</h2>\n<dl class=\"facts\">\n");
    let fact = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(
            out,
            "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
            text(label),
            text(value)
        );
    };
    let named = match c.district.as_str() {
        "" => c.title.clone(),
        d => format!("{} ({d})", c.title),
    };
    fact(out, "Answers", &named);
    fact(out, "Brief", &format!("{}, version {}", c.id, c.version));
    if !c.deadline.is_empty() {
        fact(out, "Due", &c.deadline);
    }
    if let Some(r) = &c.request {
        let mut asked = format!("{} from {}", format_amount(r.requested), r.source);
        if let Some(max) = r.per_school {
            asked.push_str(&format!(" (up to {} per school)", format_amount(max)));
        }
        fact(out, "Requested", &asked);
    }
    out.push_str("</dl>\n");
    if !c.expectations.is_empty() {
        out.push_str("<h3>What the district expects for students</h3>\n<ul>\n");
        for e in &c.expectations {
            let _ = writeln!(out, "<li>{}</li>", text(e));
        }
        out.push_str("</ul>\n");
    }
    if let Some(signoff) = &c.signoff {
        out.push_str("<h3>Sign-off</h3>\n");
        block(out, signoff);
        if !c.unsigned.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"note\">Not signed yet: {}.</p>",
                text(&c.unsigned.join("; "))
            );
        }
    }
    if !c.assurances.is_empty() {
        out.push_str("<h3>Assurances</h3>\n<ul class=\"assurances\">\n");
        for (assurance, confirmed) in &c.assurances {
            let _ = writeln!(
                out,
                "<li>{} {}</li>",
                if *confirmed {
                    "Confirmed:"
                } else {
                    "Not confirmed:"
                },
                text(assurance)
            );
        }
        out.push_str("</ul>\n");
    }
    if !c.limits.is_empty() {
        out.push_str("<h3>Word limits</h3>\n<ul>\n");
        for (heading, words, limit) in &c.limits {
            let over = if *words > *limit as usize {
                ": over the limit"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<li>{}: {words} of {limit} words{over}</li>",
                text(heading)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Resources and requests: the team's paragraph, the budget with its totals, the timeline and
/// every ask.
fn plan(out: &mut String, doc: &Document, options: &ExportOptions) {
    let plan = &doc.plan;
    let _ = writeln!(
        out,
        "<section class=\"area plan\" id=\"{}\" aria-labelledby=\"{0}-heading\">\n<h2 id=\"{0}-heading\">{}</h2>",
        attr(plan.anchor),
        text(plan.heading)
    );
    if options.guidance {
        let _ = writeln!(out, "<p class=\"why\">{}</p>", text(plan.why));
    }
    let unanswered = |out: &mut String, what: &str| {
        let _ = write!(out, "<p class=\"unanswered\">{}</p>", text(what));
    };
    if plan.support != Block::Unanswered || options.unanswered == Unanswered::Mark {
        out.push_str("<section class=\"answer\" data-prompt=\"pathway.support\">\n<h3>What the school asks of the district</h3>\n");
        block(out, &plan.support);
        out.push_str("</section>\n");
    }
    out.push_str(
        "<section class=\"answer budget\" data-prompt=\"resources.budget\">\n<h3>Budget</h3>\n",
    );
    if plan.lines.is_empty() {
        unanswered(out, "No budget lines yet.");
    } else {
        block(out, &plan.budget_table());
        block(out, &plan.totals_table());
        if !plan.totals.unreadable.is_empty() {
            let _ = write!(
                out,
                "<p class=\"note\">{} budget line(s) have an amount that is not a number; they are not counted in the totals.</p>",
                plan.totals.unreadable.len()
            );
        }
    }
    out.push_str("</section>\n<section class=\"answer\" data-prompt=\"resources.phases\">\n<h3>Timeline</h3>\n");
    if plan.phases.is_empty() {
        unanswered(out, "No phases yet.");
    } else {
        block(out, &plan.timeline_table());
    }
    out.push_str("</section>\n<section class=\"answer\" data-prompt=\"resources.requests\">\n<h3>Requests to the district</h3>\n");
    if plan.requests.is_empty() {
        unanswered(out, "No requests yet.");
    } else {
        block(out, &plan.requests_table());
    }
    out.push_str("</section>\n</section>\n");
}

/// The appendix: the report's actions, area by area, and where the proposal takes each up.
fn coverage(out: &mut String, doc: &Document) {
    out.push_str("<section class=\"area coverage\" id=\"coverage\" aria-labelledby=\"coverage-heading\">\n<h2 id=\"coverage-heading\">Appendix: the report\u{2019}s actions in this proposal</h2>\n<p>Each action the CRPE report names, and the questions of this proposal that take it up.</p>\n");
    for area in &doc.coverage {
        let _ = writeln!(out, "<h3>{}</h3>", text(&area.heading));
        block(out, &area.table());
    }
    out.push_str("</section>\n");
}

/// Shorter labels for the cover, where the question form reads oddly.
fn cover_label(item: &Item) -> &'static str {
    match item.prompt.id {
        "profile.competition" => "Competition",
        "profile.students" => "Students served",
        "profile.team" => "Design team",
        "profile.lead" => "Design lead",
        _ => item.prompt.label,
    }
}

fn contents(out: &mut String, doc: &Document) {
    out.push_str("<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n");
    out.push_str("<li><a href=\"#summary\">Summary</a></li>\n<li><a href=\"#team\">The school and its design team</a></li>\n");
    for part in &doc.parts {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            attr(part.anchor),
            text(&part.heading)
        );
    }
    let _ = writeln!(
        out,
        "<li><a href=\"#{}\">{}</a></li>",
        attr(doc.plan.anchor),
        text(doc.plan.heading)
    );
    out.push_str("<li><a href=\"#readiness\">Readiness summary</a></li>\n<li><a href=\"#coverage\">Appendix: the report\u{2019}s actions</a></li>\n</ol>\n</nav>\n");
}

fn answer(out: &mut String, item: &Item) {
    let _ = writeln!(
        out,
        "<section class=\"answer\" data-prompt=\"{}\">\n<h3>{}</h3>",
        attr(item.prompt.id),
        text(item.prompt.label)
    );
    block(out, &item.block);
    out.push_str("</section>\n");
}

/// Writes lines of typed text as escaped text separated by `<br>`.
fn push_lines<'a>(out: &mut String, lines: impl Iterator<Item = &'a str>) {
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        out.push_str(&text(line));
    }
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Unanswered => out.push_str("<p class=\"unanswered\">Not answered</p>"),
        Block::Paragraphs(paragraphs) => {
            for lines in paragraphs {
                out.push_str("<p>");
                push_lines(out, lines.iter().map(String::as_str));
                out.push_str("</p>");
            }
        }
        Block::Choice(choice) => {
            let _ = write!(out, "<p class=\"choice\">{}</p>", text(choice));
        }
        Block::Checklist(groups) => {
            out.push_str("<ul class=\"checklist\">");
            for (group, items) in groups {
                for item in items {
                    let _ = write!(
                        out,
                        "<li><span class=\"group\">{}:</span> {}</li>",
                        text(group),
                        text(item)
                    );
                }
            }
            out.push_str("</ul>");
        }
        Block::Table { headers, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for header in headers {
                let _ = write!(out, "<th scope=\"col\">{}</th>", text(header));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                // Each cell names its column, so a narrow screen can show a row as a block.
                for (cell, header) in row.iter().zip(headers) {
                    let _ = write!(out, "<td data-label=\"{}\">", text(header));
                    push_lines(out, cell.lines());
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>");
        }
    }
}

fn readiness(out: &mut String, doc: &Document, options: &ExportOptions) {
    out.push_str("<section class=\"area readiness\" id=\"readiness\" aria-labelledby=\"readiness-heading\">\n<h2 id=\"readiness-heading\">Readiness summary</h2>\n");
    let _ = writeln!(
        out,
        "<p>{} of {} prompts answered. {}</p>",
        doc.progress.answered,
        doc.progress.total,
        crate::readiness_sentence(&doc.readiness)
    );
    if !doc.readiness.flags.is_empty() {
        out.push_str("<h3>Warning signs still open</h3>\n<ul class=\"flags\">\n");
        for flag in &doc.readiness.flags {
            let why = if options.guidance {
                format!("{} ", text(flag.why()))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<li><strong>{}.</strong> {why}<span class=\"looked-for\">The check looked for {}.</span></li>",
                text(flag.title()),
                text(flag.looked_for())
            );
        }
        out.push_str("</ul>\n");
    }
    if !doc.readiness.addressed.is_empty() {
        out.push_str("<h3>Signs the team marked as addressed</h3>\n<p>The check still finds these signs in the answers; the team says why they do not apply.</p>\n<ul class=\"flags addressed\">\n");
        for (flag, reason) in &doc.readiness.addressed {
            let _ = write!(
                out,
                "<li><strong>{}.</strong> <span class=\"reason\">The team\u{2019}s reason: ",
                text(flag.title())
            );
            push_lines(out, crate::document::lines(reason));
            let _ = writeln!(
                out,
                "</span> <span class=\"looked-for\">The check looked for {}.</span></li>",
                text(flag.looked_for())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<table class=\"progress\">\n<thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Answered</th></tr></thead>\n<tbody>\n");
    for s in &doc.readiness.sections {
        let _ = writeln!(
            out,
            "<tr><td data-label=\"Section\">{}</td><td data-label=\"Answered\">{} of {}</td></tr>",
            text(&s.section.numbered_title()),
            s.progress.answered,
            s.progress.total
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` (which only occur inside
/// strings) become `\u` escapes, so no text can close the element or open a comment.
pub(crate) fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A CSS string's contents: quotes, backslashes, line breaks and `<` escaped, so the text can
/// neither end the string nor the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", c as u32);
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

    const HOSTILE: [&str; 3] = [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
    ];

    #[test]
    fn typed_text_never_becomes_markup() {
        let mut draft = Draft::new("d", HOSTILE[0], 0);
        draft.set_answer("profile.school", Answer::Text(HOSTILE[1].into()));
        draft.set_answer("problems.meaning", Answer::Text(HOSTILE.join("\n")));
        draft.set_answer(
            "problems.goals",
            Answer::Rows(vec![[("goal".to_string(), HOSTILE[1].to_string())].into()]),
        );
        let html = render(&draft, &ExportOptions::new(0, "2026-11-23"));
        assert_eq!(html.matches("<script").count(), 1, "only the data element");
        assert!(!html.contains("<img"));
        assert!(!html.contains("</script><script>"));
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("href=\"javascript:"));
        assert!(html.contains("default-src 'none'"));
    }

    fn planned() -> Draft {
        let row = |cells: &[(&str, &str)]| -> crossroads_workbook::Row {
            cells
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let mut d = Draft::new("p", "Studios", 0);
        d.set_answer(
            "problems.identified",
            Answer::Rows(vec![row(&[(
                "problem",
                "Seventh graders arrive two years behind in math",
            )])]),
        );
        d.set_answer(
            "resources.budget",
            Answer::Rows(vec![
                row(&[
                    ("item", "Math coach"),
                    ("source", "Title II"),
                    ("amount", "$45,000"),
                    ("kind", "recurring"),
                    ("year", "2027-28"),
                ]),
                row(&[
                    ("item", "Tables"),
                    ("source", "Foundation"),
                    ("amount", "8000"),
                    ("kind", "one_time"),
                    ("year", "2027-28"),
                ]),
            ]),
        );
        d.set_answer(
            "resources.phases",
            Answer::Rows(vec![row(&[
                ("phase", "pilot"),
                ("start", "2027-08-20"),
                ("end", "2028-06-10"),
            ])]),
        );
        d.set_answer(
            "flexibility.tensions",
            Answer::Rows(vec![row(&[
                ("rule", "Seat time"),
                ("owner", "State"),
                ("ask", "Credit by mastery"),
            ])]),
        );
        crossroads_workbook::Flag::NoCollaborationTime
            .mark_addressed(&mut d, "We share a daily common period already.");
        d.set_answer("learning.collaboration", Answer::Text("none".into()));
        d
    }

    #[test]
    fn the_document_opens_with_its_summary_then_the_plan_readiness_and_coverage() {
        let html = render(&planned(), &ExportOptions::new(0, "2026-12-02"));
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing"))
        };
        assert!(at("id=\"summary-heading\">Summary") < at("id=\"team-heading\""));
        assert!(
            at("<dt>The problem</dt><dd>Seventh graders arrive two years behind")
                < at("id=\"team-heading\"")
        );
        assert!(at("<dt>What it costs</dt><dd>$53,000 in all: $8,000 one-time and $45,000 recurring every year") < at("id=\"team-heading\""));
        assert!(at("id=\"problems-heading\"") < at("id=\"resources-heading\""));
        assert!(at("id=\"resources-heading\"") < at("id=\"readiness-heading\""));
        assert!(at("id=\"readiness-heading\"") < at("id=\"coverage-heading\""));
        assert!(html.contains("<td data-label=\"Amount\">$45,000</td>"));
        assert!(html.contains(
            "<td data-label=\"Budget totals\">Total</td><td data-label=\"Amount\">$53,000</td>"
        ));
        assert!(html.contains(
            "<td data-label=\"Phase\">Pilot</td><td data-label=\"Starts\">2027-08-20</td>"
        ));
        assert!(html.contains("Credit by mastery (about: Seat time)"));
        assert!(html.contains("The team\u{2019}s reason: We share a daily common period already."));
        assert!(html.contains("1 more is marked as addressed by the team"));
        assert!(html.contains("<td data-label=\"The report\u{2019}s action\">"));
    }

    #[test]
    fn the_apps_guidance_is_left_out_unless_the_team_asks_for_it() {
        let draft = planned();
        let why = crossroads_workbook::Catalog::base()
            .section("problems")
            .unwrap()
            .why;
        let sign = crossroads_workbook::Flag::NoLead.why();
        let plain = render(&draft, &ExportOptions::new(0, "2026-12-02"));
        assert!(!plain.contains(&*text(why)) && !plain.contains(&*text(sign)));
        let guided = render(
            &draft,
            &ExportOptions {
                guidance: true,
                ..ExportOptions::new(0, "2026-12-02")
            },
        );
        assert!(guided.contains(&*text(why)) && guided.contains(&*text(sign)));
    }

    #[test]
    fn json_in_script_cannot_close_the_element() {
        let safe = script_safe_json(r#"{"a":"</script><!--&"}"#);
        assert_eq!(safe, r#"{"a":"\u003c/script\u003e\u003c!--\u0026"}"#);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["a"], "</script><!--&");
    }

    #[test]
    fn css_strings_cannot_escape() {
        assert_eq!(css_string("a\"b\\c</style>"), "a\\\"b\\\\c\\3c /style\\3e ");
        assert_eq!(css_string("line\nbreak"), "line\\a break");
    }
}
