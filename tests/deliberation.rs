//! The deliberation record: offices, notes and marks, the discussion
//! queue, named drafts with compare, the audit log, and the upgrade of a
//! database written by the first schema.

mod common;

use common::*;
use panel_draft::audit::Event;
use panel_draft::domain::Role;
use panel_draft::draft::{Action, Refusal, RoleFate};
use panel_draft::rules::Status;
use panel_draft::session::{Applied, Config, Error, Session};

fn config(dir: &std::path::Path, member: &str) -> Config {
    Config {
        db: dir.join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: member.into(),
        draft: None,
    }
}

fn session(dir: &std::path::Path) -> Session {
    let mut s = Session::open(&config(dir, "alice")).unwrap();
    s.import(outcome(balanced_pool()), "pool").unwrap();
    s
}

fn ok(s: &mut Session, a: Action) -> Applied {
    s.apply(a, None).unwrap_or_else(|e| panic!("{e}"))
}

fn role(s: &mut Session, id: &str, r: Option<Role>) -> Result<Applied, Error> {
    s.apply(
        Action::SetRole {
            id: id.into(),
            role: r,
        },
        None,
    )
}

fn rule<'a>(r: &'a panel_draft::rules::Report, id: &str) -> &'a panel_draft::rules::RuleStatus {
    r.rules
        .iter()
        .find(|x| x.id == id)
        .unwrap_or_else(|| panic!("no rule {id}"))
}

// balanced_pool: B00..B07 African (B00 KEN f, B01 NGA m, ...), B08..B15
// Asia-Pacific, B16..B23 Eastern European, B24..B31 GRULAC, B32..B39 WEOG
// (B32 USA f, B33 DEU m, ...). Even numbers are women.

#[test]
fn office_rules_and_limits() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    for id in ["B00", "B01", "B02", "B08", "B32", "B33", "B34"] {
        ok(&mut s, Action::Add { id: id.into() });
    }
    role(&mut s, "B00", Some(Role::CoChair)).unwrap();
    let r = s.report();
    assert_eq!(
        rule(&r, "co-chairs").status,
        Status::Fail,
        "one co-chair alone is not enough"
    );
    // Two developing-country co-chairs: refused? No, reported.
    role(&mut s, "B01", Some(Role::CoChair)).unwrap();
    let r = s.report();
    assert_eq!(rule(&r, "co-chairs").status, Status::Ok);
    assert_eq!(
        rule(&r, "co-chairs-development").status,
        Status::Fail,
        "KEN and NGA are both developing"
    );
    // A third co-chair is refused.
    let e = role(&mut s, "B33", Some(Role::CoChair)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Refused(Refusal::RoleLimit {
                role: Role::CoChair,
                limit: 2,
                ..
            })
        ),
        "{e}"
    );
    // Replace B01 (NGA, man) by B33 (DEU, man) as co-chair: developed + developing, F + M.
    role(&mut s, "B01", None).unwrap();
    role(&mut s, "B33", Some(Role::CoChair)).unwrap();
    let r = s.report();
    assert_eq!(rule(&r, "co-chairs-development").status, Status::Ok);
    assert_eq!(rule(&r, "co-chairs-gender").status, Status::Ok);
    // Same gender is reported.
    role(&mut s, "B33", None).unwrap();
    role(&mut s, "B32", Some(Role::CoChair)).unwrap();
    assert_eq!(
        rule(&s.report(), "co-chairs-gender").status,
        Status::Fail,
        "KEN f and USA f"
    );
    // Vice-chairs: three allowed, a fourth refused; chairs per region counted.
    for id in ["B01", "B02", "B08"] {
        role(&mut s, id, Some(Role::ViceChair)).unwrap();
    }
    assert!(role(&mut s, "B34", Some(Role::ViceChair)).is_err());
    let r = s.report();
    assert_eq!(rule(&r, "vice-chairs").count, Some(3));
    let per_region = rule(&r, "chairs-region");
    assert_eq!(
        per_region.status,
        Status::Fail,
        "B00, B01, B02 are all African"
    );
    assert!(
        per_region.detail.contains("African 3"),
        "{}",
        per_region.detail
    );
}

#[test]
fn removing_or_swapping_an_office_holder_asks_what_happens() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    ok(&mut s, Action::Add { id: "B00".into() });
    ok(&mut s, Action::Add { id: "B33".into() });
    role(&mut s, "B00", Some(Role::CoChair)).unwrap();
    // Without saying, a swap that removes a co-chair is refused.
    let e = s
        .apply(
            Action::Swap {
                outgoing: "B00".into(),
                incoming: "B02".into(),
                role: None,
            },
            None,
        )
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Refused(Refusal::HoldsRole {
                role: Role::CoChair,
                ..
            })
        ),
        "{e}"
    );
    assert_eq!(
        s.draft().role_of("B00"),
        Some(Role::CoChair),
        "nothing changed"
    );
    // Transfer: the newcomer is co-chair.
    ok(
        &mut s,
        Action::Swap {
            outgoing: "B00".into(),
            incoming: "B02".into(),
            role: Some(RoleFate::Transfer),
        },
    );
    assert_eq!(s.draft().role_of("B02"), Some(Role::CoChair));
    assert_eq!(s.draft().role_of("B00"), None);
    // Undo restores the old co-chair in office.
    ok(&mut s, Action::Undo);
    assert_eq!(s.draft().role_of("B00"), Some(Role::CoChair));
    assert_eq!(s.draft().role_of("B02"), None);
    // Removing with the office dropped; undo brings both back.
    assert!(
        s.apply(
            Action::Remove {
                id: "B00".into(),
                role: None
            },
            None
        )
        .is_err()
    );
    ok(
        &mut s,
        Action::Remove {
            id: "B00".into(),
            role: Some(RoleFate::Drop),
        },
    );
    assert!(s.draft().record().roles.is_empty());
    ok(&mut s, Action::Undo);
    assert_eq!(s.draft().role_of("B00"), Some(Role::CoChair));
    // "Transfer" on a removal has no one to transfer to.
    assert!(
        s.apply(
            Action::Remove {
                id: "B00".into(),
                role: Some(RoleFate::Transfer)
            },
            None
        )
        .is_err()
    );
}

#[test]
fn notes_flags_shortlist_and_discussion_queue() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    ok(
        &mut s,
        Action::Note {
            id: "B05".into(),
            text: "Strong on governance.".into(),
        },
    );
    ok(
        &mut s,
        Action::Flag {
            id: "B07".into(),
            on: true,
        },
    );
    ok(
        &mut s,
        Action::Flag {
            id: "B05".into(),
            on: true,
        },
    );
    ok(
        &mut s,
        Action::Shortlist {
            id: "B05".into(),
            on: true,
        },
    );
    assert!(
        s.apply(
            Action::Note {
                id: "B05".into(),
                text: "   ".into()
            },
            None
        )
        .is_err(),
        "empty notes refused"
    );
    assert!(
        s.apply(
            Action::Flag {
                id: "nobody".into(),
                on: true
            },
            None
        )
        .is_err()
    );
    assert_eq!(
        s.annotations().queue(),
        vec!["B07".to_string(), "B05".to_string()],
        "flag order"
    );
    ok(
        &mut s,
        Action::Discuss {
            id: Some("B07".into()),
        },
    );
    drop(s);
    // Everything survives a restart; flags are independent of the draft.
    let s = Session::open(&config(tmp.path(), "bob")).unwrap();
    let notes = s.annotations().notes("B05");
    assert_eq!(
        (
            notes.len(),
            notes[0].author.as_str(),
            notes[0].text.as_str()
        ),
        (1, "alice", "Strong on governance.")
    );
    assert!(s.annotations().is_shortlisted("B05") && s.annotations().is_flagged("B05"));
    assert_eq!(s.discussing(), s.pool().ix("B07"));
    assert_eq!(s.draft().counters().size, 0);
    assert_eq!(
        panel_draft::cli::step_queue(&s.annotations().queue(), Some("B07"), true).as_deref(),
        Some("B05")
    );
    assert_eq!(
        panel_draft::cli::step_queue(&s.annotations().queue(), Some("B05"), true).as_deref(),
        Some("B07")
    );
}

#[test]
fn named_drafts_have_their_own_members_and_history_and_compare() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    ok(&mut s, Action::Add { id: "B00".into() });
    ok(&mut s, Action::Add { id: "B01".into() });
    ok(
        &mut s,
        Action::CloneDraft {
            name: "more industry".into(),
        },
    );
    ok(
        &mut s,
        Action::SwitchDraft {
            name: "more industry".into(),
        },
    );
    assert_eq!(s.draft_name(), "more industry");
    ok(
        &mut s,
        Action::Swap {
            outgoing: "B01".into(),
            incoming: "B03".into(),
            role: None,
        },
    );
    ok(&mut s, Action::Add { id: "B08".into() });
    // Undo in the clone does not touch main.
    ok(&mut s, Action::Undo);
    let cmp = panel_draft::export::compare(&s, "main", "more industry").unwrap();
    assert_eq!(
        cmp.only_in_a,
        vec![("B01".to_string(), "Person B01".to_string())]
    );
    assert_eq!(
        cmp.only_in_b,
        vec![("B03".to_string(), "Person B03".to_string())]
    );
    let women = cmp.rules.iter().find(|r| r.id == "women").unwrap();
    assert_eq!(
        (women.count_a, women.count_b, women.diff),
        (Some(1), Some(1), 0)
    );
    let text = cmp.text();
    assert!(text.contains("Only in main: Person B01 (B01)"), "{text}");
    // Names: duplicates refused, the current draft cannot be deleted, rename moves it.
    assert!(
        s.apply(
            Action::CreateDraft {
                name: "main".into()
            },
            None
        )
        .is_err()
    );
    assert!(
        s.apply(
            Action::DeleteDraft {
                name: "more industry".into()
            },
            None
        )
        .is_err()
    );
    ok(
        &mut s,
        Action::RenameDraft {
            from: "more industry".into(),
            to: "industry".into(),
        },
    );
    assert_eq!(s.draft_name(), "industry");
    ok(
        &mut s,
        Action::CreateDraft {
            name: "empty".into(),
        },
    );
    ok(
        &mut s,
        Action::DeleteDraft {
            name: "empty".into(),
        },
    );
    assert_eq!(
        s.draft_names().unwrap(),
        vec!["industry".to_string(), "main".to_string()]
    );
    drop(s);
    // The current draft is remembered; --draft picks another.
    let s = Session::open(&config(tmp.path(), "alice")).unwrap();
    assert_eq!(s.draft_name(), "industry");
    assert_eq!(s.draft().counters().size, 2);
    let mut cfg = config(tmp.path(), "alice");
    cfg.draft = Some("main".into());
    drop(s);
    let s = Session::open(&cfg).unwrap();
    assert_eq!(s.draft().members().len(), 2);
    assert!(s.draft().contains(s.pool().ix("B01").unwrap()));
    cfg.draft = Some("nope".into());
    drop(s);
    assert!(
        Session::open(&cfg)
            .err()
            .unwrap()
            .to_string()
            .contains("no draft named 'nope'")
    );
}

#[test]
fn the_log_records_a_scripted_session_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut s = session(tmp.path());
        s.apply(
            Action::Add { id: "B00".into() },
            Some("needed in Africa".into()),
        )
        .unwrap();
        ok(&mut s, Action::Add { id: "B01".into() });
    }
    {
        let mut s = Session::open(&config(tmp.path(), "bob")).unwrap();
        ok(&mut s, Action::Undo);
        s.apply(
            Action::Flag {
                id: "B02".into(),
                on: true,
            },
            Some("discuss tomorrow".into()),
        )
        .unwrap();
        ok(&mut s, Action::CloneDraft { name: "b".into() });
    }
    let s = Session::open(&config(tmp.path(), "carol")).unwrap();
    let log = s.log().unwrap();
    let rows: Vec<(String, String, Option<String>)> = log
        .iter()
        .map(|e| (e.member.clone(), e.summary_what(), e.reason.clone()))
        .collect();
    let expect = [
        ("alice", "import pool: 40 candidates (+40, ~0, -0)", None),
        ("alice", "add B00 to seat 1", Some("needed in Africa")),
        ("alice", "add B01 to seat 2", None),
        ("bob", "undo (remove B01 from seat 2)", None),
        ("bob", "flag B02 for discussion", Some("discuss tomorrow")),
        ("bob", "clone into draft 'b'", None),
    ];
    assert_eq!(rows.len(), expect.len(), "{rows:#?}");
    for (row, (m, what, why)) in rows.iter().zip(expect) {
        assert_eq!(
            (row.0.as_str(), row.1.as_str(), row.2.as_deref()),
            (m, what, why)
        );
    }
    assert!(
        matches!(
            log[3].event,
            Event::Draft {
                action: Action::Undo,
                ..
            }
        ),
        "undo is an entry of its own"
    );
    // The Markdown export carries offices and, on request, the log.
    let md = panel_draft::export::markdown(&s, false, true).unwrap();
    assert!(
        md.contains("## Audit log") && md.contains("needed in Africa"),
        "{md}"
    );
}

#[test]
fn a_schema_1_database_is_upgraded_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    copy_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/db-v1")
            .as_path(),
        &db,
    );
    let cfg = Config {
        db: db.clone(),
        rules: None,
        countries: None,
        aliases: None,
        member: "dana".into(),
        draft: None,
    };
    let mut s = Session::open(&cfg).expect("schema 1 opens and upgrades");
    // The fixture: pool V1..V4; alice added V1 and V2, bob swapped V2→V3 and undid it.
    assert_eq!(s.pool().len(), 4);
    let ids: Vec<String> = s
        .draft()
        .members()
        .iter()
        .map(|&ix| s.pool().candidate(ix).id.clone())
        .collect();
    assert_eq!(ids, vec!["V1", "V2"]);
    assert_eq!(s.draft_name(), "main");
    let log = s.log().unwrap();
    assert_eq!(log.len(), 5);
    assert_eq!(log[1].reason.as_deref(), Some("first two"));
    // Redo history came along; new features work on the upgraded database.
    ok(&mut s, Action::Redo);
    assert!(s.draft().contains(s.pool().ix("V3").unwrap()));
    role(&mut s, "V1", Some(Role::CoChair)).unwrap();
    drop(s);
    let s = Session::open(&cfg).expect("opens again as schema 2");
    assert_eq!(s.draft().role_of("V1"), Some(Role::CoChair));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
