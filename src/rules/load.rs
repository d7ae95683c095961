//! Reading the rules: `rules.toml` (bundled, or `--rules FILE`), or only the
//! quotas from a CSV in the Sortition Foundation layout `feature,value,min,max`.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use super::{Feature, HardSources, Quota, RoleRules, Rules};
use crate::diag::{InputError, line_of};
use crate::domain::{Date, Development, Field, Gender, Region, fold_key};

pub const BUNDLED_RULES: &str = include_str!("../../sample-data/rules.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    panel: PanelSection,
    #[serde(default, rename = "quota")]
    quotas: Vec<toml::Spanned<QuotaEntry>>,
    #[serde(default)]
    roles: Option<RolesSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesSection {
    co_chairs: Option<u32>,
    max_vice_chairs: Option<u32>,
    max_chairs_per_region: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PanelSection {
    size: u32,
    per_nationality: u32,
    per_affiliation: u32,
    exclude_un_staff: bool,
    application_deadline: String,
    #[serde(default)]
    sources: SourcesSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SourcesSection {
    #[serde(default)]
    size: String,
    #[serde(default)]
    nationality: String,
    #[serde(default)]
    affiliation: String,
    #[serde(default)]
    un_staff: String,
    #[serde(default)]
    deadline: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotaEntry {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    label: Option<String>,
    /// Label for narrow panes.
    #[serde(default)]
    short: Option<String>,
    feature: String,
    /// A value, or "*" for one quota per value of the feature.
    value: String,
    min: Option<i64>,
    max: Option<i64>,
    #[serde(default)]
    source: String,
}

/// Loads rules from `path` (TOML, or CSV by extension) or the bundled file.
pub fn load_rules(path: Option<&Path>) -> Result<Rules, InputError> {
    let Some(path) = path else {
        return parse_toml(Path::new("sample-data/rules.toml"), BUNDLED_RULES);
    };
    let bytes = std::fs::read(path).map_err(|e| {
        InputError::new(path, format!("cannot read the rules file: {e}"))
            .hint("check the path given to --rules")
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        InputError::new(path, "the file is not valid UTF-8")
            .line(line_of(&bytes, e.valid_up_to()))
            .hint("save it as UTF-8")
    })?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        parse_quota_csv(path, text)
    } else {
        parse_toml(path, text)
    }
}

fn span_line(text: &str, span: Option<Range<usize>>) -> Option<usize> {
    span.map(|s| line_of(text.as_bytes(), s.start))
}

pub fn parse_toml(path: &Path, text: &str) -> Result<Rules, InputError> {
    let file: RulesFile = toml::from_str(text).map_err(|e| {
        let mut err = InputError::new(path, e.message().trim().to_string())
            .hint("see sample-data/rules.toml for the expected layout");
        if let Some(line) = span_line(text, e.span()) {
            err = err.line(line);
        }
        err
    })?;
    let p = file.panel;
    let deadline = Date::parse(&p.application_deadline)
        .map_err(|m| InputError::new(path, m).column("application_deadline"))?;
    let mut rules = Rules {
        size: p.size,
        per_nationality: p.per_nationality,
        per_affiliation: p.per_affiliation,
        exclude_un_staff: p.exclude_un_staff,
        deadline,
        quotas: Vec::new(),
        sources: HardSources {
            size: p.sources.size,
            nationality: p.sources.nationality,
            affiliation: p.sources.affiliation,
            un_staff: p.sources.un_staff,
            deadline: p.sources.deadline,
        },
        roles: RoleRules::default(),
    };
    if let Some(r) = file.roles {
        let d = RoleRules::default();
        rules.roles = RoleRules {
            co_chairs: r.co_chairs.unwrap_or(d.co_chairs),
            max_vice_chairs: r.max_vice_chairs.unwrap_or(d.max_vice_chairs),
            max_chairs_per_region: r.max_chairs_per_region.unwrap_or(d.max_chairs_per_region),
        };
    }
    if rules.size == 0 {
        return Err(InputError::new(path, "panel size must be at least 1").column("size"));
    }
    if rules.per_nationality == 0 || rules.per_affiliation == 0 {
        return Err(
            InputError::new(path, "a cap of 0 would refuse everyone").hint("use at least 1")
        );
    }
    for spanned in file.quotas {
        let line = line_of(text.as_bytes(), spanned.span().start);
        let q = spanned.into_inner();
        let entry = RawQuota {
            feature: &q.feature,
            value: &q.value,
            min: q.min,
            max: q.max,
        };
        for mut quota in entry.expand(path, line, rules.size)? {
            if let Some(id) = &q.id {
                if q.value.trim() == "*" {
                    quota.id = format!("{id}:{}", quota.id);
                } else {
                    quota.id = id.clone();
                }
            }
            if let Some(label) = &q.label
                && q.value.trim() != "*"
            {
                quota.label = label.clone();
                quota.short = q.short.clone().unwrap_or_else(|| label.clone());
            }
            quota.source = q.source.clone();
            rules.quotas.push(quota);
        }
    }
    validate(path, &rules, text)?;
    Ok(rules)
}

/// Quotas from `feature,value,min,max` (headers case-insensitive, extra
/// columns ignored); the hard rules stay those of the bundled file.
pub fn parse_quota_csv(path: &Path, text: &str) -> Result<Rules, InputError> {
    let mut rules = parse_toml(Path::new("sample-data/rules.toml"), BUNDLED_RULES)?;
    rules.quotas.clear();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| InputError::new(path, e.to_string()).line(1))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| fold_key(h) == name)
            .ok_or_else(|| {
                InputError::new(path, format!("missing column '{name}'"))
                    .line(1)
                    .hint("the header must be feature,value,min,max")
            })
    };
    let (cf, cv, cmin, cmax) = (col("feature")?, col("value")?, col("min")?, col("max")?);
    let mut rows = 0;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| InputError::new(path, e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let num = |i: usize, name: &str| -> Result<Option<i64>, InputError> {
            let cell = rec.get(i).unwrap_or("").trim();
            if cell.is_empty() {
                return Ok(None);
            }
            cell.parse::<i64>().map(Some).map_err(|_| {
                InputError::new(path, format!("'{cell}' is not a whole number"))
                    .line(line)
                    .column(name)
            })
        };
        let entry = RawQuota {
            feature: rec.get(cf).unwrap_or(""),
            value: rec.get(cv).unwrap_or(""),
            min: num(cmin, "min")?,
            max: num(cmax, "max")?,
        };
        rules.quotas.extend(entry.expand(path, line, rules.size)?);
        rows += 1;
    }
    if rows == 0 {
        return Err(
            InputError::new(path, "no quota rows").hint("add rows such as: gender,female,16,24")
        );
    }
    validate(path, &rules, text)?;
    Ok(rules)
}

struct RawQuota<'a> {
    feature: &'a str,
    value: &'a str,
    min: Option<i64>,
    max: Option<i64>,
}

impl RawQuota<'_> {
    fn expand(&self, path: &Path, line: usize, size: u32) -> Result<Vec<Quota>, InputError> {
        let err = |col: &str, msg: String| InputError::new(path, msg).line(line).column(col);
        let bound = |v: Option<i64>, col: &str| -> Result<Option<u32>, InputError> {
            match v {
                None => Ok(None),
                Some(n) if n < 0 => Err(err(col, format!("{col} is {n}; it cannot be negative"))),
                Some(n) if n > i64::from(size) => Err(err(
                    col,
                    format!("{col} is {n}, more than the {size} seats of the panel"),
                )),
                Some(n) => Ok(Some(n as u32)),
            }
        };
        let (min, max) = (bound(self.min, "min")?, bound(self.max, "max")?);
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            return Err(
                err("min", format!("min {a} is greater than max {b}")).hint("swap them or fix one")
            );
        }
        let features = features_for(self.feature, self.value).map_err(|m| err("feature", m))?;
        Ok(features
            .into_iter()
            .map(|feature| {
                let (id, label) = describe(feature);
                Quota {
                    id,
                    label,
                    short: short_label(feature),
                    feature,
                    min,
                    max,
                    source: String::new(),
                }
            })
            .collect())
    }
}

fn features_for(feature: &str, value: &str) -> Result<Vec<Feature>, String> {
    let all = value.trim() == "*";
    let unknown =
        |what: &str, accepted: String| format!("unknown {what} '{value}'; accepted: {accepted}");
    Ok(match fold_key(feature).as_str() {
        "gender" => {
            if all {
                Gender::ALL.into_iter().map(Feature::Gender).collect()
            } else {
                let g = Gender::parse(value).ok_or_else(|| {
                    unknown("gender", "female, male, non-binary, undisclosed".into())
                })?;
                vec![Feature::Gender(g)]
            }
        }
        "region" | "regionalgroup" | "group" => {
            if all {
                Region::GROUPS.into_iter().map(Feature::Region).collect()
            } else {
                let r = Region::parse(value).ok_or_else(|| {
                    unknown(
                        "regional group",
                        Region::GROUPS.map(|r| r.label()).join(", "),
                    )
                })?;
                vec![Feature::Region(r)]
            }
        }
        "development" | "developmentstatus" => {
            let d = Development::parse(value).ok_or_else(|| {
                unknown(
                    "development status",
                    "developed, transition, developing".into(),
                )
            })?;
            vec![Feature::Development(d)]
        }
        "field" | "fields" | "expertise" => {
            if all {
                Field::all().map(Feature::Field).collect()
            } else {
                let f = Field::parse(value).ok_or_else(|| {
                    format!(
                        "unknown field of expertise '{value}'; did you mean '{}'?",
                        Field::closest(value)
                    )
                })?;
                vec![Feature::Field(f)]
            }
        }
        "nominated" | "nomination" => vec![Feature::Nominated],
        "ldc" => vec![Feature::Ldc],
        "conflict" | "conflictofinterest" => vec![Feature::Conflict],
        _ => {
            return Err(format!(
                "unknown feature '{feature}'; accepted: gender, region, development, field, nominated, ldc, conflict"
            ));
        }
    })
}

fn describe(feature: Feature) -> (String, String) {
    match feature {
        Feature::Gender(Gender::Female) => ("women".into(), "Women".into()),
        Feature::Gender(Gender::Male) => ("men".into(), "Men".into()),
        Feature::Gender(g) => (format!("gender-{}", g.label()), capitalise(g.label())),
        Feature::Region(r) => (
            format!("region-{}", r.short().to_ascii_lowercase()),
            r.label().into(),
        ),
        Feature::Development(d) => (
            format!("development-{}", fold_key(d.label())),
            format!("{} countries", capitalise(d.label())),
        ),
        Feature::Field(f) => (format!("field-{}", f.index() + 1), f.qualified()),
        Feature::Nominated => ("nominated".into(), "Nominated by a Member State".into()),
        Feature::Ldc => ("ldc".into(), "LDC nationals".into()),
        Feature::Conflict => ("conflicts".into(), "Declared conflicts".into()),
    }
}

fn short_label(feature: Feature) -> String {
    match feature {
        Feature::Gender(Gender::Female) => "Women".into(),
        Feature::Gender(Gender::Male) => "Men".into(),
        Feature::Gender(g) => capitalise(g.label()),
        Feature::Region(r) => r.medium().into(),
        Feature::Development(Development::Developing) => "Developing".into(),
        Feature::Development(d) => capitalise(d.label()),
        Feature::Field(f) => f.short().into(),
        Feature::Nominated => "Nominated".into(),
        Feature::Ldc => "LDC nationals".into(),
        Feature::Conflict => "Conflicts".into(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Targets that no panel could meet are an error in the file, caught before
/// any draft is judged against them.
fn validate(path: &Path, rules: &Rules, text: &str) -> Result<(), InputError> {
    let mut ids = std::collections::HashSet::new();
    for q in &rules.quotas {
        if !ids.insert(q.id.as_str()) {
            return Err(
                InputError::new(path, format!("quota '{}' is defined twice", q.id))
                    .hint("give each quota one line"),
            );
        }
    }
    for group in ["gender", "region", "development"] {
        let in_group: Vec<&Quota> = rules
            .quotas
            .iter()
            .filter(|q| q.feature.group() == Some(group))
            .collect();
        let mins: u32 = in_group.iter().filter_map(|q| q.min).sum();
        if mins > rules.size {
            let line = text
                .lines()
                .position(|l| l.to_ascii_lowercase().contains(group))
                .map(|i| i + 1);
            let mut e = InputError::new(
                path,
                format!(
                    "the {group} minimums add up to {mins}, more than the {} seats",
                    rules.size
                ),
            )
            .hint("lower some minimums so that they fit in the panel");
            if let Some(l) = line {
                e = e.line(l);
            }
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_load() {
        let r = load_rules(None).expect("bundled rules");
        assert_eq!(r.size, 40);
        assert_eq!(r.per_nationality, 2);
        assert_eq!(r.per_affiliation, 2);
        assert_eq!(r.deadline.to_string(), "2025-10-31");
        assert!(
            r.quotas
                .iter()
                .any(|q| q.id == "women" && q.min == Some(16))
        );
        assert_eq!(
            r.quotas
                .iter()
                .filter(|q| matches!(q.feature, Feature::Field(_)))
                .count(),
            18
        );
        assert_eq!(
            r.quotas
                .iter()
                .filter(|q| matches!(q.feature, Feature::Region(_)))
                .count(),
            5
        );
    }

    #[test]
    fn sortition_csv_quotas() {
        let r = parse_quota_csv(
            Path::new("q.csv"),
            "Feature,Value,Min,Max\ngender,female,18,22\nregion,africa,6,10\n",
        )
        .unwrap();
        assert_eq!(r.quotas.len(), 2);
        assert_eq!(r.quotas[1].feature, Feature::Region(Region::African));
        assert_eq!(r.size, 40);
    }

    #[test]
    fn bad_rules_name_the_line() {
        let e = parse_quota_csv(
            Path::new("q.csv"),
            "feature,value,min,max\ngender,female,18,22\nregion,africa,9,3\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().contains("greater than max"), "{e}");
        let e = parse_quota_csv(Path::new("q.csv"), "feature,value,min,max\nregion,*,9,20\n")
            .unwrap_err();
        assert!(e.to_string().contains("add up to 45"), "{e}");
        let e = parse_quota_csv(
            Path::new("q.csv"),
            "feature,value,min,max\nplanet,mars,1,2\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown feature"), "{e}");
        let e = parse_toml(Path::new("r.toml"), "[panel]\nsize = 40\n").unwrap_err();
        assert!(e.to_string().contains("missing field"), "{e}");
    }
}
