//! When no completion exists: the smallest change to the balance targets
//! that would allow one, and the members or hard rules that stand in the
//! way. Hard rules (size, eligibility, caps) are never relaxed.

use std::collections::HashMap;

use super::model::{Ctx, Goal, Solved, aff_count, nat_count, solve};
use super::{Bound, Relaxation, TIME_LIMIT, names, verify};
use crate::pool::{Ix, Pool};
use crate::rules::{Rules, eligibility};

/// The smallest relaxation of balance bounds (least total amount, summed
/// over every minimum lowered and maximum raised) under which a completion
/// exists, as proven by the exact solver, in the order of the rules. Empty
/// when a completion exists as the rules stand, when only hard rules block
/// (see [`blame`]), or when the solver gave no answer in time.
pub fn relax(pool: &Pool, rules: &Rules, members: &[Ix]) -> Vec<Relaxation> {
    relax_ctx(&Ctx::new(pool, rules, members)).unwrap_or_default()
}

fn relax_ctx(ctx: &Ctx) -> Option<Vec<Relaxation>> {
    let Solved::Found(found) = solve(ctx, Goal::Relax, TIME_LIMIT) else {
        return None;
    };
    let mut slack = found.slack;
    slack.sort_by_key(|&(qi, b, _)| (qi, b == super::Bound::Max));
    let mut relaxed = ctx.rules.clone();
    let mut out = Vec::with_capacity(slack.len());
    for (qi, bound, s) in slack {
        let q = relaxed.quotas.get_mut(qi)?;
        let (from, to) = match bound {
            Bound::Min => {
                let from = q.min?;
                (from, from.saturating_sub(s))
            }
            Bound::Max => {
                let from = q.max?;
                (from, from.saturating_add(s).min(ctx.rules.size))
            }
        };
        match bound {
            Bound::Min => q.min = Some(to),
            Bound::Max => q.max = Some(to),
        }
        out.push(Relaxation {
            quota_id: q.id.clone(),
            label: q.label.clone(),
            bound,
            from,
            to,
        });
    }
    // The relaxed rules must really admit the solver's panel.
    verify(ctx.pool, &relaxed, &ctx.fixed, &found.panel).ok()?;
    Some(out)
}

/// Sentences naming what makes a completion impossible, where that is
/// clear: members who break a hard rule, hard-rule shortages, a group
/// already over (or at) its maximum because of members, candidates of an
/// under-minimum group blocked by a cap that members use up, minimums that
/// need more than the empty seats. `relaxations` is what [`relax`]
/// returned for the same draft.
pub fn blame(
    pool: &Pool,
    rules: &Rules,
    members: &[Ix],
    relaxations: &[Relaxation],
) -> Vec<String> {
    let ctx = Ctx::new(pool, rules, members);
    let mut out = ctx.hard.clone();
    if !out.is_empty() {
        return out;
    }
    if relaxations.is_empty() {
        // Only hard rules can be in the way: say which counts show it.
        let hard_counts: Vec<String> = ctx
            .counting()
            .into_iter()
            .filter(|s| s.contains("seats are empty but"))
            .collect();
        if hard_counts.is_empty() && ctx.free > 0 {
            out.push(format!(
                "no choice of {} of the {} candidates who can still be added stays within the nationality and institution caps",
                ctx.free,
                ctx.cands.len()
            ));
        }
        out.extend(hard_counts);
        return out;
    }
    for r in relaxations {
        let Some(q) = rules.quotas.iter().find(|q| q.id == r.quota_id) else {
            continue;
        };
        let c = ctx.fixed_count(q.feature);
        let holders = || {
            ctx.fixed
                .iter()
                .copied()
                .filter(|&m| q.feature.applies_to(pool.facts(m)))
        };
        match r.bound {
            Bound::Max if c > r.from => out.push(format!(
                "{}: the draft already has {c}, above the maximum {} ({})",
                q.label,
                r.from,
                names(pool, holders())
            )),
            Bound::Max if c == r.from => out.push(format!(
                "{} is already at its maximum {} in the draft ({})",
                q.label,
                r.from,
                names(pool, holders())
            )),
            Bound::Max => {}
            Bound::Min => {
                let need = r.from.saturating_sub(c);
                if need > ctx.free {
                    out.push(format!(
                        "only {c} of the {} members so far count towards {}: {need} more are needed with {} seats empty",
                        ctx.fixed.len(),
                        q.label,
                        ctx.free
                    ));
                }
                out.extend(blocked_by_caps(&ctx, q.feature, &q.label));
            }
        }
    }
    out.dedup();
    out
}

/// "3 Eastern European candidates are blocked because Poland already has 2
/// members (…)": the caps that members use up, by how many eligible
/// candidates of the group they shut out (at most three).
fn blocked_by_caps(ctx: &Ctx, feature: crate::rules::Feature, label: &str) -> Vec<String> {
    let (pool, rules) = (ctx.pool, ctx.rules);
    #[derive(PartialEq, Eq, Hash, Clone, Copy, PartialOrd, Ord)]
    enum Cap {
        Nat(u32),
        Aff(u32),
    }
    let mut blocked: HashMap<Cap, u32> = HashMap::new();
    for ix in pool.ixs() {
        let f = pool.facts(ix);
        if ctx.is_fixed[ix as usize]
            || ctx.is_addable(ix)
            || f.missing
            || eligibility(rules, f).is_some()
            || !feature.applies_to(f)
        {
            continue;
        }
        let nat = f
            .nationalities
            .iter()
            .find(|&&n| nat_count(&ctx.counters, n) >= rules.per_nationality);
        let aff = f.affiliations.iter().find(|&&a| {
            pool.is_capped_affiliation(a) && aff_count(&ctx.counters, a) >= rules.per_affiliation
        });
        if let Some(cap) = nat.map(|&n| Cap::Nat(n)).or(aff.map(|&a| Cap::Aff(a))) {
            *blocked.entry(cap).or_default() += 1;
        }
    }
    let mut list: Vec<(Cap, u32)> = blocked.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.into_iter()
        .take(3)
        .map(|(cap, n)| {
            let (what, cap_n, holders): (String, u32, Vec<Ix>) = match cap {
                Cap::Nat(x) => (
                    pool.nationality_name(x).to_owned(),
                    rules.per_nationality,
                    ctx.fixed.iter().copied().filter(|&m| pool.facts(m).nationalities.contains(&x)).collect(),
                ),
                Cap::Aff(x) => (
                    pool.affiliations.name(x).to_owned(),
                    rules.per_affiliation,
                    ctx.fixed.iter().copied().filter(|&m| pool.facts(m).affiliations.contains(&x)).collect(),
                ),
            };
            let plural = if n == 1 { "candidate is" } else { "candidates are" };
            format!(
                "{n} eligible {label} {plural} blocked because {what} already has {cap_n} members in the draft ({})",
                names(pool, holders)
            )
        })
        .collect()
}
