//! Picking and spelling affiliations: real institutions of the candidate's
//! country (or a research hub abroad), invented national institutions where
//! the table has fewer than two, UN bodies for UN staff, and `Independent`.

use super::Rng;
use super::countries::{COUNTRIES, index_of};
use super::institutions_data::{INSTITUTIONS, UN_BODIES};

/// Patterns for invented national institutions (`{}` = country short name).
const GENERIC: &[&str] = &[
    "National University of {}",
    "University of {}",
    "Institute of Technology of {}",
    "National Research Council of {}",
    "Ministry of ICT, {}",
    "Academy of Sciences of {}",
    "Digital Innovation Agency of {}",
    "Polytechnic University of {}",
];

/// Weight of each invented institution in a country's list.
const GENERIC_WEIGHT: u32 = 2;

/// An affiliation before it is spelled out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Aff {
    Known(usize),
    Un(usize),
    Generic { country: usize, pattern: usize },
    Independent,
}

/// One parsed line of the institution tables.
struct Inst {
    name: &'static str,
    /// Index into `COUNTRIES`, if the code is a Member State.
    country: Option<usize>,
    weight: u32,
    /// `|`-separated variants ("" = none).
    variants: &'static str,
}

fn parse(line: &'static str) -> Inst {
    let mut parts = line.splitn(3, ' ');
    let iso3 = parts.next().unwrap_or("");
    let weight = parts.next().and_then(|w| w.parse().ok()).unwrap_or(1);
    let rest = parts.next().unwrap_or("");
    let (name, variants) = rest.split_once('|').unwrap_or((rest, ""));
    Inst {
        name,
        country: index_of(iso3),
        weight,
        variants,
    }
}

/// Institutions indexed by country, with cumulative weights for sampling.
pub(crate) struct Directory {
    known: Vec<Inst>,
    un: Vec<Inst>,
    by_country: Vec<Vec<usize>>,
    /// Cumulative weight² over all known institutions: hubs attract people from abroad.
    global_cum: Vec<u64>,
    un_cum: Vec<u64>,
}

/// Running sums of `weights`.
pub(crate) fn cumulative(weights: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut sum = 0;
    weights
        .map(|w| {
            sum += w;
            sum
        })
        .collect()
}

/// Index of the entry a uniform draw in `[0, total)` falls into.
pub(crate) fn pick_cumulative(rng: &mut Rng, cum: &[u64]) -> usize {
    let total = cum.last().copied().unwrap_or(0);
    if total == 0 {
        return 0;
    }
    let x = rng.next_u64() % total;
    cum.partition_point(|&c| c <= x)
}

impl Directory {
    pub(crate) fn new() -> Self {
        let known: Vec<Inst> = INSTITUTIONS.iter().map(|l| parse(l)).collect();
        let un: Vec<Inst> = UN_BODIES.iter().map(|l| parse(l)).collect();
        let mut by_country = vec![Vec::new(); COUNTRIES.len()];
        for (k, inst) in known.iter().enumerate() {
            if let Some(c) = inst.country {
                by_country[c].push(k);
            }
        }
        let global_cum = cumulative(known.iter().map(|i| u64::from(i.weight * i.weight)));
        let un_cum = cumulative(un.iter().map(|i| u64::from(i.weight)));
        Directory {
            known,
            un,
            by_country,
            global_cum,
            un_cum,
        }
    }

    /// The two invented patterns a country uses, if its table entries are few.
    fn generic_patterns(&self, country: usize) -> &'static [usize] {
        const PAIRS: [[usize; 2]; 8] = [
            [0, 2],
            [1, 3],
            [0, 4],
            [1, 5],
            [0, 6],
            [1, 7],
            [2, 4],
            [3, 5],
        ];
        if self.by_country[country].len() >= 2 {
            return &[];
        }
        &PAIRS[country % PAIRS.len()]
    }

    /// An institution in `country` (an index into `COUNTRIES`).
    pub(crate) fn at_home(&self, rng: &mut Rng, country: usize) -> Aff {
        let known = &self.by_country[country];
        let generic = self.generic_patterns(country);
        let total: u32 = known.iter().map(|&k| self.known[k].weight).sum::<u32>()
            + GENERIC_WEIGHT * generic.len() as u32;
        let mut x = rng.below(total.max(1) as usize) as u32;
        for &k in known {
            let w = self.known[k].weight;
            if x < w {
                return Aff::Known(k);
            }
            x -= w;
        }
        match generic.get((x / GENERIC_WEIGHT) as usize) {
            Some(&pattern) => Aff::Generic { country, pattern },
            None => Aff::Independent,
        }
    }

    /// An institution anywhere, favouring large hubs.
    pub(crate) fn abroad(&self, rng: &mut Rng) -> Aff {
        Aff::Known(pick_cumulative(rng, &self.global_cum))
    }

    /// A body of the UN system.
    pub(crate) fn un(&self, rng: &mut Rng) -> Aff {
        Aff::Un(pick_cumulative(rng, &self.un_cum))
    }

    /// Canonical name of an affiliation.
    pub(crate) fn canonical(&self, aff: Aff) -> String {
        match aff {
            Aff::Known(k) => self.known[k].name.to_string(),
            Aff::Un(k) => self.un[k].name.to_string(),
            Aff::Generic { country, pattern } => {
                GENERIC[pattern].replace("{}", COUNTRIES[country].name)
            }
            Aff::Independent => "Independent".to_string(),
        }
    }

    /// Spells an affiliation the way an applicant might: usually the
    /// canonical name, often a known variant, now and then with odd case or
    /// spacing.
    pub(crate) fn spell(&self, rng: &mut Rng, aff: Aff, out: &mut String) {
        let mut text = self.canonical(aff);
        if let Aff::Known(k) = aff {
            let variants = self.known[k].variants;
            if !variants.is_empty() && rng.below(100) < 38 {
                let pick = rng.below(variants.split('|').count());
                text = variants
                    .split('|')
                    .nth(pick)
                    .unwrap_or(variants)
                    .to_string();
            }
        }
        if aff != Aff::Independent {
            match rng.below(100) {
                0 => text = text.to_lowercase(),
                1 => text = text.replacen(' ', "  ", 1),
                _ => {}
            }
        }
        out.push_str(&text);
    }
}
