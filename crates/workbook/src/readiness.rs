//! The closing readiness check: what is still unanswered, and the warning signs the report found
//! in schools whose personalized-learning efforts fell short.

use crate::catalog::{Catalog, Progress, Prompt, Section, SectionKind};
use crate::draft::{Answer, Draft};
use crate::substance;

/// A warning sign in a draft. Each names the prompt whose answer removes it, and says what the
/// check looked for there, so a team can see why a sign stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// Nobody is named to lead the work.
    NoLead,
    /// No principal or other school leader is on the design team.
    NoSchoolLeader,
    /// The team has not said what personalized learning means for it, or why.
    NoMeaning,
    /// The design is not tied to the school's or the district's improvement priorities.
    NotTiedToPriorities,
    /// No goal for students has a measure and a target with a number or a date.
    NoMeasurableGoal,
    /// The plan talks about devices, software or programs, but not about a change in teaching.
    DevicesWithoutPracticeChange,
    /// The plan does not say how teaching will change.
    NoPracticeChange,
    /// No plan for students on the margins, or for keeping the work demanding.
    NoPlanForMargins,
    /// Nothing says how teachers will be coached through dated prototypes.
    NoPrototypingSupport,
    /// Success would be judged only by engagement or satisfaction.
    EngagementOnlyEvidence,
    /// No regular time for teachers to plan and learn together.
    NoCollaborationTime,
    /// No plan to record and share what is learned.
    NoKnowledgePlan,
    /// The team has not chosen between a new model and an adapted one.
    PathUndecided,
    /// No plan for after the pilot.
    NoPlanBeyondPilot,
    /// The costs that come back every year are not considered.
    RecurringCostsIgnored,
    /// The district's brief asks for sign-off on the cover page, and someone it names has not
    /// signed (a name and a date).
    NotSignedOff,
    /// An assurance the district's brief asks for is not confirmed.
    AssurancesUnconfirmed,
    /// A section is longer than the district's word limit for it.
    OverWordLimit,
    /// The plan asks the competition for more than one school can be awarded.
    RequestAboveAward,
}

impl Flag {
    /// Every warning sign, most basic first.
    pub const ALL: [Flag; 19] = [
        Flag::NoLead,
        Flag::NoSchoolLeader,
        Flag::NoMeaning,
        Flag::NotTiedToPriorities,
        Flag::NoMeasurableGoal,
        Flag::DevicesWithoutPracticeChange,
        Flag::NoPracticeChange,
        Flag::NoPlanForMargins,
        Flag::NoPrototypingSupport,
        Flag::EngagementOnlyEvidence,
        Flag::NoCollaborationTime,
        Flag::NoKnowledgePlan,
        Flag::PathUndecided,
        Flag::NoPlanBeyondPilot,
        Flag::RecurringCostsIgnored,
        Flag::NotSignedOff,
        Flag::AssurancesUnconfirmed,
        Flag::OverWordLimit,
        Flag::RequestAboveAward,
    ];

    /// Stable id, stored in drafts beside the team's reason when a sign is marked addressed.
    pub fn id(self) -> &'static str {
        match self {
            Flag::NoLead => "no_lead",
            Flag::NoSchoolLeader => "no_school_leader",
            Flag::NoMeaning => "no_meaning",
            Flag::NotTiedToPriorities => "not_tied_to_priorities",
            Flag::NoMeasurableGoal => "no_measurable_goal",
            Flag::DevicesWithoutPracticeChange => "devices_without_practice_change",
            Flag::NoPracticeChange => "no_practice_change",
            Flag::NoPlanForMargins => "no_plan_for_margins",
            Flag::NoPrototypingSupport => "no_prototyping_support",
            Flag::EngagementOnlyEvidence => "engagement_only_evidence",
            Flag::NoCollaborationTime => "no_collaboration_time",
            Flag::NoKnowledgePlan => "no_knowledge_plan",
            Flag::PathUndecided => "path_undecided",
            Flag::NoPlanBeyondPilot => "no_plan_beyond_pilot",
            Flag::RecurringCostsIgnored => "recurring_costs_ignored",
            Flag::NotSignedOff => "not_signed_off",
            Flag::AssurancesUnconfirmed => "assurances_unconfirmed",
            Flag::OverWordLimit => "over_word_limit",
            Flag::RequestAboveAward => "request_above_award",
        }
    }

    /// Whether the sign comes from a district's brief (it never shows in a draft without one).
    pub fn from_brief(self) -> bool {
        matches!(
            self,
            Flag::NotSignedOff
                | Flag::AssurancesUnconfirmed
                | Flag::OverWordLimit
                | Flag::RequestAboveAward
        )
    }

    /// The sign with this id.
    pub fn from_id(id: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The team's reason for marking this sign addressed in `draft`, if it gave one.
    pub fn reason_in(self, draft: &Draft) -> Option<&str> {
        draft
            .addressed
            .get(self.id())
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
    }

    /// Marks the sign addressed in `draft` with the team's reason; a blank reason unmarks it,
    /// since a sign is never set aside without saying why.
    pub fn mark_addressed(self, draft: &mut Draft, reason: &str) {
        if reason.trim().is_empty() {
            draft.addressed.remove(self.id());
        } else {
            draft
                .addressed
                .insert(self.id().to_string(), reason.trim().to_string());
        }
    }

    /// A short statement of the problem.
    pub fn title(self) -> &'static str {
        match self {
            Flag::NoLead => "No one is named to lead the work",
            Flag::NoSchoolLeader => "No principal or school leader on the team",
            Flag::NoMeaning => "Personalized learning is not defined for your school",
            Flag::NotTiedToPriorities => "The design is not tied to your improvement priorities",
            Flag::NoMeasurableGoal => "No measurable goal for students",
            Flag::DevicesWithoutPracticeChange => {
                "The plan names devices or software but no change in teaching"
            }
            Flag::NoPracticeChange => "No change in teaching practice is described",
            Flag::NoPlanForMargins => "No plan for students on the margins or for rigor",
            Flag::NoPrototypingSupport => "No coaching or dated prototype cycle for teachers",
            Flag::EngagementOnlyEvidence => "Success would be judged by engagement alone",
            Flag::NoCollaborationTime => "No regular time for teachers to work together",
            Flag::NoKnowledgePlan => "No plan to record and share what is learned",
            Flag::PathUndecided => "You have not chosen: new model or adapted model",
            Flag::NoPlanBeyondPilot => "No plan beyond the pilot",
            Flag::RecurringCostsIgnored => "Costs that recur every year are not considered",
            Flag::NotSignedOff => "The cover page is not signed by everyone the district names",
            Flag::AssurancesUnconfirmed => "Not every assurance the district asks for is confirmed",
            Flag::OverWordLimit => "A section is over the district\u{2019}s word limit",
            Flag::RequestAboveAward => "The request is larger than one school can be awarded",
        }
    }

    /// Why it matters, drawn from the sources.
    pub fn why(self) -> &'static str {
        match self {
            Flag::NoLead => "District leaders in the study said success came down to an engaged leader; \
                             where leaders stayed back, efforts rarely got past single classrooms.",
            Flag::NoSchoolLeader => "Where the principal kept a distance, the work stayed in a few \
                                     classrooms. A school leader on the team can change schedules, \
                                     staffing and priorities.",
            Flag::NoMeaning => "Schools that never said what personalized learning meant, or why, left \
                                each teacher to define it alone, and efforts varied from room to room.",
            Flag::NotTiedToPriorities => "Designs that stood apart from what the school and district \
                                          were already working towards lost attention when the next \
                                          priority arrived.",
            Flag::NoMeasurableGoal => "Vague goals were the first sign the report found of a system not \
                                       built for innovation. Give at least one goal a measure and a target.",
            Flag::DevicesWithoutPracticeChange => "Handing out devices or buying a program is not \
                                                   personalized learning. Surveyed teachers named this \
                                                   as a common mistake; say what teachers will do \
                                                   differently.",
            Flag::NoPracticeChange => "Without direction, many teachers changed the seating rather than \
                                       the rigor of the work. Say how daily teaching will change.",
            Flag::NoPlanForMargins => "Letting students move at their own pace can let some fall further \
                                       behind or settle for easier work. Say what students with \
                                       disabilities, English learners and students far behind will get, \
                                       and how the work stays demanding.",
            Flag::NoPrototypingSupport => "Teachers were rarely supported to prototype and learn from it, \
                                           so schools learned small lessons but built no model.",
            Flag::EngagementOnlyEvidence => "Teachers in the study often judged a change by how engaged \
                                             students looked. Engagement matters, but it does not show \
                                             that students learn more.",
            Flag::NoCollaborationTime => "Teachers who collaborated fared better, yet only 12 of 39 \
                                          schools studied reported collaboration.",
            Flag::NoKnowledgePlan => "Where knowledge lived with one person, it left with them. Plan how \
                                      lessons will be written down and shared.",
            Flag::PathUndecided => "Designing a new model and adapting an existing one need different \
                                    support; the district needs to know which you are asking for.",
            Flag::NoPlanBeyondPilot => "Many efforts stayed a pilot in a few classrooms. Say how the \
                                        design reaches the whole school and what makes it last.",
            Flag::RecurringCostsIgnored => "Licences, device replacement and staff time come back every \
                                            year; a plan funded for one year only ends when the grant does.",
            Flag::NotSignedOff => "The district reads a proposal only when the people it names have \
                                   signed it: their signatures show the school stands behind the plan.",
            Flag::AssurancesUnconfirmed => "The district asks every school to confirm these; a proposal \
                                            without them may not be read.",
            Flag::OverWordLimit => "Reviewers read every proposal against the same limits; words past \
                                    the limit may not be read, and a tighter section reads better.",
            Flag::RequestAboveAward => "The district cannot award one school more than its stated \
                                        maximum; a larger request would have to be cut before funding.",
        }
    }

    /// What the check looked for in the answer, in plain words.
    pub fn looked_for(self) -> &'static str {
        match self {
            Flag::NoLead => "a named person: a first and last name, or a name and a role",
            Flag::NoSchoolLeader => {
                "a principal, assistant principal or other school leader among the team\u{2019}s roles"
            }
            Flag::NoMeaning => "at least two sentences (about 20 words) on what it means and why",
            Flag::NotTiedToPriorities => {
                "the priorities named: an improvement plan, a strategic plan, a graduate profile or district goals"
            }
            Flag::NoMeasurableGoal => {
                "a goal with how it will be measured and a target that has a number or a date"
            }
            Flag::DevicesWithoutPracticeChange | Flag::NoPracticeChange => {
                "a few sentences (40 words or more) on instruction: grouping, feedback, pacing, rigor, \
                 student choice, small groups, projects"
            }
            Flag::NoPlanForMargins => {
                "students with disabilities, English learners or students far behind, and how the work \
                 stays demanding (rigor, grade-level work, high expectations)"
            }
            Flag::NoPrototypingSupport => {
                "coaching (who coaches, how often) and at least one milestone with a date"
            }
            Flag::EngagementOnlyEvidence => {
                "evidence beyond engagement: student work, assessment results, growth, attendance"
            }
            Flag::NoCollaborationTime => "how often teachers meet: weekly, every Tuesday, twice a month",
            Flag::NoKnowledgePlan => {
                "who keeps the record and where it is kept: a shared drive, a handbook, a site"
            }
            Flag::PathUndecided => "a choice between designing a new model and adapting one",
            Flag::NoPlanBeyondPilot => {
                "how and when the pilot grows beyond its first classrooms to the whole school"
            }
            Flag::RecurringCostsIgnored => {
                "a budget line marked recurring, or costs that recur named in how the work lasts: \
                 licences, subscriptions, device refresh, staff time after the grant"
            }
            Flag::NotSignedOff => {
                "for each role the brief names, a row on the cover page with that role, a name and \
                 the date signed"
            }
            Flag::AssurancesUnconfirmed => "every assurance ticked",
            Flag::OverWordLimit => {
                "each section\u{2019}s words (every answer typed in it) within the limit the brief sets"
            }
            Flag::RequestAboveAward => {
                "the budget lines funded by the competition adding up to no more than the award\u{2019}s \
                 maximum per school"
            }
        }
    }

    /// The prompt whose answer fixes this flag, when it is always the same one (a section over
    /// its word limit depends on the draft: see [`Flag::prompt_in`]).
    pub fn prompt_id(self) -> Option<&'static str> {
        Some(match self {
            Flag::NoLead => "profile.lead",
            Flag::NoSchoolLeader => "profile.team",
            Flag::NoMeaning => "problems.meaning",
            Flag::NotTiedToPriorities => "problems.expectations",
            Flag::NoMeasurableGoal => "problems.goals",
            Flag::DevicesWithoutPracticeChange | Flag::NoPracticeChange => "problems.practice",
            Flag::NoPlanForMargins => "problems.equity",
            Flag::NoPrototypingSupport => "learning.coaching",
            Flag::EngagementOnlyEvidence => "learning.evidence",
            Flag::NoCollaborationTime => "learning.collaboration",
            Flag::NoKnowledgePlan => "learning.knowledge",
            Flag::PathUndecided => "pathway.choice",
            Flag::NoPlanBeyondPilot => "pathway.scale",
            Flag::RecurringCostsIgnored | Flag::RequestAboveAward => {
                crate::resources::BUDGET_PROMPT
            }
            Flag::NotSignedOff => crate::brief::SIGNOFF_PROMPT,
            Flag::AssurancesUnconfirmed => crate::brief::ASSURANCES_PROMPT,
            Flag::OverWordLimit => return None,
        })
    }

    /// What exactly is missing in `draft`, for the signs of a brief ("Not signed yet: District
    /// contact."); `None` for the others, whose title says it all.
    pub fn detail(self, draft: &Draft) -> Option<String> {
        let list = |items: Vec<String>| items.join("; ");
        match self {
            Flag::NotSignedOff => {
                let roles = crate::brief::unsigned_roles(draft);
                (!roles.is_empty()).then(|| format!("Not signed yet: {}.", list(roles)))
            }
            Flag::AssurancesUnconfirmed => {
                let open: Vec<String> = crate::brief::unconfirmed(draft)
                    .into_iter()
                    .map(|a| a.text.trim().trim_end_matches('.').to_string())
                    .collect();
                (!open.is_empty()).then(|| format!("Not confirmed yet: {}.", list(open)))
            }
            Flag::OverWordLimit => {
                let catalog = Catalog::of(draft);
                let over: Vec<String> = crate::brief::over_limits(draft)
                    .into_iter()
                    .map(|o| {
                        let title = catalog
                            .section(o.section)
                            .map_or(o.section, |s| s.short_title);
                        format!("{title}: {} words of {}", o.words, o.limit)
                    })
                    .collect();
                (!over.is_empty()).then(|| format!("{}.", list(over)))
            }
            Flag::RequestAboveAward => crate::brief::request(draft).and_then(|r| {
                let max = r.per_school?;
                (r.requested > max).then(|| {
                    format!(
                        "Asked of {}: {}; the most one school can be awarded: {}.",
                        r.source,
                        crate::budget::format_amount(r.requested),
                        crate::budget::format_amount(max)
                    )
                })
            }),
            _ => None,
        }
    }

    /// The prompt to open to fix this flag in `draft` (for a section over its limit, the
    /// section's first prompt).
    pub fn prompt_in(self, draft: &Draft) -> Option<&'static Prompt> {
        let catalog = Catalog::of(draft);
        match self.prompt_id() {
            Some(id) => catalog.prompt(id),
            None => crate::brief::over_limits(draft)
                .first()
                .and_then(|o| catalog.section(o.section))
                .and_then(|s| s.prompts.first()),
        }
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
    /// The warning signs present and not marked addressed, most basic first.
    pub flags: Vec<Flag>,
    /// The signs present that the team marked addressed, with its reason, most basic first.
    pub addressed: Vec<(Flag, String)>,
}

impl Readiness {
    /// Checks a draft.
    pub fn check(draft: &Draft) -> Readiness {
        let sections = Catalog::of(draft)
            .sections()
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
        let (addressed, flags): (Vec<Flag>, Vec<Flag>) = flags(draft)
            .into_iter()
            .partition(|f| f.reason_in(draft).is_some());
        let addressed = addressed
            .into_iter()
            .filter_map(|f| f.reason_in(draft).map(|r| (f, r.to_string())))
            .collect();
        Readiness {
            sections,
            flags,
            addressed,
        }
    }

    /// Whether every prompt is answered and no warning sign remains unaddressed.
    pub fn is_ready(&self) -> bool {
        self.flags.is_empty() && self.sections.iter().all(|s| s.unanswered.is_empty())
    }
}

fn text_of(draft: &Draft, id: &str) -> String {
    draft
        .answer(id)
        .map(|a| a.typed_text().join(" "))
        .unwrap_or_default()
}

/// Stems of words that describe instruction.
const INSTRUCTION: &[&str] = &[
    "group",
    "feedback",
    "pace",
    "pacing",
    "rigor",
    "rigour",
    "choice",
    "choose",
    "conferenc",
    "mastery",
    "project",
    "discussion",
    "seminar",
    "tutor",
    "lesson",
    "scaffold",
    "differentiat",
    "inquiry",
    "station",
    "rotation",
    "assessment",
    "reteach",
    "intervention",
    "playlist",
];

/// Stems of words about devices, software and programs.
const DEVICES: &[&str] = &[
    "=device",
    "=devices",
    "=laptop",
    "=laptops",
    "=chromebook",
    "=chromebooks",
    "=tablet",
    "=tablets",
    "=ipad",
    "=ipads",
    "=computer",
    "=computers",
    "=software",
    "=platform",
    "=platforms",
    "=app",
    "=apps",
    "=program",
    "=programs",
    "=online",
    "1 1",
];

/// Stems of words that say how often.
const FREQUENCY: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "biweekly",
    "fortnight",
    "=every",
    "twice",
    "each week",
    "each day",
    "each month",
    "per week",
    "a week",
    "a month",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "times a",
];

/// Stems of the kinds of evidence that show learning, not only engagement.
const OUTCOMES: &[&str] = &[
    "assess",
    "score",
    "test",
    "grade",
    "student work",
    "portfolio",
    "growth",
    "attendance",
    "proficien",
    "mastery",
    "reading level",
    "benchmark",
    "data",
    "credit",
    "achievement",
    "result",
    "rubric",
    "exit ticket",
    "=map",
    "iready",
    "i ready",
    "writing sample",
];

/// Whether `text` describes instruction in more than a sentence or two.
fn describes_instruction(text: &str) -> bool {
    substance::at_least(text, 40) && substance::names_any(text, INSTRUCTION)
}

fn flags(draft: &Draft) -> Vec<Flag> {
    let text = |id: &str| text_of(draft, id);
    let rows = |id: &str| match draft.answer(id) {
        Some(Answer::Rows(rows)) => rows.clone(),
        _ => Vec::new(),
    };
    let cell = |row: &crate::Row, column: &str| row.get(column).cloned().unwrap_or_default();
    let practice = text("problems.practice");
    let mut found = Vec::new();
    for flag in Flag::ALL {
        let cleared = match flag {
            Flag::NoLead => substance::at_least(&text("profile.lead"), 2),
            Flag::NoSchoolLeader => rows("profile.team").iter().any(|r| {
                substance::names_any(
                    &format!("{} {}", cell(r, "role"), cell(r, "name")),
                    &[
                        "principal",
                        "head of school",
                        "headteacher",
                        "school leader",
                        "director",
                        "dean",
                    ],
                )
            }),
            Flag::NoMeaning => substance::at_least(&text("problems.meaning"), 20),
            Flag::NotTiedToPriorities => {
                let t = text("problems.expectations");
                substance::at_least(&t, 12)
                    && substance::names_any(
                        &t,
                        &[
                            "priorit",
                            "improvement",
                            "strategic",
                            "graduate",
                            "profile",
                            "goal",
                            "plan",
                            "standard",
                        ],
                    )
            }
            Flag::NoMeasurableGoal => rows("problems.goals").iter().any(|r| {
                substance::at_least(&cell(r, "goal"), 3)
                    && substance::at_least(&cell(r, "measure"), 2)
                    && substance::has_number_or_date(&cell(r, "target"))
            }),
            Flag::DevicesWithoutPracticeChange => {
                let devices = ["problems.meaning", "problems.change", "problems.practice"]
                    .iter()
                    .any(|id| substance::names_any(&text(id), DEVICES));
                !devices || describes_instruction(&practice)
            }
            Flag::NoPracticeChange => {
                // One sign about practice at a time: the devices one, when it shows, says more.
                describes_instruction(&practice)
                    || found.contains(&Flag::DevicesWithoutPracticeChange)
            }
            Flag::NoPlanForMargins => {
                let t = text("problems.equity");
                substance::at_least(&t, 25)
                    && substance::names_any(
                        &t,
                        &[
                            "disab",
                            "=iep",
                            "=ieps",
                            "english learner",
                            "multilingual",
                            "=ell",
                            "=ells",
                            "far behind",
                            "behind",
                            "special education",
                            "504",
                            "struggl",
                        ],
                    )
                    && substance::names_any(
                        &t,
                        &[
                            "rigor",
                            "rigour",
                            "demanding",
                            "grade level",
                            "challeng",
                            "high expectation",
                            "standard",
                        ],
                    )
            }
            Flag::NoPrototypingSupport => {
                let coaching = text("learning.coaching");
                substance::at_least(&coaching, 10)
                    && substance::names_any(&coaching, &["coach", "mentor"])
                    && rows("learning.milestones").iter().any(|r| {
                        substance::says_something(&cell(r, "milestone"))
                            && substance::has_number_or_date(&cell(r, "date"))
                    })
            }
            Flag::EngagementOnlyEvidence => {
                let t = text("learning.evidence");
                substance::at_least(&t, 5) && substance::names_any(&t, OUTCOMES)
            }
            Flag::NoCollaborationTime => {
                let t = text("learning.collaboration");
                substance::at_least(&t, 6) && substance::names_any(&t, FREQUENCY)
            }
            Flag::NoKnowledgePlan => {
                let t = text("learning.knowledge");
                substance::at_least(&t, 10)
                    && substance::names_any(
                        &t,
                        &[
                            "coach",
                            "teacher",
                            "leader",
                            "principal",
                            "team",
                            "lead",
                            "librarian",
                            "director",
                            "staff",
                            "committee",
                            "coordinator",
                        ],
                    )
                    && substance::names_any(
                        &t,
                        &[
                            "drive",
                            "folder",
                            "site",
                            "wiki",
                            "binder",
                            "handbook",
                            "playbook",
                            "document",
                            "platform",
                            "google",
                            "sharepoint",
                            "notebook",
                            "shared",
                            "portal",
                            "library",
                            "repositor",
                            "=log",
                            "=logs",
                            "canvas",
                            "onenote",
                            "guide",
                        ],
                    )
            }
            Flag::PathUndecided => matches!(
                draft.answer("pathway.choice"),
                Some(Answer::Choice(c)) if c == "design" || c == "adapt"
            ),
            Flag::NoPlanBeyondPilot => {
                let t = text("pathway.scale");
                substance::at_least(&t, 25)
                    && substance::names_any(
                        &t,
                        &[
                            "whole school",
                            "school wide",
                            "schoolwide",
                            "every classroom",
                            "all classrooms",
                            "all teachers",
                            "every teacher",
                            "scale",
                            "expand",
                            "spread",
                            "grow",
                            "next year",
                            "second year",
                            "year two",
                            "year 2",
                        ],
                    )
            }
            Flag::NotSignedOff => crate::brief::unsigned_roles(draft).is_empty(),
            Flag::AssurancesUnconfirmed => crate::brief::unconfirmed(draft).is_empty(),
            Flag::OverWordLimit => crate::brief::over_limits(draft).is_empty(),
            Flag::RequestAboveAward => crate::brief::request(draft)
                .is_none_or(|r| r.per_school.is_none_or(|max| r.requested <= max)),
            Flag::RecurringCostsIgnored => {
                crate::resources::budget_lines(draft).iter().any(|l| {
                    l.kind == "recurring" && crate::budget::parse_amount(&l.amount).is_some()
                }) || substance::names_any(
                    &text("pathway.funding_plan"),
                    &[
                        "recurring",
                        "recur",
                        "ongoing",
                        "annual",
                        "each year",
                        "every year",
                        "per year",
                        "a year",
                        "licen",
                        "subscription",
                        "refresh",
                        "replace",
                        "sustain",
                        "after the grant",
                        "when the grant",
                        "staff time",
                    ],
                )
            }
        };
        if !cleared {
            found.push(flag);
        }
    }
    found
}

/// Whether anything the team typed talks about devices or software.
pub fn mentions_devices(draft: &Draft) -> bool {
    draft
        .answers
        .values()
        .flat_map(Answer::typed_text)
        .any(|text| substance::names_any(text, DEVICES))
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

    fn flags_of(draft: &Draft) -> Vec<Flag> {
        Readiness::check(draft).flags
    }

    /// Realistic answers that clear every sign, as a team that did the work would write them.
    fn realistic() -> Draft {
        let mut d = Draft::new("d", "t", 0);
        d.set_answer("profile.lead", text("Dana Rivera, assistant principal"));
        d.set_answer(
            "profile.team",
            Answer::Rows(vec![
                row(&[("name", "Dana Rivera"), ("role", "Assistant principal")]),
                row(&[("name", "Sam Ortiz"), ("role", "Grade 7 math teacher")]),
            ]),
        );
        d.set_answer(
            "problems.meaning",
            text("Every student works on grade-level math at a pace that fits them, with daily small-group \
                  teaching. We are doing it because a third of our seventh graders arrive two years behind \
                  and whole-class lessons leave them further behind each month."),
        );
        d.set_answer(
            "problems.expectations",
            text("Our school improvement plan sets math proficiency as the first priority, and the district \
                  graduate profile asks for students who can explain their reasoning."),
        );
        d.set_answer(
            "problems.goals",
            Answer::Rows(vec![row(&[
                ("goal", "More seventh graders reach grade-level math"),
                ("measure", "Spring state math assessment"),
                ("target", "From 38% to 55% proficient by June 2028"),
            ])]),
        );
        d.set_answer(
            "problems.practice",
            text("Teachers will open each lesson with a short whole-class mini-lesson, then run three \
                  stations: a small group with the teacher, practice with feedback from a partner, and a \
                  project task. Groups change every week from exit-ticket results, so pacing follows what \
                  students show. Students choose the order of the other two stations, and every task stays \
                  at grade level for rigor."),
        );
        d.set_answer(
            "problems.equity",
            text("Students with disabilities keep their IEP services inside the small group, with the \
                  special education teacher co-teaching twice a week. English learners get sentence frames \
                  and a bilingual aide. Students far behind get a second small-group session, but always on \
                  grade-level work with scaffolds, so expectations stay high and the work stays demanding."),
        );
        d.set_answer(
            "learning.coaching",
            text("A district math coach spends every Wednesday in our classrooms, co-teaching stations and \
                  debriefing with each teacher after the lesson."),
        );
        d.set_answer(
            "learning.milestones",
            Answer::Rows(vec![row(&[
                ("milestone", "Station rotation in two classes"),
                ("date", "2027-01-15"),
            ])]),
        );
        d.set_answer(
            "learning.evidence",
            text("Exit tickets every week, unit assessment scores and student work samples, compared with last year."),
        );
        d.set_answer(
            "learning.collaboration",
            text("The math team meets every Tuesday for 50 minutes to plan stations and look at exit tickets."),
        );
        d.set_answer(
            "learning.knowledge",
            text("The math coach keeps a playbook of station plans and lessons learned in the shared drive, \
                  and the team updates it after each cycle."),
        );
        d.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        d.set_answer(
            "pathway.scale",
            text("In the second year the stations spread from seventh grade to sixth and eighth grade math, \
                  then to science in year three, so the whole school uses them. Teachers drop the weekly \
                  packet to make room, and the playbook lets another school pick the model up."),
        );
        d.set_answer(
            "pathway.funding_plan",
            text("Title II pays for the coach in the first year; the district budget takes over the coach's \
                  salary and the recurring software licences from the second year."),
        );
        d
    }

    #[test]
    fn an_empty_draft_shows_every_sign_but_the_devices_one_and_every_prompt_open() {
        let readiness = Readiness::check(&Draft::new("d", "t", 0));
        let expected: Vec<Flag> = Flag::ALL
            .into_iter()
            .filter(|f| *f != Flag::DevicesWithoutPracticeChange && !f.from_brief())
            .collect();
        assert_eq!(readiness.flags, expected);
        assert_eq!(
            readiness.sections.len(),
            6,
            "team profile, four areas, resources"
        );
        for s in &readiness.sections {
            assert_eq!(s.unanswered.len(), s.section.prompts.len());
        }
        assert!(!readiness.is_ready());
    }

    #[test]
    fn realistic_answers_clear_every_sign() {
        assert_eq!(flags_of(&realistic()), []);
    }

    /// For each sign: the answer it reads, replaced by one word, and by words on another subject,
    /// keeps the sign; the realistic answer (above) clears it.
    #[test]
    fn one_word_or_off_topic_answers_keep_each_sign() {
        let cases: [(Flag, &str, &str); 13] = [
            (Flag::NoLead, "profile.lead", "TBD"),
            (Flag::NoMeaning, "problems.meaning", "Students like computers and we think this would be good for them."),
            (Flag::NotTiedToPriorities, "problems.expectations", "We want our students to be happy and to enjoy coming to school every day."),
            (Flag::NoPracticeChange, "problems.practice", "Teachers will keep doing what works, and we will see how it goes over the year together as a team."),
            (Flag::NoPlanForMargins, "problems.equity", "Everyone will benefit from this design because it is personalized for every single student in the building, all year long."),
            (Flag::NoPrototypingSupport, "learning.coaching", "Teachers will get professional development days in August and again in January."),
            (Flag::EngagementOnlyEvidence, "learning.evidence", "Students will be more engaged and a satisfaction survey will show they enjoy it."),
            (Flag::NoCollaborationTime, "learning.collaboration", "Teachers will collaborate when they can find the time."),
            (Flag::NoKnowledgePlan, "learning.knowledge", "We will remember what we learn and talk about it."),
            (Flag::NoPlanBeyondPilot, "pathway.scale", "It will be great and everybody will love it once they see how well it is working for the students in the pilot."),
            (Flag::RecurringCostsIgnored, "pathway.funding_plan", "The grant pays for everything we need."),
            (Flag::NoMeaning, "problems.meaning", "x"),
            (Flag::NoCollaborationTime, "learning.collaboration", "none"),
        ];
        for (flag, prompt, weak) in cases {
            let mut draft = realistic();
            draft.set_answer(prompt, text(weak));
            assert!(
                flags_of(&draft).contains(&flag),
                "{weak:?} in {prompt} should keep {flag:?}"
            );
            assert_eq!(
                flags_of(&draft),
                [flag],
                "{weak:?} in {prompt} shows only {flag:?}"
            );
        }
    }

    #[test]
    fn a_sign_marked_addressed_carries_the_teams_reason_and_a_blank_reason_does_not_count() {
        let mut draft = realistic();
        draft.set_answer("learning.collaboration", text("none"));
        Flag::NoCollaborationTime.mark_addressed(&mut draft, "   ");
        assert_eq!(flags_of(&draft), [Flag::NoCollaborationTime]);
        assert!(draft.addressed.is_empty(), "a blank reason marks nothing");
        Flag::NoCollaborationTime.mark_addressed(
            &mut draft,
            "  Our contract already gives teams a daily common period; see the staffing plan. ",
        );
        let readiness = Readiness::check(&draft);
        assert_eq!(readiness.flags, []);
        assert_eq!(
            readiness.addressed,
            [(
                Flag::NoCollaborationTime,
                "Our contract already gives teams a daily common period; see the staffing plan."
                    .to_string()
            )]
        );
        // A reason for a sign that no longer shows is kept but not reported.
        draft.set_answer(
            "learning.collaboration",
            text("The team meets every Tuesday for an hour."),
        );
        let readiness = Readiness::check(&draft);
        assert!(readiness.addressed.is_empty() && readiness.flags.is_empty());
        assert_eq!(draft.addressed.len(), 1);
        // Unmarking brings the sign back.
        draft.set_answer("learning.collaboration", text("none"));
        Flag::NoCollaborationTime.mark_addressed(&mut draft, "");
        assert_eq!(flags_of(&draft), [Flag::NoCollaborationTime]);
    }

    #[test]
    fn sign_ids_are_stable_and_unique() {
        for flag in Flag::ALL {
            assert_eq!(Flag::from_id(flag.id()), Some(flag));
        }
        assert_eq!(Flag::from_id("no_lead"), Some(Flag::NoLead));
        assert_eq!(Flag::from_id("nonsense"), None);
    }

    #[test]
    fn a_recurring_budget_line_counts_as_considering_recurring_costs() {
        let mut draft = realistic();
        draft.set_answer("pathway.funding_plan", text("The grant pays for it."));
        assert_eq!(flags_of(&draft), [Flag::RecurringCostsIgnored]);
        let line = |kind: &str, amount: &str| {
            Answer::Rows(vec![row(&[
                ("item", "Reading software licences"),
                ("source", "District"),
                ("amount", amount),
                ("kind", kind),
                ("year", "2028-29"),
            ])])
        };
        draft.set_answer(crate::resources::BUDGET_PROMPT, line("one_time", "$4,000"));
        assert_eq!(flags_of(&draft), [Flag::RecurringCostsIgnored]);
        draft.set_answer(crate::resources::BUDGET_PROMPT, line("recurring", "some"));
        assert_eq!(
            flags_of(&draft),
            [Flag::RecurringCostsIgnored],
            "an amount that cannot be read is no cost"
        );
        draft.set_answer(crate::resources::BUDGET_PROMPT, line("recurring", "$4,000"));
        assert_eq!(flags_of(&draft), []);
    }

    #[test]
    fn a_team_without_a_school_leader_is_flagged() {
        let mut draft = realistic();
        draft.set_answer(
            "profile.team",
            Answer::Rows(vec![row(&[("name", "Sam Ortiz"), ("role", "Teacher")])]),
        );
        assert_eq!(flags_of(&draft), [Flag::NoSchoolLeader]);
    }

    #[test]
    fn a_goal_needs_a_measure_and_a_target_with_a_number_or_a_date() {
        let mut draft = realistic();
        for goal in [
            row(&[("goal", "Read well")]),
            row(&[
                ("goal", "Grade-level reading for all"),
                ("measure", "Spring MAP"),
            ]),
            row(&[
                ("goal", "Grade-level reading for all"),
                ("measure", "Spring MAP"),
                ("target", "much better"),
            ]),
            row(&[("goal", "x"), ("measure", "x"), ("target", "x")]),
        ] {
            draft.set_answer("problems.goals", Answer::Rows(vec![goal.clone()]));
            assert_eq!(flags_of(&draft), [Flag::NoMeasurableGoal], "{goal:?}");
        }
        draft.set_answer(
            "problems.goals",
            Answer::Rows(vec![row(&[
                ("goal", "Grade-level reading for all"),
                ("measure", "Spring MAP reading"),
                ("target", "70% at grade level by spring"),
            ])]),
        );
        assert_eq!(flags_of(&draft), []);
    }

    #[test]
    fn devices_and_an_app_without_a_change_in_teaching_are_flagged_as_such() {
        let mut draft = realistic();
        draft.set_answer("problems.change", text("Every student gets a Chromebook."));
        draft.set_answer("problems.practice", text("Students use an adaptive app."));
        assert_eq!(flags_of(&draft), [Flag::DevicesWithoutPracticeChange]);
        // Devices beside a real change in teaching are fine.
        let mut draft = realistic();
        draft.set_answer("problems.change", text("Every student gets a Chromebook."));
        assert_eq!(flags_of(&draft), []);
        // "approach" is not an app.
        draft.set_answer("problems.change", text("A new approach to math time."));
        assert!(!mentions_devices(&draft) || flags_of(&draft).is_empty());
    }

    #[test]
    fn device_words_are_found_in_rows_and_as_whole_words() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer(
            "problems.meaning",
            text("A new approach, and deviceless days"),
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
        let mut draft = realistic();
        draft.set_answer("pathway.choice", Answer::Choice("undecided".into()));
        assert_eq!(flags_of(&draft), [Flag::PathUndecided]);
    }

    #[test]
    fn prototyping_needs_coaching_and_a_dated_milestone() {
        let mut draft = realistic();
        draft.set_answer(
            "learning.milestones",
            Answer::Rows(vec![row(&[("milestone", "Pilot station rotation")])]),
        );
        assert_eq!(flags_of(&draft), [Flag::NoPrototypingSupport]);
        let mut draft = realistic();
        draft.set_answer("learning.coaching", text("Coaching."));
        assert_eq!(flags_of(&draft), [Flag::NoPrototypingSupport]);
    }

    #[test]
    fn every_flag_points_at_a_prompt_in_the_catalog() {
        let mut draft = realistic();
        let mut brief = crate::Brief::new("b1", "Competition");
        brief.signoff = vec!["Principal".into()];
        brief.assurances = vec![crate::brief::Assurance {
            id: "a1".into(),
            text: "We take part in the evaluation.".into(),
        }];
        brief.limits = vec![crate::brief::WordLimit {
            section: "problems".into(),
            words: 5,
        }];
        draft.attach_brief(brief);
        for flag in Flag::ALL {
            let prompt = flag.prompt_in(&draft).expect("a prompt to open");
            if let Some(id) = flag.prompt_id() {
                assert_eq!(prompt.id, id);
            } else {
                assert_eq!(
                    Catalog::of(&draft).section_of(prompt.id).unwrap().id,
                    "problems"
                );
            }
            assert!(
                !flag.title().is_empty() && !flag.why().is_empty() && !flag.looked_for().is_empty()
            );
        }
    }

    #[test]
    fn a_draft_of_placeholders_is_not_ready_and_a_realistic_one_is() {
        let mut draft = Draft::new("d", "t", 0);
        for p in crate::Catalog::base().prompts() {
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
        // Every prompt answered with one word: nothing is unanswered, but the signs that read
        // substance stay (the defect was that placeholders cleared them all).
        let readiness = Readiness::check(&draft);
        assert!(readiness.sections.iter().all(|s| s.unanswered.is_empty()));
        assert_eq!(
            readiness.flags.len(),
            Flag::ALL.len() - 3 - 4,
            "{:?} (the four signs of a brief never show without one)",
            readiness.flags
        );
        assert!(!readiness.is_ready());
        // With realistic answers in place of the placeholders, it is ready.
        for (id, answer) in realistic().answers {
            draft.set_answer(&id, answer);
        }
        let readiness = Readiness::check(&draft);
        assert_eq!(readiness.flags, []);
        assert!(readiness.is_ready());
    }
}
