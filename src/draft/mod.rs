//! The draft as state: seats, undo/redo history, counters; the one
//! [`Action`] type and the pure `plan`/`commit` update.
//!
//! A change goes through two steps so that nothing shows as done before it
//! is on disk: [`DraftState::plan`] checks the action against the rules and
//! returns a [`Step`] (no mutation); the caller persists the step; then
//! [`DraftState::commit`] applies it in memory.

use serde::{Deserialize, Serialize};

use crate::domain::CandidateId;
use crate::pool::{Ix, Pool};
use crate::rules::{Counters, Rules, Violation, check_add};

/// Everything a committee member can do to a draft. Serializable: it is
/// what the audit log records and what a future server will receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    Add { id: CandidateId },
    Remove { id: CandidateId },
    /// Atomic replacement: `incoming` takes the seat of `outgoing`.
    Swap { outgoing: CandidateId, incoming: CandidateId },
    Undo,
    Redo,
}

/// A change to the seats, in a form that can be inverted for undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    Add { id: CandidateId, seat: usize },
    Remove { id: CandidateId, seat: usize },
    Swap { outgoing: CandidateId, incoming: CandidateId, seat: usize },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Add { id, seat } => Change::Remove { id: id.clone(), seat: *seat },
            Change::Remove { id, seat } => Change::Add { id: id.clone(), seat: *seat },
            Change::Swap { outgoing, incoming, seat } => {
                Change::Swap { outgoing: incoming.clone(), incoming: outgoing.clone(), seat: *seat }
            }
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
    Rules { id: String, name: String, violations: Vec<Violation> },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
}

fn join(v: &[Violation]) -> String {
    v.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
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
        DraftState { record, seats, counters, unknown }
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
                let seat = self.record.seats.iter().position(Option::is_none).unwrap_or(self.record.seats.len());
                Change::Add { id: pool.candidate(ix).id.clone(), seat }
            }
            Action::Remove { id } => {
                let seat = self.seat_by_id(pool, id)?;
                Change::Remove { id: id.trim().to_owned(), seat }
            }
            Action::Swap { outgoing, incoming } => {
                let seat = self.seat_by_id(pool, outgoing)?;
                let in_ix = self.lookup(pool, incoming)?;
                self.check(pool, rules, in_ix, self.seats.get(seat).copied().flatten())?;
                Change::Swap { outgoing: outgoing.trim().to_owned(), incoming: pool.candidate(in_ix).id.clone(), seat }
            }
            Action::Undo => {
                let last = self.record.undo.last().ok_or(Refusal::NothingToUndo)?;
                let inv = last.inverse();
                self.check_change(pool, rules, &inv)?;
                inv
            }
            Action::Redo => {
                let next = self.record.redo.last().ok_or(Refusal::NothingToRedo)?.clone();
                self.check_change(pool, rules, &next)?;
                next
            }
        };
        let mut record = self.record.clone();
        apply_seats(&mut record.seats, &change);
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
        Ok(Step { action, change, record })
    }

    /// Applies a step that [`plan`](Self::plan) produced (and the caller
    /// stored). Only the counters of the members involved move.
    pub fn commit(&mut self, pool: &Pool, step: Step) {
        let resolve = |id: &str| pool.ix(id);
        match &step.change {
            Change::Add { id, seat } => {
                if let Some(ix) = resolve(id) {
                    self.counters.add(pool.facts(ix));
                    set_seat(&mut self.seats, *seat, Some(ix));
                }
            }
            Change::Remove { id, seat } => {
                if let Some(ix) = resolve(id) {
                    self.counters.remove(pool.facts(ix));
                }
                self.unknown.retain(|u| u != id);
                set_seat(&mut self.seats, *seat, None);
            }
            Change::Swap { outgoing, incoming, seat } => {
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

    fn lookup(&self, pool: &Pool, id: &str) -> Result<Ix, Refusal> {
        pool.ix(id).ok_or_else(|| Refusal::UnknownCandidate(id.trim().to_owned()))
    }

    fn seat_by_id(&self, pool: &Pool, id: &str) -> Result<usize, Refusal> {
        let id = id.trim();
        self.record.seats.iter().position(|s| s.as_deref() == Some(id)).ok_or_else(|| Refusal::NotInDraft {
            id: id.to_owned(),
            name: pool.ix(id).map_or_else(|| id.to_owned(), |ix| pool.candidate(ix).name.clone()),
        })
    }

    fn check(&self, pool: &Pool, rules: &Rules, ix: Ix, replacing: Option<Ix>) -> Result<(), Refusal> {
        let members = self.members();
        let violations = check_add(pool, rules, &self.counters, &members, ix, replacing);
        if violations.is_empty() {
            Ok(())
        } else {
            let c = pool.candidate(ix);
            Err(Refusal::Rules { id: c.id.clone(), name: c.name.clone(), violations })
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
            Change::Remove { id, .. } => self.seat_by_id(pool, id).map(|_| ()),
            Change::Swap { outgoing, incoming, .. } => {
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

fn apply_seats(seats: &mut Vec<Option<CandidateId>>, change: &Change) {
    match change {
        Change::Add { id, seat } => set_seat(seats, *seat, Some(id.clone())),
        Change::Remove { seat, .. } => set_seat(seats, *seat, None),
        Change::Swap { incoming, seat, .. } => set_seat(seats, *seat, Some(incoming.clone())),
    }
}
