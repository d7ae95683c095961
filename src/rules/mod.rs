//! The selection rules of resolution 79/325 as data (`rules.toml` or a
//! Sortition-Foundation-style quota CSV) and the engine that checks a draft
//! against them with incrementally kept counters.

mod counters;
mod engine;
mod load;
mod roles;

use serde::Serialize;

pub use counters::Counters;
pub use engine::{
    Preview, Report, RuleChange, RuleKind, RuleStatus, Status, Violation, check_add, eligibility,
    preview, preview_remove, report,
};
pub use load::{BUNDLED_RULES, load_rules};

use crate::domain::{Date, Development, Field, Gender, Region};
use crate::pool::Facts;

/// Hard rules: a change that breaks one is refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rules {
    /// Seats on the panel ("comprising 40 members").
    pub size: u32,
    /// At most this many members share a nationality (every listed nationality counts).
    pub per_nationality: u32,
    /// At most this many members share an institution (every listed affiliation counts).
    pub per_affiliation: u32,
    pub exclude_un_staff: bool,
    /// Last day an online application could be submitted.
    pub deadline: Date,
    /// Balance targets and informational counts.
    pub quotas: Vec<Quota>,
    /// Where each hard rule comes from (quoted from the seed documents).
    pub sources: HardSources,
    pub roles: RoleRules,
}

/// Offices: 79/325 para. 1 (b) "two co-chairs, one from a developed country
/// and one from a developing country, and up to three vice-chairs, taking
/// into account geographical balance and gender balance".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleRules {
    pub co_chairs: u32,
    pub max_vice_chairs: u32,
    /// Co-chairs and vice-chairs together from one regional group at most.
    pub max_chairs_per_region: u32,
}

impl Default for RoleRules {
    fn default() -> RoleRules {
        RoleRules {
            co_chairs: 2,
            max_vice_chairs: 3,
            max_chairs_per_region: 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HardSources {
    pub size: String,
    pub nationality: String,
    pub affiliation: String,
    pub un_staff: String,
    pub deadline: String,
}

/// A count of members with some feature, with an optional target range.
/// Without min and max it is informational (shown, never failing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quota {
    pub id: String,
    pub label: String,
    /// For narrow panes.
    pub short: String,
    pub feature: Feature,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub source: String,
}

impl Quota {
    pub fn is_info(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    pub fn satisfied_by(&self, count: u32) -> bool {
        self.min.is_none_or(|m| count >= m) && self.max.is_none_or(|m| count <= m)
    }

    /// "≥16", "[5–11]", "≤2" or "" for an informational count.
    pub fn target_text(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) => format!("[{a}–{b}]"),
            (Some(a), None) => format!("≥{a}"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => String::new(),
        }
    }
}

/// What a quota counts. Each member counts once per feature value: region
/// and development by primary nationality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "feature", content = "value", rename_all = "kebab-case")]
pub enum Feature {
    Gender(Gender),
    Region(Region),
    Development(Development),
    Field(Field),
    Nominated,
    Ldc,
    Conflict,
}

impl Feature {
    pub fn applies_to(self, f: &Facts) -> bool {
        match self {
            Feature::Gender(g) => f.gender == g,
            Feature::Region(r) => f.region == r,
            Feature::Development(d) => f.development == d,
            Feature::Field(x) => f.fields.contains(x),
            Feature::Nominated => f.nominated,
            Feature::Ldc => f.ldc,
            Feature::Conflict => f.conflict,
        }
    }

    /// Features whose values partition the panel (each member has exactly one).
    pub fn group(self) -> Option<&'static str> {
        match self {
            Feature::Gender(_) => Some("gender"),
            Feature::Region(_) => Some("region"),
            Feature::Development(_) => Some("development"),
            _ => None,
        }
    }
}
