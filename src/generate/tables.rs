//! Sampling tables built once per pool, and the country helpers rows share.

use super::Rng;
use super::countries::{COUNTRIES, ENGLISH_NAMES, MIXES, Region};
use super::institutions::{Directory, cumulative, pick_cumulative};
use super::names::Culture;

/// Percent of mentions of the twelve listed countries written as a name.
const ENGLISH_NAME_PCT: usize = 18;

/// Precomputed sampling tables, built once per pool.
pub(crate) struct Tables {
    pub(crate) dir: Directory,
    /// Per region: (country indices, cumulative weights).
    regions: Vec<(Vec<usize>, Vec<u64>)>,
    /// Cumulative weights over all countries (second nationalities, nominations).
    all_cum: Vec<u64>,
}

impl Tables {
    pub(crate) fn new() -> Self {
        let weight = |k: &usize| u64::from(COUNTRIES[*k].weight);
        let regions = Region::ALL
            .iter()
            .map(|&r| {
                let idx: Vec<usize> = (0..COUNTRIES.len())
                    .filter(|&k| COUNTRIES[k].region == r)
                    .collect();
                let cum = cumulative(idx.iter().map(weight));
                (idx, cum)
            })
            .collect();
        let all_cum = cumulative((0..COUNTRIES.len()).map(|k| weight(&k)));
        Tables {
            dir: Directory::new(),
            regions,
            all_cum,
        }
    }

    pub(crate) fn country(&self, rng: &mut Rng) -> usize {
        let mut x = rng.below(100) as u32;
        let mut region = Region::Weog;
        for r in Region::ALL {
            if x < r.share() {
                region = r;
                break;
            }
            x -= r.share();
        }
        self.country_in(rng, region)
    }

    pub(crate) fn country_in(&self, rng: &mut Rng, region: Region) -> usize {
        let (idx, cum) = &self.regions[region.index()];
        idx[pick_cumulative(rng, cum)]
    }

    pub(crate) fn any_country(&self, rng: &mut Rng) -> usize {
        pick_cumulative(rng, &self.all_cum)
    }
}

pub(crate) fn culture_of(rng: &mut Rng, country: usize) -> &'static Culture {
    let iso = COUNTRIES[country].iso3;
    if let Some((_, mix)) = MIXES.iter().find(|(c, _)| *c == iso) {
        let total: u32 = mix.iter().map(|(_, w)| w).sum();
        let mut x = rng.below(total as usize) as u32;
        for (cu, w) in mix.iter() {
            if x < *w {
                return cu;
            }
            x -= w;
        }
    }
    COUNTRIES[country].culture
}

/// Writes a country as its code or, now and then, as an English short name.
pub(crate) fn push_country(rng: &mut Rng, iso3: &str, out: &mut String) {
    match ENGLISH_NAMES.iter().find(|(c, _)| *c == iso3) {
        Some((_, name)) if rng.below(100) < ENGLISH_NAME_PCT => out.push_str(name),
        _ => out.push_str(iso3),
    }
}
