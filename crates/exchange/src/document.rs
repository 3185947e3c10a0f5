//! A proposal laid out for reading: what every readable format shows, in the catalog's order.
//! The HTML and Markdown renderers, and the reviewer's reading view, only decide how it looks.

use crate::Unanswered;
use crossroads_workbook::budget::{format_amount, parse_amount, Line, Recurs, Totals};
use crossroads_workbook::catalog::{Catalog, Progress};
use crossroads_workbook::resources::{self, Origin, Phase, Request};
use crossroads_workbook::{
    Answer, Draft, FocusArea, Prompt, PromptKind, Readiness, ReportAction, Row, SectionKind,
};

/// One answer, as a reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Text, as paragraphs of lines.
    Paragraphs(Vec<Vec<String>>),
    /// The chosen option's words.
    Choice(String),
    /// Ticked items under their group headings.
    Checklist(Vec<(String, Vec<String>)>),
    /// Rows with text, under the column headings.
    Table {
        /// The column headings.
        headers: Vec<&'static str>,
        /// The rows that have any text, one cell per column.
        rows: Vec<Vec<String>>,
    },
    /// Nothing was written.
    Unanswered,
}

/// A prompt and its answer.
pub struct Item {
    /// The prompt, from the catalog.
    pub prompt: &'static Prompt,
    /// Its answer.
    pub block: Block,
}

/// A focus area of the document.
pub struct Part {
    /// The section's id, used as the part's anchor.
    pub anchor: &'static str,
    /// The numbered heading ("1. Get clear on the problems …").
    pub heading: String,
    /// Why the area matters, from the catalog.
    pub why: &'static str,
    /// Its prompts and answers.
    pub items: Vec<Item>,
}

/// The whole proposal, ready to render.
pub struct Document {
    /// The title to show.
    pub title: String,
    /// The school's name, or "".
    pub school: String,
    /// The team profile, shown on the cover.
    pub profile: Vec<Item>,
    /// The four focus areas.
    pub parts: Vec<Part>,
    /// Resources and requests: the budget, the phases and the asks.
    pub plan: Plan,
    /// The readiness check's findings.
    pub readiness: Readiness,
    /// Answered and total prompts.
    pub progress: Progress,
    /// Page one: the proposal in a few lines.
    pub summary: Summary,
    /// Which of the report's actions each area's answers take up.
    pub coverage: Vec<Coverage>,
    /// The district's competition this proposal answers, with its cover page and limits.
    pub competition: Option<Competition>,
}

/// What a proposal shows of the district's brief it answers.
pub struct Competition {
    /// The competition's title.
    pub title: String,
    /// The district's name.
    pub district: String,
    /// The brief's id and version, so a reviewer knows which brief was answered.
    pub id: String,
    pub version: u32,
    /// When proposals are due.
    pub deadline: String,
    /// What the district expects for students, one per line.
    pub expectations: Vec<String>,
    /// The cover page's sign-off (role, name, date), as a table.
    pub signoff: Option<Block>,
    /// Who has not signed yet.
    pub unsigned: Vec<String>,
    /// Each assurance and whether the team confirmed it.
    pub assurances: Vec<(String, bool)>,
    /// Each section the district limits: its heading, its words and the limit.
    pub limits: Vec<(String, usize, u32)>,
    /// What the proposal asks the competition for.
    pub request: Option<crossroads_workbook::brief::Request>,
}

impl Competition {
    fn of(draft: &Draft) -> Option<Competition> {
        use crossroads_workbook::brief;
        let b = draft.brief.as_ref()?;
        let catalog = Catalog::of(draft);
        let ticked = match draft.answer(brief::ASSURANCES_PROMPT) {
            Some(Answer::Checklist(items)) => items.clone(),
            _ => Default::default(),
        };
        Some(Competition {
            title: b.title.trim().to_string(),
            district: b.district.trim().to_string(),
            id: b.id.clone(),
            version: b.version,
            deadline: b.deadline.trim().to_string(),
            expectations: b
                .expectation_lines()
                .into_iter()
                .map(str::to_string)
                .collect(),
            signoff: catalog
                .prompt(brief::SIGNOFF_PROMPT)
                .map(|p| block(p, draft.answer(p.id))),
            unsigned: brief::unsigned_roles(draft),
            assurances: b
                .assurances
                .iter()
                .map(|a| (a.text.clone(), ticked.contains(&a.id)))
                .collect(),
            limits: catalog
                .sections()
                .iter()
                .filter_map(|s| {
                    let limit = b.limit(s.id)?;
                    Some((s.numbered_title(), brief::section_words(draft, s), limit))
                })
                .collect(),
            request: brief::request(draft),
        })
    }

    /// The words of a section against its limit, when the district set one ("412 of 500 words").
    pub fn words_of(&self, heading: &str) -> Option<String> {
        self.limits
            .iter()
            .find(|(h, _, _)| h == heading)
            .map(|(_, words, limit)| {
                let over = if *words > *limit as usize {
                    " (over the limit)"
                } else {
                    ""
                };
                format!("{words} of {limit} words{over}")
            })
    }
}

/// The resources and requests section, worked out from its answers.
pub struct Plan {
    /// The section's id, used as its anchor.
    pub anchor: &'static str,
    /// Its heading.
    pub heading: &'static str,
    /// Why it matters, from the catalog.
    pub why: &'static str,
    /// The team's few sentences on what it asks.
    pub support: Block,
    /// The budget's lines, as typed.
    pub lines: Vec<Line>,
    /// The budget added up.
    pub totals: Totals,
    /// The phases, in date order.
    pub phases: Vec<Phase>,
    /// Every ask, gathered from where it was written.
    pub requests: Vec<Request>,
}

impl Plan {
    /// The total of one-time or of recurring lines.
    pub fn kind_total(&self, kind: Recurs) -> i64 {
        self.totals.by_kind.get(&kind).copied().unwrap_or(0)
    }

    /// The budget's lines as a table, amounts written the same way throughout.
    pub fn budget_table(&self) -> Block {
        Block::Table {
            headers: vec![
                "Item",
                "Funding source",
                "School year",
                "One-time or recurring",
                "Amount",
            ],
            rows: self
                .lines
                .iter()
                .map(|l| {
                    let amount = match (l.amount.as_str(), parse_amount(&l.amount)) {
                        ("", _) => String::new(),
                        (_, Some(cents)) => format_amount(cents),
                        (typed, None) => format!("{typed} (not an amount; not counted)"),
                    };
                    vec![
                        l.item.clone(),
                        l.source.clone(),
                        l.year.clone(),
                        resources::recurs_label(&l.kind),
                        amount,
                    ]
                })
                .collect(),
        }
    }

    /// The totals: overall, one-time and recurring, then by source and by school year.
    pub fn totals_table(&self) -> Block {
        let mut rows = vec![
            vec!["Total".to_string(), format_amount(self.totals.total)],
            vec![
                "One-time".to_string(),
                format_amount(self.kind_total(Recurs::OneTime)),
            ],
            vec![
                "Recurring, every year".to_string(),
                format_amount(self.kind_total(Recurs::Recurring)),
            ],
        ];
        for (source, cents) in &self.totals.by_source {
            rows.push(vec![format!("Source: {source}"), format_amount(*cents)]);
        }
        for (year, cents) in &self.totals.by_year {
            rows.push(vec![format!("School year: {year}"), format_amount(*cents)]);
        }
        Block::Table {
            headers: vec!["Budget totals", "Amount"],
            rows,
        }
    }

    /// The phases as a table, in date order.
    pub fn timeline_table(&self) -> Block {
        Block::Table {
            headers: vec!["Phase", "Starts", "Ends", "What happens"],
            rows: self
                .phases
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.start.clone(),
                        p.end.clone(),
                        p.what.clone(),
                    ]
                })
                .collect(),
        }
    }

    /// Every ask, with where it was written.
    pub fn requests_table(&self) -> Block {
        Block::Table {
            headers: vec![
                "What the school asks for",
                "Kind of help",
                "From whom",
                "Written under",
            ],
            rows: self
                .requests
                .iter()
                .map(|r| {
                    let ask = if r.about.is_empty() {
                        r.ask.clone()
                    } else {
                        format!("{} (about: {})", r.ask, r.about)
                    };
                    let under = match r.origin {
                        Origin::Tension => "Rules in the way",
                        Origin::Department => "Central office departments",
                        Origin::Request => "Requests",
                    };
                    vec![ask, r.kind.clone(), r.from.clone(), under.to_string()]
                })
                .collect(),
        }
    }
}

impl Coverage {
    /// The area's actions, each with the prompts that take it up.
    pub fn table(&self) -> Block {
        Block::Table {
            headers: vec![
                "The report\u{2019}s action",
                "Where this proposal takes it up",
            ],
            rows: self
                .actions
                .iter()
                .map(|c| {
                    let answered = if c.answered.is_empty() {
                        "Not taken up yet".to_string()
                    } else {
                        c.answered
                            .iter()
                            .map(|p| p.label)
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    vec![c.action.summary().to_string(), answered]
                })
                .collect(),
        }
    }
}

/// The executive summary: each line is built from the team's answers, or says what is missing.
pub struct Summary {
    /// (label, text) pairs, in reading order.
    pub lines: Vec<(&'static str, String)>,
}

/// One of the report's actions, and the prompts that take it up.
pub struct Covered {
    /// The action.
    pub action: ReportAction,
    /// The prompts that carry it and hold an answer.
    pub answered: Vec<&'static Prompt>,
    /// The prompts that carry it, answered or not.
    pub prompts: Vec<&'static Prompt>,
}

/// The coverage of one focus area.
pub struct Coverage {
    /// The area's numbered heading.
    pub heading: String,
    /// Its actions, in the report's order.
    pub actions: Vec<Covered>,
}

/// The first paragraph of `text`, cut after about `words` words with an ellipsis.
fn brief(text: &str, words: usize) -> String {
    let first = paragraphs(text)
        .into_iter()
        .next()
        .map(|lines| lines.join(" "))
        .unwrap_or_default();
    let all: Vec<&str> = first.split_whitespace().collect();
    let cut = all.len() > words;
    let mut out = all[..all.len().min(words)].join(" ");
    // A summary line stays a line, however long the words typed: at most 12 characters a word.
    let most = words * 12;
    let cut = match out.char_indices().nth(most) {
        Some((end, _)) => {
            out.truncate(end);
            true
        }
        None => cut,
    };
    if cut {
        out.push('\u{2026}');
    }
    out
}

fn first_row_cell(
    draft: &Draft,
    prompt: &str,
    pick: impl Fn(&Row) -> Option<String>,
) -> Option<String> {
    match draft.answer(prompt) {
        Some(Answer::Rows(rows)) => rows.iter().find_map(pick),
        _ => None,
    }
}

fn summary(draft: &Draft, plan: &Plan, readiness: &Readiness) -> Summary {
    const MISSING: &str = "Not written yet.";
    let text = |id: &str| {
        let t = brief(draft.text(id), 60);
        (!t.is_empty()).then_some(t)
    };
    let cell = |row: &Row, c: &str| {
        row.get(c)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let problem = first_row_cell(draft, "problems.identified", |r| {
        cell(r, "problem").map(|p| brief(&p, 40))
    })
    .or_else(|| text("problems.change"));
    let goal = first_row_cell(draft, "problems.goals", |r| {
        let goal = cell(r, "goal")?;
        Some(match (cell(r, "measure"), cell(r, "target")) {
            (Some(m), Some(t)) => format!(
                "{}. Measured by {}; target: {}.",
                goal.trim_end_matches('.'),
                m.trim_end_matches('.'),
                t.trim_end_matches('.')
            ),
            (Some(m), None) => format!(
                "{}. Measured by {}.",
                goal.trim_end_matches('.'),
                m.trim_end_matches('.')
            ),
            (None, Some(t)) => format!(
                "{}. Target: {}.",
                goal.trim_end_matches('.'),
                t.trim_end_matches('.')
            ),
            (None, None) => goal,
        })
    });
    let path = match draft.answer("pathway.choice") {
        Some(Answer::Choice(c)) if !c.is_empty() => {
            let chosen = Catalog::base()
                .prompt("pathway.choice")
                .and_then(|p| p.option_label(c))
                .unwrap_or(c)
                .to_string();
            match (c.as_str(), brief(draft.text("pathway.model"), 20)) {
                ("adapt", model) if !model.is_empty() => Some(format!("{chosen}: {model}")),
                _ => Some(chosen),
            }
        }
        _ => None,
    };
    let students = text("problems.week").or_else(|| text("problems.practice"));
    let cost = if plan.lines.is_empty() {
        None
    } else {
        let mut cost = format!(
            "{} in all: {} one-time and {} recurring every year",
            format_amount(plan.totals.total),
            format_amount(plan.kind_total(Recurs::OneTime)),
            format_amount(plan.kind_total(Recurs::Recurring)),
        );
        if plan.totals.by_source.len() > 1 {
            let sources: Vec<String> = plan
                .totals
                .by_source
                .iter()
                .map(|(s, c)| format!("{s} {}", format_amount(*c)))
                .collect();
            cost.push_str(&format!(" ({})", sources.join(", ")));
        }
        cost.push('.');
        if let Some(r) = crossroads_workbook::brief::request(draft) {
            cost.push_str(&format!(
                " Asked of {}: {}",
                r.source,
                format_amount(r.requested)
            ));
            if let Some(max) = r.per_school {
                cost.push_str(&format!(" (up to {} per school)", format_amount(max)));
            }
            cost.push('.');
        }
        if !plan.totals.unreadable.is_empty() {
            cost.push_str(&format!(
                " {} budget line(s) have an amount that could not be read and are not counted.",
                plan.totals.unreadable.len()
            ));
        }
        Some(cost)
    };
    let asks = match (plan.requests.len(), text("pathway.support")) {
        (0, None) => None,
        (0, Some(t)) => Some(t),
        (n, support) => {
            let count = if n == 1 {
                "1 request".to_string()
            } else {
                format!("{n} requests")
            };
            Some(match support {
                Some(t) => format!("{t} ({count} listed under Resources and requests.)"),
                None => format!("{count} listed under Resources and requests."),
            })
        }
    };
    let unanswered: usize = readiness.sections.iter().map(|s| s.unanswered.len()).sum();
    let mut status = match unanswered {
        0 => "Every prompt is answered.".to_string(),
        1 => "1 prompt is unanswered.".to_string(),
        n => format!("{n} prompts are unanswered."),
    };
    status.push(' ');
    status.push_str(&crate::readiness_sentence(readiness));
    let or_missing = |v: Option<String>| v.unwrap_or_else(|| MISSING.to_string());
    Summary {
        lines: vec![
            ("The problem", or_missing(problem)),
            ("The goal", or_missing(goal)),
            ("The path", or_missing(path)),
            ("What changes for students", or_missing(students)),
            ("What it costs", or_missing(cost)),
            ("What the school asks", or_missing(asks)),
            ("Readiness", status),
        ],
    }
}

/// The focus area under which the report names an action.
pub fn area_of(action: ReportAction) -> FocusArea {
    use ReportAction as A;
    match action {
        A::DefineMeaning
        | A::DistrictExpectations
        | A::EducatorProblems
        | A::SchoolCases
        | A::PracticeShift => FocusArea::Problems,
        A::ExistingFlexibilities
        | A::Tensions
        | A::CentralOffice
        | A::BroaderOutcomes
        | A::AutonomyZone
        | A::InnovationSpaces
        | A::StaffingModel => FocusArea::Flexibility,
        A::EmbeddedCoaching | A::ChangeManagement | A::KnowledgeManagement => {
            FocusArea::AdultLearning
        }
        A::NewOrAdapt
        | A::InterestedLeaders
        | A::CommunitiesOfPractice
        | A::Partners
        | A::Funding
        | A::DesignCompetition => FocusArea::Pathway,
    }
}

fn coverage(draft: &Draft) -> Vec<Coverage> {
    FocusArea::ALL
        .iter()
        .map(|area| {
            let section = Catalog::of(draft).area(*area);
            let actions = ReportAction::ALL
                .iter()
                .filter(|a| area_of(**a) == *area)
                .map(|action| {
                    let prompts: Vec<&'static Prompt> = Catalog::of(draft)
                        .prompts()
                        .filter(|p| p.actions.contains(action))
                        .collect();
                    Covered {
                        action: *action,
                        answered: prompts
                            .iter()
                            .copied()
                            .filter(|p| draft.is_answered(p.id))
                            .collect(),
                        prompts,
                    }
                })
                .collect();
            Coverage {
                heading: section.numbered_title(),
                actions,
            }
        })
        .collect()
}

impl Document {
    /// Lays `draft` out for reading; unanswered prompts are marked or left out.
    pub fn new(draft: &Draft, unanswered: Unanswered) -> Self {
        let items = |prompts: &'static [Prompt]| -> Vec<Item> {
            prompts
                .iter()
                .map(|prompt| Item {
                    prompt,
                    block: block(prompt, draft.answer(prompt.id)),
                })
                .filter(|item| unanswered == Unanswered::Mark || item.block != Block::Unanswered)
                .collect()
        };
        let mut profile = Vec::new();
        let mut parts = Vec::new();
        let catalog = Catalog::of(draft);
        let resources = catalog
            .section("resources")
            .expect("the catalog has resources");
        let (lines, totals) = resources::budget(draft);
        let plan = Plan {
            anchor: resources.id,
            heading: resources.title,
            why: resources.why,
            support: catalog
                .prompt(resources::SUPPORT_PROMPT)
                .map_or(Block::Unanswered, |p| block(p, draft.answer(p.id))),
            lines,
            totals,
            phases: resources::phases(draft),
            requests: resources::requests(draft),
        };
        let readiness = Readiness::check(draft);
        for section in catalog.sections() {
            match section.kind {
                SectionKind::Profile => profile = items(section.prompts),
                SectionKind::Area(_) => parts.push(Part {
                    anchor: section.id,
                    heading: section.numbered_title(),
                    why: section.why,
                    items: items(section.prompts),
                }),
                SectionKind::Resources | SectionKind::SignOff | SectionKind::Readiness => {}
            }
        }
        Document {
            title: draft.display_title().to_string(),
            school: draft.school().to_string(),
            profile,
            parts,
            summary: summary(draft, &plan, &readiness),
            coverage: coverage(draft),
            competition: Competition::of(draft),
            plan,
            readiness,
            progress: catalog.overall_progress(draft),
        }
    }
}

/// The lines of typed text, split at every line ending a reader knows (`\r\n`, a lone `\r`,
/// `\n`), so a carriage return can never end a line of the output in the middle of a table row.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.split('\r')
    })
}

/// Text split into paragraphs at blank lines, and each paragraph into lines.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines(text) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim_end().to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn block(prompt: &'static Prompt, answer: Option<&Answer>) -> Block {
    let Some(answer) = answer.filter(|a| prompt.shows(a)) else {
        return Block::Unanswered;
    };
    match (answer, &prompt.kind) {
        (Answer::Text(text), _) => Block::Paragraphs(paragraphs(text)),
        (Answer::Choice(id), _) => Block::Choice(
            prompt
                .option_label(id)
                .map_or_else(|| id.clone(), str::to_string),
        ),
        (Answer::Checklist(ticked), PromptKind::Checklist(groups)) => {
            let mut out: Vec<(String, Vec<String>)> = groups
                .iter()
                .map(|g| {
                    let items = g.items.iter().filter(|i| ticked.contains(i.id));
                    (
                        g.label.to_string(),
                        items.map(|i| i.label.to_string()).collect(),
                    )
                })
                .filter(|(_, items): &(String, Vec<String>)| !items.is_empty())
                .collect();
            let unknown: Vec<String> = ticked
                .iter()
                .filter(|id| prompt.option_label(id).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                out.push(("Other".to_string(), unknown));
            }
            Block::Checklist(out)
        }
        (Answer::Checklist(ticked), _) => Block::Checklist(vec![(
            "Ticked".to_string(),
            ticked.iter().cloned().collect(),
        )]),
        (Answer::Rows(rows), PromptKind::Rows(shape)) => Block::Table {
            headers: shape.columns.iter().map(|c| c.label).collect(),
            rows: rows
                .iter()
                .filter(|row| {
                    shape
                        .columns
                        .iter()
                        .any(|c| row.get(c.id).is_some_and(|v| !v.trim().is_empty()))
                })
                .map(|row| {
                    shape
                        .columns
                        .iter()
                        .map(|c| {
                            row.get(c.id)
                                .map(|v| v.trim().to_string())
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .collect(),
        },
        (Answer::Rows(rows), _) => Block::Paragraphs(
            rows.iter()
                .flat_map(|r| r.values())
                .filter(|v| !v.trim().is_empty())
                .map(|v| vec![v.trim().to_string()])
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_splits_into_paragraphs_and_lines() {
        assert_eq!(
            paragraphs("One\ntwo  \n\n\n  \nThree"),
            vec![
                vec!["One".to_string(), "two".to_string()],
                vec!["Three".to_string()]
            ]
        );
        assert!(paragraphs("   ").is_empty());
        assert_eq!(
            paragraphs("a\rb\r\nc\n\r\nd"),
            vec![
                vec!["a".to_string(), "b".into(), "c".into()],
                vec!["d".to_string()]
            ]
        );
    }

    #[test]
    fn omitting_unanswered_leaves_only_answers() {
        let mut draft = Draft::new("d", "T", 0);
        draft.set_answer("problems.meaning", Answer::Text("Mastery".into()));
        let omit = Document::new(&draft, Unanswered::Omit);
        let listed: Vec<&str> = omit
            .parts
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.prompt.id))
            .collect();
        assert_eq!(listed, ["problems.meaning"]);
        let mark = Document::new(&draft, Unanswered::Mark);
        assert_eq!(mark.parts.len(), 4);
        assert_eq!(mark.parts[0].items.len(), 9);
        assert_eq!(mark.parts[0].items[1].block, Block::Unanswered);
    }

    #[test]
    fn choices_and_checklists_show_their_words() {
        let mut draft = Draft::new("d", "T", 0);
        draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        draft.set_answer(
            "flexibility.inventory",
            Answer::Checklist(["time.schedule".to_string(), "mystery".to_string()].into()),
        );
        let doc = Document::new(&draft, Unanswered::Omit);
        let blocks: Vec<&Block> = doc
            .parts
            .iter()
            .flat_map(|p| p.items.iter().map(|i| &i.block))
            .collect();
        assert_eq!(
            blocks,
            [
                &Block::Checklist(vec![
                    (
                        "Time".to_string(),
                        vec!["Set our own daily schedule and block lengths".to_string()]
                    ),
                    ("Other".to_string(), vec!["mystery".to_string()]),
                ]),
                &Block::Choice("Adapt and adopt an existing model".to_string()),
            ]
        );
    }
}
