//! The exhaustive search of the assignment for small panels, and the counting that rules out
//! every pair overlapping for any panel.

use crate::assign::State;

/// How many partial assignments the exhaustive search may try before giving up.
const SEARCH_BUDGET: u64 = 2_000_000;

/// Whether counting alone shows that no assignment with loads within one lets every pair of
/// reviewers overlap: the proposals cannot hold that many pairs, or a reviewer with the
/// smallest load could not meet every other reviewer.
pub(crate) fn counting_rules_out(want: &[usize], nr: usize) -> bool {
    if nr < 2 {
        return false;
    }
    let pairs = nr * (nr - 1) / 2;
    let room: usize = want.iter().map(|k| k * k.saturating_sub(1) / 2).sum();
    let total: usize = want.iter().sum();
    let k_max = want.iter().copied().max().unwrap_or(0);
    // Loads within one: at least one reviewer carries the floor of the mean.
    room < pairs || (total / nr) * k_max.saturating_sub(1) < nr - 1
}

pub(crate) enum Searched {
    Found(State),
    Impossible,
    GaveUp,
}

/// Every assignment with loads within one, tried in turn until one leaves no pair apart.
pub(crate) fn search(elig: &[Vec<bool>], want: &[usize], nr: usize) -> Searched {
    let np = elig.len();
    let total: usize = want.iter().sum();
    if nr == 0 {
        return Searched::Impossible;
    }
    let (low, high) = (total / nr, total.div_ceil(nr));
    let mut order: Vec<usize> = (0..np).collect();
    order.sort_by_key(|&p| elig[p].iter().filter(|x| **x).count());
    // Subsets of each proposal's eligible reviewers of the size it wants.
    let subsets: Vec<Vec<Vec<usize>>> = order
        .iter()
        .map(|&p| {
            let pool: Vec<usize> = (0..nr).filter(|&r| elig[p][r]).collect();
            let mut out = Vec::new();
            combinations(&pool, want[p], &mut Vec::new(), 0, &mut out);
            out
        })
        .collect();
    // After position i, how many proposals each reviewer could still read, and the pairs the
    // remaining proposals can still cover.
    let mut left = vec![vec![0usize; nr]; np + 1];
    let mut pair_room = vec![0usize; np + 1];
    for i in (0..np).rev() {
        let p = order[i];
        left[i] = left[i + 1].clone();
        for r in 0..nr {
            if elig[p][r] {
                left[i][r] += 1;
            }
        }
        pair_room[i] = pair_room[i + 1] + want[p] * want[p].saturating_sub(1) / 2;
    }
    let mut st = State::new(nr, np);
    let mut budget = SEARCH_BUDGET;
    let ctx = Ctx {
        order: &order,
        subsets: &subsets,
        left: &left,
        pair_room: &pair_room,
        low,
        high,
        want,
    };
    match dive(&ctx, 0, &mut st, &mut budget) {
        Some(true) => Searched::Found(st),
        Some(false) => Searched::Impossible,
        None => Searched::GaveUp,
    }
}

struct Ctx<'a> {
    order: &'a [usize],
    subsets: &'a [Vec<Vec<usize>>],
    left: &'a [Vec<usize>],
    pair_room: &'a [usize],
    low: usize,
    high: usize,
    want: &'a [usize],
}

fn combinations(
    pool: &[usize],
    k: usize,
    cur: &mut Vec<usize>,
    from: usize,
    out: &mut Vec<Vec<usize>>,
) {
    if cur.len() == k {
        out.push(cur.clone());
        return;
    }
    for i in from..pool.len() {
        cur.push(pool[i]);
        combinations(pool, k, cur, i + 1, out);
        cur.pop();
    }
}

/// Some(true): found (the state holds it); Some(false): none below here; None: out of budget.
fn dive(ctx: &Ctx, i: usize, st: &mut State, budget: &mut u64) -> Option<bool> {
    if *budget == 0 {
        return None;
    }
    *budget -= 1;
    let nr = st.r;
    if st.uncovered > ctx.pair_room[i] {
        return Some(false);
    }
    let max_k = ctx.order[i..]
        .iter()
        .map(|&p| ctx.want[p])
        .max()
        .unwrap_or(0);
    for r in 0..nr {
        if st.load[r] + ctx.left[i][r] < ctx.low {
            return Some(false);
        }
        let apart = (0..nr).filter(|&o| o != r && st.cov(r, o) == 0).count();
        let room = (ctx.high - st.load[r]).min(ctx.left[i][r]);
        if apart > room * max_k.saturating_sub(1) {
            return Some(false);
        }
    }
    if i == ctx.order.len() {
        return Some(st.uncovered == 0);
    }
    let p = ctx.order[i];
    for subset in &ctx.subsets[i] {
        if subset.iter().any(|&r| st.load[r] >= ctx.high) {
            continue;
        }
        for &r in subset {
            st.add(p, r);
        }
        match dive(ctx, i + 1, st, budget) {
            Some(true) => return Some(true),
            None => return None,
            Some(false) => {}
        }
        for &r in subset {
            st.remove(p, r);
        }
    }
    Some(false)
}
