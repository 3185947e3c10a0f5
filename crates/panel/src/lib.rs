//! The review panel's decision rules, after reviewers have scored: who reads which proposal,
//! how the reviewers' scores combine, standardised scores beside the raw ones, how firm the
//! order is, the discussion, the stages and the funding line. Pure Rust, no browser, no clock
//! and no randomness of its own: times come in as milliseconds and the assignment takes a seed.
//!
//! Everything that decides an order is computed with exact fractions, so ties are real ties and
//! are shown as ties; only the standardised scores are floating point, and they compare equal
//! within [`standard::TIE`].

pub mod assign;
pub mod order;
pub mod panel;

pub use assign::{assign, check_assignment, eligible, Assignment, Problem};
pub use order::{place_exact, Placed};
pub use panel::{Decision, Panel, PanelReviewer, ProposalRef, ScoreChange};
