//! What readers hand on: a row's position and cells (CSV text as read, JSON
//! scalars), what reading a file found besides its rows, and the one fault a
//! cell's bytes can have before any conversion.

use super::At;
use super::split::Record;
use super::table::{WIDE, mask};
use crate::diag::RowProblem;

/// How to read data files.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The CSV delimiter (`None`: the one the header uses most).
    pub delimiter: Option<u8>,
    /// How many threads read and classify a CSV file (`--jobs`); 0: as
    /// `KEHOACH_JOBS` says, else one per core. 1 reads it in one pass.
    pub jobs: usize,
    /// Decomposed CSV cells composed once per spelling (the pass `cell_memo`).
    pub compose_memo: bool,
}

impl ReadOptions {
    /// The threads to use: `jobs`, else `KEHOACH_JOBS`, else every core.
    pub fn threads(&self) -> usize {
        let env = || std::env::var("KEHOACH_JOBS").ok()?.trim().parse().ok().filter(|&n: &usize| n > 0);
        let cores = || std::thread::available_parallelism().map_or(1, usize::from);
        match self.jobs {
            0 => env().unwrap_or_else(cores),
            n => n,
        }
    }
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
            CellRef::Text(t) => trim(t).is_empty(),
            CellRef::Raw(b) if b.is_ascii() => b.trim_ascii().is_empty(),
            CellRef::Raw(b) => std::str::from_utf8(b).is_ok_and(|t| t.trim().is_empty()),
            CellRef::Null => true,
            _ => false,
        }
    }

    /// The cell with its bytes checked as UTF-8; `Err` when they are not.
    #[inline]
    pub fn checked(self) -> Result<CellRef<'a>, CellError> {
        match self {
            CellRef::Raw(b) => std::str::from_utf8(b).map(CellRef::Text).map_err(|_| CellError::NotUtf8),
            CellRef::Error(e) => Err(CellError::SheetError(e.to_string())),
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
    Csv(CsvCells<'a>),
    List(Vec<(usize, CellRef<'a>)>),
}

impl<'a> Cells<'a> {
    /// The cell in column `col`, if the row has one.
    pub fn get(&self, col: usize) -> Option<CellRef<'a>> {
        match self {
            Cells::Csv(r) => r.cell(col),
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

/// Why a cell's value is bad (the caller adds file, line and column).
pub type CellError = crate::diag::CellProblem;

/// `str::trim`, with a quick answer for text that starts and ends with a
/// visible ASCII character (the usual cell).
pub fn trim(t: &str) -> &str {
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => t,
        _ => t.trim(),
    }
}

/// The cells of one CSV row, as split (quotes removed).
pub struct CsvCells<'a> {
    pub(super) record: &'a Record,
    /// Every cell of the record was found UTF-8 while reading it.
    pub(super) utf8: bool,
}

impl<'a> CsvCells<'a> {
    /// The cell in column `col`: text when the record is known UTF-8 (no
    /// second check per cell), else bytes to check when read as text.
    #[inline]
    pub fn cell(&self, col: usize) -> Option<CellRef<'a>> {
        let b = self.record.get(col)?;
        if !self.utf8 {
            return Some(CellRef::Raw(b));
        }
        debug_assert!(std::str::from_utf8(b).is_ok());
        // SAFETY: the CSV reader found every cell of this record UTF-8 (a
        // scan that only UTF-8 passes, or `from_utf8` cell by cell), and
        // the record is not changed while its cells are read.
        Some(CellRef::Text(unsafe { std::str::from_utf8_unchecked(b) }))
    }

    /// The bytes of the cell in column `col`.
    #[inline]
    pub fn get(&self, col: usize) -> Option<&'a [u8]> {
        self.record.get(col)
    }

    /// The bytes of the cell in column `col` and, when the record's buffer
    /// holds 16 bytes from where it starts, those bytes (for lookups that
    /// read a whole word: see [`super::table`]).
    #[inline(always)]
    pub fn wide(&self, col: usize) -> Option<(&'a [u8], Option<&'a [u8; WIDE]>)> {
        let cell = self.record.get(col)?;
        let all = self.record.as_slice();
        // The cell is a part of the record's buffer: its offset there.
        let at = (cell.as_ptr() as usize).wrapping_sub(all.as_ptr() as usize);
        let window = all.get(at..at.wrapping_add(WIDE)).and_then(|w| w.try_into().ok());
        debug_assert!(window.is_none_or(|w: &[u8; WIDE]| w.starts_with(cell) || cell.len() > WIDE));
        Some((cell, window))
    }

    /// The cell in column `col` as text when it is short ASCII that starts
    /// and ends with a visible character (so that trimming leaves it as it
    /// is): the usual id and text cells, checked as one word instead of
    /// byte by byte. `None`: read it the general way.
    #[inline(always)]
    pub fn plain(&self, col: usize) -> Option<&'a str> {
        let (cell, window) = self.wide(col)?;
        let (first, last) = (*cell.first()?, *cell.last()?);
        let high = u128::from_le_bytes(*window?) & mask(cell.len()) & u128::from_le_bytes([0x80; WIDE]);
        if cell.len() > WIDE || high != 0 || !first.is_ascii_graphic() || !last.is_ascii_graphic() {
            return None;
        }
        debug_assert!(cell.is_ascii());
        // SAFETY: the window starts with the cell's bytes (both are the
        // record's buffer from the cell's start, see `wide`) and the cell
        // is no longer than it, so every byte of the cell was found below
        // 0x80: ASCII, which is UTF-8.
        Some(unsafe { std::str::from_utf8_unchecked(cell) })
    }
}
