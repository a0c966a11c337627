//! Reading a CSV file (§8): the file mapped into memory, its encoding
//! checked once, and split into rows by [`super::split`]. Cells stay bytes
//! until read as text (see [`CellRef::Raw`](super::CellRef::Raw)).

use super::cells::{Cells, CsvCells, FileRead, ReadOptions, Row};
use super::pages::Release;
use super::split::{Record, Split, Splitter};
use super::{At, DataError};
use crate::diag::{FileProblem, RowProblem};
use std::ops::Deref;
use std::path::Path;

/// A file's bytes: mapped when the system allows it, else read whole.
enum Bytes {
    /// The map, and the file mapped (read again by the chunks' line count).
    Mapped(memmap2::Mmap, std::fs::File),
    Read(Vec<u8>),
}
impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m, _) => m,
            Bytes::Read(v) => v,
        }
    }
}

fn load(path: &Path) -> std::io::Result<Bytes> {
    let mut file = crate::files::open_regular(path)?;
    // SAFETY: the map is only read, and only while this run reads the
    // file; a file changed under a running evaluation is the user's error
    // (as with any reader), see docs/DECISIONS.md.
    match unsafe { memmap2::Mmap::map(&file) } {
        Ok(map) => {
            let _ = map.advise(memmap2::Advice::Sequential);
            Ok(Bytes::Mapped(map, file))
        }
        Err(_) => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).map(|_| Bytes::Read(bytes))
        }
    }
}

/// Whether a cell of `record` is text not in NFC (then `into` gets the
/// record with those cells composed, the others as they are), and whether
/// every cell is UTF-8. An ASCII record, or one of Latin and Vietnamese
/// letters ([`crate::text::plainly_nfc`], which only UTF-8 passes), is
/// answered by one scan of its bytes; any other record cell by cell, a
/// cell composed before taken from `memo`. So the file's encoding is
/// checked on the way, in the same pass as the rows.
#[inline]
fn compose(record: &Record, into: &mut Record, memo: &mut Composed) -> (bool, bool) {
    let all = record.bytes();
    // The cells lie one after another: the whole being UTF-8, each cell is
    // when none starts inside a character (`é` cut by a quote is two bad cells).
    let whole = |c: &[u8]| c.first().is_none_or(|b| b & 0xC0 != 0x80);
    if all.is_ascii() || crate::text::plainly_nfc(all) && record.iter().all(whole) {
        return (false, true);
    }
    // Cell by cell: the plainly composed ones (most) need no second look,
    // and no check of their own when the record is UTF-8 as a whole.
    let utf8 = simdutf8::basic::from_utf8(all).is_ok() && record.iter().all(whole);
    let plain = |cell: &[u8]| match utf8 {
        true => crate::text::in_plain_ranges(cell),
        false => crate::text::plainly_nfc(cell),
    };
    into.clear();
    let (mut changed, mut every) = (false, true);
    for cell in record.iter() {
        if plain(cell) {
            into.push_field(cell);
            continue;
        }
        if let Some(done) = memo.get(cell) {
            into.push_field(done);
            changed = true;
            continue;
        }
        match std::str::from_utf8(cell).map(crate::text::nfc) {
            Ok(std::borrow::Cow::Owned(t)) => {
                into.push_field(t.as_bytes());
                memo.put(cell, t);
                changed = true;
            }
            Ok(_) => into.push_field(cell),
            Err(_) => {
                into.push_field(cell);
                every = false;
            }
        }
    }
    into.seal();
    (changed, every)
}

/// Decomposed cells of a file and their composed text, for the cells that
/// repeat (grades, unit names: a handful of spellings in a million rows):
/// composed once per spelling, not once per cell. At most [`Composed::MOST`]
/// cells of at most [`Composed::LONGEST`] bytes; off unless the run asks
/// (`ReadOptions::compose_memo`, the pass `cell_memo`).
#[derive(Default)]
struct Composed {
    on: bool,
    cells: hashbrown::HashMap<Box<[u8]>, String, rustc_hash::FxBuildHasher>,
}

impl Composed {
    const MOST: usize = 4096;
    const LONGEST: usize = 128;

    fn new(on: bool) -> Composed {
        Composed { on, ..Composed::default() }
    }

    #[inline]
    fn get(&self, cell: &[u8]) -> Option<&[u8]> {
        self.cells.get(cell).map(String::as_bytes)
    }

    fn put(&mut self, cell: &[u8], text: String) {
        if self.on && cell.len() <= Self::LONGEST && self.cells.len() < Self::MOST {
            self.cells.insert(cell.into(), text);
        }
    }
}

/// The delimiter that Excel's first line `sep=;` (or `sep=,` …) names.
fn excel_sep(text: &[u8]) -> Option<u8> {
    let line = text.split(|b| matches!(b, b'\r' | b'\n')).next()?;
    match line {
        [s, e, p, b'=', d]
            if [s, e, p].map(u8::to_ascii_lowercase) == *b"sep" && !d.is_ascii_alphanumeric() =>
        {
            Some(*d)
        }
        _ => None,
    }
}

/// Reads a CSV file: hands every row that is not blank to `each` with its
/// physical line (the first row that is not blank is the header).
pub fn read_csv(
    path: &Path,
    opts: &ReadOptions,
    each: &mut impl FnMut(&[String], Row<'_>),
) -> Result<FileRead, DataError> {
    with_text(path, |text, map, _| {
        let Some(head) = head(path, text, opts)? else { return Ok(FileRead::default()) };
        let mut release = Release::new(map, text, head.start);
        let headers = &head.read.headers;
        let stretch = rows(
            text,
            (head.delim, opts.compose_memo),
            (head.start, head.line),
            text.len(),
            &mut release,
            &mut |row| each(headers, row),
        );
        finish(path, text, head, [stretch])
    })
}

/// Hands `f` the text of the CSV file at `path` (mapped or read, UTF-16
/// decoded, BOM removed), and its map when the text lies in one.
pub(super) fn with_text<R>(
    path: &Path,
    f: impl FnOnce(&[u8], Option<&memmap2::Mmap>, Option<&std::fs::File>) -> Result<R, DataError>,
) -> Result<R, DataError> {
    let cannot = |e: std::io::Error| DataError(crate::diag::DataFail::cannot_read(path, &e));
    let bytes = load(path).map_err(cannot)?;
    let wide;
    let text = match super::encoding::utf16(&bytes) {
        Some(decoded) => {
            wide = decoded.map_err(|line| DataError(super::encoding::bad_utf16(path, line)))?;
            &wide[..]
        }
        None => bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes),
    };
    let (map, file) = match &bytes {
        Bytes::Mapped(m, file) => (Some(m), Some(file)),
        Bytes::Read(_) => (None, None),
    };
    f(text, map, file)
}

/// A CSV text once its header is read.
pub(super) struct Head {
    /// The headers (the rest is filled once the rows are read).
    pub read: FileRead,
    pub delim: u8,
    /// Where the rows start in the text, and the physical lines before.
    pub start: usize,
    pub line: u64,
    /// The header's line, when its bytes are not UTF-8.
    bad: Option<u64>,
}

/// Reads the header of `text` (after Excel's `sep=` line, if any): `None`
/// for a text without one.
pub(super) fn head(path: &Path, text: &[u8], opts: &ReadOptions) -> Result<Option<Head>, DataError> {
    let sep = excel_sep(text);
    let delim = opts.delimiter.or(sep).unwrap_or_else(|| super::split::sniff(text));
    let mut split = Splitter::new(text, delim);
    let mut record = Record::default();
    if sep.is_some() {
        // Excel's `sep=;` line names the delimiter; it is not the header.
        split.next(&mut record);
    }
    // The header: the first row that is not blank.
    let header = loop {
        match split.next(&mut record) {
            None => return Ok(None),
            Some(Split::Blank { .. }) => continue,
            Some(Split::Nul { line }) => return Err(DataError(super::encoding::nul(path, line))),
            Some(Split::Row { line } | Split::Unclosed { line, .. }) => break line,
        }
    };
    let bad = (std::str::from_utf8(record.bytes()).is_err()).then_some(header);
    let headers = record
        .iter()
        .map(|h| crate::text::nfc_owned(String::from_utf8_lossy(h).trim().to_string()))
        .collect();
    let read = FileRead { headers, ..FileRead::default() };
    Ok(Some(Head { read, delim, start: split.position(), line: split.line(), bad }))
}

/// What reading a stretch of rows found besides them.
#[derive(Debug, Default)]
pub(super) struct Stretch {
    /// The blank rows skipped (in `blank` and `blank_lines`).
    blank: FileRead,
    /// The first line whose bytes are not UTF-8.
    bad: Option<u64>,
    /// The line of a NUL byte, where reading stopped.
    nul: Option<u64>,
    /// Where reading stopped, in bytes.
    pub end: usize,
}

impl Stretch {
    /// Whether reading stopped at a NUL byte.
    pub fn stopped(&self) -> bool {
        self.nul.is_some()
    }
}

/// Reads the rows of `text` from `from` (a row's start and the physical
/// lines before it) up to the first row that starts at or after `stop`,
/// handing each to `each`; the pages read are given back as it goes.
pub(super) fn rows(
    text: &[u8],
    (delim, memo): (u8, bool),
    from: (usize, u64),
    stop: usize,
    release: &mut Release<'_>,
    each: &mut impl FnMut(Row<'_>),
) -> Stretch {
    let mut split = Splitter::at(text, delim, from.0, from.1);
    let (mut record, mut composed) = (Record::default(), Record::default());
    let mut memo = Composed::new(memo);
    let mut found = Stretch::default();
    while split.position() < stop
        && let Some(what) = split.next(&mut record)
    {
        let (line, broken) = match what {
            Split::Row { line } => (line, None),
            Split::Blank { line } => {
                found.blank.blank(line);
                continue;
            }
            Split::Unclosed { line, opened } => (line, Some(RowProblem::Unclosed { opened })),
            Split::Nul { line } => {
                found.nul = Some(line);
                break;
            }
        };
        let (changed, utf8) = compose(&record, &mut composed, &mut memo);
        if !utf8 && found.bad.is_none() {
            found.bad = Some(line);
        }
        let record = if changed { &composed } else { &record };
        let cells = Cells::Csv(CsvCells { record, utf8 });
        each(Row { at: At::Line(line), cells, broken });
        release.upto(split.position());
    }
    found.end = split.position();
    found
}

/// What reading the file found, from its stretches in order: the first NUL
/// byte stops it; a file not UTF-8 is a problem of every record.
pub(super) fn finish(
    path: &Path,
    text: &[u8],
    head: Head,
    stretches: impl IntoIterator<Item = Stretch>,
) -> Result<FileRead, DataError> {
    let mut read = head.read;
    let mut bad = head.bad;
    for s in stretches {
        if let Some(line) = s.nul {
            return Err(DataError(super::encoding::nul(path, line)));
        }
        for &line in &s.blank.blank_lines {
            read.blank(line);
        }
        read.blank += s.blank.blank - s.blank.blank_lines.len() as u64;
        bad = bad.or(s.bad);
    }
    // Every record of a file that is not UTF-8 is in error: the reader's
    // caller marks those it was handed (see `FileRead::problem`).
    read.problem = bad.map(|line| FileProblem::NotUtf8 { line, guess: super::encoding::guess(text) });
    Ok(read)
}

#[cfg(test)]
#[path = "csv_in_tests.rs"]
mod tests;
