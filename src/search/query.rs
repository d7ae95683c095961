//! Parsing the filter line into words and field filters, and compiling the
//! filters once per query into look-up tables so that testing a candidate
//! is a few array reads.

use super::SearchIndex;
use crate::domain::{Field, FieldSet, Gender, Region, fold};
use crate::pool::{Ix, Pool};
use crate::rules::Rules;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `nat:KEN`, `nat:kenya`: any listed nationality, by code or name prefix.
    Nationality(String),
    /// `region:africa`
    Region(String),
    /// `gender:f`
    Gender(String),
    /// `field:safety`: any field whose label contains the text.
    Field(String),
    /// `aff:oxford`: any institution whose canonical name contains the text.
    Affiliation(String),
    /// `nominated`: nominated by at least one Member State.
    Nominated,
    /// `eligible`: not UN staff and applied by the deadline.
    Eligible,
    /// `conflict`: declared a conflict of interest.
    Conflict,
    /// `flagged`: flagged for discussion.
    Flagged,
    /// `shortlisted`
    Shortlisted,
    /// `keeps-feasible`: adding them still leaves a valid completion.
    KeepsFeasible,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Filter(Filter),
}

/// A parsed filter line. Words are folded; unknown `key:` prefixes are
/// treated as words so nothing the user types is silently dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut terms = Vec::new();
        for token in text.split_whitespace() {
            let lower = token.to_lowercase();
            let filter = match lower.split_once(':') {
                Some((key, value)) if !value.is_empty() => match key {
                    "nat" | "nationality" | "country" => Some(Filter::Nationality(fold(value))),
                    "region" | "group" => Some(Filter::Region(value.to_owned())),
                    "gender" | "g" => Some(Filter::Gender(value.to_owned())),
                    "field" | "f" => Some(Filter::Field(fold(value))),
                    "aff" | "affiliation" | "inst" => Some(Filter::Affiliation(fold(value))),
                    _ => None,
                },
                Some(("nat" | "region" | "gender" | "field" | "aff", "")) => {
                    // A filter being typed: not yet a constraint.
                    continue;
                }
                _ => match lower.as_str() {
                    "nominated" => Some(Filter::Nominated),
                    "eligible" => Some(Filter::Eligible),
                    "conflict" => Some(Filter::Conflict),
                    "flagged" => Some(Filter::Flagged),
                    "shortlisted" | "shortlist" => Some(Filter::Shortlisted),
                    "keeps-feasible" | "feasible" => Some(Filter::KeepsFeasible),
                    _ => None,
                },
            };
            match filter {
                Some(f) => terms.push(Term::Filter(f)),
                None => {
                    for w in fold(token).split(' ').filter(|w| !w.is_empty()) {
                        terms.push(Term::Word(w.to_owned()));
                    }
                }
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().filter_map(|t| match t {
            Term::Word(w) => Some(w.as_str()),
            Term::Filter(_) => None,
        })
    }

    /// True when every candidate matching `self` also matches `prev`, so a
    /// search may start from `prev`'s hits (the user typed one more
    /// character or word).
    pub fn narrows(&self, prev: &Query) -> bool {
        if prev.terms.len() > self.terms.len() {
            return false;
        }
        prev.terms
            .iter()
            .zip(&self.terms)
            .all(|(p, n)| match (p, n) {
                (Term::Word(a), Term::Word(b)) => is_subsequence_str(a, b),
                (Term::Filter(a), Term::Filter(b)) => a == b || extends(a, b),
                _ => false,
            })
    }

    pub(super) fn compile(
        &self,
        rules: &Rules,
        index: &SearchIndex,
        _scope: &super::Scope<'_>,
    ) -> Compiled {
        let mut c = Compiled::default();
        for t in &self.terms {
            let Term::Filter(f) = t else { continue };
            match f {
                Filter::Nationality(v) => {
                    let set = (0..index.nationality_count() as u32)
                        .map(|n| {
                            let (code, name) = index.nationality_text(n);
                            code == v || name.starts_with(v.as_str())
                        })
                        .collect();
                    c.nationality.push(set);
                }
                Filter::Region(v) => c.region.push(Region::parse(v)),
                Filter::Gender(v) => c.gender.push(Gender::parse(v).or_else(|| {
                    Gender::ALL
                        .into_iter()
                        .find(|g| g.label().starts_with(v.as_str()))
                })),
                Filter::Field(v) => c.fields.push(
                    Field::all()
                        .filter(|f| {
                            fold(&f.qualified()).contains(v.as_str())
                                || fold(f.short()).contains(v.as_str())
                        })
                        .collect(),
                ),
                Filter::Affiliation(v) => c.affiliation.push(
                    (0..index.affiliation_count() as u32)
                        .map(|a| index.affiliation_text(a).contains(v.as_str()))
                        .collect(),
                ),
                Filter::Nominated => c.nominated = true,
                Filter::Eligible => c.eligible = Some((rules.deadline, rules.exclude_un_staff)),
                Filter::Conflict => c.conflict = true,
                Filter::Flagged => c.flagged = true,
                Filter::Shortlisted => c.shortlisted = true,
                Filter::KeepsFeasible => c.keeps_feasible = true,
            }
        }
        c
    }
}

fn extends(prev: &Filter, next: &Filter) -> bool {
    match (prev, next) {
        // "contains" filters: a longer text matches a subset.
        (Filter::Field(a), Filter::Field(b)) | (Filter::Affiliation(a), Filter::Affiliation(b)) => {
            b.starts_with(a.as_str())
        }
        _ => false,
    }
}

fn is_subsequence_str(a: &str, b: &str) -> bool {
    super::is_subsequence(a.as_bytes(), b.as_bytes())
}

/// Filters as look-up tables. Several filters of one kind all apply.
#[derive(Default)]
pub(super) struct Compiled {
    nationality: Vec<Vec<bool>>,
    affiliation: Vec<Vec<bool>>,
    /// `None` inside: a value that names no region/gender; matches nothing.
    region: Vec<Option<Region>>,
    gender: Vec<Option<Gender>>,
    fields: Vec<FieldSet>,
    nominated: bool,
    conflict: bool,
    flagged: bool,
    shortlisted: bool,
    keeps_feasible: bool,
    /// `eligible`: (deadline, whether UN staff are excluded).
    eligible: Option<(crate::domain::Date, bool)>,
}

impl Compiled {
    pub(super) fn accepts(&self, pool: &Pool, ix: Ix, scope: &super::Scope<'_>) -> bool {
        let f = pool.facts(ix);
        self.nationality.iter().all(|set| {
            f.nationalities
                .iter()
                .any(|&n| set.get(n as usize).copied().unwrap_or(false))
        }) && self.affiliation.iter().all(|set| {
            f.affiliations
                .iter()
                .any(|&a| set.get(a as usize).copied().unwrap_or(false))
        }) && self.region.iter().all(|r| *r == Some(f.region))
            && self.gender.iter().all(|g| *g == Some(f.gender))
            && self.fields.iter().all(|s| s.intersects(f.fields))
            && (!self.nominated || f.nominated)
            && (!self.conflict || f.conflict)
            && (!self.flagged || (scope.flagged)(ix))
            && (!self.shortlisted || (scope.shortlisted)(ix))
            && (!self.keeps_feasible || scope.keeps_feasible.is_none_or(|k| k(ix)))
            && self.eligible.is_none_or(|(deadline, no_staff)| {
                !(no_staff && f.un_staff) && f.submitted.is_some_and(|d| d <= deadline)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_and_filters() {
        let q = Query::parse(
            "José  nat:KEN region:africa gender:f field:safety aff:Oxford nominated eligible",
        );
        assert_eq!(q.words().collect::<Vec<_>>(), vec!["jose"]);
        assert!(
            q.terms
                .contains(&Term::Filter(Filter::Nationality("ken".into())))
        );
        assert!(
            q.terms
                .contains(&Term::Filter(Filter::Affiliation("oxford".into())))
        );
        assert!(q.terms.contains(&Term::Filter(Filter::Nominated)));
        assert!(q.terms.contains(&Term::Filter(Filter::Eligible)));
        // A half-typed filter is not a constraint yet; unknown keys are words.
        assert_eq!(Query::parse("nat:").terms, vec![]);
        assert_eq!(
            Query::parse("foo:bar").words().collect::<Vec<_>>(),
            vec!["foo", "bar"]
        );
    }

    #[test]
    fn narrowing() {
        let a = Query::parse("jo");
        let b = Query::parse("jos");
        let c = Query::parse("jos ngu");
        assert!(b.narrows(&a));
        assert!(c.narrows(&b));
        assert!(!a.narrows(&b));
        assert!(!Query::parse("nominated").narrows(&Query::parse("nomin")));
        assert!(Query::parse("jo nat:ken").narrows(&Query::parse("jo")));
        assert!(Query::parse("aff:oxf").narrows(&Query::parse("aff:ox")));
        assert!(!Query::parse("nat:ken").narrows(&Query::parse("nat:ke")));
    }
}
