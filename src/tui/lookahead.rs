//! The look-ahead off the input path: after every change the app asks for
//! a new analysis; a worker thread computes it and the result comes back
//! as an app event. A newer request makes older work stale: the worker
//! skips it or stops between chunks, so typing never waits on the solver.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::feasibility::{Analysis, analyse, keeps_feasible, reserves};
use crate::pool::{Ix, Pool};
use crate::rules::{Rules, eligibility};

/// What to analyse: the draft's members, and the member marked for a swap
/// (marks then answer "keeps a completion possible if swapped in").
pub struct Job {
    pub generation: u64,
    pub pool: Arc<Pool>,
    pub rules: Arc<Rules>,
    pub members: Vec<Ix>,
    pub replacing: Option<Ix>,
    /// The previous witness panel, to repair instead of solving afresh.
    pub hint: Vec<Ix>,
    /// Candidates to mark first (the top of the pool list as shown), so
    /// the preview of the highlighted person answers early at 100k.
    pub priority: Vec<Ix>,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Analysis {
        generation: u64,
        analysis: Analysis,
    },
    Reserves {
        generation: u64,
        reserves: HashMap<Ix, usize>,
    },
    /// Per pool index: 0 not known, 1 keeps a completion possible, 2 proven not to.
    Marks {
        generation: u64,
        replacing: Option<Ix>,
        marks: Vec<u8>,
        /// False for the early batch (the priority candidates only).
        complete: bool,
    },
}

/// Candidates marked per step; between steps the worker checks for newer work.
const CHUNK: usize = 500;

/// Runs `job`, sending each result as soon as it is known. Stops early when
/// `latest` moves past the job's generation.
pub fn run(job: &Job, latest: &AtomicU64, send: &mut dyn FnMut(Outcome)) {
    let stale = || latest.load(Ordering::Relaxed) != job.generation;
    let (pool, rules) = (&*job.pool, &*job.rules);
    let analysis = analyse(pool, rules, &job.members, &job.hint);
    let witness = analysis.witness.clone();
    let feasible = analysis.feasible;
    send(Outcome::Analysis {
        generation: job.generation,
        analysis,
    });
    if stale() {
        return;
    }
    let reserves = reserves(pool, rules, &job.members).into_iter().collect();
    send(Outcome::Reserves {
        generation: job.generation,
        reserves,
    });
    let mut marks = vec![0u8; pool.len()];
    if feasible == Some(false) && job.replacing.is_none() {
        // Nothing can lead to a completion when none exists now.
        send(Outcome::Marks {
            generation: job.generation,
            replacing: None,
            marks,
            complete: true,
        });
        return;
    }
    let base: Vec<Ix> = job
        .members
        .iter()
        .copied()
        .filter(|&m| Some(m) != job.replacing)
        .collect();
    let mut candidates = Vec::with_capacity(pool.len());
    for ix in pool.ixs().filter(|ix| !job.members.contains(ix)) {
        if eligibility(rules, pool.facts(ix)).is_none() {
            candidates.push(ix);
        } else if let Some(m) = marks.get_mut(ix as usize) {
            // Ineligible people can never be added: no completion through them.
            *m = 2;
        }
    }
    let mark = |marks: &mut Vec<u8>, list: &[Ix]| -> bool {
        for chunk in list.chunks(CHUNK) {
            if stale() {
                return false;
            }
            for (ix, keeps) in keeps_feasible(pool, rules, &base, &witness, chunk) {
                if let Some(m) = marks.get_mut(ix as usize) {
                    *m = if keeps { 1 } else { 2 };
                }
            }
        }
        true
    };
    // First the candidates on screen and just below, then everyone else.
    let first: Vec<Ix> = job
        .priority
        .iter()
        .copied()
        .filter(|&ix| marks.get(ix as usize) == Some(&0) && !job.members.contains(&ix))
        .collect();
    if !first.is_empty() && first.len() < candidates.len() {
        if !mark(&mut marks, &first) {
            return;
        }
        send(Outcome::Marks {
            generation: job.generation,
            replacing: job.replacing,
            marks: marks.clone(),
            complete: false,
        });
    }
    let rest: Vec<Ix> = candidates
        .into_iter()
        .filter(|&ix| marks.get(ix as usize) == Some(&0))
        .collect();
    if !mark(&mut marks, &rest) {
        return;
    }
    send(Outcome::Marks {
        generation: job.generation,
        replacing: job.replacing,
        marks,
        complete: true,
    });
}

/// The app's view of the latest look-ahead.
#[derive(Debug, Default)]
pub struct State {
    pub generation: u64,
    pub analysis: Option<Analysis>,
    pub reserves: HashMap<Ix, usize>,
    /// Marks and the swap they were computed for.
    pub marks: Option<(Option<Ix>, Vec<u8>)>,
    /// Every eligible candidate is marked (not only the early batch).
    pub marks_complete: bool,
    /// The last witness panel, kept across changes so the next look-ahead
    /// repairs it instead of solving afresh.
    pub witness: Vec<Ix>,
    /// A new job should be sent.
    pub pending: bool,
}

impl State {
    /// Whether adding (or swapping in, for the marked member) `ix` keeps a
    /// completion possible: `None` while unknown.
    pub fn keeps(&self, ix: Ix, replacing: Option<Ix>) -> Option<bool> {
        let (for_swap, marks) = self.marks.as_ref()?;
        if *for_swap != replacing {
            return None;
        }
        match marks.get(ix as usize) {
            Some(1) => Some(true),
            Some(2) => Some(false),
            _ => None,
        }
    }
}
