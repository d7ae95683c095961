//! The command line: parse arguments, open a [`Session`], run one command.
//! Exit status: 0 success (for `status`: panel complete and every rule
//! holds), 1 refused change or incomplete panel, 2 error.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::draft::Action;
use crate::export;
use crate::search::{Query, SearchIndex, Sort};
use crate::session::{self, Config, Error, Session};

#[derive(Parser, Debug)]
#[command(name = "panel-draft", version, about = "Compose the 40-member Independent International Scientific Panel on AI, live.",
    long_about = "Compose the 40-member Independent International Scientific Panel on AI (UN GA resolution 79/325) live: \
a candidate pool, the draft and every selection rule in one terminal. Without a command, opens the terminal UI.")]
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
    /// Which draft to work on.
    #[arg(long, global = true, value_name = "NAME", default_value = session::DEFAULT_DRAFT)]
    pub draft: String,
    /// Why: recorded with the change in the log.
    #[arg(long, global = true, value_name = "TEXT")]
    pub reason: Option<String>,
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
    },
    /// Replace a member by a candidate in one step.
    Swap {
        #[arg(value_name = "OUT_ID")]
        outgoing: String,
        #[arg(value_name = "IN_ID")]
        incoming: String,
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
    },
    /// Search the pool as the TUI filter does ("jose" finds "José"; nat:KEN region:africa gender:f field:safety aff:oxford nominated eligible).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Print the audit log, oldest first.
    Log {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug, Default, Clone)]
pub struct TuiArgs {
    /// Presentation mode for projecting: no email or conflict text, high contrast.
    #[arg(long)]
    pub present: bool,
}

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
    let command = match cli.command {
        None => return crate::tui::run(&cfg, false),
        Some(Command::Tui(args)) => return crate::tui::run(&cfg, args.present),
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
            say(out, format_args!(
                "imported {} candidates: {} new, {} updated, {} removed",
                summary.candidates, summary.added, summary.updated, summary.removed
            ));
            if !summary.flagged.is_empty() {
                say(out, format_args!(
                    "kept in the draft but missing from this file (flagged): {}",
                    summary.flagged.join(", ")
                ));
            }
            Ok(0)
        }
        Command::Add { ids } => change(&mut s, out, ids.into_iter().map(|id| Action::Add { id }).collect(), reason),
        Command::Remove { ids } => change(&mut s, out, ids.into_iter().map(|id| Action::Remove { id }).collect(), reason),
        Command::Swap { outgoing, incoming } => change(&mut s, out, vec![Action::Swap { outgoing, incoming }], reason),
        Command::Undo => change(&mut s, out, vec![Action::Undo], reason),
        Command::Redo => change(&mut s, out, vec![Action::Redo], reason),
        Command::Status { json } => {
            if s.pool().is_empty() {
                eprintln!("note: the pool is empty; import one with `panel-draft import FILE` (or `import --sample`)");
            }
            let complete = s.report().complete;
            if json {
                say(out, format_args!("{}", export::json(&s, false)));
            } else {
                let _ = write!(out, "{}", export::status_text(&s));
            }
            Ok(if complete { 0 } else { 1 })
        }
        Command::Export { format, out: file, include_contact } => {
            let text = match format {
                Format::Json => export::json(&s, include_contact),
                Format::Md => export::markdown(&s, include_contact),
                Format::Csv => export::csv(&s, include_contact).map_err(|e| io_error(&cfg, e.to_string()))?,
            };
            match file {
                Some(path) => write_private(&path, &text).map_err(|e| {
                    Error::Input(crate::diag::InputError::new(&path, format!("cannot write the export: {e}")))
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
            let hits = index.search(s.pool(), s.rules(), &q, None, &|_| true, Sort::default());
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
                say(out, format_args!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default()));
            } else {
                for h in hits.iter().take(limit) {
                    let c = pool.candidate(h.ix);
                    say(out, format_args!(
                        "{:<8} {:<32} {:<4} {:<3} {}",
                        c.id,
                        c.name,
                        pool.primary_nationality(h.ix),
                        c.gender.short(),
                        pool.primary_affiliation(h.ix)
                    ));
                }
                say(out, format_args!("{} matches", hits.len()));
            }
            Ok(0)
        }
        Command::Log { json } => {
            let entries = s.log()?;
            for e in entries {
                if json {
                    say(out, format_args!("{}", serde_json::to_string(&e).unwrap_or_default()));
                } else {
                    say(out, format_args!("{}", e.summary()));
                }
            }
            Ok(0)
        }
    }
}

fn change(s: &mut Session, out: &mut impl Write, actions: Vec<Action>, reason: Option<String>) -> Result<i32, Error> {
    match s.apply_all(actions, reason) {
        Ok(steps) => {
            for step in steps {
                say(out, format_args!("done: {}", crate::audit::describe(&step.change)));
            }
            let r = s.report();
            say(out, format_args!("draft '{}': {}/{} members", s.draft_name(), r.size, r.target));
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
    Error::Store(crate::store::StoreError::Io { dir: cfg.db.clone(), detail })
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
