//! The append-only record of what the committee did: every change, who
//! made it, when, and why.

use serde::{Deserialize, Serialize};

use crate::draft::{Action, Change};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Position in the log (sled-generated, increasing).
    #[serde(default)]
    pub seq: u64,
    /// RFC 3339, UTC, seconds.
    pub time: String,
    /// The committee member who made the change (`--member` or `$USER`).
    pub member: String,
    pub draft: String,
    pub event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// A draft change; `change` says which seat moved.
    Draft { action: Action, change: Change },
    Import { file: String, candidates: usize, added: usize, updated: usize, removed: usize, flagged: Vec<String> },
}

impl LogEntry {
    pub fn now(member: &str, draft: &str, event: Event, reason: Option<String>) -> LogEntry {
        LogEntry {
            seq: 0,
            time: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            member: member.to_owned(),
            draft: draft.to_owned(),
            event,
            reason,
        }
    }

    /// One line for `panel-draft log` and the log pane.
    pub fn summary(&self) -> String {
        let what = match &self.event {
            Event::Draft { action, change } => match (action, change) {
                (Action::Undo, c) => format!("undo ({})", describe(c)),
                (Action::Redo, c) => format!("redo ({})", describe(c)),
                (_, c) => describe(c),
            },
            Event::Import { file, candidates, added, updated, removed, flagged } => {
                let mut s = format!("import {file}: {candidates} candidates (+{added}, ~{updated}, -{removed})");
                if !flagged.is_empty() {
                    s.push_str(&format!("; drafted but missing: {}", flagged.join(", ")));
                }
                s
            }
        };
        let mut line = format!("{} {} [{}] {what}", self.time, self.member, self.draft);
        if let Some(r) = &self.reason {
            line.push_str(&format!(" — {r}"));
        }
        line
    }
}

pub fn describe(c: &Change) -> String {
    match c {
        Change::Add { id, seat } => format!("add {id} to seat {}", seat + 1),
        Change::Remove { id, seat } => format!("remove {id} from seat {}", seat + 1),
        Change::Swap { outgoing, incoming, seat } => format!("swap seat {}: {outgoing} → {incoming}", seat + 1),
    }
}
