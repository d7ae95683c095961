//! The independent checker every witness and proposal goes through. It
//! counts from scratch with nothing but the facts and the rules, so a bug in
//! the model or a solver's rounding can never produce a false ✓.

use std::collections::HashMap;

use crate::pool::{Ix, Pool};
use crate::rules::{Rules, eligibility};

/// `Ok` if `panel` is a full panel that keeps every one of `members` and
/// meets every hard rule (size, eligibility, in the pool, nationality and
/// institution caps) and every balance bound; else the first broken rule.
pub fn verify(pool: &Pool, rules: &Rules, members: &[Ix], panel: &[Ix]) -> Result<(), String> {
    if panel.len() != rules.size as usize {
        return Err(format!("{} members instead of {}", panel.len(), rules.size));
    }
    if let Some(&ix) = panel.iter().find(|&&ix| ix as usize >= pool.len()) {
        return Err(format!("index {ix} is not in the pool"));
    }
    // Sorted copy rather than a pool-sized table: this runs per proposal.
    let mut sorted = panel.to_vec();
    sorted.sort_unstable();
    if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("{} appears twice", super::who(pool, w[0])));
    }
    if let Some(&m) = members.iter().find(|m| sorted.binary_search(m).is_err()) {
        return Err(format!("drops the member {}", super::who(pool, m)));
    }
    let mut nationality: HashMap<u32, u32> = HashMap::new();
    let mut affiliation: HashMap<u32, u32> = HashMap::new();
    for &ix in panel {
        let f = pool.facts(ix);
        if let Some(v) = eligibility(rules, f) {
            return Err(format!("{}: {v}", super::who(pool, ix)));
        }
        if f.missing {
            return Err(format!(
                "{} is not in the latest pool",
                super::who(pool, ix)
            ));
        }
        for &n in &f.nationalities {
            *nationality.entry(n).or_default() += 1;
        }
        for &a in &f.affiliations {
            if pool.is_capped_affiliation(a) {
                *affiliation.entry(a).or_default() += 1;
            }
        }
    }
    if let Some((&n, &c)) = nationality
        .iter()
        .find(|&(_, &c)| c > rules.per_nationality)
    {
        return Err(format!(
            "{} members of nationality {}",
            c,
            pool.nationalities.name(n)
        ));
    }
    if let Some((&a, &c)) = affiliation
        .iter()
        .find(|&(_, &c)| c > rules.per_affiliation)
    {
        return Err(format!("{} members from {}", c, pool.affiliations.name(a)));
    }
    for q in &rules.quotas {
        if q.is_info() {
            continue;
        }
        let count = panel
            .iter()
            .filter(|&&ix| q.feature.applies_to(pool.facts(ix)))
            .count() as u32;
        if !q.satisfied_by(count) {
            return Err(format!(
                "{} is {count}, target {}",
                q.label,
                q.target_text()
            ));
        }
    }
    Ok(())
}
