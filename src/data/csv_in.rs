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
mod tests {
    use super::*;

    /// One row as read: its line, its cells and why it is broken, if it is.
    type Read = (u64, Vec<String>, Option<RowProblem>);

    /// What reading `text` as a CSV file found, and every row.
    fn read(text: &[u8], delimiter: Option<u8>) -> (FileRead, Vec<Read>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut out = Vec::new();
        let found = read_csv(
            &path,
            &ReadOptions { delimiter, jobs: 1, compose_memo: false },
            &mut |_, row: Row<'_>| {
                let At::Line(n) = row.at else { panic!("csv rows have lines") };
                let cells = (0..).map_while(|i| row.cells.get(i)).map(|c| c.text().to_string()).collect();
                out.push((n, cells, row.broken));
            },
        )
        .unwrap();
        (found, out)
    }

    fn rows(text: &[u8]) -> (Vec<String>, Vec<Read>) {
        let (found, rows) = read(text, None);
        (found.headers, rows)
    }

    /// A character cut in two between quoted cells (`"\xC2","\x80"`: the
    /// cells' bytes lie one after another once unquoted): each half is a
    /// bad cell, never text, although the bytes together are UTF-8.
    #[test]
    fn a_character_cut_between_cells_is_not_utf8() {
        let (found, rows) = read(b"a,b\n\"\xC2\",\"\x80\"\n\xC3\xA9,x\n", None);
        assert!(
            matches!(found.problem, Some(crate::diag::FileProblem::NotUtf8 { line: 2, .. })),
            "{found:?}"
        );
        assert_eq!(rows[0].1, ["\u{fffd}", "\u{fffd}"]);
        assert_eq!(rows[1].1, ["é", "x"]);
    }

    /// A file of many times [`Release::STEP`] (with a BOM, so that the
    /// text starts off a page): every row reads whole after the pages
    /// before it are given back.
    #[test]
    fn rows_read_whole_while_the_pages_read_are_given_back() {
        let mut text = b"\xef\xbb\xbfid;ten\n".to_vec();
        let n = 3 * Release::STEP / 40;
        for i in 0..n {
            text.extend_from_slice(format!("DV{i:09};Chi bộ số {i} quận Ba Đình\n").as_bytes());
        }
        let (_, rows) = read(&text, None);
        assert_eq!(rows.len(), n);
        for (i, (line, cells, _)) in rows.iter().enumerate() {
            assert_eq!((*line, cells[0].as_str()), (i as u64 + 2, format!("DV{i:09}").as_str()));
            assert_eq!(cells[1], format!("Chi bộ số {i} quận Ba Đình"));
        }
    }

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_physical_lines_through_quotes_blank_lines_and_crlf() {
        let text = "\u{feff}id ,b\r\nx,1\r\n\r\n\"y\nz\",\"say \"\"hi\"\"\"\n\nw,2\nlast,3";
        let (found, rows) = read(text.as_bytes(), None);
        assert_eq!(found.headers, owned(&["id", "b"]));
        let want = [
            (2, owned(&["x", "1"])),
            (4, owned(&["y\nz", "say \"hi\""])),
            (7, owned(&["w", "2"])),
            (8, owned(&["last", "3"])),
        ];
        let got: Vec<_> = rows.iter().map(|(n, c, _)| (*n, c.clone())).collect();
        assert_eq!(got, want);
        assert_eq!((found.blank, found.blank_lines), (2, vec![3, 6]));
    }

    #[test]
    fn decomposed_cells_read_the_same_composed_once_or_each_time() {
        let mut text = String::from("id;a;b\n");
        for i in 0..50 {
            text.push_str(&format!("{i};To\u{302}\u{301}t;Chi bo\u{323} {}\n", i % 3));
        }
        let mut bytes = text.into_bytes();
        bytes.extend(b"x;\xe1\xbb\x93\xcc\x81;\xff\n");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &bytes).unwrap();
        let read = |compose_memo| {
            let mut out = Vec::new();
            let opts = ReadOptions { compose_memo, ..ReadOptions::default() };
            let found = read_csv(&path, &opts, &mut |_, row: Row<'_>| {
                out.push(
                    (0..3).filter_map(|c| row.cells.get(c)).map(|c| c.text().to_string()).collect::<Vec<_>>(),
                )
            });
            (format!("{found:?}"), out)
        };
        let (on, off) = (read(true), read(false));
        assert_eq!(on, off);
        assert_eq!(on.1[49], ["49", "T\u{1ed1}t", "Chi b\u{1ecd} 1"]);
        let mut memo = Composed::new(true);
        memo.put(b"e\xcc\x81", "\u{e9}".into());
        memo.put(&[b'e'; Composed::LONGEST + 1], "long".into());
        assert_eq!((memo.get(b"e\xcc\x81"), memo.cells.len()), (Some("\u{e9}".as_bytes()), 1));
        let mut off = Composed::new(false);
        off.put(b"e\xcc\x81", "\u{e9}".into());
        assert!(off.cells.is_empty());
    }

    #[test]
    fn decomposed_cells_are_composed_and_the_others_kept() {
        let text = "id,a,b,c\nx,Ho\u{302}\u{300},e\u{301},CS01\ny,\u{1ed3}\u{301},\u{301}e,ASCII only\n";
        let (_, rows) = rows(text.as_bytes());
        let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.1).collect();
        assert_eq!(cells[0], owned(&["x", "H\u{1ed3}", "\u{e9}", "CS01"]));
        // Already composed (a lone mark included): as written.
        assert_eq!(cells[1], owned(&["y", "\u{1ed3}\u{301}", "\u{301}e", "ASCII only"]));
    }

    #[test]
    fn a_file_that_is_not_utf8_breaks_every_row_once() {
        let (found, rows) = read(b"id;a;b\nx;1\ny;\xff;3\nz;1;2;4\n", None);
        assert_eq!(found.problem, Some(FileProblem::NotUtf8 { line: 3, guess: found_guess(&found) }));
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.2.is_none()), "handed as read; the caller marks them");
        assert_eq!(rows[0].1, owned(&["x", "1"]));
        assert_eq!((rows[1].0, rows[1].1[1].as_str()), (3, "\u{fffd}"));
        assert_eq!((rows[2].0, rows[2].1.len()), (4, 4));
    }

    fn found_guess(found: &FileRead) -> Option<String> {
        match &found.problem {
            Some(FileProblem::NotUtf8 { guess, .. }) => guess.clone(),
            _ => None,
        }
    }

    #[test]
    fn stray_quotes_lone_cr_and_unclosed_quotes_lose_no_row() {
        let (_, got) =
            rows(b"id,subject,c,name\nA,s,80,Nguyen \"Ba\nB,s,10,Bob\nC,s,75,Carol \"Ca\" Le\nD,s,20,Dan\n");
        let ids: Vec<&str> = got.iter().map(|r| r.1[0].as_str()).collect();
        assert_eq!(ids, ["A", "B", "C", "D"]);
        let (_, got) = rows(b"id,s,c,name\rA,s,80,Alice\rB,s,10,Bob");
        assert_eq!(
            got.iter().map(|r| (r.0, r.1[3].as_str())).collect::<Vec<_>>(),
            [(2, "Alice"), (3, "Bob")]
        );
        let (_, got) = rows(b"id,name\nA,\"Alice\nB,Bob\n");
        assert_eq!(got[0].2, Some(RowProblem::Unclosed { opened: 2 }));
        assert_eq!((got[1].0, got[1].1.clone()), (3, owned(&["B", "Bob"])));
    }

    #[test]
    fn the_delimiter_can_be_given_and_utf16_is_read() {
        let (found, rows) = read(b"id;a,b\nx;1,5\n", Some(b','));
        assert_eq!((found.headers, rows[0].1.clone()), (owned(&["id;a", "b"]), owned(&["x;1", "5"])));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("id\tho_ten\r\n1\tĐức\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        let (found, rows) = read(&utf16, None);
        assert_eq!((found.headers, rows[0].1.clone()), (owned(&["id", "ho_ten"]), owned(&["1", "Đức"])));
    }

    #[test]
    fn excel_sep_line_names_the_delimiter_and_is_not_the_header() {
        let (found, rows) = read(b"sep=;\r\nid;a,b\r\nx;1,5\r\n", None);
        assert_eq!(
            (found.headers, rows[0].0, rows[0].1.clone()),
            (owned(&["id", "a,b"]), 3, owned(&["x", "1,5"]))
        );
        assert_eq!(excel_sep(b"SEP=\t\n"), Some(b'\t'));
        assert_eq!(excel_sep(b"sep=ab\n"), None);
        assert_eq!(excel_sep(b"id,sep\n"), None);
    }

    #[test]
    fn a_nul_byte_is_one_file_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut bytes = b"id,a\n1,2\n".to_vec();
        bytes.extend([0; 4096]);
        std::fs::write(&path, bytes).unwrap();
        let e = read_csv(&path, &ReadOptions::default(), &mut |_, _| {}).err().unwrap();
        assert!(
            e.to_string().ends_with(
                "line 3 holds a NUL byte: this is not a CSV text file (save it as \u{201c}CSV UTF-8\u{201d})"
            ),
            "{e}"
        );
    }
}
