use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The 18 fields of expertise of the application form (note verbale,
/// attachment, "Fields of expertise"): 12 under "Artificial intelligence",
/// 6 under "Related fields".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Field(u8);

pub const FIELD_COUNT: usize = 18;

struct FieldInfo {
    label: &'static str,
    short: &'static str,
    related: bool,
}

const FIELDS: [FieldInfo; FIELD_COUNT] = [
    FieldInfo {
        label: "Foundation models & generative AI",
        short: "Generative AI",
        related: false,
    },
    FieldInfo {
        label: "Model architectures & optimization",
        short: "Architectures",
        related: false,
    },
    FieldInfo {
        label: "Machine learning methods",
        short: "ML methods",
        related: false,
    },
    FieldInfo {
        label: "Core AI subfields",
        short: "Core AI",
        related: false,
    },
    FieldInfo {
        label: "Reliability, safety & alignment",
        short: "Safety",
        related: false,
    },
    FieldInfo {
        label: "Cognitive & neuroscience links",
        short: "Cog & neuro",
        related: false,
    },
    FieldInfo {
        label: "Applied AI: science",
        short: "Applied sci",
        related: false,
    },
    FieldInfo {
        label: "Applied AI: engineering, industry & mobility",
        short: "Applied eng",
        related: false,
    },
    FieldInfo {
        label: "Applied AI: digital society",
        short: "Digital soc",
        related: false,
    },
    FieldInfo {
        label: "Human interaction",
        short: "Human-AI",
        related: false,
    },
    FieldInfo {
        label: "AI security and infrastructure",
        short: "AI security",
        related: false,
    },
    FieldInfo {
        label: "Other",
        short: "AI other",
        related: false,
    },
    FieldInfo {
        label: "AI opportunity, risk and impact assessment",
        short: "Risk assess",
        related: true,
    },
    FieldInfo {
        label: "AI impacts on society, technology, economy, and environment",
        short: "Impacts",
        related: true,
    },
    FieldInfo {
        label: "AI security and infrastructure",
        short: "Sec & infra",
        related: true,
    },
    FieldInfo {
        label: "Data, ethics, and rights",
        short: "Ethics",
        related: true,
    },
    FieldInfo {
        label: "Governance",
        short: "Governance",
        related: true,
    },
    FieldInfo {
        label: "Other",
        short: "Rel. other",
        related: true,
    },
];

impl Field {
    pub fn all() -> impl Iterator<Item = Field> {
        (0..FIELD_COUNT as u8).map(Field)
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn from_index(i: usize) -> Option<Field> {
        (i < FIELD_COUNT).then_some(Field(i as u8))
    }

    /// The form's label, without the "AI:"/"Related:" group.
    pub fn label(self) -> &'static str {
        FIELDS[self.index()].label
    }

    pub fn short(self) -> &'static str {
        FIELDS[self.index()].short
    }

    pub fn is_related(self) -> bool {
        FIELDS[self.index()].related
    }

    /// Unambiguous name: "AI: Other", "Related: Governance".
    pub fn qualified(self) -> String {
        let group = if self.is_related() { "Related" } else { "AI" };
        format!("{group}: {}", self.label())
    }

    /// Parses a label as written in an application export. A "AI: " or
    /// "Related: " prefix picks the group; without it, the two labels that
    /// exist in both groups ("Other", "AI security and infrastructure")
    /// mean the AI entry.
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim();
        let (group, rest) = match t.split_once(':') {
            Some((g, rest)) if super::fold_key(g) == "ai" => (Some(false), rest),
            Some((g, rest))
                if super::fold_key(g) == "related" || super::fold_key(g) == "relatedfields" =>
            {
                (Some(true), rest)
            }
            _ => (None, t),
        };
        let key = super::fold_key(rest);
        let keys = folded_labels();
        let matches = |want_related: bool| {
            FIELDS
                .iter()
                .zip(keys)
                .position(|(f, k)| f.related == want_related && *k == key)
                .map(|i| Field(i as u8))
        };
        match group {
            Some(related) => matches(related),
            None => matches(false).or_else(|| matches(true)),
        }
    }

    /// Suggests the closest label for an error message.
    pub fn closest(text: &str) -> Field {
        let key = super::fold_key(text);
        Field::all()
            .min_by_key(|f| crate::text::edit_distance(&super::fold_key(f.label()), &key))
            .unwrap_or(Field(0))
    }
}

/// The labels folded once (parsing runs for every field of every
/// candidate at import and at load).
fn folded_labels() -> &'static [String; FIELD_COUNT] {
    static KEYS: std::sync::OnceLock<[String; FIELD_COUNT]> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| FIELDS.map(|f| super::fold_key(f.label)))
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.qualified())
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.qualified())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let s = String::deserialize(d)?;
        Field::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown field of expertise '{s}'")))
    }
}

/// A set of fields as a bit mask: cheap to copy, test and count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u32);

impl FieldSet {
    pub fn insert(&mut self, f: Field) {
        self.0 |= 1 << f.0;
    }

    pub fn contains(self, f: Field) -> bool {
        self.0 & (1 << f.0) != 0
    }

    pub fn intersects(self, other: FieldSet) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::all().filter(move |f| self.contains(*f))
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(iter: I) -> Self {
        let mut s = FieldSet::default();
        for f in iter {
            s.insert(f);
        }
        s
    }
}

impl Serialize for FieldSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for FieldSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FieldSet, D::Error> {
        Ok(Vec::<Field>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighteen_fields_twelve_ai_six_related() {
        assert_eq!(Field::all().count(), 18);
        assert_eq!(Field::all().filter(|f| f.is_related()).count(), 6);
    }

    #[test]
    fn prefix_picks_the_group_and_unprefixed_duplicates_mean_ai() {
        let ai_other = Field::parse("Other").unwrap();
        let rel_other = Field::parse("Related: Other").unwrap();
        assert_ne!(ai_other, rel_other);
        assert!(!ai_other.is_related() && rel_other.is_related());
        assert_eq!(Field::parse("AI: Other"), Some(ai_other));
        let sec = Field::parse("ai security and infrastructure").unwrap();
        assert!(!sec.is_related());
        assert!(
            Field::parse("Related: AI security and infrastructure")
                .unwrap()
                .is_related()
        );
        assert_eq!(
            Field::parse("governance"),
            Field::parse("Related: Governance")
        );
        assert_eq!(
            Field::parse("Data, ethics and rights"),
            Field::parse("Data, ethics, and rights")
        );
        assert!(Field::parse("Applied AI: science").is_some());
        assert!(Field::parse("AI: Applied AI: science").is_some());
        assert_eq!(Field::parse("Astrology"), None);
        assert_eq!(
            Field::parse("AI: Governance"),
            None,
            "Governance is a related field"
        );
    }

    #[test]
    fn qualified_names_round_trip() {
        for f in Field::all() {
            assert_eq!(Field::parse(&f.qualified()), Some(f), "{f}");
        }
    }
}
