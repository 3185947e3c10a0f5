//! The district's side of a design competition: the rubric reviewers score against, its stages,
//! a reviewer's score sheet, totals on one exact 0–100 scale, the ranking with its ties, and
//! blind review. Pure Rust, no browser: a school team's page never includes it.
//!
//! ```
//! use crossroads_review::rubric::Competition;
//! use crossroads_review::scale::{one_decimal, total, Total};
//! use crossroads_review::sheet::{CriterionScore, ProposalScores};
//!
//! let competition = Competition::new("springfield-2027", "Springfield Design Challenge");
//! assert_eq!(competition.check(), Ok(()));
//! let rubric = &competition.stages[0].rubric;
//! let mut scores = ProposalScores::default();
//! for (criterion, level) in rubric.criteria.iter().zip([4, 3, 3, 2, 3, 3]) {
//!     scores.criteria.insert(
//!         criterion.id.clone(),
//!         CriterionScore { value: Some(level), ..Default::default() },
//!     );
//! }
//! // Levels 1 to 4 sit at 0, 33⅓, 66⅔ and 100; the mean of these six is 200/3.
//! let Total::Complete { score, .. } = total(rubric, &scores) else { panic!() };
//! assert_eq!(one_decimal(&score), "66.7");
//! ```

pub mod blind;
pub mod progress;
pub mod rank;
pub mod rubric;
pub mod scale;
pub mod sheet;

pub use blind::{mask_sheet, people_of, proposal_code, Masker};
pub use progress::{progress_of, stage_of, standing, Progress};
pub use rank::{rank, sort_by_criterion, Ranked, Ranking};
pub use rubric::{
    fingerprint, Band, Bonus, BonusItem, Combine, Competition, Criterion, CriterionKind, Level,
    Rubric, Stage, StageWeight,
};
pub use scale::{normalized, one_decimal, total, Exact, Total};
pub use sheet::{
    check_value, Confidence, CriterionScore, ProposalScores, Recommendation, Reviewer, ScoreSheet,
};
