//! Reading rows from CSV (see [`super::csv_in`]), JSON arrays, JSON Lines
//! and workbooks, by file extension. JSON numbers are kept as their text (never
//! through a float); an element or line that cannot be read is a row in
//! error, not the end of the file.

use super::DataError;
use super::cells::{FileRead, ReadOptions, Row};
use std::path::Path;

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
    let cannot = |e: std::io::Error| DataError(crate::diag::DataFail::cannot_read(path, &e));
    match ext.as_str() {
        "csv" => super::csv_in::read_csv(path, opts, &mut each),
        "json" => {
            super::json_in::read_json(&crate::files::read_regular(path).map_err(cannot)?, path, &mut each)
        }
        "jsonl" => {
            Ok(super::json_in::read_jsonl(&crate::files::read_regular(path).map_err(cannot)?, &mut each))
        }
        _ => Err(DataError(crate::diag::DataFail::NotDataFile { file: path.display().to_string() })),
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
pub const MAX_ESTIMATE: usize = 1 << 24;
