//! The core service: one open database with its pool, rules and current
//! draft. The CLI and the TUI both drive a `Session`; a future server
//! process would own one and apply actions sent by several terminals.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::audit::{Event, LogEntry};
use crate::diag::InputError;
use crate::draft::{Action, DraftState, Refusal, Step};
use crate::import::{ImportOutcome, parse_pool, read_pool};
use crate::pool::{Ix, Pool, Stored};
use crate::reference::Reference;
use crate::rules::{Preview, Report, Rules, load_rules, preview, report};
use crate::store::{Store, StoreError};

/// The bundled fictional pool, imported into an empty database on the
/// TUI's first run.
pub const SAMPLE_POOL: &[u8] = include_bytes!("../sample-data/candidates.csv");
pub const SAMPLE_POOL_NAME: &str = "sample-data/candidates.csv";

pub const DEFAULT_DRAFT: &str = "main";

#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub rules: Option<PathBuf>,
    pub countries: Option<PathBuf>,
    pub aliases: Option<PathBuf>,
    /// Who is making changes (recorded in the log).
    pub member: String,
    pub draft: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Input(#[from] InputError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(#[from] Refusal),
}

impl Error {
    /// Exit status: 1 for a refused change (the rules said no), 2 for
    /// anything that went wrong.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Refused(_) => 1,
            _ => 2,
        }
    }
}

/// What an import did, for the user and the log.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImportSummary {
    pub candidates: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    /// Drafted candidates absent from the new file: kept and flagged.
    pub flagged: Vec<String>,
    pub warnings: Vec<String>,
}

pub struct Session {
    store: Store,
    reference: Reference,
    rules: Rules,
    pool: Pool,
    draft: DraftState,
    draft_name: String,
    member: String,
}

impl Session {
    pub fn open(cfg: &Config) -> Result<Session, Error> {
        let reference = Reference::load(cfg.countries.as_deref(), cfg.aliases.as_deref())?;
        let rules = load_rules(cfg.rules.as_deref())?;
        let store = Store::open(&cfg.db)?;
        let pool = Pool::new(store.load_pool()?, &reference);
        let record = store.draft(&cfg.draft)?.unwrap_or_default();
        let draft = DraftState::new(&pool, &rules, record);
        Ok(Session { store, reference, rules, pool, draft, draft_name: cfg.draft.clone(), member: cfg.member.clone() })
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn draft(&self) -> &DraftState {
        &self.draft
    }

    pub fn draft_name(&self) -> &str {
        &self.draft_name
    }

    pub fn reference(&self) -> &Reference {
        &self.reference
    }

    pub fn db_dir(&self) -> &Path {
        self.store.dir()
    }

    pub fn report(&self) -> Report {
        report(&self.pool, &self.rules, self.draft.counters(), &self.draft.members())
    }

    pub fn preview(&self, cand: Ix, replacing: Option<Ix>) -> Preview {
        preview(&self.pool, &self.rules, self.draft.counters(), &self.draft.members(), cand, replacing)
    }

    pub fn log(&self) -> Result<Vec<LogEntry>, Error> {
        Ok(self.store.log()?)
    }

    /// Checks, stores (flushed) and only then applies one action.
    pub fn apply(&mut self, action: Action, reason: Option<String>) -> Result<Step, Error> {
        let step = self.draft.plan(&self.pool, &self.rules, action)?;
        let entry = self.entry(&step, reason);
        self.store.commit_draft(&self.draft_name, &step.record, std::slice::from_ref(&entry))?;
        self.draft.commit(&self.pool, step.clone());
        Ok(step)
    }

    /// Applies several actions all or nothing: each is checked against the
    /// draft as the previous ones leave it; one refusal and none is stored.
    pub fn apply_all(&mut self, actions: Vec<Action>, reason: Option<String>) -> Result<Vec<Step>, Error> {
        let mut scratch = self.draft.clone();
        let mut steps = Vec::with_capacity(actions.len());
        for action in actions {
            let step = scratch.plan(&self.pool, &self.rules, action)?;
            scratch.commit(&self.pool, step.clone());
            steps.push(step);
        }
        let Some(last) = steps.last() else {
            return Ok(steps);
        };
        let entries: Vec<LogEntry> = steps.iter().map(|s| self.entry(s, reason.clone())).collect();
        self.store.commit_draft(&self.draft_name, &last.record, &entries)?;
        self.draft = scratch;
        Ok(steps)
    }

    fn entry(&self, step: &Step, reason: Option<String>) -> LogEntry {
        LogEntry::now(
            &self.member,
            &self.draft_name,
            Event::Draft { action: step.action.clone(), change: step.change.clone() },
            reason,
        )
    }

    pub fn import_file(&mut self, path: &Path) -> Result<ImportSummary, Error> {
        let outcome = read_pool(path, &self.reference)?;
        self.import(outcome, &path.display().to_string())
    }

    /// Imports the bundled sample pool (first run of the TUI).
    pub fn import_sample(&mut self) -> Result<ImportSummary, Error> {
        let outcome = parse_pool(Path::new(SAMPLE_POOL_NAME), SAMPLE_POOL, &self.reference)?;
        self.import(outcome, SAMPLE_POOL_NAME)
    }

    /// Replaces the pool with a parsed file (upsert by id). Drafted
    /// candidates missing from the file stay, flagged; the draft is kept.
    pub fn import(&mut self, outcome: ImportOutcome, source: &str) -> Result<ImportSummary, Error> {
        let old: std::collections::HashMap<&str, &crate::domain::Candidate> =
            self.pool.ixs().map(|ix| (self.pool.candidate(ix).id.as_str(), self.pool.candidate(ix))).collect();
        let new_ids: HashSet<&str> = outcome.candidates.iter().map(|c| c.id.as_str()).collect();
        let mut added = 0;
        let mut updated = 0;
        for c in &outcome.candidates {
            match old.get(c.id.as_str()) {
                None => added += 1,
                Some(prev) if *prev != c => updated += 1,
                Some(_) => {}
            }
        }
        let drafted: Vec<Ix> = self.draft.members();
        let mut flagged = Vec::new();
        let mut stored: Vec<Stored> =
            outcome.candidates.iter().map(|c| Stored { candidate: c.clone(), missing: false }).collect();
        for ix in drafted {
            let c = self.pool.candidate(ix);
            if !new_ids.contains(c.id.as_str()) {
                flagged.push(c.id.clone());
                stored.push(Stored { candidate: c.clone(), missing: true });
            }
        }
        let removed = old.keys().filter(|id| !new_ids.contains(*id)).count();
        let summary = ImportSummary {
            candidates: outcome.candidates.len(),
            added,
            updated,
            removed,
            flagged: flagged.clone(),
            warnings: outcome.warnings,
        };
        let entry = LogEntry::now(
            &self.member,
            &self.draft_name,
            Event::Import {
                file: source.to_owned(),
                candidates: summary.candidates,
                added,
                updated,
                removed,
                flagged,
            },
            None,
        );
        self.store.replace_pool(&stored, entry)?;
        self.pool = Pool::new(stored, &self.reference);
        self.draft = DraftState::new(&self.pool, &self.rules, self.draft.record().clone());
        Ok(summary)
    }
}

/// Default database folder: `$PANEL_DRAFT_DB`, else the user's data folder.
pub fn default_db_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "un-panel", "panel-draft")
        .map(|d| d.data_dir().join("db"))
        .unwrap_or_else(|| PathBuf::from(".panel-draft-db"))
}

/// `$USER` (or `$USERNAME`), else "committee".
pub fn default_member() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "committee".into())
}
