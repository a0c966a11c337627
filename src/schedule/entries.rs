//! The effective deadlines of a plan for one evaluation year: one entry per
//! level, lowest first, with the file and line each deadline came from.

use super::{first_day, kind_word, last_day, text};
use crate::resolve::Plan;
use chrono::NaiveDate;

#[derive(Clone, Debug)]
pub struct Entry {
    pub level: String,
    pub label: String,
    pub kind: &'static str,
    pub first_day: Option<NaiveDate>,
    pub last_day: NaiveDate,
    pub report_to: Option<String>,
    pub via: Option<String>,
    /// The deadline as written, e.g. `before 15/12`.
    pub due: String,
    /// `FILE:LINE` of the `due` line.
    pub from: String,
}

/// The deadlines of `plan` for evaluation year `year`. Levels without a
/// deadline (only in plans that do not check) are left out.
pub fn entries(plan: &Plan, year: i32) -> Vec<Entry> {
    plan.levels
        .iter()
        .filter_map(|l| {
            let due = l.due.as_ref()?;
            Some(Entry {
                level: l.name.name.clone(),
                label: l.label.as_ref().map_or_else(|| l.name.name.clone(), |s| s.value.clone()),
                kind: kind_word(due),
                first_day: first_day(due, year),
                last_day: last_day(due, year),
                report_to: l.report.as_ref().map(|r| r.to.value.clone()),
                via: l.report.as_ref().and_then(|r| r.via.as_ref()).map(|v| v.value.clone()),
                due: text(due),
                from: due.loc.file_line(),
            })
        })
        .collect()
}

/// The Vietnamese name of a weekday, as on a calendar.
pub fn weekday(d: NaiveDate) -> &'static str {
    use chrono::{Datelike, Weekday};
    match d.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// The deadline in words: `before 15/12: by Thứ Bảy 14/12/2024 at the latest`.
pub fn in_words(e: &Entry) -> String {
    let last = format!("{} {}", weekday(e.last_day), super::show(e.last_day));
    match e.first_day {
        Some(first) => format!("{}: from {} {} to {last}", e.due, weekday(first), super::show(first)),
        None => format!("{}: last day {last}", e.due),
    }
}

/// Who the level reports to, in words, if the plan says.
pub fn report_words(e: &Entry) -> Option<String> {
    let to = e.report_to.as_ref()?;
    Some(match &e.via {
        Some(via) => format!("report to {to} via {via}"),
        None => format!("report to {to}"),
    })
}
