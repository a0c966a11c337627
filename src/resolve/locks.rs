//! The locks of a subject's central invariants as a child plan (or an
//! extending subject) meets them: `lock exempt`, `lock caps`, locked group
//! totals, and the warning when a child's rule list replaces the parent's.

use super::model::{Subject, decl_what};
use crate::diag::{Diagnostic, Kind, Note};
use crate::source::{Loc, Source};
use crate::syntax::ast::{self, Expr, ExprKind, ItemKind, SubjectItem};
use std::sync::Arc;

/// The error for redeclaring a locked item, pointing at the parent's `locked`.
pub fn locked(what: &'static str, name: &ast::Ident, lock: &Loc) -> Diagnostic {
    Diagnostic::new(Kind::Locked { what, name: name.name.clone() }, &name.loc)
        .with_related(lock, Note::LockedHere)
}

/// How far the file of `loc` is from the named file (0) up the chain.
pub fn rank(chain: &[Arc<Source>], loc: &Loc) -> usize {
    chain.iter().position(|s| Arc::ptr_eq(s, &loc.src)).unwrap_or(0)
}

/// Whether `x` is written in a plan that extends the one holding `lock`.
pub fn below(chain: &[Arc<Source>], x: &Loc, lock: &Loc) -> bool {
    rank(chain, x) < rank(chain, lock)
}

/// A locked exemption or cap that reads a name.
pub struct Reader<'a> {
    /// The exemption or cap.
    pub item: &'a Loc,
    /// Its `lock exempt` or `lock caps`.
    pub lock: &'a Loc,
    /// `cap` or `exemption`.
    pub by: &'static str,
    /// The word after `lock`.
    pub word: &'static str,
}

/// The exemption or cap, locked against the line at `at`, that reads `name`.
pub fn reader<'a>(s: &'a Subject, name: &str, at: &Loc, chain: &[Arc<Source>]) -> Option<Reader<'a>> {
    let sets = [(&s.lock_caps, &s.caps, "cap", "caps"), (&s.lock_exempt, &s.exempts, "exemption", "exempt")];
    for (locks, items, by, word) in sets {
        for lock in locks.iter().filter(|l| below(chain, at, l)) {
            let found = items.iter().find(|i| !below(chain, &i.loc, lock) && reads(&i.kind, name));
            if let Some(item) = found {
                return Some(Reader { item: &item.loc, lock, by, word });
            }
        }
    }
    None
}

/// The error for a line that drops or changes what a locked item reads.
pub fn read_by_locked(old: &SubjectItem, id: &ast::Ident, r: &Reader<'_>) -> Diagnostic {
    let kind = Kind::ReadByLocked { what: decl_what(old), name: id.name.clone(), by: r.by };
    Diagnostic::new(kind, &id.loc)
        .with_related(r.item, Note::ReadBy(r.by))
        .with_related(r.lock, Note::LockedBy(r.word))
}

/// Whether a redeclaration changes what a condition reading it means: the
/// kind of item, a field's type, or a criterion's weight or points.
pub fn changes_meaning(old: &SubjectItem, new: &SubjectItem) -> bool {
    match (&old.kind, &new.kind) {
        (ItemKind::Flag(_), ItemKind::Flag(_)) => false,
        (ItemKind::Field(a), ItemKind::Field(b)) => a.ty != b.ty,
        (ItemKind::Criterion(a), ItemKind::Criterion(b)) => {
            std::mem::discriminant(&a.measure) != std::mem::discriminant(&b.measure)
        }
        _ => true,
    }
}

/// Whether an exemption or cap reads the item `name` of its own record.
fn reads(k: &ItemKind, name: &str) -> bool {
    match k {
        ItemKind::Cap { cond, .. } | ItemKind::Exempt { cond, .. } => mentions(cond, name),
        ItemKind::CapAt(f) => f.name == name,
        _ => false,
    }
}

/// Whether `e` names `name` as an item of its own record (the `where` of an
/// aggregate reads the counted records, not this one).
fn mentions(e: &Expr, name: &str) -> bool {
    match &e.kind {
        ExprKind::Or(xs) | ExprKind::And(xs) => xs.iter().any(|x| mentions(x, name)),
        ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) | ExprKind::MonthsSince(x) => {
            mentions(x, name)
        }
        ExprKind::Cmp { lhs, rhs, .. } | ExprKind::MonthsBetween(lhs, rhs) => {
            mentions(lhs, name) || mentions(rhs, name)
        }
        ExprKind::Arith { first, rest } => {
            mentions(first, name) || rest.iter().any(|(_, x)| mentions(x, name))
        }
        ExprKind::Name(n) => n == name,
        ExprKind::Quant { group, .. } => group.as_ref().is_some_and(|g| g.name == name),
        ExprKind::Num(_)
        | ExprKind::Percent(_)
        | ExprKind::Date(_)
        | ExprKind::DayMonth(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::Score
        | ExprKind::Tier
        | ExprKind::Agg { .. } => false,
    }
}

/// A child's exemptions: refused under `lock exempt` of the parent.
pub fn add_exempts(
    into: &mut Subject,
    new: &[SubjectItem],
    chain: &[Arc<Source>],
    diags: &mut Vec<Diagnostic>,
) {
    for e in new {
        match into.lock_exempt.iter().find(|l| below(chain, &e.loc, l)) {
            Some(lock) => {
                let kind = Kind::Locked { what: "exemption list of", name: into.name.name.clone() };
                let d = Diagnostic::new(kind, &e.loc.head("exempt".len()));
                diags.push(d.with_related(lock, Note::LockedBy("exempt")));
            }
            None => into.exempts.push(e.clone()),
        }
    }
}

/// A child's `group … total …`: replaces the parent's of that name unless locked.
pub fn add_group(into: &mut Subject, g: &SubjectItem, diags: &mut Vec<Diagnostic>) {
    let ItemKind::Group(new) = &g.kind else { return };
    let at = into
        .groups
        .iter()
        .position(|x| matches!(&x.kind, ItemKind::Group(o) if o.name.name == new.name.name));
    let Some(i) = at else {
        into.groups.push(g.clone());
        return;
    };
    match &into.groups[i].kind {
        ItemKind::Group(old) if old.locked.as_ref().is_some_and(|l| !l.same_file(&g.loc)) => {
            let lock = old.locked.clone().unwrap_or_else(|| g.loc.clone());
            diags.push(locked("group", &new.name, &lock));
        }
        _ => into.groups[i] = g.clone(),
    }
}

/// The warning at a child's rule list that replaces the parent's.
pub fn rules_replaced(old: &[SubjectItem], first: &Loc) -> Option<Diagnostic> {
    let (head, last) = (old.first()?, old.last()?);
    let otherwise = old.iter().any(|r| matches!(r.kind, ItemKind::Otherwise(_)));
    let rules = old.len() - usize::from(otherwise);
    let lines = match (head.loc.line(), last.loc.end_line()) {
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}–{b}"),
    };
    let file = head.loc.src.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let place = format!("{file}:{lines}");
    let d = Diagnostic::new(Kind::RulesReplaced { rules, otherwise, place }, first);
    Some(d.with_related(&head.loc, Note::ParentRules))
}
