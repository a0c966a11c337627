//! The deadlines as an iCalendar file (RFC 5545): one all-day event per
//! level, CRLF line ends, lines folded at 75 octets, text escaped, and a
//! `DTSTAMP` taken from the plan so the output is reproducible.

use super::entries::{Entry, in_words, report_words};
use crate::lang::Lang;
use chrono::NaiveDate;

/// The calendar for `entries` of plan `id` in `year`; `issued` dates the stamp.
pub fn calendar(id: &str, year: i32, issued: Option<NaiveDate>, entries: &[Entry], lang: Lang) -> String {
    let stamp = issued.map_or("19700101T000000Z".to_string(), |d| format!("{}T000000Z", d.format("%Y%m%d")));
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kehoach//schedule//VI", "CALSCALE:GREGORIAN"] {
        push(&mut out, line);
    }
    push(&mut out, &format!("X-WR-CALNAME:{}", escape(&format!("{id} – {year}"))));
    for e in entries {
        let start = e.first_day.unwrap_or(e.last_day);
        let end = e.last_day.succ_opt().unwrap_or(e.last_day);
        let mut description = format!("{id}: {}", in_words(e, lang));
        if let Some(r) = report_words(e, lang) {
            description.push_str(&format!("\n{r}"));
        }
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}-{year}@{}", e.level, uid_part(id)));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
        push(&mut out, &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        push(&mut out, &format!("SUMMARY:{}", escape(&e.label)));
        push(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        push(&mut out, "TRANSP:TRANSPARENT");
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

/// A plan id inside a UID: `01-KH/TU` keeps its letters, `/` and spaces become `-`.
fn uid_part(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '-' }).collect()
}

/// TEXT values escape backslash, `;`, `,` and newlines (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets, never inside a UTF-8 character.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        super::push(&mut out, &format!("SUMMARY:{}", "Đảng ".repeat(30)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), format!("SUMMARY:{}", "Đảng ".repeat(30)).trim_end());
    }
}
