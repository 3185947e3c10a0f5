//! Stages: advancing a shortlist (the top N, or the panel's choice) to the next stage, and the
//! final total as the brief combines the stages (the last stage alone, or a weighted blend),
//! with every stage's figure beside it.

use crate::order::{place_exact, Placed};
use crossroads_review::{Combine, Competition, Exact};
use num_rational::Ratio;
use std::collections::{BTreeMap, BTreeSet};

/// The proposals advanced to the next stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortlist {
    /// The proposals advanced, in order.
    pub advanced: Vec<String>,
    /// Proposals tied at the cut, all advanced (so more than N may advance).
    pub tied_at_cut: Vec<String>,
}

/// The top `n` of an order; proposals tied at the cut all advance and are reported.
pub fn shortlist_top(ranked: &[Placed], n: usize) -> Shortlist {
    if n == 0 {
        return Shortlist {
            advanced: Vec::new(),
            tied_at_cut: Vec::new(),
        };
    }
    if n >= ranked.len() {
        return Shortlist {
            advanced: ranked.iter().map(|p| p.id.clone()).collect(),
            tied_at_cut: Vec::new(),
        };
    }
    let cut = ranked[n - 1].place;
    let tied = ranked[n].place == cut;
    Shortlist {
        advanced: ranked
            .iter()
            .filter(|p| p.place <= cut)
            .map(|p| p.id.clone())
            .collect(),
        tied_at_cut: if tied {
            ranked
                .iter()
                .filter(|p| p.place == cut)
                .map(|p| p.id.clone())
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The panel's own choice of proposals to advance, checked against those it could choose from.
pub fn shortlist_choice(candidates: &[String], chosen: &[String]) -> Result<Shortlist, String> {
    let known: BTreeSet<&String> = candidates.iter().collect();
    let mut seen = BTreeSet::new();
    for id in chosen {
        if !known.contains(id) {
            return Err(format!(
                "proposal \u{201c}{}\u{201d} is not among those this stage can advance",
                crate::panel::short(id)
            ));
        }
        if !seen.insert(id) {
            return Err(format!("proposal \u{201c}{id}\u{201d} is chosen twice"));
        }
    }
    Ok(Shortlist {
        advanced: chosen.to_vec(),
        tied_at_cut: Vec::new(),
    })
}

/// One proposal's figures across the stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlendRow {
    /// Each stage's mean total, in the competition's order of stages.
    pub stages: Vec<(String, Option<Exact>)>,
    /// The final total as the brief combines the stages.
    pub final_total: Option<Exact>,
    /// The stages the final total needs and the proposal has no total at.
    pub missing: Vec<String>,
}

/// The final totals of a competition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blended {
    /// By proposal id: every proposal with a total at any stage.
    pub rows: BTreeMap<String, BlendRow>,
    /// The proposals with a final total, highest first, exact ties sharing a place.
    pub ranked: Vec<Placed>,
}

/// The final totals from each stage's mean totals (by stage id, then proposal id), combined
/// as the brief says: the last stage's alone, or the weighted mean of the named stages'.
pub fn blend(
    competition: &Competition,
    totals: &BTreeMap<String, BTreeMap<String, Exact>>,
) -> Blended {
    let mut out = Blended::default();
    let ids: BTreeSet<&String> = totals.values().flat_map(|m| m.keys()).collect();
    let weights: Vec<(&str, u32)> = match &competition.combine {
        Combine::LastStage => competition
            .stages
            .last()
            .map(|s| vec![(s.id.as_str(), 1)])
            .unwrap_or_default(),
        Combine::Blend(list) => list
            .iter()
            .filter(|w| w.weight > 0)
            .map(|w| (w.stage.as_str(), w.weight))
            .collect(),
    };
    let mut finals = Vec::new();
    for id in ids {
        let at = |stage: &str| totals.get(stage).and_then(|m| m.get(id)).copied();
        let stages: Vec<(String, Option<Exact>)> = competition
            .stages
            .iter()
            .map(|s| (s.id.clone(), at(&s.id)))
            .collect();
        let missing: Vec<String> = weights
            .iter()
            .filter(|(s, _)| at(s).is_none())
            .map(|(s, _)| s.to_string())
            .collect();
        let final_total = (missing.is_empty() && !weights.is_empty()).then(|| {
            let (mut sum, mut all) = (Ratio::from_integer(0), 0i128);
            for (s, w) in &weights {
                sum += at(s).expect("none missing") * i128::from(*w);
                all += i128::from(*w);
            }
            sum / all
        });
        if let Some(t) = final_total {
            finals.push((id.clone(), t));
        }
        out.rows.insert(
            id.clone(),
            BlendRow {
                stages,
                final_total,
                missing,
            },
        );
    }
    out.ranked = place_exact(&finals);
    out
}
