//! The "Resources and requests" section read as a plan: the budget's lines, the phases in
//! order, and one list of everything the team asks of the district, gathered from wherever the
//! team wrote an ask (beside a rule, beside a department, or in the list of requests).

use crate::budget::{self, Line, Totals};
use crate::catalog::{self, ChoiceItem};
use crate::{Answer, Draft, Row};

/// The prompt that holds the budget's lines.
pub const BUDGET_PROMPT: &str = "resources.budget";
/// The prompt that holds the phases and their dates.
pub const PHASES_PROMPT: &str = "resources.phases";
/// The prompt that holds the requests not written elsewhere.
pub const REQUESTS_PROMPT: &str = "resources.requests";
/// The prompt where the team sums up its asks in a few sentences.
pub const SUPPORT_PROMPT: &str = "pathway.support";
/// The prompt whose rows name rules in the way, each with an ask.
pub const TENSIONS_PROMPT: &str = "flexibility.tensions";
/// The prompt whose rows name central office departments, each with a need.
pub const DEPARTMENTS_PROMPT: &str = "flexibility.departments";

fn rows<'a>(draft: &'a Draft, prompt: &str) -> impl Iterator<Item = &'a Row> {
    let rows: &[Row] = match draft.answer(prompt) {
        Some(Answer::Rows(rows)) => rows,
        _ => &[],
    };
    rows.iter().filter(|r| crate::row_has_text(r))
}

fn cell(row: &Row, column: &str) -> String {
    row.get(column)
        .map_or_else(String::new, |v| v.trim().to_string())
}

fn label(options: &[ChoiceItem], id: &str) -> String {
    options
        .iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_string(), |o| o.label.to_string())
}

/// The budget's lines with any text, in the team's order.
pub fn budget_lines(draft: &Draft) -> Vec<Line> {
    rows(draft, BUDGET_PROMPT)
        .map(|r| Line {
            item: cell(r, "item"),
            source: cell(r, "source"),
            amount: cell(r, "amount"),
            kind: cell(r, "kind"),
            year: cell(r, "year"),
        })
        .collect()
}

/// The budget's lines and their totals.
pub fn budget(draft: &Draft) -> (Vec<Line>, Totals) {
    let lines = budget_lines(draft);
    let totals = budget::totals(&lines);
    (lines, totals)
}

/// The words for a budget line's "one-time or recurring" cell.
pub fn recurs_label(kind: &str) -> String {
    match kind {
        "" => String::new(),
        kind => label(catalog::RECURS, kind),
    }
}

/// One phase of the work, as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    /// The phase's name ("Pilot"), or "" when none was chosen.
    pub name: String,
    /// Its first day, as typed (YYYY-MM-DD from the date field).
    pub start: String,
    /// Its last day.
    pub end: String,
    /// What happens in it.
    pub what: String,
}

/// The phases with any text, ordered by start date; undated phases keep their place at the end.
pub fn phases(draft: &Draft) -> Vec<Phase> {
    let mut phases: Vec<Phase> = rows(draft, PHASES_PROMPT)
        .map(|r| Phase {
            name: match cell(r, "phase").as_str() {
                "" => String::new(),
                id => label(catalog::PHASES, id),
            },
            start: cell(r, "start"),
            end: cell(r, "end"),
            what: cell(r, "what"),
        })
        .collect();
    // A stable sort: phases without a start date keep the team's order, after the dated ones.
    phases.sort_by(|a, b| match (a.start.is_empty(), b.start.is_empty()) {
        (false, false) => a.start.cmp(&b.start),
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        (true, true) => std::cmp::Ordering::Equal,
    });
    phases
}

/// Where in the workbook a request was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Beside a rule, policy or habit in the way.
    Tension,
    /// Beside a central office department.
    Department,
    /// In the list of requests.
    Request,
}

impl Origin {
    /// The prompt the request was written under.
    pub fn prompt_id(self) -> &'static str {
        match self {
            Origin::Tension => TENSIONS_PROMPT,
            Origin::Department => DEPARTMENTS_PROMPT,
            Origin::Request => REQUESTS_PROMPT,
        }
    }
}

/// One thing the team asks of the district.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// What is asked.
    pub ask: String,
    /// The kind of help ("Coaching"), when the team said.
    pub kind: String,
    /// Who is asked: the rule's owner, the department, or the person named.
    pub from: String,
    /// What the ask is about: the rule in the way, when it came from one.
    pub about: String,
    /// Where it was written.
    pub origin: Origin,
}

/// Every ask, in the workbook's order: beside rules, beside departments, then the list.
/// Rows that name no ask are left out.
pub fn requests(draft: &Draft) -> Vec<Request> {
    let tensions = rows(draft, TENSIONS_PROMPT).map(|r| Request {
        ask: cell(r, "ask"),
        kind: "A waiver from a rule".to_string(),
        from: cell(r, "owner"),
        about: cell(r, "rule"),
        origin: Origin::Tension,
    });
    let departments = rows(draft, DEPARTMENTS_PROMPT).map(|r| {
        let department = cell(r, "department");
        let contact = cell(r, "contact");
        Request {
            ask: cell(r, "need"),
            kind: String::new(),
            from: match (department.is_empty(), contact.is_empty()) {
                (false, false) => format!("{department} ({contact})"),
                (false, true) => department,
                _ => contact,
            },
            about: String::new(),
            origin: Origin::Department,
        }
    });
    let listed = rows(draft, REQUESTS_PROMPT).map(|r| Request {
        ask: cell(r, "ask"),
        kind: match cell(r, "kind").as_str() {
            "" => String::new(),
            id => label(catalog::REQUEST_KINDS, id),
        },
        from: cell(r, "from"),
        about: String::new(),
        origin: Origin::Request,
    });
    tensions
        .chain(departments)
        .chain(listed)
        .filter(|r| !r.ask.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> Row {
        cells
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_budget_reads_its_rows_and_adds_them_up() {
        let mut d = Draft::new("d", "t", 0);
        d.set_answer(
            BUDGET_PROMPT,
            Answer::Rows(vec![
                row(&[
                    ("item", "Coach, half time"),
                    ("source", "Title II"),
                    ("amount", "$45,000"),
                    ("kind", "recurring"),
                    ("year", "2027-28"),
                ]),
                row(&[("item", " "), ("amount", "")]),
                row(&[
                    ("item", "Furniture"),
                    ("source", "Foundation"),
                    ("amount", "12,000"),
                    ("kind", "one_time"),
                    ("year", "2027-28"),
                ]),
            ]),
        );
        let (lines, totals) = budget(&d);
        assert_eq!(lines.len(), 2, "the blank row is left out");
        assert_eq!(totals.total, 5_700_000);
        assert_eq!(totals.by_kind[&budget::Recurs::Recurring], 4_500_000);
        assert_eq!(recurs_label("recurring"), "Recurring, every year");
        assert_eq!(recurs_label("one_time"), "One-time");
        assert_eq!(recurs_label(""), "");
        assert_eq!(budget(&Draft::new("e", "t", 0)).1, Totals::default());
    }

    #[test]
    fn phases_come_in_date_order_with_undated_ones_last() {
        let mut d = Draft::new("d", "t", 0);
        d.set_answer(
            PHASES_PROMPT,
            Answer::Rows(vec![
                row(&[("phase", "scale"), ("what", "Every grade")]),
                row(&[
                    ("phase", "pilot"),
                    ("start", "2027-08-20"),
                    ("end", "2028-06-10"),
                ]),
                row(&[
                    ("phase", "design"),
                    ("start", "2027-01-10"),
                    ("end", "2027-06-15"),
                ]),
                row(&[("phase", ""), ("what", "  ")]),
            ]),
        );
        let names: Vec<String> = phases(&d).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Design", "Pilot", "Scale"]);
    }

    #[test]
    fn requests_gather_the_asks_written_beside_rules_departments_and_in_the_list() {
        let mut d = Draft::new("d", "t", 0);
        d.set_answer(
            TENSIONS_PROMPT,
            Answer::Rows(vec![
                row(&[
                    ("rule", "Seat time of 50 minutes per course"),
                    ("owner", "State"),
                    ("ask", "Credit by mastery for grade 9 maths"),
                ]),
                row(&[("rule", "Bell schedule"), ("owner", "District")]),
            ]),
        );
        d.set_answer(
            DEPARTMENTS_PROMPT,
            Answer::Rows(vec![row(&[
                ("department", "Human resources"),
                ("need", "Posting for a hybrid role"),
                ("contact", "Ms Okafor"),
            ])]),
        );
        d.set_answer(
            REQUESTS_PROMPT,
            Answer::Rows(vec![row(&[
                ("ask", "A coach two days a week"),
                ("kind", "coaching"),
                ("from", "Academic office"),
            ])]),
        );
        let asks = requests(&d);
        assert_eq!(asks.len(), 3, "the rule with no ask is not a request");
        assert_eq!(asks[0].about, "Seat time of 50 minutes per course");
        assert_eq!(asks[0].origin, Origin::Tension);
        assert_eq!(asks[1].from, "Human resources (Ms Okafor)");
        assert_eq!(asks[2].kind, "Coaching");
        assert_eq!(asks[2].origin.prompt_id(), REQUESTS_PROMPT);
        assert!(requests(&Draft::new("e", "t", 0)).is_empty());
    }
}
