use std::fmt;

use serde::{Deserialize, Serialize};

/// The five UN regional groups, plus "none" for a nationality outside the
/// reference table (a non-member territory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    African,
    #[serde(rename = "Asia-Pacific")]
    AsiaPacific,
    #[serde(rename = "Eastern European")]
    EasternEuropean,
    #[serde(rename = "Latin American and Caribbean")]
    LatinAmericanCaribbean,
    #[serde(rename = "Western European and Others")]
    WesternEuropeanOthers,
    #[serde(rename = "no regional group")]
    None,
}

impl Region {
    pub const GROUPS: [Region; 5] = [
        Region::African,
        Region::AsiaPacific,
        Region::EasternEuropean,
        Region::LatinAmericanCaribbean,
        Region::WesternEuropeanOthers,
    ];
    pub const COUNT: usize = 6;

    pub fn index(self) -> usize {
        self as usize
    }

    /// Full group name as the UN writes it (also the reference-file spelling).
    pub fn label(self) -> &'static str {
        match self {
            Region::African => "African",
            Region::AsiaPacific => "Asia-Pacific",
            Region::EasternEuropean => "Eastern European",
            Region::LatinAmericanCaribbean => "Latin American and Caribbean",
            Region::WesternEuropeanOthers => "Western European and Others",
            Region::None => "no regional group",
        }
    }

    /// Medium-length name for the rules pane.
    pub fn medium(self) -> &'static str {
        match self {
            Region::African => "African",
            Region::AsiaPacific => "Asia-Pacific",
            Region::EasternEuropean => "East European",
            Region::LatinAmericanCaribbean => "Lat. Am. & Carib.",
            Region::WesternEuropeanOthers => "W. Eur. & Others",
            Region::None => "No group",
        }
    }

    /// Short code for narrow columns.
    pub fn short(self) -> &'static str {
        match self {
            Region::African => "AFR",
            Region::AsiaPacific => "APG",
            Region::EasternEuropean => "EEG",
            Region::LatinAmericanCaribbean => "GRULAC",
            Region::WesternEuropeanOthers => "WEOG",
            Region::None => "—",
        }
    }

    /// Parses labels, short codes and loose spellings ("africa", "asia pacific", "weog").
    pub fn parse(text: &str) -> Option<Region> {
        let k = super::fold_key(text);
        if k.is_empty() {
            return None;
        }
        Region::GROUPS.into_iter().find(|r| {
            let label = super::fold_key(r.label());
            let short = super::fold_key(r.short());
            k == label
                || k == short
                || label.starts_with(&k)
                || (k.len() >= 4 && label.contains(&k))
        })
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Development status after UN DESA's World Economic Situation and Prospects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Development {
    Developed,
    Transition,
    Developing,
    Unknown,
}

impl Development {
    pub const COUNT: usize = 4;
    pub const ALL: [Development; 4] = [
        Development::Developed,
        Development::Transition,
        Development::Developing,
        Development::Unknown,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Development::Developed => "developed",
            Development::Transition => "economy in transition",
            Development::Developing => "developing",
            Development::Unknown => "unclassified",
        }
    }

    pub fn parse(text: &str) -> Option<Development> {
        match super::fold_key(text).as_str() {
            "developed" => Some(Development::Developed),
            "transition" | "economyintransition" | "economiesintransition" => {
                Some(Development::Transition)
            }
            "developing" => Some(Development::Developing),
            _ => None,
        }
    }
}

impl fmt::Display for Development {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_loose_region_names() {
        assert_eq!(Region::parse("africa"), Some(Region::African));
        assert_eq!(Region::parse("Asia Pacific"), Some(Region::AsiaPacific));
        assert_eq!(Region::parse("weog"), Some(Region::WesternEuropeanOthers));
        assert_eq!(
            Region::parse("Latin American and Caribbean"),
            Some(Region::LatinAmericanCaribbean)
        );
        assert_eq!(Region::parse("eastern"), Some(Region::EasternEuropean));
        assert_eq!(Region::parse("mars"), None);
    }
}
