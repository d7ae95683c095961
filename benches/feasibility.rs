//! Speed of the look-ahead on the bundled 2,700-row sample pool (and a
//! generated 100k pool). Targets (2 cores): feasibility ≤ 20 ms at 2,700
//! and ≤ 1 s at 100k; minimal relaxation ≤ 50 ms at 2,700; per-candidate
//! marks for 300 candidates ≤ 100 ms.
//!
//! The drafts: "half" is 20 members from the deterministic completion of an
//! empty draft (a realistic mid-session state); "men" is 25 men, which
//! leaves 15 seats for a women's minimum of 16 (infeasible, relaxation
//! "Women minimum 16 → 15").

use std::path::Path;
use std::sync::OnceLock;

use divan::{Bencher, black_box};
use panel_draft::domain::Gender;
use panel_draft::feasibility::{self, Lookahead};
use panel_draft::pool::{Ix, Pool};
use panel_draft::reference::Reference;
use panel_draft::rules::{Counters, Rules, check_add, load_rules};

fn main() {
    divan::main();
}

struct Case {
    pool: Pool,
    rules: Rules,
    half: Vec<Ix>,
    witness: Vec<Ix>,
    men: Vec<Ix>,
    /// 300 candidates the hard rules allow next to `half`.
    probe: Vec<Ix>,
    /// 24 men: only women can still be added.
    tight: Vec<Ix>,
    tight_witness: Vec<Ix>,
    /// 300 candidates, men and women, the hard rules allow next to `tight`.
    tight_probe: Vec<Ix>,
}

fn pool_from(bytes: &[u8]) -> Pool {
    let reference = Reference::bundled().expect("bundled reference");
    let cands = panel_draft::import::parse_pool(Path::new("x.csv"), bytes, &reference)
        .expect("pool parses")
        .candidates;
    Pool::from_candidates(cands, &reference)
}

/// Adds candidates in pool order that the hard rules accept and `pick`
/// wants, up to `n`.
fn draft(pool: &Pool, rules: &Rules, n: usize, pick: impl Fn(Ix) -> bool) -> Vec<Ix> {
    let mut members = Vec::new();
    let mut counters = Counters::new(pool);
    for ix in pool.ixs() {
        if members.len() == n {
            break;
        }
        if pick(ix) && check_add(pool, rules, &counters, &members, ix, None).is_empty() {
            counters.add(pool.facts(ix));
            members.push(ix);
        }
    }
    members
}

/// The first `n` candidates the hard rules allow next to `members`.
fn allowed(pool: &Pool, rules: &Rules, members: &[Ix], n: usize) -> Vec<Ix> {
    let counters = Counters::recount(pool, members.iter().copied());
    pool.ixs()
        .filter(|&ix| check_add(pool, rules, &counters, members, ix, None).is_empty())
        .take(n)
        .collect()
}

fn case(pool: Pool) -> Case {
    let rules = load_rules(None).expect("bundled rules");
    let proposal = feasibility::complete(&pool, &rules, &[]).expect("the pool admits a panel");
    let half: Vec<Ix> = proposal[..20].to_vec();
    let witness = match feasibility::check(&pool, &rules, &half) {
        Lookahead::Feasible { witness } => witness,
        other => panic!("mid-session draft should be feasible: {other:?}"),
    };
    let male = |ix: Ix| pool.facts(ix).gender == Gender::Male;
    let men = draft(&pool, &rules, 25, male);
    let probe = allowed(&pool, &rules, &half, 300);
    let tight = men[..24].to_vec();
    let tight_witness = match feasibility::check(&pool, &rules, &tight) {
        Lookahead::Feasible { witness } => witness,
        other => panic!("24 men should leave a completion: {other:?}"),
    };
    let tight_probe = allowed(&pool, &rules, &tight, 300);
    assert!(tight_probe.iter().any(|&ix| male(ix)) && tight_probe.iter().any(|&ix| !male(ix)));
    Case {
        pool,
        rules,
        half,
        witness,
        men,
        probe,
        tight,
        tight_witness,
        tight_probe,
    }
}

fn sample() -> &'static Case {
    static CASE: OnceLock<Case> = OnceLock::new();
    CASE.get_or_init(|| case(pool_from(panel_draft::session::SAMPLE_POOL)))
}

fn large() -> &'static Case {
    static CASE: OnceLock<Case> = OnceLock::new();
    CASE.get_or_init(|| {
        let mut csv = Vec::new();
        panel_draft::generate::write_pool_csv(
            100_000,
            panel_draft::generate::DEFAULT_SEED,
            &mut csv,
        )
        .expect("generate");
        case(pool_from(&csv))
    })
}

// Each bench builds its case (pool, drafts, witness) before timing: the
// 100k pool takes seconds to generate.

/// Look-ahead from scratch (no previous witness) on the mid-session draft.
#[divan::bench]
fn feasibility_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::check(&c.pool, &c.rules, black_box(&c.half)).feasible());
}

/// Look-ahead of an empty draft (every seat open).
#[divan::bench]
fn feasibility_2700_empty(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::check(&c.pool, &c.rules, black_box(&[])).feasible());
}

/// Look-ahead after adding a candidate, repairing the previous witness.
#[divan::bench]
fn feasibility_2700_repaired(b: Bencher) {
    let c = sample();
    let mut members = c.half.clone();
    members.push(c.probe[0]);
    b.bench(|| {
        feasibility::check_from(&c.pool, &c.rules, black_box(&members), &c.witness).feasible()
    });
}

/// Smallest relaxation of the infeasible "25 men" draft.
#[divan::bench]
fn relaxation_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::relax(&c.pool, &c.rules, black_box(&c.men)));
}

/// Look-ahead, relaxation and blame together, as `status` shows them.
#[divan::bench]
fn analyse_infeasible_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::analyse(&c.pool, &c.rules, black_box(&c.men), &[]));
}

/// Marks for 300 candidates next to the mid-session draft.
#[divan::bench]
fn marks_300_of_2700(b: Bencher) {
    let c = sample();
    b.bench(|| {
        feasibility::keeps_feasible(&c.pool, &c.rules, &c.half, &c.witness, black_box(&c.probe))
    });
}

/// Marks for 300 candidates next to 24 men: every man would make the
/// women's minimum impossible, which takes a solve to prove.
#[divan::bench]
fn marks_300_of_2700_tight(b: Bencher) {
    let c = sample();
    b.bench(|| {
        feasibility::keeps_feasible(
            &c.pool,
            &c.rules,
            &c.tight,
            &c.tight_witness,
            black_box(&c.tight_probe),
        )
    });
}

#[divan::bench]
fn suggest_10_of_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::suggest(&c.pool, &c.rules, black_box(&c.half), 10));
}

/// Deterministic proposal for the 20 open seats.
#[divan::bench(sample_count = 20)]
fn complete_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::complete(&c.pool, &c.rules, black_box(&c.half)));
}

#[divan::bench]
fn reserves_2700(b: Bencher) {
    let c = sample();
    b.bench(|| feasibility::reserves(&c.pool, &c.rules, black_box(&c.half)));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn feasibility_100k(b: Bencher) {
    let c = large();
    b.bench(|| feasibility::check(&c.pool, &c.rules, black_box(&c.half)).feasible());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn relaxation_100k(b: Bencher) {
    let c = large();
    b.bench(|| feasibility::relax(&c.pool, &c.rules, black_box(&c.men)));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn marks_300_of_100k(b: Bencher) {
    let c = large();
    b.bench(|| {
        feasibility::keeps_feasible(&c.pool, &c.rules, &c.half, &c.witness, black_box(&c.probe))
    });
}
