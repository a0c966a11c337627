//! Reading rows from CSV (delimiter `,`, `;` or tab, detected from the
//! header), JSON arrays and JSON Lines, by file extension.

use super::{At, DataError};
use std::path::Path;

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
    pub broken: Option<String>,
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

/// Reads a whole file: the column names and the rows, in order. CSV is
/// mapped into memory; JSON documents and workbooks are read whole.
pub fn read_file(path: &Path, mut each: impl FnMut(&[String], Row<'_>)) -> Result<Vec<String>, DataError> {
    if let Some(book) = super::sheet::Book::named(path) {
        return super::sheet::open(&book).map(|sheet| sheet.hand(each));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let cannot = |e: std::io::Error| DataError(format!("cannot read `{}`: {e}", path.display()));
    match ext.as_str() {
        "csv" => super::csv_in::read_csv(path, &mut each),
        "json" => read_json(&crate::files::read_regular(path).map_err(cannot)?, path, &mut each),
        "jsonl" => Ok(read_jsonl(&crate::files::read_regular(path).map_err(cannot)?, &mut each)),
        _ => Err(DataError(format!(
            "`{}` is not a data file: use `.csv`, `.json`, `.jsonl`, `.xlsx`, `.xls` or `.ods`",
            path.display()
        ))),
    }
}

/// About how many rows a CSV or JSON Lines file holds, from the length of
/// its first lines: enough to size the output once instead of growing it.
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
    let per = start.len() / lines;
    (size as usize / per.max(1)) * 21 / 20
}

/// The delimiter that the header line uses most: `,`, `;` or tab.
pub fn delimiter(start: &[u8]) -> u8 {
    let header = start.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| header.iter().filter(|b| **b == d).count();
    [b',', b';', b'\t'].into_iter().max_by_key(|d| count(*d)).unwrap_or(b',')
}

fn read_json(
    bytes: &[u8],
    path: &Path,
    each: &mut impl FnMut(&[String], Row<'_>),
) -> Result<Vec<String>, DataError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| DataError(format!("`{}` is not valid JSON: {e}", path.display())))?;
    let serde_json::Value::Array(items) = value else {
        return Err(DataError(format!("`{}` must hold a JSON array of objects", path.display())));
    };
    let mut keys = Keys::default();
    let rows: Vec<_> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let at = At::Index(i as u64);
            (at, object_row(item, at, &mut keys))
        })
        .collect();
    Ok(hand_all(rows, keys.names, each))
}

fn read_jsonl(bytes: &[u8], each: &mut impl FnMut(&[String], Row<'_>)) -> Vec<String> {
    let mut keys = Keys::default();
    let text = String::from_utf8_lossy(bytes);
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = At::Line(i as u64 + 1);
        let row = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => object_row(v, at, &mut keys),
            Err(e) => Err(format!("not a JSON object: {e}")),
        };
        rows.push((at, row));
    }
    hand_all(rows, keys.names, each)
}

/// The columns of a JSON file, in the order their keys first appear, with
/// an index by name: records that each bring new keys cost their own keys,
/// not the columns seen so far.
#[derive(Default)]
struct Keys {
    names: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Keys {
    fn column(&mut self, key: &str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        self.names.push(key.to_string());
        self.index.insert(key.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }
}

/// A JSON object as a row; new keys become new columns. Text is composed
/// (NFC) here, as CSV cells are when read.
fn object_row(v: serde_json::Value, at: At, keys: &mut Keys) -> Result<OwnedRow, String> {
    let serde_json::Value::Object(map) = v else {
        return Err("not a JSON object".into());
    };
    let mut cells = Vec::with_capacity(map.len());
    for (k, v) in map {
        let i = keys.column(&k);
        let cell = match v {
            serde_json::Value::String(s) => Cell::Text(crate::text::nfc_owned(s)),
            serde_json::Value::Bool(b) => Cell::Bool(b),
            serde_json::Value::Number(n) => Cell::Number(n.to_string()),
            serde_json::Value::Null => Cell::Null,
            other => Cell::Text(crate::text::nfc_owned(other.to_string())),
        };
        cells.push((i, cell));
    }
    Ok(OwnedRow { at, cells })
}

/// Hands every row once all keys are known: the columns stay the same from
/// the first row to the last, so a reader maps them to the plan once.
fn hand_all(
    rows: Vec<(At, Result<OwnedRow, String>)>,
    headers: Vec<String>,
    each: &mut impl FnMut(&[String], Row<'_>),
) -> Vec<String> {
    for (at, row) in rows {
        hand(row, at, &headers, each);
    }
    headers
}

/// Hands one JSON row (or its problem) to `each`.
fn hand(
    row: Result<OwnedRow, String>,
    at: At,
    headers: &[String],
    each: &mut impl FnMut(&[String], Row<'_>),
) {
    match row {
        Ok(r) => each(headers, r.as_row()),
        Err(problem) => each(headers, Row { at, cells: Cells::List(Vec::new()), broken: Some(problem) }),
    }
}
