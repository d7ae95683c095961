use std::fmt;

use serde::Serialize;

use super::{Counters, Feature, Quota, Rules};
use crate::pool::{Facts, Ix, Pool};

/// Why a change is refused. Each names the rule and the people involved so
/// the message can be read out in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Violation {
    PanelFull {
        size: u32,
    },
    AlreadyInDraft,
    UnStaff,
    NoApplication {
        deadline: String,
    },
    LateApplication {
        submitted: String,
        deadline: String,
    },
    MissingFromPool,
    NationalityCap {
        code: String,
        country: String,
        cap: u32,
        holders: Vec<String>,
    },
    AffiliationCap {
        institution: String,
        cap: u32,
        holders: Vec<String>,
    },
}

impl Violation {
    /// The id of the hard rule in reports (`status --json`).
    pub fn rule_id(&self) -> &'static str {
        match self {
            Violation::PanelFull { .. } => "panel-size",
            Violation::AlreadyInDraft => "in-draft",
            Violation::UnStaff => "no-un-staff",
            Violation::NoApplication { .. } | Violation::LateApplication { .. } => {
                "application-deadline"
            }
            Violation::MissingFromPool => "in-pool",
            Violation::NationalityCap { .. } => "nationality-cap",
            Violation::AffiliationCap { .. } => "affiliation-cap",
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::PanelFull { size } => write!(
                f,
                "the panel already has {size} members; remove or swap someone first"
            ),
            Violation::AlreadyInDraft => write!(f, "already in the draft"),
            Violation::UnStaff => write!(
                f,
                "employees of the United Nations system cannot be members"
            ),
            Violation::NoApplication { deadline } => {
                write!(
                    f,
                    "no online application was submitted (deadline {deadline}); not eligible"
                )
            }
            Violation::LateApplication {
                submitted,
                deadline,
            } => {
                write!(
                    f,
                    "application submitted {submitted}, after the {deadline} deadline; not eligible"
                )
            }
            Violation::MissingFromPool => write!(f, "not in the latest imported pool (withdrawn?)"),
            Violation::NationalityCap {
                code,
                country,
                cap,
                holders,
            } => write!(
                f,
                "{country} ({code}) already has {cap} members in the draft: {}",
                holders.join(", ")
            ),
            Violation::AffiliationCap {
                institution,
                cap,
                holders,
            } => {
                write!(
                    f,
                    "{institution} already has {cap} members in the draft: {}",
                    holders.join(", ")
                )
            }
        }
    }
}

/// Eligibility on its own (UN staff, application date): what the pool
/// marks as ineligible whatever the draft holds.
pub fn eligibility(rules: &Rules, f: &Facts) -> Option<Violation> {
    if rules.exclude_un_staff && f.un_staff {
        return Some(Violation::UnStaff);
    }
    match f.submitted {
        None => Some(Violation::NoApplication {
            deadline: rules.deadline.to_string(),
        }),
        Some(d) if d > rules.deadline => Some(Violation::LateApplication {
            submitted: d.to_string(),
            deadline: rules.deadline.to_string(),
        }),
        Some(_) => None,
    }
}

/// Every hard rule that adding `cand` (in place of `replacing`, for a swap)
/// would break. Empty means the change is allowed.
pub fn check_add(
    pool: &Pool,
    rules: &Rules,
    counters: &Counters,
    members: &[Ix],
    cand: Ix,
    replacing: Option<Ix>,
) -> Vec<Violation> {
    let mut out = Vec::new();
    if members.contains(&cand) {
        out.push(Violation::AlreadyInDraft);
        return out;
    }
    if replacing.is_none() && counters.size >= rules.size {
        out.push(Violation::PanelFull { size: rules.size });
    }
    let f = pool.facts(cand);
    out.extend(eligibility(rules, f));
    if f.missing {
        out.push(Violation::MissingFromPool);
    }
    let out_facts = replacing.map(|r| pool.facts(r));
    let others = || {
        members
            .iter()
            .copied()
            .filter(move |&m| Some(m) != replacing)
    };
    for &n in &f.nationalities {
        let freed = out_facts.is_some_and(|o| o.nationalities.contains(&n));
        let count = counters.nationality.get(n as usize).copied().unwrap_or(0) - u32::from(freed);
        if count >= rules.per_nationality {
            out.push(Violation::NationalityCap {
                code: pool.nationalities.name(n).to_owned(),
                country: pool.nationality_name(n).to_owned(),
                cap: rules.per_nationality,
                holders: others()
                    .filter(|&m| pool.facts(m).nationalities.contains(&n))
                    .map(|m| pool.candidate(m).name.clone())
                    .collect(),
            });
        }
    }
    for &a in &f.affiliations {
        if !pool.is_capped_affiliation(a) {
            continue;
        }
        let freed = out_facts.is_some_and(|o| o.affiliations.contains(&a));
        let count = counters.affiliation.get(a as usize).copied().unwrap_or(0) - u32::from(freed);
        if count >= rules.per_affiliation {
            out.push(Violation::AffiliationCap {
                institution: pool.affiliations.name(a).to_owned(),
                cap: rules.per_affiliation,
                holders: others()
                    .filter(|&m| pool.facts(m).affiliations.contains(&a))
                    .map(|m| pool.candidate(m).name.clone())
                    .collect(),
            });
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    /// Holds, but needs attention (a cap reached, conflicts to review).
    Warn,
    Fail,
}

impl Status {
    /// Never colour alone: every status has a symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Ok => "✓",
            Status::Warn => "⚠",
            Status::Fail => "✗",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    Hard,
    Balance,
    /// Offices (co-chairs, vice-chairs).
    Role,
    Info,
}

/// One line of the rules report, the same in the TUI, `status` and exports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleStatus {
    pub id: String,
    pub kind: RuleKind,
    pub label: String,
    #[serde(skip)]
    pub short: String,
    pub status: Status,
    pub ok: bool,
    pub count: Option<u32>,
    /// "≥16", "[5–11]", "=40", "≤2 each".
    pub target: String,
    pub detail: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub size: u32,
    pub target: u32,
    pub rules: Vec<RuleStatus>,
    /// Nationalities at or over the cap: (code, country, count).
    pub nationalities_at_cap: Vec<(String, String, u32)>,
    /// Institutions at or over the cap: (name, count).
    pub affiliations_at_cap: Vec<(String, u32)>,
    pub fields_uncovered: Vec<String>,
    /// Members whose declared conflicts of interest need review: (id, name).
    pub conflicts_to_review: Vec<(String, String)>,
    /// Full and every hard and balance rule holds.
    pub complete: bool,
}

fn quota_status(q: &Quota, count: u32) -> Status {
    if q.is_info() {
        if q.feature == Feature::Conflict && count > 0 {
            Status::Warn
        } else {
            Status::Ok
        }
    } else if q.satisfied_by(count) {
        Status::Ok
    } else {
        Status::Fail
    }
}

fn size_status(rules: &Rules, size: u32) -> Status {
    if size == rules.size {
        Status::Ok
    } else {
        Status::Fail
    }
}

fn cap_status(count: u32, cap: u32) -> Status {
    match count.cmp(&cap) {
        std::cmp::Ordering::Less => Status::Ok,
        std::cmp::Ordering::Equal => Status::Warn,
        std::cmp::Ordering::Greater => Status::Fail,
    }
}

/// The full report. Cost is proportional to the draft (≤ 40 members) and
/// the number of quotas, never to the pool.
pub fn report(
    pool: &Pool,
    rules: &Rules,
    counters: &Counters,
    members: &[Ix],
    roles: &[(Ix, crate::domain::Role)],
) -> Report {
    let mut rules_out = Vec::new();
    let mut hard = |id: &str,
                    label: &str,
                    status: Status,
                    count: Option<u32>,
                    target: String,
                    detail: String,
                    source: &str| {
        rules_out.push(RuleStatus {
            id: id.into(),
            kind: RuleKind::Hard,
            label: label.into(),
            short: if label == "Applied by deadline" {
                "Applied in time".into()
            } else {
                label.into()
            },
            ok: status != Status::Fail,
            status,
            count,
            target,
            detail,
            source: source.into(),
        });
    };
    let size = counters.size;
    let empty = rules.size.saturating_sub(size);
    hard(
        "panel-size",
        "Members",
        size_status(rules, size),
        Some(size),
        format!("={}", rules.size),
        if empty > 0 {
            format!("{empty} seats empty")
        } else if size > rules.size {
            "too many members".into()
        } else {
            "full".into()
        },
        &rules.sources.size,
    );

    let mut nat_at_cap: Vec<(String, String, u32)> = Vec::new();
    let mut aff_at_cap: Vec<(String, u32)> = Vec::new();
    let mut seen_n = Vec::new();
    let mut seen_a = Vec::new();
    for &m in members {
        let f = pool.facts(m);
        for &n in &f.nationalities {
            let c = counters.nationality.get(n as usize).copied().unwrap_or(0);
            if c >= rules.per_nationality && !seen_n.contains(&n) {
                seen_n.push(n);
                nat_at_cap.push((
                    pool.nationalities.name(n).into(),
                    pool.nationality_name(n).into(),
                    c,
                ));
            }
        }
        for &a in &f.affiliations {
            let c = counters.affiliation.get(a as usize).copied().unwrap_or(0);
            if pool.is_capped_affiliation(a) && c >= rules.per_affiliation && !seen_a.contains(&a) {
                seen_a.push(a);
                aff_at_cap.push((pool.affiliations.name(a).into(), c));
            }
        }
    }
    nat_at_cap.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    aff_at_cap.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let worst_n = nat_at_cap.first().map_or(0, |x| x.2);
    let worst_a = aff_at_cap.first().map_or(0, |x| x.1);
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none at the cap".to_string()
        } else {
            format!("at cap: {}", items.join(", "))
        }
    };
    hard(
        "nationality-cap",
        "Per nationality",
        cap_status(worst_n, rules.per_nationality),
        None,
        format!("≤{} each", rules.per_nationality),
        list(
            nat_at_cap
                .iter()
                .map(|(code, _, c)| format!("{code} {c}"))
                .collect(),
        ),
        &rules.sources.nationality,
    );
    hard(
        "affiliation-cap",
        "Per institution",
        cap_status(worst_a, rules.per_affiliation),
        None,
        format!("≤{} each", rules.per_affiliation),
        list(
            aff_at_cap
                .iter()
                .map(|(name, c)| format!("{name} {c}"))
                .collect(),
        ),
        &rules.sources.affiliation,
    );
    let names_where = |pred: &dyn Fn(&Facts) -> bool| -> Vec<String> {
        members
            .iter()
            .filter(|&&m| pred(pool.facts(m)))
            .map(|&m| pool.candidate(m).name.clone())
            .collect()
    };
    let staff = if rules.exclude_un_staff {
        names_where(&|f| f.un_staff)
    } else {
        Vec::new()
    };
    hard(
        "no-un-staff",
        "No UN staff",
        if staff.is_empty() {
            Status::Ok
        } else {
            Status::Fail
        },
        Some(staff.len() as u32),
        "=0".into(),
        if staff.is_empty() {
            "none".into()
        } else {
            staff.join(", ")
        },
        &rules.sources.un_staff,
    );
    let late = names_where(&|f| f.submitted.is_none_or(|d| d > rules.deadline));
    hard(
        "application-deadline",
        "Applied by deadline",
        if late.is_empty() {
            Status::Ok
        } else {
            Status::Fail
        },
        Some(late.len() as u32),
        format!("≤{}", rules.deadline),
        if late.is_empty() {
            "all on time".into()
        } else {
            format!("late or missing: {}", late.join(", "))
        },
        &rules.sources.deadline,
    );
    let missing = names_where(&|f| f.missing);
    if !missing.is_empty() {
        hard(
            "in-pool",
            "In latest pool",
            Status::Fail,
            Some(missing.len() as u32),
            "=0 missing".into(),
            format!("not in the latest import: {}", missing.join(", ")),
            "A drafted candidate missing from a re-imported pool is kept and flagged, never dropped.",
        );
    }

    let mut uncovered = Vec::new();
    for q in &rules.quotas {
        let count = counters.count(q.feature);
        let status = quota_status(q, count);
        if let Feature::Field(f) = q.feature
            && status == Status::Fail
            && count == 0
        {
            uncovered.push(f.qualified());
        }
        rules_out.push(RuleStatus {
            id: q.id.clone(),
            kind: if q.is_info() {
                RuleKind::Info
            } else {
                RuleKind::Balance
            },
            label: q.label.clone(),
            short: q.short.clone(),
            ok: status != Status::Fail,
            status,
            count: Some(count),
            target: q.target_text(),
            detail: String::new(),
            source: q.source.clone(),
        });
    }
    // Offices before the informational counts.
    let info_at = rules_out
        .iter()
        .position(|r| r.kind == RuleKind::Info)
        .unwrap_or(rules_out.len());
    let role_rules = super::roles::role_rules(pool, rules, roles);
    rules_out.splice(info_at..info_at, role_rules);
    let conflicts: Vec<(String, String)> = members
        .iter()
        .filter(|&&m| pool.facts(m).conflict)
        .map(|&m| (pool.candidate(m).id.clone(), pool.candidate(m).name.clone()))
        .collect();
    let complete = size == rules.size && rules_out.iter().all(|r| r.status != Status::Fail);
    Report {
        size,
        target: rules.size,
        rules: rules_out,
        nationalities_at_cap: nat_at_cap,
        affiliations_at_cap: aff_at_cap,
        fields_uncovered: uncovered,
        conflicts_to_review: conflicts,
        complete,
    }
}

/// A counter that a change moves, with the rule's standing before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleChange {
    pub id: String,
    pub label: String,
    pub before: u32,
    pub after: u32,
    pub target: String,
    pub status_before: Status,
    pub status_after: Status,
}

/// What adding `cand` (or swapping it in for `replacing`) would do, without
/// doing it: hard rules it would break and every counter it would move.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preview {
    pub violations: Vec<Violation>,
    pub changes: Vec<RuleChange>,
}

impl Preview {
    pub fn allowed(&self) -> bool {
        self.violations.is_empty()
    }

    /// Balance rules that would go from holding to failing.
    pub fn breaks(&self) -> impl Iterator<Item = &RuleChange> {
        self.changes
            .iter()
            .filter(|c| c.status_before != Status::Fail && c.status_after == Status::Fail)
    }

    /// Balance rules that would go from failing to holding.
    pub fn fixes(&self) -> impl Iterator<Item = &RuleChange> {
        self.changes
            .iter()
            .filter(|c| c.status_before == Status::Fail && c.status_after != Status::Fail)
    }
}

pub fn preview(
    pool: &Pool,
    rules: &Rules,
    counters: &Counters,
    members: &[Ix],
    cand: Ix,
    replacing: Option<Ix>,
) -> Preview {
    let violations = check_add(pool, rules, counters, members, cand, replacing);
    let inf = pool.facts(cand);
    let outf = replacing.map(|r| pool.facts(r));
    let mut changes = Vec::new();
    if replacing.is_none() {
        let (b, a) = (counters.size, counters.size + 1);
        changes.push(RuleChange {
            id: "panel-size".into(),
            label: "Members".into(),
            before: b,
            after: a,
            target: format!("={}", rules.size),
            status_before: size_status(rules, b),
            status_after: size_status(rules, a),
        });
    }
    for q in &rules.quotas {
        let delta_in = i64::from(q.feature.applies_to(inf));
        let delta_out = i64::from(outf.is_some_and(|o| q.feature.applies_to(o)));
        if delta_in == delta_out {
            continue;
        }
        let before = counters.count(q.feature);
        let after = (i64::from(before) + delta_in - delta_out).max(0) as u32;
        changes.push(quota_change(q, before, after));
    }
    let mut cap_change = |id: &str, label: String, before: u32, freed: bool, cap: u32| {
        let after = before + 1 - u32::from(freed);
        if after != before {
            changes.push(RuleChange {
                id: id.into(),
                label,
                before,
                after,
                target: format!("≤{cap}"),
                status_before: cap_status(before, cap),
                status_after: cap_status(after, cap),
            });
        }
    };
    for &n in &inf.nationalities {
        let before = counters.nationality.get(n as usize).copied().unwrap_or(0);
        let freed = outf.is_some_and(|o| o.nationalities.contains(&n));
        cap_change(
            "nationality-cap",
            pool.nationality_name(n).to_owned(),
            before,
            freed,
            rules.per_nationality,
        );
    }
    for &a in &inf.affiliations {
        if pool.is_capped_affiliation(a) {
            let before = counters.affiliation.get(a as usize).copied().unwrap_or(0);
            let freed = outf.is_some_and(|o| o.affiliations.contains(&a));
            cap_change(
                "affiliation-cap",
                pool.affiliations.name(a).to_owned(),
                before,
                freed,
                rules.per_affiliation,
            );
        }
    }
    Preview {
        violations,
        changes,
    }
}

/// What removing `member` would do to the balance counters (for the reason
/// prompt when a removal breaks a rule that held).
pub fn preview_remove(rules: &Rules, counters: &Counters, member: &Facts) -> Preview {
    let changes = rules
        .quotas
        .iter()
        .filter(|q| q.feature.applies_to(member))
        .map(|q| {
            let before = counters.count(q.feature);
            quota_change(q, before, before.saturating_sub(1))
        })
        .collect();
    Preview {
        violations: Vec::new(),
        changes,
    }
}

fn quota_change(q: &Quota, before: u32, after: u32) -> RuleChange {
    RuleChange {
        id: q.id.clone(),
        label: q.label.clone(),
        before,
        after,
        target: q.target_text(),
        status_before: quota_status(q, before),
        status_after: quota_status(q, after),
    }
}
