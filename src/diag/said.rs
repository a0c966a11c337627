//! What reading the data says besides each record's error: a problem of a
//! whole file (an error, said once) and the warnings about the files and
//! the subjects given. Kept typed so that standard error and the reports
//! say them in the reader's language.

use super::FileProblem;
use crate::lang::Lang;
use crate::t;
use std::fmt;

/// A subject by its name, and its label when the plan gives one.
pub type Named = (String, Option<String>);

#[derive(Clone, Debug, PartialEq)]
pub enum DataNote {
    /// A problem of the whole file (its records are in error).
    File {
        file: String,
        problem: FileProblem,
    },
    /// Columns no subject declares (each title as the file writes it).
    UnknownColumns {
        file: String,
        columns: Vec<String>,
    },
    /// Carried columns (`display`, `--keep`) the file lacks.
    CarryMissing {
        file: String,
        columns: Vec<String>,
    },
    /// Blank rows skipped: how many, and the first lines.
    BlankRows {
        file: String,
        lines: Vec<u64>,
        count: u64,
    },
    NoRecords {
        file: String,
    },
    /// A subject others read that has no records.
    MissingSubject {
        subject: Named,
        readers: Named,
    },
}

impl DataNote {
    pub fn words(&self, lang: Lang) -> String {
        let ticked = |cols: &[String]| cols.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        match self {
            DataNote::File { file, problem } => problem.long(file, lang),
            DataNote::UnknownColumns { file, columns } => {
                t!(lang, "data-unknown-columns", file = file.as_str(), columns = ticked(columns))
            }
            DataNote::CarryMissing { file, columns } if columns.len() == 1 => {
                t!(lang, "data-carry-missing-one", file = file.as_str(), columns = ticked(columns))
            }
            DataNote::CarryMissing { file, columns } => {
                t!(lang, "data-carry-missing", file = file.as_str(), columns = ticked(columns))
            }
            DataNote::BlankRows { file, lines, count } => blank_rows(file, lines, *count, lang),
            DataNote::NoRecords { file } => t!(lang, "data-no-records", file = file.as_str()),
            DataNote::MissingSubject { subject, readers } => t!(
                lang,
                "data-missing-subject",
                subject = label(subject, lang),
                readers = label(readers, lang)
            ),
        }
    }

    /// Whether it is an error (a file's problem) rather than a warning.
    pub fn is_error(&self) -> bool {
        matches!(self, DataNote::File { .. })
    }
}

/// The label in `«»` with the name after it, or the name alone.
fn label((name, label): &Named, lang: Lang) -> String {
    match label {
        Some(l) => t!(lang, "data-labelled", label = l.as_str(), name = name.as_str()),
        None => format!("`{name}`"),
    }
}

fn blank_rows(file: &str, lines: &[u64], count: u64, lang: Lang) -> String {
    let mut shown: Vec<String> = lines.iter().map(u64::to_string).collect();
    if count > lines.len() as u64 {
        shown.push("…".into());
    }
    let (file, lines) = (file, shown.join(", "));
    match count {
        1 => t!(lang, "data-blank-row", file = file, lines = lines),
        _ => t!(lang, "data-blank-rows", file = file, count = count.to_string(), lines = lines),
    }
}

/// In English (tests, and where a program reads it).
impl fmt::Display for DataNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_in_both_languages() {
        let blank = DataNote::BlankRows { file: "m.csv".into(), lines: vec![3, 5], count: 4 };
        assert_eq!(blank.to_string(), "m.csv: 4 blank rows skipped (lines 3, 5, …)");
        assert_eq!(blank.words(Lang::Vi), "m.csv: bỏ qua 4 dòng trống (dòng 3, 5, …)");
        let one = DataNote::BlankRows { file: "m.csv".into(), lines: vec![3], count: 1 };
        assert_eq!(one.to_string(), "m.csv: 1 blank row skipped (line 3)");
        let missing = DataNote::MissingSubject {
            subject: ("chi_bo".into(), Some("Chi bộ".into())),
            readers: ("dang_vien".into(), None),
        };
        assert_eq!(
            missing.to_string(),
            "no «Chi bộ» (`chi_bo`) records were given, and `dang_vien` records read them: \
             pass the file of «Chi bộ» (`chi_bo`) records too"
        );
        assert_eq!(
            missing.words(Lang::Vi),
            "không có bản ghi «Chi bộ» (`chi_bo`) nào, trong khi các bản ghi `dang_vien` đọc đến chúng: \
             hãy đưa thêm tệp các bản ghi «Chi bộ» (`chi_bo`) vào `--data`"
        );
    }
}
