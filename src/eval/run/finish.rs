//! The end of a run: records that read others, classified in dependency
//! order, and each population's quotas once all of it is classified.

use super::{Groups, Run};
use crate::check::types::in_family;
use crate::diag::{ErrorKind, RecordError};
use crate::eval::aggregate::Finished;
use crate::eval::outcome::{Outcome, Status};
use crate::eval::quota;
use crate::vocab::value::Value;
use std::collections::HashMap;

/// The most ref targets whose answer `check_refs` keeps (distinct targets
/// past it, all in error as a rule, are looked up each time).
const KNOWN_REFS: usize = 1 << 16;

impl Run<'_> {
    /// Classifies the records that read others, in dependency order, and
    /// applies each population's quotas once all of it is classified
    /// (counted on `pool`'s threads). The records that waited.
    pub(super) fn finish(&mut self, pool: Option<&rayon::ThreadPool>) -> Vec<usize> {
        let order = &self.ev.order;
        let by_subject = std::mem::take(&mut self.by_subject);
        // The records waiting, by their subject's place in the order (a
        // stable sort: in input order within a subject).
        let waited: Vec<usize> = self.pending.iter().map(|p| p.0).collect();
        let mut pending: Vec<(usize, usize, Vec<Option<Value>>)> = std::mem::take(&mut self.pending)
            .into_iter()
            .filter_map(|(i, values)| {
                self.outs[i].subject.map(|s| (order.rank_of(usize::from(s)), i, values))
            })
            .collect();
        pending.sort_by_key(|p| p.0);
        let (mut next, mut due) = (0, 0);
        loop {
            let waiting = pending.get(next).map(|p| p.0);
            let quotas = order.quotas.get(due).map(|d| d.rank);
            let Some(r) = waiting.into_iter().chain(quotas).min().filter(|&r| r != usize::MAX) else { break };
            let end = next + pending[next..].iter().take_while(|p| p.0 == r).count();
            self.classify_pending(self.ev.model.order[r], &pending[next..end], pool);
            next = end;
            if quotas == Some(r) {
                for &t in &order.quotas[due].subjects {
                    self.quotas(t, &by_subject, pool);
                }
                due += 1;
            }
        }
        waited
    }

    /// Classifies subject `s`'s records that read others (those not in
    /// error already).
    fn classify_pending(
        &mut self,
        s: usize,
        pending: &[(usize, usize, Vec<Option<Value>>)],
        pool: Option<&rayon::ThreadPool>,
    ) {
        let results: Vec<(usize, Outcome)> = {
            let finished = Finished::new(self.ev, &self.outs, &self.ids).on(pool);
            let mut captured = self.captured.as_mut();
            pending
                .iter()
                .filter(|(_, i, _)| self.outs[*i].status != Status::Error)
                .map(|(_, i, values)| {
                    let id = &self.outs[*i].id;
                    let trace = captured.as_deref_mut().filter(|c| c.index == *i).map(|c| &mut c.trace);
                    (*i, self.ev.classify(s, id, values, &finished, trace))
                })
                .collect()
        };
        for (i, o) in results {
            self.outs[i] = o;
            self.locate(i);
        }
    }

    fn quotas(&mut self, t: usize, by_subject: &Groups, pool: Option<&rayon::ThreadPool>) {
        let members: Vec<&[usize]> = self.ev.prepared[t].family.iter().map(|&m| by_subject.of(m)).collect();
        if members.iter().all(|m| m.is_empty()) {
            return;
        }
        let tiers = self.ev.model.names.tiers.len();
        for (qi, q) in self.ev.model.subjects[t].quotas.iter().enumerate() {
            let per_slot: Vec<Option<usize>> = self
                .ev
                .prepared
                .iter()
                .map(|p| q.per.as_ref().and_then(|per| p.names.iter().position(|n| n == per)))
                .collect();
            for i in quota::apply(q, qi, &per_slot, &members, &mut self.outs, tiers, pool) {
                self.locate(i);
            }
        }
    }
}

impl Run<'_> {
    /// Every record leaves [`Status::Pending`] before the run ends; one
    /// that did not would be a fault of kehoach, reported as an error on
    /// the record rather than shown with a tier it was never given. Only
    /// the records that `waited` were ever pending.
    pub(super) fn none_pending(&mut self, waited: &[usize]) {
        for &i in waited {
            if self.outs[i].status == Status::Pending {
                debug_assert!(false, "record {i} was never classified");
                self.outs[i].fail(RecordError::new(ErrorKind::NeverClassified));
                self.locate(i);
            }
        }
    }

    /// A ref must hold the id of a record of the named subject's family:
    /// the records looked at in blocks on `pool`'s threads, the blocks'
    /// bad refs said in input order.
    pub(super) fn check_refs(&mut self, pool: Option<&rayon::ThreadPool>) {
        if !self.ev.order.refs {
            return;
        }
        // Each block remembers the targets it meets (a chi bộ's members are
        // spread through the file): few blocks.
        let this = &*self;
        let size = crate::eval::block_size(this.outs.len(), pool, 1 << 12);
        let blocks = this.outs.len().div_ceil(size);
        let block = |b: usize| this.bad_refs(b * size..((b + 1) * size).min(this.outs.len()));
        let bad: Vec<Vec<(usize, RecordError)>> = match pool {
            Some(pool) if blocks > 1 => {
                use rayon::prelude::*;
                pool.install(|| (0..blocks).into_par_iter().map(block).collect())
            }
            _ => (0..blocks).map(block).collect(),
        };
        for (i, error) in bad.into_iter().flatten() {
            self.outs[i].fail(error);
        }
    }

    /// The errors of the records in `range` whose refs name no record of
    /// their subject's family.
    fn bad_refs(&self, range: std::ops::Range<usize>) -> Vec<(usize, RecordError)> {
        let plan = &self.ev.model.plan;
        // A few hundred cells named by a million members: each (family,
        // id) looked up once.
        let mut known: HashMap<(&str, &str), bool, rustc_hash::FxBuildHasher> = HashMap::default();
        let mut bad = Vec::new();
        for i in range {
            let Some(s) = self.outs[i].subject.map(usize::from) else { continue };
            for (slot, root) in &self.ev.prepared[s].refs {
                let Some(Value::Str(target)) = self.outs[i].kept(*slot) else { continue };
                let look = || {
                    self.ids.get(&self.outs, target.as_str()).is_some_and(|j| {
                        self.outs[j]
                            .subject
                            .is_some_and(|t| in_family(plan, &plan.subjects[usize::from(t)].name.name, root))
                    })
                };
                let key = (root.as_str(), target.as_str());
                let ok = match known.get(&key) {
                    Some(ok) => *ok,
                    None if known.len() < KNOWN_REFS => *known.entry(key).or_insert_with(look),
                    None => look(),
                };
                if !ok {
                    let (fi, at) = self.positions[i].get();
                    let field = &self.ev.prepared[s].names[*slot];
                    let kind = ErrorKind::BadRef { target: target.to_string(), root: root.clone() };
                    bad.push((
                        i,
                        RecordError::placed(kind, Some(&self.place(fi, at, Some(field))), Some(field)),
                    ));
                }
            }
        }
        bad
    }
}
