//! The effective deadlines of a plan for one evaluation year: one entry per
//! level, lowest first, with the file and line each deadline came from.

use super::{first_day, kind_word, last_day, text};
use crate::lang::Lang;
use crate::resolve::Plan;
use crate::t;
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
    /// The deadline itself, for [`crate::days::words`].
    pub rule: crate::syntax::ast::Due,
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
                rule: due.clone(),
                from: due.loc.file_line(),
            })
        })
        .collect()
}

/// The name of a weekday, as on a calendar (`Thứ Hai`, `Monday`).
pub fn weekday(d: NaiveDate, lang: Lang) -> String {
    use chrono::{Datelike, Weekday};
    match d.weekday() {
        Weekday::Mon => t!(lang, "weekday-mon"),
        Weekday::Tue => t!(lang, "weekday-tue"),
        Weekday::Wed => t!(lang, "weekday-wed"),
        Weekday::Thu => t!(lang, "weekday-thu"),
        Weekday::Fri => t!(lang, "weekday-fri"),
        Weekday::Sat => t!(lang, "weekday-sat"),
        Weekday::Sun => t!(lang, "weekday-sun"),
    }
}

/// A day as Vietnamese write it: dd/mm/yyyy (`01/02/2025`).
pub fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A day as people write it: its weekday, then dd/mm/yyyy.
pub fn day_words(d: NaiveDate, lang: Lang) -> String {
    format!("{} {}", weekday(d, lang), dmy(d))
}

/// The deadline in words: `trước 15/12: hạn cuối Thứ Bảy 14/12/2024`.
pub fn in_words(e: &Entry, lang: Lang) -> String {
    let last = day_words(e.last_day, lang);
    match e.first_day {
        Some(first) => {
            t!(
                lang,
                "schedule-window",
                due = crate::days::words(&e.rule, lang),
                first = day_words(first, lang),
                last = last
            )
        }
        None => t!(lang, "schedule-last-day", due = crate::days::words(&e.rule, lang), last = last),
    }
}

/// Who the level reports to, in words, if the plan says.
pub fn report_words(e: &Entry, lang: Lang) -> Option<String> {
    let to = e.report_to.as_deref()?;
    Some(match &e.via {
        Some(via) => t!(lang, "schedule-report-via", to = to, via = via.as_str()),
        None => t!(lang, "schedule-report", to = to),
    })
}
