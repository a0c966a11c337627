//! Deadline checks: levels run upward, and a child plan never loosens a
//! deadline it inherits. Every year of a four-year cycle is checked.

use crate::days::{CYCLE, last_day, show};
use crate::diag::{Diagnostic, Kind, Note};
use crate::resolve::Plan;

pub fn check(plan: &Plan, diags: &mut Vec<Diagnostic>) {
    let mut prev: Option<(&str, &crate::syntax::ast::Due)> = None;
    for level in &plan.levels {
        let Some(due) = &level.due else { continue };
        if let Some((pname, pdue)) = prev
            && let Some(year) = CYCLE.into_iter().find(|&y| last_day(due, y) < last_day(pdue, y))
        {
            let kind = Kind::DueOrder {
                name: level.name.name.clone(),
                year,
                day: show(last_day(due, year)),
                prev: pname.to_string(),
                prev_day: show(last_day(pdue, year)),
            };
            diags.push(Diagnostic::new(kind, &due.loc).with_related(&pdue.loc, Note::LowerDeadline));
        }
        if let Some(parent) = &level.parent_due
            && let Some(year) = CYCLE.into_iter().find(|&y| last_day(due, y) > last_day(parent, y))
        {
            let kind = Kind::DueLoosened {
                name: level.name.name.clone(),
                year,
                child: show(last_day(due, year)),
                parent: show(last_day(parent, year)),
            };
            diags.push(Diagnostic::new(kind, &due.loc).with_related(&parent.loc, Note::ParentDeadline));
        }
        prev = Some((&level.name.name, due));
    }
}
