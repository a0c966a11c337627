//! The direction of a changed rule or quota list, in words: a score
//! threshold raised or lowered, a quota tighter or looser.

use super::note::{Note, QuotaMove};
use crate::fmt::items;
use crate::syntax::ast::{CmpOp, Expr, ExprKind, ItemKind, QuotaBound, Round, SubjectItem};

/// `score >= N` (or `>`) thresholds of a condition.
fn score_bounds(e: &Expr, out: &mut Vec<(CmpOp, crate::num::Num)>) {
    match &e.kind {
        ExprKind::Cmp { op, lhs, rhs } => {
            if let (ExprKind::Score, ExprKind::Num(n)) = (&lhs.kind, &rhs.kind) {
                out.push((*op, n.clone()));
            }
        }
        ExprKind::And(xs) | ExprKind::Or(xs) => xs.iter().for_each(|x| score_bounds(x, out)),
        ExprKind::Not(x) | ExprKind::Paren(x) => score_bounds(x, out),
        _ => {}
    }
}

/// For each tier whose rule is in both lists: a score threshold raised or lowered.
pub fn thresholds(old: &[SubjectItem], new: &[SubjectItem]) -> Vec<Note> {
    let rules = |xs: &[SubjectItem]| -> Vec<(String, Vec<(CmpOp, crate::num::Num)>)> {
        xs.iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Rule { tier, cond } => {
                    let mut b = Vec::new();
                    score_bounds(cond, &mut b);
                    Some((tier.name.clone(), b))
                }
                _ => None,
            })
            .collect()
    };
    let (a, b) = (rules(old), rules(new));
    let mut notes = Vec::new();
    for (tier, ob) in &a {
        let Some((_, nb)) = b.iter().find(|(t, _)| t == tier) else { continue };
        if let ([(op1, x)], [(op2, y)]) = (ob.as_slice(), nb.as_slice())
            && op1 == op2
            && x != y
        {
            let (old, new) = (crate::num::literal(x), crate::num::literal(y));
            notes.push(Note::Threshold { tier: tier.clone(), raised: y > x, old, new });
        }
    }
    notes
}

/// For each quota that is new or changed, against a quota of the old list
/// on the same tier and population: tighter or looser. Quotas accumulate,
/// so one added beside an old one can only tighten.
pub fn quotas(old: &[SubjectItem], new: &[SubjectItem]) -> Vec<Note> {
    use crate::syntax::ast::Quota;
    let qs = |xs: &[SubjectItem]| -> Vec<Quota> {
        xs.iter()
            .filter_map(|i| if let ItemKind::Quota(q) = &i.kind { Some(q.clone()) } else { None })
            .collect()
    };
    let (a, b) = (qs(old), qs(new));
    let per = |q: &Quota| q.per.as_ref().map(|p| p.name.clone());
    let same = |x: &Quota, y: &Quota| x.tier.name == y.tier.name && per(x) == per(y);
    let mut notes = Vec::new();
    for n in b.iter().filter(|n| !a.contains(n)) {
        let kept = a.iter().find(|q| same(q, n) && b.contains(q));
        let replaced = a.iter().find(|q| same(q, n) && !b.contains(q));
        let Some(q) = replaced.or(kept) else { continue };
        let looser = match (&q.bound, &n.bound) {
            (QuotaBound::Count(x), QuotaBound::Count(y)) if x.value != y.value => Some(y.value > x.value),
            (QuotaBound::Share { percent: x, of: o1 }, QuotaBound::Share { percent: y, of: o2 })
                if o1 == o2 && x.value != y.value =>
            {
                Some(y.value > x.value)
            }
            _ if q.bound == n.bound && q.round != n.round => Some(rank(n.round) > rank(q.round)),
            _ => None,
        };
        let (old, new) = (items::quota(q), items::quota(n));
        let change = match (looser, replaced.is_some()) {
            (Some(looser), true) => QuotaMove::Replaced { looser, old, new },
            (Some(false), false) => QuotaMove::TighterBeside { old, new },
            _ => QuotaMove::Beside { old, new },
        };
        notes.push(Note::Quota { tier: q.tier.name.clone(), change });
    }
    notes
}

/// Rounding down allows fewest, up most.
fn rank(r: Round) -> u8 {
    match r {
        Round::Down => 0,
        Round::Nearest => 1,
        Round::Up => 2,
    }
}
