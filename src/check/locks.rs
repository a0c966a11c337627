//! What a child plan may not undo (issue 19): group totals, caps weaker than
//! the parent's on the same condition, quotas looser than the parent's, and
//! exemptions around a locked cap; and where a finding caused by a child's
//! line is reported (at that line, with the parent's line as a note).

use super::model::{CCap, CRule, CSubject};
use super::names::Names;
use super::reads::Reads;
use super::space::Space;
use crate::diag::{Diagnostic, Kind, Note};
use crate::num::Num;
use crate::resolve::Plan;
use crate::resolve::locks::{below, rank};
use crate::resolve::model::Subject;
use crate::source::Loc;
use crate::syntax::ast::{Criterion, ItemKind, Measure, QuotaBound, SubjectItem};
use crate::vocab::expr::truth;

/// Among `lines`, the one a finding about the parent's line `anchor` is
/// caused by: in the plan furthest down the chain, the last there.
pub fn culprit<'a>(plan: &Plan, anchor: &Loc, lines: impl Iterator<Item = &'a Loc>) -> Option<&'a Loc> {
    let lines = lines.filter(|l| below(&plan.chain, l, anchor));
    lines.min_by_key(|l| (rank(&plan.chain, l), std::cmp::Reverse(l.start)))
}

/// A finding about the parent's line `anchor`, placed at the child's line
/// that caused it (if any) with the parent's line as a note.
pub fn at_cause<'a>(
    plan: &Plan,
    kind: Kind,
    anchor: &Loc,
    note: Note,
    lines: impl Iterator<Item = &'a Loc>,
) -> Diagnostic {
    match culprit(plan, anchor, lines) {
        Some(at) => Diagnostic::new(kind, at).with_related(anchor, note),
        None => Diagnostic::new(kind, anchor),
    }
}

fn measure(c: &Criterion) -> &Num {
    match &c.measure {
        Measure::Weight(w) => &w.value,
        Measure::Points(p) => &p.value,
    }
}

/// The criteria of each `group … total N` add up to N (an error when locked).
pub fn groups(plan: &Plan, s: &Subject, diags: &mut Vec<Diagnostic>) {
    for g in &s.groups {
        let ItemKind::Group(decl) = &g.kind else { continue };
        let name = decl.name.name.as_str();
        let inside = |d: &&SubjectItem| matches!(&d.kind, ItemKind::Criterion(c) if c.group.as_ref().is_some_and(|x| x.name == name));
        let mut sum = crate::num::zero();
        for d in s.decls.iter().filter(inside) {
            if let ItemKind::Criterion(c) = &d.kind {
                sum += measure(c);
            }
        }
        if sum == decl.total.value {
            continue;
        }
        let kind = Kind::GroupTotal {
            group: name.to_string(),
            sum: crate::num::literal(&sum),
            total: crate::num::literal(&decl.total.value),
            locked: decl.locked.is_some(),
        };
        let left = s.left.iter().filter(|(x, _)| x.as_deref() == Some(name)).map(|(_, l)| l);
        let lines = s.decls.iter().filter(inside).map(|d| &d.loc).chain(left);
        diags.push(at_cause(plan, kind, &g.loc, Note::GroupTotal(name.to_string()), lines));
    }
}

/// A child's quota on the same tier, count and grouping as the parent's,
/// but looser: the parent's binds (a warning at the child's number).
pub fn quotas(plan: &Plan, s: &Subject, diags: &mut Vec<Diagnostic>) {
    for (i, parent) in s.quotas.iter().enumerate() {
        for child in s.quotas.iter().skip(i + 1).filter(|q| below(&plan.chain, &q.loc, &parent.loc)) {
            let (ItemKind::Quota(p), ItemKind::Quota(c)) = (&parent.kind, &child.kind) else { continue };
            if p.tier.name != c.tier.name || p.per != c.per {
                continue;
            }
            let (a, b) = match (&p.bound, &c.bound) {
                (QuotaBound::Count(a), QuotaBound::Count(b)) => (a, b),
                (QuotaBound::Share { percent: a, of: x }, QuotaBound::Share { percent: b, of: y })
                    if x == y =>
                {
                    (a, b)
                }
                _ => continue,
            };
            if b.value > a.value {
                let kind = Kind::QuotaLooser {
                    parent: a.loc.snippet().to_string(),
                    this: b.loc.snippet().to_string(),
                };
                diags.push(Diagnostic::new(kind, &b.loc).with_related(&parent.loc, Note::ParentQuota));
            }
        }
    }
}

/// A child's cap on the same condition as the parent's but at a better
/// tier does nothing; under `lock caps` it is an error.
pub fn caps(plan: &Plan, s: &Subject, names: &Names, diags: &mut Vec<Diagnostic>) {
    let chain = &plan.chain;
    for (i, parent) in s.caps.iter().enumerate() {
        let ItemKind::Cap { tier: pt, cond: pc, .. } = &parent.kind else { continue };
        for child in s.caps.iter().skip(i + 1).filter(|q| below(chain, &q.loc, &parent.loc)) {
            let ItemKind::Cap { tier: ct, cond: cc, .. } = &child.kind else { continue };
            let (Some(p), Some(c)) = (names.tier_index(&pt.name), names.tier_index(&ct.name)) else {
                continue;
            };
            if cc != pc || c >= p {
                continue;
            }
            let locked =
                s.lock_caps.iter().any(|l| below(chain, &child.loc, l) && !below(chain, &parent.loc, l));
            let kind = Kind::CapNoEffect { tier: ct.name.clone(), parent: pt.name.clone(), locked };
            diags.push(Diagnostic::new(kind, &ct.loc).with_related(&parent.loc, Note::ParentCap));
        }
    }
}

/// A child's exemption that reads what a locked cap of the parent reads,
/// and can hold for a record that cap lowers: an error at the exemption.
pub fn exempts(plan: &Plan, s: &Subject, c: &CSubject, names: &Names, diags: &mut Vec<Diagnostic>) {
    let chain = &plan.chain;
    for e in &c.exempts {
        let read = Reads::of(&e.cond);
        for lock in s.lock_caps.iter().filter(|l| below(chain, &e.loc, l)) {
            for cap in &c.caps {
                let CCap::When { tier, cond, loc, .. } = cap else { continue };
                if below(chain, loc, lock) || *tier == 0 {
                    continue;
                }
                let capped = Reads::of(cond);
                let Some(shared) = read.items.iter().find(|n| capped.items.contains(n)) else { continue };
                if let Some(example) = witness(s, c, names, ([&e.cond, cond], &e.loc), (&read, &capped)) {
                    let kind = Kind::ExemptUndoesCap { read: shared.clone(), example };
                    let d = Diagnostic::new(kind, &e.loc).with_related(loc, Note::ParentCap);
                    diags.push(d.with_related(lock, Note::LockedBy("caps")));
                    return;
                }
            }
        }
    }
}

/// A record for which both conditions hold, described by what they read.
fn witness(
    s: &Subject,
    c: &CSubject,
    names: &Names,
    (conds, loc): ([&crate::vocab::expr::TExpr; 2], &Loc),
    (a, b): (&Reads, &Reads),
) -> Option<crate::diag::Example> {
    let rules = conds.iter().map(|x| CRule { tier: 0, cond: (*x).clone(), loc: loc.clone() }).collect();
    let both = CSubject { rules, exempts: Vec::new(), caps: Vec::new(), quotas: Vec::new(), ..c.clone() };
    let space = Space::new(s, &both, names);
    let exhaustive = space.size() <= super::space::BUDGET as u128;
    let count = if exhaustive { space.size() as usize } else { super::space::BUDGET };
    let mut keep: Vec<String> = a.items.clone();
    keep.extend(b.items.iter().filter(|n| !a.items.contains(n)).cloned());
    (0..count).find_map(|n| {
        let point = if exhaustive { space.nth(n as u128) } else { space.sample(n) };
        let env = space.env(&point);
        let holds = both.rules.iter().all(|r| truth(&r.cond, &env).unwrap_or(false));
        holds.then(|| space.describe_some(&point, &keep, a.score || b.score))
    })
}
