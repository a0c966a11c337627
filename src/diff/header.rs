//! Diffs of the plan header, the scale, the tiers and the levels.

use super::{Change, line_diff, number, text};
use crate::fmt::{expr, items};
use crate::resolve::Plan;
use crate::resolve::model::Level;
use crate::schedule::{last_day, show};
use crate::syntax::ast::{HeaderKind, Str};
use serde_json::Value as Json;

/// The header entry of each kind, as its value.
fn entries(plan: &Plan) -> Vec<(&'static str, Json)> {
    let mut out = vec![("id", text(plan.id()))];
    if let Some(e) = &plan.header.extends {
        out.push(("extends", text(e.value.as_str())));
    }
    for e in &plan.header.entries {
        let (key, value) = match &e.kind {
            HeaderKind::Title(s) => ("title", text(s.value.as_str())),
            HeaderKind::Issuer(s) => ("issuer", text(s.value.as_str())),
            HeaderKind::Basis(s) => ("basis", text(s.value.as_str())),
            HeaderKind::Issued(d) => ("issued", text(expr::date(d.value))),
            HeaderKind::Supersedes { id, dated: None } => ("supersedes", text(id.value.as_str())),
            HeaderKind::Supersedes { id, dated: Some(d) } => {
                ("supersedes", text(format!("{} dated {}", id.value, expr::date(d.value))))
            }
            HeaderKind::Effective { .. } => {
                let line = items::header_entry(&e.kind);
                ("effective", text(line.trim_start_matches("effective ")))
            }
        };
        out.push((key, value));
    }
    out
}

pub fn header(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let (a, b) = (entries(old), entries(new));
    let keys = ["id", "title", "issuer", "issued", "supersedes", "effective", "basis", "extends"];
    for key in keys {
        let get = |xs: &[(&str, Json)]| xs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
        let (o, n) = (get(&a), get(&b));
        if o != n {
            out.push(Change::new(format!("plan.{key}"), o, n));
        }
    }
}

pub fn scale(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let grades = |p: &Plan| p.scale.iter().flat_map(|s| s.grades.clone()).collect::<Vec<_>>();
    let (a, b) = (grades(old), grades(new));
    for g in &a {
        let path = format!("scale.{}", g.name.name);
        match b.iter().find(|x| x.name.name == g.name.name) {
            None => out.push(Change::new(path, Some(text(items::grade(g))), None)),
            Some(n) => {
                if g.label.value != n.label.value {
                    let (o, nn) = (text(g.label.value.as_str()), text(n.label.value.as_str()));
                    out.push(Change::new(format!("{path}.label"), Some(o), Some(nn)));
                }
                if g.value.value != n.value.value {
                    let dir = if n.value.value > g.value.value { "raised" } else { "lowered" };
                    let c = Change::new(
                        format!("{path}.value"),
                        Some(number(&g.value.value)),
                        Some(number(&n.value.value)),
                    );
                    out.push(c.note(Some(format!("value {dir}"))));
                }
            }
        }
    }
    for g in b.iter().filter(|g| !a.iter().any(|x| x.name.name == g.name.name)) {
        out.push(Change::new(format!("scale.{}", g.name.name), None, Some(text(items::grade(g)))));
    }
}

pub fn tiers(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let lines = |p: &Plan| p.tiers.iter().flat_map(|t| t.tiers.iter().map(items::tier)).collect::<Vec<_>>();
    let (a, b) = (lines(old), lines(new));
    if a != b {
        let arr = |xs: &[String]| Json::Array(xs.iter().map(|x| text(x.as_str())).collect());
        let mut c = Change::new("tiers", Some(arr(&a)), Some(arr(&b)));
        c.lines = line_diff(&join(&a), &join(&b));
        out.push(c);
    }
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn level_text(l: &Level) -> String {
    let mut parts = vec![items::level_line(&l.name, &l.label, &l.locked)];
    parts.extend(l.due.iter().map(items::due));
    parts.extend(l.report.iter().map(items::report));
    format!("{} }}", parts.join(" "))
}

fn label(l: &Option<Str>) -> Option<Json> {
    l.as_ref().map(|s| text(s.value.as_str()))
}

pub fn levels(old: &Plan, new: &Plan, year: i32, out: &mut Vec<Change>) {
    for l in &old.levels {
        let path = format!("level.{}", l.name.name);
        let Some(n) = new.levels.iter().find(|x| x.name.name == l.name.name) else {
            out.push(Change::new(path, Some(text(level_text(l))), None));
            continue;
        };
        if label(&l.label) != label(&n.label) {
            out.push(Change::new(format!("{path}.label"), label(&l.label), label(&n.label)));
        }
        let due = |l: &Level| l.due.as_ref().map(|d| text(crate::schedule::text(d)));
        if due(l) != due(n) {
            let note = match (&l.due, &n.due) {
                (Some(a), Some(b)) => {
                    let (da, db) = (last_day(a, year), last_day(b, year));
                    let dir = if db < da {
                        "earlier"
                    } else if db > da {
                        "later"
                    } else {
                        "the same last day"
                    };
                    Some(format!("deadline {dir}: last day {} instead of {}, for {year}", show(db), show(da)))
                }
                _ => None,
            };
            out.push(Change::new(format!("{path}.due"), due(l), due(n)).note(note));
        }
        let report = |l: &Level| l.report.as_ref().map(|r| text(items::report(r)));
        if report(l) != report(n) {
            out.push(Change::new(format!("{path}.report"), report(l), report(n)));
        }
    }
    for l in new.levels.iter().filter(|l| !old.levels.iter().any(|x| x.name.name == l.name.name)) {
        out.push(Change::new(format!("level.{}", l.name.name), None, Some(text(level_text(l)))));
    }
}
