//! Diffs of subjects: the subject line, its single items (`level`, `lock
//! rules`), its criteria, flags and fields attribute by attribute, and its
//! exemption, rule, cap and quota lists as canonical lines.
//!
//! Where each kind of item is compared is decided by [`slot`], a match over
//! every [`ItemKind`] without a catch-all arm, and the model's subject is taken
//! apart field by field: a new kind of item, or a new field, does not compile
//! until the diff gives it a place.

use super::note::{Attr, Note};
use super::{Change, line_diff, notes, number, text};
use crate::fmt::items;
use crate::resolve::model::Subject;
use crate::source::Loc;
use crate::syntax::ast::{Criterion, Field, Flag, Group, ItemKind, Measure, Str, SubjectItem};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// The lists of a subject, in the order their changes are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    Exempt,
    Rules,
    Caps,
    Quotas,
    Drops,
}

impl List {
    fn key(self) -> &'static str {
        match self {
            List::Exempt => "exempt",
            List::Rules => "rules",
            List::Caps => "caps",
            List::Quotas => "quotas",
            List::Drops => "drops",
        }
    }
}

/// Where the changes of one subject item are reported.
enum Slot<'a> {
    /// An item a subject has at most once, reported at `subject.S.KEY` with this value.
    Single(&'static str, Json),
    /// A declaration, matched by kind and name, with its attributes.
    Decl { what: &'static str, name: &'a str, attrs: Vec<(&'static str, Option<Json>)> },
    /// One line of an ordered list, compared as canonical lines.
    List(List),
}

fn label(l: &Option<Str>) -> Option<Json> {
    l.as_ref().map(|s| text(s.value.as_str()))
}

fn locked(l: &Option<Loc>) -> Option<Json> {
    Some(Json::Bool(l.is_some()))
}

fn slot(k: &ItemKind) -> Slot<'_> {
    match k {
        ItemKind::Level(l) => Slot::Single("level", text(l.name.as_str())),
        ItemKind::LockRules => Slot::Single("lock_rules", Json::Bool(true)),
        ItemKind::LockExempt => Slot::Single("lock_exempt", Json::Bool(true)),
        ItemKind::LockCaps => Slot::Single("lock_caps", Json::Bool(true)),
        ItemKind::Group(g) => {
            let Group { name, label: l, total, locked: lock } = g;
            let attrs =
                vec![("label", label(l)), ("total", Some(number(&total.value))), ("locked", locked(lock))];
            Slot::Decl { what: "group", name: &name.name, attrs }
        }
        ItemKind::Criterion(c) => criterion(c),
        ItemKind::Flag(f) => {
            let Flag { name, label: l, locked: lock } = f;
            Slot::Decl {
                what: "flag",
                name: &name.name,
                attrs: vec![("label", label(l)), ("locked", locked(lock))],
            }
        }
        ItemKind::Field(f) => {
            let Field { name, label: l, ty, locked: lock } = f;
            let attrs = vec![
                ("label", label(l)),
                ("type", Some(text(items::field_type(ty)))),
                ("locked", locked(lock)),
            ];
            Slot::Decl { what: "field", name: &name.name, attrs }
        }
        ItemKind::Exempt { .. } => Slot::List(List::Exempt),
        ItemKind::Rule { .. } | ItemKind::Otherwise(_) => Slot::List(List::Rules),
        ItemKind::Cap { .. } | ItemKind::CapAt(_) => Slot::List(List::Caps),
        ItemKind::Quota(_) => Slot::List(List::Quotas),
        // Resolving applies every drop (the dropped declaration is gone from
        // the effective subject); one that could not be is an error of `check`.
        ItemKind::Drop { .. } => Slot::List(List::Drops),
    }
}

fn criterion(c: &Criterion) -> Slot<'_> {
    let Criterion { name, label: l, measure, group, locked: lock } = c;
    let (w, p) = match measure {
        Measure::Weight(w) => (Some(number(&w.value)), None),
        Measure::Points(p) => (None, Some(number(&p.value))),
    };
    let group = group.as_ref().map(|g| text(g.name.as_str()));
    let attrs =
        vec![("label", label(l)), ("weight", w), ("points", p), ("group", group), ("locked", locked(lock))];
    Slot::Decl { what: "criterion", name: &name.name, attrs }
}

/// The subject line's own attributes, and every item of the effective
/// subject (`lock rules` included) in a fixed order.
fn parts(s: &Subject) -> (Vec<(&'static str, Option<Json>)>, Vec<SubjectItem>) {
    let Subject {
        name: _,
        label: l,
        extends,
        locked: lock,
        level,
        decls,
        exempts,
        rules,
        caps,
        quotas,
        lock_rules,
        groups,
        lock_exempt,
        lock_caps,
        left: _,
        drops,
        loc: _,
    } = s;
    let ext = extends.as_ref().map(|e| text(e.name.as_str()));
    let line = vec![("label", label(l)), ("extends", ext), ("locked", locked(lock))];
    let item = |kind: ItemKind, loc: &Loc| SubjectItem { kind, loc: loc.clone() };
    let lock = lock_rules.as_ref().map(|loc| item(ItemKind::LockRules, loc));
    let lock = lock.into_iter().chain(lock_exempt.first().map(|loc| item(ItemKind::LockExempt, loc)));
    let lock = lock.chain(lock_caps.first().map(|loc| item(ItemKind::LockCaps, loc)));
    let all = level.iter().chain(groups).chain(decls).chain(exempts).chain(rules).chain(caps).chain(quotas);
    (line, all.chain(drops).cloned().chain(lock).collect())
}

pub fn subjects(old: &[Subject], new: &[Subject], out: &mut Vec<Change>) {
    let find = |xs: &'_ [Subject], name: &str| xs.iter().find(|s| s.name.name == name).cloned();
    for s in old {
        let path = format!("subject.{}", s.name.name);
        match find(new, &s.name.name) {
            None => out.push(Change::new(path, Some(text(subject_text(s))), None).whole()),
            Some(n) => subject(&path, s, &n, out),
        }
    }
    for s in new.iter().filter(|s| find(old, &s.name.name).is_none()) {
        out.push(Change::new(format!("subject.{}", s.name.name), None, Some(text(subject_text(s)))).whole());
    }
}

fn subject_text(s: &Subject) -> String {
    let mut lines = vec![crate::fmt::show::subject_line(s)];
    lines.extend(parts(s).1.iter().map(|i| format!("  {}", items::item(&i.kind))));
    lines.push("}".into());
    lines.join("\n")
}

fn subject(path: &str, s: &Subject, n: &Subject, out: &mut Vec<Change>) {
    let ((line_a, items_a), (line_b, items_b)) = (parts(s), parts(n));
    for ((key, o), (_, nn)) in line_a.into_iter().zip(line_b) {
        if o != nn {
            out.push(Change::new(format!("{path}.{key}"), o, nn));
        }
    }
    singles(path, &items_a, &items_b, out);
    decls(path, &items_a, &items_b, out);
    let mut lists: BTreeMap<List, (Vec<SubjectItem>, Vec<SubjectItem>)> = BTreeMap::new();
    for (side, xs) in [(0, &items_a), (1, &items_b)] {
        for i in xs.iter() {
            if let Slot::List(l) = slot(&i.kind) {
                let entry = lists.entry(l).or_default();
                if side == 0 { &mut entry.0 } else { &mut entry.1 }.push(i.clone());
            }
        }
    }
    for (l, (a, b)) in lists {
        list(&format!("{path}.{}", l.key()), &a, &b, out);
    }
}

fn singles(path: &str, old: &[SubjectItem], new: &[SubjectItem], out: &mut Vec<Change>) {
    let values = |xs: &[SubjectItem]| -> Vec<(&'static str, Json)> {
        xs.iter()
            .filter_map(|i| match slot(&i.kind) {
                Slot::Single(key, v) => Some((key, v)),
                _ => None,
            })
            .collect()
    };
    let (a, b) = (values(old), values(new));
    let get = |xs: &[(&str, Json)], key: &str| xs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
    let mut keys: Vec<&str> = a.iter().map(|(k, _)| *k).collect();
    keys.extend(b.iter().map(|(k, _)| *k).filter(|k| get(&a, k).is_none()));
    for key in keys {
        let (o, n) = (get(&a, key), get(&b, key));
        // A yes/no item (`lock rules`) that is absent is a no.
        let no = || Some(Json::Bool(false));
        let (o, n) = match (o, n) {
            (None, Some(Json::Bool(b))) => (no(), Some(Json::Bool(b))),
            (Some(Json::Bool(b)), None) => (Some(Json::Bool(b)), no()),
            other => other,
        };
        if o != n {
            out.push(Change::new(format!("{path}.{key}"), o, n));
        }
    }
}

/// The declarations of a subject as ((kind, name), attributes, item).
type Decls<'a> = Vec<((&'static str, &'a str), Vec<(&'static str, Option<Json>)>, &'a SubjectItem)>;

fn decl_list(xs: &[SubjectItem]) -> Decls<'_> {
    xs.iter()
        .filter_map(|i| match slot(&i.kind) {
            Slot::Decl { what, name, attrs } => Some(((what, name), attrs, i)),
            _ => None,
        })
        .collect()
}

fn decls(path: &str, old: &[SubjectItem], new: &[SubjectItem], out: &mut Vec<Change>) {
    let (a, b) = (decl_list(old), decl_list(new));
    let whole = |i: &SubjectItem| Some(text(items::item(&i.kind)));
    for (key, attrs, item) in &a {
        let p = format!("{path}.{}.{}", key.0, key.1);
        match b.iter().find(|(k, ..)| k == key) {
            None => out.push(Change::new(p, whole(item), None).whole()),
            Some((_, new_attrs, _)) => attributes(&p, attrs, new_attrs, out),
        }
    }
    for (key, _, item) in b.iter().filter(|(k, ..)| !a.iter().any(|(x, ..)| x == k)) {
        out.push(Change::new(format!("{path}.{}.{}", key.0, key.1), None, whole(item)).whole());
    }
}

fn attributes(
    path: &str,
    old: &[(&'static str, Option<Json>)],
    new: &[(&'static str, Option<Json>)],
    out: &mut Vec<Change>,
) {
    for ((key, o), (_, n)) in old.iter().zip(new) {
        if o == n {
            continue;
        }
        let note = match (*key, o, n) {
            ("weight" | "points", Some(Json::Number(a)), Some(Json::Number(b))) => {
                let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                let attr = if *key == "weight" { Attr::Weight } else { Attr::Points };
                Some(Note::Direction { attr, up: b > a })
            }
            _ => None,
        };
        out.push(Change::new(format!("{path}.{key}"), o.clone(), n.clone()).note(note));
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
    let notes = notes::thresholds(old, new).into_iter().chain(notes::quotas(old, new));
    let mut c = Change::new(path, o, n).note(notes);
    let join = |xs: &[String]| xs.iter().map(|x| format!("{x}\n")).collect::<String>();
    c.lines = line_diff(&join(&a), &join(&b));
    out.push(c);
}
