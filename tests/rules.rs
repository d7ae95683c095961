//! The bad rules corpus: every malformed rules file gives a message naming
//! the file, the line and the problem, and loading it changes nothing.

use std::path::Path;

use panel_draft::rules::load_rules;
use panel_draft::session::{Config, Session};

/// (file, expected line, phrase in the message)
const CASES: &[(&str, Option<usize>, &str)] = &[
    ("syntax.toml", Some(6), "string"),
    (
        "unknown-key.toml",
        Some(7),
        "unknown field `max_per_country`",
    ),
    (
        "min-over-max.toml",
        Some(13),
        "min 12 is greater than max 8",
    ),
    (
        "minimums-over-40.toml",
        Some(9),
        "region minimums add up to 45",
    ),
    ("negative-min.toml", Some(8), "cannot be negative"),
    ("unknown-feature.toml", Some(8), "unknown feature 'height'"),
    ("impossible-deadline.toml", None, "that month has 28 days"),
    ("zero-size.toml", None, "panel size must be at least 1"),
    ("min-over-size.toml", Some(8), "more than the 40 seats"),
    (
        "unknown-region.csv",
        Some(3),
        "unknown regional group 'Atlantis'",
    ),
    ("missing-max-column.csv", Some(1), "missing column 'min'"),
    (
        "not-a-number.csv",
        Some(2),
        "'sixteen' is not a whole number",
    ),
    (
        "gender-minimums-over-40.csv",
        Some(2),
        "gender minimums add up to 46",
    ),
    ("header-only.csv", None, "no quota rows"),
    ("unknown-field.csv", Some(2), "did you mean"),
    ("duplicate-quota.csv", None, "defined twice"),
];

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-rules")
}

#[test]
fn every_bad_rules_file_is_explained_with_its_line() {
    for (file, line, phrase) in CASES {
        let path = dir().join(file);
        let err = load_rules(Some(&path)).expect_err(file);
        let text = err.to_string();
        assert!(
            text.starts_with(&path.display().to_string()),
            "{file}: {text}"
        );
        assert!(
            text.contains(phrase),
            "{file}: expected {phrase:?} in {text}"
        );
        assert_eq!(err.line, *line, "{file}: {text}");
    }
}

#[test]
fn every_fixture_has_a_case() {
    for e in std::fs::read_dir(dir()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            CASES.iter().any(|(f, _, _)| *f == name),
            "no test case for {name}"
        );
    }
}

#[test]
fn a_bad_rules_file_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = Config {
        db: tmp.path().join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: "t".into(),
        draft: None,
    };
    let mut s = Session::open(&cfg).unwrap();
    s.import_sample().unwrap();
    let before = s.log().unwrap().len();
    drop(s);
    for (file, _, _) in CASES {
        let bad = Config {
            rules: Some(dir().join(file)),
            ..cfg.clone()
        };
        assert!(Session::open(&bad).is_err(), "{file}");
    }
    let s = Session::open(&cfg).unwrap();
    assert_eq!(s.log().unwrap().len(), before);
    assert_eq!(s.pool().len(), 2700);
}

#[test]
fn a_sortition_quota_file_replaces_the_quotas_only() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("quotas.csv");
    std::fs::write(
        &path,
        "\u{feff}Feature,Value,Min,Max\ngender,female,18,22\nregion,*,6,10\nfield,*,1,\n",
    )
    .unwrap();
    let r = load_rules(Some(&path)).unwrap();
    assert_eq!(r.size, 40);
    assert_eq!(r.per_nationality, 2);
    assert_eq!(r.quotas.len(), 1 + 5 + 18);
}
