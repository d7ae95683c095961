//! Reference tables: countries (regional group, development status, LDC)
//! and affiliation aliases. Bundled from `sample-data/` at compile time,
//! overridable by a file.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::InputError;
use crate::domain::{Development, Region, fold, fold_key};
use crate::text::{clean_spaces, edit_distance};

const BUNDLED_COUNTRIES: &str = include_str!("../../sample-data/countries.csv");
const BUNDLED_ALIASES: &str = include_str!("../../sample-data/affiliation-aliases.csv");

#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    pub observer: bool,
    pub region: Region,
    pub development: Development,
    pub ldc: bool,
}

#[derive(Debug, Clone)]
pub struct Reference {
    countries: Vec<Country>,
    /// fold_key of code, name and every alias → index in `countries`.
    country_keys: HashMap<String, usize>,
    /// fold_key of variant (and of each canonical) → canonical name.
    affiliation_aliases: HashMap<String, String>,
}

impl Reference {
    /// The tables shipped in `sample-data/`.
    pub fn bundled() -> Result<Reference, InputError> {
        Reference::from_texts(
            (Path::new("sample-data/countries.csv"), BUNDLED_COUNTRIES),
            (
                Path::new("sample-data/affiliation-aliases.csv"),
                BUNDLED_ALIASES,
            ),
        )
    }

    /// Bundled tables, with either replaced by a file.
    pub fn load(countries: Option<&Path>, aliases: Option<&Path>) -> Result<Reference, InputError> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| {
                InputError::new(p, format!("cannot read the file: {e}"))
                    .hint("check the path given to --countries / --aliases")
            })
        };
        let c_text = countries.map(read).transpose()?;
        let a_text = aliases.map(read).transpose()?;
        Reference::from_texts(
            (
                countries.unwrap_or(Path::new("sample-data/countries.csv")),
                c_text.as_deref().unwrap_or(BUNDLED_COUNTRIES),
            ),
            (
                aliases.unwrap_or(Path::new("sample-data/affiliation-aliases.csv")),
                a_text.as_deref().unwrap_or(BUNDLED_ALIASES),
            ),
        )
    }

    fn from_texts(
        countries: (&Path, &str),
        aliases: (&Path, &str),
    ) -> Result<Reference, InputError> {
        let countries_list = parse_countries(countries.0, countries.1)?;
        let mut country_keys = HashMap::new();
        for (i, c) in countries_list.iter().enumerate() {
            for key in std::iter::once(c.iso3.as_str()).chain(std::iter::once(c.name.as_str())) {
                country_keys.insert(fold_key(key), i);
            }
        }
        // Aliases second so they never shadow a code or an official name.
        let alias_rows = parse_country_aliases(countries.0, countries.1)?;
        for (i, alias) in alias_rows {
            country_keys.entry(fold_key(&alias)).or_insert(i);
        }
        let affiliation_aliases = parse_affiliation_aliases(aliases.0, aliases.1)?;
        Ok(Reference {
            countries: countries_list,
            country_keys,
            affiliation_aliases,
        })
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Finds a country by ISO-3 code, UN short name or common alias, with
    /// case, accents and punctuation ignored ("Turkiye", "viet nam", "KEN").
    pub fn country(&self, text: &str) -> Option<&Country> {
        self.country_keys
            .get(&fold_key(text))
            .map(|&i| &self.countries[i])
    }

    /// The closest country name for a "did you mean" hint.
    pub fn suggest_country(&self, text: &str) -> Option<&Country> {
        let key = fold_key(text);
        if key.is_empty() {
            return None;
        }
        let (best, dist) = self
            .country_keys
            .iter()
            .map(|(k, &i)| (i, edit_distance(k, &key)))
            .min_by_key(|&(i, d)| (d, i))?;
        (dist <= key.len().max(3) / 2).then(|| &self.countries[best])
    }

    /// The institution an affiliation names, for the two-per-affiliation
    /// cap: the alias table's canonical name, else the text with its
    /// spacing cleaned. Case and punctuation never split an institution,
    /// because the cap compares [`affiliation_key`]s.
    pub fn canonical_affiliation(&self, raw: &str) -> String {
        match self.affiliation_aliases.get(&fold_key(raw)) {
            Some(canonical) => canonical.clone(),
            None => clean_spaces(raw),
        }
    }
}

/// The key under which affiliations are counted for the cap.
pub fn affiliation_key(canonical: &str) -> String {
    fold_key(canonical)
}

/// "Independent" (and "none", "self-employed") is not an institution: the
/// affiliation cap does not apply to it.
pub fn is_independent(canonical: &str) -> bool {
    matches!(
        fold(canonical).as_str(),
        "independent" | "none" | "self employed" | "unaffiliated" | "n a"
    )
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn header_index(file: &Path, headers: &csv::StringRecord, name: &str) -> Result<usize, InputError> {
    headers
        .iter()
        .position(|h| fold_key(h) == fold_key(name))
        .ok_or_else(|| {
            InputError::new(file, format!("missing column '{name}'"))
                .line(1)
                .hint(format!(
                    "the header must name the columns {}",
                    "iso3,name,aliases,status,region,development,ldc / variant,canonical"
                ))
        })
}

fn parse_countries(file: &Path, text: &str) -> Result<Vec<Country>, InputError> {
    let mut rdr = csv_reader(text);
    let headers = rdr
        .headers()
        .map_err(|e| InputError::new(file, e.to_string()))?
        .clone();
    let col = |n| header_index(file, &headers, n);
    let (ci, cn, cs, cr, cd, cl) = (
        col("iso3")?,
        col("name")?,
        col("status")?,
        col("region")?,
        col("development")?,
        col("ldc")?,
    );
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| InputError::new(file, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let err = |column: &str, problem: String| {
            InputError::new(file, problem).line(line).column(column)
        };
        let iso3 = get(ci).to_ascii_uppercase();
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(err(
                "iso3",
                format!("'{iso3}' is not an ISO 3166-1 alpha-3 code"),
            ));
        }
        if let Some(prev) = seen.insert(iso3.clone(), line) {
            return Err(err(
                "iso3",
                format!("{iso3} appears twice (first on line {prev})"),
            ));
        }
        let region = Region::parse(get(cr))
            .ok_or_else(|| err("region", format!("unknown regional group '{}'", get(cr))))?;
        let development = Development::parse(get(cd)).ok_or_else(|| {
            err(
                "development",
                format!("'{}' is not developed, transition or developing", get(cd)),
            )
        })?;
        let ldc = parse_bool(get(cl))
            .ok_or_else(|| err("ldc", format!("'{}' is not yes or no", get(cl))))?;
        out.push(Country {
            iso3,
            name: get(cn).to_owned(),
            observer: fold_key(get(cs)) == "observer",
            region,
            development,
            ldc,
        });
    }
    if out.is_empty() {
        return Err(InputError::new(file, "the country table has no rows"));
    }
    Ok(out)
}

fn parse_country_aliases(file: &Path, text: &str) -> Result<Vec<(usize, String)>, InputError> {
    let mut rdr = csv_reader(text);
    let headers = rdr
        .headers()
        .map_err(|e| InputError::new(file, e.to_string()))?
        .clone();
    let Some(ca) = headers.iter().position(|h| fold_key(h) == "aliases") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| InputError::new(file, e.to_string()))?;
        for alias in crate::text::split_list(rec.get(ca).unwrap_or("")) {
            out.push((i, alias));
        }
    }
    Ok(out)
}

fn parse_affiliation_aliases(
    file: &Path,
    text: &str,
) -> Result<HashMap<String, String>, InputError> {
    let mut rdr = csv_reader(text);
    let headers = rdr
        .headers()
        .map_err(|e| InputError::new(file, e.to_string()))?
        .clone();
    let cv = header_index(file, &headers, "variant")?;
    let cc = header_index(file, &headers, "canonical")?;
    let mut map: HashMap<String, String> = HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| InputError::new(file, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let variant = rec.get(cv).unwrap_or("").trim();
        let canonical = clean_spaces(rec.get(cc).unwrap_or(""));
        if variant.is_empty() || canonical.is_empty() {
            return Err(
                InputError::new(file, "both variant and canonical must be filled in").line(line),
            );
        }
        for key in [fold_key(variant), fold_key(&canonical)] {
            if let Some(prev) = map.get(&key)
                && fold_key(prev) != fold_key(&canonical)
            {
                return Err(InputError::new(
                    file,
                    format!("'{variant}' maps to both '{prev}' and '{canonical}'"),
                )
                .line(line)
                .hint("a variant may name one institution only"));
            }
            map.insert(key, canonical.clone());
        }
    }
    Ok(map)
}

/// yes/no/true/false/1/0/y/n, any case.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "no" | "n" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Reference {
        Reference::bundled().expect("bundled tables parse")
    }

    #[test]
    fn bundled_table_has_every_member_state_and_observers() {
        let r = reference();
        let members = r.countries().iter().filter(|c| !c.observer).count();
        assert_eq!(members, 193);
        assert!(r.countries().iter().any(|c| c.observer && c.iso3 == "PSE"));
        for g in Region::GROUPS {
            assert!(r.countries().iter().any(|c| c.region == g), "{g} empty");
        }
    }

    #[test]
    fn counting_conventions() {
        let r = reference();
        let region = |code: &str| r.country(code).map(|c| c.region);
        assert_eq!(region("USA"), Some(Region::WesternEuropeanOthers));
        assert_eq!(region("TUR"), Some(Region::WesternEuropeanOthers));
        assert_eq!(region("ISR"), Some(Region::WesternEuropeanOthers));
        assert_eq!(region("KIR"), Some(Region::AsiaPacific));
        assert_eq!(region("CYP"), Some(Region::AsiaPacific));
    }

    #[test]
    fn finds_countries_by_any_spelling() {
        let r = reference();
        assert_eq!(r.country("Viet Nam").map(|c| c.iso3.as_str()), Some("VNM"));
        assert_eq!(r.country("Türkiye").map(|c| c.iso3.as_str()), Some("TUR"));
        assert_eq!(r.country("turkiye").map(|c| c.iso3.as_str()), Some("TUR"));
        assert_eq!(r.country("ken").map(|c| c.iso3.as_str()), Some("KEN"));
        assert_eq!(r.country("Kenia"), None);
        assert_eq!(
            r.suggest_country("Kenia").map(|c| c.iso3.as_str()),
            Some("KEN")
        );
    }

    #[test]
    fn affiliation_variants_merge() {
        let r = reference();
        let mit = r.canonical_affiliation("MIT");
        assert_eq!(r.canonical_affiliation("M.I.T."), mit);
        assert_eq!(
            r.canonical_affiliation("Massachusetts Institute of Technology"),
            mit
        );
        assert_eq!(
            affiliation_key(&r.canonical_affiliation("Some  Lab")),
            affiliation_key(&r.canonical_affiliation("some lab"))
        );
        assert!(is_independent("Independent"));
    }
}
