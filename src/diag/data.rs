//! The words of what reading member data finds: a row that cannot be read,
//! and a problem of a whole file (said once on standard error, and once
//! in each of that file's records, which are all in error).

use std::fmt;

/// Why one row could not be read as a record.
#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    /// A quoted cell that opens on `opened` and never closes.
    Unclosed { opened: u64 },
    /// A JSON Lines line or JSON array element that is not an object.
    NotObject,
    /// A JSON Lines line or element that is not JSON (serde_json's words).
    NotJson(String),
    /// A JSON Lines line whose bytes are not UTF-8.
    LineNotUtf8,
    /// A JSON object that gives a key twice.
    RepeatedKey(String),
    /// The whole file has a problem (see [`FileProblem`]).
    File(FileProblem),
}

/// A problem of a whole data file: every record of it is in error.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// The bytes are not UTF-8; `line` has the first bad byte; `guess` is
    /// the legacy encoding they look like, when one is likely.
    NotUtf8 { line: u64, guess: Option<String> },
    /// Two columns (titles and 1-based positions) fill the same item (or
    /// both are `id`, or `subject`).
    DuplicateColumn { first: (String, usize), second: (String, usize) },
    /// Records of `subject` need a column for `item` and the file has none.
    MissingColumn { subject: String, item: String, nearest: Option<String> },
    /// No `id` column (and so no record can be named).
    NoIdColumn { nearest: Option<String> },
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::Unclosed { opened } => {
                write!(f, "a quoted cell opens on line {opened} and never closes (a `\"` is missing)")
            }
            RowProblem::NotObject => f.write_str("not a JSON object"),
            RowProblem::NotJson(why) => write!(f, "not a JSON object: {why}"),
            RowProblem::LineNotUtf8 => f.write_str("the line is not UTF-8 text"),
            RowProblem::RepeatedKey(key) => write!(f, "the key `{key}` appears twice in the object"),
            RowProblem::File(p) => write!(f, "not read: {}", p.short()),
        }
    }
}

impl FileProblem {
    /// The words each record of the file carries (the file-level message
    /// says more, once).
    pub fn short(&self) -> String {
        match self {
            FileProblem::NotUtf8 { .. } => "the file is not UTF-8 text".into(),
            FileProblem::DuplicateColumn { first, second } => {
                format!("the file has two columns for one item: `{}` and `{}`", first.0, second.0)
            }
            FileProblem::MissingColumn { item, .. } => format!("the file has no column `{item}`"),
            FileProblem::NoIdColumn { .. } => "the file has no column `id`".into(),
        }
    }

    /// The whole message about `file`, for standard error.
    pub fn long(&self, file: &str) -> String {
        match self {
            FileProblem::NotUtf8 { line, guess } => {
                let like = guess.as_ref().map(|g| format!("; it looks like {g}")).unwrap_or_default();
                format!(
                    "{file}: the file is not UTF-8 text (line {line}){like}: save it as \
                     \u{201c}CSV UTF-8\u{201d}; every record of it is in error"
                )
            }
            FileProblem::DuplicateColumn { first, second } => format!(
                "{file}: columns {} (`{}`) and {} (`{}`) are the same item: keep one; \
                 every record of the file is in error",
                first.1, first.0, second.1, second.0
            ),
            FileProblem::MissingColumn { subject, item, nearest } => format!(
                "{file}: `{subject}` records need a column `{item}` and the file has none{}; \
                 those records are in error",
                nearest_words(nearest)
            ),
            FileProblem::NoIdColumn { nearest } => format!(
                "{file}: the file has no column `id`{}; every record of it is in error",
                nearest_words(nearest)
            ),
        }
    }
}

fn nearest_words(nearest: &Option<String>) -> String {
    nearest.as_ref().map(|n| format!(" (the nearest is `{n}`)")).unwrap_or_default()
}

/// The note for blank rows skipped in `file`: how many, and where.
pub fn blank_rows(file: &str, lines: &[u64], count: u64) -> String {
    let shown: Vec<String> = lines.iter().map(u64::to_string).collect();
    let more = if count > lines.len() as u64 { ", …" } else { "" };
    let rows = if count == 1 { "row" } else { "rows" };
    let at = if lines.len() == 1 { "line" } else { "lines" };
    format!("{file}: {count} blank {rows} skipped ({at} {}{more})", shown.join(", "))
}

/// The note for a subject whose records others read and that has none.
pub fn missing_subject(subject: &str, readers: &str) -> String {
    format!(
        "no `{subject}` records were given, and `{readers}` records read them: pass the file of `{subject}` records too"
    )
}

/// A NUL byte in a text file: it is not CSV (or is UTF-16 without a BOM).
pub fn nul_byte(file: &str, line: u64) -> String {
    format!(
        "{file}: line {line} holds a NUL byte: this is not a CSV text file (save it as \u{201c}CSV UTF-8\u{201d})"
    )
}

/// A UTF-16 file (it starts with a UTF-16 byte order mark) that is broken.
pub fn bad_utf16(file: &str, line: u64) -> String {
    format!("{file}: the file says it is UTF-16 but line {line} is not: save it as \u{201c}CSV UTF-8\u{201d}")
}

/// The note for a data file that holds no record.
pub fn no_records(file: &str) -> String {
    format!("{file}: the file holds no records")
}

/// Why one cell's value is bad (the record's error adds file, line and column).
#[derive(Clone, Debug, PartialEq)]
pub enum CellProblem {
    /// Bytes that are not UTF-8 text.
    NotUtf8,
    /// A spreadsheet error value such as `#N/A`.
    SheetError(String),
    /// Points outside `0..=max` (the cell's text, the most points).
    OutOfRange {
        text: String,
        max: String,
    },
    /// Not one of the grades, tiers or options (`what`); the nearest name,
    /// or all of them when none is near.
    NotOne {
        text: String,
        what: &'static str,
        nearest: Option<String>,
        names: Vec<String>,
    },
    /// A number with more digits than are computed exactly.
    TooManyDigits(String),
    NotNumber(String),
    NotFlag(String),
    NotDate(String),
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellProblem::NotUtf8 => write!(f, "the cell is not valid UTF-8: save the file as UTF-8"),
            CellProblem::SheetError(e) => write!(f, "the cell holds the spreadsheet error `{e}`"),
            CellProblem::OutOfRange { text, max } => write!(f, "`{text}` is outside 0..={max}"),
            CellProblem::NotOne { text, what, nearest: Some(n), .. } => {
                write!(f, "`{text}` is not a {what}; did you mean `{n}`?")
            }
            CellProblem::NotOne { text, what, nearest: None, names } => {
                write!(f, "`{text}` is not a {what} (one of {})", names.join(", "))
            }
            CellProblem::TooManyDigits(t) => {
                write!(f, "`{t}` has more digits than kehoach computes exactly (at most 18 after the point)")
            }
            CellProblem::NotNumber(t) => write!(f, "`{t}` is not a number"),
            CellProblem::NotFlag(t) => {
                write!(f, "`{t}` is not yes or no (true/false, 1/0, x, yes/no, có/không)")
            }
            CellProblem::NotDate(t) => write!(f, "`{t}` is not a date (YYYY-MM-DD or D/M/YYYY)"),
        }
    }
}
