//! How firm the order is: for each ranked proposal, the best and worst place it takes when any
//! one reviewer is left out (and the place with everyone), by raw mean totals, exactly.

use crate::combine::StageResult;
use crate::order::place_exact;
use crossroads_review::Exact;
use std::collections::{BTreeMap, BTreeSet};

/// The range of places one proposal takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRange {
    /// The proposal's id.
    pub proposal: String,
    /// Its place with every reviewer.
    pub place: usize,
    /// Its best (smallest) place with any one reviewer left out, or with all.
    pub best: usize,
    /// Its worst (largest) place with any one reviewer left out, or with all.
    pub worst: usize,
    /// Reviewers without whom it has no total at all (they alone scored it fully).
    pub unranked_without: Vec<String>,
}

/// For each ranked proposal of `result`, in its order, the places it takes when each reviewer
/// in turn is left out.
pub fn leave_one_out(result: &StageResult) -> Vec<RankRange> {
    let ranked: Vec<(&String, &BTreeMap<String, Exact>)> = result
        .ranked
        .iter()
        .filter_map(|p| Some((&p.id, &result.proposals.get(&p.id)?.totals)))
        .collect();
    let reviewers: BTreeSet<&String> = ranked.iter().flat_map(|(_, t)| t.keys()).collect();
    let mut ranges: BTreeMap<&String, RankRange> = result
        .ranked
        .iter()
        .map(|p| {
            (
                &p.id,
                RankRange {
                    proposal: p.id.clone(),
                    place: p.place,
                    best: p.place,
                    worst: p.place,
                    unranked_without: Vec::new(),
                },
            )
        })
        .collect();
    // Each proposal's sum of totals, once; leaving a reviewer out subtracts theirs.
    let sums: Vec<Exact> = ranked.iter().map(|(_, t)| t.values().sum()).collect();
    for out in reviewers {
        let mut means: Vec<(String, Exact)> = Vec::with_capacity(ranked.len());
        for ((id, totals), sum) in ranked.iter().zip(&sums) {
            let (rest, n) = match totals.get(out.as_str()) {
                Some(t) => (sum - t, totals.len() - 1),
                None => (*sum, totals.len()),
            };
            if n == 0 {
                if let Some(range) = ranges.get_mut(id) {
                    range.unranked_without.push(out.clone());
                }
                continue;
            }
            means.push(((*id).clone(), rest / n as i128));
        }
        for placed in place_exact(&means) {
            if let Some(range) = ranges.get_mut(&placed.id) {
                range.best = range.best.min(placed.place);
                range.worst = range.worst.max(placed.place);
            }
        }
    }
    result
        .ranked
        .iter()
        .filter_map(|p| ranges.remove(&p.id))
        .collect()
}
