//! The schedule and the compliance report for people (a table) and for
//! programs (JSON per PLAN-LANGUAGE.md §9).

use super::done::{Unit, Verdict};
use super::entries::{Entry, in_words, report_words};
use super::show;
use serde_json::{Value, json};
use std::fmt::Write;

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
pub fn table(id: &str, year: i32, entries: &[Entry]) -> String {
    let mut out = format!("{id}: deadlines for the evaluation year {year}\n");
    let width = entries.iter().map(|e| e.level.chars().count()).max().unwrap_or(0);
    for e in entries {
        let _ = writeln!(out, "\n{:width$}  {}", e.level, e.label);
        let pad = " ".repeat(width + 2);
        let _ = writeln!(out, "{pad}{}", in_words(e));
        if let Some(r) = report_words(e) {
            let _ = writeln!(out, "{pad}{r}");
        }
        let _ = writeln!(out, "{pad}from {}", e.from);
    }
    out
}

fn verdict_words(u: &Unit) -> String {
    let days = |n: i64| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
    match u.verdict {
        Verdict::OnTime => "on time".into(),
        Verdict::Early => "early: before the window opens (counts as done)".into(),
        Verdict::Late => format!("late by {}", days(u.days_late)),
        Verdict::Overdue => format!("not done, overdue by {}", days(u.days_late)),
        Verdict::Pending => "not done yet, still in time".into(),
        Verdict::Invalid => format!("cannot judge (line {}): {}", u.line, u.problem.as_deref().unwrap_or("")),
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

pub fn done_table(file: &str, units: &[Unit]) -> String {
    let w_unit = units.iter().map(|u| u.unit.chars().count()).max().unwrap_or(4).max(4);
    let w_level = units.iter().map(|u| u.level.chars().count()).max().unwrap_or(5).max(5);
    let mut out =
        format!("{:w_unit$}  {:w_level$}  {:10}  {:10}  verdict\n", "unit", "level", "done", "last day");
    for u in units {
        let done = u.done.map_or("—".to_string(), show);
        let last = u.last_day.map_or("—".to_string(), show);
        let _ = writeln!(
            out,
            "{:w_unit$}  {:w_level$}  {done:10}  {last:10}  {}",
            u.unit,
            u.level,
            verdict_words(u)
        );
    }
    let late = units.iter().filter(|u| u.is_problem()).count();
    let _ = writeln!(out, "\n{} units in {file}: {late} late or not judgeable", units.len());
    out
}

pub fn done_json(id: &str, year: i32, units: &[Unit]) -> Value {
    let rows: Vec<Value> = units
        .iter()
        .map(|u| {
            json!({
                "unit": u.unit, "level": u.level, "line": u.line, "done": day(u.done),
                "last_day": day(u.last_day), "status": verdict_code(u.verdict),
                "days_late": u.days_late, "problem": u.problem,
            })
        })
        .collect();
    let late = units.iter().filter(|u| u.is_problem()).count();
    json!({ "plan": id, "year": year, "units": rows, "late": late })
}
