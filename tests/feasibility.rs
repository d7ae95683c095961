//! The look-ahead on tiny hand-made pools with known answers, and property
//! tests against brute force: every witness and every proposal meets every
//! rule, the solver's yes/no agrees with an exhaustive search, the
//! relaxation is as small as exhaustive search says, and replacement lists
//! agree with a fresh check of each swap.

mod common;

use common::*;
use panel_draft::domain::{Candidate, Gender, Region};
use panel_draft::feasibility::{
    self, Bound, Lookahead, analyse, blame, check, check_from, complete, keeps_feasible, proposal,
    relax, replacements, reserves, suggest, swap_keeps_feasible, verify,
};
use panel_draft::pool::{Ix, Pool};
use panel_draft::rules::{
    Counters, Feature, Quota, RuleKind, Rules, Status, check_add, eligibility, report,
};
use proptest::prelude::*;

fn ix(p: &Pool, id: &str) -> Ix {
    p.ix(id).unwrap_or_else(|| panic!("no candidate {id}"))
}

fn ixs(p: &Pool, ids: &[&str]) -> Vec<Ix> {
    ids.iter().map(|id| ix(p, id)).collect()
}

fn witness(la: &Lookahead) -> Vec<Ix> {
    match la {
        Lookahead::Feasible { witness } => witness.clone(),
        other => panic!("expected feasible, got {other:?}"),
    }
}

fn infeasible_reason(la: &Lookahead) -> String {
    match la {
        Lookahead::Infeasible { reason } => reason.clone(),
        other => panic!("expected infeasible, got {other:?}"),
    }
}

fn quota(id: &str, label: &str, feature: Feature, min: Option<u32>, max: Option<u32>) -> Quota {
    Quota {
        id: id.into(),
        label: label.into(),
        short: label.into(),
        feature,
        min,
        max,
        source: String::new(),
    }
}

/// The bundled rules with the panel shrunk to `size` and these quotas.
fn small_rules(size: u32, quotas: Vec<Quota>) -> Rules {
    let mut r = rules();
    r.size = size;
    r.quotas = quotas;
    r
}

fn gender_quotas(women: u32, men: u32) -> Vec<Quota> {
    vec![
        quota(
            "women",
            "Women",
            Feature::Gender(Gender::Female),
            Some(women),
            None,
        ),
        quota("men", "Men", Feature::Gender(Gender::Male), Some(men), None),
    ]
}

#[test]
fn balanced_pool_is_feasible_with_a_verified_witness() {
    let p = pool(balanced_pool());
    let r = rules();
    let w = witness(&check(&p, &r, &[]));
    assert_eq!(w.len(), 40);
    verify(&p, &r, &[], &w).unwrap();
    // With members: they come first, in their order.
    let members = ixs(&p, &["B07", "B03", "B20"]);
    let w = witness(&check(&p, &r, &members));
    assert_eq!(&w[..3], &members[..]);
    verify(&p, &r, &members, &w).unwrap();
    assert_eq!(analyse(&p, &r, &members, &[]).feasible, Some(true));
}

#[test]
fn not_enough_eligible_women_is_proven_by_counting_and_relaxed_by_one() {
    // 40 balanced + 10 men, with 5 of the 20 women UN staff: 15 eligible women.
    let mut cands = balanced_pool();
    let spare = [
        "GHA", "ETH", "THA", "PHL", "SRB", "GEO", "PER", "URY", "NOR", "ITA",
    ];
    for (i, code) in spare.iter().enumerate() {
        cands.push(person(
            &format!("M{i}"),
            Gender::Male,
            &[code],
            &[&format!("Spare Lab {i}")],
            &[i % 18],
        ));
    }
    for c in cands
        .iter_mut()
        .filter(|c| c.gender == Gender::Female)
        .take(5)
    {
        c.un_staff = true;
    }
    let p = pool(cands);
    let r = rules();
    let reason = infeasible_reason(&check(&p, &r, &[]));
    assert!(reason.starts_with("Women: 16 more needed"), "{reason}");
    assert!(reason.contains("at most 15"), "{reason}");
    let relaxed = relax(&p, &r, &[]);
    let shown: Vec<String> = relaxed.iter().map(ToString::to_string).collect();
    assert_eq!(shown, vec!["Women minimum 16 → 15"]);
    assert_eq!(
        (relaxed[0].quota_id.as_str(), relaxed[0].bound),
        ("women", Bound::Min)
    );
    let a = analyse(&p, &r, &[], &[]);
    assert_eq!(a.feasible, Some(false));
    assert_eq!(a.relaxations, relaxed);
    // Nothing to add keeps a completion possible, and nothing is proposed.
    assert!(
        keeps_feasible(&p, &r, &[], &[], &[ix(&p, "B00"), ix(&p, "M0")])
            .iter()
            .all(|&(_, k)| !k)
    );
    assert!(suggest(&p, &r, &[], 5).is_empty());
    assert_eq!(complete(&p, &r, &[]), None);
}

#[test]
fn interacting_institution_caps_are_caught_only_by_the_exact_search() {
    // Eastern European candidates: two women of Lab X, which has one place
    // left, and a man of Lab Y, whose one remaining place the only expert in
    // two uncovered fields also needs. Each rule alone can be met (so no
    // counting argument applies); together they cannot.
    let p = pool(vec![
        person("x0", Gender::Male, &["USA"], &["Lab X"], &[1]),
        person("y0", Gender::Female, &["GBR"], &["Lab Y"], &[1]),
        person("e1", Gender::Female, &["POL"], &["Lab X"], &[1]),
        person("e2", Gender::Female, &["UKR"], &["Lab X"], &[1]),
        person("m1", Gender::Male, &["ROU"], &["Lab Y"], &[1]),
        person("f1", Gender::Male, &["KEN"], &["Lab Y"], &[0, 2]),
        person("o1", Gender::Female, &["BRA"], &["Lab Z"], &[1]),
        person("o2", Gender::Male, &["IND"], &["Lab W"], &[1]),
    ]);
    let field = |i: usize| panel_draft::domain::Field::from_index(i).expect("field");
    let r = small_rules(
        5,
        vec![
            quota(
                "region-eeg",
                "Eastern European",
                Feature::Region(Region::EasternEuropean),
                Some(2),
                None,
            ),
            quota(
                "field-1",
                "Generative AI",
                Feature::Field(field(0)),
                Some(1),
                None,
            ),
            quota(
                "field-3",
                "ML methods",
                Feature::Field(field(2)),
                Some(1),
                None,
            ),
        ],
    );
    let members = ixs(&p, &["x0", "y0"]);
    let reason = infeasible_reason(&check(&p, &r, &members));
    assert!(
        reason.contains("exact search"),
        "not a counting argument: {reason}"
    );
    // Lowering the Eastern European minimum by one costs less than giving
    // up two fields.
    let shown: Vec<String> = relax(&p, &r, &members)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(shown, vec!["Eastern European minimum 2 → 1"]);
    // Without the members it is possible; with only x0 too.
    verify(&p, &r, &[], &witness(&check(&p, &r, &[]))).unwrap();
    let w = witness(&check(&p, &r, &members[..1]));
    // Marks: adding y0 to x0 is what makes it impossible.
    assert_eq!(
        keeps_feasible(&p, &r, &members[..1], &w, &members[1..]),
        vec![(members[1], false)]
    );
}

#[test]
fn members_using_up_a_nationality_are_blamed() {
    // Two dual nationals (primary GBR, so Western European) use up Poland's
    // two places; the Polish candidates are blocked.
    let mut cands = vec![
        person("d1", Gender::Female, &["GBR", "POL"], &["Lab 1"], &[0]),
        person("d2", Gender::Male, &["GBR", "POL"], &["Lab 2"], &[0]),
        person("u1", Gender::Female, &["UKR"], &["Lab 3"], &[0]),
    ];
    for i in 0..4 {
        let g = if i % 2 == 0 {
            Gender::Female
        } else {
            Gender::Male
        };
        cands.push(person(
            &format!("p{i}"),
            g,
            &["POL"],
            &[&format!("Lab P{i}")],
            &[0],
        ));
    }
    for (i, code) in ["KEN", "NGA", "IND", "CHN", "BRA", "MEX"]
        .iter()
        .enumerate()
    {
        let g = if i % 2 == 0 {
            Gender::Female
        } else {
            Gender::Male
        };
        cands.push(person(
            &format!("o{i}"),
            g,
            &[code],
            &[&format!("Lab O{i}")],
            &[0],
        ));
    }
    let p = pool(cands);
    let r = small_rules(
        8,
        vec![quota(
            "region-eeg",
            "Eastern European",
            Feature::Region(Region::EasternEuropean),
            Some(3),
            None,
        )],
    );
    let members = ixs(&p, &["d1", "d2"]);
    let reason = infeasible_reason(&check(&p, &r, &members));
    assert!(
        reason.contains("Eastern European: 3 more needed"),
        "{reason}"
    );
    let relaxed = relax(&p, &r, &members);
    assert_eq!(
        relaxed.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["Eastern European minimum 3 → 1"]
    );
    let b = blame(&p, &r, &members, &relaxed);
    assert!(
        b.iter().any(|s| s.starts_with(
            "4 eligible Eastern European candidates are blocked because Poland already has 2"
        ) && s.contains("Person d1 (d1)")),
        "{b:?}"
    );
    // Marks: adding anyone keeps it impossible.
    assert!(
        keeps_feasible(&p, &r, &members, &[], &ixs(&p, &["u1", "o0"]))
            .iter()
            .all(|&(_, k)| !k)
    );
}

#[test]
fn a_group_over_its_maximum_names_the_members() {
    let p = pool(balanced_pool());
    let mut r = rules();
    for q in r
        .quotas
        .iter_mut()
        .filter(|q| q.feature == Feature::Region(Region::WesternEuropeanOthers))
    {
        q.max = Some(3);
    }
    // B32..B39 are Western European and Others.
    let members = ixs(&p, &["B32", "B33", "B34", "B35"]);
    let reason = infeasible_reason(&check(&p, &r, &members));
    assert!(reason.contains("above the maximum 3"), "{reason}");
    let relaxed = relax(&p, &r, &members);
    assert_eq!(
        relaxed.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["Western European and Others maximum 3 → 8"],
        "the pool has only 32 others, so all 8 WEOG are needed"
    );
    let b = blame(&p, &r, &members, &relaxed);
    assert!(
        b[0].contains("already has 4, above the maximum 3") && b[0].contains("Person B35 (B35)"),
        "{b:?}"
    );
}

#[test]
fn members_breaking_a_hard_rule_cannot_be_relaxed_away() {
    let mut cands = balanced_pool();
    cands[0].un_staff = true;
    let p = pool(cands);
    let r = rules();
    let members = ixs(&p, &["B00"]);
    let reason = infeasible_reason(&check(&p, &r, &members));
    assert!(reason.contains("United Nations"), "{reason}");
    assert!(relax(&p, &r, &members).is_empty());
    assert!(
        blame(&p, &r, &members, &[])
            .iter()
            .any(|s| s.contains("Person B00"))
    );
}

#[test]
fn full_panel_is_its_own_witness() {
    let p = pool(balanced_pool());
    let r = rules();
    let all: Vec<Ix> = p.ixs().collect();
    assert_eq!(witness(&check(&p, &r, &all)), all);
    assert_eq!(complete(&p, &r, &all), Some(vec![]));
    assert!(suggest(&p, &r, &all, 3).is_empty());
}

#[test]
fn witness_is_repaired_after_add_remove_and_swap() {
    let p = pool(balanced_pool());
    let r = rules();
    let w = witness(&check(&p, &r, &[]));
    // Add someone in the witness: still valid.
    let m = vec![w[5]];
    let w2 = witness(&check_from(&p, &r, &m, &w));
    verify(&p, &r, &m, &w2).unwrap();
    // Remove: still valid.
    verify(&p, &r, &[], &witness(&check_from(&p, &r, &[], &w2))).unwrap();
}

/// A pool where many candidates compete: 5 groups of 7 countries with two
/// candidates each, institutions shared by pairs across groups, about 40%
/// women, so caps and minimums interact but 40 remain possible.
fn crowded() -> Vec<Candidate> {
    let codes = [
        ["KEN", "NGA", "GHA", "SEN", "ETH", "EGY", "MAR"],
        ["IND", "CHN", "IDN", "VNM", "PAK", "JPN", "KOR"],
        ["POL", "UKR", "ROU", "CZE", "SRB", "GEO", "ARM"],
        ["BRA", "MEX", "ARG", "CHL", "COL", "PER", "URY"],
        ["USA", "DEU", "FRA", "GBR", "CAN", "NOR", "ITA"],
    ];
    let mut out = Vec::new();
    for (g, group) in codes.iter().enumerate() {
        for i in 0..14 {
            let gender = if (i + g) % 5 < 2 {
                Gender::Female
            } else {
                Gender::Male
            };
            let lab = if i % 6 == 5 {
                "Independent".to_string()
            } else {
                format!("Lab {}", (i * 5 + g * 3) % 35)
            };
            out.push(person(
                &format!("C{g}{i:02}"),
                gender,
                &[group[i / 2]],
                &[&lab],
                &[(i + 3 * g) % 18, (i * 7 + g) % 18],
            ));
        }
    }
    out
}

#[test]
fn suggestions_close_gaps_keep_a_completion_and_explain_themselves() {
    let p = pool(crowded());
    let r = rules();
    let members = ixs(&p, &["C000", "C001", "C002", "C100", "C101"]);
    let la = check(&p, &r, &members);
    let w = witness(&la);
    let s = suggest(&p, &r, &members, 10);
    assert_eq!(s.len(), 10);
    for win in s.windows(2) {
        assert!(win[0].score >= win[1].score, "ranked by score");
    }
    let counters = Counters::recount(&p, members.iter().copied());
    for sug in &s {
        assert!(check_add(&p, &r, &counters, &members, sug.ix, None).is_empty());
        assert!(!sug.reasons.is_empty(), "{sug:?}");
        let mut m = members.clone();
        m.push(sug.ix);
        assert_eq!(check(&p, &r, &m).feasible(), Some(true));
    }
    assert!(
        s.iter()
            .flat_map(|x| &x.reasons)
            .any(|t| t.starts_with("adds Women (")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .flat_map(|x| &x.reasons)
            .any(|t| t.starts_with("covers ")),
        "{s:?}"
    );
    // Marks agree with a fresh check for every candidate.
    let cands: Vec<Ix> = p.ixs().collect();
    for (c, keeps) in keeps_feasible(&p, &r, &members, &w, &cands) {
        let allowed = check_add(&p, &r, &counters, &members, c, None).is_empty();
        let mut m = members.clone();
        m.push(c);
        let fresh = allowed && check(&p, &r, &m).feasible() == Some(true);
        assert_eq!(keeps, fresh, "{}", p.candidate(c).id);
    }
}

#[test]
fn completion_is_deterministic_and_valid() {
    let p = pool(crowded());
    let r = rules();
    let members = ixs(&p, &["C000", "C212", "C305"]);
    let a = complete(&p, &r, &members).expect("a completion");
    let b = complete(&p, &r, &members).expect("a completion");
    assert_eq!(a, b);
    let mut panel = members.clone();
    panel.extend(&a);
    verify(&p, &r, &members, &panel).unwrap();
    let with_reasons = proposal(&p, &r, &members).expect("a proposal");
    assert_eq!(with_reasons.iter().map(|s| s.ix).collect::<Vec<_>>(), a);
    assert!(!with_reasons[0].reasons.is_empty());
}

#[test]
fn swap_look_ahead_matches_a_fresh_check() {
    let p = pool(crowded());
    let r = rules();
    let members = ixs(&p, &["C000", "C001", "C100", "C200"]);
    let w = witness(&check(&p, &r, &members));
    let counters = Counters::recount(&p, members.iter().copied());
    for &out in &members {
        for c in p.ixs().step_by(3) {
            let allowed = check_add(&p, &r, &counters, &members, c, Some(out)).is_empty();
            let after: Vec<Ix> = members
                .iter()
                .map(|&m| if m == out { c } else { m })
                .collect();
            let fresh = allowed && check(&p, &r, &after).feasible() == Some(true);
            assert_eq!(swap_keeps_feasible(&p, &r, &members, &w, out, c), fresh);
        }
    }
}

/// Whether swapping `out` for `c` keeps every hard rule and makes no
/// balance rule worse, judged by `check_add` and two fresh reports.
fn swap_qualifies(p: &Pool, r: &Rules, members: &[Ix], out: Ix, c: Ix) -> bool {
    let counters = Counters::recount(p, members.iter().copied());
    if !check_add(p, r, &counters, members, c, Some(out)).is_empty() {
        return false;
    }
    let after: Vec<Ix> = members
        .iter()
        .map(|&m| if m == out { c } else { m })
        .collect();
    let before = report(p, r, &counters, members, &[]);
    let later = report(
        p,
        r,
        &Counters::recount(p, after.iter().copied()),
        &after,
        &[],
    );
    before
        .rules
        .iter()
        .filter(|x| x.kind == RuleKind::Balance)
        .all(|b| {
            let Some(a) = later.rules.iter().find(|x| x.id == b.id) else {
                return false;
            };
            let q = r
                .quotas
                .iter()
                .find(|q| q.id == b.id)
                .expect("quota of a balance rule");
            let (cb, ca) = (b.count.unwrap_or(0), a.count.unwrap_or(0));
            if b.status != Status::Fail {
                a.status != Status::Fail
            } else {
                // Failing: not further from the bound it misses.
                let low = q.min.is_some_and(|m| cb < m);
                if low { ca >= cb } else { ca <= cb }
            }
        })
}

#[test]
fn replacements_agree_with_a_fresh_check_of_each_swap() {
    let p = pool(crowded());
    let r = rules();
    let members = ixs(
        &p,
        &[
            "C000", "C001", "C002", "C003", "C100", "C101", "C204", "C311", "C410",
        ],
    );
    let res = reserves(&p, &r, &members);
    assert_eq!(res.len(), members.len());
    for (&m, &(rm, count)) in members.iter().zip(&res) {
        assert_eq!(m, rm);
        let listed: Vec<Ix> = replacements(&p, &r, &members, m, usize::MAX)
            .iter()
            .map(|s| s.ix)
            .collect();
        let mut expected: Vec<Ix> = p
            .ixs()
            .filter(|&c| swap_qualifies(&p, &r, &members, m, c))
            .collect();
        let mut got = listed.clone();
        got.sort_unstable();
        expected.sort_unstable();
        assert_eq!(got, expected, "replacements of {}", p.candidate(m).id);
        assert_eq!(count, listed.len());
    }
    let top = replacements(&p, &r, &members, members[0], 3);
    assert!(top.len() <= 3);
    assert!(
        replacements(&p, &r, &members, ix(&p, "C413"), 3).is_empty(),
        "not a member"
    );
}

#[test]
fn results_serialise_for_status_json() {
    let p = pool(balanced_pool());
    let r = rules();
    let a = analyse(&p, &r, &[], &[]);
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["feasible"], serde_json::json!(true));
    let la = serde_json::to_value(check(&p, &r, &[])).unwrap();
    assert_eq!(la["answer"], "feasible");
    let rel = feasibility::Relaxation {
        quota_id: "region-eeg".into(),
        label: "Eastern European".into(),
        bound: Bound::Min,
        from: 5,
        to: 4,
    };
    assert_eq!(rel.to_string(), "Eastern European minimum 5 → 4");
    assert_eq!(serde_json::to_value(&rel).unwrap()["bound"], "min");
}

// ---------------------------------------------------------------------------
// Property tests against exhaustive search.

const CODES: [&str; 10] = [
    "KEN", "NGA", "IND", "JPN", "POL", "UKR", "BRA", "MEX", "USA", "DEU",
];
const LABS: [&str; 5] = ["Lab A", "Lab B", "Lab C", "Lab D", "Independent"];

#[derive(Debug, Clone)]
struct Spec {
    people: Vec<(bool, usize, Option<usize>, usize, u8, bool)>,
    size: u32,
    caps: (u32, u32),
    women: u32,
    men: u32,
    region: (u32, u32),
    developing: u32,
    fields: usize,
    members: Vec<usize>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let person = (
        any::<bool>(),
        0..CODES.len(),
        proptest::option::weighted(0.15, 0..CODES.len()),
        0..LABS.len(),
        any::<u8>(),
        proptest::bool::weighted(0.1),
    );
    (
        proptest::collection::vec(person, 12..=24),
        6..=8u32,
        (1..=2u32, 1..=2u32),
        0..=4u32,
        0..=4u32,
        (0..=1u32, 2..=4u32),
        0..=4u32,
        0..=3usize,
        proptest::collection::vec(0..24usize, 0..5),
    )
        .prop_map(
            |(people, size, caps, women, men, region, developing, fields, members)| Spec {
                people,
                size,
                caps,
                women,
                men,
                region,
                developing,
                fields,
                members,
            },
        )
}

fn build(s: &Spec) -> (Pool, Rules, Vec<Ix>) {
    let cands: Vec<Candidate> = s
        .people
        .iter()
        .enumerate()
        .map(|(i, &(female, nat, second, lab, fields, staff))| {
            let mut nats = vec![CODES[nat]];
            if let Some(n2) = second.filter(|&n| n != nat) {
                nats.push(CODES[n2]);
            }
            let g = if female { Gender::Female } else { Gender::Male };
            let fs: Vec<usize> = (0..4).filter(|b| fields & (1 << b) != 0).collect();
            let mut c = person(&format!("R{i:02}"), g, &nats, &[LABS[lab]], &fs);
            c.un_staff = staff;
            c
        })
        .collect();
    let p = pool(cands);
    let mut qs = gender_quotas(s.women, s.men);
    for g in Region::GROUPS {
        qs.push(quota(
            &format!("region-{}", g.short()),
            g.label(),
            Feature::Region(g),
            Some(s.region.0),
            Some(s.region.1),
        ));
    }
    qs.push(quota(
        "developing",
        "Developing countries",
        Feature::Development(panel_draft::domain::Development::Developing),
        Some(s.developing),
        None,
    ));
    for f in 0..s.fields {
        let field = panel_draft::domain::Field::from_index(f).expect("field");
        qs.push(quota(
            &format!("field-{f}"),
            &field.qualified(),
            Feature::Field(field),
            Some(1),
            None,
        ));
    }
    let mut r = small_rules(s.size, qs);
    r.per_nationality = s.caps.0;
    r.per_affiliation = s.caps.1;
    // Members: those the hard rules accept, in order.
    let mut members: Vec<Ix> = Vec::new();
    for &m in &s.members {
        let Some(m) = (m < p.len()).then_some(m as Ix) else {
            continue;
        };
        let counters = Counters::recount(&p, members.iter().copied());
        if check_add(&p, &r, &counters, &members, m, None).is_empty() {
            members.push(m);
        }
    }
    (p, r, members)
}

/// Exhaustive search over completions: the least total slack on the
/// balance bounds among panels meeting every hard rule (0 = a completion
/// exists), or `None` if the hard rules alone admit none. Counts are kept
/// incrementally and branches pruned by caps and by a lower bound on the
/// slack, so a 24-person pool takes milliseconds even unoptimised.
fn brute(p: &Pool, r: &Rules, members: &[Ix]) -> Option<u32> {
    struct Row {
        nats: Vec<usize>,
        affs: Vec<usize>,
        quotas: Vec<usize>,
    }
    struct Search<'a> {
        r: &'a Rules,
        rows: Vec<Row>,
        nat: Vec<u32>,
        aff: Vec<u32>,
        q: Vec<u32>,
        best: Option<u32>,
    }
    impl Search<'_> {
        fn apply(&mut self, i: usize, add: bool) -> bool {
            let row = &self.rows[i];
            let mut ok = true;
            for &n in &row.nats {
                if add {
                    self.nat[n] += 1
                } else {
                    self.nat[n] -= 1
                }
                ok &= self.nat[n] <= self.r.per_nationality;
            }
            for &a in &row.affs {
                if add {
                    self.aff[a] += 1
                } else {
                    self.aff[a] -= 1
                }
                ok &= self.aff[a] <= self.r.per_affiliation;
            }
            for &k in &row.quotas {
                if add { self.q[k] += 1 } else { self.q[k] -= 1 }
            }
            ok
        }
        /// Slack already certain with `left` seats still to fill.
        fn lower_bound(&self, left: u32) -> u32 {
            self.r
                .quotas
                .iter()
                .zip(&self.q)
                .map(|(q, &c)| {
                    q.min.map_or(0, |m| m.saturating_sub(c + left))
                        + q.max.map_or(0, |m| c.saturating_sub(m))
                })
                .sum()
        }
        fn go(&mut self, open: &[usize], from: usize, left: u32) {
            let lb = self.lower_bound(left);
            if self.best.is_some_and(|b| lb >= b) {
                return;
            }
            if left == 0 {
                self.best = Some(lb);
                return;
            }
            for i in from..open.len() {
                if ((open.len() - i) as u32) < left {
                    break;
                }
                if self.apply(open[i], true) {
                    self.go(open, i + 1, left - 1);
                }
                self.apply(open[i], false);
            }
        }
    }
    let free = r.size.checked_sub(members.len() as u32)?;
    let rows = p
        .ixs()
        .map(|c| {
            let f = p.facts(c);
            Row {
                nats: f.nationalities.iter().map(|&n| n as usize).collect(),
                affs: f
                    .affiliations
                    .iter()
                    .filter(|&&a| p.is_capped_affiliation(a))
                    .map(|&a| a as usize)
                    .collect(),
                quotas: (0..r.quotas.len())
                    .filter(|&k| r.quotas[k].feature.applies_to(f))
                    .collect(),
            }
        })
        .collect();
    let mut s = Search {
        r,
        rows,
        nat: vec![0; p.nationalities.len()],
        aff: vec![0; p.affiliations.len()],
        q: vec![0; r.quotas.len()],
        best: None,
    };
    let mut ok = true;
    for &m in members {
        ok &= s.apply(m as usize, true);
        let f = p.facts(m);
        ok &= eligibility(r, f).is_none() && !f.missing;
    }
    if !ok {
        return None;
    }
    let open: Vec<usize> = p
        .ixs()
        .filter(|&c| {
            let f = p.facts(c);
            !members.contains(&c) && eligibility(r, f).is_none() && !f.missing
        })
        .map(|c| c as usize)
        .collect();
    s.go(&open, 0, free);
    s.best
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn solver_agrees_with_exhaustive_search(s in spec()) {
        let (p, r, members) = build(&s);
        let best = brute(&p, &r, &members);
        let la = check(&p, &r, &members);
        prop_assert_eq!(la.feasible(), Some(best == Some(0)), "{:?} vs brute force {:?}", la, best);
        if let Lookahead::Feasible { witness } = &la {
            prop_assert!(verify(&p, &r, &members, witness).is_ok());
        }
        // Completion: exists exactly when feasible, and is valid.
        match complete(&p, &r, &members) {
            Some(add) => {
                let mut panel = members.clone();
                panel.extend(add);
                prop_assert!(best == Some(0));
                prop_assert!(verify(&p, &r, &members, &panel).is_ok());
            }
            None => prop_assert!(best != Some(0)),
        }
        // Relaxation: as small as exhaustive search says.
        let relaxed = relax(&p, &r, &members);
        let total: u32 = relaxed.iter().map(|x| x.from.abs_diff(x.to)).sum();
        match best {
            Some(b) if b > 0 => prop_assert_eq!(total, b, "{:?}", relaxed),
            _ => prop_assert!(relaxed.is_empty()),
        }
        // Marks: agree with exhaustive search for a few candidates.
        let wit = la.witness().unwrap_or(&[]).to_vec();
        let counters = Counters::recount(&p, members.iter().copied());
        let probe: Vec<Ix> = p.ixs().take(6).collect();
        for (c, keeps) in keeps_feasible(&p, &r, &members, &wit, &probe) {
            let allowed = check_add(&p, &r, &counters, &members, c, None).is_empty();
            let mut m = members.clone();
            m.push(c);
            let fresh = allowed && brute(&p, &r, &m) == Some(0);
            prop_assert_eq!(keeps, fresh, "candidate {}", c);
        }
        // Suggestions keep a completion possible.
        for sug in suggest(&p, &r, &members, 3) {
            let mut m = members.clone();
            m.push(sug.ix);
            prop_assert_eq!(brute(&p, &r, &m), Some(0));
        }
    }

    #[test]
    fn replacements_match_fresh_checks_on_random_pools(s in spec()) {
        let (p, r, members) = build(&s);
        for (m, count) in reserves(&p, &r, &members) {
            let mut got: Vec<Ix> = replacements(&p, &r, &members, m, usize::MAX).iter().map(|x| x.ix).collect();
            got.sort_unstable();
            let expected: Vec<Ix> = p.ixs().filter(|&c| swap_qualifies(&p, &r, &members, m, c)).collect();
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(count, got.len());
        }
    }
}
