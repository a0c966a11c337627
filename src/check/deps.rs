//! Dependencies between subjects (aggregates and `cap at tier of`), the
//! evaluation order they imply, and cycles among them.

use super::reads::SubjectReads;
use crate::diag::{Diagnostic, Kind};
use crate::resolve::Plan;

/// The subjects each subject reads: `deps[i]` lists the subjects `i` needs first.
pub fn dependencies(plan: &Plan, reads: &[SubjectReads]) -> Vec<Vec<usize>> {
    reads.iter().map(|r| r.families(plan)).collect()
}

/// A topological order (declaration order among equals), reporting cycles.
pub fn order(plan: &Plan, deps: &[Vec<usize>], diags: &mut Vec<Diagnostic>) -> Vec<usize> {
    let n = deps.len();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let next = (0..n).find(|&i| !done[i] && deps[i].iter().all(|&j| done[j]));
        match next {
            Some(i) => {
                done[i] = true;
                order.push(i);
            }
            None => {
                // Report one cycle, then treat its members as done so that
                // every other cycle is reported too.
                let i = (0..n).find(|&i| !done[i]).unwrap_or(0);
                let (chain, members) = cycle(i, deps, &done, plan);
                let at = members.first().copied().unwrap_or(i);
                diags.push(Diagnostic::new(Kind::SubjectCycle { chain }, &plan.subjects[at].name.loc));
                for k in members {
                    done[k] = true;
                    order.push(k);
                }
            }
        }
    }
    order
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
