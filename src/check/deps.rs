//! Dependencies between subjects (aggregates and `cap at tier of`), the
//! evaluation order they imply, and cycles among them.

use super::reads::SubjectReads;
use crate::diag::{Diagnostic, Kind};
use crate::resolve::Plan;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The subjects each subject reads: `deps[i]` lists the subjects `i` needs first.
pub fn dependencies(plan: &Plan, reads: &[SubjectReads]) -> Vec<Vec<usize>> {
    reads.iter().map(|r| r.families(plan)).collect()
}

/// A topological order (declaration order among equals), reporting cycles.
/// The subjects ready to go (all they read placed) wait in a heap, lowest
/// first, so that the cost grows with the subjects and their reads, not with
/// the square of the subjects.
pub fn order(plan: &Plan, deps: &[Vec<usize>], diags: &mut Vec<Diagnostic>) -> Vec<usize> {
    let n = deps.len();
    let mut state = Placing::new(deps);
    while state.order.len() < n {
        match state.ready.pop() {
            Some(Reverse(i)) if !state.done[i] => state.place(i),
            Some(_) => {}
            None => {
                // Report one cycle, then treat its members as done so that
                // every other cycle is reported too.
                let i = (0..n).find(|&i| !state.done[i]).unwrap_or(0);
                let (chain, members) = cycle(i, deps, &state.done, plan);
                let at = members.first().copied().unwrap_or(i);
                diags.push(Diagnostic::new(Kind::SubjectCycle { chain }, &plan.subjects[at].name.loc));
                for k in members {
                    state.place(k);
                }
            }
        }
    }
    state.order
}

/// The order so far, and what each subject still waits for.
struct Placing {
    /// Per subject, the reads of it by other subjects (one per read).
    readers: Vec<Vec<usize>>,
    /// Per subject, its reads of subjects not yet placed.
    waiting: Vec<usize>,
    ready: BinaryHeap<Reverse<usize>>,
    done: Vec<bool>,
    order: Vec<usize>,
}

impl Placing {
    fn new(deps: &[Vec<usize>]) -> Placing {
        let mut readers = vec![Vec::new(); deps.len()];
        for (i, d) in deps.iter().enumerate() {
            for &j in d {
                readers[j].push(i);
            }
        }
        let waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
        let ready = (0..deps.len()).filter(|&i| waiting[i] == 0).map(Reverse).collect();
        Placing {
            readers,
            waiting,
            ready,
            done: vec![false; deps.len()],
            order: Vec::with_capacity(deps.len()),
        }
    }

    /// Places subject `k`; its readers that wait for nothing more are ready.
    fn place(&mut self, k: usize) {
        self.done[k] = true;
        self.order.push(k);
        for &r in &self.readers[k] {
            self.waiting[r] = self.waiting[r].saturating_sub(1);
            if self.waiting[r] == 0 && !self.done[r] {
                self.ready.push(Reverse(r));
            }
        }
    }
}

/// The names along a cycle reachable from `start` among unfinished
/// subjects, and its members.
fn cycle(start: usize, deps: &[Vec<usize>], done: &[bool], plan: &Plan) -> (String, Vec<usize>) {
    let mut path = vec![start];
    let mut cur = start;
    while let Some(&next) = deps[cur].iter().find(|&&j| !done[j]) {
        if let Some(pos) = path.iter().position(|&p| p == next) {
            let members = path[pos..].to_vec();
            let mut names: Vec<&str> = members.iter().map(|&k| plan.subjects[k].name.name.as_str()).collect();
            names.push(plan.subjects[next].name.name.as_str());
            return (names.join(" → "), members);
        }
        path.push(next);
        cur = next;
    }
    (plan.subjects[start].name.name.clone(), vec![start])
}
