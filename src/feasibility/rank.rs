//! Who to add next, a full proposal, and who could take a member's seat.
//!
//! The gap-closing score of a candidate for a draft with `free` empty seats
//! is the sum, over the balance quotas still under their minimum that the
//! candidate would count towards, of `1 + need / free` (`need` = how many
//! the quota still lacks). Each open gap closed counts one; the share of the
//! remaining seats a gap still claims breaks the tie between gaps, so
//! "covers an uncovered field and adds a woman while 12 women are missing"
//! ranks first. Equal scores are ordered by candidate id.

use std::cmp::Ordering;

use super::lookahead::{
    Mark, Masks, check_ctx, completion_with, marks, normalise, swap_fits, tight,
};
use super::model::Ctx;
use super::{Lookahead, Suggestion, TIME_LIMIT, verify};
use crate::domain::Field;
use crate::pool::{Ix, Pool};
use crate::rules::{Counters, Feature, Rules, eligibility};

/// A balance quota under its minimum.
struct Gap {
    quota: usize,
    count: u32,
    min: u32,
}

fn gaps(rules: &Rules, counters: &Counters) -> Vec<Gap> {
    rules
        .quotas
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let min = q.min?;
            let count = counters.count(q.feature);
            (count < min).then_some(Gap {
                quota: i,
                count,
                min,
            })
        })
        .collect()
}

/// A field's plain label, qualified only where two fields share it
/// ("AI: Other", "Related: Other").
fn field_name(f: Field) -> String {
    if Field::all().filter(|g| g.label() == f.label()).count() > 1 {
        f.qualified()
    } else {
        f.label().to_owned()
    }
}

fn score(pool: &Pool, rules: &Rules, gaps: &[Gap], free: u32, ix: Ix) -> Suggestion {
    let f = pool.facts(ix);
    let mut parts: Vec<(f64, String)> = Vec::new();
    for g in gaps {
        let q = &rules.quotas[g.quota];
        if !q.feature.applies_to(f) {
            continue;
        }
        let need = g.min - g.count;
        let weight = 1.0 + f64::from(need) / f64::from(free.max(1));
        let text = match q.feature {
            Feature::Field(field) if g.count == 0 && g.min == 1 => {
                format!("covers {}", field_name(field))
            }
            _ => format!("adds {} ({}/{})", q.label, g.count + 1, g.min),
        };
        parts.push((weight, text));
    }
    // Most pressing reason first; equal weights keep the rules' order.
    parts.sort_by(|a, b| b.0.total_cmp(&a.0));
    Suggestion {
        ix,
        score: parts.iter().map(|p| p.0).sum(),
        reasons: parts.into_iter().map(|p| p.1).collect(),
    }
}

fn by_rank(pool: &Pool) -> impl Fn(&Suggestion, &Suggestion) -> Ordering + '_ {
    move |a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| pool.candidate(a.ix).id.cmp(&pool.candidate(b.ix).id))
    }
}

/// Everyone who can be added now, ranked.
fn ranked(ctx: &Ctx) -> Vec<Suggestion> {
    let gaps = gaps(ctx.rules, &ctx.counters);
    let mut out: Vec<Suggestion> = ctx
        .cands
        .iter()
        .map(|&ix| score(ctx.pool, ctx.rules, &gaps, ctx.free, ix))
        .collect();
    out.sort_by(by_rank(ctx.pool));
    out
}

/// Up to `limit` candidates who can be added now (no hard rule broken) and
/// after whom a completion still provably exists, ranked by the
/// gap-closing score (see the module documentation), with the gaps each
/// closes as reasons. Candidates who close no gap follow, by id. Empty when
/// the draft is full or has no completion (or none could be found in time).
pub fn suggest(pool: &Pool, rules: &Rules, members: &[Ix], limit: usize) -> Vec<Suggestion> {
    if limit == 0 {
        return Vec::new();
    }
    let ctx = Ctx::new(pool, rules, members);
    let Lookahead::Feasible { witness } = check_ctx(&ctx, &[], TIME_LIMIT) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(limit);
    for chunk in ranked(&ctx).chunks((limit * 2).max(32)) {
        let ixs: Vec<Ix> = chunk.iter().map(|s| s.ix).collect();
        let (marks, _) = marks(&ctx, &witness, &ixs, TIME_LIMIT);
        for (s, m) in chunk.iter().zip(marks) {
            if matches!(m, Mark::Keeps { .. }) {
                out.push(s.clone());
                if out.len() == limit {
                    return out;
                }
            }
        }
    }
    out
}

/// One completion, proposed seat by seat: at each step the best-ranked
/// candidate (as in [`suggest`]) after whom a completion provably still
/// exists. The result depends only on the data, the rules and the draft
/// (and on every exact solve finishing within its time limit), never on
/// solver internals. Each entry carries the reasons it had when picked.
/// `None` when no completion exists or none could be found; `Some(vec![])`
/// when the draft is already complete. The members plus the proposal pass
/// [`verify`].
pub fn proposal(pool: &Pool, rules: &Rules, members: &[Ix]) -> Option<Vec<Suggestion>> {
    let mut ctx = Ctx::new(pool, rules, members);
    let start = ctx.fixed.clone();
    let mut witness = match check_ctx(&ctx, &[], TIME_LIMIT) {
        Lookahead::Feasible { witness } => witness,
        _ => return None,
    };
    let mut picks = Vec::new();
    while ctx.free > 0 {
        let mut chosen = None;
        for chunk in ranked(&ctx).chunks(8) {
            let ixs: Vec<Ix> = chunk.iter().map(|s| s.ix).collect();
            let (marks, bases) = marks(&ctx, &witness, &ixs, TIME_LIMIT);
            if let Some((s, m)) = chunk
                .iter()
                .zip(marks)
                .find(|(_, m)| matches!(m, Mark::Keeps { .. }))
            {
                chosen = completion_with(&bases, m, s.ix).map(|panel| (s.clone(), panel));
                break;
            }
        }
        let (pick, panel) = chosen?;
        let mut fixed = ctx.fixed.clone();
        fixed.push(pick.ix);
        picks.push(pick);
        ctx = Ctx::new(pool, rules, &fixed);
        witness = normalise(&ctx.fixed, &ctx.is_fixed, &panel);
    }
    verify(pool, rules, &start, &ctx.fixed).ok()?;
    Some(picks)
}

/// [`proposal`] without the reasons: the candidates to add, in pick order.
pub fn complete(pool: &Pool, rules: &Rules, members: &[Ix]) -> Option<Vec<Ix>> {
    proposal(pool, rules, members).map(|p| p.into_iter().map(|s| s.ix).collect())
}

/// What a replacement must respect, for every member at once.
struct SwapFilter<'a> {
    ctx: Ctx<'a>,
    masks: Masks,
    low: Vec<u64>,
    high: Vec<u64>,
    /// Eligible, in the pool, not in the draft (caps are checked per swap).
    outsiders: Vec<Ix>,
}

impl<'a> SwapFilter<'a> {
    fn new(pool: &'a Pool, rules: &'a Rules, members: &[Ix]) -> SwapFilter<'a> {
        let ctx = Ctx::new(pool, rules, members);
        let masks = Masks::new(&ctx);
        let (low, high) = tight(&ctx, masks.words(), |k| {
            ctx.fixed_count(ctx.quota(k).feature)
        });
        let outsiders = pool
            .ixs()
            .filter(|&ix| {
                let f = pool.facts(ix);
                !ctx.is_fixed[ix as usize] && !f.missing && eligibility(rules, f).is_none()
            })
            .collect();
        SwapFilter {
            ctx,
            masks,
            low,
            high,
            outsiders,
        }
    }

    fn fits(&self, member: Ix, cand: Ix) -> bool {
        let c = &self.ctx;
        swap_fits(
            c.pool,
            c.rules,
            &self.masks,
            &c.counters,
            (&self.low, &self.high),
            member,
            cand,
        )
    }
}

/// Who could take `member`'s seat, ranked like [`suggest`] (gaps as they
/// are with the seat empty), at most `limit`.
///
/// A candidate qualifies when the swap (1) breaks no hard rule:
/// [`crate::rules::check_add`] with `replacing = member` is empty
/// (eligible, in the pool, not in the draft, nationality and institution
/// caps with the member's own places freed); and (2) makes no balance
/// bound worse: a bound that holds now still holds after the swap, and a
/// count that misses its bound does not move further away from it. Whether
/// a completion exists afterwards is not required (see
/// [`swap_keeps_feasible`](super::swap_keeps_feasible)). Empty if `member`
/// is not in the draft.
pub fn replacements(
    pool: &Pool,
    rules: &Rules,
    members: &[Ix],
    member: Ix,
    limit: usize,
) -> Vec<Suggestion> {
    // Only indices inside the pool count as members (see `Ctx::new`).
    if member as usize >= pool.len() || !members.contains(&member) || limit == 0 {
        return Vec::new();
    }
    let filter = SwapFilter::new(pool, rules, members);
    let mut rest_counters = filter.ctx.counters.clone();
    rest_counters.remove(pool.facts(member));
    let gaps = gaps(rules, &rest_counters);
    let free = rules.size.saturating_sub(rest_counters.size);
    let mut out: Vec<Suggestion> = filter
        .outsiders
        .iter()
        .copied()
        .filter(|&c| filter.fits(member, c))
        .map(|c| score(pool, rules, &gaps, free, c))
        .collect();
    out.sort_by(by_rank(pool));
    out.truncate(limit);
    out
}

/// For each member (in the order given, duplicates once): how many
/// candidates qualify as their replacement, as defined in [`replacements`].
/// A low count says whose withdrawal would hurt most.
pub fn reserves(pool: &Pool, rules: &Rules, members: &[Ix]) -> Vec<(Ix, usize)> {
    let filter = SwapFilter::new(pool, rules, members);
    filter
        .ctx
        .fixed
        .iter()
        .map(|&m| {
            (
                m,
                filter
                    .outsiders
                    .iter()
                    .filter(|&&c| filter.fits(m, c))
                    .count(),
            )
        })
        .collect()
}
