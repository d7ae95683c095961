//! One candidate row: every column drawn from the row's own random stream.

use super::countries::{COUNTRIES, LATIN_ONLY, Region, TERRITORIES, index_of};
use super::institutions::Aff;
use super::names::{NameHint, email_local, make_name};
use super::tables::{Tables, culture_of, push_country};
use super::text::{CONFLICTS, motivation, other_impact, pick_fields, write_fields};
use super::{Rng, push_cell};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
    NonBinary,
    Undisclosed,
}

/// Rows pinned down so the pool always shows the quirks an importer must handle.
struct Forced {
    nat: &'static str,
    gender: Option<Gender>,
    name: NameHint,
    affiliation: Option<&'static str>,
}

const fn forced(nat: &'static str, gender: Option<Gender>, name: NameHint) -> Forced {
    Forced {
        nat,
        gender,
        name,
        affiliation: None,
    }
}

const fn hint(given: Option<&'static str>, family: Option<&'static str>) -> NameHint {
    NameHint {
        given,
        family,
        native: Some(false),
    }
}

const NATIVE: NameHint = NameHint {
    given: None,
    family: None,
    native: Some(true),
};
const ANY: NameHint = NameHint {
    given: None,
    family: None,
    native: None,
};
const F: Option<Gender> = Some(Gender::Female);
const M: Option<Gender> = Some(Gender::Male);

const FORCED: &[Forced] = &[
    forced("ESP", M, hint(Some("José"), None)),
    forced("VNM", F, hint(None, Some("Nguyễn"))),
    forced("VNM", M, hint(None, Some("Nguyễn"))),
    forced("VNM", F, hint(None, Some("Nguyễn"))),
    forced("NOR", F, hint(None, Some("Øvergård"))),
    forced("DEU", M, hint(None, Some("Müller"))),
    forced("CZE", M, hint(None, Some("Dvořák"))),
    forced("CHN", F, NATIVE),
    forced("EGY", M, NATIVE),
    forced("MEX", M, hint(Some("José"), None)),
    Forced {
        nat: "GBR",
        gender: F,
        name: ANY,
        affiliation: Some("university of oxford"),
    },
    Forced {
        nat: "IRL",
        gender: M,
        name: ANY,
        affiliation: Some("University  of Oxford"),
    },
    forced("BRA", M, hint(Some("José"), None)),
    forced("HKG", F, ANY),
];

/// Probability thresholds, in basis points (1/10 000).
const TERRITORY_BP: usize = 20;
const DUAL_BP: usize = 600;
const UN_STAFF_BP: usize = 250;
const INDEPENDENT_BP: usize = 800;

fn date(out: &mut String, month: u32, day: u32) {
    out.push_str(&format!("2025-{month:02}-{day:02}"));
}

/// Appends the CSV record of candidate `row` (0-based) to `line`.
pub(crate) fn write_row(t: &Tables, seed: u64, row: usize, width: usize, line: &mut String) {
    let mut rng = Rng::for_row(seed, row);
    let rng = &mut rng;
    let pin = FORCED.get(row);
    let mut cell = String::with_capacity(128);

    // id
    line.push_str(&format!("C{:0width$}", row + 1));

    // gender
    let gender = pin
        .and_then(|p| p.gender)
        .unwrap_or_else(|| match rng.below(100) {
            0..46 => Gender::Female,
            46..96 => Gender::Male,
            96..98 => Gender::NonBinary,
            _ => Gender::Undisclosed,
        });
    let female = match gender {
        Gender::Female => true,
        Gender::Male => false,
        _ => rng.below(2) == 0,
    };

    // nationality
    let mut nat = String::new();
    let territory = match pin {
        Some(p) => p.nat == "HKG",
        None => rng.below(10_000) < TERRITORY_BP,
    };
    let (home, culture, native_ok) = if territory {
        let k = if pin.is_some() {
            1
        } else {
            rng.below(TERRITORIES.len())
        };
        let (code, host, cu) = TERRITORIES[k];
        nat.push_str(code);
        (index_of(host).unwrap_or(0), cu, code == "HKG")
    } else {
        let primary = match pin.and_then(|p| index_of(p.nat)) {
            Some(k) => k,
            None => t.country(rng),
        };
        push_country(rng, COUNTRIES[primary].iso3, &mut nat);
        let mut name_country = primary;
        if pin.is_none() && rng.below(10_000) < DUAL_BP {
            let second = t.any_country(rng);
            if second != primary {
                nat.push(';');
                push_country(rng, COUNTRIES[second].iso3, &mut nat);
                if COUNTRIES[primary].region == Region::Weog && rng.below(100) < 50 {
                    name_country = second;
                }
            }
        }
        let cu = culture_of(rng, name_country);
        // Native script only for the country's own culture. Compared by
        // content: references to a `const` need not share an address.
        let home_script = cu.family == COUNTRIES[name_country].culture.family
            && !LATIN_ONLY.contains(&COUNTRIES[name_country].iso3);
        (primary, cu, home_script)
    };

    // name
    let name = make_name(
        rng,
        culture,
        female,
        native_ok,
        pin.map(|p| p.name).unwrap_or_default(),
    );
    line.push(',');
    push_cell(line, &name.display);
    line.push(',');
    line.push_str(match gender {
        Gender::Female if rng.below(100) < 5 => ["F", "W", "Woman", "Female"][rng.below(4)],
        Gender::Male if rng.below(100) < 5 => ["M", "man"][rng.below(2)],
        Gender::Female => "female",
        Gender::Male => "male",
        Gender::NonBinary => "non-binary",
        Gender::Undisclosed => "undisclosed",
    });
    line.push(',');
    push_cell(line, &nat);

    // affiliation
    let un_staff = pin.is_none() && rng.below(10_000) < UN_STAFF_BP;
    let first = if un_staff && rng.below(100) < 80 {
        t.dir.un(rng)
    } else if rng.below(10_000) < INDEPENDENT_BP {
        Aff::Independent
    } else if rng.below(100) < 85 {
        t.dir.at_home(rng, home)
    } else {
        t.dir.abroad(rng)
    };
    cell.clear();
    match pin.and_then(|p| p.affiliation) {
        Some(a) => cell.push_str(a),
        None => t.dir.spell(rng, first, &mut cell),
    }
    if first != Aff::Independent && rng.below(100) < 10 {
        let second = if rng.below(2) == 0 {
            t.dir.abroad(rng)
        } else {
            t.dir.at_home(rng, home)
        };
        if second != first && second != Aff::Independent {
            cell.push(';');
            t.dir.spell(rng, second, &mut cell);
        }
    }
    line.push(',');
    push_cell(line, &cell);

    // email
    line.push(',');
    if rng.below(100) >= 3 {
        let local = email_local(rng, &name);
        let domain = ["example.org", "example.edu", "example.edu", "example.net"][rng.below(4)];
        line.push_str(&format!("{local}@{domain}"));
    }

    // fields
    let fields = pick_fields(rng);
    cell.clear();
    write_fields(rng, &fields, &mut cell);
    line.push(',');
    push_cell(line, &cell);

    // nominated_by
    let nominated = match rng.below(100) {
        0..30 => 1,
        30..32 => 2,
        _ => 0,
    };
    line.push(',');
    cell.clear();
    for n in 0..nominated {
        // Usually the candidate's own state; otherwise one of the same regional group.
        let state = if n == 0 && rng.below(100) < 85 {
            home
        } else {
            t.country_in(rng, COUNTRIES[home].region)
        };
        if n > 0 {
            cell.push(';');
        }
        push_country(rng, COUNTRIES[state].iso3, &mut cell);
    }
    push_cell(line, &cell);

    // submitted
    line.push(',');
    let empty_bp = if nominated > 0 { 750 } else { 100 };
    if rng.below(10_000) >= empty_bp {
        if rng.below(1000) < 42 {
            date(line, 11, 1 + rng.below(20) as u32);
        } else {
            // 37 days, Sep 25 to Oct 31, busier towards the deadline.
            let a = rng.below(37);
            let off = if rng.below(100) < 60 {
                a.max(rng.below(37))
            } else {
                a
            } as u32;
            if off <= 5 {
                date(line, 9, 25 + off)
            } else {
                date(line, 10, off - 5)
            }
        }
    }

    // un_staff
    line.push(',');
    line.push_str(match (un_staff, rng.below(100)) {
        (true, 0..80) => "yes",
        (true, 80..87) => "YES",
        (true, 87..94) => "true",
        (true, _) => "1",
        (false, 0..97) => "no",
        (false, 97) => "No",
        (false, 98) => "false",
        (false, _) => "0",
    });

    // conflict_of_interest
    line.push(',');
    if rng.below(100) < 12 {
        push_cell(line, CONFLICTS[rng.below(CONFLICTS.len())]);
    }

    // publications, citations, h_index, i10_index
    let metrics = super::metrics::draw(rng);
    let blank = if rng.below(100) < 2 {
        1 + rng.below(5)
    } else {
        0
    };
    for (k, v) in metrics.iter().enumerate() {
        line.push(',');
        if blank == 0 || (blank <= 4 && blank != k + 1) {
            line.push_str(&v.to_string());
        }
    }

    // other_impact
    line.push(',');
    if rng.below(100) >= 40 {
        push_cell(line, &other_impact(rng));
    }

    // motivation: a line break inside the cell in rows 501, 1501, 2501, ...
    line.push(',');
    push_cell(line, &motivation(rng, row % 1000 == 500));
    line.push('\n');
}
