//! Assigning the reading: each proposal to a set number of reviewers, every reviewer's load
//! within one of the others', never to a reviewer with a conflict or from the proposing school,
//! and every pair of reviewers sharing at least one proposal wherever that can be done.
//!
//! A greedy pass gives each proposal the least-loaded eligible reviewers (preferring pairs
//! that do not yet share a proposal), then moves proposals along chains of reviewers until the
//! loads are within one where the conflicts allow it, then exchanges reviewers between
//! proposals to close the pairs left without overlap. For small panels (at most
//! [`EXHAUSTIVE_REVIEWERS`] reviewers and [`EXHAUSTIVE_PROPOSALS`] proposals) a pair still left
//! without overlap is settled by trying every assignment: either one is found, or the pair is
//! reported as unavoidable. Everything is deterministic for a given seed.

use crate::panel::{PanelReviewer, ProposalRef};
use crate::search::{counting_rules_out, search, Searched};
use std::collections::{BTreeMap, BTreeSet};

/// The largest panel whose assignment is searched exhaustively.
pub const EXHAUSTIVE_REVIEWERS: usize = 6;
/// The most proposals whose assignment is searched exhaustively.
pub const EXHAUSTIVE_PROPOSALS: usize = 12;

/// The reading as assigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    /// The proposals each reviewer reads, by reviewer id (every reviewer present).
    pub by_reviewer: BTreeMap<String, BTreeSet<String>>,
    /// Pairs of reviewers (by id, the smaller first) who share no proposal.
    pub uncovered_pairs: Vec<(String, String)>,
    /// Proposals with too few eligible reviewers, and how many they got.
    pub short: Vec<(String, u32)>,
    /// Whether every reviewer's load is within one of every other's.
    pub loads_within_one: bool,
    /// Whether no assignment with loads within one could do better: every pair overlapping is
    /// shown impossible by counting, or by trying every assignment of a small panel.
    pub overlap_impossible: bool,
}

/// Something wrong with an assignment, as [`check_assignment`] finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The assignment names a reviewer or proposal the panel does not have.
    Unknown { id: String },
    /// A proposal has another number of reviewers than it should.
    Count {
        proposal: String,
        got: u32,
        wanted: u32,
    },
    /// A reviewer reads a proposal they declared a conflict with.
    Conflicted { reviewer: String, proposal: String },
    /// A reviewer reads a proposal from their own school.
    SameSchool { reviewer: String, proposal: String },
    /// Two reviewers' loads differ by more than one.
    Loads {
        most: (String, u32),
        least: (String, u32),
    },
    /// Two reviewers share no proposal.
    NoOverlap { a: String, b: String },
}

impl Problem {
    /// The problem in plain English.
    pub fn message(&self) -> String {
        match self {
            Problem::Unknown { id } => format!("\u{201c}{id}\u{201d} is not on the panel"),
            Problem::Count {
                proposal,
                got,
                wanted,
            } => format!("proposal {proposal} has {got} reviewers; it should have {wanted}"),
            Problem::Conflicted { reviewer, proposal } => {
                format!("{reviewer} declared a conflict with proposal {proposal}")
            }
            Problem::SameSchool { reviewer, proposal } => {
                format!("{reviewer} belongs to the school of proposal {proposal}")
            }
            Problem::Loads { most, least } => format!(
                "{} reads {} proposals and {} reads {}: more than one apart",
                most.0, most.1, least.0, least.1
            ),
            Problem::NoOverlap { a, b } => format!("{a} and {b} share no proposal"),
        }
    }
}

/// Whether `reviewer` may read `proposal`: no declared conflict and not from its school.
pub fn eligible(reviewer: &PanelReviewer, proposal: &ProposalRef) -> bool {
    !reviewer.conflicts.contains(&proposal.id) && !reviewer.same_school(proposal)
}

/// Everything wrong with an assignment (for one made or changed by hand): counts, conflicts,
/// schools, loads more than one apart, and pairs of reviewers with no proposal in common.
pub fn check_assignment(
    proposals: &[ProposalRef],
    reviewers: &[PanelReviewer],
    per_proposal: u32,
    by_reviewer: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let known: BTreeMap<&str, &ProposalRef> =
        proposals.iter().map(|p| (p.id.as_str(), p)).collect();
    let empty = BTreeSet::new();
    for id in by_reviewer.keys() {
        if !reviewers.iter().any(|r| &r.id == id) {
            problems.push(Problem::Unknown { id: id.clone() });
        }
    }
    for r in reviewers {
        for p in by_reviewer.get(&r.id).unwrap_or(&empty) {
            match known.get(p.as_str()) {
                None => problems.push(Problem::Unknown { id: p.clone() }),
                Some(p) if r.conflicts.contains(&p.id) => problems.push(Problem::Conflicted {
                    reviewer: r.id.clone(),
                    proposal: p.id.clone(),
                }),
                Some(p) if r.same_school(p) => problems.push(Problem::SameSchool {
                    reviewer: r.id.clone(),
                    proposal: p.id.clone(),
                }),
                Some(_) => {}
            }
        }
    }
    for p in proposals {
        let got = reviewers
            .iter()
            .filter(|r| by_reviewer.get(&r.id).is_some_and(|s| s.contains(&p.id)))
            .count() as u32;
        let can = reviewers.iter().filter(|r| eligible(r, p)).count() as u32;
        let wanted = per_proposal.min(can);
        if got != wanted {
            problems.push(Problem::Count {
                proposal: p.id.clone(),
                got,
                wanted,
            });
        }
    }
    let load = |r: &PanelReviewer| by_reviewer.get(&r.id).map_or(0, |s| s.len()) as u32;
    let most = reviewers
        .iter()
        .max_by_key(|r| (load(r), std::cmp::Reverse(&r.id)));
    let least = reviewers.iter().min_by_key(|r| (load(r), &r.id));
    if let (Some(m), Some(l)) = (most, least) {
        if load(m) > load(l) + 1 {
            problems.push(Problem::Loads {
                most: (m.id.clone(), load(m)),
                least: (l.id.clone(), load(l)),
            });
        }
    }
    for (i, a) in reviewers.iter().enumerate() {
        for b in &reviewers[i + 1..] {
            let (sa, sb) = (
                by_reviewer.get(&a.id).unwrap_or(&empty),
                by_reviewer.get(&b.id).unwrap_or(&empty),
            );
            if sa.intersection(sb).next().is_none() {
                let (a, b) = ordered(&a.id, &b.id);
                problems.push(Problem::NoOverlap { a, b });
            }
        }
    }
    problems
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// SplitMix64: the only source of variety, from the seed passed in.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The working state: members of each proposal, loads, and how many proposals each pair shares.
#[derive(Clone)]
pub(crate) struct State {
    pub(crate) r: usize,
    pub(crate) members: Vec<Vec<usize>>,
    pub(crate) load: Vec<usize>,
    cover: Vec<u32>,
    pub(crate) uncovered: usize,
}

impl State {
    pub(crate) fn new(r: usize, p: usize) -> State {
        State {
            r,
            members: vec![Vec::new(); p],
            load: vec![0; r],
            cover: vec![0; r * r],
            uncovered: r * r.saturating_sub(1) / 2,
        }
    }
    pub(crate) fn cov(&self, a: usize, b: usize) -> u32 {
        self.cover[a * self.r + b]
    }
    fn bump(&mut self, a: usize, b: usize, up: bool) {
        let before = self.cov(a, b);
        let after = if up { before + 1 } else { before - 1 };
        self.cover[a * self.r + b] = after;
        self.cover[b * self.r + a] = after;
        match (before, after) {
            (0, 1) => self.uncovered -= 1,
            (1, 0) => self.uncovered += 1,
            _ => {}
        }
    }
    pub(crate) fn add(&mut self, p: usize, x: usize) {
        for i in 0..self.members[p].len() {
            let m = self.members[p][i];
            self.bump(x, m, true);
        }
        self.members[p].push(x);
        self.load[x] += 1;
    }
    pub(crate) fn remove(&mut self, p: usize, x: usize) {
        let at = self.members[p]
            .iter()
            .position(|&m| m == x)
            .expect("a member");
        self.members[p].swap_remove(at);
        for i in 0..self.members[p].len() {
            let m = self.members[p][i];
            self.bump(x, m, false);
        }
        self.load[x] -= 1;
    }
    /// The change in uncovered pairs if `out` gives its place in `p` to `inn`.
    fn delta(&self, p: usize, out: usize, inn: usize) -> i64 {
        let mut d = 0i64;
        for &m in &self.members[p] {
            if m == out {
                continue;
            }
            if self.cov(out, m) == 1 {
                d += 1;
            }
            if self.cov(inn, m) == 0 {
                d -= 1;
            }
        }
        d
    }
    fn replace(&mut self, p: usize, out: usize, inn: usize) {
        self.remove(p, out);
        self.add(p, inn);
    }
    fn spread(&self) -> usize {
        let max = self.load.iter().max().copied().unwrap_or(0);
        let min = self.load.iter().min().copied().unwrap_or(0);
        max - min
    }
}

/// Assigns `proposals` to `reviewers`, `per_proposal` each (fewer where too few reviewers are
/// eligible), with loads within one and every pair of reviewers overlapping where possible.
/// The same seed always gives the same assignment.
pub fn assign(
    proposals: &[ProposalRef],
    reviewers: &[PanelReviewer],
    per_proposal: u32,
    seed: u64,
) -> Assignment {
    let (np, nr) = (proposals.len(), reviewers.len());
    let elig: Vec<Vec<bool>> = proposals
        .iter()
        .map(|p| reviewers.iter().map(|r| eligible(r, p)).collect())
        .collect();
    let want: Vec<usize> = elig
        .iter()
        .map(|e| (per_proposal as usize).min(e.iter().filter(|x| **x).count()))
        .collect();
    let mut rng = Rng::new(seed);
    let tiebreak: Vec<u64> = (0..nr).map(|_| rng.next()).collect();
    let mut st = greedy(&elig, &want, nr, &tiebreak, &mut rng);
    balance(&mut st, &elig);
    improve_pairs(&mut st, &elig, &mut rng, 40 + 4 * np);
    let mut overlap_impossible = false;
    if st.uncovered > 0 || st.spread() > 1 {
        if counting_rules_out(&want, nr) {
            overlap_impossible = true;
        } else if nr <= EXHAUSTIVE_REVIEWERS && np <= EXHAUSTIVE_PROPOSALS {
            match search(&elig, &want, nr) {
                Searched::Found(found) => st = found,
                Searched::Impossible => overlap_impossible = true,
                Searched::GaveUp => {}
            }
        }
    }
    let mut by_reviewer: BTreeMap<String, BTreeSet<String>> = reviewers
        .iter()
        .map(|r| (r.id.clone(), BTreeSet::new()))
        .collect();
    for (p, members) in st.members.iter().enumerate() {
        for &m in members {
            by_reviewer
                .get_mut(&reviewers[m].id)
                .expect("every reviewer")
                .insert(proposals[p].id.clone());
        }
    }
    let mut uncovered_pairs = Vec::new();
    for a in 0..nr {
        for b in a + 1..nr {
            if st.cov(a, b) == 0 {
                uncovered_pairs.push(ordered(&reviewers[a].id, &reviewers[b].id));
            }
        }
    }
    uncovered_pairs.sort();
    let short = proposals
        .iter()
        .zip(&want)
        .filter(|(_, w)| **w < per_proposal as usize)
        .map(|(p, w)| (p.id.clone(), *w as u32))
        .collect();
    Assignment {
        by_reviewer,
        uncovered_pairs,
        short,
        loads_within_one: st.spread() <= 1,
        overlap_impossible,
    }
}

/// The hardest proposals first (fewest eligible reviewers), each to the least-loaded eligible
/// reviewers, preferring reviewers who do not yet share a proposal with those already chosen.
fn greedy(elig: &[Vec<bool>], want: &[usize], nr: usize, tiebreak: &[u64], rng: &mut Rng) -> State {
    let np = elig.len();
    let mut st = State::new(nr, np);
    let noise: Vec<u64> = (0..np).map(|_| rng.next()).collect();
    let mut order: Vec<usize> = (0..np).collect();
    order.sort_by_key(|&p| (elig[p].iter().filter(|x| **x).count(), noise[p]));
    for p in order {
        for _ in 0..want[p] {
            let best = (0..nr)
                .filter(|&r| elig[p][r] && !st.members[p].contains(&r))
                .min_by_key(|&r| {
                    let fresh = st.members[p].iter().filter(|&&m| st.cov(r, m) == 0).count();
                    (st.load[r], std::cmp::Reverse(fresh), tiebreak[r])
                })
                .expect("want counts only eligible reviewers");
            st.add(p, best);
        }
    }
    st
}

/// Moves proposals along chains of reviewers (each handing one on to the next) from a heavier
/// reviewer to one at least two lighter, until no such chain is left.
fn balance(st: &mut State, elig: &[Vec<bool>]) {
    let nr = st.r;
    loop {
        if st.spread() <= 1 {
            return;
        }
        let mut sources: Vec<usize> = (0..nr).collect();
        sources.sort_by_key(|&r| std::cmp::Reverse(st.load[r]));
        let mut moved = false;
        for &s in &sources {
            // Breadth-first search: prev[t] = (from reviewer, proposal handed on).
            let mut prev: Vec<Option<(usize, usize)>> = vec![None; nr];
            let mut seen = vec![false; nr];
            seen[s] = true;
            let mut queue = std::collections::VecDeque::from([s]);
            let mut target = None;
            while let Some(x) = queue.pop_front() {
                if st.load[x] + 2 <= st.load[s] {
                    target = Some(x);
                    break;
                }
                for (p, can) in elig.iter().enumerate() {
                    if !st.members[p].contains(&x) {
                        continue;
                    }
                    for y in 0..nr {
                        if !seen[y] && can[y] && !st.members[p].contains(&y) {
                            seen[y] = true;
                            prev[y] = Some((x, p));
                            queue.push_back(y);
                        }
                    }
                }
            }
            if let Some(mut t) = target {
                while let Some((x, p)) = prev[t] {
                    st.replace(p, x, t);
                    t = x;
                }
                moved = true;
                break;
            }
        }
        if !moved {
            return;
        }
    }
}

/// Closes pairs that share no proposal by giving a reviewer's place in a proposal to one of
/// the pair, with a compensating exchange elsewhere when the loads would drift apart.
fn improve_pairs(st: &mut State, elig: &[Vec<bool>], rng: &mut Rng, rounds: usize) {
    let nr = st.r;
    let mut stale = 0;
    for _ in 0..rounds {
        if st.uncovered == 0 {
            return;
        }
        let mut pairs: Vec<(usize, usize)> = (0..nr)
            .flat_map(|a| (a + 1..nr).map(move |b| (a, b)))
            .filter(|&(a, b)| st.cov(a, b) == 0)
            .collect();
        let start = rng.below(pairs.len());
        pairs.rotate_left(start);
        let before = st.uncovered;
        // Accept moves that close more pairs than they open; after a round without progress,
        // also moves that keep the count level, so the search can wander along a plateau.
        let allow_level = stale > 0;
        for (a, b) in pairs {
            if st.cov(a, b) > 0 {
                continue;
            }
            for (x, y) in [(a, b), (b, a)] {
                if try_join(st, elig, x, y, allow_level, rng) {
                    break;
                }
            }
        }
        if st.uncovered < before {
            stale = 0;
        } else {
            stale += 1;
            if stale > 8 {
                return;
            }
        }
    }
}

/// Tries to put `y` into a proposal `x` reads, in the place of another member `c`; when `c`
/// does not carry more than `y`, `c` takes `y`'s place in another proposal so no load moves.
fn try_join(
    st: &mut State,
    elig: &[Vec<bool>],
    x: usize,
    y: usize,
    allow_level: bool,
    rng: &mut Rng,
) -> bool {
    let np = elig.len();
    let accept = |d: i64| if allow_level { d <= 0 } else { d < 0 };
    let mut cands: Vec<usize> = (0..np)
        .filter(|&p| st.members[p].contains(&x) && !st.members[p].contains(&y) && elig[p][y])
        .collect();
    let start = rng.below(cands.len());
    cands.rotate_left(start);
    for p in cands {
        let outs: Vec<usize> = st.members[p].iter().copied().filter(|&c| c != x).collect();
        for c in outs {
            let d1 = st.delta(p, c, y);
            // Moving one proposal from a heavier reviewer to a lighter one never widens the
            // spread of the loads.
            if st.load[c] > st.load[y] && accept(d1) {
                st.replace(p, c, y);
                return true;
            }
            if d1 > 1 {
                continue;
            }
            st.replace(p, c, y);
            let mut best: Option<(i64, usize)> = None;
            for (q, can) in elig.iter().enumerate() {
                if q != p && st.members[q].contains(&y) && !st.members[q].contains(&c) && can[c] {
                    let d2 = st.delta(q, y, c);
                    if best.is_none_or(|(b, _)| d2 < b) {
                        best = Some((d2, q));
                    }
                }
            }
            if let Some((d2, q)) = best {
                if accept(d1 + d2) {
                    st.replace(q, y, c);
                    return true;
                }
            }
            st.replace(p, y, c);
        }
    }
    false
}
