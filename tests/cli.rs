//! The command line on the bundled sample pool, as the core issue's "done
//! when" describes: a complete, rule-abiding panel of 40 gives `status`
//! exit 0; a third national, a third member of one institution (through an
//! alias spelling), a UN staff member and a late application are refused
//! with the reason.

use std::path::Path;
use std::process::Command;

use panel_draft::rules::eligibility;
use panel_draft::session::{Config, Session};

const EXE: &str = env!("CARGO_BIN_EXE_panel-draft");

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(EXE)
        .arg("--db")
        .arg(db)
        .arg("--member")
        .arg("cli-test")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn imported() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let (code, out, _) = run(&db, &["import", "--sample"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("imported 2700 candidates"), "{out}");
    (tmp, db)
}

/// Reads the pool in-process to choose ids for the scenario.
fn with_session<T>(db: &Path, f: impl FnOnce(&Session) -> T) -> T {
    let cfg = Config {
        db: db.to_path_buf(),
        rules: None,
        countries: None,
        aliases: None,
        member: "x".into(),
        draft: None,
    };
    let s = Session::open(&cfg).unwrap();
    f(&s)
}

#[test]
fn a_complete_panel_of_forty_passes_status() {
    let (_tmp, db) = imported();
    let (code, out, _) = run(&db, &["complete", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<String> = v["add"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 40);
    let (code, _, _) = run(&db, &["status"]);
    assert_eq!(code, 1, "an empty draft is not complete");
    let mut args = vec!["add"];
    args.extend(ids.iter().map(String::as_str));
    let (code, out, err) = run(&db, &args);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = run(&db, &["status"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("40/40 members — complete, every rule holds ✓"),
        "{out}"
    );
    let (_, json, _) = run(&db, &["status", "--json"]);
    let st: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(st["size"], 40);
    assert_eq!(st["complete"], true);
    assert_eq!(st["feasible"], true);
    assert!(
        st["rules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["ok"] == true)
    );
    for key in [
        "nationality",
        "affiliation",
        "gender",
        "region",
        "development",
        "fields",
    ] {
        assert!(st["counts"][key].is_object(), "counts.{key}");
    }
    // Exports leave contact data out unless asked.
    let (_, md, _) = run(&db, &["export", "--format", "md"]);
    assert!(md.contains("| 1 |") && !md.contains("@example."), "{md}");
    let (_, csv, _) = run(&db, &["export", "--format", "csv", "--include-contact"]);
    assert!(csv.contains("@example."));
}

#[test]
fn hard_rules_refuse_with_the_reason() {
    let (_tmp, db) = imported();
    let picks = with_session(&db, |s| {
        let pool = s.pool();
        let eligible = |ix: u32| eligibility(s.rules(), pool.facts(ix)).is_none();
        let single = |ix: u32| {
            pool.facts(ix).nationalities.len() == 1 && pool.facts(ix).affiliations.len() == 1
        };
        // Three eligible nationals of one country, at three institutions.
        let kenyans: Vec<String> = pool
            .ixs()
            .filter(|&ix| eligible(ix) && single(ix) && pool.primary_nationality(ix) == "KEN")
            .fold(Vec::<u32>::new(), |mut acc, ix| {
                if !acc
                    .iter()
                    .any(|&a| pool.facts(a).affiliations == pool.facts(ix).affiliations)
                {
                    acc.push(ix);
                }
                acc
            })
            .into_iter()
            .take(3)
            .map(|ix| pool.candidate(ix).id.clone())
            .collect();
        // Three eligible MIT people of three nationalities, the third written "MIT" or "M.I.T.".
        let mit: Vec<u32> = pool
            .ixs()
            .filter(|&ix| {
                eligible(ix)
                    && single(ix)
                    && pool.primary_affiliation(ix) == "Massachusetts Institute of Technology"
            })
            .collect();
        let full = mit.iter().copied().filter(|&ix| {
            pool.candidate(ix).affiliations[0] == "Massachusetts Institute of Technology"
        });
        let mut chosen: Vec<u32> = Vec::new();
        for ix in full {
            if chosen.len() < 2
                && !chosen
                    .iter()
                    .any(|&c| pool.facts(c).nationalities == pool.facts(ix).nationalities)
            {
                chosen.push(ix);
            }
        }
        let alias = mit.iter().copied().find(|&ix| {
            matches!(
                pool.candidate(ix).affiliations[0].as_str(),
                "MIT" | "M.I.T."
            ) && !chosen
                .iter()
                .any(|&c| pool.facts(c).nationalities == pool.facts(ix).nationalities)
        });
        chosen.extend(alias);
        let staff = pool
            .ixs()
            .find(|&ix| pool.facts(ix).un_staff && pool.facts(ix).submitted.is_some())
            .unwrap();
        let late = pool
            .ixs()
            .find(|&ix| {
                !pool.facts(ix).un_staff
                    && pool
                        .facts(ix)
                        .submitted
                        .is_some_and(|d| d > s.rules().deadline)
            })
            .unwrap();
        (
            kenyans,
            chosen
                .iter()
                .map(|&ix| pool.candidate(ix).id.clone())
                .collect::<Vec<_>>(),
            pool.candidate(staff).id.clone(),
            pool.candidate(late).id.clone(),
        )
    });
    let (kenyans, mit, staff, late) = picks;
    assert_eq!(kenyans.len(), 3, "the sample has three eligible Kenyans");
    assert_eq!(mit.len(), 3, "the sample has MIT under an alias");

    let (code, _, err) = run(&db, &["add", &kenyans[0], &kenyans[1]]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&db, &["add", &kenyans[2]]);
    assert_eq!(code, 1);
    assert!(
        err.contains("Kenya (KEN) already has 2 members in the draft"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");

    let (code, _, err) = run(&db, &["add", &mit[0], &mit[1]]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&db, &["add", &mit[2]]);
    assert_eq!(code, 1);
    assert!(
        err.contains("Massachusetts Institute of Technology already has 2 members"),
        "{err}"
    );

    let (code, _, err) = run(&db, &["add", &staff]);
    assert_eq!(code, 1);
    assert!(
        err.contains("employees of the United Nations system cannot be members"),
        "{err}"
    );
    let (code, _, err) = run(&db, &["add", &late]);
    assert_eq!(code, 1);
    assert!(err.contains("after the 2025-10-31 deadline"), "{err}");

    // All-or-nothing: a batch with one refusal adds nobody.
    let (_, before, _) = run(&db, &["status", "--json"]);
    let (code, _, _) = run(&db, &["add", "C00100", &staff]);
    assert_eq!(code, 1);
    let (_, after, _) = run(&db, &["status", "--json"]);
    assert_eq!(before, after);

    let (code, _, err) = run(&db, &["add", "NO-SUCH-ID"]);
    assert_eq!(code, 1);
    assert!(err.contains("no candidate with id 'NO-SUCH-ID'"), "{err}");
}

#[test]
fn search_folds_accents_and_every_command_has_help() {
    let (_tmp, db) = imported();
    for (query, expect) in [
        ("jose", "José"),
        ("overgard", "Øvergård"),
        ("nguyen", "Nguyễn"),
    ] {
        let (code, out, _) = run(&db, &["search", query, "--limit", "3"]);
        assert_eq!(code, 0);
        assert!(out.contains(expect), "{query}: {out}");
    }
    for cmd in [
        "import",
        "add",
        "remove",
        "swap",
        "undo",
        "redo",
        "role",
        "note",
        "flag",
        "shortlist",
        "discuss",
        "drafts",
        "compare",
        "status",
        "export",
        "search",
        "suggest",
        "complete",
        "replace",
        "log",
        "tui",
    ] {
        let (code, out, _) = run(&db, &[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd} --help");
        assert!(out.contains("Usage"), "{cmd}: {out}");
    }
}

#[test]
fn bad_import_names_the_line_and_changes_nothing() {
    let (tmp, db) = imported();
    let bad = tmp.path().join("bad.csv");
    std::fs::write(&bad, "id,name,gender,nationality,affiliation,fields,submitted\nX1,Ana,f,Kenia,U,Governance,2025-10-01\n").unwrap();
    let (_, before, _) = run(&db, &["log", "--json"]);
    let (code, _, err) = run(&db, &["import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 2")
            && err.contains("unknown country 'Kenia'")
            && err.contains("did you mean 'Kenya'"),
        "{err}"
    );
    let (_, after, _) = run(&db, &["log", "--json"]);
    assert_eq!(before, after, "a failed import changes nothing");
    let (_, search, _) = run(&db, &["search", "", "--limit", "1"]);
    assert!(search.contains("2700 matches"), "{search}");
}
