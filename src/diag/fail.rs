//! Why a run could not read its data at all (exit status 2): a file that
//! cannot be opened or is not data, a workbook that is damaged, last year's
//! results that are not `eval`'s JSON. Kept typed so that each language says it.

use crate::lang::Lang;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub enum DataFail {
    /// The system could not read the file (its words, and what they mean).
    CannotRead {
        file: String,
        why: IoWhy,
        text: String,
    },
    NotDataFile {
        file: String,
    },
    /// A workbook the reader refused (the reader's words), with its extension.
    Damaged {
        file: String,
        why: String,
        ext: String,
    },
    OdsFormulaErrors {
        file: String,
        sheet: String,
    },
    NoSheet {
        file: String,
        want: String,
        sheets: Vec<String>,
    },
    NoWorksheet {
        file: String,
    },
    NotArray {
        file: String,
    },
    NotJson {
        file: String,
        why: String,
    },
    BadUtf16 {
        file: String,
        line: u64,
    },
    Nul {
        file: String,
        line: u64,
    },
    NoSuchSubject(String),
    TooManyFiles(usize),
    TooManyLines,
    /// `--previous FILE` that is not last year's `eval --format json`.
    Previous {
        file: String,
        why: PreviousWhy,
    },
}

/// Why the system could not read a file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IoWhy {
    NotFound,
    Denied,
    /// No room left on the disk (or in the user's quota) for what is written.
    Full,
    Other,
}

impl IoWhy {
    pub fn of(e: &std::io::Error) -> IoWhy {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoWhy::NotFound,
            std::io::ErrorKind::PermissionDenied => IoWhy::Denied,
            std::io::ErrorKind::StorageFull
            | std::io::ErrorKind::QuotaExceeded
            | std::io::ErrorKind::FileTooLarge => IoWhy::Full,
            _ => IoWhy::Other,
        }
    }

    /// The catalogs' selector for it (`not-found`, `denied`, `full`, `other`).
    pub fn key(self) -> &'static str {
        match self {
            IoWhy::NotFound => "not-found",
            IoWhy::Denied => "denied",
            IoWhy::Full => "full",
            IoWhy::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum PreviousWhy {
    CannotRead(String),
    NotJson(String),
    NoRecords,
    /// Record `[i]` without `id` or `tier`.
    NoIdOrTier(usize),
    UnknownTier {
        id: String,
        tier: String,
    },
}

impl DataFail {
    /// `file` could not be read: `e` says why.
    pub fn cannot_read(file: &std::path::Path, e: &std::io::Error) -> DataFail {
        DataFail::CannotRead { file: file.display().to_string(), why: IoWhy::of(e), text: e.to_string() }
    }

    pub fn words(&self, lang: Lang) -> String {
        self.reading(lang).or_else(|| self.run(lang)).unwrap_or_default()
    }

    fn reading(&self, lang: Lang) -> Option<String> {
        Some(match self {
            DataFail::CannotRead { file, why, text } => {
                t!(lang, "fail-cannot-read", file = file.as_str(), why = why.key(), text = text.as_str())
            }
            DataFail::NotDataFile { file } => t!(lang, "fail-not-data-file", file = file.as_str()),
            DataFail::Damaged { file, why, ext } => {
                t!(lang, "fail-damaged", file = file.as_str(), why = why.as_str(), ext = ext.as_str())
            }
            DataFail::OdsFormulaErrors { file, sheet } => {
                t!(lang, "fail-ods-errors", file = file.as_str(), sheet = sheet.as_str())
            }
            DataFail::NoSheet { file, want, sheets } => {
                let sheets = sheets.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
                t!(lang, "fail-no-sheet", file = file.as_str(), want = want.as_str(), sheets = sheets)
            }
            DataFail::NoWorksheet { file } => t!(lang, "fail-no-worksheet", file = file.as_str()),
            DataFail::NotArray { file } => t!(lang, "fail-not-array", file = file.as_str()),
            DataFail::NotJson { file, why } => {
                t!(lang, "fail-not-json", file = file.as_str(), why = why.as_str())
            }
            DataFail::BadUtf16 { file, line } => {
                t!(lang, "data-bad-utf16", file = file.as_str(), line = line.to_string())
            }
            DataFail::Nul { file, line } => {
                t!(lang, "data-nul-byte", file = file.as_str(), line = line.to_string())
            }
            _ => return None,
        })
    }

    fn run(&self, lang: Lang) -> Option<String> {
        Some(match self {
            DataFail::NoSuchSubject(name) => t!(lang, "fail-no-such-subject", name = name.as_str()),
            DataFail::TooManyFiles(n) => t!(lang, "fail-too-many-files", n = n.to_string()),
            DataFail::TooManyLines => t!(lang, "fail-too-many-lines"),
            DataFail::Previous { file, why } => {
                let why = match why {
                    PreviousWhy::CannotRead(e) => t!(lang, "previous-cannot-read", error = e.as_str()),
                    PreviousWhy::NotJson(e) => t!(lang, "previous-not-json", error = e.as_str()),
                    PreviousWhy::NoRecords => t!(lang, "previous-no-records"),
                    PreviousWhy::NoIdOrTier(i) => t!(lang, "previous-no-id-or-tier", index = i.to_string()),
                    PreviousWhy::UnknownTier { id, tier } => {
                        t!(lang, "previous-unknown-tier", id = id.as_str(), tier = tier.as_str())
                    }
                };
                t!(lang, "fail-previous", file = file.as_str(), why = why)
            }
            _ => return None,
        })
    }
}
