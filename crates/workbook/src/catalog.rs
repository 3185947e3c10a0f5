//! The catalog: every section and prompt of the workbook, as data, written once.
//!
//! The wizard, the readiness check and every export read this module. Prompt ids are stored in
//! drafts and exported files, so they must never change once released; tests pin them.

use crate::draft::Draft;
use crate::report::ReportAction;

/// The four areas of focus of the CRPE report, in the report's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FocusArea {
    /// Get clear on the problems to solve and what must change.
    Problems,
    /// Create flexibility: time, space, staffing, experimentation.
    Flexibility,
    /// Support adult learning and prototyping, and share what is learned.
    AdultLearning,
    /// Design a new model (vanguard) or adapt and adopt one.
    Pathway,
}

impl FocusArea {
    /// The four areas in order.
    pub const ALL: [FocusArea; 4] = [
        FocusArea::Problems,
        FocusArea::Flexibility,
        FocusArea::AdultLearning,
        FocusArea::Pathway,
    ];

    /// 1 to 4, as the report numbers them.
    pub fn number(self) -> u8 {
        match self {
            FocusArea::Problems => 1,
            FocusArea::Flexibility => 2,
            FocusArea::AdultLearning => 3,
            FocusArea::Pathway => 4,
        }
    }

    /// The section that holds this area's prompts in the workbook's own catalog (without any
    /// district's prompts; for a draft's, see [`Catalog::area`]).
    pub fn section(self) -> &'static Section {
        Catalog::base().area(self)
    }
}

/// What a section of the workbook is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Who is proposing.
    Profile,
    /// One of the four focus areas.
    Area(FocusArea),
    /// What the plan costs, when it happens, and what the team asks of the district.
    Resources,
    /// The cover page's sign-off and the assurances a district's brief asks for (only in the
    /// catalog of a draft that answers such a brief).
    SignOff,
    /// The closing check, computed from the answers (it has no prompts).
    Readiness,
}

/// One screen of the workbook.
#[derive(Debug)]
pub struct Section {
    /// Stable id, used in links and stored as a draft's last place.
    pub id: &'static str,
    /// What kind of section this is.
    pub kind: SectionKind,
    /// Heading.
    pub title: &'static str,
    /// A short name for navigation.
    pub short_title: &'static str,
    /// One or two sentences on why the section matters.
    pub why: &'static str,
    /// The prompts, in order.
    pub prompts: &'static [Prompt],
}

/// Sections are the same when their ids are: ids are unique in the catalog.
impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Answered and total prompts of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    /// Prompts with an answer that counts.
    pub answered: usize,
    /// All prompts.
    pub total: usize,
}

impl Progress {
    /// Whether every prompt is answered.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }

    /// Answered as a whole percentage of the total (0 when there is nothing to answer).
    pub fn percent(&self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(0)
    }
}

impl std::ops::Add for Progress {
    type Output = Progress;
    fn add(self, other: Progress) -> Progress {
        Progress {
            answered: self.answered + other.answered,
            total: self.total + other.total,
        }
    }
}

impl Section {
    /// How much of this section the draft has answered.
    pub fn progress(&self, draft: &Draft) -> Progress {
        Progress {
            answered: self.prompts.iter().filter(|p| p.answered_in(draft)).count(),
            total: self.prompts.len(),
        }
    }

    /// The focus area, if this section is one.
    pub fn area(&self) -> Option<FocusArea> {
        match self.kind {
            SectionKind::Area(area) => Some(area),
            _ => None,
        }
    }

    /// The heading with the area number, as navigation shows it ("1. Get clear on …").
    pub fn numbered_title(&self) -> String {
        match self.area() {
            Some(area) => format!("{}. {}", area.number(), self.title),
            None => self.title.to_string(),
        }
    }
}

/// One question the team answers.
#[derive(Clone, Copy, Debug)]
pub struct Prompt {
    /// Stable id ("area.name"), stored in drafts and exports.
    pub id: &'static str,
    /// The question as the team reads it.
    pub label: &'static str,
    /// Guidance shown under the question.
    pub help: &'static str,
    /// What kind of answer it takes.
    pub kind: PromptKind,
    /// The report's actions this prompt makes the team act on.
    pub actions: &'static [ReportAction],
}

/// The kinds of answer a prompt can take; the UI renders a prompt from its kind alone.
#[derive(Clone, Copy, Debug)]
pub enum PromptKind {
    /// One line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
    /// Exactly one of several options.
    Choice(&'static [ChoiceItem]),
    /// Any number of items, in labelled groups.
    Checklist(&'static [ChecklistGroup]),
    /// Rows the team adds and removes, each with the same columns.
    Rows(Rows),
}

/// An option of a choice or an item of a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChoiceItem {
    /// Stable id, stored in drafts.
    pub id: &'static str,
    /// What the team reads.
    pub label: &'static str,
}

/// A labelled group of checklist items.
#[derive(Clone, Copy, Debug)]
pub struct ChecklistGroup {
    /// The group's heading ("Time", "Space" …).
    pub label: &'static str,
    /// The items.
    pub items: &'static [ChoiceItem],
}

/// The shape of a repeatable-rows prompt.
#[derive(Clone, Copy, Debug)]
pub struct Rows {
    /// What one row is, for buttons ("Add a problem").
    pub noun: &'static str,
    /// The columns, in order.
    pub columns: &'static [Column],
}

/// One column of a repeatable-rows prompt.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Stable id, stored in drafts.
    pub id: &'static str,
    /// The column heading.
    pub label: &'static str,
    /// What the cell holds.
    pub kind: ColumnKind,
}

/// What a cell of a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// A line of text.
    Text,
    /// A few lines of text.
    Note,
    /// A calendar date (YYYY-MM-DD).
    Date,
    /// An amount of money, as typed ("$12,500").
    Amount,
    /// One of a few options, stored by id.
    Choice(&'static [ChoiceItem]),
}

impl Column {
    /// The words of a cell as a reader sees them: an option's label instead of its id.
    pub fn cell_text(&self, value: &str) -> String {
        match self.kind {
            ColumnKind::Choice(options) => options
                .iter()
                .find(|o| o.id == value)
                .map_or_else(|| value.to_string(), |o| o.label.to_string()),
            _ => value.to_string(),
        }
    }
}

impl PromptKind {
    /// A plain name for the kind of answer, as shown in guidance and exports.
    pub fn name(&self) -> &'static str {
        match self {
            PromptKind::ShortText => "short text",
            PromptKind::LongText => "long text",
            PromptKind::Choice(_) => "single choice",
            PromptKind::Checklist(_) => "checklist",
            PromptKind::Rows(_) => "rows",
        }
    }
}

impl Prompt {
    /// The label of a choice option or checklist item of this prompt.
    pub fn option_label(&self, option_id: &str) -> Option<&'static str> {
        let options: Box<dyn Iterator<Item = &'static ChoiceItem>> = match &self.kind {
            PromptKind::Choice(options) => Box::new(options.iter()),
            PromptKind::Checklist(groups) => Box::new(groups.iter().flat_map(|g| g.items.iter())),
            _ => return None,
        };
        options
            .into_iter()
            .find(|o| o.id == option_id)
            .map(|o| o.label)
    }

    /// An answer to this prompt as plain text, for comparing versions: option words instead
    /// of ids, one line per row.
    pub fn answer_as_text(&self, answer: &crate::Answer) -> String {
        use crate::Answer;
        let label = |id: &str| {
            self.option_label(id)
                .map_or_else(|| id.to_string(), str::to_string)
        };
        match answer {
            Answer::Text(text) => text.clone(),
            Answer::Choice(id) => label(id),
            Answer::Checklist(ids) => ids
                .iter()
                .map(|id| label(id))
                .collect::<Vec<_>>()
                .join("; "),
            Answer::Rows(rows) => {
                let columns: Vec<&str> = match &self.kind {
                    PromptKind::Rows(shape) => shape.columns.iter().map(|c| c.id).collect(),
                    _ => Vec::new(),
                };
                rows.iter()
                    .filter(|row| crate::row_has_text(row))
                    .map(|row| {
                        let cells: Vec<&str> = if columns.is_empty() {
                            row.values().map(String::as_str).collect()
                        } else {
                            columns
                                .iter()
                                .filter_map(|c| row.get(*c))
                                .map(String::as_str)
                                .collect()
                        };
                        cells
                            .into_iter()
                            .filter(|c| !c.trim().is_empty())
                            .collect::<Vec<_>>()
                            .join(" \u{b7} ")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }

    /// Whether a district's brief added this prompt.
    pub fn is_district(&self) -> bool {
        self.id.starts_with(crate::brief::PROMPT_PREFIX)
    }
}

/// The sections and prompts a draft is answered against: the workbook's own, plus, for a draft
/// that answers a district's brief, the district's prompts in their sections and the sign-off
/// and assurances before the readiness check. Cheap to copy; every screen, the readiness check,
/// storage and every export ask it instead of assuming the workbook's own.
#[derive(Clone, Copy, Debug)]
pub struct Catalog {
    sections: &'static [Section],
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.sections, other.sections)
    }
}

impl Catalog {
    /// The workbook's own catalog.
    pub fn base() -> Catalog {
        Catalog { sections: SECTIONS }
    }

    /// The catalog this draft is answered against.
    pub fn of(draft: &Draft) -> Catalog {
        Catalog::with_brief(draft.brief.as_ref())
    }

    /// The workbook's catalog extended by a brief's prompts, sign-off and assurances. The same
    /// brief gives the same catalog, built once.
    pub fn with_brief(brief: Option<&crate::brief::Brief>) -> Catalog {
        match brief {
            Some(b) if !b.prompts.is_empty() || b.has_signoff_section() => Catalog {
                sections: extend::interned(b),
            },
            _ => Catalog::base(),
        }
    }

    /// Every section, in the order the team walks through them.
    pub fn sections(self) -> &'static [Section] {
        self.sections
    }

    /// The section with this id.
    pub fn section(self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The section that holds this area's prompts.
    pub fn area(self, area: FocusArea) -> &'static Section {
        self.sections
            .iter()
            .find(|s| s.kind == SectionKind::Area(area))
            .expect("every focus area has a section")
    }

    /// The prompt with this id.
    pub fn prompt(self, id: &str) -> Option<&'static Prompt> {
        self.prompts().find(|p| p.id == id)
    }

    /// Every prompt, in order.
    pub fn prompts(self) -> impl Iterator<Item = &'static Prompt> {
        self.sections.iter().flat_map(|s| s.prompts.iter())
    }

    /// The section a prompt sits in.
    pub fn section_of(self, prompt_id: &str) -> Option<&'static Section> {
        self.sections
            .iter()
            .find(|s| s.prompts.iter().any(|p| p.id == prompt_id))
    }

    /// The section before the one with this id, if any.
    pub fn previous(self, id: &str) -> Option<&'static Section> {
        let index = self.sections.iter().position(|s| s.id == id)?;
        index.checked_sub(1).map(|i| &self.sections[i])
    }

    /// The section after the one with this id, if any.
    pub fn next(self, id: &str) -> Option<&'static Section> {
        let index = self.sections.iter().position(|s| s.id == id)?;
        self.sections.get(index + 1)
    }

    /// Progress over every prompt.
    pub fn overall_progress(self, draft: &Draft) -> Progress {
        self.sections
            .iter()
            .map(|s| s.progress(draft))
            .fold(Progress::default(), |a, b| a + b)
    }

    /// Whether this is the workbook's own catalog, without a brief's additions.
    pub fn is_base(self) -> bool {
        std::ptr::eq(self.sections, SECTIONS)
    }
}

mod extend {
    //! Building a brief's catalog. Sections and prompts are `'static` data that every screen
    //! borrows, so a brief's are built once per distinct brief and kept for the life of the
    //! page (a few kilobytes each; a desk of proposals answering one brief builds it once).

    use super::*;
    use crate::brief::{self, Brief, ExtraKind};
    use std::sync::Mutex;

    type Built = (Brief, &'static [Section]);
    static BUILT: Mutex<Vec<Built>> = Mutex::new(Vec::new());

    fn keep(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }

    fn keep_slice<T>(v: Vec<T>) -> &'static [T] {
        Box::leak(v.into_boxed_slice())
    }

    /// Found by comparing briefs, which costs no allocation: screens ask for a draft's
    /// catalog on every change of the draft.
    pub(super) fn interned(b: &Brief) -> &'static [Section] {
        let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, sections)) = built.iter().find(|(k, _)| k == b) {
            return sections;
        }
        let sections = build(b);
        built.push((b.clone(), sections));
        sections
    }

    fn options(options: &[brief::ExtraOption]) -> &'static [ChoiceItem] {
        keep_slice(
            options
                .iter()
                .map(|o| ChoiceItem {
                    id: keep(&o.id),
                    label: keep(&o.label),
                })
                .collect(),
        )
    }

    fn prompt(p: &brief::ExtraPrompt) -> Prompt {
        Prompt {
            id: keep(&p.prompt_id()),
            label: keep(&p.label),
            help: keep(&p.help),
            kind: match &p.kind {
                ExtraKind::ShortText => PromptKind::ShortText,
                ExtraKind::LongText => PromptKind::LongText,
                ExtraKind::Choice(o) => PromptKind::Choice(options(o)),
                ExtraKind::Checklist(o) => {
                    PromptKind::Checklist(keep_slice(vec![ChecklistGroup {
                        label: "",
                        items: options(o),
                    }]))
                }
            },
            actions: &[],
        }
    }

    fn build(b: &Brief) -> &'static [Section] {
        let mut sections = Vec::new();
        for s in SECTIONS {
            if s.kind == SectionKind::Readiness && b.has_signoff_section() {
                sections.push(signoff(b));
            }
            let mut prompts: Vec<Prompt> = s.prompts.to_vec();
            prompts.extend(b.prompts.iter().filter(|p| p.section == s.id).map(prompt));
            sections.push(Section {
                id: s.id,
                kind: s.kind,
                title: s.title,
                short_title: s.short_title,
                why: s.why,
                prompts: keep_slice(prompts),
            });
        }
        keep_slice(sections)
    }

    static SIGNERS: Rows = Rows {
        noun: "signer",
        columns: &[
            col("role", "Role", ColumnKind::Text),
            col("name", "Name", ColumnKind::Text),
            col("date", "Date signed", ColumnKind::Date),
        ],
    };

    fn signoff(b: &Brief) -> Section {
        let mut prompts = Vec::new();
        if !b.signoff.is_empty() {
            prompts.push(Prompt {
                id: brief::SIGNOFF_PROMPT,
                label: "Who signs the cover page",
                help: keep(&format!(
                    "The district asks for the cover page to be signed by: {}. Add one row per \
                     person, with their role, their name as it should appear in print, and the \
                     date they signed.",
                    b.signoff.join("; ")
                )),
                kind: PromptKind::Rows(SIGNERS),
                actions: &[],
            });
        }
        if !b.assurances.is_empty() {
            let items = keep_slice(
                b.assurances
                    .iter()
                    .map(|a| ChoiceItem {
                        id: keep(&a.id),
                        label: keep(&a.text),
                    })
                    .collect(),
            );
            prompts.push(Prompt {
                id: brief::ASSURANCES_PROMPT,
                label: "The district\u{2019}s assurances",
                help: "Tick each one your school confirms. The district reads an unticked \
                       assurance as not given.",
                kind: PromptKind::Checklist(keep_slice(vec![ChecklistGroup { label: "", items }])),
                actions: &[],
            });
        }
        Section {
            id: brief::SIGNOFF_SECTION,
            kind: SectionKind::SignOff,
            title: "Sign-off and assurances",
            short_title: "Sign-off",
            why: "The district asks for the cover page to be signed and for a few promises to be \
                  confirmed before it reads a proposal. This section gathers them.",
            prompts: keep_slice(prompts),
        }
    }
}

/// The id of the first section, where a new draft opens.
pub const FIRST_SECTION: &str = "profile";
/// The id of the closing readiness check.
pub const READINESS_SECTION: &str = "readiness";
/// The prompt that holds the school's name.
pub const SCHOOL_PROMPT: &str = "profile.school";

use ColumnKind::{Amount, Date, Note, Text};
use ReportAction as A;

const fn opt(id: &'static str, label: &'static str) -> ChoiceItem {
    ChoiceItem { id, label }
}

const fn col(id: &'static str, label: &'static str, kind: ColumnKind) -> Column {
    Column { id, label, kind }
}

/// The options of a budget line's "one-time or recurring" cell.
pub static RECURS: &[ChoiceItem] = &[
    opt("one_time", "One-time"),
    opt("recurring", "Recurring, every year"),
];

/// The phases of the work, in order.
pub static PHASES: &[ChoiceItem] = &[
    opt("design", "Design"),
    opt("pilot", "Pilot"),
    opt("launch", "Launch"),
    opt("scale", "Scale"),
];

/// The kinds of help a team asks of the district.
pub static REQUEST_KINDS: &[ChoiceItem] = &[
    opt("money", "Money"),
    opt("coaching", "Coaching"),
    opt("time", "Time"),
    opt("staff", "Staff"),
    opt("waiver", "A waiver from a rule"),
    opt("partner", "A partner"),
    opt("other", "Other"),
];

static SECTIONS: &[Section] = &[
    Section {
        id: "profile",
        kind: SectionKind::Profile,
        title: "Your school and team",
        short_title: "School and team",
        why: "Reviewers start here: who is proposing, for which students, and who will lead. \
              In the schools the report studied, efforts stalled where no leader owned the work.",
        prompts: &[
            Prompt {
                id: "profile.school",
                label: "School name",
                help: "As the district knows it, for example \u{201c}Lincoln Elementary\u{201d}.",
                kind: PromptKind::ShortText,
                actions: &[],
            },
            Prompt {
                id: "profile.competition",
                label: "Which design competition or call is this proposal for?",
                help: "The name and year the district gave it, if it has one.",
                kind: PromptKind::ShortText,
                actions: &[A::DesignCompetition],
            },
            Prompt {
                id: "profile.students",
                label: "Which grades and students will the design serve?",
                help: "For example: \u{201c}Grades 6\u{2013}8, about 420 students, starting with the sixth-grade team.\u{201d}",
                kind: PromptKind::ShortText,
                actions: &[],
            },
            Prompt {
                id: "profile.team",
                label: "Who is on the design team?",
                help: "Include the principal, teachers, and anyone else who shapes the design: \
                       support staff, families, students, partners.",
                kind: PromptKind::Rows(Rows {
                    noun: "team member",
                    columns: &[
                        col("name", "Name", Text),
                        col("role", "Role", Text),
                        col("brings", "What they bring to the team", Text),
                    ],
                }),
                actions: &[],
            },
            Prompt {
                id: "profile.lead",
                label: "Who leads the design work?",
                help: "One named person who can make decisions and speak for the team.",
                kind: PromptKind::ShortText,
                actions: &[A::InterestedLeaders],
            },
        ],
    },
    Section {
        id: "problems",
        kind: SectionKind::Area(FocusArea::Problems),
        title: "Get clear on the problems to solve",
        short_title: "Problems to solve",
        why: "In the schools studied, goals for students were often vague or understood differently \
              by different people, so teachers tried many things without direction, wore themselves \
              out, and lost sight of rigor and of the students at the margins. Name the problem before \
              the solution.",
        prompts: &[
            Prompt {
                id: "problems.meaning",
                label: "What does personalized learning mean at your school, and why are you doing it?",
                help: "Two or three sentences a parent would understand. Where schools skipped this, \
                       each teacher ended up defining personalization alone.",
                kind: PromptKind::LongText,
                actions: &[A::DefineMeaning],
            },
            Prompt {
                id: "problems.expectations",
                label: "Which of the district\u{2019}s expectations for students will this design help meet?",
                help: "Quote or sum up what the district expects students to achieve (a graduate \
                       profile, a strategic plan) and say which parts you are aiming at.",
                kind: PromptKind::LongText,
                actions: &[A::DistrictExpectations],
            },
            Prompt {
                id: "problems.goals",
                label: "Goals for students",
                help: "At least one goal should be measurable: what will be different for students, \
                       how you will know, and by when.",
                kind: PromptKind::Rows(Rows {
                    noun: "goal",
                    columns: &[
                        col("goal", "Goal for students", Note),
                        col("measure", "How you will measure it", Text),
                        col("target", "Target and date", Text),
                    ],
                }),
                actions: &[A::DistrictExpectations],
            },
            Prompt {
                id: "problems.identified",
                label: "Which problems did educators identify, and what is the evidence?",
                help: "Bring teachers, staff, students and families together to list what keeps \
                       students from meeting those expectations. Back each problem with evidence: \
                       data, student work, observations.",
                kind: PromptKind::Rows(Rows {
                    noun: "problem",
                    columns: &[
                        col("problem", "Problem", Note),
                        col("evidence", "Evidence", Note),
                        col("raised_by", "Who raised it", Text),
                    ],
                }),
                actions: &[A::EducatorProblems],
            },
            Prompt {
                id: "problems.cases",
                label: "Where do these problems show up in your school?",
                help: "Look across the school for concrete cases: a grade, a course, a group of \
                       students. A specific case is easier to design for than a general worry.",
                kind: PromptKind::Rows(Rows {
                    noun: "case",
                    columns: &[
                        col("case", "Case (grade, course or group)", Text),
                        col("students", "Students affected", Text),
                        col("today", "What happens today", Note),
                    ],
                }),
                actions: &[A::SchoolCases],
            },
            Prompt {
                id: "problems.change",
                label: "What must change to solve these problems?",
                help: "Name the changes in how time, staff, students and content are organised. \
                       New seating or new devices are not, on their own, a change in learning.",
                kind: PromptKind::LongText,
                actions: &[A::EducatorProblems, A::PracticeShift],
            },
            Prompt {
                id: "problems.practice",
                label: "What will teachers do differently, day to day?",
                help: "Describe the shift in teaching: how lessons, grouping, feedback and rigor will \
                       change. Teachers surveyed said this shift is what schools most often forget to plan.",
                kind: PromptKind::LongText,
                actions: &[A::PracticeShift],
            },
            Prompt {
                id: "problems.week",
                label: "A week in the life of one student under the new design",
                help: "Follow one student from Monday to Friday: how fast they move and on what path, \
                       when they work alone, in small groups or as a class, where their interests come \
                       in, and which adults they work with.",
                kind: PromptKind::LongText,
                actions: &[A::PracticeShift],
            },
            Prompt {
                id: "problems.equity",
                label: "How will the design serve students on the margins and keep the work demanding?",
                help: "Say what students with disabilities, English learners and students far behind \
                       will get, and how every student keeps doing grade-level work rather than easier \
                       work at a slower pace.",
                kind: PromptKind::LongText,
                actions: &[A::PracticeShift],
            },
        ],
    },
    Section {
        id: "flexibility",
        kind: SectionKind::Area(FocusArea::Flexibility),
        title: "Create flexibility",
        short_title: "Flexibility",
        why: "Innovating schools usually had to negotiate each exception on its own, so their freedom \
              was fragile, and some central office departments stayed on the sidelines. Be explicit \
              about the room you already have, what stands in the way, and who must help.",
        prompts: &[
            Prompt {
                id: "flexibility.inventory",
                label: "Which flexibilities does your school already have?",
                help: "Tick what the school can do today without asking for an exception.",
                kind: PromptKind::Checklist(&[
                    ChecklistGroup {
                        label: "Time",
                        items: &[
                            opt("time.schedule", "Set our own daily schedule and block lengths"),
                            opt("time.calendar", "Change the length of the school day or year"),
                            opt("time.planning", "Give teachers shared planning time every week"),
                        ],
                    },
                    ChecklistGroup {
                        label: "Space",
                        items: &[
                            opt("space.rooms", "Rearrange, open up or combine classrooms"),
                            opt("space.dedicated", "Use a dedicated space for the new model"),
                        ],
                    },
                    ChecklistGroup {
                        label: "Staffing",
                        items: &[
                            opt("staffing.roles", "Create new roles or change job descriptions"),
                            opt("staffing.hiring", "Choose our own staff for the design"),
                            opt("staffing.teams", "Have teachers teach as a team across classes"),
                        ],
                    },
                    ChecklistGroup {
                        label: "Experimentation",
                        items: &[
                            opt("experiment.grouping", "Group students across grades by readiness"),
                            opt("experiment.curriculum", "Choose our own curriculum and materials"),
                            opt("experiment.assessment", "Use our own assessments and grading"),
                            opt("experiment.pilot", "Pilot, change or stop a practice mid-year"),
                        ],
                    },
                ]),
                actions: &[A::ExistingFlexibilities],
            },
            Prompt {
                id: "flexibility.tensions",
                label: "Where do current rules or habits get in the way?",
                help: "Be specific: the rule, policy, contract term or habit, who owns it, and \
                       what you are asking for.",
                kind: PromptKind::Rows(Rows {
                    noun: "tension",
                    columns: &[
                        col("rule", "Rule, policy or habit", Note),
                        col("owner", "Who owns it", Text),
                        col("ask", "What you ask for", Note),
                    ],
                }),
                actions: &[A::Tensions],
            },
            Prompt {
                id: "flexibility.departments",
                label: "Which central office departments must take part, and what do you need from each?",
                help: "Look beyond curriculum and instruction: assessment, human resources, budget, \
                       technology, facilities, special education, English learner services, transportation.",
                kind: PromptKind::Rows(Rows {
                    noun: "department",
                    columns: &[
                        col("department", "Department", Text),
                        col("need", "What you need from them", Note),
                        col("contact", "Contact person", Text),
                    ],
                }),
                actions: &[A::CentralOffice],
            },
            Prompt {
                id: "flexibility.outcomes",
                label: "Which broader outcomes should count when this work is evaluated?",
                help: "Beyond test scores: for example student agency, attendance, quality of work, \
                       credits earned, family engagement. Say what your principal supervisor should weigh.",
                kind: PromptKind::LongText,
                actions: &[A::BroaderOutcomes],
            },
            Prompt {
                id: "flexibility.zone",
                label: "Would your school work within a dedicated autonomy zone?",
                help: "An autonomy zone is a group of schools the district frees from chosen rules \
                       so that they can innovate.",
                kind: PromptKind::Choice(&[
                    opt("already", "We are already in one"),
                    opt("join", "Yes, we would join one"),
                    opt("terms", "Perhaps: we would need to know its terms first"),
                    opt("no", "No, we can do this within current rules"),
                ]),
                actions: &[A::AutonomyZone],
            },
            Prompt {
                id: "flexibility.space",
                label: "Where will you try the design first?",
                help: "A dedicated space to innovate (one grade team, a wing, a school within the \
                       school) lets you test without betting the whole school. Say what it needs.",
                kind: PromptKind::LongText,
                actions: &[A::InnovationSpaces, A::AutonomyZone],
            },
            Prompt {
                id: "flexibility.roles",
                label: "What roles will adults play in the new model?",
                help: "Schools that personalize well rarely leave each teacher alone with a roster. \
                       Consider teacher-leaders who run small teams, teachers who plan and teach \
                       side by side, aides and other adults who support students, and teachers \
                       still in training.",
                kind: PromptKind::Rows(Rows {
                    noun: "role",
                    columns: &[
                        col("role", "Role", Text),
                        col("who", "Who fills it", Text),
                        col("does", "What they do", Note),
                    ],
                }),
                actions: &[A::StaffingModel],
            },
            Prompt {
                id: "flexibility.teaming",
                label: "How will adults team up to teach?",
                help: "Describe team teaching, co-teaching or small instructional teams, and how \
                       teams will share a picture of each student\u{2019}s progress, for example \
                       from blended learning data.",
                kind: PromptKind::LongText,
                actions: &[A::StaffingModel],
            },
            Prompt {
                id: "flexibility.pipeline",
                label: "How will you find and grow the staff the model needs?",
                help: "For example paid fellowships or residencies that train your own teachers, \
                       and career steps for teacher-leaders.",
                kind: PromptKind::LongText,
                actions: &[A::StaffingModel],
            },
        ],
    },
    Section {
        id: "learning",
        kind: SectionKind::Area(FocusArea::AdultLearning),
        title: "Support adult learning and prototyping",
        short_title: "Adult learning",
        why: "Teachers were rarely helped to prototype and learn what worked: they judged by feel \
              and by student engagement, one-off training missed the mark, and what was learned \
              stayed with a few people. Only 12 of the 39 schools studied reported that teachers collaborated.",
        prompts: &[
            Prompt {
                id: "learning.coaching",
                label: "What coaching will teachers get while they prototype?",
                help: "Embedded coaching: who coaches, how often, and in classrooms rather than in \
                       one-off workshops.",
                kind: PromptKind::LongText,
                actions: &[A::EmbeddedCoaching, A::StaffingModel],
            },
            Prompt {
                id: "learning.milestones",
                label: "Prototypes and milestones",
                help: "Plan short cycles: try something small, look at the evidence, adjust. Give each \
                       milestone a date.",
                kind: PromptKind::Rows(Rows {
                    noun: "milestone",
                    columns: &[
                        col("milestone", "Prototype or milestone", Note),
                        col("date", "Date", Date),
                        col("signal", "How you will know it worked", Note),
                    ],
                }),
                actions: &[A::EmbeddedCoaching],
            },
            Prompt {
                id: "learning.evidence",
                label: "Beyond engagement, what evidence will tell you a prototype works?",
                help: "Student work, assessment results, attendance, what students say. Teachers in \
                       the study often had only their impressions to go on.",
                kind: PromptKind::LongText,
                actions: &[A::EmbeddedCoaching],
            },
            Prompt {
                id: "learning.collaboration",
                label: "When will teachers plan and learn together?",
                help: "Name the regular time and what happens in it. Teachers who collaborated \
                       fared better than those left to work it out alone.",
                kind: PromptKind::LongText,
                actions: &[A::StaffingModel],
            },
            Prompt {
                id: "learning.leaders",
                label: "What support will school leaders get to manage the change?",
                help: "For example a coach for the principal, a network of peers, or regular \
                       working sessions with the principal supervisor.",
                kind: PromptKind::LongText,
                actions: &[A::ChangeManagement],
            },
            Prompt {
                id: "learning.knowledge",
                label: "How will you record what you learn and get it to other educators?",
                help: "A knowledge-management plan: where lessons are written down, who keeps them \
                       up, and how other teachers and schools will use them, so that nothing depends \
                       on one person.",
                kind: PromptKind::LongText,
                actions: &[A::KnowledgeManagement],
            },
        ],
    },
    Section {
        id: "pathway",
        kind: SectionKind::Area(FocusArea::Pathway),
        title: "Design a new model, or adapt and adopt one",
        short_title: "New or adapted model",
        why: "Some schools are ready to design something new; others will serve students better by \
              adapting a model that already works elsewhere. Saying which you are tells the district \
              what support, partners and money to line up.",
        prompts: &[
            Prompt {
                id: "pathway.choice",
                label: "Will your school design a new model or adapt and adopt an existing one?",
                help: "A vanguard school designs and tests a new model; an adopting school takes a \
                       proven model and fits it to its students.",
                kind: PromptKind::Choice(&[
                    opt("design", "Design a new model (a vanguard school)"),
                    opt("adapt", "Adapt and adopt an existing model"),
                    opt("undecided", "Not decided yet"),
                ]),
                actions: &[A::NewOrAdapt],
            },
            Prompt {
                id: "pathway.why",
                label: "Why is that the right path for your school?",
                help: "Consider the team\u{2019}s capacity, its appetite for risk, and what already \
                       exists that fits your students.",
                kind: PromptKind::LongText,
                actions: &[A::NewOrAdapt],
            },
            Prompt {
                id: "pathway.model",
                label: "If you are adapting a model: which one, and where have you seen it work?",
                help: "Name the model and a school that runs it.",
                kind: PromptKind::ShortText,
                actions: &[A::NewOrAdapt],
            },
            Prompt {
                id: "pathway.leaders",
                label: "Which interested and motivated leaders will carry this?",
                help: "Hosting conversations about personalized learning and goals for students is \
                       a good way to find them, inside your school and beyond it.",
                kind: PromptKind::Rows(Rows {
                    noun: "leader",
                    columns: &[
                        col("name", "Name", Text),
                        col("role", "Role", Text),
                        col("why", "Why they are ready", Note),
                    ],
                }),
                actions: &[A::InterestedLeaders],
            },
            Prompt {
                id: "pathway.community",
                label: "Which community of practice will you join or start?",
                help: "Educators from several schools who meet regularly to learn from one another\u{2019}s work.",
                kind: PromptKind::LongText,
                actions: &[A::CommunitiesOfPractice],
            },
            Prompt {
                id: "pathway.partners",
                label: "Which partners will you work with?",
                help: "For example a local charter school already innovating, a university, a \
                       nonprofit, a model provider.",
                kind: PromptKind::Rows(Rows {
                    noun: "partner",
                    columns: &[
                        col("partner", "Partner", Text),
                        col("kind", "Kind of partner", Text),
                        col("brings", "What they bring", Note),
                    ],
                }),
                actions: &[A::Partners],
            },
            Prompt {
                id: "pathway.funding",
                label: "Which funding sources will you draw on?",
                help: "The Every Student Succeeds Act lets districts use Title IV and Title II money \
                       for this kind of work, and many foundations support it.",
                kind: PromptKind::Checklist(&[ChecklistGroup {
                    label: "Sources",
                    items: &[
                        opt("essa_title_iv", "ESSA Title IV (Student Support and Academic Enrichment)"),
                        opt("essa_title_ii", "ESSA Title II (teacher and leader development)"),
                        opt("philanthropy", "Philanthropy: foundations and local donors"),
                        opt("district", "The district\u{2019}s own budget"),
                        opt("other", "Other grants"),
                    ],
                }]),
                actions: &[A::Funding],
            },
            Prompt {
                id: "pathway.funding_plan",
                label: "What will the money pay for, and how will the work last when a grant ends?",
                help: "Say what each source pays for: staff time, coaching, training, materials.",
                kind: PromptKind::LongText,
                actions: &[A::Funding],
            },
            Prompt {
                id: "pathway.scale",
                label: "How will the pilot grow to the whole school, and last?",
                help: "Say when and how the design spreads beyond its first classrooms, what teachers \
                       will stop doing to make room for it, how the model will be written down so \
                       another school could pick it up, and how state testing will be handled while \
                       the change is under way.",
                kind: PromptKind::LongText,
                actions: &[A::KnowledgeManagement, A::NewOrAdapt],
            },
        ],
    },
    Section {
        id: "resources",
        kind: SectionKind::Resources,
        title: "Resources and requests",
        short_title: "Resources and requests",
        why: "A district funds a plan it can see: what each part costs and who pays, which costs \
              come back every year, when each phase starts, and exactly what the school needs from \
              the central office. This section gathers all of it in one place.",
        prompts: &[
            Prompt {
                id: "resources.budget",
                label: "What will the work cost, and who pays for each part?",
                help: "One line per item: staff time, coaching, training days, materials, devices, \
                       licences. Mark the costs that come back every year as recurring, and give \
                       the school year each line belongs to. The totals add up as you type.",
                kind: PromptKind::Rows(Rows {
                    noun: "budget line",
                    columns: &[
                        col("item", "Item", Text),
                        col("source", "Funding source", Text),
                        col("amount", "Amount", Amount),
                        col("kind", "One-time or recurring", ColumnKind::Choice(RECURS)),
                        col("year", "School year", Text),
                    ],
                }),
                actions: &[A::Funding, A::DesignCompetition],
            },
            Prompt {
                id: "resources.phases",
                label: "When does each phase start and end?",
                help: "Design, pilot, launch and scale: give each phase its dates and say in a line \
                       what happens in it, so the district can plan its support around them.",
                kind: PromptKind::Rows(Rows {
                    noun: "phase",
                    columns: &[
                        col("phase", "Phase", ColumnKind::Choice(PHASES)),
                        col("start", "Starts", Date),
                        col("end", "Ends", Date),
                        col("what", "What happens", Note),
                    ],
                }),
                actions: &[A::ChangeManagement, A::DesignCompetition],
            },
            Prompt {
                id: "resources.requests",
                label: "What else do you ask of the district?",
                help: "The asks you wrote beside rules and departments are listed above and go into \
                       the proposal with these. Add what is not there yet: money, coaching, time, \
                       staff, a waiver, a partner.",
                kind: PromptKind::Rows(Rows {
                    noun: "request",
                    columns: &[
                        col("ask", "What you ask for", Note),
                        col("kind", "Kind of help", ColumnKind::Choice(REQUEST_KINDS)),
                        col("from", "From whom", Text),
                    ],
                }),
                actions: &[A::DesignCompetition, A::CentralOffice],
            },
            Prompt {
                id: "pathway.support",
                label: "In a few sentences, what do you ask of the district through this competition?",
                help: "This is the paragraph a reviewer reads first about your asks: the help that \
                       matters most, and why the plan needs it.",
                kind: PromptKind::LongText,
                actions: &[A::DesignCompetition],
            },
        ],
    },
    Section {
        id: "readiness",
        kind: SectionKind::Readiness,
        title: "Readiness check",
        short_title: "Readiness check",
        why: "Before you export, see what is still open and check the plan against the warning \
              signs the report found in schools whose efforts fell short.",
        prompts: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Answer;
    use std::collections::BTreeSet;

    fn section(id: &str) -> Option<&'static Section> {
        Catalog::base().section(id)
    }
    fn prompt(id: &str) -> Option<&'static Prompt> {
        Catalog::base().prompt(id)
    }
    fn prompts() -> impl Iterator<Item = &'static Prompt> {
        Catalog::base().prompts()
    }
    fn overall_progress(draft: &Draft) -> Progress {
        Catalog::base().overall_progress(draft)
    }
    fn home_of(p: &Prompt) -> &'static str {
        Catalog::base().section_of(p.id).unwrap().id
    }

    #[test]
    fn every_focus_area_has_one_section_in_report_order() {
        let areas: Vec<FocusArea> = SECTIONS.iter().filter_map(Section::area).collect();
        assert_eq!(areas, FocusArea::ALL.to_vec());
        for area in FocusArea::ALL {
            assert!(!area.section().prompts.is_empty(), "{area:?} has prompts");
            assert!(
                !area.section().why.is_empty(),
                "{area:?} says why it matters"
            );
        }
    }

    #[test]
    fn walk_starts_with_profile_and_ends_with_readiness() {
        assert_eq!(SECTIONS.first().unwrap().id, FIRST_SECTION);
        assert_eq!(SECTIONS.last().unwrap().id, READINESS_SECTION);
        assert_eq!(SECTIONS.first().unwrap().kind, SectionKind::Profile);
        assert_eq!(SECTIONS.last().unwrap().kind, SectionKind::Readiness);
        assert!(section(READINESS_SECTION).unwrap().prompts.is_empty());
        assert_eq!(Catalog::base().previous("problems").unwrap().id, "profile");
        assert_eq!(Catalog::base().next("pathway").unwrap().id, "resources");
        assert_eq!(Catalog::base().next("resources").unwrap().id, "readiness");
        assert!(Catalog::base().next("readiness").is_none());
        assert!(Catalog::base().previous("profile").is_none());
    }

    #[test]
    fn a_draft_written_before_resources_existed_keeps_its_request_for_support_there() {
        // Drafts from before this section hold `pathway.support` under "New or adapted model";
        // the same answer now counts, and shows, under "Resources and requests".
        let json = r#"{"id":"old1","title":"Studios","created_ms":1,"updated_ms":2,
            "answers":{"pathway.support":{"text":"A coach two days a week"},
                       "pathway.choice":{"choice":"adapt"}}}"#;
        let draft: Draft = serde_json::from_str(json).unwrap();
        assert!(draft.addressed.is_empty());
        let resources = section("resources").unwrap();
        assert_eq!(resources.progress(&draft).answered, 1);
        assert_eq!(section("pathway").unwrap().progress(&draft).answered, 1);
        assert_eq!(home_of(prompt("pathway.support").unwrap()), "resources");
        assert_eq!(draft.text("pathway.support"), "A coach two days a week");
    }

    #[test]
    fn ids_are_unique() {
        let mut seen = BTreeSet::new();
        for s in SECTIONS {
            assert!(seen.insert(s.id), "section id {} repeats", s.id);
        }
        let mut seen = BTreeSet::new();
        for p in prompts() {
            assert!(seen.insert(p.id), "prompt id {} repeats", p.id);
            let option_ids: Vec<&str> = match &p.kind {
                PromptKind::Choice(options) => options.iter().map(|o| o.id).collect(),
                PromptKind::Checklist(groups) => groups
                    .iter()
                    .flat_map(|g| g.items.iter().map(|o| o.id))
                    .collect(),
                PromptKind::Rows(rows) => rows.columns.iter().map(|c| c.id).collect(),
                _ => vec![],
            };
            let unique: BTreeSet<&str> = option_ids.iter().copied().collect();
            assert_eq!(unique.len(), option_ids.len(), "ids inside {} repeat", p.id);
        }
    }

    /// Drafts and exported files store these ids. Changing one strands saved work, so this
    /// list changes only with a storage migration.
    #[test]
    fn prompt_ids_are_stable() {
        let ids: Vec<&str> = prompts().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [
                "profile.school",
                "profile.competition",
                "profile.students",
                "profile.team",
                "profile.lead",
                "problems.meaning",
                "problems.expectations",
                "problems.goals",
                "problems.identified",
                "problems.cases",
                "problems.change",
                "problems.practice",
                "problems.week",
                "problems.equity",
                "flexibility.inventory",
                "flexibility.tensions",
                "flexibility.departments",
                "flexibility.outcomes",
                "flexibility.zone",
                "flexibility.space",
                "flexibility.roles",
                "flexibility.teaming",
                "flexibility.pipeline",
                "learning.coaching",
                "learning.milestones",
                "learning.evidence",
                "learning.collaboration",
                "learning.leaders",
                "learning.knowledge",
                "pathway.choice",
                "pathway.why",
                "pathway.model",
                "pathway.leaders",
                "pathway.community",
                "pathway.partners",
                "pathway.funding",
                "pathway.funding_plan",
                "pathway.scale",
                "resources.budget",
                "resources.phases",
                "resources.requests",
                "pathway.support",
            ]
        );
        // Ids name the section a prompt was first released in; the team's request for
        // support moved to "Resources and requests" and kept its id, so drafts keep the answer.
        let moved = [("pathway.support", "resources")];
        for p in prompts() {
            let prefix = p.id.split('.').next().unwrap();
            let home = moved
                .iter()
                .find(|(id, _)| *id == p.id)
                .map_or(prefix, |(_, section)| section);
            assert_eq!(home, home_of(p), "{} sits where its id says", p.id);
        }
    }

    #[test]
    fn every_report_action_is_reachable_from_a_prompt() {
        for action in ReportAction::ALL {
            let reached_by: Vec<&str> = prompts()
                .filter(|p| p.actions.contains(&action))
                .map(|p| p.id)
                .collect();
            assert!(!reached_by.is_empty(), "no prompt reaches {action:?}");
        }
    }

    #[test]
    fn each_area_reaches_the_actions_the_report_lists_under_it() {
        let reaches = |area: FocusArea, action: ReportAction| {
            area.section()
                .prompts
                .iter()
                .any(|p| p.actions.contains(&action))
        };
        use FocusArea::*;
        for action in [A::DistrictExpectations, A::EducatorProblems, A::SchoolCases] {
            assert!(reaches(Problems, action), "{action:?}");
        }
        for action in [
            A::ExistingFlexibilities,
            A::Tensions,
            A::CentralOffice,
            A::BroaderOutcomes,
            A::AutonomyZone,
            A::InnovationSpaces,
        ] {
            assert!(reaches(Flexibility, action), "{action:?}");
        }
        for action in [
            A::EmbeddedCoaching,
            A::ChangeManagement,
            A::KnowledgeManagement,
        ] {
            assert!(reaches(AdultLearning, action), "{action:?}");
        }
        for action in [
            A::NewOrAdapt,
            A::InterestedLeaders,
            A::CommunitiesOfPractice,
        ] {
            assert!(reaches(Pathway, action), "{action:?}");
        }
    }

    #[test]
    fn the_workbook_uses_every_kind_of_answer() {
        let kinds: BTreeSet<&str> = prompts().map(|p| p.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "checklist",
                "long text",
                "rows",
                "short text",
                "single choice"
            ]
            .into()
        );
        let flexibility = section("flexibility").unwrap();
        let inventory = flexibility
            .prompts
            .iter()
            .find(|p| p.id == "flexibility.inventory");
        let PromptKind::Checklist(groups) = &inventory.unwrap().kind else {
            panic!("the flexibility inventory is a checklist");
        };
        let labels: Vec<&str> = groups.iter().map(|g| g.label).collect();
        assert_eq!(labels, ["Time", "Space", "Staffing", "Experimentation"]);
        let choice = prompt("pathway.choice").unwrap();
        assert_eq!(
            choice.option_label("adapt"),
            Some("Adapt and adopt an existing model")
        );
        assert_eq!(choice.option_label("nope"), None);
    }

    #[test]
    fn answers_read_as_plain_text() {
        let choice = prompt("pathway.choice").unwrap();
        assert_eq!(
            choice.answer_as_text(&Answer::Choice("adapt".into())),
            "Adapt and adopt an existing model"
        );
        let funding = prompt("pathway.funding").unwrap();
        let ticked = Answer::Checklist(["district".to_string(), "philanthropy".to_string()].into());
        assert_eq!(
            funding.answer_as_text(&ticked),
            "The district\u{2019}s own budget; Philanthropy: foundations and local donors"
        );
        let goals = prompt("problems.goals").unwrap();
        let rows = Answer::Rows(vec![
            [
                ("measure".to_string(), "MAP".to_string()),
                ("goal".to_string(), "Read".to_string()),
            ]
            .into(),
            [("goal".to_string(), " ".to_string())].into(),
        ]);
        assert_eq!(goals.answer_as_text(&rows), "Read \u{b7} MAP");
    }

    #[test]
    fn progress_counts_answered_prompts_per_section() {
        let mut draft = Draft::new("d", "t", 0);
        let problems = section("problems").unwrap();
        assert_eq!(
            problems.progress(&draft),
            Progress {
                answered: 0,
                total: 9
            }
        );
        draft.set_answer(
            "problems.meaning",
            Answer::Text("Students own their pace".into()),
        );
        draft.set_answer("problems.practice", Answer::Text("   ".into()));
        draft.set_answer("flexibility.zone", Answer::Choice("join".into()));
        assert_eq!(
            problems.progress(&draft),
            Progress {
                answered: 1,
                total: 9
            }
        );
        let total: usize = SECTIONS.iter().map(|s| s.prompts.len()).sum();
        assert_eq!(overall_progress(&draft), Progress { answered: 2, total });
        assert!(!overall_progress(&draft).is_complete());
        assert_eq!(problems.progress(&draft).percent(), 11);
        assert_eq!(Progress::default().percent(), 0);
        assert!(section("readiness").unwrap().progress(&draft).is_complete());
    }

    #[test]
    fn every_prompt_has_words_for_the_team() {
        for p in prompts() {
            assert!(p.label.len() > 5, "{} has a label", p.id);
            assert!(p.help.len() > 10, "{} has guidance", p.id);
            if let PromptKind::Rows(rows) = &p.kind {
                assert!(
                    !rows.columns.is_empty() && !rows.noun.is_empty(),
                    "{}",
                    p.id
                );
            }
        }
    }
}
