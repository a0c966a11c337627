//! The words of what reading member data finds: a row that cannot be read,
//! a cell whose value is bad, and a problem of a whole file (said once on
//! standard error, and once in each of that file's records, which are all
//! in error). English is what JSON and CSV keep; people read their language.

use crate::lang::Lang;
use crate::t;
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

impl RowProblem {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            RowProblem::Unclosed { opened } => t!(lang, "row-unclosed", opened = opened.to_string()),
            RowProblem::NotObject => t!(lang, "row-not-object"),
            RowProblem::NotJson(why) => t!(lang, "row-not-json", why = why.as_str()),
            RowProblem::LineNotUtf8 => t!(lang, "row-line-not-utf8"),
            RowProblem::RepeatedKey(key) => t!(lang, "row-repeated-key", key = key.as_str()),
            RowProblem::File(p) => t!(lang, "row-file", problem = p.short(lang)),
        }
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl FileProblem {
    /// The words each record of the file carries (the file-level message
    /// says more, once).
    pub fn short(&self, lang: Lang) -> String {
        match self {
            FileProblem::NotUtf8 { .. } => t!(lang, "file-not-utf8-short"),
            FileProblem::DuplicateColumn { first, second } => {
                t!(lang, "file-duplicate-column-short", first = first.0.as_str(), second = second.0.as_str())
            }
            FileProblem::MissingColumn { item, .. } => {
                t!(lang, "file-missing-column-short", item = item.as_str())
            }
            FileProblem::NoIdColumn { .. } => t!(lang, "file-no-id-short"),
        }
    }

    /// The whole message about `file`, for standard error and the reports.
    pub fn long(&self, file: &str, lang: Lang) -> String {
        match self {
            FileProblem::NotUtf8 { line, guess: None } => {
                t!(lang, "file-not-utf8", file = file, line = line.to_string())
            }
            FileProblem::NotUtf8 { line, guess: Some(g) } => {
                t!(lang, "file-not-utf8-like", file = file, line = line.to_string(), guess = g.as_str())
            }
            FileProblem::DuplicateColumn { first, second } => t!(
                lang,
                "file-duplicate-column",
                file = file,
                first = first.0.as_str(),
                first_at = first.1.to_string(),
                second = second.0.as_str(),
                second_at = second.1.to_string()
            ),
            FileProblem::MissingColumn { subject, item, nearest } => t!(
                lang,
                "file-missing-column",
                file = file,
                subject = subject.as_str(),
                item = item.as_str(),
                nearest = nearest_words(nearest, lang)
            ),
            FileProblem::NoIdColumn { nearest } => {
                t!(lang, "file-no-id", file = file, nearest = nearest_words(nearest, lang))
            }
        }
    }
}

fn nearest_words(nearest: &Option<String>, lang: Lang) -> String {
    nearest.as_ref().map(|n| format!(" {}", t!(lang, "file-nearest", name = n.as_str()))).unwrap_or_default()
}

/// Why one cell's value is bad (the record's error adds file, line and column).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

impl CellProblem {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            CellProblem::NotUtf8 => t!(lang, "cell-not-utf8"),
            CellProblem::SheetError(e) => t!(lang, "cell-sheet-error", error = e.as_str()),
            CellProblem::OutOfRange { text, max } => {
                t!(lang, "cell-out-of-range", text = text.as_str(), max = lang.number(max))
            }
            CellProblem::NotOne { text, what, nearest: Some(n), .. } => {
                t!(lang, "cell-not-one-near", text = text.as_str(), what = *what, nearest = n.as_str())
            }
            CellProblem::NotOne { text, what, nearest: None, names } => {
                let names = match lang {
                    Lang::En => names.join(", "),
                    Lang::Vi => names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                };
                t!(lang, "cell-not-one", text = text.as_str(), what = *what, names = names)
            }
            CellProblem::TooManyDigits(x) => t!(lang, "cell-too-many-digits", text = x.as_str()),
            CellProblem::NotNumber(x) => t!(lang, "cell-not-number", text = x.as_str()),
            CellProblem::NotFlag(x) => t!(lang, "cell-not-flag", text = x.as_str()),
            CellProblem::NotDate(x) => t!(lang, "cell-not-date", text = x.as_str()),
        }
    }
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}
