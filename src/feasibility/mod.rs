//! Look-ahead: can the draft still be completed to a full panel that meets
//! every rule, and if not, what is the smallest change to the balance
//! targets that would allow one?
//!
//! Answers are never taken on a heuristic's word:
//! - "feasible" comes with a witness panel that [`verify`] (an independent
//!   recount, not the solver) has checked against every hard rule and every
//!   balance bound;
//! - "infeasible" comes from a counting argument (with the argument as the
//!   reason) or from the exact integer program reporting infeasibility;
//! - anything else (solver error, time limit) is [`Lookahead::Unknown`].
//!
//! The integer program has one binary per eligible, non-member candidate not
//! already blocked by a cap; the fixed members are folded into the bounds,
//! and constraints that cannot bind are dropped. It is solved with the
//! pure-Rust `microlp` backend of `good_lp`.
//!
//! Everything here is pure: no I/O, no terminal, nothing async. Callers run
//! it off the input path and cancel by discarding the result.

mod lookahead;
mod model;
mod rank;
mod relax;
mod verify;

use std::fmt;
use std::time::Duration;

use serde::Serialize;

use crate::pool::{Ix, Pool};
use crate::rules::Rules;

pub use lookahead::{keeps_feasible, swap_keeps_feasible};
pub use rank::{complete, proposal, replacements, reserves, suggest};
pub use relax::{blame, relax};
pub use verify::verify;

/// How long one exact solve may take before the answer is "unknown". The
/// 2,700-row pool takes milliseconds, 100k rows about a second.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Whether the current draft can still be completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "answer", rename_all = "kebab-case")]
pub enum Lookahead {
    /// A full panel of `rules.size` that keeps every current member (they
    /// come first, in the order given) and meets every rule; verified.
    Feasible { witness: Vec<Ix> },
    /// Proven impossible; `reason` is the counting argument, or says that
    /// the exact search found no completion.
    Infeasible { reason: String },
    /// Not decided (solver error or time limit). Never shown as ✓ or ✗.
    Unknown { reason: String },
}

impl Lookahead {
    /// `Some(true)` / `Some(false)` when proven, `None` while unknown: what
    /// `status --json` carries as `"feasible"`.
    pub fn feasible(&self) -> Option<bool> {
        match self {
            Lookahead::Feasible { .. } => Some(true),
            Lookahead::Infeasible { .. } => Some(false),
            Lookahead::Unknown { .. } => None,
        }
    }

    pub fn witness(&self) -> Option<&[Ix]> {
        match self {
            Lookahead::Feasible { witness } => Some(witness),
            _ => None,
        }
    }
}

/// Which side of a balance target a relaxation moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    Min,
    Max,
}

impl Bound {
    pub fn word(self) -> &'static str {
        match self {
            Bound::Min => "minimum",
            Bound::Max => "maximum",
        }
    }
}

/// One balance target moved by the smallest relaxation: "Eastern European
/// minimum 5 → 4".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relaxation {
    pub quota_id: String,
    pub label: String,
    pub bound: Bound,
    pub from: u32,
    pub to: u32,
}

impl fmt::Display for Relaxation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} → {}",
            self.label,
            self.bound.word(),
            self.from,
            self.to
        )
    }
}

/// A candidate proposed for a seat, with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub ix: Ix,
    /// Higher closes more (and more pressing) gaps; see [`suggest`].
    pub score: f64,
    /// "adds Eastern European (3/5)", "covers Cognitive & neuroscience links".
    pub reasons: Vec<String>,
}

/// Everything the rules pane and `status` show about the look-ahead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// `null` only while unknown.
    pub feasible: Option<bool>,
    /// The proof (infeasible) or why it is unknown; `None` when feasible.
    pub reason: Option<String>,
    #[serde(skip)]
    pub witness: Vec<Ix>,
    /// The smallest relaxation of balance targets that makes a completion
    /// possible; empty when feasible or when only hard rules block.
    pub relaxations: Vec<Relaxation>,
    /// Sentences naming the current members or hard rules that make it
    /// impossible, where that is clear.
    pub blame: Vec<String>,
}

/// Is there a completion of `members` to a full panel meeting every rule?
pub fn check(pool: &Pool, rules: &Rules, members: &[Ix]) -> Lookahead {
    check_from(pool, rules, members, &[])
}

/// [`check`], first trying to repair `hint` (the witness of the previous
/// state): after an addition in the witness, a removal, or a swap whose
/// newcomer fits a witness seat, no solve is needed.
pub fn check_from(pool: &Pool, rules: &Rules, members: &[Ix], hint: &[Ix]) -> Lookahead {
    let ctx = model::Ctx::new(pool, rules, members);
    lookahead::check_ctx(&ctx, hint, TIME_LIMIT)
}

/// [`check_from`] with a caller-chosen time limit per solve.
pub fn check_within(
    pool: &Pool,
    rules: &Rules,
    members: &[Ix],
    hint: &[Ix],
    limit: Duration,
) -> Lookahead {
    let ctx = model::Ctx::new(pool, rules, members);
    lookahead::check_ctx(&ctx, hint, limit)
}

/// The look-ahead with, when infeasible, the smallest relaxation and blame.
pub fn analyse(pool: &Pool, rules: &Rules, members: &[Ix], hint: &[Ix]) -> Analysis {
    match check_from(pool, rules, members, hint) {
        Lookahead::Feasible { witness } => Analysis {
            feasible: Some(true),
            reason: None,
            witness,
            relaxations: Vec::new(),
            blame: Vec::new(),
        },
        Lookahead::Infeasible { reason } => {
            let relaxations = relax(pool, rules, members);
            let blame = blame(pool, rules, members, &relaxations);
            Analysis {
                feasible: Some(false),
                reason: Some(reason),
                witness: Vec::new(),
                relaxations,
                blame,
            }
        }
        Lookahead::Unknown { reason } => Analysis {
            feasible: None,
            reason: Some(reason),
            witness: Vec::new(),
            relaxations: Vec::new(),
            blame: Vec::new(),
        },
    }
}

/// "Name (ID)" for messages.
fn who(pool: &Pool, ix: Ix) -> String {
    if ix as usize >= pool.len() {
        return format!("#{ix}");
    }
    let c = pool.candidate(ix);
    format!("{} ({})", c.name, c.id)
}

fn names(pool: &Pool, ixs: impl IntoIterator<Item = Ix>) -> String {
    ixs.into_iter()
        .map(|ix| who(pool, ix))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::lookahead::{Mark, marks};
    use super::model::Ctx;
    use super::*;
    use crate::domain::{Candidate, Date, Field, Gender, Region};
    use crate::reference::Reference;
    use crate::rules::{Feature, Quota, load_rules};

    fn person(id: &str, gender: Gender, nat: &str, aff: &str, field: usize) -> Candidate {
        Candidate {
            id: id.into(),
            name: format!("P {id}"),
            gender,
            nationalities: vec![nat.into()],
            affiliations: vec![aff.into()],
            email: String::new(),
            fields: Field::from_index(field).into_iter().collect(),
            nominated_by: Vec::new(),
            submitted: Some(Date {
                year: 2025,
                month: 10,
                day: 1,
            }),
            un_staff: false,
            conflict_of_interest: String::new(),
            publications: None,
            citations: None,
            h_index: None,
            i10_index: None,
            other_impact: String::new(),
            motivation: String::new(),
            extra: Vec::new(),
        }
    }

    fn pool(cands: Vec<Candidate>) -> Pool {
        let reference = Reference::bundled().expect("bundled reference");
        Pool::from_candidates(cands, &reference)
    }

    fn quota(id: &str, feature: Feature, min: Option<u32>, max: Option<u32>) -> Quota {
        Quota {
            id: id.into(),
            label: id.into(),
            short: id.into(),
            feature,
            min,
            max,
            source: String::new(),
        }
    }

    /// Size 4, at least 2 women, Africa at most 1.
    fn tiny_rules() -> Rules {
        let mut r = load_rules(None).expect("bundled rules");
        r.size = 4;
        r.quotas = vec![
            quota("Women", Feature::Gender(Gender::Female), Some(2), None),
            quota("African", Feature::Region(Region::African), None, Some(1)),
        ];
        r
    }

    fn tiny_pool() -> Pool {
        pool(vec![
            person("k1", Gender::Female, "KEN", "Lab 1", 0),
            person("k2", Gender::Male, "NGA", "Lab 2", 0),
            person("u1", Gender::Female, "USA", "Lab 1", 0),
            person("u2", Gender::Male, "DEU", "Lab 3", 0),
            person("u3", Gender::Male, "FRA", "Lab 1", 0),
            person("u4", Gender::Female, "GBR", "Lab 4", 0),
        ])
    }

    #[test]
    fn verify_names_the_first_broken_rule() {
        let p = tiny_pool();
        let r = tiny_rules();
        let ix = |id: &str| p.ix(id).expect("id");
        let ok = [ix("k1"), ix("u1"), ix("u2"), ix("u4")];
        assert_eq!(verify(&p, &r, &[ix("u2")], &ok), Ok(()));
        assert!(verify(&p, &r, &[], &ok[..3]).is_err_and(|e| e.contains("3 members instead of 4")));
        assert!(
            verify(&p, &r, &[ix("k2")], &ok).is_err_and(|e| e.contains("drops the member P k2"))
        );
        assert!(
            verify(&p, &r, &[], &[ok[0], ok[0], ok[1], ok[2]]).is_err_and(|e| e.contains("twice"))
        );
        assert!(
            verify(&p, &r, &[], &[ix("k1"), ix("k2"), ix("u1"), ix("u4")])
                .is_err_and(|e| e.contains("African"))
        );
        assert!(
            verify(&p, &r, &[], &[ix("k1"), ix("u1"), ix("u3"), ix("u4")])
                .is_err_and(|e| e.contains("Lab 1"))
        );
        assert!(
            verify(&p, &r, &[], &[ix("k2"), ix("u2"), ix("u3"), ix("u4")])
                .is_err_and(|e| e.contains("Women"))
        );
        assert!(verify(&p, &r, &[], &[0, 1, 2, 99]).is_err_and(|e| e.contains("not in the pool")));
    }

    #[test]
    fn counting_states_its_argument() {
        let p = tiny_pool();
        let mut r = tiny_rules();
        let ix = |id: &str| p.ix(id).expect("id");
        // Both Africans: over the maximum.
        let ctx = Ctx::new(&p, &r, &[ix("k1"), ix("k2")]);
        assert!(
            ctx.counting()
                .iter()
                .any(|s| s.contains("African: the draft already has 2, above the maximum 1"))
        );
        // Three men leave one seat for two women.
        let ctx = Ctx::new(&p, &r, &[ix("k2"), ix("u2"), ix("u3")]);
        assert!(
            ctx.counting()
                .iter()
                .any(|s| s.contains("Women: 2 more needed to reach 2, but only 1 seats are empty"))
        );
        // Seven seats, six people.
        r.size = 7;
        let ctx = Ctx::new(&p, &r, &[]);
        assert!(
            ctx.counting()[0].starts_with("7 seats are empty but only 6"),
            "{:?}",
            ctx.counting()
        );
        // The gender minimums together.
        r.size = 4;
        r.quotas
            .push(quota("Men", Feature::Gender(Gender::Male), Some(3), None));
        let ctx = Ctx::new(&p, &r, &[]);
        assert!(
            ctx.counting()
                .iter()
                .any(|s| s.starts_with("the gender minimums need 5 more members")),
            "{:?}",
            ctx.counting()
        );
    }

    #[test]
    fn marks_use_the_witness_a_swap_or_a_proof() {
        let p = tiny_pool();
        let r = tiny_rules();
        let ix = |id: &str| p.ix(id).expect("id");
        let ctx = Ctx::new(&p, &r, &[ix("u2")]);
        let Lookahead::Feasible { witness } = lookahead::check_ctx(&ctx, &[], TIME_LIMIT) else {
            panic!("feasible");
        };
        let all: Vec<Ix> = p.ixs().collect();
        let (m, bases) = marks(&ctx, &witness, &all, TIME_LIMIT);
        for (&c, &mark) in all.iter().zip(&m) {
            let mut with = vec![ix("u2"), c];
            with.dedup();
            let fresh = c != ix("u2") && check(&p, &r, &with).feasible() == Some(true);
            assert_eq!(
                matches!(mark, Mark::Keeps { .. }),
                fresh,
                "{}",
                p.candidate(c).id
            );
            if let Some(panel) = lookahead::completion_with(&bases, mark, c) {
                assert_eq!(verify(&p, &r, &with, &panel), Ok(()));
            }
        }
        assert!(
            m.iter()
                .any(|k| matches!(k, Mark::Keeps { out: None, base: 0 })),
            "someone is in the witness"
        );
    }

    #[test]
    fn lookahead_serialises_with_a_tag() {
        let la = Lookahead::Infeasible { reason: "r".into() };
        assert_eq!(la.feasible(), Some(false));
        let v = serde_json::to_value(&la).expect("serialises");
        assert_eq!(
            v,
            serde_json::json!({"answer": "infeasible", "reason": "r"})
        );
        assert_eq!(
            Lookahead::Unknown {
                reason: String::new()
            }
            .feasible(),
            None
        );
    }
}
