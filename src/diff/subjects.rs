//! Diffs of subjects — their criteria, flags and fields attribute by
//! attribute, their rule, exemption, cap and quota lists as canonical lines —
//! and of hooks, script against script.

use super::{Change, line_diff, number, text};
use crate::fmt::items;
use crate::resolve::Plan;
use crate::resolve::model::{Hook, Subject};
use crate::syntax::ast::{CmpOp, Expr, ExprKind, ItemKind, Measure, QuotaBound, Round, SubjectItem};
use serde_json::Value as Json;

pub fn subjects(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    for s in &old.subjects {
        let path = format!("subject.{}", s.name.name);
        match new.subject(&s.name.name) {
            None => out.push(Change::new(path, Some(text(subject_text(s))), None)),
            Some(n) => subject(&path, s, n, out),
        }
    }
    for s in new.subjects.iter().filter(|s| old.subject(&s.name.name).is_none()) {
        out.push(Change::new(format!("subject.{}", s.name.name), None, Some(text(subject_text(s)))));
    }
}

fn subject_text(s: &Subject) -> String {
    let mut lines = vec![crate::fmt::show::subject_line(s)];
    let all =
        s.level.iter().chain(&s.decls).chain(&s.exempts).chain(&s.rules).chain(&s.caps).chain(&s.quotas);
    lines.extend(all.map(|i| format!("  {}", items::item(&i.kind))));
    lines.push("}".into());
    lines.join("\n")
}

fn opt_text(s: Option<&str>) -> Option<Json> {
    s.map(text)
}

fn subject(path: &str, s: &Subject, n: &Subject, out: &mut Vec<Change>) {
    let label = |s: &Subject| opt_text(s.label.as_ref().map(|l| l.value.as_str()));
    let level =
        |s: &Subject| s.level.as_ref().map(|l| text(items::item(&l.kind).trim_start_matches("level ")));
    let ext = |s: &Subject| opt_text(s.extends.as_ref().map(|e| e.name.as_str()));
    for (key, o, nn) in
        [("label", label(s), label(n)), ("level", level(s), level(n)), ("extends", ext(s), ext(n))]
    {
        if o != nn {
            out.push(Change::new(format!("{path}.{key}"), o, nn));
        }
    }
    decls(path, s, n, out);
    list(&format!("{path}.exempt"), &s.exempts, &n.exempts, out);
    list(&format!("{path}.rules"), &s.rules, &n.rules, out);
    list(&format!("{path}.caps"), &s.caps, &n.caps, out);
    list(&format!("{path}.quotas"), &s.quotas, &n.quotas, out);
}

/// The kind word and name of a declaration.
fn decl_key(d: &SubjectItem) -> Option<(&'static str, &str)> {
    match &d.kind {
        ItemKind::Criterion(c) => Some(("criterion", c.name.name.as_str())),
        ItemKind::Flag(f) => Some(("flag", f.name.name.as_str())),
        ItemKind::Field(f) => Some(("field", f.name.name.as_str())),
        _ => None,
    }
}

fn decls(path: &str, s: &Subject, n: &Subject, out: &mut Vec<Change>) {
    let find = |xs: &[SubjectItem], key: (&str, &str)| xs.iter().find(|d| decl_key(d) == Some(key)).cloned();
    for d in &s.decls {
        let Some(key) = decl_key(d) else { continue };
        let p = format!("{path}.{}.{}", key.0, key.1);
        match find(&n.decls, key) {
            None => out.push(Change::new(p, Some(text(items::item(&d.kind))), None)),
            Some(m) => attributes(&p, &d.kind, &m.kind, out),
        }
    }
    for d in &n.decls {
        let Some(key) = decl_key(d) else { continue };
        if find(&s.decls, key).is_none() {
            out.push(Change::new(
                format!("{path}.{}.{}", key.0, key.1),
                None,
                Some(text(items::item(&d.kind))),
            ));
        }
    }
}

/// The attributes of a declaration, as (key, value) pairs.
fn attrs(k: &ItemKind) -> Vec<(&'static str, Option<Json>)> {
    let label = |l: &Option<crate::syntax::ast::Str>| l.as_ref().map(|s| text(s.value.as_str()));
    let locked = |l: &Option<crate::source::Loc>| Some(Json::Bool(l.is_some()));
    match k {
        ItemKind::Criterion(c) => {
            let (w, p) = match &c.measure {
                Measure::Weight(w) => (Some(number(&w.value)), None),
                Measure::Points(p) => (None, Some(number(&p.value))),
            };
            let group = c.group.as_ref().map(|g| text(g.name.as_str()));
            vec![
                ("label", label(&c.label)),
                ("weight", w),
                ("points", p),
                ("group", group),
                ("locked", locked(&c.locked)),
            ]
        }
        ItemKind::Flag(f) => vec![("label", label(&f.label)), ("locked", locked(&f.locked))],
        ItemKind::Field(f) => vec![
            ("label", label(&f.label)),
            ("type", Some(text(items::field_type(&f.ty)))),
            ("locked", locked(&f.locked)),
        ],
        _ => Vec::new(),
    }
}

fn attributes(path: &str, old: &ItemKind, new: &ItemKind, out: &mut Vec<Change>) {
    for ((key, o), (_, n)) in attrs(old).into_iter().zip(attrs(new)) {
        if o == n {
            continue;
        }
        let note = match (key, &o, &n) {
            ("weight" | "points", Some(Json::Number(a)), Some(Json::Number(b))) => {
                let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                Some(format!("{key} {}", if b > a { "up" } else { "down" }))
            }
            _ => None,
        };
        out.push(Change::new(format!("{path}.{key}"), o, n).note(note));
    }
}

fn list(path: &str, old: &[SubjectItem], new: &[SubjectItem], out: &mut Vec<Change>) {
    let lines = |xs: &[SubjectItem]| xs.iter().map(|i| items::item(&i.kind)).collect::<Vec<_>>();
    let (a, b) = (lines(old), lines(new));
    if a == b {
        return;
    }
    let arr = |xs: &[String]| Some(Json::Array(xs.iter().map(|x| text(x.as_str())).collect()));
    let (o, n) = (if a.is_empty() { None } else { arr(&a) }, if b.is_empty() { None } else { arr(&b) });
    let notes: Vec<String> = thresholds(old, new).into_iter().chain(quotas(old, new)).collect();
    let mut c = Change::new(path, o, n).note((!notes.is_empty()).then(|| notes.join("; ")));
    let join = |xs: &[String]| xs.iter().map(|x| format!("{x}\n")).collect::<String>();
    c.lines = line_diff(&join(&a), &join(&b));
    out.push(c);
}

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
fn thresholds(old: &[SubjectItem], new: &[SubjectItem]) -> Vec<String> {
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
        if let ([(op1, x)], [(op2, y)]) = (ob.as_slice(), nb.as_slice()) {
            if op1 == op2 && x != y {
                let dir = if y > x { "raised" } else { "lowered" };
                let (x, y) = (crate::num::literal(x), crate::num::literal(y));
                notes.push(format!("rule `{tier}`: score threshold {dir} {x} → {y}"));
            }
        }
    }
    notes
}

/// For each quota that is new or changed, against a quota of the old list
/// on the same tier and population: tighter or looser. Quotas accumulate,
/// so one added beside an old one can only tighten.
fn quotas(old: &[SubjectItem], new: &[SubjectItem]) -> Vec<String> {
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
        let (qt, nt) = (items::quota(q), items::quota(n));
        notes.push(match (looser, replaced.is_some()) {
            (Some(l), true) => {
                format!("quota `{}` {}: `{qt}` → `{nt}`", q.tier.name, if l { "looser" } else { "tighter" })
            }
            (Some(false), false) => format!("quota `{}` tighter: `{nt}` added beside `{qt}`", q.tier.name),
            _ => format!("quota `{}`: `{nt}` added beside `{qt}`; the stricter one binds", q.tier.name),
        });
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

/// A script with trailing spaces, blank lines and common indentation removed.
fn normalize(script: &str) -> String {
    let lines: Vec<&str> = script.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    let indent = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| format!("{}\n", &l[indent..])).collect()
}

pub fn hooks(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let find = |p: &Plan, name: &str| p.hooks.iter().find(|h| h.decl.name.name == name).cloned();
    for h in &old.hooks {
        let path = format!("hook.{}", h.decl.name.name);
        match find(new, &h.decl.name.name) {
            None => out.push(Change::new(path, Some(text(normalize(&h.script))), None)),
            Some(n) => hook(&path, h, &n, out),
        }
    }
    for h in new.hooks.iter().filter(|h| find(old, &h.decl.name.name).is_none()) {
        out.push(Change::new(format!("hook.{}", h.decl.name.name), None, Some(text(normalize(&h.script)))));
    }
}

fn hook(path: &str, h: &Hook, n: &Hook, out: &mut Vec<Change>) {
    let (a, b) = (normalize(&h.script), normalize(&n.script));
    let (la, lb) = (items::hook_line(&h.decl), items::hook_line(&n.decl));
    if a == b && la == lb {
        return;
    }
    let note = (la != lb).then(|| format!("declaration `{}` → `{}`", la, lb));
    let mut c = Change::new(path, Some(text(a.clone())), Some(text(b.clone()))).note(note);
    c.lines = line_diff(&a, &b);
    out.push(c);
}
