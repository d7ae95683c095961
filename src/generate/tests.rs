use super::countries::{COUNTRIES, ENGLISH_NAMES, Region, TERRITORIES};
use super::text::FIELDS;
use super::*;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn pool(count: usize, seed: u64) -> String {
    let mut out = Vec::new();
    write_pool_csv(count, seed, &mut out).expect("writing to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

/// The bundled pool, generated once for all tests.
fn sample() -> &'static str {
    static SAMPLE: OnceLock<String> = OnceLock::new();
    SAMPLE.get_or_init(|| pool(2700, DEFAULT_SEED))
}

/// Minimal RFC 4180 reader: records of cells, quotes and line breaks handled.
fn parse(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, _) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && record.is_empty(),
        "file must end with a line feed"
    );
    records
}

/// Rows of the sample as header-name → value maps.
fn rows() -> Vec<HashMap<&'static str, String>> {
    let records = parse(sample());
    let header: Vec<&'static str> = HEADER.split(',').collect();
    assert_eq!(records[0], header);
    records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "row {r:?}");
            header.iter().copied().zip(r.iter().cloned()).collect()
        })
        .collect()
}

fn code(nat: &str) -> &str {
    ENGLISH_NAMES
        .iter()
        .find(|(_, n)| *n == nat)
        .map(|(c, _)| *c)
        .unwrap_or(nat)
}

fn region(iso3: &str) -> Option<Region> {
    COUNTRIES.iter().find(|c| c.iso3 == iso3).map(|c| c.region)
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    assert_eq!(pool(300, 7), pool(300, 7));
    assert_ne!(pool(300, 7), pool(300, 8));
    assert_eq!(sample(), pool(2700, DEFAULT_SEED));
}

#[test]
fn smaller_pool_is_a_prefix() {
    let small = pool(120, DEFAULT_SEED);
    assert!(sample().starts_with(&small));
}

#[test]
fn row_count_header_and_line_endings() {
    assert_eq!(pool(0, 1), format!("{HEADER}\n"));
    assert_eq!(rows().len(), 2700);
    assert!(!sample().contains('\r') && !sample().starts_with('\u{feff}'));
}

#[test]
fn ids_are_unique_and_padded() {
    let ids: Vec<String> = rows().iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids[0], "C00001");
    assert_eq!(ids[2699], "C02700");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 2700);
    assert_eq!(id_width(99_999), 5);
    assert_eq!(id_width(100_000), 6);
    let mut line = String::new();
    row::write_row(&tables::Tables::new(), 3, 0, id_width(100_000), &mut line);
    assert!(line.starts_with("C000001,"), "{line}");
}

#[test]
fn names_cover_the_required_spellings() {
    let rows = rows();
    let count = |f: &dyn Fn(&HashMap<&str, String>) -> bool| rows.iter().filter(|r| f(r)).count();
    assert!(count(&|r| r["name"].split(' ').next() == Some("José")) >= 3);
    assert!(
        count(&|r| r["name"].contains("Nguyễn")
            && r["nationality"].split(';').next().map(code) == Some("VNM"))
            >= 3
    );
    assert!(count(&|r| r["name"].contains("Øvergård") && r["nationality"].starts_with("NOR")) >= 1);
    assert!(count(&|r| r["name"].contains("Müller")) >= 1);
    assert!(count(&|r| r["name"].ends_with("Dvořák")) >= 1);
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    assert!(count(&|r| r["name"].chars().any(han)) >= 1);
    assert!(count(&|r| r["name"].chars().any(arabic)) >= 1);
    let non_latin = count(&|r| {
        r["name"]
            .chars()
            .any(|c| c > '\u{024F}' && !('\u{1E00}'..='\u{1EFF}').contains(&c))
    });
    assert!(
        (150..=330).contains(&non_latin),
        "{non_latin} non-Latin names"
    );
    assert!(rows.iter().all(|r| r["email"].is_ascii()));
}

#[test]
fn nationalities_span_all_groups() {
    let rows = rows();
    let mut per_region: HashMap<Region, usize> = HashMap::new();
    let mut distinct = HashSet::new();
    let (mut dual, mut named, mut territory) = (0, 0, 0);
    for r in &rows {
        let nats: Vec<&str> = r["nationality"].split(';').collect();
        dual += usize::from(nats.len() == 2);
        named += usize::from(nats.iter().any(|n| code(n) != *n));
        territory += usize::from(TERRITORIES.iter().any(|t| t.0 == nats[0]));
        if let Some(reg) = region(code(nats[0])) {
            *per_region.entry(reg).or_default() += 1;
        }
        distinct.extend(
            nats.iter()
                .filter(|n| region(code(n)).is_some())
                .map(|n| code(n)),
        );
    }
    assert!(distinct.len() >= 150, "{} member states", distinct.len());
    for reg in Region::ALL {
        let share = per_region[&reg] * 100 / rows.len();
        assert!(
            share + 3 >= reg.share() as usize && share <= reg.share() as usize + 3,
            "{reg:?} {share}%"
        );
    }
    assert!((100..=230).contains(&dual), "{dual} dual");
    assert!((40..=150).contains(&named), "{named} English names");
    assert!((1..=20).contains(&territory), "{territory} territories");
}

#[test]
fn every_field_has_thirty_candidates() {
    let mut seen = [0usize; 18];
    for r in rows() {
        let labels: Vec<&str> = r["fields"].split(';').collect();
        assert!((1..=4).contains(&labels.len()));
        for label in labels {
            let (related, bare) =
                match (label.strip_prefix("Related: "), label.strip_prefix("AI: ")) {
                    (Some(b), _) => (Some(true), b),
                    (None, Some(b)) => (Some(false), b),
                    _ => (None, label),
                };
            let k = FIELDS
                .iter()
                .position(|f| f.label == bare && related.is_none_or(|rel| rel == f.related))
                .unwrap_or_else(|| panic!("unknown field {label}"));
            seen[k] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n >= 30), "{seen:?}");
}

#[test]
fn structural_quirks_are_present() {
    let rows = rows();
    let count = |f: &dyn Fn(&HashMap<&str, String>) -> bool| rows.iter().filter(|r| f(r)).count();
    for g in [
        "female",
        "male",
        "non-binary",
        "undisclosed",
        "F",
        "M",
        "W",
        "Woman",
        "man",
        "Female",
    ] {
        assert!(count(&|r| r["gender"] == g) > 0, "gender {g}");
    }
    assert!(count(&|r| r["submitted"].as_str() > "2025-10-31") >= 60);
    assert!(count(&|r| r["submitted"].is_empty()) >= 40);
    assert!(count(&|r| r["un_staff"] == "yes") >= 20);
    assert!(count(&|r| !["yes", "no"].contains(&r["un_staff"].as_str())) >= 20);
    assert!(count(&|r| r["conflict_of_interest"].contains(',')) > 0);
    assert!(count(&|r| r["nominated_by"].contains(';')) > 0);
    assert!(count(&|r| r["email"].is_empty()) > 0);
    assert!(count(&|r| r["affiliation"] == "Independent") >= 100);
    assert!(count(&|r| r["affiliation"].contains(';')) >= 100);
    assert!(count(&|r| r["citations"].is_empty() || r["h_index"].is_empty()) > 0);
    assert!((2..=3).contains(&count(&|r| r["motivation"].contains('\n'))));
    assert!(count(&|r| r["motivation"].contains('"')) > 0);
    assert!(
        rows.iter()
            .all(|r| (60..=200).contains(&r["motivation"].chars().count()))
    );
    for v in [
        "MIT",
        "M.I.T.",
        "university of oxford",
        "University  of Oxford",
        "ETH Zürich",
        "UBA",
    ] {
        assert!(
            count(&|r| r["affiliation"].split(';').any(|a| a == v)) > 0,
            "affiliation {v}"
        );
    }
    for r in &rows {
        let n = |k: &str| r[k].parse::<u64>().ok();
        if let (Some(p), Some(h), Some(i)) = (n("publications"), n("h_index"), n("i10_index")) {
            assert!(h <= p && i <= p, "{r:?}");
        }
    }
}

#[test]
fn cells_are_quoted_per_rfc_4180() {
    let mut s = String::new();
    push_cell(&mut s, "plain");
    push_cell(&mut s, "a,b");
    push_cell(&mut s, "say \"hi\"");
    push_cell(&mut s, "two\nlines");
    assert_eq!(s, "plain\"a,b\"\"say \"\"hi\"\"\"\"two\nlines\"");
}

#[test]
fn emails_fold_diacritics() {
    let mut s = String::new();
    names::fold_into("Nguyễn Øvergård Łukasz Şahin Dvořák Ó Briain Ũ", &mut s);
    assert_eq!(s, "nguyenovergardlukaszsahindvorakobriainu");
}
