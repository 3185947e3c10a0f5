//! The district's brief as a team answers it: the competition's title and deadline, what the
//! district expects for students, the award, the prompts the district adds to the areas, who signs
//! the cover page, the assurances a team confirms, and word limits per section.
//!
//! A draft started from a brief (or with one attached later) carries it whole, so the catalog,
//! progress, readiness and every export know the district's prompts wherever the draft goes.
//! The rubric and the stages are the reviewers' business (`crossroads-review`); a team never
//! needs them.
//!
//! ```
//! use crossroads_workbook::brief::{Brief, ExtraKind, ExtraPrompt};
//! use crossroads_workbook::catalog::Catalog;
//! use crossroads_workbook::Draft;
//!
//! let mut brief = Brief::new("springfield-2027", "Springfield design competition");
//! brief.prompts.push(ExtraPrompt {
//!     id: "q1".into(),
//!     section: "problems".into(),
//!     label: "Which of our five priorities does this serve?".into(),
//!     help: String::new(),
//!     kind: ExtraKind::LongText,
//! });
//! let mut draft = Draft::new("d1", "Learning studios", 0);
//! draft.attach_brief(brief);
//! let catalog = Catalog::of(&draft);
//! assert!(catalog.prompt("brief.q1").is_some());
//! assert!(Catalog::base().prompt("brief.q1").is_none());
//! ```

use serde::{Deserialize, Serialize};

/// The prefix of every prompt id a brief adds ("brief.q1", "brief.signoff").
pub const PROMPT_PREFIX: &str = "brief.";
/// The cover page's sign-off: rows of role, name and date signed.
pub const SIGNOFF_PROMPT: &str = "brief.signoff";
/// The assurances a team confirms: a checklist, one item per assurance.
pub const ASSURANCES_PROMPT: &str = "brief.assurances";
/// The section that holds the sign-off and the assurances.
pub const SIGNOFF_SECTION: &str = "signoff";

/// Upper bounds on a brief's parts, checked on every brief that comes from a file.
pub mod limits {
    /// Prompts a district may add.
    pub const PROMPTS: usize = 60;
    /// Options of one choice or checklist prompt.
    pub const OPTIONS: usize = 30;
    /// Roles that sign the cover page.
    pub const SIGNERS: usize = 10;
    /// Assurances.
    pub const ASSURANCES: usize = 40;
    /// Characters of any one text of the brief.
    pub const TEXT: usize = 20_000;
    /// Characters of an id.
    pub const ID: usize = 64;
}

/// The award a competition offers. Amounts in cents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    /// The most one school can receive ("up to $100,000 per school").
    #[serde(default)]
    pub per_school_cents: Option<i64>,
    /// How many awards the district expects to make.
    #[serde(default)]
    pub awards: Option<u32>,
    /// The whole fund.
    #[serde(default)]
    pub fund_cents: Option<i64>,
}

/// The kind of answer a district's prompt takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtraKind {
    /// One line of text.
    ShortText,
    /// Paragraphs.
    LongText,
    /// Exactly one of the options.
    Choice(Vec<ExtraOption>),
    /// Any of the options.
    Checklist(Vec<ExtraOption>),
}

impl ExtraKind {
    /// The options of a choice or checklist (none for text).
    pub fn options(&self) -> &[ExtraOption] {
        match self {
            ExtraKind::Choice(o) | ExtraKind::Checklist(o) => o,
            _ => &[],
        }
    }
}

/// An option of a district's choice or checklist prompt; answers store its id, so the district
/// can reword the label without breaking a team's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraOption {
    pub id: String,
    pub label: String,
}

/// A prompt the district adds to one section of the workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraPrompt {
    /// Stable within the brief; the draft stores the answer under `brief.<id>`.
    pub id: String,
    /// The id of the section it joins: "profile" or one of the four areas ("problems",
    /// "flexibility", "learning", "pathway").
    pub section: String,
    /// The question.
    pub label: String,
    /// Guidance under it (may be empty).
    #[serde(default)]
    pub help: String,
    /// The kind of answer.
    pub kind: ExtraKind,
}

impl ExtraPrompt {
    /// The id its answer is stored under in a draft.
    pub fn prompt_id(&self) -> String {
        format!("{PROMPT_PREFIX}{}", self.id)
    }
}

/// One assurance a team must confirm ("The school will take part in the district's evaluation").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assurance {
    /// Stable within the brief; the checklist stores it.
    pub id: String,
    pub text: String,
}

/// The most words the district reads in one section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordLimit {
    /// The section's id.
    pub section: String,
    pub words: u32,
}

/// The district's brief, as teams answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brief {
    /// Stable across versions of the same competition.
    pub id: String,
    /// Raised by the district each time it sends out a changed brief.
    #[serde(default = "first_version")]
    pub version: u32,
    /// The competition's title.
    pub title: String,
    /// The district's name.
    #[serde(default)]
    pub district: String,
    /// What the district expects for its students, one expectation per line; the first thing a
    /// team reads in the problems area.
    #[serde(default)]
    pub expectations: String,
    /// When proposals are due (YYYY-MM-DD, or as the district wrote it).
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub award: Award,
    /// The name a team writes as the funding source of the budget lines it asks the competition
    /// to fund. Empty: the title.
    #[serde(default)]
    pub funding_source: String,
    /// Prompts the district adds, in order.
    #[serde(default)]
    pub prompts: Vec<ExtraPrompt>,
    /// Who signs the cover page ("Principal", "District contact").
    #[serde(default)]
    pub signoff: Vec<String>,
    /// What the team confirms.
    #[serde(default)]
    pub assurances: Vec<Assurance>,
    /// Word limits per section.
    #[serde(default)]
    pub limits: Vec<WordLimit>,
}

fn first_version() -> u32 {
    1
}

impl Brief {
    /// An empty brief with this id and title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Brief {
        Brief {
            id: id.into(),
            version: 1,
            title: title.into(),
            district: String::new(),
            expectations: String::new(),
            deadline: String::new(),
            award: Award::default(),
            funding_source: String::new(),
            prompts: Vec::new(),
            signoff: Vec::new(),
            assurances: Vec::new(),
            limits: Vec::new(),
        }
    }

    /// The funding source's name as the budget's lines should write it.
    pub fn source_name(&self) -> &str {
        match self.funding_source.trim() {
            "" => self.title.trim(),
            name => name,
        }
    }

    /// The district's expectations, one per non-empty line.
    pub fn expectation_lines(&self) -> Vec<&str> {
        self.expectations
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '*', '\u{2022}']).trim())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The word limit of a section, if the district set one.
    pub fn limit(&self, section: &str) -> Option<u32> {
        self.limits
            .iter()
            .find(|l| l.section == section && l.words > 0)
            .map(|l| l.words)
    }

    /// Whether the brief adds a sign-off and assurances section.
    pub fn has_signoff_section(&self) -> bool {
        !self.signoff.is_empty() || !self.assurances.is_empty()
    }

    /// What is wrong with a brief that came from a file, in plain words; `Ok` when every part
    /// is within bounds, every id is usable and unique, and every prompt names a section.
    pub fn check(&self) -> Result<(), String> {
        let id_ok = |id: &str| crate::valid_draft_id(id) && id.len() <= limits::ID;
        if !id_ok(&self.id) {
            return Err("the brief's id is missing or has characters an id cannot have".into());
        }
        if self.version == 0 {
            return Err("the brief's version must be 1 or more".into());
        }
        let texts = [
            &self.title,
            &self.district,
            &self.expectations,
            &self.deadline,
            &self.funding_source,
        ];
        if texts.iter().any(|t| t.len() > limits::TEXT) {
            return Err("one of the brief's texts is too long".into());
        }
        if self.prompts.len() > limits::PROMPTS {
            return Err(format!(
                "the brief adds {} prompts; at most {} are allowed",
                self.prompts.len(),
                limits::PROMPTS
            ));
        }
        if self.signoff.len() > limits::SIGNERS || self.assurances.len() > limits::ASSURANCES {
            return Err("the brief has too many signers or assurances".into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in &self.prompts {
            if !id_ok(&p.id) || !seen.insert(p.id.as_str()) {
                return Err(format!(
                    "the brief's prompt \u{201c}{}\u{201d} has a missing, unusable or repeated id",
                    short(&p.label)
                ));
            }
            if matches!(p.id.as_str(), "signoff" | "assurances") {
                return Err(format!(
                    "the brief's prompt id \u{201c}{}\u{201d} is reserved",
                    p.id
                ));
            }
            if !crate::catalog::Catalog::base()
                .section(&p.section)
                .is_some_and(|s| {
                    matches!(
                        s.kind,
                        crate::SectionKind::Profile | crate::SectionKind::Area(_)
                    )
                })
            {
                return Err(format!(
                    "the brief's prompt \u{201c}{}\u{201d} names a section the workbook does not have",
                    short(&p.label)
                ));
            }
            if p.label.trim().is_empty()
                || p.label.len() > limits::TEXT
                || p.help.len() > limits::TEXT
            {
                return Err("one of the brief's prompts has no question or too long a text".into());
            }
            let options = p.kind.options();
            let mut ids = std::collections::BTreeSet::new();
            if options.len() > limits::OPTIONS
                || options.iter().any(|o| {
                    !id_ok(&o.id) || !ids.insert(o.id.as_str()) || o.label.len() > limits::TEXT
                })
            {
                return Err(format!(
                    "the options of the brief's prompt \u{201c}{}\u{201d} are unusable",
                    short(&p.label)
                ));
            }
            if matches!(p.kind, ExtraKind::Choice(_) | ExtraKind::Checklist(_))
                && options.is_empty()
            {
                return Err(format!(
                    "the brief's prompt \u{201c}{}\u{201d} offers no options",
                    short(&p.label)
                ));
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for a in &self.assurances {
            if !id_ok(&a.id) || !ids.insert(a.id.as_str()) || a.text.len() > limits::TEXT {
                return Err("one of the brief's assurances has an unusable or repeated id".into());
            }
        }
        if self
            .signoff
            .iter()
            .any(|r| r.trim().is_empty() || r.len() > 200)
        {
            return Err("one of the brief's sign-off roles is empty or too long".into());
        }
        Ok(())
    }
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if t.len() < text.len() {
        format!("{t}\u{2026}")
    } else {
        t
    }
}

/// How many words a text holds, counted as a reader would (runs of letters, digits and joined
/// punctuation between spaces).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A section longer than the brief allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overrun {
    /// The section's id.
    pub section: &'static str,
    /// Its words now.
    pub words: usize,
    /// The district's limit.
    pub limit: u32,
}

/// The words a team typed in one section of its draft (text answers and the cells of rows;
/// choices and ticks are not words the team wrote).
pub fn section_words(draft: &crate::Draft, section: &crate::Section) -> usize {
    section
        .prompts
        .iter()
        .filter_map(|p| draft.answer(p.id))
        .flat_map(crate::Answer::typed_text)
        .map(word_count)
        .sum()
}

/// The sections of `draft` over the word limits of the brief it answers, in the workbook's order.
pub fn over_limits(draft: &crate::Draft) -> Vec<Overrun> {
    let Some(brief) = &draft.brief else {
        return Vec::new();
    };
    crate::Catalog::of(draft)
        .sections()
        .iter()
        .filter_map(|s| {
            let limit = brief.limit(s.id)?;
            let words = section_words(draft, s);
            (words > limit as usize).then_some(Overrun {
                section: s.id,
                words,
                limit,
            })
        })
        .collect()
}

/// The roles the brief names that have no row on the cover page with a name and a date.
pub fn unsigned_roles(draft: &crate::Draft) -> Vec<String> {
    let Some(brief) = &draft.brief else {
        return Vec::new();
    };
    let rows: &[crate::Row] = match draft.answer(SIGNOFF_PROMPT) {
        Some(crate::Answer::Rows(rows)) => rows,
        _ => &[],
    };
    let filled =
        |row: &crate::Row, column: &str| row.get(column).is_some_and(|v| !v.trim().is_empty());
    brief
        .signoff
        .iter()
        .filter(|role| {
            !rows.iter().any(|r| {
                r.get("role")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(role.trim()))
                    && filled(r, "name")
                    && filled(r, "date")
            })
        })
        .cloned()
        .collect()
}

/// The assurances of the brief that the team has not ticked.
pub fn unconfirmed(draft: &crate::Draft) -> Vec<&Assurance> {
    let Some(brief) = &draft.brief else {
        return Vec::new();
    };
    let ticked = match draft.answer(ASSURANCES_PROMPT) {
        Some(crate::Answer::Checklist(items)) => items.clone(),
        _ => Default::default(),
    };
    brief
        .assurances
        .iter()
        .filter(|a| !ticked.contains(&a.id))
        .collect()
}

/// What a draft asks the competition for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The funding source's name, as the budget should write it.
    pub source: String,
    /// The sum of the budget lines funded by the competition, in cents.
    pub requested: i64,
    /// How many lines that is.
    pub lines: usize,
    /// The most one school can be awarded, if the brief says.
    pub per_school: Option<i64>,
}

/// The amount `draft` asks the competition of its brief to fund: the budget lines whose funding
/// source is the competition (however it is capitalised or spaced), not money from elsewhere.
/// `None` for a draft without a brief.
pub fn request(draft: &crate::Draft) -> Option<Request> {
    let brief = draft.brief.as_ref()?;
    let source = brief.source_name().to_string();
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let wanted = norm(&source);
    let mut requested = 0;
    let mut lines = 0;
    for line in crate::resources::budget_lines(draft) {
        if norm(&line.source) == wanted {
            if let Some(cents) = crate::budget::parse_amount(&line.amount) {
                requested += cents;
                lines += 1;
            }
        }
    }
    Some(Request {
        source,
        requested,
        lines,
        per_school: brief.award.per_school_cents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::{Flag, Readiness};
    use crate::{fit_draft, Answer, Catalog, Draft, Row};

    pub(crate) fn springfield() -> Brief {
        let mut b = Brief::new("springfield-2027", "Springfield Design Challenge");
        b.district = "Springfield Public Schools".into();
        b.expectations =
            "- Every student reads on grade level by grade 3\n\n* Every graduate has a plan".into();
        b.award = Award {
            per_school_cents: Some(10_000_000),
            awards: Some(4),
            fund_cents: Some(35_000_000),
        };
        b.prompts = vec![
            ExtraPrompt {
                id: "q1".into(),
                section: "problems".into(),
                label: "Which district priority does this serve?".into(),
                help: String::new(),
                kind: ExtraKind::LongText,
            },
            ExtraPrompt {
                id: "q2".into(),
                section: "pathway".into(),
                label: "Will you join the district's network?".into(),
                help: String::new(),
                kind: ExtraKind::Choice(vec![
                    ExtraOption {
                        id: "yes".into(),
                        label: "Yes".into(),
                    },
                    ExtraOption {
                        id: "no".into(),
                        label: "No".into(),
                    },
                ]),
            },
        ];
        b.signoff = vec!["Principal".into(), "District contact".into()];
        b.assurances = vec![
            Assurance {
                id: "eval".into(),
                text: "We take part in the evaluation.".into(),
            },
            Assurance {
                id: "share".into(),
                text: "We share what we learn.".into(),
            },
        ];
        b.limits = vec![WordLimit {
            section: "problems".into(),
            words: 12,
        }];
        b
    }

    fn row(cells: &[(&str, &str)]) -> Row {
        cells
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_brief_adds_its_prompts_to_their_sections_and_a_signoff_section_before_readiness() {
        let mut draft = Draft::new("d", "t", 0);
        draft.attach_brief(springfield());
        let catalog = Catalog::of(&draft);
        let ids: Vec<&str> = catalog.sections().iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "profile",
                "problems",
                "flexibility",
                "learning",
                "pathway",
                "resources",
                "signoff",
                "readiness"
            ]
        );
        let problems = catalog.section("problems").unwrap();
        assert_eq!(problems.prompts.last().unwrap().id, "brief.q1");
        assert!(problems.prompts.last().unwrap().is_district());
        assert_eq!(catalog.section_of("brief.q2").unwrap().id, "pathway");
        assert_eq!(
            catalog.prompt("brief.q2").unwrap().option_label("no"),
            Some("No")
        );
        assert_eq!(catalog.next("resources").unwrap().id, "signoff");
        assert_eq!(catalog.previous("readiness").unwrap().id, "signoff");
        // Every built-in prompt is still there, in order, and the base catalog is untouched.
        let base: Vec<&str> = Catalog::base().prompts().map(|p| p.id).collect();
        let extended: Vec<&str> = catalog
            .prompts()
            .map(|p| p.id)
            .filter(|id| !id.starts_with("brief."))
            .collect();
        assert_eq!(base, extended);
        assert!(Catalog::base().prompt("brief.q1").is_none());
        // The same brief gives the same catalog, built once.
        let mut other = Draft::new("e", "u", 0);
        other.attach_brief(springfield());
        assert_eq!(Catalog::of(&other), catalog);
        let help = catalog.prompt(SIGNOFF_PROMPT).unwrap().help;
        assert!(help.contains("Principal; District contact"), "{help}");
        assert_eq!(
            catalog
                .prompt(ASSURANCES_PROMPT)
                .unwrap()
                .option_label("share"),
            Some("We share what we learn.")
        );
    }

    #[test]
    fn the_districts_prompts_count_in_progress() {
        let mut draft = Draft::new("d", "t", 0);
        let before = Catalog::of(&draft).overall_progress(&draft).total;
        draft.attach_brief(springfield());
        let catalog = Catalog::of(&draft);
        assert_eq!(catalog.overall_progress(&draft).total, before + 4);
        draft.set_answer("brief.q1", Answer::Text("Early reading".into()));
        assert_eq!(
            catalog
                .section("problems")
                .unwrap()
                .progress(&draft)
                .answered,
            1
        );
        assert!(draft.is_answered("brief.q1"));
    }

    #[test]
    fn attaching_a_brief_to_a_draft_loses_no_answer() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer(
            "problems.meaning",
            Answer::Text("Students move on when ready".into()),
        );
        draft.set_answer(
            "brief.q1",
            Answer::Text("Written before the brief came".into()),
        );
        draft
            .addressed
            .insert("no_lead".into(), "Named in the cover letter".into());
        let before = draft.answers.clone();
        draft.attach_brief(springfield());
        assert_eq!(draft.answers, before);
        assert_eq!(draft.addressed.len(), 1);
        assert!(draft.is_answered("brief.q1"));
        // A newer version that drops the prompt keeps its answer, unseen, until it returns.
        let mut v2 = springfield();
        v2.version = 2;
        v2.prompts.retain(|p| p.id != "q1");
        draft.attach_brief(v2);
        assert_eq!(draft.answers, before);
        assert!(!draft.is_answered("brief.q1"));
        draft.attach_brief(springfield());
        assert!(draft.is_answered("brief.q1"));
    }

    #[test]
    fn the_briefs_signs_show_only_with_a_brief_and_clear_when_met() {
        let mut draft = Draft::new("d", "t", 0);
        let brief_flags = |d: &Draft| -> Vec<Flag> {
            Readiness::check(d)
                .flags
                .into_iter()
                .filter(|f| f.from_brief())
                .collect()
        };
        draft.set_answer(
            "problems.meaning",
            Answer::Text(
                "one two three four five six seven eight nine ten eleven twelve thirteen".into(),
            ),
        );
        assert_eq!(brief_flags(&draft), []);
        draft.attach_brief(springfield());
        assert_eq!(
            brief_flags(&draft),
            [
                Flag::NotSignedOff,
                Flag::AssurancesUnconfirmed,
                Flag::OverWordLimit
            ]
        );
        assert_eq!(unsigned_roles(&draft), ["Principal", "District contact"]);
        assert_eq!(
            over_limits(&draft),
            [Overrun {
                section: "problems",
                words: 13,
                limit: 12
            }]
        );
        // Sign-off needs the role, a name and a date; case and spaces around the role do not matter.
        draft.set_answer(
            SIGNOFF_PROMPT,
            Answer::Rows(vec![
                row(&[
                    ("role", " principal "),
                    ("name", "Ana Ruiz"),
                    ("date", "2027-02-01"),
                ]),
                row(&[
                    ("role", "District contact"),
                    ("name", "Lee Park"),
                    ("date", ""),
                ]),
            ]),
        );
        assert_eq!(unsigned_roles(&draft), ["District contact"]);
        draft.rows_mut(SIGNOFF_PROMPT)[1].insert("date".into(), "2027-02-02".into());
        draft.set_checked(ASSURANCES_PROMPT, "eval", true);
        assert_eq!(unconfirmed(&draft).len(), 1);
        draft.set_checked(ASSURANCES_PROMPT, "share", true);
        draft.set_answer(
            "problems.meaning",
            Answer::Text("Students move on when ready.".into()),
        );
        assert_eq!(brief_flags(&draft), []);
    }

    #[test]
    fn the_request_is_what_the_competition_is_asked_to_fund_and_above_the_award_is_a_sign() {
        let mut draft = Draft::new("d", "t", 0);
        draft.attach_brief(springfield());
        let line = |item: &str, source: &str, amount: &str| {
            row(&[
                ("item", item),
                ("source", source),
                ("amount", amount),
                ("kind", "one_time"),
                ("year", "2027-28"),
            ])
        };
        draft.set_answer(
            crate::resources::BUDGET_PROMPT,
            Answer::Rows(vec![
                line("Coach", "Springfield Design Challenge", "$60,000"),
                line("Devices", "  springfield   design challenge ", "45,000"),
                line("Substitutes", "Title I", "$20,000"),
                line("Books", "Springfield Design Challenge", "a lot"),
            ]),
        );
        let asked = request(&draft).unwrap();
        assert_eq!(asked.requested, 10_500_000);
        assert_eq!(asked.lines, 2);
        let flags = Readiness::check(&draft).flags;
        assert!(flags.contains(&Flag::RequestAboveAward));
        draft.rows_mut(crate::resources::BUDGET_PROMPT)[1].insert("amount".into(), "40,000".into());
        assert_eq!(crate::brief::request(&draft).unwrap().requested, 10_000_000);
        assert!(!Readiness::check(&draft)
            .flags
            .contains(&Flag::RequestAboveAward));
        // A brief without a maximum never raises the sign; a draft without a brief has no request.
        assert_eq!(request(&Draft::new("x", "y", 0)), None);
    }

    #[test]
    fn the_funding_source_is_the_title_unless_the_district_names_one() {
        let mut b = springfield();
        assert_eq!(b.source_name(), "Springfield Design Challenge");
        b.funding_source = " Innovation Fund ".into();
        assert_eq!(b.source_name(), "Innovation Fund");
        assert_eq!(
            springfield().expectation_lines(),
            [
                "Every student reads on grade level by grade 3",
                "Every graduate has a plan"
            ]
        );
    }

    #[test]
    fn an_imported_draft_keeps_the_answers_to_its_briefs_prompts() {
        let mut draft = Draft::new("d", "t", 0);
        draft.attach_brief(springfield());
        draft.set_answer("brief.q1", Answer::Text("Early reading".into()));
        draft.set_answer("brief.q2", Answer::Choice("No".into()));
        draft.set_answer("brief.q9", Answer::Text("A prompt no brief asks".into()));
        let (fitted, aside) = fit_draft(draft);
        assert_eq!(fitted.text("brief.q1"), "Early reading");
        assert_eq!(
            fitted.answer("brief.q2"),
            Some(&Answer::Choice("no".into()))
        );
        assert_eq!(aside.len(), 1);
        assert_eq!(aside[0].prompt, "brief.q9");
    }

    #[test]
    fn a_broken_brief_in_a_file_is_dropped_and_its_answers_set_aside_with_the_reason() {
        let mut draft = Draft::new("d", "t", 0);
        let mut brief = springfield();
        brief.prompts[1].section = "nowhere".into();
        draft.brief = Some(brief);
        draft.set_answer("brief.q1", Answer::Text("Early reading".into()));
        let (fitted, aside) = fit_draft(draft);
        assert_eq!(fitted.brief, None);
        assert_eq!(aside.len(), 1);
        assert!(
            aside[0].why.contains("section the workbook does not have"),
            "{}",
            aside[0].why
        );
        assert_eq!(aside[0].text, "Early reading");
    }

    #[test]
    fn hostile_briefs_are_refused_in_plain_words() {
        let ok = springfield();
        assert_eq!(ok.check(), Ok(()));
        type Spoil = Box<dyn Fn(&mut Brief)>;
        let cases: Vec<(Spoil, &str)> = vec![
            (Box::new(|b| b.id = "../etc".into()), "id"),
            (Box::new(|b| b.version = 0), "version"),
            (Box::new(|b| b.prompts[1].id = "q1".into()), "repeated id"),
            (Box::new(|b| b.prompts[0].id = "signoff".into()), "reserved"),
            (
                Box::new(|b| b.prompts[1].kind = ExtraKind::Choice(vec![])),
                "no options",
            ),
            (Box::new(|b| b.prompts[0].label = " ".into()), "no question"),
            (
                Box::new(|b| b.title = "x".repeat(limits::TEXT + 1)),
                "too long",
            ),
            (
                Box::new(|b| {
                    let p = b.prompts[0].clone();
                    b.prompts = (0..=limits::PROMPTS)
                        .map(|i| ExtraPrompt {
                            id: format!("p{i}"),
                            ..p.clone()
                        })
                        .collect()
                }),
                "at most",
            ),
            (
                Box::new(|b| b.assurances[1].id = "eval".into()),
                "assurances",
            ),
            (Box::new(|b| b.signoff.push("  ".into())), "sign-off"),
        ];
        for (spoil, words) in cases {
            let mut b = ok.clone();
            spoil(&mut b);
            let why = b.check().unwrap_err();
            assert!(why.contains(words), "{why} should say {words}");
        }
    }

    #[test]
    fn words_are_counted_as_a_reader_would() {
        assert_eq!(word_count("  Students  move on — when ready. "), 5);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("1:1 devices, K-2"), 3);
    }

    #[test]
    fn a_brief_round_trips_through_json_and_old_drafts_read_without_one() {
        let b = springfield();
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(serde_json::from_str::<Brief>(&json).unwrap(), b);
        let old = r#"{"id":"old1","title":"Studios","created_ms":1,"updated_ms":2,"answers":{}}"#;
        let draft: Draft = serde_json::from_str(old).unwrap();
        assert_eq!(draft.brief, None);
        assert!(!serde_json::to_string(&draft).unwrap().contains("brief"));
    }
}
