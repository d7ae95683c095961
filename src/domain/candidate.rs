use serde::{Deserialize, Serialize};

use super::{Date, Field, FieldSet, Gender};

/// The application's own identifier, as given in the pool file.
pub type CandidateId = String;

/// One application, as imported. Codes are already resolved (nationality
/// codes are upper-case ISO 3166-1 alpha-3, or the raw upper-cased text of a
/// territory outside the reference table); everything derived from the
/// reference tables (region, canonical affiliation) is computed at load so
/// that a corrected table applies to an existing database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
    pub gender: Gender,
    /// The first is the primary nationality.
    pub nationalities: Vec<String>,
    pub affiliations: Vec<String>,
    #[serde(default)]
    pub email: String,
    /// In the order the applicant listed them; the first is shown as the top field.
    pub fields: Vec<Field>,
    #[serde(default)]
    pub nominated_by: Vec<String>,
    #[serde(default)]
    pub submitted: Option<Date>,
    #[serde(default)]
    pub un_staff: bool,
    #[serde(default)]
    pub conflict_of_interest: String,
    #[serde(default)]
    pub publications: Option<u32>,
    #[serde(default)]
    pub citations: Option<u64>,
    #[serde(default)]
    pub h_index: Option<u32>,
    #[serde(default)]
    pub i10_index: Option<u32>,
    #[serde(default)]
    pub other_impact: String,
    #[serde(default)]
    pub motivation: String,
    /// Columns the importer did not know, kept verbatim.
    #[serde(default)]
    pub extra: Vec<(String, String)>,
}

impl Candidate {
    pub fn primary_nationality(&self) -> &str {
        self.nationalities.first().map_or("", String::as_str)
    }

    pub fn field_set(&self) -> FieldSet {
        self.fields.iter().copied().collect()
    }

    pub fn has_conflict(&self) -> bool {
        !self.conflict_of_interest.trim().is_empty()
    }

    pub fn is_nominated(&self) -> bool {
        !self.nominated_by.is_empty()
    }
}
