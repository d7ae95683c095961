//! Tiny hand-made pools for core tests.
#![allow(dead_code)]

use panel_draft::domain::{Candidate, Date, Field, Gender};
use panel_draft::import::ImportOutcome;
use panel_draft::pool::Pool;
use panel_draft::reference::Reference;
use panel_draft::rules::{Rules, load_rules};

pub fn person(
    id: &str,
    gender: Gender,
    nats: &[&str],
    affs: &[&str],
    fields: &[usize],
) -> Candidate {
    Candidate {
        id: id.into(),
        name: format!("Person {id}"),
        gender,
        nationalities: nats.iter().map(|s| s.to_string()).collect(),
        affiliations: affs.iter().map(|s| s.to_string()).collect(),
        email: format!("{id}@example.org"),
        fields: fields
            .iter()
            .filter_map(|&i| Field::from_index(i))
            .collect(),
        nominated_by: Vec::new(),
        submitted: Some(Date {
            year: 2025,
            month: 10,
            day: 1,
        }),
        un_staff: false,
        conflict_of_interest: String::new(),
        publications: Some(10),
        citations: Some(100),
        h_index: Some(5),
        i10_index: Some(3),
        other_impact: String::new(),
        motivation: String::new(),
        extra: Vec::new(),
    }
}

pub fn reference() -> Reference {
    Reference::bundled().expect("bundled reference tables")
}

pub fn rules() -> Rules {
    load_rules(None).expect("bundled rules")
}

pub fn pool(cands: Vec<Candidate>) -> Pool {
    Pool::from_candidates(cands, &reference())
}

/// A pool with which a complete, rule-abiding panel of 40 exists:
/// 8 per regional group, 20 women and 20 men, developing-country majority,
/// every field covered, distinct nationalities and institutions.
pub fn balanced_pool() -> Vec<Candidate> {
    // 8 countries per group: (code, developing?)
    let groups: [&[&str]; 5] = [
        &["KEN", "NGA", "GHA", "SEN", "ETH", "ZAF", "EGY", "MAR"],
        &["IND", "CHN", "IDN", "VNM", "PAK", "THA", "PHL", "MYS"],
        &["POL", "UKR", "ROU", "CZE", "SRB", "GEO", "ARM", "EST"],
        &["BRA", "MEX", "ARG", "CHL", "COL", "PER", "URY", "JAM"],
        &["USA", "DEU", "FRA", "GBR", "CAN", "NOR", "ITA", "ESP"],
    ];
    let mut out = Vec::new();
    let mut n = 0;
    for codes in groups {
        for code in codes {
            let gender = if n % 2 == 0 {
                Gender::Female
            } else {
                Gender::Male
            };
            out.push(person(
                &format!("B{n:02}"),
                gender,
                &[code],
                &[&format!("Institute {n}")],
                &[n % 18, (n + 7) % 18],
            ));
            n += 1;
        }
    }
    out
}

/// Candidates as a clean import would hand them to the session.
pub fn outcome(candidates: Vec<Candidate>) -> ImportOutcome {
    ImportOutcome {
        candidates,
        warnings: Vec::new(),
    }
}
