//! The witness trick: a verified completion answers most "would a
//! completion still exist if…" questions without a solve. A candidate in the
//! witness keeps it; one that can take the seat of a non-member of the
//! witness (re-checking only the counters the swap touches) keeps it; the
//! rest go to the solver together, asked to hold as many of them as
//! possible: each solve proves several, and an optimum of zero proves that
//! none of the remaining ones can be added.

use std::time::Duration;

use super::model::{Ctx, Goal, Solved, aff_count, nat_count, solve};
use super::{Lookahead, TIME_LIMIT, verify};
use crate::pool::{Ix, Pool};
use crate::rules::{Counters, Rules};

pub(crate) fn check_ctx(ctx: &Ctx, hint: &[Ix], limit: Duration) -> Lookahead {
    if let Some(reason) = ctx.counting().into_iter().next() {
        return Lookahead::Infeasible { reason };
    }
    if ctx.free == 0 {
        // Full: the draft itself is the only candidate panel.
        return match verify(ctx.pool, ctx.rules, &ctx.fixed, &ctx.fixed) {
            Ok(()) => Lookahead::Feasible {
                witness: ctx.fixed.clone(),
            },
            Err(e) => Lookahead::Infeasible {
                reason: format!("the panel is full and {e}"),
            },
        };
    }
    if let Some(witness) = repair(ctx, hint) {
        return Lookahead::Feasible { witness };
    }
    match solve(ctx, Goal::Feasible, limit) {
        Solved::Found(found) => match verify(ctx.pool, ctx.rules, &ctx.fixed, &found.panel) {
            Ok(()) => Lookahead::Feasible {
                witness: found.panel,
            },
            Err(e) => Lookahead::Unknown {
                reason: format!("the solver's panel failed the independent check: {e}"),
            },
        },
        Solved::Infeasible => Lookahead::Infeasible {
            reason: format!(
                "no choice of {} of the {} candidates who can still be added meets every cap and balance target together (exact search)",
                ctx.free,
                ctx.cands.len()
            ),
        },
        Solved::Failed(e) => Lookahead::Unknown {
            reason: format!("the solver stopped: {e}"),
        },
    }
}

/// Members first (in their order), then the rest ascending: one canonical
/// order for witnesses, whatever produced them.
pub(crate) fn normalise(fixed: &[Ix], is_fixed: &[bool], panel: &[Ix]) -> Vec<Ix> {
    let mut rest: Vec<Ix> = panel
        .iter()
        .copied()
        .filter(|&ix| !is_fixed.get(ix as usize).copied().unwrap_or(false))
        .collect();
    rest.sort_unstable();
    rest.dedup();
    let mut out = fixed.to_vec();
    out.extend(rest);
    out
}

/// A completion from the previous witness, if the edit left it valid or
/// one swap mends it (the usual add, remove and swap).
fn repair(ctx: &Ctx, hint: &[Ix]) -> Option<Vec<Ix>> {
    if hint.len() != ctx.rules.size as usize {
        return None;
    }
    let (pool, rules) = (ctx.pool, ctx.rules);
    let panel = normalise(&ctx.fixed, &ctx.is_fixed, hint);
    if panel.len() == hint.len() && verify(pool, rules, &ctx.fixed, &panel).is_ok() {
        return Some(panel);
    }
    let mut newcomers = ctx.fixed.iter().copied().filter(|m| !hint.contains(m));
    let (Some(c), None) = (newcomers.next(), newcomers.next()) else {
        return None;
    };
    for &w in hint {
        if ctx.is_fixed.get(w as usize).copied().unwrap_or(true) {
            continue;
        }
        let swapped: Vec<Ix> = hint.iter().map(|&x| if x == w { c } else { x }).collect();
        let panel = normalise(&ctx.fixed, &ctx.is_fixed, &swapped);
        if verify(pool, rules, &ctx.fixed, &panel).is_ok() {
            return Some(panel);
        }
    }
    None
}

/// Quota membership of every pool candidate as bit rows (bit k = the k-th
/// balance quota), so a swap is checked with a few word operations.
pub(crate) struct Masks {
    words: usize,
    bits: Vec<u64>,
}

impl Masks {
    pub fn new(ctx: &Ctx) -> Masks {
        let words = ctx.balance.len().div_ceil(64).max(1);
        let mut bits = vec![0u64; words * ctx.pool.len()];
        for ix in ctx.pool.ixs() {
            let f = ctx.pool.facts(ix);
            let row = &mut bits[ix as usize * words..(ix as usize + 1) * words];
            for k in 0..ctx.balance.len() {
                if ctx.quota(k).feature.applies_to(f) {
                    row[k / 64] |= 1 << (k % 64);
                }
            }
        }
        Masks { words, bits }
    }

    pub fn row(&self, ix: Ix) -> &[u64] {
        let start = ix as usize * self.words;
        &self.bits[start..start + self.words]
    }

    pub fn words(&self) -> usize {
        self.words
    }
}

/// Bit k set where quota k may not lose a member (`low`) or gain one
/// (`high`) without breaking its bound, given `counts`.
pub(crate) fn tight(
    ctx: &Ctx,
    words: usize,
    counts: impl Fn(usize) -> u32,
) -> (Vec<u64>, Vec<u64>) {
    let mut low = vec![0u64; words];
    let mut high = vec![0u64; words];
    for k in 0..ctx.balance.len() {
        let q = ctx.quota(k);
        let c = counts(k);
        if q.min.is_some_and(|m| c <= m) {
            low[k / 64] |= 1 << (k % 64);
        }
        if q.max.is_some_and(|m| c >= m) {
            high[k / 64] |= 1 << (k % 64);
        }
    }
    (low, high)
}

/// Whether `incoming` can take `outgoing`'s place: no tight quota loses or
/// gains, and no cap of the newcomer overflows. Eligibility is the caller's.
pub(crate) fn swap_fits(
    pool: &Pool,
    rules: &Rules,
    masks: &Masks,
    counters: &Counters,
    (low, high): (&[u64], &[u64]),
    outgoing: Ix,
    incoming: Ix,
) -> bool {
    let (mo, mi) = (masks.row(outgoing), masks.row(incoming));
    for j in 0..masks.words() {
        if (mo[j] & !mi[j] & low[j]) != 0 || (mi[j] & !mo[j] & high[j]) != 0 {
            return false;
        }
    }
    let (fo, fi) = (pool.facts(outgoing), pool.facts(incoming));
    let nat_ok = fi.nationalities.iter().all(|n| {
        nat_count(counters, *n) + 1 - u32::from(fo.nationalities.contains(n))
            <= rules.per_nationality
    });
    nat_ok
        && fi.affiliations.iter().all(|a| {
            !pool.is_capped_affiliation(*a)
                || aff_count(counters, *a) + 1 - u32::from(fo.affiliations.contains(a))
                    <= rules.per_affiliation
        })
}

/// A verified completion prepared for swap checks.
struct Base {
    panel: Vec<Ix>,
    counters: Counters,
    low: Vec<u64>,
    high: Vec<u64>,
    /// Its non-member seats, which a candidate may take.
    open: Vec<Ix>,
}

impl Base {
    fn new(ctx: &Ctx, masks: &Masks, panel: &[Ix]) -> Base {
        let counters = Counters::recount(ctx.pool, panel.iter().copied());
        let counts = |k: usize| {
            panel
                .iter()
                .filter(|&&ix| masks.row(ix)[k / 64] & (1 << (k % 64)) != 0)
                .count() as u32
        };
        let (low, high) = tight(ctx, masks.words(), counts);
        let open = panel
            .iter()
            .copied()
            .filter(|&ix| !ctx.is_fixed[ix as usize])
            .collect();
        Base {
            panel: panel.to_vec(),
            counters,
            low,
            high,
            open,
        }
    }

    /// A seat `c` can take. The swapped panel also goes through the
    /// independent check (microseconds): a mark is never a shortcut's word.
    fn seat_for(&self, ctx: &Ctx, masks: &Masks, c: Ix) -> Option<Ix> {
        let tight = (self.low.as_slice(), self.high.as_slice());
        self.open.iter().copied().find(|&w| {
            swap_fits(ctx.pool, ctx.rules, masks, &self.counters, tight, w, c) && {
                let swapped: Vec<Ix> = self
                    .panel
                    .iter()
                    .map(|&x| if x == w { c } else { x })
                    .collect();
                verify(ctx.pool, ctx.rules, &ctx.fixed, &swapped).is_ok()
            }
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Proven: `bases[base]`, with `out` replaced by the candidate when
    /// given, is a completion that holds the candidate.
    Keeps {
        base: usize,
        out: Option<Ix>,
    },
    /// Proven impossible (or not allowed by the hard rules now).
    Breaks,
    Unknown,
}

/// Marks for `cands` given a verified completion `witness` of `ctx.fixed`.
/// Returns the marks and the completions they refer to (`bases[0]` is the
/// witness).
pub(crate) fn marks(
    ctx: &Ctx,
    witness: &[Ix],
    cands: &[Ix],
    limit: Duration,
) -> (Vec<Mark>, Vec<Vec<Ix>>) {
    let mut out = vec![Mark::Breaks; cands.len()];
    let mut bases = vec![witness.to_vec()];
    let mut in_witness: Vec<Ix> = witness.to_vec();
    in_witness.sort_unstable();
    let mut pending = Vec::new();
    for (i, &c) in cands.iter().enumerate() {
        if !ctx.is_addable(c) {
            continue;
        }
        if in_witness.binary_search(&c).is_ok() {
            out[i] = Mark::Keeps { base: 0, out: None };
        } else {
            pending.push(i);
        }
    }
    if pending.is_empty() {
        return (out, bases);
    }
    let masks = Masks::new(ctx);
    loop {
        let b = bases.len() - 1;
        let base = Base::new(ctx, &masks, &bases[b]);
        pending.retain(|&i| match base.seat_for(ctx, &masks, cands[i]) {
            Some(w) => {
                out[i] = Mark::Keeps {
                    base: b,
                    out: Some(w),
                };
                false
            }
            None => true,
        });
        if pending.is_empty() {
            break;
        }
        let wanted: Vec<Ix> = pending.iter().map(|&i| cands[i]).collect();
        let found = match solve(ctx, Goal::Include(&wanted), limit) {
            Solved::Found(found)
                if verify(ctx.pool, ctx.rules, &ctx.fixed, &found.panel).is_ok() =>
            {
                found
            }
            // No verified panel, or "infeasible" against a verified witness:
            // nothing proven either way.
            _ => {
                for &i in &pending {
                    out[i] = Mark::Unknown;
                }
                break;
            }
        };
        let mut held = found.panel.clone();
        held.sort_unstable();
        let before = pending.len();
        let next = bases.len();
        pending.retain(|&i| {
            if held.binary_search(&cands[i]).is_ok() {
                out[i] = Mark::Keeps {
                    base: next,
                    out: None,
                };
                false
            } else {
                true
            }
        });
        if pending.len() == before {
            // The most that any completion can hold of them is none: proven
            // when the optimum is proven; else undecided.
            if !found.optimal {
                for &i in &pending {
                    out[i] = Mark::Unknown;
                }
            }
            break;
        }
        bases.push(found.panel);
        if pending.is_empty() {
            break;
        }
    }
    (out, bases)
}

/// The completion a `Keeps` mark refers to, with the candidate in it.
pub(crate) fn completion_with(bases: &[Vec<Ix>], mark: Mark, c: Ix) -> Option<Vec<Ix>> {
    let Mark::Keeps { base, out } = mark else {
        return None;
    };
    let panel = bases.get(base)?;
    Some(match out {
        Some(w) => panel.iter().map(|&x| if x == w { c } else { x }).collect(),
        None => panel.clone(),
    })
}

/// A verified completion of `ctx.fixed`: `witness` if it is one, else a
/// fresh look-ahead. `Err(answer)` when there is none to build on.
pub(crate) fn base_witness(
    ctx: &Ctx,
    witness: &[Ix],
    limit: Duration,
) -> Result<Vec<Ix>, Lookahead> {
    if verify(ctx.pool, ctx.rules, &ctx.fixed, witness).is_ok() {
        return Ok(normalise(&ctx.fixed, &ctx.is_fixed, witness));
    }
    match check_ctx(ctx, witness, limit) {
        Lookahead::Feasible { witness } => Ok(witness),
        other => Err(other),
    }
}

/// For each candidate: would a completion still exist after adding them?
///
/// `false` means proven: either adding them breaks a hard rule now (callers
/// show that refusal first), or no completion of the draft with them exists
/// (by the exact search, or because the draft itself has none). `true`
/// means a verified completion holds them, or the question could not be
/// decided within the time limit: a candidate is never marked on a guess.
///
/// `witness` is the last verified completion (from [`super::check`]); pass
/// `&[]` if there is none, and one is computed. With a valid witness, 300
/// candidates at 2,700 take a few milliseconds to tens of milliseconds.
pub fn keeps_feasible(
    pool: &Pool,
    rules: &Rules,
    members: &[Ix],
    witness: &[Ix],
    candidates: &[Ix],
) -> Vec<(Ix, bool)> {
    let ctx = Ctx::new(pool, rules, members);
    let base = match base_witness(&ctx, witness, TIME_LIMIT) {
        Ok(w) => w,
        Err(answer) => {
            // Without a completion of the draft none with a newcomer exists
            // either; while unknown, mark nobody.
            let keeps = answer.feasible() != Some(false);
            return candidates
                .iter()
                .map(|&c| (c, keeps && ctx.is_addable(c)))
                .collect();
        }
    };
    let (marks, _) = marks(&ctx, &base, candidates, TIME_LIMIT);
    candidates
        .iter()
        .zip(marks)
        .map(|(&c, m)| (c, m != Mark::Breaks))
        .collect()
}

/// Would a completion still exist after `incoming` takes `outgoing`'s
/// seat? Same contract as [`keeps_feasible`] (`false` also when the swap
/// breaks a hard rule now). `witness` is a verified completion of
/// `members` or empty; it remains one for the draft without `outgoing`,
/// which is what makes this cheap.
pub fn swap_keeps_feasible(
    pool: &Pool,
    rules: &Rules,
    members: &[Ix],
    witness: &[Ix],
    outgoing: Ix,
    incoming: Ix,
) -> bool {
    // As `check_add` with `replacing`: the newcomer must not be in the draft.
    if !members.contains(&outgoing) || members.contains(&incoming) {
        return false;
    }
    let rest: Vec<Ix> = members.iter().copied().filter(|&m| m != outgoing).collect();
    keeps_feasible(pool, rules, &rest, witness, &[incoming])
        .first()
        .is_some_and(|&(_, keeps)| keeps)
}
