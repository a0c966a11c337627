//! Compliance: which units finished their review on time. The `--done` file
//! is CSV with a unit, its level (name or label) and the day it finished;
//! an empty day means not finished yet, judged against `as_of`.

use super::entries::Entry;
use crate::data::{CellRef, SlotKind, convert_cell, norm};
use crate::lang::Lang;
use crate::vocab::value::Value;
use chrono::NaiveDate;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    OnTime,
    /// Finished before a `month` deadline's window opened.
    Early,
    Late,
    /// Not finished, and its last day has passed.
    Overdue,
    /// Not finished, and there is still time.
    Pending,
    /// The row could not be judged (unknown level, bad date).
    Invalid,
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub unit: String,
    pub level: String,
    /// The level's label in the plan (what people read), else as written.
    pub label: String,
    pub line: u64,
    pub done: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub verdict: Verdict,
    /// Days past the last allowed day (late or overdue), else 0.
    pub days_late: i64,
    pub problem: Option<Problem>,
}

/// Why a row could not be judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The level written is none of the plan's: the nearest name, else all of them.
    /// `levels`: (name, label) of each level of the plan.
    UnknownLevel { level: String, nearest: Option<String>, levels: Vec<(String, String)> },
    /// The completion date is not a date.
    NotDate { text: String },
}

impl Problem {
    /// In English, for the JSON's `problem`.
    pub fn english(&self) -> String {
        match self {
            Problem::UnknownLevel { level, nearest: Some(s), .. } => {
                format!("`{level}` is not a level of the plan; did you mean `{s}`?")
            }
            Problem::UnknownLevel { level, nearest: None, levels } => {
                let names: Vec<&str> = levels.iter().map(|(n, _)| n.as_str()).collect();
                format!("`{level}` is not a level of the plan (one of {})", names.join(", "))
            }
            Problem::NotDate { text } => format!("`{text}` is not a date (YYYY-MM-DD or D/M/YYYY)"),
        }
    }

    /// In `lang`, for people.
    pub fn words(&self, lang: crate::lang::Lang) -> String {
        use crate::t;
        match self {
            Problem::UnknownLevel { level, nearest: Some(s), .. } => {
                t!(lang, "done-unknown-level-near", level = level.as_str(), nearest = s.as_str())
            }
            Problem::UnknownLevel { level, nearest: None, levels } => {
                let all: Vec<String> = levels.iter().map(|(n, l)| format!("«{l}» (`{n}`)")).collect();
                t!(lang, "done-unknown-level", level = level.as_str(), levels = all.join(", "))
            }
            Problem::NotDate { text } => t!(lang, "done-not-date", text = text.as_str()),
        }
    }
}

impl Unit {
    /// Late, overdue or not judgeable: the run exits 1.
    pub fn is_problem(&self) -> bool {
        matches!(self.verdict, Verdict::Late | Verdict::Overdue | Verdict::Invalid)
    }
}

/// Judges every row of `file` against the deadlines; `Err` (in `lang`)
/// when the file cannot be read at all or lacks a column.
pub fn judge(file: &Path, entries: &[Entry], as_of: NaiveDate, lang: Lang) -> Result<Vec<Unit>, String> {
    let shown = file.display().to_string();
    let shown = shown.as_str();
    let cannot = |e: String| crate::t!(lang, "done-cannot-read", file = shown, error = e);
    let bytes = crate::files::read_regular(file).map_err(|e| cannot(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| crate::t!(lang, "done-not-utf8", file = shown))?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(crate::data::sniff(text.as_bytes()))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr.headers().map_err(|e| cannot(e.to_string()))?.iter().map(norm).collect();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let need = |c: Option<usize>, column: &str| {
        c.ok_or_else(|| crate::t!(lang, "done-no-column", file = shown, column = column))
    };
    let unit = need(col(&["unit", "don_vi", "đơn vị", "to_chuc", "tổ chức"]), "unit")?;
    let level = need(col(&["level", "cap", "cấp"]), "level")?;
    let done = need(col(&["done", "ngay_hoan_thanh", "ngày hoàn thành", "date", "ngay"]), "done")?;
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row.map_err(|e| cannot(e.to_string()))?;
        let line = row.position().map_or(0, |p| p.line());
        let cell = |i: usize| row.get(i).unwrap_or("").trim().to_string();
        out.push(one(cell(unit), &cell(level), &cell(done), line, entries, as_of));
    }
    Ok(out)
}

fn one(unit: String, level: &str, done: &str, line: u64, entries: &[Entry], as_of: NaiveDate) -> Unit {
    let key = norm(level);
    let entry = entries.iter().find(|e| norm(&e.level) == key || norm(&e.label) == key);
    let mut u = Unit {
        unit,
        level: entry.map_or_else(|| level.to_string(), |e| e.level.clone()),
        label: entry.map_or_else(|| level.to_string(), |e| e.label.clone()),
        line,
        done: None,
        last_day: entry.map(|e| e.last_day),
        verdict: Verdict::Invalid,
        days_late: 0,
        problem: None,
    };
    let Some(e) = entry else {
        let names: Vec<&str> = entries.iter().map(|e| e.level.as_str()).collect();
        let nearest = crate::suggest::closest(&key, names.iter().copied()).map(|s| s.to_string());
        let levels = entries.iter().map(|e| (e.level.clone(), e.label.clone())).collect();
        u.problem = Some(Problem::UnknownLevel { level: level.to_string(), nearest, levels });
        return u;
    };
    if done.is_empty() {
        u.days_late = (as_of - e.last_day).num_days().max(0);
        u.verdict = if as_of > e.last_day { Verdict::Overdue } else { Verdict::Pending };
        return u;
    }
    match convert_cell(&SlotKind::Date, CellRef::Text(done)) {
        Ok(Value::Date(d)) => {
            u.done = Some(d);
            u.days_late = (d - e.last_day).num_days().max(0);
            u.verdict = match e.first_day {
                _ if d > e.last_day => Verdict::Late,
                Some(first) if d < first => Verdict::Early,
                _ => Verdict::OnTime,
            };
        }
        Ok(_) | Err(_) => u.problem = Some(Problem::NotDate { text: done.to_string() }),
    }
    u
}
