//! The schedule and the compliance report for people (a table) and for
//! programs (JSON per PLAN-LANGUAGE.md §9).

use super::done::{Unit, Verdict};
use super::entries::{Entry, dmy, in_words, report_words};
use crate::lang::Lang;
use crate::t;
use serde_json::{Value, json};
use std::fmt::Write;

/// `s` padded with spaces to `w` characters.
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
}

fn day(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.format("%Y-%m-%d").to_string()))
}

pub fn json(id: &str, year: i32, entries: &[Entry]) -> Value {
    let deadlines: Vec<Value> = entries
        .iter()
        .map(|e| {
            json!({
                "level": e.level, "label": e.label, "kind": e.kind,
                "first_day": day(e.first_day), "last_day": day(Some(e.last_day)),
                "report_to": e.report_to, "via": e.via, "due": e.due, "from": e.from,
            })
        })
        .collect();
    json!({ "plan": id, "year": year, "deadlines": deadlines })
}

/// One block per level: its label, the deadline in words, the reporting
/// line and where the deadline was written.
pub fn table(id: &str, year: i32, entries: &[Entry], lang: Lang) -> String {
    let mut out = format!("{}\n", t!(lang, "schedule-title", plan = id, year = year));
    let width = entries.iter().map(|e| e.level.chars().count()).max().unwrap_or(0);
    for e in entries {
        let _ = writeln!(out, "\n{:width$}  {}", e.level, e.label);
        let pad = " ".repeat(width + 2);
        let _ = writeln!(out, "{pad}{}", in_words(e, lang));
        if let Some(r) = report_words(e, lang) {
            let _ = writeln!(out, "{pad}{r}");
        }
        let _ = writeln!(out, "{pad}{}", t!(lang, "schedule-from", place = e.from.as_str()));
    }
    out
}

fn verdict_words(u: &Unit, lang: Lang) -> String {
    match u.verdict {
        Verdict::OnTime => t!(lang, "verdict-on-time"),
        Verdict::Early => t!(lang, "verdict-early"),
        Verdict::Late => t!(lang, "verdict-late", days = u.days_late),
        Verdict::Overdue => t!(lang, "verdict-overdue", days = u.days_late),
        Verdict::Pending => t!(lang, "verdict-pending"),
        Verdict::Invalid => {
            let problem = u.problem.as_ref().map(|p| p.words(lang)).unwrap_or_default();
            t!(lang, "verdict-invalid", line = u.line, problem = problem)
        }
    }
}

fn verdict_code(v: Verdict) -> &'static str {
    match v {
        Verdict::OnTime => "on_time",
        Verdict::Early => "early",
        Verdict::Late => "late",
        Verdict::Overdue => "overdue",
        Verdict::Pending => "pending",
        Verdict::Invalid => "invalid",
    }
}

pub fn done_table(file: &str, year: i32, units: &[Unit], lang: Lang) -> String {
    let heads = ["done-unit", "done-level", "done-done", "done-last-day", "done-verdict"]
        .map(|id| crate::words::t(lang, id, &[]));
    let w_unit =
        units.iter().map(|u| u.unit.chars().count()).chain([heads[0].chars().count()]).max().unwrap_or(4);
    let w_level =
        units.iter().map(|u| u.label.chars().count()).chain([heads[1].chars().count()]).max().unwrap_or(5);
    let mut out = format!("{}\n\n", t!(lang, "year-line", year = year));
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad(&heads[0], w_unit),
        pad(&heads[1], w_level),
        pad(&heads[2], 10),
        pad(&heads[3], 10),
        heads[4]
    );
    for u in units {
        let done = u.done.map_or("—".to_string(), dmy);
        let last = u.last_day.map_or("—".to_string(), dmy);
        let _ = writeln!(
            out,
            "{}  {}  {done:10}  {last:10}  {}",
            pad(&u.unit, w_unit),
            pad(&u.label, w_level),
            verdict_words(u, lang)
        );
    }
    let late = units.iter().filter(|u| u.is_problem()).count();
    let _ = writeln!(out, "\n{}", t!(lang, "done-summary", units = units.len(), file = file, late = late));
    out
}

pub fn done_json(id: &str, year: i32, units: &[Unit]) -> Value {
    let rows: Vec<Value> = units
        .iter()
        .map(|u| {
            json!({
                "unit": u.unit, "level": u.level, "line": u.line, "done": day(u.done),
                "last_day": day(u.last_day), "status": verdict_code(u.verdict),
                "days_late": u.days_late, "problem": u.problem.as_ref().map(super::done::Problem::english),
            })
        })
        .collect();
    let late = units.iter().filter(|u| u.is_problem()).count();
    json!({ "plan": id, "year": year, "units": rows, "late": late })
}
