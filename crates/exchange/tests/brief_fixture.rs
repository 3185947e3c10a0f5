//! The brief file a district sends to its schools, pinned: a competition written today must come
//! out as exactly the bytes of `tests/fixtures/brief-v1.json`, and that file must keep reading
//! back to the same competition, so that renaming a field breaks a test instead of every brief
//! already sent. The browser tests open the same file as a team and as a district would.
//!
//! After a deliberate change of format: `UPDATE_FIXTURES=1 cargo test -p crossroads-exchange
//! --test brief_fixture`, and say so in the commit.

use crossroads_exchange::{brief_to_json, read_brief, read_brief_terms};
use crossroads_review::{
    Band, Combine, Competition, Criterion, CriterionKind, Level, Stage, StageWeight,
};
use crossroads_workbook::brief::{
    Assurance, Award, ExtraKind, ExtraOption, ExtraPrompt, WordLimit,
};

const FIXTURE: &str = "tests/fixtures/brief-v1.json";

/// A two-stage competition: levels from 0, points with uneven maxima, a requirement, a bonus,
/// and every part of the brief a team sees.
pub fn competition() -> Competition {
    let mut c = Competition::new("riverton-2027", "Riverton Learning Challenge");
    let b = &mut c.brief;
    b.district = "Riverton Unified School District".into();
    b.deadline = "2027-03-01".into();
    b.expectations = "Every student reads on grade level by the end of grade 3\n\
                      Every student has an adult who knows them well"
        .into();
    b.award = Award {
        per_school_cents: Some(10_000_000),
        awards: Some(4),
        fund_cents: Some(35_000_000),
    };
    b.funding_source = "Riverton Learning Challenge".into();
    b.prompts = vec![
        ExtraPrompt {
            id: "priority".into(),
            section: "problems".into(),
            label: "Which of the district's five priorities does your design serve first?".into(),
            help: "Name one, and say how you will know it moved.".into(),
            kind: ExtraKind::LongText,
        },
        ExtraPrompt {
            id: "network".into(),
            section: "pathway".into(),
            label: "Will your school join the district's network of design schools?".into(),
            help: String::new(),
            kind: ExtraKind::Choice(vec![
                ExtraOption {
                    id: "yes".into(),
                    label: "Yes".into(),
                },
                ExtraOption {
                    id: "later".into(),
                    label: "In the second year".into(),
                },
            ]),
        },
    ];
    b.signoff = vec!["Principal".into(), "District contact".into()];
    b.assurances = vec![
        Assurance {
            id: "evaluation".into(),
            text: "The school takes part in the district's evaluation.".into(),
        },
        Assurance {
            id: "share".into(),
            text: "The school shares its materials with other schools.".into(),
        },
    ];
    b.limits = vec![WordLimit {
        section: "problems".into(),
        words: 900,
    }];
    let level = |label: &str, description: &str| Level {
        label: label.into(),
        description: description.into(),
    };
    c.stages[0].rubric.criteria.push(Criterion {
        id: "support".into(),
        name: "Supported by the principal and a district administrator".into(),
        looks_for: "Both have signed the cover page.".into(),
        kind: CriterionKind::Requirement,
        weight: None,
    });
    c.stages.push(Stage {
        id: "pitch".into(),
        name: "Pitch".into(),
        description: "Ten minutes to present and ten of questions.".into(),
        rubric: crossroads_review::Rubric {
            criteria: vec![
                Criterion {
                    id: "clarity".into(),
                    name: "Clarity of the design".into(),
                    looks_for: "A reviewer can say what changes for a student on Monday.".into(),
                    kind: CriterionKind::Points {
                        max: 25,
                        bands: vec![Band {
                            from: 20,
                            to: 25,
                            label: "Clear".into(),
                            description: "Every answer ties back to the students.".into(),
                        }],
                    },
                    weight: None,
                },
                Criterion {
                    id: "readiness".into(),
                    name: "Readiness of the team".into(),
                    looks_for: "The team answers questions from its own experience.".into(),
                    kind: CriterionKind::Levels {
                        first: 0,
                        levels: vec![
                            level(
                                "Does not meet",
                                "No answer reaches beyond the written proposal.",
                            ),
                            level("Partly meets", "Some answers draw on the team's own work."),
                            level("Meets", "Most answers draw on the team's own work."),
                            level("Strong", "Answers show tried prototypes."),
                            level(
                                "Exemplary",
                                "Answers show prototypes and what changed after them.",
                            ),
                        ],
                    },
                    weight: Some(15),
                },
            ],
            bonus: Some(crossroads_review::Bonus {
                items: vec![crossroads_review::BonusItem {
                    id: "partner".into(),
                    name: "A community partner".into(),
                    looks_for: "A partner has committed time or money in writing.".into(),
                    max: 5,
                }],
                cap: 5,
            }),
        },
    });
    c.combine = Combine::Blend(vec![
        StageWeight {
            stage: c.stages[0].id.clone(),
            weight: 60,
        },
        StageWeight {
            stage: "pitch".into(),
            weight: 40,
        },
    ]);
    c
}

#[test]
fn a_brief_is_written_as_exactly_the_pinned_bytes_and_reads_back_whole() {
    let c = competition();
    assert_eq!(c.check(), Ok(()));
    let json = brief_to_json(&c, 1_790_000_000_000);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(FIXTURE, &json).unwrap();
    }
    let pinned = std::fs::read_to_string(FIXTURE).unwrap();
    assert_eq!(json, pinned, "the brief file's format changed");
    assert_eq!(read_brief(&pinned).unwrap(), c);
    assert_eq!(read_brief_terms(&pinned).unwrap(), c.brief);
}
