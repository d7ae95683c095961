use serde::Serialize;

use super::Feature;
use crate::domain::{Development, FIELD_COUNT, Gender, Region};
use crate::pool::{Facts, Pool};

/// Live counts over the draft. `add` and `remove` touch only what the
/// member changes; nothing is recounted per change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Counters {
    pub size: u32,
    /// Indexed by interned nationality.
    pub nationality: Vec<u32>,
    /// Indexed by interned affiliation.
    pub affiliation: Vec<u32>,
    pub gender: [u32; 4],
    pub region: [u32; Region::COUNT],
    pub development: [u32; Development::COUNT],
    pub fields: [u32; FIELD_COUNT],
    pub nominated: u32,
    pub ldc: u32,
    pub conflict: u32,
    pub un_staff: u32,
    pub missing: u32,
}

impl Counters {
    pub fn new(pool: &Pool) -> Counters {
        Counters {
            nationality: vec![0; pool.nationalities.len()],
            affiliation: vec![0; pool.affiliations.len()],
            ..Counters::default()
        }
    }

    /// A fresh count of `members` (used at load and to check the
    /// incremental path in tests).
    pub fn recount(pool: &Pool, members: impl IntoIterator<Item = crate::pool::Ix>) -> Counters {
        let mut c = Counters::new(pool);
        for ix in members {
            c.add(pool.facts(ix));
        }
        c
    }

    pub fn add(&mut self, f: &Facts) {
        self.apply(f, true);
    }

    pub fn remove(&mut self, f: &Facts) {
        self.apply(f, false);
    }

    fn apply(&mut self, f: &Facts, add: bool) {
        let step = |v: &mut u32| {
            if add {
                *v += 1;
            } else {
                *v = v.saturating_sub(1);
            }
        };
        step(&mut self.size);
        for &n in &f.nationalities {
            if let Some(v) = self.nationality.get_mut(n as usize) {
                step(v);
            }
        }
        for &a in &f.affiliations {
            if let Some(v) = self.affiliation.get_mut(a as usize) {
                step(v);
            }
        }
        step(&mut self.gender[f.gender.index()]);
        step(&mut self.region[f.region.index()]);
        step(&mut self.development[f.development.index()]);
        for field in f.fields.iter() {
            step(&mut self.fields[field.index()]);
        }
        let flags = [
            (f.nominated, &mut self.nominated),
            (f.ldc, &mut self.ldc),
            (f.conflict, &mut self.conflict),
            (f.un_staff, &mut self.un_staff),
            (f.missing, &mut self.missing),
        ];
        for (on, v) in flags {
            if on {
                step(v);
            }
        }
    }

    pub fn count(&self, feature: Feature) -> u32 {
        match feature {
            Feature::Gender(g) => self.gender[g.index()],
            Feature::Region(r) => self.region[r.index()],
            Feature::Development(d) => self.development[d.index()],
            Feature::Field(x) => self.fields[x.index()],
            Feature::Nominated => self.nominated,
            Feature::Ldc => self.ldc,
            Feature::Conflict => self.conflict,
        }
    }

    pub fn gender(&self, g: Gender) -> u32 {
        self.gender[g.index()]
    }
}
