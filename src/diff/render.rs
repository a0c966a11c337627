//! Diff output for programs: JSON per PLAN-LANGUAGE.md §9, and the pieces
//! the outputs for people (`people`, the HTML memo) share.

use super::impact::Impact;
use super::{Change, ChangeKind, PlanDiff};
use serde_json::{Value as Json, json};

/// The lines of an added or removed item's canonical text, or of a value
/// that spans lines. Other values (header entries, attributes) are shown inline.
pub(crate) fn item_lines(c: &Change) -> Option<Vec<String>> {
    let v = if c.kind == ChangeKind::Added { &c.new } else { &c.old };
    match v {
        Some(Json::String(s)) if c.whole || s.contains('\n') => Some(s.lines().map(str::to_string).collect()),
        _ => None,
    }
}

pub(super) struct Paint(pub(super) bool);

impl Paint {
    pub(super) fn on(&self, code: &str, text: &str) -> String {
        if self.0 { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
    pub(super) fn sign(&self, sign: char, text: &str) -> String {
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

pub fn json(d: &PlanDiff, impact: Option<&Impact>) -> Json {
    let changes: Vec<Json> = d
        .changes
        .iter()
        .map(|c| {
            let lines: Vec<String> = c.lines.iter().map(|l| format!("{} {}", l.sign, l.text)).collect();
            json!({
                "path": c.path, "kind": c.kind.word(), "old": c.old, "new": c.new,
                "note": super::note::english(&c.note), "lines": if lines.is_empty() { Json::Null } else { json!(lines) },
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
        "warnings": d.warnings.iter().map(super::Warning::english).collect::<Vec<_>>(), "impact": impact,
    })
}
