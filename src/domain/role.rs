use serde::{Deserialize, Serialize};

/// A panel office (79/325 para. 1 (b): two co-chairs, up to three vice-chairs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    CoChair,
    ViceChair,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::CoChair => "co-chair",
            Role::ViceChair => "vice-chair",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match super::fold_key(text).as_str() {
            "cochair" | "co" => Some(Role::CoChair),
            "vicechair" | "vice" => Some(Role::ViceChair),
            _ => None,
        }
    }
}
