//! `kehoach schedule`: the deadlines for a year as a table, JSON or an
//! iCalendar file; with `--done`, which units were on time.

use super::dest::Dest;
use super::out;
use crate::schedule::{done, entries::entries, ics, render};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::path::Path;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ScheduleFormat {
    Table,
    Json,
    Ics,
}

pub struct ScheduleArgs<'a> {
    pub plan: &'a Path,
    pub year: i32,
    pub format: ScheduleFormat,
    pub done: Option<&'a Path>,
    pub as_of: Option<NaiveDate>,
}

pub fn run(a: &ScheduleArgs<'_>, ctx: super::Ctx, dest: Dest<'_>) -> i32 {
    let (lang, color) = (ctx.lang, ctx.color);
    if a.done.is_some() && a.format == ScheduleFormat::Ics {
        out::error(crate::t!(lang, "schedule-done-not-ics"));
        return 2;
    }
    let model = match super::load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let plan = &model.plan;
    let list = entries(plan, a.year);
    let Some(file) = a.done else {
        let text = match a.format {
            ScheduleFormat::Table => render::table(plan.id(), a.year, &list, lang),
            ScheduleFormat::Json => format!("{:#}\n", render::json(plan.id(), a.year, &list)),
            ScheduleFormat::Ics => ics::calendar(plan.id(), a.year, plan.issued(), &list, lang),
        };
        return dest.text(&text).map_or_else(|status| status, |()| 0);
    };
    let as_of = a.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let units = match done::judge(file, &list, as_of, lang) {
        Ok(u) => u,
        Err(message) => {
            out::error(message);
            return 2;
        }
    };
    let text = match a.format {
        ScheduleFormat::Json => format!("{:#}\n", render::done_json(plan.id(), a.year, &units)),
        ScheduleFormat::Table | ScheduleFormat::Ics => {
            render::done_table(&file.display().to_string(), a.year, &units, lang)
        }
    };
    match dest.text(&text) {
        Ok(()) => i32::from(units.iter().any(done::Unit::is_problem)),
        Err(status) => status,
    }
}
