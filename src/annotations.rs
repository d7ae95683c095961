//! Notes, the "flag for discussion" marker and the shortlist: attached to
//! candidates (not to a draft), kept apart from being in a draft or not.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::draft::{Action, Refusal};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub author: String,
    /// RFC 3339, UTC.
    pub time: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Position in the discussion queue when flagged (flag order).
    #[serde(default)]
    pub flagged: Option<u64>,
    #[serde(default)]
    pub shortlisted: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Annotations {
    by_id: HashMap<String, Annotation>,
}

/// Longest note accepted, in characters.
pub const MAX_NOTE: usize = 4000;

impl Annotations {
    pub fn new(entries: Vec<(String, Annotation)>) -> Annotations {
        Annotations {
            by_id: entries.into_iter().collect(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.by_id.get(id)
    }

    pub fn is_flagged(&self, id: &str) -> bool {
        self.get(id).is_some_and(|a| a.flagged.is_some())
    }

    pub fn is_shortlisted(&self, id: &str) -> bool {
        self.get(id).is_some_and(|a| a.shortlisted)
    }

    pub fn notes(&self, id: &str) -> &[Note] {
        self.get(id).map_or(&[], |a| a.notes.as_slice())
    }

    /// Flagged candidates in the order they were flagged: the discussion queue.
    pub fn queue(&self) -> Vec<String> {
        let mut q: Vec<(u64, &String)> = self
            .by_id
            .iter()
            .filter_map(|(id, a)| a.flagged.map(|n| (n, id)))
            .collect();
        q.sort();
        q.into_iter().map(|(_, id)| id.clone()).collect()
    }

    /// The annotation `action` leads to, without changing anything. Pure.
    pub fn plan(
        &self,
        action: &Action,
        author: &str,
        time: &str,
    ) -> Result<(String, Annotation), Refusal> {
        let (id, mut a) = match action {
            Action::Note { id, .. } | Action::Flag { id, .. } | Action::Shortlist { id, .. } => (
                id.trim().to_owned(),
                self.get(id.trim()).cloned().unwrap_or_default(),
            ),
            other => return Err(Refusal::Invalid(format!("not an annotation: {other:?}"))),
        };
        match action {
            Action::Note { text, .. } => {
                let text = text.trim();
                if text.is_empty() {
                    return Err(Refusal::Invalid("a note needs some text".into()));
                }
                if text.chars().count() > MAX_NOTE {
                    return Err(Refusal::Invalid(format!(
                        "a note is limited to {MAX_NOTE} characters"
                    )));
                }
                a.notes.push(Note {
                    author: author.to_owned(),
                    time: time.to_owned(),
                    text: text.to_owned(),
                });
            }
            Action::Flag { on, .. } => {
                let next = self
                    .by_id
                    .values()
                    .filter_map(|x| x.flagged)
                    .max()
                    .map_or(1, |m| m + 1);
                a.flagged = match (on, a.flagged) {
                    (true, Some(n)) => Some(n),
                    (true, None) => Some(next),
                    (false, _) => None,
                };
            }
            Action::Shortlist { on, .. } => a.shortlisted = *on,
            _ => {}
        }
        Ok((id, a))
    }

    pub fn set(&mut self, id: String, a: Annotation) {
        self.by_id.insert(id, a);
    }
}
