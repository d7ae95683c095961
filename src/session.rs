//! The core service: one open database with its pool, rules and current
//! draft. The CLI and the TUI both drive a `Session`; a future server
//! process would own one and apply actions sent by several terminals.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::annotations::Annotations;
use crate::audit::{Event, LogEntry};
use crate::diag::InputError;
use crate::draft::{Action, DraftRecord, DraftState, Refusal, Step};
use crate::import::{ImportOutcome, parse_pool, read_pool};
use crate::pool::{Ix, Pool, Stored};
use crate::reference::Reference;
use crate::rules::{Preview, Report, Rules, load_rules, preview, report};
use crate::store::{KEY_CURRENT_DRAFT, KEY_DISCUSSING, Store, StoreError, TreeId, Write};

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
    /// The draft to work on; `None` for the one last switched to.
    pub draft: Option<String>,
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
    /// Shared so that the look-ahead can run on another thread.
    rules: Arc<Rules>,
    pool: Arc<Pool>,
    draft: DraftState,
    draft_name: String,
    member: String,
    annotations: Annotations,
    discussing: Option<String>,
}

/// What one applied action did.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    /// A seat or office change (with the change, for the status line).
    Draft(Step),
    /// A note, flag, shortlist mark, discussion change or draft operation.
    Other(String),
}

impl Session {
    pub fn open(cfg: &Config) -> Result<Session, Error> {
        let reference = Reference::load(cfg.countries.as_deref(), cfg.aliases.as_deref())?;
        let rules = Arc::new(load_rules(cfg.rules.as_deref())?);
        let store = Store::open(&cfg.db)?;
        let pool = Arc::new(Pool::new(store.load_pool()?, &reference));
        let draft_name = match &cfg.draft {
            Some(name) => name.clone(),
            None => store
                .meta_value::<String>(KEY_CURRENT_DRAFT)?
                .unwrap_or_else(|| DEFAULT_DRAFT.to_owned()),
        };
        let record = match store.draft(&draft_name)? {
            Some(r) => r,
            None if draft_name == DEFAULT_DRAFT => DraftRecord::default(),
            None => return Err(Error::Refused(unknown_draft(&store, &draft_name)?)),
        };
        let draft = DraftState::new(&pool, &rules, record);
        let annotations = Annotations::new(store.annotations()?);
        let discussing = store.meta_value::<String>(KEY_DISCUSSING)?;
        Ok(Session {
            store,
            reference,
            rules,
            pool,
            draft,
            draft_name,
            member: cfg.member.clone(),
            annotations,
            discussing,
        })
    }

    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// The candidate the room is discussing, if any.
    pub fn discussing(&self) -> Option<Ix> {
        self.discussing.as_deref().and_then(|id| self.pool.ix(id))
    }

    pub fn member(&self) -> &str {
        &self.member
    }

    /// Every draft's name ("main" always exists).
    pub fn draft_names(&self) -> Result<Vec<String>, Error> {
        let mut names = self.store.draft_names()?;
        if !names.iter().any(|n| n == DEFAULT_DRAFT) {
            names.insert(0, DEFAULT_DRAFT.to_owned());
        }
        Ok(names)
    }

    /// Another draft, loaded for comparison.
    pub fn load_draft(&self, name: &str) -> Result<DraftState, Error> {
        if name == self.draft_name {
            return Ok(self.draft.clone());
        }
        let record = match self.store.draft(name)? {
            Some(r) => r,
            None if name == DEFAULT_DRAFT => DraftRecord::default(),
            None => return Err(Error::Refused(unknown_draft(&self.store, name)?)),
        };
        Ok(DraftState::new(&self.pool, &self.rules, record))
    }

    pub fn report_for(&self, d: &DraftState) -> Report {
        report(
            &self.pool,
            &self.rules,
            d.counters(),
            &d.members(),
            &d.role_holders(&self.pool),
        )
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The pool and rules, shared (for work on another thread).
    pub fn shared(&self) -> (Arc<Pool>, Arc<Rules>) {
        (self.pool.clone(), self.rules.clone())
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
        report(
            &self.pool,
            &self.rules,
            self.draft.counters(),
            &self.draft.members(),
            &self.draft.role_holders(&self.pool),
        )
    }

    pub fn preview(&self, cand: Ix, replacing: Option<Ix>) -> Preview {
        preview(
            &self.pool,
            &self.rules,
            self.draft.counters(),
            &self.draft.members(),
            cand,
            replacing,
        )
    }

    pub fn log(&self) -> Result<Vec<LogEntry>, Error> {
        Ok(self.store.log()?)
    }

    /// Checks, stores (flushed) and only then applies one action.
    pub fn apply(&mut self, action: Action, reason: Option<String>) -> Result<Applied, Error> {
        if action.is_draft_change() {
            return self.apply_draft(action, reason).map(Applied::Draft);
        }
        let now = || humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
        let reason = reason.filter(|r| !r.trim().is_empty());
        match &action {
            Action::Note { id, .. } | Action::Flag { id, .. } | Action::Shortlist { id, .. } => {
                self.require_candidate(id)?;
                let (id, annotation) = self.annotations.plan(&action, &self.member, &now())?;
                let entry = LogEntry::now(
                    &self.member,
                    &self.draft_name,
                    Event::Candidate {
                        action: action.clone(),
                    },
                    reason,
                );
                self.store.commit(
                    &[Write::put(TreeId::Annotations, id.as_bytes(), &annotation)],
                    std::slice::from_ref(&entry),
                )?;
                self.annotations.set(id, annotation);
                Ok(Applied::Other(entry.summary_what()))
            }
            Action::Discuss { id } => {
                let id = id
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned);
                if let Some(id) = &id {
                    self.require_candidate(id)?;
                }
                let write = match &id {
                    Some(id) => Write::put(TreeId::Meta, KEY_DISCUSSING, id),
                    None => Write::delete(TreeId::Meta, KEY_DISCUSSING),
                };
                let action = Action::Discuss { id: id.clone() };
                let entry = LogEntry::now(
                    &self.member,
                    &self.draft_name,
                    Event::Candidate { action },
                    reason,
                );
                self.store.commit(&[write], std::slice::from_ref(&entry))?;
                self.discussing = id;
                Ok(Applied::Other(entry.summary_what()))
            }
            _ => self.apply_draft_op(action, reason),
        }
    }

    fn require_candidate(&self, id: &str) -> Result<Ix, Error> {
        self.pool
            .ix(id)
            .ok_or_else(|| Error::Refused(Refusal::UnknownCandidate(id.trim().to_owned())))
    }

    fn apply_draft(&mut self, action: Action, reason: Option<String>) -> Result<Step, Error> {
        let step = self.draft.plan(&self.pool, &self.rules, action)?;
        let entry = self.entry(&step, reason);
        self.store
            .commit_draft(&self.draft_name, &step.record, std::slice::from_ref(&entry))?;
        self.draft.commit(&self.pool, step.clone());
        Ok(step)
    }

    /// Create, clone, rename, delete and switch named drafts.
    fn apply_draft_op(&mut self, action: Action, reason: Option<String>) -> Result<Applied, Error> {
        let names = self.draft_names()?;
        let exists = |n: &str| names.iter().any(|x| x == n);
        let refuse = |msg: String| Err(Error::Refused(Refusal::Invalid(msg)));
        let mut writes = Vec::new();
        let mut switch_to = None;
        match &action {
            Action::CreateDraft { name } | Action::CloneDraft { name } => {
                let name = valid_name(name)?;
                if exists(&name) {
                    return refuse(format!("a draft named '{name}' already exists"));
                }
                let record = match action {
                    Action::CloneDraft { .. } => self.draft.record().clone(),
                    _ => DraftRecord::default(),
                };
                writes.push(Write::put(TreeId::Drafts, name.as_bytes(), &record));
            }
            Action::RenameDraft { from, to } => {
                let to = valid_name(to)?;
                if !exists(from) {
                    return Err(Error::Refused(unknown_draft(&self.store, from)?));
                }
                if exists(&to) {
                    return refuse(format!("a draft named '{to}' already exists"));
                }
                let record = self.load_draft(from)?.record().clone();
                writes.push(Write::delete(TreeId::Drafts, from.as_bytes()));
                writes.push(Write::put(TreeId::Drafts, to.as_bytes(), &record));
                if *from == self.draft_name {
                    writes.push(Write::put(TreeId::Meta, KEY_CURRENT_DRAFT, &to));
                    switch_to = Some(to);
                }
            }
            Action::DeleteDraft { name } => {
                if !exists(name) {
                    return Err(Error::Refused(unknown_draft(&self.store, name)?));
                }
                if *name == self.draft_name {
                    return refuse(format!(
                        "'{name}' is the draft in use: switch to another draft first"
                    ));
                }
                writes.push(Write::delete(TreeId::Drafts, name.as_bytes()));
            }
            Action::SwitchDraft { name } => {
                if !exists(name) {
                    return Err(Error::Refused(unknown_draft(&self.store, name)?));
                }
                writes.push(Write::put(TreeId::Meta, KEY_CURRENT_DRAFT, name));
                switch_to = Some(name.clone());
            }
            other => return refuse(format!("not a draft operation: {other:?}")),
        }
        let entry = LogEntry::now(
            &self.member,
            &self.draft_name,
            Event::Drafts {
                action: action.clone(),
            },
            reason,
        );
        self.store.commit(&writes, std::slice::from_ref(&entry))?;
        if let Some(name) = switch_to {
            let state = if matches!(action, Action::RenameDraft { .. }) {
                self.draft.clone()
            } else {
                self.load_draft(&name)?
            };
            self.draft = state;
            self.draft_name = name;
        }
        Ok(Applied::Other(entry.summary_what()))
    }

    /// Applies several actions all or nothing: each is checked against the
    /// draft as the previous ones leave it; one refusal and none is stored.
    pub fn apply_all(
        &mut self,
        actions: Vec<Action>,
        reason: Option<String>,
    ) -> Result<Vec<Step>, Error> {
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
        if let Some(a) = steps
            .iter()
            .map(|s| &s.action)
            .find(|a| !a.is_draft_change())
        {
            return Err(Error::Refused(Refusal::Invalid(format!(
                "only seat and office changes can be batched: {a:?}"
            ))));
        }
        let entries: Vec<LogEntry> = steps
            .iter()
            .map(|s| self.entry(s, reason.clone()))
            .collect();
        self.store
            .commit_draft(&self.draft_name, &last.record, &entries)?;
        self.draft = scratch;
        Ok(steps)
    }

    fn entry(&self, step: &Step, reason: Option<String>) -> LogEntry {
        LogEntry::now(
            &self.member,
            &self.draft_name,
            Event::Draft {
                action: step.action.clone(),
                change: step.change.clone(),
            },
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
        let old: std::collections::HashMap<&str, &crate::domain::Candidate> = self
            .pool
            .ixs()
            .map(|ix| (self.pool.candidate(ix).id.as_str(), self.pool.candidate(ix)))
            .collect();
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
        // Members of every draft (and every office holder, which is a
        // member) are kept, not only those of the current draft.
        let mut drafted: Vec<Ix> = Vec::new();
        for name in self.draft_names()? {
            for ix in self.load_draft(&name)?.members() {
                if !drafted.contains(&ix) {
                    drafted.push(ix);
                }
            }
        }
        let mut flagged = Vec::new();
        let mut missing: Vec<Stored> = Vec::new();
        for ix in drafted {
            let c = self.pool.candidate(ix);
            if !new_ids.contains(c.id.as_str()) {
                flagged.push(c.id.clone());
                missing.push(Stored {
                    candidate: c.clone(),
                    missing: true,
                });
            }
        }
        let removed = old.keys().filter(|id| !new_ids.contains(*id)).count();
        drop(new_ids);
        drop(old);
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
        let count = outcome.candidates.len();
        let mut stored: Vec<Stored> = Vec::with_capacity(count + missing.len());
        stored.extend(outcome.candidates.into_iter().map(|candidate| Stored {
            candidate,
            missing: false,
        }));
        stored.extend(missing);
        self.store.replace_pool(&stored, entry)?;
        self.pool = Arc::new(Pool::new(stored, &self.reference));
        self.draft = DraftState::new(&self.pool, &self.rules, self.draft.record().clone());
        Ok(summary)
    }
}

fn valid_name(name: &str) -> Result<String, Error> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 40 || name.chars().any(char::is_control) {
        return Err(Error::Refused(Refusal::Invalid(
            "a draft name is 1 to 40 characters, without control characters".into(),
        )));
    }
    Ok(name.to_owned())
}

fn unknown_draft(store: &Store, name: &str) -> Result<Refusal, Error> {
    let mut names = store.draft_names()?;
    if !names.iter().any(|n| n == DEFAULT_DRAFT) {
        names.insert(0, DEFAULT_DRAFT.to_owned());
    }
    Ok(Refusal::Invalid(format!(
        "no draft named '{name}' (drafts: {})",
        names.join(", ")
    )))
}

/// Default database folder: `$PANEL_DRAFT_DB`, else the user's data folder.
pub fn default_db_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "un-panel", "panel-draft")
        .map(|d| d.data_dir().join("db"))
        .unwrap_or_else(|| PathBuf::from(".panel-draft-db"))
}

/// `$USER` (or `$USERNAME`), else "committee".
pub fn default_member() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "committee".into())
}
