//! Status and exports (JSON, CSV, Markdown). Personal contact data (email)
//! and conflict-of-interest text leave the program only when asked for
//! with `include_contact`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Development, Field, Gender, Region, Role};
use crate::feasibility::{Analysis, analyse};
use crate::pool::Ix;
use crate::rules::{Report, RuleStatus};
use crate::session::Error;
use crate::session::Session;

#[derive(Debug, Serialize)]
pub struct Counts {
    pub nationality: BTreeMap<String, u32>,
    pub affiliation: BTreeMap<String, u32>,
    pub gender: BTreeMap<String, u32>,
    pub region: BTreeMap<String, u32>,
    pub development: BTreeMap<String, u32>,
    pub fields: BTreeMap<String, u32>,
    pub nominated: u32,
    pub ldc: u32,
    pub conflicts: u32,
}

#[derive(Debug, Serialize)]
pub struct MemberRow {
    pub seat: usize,
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    pub gender: Gender,
    pub nationalities: Vec<String>,
    pub region: Region,
    pub development: Development,
    pub affiliations: Vec<String>,
    pub fields: Vec<Field>,
    pub nominated_by: Vec<String>,
    pub h_index: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict_of_interest: Option<String>,
}

/// What `status --json` prints.
#[derive(Debug, Serialize)]
pub struct Status {
    pub draft: String,
    pub size: u32,
    pub target: u32,
    pub complete: bool,
    pub rules: Vec<RuleStatus>,
    pub counts: Counts,
    pub nationalities_at_cap: Vec<String>,
    pub affiliations_at_cap: Vec<String>,
    pub fields_uncovered: Vec<String>,
    pub conflicts_to_review: Vec<String>,
    /// Can the draft still be completed to a full panel meeting every rule?
    /// `null` only when the solver could not decide.
    pub feasible: Option<bool>,
    pub lookahead: Analysis,
    pub members: Vec<MemberRow>,
}

pub fn counts(session: &Session) -> Counts {
    let pool = session.pool();
    let c = session.draft().counters();
    let nonzero = |pairs: Vec<(String, u32)>| pairs.into_iter().filter(|(_, n)| *n > 0).collect();
    Counts {
        nationality: nonzero(
            c.nationality
                .iter()
                .enumerate()
                .map(|(i, &n)| (pool.nationalities.name(i as u32).to_owned(), n))
                .collect(),
        ),
        affiliation: nonzero(
            c.affiliation
                .iter()
                .enumerate()
                .map(|(i, &n)| (pool.affiliations.name(i as u32).to_owned(), n))
                .collect(),
        ),
        gender: Gender::ALL
            .iter()
            .map(|g| (g.label().to_owned(), c.gender(*g)))
            .collect(),
        region: Region::GROUPS
            .iter()
            .chain(std::iter::once(&Region::None))
            .map(|r| (r.label().to_owned(), c.region[r.index()]))
            .collect(),
        development: Development::ALL
            .iter()
            .map(|d| (d.label().to_owned(), c.development[d.index()]))
            .collect(),
        fields: Field::all()
            .map(|f| (f.qualified(), c.fields[f.index()]))
            .collect(),
        nominated: c.nominated,
        ldc: c.ldc,
        conflicts: c.conflict,
    }
}

pub fn members(session: &Session, include_contact: bool) -> Vec<MemberRow> {
    let pool = session.pool();
    session
        .draft()
        .seats()
        .iter()
        .enumerate()
        .filter_map(|(seat, ix)| ix.map(|ix| (seat, ix)))
        .map(|(seat, ix): (usize, Ix)| {
            let c = pool.candidate(ix);
            let f = pool.facts(ix);
            MemberRow {
                seat: seat + 1,
                id: c.id.clone(),
                name: c.name.clone(),
                role: session.draft().role_of(&c.id),
                gender: c.gender,
                nationalities: c.nationalities.clone(),
                region: f.region,
                development: f.development,
                affiliations: f
                    .affiliations
                    .iter()
                    .map(|&a| pool.affiliations.name(a).to_owned())
                    .collect(),
                fields: c.fields.clone(),
                nominated_by: c.nominated_by.clone(),
                h_index: c.h_index,
                email: include_contact.then(|| c.email.clone()),
                conflict_of_interest: include_contact.then(|| c.conflict_of_interest.clone()),
            }
        })
        .collect()
}

pub fn status(session: &Session, include_contact: bool) -> Status {
    let report = session.report();
    let lookahead = lookahead(session);
    Status {
        draft: session.draft_name().to_owned(),
        size: report.size,
        target: report.target,
        complete: report.complete,
        counts: counts(session),
        nationalities_at_cap: report
            .nationalities_at_cap
            .iter()
            .map(|(c, _, n)| format!("{c} {n}"))
            .collect(),
        affiliations_at_cap: report
            .affiliations_at_cap
            .iter()
            .map(|(a, n)| format!("{a} {n}"))
            .collect(),
        fields_uncovered: report.fields_uncovered.clone(),
        conflicts_to_review: report
            .conflicts_to_review
            .iter()
            .map(|(id, name)| format!("{name} ({id})"))
            .collect(),
        members: members(session, include_contact),
        feasible: lookahead.feasible,
        lookahead,
        rules: report.rules,
    }
}

fn lookahead(session: &Session) -> Analysis {
    analyse(
        session.pool(),
        session.rules(),
        &session.draft().members(),
        &[],
    )
}

/// The look-ahead in words: the verdict, then (when impossible) the
/// smallest relaxation and who stands in the way.
pub fn lookahead_lines(a: &Analysis, size: u32) -> Vec<String> {
    let mut out = vec![match a.feasible {
        Some(true) => format!("✓ a completion to {size} that satisfies every rule exists"),
        Some(false) => format!(
            "✗ no completion exists: {}",
            a.reason.clone().unwrap_or_default()
        ),
        None => format!("? undecided: {}", a.reason.clone().unwrap_or_default()),
    }];
    out.extend(
        a.relaxations
            .iter()
            .map(|r| format!("  smallest way out: {r}")),
    );
    out.extend(a.blame.iter().map(|b| format!("  {b}")));
    out
}

/// Plain-text status: one line per rule, symbol first.
pub fn status_text(session: &Session) -> String {
    let report = session.report();
    let mut out = format!(
        "Draft '{}': {}/{} members — {}\n",
        session.draft_name(),
        report.size,
        report.target,
        if report.complete {
            "complete, every rule holds ✓"
        } else {
            "not complete"
        }
    );
    for r in &report.rules {
        out.push_str(&rule_line(r));
        out.push('\n');
    }
    push_lists(&mut out, &report, "");
    for line in lookahead_lines(&lookahead(session), report.target) {
        out.push_str(&format!("Look-ahead: {line}\n"));
    }
    out
}

pub fn rule_line(r: &RuleStatus) -> String {
    let count = r.count.map(|c| c.to_string()).unwrap_or_default();
    let mut line = format!(
        "{} {:<34} {:>3} {:<10}",
        r.status.symbol(),
        r.label,
        count,
        r.target
    );
    if !r.detail.is_empty() {
        line.push(' ');
        line.push_str(&r.detail);
    }
    line.trim_end().to_owned()
}

fn push_lists(out: &mut String, report: &Report, bullet: &str) {
    if !report.fields_uncovered.is_empty() {
        out.push_str(&format!(
            "{bullet}Fields not yet covered: {}\n",
            report.fields_uncovered.join("; ")
        ));
    }
    if !report.conflicts_to_review.is_empty() {
        let names: Vec<String> = report
            .conflicts_to_review
            .iter()
            .map(|(id, n)| format!("{n} ({id})"))
            .collect();
        out.push_str(&format!(
            "{bullet}Declared conflicts to review: {}\n",
            names.join(", ")
        ));
    }
}

pub fn json(session: &Session, include_contact: bool) -> String {
    serde_json::to_string_pretty(&status(session, include_contact)).unwrap_or_default()
}

pub fn csv(session: &Session, include_contact: bool) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "seat",
        "id",
        "name",
        "gender",
        "nationality",
        "region",
        "development",
        "affiliation",
        "fields",
        "nominated_by",
        "h_index",
    ];
    if include_contact {
        header.extend(["email", "conflict_of_interest"]);
    }
    w.write_record(&header)?;
    for m in members(session, include_contact) {
        let mut row = vec![
            m.seat.to_string(),
            m.id,
            m.name,
            m.gender.label().to_owned(),
            m.nationalities.join(";"),
            m.region.label().to_owned(),
            m.development.label().to_owned(),
            m.affiliations.join(";"),
            m.fields
                .iter()
                .map(|f| f.qualified())
                .collect::<Vec<_>>()
                .join(";"),
            m.nominated_by.join(";"),
            m.h_index.map(|h| h.to_string()).unwrap_or_default(),
        ];
        if include_contact {
            row.push(m.email.unwrap_or_default());
            row.push(m.conflict_of_interest.unwrap_or_default());
        }
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A report a committee could circulate: members and their offices, every
/// rule, and (with `with_log`) the audit log.
pub fn markdown(session: &Session, include_contact: bool, with_log: bool) -> Result<String, Error> {
    let report = session.report();
    let mut out = String::new();
    out.push_str("# Independent International Scientific Panel on AI — draft composition\n\n");
    out.push_str(&format!(
        "Draft **{}**: {} of {} members. {}\n\n",
        session.draft_name(),
        report.size,
        report.target,
        if report.complete {
            "Every rule holds."
        } else {
            "Not yet complete: see the rules below."
        }
    ));
    out.push_str("Classified: contains personal data of applicants (ST/SGB/2024/3). Circulate to the committee only.\n\n");
    out.push_str("## Members\n\n");
    let mut header =
        "| # | Name | Office | Gender | Nationality | Region | Affiliation | Fields |".to_owned();
    let mut rule = "|---|---|---|---|---|---|---|---|".to_owned();
    if include_contact {
        header.push_str(" Email | Conflict of interest |");
        rule.push_str("---|---|");
    }
    out.push_str(&format!("{header}\n{rule}\n"));
    for m in members(session, include_contact) {
        let mut row = format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            m.seat,
            md(&m.name),
            m.role.map_or("", |r| r.label()),
            m.gender.label(),
            m.nationalities.join(", "),
            m.region.label(),
            md(&m.affiliations.join("; ")),
            md(&m
                .fields
                .iter()
                .map(|f| f.short())
                .collect::<Vec<_>>()
                .join(", ")),
        );
        if include_contact {
            row.push_str(&format!(
                " {} | {} |",
                md(m.email.as_deref().unwrap_or("")),
                md(m.conflict_of_interest.as_deref().unwrap_or(""))
            ));
        }
        out.push_str(&row);
        out.push('\n');
    }
    out.push_str("\n## Rules\n\n| | Rule | Count | Target | Detail |\n|---|---|---|---|---|\n");
    for r in &report.rules {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.status.symbol(),
            md(&r.label),
            r.count.map(|c| c.to_string()).unwrap_or_default(),
            r.target,
            md(&r.detail)
        ));
    }
    out.push('\n');
    push_lists(&mut out, &report, "- ");
    out.push_str("\n## Look-ahead\n\n");
    for line in lookahead_lines(&lookahead(session), report.target) {
        out.push_str(&format!("- {}\n", md(line.trim_start())));
    }
    if with_log {
        out.push_str("\n## Audit log\n\n");
        for e in session
            .log()?
            .iter()
            .filter(|e| e.draft == session.draft_name())
        {
            out.push_str(&format!("- {}\n", md(&e.summary())));
        }
    }
    Ok(out)
}

/// Two drafts side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    pub size_a: u32,
    pub size_b: u32,
    /// (id, name) of members only in one draft.
    pub only_in_a: Vec<(String, String)>,
    pub only_in_b: Vec<(String, String)>,
    pub rules: Vec<RuleDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleDiff {
    pub id: String,
    pub label: String,
    pub target: String,
    pub count_a: Option<u32>,
    pub count_b: Option<u32>,
    /// count_b − count_a.
    pub diff: i64,
    pub status_a: crate::rules::Status,
    pub status_b: crate::rules::Status,
}

pub fn compare(session: &Session, a: &str, b: &str) -> Result<Comparison, Error> {
    let (da, db) = (session.load_draft(a)?, session.load_draft(b)?);
    let (ra, rb) = (session.report_for(&da), session.report_for(&db));
    let pool = session.pool();
    let only =
        |x: &crate::draft::DraftState, y: &crate::draft::DraftState| -> Vec<(String, String)> {
            x.members()
                .into_iter()
                .filter(|&m| !y.contains(m))
                .map(|m| (pool.candidate(m).id.clone(), pool.candidate(m).name.clone()))
                .collect()
        };
    let mut rules = Vec::new();
    for x in &ra.rules {
        let y = rb.rules.iter().find(|r| r.id == x.id);
        let count_b = y.and_then(|r| r.count);
        rules.push(RuleDiff {
            id: x.id.clone(),
            label: x.label.clone(),
            target: x.target.clone(),
            count_a: x.count,
            count_b,
            diff: i64::from(count_b.unwrap_or(0)) - i64::from(x.count.unwrap_or(0)),
            status_a: x.status,
            status_b: y.map_or(x.status, |r| r.status),
        });
    }
    Ok(Comparison {
        a: a.to_owned(),
        b: b.to_owned(),
        size_a: ra.size,
        size_b: rb.size,
        only_in_a: only(&da, &db),
        only_in_b: only(&db, &da),
        rules,
    })
}

impl Comparison {
    pub fn text(&self) -> String {
        let mut out = format!(
            "{} ({} members)  vs  {} ({} members)\n\n",
            self.a, self.size_a, self.b, self.size_b
        );
        let names = |v: &[(String, String)]| {
            if v.is_empty() {
                "—".to_owned()
            } else {
                v.iter()
                    .map(|(id, n)| format!("{n} ({id})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out.push_str(&format!("Only in {}: {}\n", self.a, names(&self.only_in_a)));
        out.push_str(&format!(
            "Only in {}: {}\n\n",
            self.b,
            names(&self.only_in_b)
        ));
        out.push_str(&format!(
            "{:<44} {:>9} {:>9} {:>5}  target\n",
            "rule", self.a, self.b, "diff"
        ));
        for r in &self.rules {
            let count = |c: Option<u32>, s: crate::rules::Status| {
                format!(
                    "{} {}",
                    c.map(|c| c.to_string()).unwrap_or_default(),
                    s.symbol()
                )
            };
            let diff = if r.diff == 0 {
                String::new()
            } else {
                format!("{:+}", r.diff)
            };
            out.push_str(&format!(
                "{:<44} {:>9} {:>9} {:>5}  {}\n",
                r.label,
                count(r.count_a, r.status_a),
                count(r.count_b, r.status_b),
                diff,
                r.target
            ));
        }
        out
    }
}

fn md(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
