//! The sled database: the pool, the drafts and the audit log. Every write
//! is one atomic sled transaction followed by `flush()`, so a change is on
//! disk before the caller reports it as done.
//!
//! Layout (schema 2): tree `meta` (schema version, name of the current pool
//! tree, current draft, candidate under discussion), one tree per pool
//! generation (`pool-N`: id → candidate), tree `drafts` (name → draft
//! record), tree `annotations` (candidate id → notes and marks), tree `log`
//! (big-endian sequence → entry). Values are one schema-version byte
//! followed by JSON.
//!
//! Schema 1 (the first release) had no `annotations` tree and no current
//! draft; [`Store::open`] upgrades it in place (see `migrate`).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use crate::audit::LogEntry;
use crate::draft::DraftRecord;
use crate::pool::Stored;

pub const SCHEMA_VERSION: u8 = 2;
const KEY_SCHEMA: &[u8] = b"schema";
const KEY_POOL_TREE: &[u8] = b"pool_tree";
pub const KEY_CURRENT_DRAFT: &[u8] = b"current_draft";
pub const KEY_DISCUSSING: &[u8] = b"discussing";
/// Candidates per pool record.
const POOL_CHUNK: usize = 2000;
const CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// The trees a [`Write`] can touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeId {
    Meta,
    Drafts,
    Annotations,
}

/// One key to set (or delete, with `None`) in an atomic [`Store::commit`].
#[derive(Debug, Clone)]
pub struct Write {
    pub tree: TreeId,
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
}

impl Write {
    pub fn put<T: Serialize>(tree: TreeId, key: impl Into<Vec<u8>>, value: &T) -> Write {
        Write {
            tree,
            key: key.into(),
            value: Some(encode(value)),
        }
    }

    pub fn delete(tree: TreeId, key: impl Into<Vec<u8>>) -> Write {
        Write {
            tree,
            key: key.into(),
            value: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the draft database {0} is open in another panel-draft process\n  hint: close the other window (or wait for it), or use --db to open another database"
    )]
    Locked(PathBuf),
    #[error(
        "the draft database {0} is not writable\n  hint: check the folder's permissions, or use --db to choose another folder"
    )]
    ReadOnly(PathBuf),
    #[error(
        "the draft database {dir} is damaged or not a panel-draft database: {detail}\n  hint: restore it from a backup, or use --db to start a new database"
    )]
    Corrupt { dir: PathBuf, detail: String },
    #[error(
        "the draft database {dir} was written by a newer panel-draft (schema {found}, this program knows {SCHEMA_VERSION})\n  hint: use the newer program"
    )]
    TooNew { dir: PathBuf, found: u8 },
    #[error("cannot use the draft database {dir}: {detail}")]
    Io { dir: PathBuf, detail: String },
}

pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    drafts: sled::Tree,
    annotations: sled::Tree,
    log: sled::Tree,
}

impl Store {
    /// Opens (creating owner-only, 0700) the database folder.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let io = |e: std::io::Error| classify(dir, e);
        if !dir.exists() {
            std::fs::create_dir_all(dir).map_err(io)?;
            restrict(dir).map_err(io)?;
        } else if !dir.is_dir() {
            return Err(StoreError::Io {
                dir: dir.into(),
                detail: "it exists and is not a folder".into(),
            });
        }
        if std::fs::metadata(dir)
            .map(|m| m.permissions().readonly())
            .unwrap_or(false)
            || !writable(dir)
        {
            return Err(StoreError::ReadOnly(dir.into()));
        }
        let db = open_sled_retrying(dir)?;
        let sled_err = |e: sled::Error| from_sled(dir, e);
        let meta = db.open_tree("meta").map_err(sled_err)?;
        let drafts = db.open_tree("drafts").map_err(sled_err)?;
        let annotations = db.open_tree("annotations").map_err(sled_err)?;
        let log = db.open_tree("log").map_err(sled_err)?;
        let store = Store {
            dir: dir.into(),
            db,
            meta,
            drafts,
            annotations,
            log,
        };
        match store.meta.get(KEY_SCHEMA).map_err(sled_err)? {
            None => {
                store
                    .meta
                    .insert(KEY_SCHEMA, &[SCHEMA_VERSION])
                    .map_err(sled_err)?;
                store.flush()?;
            }
            Some(v) if v.first().copied() == Some(SCHEMA_VERSION) => {}
            Some(v) if v.first().copied() == Some(1) => store.migrate_from_1()?,
            Some(v) => {
                let found = v.first().copied().unwrap_or(0);
                if found > SCHEMA_VERSION {
                    return Err(StoreError::TooNew {
                        dir: dir.into(),
                        found,
                    });
                }
                return Err(StoreError::Corrupt {
                    dir: dir.into(),
                    detail: format!("unknown schema version {found}"),
                });
            }
        }
        store.drop_orphan_pools()?;
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Schema 1 → 2: every record is re-read with the new types (their new
    /// fields take their defaults: no roles, no annotations) and rewritten
    /// with the new version byte; the current draft becomes "main". One
    /// batch per tree, the schema key last, then a flush: an interrupted
    /// upgrade is simply done again at the next open.
    fn migrate_from_1(&self) -> Result<(), StoreError> {
        // Schema 1 kept one key per candidate; schema 2 keeps chunks.
        if let Some(old) = self.current_pool_tree()? {
            let mut pool = Vec::with_capacity(old.len());
            for kv in old.iter() {
                let (_, v) = kv.map_err(|e| self.err(e))?;
                pool.push(self.decode_v1::<Stored>(&v)?);
            }
            self.write_pool_tree(&pool, None)?;
        }
        self.reencode::<DraftRecord>(Some(&self.drafts))?;
        self.reencode::<LogEntry>(Some(&self.log))?;
        if self
            .meta
            .get(KEY_CURRENT_DRAFT)
            .map_err(|e| self.err(e))?
            .is_none()
        {
            self.meta
                .insert(KEY_CURRENT_DRAFT, encode(&"main".to_string()))
                .map_err(|e| self.err(e))?;
        }
        self.meta
            .insert(KEY_SCHEMA, &[SCHEMA_VERSION])
            .map_err(|e| self.err(e))?;
        self.flush()
    }

    fn decode_v1<T: DeserializeOwned>(&self, bytes: &[u8]) -> Result<T, StoreError> {
        match bytes.split_first() {
            Some((&1, json)) => serde_json::from_slice(json).map_err(|e| StoreError::Corrupt {
                dir: self.dir.clone(),
                detail: format!("cannot upgrade a schema-1 record: {e}"),
            }),
            _ => self.decode(bytes),
        }
    }

    fn reencode<T: Serialize + DeserializeOwned>(
        &self,
        tree: Option<&sled::Tree>,
    ) -> Result<(), StoreError> {
        let Some(tree) = tree else { return Ok(()) };
        let mut batch = sled::Batch::default();
        for kv in tree.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            if let Some((&1, json)) = v.split_first() {
                let value: T = serde_json::from_slice(json).map_err(|e| StoreError::Corrupt {
                    dir: self.dir.clone(),
                    detail: format!("cannot upgrade a schema-1 record: {e}"),
                })?;
                batch.insert(k, encode(&value));
            }
        }
        tree.apply_batch(batch).map_err(|e| self.err(e))
    }

    fn err(&self, e: sled::Error) -> StoreError {
        from_sled(&self.dir, e)
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(|_| ()).map_err(|e| self.err(e))
    }

    fn current_pool_tree(&self) -> Result<Option<sled::Tree>, StoreError> {
        match self.meta.get(KEY_POOL_TREE).map_err(|e| self.err(e))? {
            None => Ok(None),
            Some(name) => Ok(Some(self.db.open_tree(name).map_err(|e| self.err(e))?)),
        }
    }

    /// A crash during an import can leave a half-written pool tree that
    /// `meta` never pointed to: remove it.
    fn drop_orphan_pools(&self) -> Result<(), StoreError> {
        let current = self.meta.get(KEY_POOL_TREE).map_err(|e| self.err(e))?;
        for name in self.db.tree_names() {
            if name.starts_with(b"pool-") && Some(&name) != current.as_ref() {
                self.db.drop_tree(&name).map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }

    pub fn load_pool(&self) -> Result<Vec<Stored>, StoreError> {
        let Some(tree) = self.current_pool_tree()? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for kv in tree.iter() {
            let (_, v) = kv.map_err(|e| self.err(e))?;
            let chunk: Vec<Stored> = self.decode(&v)?;
            out.extend(chunk);
        }
        Ok(out)
    }

    /// Replaces the whole pool atomically: the new pool is written to a new
    /// tree and flushed, then one transaction points `meta` at it and
    /// appends the log entry. A crash at any point leaves either the old
    /// pool or the new one.
    pub fn replace_pool(&self, pool: &[Stored], entry: LogEntry) -> Result<(), StoreError> {
        self.write_pool_tree(pool, Some(entry))
    }

    /// Writes `pool` to a fresh tree, flushes, then switches `meta` to it
    /// (with the log entry) in one transaction and drops the old tree.
    fn write_pool_tree(&self, pool: &[Stored], entry: Option<LogEntry>) -> Result<(), StoreError> {
        let old = self.meta.get(KEY_POOL_TREE).map_err(|e| self.err(e))?;
        let name = format!("pool-{}", self.db.generate_id().map_err(|e| self.err(e))?);
        let tree = self.db.open_tree(&name).map_err(|e| self.err(e))?;
        // The pool is only ever replaced whole, so it is stored in chunks
        // rather than one key per candidate: 100k candidates load in 50
        // reads instead of 100k.
        let mut batch = sled::Batch::default();
        for (i, chunk) in pool.chunks(POOL_CHUNK).enumerate() {
            batch.insert(&(i as u64).to_be_bytes(), encode(&chunk));
        }
        tree.apply_batch(batch).map_err(|e| self.err(e))?;
        self.flush()?;
        let result: Result<(), TransactionError<()>> =
            (&self.meta, &self.log).transaction(|(meta, log)| {
                meta.insert(KEY_POOL_TREE, name.as_bytes())?;
                if let Some(entry) = &entry {
                    append(log, entry)?;
                }
                Ok(())
            });
        result.map_err(|e| self.tx_err(e))?;
        self.flush()?;
        if let Some(old) = old {
            self.db.drop_tree(old).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub fn draft(&self, name: &str) -> Result<Option<DraftRecord>, StoreError> {
        match self.drafts.get(name.as_bytes()).map_err(|e| self.err(e))? {
            None => Ok(None),
            Some(v) => self.decode(&v).map(Some),
        }
    }

    /// Stores the draft and appends the log entries in one transaction,
    /// then flushes. Returns only once the change is durable.
    pub fn commit_draft(
        &self,
        name: &str,
        record: &DraftRecord,
        entries: &[LogEntry],
    ) -> Result<(), StoreError> {
        self.commit(
            &[Write::put(TreeId::Drafts, name.as_bytes(), record)],
            entries,
        )
    }

    /// Applies `writes` and appends `entries` in one transaction, then
    /// flushes: all of it is on disk, or none of it.
    pub fn commit(&self, writes: &[Write], entries: &[LogEntry]) -> Result<(), StoreError> {
        let result: Result<(), TransactionError<()>> =
            (&self.meta, &self.drafts, &self.annotations, &self.log).transaction(
                |(meta, drafts, ann, log)| {
                    for w in writes {
                        let tree = match w.tree {
                            TreeId::Meta => meta,
                            TreeId::Drafts => drafts,
                            TreeId::Annotations => ann,
                        };
                        match &w.value {
                            Some(v) => tree.insert(w.key.as_slice(), v.as_slice())?,
                            None => tree.remove(w.key.as_slice())?,
                        };
                    }
                    for e in entries {
                        append(log, e)?;
                    }
                    Ok(())
                },
            );
        result.map_err(|e| self.tx_err(e))?;
        self.flush()
    }

    pub fn draft_names(&self) -> Result<Vec<String>, StoreError> {
        self.drafts
            .iter()
            .keys()
            .map(|k| {
                k.map(|k| String::from_utf8_lossy(&k).into_owned())
                    .map_err(|e| self.err(e))
            })
            .collect()
    }

    pub fn meta_value<T: DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>, StoreError> {
        match self.meta.get(key).map_err(|e| self.err(e))? {
            None => Ok(None),
            Some(v) => self.decode(&v).map(Some),
        }
    }

    /// Every candidate's notes and marks, by candidate id.
    pub fn annotations<T: DeserializeOwned>(&self) -> Result<Vec<(String, T)>, StoreError> {
        let mut out = Vec::new();
        for kv in self.annotations.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            out.push((String::from_utf8_lossy(&k).into_owned(), self.decode(&v)?));
        }
        Ok(out)
    }

    /// The whole log, oldest first.
    pub fn log(&self) -> Result<Vec<LogEntry>, StoreError> {
        let mut out = Vec::new();
        for kv in self.log.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let mut entry: LogEntry = self.decode(&v)?;
            entry.seq = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            out.push(entry);
        }
        Ok(out)
    }

    fn decode<T: DeserializeOwned>(&self, bytes: &[u8]) -> Result<T, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            dir: self.dir.clone(),
            detail,
        };
        match bytes.split_first() {
            Some((&SCHEMA_VERSION, json)) => {
                serde_json::from_slice(json).map_err(|e| corrupt(format!("unreadable record: {e}")))
            }
            Some((v, _)) => Err(corrupt(format!("record with unknown schema version {v}"))),
            None => Err(corrupt("empty record".into())),
        }
    }

    fn tx_err(&self, e: TransactionError<()>) -> StoreError {
        match e {
            TransactionError::Storage(e) => self.err(e),
            TransactionError::Abort(()) => StoreError::Io {
                dir: self.dir.clone(),
                detail: "transaction aborted".into(),
            },
        }
    }
}

fn append(
    log: &sled::transaction::TransactionalTree,
    entry: &LogEntry,
) -> Result<(), ConflictableTransactionError<()>> {
    let seq = log.generate_id()?;
    log.insert(&seq.to_be_bytes(), encode(entry))?;
    Ok(())
}

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = vec![SCHEMA_VERSION];
    // Serializing our own plain data types to JSON cannot fail.
    if let Err(e) = serde_json::to_writer(&mut out, value) {
        debug_assert!(false, "serialization failed: {e}");
    }
    out
}

/// sled releases its file lock from a background thread shortly after the
/// last handle is dropped, so a quick reopen (a restart, a test) can find
/// the lock still held: wait up to a second before saying the database is
/// in use by another process.
fn open_sled_retrying(dir: &Path) -> Result<sled::Db, StoreError> {
    let mut attempts = 0;
    loop {
        match open_sled(dir) {
            Err(StoreError::Locked(_)) if attempts < 20 => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

fn open_sled(dir: &Path) -> Result<sled::Db, StoreError> {
    // sled can panic on some damaged files instead of returning an error;
    // a damaged database must give a message, not a crash.
    let path = dir.to_path_buf();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    // sled's page cache defaults to 1 GB; the pool lives in our own
    // structures, so a small cache keeps a 100k pool well under 200 MB.
    let result = std::panic::catch_unwind(move || {
        sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
    });
    std::panic::set_hook(hook);
    match result {
        Ok(r) => r.map_err(|e| from_sled(dir, e)),
        Err(_) => Err(StoreError::Corrupt {
            dir: dir.into(),
            detail: "sled could not read its files".into(),
        }),
    }
}

fn from_sled(dir: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => classify(dir, io),
        sled::Error::Corruption { .. }
        | sled::Error::ReportableBug(_)
        | sled::Error::Unsupported(_) => StoreError::Corrupt {
            dir: dir.into(),
            detail: e.to_string(),
        },
        other => StoreError::Io {
            dir: dir.into(),
            detail: other.to_string(),
        },
    }
}

fn classify(dir: &Path, e: std::io::Error) -> StoreError {
    let text = e.to_string();
    if e.kind() == std::io::ErrorKind::WouldBlock || text.contains("could not acquire lock") {
        StoreError::Locked(dir.into())
    } else if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(30) {
        StoreError::ReadOnly(dir.into())
    } else {
        StoreError::Io {
            dir: dir.into(),
            detail: text,
        }
    }
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(".panel-draft-write-test");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

#[cfg(unix)]
fn restrict(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn restrict(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}
