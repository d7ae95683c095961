use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    Female,
    Male,
    NonBinary,
    Undisclosed,
}

impl Gender {
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::NonBinary,
        Gender::Undisclosed,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Accepts the spellings application exports use: female/male/
    /// non-binary/undisclosed, F/M/W, woman/man, any case.
    pub fn parse(text: &str) -> Option<Gender> {
        let t = super::fold_key(text);
        Some(match t.as_str() {
            "female" | "f" | "w" | "woman" | "women" => Gender::Female,
            "male" | "m" | "man" | "men" => Gender::Male,
            "nonbinary" | "nb" | "x" => Gender::NonBinary,
            "undisclosed" | "u" | "prefernottosay" | "notdisclosed" => Gender::Undisclosed,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::NonBinary => "non-binary",
            Gender::Undisclosed => "undisclosed",
        }
    }

    /// One letter for narrow table columns.
    pub fn short(self) -> &'static str {
        match self {
            Gender::Female => "F",
            Gender::Male => "M",
            Gender::NonBinary => "X",
            Gender::Undisclosed => "–",
        }
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
