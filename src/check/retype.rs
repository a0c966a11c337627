//! A type error in a parent plan's condition that a child plan caused by
//! declaring an item the condition reads with another type (issue 19): it is
//! reported at the child's declaration, with the parent's use as a note.

use crate::diag::{Diagnostic, Note};
use crate::resolve::Plan;
use crate::resolve::locks::{below, rank};
use crate::resolve::model::{Subject, decl_name};
use crate::source::Loc;
use crate::syntax::ast::{Expr, ExprKind};

/// Moves each of `diags` (the findings of typing `e`, a condition of `s`)
/// that lies in a plan above the declaration of a name `e` reads to that
/// declaration, in the plan furthest down the chain.
pub fn blame_child(plan: &Plan, s: &Subject, e: &Expr, diags: &mut [Diagnostic]) {
    let mut names = Vec::new();
    names_in(e, &mut names);
    for d in diags {
        let Some(at) = d.loc.as_ref() else { continue };
        let declared = s.decls.iter().filter_map(|x| decl_name(x).filter(|n| names.contains(n)).map(|_| x));
        let Some(cause) = culprit(plan, at, declared.clone().map(|x| &x.loc)) else { continue };
        let name = declared.clone().find(|x| same(&x.loc, cause)).and_then(decl_name).unwrap_or_default();
        d.loc = Some(cause.clone());
        d.related
            .insert(0, crate::diag::Related { loc: e.loc.clone(), note: Note::ParentUse(name.to_string()) });
    }
}

/// Among `lines`, the one in the plan furthest below `at`'s (as
/// `locks::culprit`, which this module cannot import: `locks` reads types).
fn culprit<'a>(plan: &Plan, at: &Loc, lines: impl Iterator<Item = &'a Loc>) -> Option<&'a Loc> {
    let lines = lines.filter(|l| below(&plan.chain, l, at));
    lines.min_by_key(|l| (rank(&plan.chain, l), std::cmp::Reverse(l.start)))
}

/// The same place (a [`Loc`] compares equal to any other).
pub fn same(a: &Loc, b: &Loc) -> bool {
    a.same_file(b) && a.start == b.start && a.end == b.end
}

/// The names `e` reads of its own subject (not those inside a `where`,
/// which are the counted subject's).
fn names_in<'e>(e: &'e Expr, out: &mut Vec<&'e str>) {
    match &e.kind {
        ExprKind::Or(xs) | ExprKind::And(xs) => xs.iter().for_each(|x| names_in(x, out)),
        ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) | ExprKind::MonthsSince(x) => {
            names_in(x, out)
        }
        ExprKind::Cmp { lhs, rhs, .. } | ExprKind::MonthsBetween(lhs, rhs) => {
            names_in(lhs, out);
            names_in(rhs, out);
        }
        ExprKind::Arith { first, rest } => {
            names_in(first, out);
            rest.iter().for_each(|(_, x)| names_in(x, out));
        }
        ExprKind::Name(n) => out.push(n),
        _ => {}
    }
}
