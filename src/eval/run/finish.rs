//! The end of a run: records that read others, classified in dependency
//! order, and each population's quotas once all of it is classified.

use super::Run;
use crate::check::types::in_family;
use crate::diag::{ErrorKind, RecordError};
use crate::eval::aggregate::Finished;
use crate::eval::outcome::{Outcome, Status};
use crate::eval::quota;
use crate::eval::value::Value;

impl Run<'_> {
    /// Classifies the records that read others, in dependency order, and
    /// applies each population's quotas once all of it is classified.
    pub(super) fn finish(&mut self) {
        let model = self.ev.model;
        let n = model.plan.subjects.len();
        let by_subject = std::mem::take(&mut self.by_subject);
        let mut pending: Vec<Vec<(usize, Vec<Option<Value>>)>> = vec![Vec::new(); n];
        for (i, values) in std::mem::take(&mut self.pending) {
            if let Some(s) = self.outs[i].subject {
                pending[usize::from(s)].push((i, values));
            }
        }
        let mut done = vec![false; n];
        let mut applied = vec![false; n];
        for &s in &model.order {
            let results: Vec<(usize, Outcome)> = {
                let finished = Finished::new(self.ev, &self.outs, &self.ids);
                let mut captured = self.captured.as_mut();
                pending[s]
                    .iter()
                    .filter(|(i, _)| self.outs[*i].status != Status::Error)
                    .map(|(i, values)| {
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
            done[s] = true;
            let ready: Vec<usize> = (0..n)
                .filter(|&t| !applied[t] && self.ev.prepared[t].family.iter().all(|&m| done[m]))
                .collect();
            for t in ready {
                applied[t] = true;
                self.quotas(t, &by_subject);
            }
        }
    }

    fn quotas(&mut self, t: usize, by_subject: &[Vec<usize>]) {
        let members: Vec<&[usize]> =
            self.ev.prepared[t].family.iter().map(|&m| by_subject[m].as_slice()).collect();
        let tiers = self.ev.model.names.tiers.len();
        for (qi, q) in self.ev.model.subjects[t].quotas.iter().enumerate() {
            let per_slot: Vec<Option<usize>> = self
                .ev
                .prepared
                .iter()
                .map(|p| q.per.as_ref().and_then(|per| p.names.iter().position(|n| n == per)))
                .collect();
            for i in quota::apply(q, qi, &per_slot, &members, &mut self.outs, tiers) {
                self.locate(i);
            }
        }
    }
}

impl Run<'_> {
    /// Every record leaves [`Status::Pending`] before the run ends; one
    /// that did not would be a fault of kehoach, reported as an error on
    /// the record rather than shown with a tier it was never given.
    pub(super) fn none_pending(&mut self) {
        for i in 0..self.outs.len() {
            if self.outs[i].status == Status::Pending {
                debug_assert!(false, "record {i} was never classified");
                self.outs[i].fail(RecordError::new(ErrorKind::NeverClassified));
                self.locate(i);
            }
        }
    }

    /// A ref must hold the id of a record of the named subject's family.
    pub(super) fn check_refs(&mut self) {
        if self.ev.prepared.iter().all(|p| p.refs.is_empty()) {
            return;
        }
        let plan = &self.ev.model.plan;
        for i in 0..self.outs.len() {
            let Some(s) = self.outs[i].subject.map(usize::from) else { continue };
            for (slot, root) in &self.ev.prepared[s].refs {
                let Some(Value::Str(target)) = self.outs[i].kept(*slot).cloned() else { continue };
                let ok = self.ids.get(&self.outs, target.as_str()).is_some_and(|j| {
                    self.outs[j]
                        .subject
                        .is_some_and(|t| in_family(plan, &plan.subjects[usize::from(t)].name.name, root))
                });
                if !ok {
                    let (fi, at) = self.positions[i].get();
                    let field = &self.ev.prepared[s].names[*slot];
                    let kind = ErrorKind::BadRef { target: target.to_string(), root: root.clone() };
                    let error =
                        RecordError::placed(kind, Some(&self.place(fi, at, Some(field))), Some(field));
                    self.outs[i].fail(error);
                }
            }
        }
    }
}
