//! The bundled members, and files written from them as office programs
//! write them: separators, line ends, quoting, byte order marks, encodings.

use super::run::{MEMBERS, root};
use std::path::{Path, PathBuf};

/// The bundled members' header and rows (cells as text).
pub fn members() -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_path(root(MEMBERS)).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// How a program writes a table as text.
#[derive(Clone, Copy)]
pub struct Dialect {
    pub sep: &'static str,
    pub end: &'static str,
    /// Every cell in quotes (LibreOffice's "quote all text cells").
    pub quote_all: bool,
}

pub const EXCEL_VN: Dialect = Dialect { sep: ";", end: "\r\n", quote_all: false };
pub const LIBREOFFICE: Dialect = Dialect { sep: ",", end: "\n", quote_all: true };
pub const TABS: Dialect = Dialect { sep: "\t", end: "\r\n", quote_all: false };

/// A cell as `d` writes it: quoted when it must be (or always), `"` doubled.
pub fn cell(d: Dialect, text: &str) -> String {
    let must = text.contains(d.sep) || text.contains(['"', '\n', '\r']);
    if d.quote_all || must { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// One row as `d` writes it, without its line end.
pub fn line(d: Dialect, cells: &[String]) -> String {
    cells.iter().map(|c| cell(d, c)).collect::<Vec<_>>().join(d.sep)
}

/// The whole table as `d` writes it, a line end after every row.
pub fn table(d: Dialect, header: &[String], rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for r in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        text.push_str(&line(d, r));
        text.push_str(d.end);
    }
    text
}

/// Writes `bytes` as `dir/name`.
pub fn file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The column `name` of `header`.
pub fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// Text as UTF-16LE with its byte order mark (Excel's "Unicode text").
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// Text in a legacy single-byte encoding, every character mappable.
pub fn legacy(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "the text fits {}", encoding.name());
    bytes.into_owned()
}
