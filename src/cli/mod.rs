//! The command line: parse arguments, open a [`Session`], run one command.
//! Exit status: 0 success (for `status`: panel complete and every rule
//! holds), 1 refused change or incomplete panel, 2 error.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::Role;
use crate::draft::{Action, RoleFate};
use crate::export;
use crate::feasibility;
use crate::pool::Ix;
use crate::search::{Query, Scope, SearchIndex, Sort};
use crate::session::{self, Applied, Config, Error, Session};

#[derive(Parser, Debug)]
#[command(
    name = "panel-draft",
    version,
    about = "Compose the 40-member Independent International Scientific Panel on AI, live.",
    long_about = "Compose the 40-member Independent International Scientific Panel on AI (UN GA resolution 79/325) live: \
a candidate pool, the draft and every selection rule in one terminal. Without a command, opens the terminal UI."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Database folder (created owner-only; holds personal data).
    #[arg(long, global = true, env = "PANEL_DRAFT_DB", value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// Rules file: TOML like sample-data/rules.toml, or a quota CSV (feature,value,min,max).
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Country table replacing sample-data/countries.csv.
    #[arg(long, global = true, value_name = "FILE")]
    pub countries: Option<PathBuf>,
    /// Affiliation aliases replacing sample-data/affiliation-aliases.csv.
    #[arg(long, global = true, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Committee member recorded in the log [default: $USER].
    #[arg(long, global = true, value_name = "NAME")]
    pub member: Option<String>,
    /// Which draft to work on [default: the one last switched to, else "main"].
    #[arg(long, global = true, value_name = "NAME")]
    pub draft: Option<String>,
    /// Why: recorded with the change in the log.
    #[arg(long, global = true, value_name = "TEXT")]
    pub reason: Option<String>,
    /// TUI: presentation mode for projecting (no e-mail, conflict text or notes; high contrast).
    #[arg(long, global = true)]
    pub present: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the terminal UI (the default).
    Tui(TuiArgs),
    /// Import a candidate pool (CSV or JSON); all or nothing; upserts by id and keeps the draft.
    Import {
        /// The pool file.
        #[arg(required_unless_present = "sample")]
        file: Option<PathBuf>,
        /// Import the bundled fictional sample pool instead.
        #[arg(long, conflicts_with = "file")]
        sample: bool,
    },
    /// Add candidates to the draft (all or none).
    Add {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Remove members from the draft (all or none).
    Remove {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// A member holding an office: the office becomes vacant.
        #[arg(long)]
        drop_role: bool,
    },
    /// Replace a member by a candidate in one step.
    Swap {
        #[arg(value_name = "OUT_ID")]
        outgoing: String,
        #[arg(value_name = "IN_ID")]
        incoming: String,
        /// If the outgoing member holds an office: pass it to the incoming one, or drop it.
        #[arg(long, value_enum, value_name = "FATE")]
        role: Option<Fate>,
    },
    /// Give a member an office: co-chair, vice-chair, or none.
    Role {
        id: String,
        #[arg(value_name = "ROLE")]
        role: String,
    },
    /// Attach a note to a candidate (author: --member).
    Note { id: String, text: String },
    /// Flag a candidate for discussion (--off to clear).
    Flag {
        id: String,
        #[arg(long)]
        off: bool,
    },
    /// Put a candidate on the shortlist (--off to take them off).
    Shortlist {
        id: String,
        #[arg(long)]
        off: bool,
    },
    /// Set the candidate the room is discussing; --next/--prev step through the flagged queue.
    Discuss {
        id: Option<String>,
        #[arg(long, conflicts_with_all = ["id", "prev", "stop"])]
        next: bool,
        #[arg(long, conflicts_with_all = ["id", "stop"])]
        prev: bool,
        #[arg(long, conflicts_with = "id")]
        stop: bool,
    },
    /// Named drafts: list, new, clone, rename, delete, switch.
    #[command(subcommand)]
    Drafts(DraftsCommand),
    /// Compare two drafts: who is only in one, and every counter in both.
    Compare {
        a: String,
        b: String,
        #[arg(long)]
        json: bool,
    },
    /// Undo the last change to the draft.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the draft against every rule. Exit 0 when full and every rule holds, else 1.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Export the draft (without email and conflict text unless --include-contact).
    Export {
        #[arg(long, value_enum)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Include email addresses and conflict-of-interest text (personal data).
        #[arg(long)]
        include_contact: bool,
        /// Markdown only: append the audit log.
        #[arg(long)]
        with_log: bool,
    },
    /// Search the pool as the TUI filter does ("jose" finds "José"; nat:KEN region:africa gender:f field:safety aff:oxford nominated eligible).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Candidates who close open gaps (groups under their minimum, uncovered fields, gender) and keep a completion possible, best first.
    Suggest {
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Propose one completion of the draft to a full panel meeting every rule (deterministic; changes nothing). Exit 1 if none exists.
    Complete {
        #[arg(long)]
        json: bool,
    },
    /// Who could take a member's seat with no rule broken or made worse, best first.
    Replace {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Print the audit log, oldest first (only the given draft's with --draft).
    Log {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum DraftsCommand {
    /// List the drafts (* marks the current one).
    List,
    /// Create an empty draft.
    New {
        name: String,
    },
    /// Copy the current draft (members, roles, history) under a new name.
    Clone {
        name: String,
    },
    Rename {
        from: String,
        to: String,
    },
    Delete {
        name: String,
    },
    /// Make a draft the current one (for the TUI and commands without --draft).
    Switch {
        name: String,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum Fate {
    Transfer,
    Drop,
}

#[derive(Args, Debug, Default, Clone)]
pub struct TuiArgs {}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum Format {
    Csv,
    Json,
    Md,
}

impl Global {
    pub fn config(&self) -> Config {
        Config {
            db: self.db.clone().unwrap_or_else(session::default_db_dir),
            rules: self.rules.clone(),
            countries: self.countries.clone(),
            aliases: self.aliases.clone(),
            member: self.member.clone().unwrap_or_else(session::default_member),
            draft: self.draft.clone(),
        }
    }
}

/// Runs the program; returns the exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("panel-draft: {e}");
            e.exit_code()
        }
    }
}

fn run(cli: Cli) -> Result<i32, Error> {
    let cfg = cli.global.config();
    let reason = cli.global.reason.clone();
    let cli_draft = cli.global.draft.clone();
    let command = match cli.command {
        None => return crate::tui::run(&cfg, cli.global.present),
        Some(Command::Tui(_)) => return crate::tui::run(&cfg, cli.global.present),
        Some(command) => command,
    };
    let mut s = Session::open(&cfg)?;
    let out = &mut std::io::stdout().lock();
    match command {
        Command::Tui(_) => Ok(2), // handled above, before the database is opened
        Command::Import { file, sample } => {
            let summary = match file {
                Some(f) if !sample => s.import_file(&f)?,
                _ => s.import_sample()?,
            };
            for w in &summary.warnings {
                eprintln!("warning: {w}");
            }
            say(
                out,
                format_args!(
                    "imported {} candidates: {} new, {} updated, {} removed",
                    summary.candidates, summary.added, summary.updated, summary.removed
                ),
            );
            if !summary.flagged.is_empty() {
                say(
                    out,
                    format_args!(
                        "kept in the draft but missing from this file (flagged): {}",
                        summary.flagged.join(", ")
                    ),
                );
            }
            Ok(0)
        }
        Command::Add { ids } => change(
            &mut s,
            out,
            ids.into_iter().map(|id| Action::Add { id }).collect(),
            reason,
        ),
        Command::Remove { ids, drop_role } => {
            let role = drop_role.then_some(RoleFate::Drop);
            change(
                &mut s,
                out,
                ids.into_iter()
                    .map(|id| Action::Remove { id, role })
                    .collect(),
                reason,
            )
        }
        Command::Swap {
            outgoing,
            incoming,
            role,
        } => {
            let role = role.map(|f| match f {
                Fate::Transfer => RoleFate::Transfer,
                Fate::Drop => RoleFate::Drop,
            });
            change(
                &mut s,
                out,
                vec![Action::Swap {
                    outgoing,
                    incoming,
                    role,
                }],
                reason,
            )
        }
        Command::Role { id, role } => {
            let role = match role.as_str() {
                "none" | "-" => None,
                text => match Role::parse(text) {
                    Some(r) => Some(r),
                    None => {
                        eprintln!(
                            "panel-draft: unknown role '{text}'\n  hint: use co-chair, vice-chair or none"
                        );
                        return Ok(2);
                    }
                },
            };
            change(&mut s, out, vec![Action::SetRole { id, role }], reason)
        }
        Command::Note { id, text } => one(&mut s, out, Action::Note { id, text }, reason),
        Command::Flag { id, off } => one(&mut s, out, Action::Flag { id, on: !off }, reason),
        Command::Shortlist { id, off } => {
            one(&mut s, out, Action::Shortlist { id, on: !off }, reason)
        }
        Command::Discuss {
            id,
            next,
            prev,
            stop,
        } => {
            let id = if stop {
                None
            } else if next || prev {
                let queue = s.annotations().queue();
                let current = s.discussing().map(|ix| s.pool().candidate(ix).id.clone());
                match step_queue(&queue, current.as_deref(), next) {
                    Some(id) => Some(id),
                    None => {
                        say(
                            out,
                            format_args!("the discussion queue (flagged candidates) is empty"),
                        );
                        return Ok(1);
                    }
                }
            } else {
                id
            };
            one(&mut s, out, Action::Discuss { id }, reason)
        }
        Command::Drafts(cmd) => {
            let action = match cmd {
                DraftsCommand::List => {
                    for name in s.draft_names()? {
                        let d = s.load_draft(&name)?;
                        let mark = if name == s.draft_name() { "*" } else { " " };
                        say(
                            out,
                            format_args!(
                                "{mark} {name:<24} {}/{} members",
                                d.counters().size,
                                s.rules().size
                            ),
                        );
                    }
                    return Ok(0);
                }
                DraftsCommand::New { name } => Action::CreateDraft { name },
                DraftsCommand::Clone { name } => Action::CloneDraft { name },
                DraftsCommand::Rename { from, to } => Action::RenameDraft { from, to },
                DraftsCommand::Delete { name } => Action::DeleteDraft { name },
                DraftsCommand::Switch { name } => Action::SwitchDraft { name },
            };
            one(&mut s, out, action, reason)
        }
        Command::Compare { a, b, json } => {
            let cmp = export::compare(&s, &a, &b)?;
            if json {
                say(
                    out,
                    format_args!("{}", serde_json::to_string_pretty(&cmp).unwrap_or_default()),
                );
            } else {
                let _ = write!(out, "{}", cmp.text());
            }
            Ok(0)
        }
        Command::Undo => change(&mut s, out, vec![Action::Undo], reason),
        Command::Redo => change(&mut s, out, vec![Action::Redo], reason),
        Command::Status { json } => {
            if s.pool().is_empty() {
                eprintln!(
                    "note: the pool is empty; import one with `panel-draft import FILE` (or `import --sample`)"
                );
            }
            let complete = s.report().complete;
            if json {
                say(out, format_args!("{}", export::json(&s, false)));
            } else {
                let _ = write!(out, "{}", export::status_text(&s));
            }
            Ok(if complete { 0 } else { 1 })
        }
        Command::Export {
            format,
            out: file,
            include_contact,
            with_log,
        } => {
            let text = match format {
                Format::Json => export::json(&s, include_contact),
                Format::Md => export::markdown(&s, include_contact, with_log)?,
                Format::Csv => {
                    export::csv(&s, include_contact).map_err(|e| io_error(&cfg, e.to_string()))?
                }
            };
            match file {
                Some(path) => write_private(&path, &text).map_err(|e| {
                    Error::Input(crate::diag::InputError::new(
                        &path,
                        format!("cannot write the export: {e}"),
                    ))
                })?,
                None => {
                    let _ = write!(out, "{text}");
                }
            }
            Ok(0)
        }
        Command::Search { query, limit, json } => {
            let index = SearchIndex::new(s.pool());
            let q = Query::parse(&query);
            let ann = s.annotations();
            let pool = s.pool();
            let flagged = |ix: Ix| ann.is_flagged(&pool.candidate(ix).id);
            let shortlisted = |ix: Ix| ann.is_shortlisted(&pool.candidate(ix).id);
            let scope = Scope {
                include: &|_| true,
                flagged: &flagged,
                shortlisted: &shortlisted,
                keeps_feasible: None,
            };
            let hits = index.search(pool, s.rules(), &q, None, &scope, Sort::default());
            let pool = s.pool();
            let rows: Vec<serde_json::Value> = hits
                .iter()
                .take(limit)
                .map(|h| {
                    let c = pool.candidate(h.ix);
                    serde_json::json!({
                        "id": c.id, "name": c.name, "nationality": c.nationalities, "gender": c.gender,
                        "affiliation": pool.primary_affiliation(h.ix), "score": h.score,
                        "in_draft": s.draft().contains(h.ix),
                    })
                })
                .collect();
            if json {
                say(
                    out,
                    format_args!(
                        "{}",
                        serde_json::to_string_pretty(&rows).unwrap_or_default()
                    ),
                );
            } else {
                for h in hits.iter().take(limit) {
                    let c = pool.candidate(h.ix);
                    say(
                        out,
                        format_args!(
                            "{:<8} {:<32} {:<4} {:<3} {}",
                            c.id,
                            c.name,
                            pool.primary_nationality(h.ix),
                            c.gender.short(),
                            pool.primary_affiliation(h.ix)
                        ),
                    );
                }
                say(out, format_args!("{} matches", hits.len()));
            }
            Ok(0)
        }
        Command::Suggest { limit, json } => {
            let members = s.draft().members();
            let list = feasibility::suggest(s.pool(), s.rules(), &members, limit);
            if json {
                let rows: Vec<serde_json::Value> =
                    list.iter().map(|x| suggestion_json(s.pool(), x)).collect();
                say(
                    out,
                    format_args!(
                        "{}",
                        serde_json::to_string_pretty(&rows).unwrap_or_default()
                    ),
                );
            } else if list.is_empty() {
                not_completable(&s, out);
            } else {
                for x in &list {
                    say(out, format_args!("{}", suggestion_line(s.pool(), x)));
                }
            }
            Ok(0)
        }
        Command::Complete { json } => {
            let members = s.draft().members();
            let picks = feasibility::proposal(s.pool(), s.rules(), &members);
            if json {
                let a = match &picks {
                    Some(_) => None,
                    None => Some(feasibility::analyse(s.pool(), s.rules(), &members, &[])),
                };
                let value = serde_json::json!({
                    "feasible": if picks.is_some() { Some(true) } else { a.as_ref().and_then(|a| a.feasible) },
                    "add": picks.iter().flatten().map(|x| suggestion_json(s.pool(), x)).collect::<Vec<_>>(),
                    "reason": a.as_ref().and_then(|a| a.reason.clone()),
                    "relaxations": a.as_ref().map(|a| a.relaxations.clone()).unwrap_or_default(),
                    "blame": a.as_ref().map(|a| a.blame.clone()).unwrap_or_default(),
                });
                say(
                    out,
                    format_args!(
                        "{}",
                        serde_json::to_string_pretty(&value).unwrap_or_default()
                    ),
                );
            } else {
                match &picks {
                    Some(p) if p.is_empty() => {
                        say(out, format_args!("the draft is already complete"))
                    }
                    Some(p) => {
                        say(
                            out,
                            format_args!(
                                "proposed completion ({} seats; nothing was changed):",
                                p.len()
                            ),
                        );
                        for x in p {
                            say(out, format_args!("{}", suggestion_line(s.pool(), x)));
                        }
                    }
                    None => not_completable(&s, out),
                }
            }
            Ok(if picks.is_some() { 0 } else { 1 })
        }
        Command::Replace { id, limit, json } => {
            let pool = s.pool();
            let member = pool
                .ix(&id)
                .filter(|&ix| s.draft().contains(ix))
                .ok_or_else(|| crate::draft::Refusal::NotInDraft {
                    id: id.trim().to_owned(),
                    name: pool.ix(&id).map_or_else(
                        || id.trim().to_owned(),
                        |ix| pool.candidate(ix).name.clone(),
                    ),
                })?;
            let members = s.draft().members();
            let all = feasibility::replacements(pool, s.rules(), &members, member, usize::MAX);
            let list = &all[..all.len().min(limit)];
            if json {
                let value = serde_json::json!({
                    "member": pool.candidate(member).id,
                    "reserves": all.len(),
                    "candidates": list.iter().map(|x| suggestion_json(pool, x)).collect::<Vec<_>>(),
                });
                say(
                    out,
                    format_args!(
                        "{}",
                        serde_json::to_string_pretty(&value).unwrap_or_default()
                    ),
                );
            } else {
                say(
                    out,
                    format_args!(
                        "{} candidates could take the seat of {} ({}) with no rule broken or made worse",
                        all.len(),
                        pool.candidate(member).name,
                        pool.candidate(member).id
                    ),
                );
                for x in list {
                    say(out, format_args!("{}", suggestion_line(pool, x)));
                }
            }
            Ok(0)
        }
        Command::Log { json } => {
            let only = cli_draft.as_deref();
            for e in s
                .log()?
                .into_iter()
                .filter(|e| only.is_none_or(|d| e.draft == d))
            {
                if json {
                    say(
                        out,
                        format_args!("{}", serde_json::to_string(&e).unwrap_or_default()),
                    );
                } else {
                    say(out, format_args!("{}", e.summary()));
                }
            }
            Ok(0)
        }
    }
}

/// One ranked candidate as a table row: id, name, nationality, gender,
/// score, then why.
fn suggestion_line(pool: &crate::pool::Pool, x: &feasibility::Suggestion) -> String {
    let c = pool.candidate(x.ix);
    format!(
        "{:<8} {:<32} {:<4} {:<2} {:>5.2}  {}",
        c.id,
        c.name,
        pool.primary_nationality(x.ix),
        c.gender.short(),
        x.score,
        x.reasons.join("; ")
    )
}

fn suggestion_json(pool: &crate::pool::Pool, x: &feasibility::Suggestion) -> serde_json::Value {
    let c = pool.candidate(x.ix);
    serde_json::json!({
        "id": c.id, "name": c.name, "nationality": c.nationalities, "gender": c.gender,
        "affiliation": pool.primary_affiliation(x.ix), "score": x.score, "reasons": x.reasons,
    })
}

/// Why nothing can be suggested or proposed: full, or no completion (with
/// the proof, the smallest relaxation and who stands in the way).
fn not_completable(s: &Session, out: &mut impl Write) {
    let members = s.draft().members();
    if members.len() as u32 >= s.rules().size {
        say(
            out,
            format_args!("the draft is full; use `replace ID` to see who could take a seat"),
        );
        return;
    }
    let a = feasibility::analyse(s.pool(), s.rules(), &members, &[]);
    match a.feasible {
        Some(false) => {
            say(
                out,
                format_args!("✗ no completion exists: {}", a.reason.unwrap_or_default()),
            );
            for r in &a.relaxations {
                say(out, format_args!("  smallest way out: {r}"));
            }
            for b in &a.blame {
                say(out, format_args!("  {b}"));
            }
        }
        Some(true) => say(out, format_args!("no candidate found")),
        None => say(
            out,
            format_args!("undecided: {}", a.reason.unwrap_or_default()),
        ),
    }
}

/// The next (or previous) id in the discussion queue after `current`.
pub fn step_queue(queue: &[String], current: Option<&str>, forward: bool) -> Option<String> {
    if queue.is_empty() {
        return None;
    }
    let pos = current.and_then(|c| queue.iter().position(|q| q == c));
    let i = match (pos, forward) {
        (None, true) => 0,
        (None, false) => queue.len() - 1,
        (Some(p), true) => (p + 1) % queue.len(),
        (Some(p), false) => (p + queue.len() - 1) % queue.len(),
    };
    queue.get(i).cloned()
}

fn one(
    s: &mut Session,
    out: &mut impl Write,
    action: Action,
    reason: Option<String>,
) -> Result<i32, Error> {
    match s.apply(action, reason) {
        Ok(Applied::Other(what)) => {
            say(out, format_args!("done: {what}"));
            Ok(0)
        }
        Ok(Applied::Draft(step)) => {
            say(
                out,
                format_args!("done: {}", crate::audit::describe(&step.change)),
            );
            Ok(0)
        }
        Err(Error::Refused(refusal)) => {
            eprintln!("refused: {refusal}\nnothing was changed.");
            Ok(1)
        }
        Err(e) => Err(e),
    }
}

fn change(
    s: &mut Session,
    out: &mut impl Write,
    actions: Vec<Action>,
    reason: Option<String>,
) -> Result<i32, Error> {
    match s.apply_all(actions, reason) {
        Ok(steps) => {
            for step in steps {
                say(
                    out,
                    format_args!("done: {}", crate::audit::describe(&step.change)),
                );
            }
            let r = s.report();
            say(
                out,
                format_args!(
                    "draft '{}': {}/{} members",
                    s.draft_name(),
                    r.size,
                    r.target
                ),
            );
            Ok(0)
        }
        Err(Error::Refused(refusal)) => {
            eprintln!("refused: {refusal}\nnothing was changed.");
            Ok(1)
        }
        Err(e) => Err(e),
    }
}

fn say(out: &mut impl Write, args: std::fmt::Arguments<'_>) {
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = writeln!(out, "{args}");
}

fn io_error(cfg: &Config, detail: String) -> Error {
    Error::Store(crate::store::StoreError::Io {
        dir: cfg.db.clone(),
        detail,
    })
}

/// Exports hold personal data: owner-only permissions on Unix.
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
