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

    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Number(t) => t.clone(),
            Cell::Bool(b) => b.to_string(),
            Cell::Null => String::new(),
        }
    }
}

/// One input row: its position and cells by column index.
pub struct Row {
    pub at: At,
    pub cells: Vec<(usize, Cell)>,
    /// A row that could not be read as a record (bad JSON line, …).
    pub broken: Option<String>,
}

/// Reads a whole file: the column names and the rows, in order.
pub fn read_file(path: &Path, mut each: impl FnMut(&[String], Row)) -> Result<Vec<String>, DataError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let bytes =
        std::fs::read(path).map_err(|e| DataError(format!("cannot read `{}`: {e}", path.display())))?;
    match ext.as_str() {
        "csv" => read_csv(&bytes, path, &mut each),
        "json" => read_json(&bytes, path, &mut each),
        "jsonl" => Ok(read_jsonl(&bytes, &mut each)),
        _ => Err(DataError(format!(
            "`{}` is not a data file: use `.csv`, `.json` or `.jsonl`",
            path.display()
        ))),
    }
}

fn delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| header.iter().filter(|b| **b == d).count();
    [b',', b';', b'\t'].into_iter().max_by_key(|d| count(*d)).unwrap_or(b',')
}

fn read_csv(
    bytes: &[u8],
    path: &Path,
    each: &mut impl FnMut(&[String], Row),
) -> Result<Vec<String>, DataError> {
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter(bytes)).flexible(true).from_reader(bytes);
    let bad = |e: csv::Error| DataError(format!("cannot read `{}`: {e}", path.display()));
    let headers: Vec<String> = rdr.headers().map_err(bad)?.iter().map(|h| h.trim().to_string()).collect();
    let mut record = csv::StringRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let at = At::Line(record.position().map_or(line, |p| p.line()));
                let cells = record.iter().enumerate().map(|(i, c)| (i, Cell::Text(c.to_string()))).collect();
                each(&headers, Row { at, cells, broken: None });
            }
            Err(e) => {
                let at = At::Line(e.position().map_or(line, |p| p.line()));
                each(&headers, Row { at, cells: Vec::new(), broken: Some(format!("unreadable row: {e}")) });
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    Ok(headers)
}

fn read_json(
    bytes: &[u8],
    path: &Path,
    each: &mut impl FnMut(&[String], Row),
) -> Result<Vec<String>, DataError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| DataError(format!("`{}` is not valid JSON: {e}", path.display())))?;
    let serde_json::Value::Array(items) = value else {
        return Err(DataError(format!("`{}` must hold a JSON array of objects", path.display())));
    };
    let mut headers = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let row = object_row(item, At::Index(i as u64), &mut headers);
        each(&headers, row);
    }
    Ok(headers)
}

fn read_jsonl(bytes: &[u8], each: &mut impl FnMut(&[String], Row)) -> Vec<String> {
    let mut headers = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = At::Line(i as u64 + 1);
        let row = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => object_row(v, at, &mut headers),
            Err(e) => Row { at, cells: Vec::new(), broken: Some(format!("not a JSON object: {e}")) },
        };
        each(&headers, row);
    }
    headers
}

/// A JSON object as a row; new keys become new columns.
fn object_row(v: serde_json::Value, at: At, headers: &mut Vec<String>) -> Row {
    let serde_json::Value::Object(map) = v else {
        return Row { at, cells: Vec::new(), broken: Some("not a JSON object".into()) };
    };
    let mut cells = Vec::with_capacity(map.len());
    for (k, v) in map {
        let i = headers.iter().position(|h| *h == k).unwrap_or_else(|| {
            headers.push(k.clone());
            headers.len() - 1
        });
        let cell = match v {
            serde_json::Value::String(s) => Cell::Text(s),
            serde_json::Value::Bool(b) => Cell::Bool(b),
            serde_json::Value::Number(n) => Cell::Number(n.to_string()),
            serde_json::Value::Null => Cell::Null,
            other => Cell::Text(other.to_string()),
        };
        cells.push((i, cell));
    }
    Row { at, cells, broken: None }
}
