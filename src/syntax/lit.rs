//! Literal conversions shared by the builder: strings, dates, day-months.

use crate::syntax::ast::DayMonth;
use chrono::NaiveDate;

/// Undoes the escapes `\"`, `\\` and `\n` (the grammar admits no others).
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `2020-11-06` or `6/11/2020`.
pub fn date(text: &str) -> Option<NaiveDate> {
    if let Some((d, rest)) = text.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }
}

/// `15/12`; `Err(true)` for `29/02`, which does not exist every year.
pub fn day_month(text: &str) -> Result<DayMonth, bool> {
    let (d, m) = text.split_once('/').ok_or(false)?;
    let day: u32 = d.parse().map_err(|_| false)?;
    let month: u32 = m.parse().map_err(|_| false)?;
    if month == 2 && day == 29 {
        return Err(true);
    }
    NaiveDate::from_ymd_opt(2023, month, day).ok_or(false)?;
    Ok(DayMonth { day, month })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_literals() {
        assert_eq!(unescape(r#"a\"b\\c\nd"#), "a\"b\\c\nd");
        assert_eq!(date("6/11/2020"), NaiveDate::from_ymd_opt(2020, 11, 6));
        assert_eq!(date("2020-11-06"), NaiveDate::from_ymd_opt(2020, 11, 6));
        assert_eq!(date("2021-02-29"), None);
        assert_eq!(day_month("15/12"), Ok(DayMonth { day: 15, month: 12 }));
        assert_eq!(day_month("29/02"), Err(true));
        assert_eq!(day_month("31/04"), Err(false));
    }
}
