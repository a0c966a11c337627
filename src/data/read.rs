//! Reading rows from CSV (see [`super::csv_in`]), JSON arrays and JSON
//! Lines, by file extension. JSON numbers are kept as their text (never
//! through a float); an element or line that cannot be read is a row in
//! error, not the end of the file.

use super::{At, DataError};
use crate::diag::RowProblem;
use std::path::Path;

/// How to read data files.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The CSV delimiter (`None`: the one the header uses most).
    pub delimiter: Option<u8>,
}

/// What reading a file found besides its rows.
#[derive(Debug, Default)]
pub struct FileRead {
    pub headers: Vec<String>,
    /// A problem of the whole file: its reader's caller marks every record
    /// of it in error once all are read.
    pub problem: Option<crate::diag::FileProblem>,
    /// How many blank rows were skipped, and the lines of the first few.
    pub blank: u64,
    pub blank_lines: Vec<u64>,
}

impl FileRead {
    /// Counts a blank row on `line`.
    pub fn blank(&mut self, line: u64) {
        self.blank += 1;
        if self.blank_lines.len() < 5 {
            self.blank_lines.push(line);
        }
    }
}

/// A cell: text as written, or a JSON scalar.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Bool(bool),
    /// A JSON number, as its text.
    Number(String),
    Null,
    /// A workbook's error value (`#N/A`, `#VALUE!`…): wrong wherever read.
    Error(String),
}

impl Cell {
    /// Empty text and JSON null are missing values.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Null => true,
            _ => false,
        }
    }
}

/// A borrowed cell, as the readers hand it to the evaluator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellRef<'a> {
    Text(&'a str),
    /// A CSV cell's bytes, not yet checked as UTF-8: the usual cells
    /// (grades, flags, dates) are matched as bytes, the rest checked when
    /// read as text ([`CellRef::checked`]).
    Raw(&'a [u8]),
    Bool(bool),
    Number(&'a str),
    Null,
    Error(&'a str),
}

impl<'a> CellRef<'a> {
    /// Empty text and JSON null are missing values.
    #[inline]
    pub fn is_empty(&self) -> bool {
        // Most cells start with a visible ASCII character: not empty.
        let first = match self {
            CellRef::Text(t) => t.as_bytes().first(),
            CellRef::Raw(b) => b.first(),
            _ => None,
        };
        if first.is_some_and(u8::is_ascii_graphic) {
            return false;
        }
        match self {
            CellRef::Text(t) => super::convert::trim(t).is_empty(),
            CellRef::Raw(b) if b.is_ascii() => b.trim_ascii().is_empty(),
            CellRef::Raw(b) => std::str::from_utf8(b).is_ok_and(|t| t.trim().is_empty()),
            CellRef::Null => true,
            _ => false,
        }
    }

    /// The cell with its bytes checked as UTF-8; `Err` when they are not.
    #[inline]
    pub fn checked(self) -> Result<CellRef<'a>, super::CellError> {
        match self {
            CellRef::Raw(b) => std::str::from_utf8(b)
                .map(CellRef::Text)
                .map_err(|_| super::CellError("the cell is not valid UTF-8: save the file as UTF-8".into())),
            CellRef::Error(e) => Err(super::CellError(format!("the cell holds the spreadsheet error `{e}`"))),
            other => Ok(other),
        }
    }

    /// The text of the cell (`true`/`false` for JSON booleans; bytes that
    /// are not UTF-8 read as U+FFFD: check them first).
    pub fn text(&self) -> &'a str {
        match self {
            CellRef::Text(t) | CellRef::Number(t) | CellRef::Error(t) => t,
            CellRef::Raw(b) => std::str::from_utf8(b).unwrap_or("\u{fffd}"),
            CellRef::Bool(true) => "true",
            CellRef::Bool(false) => "false",
            CellRef::Null => "",
        }
    }
}

impl Cell {
    pub fn as_ref(&self) -> CellRef<'_> {
        match self {
            Cell::Text(t) => CellRef::Text(t),
            Cell::Bool(b) => CellRef::Bool(*b),
            Cell::Number(n) => CellRef::Number(n),
            Cell::Null => CellRef::Null,
            Cell::Error(e) => CellRef::Error(e),
        }
    }
}

/// The cells of a row by column index: a CSV record as it was read (no copy),
/// or the cells of a JSON object or test record.
pub enum Cells<'a> {
    Csv(super::csv_in::CsvCells<'a>),
    List(Vec<(usize, CellRef<'a>)>),
}

impl<'a> Cells<'a> {
    /// The cell in column `col`, if the row has one.
    pub fn get(&self, col: usize) -> Option<CellRef<'a>> {
        match self {
            Cells::Csv(r) => r.get(col).map(CellRef::Raw),
            Cells::List(v) => v.iter().find(|(i, _)| *i == col).map(|(_, c)| *c),
        }
    }
}

/// One input row: its position and cells by column index.
pub struct Row<'a> {
    pub at: At,
    pub cells: Cells<'a>,
    /// A row that could not be read as a record (bad JSON line, …).
    pub broken: Option<RowProblem>,
}

/// A row made in memory (test blocks) or kept from a JSON document.
pub struct OwnedRow {
    pub at: At,
    pub cells: Vec<(usize, Cell)>,
}

impl OwnedRow {
    pub fn as_row(&self) -> Row<'_> {
        let cells = Cells::List(self.cells.iter().map(|(i, c)| (*i, c.as_ref())).collect());
        Row { at: self.at, cells, broken: None }
    }
}

/// Reads a whole file: the rows in order, and the column names. CSV is
/// mapped into memory; JSON documents and workbooks are read whole.
pub fn read_file(
    path: &Path,
    opts: &ReadOptions,
    mut each: impl FnMut(&[String], Row<'_>),
) -> Result<FileRead, DataError> {
    if let Some(book) = super::sheet::Book::named(path) {
        let headers = super::sheet::open(&book).map(|sheet| sheet.hand(each))?;
        return Ok(FileRead { headers, ..FileRead::default() });
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let cannot = |e: std::io::Error| DataError(format!("cannot read `{}`: {e}", path.display()));
    match ext.as_str() {
        "csv" => super::csv_in::read_csv(path, opts, &mut each),
        "json" => {
            super::json_in::read_json(&crate::files::read_regular(path).map_err(cannot)?, path, &mut each)
        }
        "jsonl" => {
            Ok(super::json_in::read_jsonl(&crate::files::read_regular(path).map_err(cannot)?, &mut each))
        }
        _ => Err(DataError(format!(
            "`{}` is not a data file: use `.csv`, `.json`, `.jsonl`, `.xlsx`, `.xls` or `.ods`",
            path.display()
        ))),
    }
}

/// About how many rows a CSV or JSON Lines file holds, from the length of
/// its first lines: enough to size the output once instead of growing it.
/// Never more than [`MAX_ESTIMATE`]: a sparse or lying file must not make
/// the run allocate for rows it does not have.
pub fn estimate_rows(path: &Path) -> usize {
    use std::io::Read;
    if super::sheet::Book::named(path).is_some() {
        return 0;
    }
    let Ok(file) = crate::files::open_regular(path) else { return 0 };
    let size = file.metadata().map_or(0, |m| m.len());
    let mut start = Vec::with_capacity(1 << 16);
    if file.take(1 << 16).read_to_end(&mut start).is_err() {
        return 0;
    }
    let lines = start.iter().filter(|b| **b == b'\n').count();
    if lines < 2 || start.len() as u64 >= size {
        return lines;
    }
    // Leave out the header; round up so the guess rarely falls short.
    let per = (start.len() / lines).max(1) as u64;
    usize::try_from(size / per * 21 / 20).unwrap_or(MAX_ESTIMATE).min(MAX_ESTIMATE)
}

/// The most rows [`estimate_rows`] guesses (past it, the output grows as read).
pub const MAX_ESTIMATE: usize = 1 << 22;
