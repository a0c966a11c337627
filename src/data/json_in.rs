//! Reading JSON arrays and JSON Lines: each element or line on its own, so
//! that one that cannot be read is a row in error and the others are still
//! read; numbers kept as the text written (never through a float).

use super::cells::{Cell, Cells, FileRead, OwnedRow, Row};
use super::{At, DataError};
use crate::diag::RowProblem;
use serde_json::value::RawValue;
use std::path::Path;

pub fn read_json(
    bytes: &[u8],
    path: &Path,
    each: &mut impl FnMut(&[String], Row<'_>),
) -> Result<FileRead, DataError> {
    let problem = super::encoding::not_utf8(bytes);
    let lossy = String::from_utf8_lossy(bytes);
    let bytes = lossy.as_bytes();
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let items: Vec<&RawValue> = serde_json::from_slice(bytes).map_err(|e| {
        let file = path.display().to_string();
        DataError(match e.is_data() {
            true => crate::diag::DataFail::NotArray { file },
            false => crate::diag::DataFail::NotJson { file, why: e.to_string() },
        })
    })?;
    let mut keys = Keys::default();
    let rows: Vec<_> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let at = At::Index(i as u64);
            let row = object_row(item.get(), at, &mut keys);
            (at, row)
        })
        .collect();
    Ok(hand_all(rows, keys.names, problem, each))
}

/// serde_json's words without their position (which would count from the
/// element, not the file).
fn not_json(e: serde_json::Error) -> RowProblem {
    let words = e.to_string();
    let words = match words.rfind(" at line ") {
        Some(i) if e.line() > 0 => words[..i].to_string(),
        _ => words,
    };
    RowProblem::NotJson(words)
}

pub fn read_jsonl(bytes: &[u8], each: &mut impl FnMut(&[String], Row<'_>)) -> FileRead {
    let mut keys = Keys::default();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut rows = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let at = At::Line(i as u64 + 1);
        let row = match std::str::from_utf8(line) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => object_row(line, at, &mut keys),
            Err(_) => Err(RowProblem::LineNotUtf8),
        };
        rows.push((at, row));
    }
    hand_all(rows, keys.names, None, each)
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
fn object_row(text: &str, at: At, keys: &mut Keys) -> Result<OwnedRow, RowProblem> {
    let Object(pairs) = match serde_json::from_str::<Object<'_>>(text) {
        Ok(o) => o,
        Err(e) if e.is_data() => return Err(RowProblem::NotObject),
        Err(e) => return Err(not_json(e)),
    };
    let mut cells: Vec<(usize, Cell)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let i = keys.column(&crate::text::nfc_owned(k));
        if cells.iter().any(|(j, _)| *j == i) {
            return Err(RowProblem::RepeatedKey(keys.names[i].clone()));
        }
        cells.push((i, cell(v)?));
    }
    Ok(OwnedRow { at, cells })
}

/// A JSON value as a cell: a number as its text, exactly as written (never
/// through a float); an array or object as its JSON text.
fn cell(v: &RawValue) -> Result<Cell, RowProblem> {
    let raw = v.get();
    Ok(match raw.as_bytes().first() {
        Some(b'"') => {
            Cell::Text(crate::text::nfc_owned(serde_json::from_str::<String>(raw).map_err(not_json)?))
        }
        Some(b't') => Cell::Bool(true),
        Some(b'f') => Cell::Bool(false),
        Some(b'n') => Cell::Null,
        Some(b'-' | b'0'..=b'9') => Cell::Number(raw.to_string()),
        _ => Cell::Text(crate::text::nfc_owned(raw.to_string())),
    })
}

/// A JSON object's members in the order written, values unparsed.
struct Object<'a>(Vec<(String, &'a RawValue)>);

impl<'de> serde::Deserialize<'de> for Object<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = Object<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Object<'de>, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, &'de RawValue>()? {
                    pairs.push(pair);
                }
                Ok(Object(pairs))
            }
        }
        d.deserialize_map(Members)
    }
}

/// Hands every row once all keys are known: the columns stay the same from
/// the first row to the last, so a reader maps them to the plan once. A
/// problem of the whole file is returned; the caller marks its records.
fn hand_all(
    rows: Vec<(At, Result<OwnedRow, RowProblem>)>,
    headers: Vec<String>,
    problem: Option<crate::diag::FileProblem>,
    each: &mut impl FnMut(&[String], Row<'_>),
) -> FileRead {
    for (at, row) in rows {
        match row {
            Ok(r) => each(&headers, r.as_row()),
            Err(problem) => each(&headers, Row { at, cells: Cells::List(Vec::new()), broken: Some(problem) }),
        }
    }
    FileRead { headers, problem, ..FileRead::default() }
}
