//! Day arithmetic of deadlines: the first and last allowed day of a `due`
//! for an evaluation year. Below both `check` (ordering, loosening) and
//! `schedule` (tables, calendars, compliance), so neither imports the other.

use crate::syntax::ast::{Due, DueKind};
use chrono::{Datelike, NaiveDate};

/// The evaluation years over which deadline checks run: four consecutive
/// years always hold exactly one leap year.
pub const CYCLE: [i32; 4] = [2024, 2025, 2026, 2027];

/// The year a review held on `today` is about when none is given: reviews
/// run from November to February, so from July on this year, before July
/// the last.
pub fn year_under_review(today: NaiveDate) -> i32 {
    if today.month() >= 7 { today.year() } else { today.year() - 1 }
}

/// The last allowed day of `due` for evaluation year `year`.
pub fn last_day(due: &Due, year: i32) -> NaiveDate {
    let y = if due.next_year { year + 1 } else { year };
    match due.kind {
        DueKind::Before(dm) => day(y, dm.month, dm.day).pred_opt().unwrap_or(NaiveDate::MIN),
        DueKind::By(dm) => day(y, dm.month, dm.day),
        DueKind::InMonth(m) => month_end(y, m),
    }
}

/// The first allowed day: only a `month` deadline has one.
pub fn first_day(due: &Due, year: i32) -> Option<NaiveDate> {
    let y = if due.next_year { year + 1 } else { year };
    match due.kind {
        DueKind::InMonth(m) => Some(day(y, m, 1)),
        _ => None,
    }
}

/// The kind word used in JSON: `before`, `by` or `month`.
pub fn kind_word(due: &Due) -> &'static str {
    match due.kind {
        DueKind::Before(_) => "before",
        DueKind::By(_) => "by",
        DueKind::InMonth(_) => "month",
    }
}

/// The canonical text of a deadline, e.g. `before 15/12` or `in month 2 next year`.
pub fn text(due: &Due) -> String {
    let base = match due.kind {
        DueKind::Before(dm) => format!("before {}/{}", dm.day, dm.month),
        DueKind::By(dm) => format!("by {}/{}", dm.day, dm.month),
        DueKind::InMonth(m) => format!("in month {m}"),
    };
    if due.next_year { format!("{base} next year") } else { base }
}

/// A deadline for people in `lang`, e.g. `trước ngày 15/12` or `trong tháng 2
/// năm sau` (JSON and ics keep [`text`]).
pub fn words(due: &Due, lang: crate::lang::Lang) -> String {
    kind_words(due.kind, due.next_year, lang)
}

fn kind_words(kind: DueKind, next_year: bool, lang: crate::lang::Lang) -> String {
    use crate::t;
    let dm = |d: crate::syntax::ast::DayMonth| format!("{:02}/{:02}", d.day, d.month);
    let base = match kind {
        DueKind::Before(d) => t!(lang, "due-before", day = dm(d)),
        DueKind::By(d) => t!(lang, "due-by", day = dm(d)),
        DueKind::InMonth(m) => t!(lang, "due-in-month", month = m),
    };
    if next_year { t!(lang, "due-next-year", due = base) } else { base }
}

/// [`words`] of a deadline's canonical [`text`] (`before 15/12 next
/// year`), as the diff holds it; `None` when `s` is not one.
pub fn words_of_text(s: &str, lang: crate::lang::Lang) -> Option<String> {
    use crate::syntax::ast::DayMonth;
    let (base, next_year) = match s.strip_suffix(" next year") {
        Some(b) => (b, true),
        None => (s, false),
    };
    let dm = |t: &str| {
        let (d, m) = t.split_once('/')?;
        Some(DayMonth { day: d.parse().ok()?, month: m.parse().ok()? })
    };
    let kind = match base.split_once(' ')? {
        ("before", t) => DueKind::Before(dm(t)?),
        ("by", t) => DueKind::By(dm(t)?),
        ("in", t) => DueKind::InMonth(t.strip_prefix("month ")?.parse().ok()?),
        _ => return None,
    };
    Some(kind_words(kind, next_year, lang))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| month_end(y, m))
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MIN)
}

/// `15/12/2024` style, as plan authors write dates.
pub fn show(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Loc, Source};
    use crate::syntax::ast::DayMonth;

    fn due(kind: DueKind, next_year: bool) -> Due {
        let src = Source::new("t", "x");
        Due { kind, next_year, loc: Loc::new(&src, 0, 1) }
    }

    #[test]
    fn computes_last_days() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let before = due(DueKind::Before(DayMonth { day: 15, month: 12 }), false);
        assert_eq!(last_day(&before, 2024), d(2024, 12, 14));
        let feb = due(DueKind::InMonth(2), true);
        assert_eq!(last_day(&feb, 2023), d(2024, 2, 29));
        assert_eq!(last_day(&feb, 2024), d(2025, 2, 28));
        assert_eq!(first_day(&feb, 2024), Some(d(2025, 2, 1)));
        let by = due(DueKind::By(DayMonth { day: 1, month: 3 }), false);
        assert_eq!(last_day(&by, 2024), d(2024, 3, 1));
        let b1 = due(DueKind::Before(DayMonth { day: 1, month: 3 }), false);
        assert_eq!(last_day(&b1, 2024), d(2024, 2, 29));
    }

    #[test]
    fn the_year_under_review_turns_in_july() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(year_under_review(day(2026, 2, 28)), 2025);
        assert_eq!(year_under_review(day(2026, 6, 30)), 2025);
        assert_eq!(year_under_review(day(2026, 7, 1)), 2026);
        assert_eq!(year_under_review(day(2025, 11, 15)), 2025);
    }
}
