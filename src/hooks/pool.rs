//! One hook engine per thread: records classified in parallel (`eval
//! --jobs`) each run their hooks in their own thread's [`Worker`], built
//! here on the thread's first call, with the same scripts, sandbox and
//! limits. A thread outside the pool, or past its slots, shares the first
//! worker, one call at a time.

use super::record::Schema;
use super::run::{Ran, Worker};
use crate::exact::Exact;
use crate::resolve::model::Hook;
use crate::vocab::value::Value;
use rhai::AST;
use std::sync::{Mutex, OnceLock};

/// The threads with a worker of their own: the calling thread (slot 0)
/// and this many threads of a pool, minus one.
const SLOTS: usize = 64;

/// A thread's worker, and the lock that makes one call at a time of it.
#[derive(Default)]
struct Slot {
    worker: OnceLock<Worker>,
    call: Mutex<()>,
}

/// The plan's hooks, run by a worker per thread.
pub struct HookRunner {
    asts: Vec<AST>,
    decls: Vec<Hook>,
    schema: Schema,
    memo: bool,
    slots: Box<[Slot]>,
}

impl HookRunner {
    /// For the compiled `asts` of the hooks `decls`, records as `schema`
    /// says; `memo`: results remembered (the `hook_memo` pass), per thread.
    pub fn new(asts: Vec<AST>, decls: Vec<Hook>, schema: &Schema, memo: bool) -> HookRunner {
        let slots = (0..SLOTS).map(|_| Slot::default()).collect();
        HookRunner { asts, decls, schema: schema.clone(), memo, slots }
    }

    /// The slot of this thread: its pool index plus one, 0 outside a pool.
    fn slot(&self) -> &Slot {
        let i = rayon::current_thread_index().map_or(0, |i| i + 1);
        self.slots.get(i).unwrap_or(&self.slots[0])
    }

    /// Runs `f` with this thread's worker, built on its first call.
    fn with<R>(&self, f: impl FnOnce(&Worker) -> R) -> R {
        let slot = self.slot();
        let worker = slot
            .worker
            .get_or_init(|| Worker::new(self.asts.clone(), self.decls.clone(), &self.schema, self.memo));
        // A poisoned lock only means another call panicked: the worker
        // binds the record anew at each call.
        let _one = slot.call.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(worker)
    }

    /// Runs a `score` hook; the new score (unchanged for `()`).
    pub fn score_hook(
        &self,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
    ) -> Ran<Exact> {
        self.with(|w| w.score_hook(h, s, id, values, score))
    }

    /// Runs a `tier` hook; the tier index it caps at (unchanged for `()`).
    pub fn tier_hook(
        &self,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
        tier: usize,
    ) -> Ran<usize> {
        self.with(|w| w.tier_hook(h, s, id, values, score, tier))
    }
}
