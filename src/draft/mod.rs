//! The draft as state: seats, undo/redo history, counters; the one
//! [`Action`] type and the pure `plan`/`commit` update.
//!
//! A change goes through two steps so that nothing shows as done before it
//! is on disk: [`DraftState::plan`] checks the action against the rules and
//! returns a [`Step`] (no mutation); the caller persists the step; then
//! [`DraftState::commit`] applies it in memory.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::CandidateId;
pub use crate::domain::Role;
use crate::pool::{Ix, Pool};
use crate::rules::{Counters, Rules, Violation, check_add};

/// What happens to the role of a member who leaves the draft: it is never
/// silently lost, so a removal or swap of an office holder must say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleFate {
    /// The office becomes vacant.
    Drop,
    /// In a swap, the incoming member takes the office.
    Transfer,
}

/// Everything a committee member can do to a draft. Serializable: it is
/// what the audit log records and what a future server will receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    Add {
        id: CandidateId,
    },
    Remove {
        id: CandidateId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<RoleFate>,
    },
    /// Atomic replacement: `incoming` takes the seat of `outgoing`.
    Swap {
        outgoing: CandidateId,
        incoming: CandidateId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<RoleFate>,
    },
    /// Gives a member an office, or takes it away (`None`).
    SetRole {
        id: CandidateId,
        role: Option<Role>,
    },
    Undo,
    Redo,
    // Candidate annotations, shared by all drafts (not undoable; logged).
    Note {
        id: CandidateId,
        text: String,
    },
    Flag {
        id: CandidateId,
        on: bool,
    },
    Shortlist {
        id: CandidateId,
        on: bool,
    },
    /// Sets (or clears) the candidate the room is discussing.
    Discuss {
        id: Option<CandidateId>,
    },
    // Named drafts.
    CreateDraft {
        name: String,
    },
    /// Copies the current draft (members, roles, history) under a new name.
    CloneDraft {
        name: String,
    },
    RenameDraft {
        from: String,
        to: String,
    },
    DeleteDraft {
        name: String,
    },
    SwitchDraft {
        name: String,
    },
}

impl Action {
    /// Seat and office changes: the ones a draft's undo history holds.
    pub fn is_draft_change(&self) -> bool {
        matches!(
            self,
            Action::Add { .. }
                | Action::Remove { .. }
                | Action::Swap { .. }
                | Action::SetRole { .. }
                | Action::Undo
                | Action::Redo
        )
    }
}

/// A change to the seats, in a form that can be inverted for undo.
/// Roles travel with the change so that undo restores them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    Add {
        id: CandidateId,
        seat: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<Role>,
    },
    Remove {
        id: CandidateId,
        seat: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<Role>,
    },
    Swap {
        outgoing: CandidateId,
        incoming: CandidateId,
        seat: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        out_role: Option<Role>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        in_role: Option<Role>,
    },
    Role {
        id: CandidateId,
        from: Option<Role>,
        to: Option<Role>,
    },
}

impl Change {
    /// One line for the log and the status line; `name` turns an id into
    /// what the reader should see (the id itself, or "Name (id)").
    pub fn describe(&self, name: impl Fn(&str) -> String) -> String {
        let office = |r: &Option<Role>, what: &str| {
            r.map(|r| format!(" ({} {what})", r.label()))
                .unwrap_or_default()
        };
        match self {
            Change::Add { id, seat, role } => format!(
                "{} to seat {}{}",
                name(id),
                seat + 1,
                office(role, "restored")
            ),
            Change::Remove { id, seat, role } => {
                format!(
                    "{} from seat {}{}",
                    name(id),
                    seat + 1,
                    office(role, "office vacated")
                )
            }
            Change::Swap {
                outgoing,
                incoming,
                seat,
                out_role,
                in_role,
            } => {
                let role = match (out_role, in_role) {
                    (_, Some(r)) => format!(" ({} passes on)", r.label()),
                    (Some(r), None) => format!(" ({} office vacated)", r.label()),
                    _ => String::new(),
                };
                format!(
                    "seat {}: {} → {}{role}",
                    seat + 1,
                    name(outgoing),
                    name(incoming)
                )
            }
            Change::Role { id, from, to } => match (from, to) {
                (_, Some(r)) => format!("{} is now {}", name(id), r.label()),
                (Some(r), None) => format!("{} is no longer {}", name(id), r.label()),
                (None, None) => format!("{}: no office", name(id)),
            },
        }
    }

    pub fn inverse(&self) -> Change {
        match self {
            Change::Add { id, seat, role } => Change::Remove {
                id: id.clone(),
                seat: *seat,
                role: *role,
            },
            Change::Remove { id, seat, role } => Change::Add {
                id: id.clone(),
                seat: *seat,
                role: *role,
            },
            Change::Swap {
                outgoing,
                incoming,
                seat,
                out_role,
                in_role,
            } => Change::Swap {
                outgoing: incoming.clone(),
                incoming: outgoing.clone(),
                seat: *seat,
                out_role: *in_role,
                in_role: *out_role,
            },
            Change::Role { id, from, to } => Change::Role {
                id: id.clone(),
                from: *to,
                to: *from,
            },
        }
    }
}

/// How many changes undo can go back. The audit log keeps everything.
pub const UNDO_DEPTH: usize = 500;

/// The persisted form of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DraftRecord {
    /// One entry per seat; `None` is an empty seat.
    pub seats: Vec<Option<CandidateId>>,
    /// Offices held by members.
    #[serde(default)]
    pub roles: BTreeMap<CandidateId, Role>,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
}

/// Why an action was not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no candidate with id '{0}' in the pool")]
    UnknownCandidate(String),
    #[error("{name} ({id}) is not in the draft")]
    NotInDraft { id: String, name: String },
    #[error("cannot add {name} ({id}): {}", join(.violations))]
    Rules {
        id: String,
        name: String,
        violations: Vec<Violation>,
    },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("{name} ({id}) is {}: say whether the office is dropped or passes to the newcomer", .role.label())]
    HoldsRole {
        id: String,
        name: String,
        role: Role,
    },
    #[error("the panel already has {limit} {}s: {}", .role.label(), .holders.join(", "))]
    RoleLimit {
        role: Role,
        limit: u32,
        holders: Vec<String>,
    },
    #[error("a role cannot pass to someone who is not coming in: use a swap")]
    NoOneToTransferTo,
    #[error("{0}")]
    Invalid(String),
}

fn join(v: &[Violation]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A planned, checked change: the record as it will be stored, and the
/// seat change to apply to the counters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub action: Action,
    pub change: Change,
    pub record: DraftRecord,
}

/// A draft with its members resolved against the loaded pool and its
/// counters kept incrementally.
#[derive(Debug, Clone)]
pub struct DraftState {
    record: DraftRecord,
    /// Seat → pool index (None for empty seats or ids absent from the pool).
    seats: Vec<Option<Ix>>,
    counters: Counters,
    /// Ids in the record that the pool does not hold at all.
    unknown: Vec<CandidateId>,
}

impl DraftState {
    pub fn new(pool: &Pool, rules: &Rules, mut record: DraftRecord) -> DraftState {
        let size = rules.size as usize;
        if record.seats.len() < size {
            record.seats.resize(size, None);
        }
        let mut unknown = Vec::new();
        let seats: Vec<Option<Ix>> = record
            .seats
            .iter()
            .map(|s| {
                s.as_ref().and_then(|id| {
                    let ix = pool.ix(id);
                    if ix.is_none() {
                        unknown.push(id.clone());
                    }
                    ix
                })
            })
            .collect();
        let counters = Counters::recount(pool, seats.iter().flatten().copied());
        DraftState {
            record,
            seats,
            counters,
            unknown,
        }
    }

    pub fn record(&self) -> &DraftRecord {
        &self.record
    }

    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// Seats in order, with the pool index of each occupant.
    pub fn seats(&self) -> &[Option<Ix>] {
        &self.seats
    }

    pub fn members(&self) -> Vec<Ix> {
        self.seats.iter().flatten().copied().collect()
    }

    pub fn contains(&self, ix: Ix) -> bool {
        self.seats.contains(&Some(ix))
    }

    pub fn seat_of(&self, ix: Ix) -> Option<usize> {
        self.seats.iter().position(|s| *s == Some(ix))
    }

    pub fn unknown_ids(&self) -> &[CandidateId] {
        &self.unknown
    }

    pub fn can_undo(&self) -> bool {
        !self.record.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.record.redo.is_empty()
    }

    /// Checks `action` and returns the step that would carry it out. Pure.
    pub fn plan(&self, pool: &Pool, rules: &Rules, action: Action) -> Result<Step, Refusal> {
        let change = match &action {
            Action::Add { id } => {
                let ix = self.lookup(pool, id)?;
                self.check(pool, rules, ix, None)?;
                let seat = self
                    .record
                    .seats
                    .iter()
                    .position(Option::is_none)
                    .unwrap_or(self.record.seats.len());
                Change::Add {
                    id: pool.candidate(ix).id.clone(),
                    seat,
                    role: None,
                }
            }
            Action::Remove { id, role: fate } => {
                let seat = self.seat_by_id(pool, id)?;
                let id = id.trim().to_owned();
                let role = self.role_must_be_decided(pool, &id, *fate)?;
                if role.is_some() && *fate == Some(RoleFate::Transfer) {
                    return Err(Refusal::NoOneToTransferTo);
                }
                Change::Remove { id, seat, role }
            }
            Action::Swap {
                outgoing,
                incoming,
                role: fate,
            } => {
                let seat = self.seat_by_id(pool, outgoing)?;
                let in_ix = self.lookup(pool, incoming)?;
                self.check(pool, rules, in_ix, self.seats.get(seat).copied().flatten())?;
                let outgoing = outgoing.trim().to_owned();
                let out_role = self.role_must_be_decided(pool, &outgoing, *fate)?;
                let in_role = if *fate == Some(RoleFate::Transfer) {
                    out_role
                } else {
                    None
                };
                Change::Swap {
                    outgoing,
                    incoming: pool.candidate(in_ix).id.clone(),
                    seat,
                    out_role,
                    in_role,
                }
            }
            Action::SetRole { id, role } => {
                self.seat_by_id(pool, id)?;
                let id = id.trim().to_owned();
                if let Some(r) = role {
                    self.check_role_limit(pool, rules, &id, *r)?;
                }
                Change::Role {
                    from: self.record.roles.get(&id).copied(),
                    to: *role,
                    id,
                }
            }
            Action::Undo => {
                let last = self.record.undo.last().ok_or(Refusal::NothingToUndo)?;
                let inv = last.inverse();
                self.check_change(pool, rules, &inv)?;
                inv
            }
            Action::Redo => {
                let next = self
                    .record
                    .redo
                    .last()
                    .ok_or(Refusal::NothingToRedo)?
                    .clone();
                self.check_change(pool, rules, &next)?;
                next
            }
            other => {
                return Err(Refusal::Invalid(format!(
                    "not a change to the draft's seats: {other:?}"
                )));
            }
        };
        let mut record = self.record.clone();
        apply_to_record(&mut record, &change);
        match action {
            Action::Undo => {
                if let Some(done) = record.undo.pop() {
                    record.redo.push(done);
                }
            }
            Action::Redo => {
                if let Some(redone) = record.redo.pop() {
                    record.undo.push(redone);
                }
            }
            _ => {
                record.undo.push(change.clone());
                if record.undo.len() > UNDO_DEPTH {
                    record.undo.remove(0);
                }
                record.redo.clear();
            }
        }
        Ok(Step {
            action,
            change,
            record,
        })
    }

    /// Applies a step that [`plan`](Self::plan) produced (and the caller
    /// stored). Only the counters of the members involved move.
    pub fn commit(&mut self, pool: &Pool, step: Step) {
        let resolve = |id: &str| pool.ix(id);
        match &step.change {
            Change::Add { id, seat, .. } => {
                if let Some(ix) = resolve(id) {
                    self.counters.add(pool.facts(ix));
                    set_seat(&mut self.seats, *seat, Some(ix));
                }
            }
            Change::Remove { id, seat, .. } => {
                if let Some(ix) = resolve(id) {
                    self.counters.remove(pool.facts(ix));
                }
                self.unknown.retain(|u| u != id);
                set_seat(&mut self.seats, *seat, None);
            }
            Change::Role { .. } => {}
            Change::Swap {
                outgoing,
                incoming,
                seat,
                ..
            } => {
                if let Some(ix) = resolve(outgoing) {
                    self.counters.remove(pool.facts(ix));
                }
                self.unknown.retain(|u| u != outgoing);
                let in_ix = resolve(incoming);
                if let Some(ix) = in_ix {
                    self.counters.add(pool.facts(ix));
                }
                set_seat(&mut self.seats, *seat, in_ix);
            }
        }
        self.record = step.record;
    }

    pub fn role_of(&self, id: &str) -> Option<Role> {
        self.record.roles.get(id).copied()
    }

    /// Members holding an office, in seat order.
    pub fn role_holders(&self, pool: &Pool) -> Vec<(Ix, Role)> {
        self.seats
            .iter()
            .flatten()
            .filter_map(|&ix| self.role_of(&pool.candidate(ix).id).map(|r| (ix, r)))
            .collect()
    }

    fn role_must_be_decided(
        &self,
        pool: &Pool,
        id: &str,
        fate: Option<RoleFate>,
    ) -> Result<Option<Role>, Refusal> {
        match (self.role_of(id), fate) {
            (Some(role), None) => Err(Refusal::HoldsRole {
                id: id.to_owned(),
                name: pool
                    .ix(id)
                    .map_or_else(|| id.to_owned(), |ix| pool.candidate(ix).name.clone()),
                role,
            }),
            (role, _) => Ok(role),
        }
    }

    fn check_role_limit(
        &self,
        pool: &Pool,
        rules: &Rules,
        id: &str,
        role: Role,
    ) -> Result<(), Refusal> {
        let limit = match role {
            Role::CoChair => rules.roles.co_chairs,
            Role::ViceChair => rules.roles.max_vice_chairs,
        };
        let holders: Vec<String> = self
            .record
            .roles
            .iter()
            .filter(|(other, r)| **r == role && other.as_str() != id)
            .map(|(other, _)| {
                pool.ix(other)
                    .map_or_else(|| other.clone(), |ix| pool.candidate(ix).name.clone())
            })
            .collect();
        if holders.len() as u32 >= limit {
            return Err(Refusal::RoleLimit {
                role,
                limit,
                holders,
            });
        }
        Ok(())
    }

    fn lookup(&self, pool: &Pool, id: &str) -> Result<Ix, Refusal> {
        pool.ix(id)
            .ok_or_else(|| Refusal::UnknownCandidate(id.trim().to_owned()))
    }

    fn seat_by_id(&self, pool: &Pool, id: &str) -> Result<usize, Refusal> {
        let id = id.trim();
        self.record
            .seats
            .iter()
            .position(|s| s.as_deref() == Some(id))
            .ok_or_else(|| Refusal::NotInDraft {
                id: id.to_owned(),
                name: pool
                    .ix(id)
                    .map_or_else(|| id.to_owned(), |ix| pool.candidate(ix).name.clone()),
            })
    }

    fn check(
        &self,
        pool: &Pool,
        rules: &Rules,
        ix: Ix,
        replacing: Option<Ix>,
    ) -> Result<(), Refusal> {
        let members = self.members();
        let violations = check_add(pool, rules, &self.counters, &members, ix, replacing);
        if violations.is_empty() {
            Ok(())
        } else {
            let c = pool.candidate(ix);
            Err(Refusal::Rules {
                id: c.id.clone(),
                name: c.name.clone(),
                violations,
            })
        }
    }

    /// Undo and redo may bring someone back: the hard rules still apply
    /// (a re-import may have changed what they allow).
    fn check_change(&self, pool: &Pool, rules: &Rules, change: &Change) -> Result<(), Refusal> {
        match change {
            Change::Add { id, .. } => {
                let ix = self.lookup(pool, id)?;
                self.check(pool, rules, ix, None)
            }
            Change::Remove { id, .. } | Change::Role { id, .. } => {
                self.seat_by_id(pool, id).map(|_| ())
            }
            Change::Swap {
                outgoing, incoming, ..
            } => {
                let seat = self.seat_by_id(pool, outgoing)?;
                let ix = self.lookup(pool, incoming)?;
                self.check(pool, rules, ix, self.seats.get(seat).copied().flatten())
            }
        }
    }
}

fn set_seat<T>(seats: &mut Vec<Option<T>>, seat: usize, value: Option<T>) {
    if seat >= seats.len() {
        seats.resize_with(seat + 1, || None);
    }
    seats[seat] = value;
}

fn apply_to_record(record: &mut DraftRecord, change: &Change) {
    let set_role = |roles: &mut BTreeMap<CandidateId, Role>,
                    id: &CandidateId,
                    role: Option<Role>| match role {
        Some(r) => {
            roles.insert(id.clone(), r);
        }
        None => {
            roles.remove(id);
        }
    };
    match change {
        Change::Add { id, seat, role } => {
            set_seat(&mut record.seats, *seat, Some(id.clone()));
            set_role(&mut record.roles, id, *role);
        }
        Change::Remove { id, seat, .. } => {
            set_seat(&mut record.seats, *seat, None);
            record.roles.remove(id);
        }
        Change::Swap {
            outgoing,
            incoming,
            seat,
            in_role,
            ..
        } => {
            set_seat(&mut record.seats, *seat, Some(incoming.clone()));
            record.roles.remove(outgoing);
            set_role(&mut record.roles, incoming, *in_role);
        }
        Change::Role { id, to, .. } => set_role(&mut record.roles, id, *to),
    }
}
