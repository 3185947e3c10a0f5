//! The funding line: proposals are funded in rank order, within the brief's number of awards,
//! until the next request no longer fits what is left of the fund. There the line stops and
//! shows the gap, and the panel decides: skip that proposal (and go on), fund it with changes
//! at a reduced amount, or stop. Proposals tied at the line are shown as a tie for the panel to
//! settle, never broken silently: nothing past the tie is decided until the panel picks.

use crate::panel::Decision;
use std::collections::BTreeMap;

/// A proposal in the order the line follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingEntry {
    /// The proposal's id.
    pub id: String,
    /// Its place in the order (equal places are tied).
    pub place: usize,
    /// The amount it requests, in cents, if known.
    pub requested_cents: Option<i64>,
}

/// A proposal above the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funded {
    /// The proposal's id.
    pub id: String,
    /// The amount awarded, in cents.
    pub cents: i64,
    /// Whether it is funded with changes at a reduced amount.
    pub reduced: bool,
}

/// Why the line stops where it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The next request is more than what is left.
    DoesNotFit,
    /// Proposals tied at the line cannot all be funded; the panel must choose.
    Tie,
    /// Every award the brief offers is made.
    AwardsUsed,
    /// The panel stopped the line.
    PanelStopped,
    /// The next proposal has no requested amount.
    NoAmount,
}

/// Where the line stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    /// Why.
    pub why: StopReason,
    /// The proposal at the line (several when tied).
    pub at: Vec<String>,
    /// What they request together, in cents.
    pub request_cents: i64,
    /// What is left of the fund, in cents.
    pub left_cents: i64,
    /// How much more the request is than what is left (0 if it fits).
    pub gap_cents: i64,
}

impl Stop {
    /// Where and why the line stops, in plain English (amounts in cents as dollars).
    pub fn message(&self) -> String {
        let money = |c: i64| crossroads_workbook::budget::format_amount(c);
        let who = self.at.join(", ");
        match self.why {
            StopReason::DoesNotFit => format!(
                "The line stops at {who}: it requests {} and {} is left, {} short. Skip it, fund it with changes at a reduced amount, or stop here.",
                money(self.request_cents), money(self.left_cents), money(self.gap_cents)
            ),
            StopReason::Tie => format!(
                "{who} are tied at the line and cannot all be funded: together they request {} and {} is left. The panel chooses.",
                money(self.request_cents), money(self.left_cents)
            ),
            StopReason::AwardsUsed => format!("Every award is made; {who} is next."),
            StopReason::PanelStopped => format!("The panel stopped the line at {who}."),
            StopReason::NoAmount => format!("{who} has no requested amount to fund."),
        }
    }
}

/// The line as it stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FundingLine {
    /// Above the line, in order.
    pub funded: Vec<Funded>,
    /// Passed over by the panel.
    pub skipped: Vec<String>,
    /// Where the line stops, unless every proposal was reached.
    pub stop: Option<Stop>,
    /// Below the line, in order (those at the line first).
    pub below: Vec<String>,
    /// What is left of the fund, in cents.
    pub left_cents: i64,
    /// Decisions that could not be followed, in plain words.
    pub problems: Vec<String>,
}

/// The funding line over `ranked` (in rank order) for a fund of `fund_cents` and at most
/// `awards` awards (none: no limit), following the panel's `decisions` where the line reaches
/// them.
pub fn funding_line(
    ranked: &[FundingEntry],
    fund_cents: i64,
    awards: Option<u32>,
    decisions: &BTreeMap<String, Decision>,
) -> FundingLine {
    let mut out = FundingLine {
        left_cents: fund_cents,
        ..Default::default()
    };
    let mut awards_left = awards.map(|a| a as usize).unwrap_or(usize::MAX);
    let mut i = 0;
    while i < ranked.len() {
        let mut j = i + 1;
        while j < ranked.len() && ranked[j].place == ranked[i].place {
            j += 1;
        }
        let mut undecided: Vec<&FundingEntry> = Vec::new();
        let mut stop: Option<Stop> = None;
        for e in &ranked[i..j] {
            let request = e.requested_cents;
            match decisions.get(&e.id) {
                Some(Decision::Stop) => {
                    stop = Some(Stop {
                        why: StopReason::PanelStopped,
                        at: vec![e.id.clone()],
                        request_cents: request.unwrap_or(0),
                        left_cents: out.left_cents,
                        gap_cents: (request.unwrap_or(0) - out.left_cents).max(0),
                    });
                    break;
                }
                Some(Decision::Skip) => out.skipped.push(e.id.clone()),
                Some(Decision::Fund) => match request {
                    Some(r) if r <= out.left_cents && awards_left > 0 => {
                        out.left_cents -= r;
                        awards_left -= 1;
                        out.funded.push(Funded {
                            id: e.id.clone(),
                            cents: r,
                            reduced: false,
                        });
                    }
                    _ => {
                        out.problems.push(format!(
                            "{} cannot be funded in full: no amount, not enough left, or no award left",
                            e.id
                        ));
                        undecided.push(e);
                    }
                },
                Some(Decision::FundReduced { cents }) => {
                    if *cents > 0
                        && *cents <= out.left_cents
                        && request.is_none_or(|r| *cents <= r)
                        && awards_left > 0
                    {
                        out.left_cents -= cents;
                        awards_left -= 1;
                        out.funded.push(Funded {
                            id: e.id.clone(),
                            cents: *cents,
                            reduced: true,
                        });
                    } else {
                        out.problems.push(format!(
                            "the reduced award for {} must be more than zero, no more than it requests and no more than is left, with an award left to make",
                            e.id
                        ));
                        undecided.push(e);
                    }
                }
                None => undecided.push(e),
            }
        }
        if stop.is_none() && !undecided.is_empty() {
            let request: Option<i64> = undecided.iter().map(|e| e.requested_cents).sum();
            let gap = |r: i64| (r - out.left_cents).max(0);
            let at: Vec<String> = undecided.iter().map(|e| e.id.clone()).collect();
            let fits = request.is_some_and(|r| r <= out.left_cents);
            if awards_left == 0 {
                let r = request.unwrap_or(0);
                stop = Some(Stop {
                    why: StopReason::AwardsUsed,
                    at,
                    request_cents: r,
                    left_cents: out.left_cents,
                    gap_cents: gap(r),
                });
            } else if let (None, true) = (request, undecided.len() == 1) {
                stop = Some(Stop {
                    why: StopReason::NoAmount,
                    at,
                    request_cents: 0,
                    left_cents: out.left_cents,
                    gap_cents: 0,
                });
            } else if fits && undecided.len() <= awards_left {
                for e in &undecided {
                    let r = e.requested_cents.expect("the sum has every amount");
                    out.left_cents -= r;
                    awards_left -= 1;
                    out.funded.push(Funded {
                        id: e.id.clone(),
                        cents: r,
                        reduced: false,
                    });
                }
            } else {
                let r = request.unwrap_or(0);
                stop = Some(Stop {
                    why: if undecided.len() == 1 {
                        StopReason::DoesNotFit
                    } else {
                        StopReason::Tie
                    },
                    at,
                    request_cents: r,
                    left_cents: out.left_cents,
                    gap_cents: gap(r),
                });
            }
        }
        if let Some(stop) = stop {
            let decided: Vec<&String> = out
                .funded
                .iter()
                .map(|f| &f.id)
                .chain(&out.skipped)
                .collect();
            out.below = ranked[i..]
                .iter()
                .filter(|e| !decided.contains(&&e.id))
                .map(|e| e.id.clone())
                .collect();
            out.stop = Some(stop);
            return out;
        }
        i = j;
    }
    out
}
