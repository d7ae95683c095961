//! The fixed part of a look-ahead question (the members, what they leave
//! free, who can still be added), the counting arguments, and the integer
//! program.

use std::collections::HashMap;
use std::time::Duration;

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolutionStatus, SolverModel, Variable,
    WithTimeLimit, microlp, variable,
};

use super::{Bound, names, who};
use crate::pool::{Ix, Pool};
use crate::rules::{Counters, Feature, Quota, Rules, eligibility};

/// No candidate position (in `Ctx::pos`).
const NONE: u32 = u32::MAX;

pub(crate) struct Ctx<'a> {
    pub pool: &'a Pool,
    pub rules: &'a Rules,
    /// The members, deduplicated, in the order given.
    pub fixed: Vec<Ix>,
    pub is_fixed: Vec<bool>,
    pub counters: Counters,
    /// Seats left (0 when the draft is full or over).
    pub free: u32,
    /// Indices into `rules.quotas` of the quotas with a min or a max.
    pub balance: Vec<usize>,
    /// Who can be added now: eligible, in the pool, not a member, not
    /// blocked by a nationality or institution cap. Ascending.
    pub cands: Vec<Ix>,
    /// Pool index → position in `cands` (or `NONE`).
    pos: Vec<u32>,
    /// Hard rules the members themselves already break: no completion can
    /// mend those.
    pub hard: Vec<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(pool: &'a Pool, rules: &'a Rules, members: &[Ix]) -> Ctx<'a> {
        let mut is_fixed = vec![false; pool.len()];
        let mut fixed = Vec::with_capacity(members.len());
        for &m in members {
            // Indices come from the draft; one outside the pool is ignored
            // rather than trusted.
            if let Some(slot) = is_fixed.get_mut(m as usize)
                && !*slot
            {
                *slot = true;
                fixed.push(m);
            }
        }
        let counters = Counters::recount(pool, fixed.iter().copied());
        let size = fixed.len() as u32;
        let free = rules.size.saturating_sub(size);
        let mut hard = Vec::new();
        if size > rules.size {
            hard.push(format!(
                "the draft has {size} members, more than the {} seats",
                rules.size
            ));
        }
        for &m in &fixed {
            let f = pool.facts(m);
            if let Some(v) = eligibility(rules, f) {
                hard.push(format!("{}: {v}", who(pool, m)));
            }
            if f.missing {
                hard.push(format!(
                    "{} is not in the latest imported pool",
                    who(pool, m)
                ));
            }
        }
        for (n, &c) in counters.nationality.iter().enumerate() {
            if c > rules.per_nationality {
                let holders = fixed
                    .iter()
                    .copied()
                    .filter(|&m| pool.facts(m).nationalities.contains(&(n as u32)));
                hard.push(format!(
                    "{} has {c} members, above the cap of {}: {}",
                    pool.nationality_name(n as u32),
                    rules.per_nationality,
                    names(pool, holders)
                ));
            }
        }
        for (a, &c) in counters.affiliation.iter().enumerate() {
            if c > rules.per_affiliation && pool.is_capped_affiliation(a as u32) {
                let holders = fixed
                    .iter()
                    .copied()
                    .filter(|&m| pool.facts(m).affiliations.contains(&(a as u32)));
                hard.push(format!(
                    "{} has {c} members, above the cap of {}: {}",
                    pool.affiliations.name(a as u32),
                    rules.per_affiliation,
                    names(pool, holders)
                ));
            }
        }
        let balance = (0..rules.quotas.len())
            .filter(|&i| !rules.quotas[i].is_info())
            .collect();
        let mut cands = Vec::new();
        let mut pos = vec![NONE; pool.len()];
        for ix in pool.ixs() {
            if is_fixed[ix as usize] {
                continue;
            }
            let f = pool.facts(ix);
            if f.missing || eligibility(rules, f).is_some() {
                continue;
            }
            let nat_full = f
                .nationalities
                .iter()
                .any(|&n| nat_count(&counters, n) >= rules.per_nationality);
            let aff_full = f.affiliations.iter().any(|&a| {
                pool.is_capped_affiliation(a) && aff_count(&counters, a) >= rules.per_affiliation
            });
            if nat_full || aff_full {
                continue;
            }
            pos[ix as usize] = cands.len() as u32;
            cands.push(ix);
        }
        Ctx {
            pool,
            rules,
            fixed,
            is_fixed,
            counters,
            free,
            balance,
            cands,
            pos,
            hard,
        }
    }

    pub fn is_addable(&self, ix: Ix) -> bool {
        self.pos.get(ix as usize).is_some_and(|&p| p != NONE)
    }

    pub fn quota(&self, k: usize) -> &'a Quota {
        &self.rules.quotas[self.balance[k]]
    }

    pub fn fixed_count(&self, feature: Feature) -> u32 {
        self.counters.count(feature)
    }

    /// Seats the nationality `n` can still take.
    fn nat_room(&self, n: u32) -> u32 {
        self.rules
            .per_nationality
            .saturating_sub(nat_count(&self.counters, n))
    }

    /// Counting arguments that no completion exists, each a sentence a
    /// committee can check by hand. Microseconds to milliseconds.
    pub fn counting(&self) -> Vec<String> {
        let mut out = self.hard.clone();
        let pool = self.pool;
        let free = self.free;
        let per_nat = self.rules.per_nationality;
        // Upper bound on how many of a set can be added: at most the room
        // of each first nationality, and of each first capped institution
        // (everyone counts against both).
        let per_aff = self.rules.per_affiliation;
        let room_of = |set: &mut dyn Iterator<Item = Ix>| -> u32 {
            let mut by_nat: HashMap<u32, u32> = HashMap::new();
            let mut by_aff: HashMap<u32, u32> = HashMap::new();
            let (mut stateless, mut uncapped) = (0u32, 0u32);
            for ix in set {
                let f = pool.facts(ix);
                match f.nationalities.first() {
                    Some(&n) => *by_nat.entry(n).or_default() += 1,
                    None => stateless += 1,
                }
                match f
                    .affiliations
                    .iter()
                    .find(|&&a| pool.is_capped_affiliation(a))
                {
                    Some(&a) => *by_aff.entry(a).or_default() += 1,
                    None => uncapped += 1,
                }
            }
            let nat: u32 = by_nat
                .iter()
                .map(|(&n, &c)| c.min(self.nat_room(n)))
                .sum::<u32>()
                + stateless;
            let aff: u32 = by_aff
                .iter()
                .map(|(&a, &c)| c.min(per_aff.saturating_sub(aff_count(&self.counters, a))))
                .sum::<u32>()
                + uncapped;
            nat.min(aff)
        };
        let addable = room_of(&mut self.cands.iter().copied());
        if addable < free {
            if (self.cands.len() as u32) < free {
                out.push(format!(
                    "{free} seats are empty but only {} eligible candidates can still be added (the others are ineligible or blocked by a cap)",
                    self.cands.len()
                ));
            } else {
                out.push(format!(
                    "{free} seats are empty but at most {addable} more candidates can be added with no more than {per_nat} per nationality and {per_aff} per institution"
                ));
            }
        }
        // Per quota: over a max already, more needed than seats, more
        // needed than can be added.
        let mut deficits: Vec<(Feature, u32)> = Vec::new();
        let mut rooms: Vec<(Feature, u32)> = Vec::new();
        for k in 0..self.balance.len() {
            let q = self.quota(k);
            let c = self.fixed_count(q.feature);
            let in_q = || {
                self.cands
                    .iter()
                    .copied()
                    .filter(|&ix| q.feature.applies_to(pool.facts(ix)))
            };
            let supply = room_of(&mut in_q());
            if let Some(max) = q.max {
                if c > max {
                    let holders = self
                        .fixed
                        .iter()
                        .copied()
                        .filter(|&m| q.feature.applies_to(pool.facts(m)));
                    out.push(format!(
                        "{}: the draft already has {c}, above the maximum {max} ({})",
                        q.label,
                        names(pool, holders)
                    ));
                }
                room_min(&mut rooms, q.feature, max.saturating_sub(c).min(supply));
            } else {
                room_min(&mut rooms, q.feature, supply);
            }
            let need = q.min.map_or(0, |m| m.saturating_sub(c));
            if need == 0 {
                continue;
            }
            match deficits.iter_mut().find(|(f, _)| *f == q.feature) {
                Some((_, d)) => *d = (*d).max(need),
                None => deficits.push((q.feature, need)),
            }
            if need > free {
                out.push(format!(
                    "{}: {need} more needed to reach {}, but only {free} seats are empty",
                    q.label,
                    min_of(q)
                ));
            } else if need > supply {
                out.push(format!(
                    "{}: {need} more needed to reach {}, but at most {supply} can still be added (eligible, not blocked by a cap, at most {per_nat} per nationality and {per_aff} per institution)",
                    q.label,
                    min_of(q)
                ));
            }
        }
        // Features that partition the panel: each newcomer closes at most
        // one gap of the group and fits in at most one value's room.
        for group in ["gender", "region", "development"] {
            let in_group = |f: &Feature| f.group() == Some(group);
            let sum: u32 = deficits
                .iter()
                .filter(|(f, _)| in_group(f))
                .map(|(_, d)| d)
                .sum();
            if sum > free {
                let parts: Vec<String> = self
                    .balance
                    .iter()
                    .map(|&i| &self.rules.quotas[i])
                    .filter(|q| {
                        in_group(&q.feature)
                            && q.min.is_some_and(|m| m > self.fixed_count(q.feature))
                    })
                    .map(|q| {
                        format!(
                            "{} {}",
                            q.label,
                            q.min.map_or(0, |m| m - self.fixed_count(q.feature))
                        )
                    })
                    .collect();
                out.push(format!(
                    "the {group} minimums need {sum} more members ({}) but only {free} seats are empty",
                    parts.join(", ")
                ));
            }
            let quoted: Vec<Feature> = rooms.iter().map(|(f, _)| *f).filter(in_group).collect();
            if quoted.is_empty() {
                continue;
            }
            let unquoted = self
                .cands
                .iter()
                .filter(|&&ix| !quoted.iter().any(|f| f.applies_to(pool.facts(ix))))
                .count() as u32;
            let room: u32 = rooms
                .iter()
                .filter(|(f, _)| in_group(f))
                .map(|(_, r)| r)
                .sum::<u32>()
                + unquoted;
            if room < free {
                out.push(format!(
                    "{free} seats are empty but within the {group} maximums and the pool at most {room} more members can be added"
                ));
            }
        }
        out
    }
}

fn min_of(q: &Quota) -> u32 {
    q.min.unwrap_or(0)
}

fn room_min(rooms: &mut Vec<(Feature, u32)>, feature: Feature, room: u32) {
    match rooms.iter_mut().find(|(f, _)| *f == feature) {
        Some((_, r)) => *r = (*r).min(room),
        None => rooms.push((feature, room)),
    }
}

pub(crate) fn nat_count(c: &Counters, n: u32) -> u32 {
    c.nationality.get(n as usize).copied().unwrap_or(0)
}

pub(crate) fn aff_count(c: &Counters, a: u32) -> u32 {
    c.affiliation.get(a as usize).copied().unwrap_or(0)
}

/// What the solver is asked for.
pub(crate) enum Goal<'b> {
    /// Any completion.
    Feasible,
    /// A completion holding as many of these candidates as possible.
    Include(&'b [Ix]),
    /// A panel meeting every hard rule with the least total slack on the
    /// balance bounds.
    Relax,
}

pub(crate) struct Found {
    /// Members first, then the chosen candidates ascending.
    pub panel: Vec<Ix>,
    /// The solver proved its objective optimal (not stopped by the limit).
    pub optimal: bool,
    /// For `Goal::Relax`: (index into `rules.quotas`, bound, slack > 0).
    pub slack: Vec<(usize, Bound, u32)>,
}

pub(crate) enum Solved {
    Found(Found),
    /// Proven: the exact search found no integer point.
    Infeasible,
    Failed(String),
}

pub(crate) fn solve(ctx: &Ctx, goal: Goal, limit: Duration) -> Solved {
    let relax = matches!(goal, Goal::Relax);
    let n = ctx.cands.len();
    if !ctx.hard.is_empty() {
        return Solved::Infeasible;
    }
    if n == 0 || ctx.free == 0 {
        return if ctx.free == 0 {
            no_choice(ctx, relax)
        } else {
            Solved::Infeasible
        };
    }
    let pool = ctx.pool;
    let rules = ctx.rules;
    let free = ctx.free;
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = (0..n).map(|_| vars.add(variable().binary())).collect();
    let sum = |idx: &[usize]| -> Expression {
        let mut e = Expression::with_capacity(idx.len());
        for &i in idx {
            e.add_mul(1.0, x[i]);
        }
        e
    };
    let mut cons = Vec::new();
    let all: Vec<usize> = (0..n).collect();
    cons.push(sum(&all).eq(f64::from(free)));

    // Caps: only where more candidates share the value than it has room.
    let mut by_nat: Vec<Vec<usize>> = vec![Vec::new(); pool.nationalities.len()];
    let mut by_aff: Vec<Vec<usize>> = vec![Vec::new(); pool.affiliations.len()];
    for (i, &ix) in ctx.cands.iter().enumerate() {
        let f = pool.facts(ix);
        for &nat in &f.nationalities {
            if let Some(v) = by_nat.get_mut(nat as usize) {
                v.push(i);
            }
        }
        for &a in &f.affiliations {
            if pool.is_capped_affiliation(a)
                && let Some(v) = by_aff.get_mut(a as usize)
            {
                v.push(i);
            }
        }
    }
    for (id, list) in by_nat.iter().enumerate() {
        let room = ctx.nat_room(id as u32);
        if list.len() as u32 > room && free > room {
            cons.push(sum(list).leq(f64::from(room)));
        }
    }
    for (id, list) in by_aff.iter().enumerate() {
        let room = rules
            .per_affiliation
            .saturating_sub(aff_count(&ctx.counters, id as u32));
        if list.len() as u32 > room && free > room {
            cons.push(sum(list).leq(f64::from(room)));
        }
    }

    // Balance bounds, with slack variables when relaxing.
    let mut slack_vars: Vec<(usize, Bound, Variable)> = Vec::new();
    for &qi in &ctx.balance {
        let q = &rules.quotas[qi];
        let c = i64::from(ctx.fixed_count(q.feature));
        let list: Vec<usize> = (0..n)
            .filter(|&i| q.feature.applies_to(pool.facts(ctx.cands[i])))
            .collect();
        let len = list.len() as i64;
        if let Some(min) = q.min {
            let need = i64::from(min) - c;
            if need > 0 {
                let mut e = sum(&list);
                if relax {
                    let s = vars.add(variable().integer().clamp(0.0, need as f64));
                    e.add_mul(1.0, s);
                    slack_vars.push((qi, Bound::Min, s));
                }
                cons.push(e.geq(need as f64));
            }
        }
        if let Some(max) = q.max {
            let room = i64::from(max) - c;
            if room < 0 || (len > room && i64::from(free) > room) {
                let mut e = sum(&list);
                if relax {
                    let s = vars.add(variable().integer().clamp(0.0, f64::from(rules.size)));
                    e.add_mul(-1.0, s);
                    slack_vars.push((qi, Bound::Max, s));
                } else if room < 0 {
                    return Solved::Infeasible;
                }
                cons.push(e.leq(room as f64));
            }
        }
    }

    let problem = match goal {
        Goal::Feasible => vars.minimise(Expression::default()),
        Goal::Include(wanted) => {
            let mut obj = Expression::with_capacity(wanted.len());
            for &ix in wanted {
                if let Some(&p) = ctx.pos.get(ix as usize)
                    && p != NONE
                {
                    obj.add_mul(1.0, x[p as usize]);
                }
            }
            vars.maximise(obj)
        }
        Goal::Relax => {
            let mut obj = Expression::with_capacity(slack_vars.len());
            for (_, _, s) in &slack_vars {
                obj.add_mul(1.0, *s);
            }
            vars.minimise(obj)
        }
    };
    let mut model = problem.using(microlp).with_time_limit(limit.as_secs_f64());
    for c in cons {
        model.add_constraint(c);
    }
    match model.solve() {
        Ok(sol) => {
            let mut panel = ctx.fixed.clone();
            panel.extend(
                (0..n)
                    .filter(|&i| sol.value(x[i]) > 0.5)
                    .map(|i| ctx.cands[i]),
            );
            let slack = slack_vars
                .iter()
                .filter_map(|&(qi, b, s)| {
                    let v = sol.value(s).round();
                    (v >= 1.0).then_some((qi, b, v as u32))
                })
                .collect();
            Solved::Found(Found {
                panel,
                optimal: matches!(sol.status(), SolutionStatus::Optimal),
                slack,
            })
        }
        Err(ResolutionError::Infeasible) => Solved::Infeasible,
        Err(e) => Solved::Failed(e.to_string()),
    }
}

/// The draft is full (or nothing can be added): the members are the only
/// candidate panel.
fn no_choice(ctx: &Ctx, relax: bool) -> Solved {
    if ctx.fixed.len() as u32 != ctx.rules.size {
        return Solved::Infeasible;
    }
    let mut slack = Vec::new();
    for &qi in &ctx.balance {
        let q = &ctx.rules.quotas[qi];
        let c = ctx.fixed_count(q.feature);
        if let Some(min) = q.min
            && c < min
        {
            slack.push((qi, Bound::Min, min - c));
        }
        if let Some(max) = q.max
            && c > max
        {
            slack.push((qi, Bound::Max, c - max));
        }
    }
    if !slack.is_empty() && !relax {
        return Solved::Infeasible;
    }
    Solved::Found(Found {
        panel: ctx.fixed.clone(),
        optimal: true,
        slack,
    })
}
