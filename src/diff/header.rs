//! Diffs of the plan header, the scale, the tiers and the levels.
//!
//! Every struct is taken apart field by field (no `..`): a field added to the
//! syntax tree or the model does not compile here until the diff compares it
//! or says why it does not.

use super::note::{Attr, Note};
use super::{Change, line_diff, number, order, text};
use crate::days::last_day;
use crate::fmt::{expr, items};
use crate::resolve::model::Level;
use crate::syntax::ast::{Column, Display, Grade, Header, HeaderKind, Scale, Str, TierDecl, Tiers};
use serde_json::Value as Json;

/// The header keys in the order their changes are listed.
const KEYS: [&str; 8] = ["id", "title", "issuer", "issued", "supersedes", "effective", "basis", "extends"];

/// Every header entry as (key, value), in file order; keys may repeat.
fn entries(h: &Header) -> Vec<(&'static str, Json)> {
    let Header { id, extends, entries, loc: _, close: _ } = h;
    let mut out = vec![("id", text(id.value.as_str()))];
    if let Some(e) = extends {
        out.push(("extends", text(e.value.as_str())));
    }
    for e in entries {
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

pub fn header(old: &Header, new: &Header, out: &mut Vec<Change>) {
    let (a, b) = (entries(old), entries(new));
    let mut keys: Vec<&str> = a.iter().chain(&b).map(|(k, _)| *k).collect();
    keys.sort_by_key(|k| (KEYS.iter().position(|x| x == k).unwrap_or(KEYS.len()), *k));
    keys.dedup();
    for key in keys {
        let values =
            |xs: &[(&str, Json)]| xs.iter().filter(|(k, _)| *k == key).map(|(_, v)| v.clone()).collect();
        entry(&format!("plan.{key}"), values(&a), values(&b), key == "basis", out);
    }
}

/// The values of one header key. A value on both sides matches wherever it
/// stands. `basis` is a list of cited documents: any other line was removed
/// or added (a reworded one is both). Other keys hold one value: an old and
/// a new one left over at the same position are that entry changed.
fn entry(path: &str, old: Vec<Json>, new: Vec<Json>, list: bool, out: &mut Vec<Change>) {
    let mut left_new: Vec<Option<Json>> = new.into_iter().map(Some).collect();
    let left_old: Vec<Option<Json>> = old
        .into_iter()
        .map(|o| match left_new.iter().position(|n| n.as_ref() == Some(&o)) {
            Some(j) => {
                left_new[j] = None;
                None
            }
            None => Some(o),
        })
        .collect();
    if list {
        out.extend(left_old.into_iter().flatten().map(|o| Change::new(path, Some(o), None)));
        out.extend(left_new.into_iter().flatten().map(|n| Change::new(path, None, Some(n))));
        return;
    }
    for i in 0..left_old.len().max(left_new.len()) {
        let o = left_old.get(i).cloned().flatten();
        let n = left_new.get(i).cloned().flatten();
        if o.is_some() || n.is_some() {
            out.push(Change::new(path, o, n));
        }
    }
}

/// `plan.display`: the carried columns as `eval` titles them, in order (the
/// order of the output's columns). Written as a name or a string is the same.
pub fn display(old: &Option<Display>, new: &Option<Display>, out: &mut Vec<Change>) {
    let titles = |d: &Option<Display>| {
        d.as_ref().map(|d| {
            let Display { columns, loc: _ } = d;
            let title = |c: &Column| {
                let Column { title, quoted: _, loc: _ } = c;
                text(crate::text::key(title))
            };
            Json::Array(columns.iter().map(title).collect())
        })
    };
    let (a, b) = (titles(old), titles(new));
    if a != b {
        out.push(Change::new("plan.display", a, b));
    }
}

fn scale_text(s: &Scale) -> String {
    let lines: String = s.grades.iter().map(|g| format!("  {}\n", grade_text(g))).collect();
    format!("scale {} {{\n{lines}}}", s.name.name)
}

fn grade_text(g: &Grade) -> String {
    let Grade { name: _, label: _, value: _, aliases: _, loc: _ } = g;
    items::grade(g)
}

/// The scale: added or removed whole, renamed, and grade by grade (by name;
/// the order of grades means nothing, their values do).
pub fn scale(old: &Option<Scale>, new: &Option<Scale>, out: &mut Vec<Change>) {
    let (a, b) = match (old, new) {
        (None, None) => return,
        (Some(a), Some(b)) => (a, b),
        (a, b) => {
            let whole = |s: &Option<Scale>| s.as_ref().map(|s| text(scale_text(s)));
            out.push(Change::new("scale", whole(a), whole(b)).whole());
            return;
        }
    };
    let Scale { name, grades, loc: _, close: _ } = a;
    if name.name != b.name.name {
        out.push(Change::new("scale", Some(text(name.name.as_str())), Some(text(b.name.name.as_str()))));
    }
    for g in grades {
        let path = format!("scale.{}", g.name.name);
        match b.grades.iter().find(|x| x.name.name == g.name.name) {
            None => out.push(Change::new(path, Some(text(grade_text(g))), None).whole()),
            Some(n) => grade(&path, g, n, out),
        }
    }
    for g in b.grades.iter().filter(|g| !grades.iter().any(|x| x.name.name == g.name.name)) {
        out.push(Change::new(format!("scale.{}", g.name.name), None, Some(text(grade_text(g)))).whole());
    }
}

fn grade(path: &str, g: &Grade, n: &Grade, out: &mut Vec<Change>) {
    let Grade { name: _, label, value, aliases, loc: _ } = g;
    if items::aliases(aliases) != items::aliases(&n.aliases) {
        // The strings, as written after `alias`; none is no value (added, removed).
        let shown = |a: &[crate::syntax::ast::Str]| {
            (!a.is_empty()).then(|| Json::Array(a.iter().map(|s| text(s.value.as_str())).collect()))
        };
        out.push(Change::new(format!("{path}.alias"), shown(aliases), shown(&n.aliases)));
    }
    if label.value != n.label.value {
        let (o, nn) = (text(label.value.as_str()), text(n.label.value.as_str()));
        out.push(Change::new(format!("{path}.label"), Some(o), Some(nn)));
    }
    if value.value != n.value.value {
        let up = n.value.value > value.value;
        let c =
            Change::new(format!("{path}.value"), Some(number(&value.value)), Some(number(&n.value.value)));
        out.push(c.note([Note::Direction { attr: Attr::Value, up }]));
    }
}

/// The tiers as one list: names, labels and order (best first) all count.
pub fn tiers(old: &Option<Tiers>, new: &Option<Tiers>, out: &mut Vec<Change>) {
    let tier = |t: &TierDecl| {
        let TierDecl { name: _, label: _, aliases: _, loc: _ } = t;
        items::tier(t)
    };
    let lines = |t: &Option<Tiers>| {
        t.iter()
            .flat_map(|t| {
                let Tiers { tiers, loc: _, close: _ } = t;
                tiers.iter().map(tier)
            })
            .collect::<Vec<_>>()
    };
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

/// Levels by name, and their order: they are declared from the lowest to the highest.
pub fn levels(old: &[Level], new: &[Level], year: i32, out: &mut Vec<Change>) {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        old.iter().map(|l| l.name.name.as_str()).collect(),
        new.iter().map(|l| l.name.name.as_str()).collect(),
    );
    out.extend(order("levels", &a, &b, Note::LevelOrder));
    for l in old {
        let path = format!("level.{}", l.name.name);
        match new.iter().find(|x| x.name.name == l.name.name) {
            None => out.push(Change::new(path, Some(text(level_text(l))), None).whole()),
            Some(n) => level(&path, l, n, year, out),
        }
    }
    for l in new.iter().filter(|l| !old.iter().any(|x| x.name.name == l.name.name)) {
        out.push(Change::new(format!("level.{}", l.name.name), None, Some(text(level_text(l)))).whole());
    }
}

/// One level's attributes. `parent_due` is how it was merged, not what it says.
fn level(path: &str, l: &Level, n: &Level, year: i32, out: &mut Vec<Change>) {
    let Level { name: _, label: lab, locked, due, report, loc: _, parent_due: _ } = l;
    if label(lab) != label(&n.label) {
        out.push(Change::new(format!("{path}.label"), label(lab), label(&n.label)));
    }
    let lock = |l: &Option<crate::source::Loc>| Some(Json::Bool(l.is_some()));
    if lock(locked) != lock(&n.locked) {
        out.push(Change::new(format!("{path}.locked"), lock(locked), lock(&n.locked)));
    }
    let due_text = |d: &Option<crate::syntax::ast::Due>| d.as_ref().map(|d| text(crate::days::text(d)));
    if due_text(due) != due_text(&n.due) {
        let note = match (due, &n.due) {
            (Some(a), Some(b)) => {
                Some(Note::Deadline { old: last_day(a, year), new: last_day(b, year), year })
            }
            _ => None,
        };
        out.push(Change::new(format!("{path}.due"), due_text(due), due_text(&n.due)).note(note));
    }
    // `report to … via …` is a line of the level: shown as a line when it comes or goes.
    let report_text = |r: &Option<crate::syntax::ast::Report>| r.as_ref().map(|r| text(items::report(r)));
    if report_text(report) != report_text(&n.report) {
        let c = Change::new(format!("{path}.report"), report_text(report), report_text(&n.report));
        out.push(if report.is_some() && n.report.is_some() { c } else { c.whole() });
    }
}
