//! The durable draft: reopen keeps everything, a second process is told
//! the database is in use, damage gives a message, re-import keeps and
//! flags drafted candidates, and the log records every change.

mod common;

use common::*;
use panel_draft::audit::Event;
use panel_draft::domain::Gender;
use panel_draft::draft::Action;
use panel_draft::session::{Config, Error, Session};
use panel_draft::store::{Store, StoreError};

fn config(dir: &std::path::Path) -> Config {
    Config {
        db: dir.join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: "tester".into(),
        draft: None,
    }
}

fn with_pool(cfg: &Config) -> Session {
    let mut s = Session::open(cfg).unwrap();
    s.import(outcome(balanced_pool()), "test pool").unwrap();
    s
}

#[test]
fn reopening_shows_the_same_draft_and_history() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    {
        let mut s = with_pool(&cfg);
        s.apply(
            Action::Add { id: "B01".into() },
            Some("strong on safety".into()),
        )
        .unwrap();
        s.apply(Action::Add { id: "B02".into() }, None).unwrap();
        s.apply(
            Action::Swap {
                outgoing: "B01".into(),
                incoming: "B03".into(),
                role: None,
            },
            None,
        )
        .unwrap();
        s.apply(Action::Undo, None).unwrap();
    }
    let mut s = Session::open(&cfg).unwrap();
    let ids: Vec<&str> = s
        .draft()
        .members()
        .iter()
        .map(|&ix| s.pool().candidate(ix).id.as_str())
        .collect();
    assert_eq!(ids, vec!["B01", "B02"]);
    assert_eq!(s.pool().len(), 40);
    // Redo survives the restart.
    s.apply(Action::Redo, None).unwrap();
    let log = s.log().unwrap();
    let kinds: Vec<String> = log
        .iter()
        .map(|e| match &e.event {
            Event::Import { .. } => "import".to_string(),
            Event::Draft { action, .. } => serde_json::to_value(action).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(kinds, vec!["import", "add", "add", "swap", "undo", "redo"]);
    assert_eq!(log[1].reason.as_deref(), Some("strong on safety"));
    assert!(log.iter().all(|e| e.member == "tester"));
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
}

#[test]
fn a_second_process_gets_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("db");
    let _first = Store::open(&dir).unwrap();
    // sled's lock is per process (flock), so use a child process.
    let exe = env!("CARGO_BIN_EXE_panel-draft");
    let out = std::process::Command::new(exe)
        .args(["status", "--db"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("is open in another panel-draft process"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn database_folder_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("db");
    let _s = Store::open(&dir).unwrap();
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn damaged_database_gives_a_message_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    {
        let mut s = with_pool(&cfg);
        s.apply(Action::Add { id: "B01".into() }, None).unwrap();
    }
    // Truncate every file sled wrote.
    for entry in walk(&cfg.db) {
        let len = std::fs::metadata(&entry).unwrap().len();
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&entry)
            .unwrap();
        f.set_len(len / 3).unwrap();
    }
    match Session::open(&cfg) {
        Err(Error::Store(e)) => {
            let text = e.to_string();
            assert!(text.contains(&cfg.db.display().to_string()), "{text}");
        }
        Err(other) => panic!("unexpected error kind: {other}"),
        // sled may recover a consistent prefix from a truncated log; then
        // what it shows must still be a readable database.
        Ok(s) => assert!(s.pool().len() <= 40),
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn read_only_database_folder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("db");
    drop(Store::open(&dir).unwrap());
    // root ignores permission bits; the immutable attribute binds root too.
    let immutable = is_root()
        && std::process::Command::new("chattr")
            .arg("+i")
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
    if !immutable {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    }
    let result = Store::open(&dir);
    if immutable {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&dir)
            .status();
    } else {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    if is_root() && !immutable {
        eprintln!("skipped: running as root without chattr, permissions cannot be tested");
        return;
    }
    match result {
        Err(e @ StoreError::ReadOnly(_)) => {
            assert!(e.to_string().contains("is not writable"), "{e}")
        }
        Err(other) => panic!("unexpected error: {other}"),
        Ok(_) => panic!("a read-only database folder was opened"),
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

#[test]
fn reimport_upserts_keeps_the_draft_and_flags_the_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    let mut s = with_pool(&cfg);
    s.apply(Action::Add { id: "B01".into() }, None).unwrap();
    s.apply(Action::Add { id: "B02".into() }, None).unwrap();
    let mut next: Vec<_> = balanced_pool()
        .into_iter()
        .filter(|c| c.id != "B01")
        .collect();
    next[0].name = "Renamed Person".into();
    next.push(person("NEW", Gender::Female, &["JPN"], &["New U"], &[3]));
    let summary = s.import(outcome(next), "v2").unwrap();
    assert_eq!((summary.added, summary.updated, summary.removed), (1, 1, 1));
    assert_eq!(summary.flagged, vec!["B01".to_string()]);
    drop(s);
    let s = Session::open(&cfg).unwrap();
    assert_eq!(s.draft().members().len(), 2, "the draft is kept");
    let b01 = s.pool().ix("B01").unwrap();
    assert!(s.pool().facts(b01).missing);
    let report = s.report();
    let in_pool = report
        .rules
        .iter()
        .find(|r| r.id == "in-pool")
        .expect("flagged in the report");
    assert!(!in_pool.ok && in_pool.detail.contains("B01"));
}

#[test]
fn refused_batch_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    let mut s = with_pool(&cfg);
    let err = s
        .apply_all(
            vec![
                Action::Add { id: "B01".into() },
                Action::Add {
                    id: "nobody".into(),
                },
            ],
            None,
        )
        .unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert_eq!(s.draft().members().len(), 0);
    drop(s);
    let s = Session::open(&cfg).unwrap();
    assert_eq!(s.draft().members().len(), 0);
    assert_eq!(s.log().unwrap().len(), 1, "only the import is logged");
}

#[test]
fn every_bad_pool_file_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    let mut s = with_pool(&cfg);
    s.apply(Action::Add { id: "B01".into() }, None).unwrap();
    let before = (s.log().unwrap(), s.pool().len(), s.draft().record().clone());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut tried = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        assert!(
            s.import_file(&path).is_err(),
            "{} was accepted",
            path.display()
        );
        tried += 1;
    }
    assert!(tried >= 25, "the corpus has {tried} files");
    drop(s);
    let s = Session::open(&cfg).unwrap();
    assert_eq!(
        (s.log().unwrap(), s.pool().len(), s.draft().record().clone()),
        before
    );
}

#[test]
fn reimport_keeps_the_members_of_every_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path());
    let mut s = with_pool(&cfg);
    s.apply(Action::Add { id: "B01".into() }, None).unwrap();
    s.apply(
        Action::CreateDraft {
            name: "other".into(),
        },
        None,
    )
    .unwrap();
    s.apply(
        Action::SwitchDraft {
            name: "other".into(),
        },
        None,
    )
    .unwrap();
    s.apply(Action::Add { id: "B02".into() }, None).unwrap();
    let next: Vec<_> = balanced_pool()
        .into_iter()
        .filter(|c| c.id != "B01" && c.id != "B02")
        .collect();
    let summary = s.import(outcome(next), "v2").unwrap();
    let mut flagged = summary.flagged.clone();
    flagged.sort();
    assert_eq!(flagged, vec!["B01".to_string(), "B02".to_string()]);
    let main = s.load_draft("main").unwrap();
    assert_eq!(main.members().len(), 1, "the other draft keeps its member");
    assert!(s.pool().facts(s.pool().ix("B01").unwrap()).missing);
    assert_eq!(s.draft().members().len(), 1);
}
