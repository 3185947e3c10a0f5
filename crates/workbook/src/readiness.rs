//! The closing readiness check: what is still unanswered, and the warning signs the report found
//! in schools whose personalized-learning efforts fell short.

use crate::catalog::{self, Progress, Prompt, Section, SectionKind};
use crate::draft::{Answer, Draft};

/// A warning sign in a draft. Each names the prompt whose answer removes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// Nobody is named to lead the work.
    NoLead,
    /// The team has not said what personalized learning means for it, or why.
    NoMeaning,
    /// No goal for students has both a goal and a way to measure it.
    NoMeasurableGoal,
    /// The plan talks about devices or software but not about a change in teaching.
    DevicesWithoutPracticeChange,
    /// The plan does not say how teaching will change.
    NoPracticeChange,
    /// Nothing says how teachers will be coached through prototypes.
    NoPrototypingSupport,
    /// No regular time for teachers to plan and learn together.
    NoCollaborationTime,
    /// No plan to record and share what is learned.
    NoKnowledgePlan,
    /// The team has not chosen between a new model and an adapted one.
    PathUndecided,
}

impl Flag {
    /// A short statement of the problem.
    pub fn title(self) -> &'static str {
        match self {
            Flag::NoLead => "No one is named to lead the work",
            Flag::NoMeaning => "Personalized learning is not defined for your school",
            Flag::NoMeasurableGoal => "No measurable goal for students",
            Flag::DevicesWithoutPracticeChange => {
                "The plan names devices but no change in teaching"
            }
            Flag::NoPracticeChange => "No change in teaching practice is described",
            Flag::NoPrototypingSupport => "No coaching or prototype cycle for teachers",
            Flag::NoCollaborationTime => "No regular time for teachers to work together",
            Flag::NoKnowledgePlan => "No plan to record and share what is learned",
            Flag::PathUndecided => "You have not chosen: new model or adapted model",
        }
    }

    /// Why it matters, drawn from the sources.
    pub fn why(self) -> &'static str {
        match self {
            Flag::NoLead => "District leaders in the study said success came down to an engaged leader; \
                             where leaders stayed back, efforts rarely got past single classrooms.",
            Flag::NoMeaning => "Schools that never said what personalized learning meant, or why, left \
                                each teacher to define it alone, and efforts varied from room to room.",
            Flag::NoMeasurableGoal => "Vague goals were the first sign the report found of a system not \
                                       built for innovation. Give at least one goal a measure.",
            Flag::DevicesWithoutPracticeChange => "Handing out devices is not personalized learning. \
                                                   Surveyed teachers named this as a common mistake; say \
                                                   what teachers will do differently.",
            Flag::NoPracticeChange => "Without direction, many teachers changed the seating rather than \
                                       the rigor of the work. Say how daily teaching will change.",
            Flag::NoPrototypingSupport => "Teachers were rarely supported to prototype and learn from it, \
                                           so schools learned small lessons but built no model.",
            Flag::NoCollaborationTime => "Teachers who collaborated fared better, yet only 12 of 39 \
                                          schools studied reported collaboration.",
            Flag::NoKnowledgePlan => "Where knowledge lived with one person, it left with them. Plan how \
                                      lessons will be written down and shared.",
            Flag::PathUndecided => "Designing a new model and adapting an existing one need different \
                                    support; the district needs to know which you are asking for.",
        }
    }

    /// The prompt whose answer fixes this flag.
    pub fn prompt_id(self) -> &'static str {
        match self {
            Flag::NoLead => "profile.lead",
            Flag::NoMeaning => "problems.meaning",
            Flag::NoMeasurableGoal => "problems.goals",
            Flag::DevicesWithoutPracticeChange | Flag::NoPracticeChange => "problems.practice",
            Flag::NoPrototypingSupport => "learning.coaching",
            Flag::NoCollaborationTime => "learning.collaboration",
            Flag::NoKnowledgePlan => "learning.knowledge",
            Flag::PathUndecided => "pathway.choice",
        }
    }

    /// The prompt, from the catalog.
    pub fn prompt(self) -> &'static Prompt {
        catalog::prompt(self.prompt_id()).expect("every flag points at a catalog prompt")
    }
}

/// What is left to do in one section.
#[derive(Debug)]
pub struct SectionReadiness {
    /// The section.
    pub section: &'static Section,
    /// Answered and total prompts.
    pub progress: Progress,
    /// The prompts still unanswered, in order.
    pub unanswered: Vec<&'static Prompt>,
}

/// The result of the readiness check.
#[derive(Debug)]
pub struct Readiness {
    /// Per section with prompts (the team profile and the four areas), what is still open.
    pub sections: Vec<SectionReadiness>,
    /// The warning signs present, most basic first.
    pub flags: Vec<Flag>,
}

impl Readiness {
    /// Checks a draft.
    pub fn check(draft: &Draft) -> Readiness {
        let sections = catalog::sections()
            .iter()
            .filter(|s| s.kind != SectionKind::Readiness)
            .map(|section| SectionReadiness {
                section,
                progress: section.progress(draft),
                unanswered: section
                    .prompts
                    .iter()
                    .filter(|p| !p.answered_in(draft))
                    .collect(),
            })
            .collect();
        Readiness {
            sections,
            flags: flags(draft),
        }
    }

    /// Whether every prompt is answered and no warning sign remains.
    pub fn is_ready(&self) -> bool {
        self.flags.is_empty() && self.sections.iter().all(|s| s.unanswered.is_empty())
    }
}

fn flags(draft: &Draft) -> Vec<Flag> {
    let mut flags = Vec::new();
    let missing = |id: &str| !draft.is_answered(id);
    if missing("profile.lead") {
        flags.push(Flag::NoLead);
    }
    if missing("problems.meaning") {
        flags.push(Flag::NoMeaning);
    }
    if !has_measurable_goal(draft) {
        flags.push(Flag::NoMeasurableGoal);
    }
    if missing("problems.practice") {
        flags.push(if mentions_devices(draft) {
            Flag::DevicesWithoutPracticeChange
        } else {
            Flag::NoPracticeChange
        });
    }
    if missing("learning.coaching") && missing("learning.milestones") {
        flags.push(Flag::NoPrototypingSupport);
    }
    if missing("learning.collaboration") {
        flags.push(Flag::NoCollaborationTime);
    }
    if missing("learning.knowledge") {
        flags.push(Flag::NoKnowledgePlan);
    }
    let path = draft.answer("pathway.choice");
    if !matches!(path, Some(Answer::Choice(c)) if c == "design" || c == "adapt") {
        flags.push(Flag::PathUndecided);
    }
    flags
}

/// A goal row counts as measurable when it names both the goal and how it will be measured.
fn has_measurable_goal(draft: &Draft) -> bool {
    let filled =
        |row: &crate::Row, column: &str| row.get(column).is_some_and(|c| !c.trim().is_empty());
    match draft.answer("problems.goals") {
        Some(Answer::Rows(rows)) => rows
            .iter()
            .any(|r| filled(r, "goal") && filled(r, "measure")),
        _ => false,
    }
}

const DEVICE_WORDS: &[&str] = &[
    "device",
    "devices",
    "laptop",
    "laptops",
    "chromebook",
    "chromebooks",
    "tablet",
    "tablets",
    "ipad",
    "ipads",
    "computer",
    "computers",
    "software",
    "platform",
    "platforms",
    "1:1",
];

/// Whether anything the team typed talks about devices or software.
pub fn mentions_devices(draft: &Draft) -> bool {
    draft
        .answers
        .values()
        .flat_map(Answer::typed_text)
        .any(|text| {
            text.split(|c: char| !(c.is_alphanumeric() || c == ':'))
                .any(|word| DEVICE_WORDS.iter().any(|d| word.eq_ignore_ascii_case(d)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Row;

    fn row(cells: &[(&str, &str)]) -> Row {
        cells
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn text(s: &str) -> Answer {
        Answer::Text(s.to_string())
    }

    #[test]
    fn an_empty_draft_shows_every_flag_and_every_prompt_open() {
        let readiness = Readiness::check(&Draft::new("d", "t", 0));
        assert_eq!(
            readiness.flags,
            [
                Flag::NoLead,
                Flag::NoMeaning,
                Flag::NoMeasurableGoal,
                Flag::NoPracticeChange,
                Flag::NoPrototypingSupport,
                Flag::NoCollaborationTime,
                Flag::NoKnowledgePlan,
                Flag::PathUndecided,
            ]
        );
        assert_eq!(readiness.sections.len(), 5, "team profile and four areas");
        for s in &readiness.sections {
            assert_eq!(s.unanswered.len(), s.section.prompts.len());
        }
        assert!(!readiness.is_ready());
    }

    #[test]
    fn a_goal_without_a_measure_is_not_measurable() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer(
            "problems.goals",
            Answer::Rows(vec![row(&[("goal", "Read well")])]),
        );
        assert!(Readiness::check(&draft)
            .flags
            .contains(&Flag::NoMeasurableGoal));
        draft.set_answer(
            "problems.goals",
            Answer::Rows(vec![
                row(&[("goal", "Read well")]),
                row(&[("goal", "Grade-level reading"), ("measure", "Spring MAP")]),
            ]),
        );
        assert!(!Readiness::check(&draft)
            .flags
            .contains(&Flag::NoMeasurableGoal));
    }

    #[test]
    fn devices_without_a_practice_change_are_flagged_as_such() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer("problems.change", text("Every student gets a Chromebook."));
        let flags = Readiness::check(&draft).flags;
        assert!(flags.contains(&Flag::DevicesWithoutPracticeChange));
        assert!(!flags.contains(&Flag::NoPracticeChange));
        draft.set_answer(
            "problems.practice",
            text("Teachers run small groups daily."),
        );
        let flags = Readiness::check(&draft).flags;
        assert!(!flags.contains(&Flag::DevicesWithoutPracticeChange));
        assert!(!flags.contains(&Flag::NoPracticeChange));
    }

    #[test]
    fn device_words_are_found_in_rows_and_as_whole_words() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer(
            "problems.meaning",
            text("Our platformer club and deviceless days"),
        );
        assert!(!mentions_devices(&draft));
        draft.set_answer(
            "problems.cases",
            Answer::Rows(vec![row(&[("today", "A 1:1 iPad rollout")])]),
        );
        assert!(mentions_devices(&draft));
    }

    #[test]
    fn undecided_counts_as_no_choice() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer("pathway.choice", Answer::Choice("undecided".into()));
        assert!(Readiness::check(&draft)
            .flags
            .contains(&Flag::PathUndecided));
        draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        assert!(!Readiness::check(&draft)
            .flags
            .contains(&Flag::PathUndecided));
    }

    #[test]
    fn coaching_or_milestones_count_as_prototyping_support() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer(
            "learning.milestones",
            Answer::Rows(vec![row(&[
                ("milestone", "Pilot station rotation"),
                ("date", "2027-01-15"),
            ])]),
        );
        assert!(!Readiness::check(&draft)
            .flags
            .contains(&Flag::NoPrototypingSupport));
    }

    #[test]
    fn every_flag_points_at_a_prompt_in_the_catalog() {
        let all = [
            Flag::NoLead,
            Flag::NoMeaning,
            Flag::NoMeasurableGoal,
            Flag::DevicesWithoutPracticeChange,
            Flag::NoPracticeChange,
            Flag::NoPrototypingSupport,
            Flag::NoCollaborationTime,
            Flag::NoKnowledgePlan,
            Flag::PathUndecided,
        ];
        for flag in all {
            assert_eq!(flag.prompt().id, flag.prompt_id());
            assert!(!flag.title().is_empty() && !flag.why().is_empty());
        }
    }

    #[test]
    fn a_complete_draft_is_ready() {
        let mut draft = Draft::new("d", "t", 0);
        for p in catalog::prompts() {
            let answer = match &p.kind {
                crate::PromptKind::ShortText | crate::PromptKind::LongText => text("Filled in."),
                crate::PromptKind::Choice(_) if p.id == "pathway.choice" => {
                    Answer::Choice("design".into())
                }
                crate::PromptKind::Choice(options) => Answer::Choice(options[0].id.into()),
                crate::PromptKind::Checklist(groups) => {
                    Answer::Checklist([groups[0].items[0].id.to_string()].into())
                }
                crate::PromptKind::Rows(rows) => Answer::Rows(vec![rows
                    .columns
                    .iter()
                    .map(|c| (c.id.to_string(), "x".to_string()))
                    .collect()]),
            };
            draft.set_answer(p.id, answer);
        }
        let readiness = Readiness::check(&draft);
        assert_eq!(readiness.flags, []);
        assert!(readiness.is_ready());
    }
}
