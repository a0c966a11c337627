//! Diff output: for people (grouped by section, old → new, coloured on a
//! terminal), JSON per PLAN-LANGUAGE.md §9, and Markdown for a cover memo.

use super::impact::Impact;
use super::{Change, ChangeKind, PlanDiff};
use crate::diag::Color;
use serde_json::{Value as Json, json};
use std::fmt::Write;

/// A value as a person reads it: strings quoted, lists and long text shown as lines.
pub(crate) fn scalar(v: &Option<Json>) -> String {
    match v {
        None | Some(Json::Null) => "—".into(),
        Some(Json::String(s)) if !s.contains('\n') => format!("\"{s}\""),
        Some(Json::Array(xs)) => format!("[{}]", names(xs)),
        Some(Json::String(_)) => "…".into(),
        Some(other) => other.to_string(),
    }
}

/// A list of names (an order of levels or hooks), comma-separated.
fn names(xs: &[Json]) -> String {
    xs.iter().map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string)).collect::<Vec<_>>().join(", ")
}

/// The lines of an added or removed item's canonical text, or of a value
/// that spans lines. Other values (header entries, attributes) are shown inline.
pub(crate) fn item_lines(c: &Change) -> Option<Vec<String>> {
    let v = if c.kind == ChangeKind::Added { &c.new } else { &c.old };
    match v {
        Some(Json::String(s)) if c.whole || s.contains('\n') => Some(s.lines().map(str::to_string).collect()),
        _ => None,
    }
}

struct Paint(bool);

impl Paint {
    fn on(&self, code: &str, text: &str) -> String {
        if self.0 { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
    fn sign(&self, sign: char, text: &str) -> String {
        match sign {
            '+' => self.on("32", text),
            '-' => self.on("31", text),
            _ => text.to_string(),
        }
    }
}

pub(crate) fn sections(d: &PlanDiff) -> Vec<(String, Vec<&Change>)> {
    let mut out: Vec<(String, Vec<&Change>)> = Vec::new();
    for c in &d.changes {
        let s = c.section();
        match out.iter_mut().find(|(name, _)| *name == s) {
            Some((_, v)) => v.push(c),
            None => out.push((s, vec![c])),
        }
    }
    out
}

pub fn human(d: &PlanDiff, impact: Option<&Impact>, color: Color) -> String {
    let p = Paint(color == Color::Always);
    let mut out = format!("diff {} → {}\n", d.old_id, d.new_id);
    if d.changes.is_empty() {
        out.push_str("\nthe plans are the same\n");
    }
    for (section, changes) in sections(d) {
        let _ = writeln!(out, "\n{}", p.on("1", &section));
        for c in changes {
            human_change(&p, c, &mut out);
        }
    }
    if !d.changes.is_empty() {
        let n = d.changes.len();
        let _ = writeln!(out, "\n{n} change{}", if n == 1 { "" } else { "s" });
    }
    if let Some(i) = impact {
        impact_human(i, &mut out);
    }
    out
}

fn human_change(p: &Paint, c: &Change, out: &mut String) {
    let (mark, code) = match c.kind {
        ChangeKind::Added => ('+', "32"),
        ChangeKind::Removed => ('-', "31"),
        ChangeKind::Changed => ('~', "33"),
    };
    let head = p.on(code, &format!("{mark} {}", c.path));
    let note = c.note.as_ref().map_or(String::new(), |n| format!("  ({n})"));
    let body = match c.kind {
        _ if !c.lines.is_empty() || item_lines(c).is_some() => String::new(),
        ChangeKind::Added => format!(": {}", scalar(&c.new)),
        ChangeKind::Removed => format!(": {}", scalar(&c.old)),
        ChangeKind::Changed => format!(": {} → {}", scalar(&c.old), scalar(&c.new)),
    };
    let _ = writeln!(out, "  {head}{body}{note}");
    for l in &c.lines {
        let _ = writeln!(out, "      {}", p.sign(l.sign, &format!("{} {}", l.sign, l.text)));
    }
    if c.lines.is_empty() {
        let sign = if c.kind == ChangeKind::Added { '+' } else { '-' };
        for l in item_lines(c).unwrap_or_default() {
            let _ = writeln!(out, "      {}", p.sign(sign, &format!("{sign} {l}")));
        }
    }
}

fn impact_human(i: &Impact, out: &mut String) {
    let _ = writeln!(out, "\nimpact on {} records: {} moved", i.records, i.moved.len());
    for (subject, cells) in &i.by_subject {
        let _ = writeln!(out, "\n  {subject} (rows: old tier, columns: new tier)");
        let (old, new) = (&i.names.0, &i.names.1);
        let mut line = format!("    {:8}", "");
        for n in new {
            line.push_str(&format!("{n:>7}"));
        }
        let _ = writeln!(out, "{line}");
        for (r, o) in old.iter().enumerate() {
            let mut line = format!("    {o:8}");
            for c in 0..new.len() {
                line.push_str(&format!("{:>7}", cells.get(&(r, c)).copied().unwrap_or(0)));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !i.moved.is_empty() {
        let _ = writeln!(out, "\n  moved:");
    }
    for m in &i.moved {
        let _ = writeln!(out, "    {} {}: {} → {}", m.id, m.subject, m.side(false), m.side(true));
    }
}

pub fn json(d: &PlanDiff, impact: Option<&Impact>) -> Json {
    let changes: Vec<Json> = d
        .changes
        .iter()
        .map(|c| {
            let lines: Vec<String> = c.lines.iter().map(|l| format!("{} {}", l.sign, l.text)).collect();
            json!({
                "path": c.path, "kind": c.kind.word(), "old": c.old, "new": c.new,
                "note": c.note, "lines": if lines.is_empty() { Json::Null } else { json!(lines) },
            })
        })
        .collect();
    let impact = impact.map_or(Json::Null, |i| {
        let moved: Vec<Json> = i
            .moved
            .iter()
            .map(|m| {
                json!({
                    "id": m.id, "subject": m.subject, "old": m.old, "new": m.new,
                    "old_status": m.old_status.as_str(), "new_status": m.new_status.as_str(),
                    "old_score": m.old_score, "new_score": m.new_score,
                })
            })
            .collect();
        json!({ "records": i.records, "transitions": i.transitions, "moved": moved })
    });
    json!({
        "old": d.old_id, "new": d.new_id, "year": d.year, "changes": changes,
        "warnings": d.warnings, "impact": impact,
    })
}

fn md_value(v: &Option<Json>) -> String {
    match v {
        None | Some(Json::Null) => "—".into(),
        Some(Json::String(s)) if !s.contains('\n') => format!("`{}`", s.replace('`', "'")),
        Some(Json::Array(xs)) => format!("`{}`", names(xs).replace('`', "'")),
        Some(Json::String(_)) => "see below".into(),
        Some(other) => format!("`{other}`"),
    }
}

pub fn markdown(d: &PlanDiff, impact: Option<&Impact>) -> String {
    let mut out = format!("## Changes from {} to {}\n", d.old_id, d.new_id);
    if d.changes.is_empty() {
        out.push_str("\nThe plans are the same.\n");
    }
    for (section, changes) in sections(d) {
        let _ = writeln!(out, "\n### {section}\n");
        for c in changes {
            let note = c.note.as_ref().map_or(String::new(), |n| format!(" — {n}"));
            let shown = item_lines(c).is_some() || !c.lines.is_empty();
            let what = match c.kind {
                ChangeKind::Added if shown => "added".to_string(),
                ChangeKind::Removed if shown => "removed".to_string(),
                ChangeKind::Added => format!("added: {}", md_value(&c.new)),
                ChangeKind::Removed => format!("removed: {}", md_value(&c.old)),
                ChangeKind::Changed if !c.lines.is_empty() => "changed".to_string(),
                ChangeKind::Changed => format!("changed: {} → {}", md_value(&c.old), md_value(&c.new)),
            };
            let _ = writeln!(out, "- `{}` {what}{note}", c.path);
            let lines: Vec<String> = if c.lines.is_empty() {
                let sign = if c.kind == ChangeKind::Added { '+' } else { '-' };
                item_lines(c).unwrap_or_default().into_iter().map(|l| format!("{sign} {l}")).collect()
            } else {
                c.lines.iter().map(|l| format!("{} {}", l.sign, l.text)).collect()
            };
            if !lines.is_empty() {
                let _ = writeln!(
                    out,
                    "\n  ```diff\n{}  ```\n",
                    lines.iter().map(|l| format!("  {l}\n")).collect::<String>()
                );
            }
        }
    }
    if let Some(i) = impact {
        markdown_impact(i, &mut out);
    }
    out
}

fn markdown_impact(i: &Impact, out: &mut String) {
    let _ = writeln!(out, "\n### Impact on {} records ({} moved)", i.records, i.moved.len());
    for (subject, cells) in &i.by_subject {
        let _ = writeln!(out, "\n`{subject}` — rows: old tier, columns: new tier\n");
        let (old, new) = (&i.names.0, &i.names.1);
        let _ = writeln!(out, "| | {} |", new.join(" | "));
        let _ = writeln!(out, "|---|{}", "---:|".repeat(new.len()));
        for (r, o) in old.iter().enumerate() {
            let row: Vec<String> =
                (0..new.len()).map(|c| cells.get(&(r, c)).copied().unwrap_or(0).to_string()).collect();
            let _ = writeln!(out, "| **{o}** | {} |", row.join(" | "));
        }
    }
    if !i.moved.is_empty() {
        let _ = writeln!(out, "\n| id | subject | old | new |\n|---|---|---|---|");
        for m in &i.moved {
            let _ = writeln!(out, "| {} | {} | {} | {} |", m.id, m.subject, m.side(false), m.side(true));
        }
    }
}
