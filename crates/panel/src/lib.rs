//! The review panel's decision rules, after reviewers have scored: who reads which proposal,
//! how the reviewers' scores combine, standardised scores beside the raw ones, how firm the
//! order is, the discussion, the stages and the funding line. Pure Rust, no browser, no clock
//! and no randomness of its own: times come in as milliseconds and the assignment takes a seed.
//!
//! Everything that decides an order is computed with exact fractions, so ties are real ties and
//! are shown as ties; only the standardised scores are floating point, and they compare equal
//! within [`standard::TIE`].

pub mod assign;
pub mod combine;
pub mod discussion;
pub mod funding;
pub mod order;
pub mod panel;
pub mod reading;
pub mod robust;
mod search;
pub mod stages;
pub mod standard;

pub use assign::{assign, check_assignment, eligible, Assignment, Problem};
pub use combine::{
    combine, prepare, CriterionStat, Duplicate, Failed, Prepared, ProposalResult, Refused,
    RequirementStat, StageResult,
};
pub use discussion::{apply_changes, discussion_order, ChangedValue, Effective};
pub use funding::{funding_line, Funded, FundingEntry, FundingLine, Stop, StopReason};
pub use order::{place_exact, Placed};
pub use panel::{Decision, Panel, PanelReviewer, ProposalRef, ScoreChange};
pub use reading::{AssignedProposal, AssignmentFile};
pub use robust::{leave_one_out, RankRange};
pub use stages::{blend, shortlist_choice, shortlist_top, BlendRow, Blended, Shortlist};
pub use standard::{orders, standardise, Orders, ProposalZ, Standardised, ZScores};
