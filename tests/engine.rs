//! Rules engine and draft state: refusals, counters, undo/redo, and a
//! property test that incremental counters always equal a fresh recount
//! and that no accepted draft breaks a hard rule.

mod common;

use common::*;
use panel_draft::domain::{Date, Gender};
use panel_draft::draft::{Action, DraftRecord, DraftState, Refusal};
use panel_draft::pool::Pool;
use panel_draft::rules::{Counters, Rules, Status, Violation, eligibility, report};
use proptest::prelude::*;

fn add(state: &mut DraftState, pool: &Pool, rules: &Rules, id: &str) -> Result<(), Refusal> {
    let step = state.plan(pool, rules, Action::Add { id: id.into() })?;
    state.commit(pool, step);
    Ok(())
}

fn refusal_rules(r: Refusal) -> Vec<Violation> {
    match r {
        Refusal::Rules { violations, .. } => violations,
        other => panic!("expected a rules refusal, got {other}"),
    }
}

#[test]
fn third_national_is_refused_naming_the_two_members() {
    let p = pool(vec![
        person("a", Gender::Female, &["KEN"], &["U1"], &[0]),
        person("b", Gender::Male, &["KEN", "GBR"], &["U2"], &[1]),
        person("c", Gender::Female, &["Kenya"], &["U3"], &[2]),
    ]);
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    add(&mut s, &p, &r, "a").unwrap();
    add(&mut s, &p, &r, "b").unwrap();
    let v = refusal_rules(add(&mut s, &p, &r, "c").unwrap_err());
    assert!(
        matches!(&v[0], Violation::NationalityCap { code, holders, .. } if code == "KEN" && holders.len() == 2)
    );
    assert!(
        v[0].to_string()
            .contains("Kenya (KEN) already has 2 members"),
        "{}",
        v[0]
    );
    assert_eq!(s.counters().size, 2, "refusal changed nothing");
}

#[test]
fn affiliation_cap_sees_through_aliases_but_not_independent() {
    let p = pool(vec![
        person("a", Gender::Female, &["USA"], &["MIT"], &[0]),
        person(
            "b",
            Gender::Male,
            &["GBR"],
            &["Massachusetts Institute of Technology"],
            &[1],
        ),
        person("c", Gender::Female, &["FRA"], &["M.I.T."], &[2]),
        person("d", Gender::Female, &["DEU"], &["Independent"], &[2]),
        person("e", Gender::Female, &["ITA"], &["Independent"], &[2]),
        person("f", Gender::Female, &["ESP"], &["independent"], &[2]),
    ]);
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    add(&mut s, &p, &r, "a").unwrap();
    add(&mut s, &p, &r, "b").unwrap();
    let v = refusal_rules(add(&mut s, &p, &r, "c").unwrap_err());
    assert!(
        matches!(&v[0], Violation::AffiliationCap { cap: 2, .. }),
        "{v:?}"
    );
    for id in ["d", "e", "f"] {
        add(&mut s, &p, &r, id).unwrap();
    }
}

#[test]
fn ineligible_candidates_are_refused() {
    let mut staff = person("staff", Gender::Female, &["KEN"], &["UNDP"], &[0]);
    staff.un_staff = true;
    let mut late = person("late", Gender::Female, &["GHA"], &["U"], &[0]);
    late.submitted = Some(Date {
        year: 2025,
        month: 11,
        day: 1,
    });
    let mut never = person("never", Gender::Female, &["SEN"], &["V"], &[0]);
    never.submitted = None;
    let mut on_time = person("ontime", Gender::Female, &["NGA"], &["W"], &[0]);
    on_time.submitted = Some(Date {
        year: 2025,
        month: 10,
        day: 31,
    });
    let p = pool(vec![staff, late, never, on_time]);
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    assert_eq!(
        refusal_rules(add(&mut s, &p, &r, "staff").unwrap_err()),
        vec![Violation::UnStaff]
    );
    assert!(matches!(
        refusal_rules(add(&mut s, &p, &r, "late").unwrap_err())[0],
        Violation::LateApplication { .. }
    ));
    assert!(matches!(
        refusal_rules(add(&mut s, &p, &r, "never").unwrap_err())[0],
        Violation::NoApplication { .. }
    ));
    add(&mut s, &p, &r, "ontime").expect("the deadline day itself is on time");
}

#[test]
fn balanced_panel_of_forty_satisfies_every_rule_and_a_41st_is_refused() {
    let mut cands = balanced_pool();
    cands.push(person(
        "extra",
        Gender::Female,
        &["JPN"],
        &["Extra U"],
        &[0],
    ));
    let p = pool(cands);
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    for n in 0..40 {
        add(&mut s, &p, &r, &format!("B{n:02}")).unwrap();
    }
    let rep = report(&p, &r, s.counters(), &s.members(), &s.role_holders(&p));
    let failing: Vec<_> = rep
        .rules
        .iter()
        .filter(|x| x.status == Status::Fail)
        .map(|x| &x.id)
        .collect();
    assert!(rep.complete, "failing: {failing:?}");
    assert_eq!(
        refusal_rules(add(&mut s, &p, &r, "extra").unwrap_err()),
        vec![Violation::PanelFull { size: 40 }]
    );
    // A swap keeps the size and is allowed.
    let step = s
        .plan(
            &p,
            &r,
            Action::Swap {
                outgoing: "B00".into(),
                incoming: "extra".into(),
                role: None,
            },
        )
        .unwrap();
    s.commit(&p, step);
    assert_eq!(s.counters().size, 40);
    assert_eq!(
        s.seat_of(p.ix("extra").unwrap()),
        Some(0),
        "the swap keeps the seat"
    );
}

#[test]
fn report_counts_women_against_target() {
    let p = pool(balanced_pool());
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    for n in (0..10).map(|i| i * 2) {
        add(&mut s, &p, &r, &format!("B{n:02}")).unwrap();
    }
    let rep = report(&p, &r, s.counters(), &s.members(), &s.role_holders(&p));
    let women = rep.rules.iter().find(|x| x.id == "women").unwrap();
    assert_eq!(
        (women.count, women.status, women.target.as_str()),
        (Some(10), Status::Fail, "≥16")
    );
    let size = rep.rules.iter().find(|x| x.id == "panel-size").unwrap();
    assert_eq!(size.detail, "30 seats empty");
}

#[test]
fn undo_and_redo_walk_the_history() {
    let p = pool(balanced_pool());
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    add(&mut s, &p, &r, "B01").unwrap();
    add(&mut s, &p, &r, "B02").unwrap();
    let step = s
        .plan(
            &p,
            &r,
            Action::Swap {
                outgoing: "B01".into(),
                incoming: "B03".into(),
                role: None,
            },
        )
        .unwrap();
    s.commit(&p, step);
    let after_swap = s.record().seats.clone();
    for _ in 0..3 {
        let step = s.plan(&p, &r, Action::Undo).unwrap();
        s.commit(&p, step);
    }
    assert_eq!(s.counters().size, 0);
    assert_eq!(
        s.plan(&p, &r, Action::Undo).unwrap_err(),
        Refusal::NothingToUndo
    );
    for _ in 0..3 {
        let step = s.plan(&p, &r, Action::Redo).unwrap();
        s.commit(&p, step);
    }
    assert_eq!(s.record().seats, after_swap);
    assert_eq!(
        s.plan(&p, &r, Action::Redo).unwrap_err(),
        Refusal::NothingToRedo
    );
    // A new change clears the redo stack.
    let step = s.plan(&p, &r, Action::Undo).unwrap();
    s.commit(&p, step);
    add(&mut s, &p, &r, "B05").unwrap();
    assert!(!s.can_redo());
}

#[test]
fn preview_reports_moves_without_changing_anything() {
    let p = pool(balanced_pool());
    let r = rules();
    let mut s = DraftState::new(&p, &r, DraftRecord::default());
    add(&mut s, &p, &r, "B00").unwrap();
    let before = s.counters().clone();
    let cand = p.ix("B02").unwrap();
    let pv = panel_draft::rules::preview(&p, &r, s.counters(), &s.members(), cand, None);
    assert!(pv.allowed());
    let women = pv.changes.iter().find(|c| c.id == "women").unwrap();
    assert_eq!((women.before, women.after), (1, 2));
    assert!(
        pv.changes
            .iter()
            .any(|c| c.id == "region-afr" && c.before == 1 && c.after == 2)
    );
    assert_eq!(s.counters(), &before);
    // Swapping a woman for a woman leaves the women counter alone.
    let pv = panel_draft::rules::preview(&p, &r, s.counters(), &s.members(), cand, p.ix("B00"));
    assert!(!pv.changes.iter().any(|c| c.id == "women"));
}

/// A pool that makes caps bite: few nationalities and institutions, some
/// ineligible people, some dual nationals.
fn crowded_pool() -> Pool {
    let nats = ["KEN", "GBR", "BRA", "IND", "POL", "USA"];
    let affs = [
        "MIT",
        "M.I.T.",
        "Oxford University",
        "University of Oxford",
        "Lab A",
        "Lab B",
        "Independent",
    ];
    let mut out = Vec::new();
    for i in 0..60usize {
        let mut n = vec![nats[i % nats.len()]];
        if i % 7 == 0 {
            n.push(nats[(i / 7) % nats.len()]);
        }
        let a = [affs[i % affs.len()]];
        let g = if i % 3 == 0 {
            Gender::Male
        } else {
            Gender::Female
        };
        let mut c = person(&format!("P{i}"), g, &n, &a, &[i % 18]);
        c.un_staff = i % 11 == 5;
        if i % 13 == 4 {
            c.submitted = None;
        }
        out.push(c);
    }
    pool(out)
}

#[derive(Debug, Clone)]
enum Op {
    Add(usize),
    Remove(usize),
    Swap(usize, usize),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..60usize).prop_map(Op::Add),
        2 => (0..60usize).prop_map(Op::Remove),
        2 => (0..60usize, 0..60usize).prop_map(|(a, b)| Op::Swap(a, b)),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn counters_stay_exact_and_hard_rules_hold(ops in proptest::collection::vec(op(), 1..80)) {
        let p = crowded_pool();
        let mut r = rules();
        r.size = 12; // small panel so "full" is reached too
        let mut s = DraftState::new(&p, &r, DraftRecord::default());
        for o in ops {
            let action = match o {
                Op::Add(i) => Action::Add { id: format!("P{i}") },
                Op::Remove(i) => Action::Remove { id: format!("P{i}"), role: None },
                Op::Swap(a, b) => Action::Swap { outgoing: format!("P{a}"), incoming: format!("P{b}"), role: None },
                Op::Undo => Action::Undo,
                Op::Redo => Action::Redo,
            };
            let before = s.counters().clone();
            match s.plan(&p, &r, action) {
                Ok(step) => s.commit(&p, step),
                Err(_) => prop_assert_eq!(s.counters(), &before, "a refusal changed the counters"),
            }
            let members = s.members();
            prop_assert_eq!(s.counters(), &Counters::recount(&p, members.iter().copied()));
            prop_assert!(s.counters().size <= r.size);
            for (i, &n) in s.counters().nationality.iter().enumerate() {
                prop_assert!(n <= r.per_nationality, "nationality {} has {}", p.nationalities.name(i as u32), n);
            }
            for (i, &n) in s.counters().affiliation.iter().enumerate() {
                if p.is_capped_affiliation(i as u32) {
                    prop_assert!(n <= r.per_affiliation, "institution {} has {}", p.affiliations.name(i as u32), n);
                }
            }
            for m in members {
                prop_assert!(eligibility(&r, p.facts(m)).is_none());
            }
        }
    }
}
