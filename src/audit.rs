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
    /// A note, flag, shortlist mark or the candidate under discussion.
    Candidate { action: Action },
    /// A named-draft operation (create, clone, rename, delete, switch).
    Drafts { action: Action },
    Import {
        file: String,
        candidates: usize,
        added: usize,
        updated: usize,
        removed: usize,
        flagged: Vec<String>,
    },
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

    /// What happened, without time and author.
    pub fn summary_what(&self) -> String {
        match &self.event {
            Event::Draft { action, change } => match action {
                Action::Undo => format!("undo ({})", describe(change)),
                Action::Redo => format!("redo ({})", describe(change)),
                _ => describe(change),
            },
            Event::Candidate { action } | Event::Drafts { action } => describe_action(action),
            Event::Import {
                file,
                candidates,
                added,
                updated,
                removed,
                flagged,
            } => {
                let mut s = format!(
                    "import {file}: {candidates} candidates (+{added}, ~{updated}, -{removed})"
                );
                if !flagged.is_empty() {
                    s.push_str(&format!("; drafted but missing: {}", flagged.join(", ")));
                }
                s
            }
        }
    }

    /// One line for `panel-draft log` and the log pane.
    pub fn summary(&self) -> String {
        let what = self.summary_what();
        let mut line = format!("{} {} [{}] {what}", self.time, self.member, self.draft);
        if let Some(r) = &self.reason {
            line.push_str(&format!(" — {r}"));
        }
        line
    }
}

fn describe_action(a: &Action) -> String {
    match a {
        Action::Note { id, .. } => format!("note on {id}"),
        Action::Flag { id, on } => format!(
            "{} {id} for discussion",
            if *on { "flag" } else { "unflag" }
        ),
        Action::Shortlist { id, on } => format!(
            "{} {id}",
            if *on {
                "shortlist"
            } else {
                "take off the shortlist"
            }
        ),
        Action::Discuss { id: Some(id) } => format!("now discussing {id}"),
        Action::Discuss { id: None } => "discussion closed".into(),
        Action::CreateDraft { name } => format!("create draft '{name}'"),
        Action::CloneDraft { name } => format!("clone into draft '{name}'"),
        Action::RenameDraft { from, to } => format!("rename draft '{from}' to '{to}'"),
        Action::DeleteDraft { name } => format!("delete draft '{name}'"),
        Action::SwitchDraft { name } => format!("switch to draft '{name}'"),
        other => format!("{other:?}"),
    }
}

pub fn describe(c: &Change) -> String {
    let verb = match c {
        Change::Add { .. } => "add ",
        Change::Remove { .. } => "remove ",
        Change::Swap { .. } => "swap ",
        Change::Role { .. } => "role: ",
    };
    format!("{verb}{}", c.describe(|id| id.to_owned()))
}
