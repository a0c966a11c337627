//! Reading a CSV file (§8): the file mapped into memory and split by the
//! `simd-csv` crate, physical line numbers counted on the way. Cells stay
//! bytes until read as text (see [`CellRef::Raw`](super::CellRef::Raw)).

use super::read::{Cells, Row};
use super::table::{WIDE, mask};
use super::{At, DataError};
use std::ops::Deref;
use std::path::Path;

/// A file's bytes: mapped when the system allows it, else read whole.
enum Bytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
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
            Ok(Bytes::Mapped(map))
        }
        Err(_) => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).map(|_| Bytes::Read(bytes))
        }
    }
}

/// The cells of one CSV row, as split (quotes removed).
pub struct CsvCells<'a> {
    record: &'a simd_csv::ByteRecord,
}

impl<'a> CsvCells<'a> {
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

/// Counts physical lines: how many line feeds came before the row being read.
struct Lines {
    before: u64,
    /// Where the next `"` of the file is at or after the row being read
    /// (`usize::MAX`: none): rows before it hold no quoted line break.
    quote: usize,
}

impl Lines {
    /// The line on which the row in `bytes[from..to]` (the bytes the reader
    /// took for it: blank lines, the row, its line end) starts; then moves
    /// past it.
    #[inline]
    fn take(&mut self, bytes: &[u8], from: usize, to: usize) -> u64 {
        let raw = &bytes[from..to];
        if self.quote < from {
            self.quote = memchr::memchr(b'"', &bytes[from..]).map_or(usize::MAX, |i| from + i);
        }
        let plain = matches!(raw.last(), Some(b'\n'))
            && !matches!(raw.first(), Some(b'\r' | b'\n'))
            && to <= self.quote;
        if plain {
            self.before += 1;
            return self.before;
        }
        let blank = raw.iter().take_while(|b| matches!(**b, b'\r' | b'\n')).count();
        let start = self.before + 1 + count(&raw[..blank]);
        self.before += count(raw);
        start
    }
}

/// Whether a cell of `record` is text not in NFC; if so, `into` gets the
/// record with those cells composed (the others, and bytes that are not
/// UTF-8, as they are). An ASCII record, or one of Latin and Vietnamese
/// letters ([`crate::text::plainly_nfc`]), is answered by one scan of its
/// bytes; any other record cell by cell.
#[inline]
fn compose(record: &simd_csv::ByteRecord, into: &mut simd_csv::ByteRecord) -> bool {
    let all = record.as_slice();
    if all.is_ascii() || crate::text::plainly_nfc(all) {
        return false;
    }
    // Cell by cell: the plainly composed ones (most) need no second look.
    into.clear();
    let mut changed = false;
    for cell in record.iter() {
        if crate::text::plainly_nfc(cell) {
            into.push_field(cell);
            continue;
        }
        match std::str::from_utf8(cell).map(crate::text::nfc) {
            Ok(std::borrow::Cow::Owned(t)) => {
                into.push_field(t.as_bytes());
                changed = true;
            }
            _ => into.push_field(cell),
        }
    }
    changed
}

fn count(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Reads a CSV file: hands every row to `each` with its physical line
/// (the header is line 1), and returns the trimmed column names.
pub fn read_csv(path: &Path, each: &mut impl FnMut(&[String], Row<'_>)) -> Result<Vec<String>, DataError> {
    let bytes = load(path).map_err(|e| DataError(format!("cannot read `{}`: {e}", path.display())))?;
    let start = &bytes[..bytes.len().min(1 << 16)];
    let mut rdr = simd_csv::TotalReaderBuilder::new().delimiter(super::delimiter(start)).from_bytes(&bytes);
    let headers: Vec<String> =
        rdr.byte_headers().iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
    let mut lines = Lines { before: count(&bytes[..rdr.position() as usize]), quote: 0 };
    let (mut record, mut composed) = (simd_csv::ByteRecord::new(), simd_csv::ByteRecord::new());
    loop {
        let from = rdr.position() as usize;
        if !rdr.read_byte_record(&mut record) {
            break;
        }
        let at = At::Line(lines.take(&bytes, from, rdr.position() as usize));
        let record = if compose(&record, &mut composed) { &composed } else { &record };
        each(&headers, Row { at, cells: Cells::Csv(CsvCells { record }), broken: None });
    }
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row as read: its line, its cells and why it is broken, if it is.
    type Read = (u64, Vec<String>, Option<String>);

    /// The headers and every row of `text` read as a CSV file.
    fn rows(text: &[u8]) -> (Vec<String>, Vec<Read>) {
        let dir = std::env::temp_dir().join(format!("kehoach-csv-in-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("t{}.csv", text.len()));
        std::fs::write(&path, text).unwrap();
        let mut out = Vec::new();
        let headers = read_csv(&path, &mut |_, row| {
            let At::Line(n) = row.at else { panic!("csv rows have lines") };
            let cells = (0..).map_while(|i| row.cells.get(i)).map(|c| c.text().to_string()).collect();
            out.push((n, cells, row.broken));
        })
        .unwrap();
        (headers, out)
    }

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_physical_lines_through_quotes_blank_lines_and_crlf() {
        let text = "\u{feff}id ,b\r\nx,1\r\n\r\n\"y\nz\",\"say \"\"hi\"\"\"\n\nw,2\nlast,3";
        let (headers, rows) = rows(text.as_bytes());
        assert_eq!(headers, owned(&["id", "b"]));
        let want = [
            (2, owned(&["x", "1"])),
            (4, owned(&["y\nz", "say \"hi\""])),
            (7, owned(&["w", "2"])),
            (8, owned(&["last", "3"])),
        ];
        let got: Vec<_> = rows.iter().map(|(n, c, _)| (*n, c.clone())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn decomposed_cells_are_composed_and_the_others_kept() {
        let text = "id,a,b,c\nx,Ho\u{302}\u{300},e\u{301},CS01\ny,\u{1ed3}\u{301},\u{301}e,ASCII only\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend(b"z,\xff,o\xcc\x82,\xcc\x81\n");
        let (_, rows) = rows(&bytes);
        let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.1).collect();
        assert_eq!(cells[0], owned(&["x", "H\u{1ed3}", "\u{e9}", "CS01"]));
        // Already composed (a lone mark included): as written.
        assert_eq!(cells[1], owned(&["y", "\u{1ed3}\u{301}", "\u{301}e", "ASCII only"]));
        // Bytes that are not UTF-8 stay so (and read as U+FFFD); their neighbours are composed.
        assert_eq!(cells[2], owned(&["z", "\u{fffd}", "\u{f4}", "\u{301}"]));
    }

    #[test]
    fn ragged_rows_semicolons_and_bad_bytes_are_rows() {
        let (_, rows) = rows(b"id;a;b\nx;1\ny;\xff;3\nz;1;2;4\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].1, owned(&["x", "1"]));
        assert_eq!((rows[1].0, rows[1].1[1].as_str()), (3, "\u{fffd}"));
        assert_eq!((rows[2].0, rows[2].1.len()), (4, 4));
    }
}
