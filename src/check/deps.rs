//! Dependencies between subjects (aggregates and `cap at tier of`), the
//! evaluation order they imply, and cycles among them.

use super::model::{CCap, CSubject};
use super::types::in_family;
use crate::diag::{Diagnostic, Kind};
use crate::eval::expr::TExpr;
use crate::resolve::Plan;
use crate::syntax::ast::FieldType;

/// The families each subject reads: `deps[i]` lists the subjects `i` needs first.
pub fn dependencies(plan: &Plan, compiled: &[CSubject]) -> Vec<Vec<usize>> {
    let mut deps = vec![Vec::new(); plan.subjects.len()];
    for (i, c) in compiled.iter().enumerate() {
        let mut roots: Vec<String> = Vec::new();
        let conds = c.exempts.iter().map(|e| &e.cond).chain(c.rules.iter().map(|r| &r.cond));
        let caps = c.caps.iter().filter_map(|k| match k {
            CCap::When { cond, .. } => Some(cond),
            CCap::At { .. } => None,
        });
        for e in conds.chain(caps) {
            aggregates(e, &mut roots);
        }
        for k in &c.caps {
            if let CCap::At { field, .. } = k {
                let target =
                    plan.subjects[i].fields().find(|f| &f.name.name == field).and_then(|f| match &f.ty {
                        FieldType::Ref(t) => Some(t.name.clone()),
                        _ => None,
                    });
                roots.extend(target);
            }
        }
        for root in roots {
            for (j, s) in plan.subjects.iter().enumerate() {
                if in_family(plan, &s.name.name, &root) && !deps[i].contains(&j) {
                    deps[i].push(j);
                }
            }
        }
    }
    deps
}

fn aggregates(e: &TExpr, out: &mut Vec<String>) {
    match e {
        TExpr::Agg(a) => {
            out.push(a.subject.clone());
            if let Some(f) = &a.filter {
                aggregates(f, out);
            }
        }
        TExpr::Not(x) | TExpr::Neg(x) | TExpr::MonthsSince(x) => aggregates(x, out),
        TExpr::And(xs) | TExpr::Or(xs) => xs.iter().for_each(|x| aggregates(x, out)),
        TExpr::Cmp(_, a, b) => {
            aggregates(a, out);
            aggregates(b, out);
        }
        TExpr::Arith(a, rest) => {
            aggregates(a, out);
            rest.iter().for_each(|(_, x)| aggregates(x, out));
        }
        _ => {}
    }
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
