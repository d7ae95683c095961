//! The pool search the TUI filter and `panel-draft search` share: fuzzy
//! name matching on text folded once at load ("jose" finds "José",
//! "overgard" finds "Øvergård"), every word must match, combined with field
//! filters (`nat:KEN region:africa gender:f field:safety aff:oxford
//! nominated eligible`).

mod query;

use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use query::{Filter, Query, Term};

use crate::domain::fold;
use crate::pool::{Ix, Pool};
use crate::rules::Rules;

/// Folded names and sort orders, built once per loaded pool.
pub struct SearchIndex {
    /// Folded ASCII name per candidate.
    folded: Vec<Box<str>>,
    /// For each byte of `folded`, the index of the original char it came from.
    origin: Vec<Box<[u16]>>,
    /// Folded canonical institution names, by interned affiliation.
    affiliations: Vec<String>,
    /// (folded code, folded country name), by interned nationality.
    nationalities: Vec<(String, String)>,
    /// Per sort column, each candidate's rank; built on first use.
    ranks: [OnceLock<Vec<u32>>; SortColumn::COUNT],
}

/// What the search needs from outside the pool: who to leave out (the
/// draft's members) and the committee's marks that filters can ask for.
pub struct Scope<'a> {
    pub include: &'a dyn Fn(Ix) -> bool,
    pub flagged: &'a dyn Fn(Ix) -> bool,
    pub shortlisted: &'a dyn Fn(Ix) -> bool,
    /// `None` while the look-ahead has not answered: `keeps-feasible` then matches everyone.
    pub keeps_feasible: Option<&'a dyn Fn(Ix) -> bool>,
}

impl Scope<'static> {
    /// Everyone, no marks.
    pub fn all() -> Scope<'static> {
        Scope {
            include: &|_| true,
            flagged: &|_| false,
            shortlisted: &|_| false,
            keeps_feasible: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub ix: Ix,
    pub score: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortColumn {
    Name,
    Nationality,
    Region,
    Gender,
    Affiliation,
    Field,
    HIndex,
}

impl SortColumn {
    pub const COUNT: usize = 7;
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Name,
        SortColumn::Nationality,
        SortColumn::Region,
        SortColumn::Gender,
        SortColumn::Affiliation,
        SortColumn::Field,
        SortColumn::HIndex,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Name => "name",
            SortColumn::Nationality => "nationality",
            SortColumn::Region => "region",
            SortColumn::Gender => "gender",
            SortColumn::Affiliation => "affiliation",
            SortColumn::Field => "field",
            SortColumn::HIndex => "h-index",
        }
    }

    pub fn next(self) -> SortColumn {
        SortColumn::ALL[(self as usize + 1) % SortColumn::COUNT]
    }
}

/// How to order hits: by relevance when the query has words, else (or when
/// asked) by a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
    /// Use the column even when the query has words.
    pub explicit: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            column: SortColumn::Name,
            descending: false,
            explicit: false,
        }
    }
}

impl SearchIndex {
    pub fn new(pool: &Pool) -> SearchIndex {
        let mut folded = Vec::with_capacity(pool.len());
        let mut origin = Vec::with_capacity(pool.len());
        for ix in pool.ixs() {
            let (f, o) = fold_with_origin(&pool.candidate(ix).name);
            folded.push(f.into_boxed_str());
            origin.push(o.into_boxed_slice());
        }
        // The canonical name and every spelling seen: `aff:mit` finds MIT.
        let affiliations = (0..pool.affiliations.len() as u32)
            .map(|a| {
                let mut text = fold(pool.affiliations.name(a));
                for spelling in pool.affiliation_spellings(a) {
                    text.push_str(" | ");
                    text.push_str(&fold(spelling));
                }
                text
            })
            .collect();
        let nationalities = (0..pool.nationalities.len() as u32)
            .map(|n| {
                (
                    fold(pool.nationalities.name(n)),
                    fold(pool.nationality_name(n)),
                )
            })
            .collect();
        SearchIndex {
            folded,
            origin,
            affiliations,
            nationalities,
            ranks: Default::default(),
        }
    }

    /// Candidates matching `query`, restricted to `within` when given (the
    /// previous hits, when the new query only narrows the previous one), and
    /// to those `scope` includes. Sorted by `sort`.
    pub fn search(
        &self,
        pool: &Pool,
        rules: &Rules,
        query: &Query,
        within: Option<&[Hit]>,
        scope: &Scope<'_>,
        sort: Sort,
    ) -> Vec<Hit> {
        let include = scope.include;
        let filter = query.compile(rules, self, scope);
        let words: Vec<&str> = query.words().collect();
        let matcher = SkimMatcherV2::default();
        let mut test = |ix: Ix| -> Option<Hit> {
            if !include(ix) || !filter.accepts(pool, ix, scope) {
                return None;
            }
            let name = self.folded.get(ix as usize)?;
            let mut score = 0;
            for w in &words {
                if !is_subsequence(w.as_bytes(), name.as_bytes()) {
                    return None;
                }
                score += matcher.fuzzy_match(name, w)?;
            }
            Some(Hit { ix, score })
        };
        let mut hits: Vec<Hit> = match within {
            Some(prev) => prev.iter().filter_map(|h| test(h.ix)).collect(),
            None => pool.ixs().filter_map(&mut test).collect(),
        };
        self.sort(pool, &mut hits, sort, !words.is_empty());
        hits
    }

    pub fn sort(&self, pool: &Pool, hits: &mut [Hit], sort: Sort, by_score: bool) {
        let rank = self.ranks(pool, sort.column);
        let key = |h: &Hit| rank.get(h.ix as usize).copied().unwrap_or(u32::MAX);
        if by_score && !sort.explicit {
            let name = self.ranks(pool, SortColumn::Name);
            hits.sort_unstable_by_key(|h| {
                (std::cmp::Reverse(h.score), name.get(h.ix as usize).copied())
            });
        } else if sort.descending {
            hits.sort_unstable_by_key(|h| std::cmp::Reverse(key(h)));
        } else {
            hits.sort_unstable_by_key(key);
        }
    }

    fn ranks(&self, pool: &Pool, column: SortColumn) -> &[u32] {
        self.ranks[column as usize].get_or_init(|| {
            let mut order: Vec<Ix> = pool.ixs().collect();
            let name = |ix: Ix| self.folded.get(ix as usize).map_or("", |s| s);
            match column {
                SortColumn::Name => order.sort_by(|&a, &b| name(a).cmp(name(b))),
                SortColumn::Nationality => order
                    .sort_by(|&a, &b| pool.primary_nationality(a).cmp(pool.primary_nationality(b))),
                SortColumn::Region => order.sort_by_key(|&ix| pool.facts(ix).region),
                SortColumn::Gender => order.sort_by_key(|&ix| pool.facts(ix).gender),
                SortColumn::Affiliation => {
                    order.sort_by_cached_key(|&ix| fold(pool.primary_affiliation(ix)))
                }
                SortColumn::Field => order.sort_by_key(|&ix| pool.facts(ix).top_field),
                SortColumn::HIndex => order.sort_by_key(|&ix| pool.candidate(ix).h_index),
            }
            let mut rank = vec![0; order.len()];
            for (r, ix) in order.into_iter().enumerate() {
                rank[ix as usize] = r as u32;
            }
            rank
        })
    }

    /// Char positions in the original name that the query's words matched,
    /// for highlighting. Computed for visible rows only.
    pub fn highlight(&self, ix: Ix, query: &Query) -> Vec<usize> {
        let (Some(name), Some(origin)) =
            (self.folded.get(ix as usize), self.origin.get(ix as usize))
        else {
            return Vec::new();
        };
        let matcher = SkimMatcherV2::default();
        let mut out = Vec::new();
        for w in query.words() {
            if let Some((_, idx)) = matcher.fuzzy_indices(name, w) {
                // `idx` are char indices into the ASCII folded name, i.e. bytes.
                out.extend(
                    idx.into_iter()
                        .filter_map(|i| origin.get(i).map(|&o| usize::from(o))),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(crate) fn affiliation_text(&self, id: u32) -> &str {
        self.affiliations
            .get(id as usize)
            .map_or("", String::as_str)
    }

    pub(crate) fn nationality_text(&self, id: u32) -> (&str, &str) {
        self.nationalities
            .get(id as usize)
            .map_or(("", ""), |(c, n)| (c.as_str(), n.as_str()))
    }

    pub(crate) fn nationality_count(&self) -> usize {
        self.nationalities.len()
    }

    pub(crate) fn affiliation_count(&self) -> usize {
        self.affiliations.len()
    }
}

/// Folds a name as [`fold`] does, remembering which original char each
/// folded byte came from.
fn fold_with_origin(name: &str) -> (String, Vec<u16>) {
    let mut out = String::with_capacity(name.len());
    let mut origin = Vec::with_capacity(name.len());
    for (ci, c) in name.chars().enumerate() {
        let ci = u16::try_from(ci).unwrap_or(u16::MAX);
        let piece = if c.is_ascii() {
            None
        } else {
            Some(deunicode::deunicode_char(c).unwrap_or(" "))
        };
        let mut push = |b: char| {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
                origin.push(ci);
            } else if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
                origin.push(ci);
            }
        };
        match piece {
            None => push(c),
            Some(p) => p.chars().for_each(&mut push),
        }
    }
    if out.ends_with(' ') {
        out.pop();
        origin.pop();
    }
    (out, origin)
}

/// Cheap pre-check before the fuzzy scorer: are `needle`'s bytes in order
/// in `hay`? Rejects most candidates in a few nanoseconds.
fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|n| it.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_origins() {
        let (f, o) = fold_with_origin("José Ñúñez");
        assert_eq!(f, "jose nunez");
        assert_eq!(o.len(), f.len());
        assert_eq!(o[3], 3); // 'e' from 'é'
        assert_eq!(o[5], 5); // 'n' from 'Ñ'
        let (f, o) = fold_with_origin("Øvergård");
        assert_eq!(f, "overgard");
        assert_eq!(o[0], 0);
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence(b"jse", b"jose"));
        assert!(!is_subsequence(b"jsx", b"jose"));
        assert!(is_subsequence(b"", b"x"));
    }
}
