//! Standardised scores, shown beside the raw figures: per reviewer and criterion, a z-score
//! over that reviewer's scores on the proposals they scored without a conflict, so a generous
//! reviewer and a severe one count alike. Available only where the reviewer scored at least
//! three proposals and the scores differ; otherwise the reason is given.
//!
//! A proposal's standardised total is the weighted mean, over the criteria that have one, of
//! the mean z-score its reviewers gave it. The panel ranks by raw means unless it chooses the
//! standardised order; both orders are always available. The standardised order lists the
//! same proposals as the raw one (those with a complete mean total, no requirement failed).

use crate::combine::StageResult;
use crate::order::{place_f64, Placed};
use crossroads_review::{normalized, Competition, ScoreSheet};
use std::collections::BTreeMap;

/// Standardised totals this close count as equal (a tie, shown as such).
pub const TIE: f64 = 1e-9;
/// The fewest scores a reviewer must give on a criterion for z-scores to be computed.
pub const MIN_SCORES: usize = 3;

/// One reviewer's z-scores on one criterion, or why there are none.
#[derive(Clone, Debug, PartialEq)]
pub enum ZScores {
    /// The reviewer's mean and standard deviation (in the criterion's units), and each
    /// proposal's z-score.
    Available {
        mean: f64,
        sd: f64,
        by_proposal: BTreeMap<String, f64>,
    },
    /// Not computed, with the reason in plain words.
    NotAvailable { reason: String },
}

/// One proposal's standardised figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProposalZ {
    /// The mean z-score of each scoring criterion, in the rubric's order (none where no
    /// reviewer's z-score is available).
    pub criteria: Vec<(String, Option<f64>)>,
    /// The weighted mean of the criteria's mean z-scores.
    pub total: Option<f64>,
}

/// The standardised scores of one stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Standardised {
    /// By reviewer id, then criterion id.
    pub by_reviewer: BTreeMap<String, BTreeMap<String, ZScores>>,
    /// By proposal id.
    pub proposals: BTreeMap<String, ProposalZ>,
    /// The ranked proposals by standardised total, highest first; totals within [`TIE`] share
    /// a place.
    pub ranked: Vec<Placed>,
}

/// The standardised scores of the stage `result` combines, from the same `sheets`; conflicted
/// reviewers (as marked in `result`) are left out.
pub fn standardise(
    competition: &Competition,
    result: &StageResult,
    sheets: &[ScoreSheet],
) -> Result<Standardised, String> {
    let Some(stage) = competition.stage(&result.stage) else {
        return Err(format!(
            "the competition has no stage \u{201c}{}\u{201d}",
            result.stage
        ));
    };
    let rubric = &stage.rubric;
    let mut out = Standardised::default();
    let criteria: Vec<(&crossroads_review::Criterion, u32)> = rubric.weighted().collect();
    let proposals: Vec<(&String, &crate::combine::ProposalResult)> =
        result.proposals.iter().collect();
    // Sums and counts of z-scores, by proposal (in `proposals`' order) and criterion.
    let mut sums = vec![vec![(0.0f64, 0usize); criteria.len()]; proposals.len()];
    for sheet in sheets {
        let reviewer = &sheet.reviewer.id;
        let stage_scores = sheet.stages.get(&result.stage);
        // The reviewer's usable values, by criterion: (proposal's index, value).
        let mut values: Vec<Vec<(usize, f64)>> = vec![Vec::new(); criteria.len()];
        for (i, (p, figures)) in proposals.iter().enumerate() {
            if figures.conflicted.iter().any(|(r, _)| r == reviewer) {
                continue;
            }
            let Some(scores) = stage_scores.and_then(|m| m.get(*p)) else {
                continue;
            };
            for (k, (c, _)) in criteria.iter().enumerate() {
                let value = scores
                    .criteria
                    .get(&c.id)
                    .and_then(|s| s.value)
                    .filter(|v| normalized(&c.kind, *v).is_some());
                if let Some(v) = value {
                    values[k].push((i, f64::from(v)));
                }
            }
        }
        let mine = out.by_reviewer.entry(reviewer.clone()).or_default();
        for (k, (c, _)) in criteria.iter().enumerate() {
            let values = &values[k];
            let z = if values.len() < MIN_SCORES {
                ZScores::NotAvailable {
                    reason: format!(
                        "scored fewer than three proposals on this criterion ({})",
                        values.len()
                    ),
                }
            } else if values.iter().all(|(_, v)| *v == values[0].1) {
                ZScores::NotAvailable {
                    reason: "gave every proposal the same score on this criterion".into(),
                }
            } else {
                let n = values.len() as f64;
                let mean = values.iter().map(|(_, v)| v).sum::<f64>() / n;
                let sd = (values.iter().map(|(_, v)| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
                let mut by_proposal = BTreeMap::new();
                for (i, v) in values {
                    let z = (v - mean) / sd;
                    sums[*i][k].0 += z;
                    sums[*i][k].1 += 1;
                    by_proposal.insert(proposals[*i].0.clone(), z);
                }
                ZScores::Available {
                    mean,
                    sd,
                    by_proposal,
                }
            };
            mine.insert(c.id.clone(), z);
        }
    }
    for (i, (p, _)) in proposals.iter().enumerate() {
        let mut figures = ProposalZ::default();
        let (mut sum, mut weights) = (0.0, 0.0);
        for (k, (c, w)) in criteria.iter().enumerate() {
            let (z, n) = sums[i][k];
            let mean = (n > 0).then(|| z / n as f64);
            if let Some(m) = mean {
                sum += m * f64::from(*w);
                weights += f64::from(*w);
            }
            figures.criteria.push((c.id.clone(), mean));
        }
        figures.total = (weights > 0.0).then(|| sum / weights);
        out.proposals.insert((*p).clone(), figures);
    }
    let items: Vec<(String, f64)> = result
        .ranked
        .iter()
        .filter_map(|r| Some((r.id.clone(), out.proposals.get(&r.id)?.total?)))
        .collect();
    out.ranked = place_f64(&items, TIE);
    Ok(out)
}

/// The raw and the standardised orders, and the one the panel uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orders {
    /// By raw mean total.
    pub raw: Vec<Placed>,
    /// By standardised total.
    pub standardised: Vec<Placed>,
    /// Whether the panel chose the standardised order.
    pub uses_standardised: bool,
}

impl Orders {
    /// The order the panel ranks by.
    pub fn chosen(&self) -> &[Placed] {
        if self.uses_standardised {
            &self.standardised
        } else {
            &self.raw
        }
    }
}

/// Both orders of a stage, with the panel's choice between them.
pub fn orders(result: &StageResult, standardised: &Standardised, use_standardised: bool) -> Orders {
    Orders {
        raw: result.ranked.clone(),
        standardised: standardised.ranked.clone(),
        uses_standardised: use_standardised,
    }
}
