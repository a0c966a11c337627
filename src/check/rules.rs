//! Rule coverage: rules that can leave a record without a tier (an error,
//! with a concrete record) and rules that can never fire (a warning). Records
//! are enumerated over the values that matter to the conditions: every grade
//! of every graded criterion, both values of each flag, every tier and choice,
//! and the numbers around each constant the conditions compare with.
//! Exemptions and hooks are not taken into account.

use super::model::CSubject;
use super::names::Names;
use super::space::{BUDGET, Space};
use crate::diag::{Diagnostic, Kind, Note};
use crate::resolve::Plan;
use crate::resolve::model::Subject;
use crate::vocab::expr::truth;

/// How many expression nodes may be evaluated per subject at most, so that
/// a plan with huge conditions is still checked quickly.
pub const WORK: usize = 4_000_000;

pub fn check(plan: &Plan, s: &Subject, c: &CSubject, names: &Names, diags: &mut Vec<Diagnostic>) {
    let space = Space::new(s, c, names);
    let total = space.size();
    let exhaustive = total <= BUDGET as u128;
    let mut fired = vec![false; c.rules.len()];
    let mut shadow: Vec<Vec<usize>> = vec![Vec::new(); c.rules.len()];
    let size: usize = c.rules.iter().map(|r| r.cond.size()).sum::<usize>().max(1);
    let budget = BUDGET.min(WORK / size).max(1);
    let exhaustive = exhaustive && total <= budget as u128;
    let count = if exhaustive { total as usize } else { budget };
    for n in 0..count {
        let point = if exhaustive { space.nth(n as u128) } else { space.sample(n) };
        let env = space.env(&point);
        let holds: Vec<bool> = c.rules.iter().map(|r| truth(&r.cond, &env).unwrap_or(false)).collect();
        match holds.iter().position(|h| *h) {
            Some(first) => {
                fired[first] = true;
                for (k, h) in holds.iter().enumerate().skip(first + 1) {
                    if *h && !shadow[k].contains(&first) {
                        shadow[k].push(first);
                    }
                }
            }
            None if c.otherwise.is_none() => {
                let example = space.describe(&point);
                let kind = Kind::FallThrough { subject: s.name.name.clone(), example };
                // A child plan's rule list: said at its first line.
                let note = Note::ParentSubject(s.name.name.clone());
                diags.push(super::locks::at_cause(
                    plan,
                    kind,
                    &s.name.loc,
                    note,
                    s.rules.iter().take(1).map(|r| &r.loc),
                ));
                return;
            }
            None => {}
        }
    }
    if !(exhaustive && space.exact()) {
        return;
    }
    for (k, rule) in c.rules.iter().enumerate() {
        if !fired[k] {
            let by = match shadow[k].as_slice() {
                [one] => {
                    format!("rule `{}` on line {}", names.tiers[c.rules[*one].tier], c.rules[*one].loc.line())
                }
                _ => "the rules before it".to_string(),
            };
            let kind = Kind::UnreachableRule { tier: names.tiers[rule.tier].clone(), by };
            diags.push(Diagnostic::new(kind, &rule.loc));
        }
    }
}
