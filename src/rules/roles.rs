//! Rules for the offices: two co-chairs (one developed, one developing
//! country; not both the same gender), up to three vice-chairs, chairs
//! spread over regional groups.

use super::Rules;
use super::engine::{RuleKind, RuleStatus, Status};
use crate::domain::{Development, Region, Role};
use crate::pool::{Ix, Pool};

const SOURCE: &str = "79/325 para. 1 (b): two co-chairs, one from a developed country and one from a developing country, and up to three vice-chairs, taking into account geographical balance and gender balance.";

pub fn role_rules(pool: &Pool, rules: &Rules, holders: &[(Ix, Role)]) -> Vec<RuleStatus> {
    let co: Vec<Ix> = holders
        .iter()
        .filter(|(_, r)| *r == Role::CoChair)
        .map(|(ix, _)| *ix)
        .collect();
    let vice = holders
        .iter()
        .filter(|(_, r)| *r == Role::ViceChair)
        .count() as u32;
    let names = |ixs: &[Ix]| {
        ixs.iter()
            .map(|&i| pool.candidate(i).name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    let mut push = |id: &str,
                    label: &str,
                    short: &str,
                    status: Status,
                    count: Option<u32>,
                    target: String,
                    detail: String| {
        out.push(RuleStatus {
            id: id.into(),
            kind: RuleKind::Role,
            label: label.into(),
            short: short.into(),
            ok: status != Status::Fail,
            status,
            count,
            target,
            detail,
            source: SOURCE.into(),
        });
    };
    let n = co.len() as u32;
    let want = rules.roles.co_chairs;
    push(
        "co-chairs",
        "Co-chairs",
        "Co-chairs",
        if n == 0 || n == want {
            Status::Ok
        } else {
            Status::Fail
        },
        Some(n),
        format!("={want}"),
        match n {
            0 => "none chosen yet".into(),
            _ if n < want => format!("{}; choose {} more", names(&co), want - n),
            _ => names(&co),
        },
    );
    if co.len() == 2 {
        let dev = |ix: Ix| pool.facts(ix).development;
        let mixed = matches!(
            (dev(co[0]), dev(co[1])),
            (Development::Developed, Development::Developing)
                | (Development::Developing, Development::Developed)
        );
        push(
            "co-chairs-development",
            "Co-chairs: developed + developing",
            "Co-chairs dev.",
            if mixed { Status::Ok } else { Status::Fail },
            None,
            String::new(),
            format!("{} / {}", dev(co[0]).label(), dev(co[1]).label()),
        );
        let same = pool.facts(co[0]).gender == pool.facts(co[1]).gender;
        push(
            "co-chairs-gender",
            "Co-chairs: not the same gender",
            "Co-chairs gender",
            if same { Status::Fail } else { Status::Ok },
            None,
            String::new(),
            format!(
                "{} / {}",
                pool.facts(co[0]).gender,
                pool.facts(co[1]).gender
            ),
        );
    }
    push(
        "vice-chairs",
        "Vice-chairs",
        "Vice-chairs",
        if vice <= rules.roles.max_vice_chairs {
            Status::Ok
        } else {
            Status::Fail
        },
        Some(vice),
        format!("≤{}", rules.roles.max_vice_chairs),
        String::new(),
    );
    let mut per_region = [0u32; Region::COUNT];
    for (ix, _) in holders {
        per_region[pool.facts(*ix).region.index()] += 1;
    }
    let worst = per_region.iter().copied().max().unwrap_or(0);
    let crowded: Vec<String> = Region::GROUPS
        .iter()
        .filter(|r| per_region[r.index()] > rules.roles.max_chairs_per_region)
        .map(|r| format!("{} {}", r.medium(), per_region[r.index()]))
        .collect();
    push(
        "chairs-region",
        "Chairs per regional group",
        "Chairs/region",
        if crowded.is_empty() {
            Status::Ok
        } else {
            Status::Fail
        },
        Some(worst),
        format!("≤{}", rules.roles.max_chairs_per_region),
        crowded.join(", "),
    );
    out
}
