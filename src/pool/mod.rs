//! The loaded candidate pool with everything the rules and the search need
//! precomputed once: interned nationalities and institutions, region,
//! development status, field mask, eligibility. Nothing here is recomputed
//! per keystroke or per change.

use std::collections::HashMap;

use crate::domain::{Candidate, Date, Development, Field, FieldSet, Gender, Region};
use crate::reference::{Reference, affiliation_key, is_independent};

/// Position of a candidate in the pool (stable while the pool is loaded).
pub type Ix = u32;

/// Derived, compact facts about one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Every listed nationality, interned; the first is the primary one.
    pub nationalities: Vec<u32>,
    /// Every listed institution, interned by canonical name.
    pub affiliations: Vec<u32>,
    pub region: Region,
    pub development: Development,
    pub ldc: bool,
    pub gender: Gender,
    pub fields: FieldSet,
    pub top_field: Option<Field>,
    pub nominated: bool,
    pub conflict: bool,
    pub un_staff: bool,
    pub submitted: Option<Date>,
    /// Drafted earlier but absent from the latest import: kept, flagged.
    pub missing: bool,
}

/// A candidate as the store keeps it: the application plus whether the
/// latest import still contained it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stored {
    pub candidate: Candidate,
    #[serde(default)]
    pub missing: bool,
}

#[derive(Debug, Clone)]
pub struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn new() -> Interner {
        Interner {
            names: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// Interns under `key`, remembering `display` the first time.
    fn intern(&mut self, key: String, display: &str) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(display.to_owned());
        self.ids.insert(key, id);
        id
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("?", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Pool {
    candidates: Vec<Candidate>,
    facts: Vec<Facts>,
    by_id: HashMap<String, Ix>,
    /// Nationality codes (ISO-3 or raw territory code).
    pub nationalities: Interner,
    /// Canonical institution names.
    pub affiliations: Interner,
    /// Per interned affiliation: false for "Independent", which has no cap.
    capped_affiliation: Vec<bool>,
    /// Per interned affiliation: every spelling seen in the pool ("MIT",
    /// "M.I.T."), so a search for a variant finds the institution.
    affiliation_spellings: Vec<Vec<String>>,
    /// Per interned nationality: the country's display name.
    nationality_names: Vec<String>,
}

impl Pool {
    pub fn new(stored: Vec<Stored>, reference: &Reference) -> Pool {
        let mut nationalities = Interner::new();
        let mut affiliations = Interner::new();
        let mut capped_affiliation = Vec::new();
        let mut nationality_names = Vec::new();
        let mut candidates = Vec::with_capacity(stored.len());
        let mut facts = Vec::with_capacity(stored.len());
        let mut by_id = HashMap::with_capacity(stored.len());
        let mut seen_affiliations: HashMap<String, u32> = HashMap::new();
        let mut affiliation_spellings: Vec<Vec<String>> = Vec::new();
        // Country look-ups fold the text: do it once per distinct spelling.
        let mut seen_countries: HashMap<String, Option<&crate::reference::Country>> =
            HashMap::new();
        let mut country_of = |code: &str| -> Option<&crate::reference::Country> {
            if let Some(c) = seen_countries.get(code) {
                return *c;
            }
            let c = reference.country(code);
            seen_countries.insert(code.to_owned(), c);
            c
        };
        for Stored {
            candidate: mut c,
            missing,
        } in stored
        {
            // Decoded lists over-allocate; at 100k candidates that is tens of MB.
            c.nationalities.shrink_to_fit();
            c.affiliations.shrink_to_fit();
            c.nominated_by.shrink_to_fit();
            c.fields.shrink_to_fit();
            let mut nats = Vec::with_capacity(c.nationalities.len());
            for code in &c.nationalities {
                // Keyed by ISO-3 whatever spelling reached us, so the cap
                // counts one country once.
                let country = country_of(code);
                let key = country.map_or_else(|| code.to_ascii_uppercase(), |k| k.iso3.clone());
                let before = nationalities.len();
                let id = nationalities.intern(key.clone(), &key);
                if nationalities.len() > before {
                    nationality_names
                        .push(country.map_or_else(|| code.clone(), |k| k.name.clone()));
                }
                if !nats.contains(&id) {
                    nats.push(id);
                }
            }
            let mut affs = Vec::with_capacity(c.affiliations.len());
            for raw in &c.affiliations {
                // The same spellings recur across thousands of candidates:
                // canonicalise each distinct spelling once.
                if let Some(&id) = seen_affiliations.get(raw.as_str()) {
                    if !affs.contains(&id) {
                        affs.push(id);
                    }
                    continue;
                }
                let canonical = reference.canonical_affiliation(raw);
                let before = affiliations.len();
                let id = affiliations.intern(affiliation_key(&canonical), &canonical);
                if affiliations.len() > before {
                    capped_affiliation.push(!is_independent(&canonical));
                }
                seen_affiliations.insert(raw.clone(), id);
                if let Some(list) = affiliation_spellings.get_mut(id as usize) {
                    list.push(raw.clone());
                } else {
                    affiliation_spellings.push(vec![raw.clone()]);
                }
                if !affs.contains(&id) {
                    affs.push(id);
                }
            }
            let primary = country_of(c.primary_nationality());
            let f = Facts {
                nationalities: nats,
                affiliations: affs,
                region: primary.map_or(Region::None, |k| k.region),
                development: primary.map_or(Development::Unknown, |k| k.development),
                ldc: primary.is_some_and(|k| k.ldc),
                gender: c.gender,
                fields: c.field_set(),
                top_field: c.fields.first().copied(),
                nominated: c.is_nominated(),
                conflict: c.has_conflict(),
                un_staff: c.un_staff,
                submitted: c.submitted,
                missing,
            };
            // A duplicate id cannot come from the importer; keep the first.
            if by_id.contains_key(&c.id) {
                continue;
            }
            by_id.insert(c.id.clone(), candidates.len() as Ix);
            candidates.push(c);
            facts.push(f);
        }
        Pool {
            candidates,
            facts,
            by_id,
            nationalities,
            affiliations,
            capped_affiliation,
            affiliation_spellings,
            nationality_names,
        }
    }

    /// The spellings of an institution seen in this pool.
    pub fn affiliation_spellings(&self, id: u32) -> &[String] {
        self.affiliation_spellings
            .get(id as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// A pool of freshly imported candidates (none flagged missing).
    pub fn from_candidates(candidates: Vec<Candidate>, reference: &Reference) -> Pool {
        let stored = candidates
            .into_iter()
            .map(|candidate| Stored {
                candidate,
                missing: false,
            })
            .collect();
        Pool::new(stored, reference)
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn candidate(&self, ix: Ix) -> &Candidate {
        &self.candidates[ix as usize]
    }

    pub fn facts(&self, ix: Ix) -> &Facts {
        &self.facts[ix as usize]
    }

    pub fn ix(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id.trim()).copied()
    }

    pub fn ixs(&self) -> impl Iterator<Item = Ix> + use<> {
        0..self.candidates.len() as Ix
    }

    pub fn is_capped_affiliation(&self, id: u32) -> bool {
        self.capped_affiliation
            .get(id as usize)
            .copied()
            .unwrap_or(true)
    }

    pub fn nationality_name(&self, id: u32) -> &str {
        self.nationality_names
            .get(id as usize)
            .map_or("?", String::as_str)
    }

    /// Canonical name of the candidate's first institution.
    pub fn primary_affiliation(&self, ix: Ix) -> &str {
        self.facts(ix)
            .affiliations
            .first()
            .map_or("", |&a| self.affiliations.name(a))
    }

    pub fn primary_nationality(&self, ix: Ix) -> &str {
        self.facts(ix)
            .nationalities
            .first()
            .map_or("", |&n| self.nationalities.name(n))
    }
}
