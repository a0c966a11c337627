//! Splitting CSV bytes into records the way office software writes and
//! reads them (RFC 4180 as readers in the wild apply it): a cell that starts
//! with `"` is quoted (`""` inside is one quote, a line break inside is
//! part of the cell); a quote anywhere else is a literal character; CR, LF
//! and CRLF each end a row and count as one physical line. A quoted cell
//! that never closes breaks only its own row: reading goes on at the line
//! after the one where that cell opened.

use memchr::{memchr, memchr3};

/// Bytes after a record's last cell, so that a 16-byte word read at any
/// cell's start stays inside the buffer (see [`super::table`]).
pub const PAD: usize = 16;

/// One record's cells, quotes removed, in one buffer.
#[derive(Debug, Default, Clone)]
pub struct Record {
    buf: Vec<u8>,
    /// (start, end) of each cell in `buf`.
    cells: Vec<(usize, usize)>,
    /// Where the cells' bytes end (the padding starts) once sealed.
    len: usize,
}

impl Record {
    pub fn clear(&mut self) {
        self.buf.clear();
        self.cells.clear();
        self.len = 0;
    }

    #[inline]
    pub fn get(&self, col: usize) -> Option<&[u8]> {
        let &(start, end) = self.cells.get(col)?;
        self.buf.get(start..end)
    }

    /// The whole buffer, padding included: every cell is a part of it.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        &self.buf
    }

    /// The cells' bytes (without padding), for whole-record checks.
    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.len.min(self.buf.len())]
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.cells.len()).filter_map(|i| self.get(i))
    }

    /// Adds a cell (the record must then be [`Record::seal`]ed).
    pub fn push_field(&mut self, cell: &[u8]) {
        self.buf.truncate(self.len);
        let start = self.buf.len();
        self.buf.extend_from_slice(cell);
        self.cells.push((start, self.buf.len()));
        self.len = self.buf.len();
    }

    /// Pads the buffer after the last cell.
    pub fn seal(&mut self) {
        self.buf.truncate(self.len);
        self.buf.extend_from_slice(&[0; PAD]);
    }

    /// Whether every cell is empty or spaces.
    pub fn is_blank(&self) -> bool {
        self.iter().all(|c| c.iter().all(|b| matches!(b, b' ' | b'\t')))
    }
}

/// What [`Splitter::next`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// A row that starts on `line`.
    Row { line: u64 },
    /// A row without any text (an empty line, or only delimiters/spaces).
    Blank { line: u64 },
    /// A row whose quoted cell, opened on line `opened`, never closes: the
    /// record holds the cells before that one.
    Unclosed { line: u64, opened: u64 },
    /// A NUL byte on `line`: the file is not text.
    Nul { line: u64 },
}

/// Reads rows off CSV bytes (BOM already removed).
pub struct Splitter<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Physical lines before `pos`.
    line: u64,
    delim: u8,
    /// Rows that end at or before this position hold no `"` from `pos` on
    /// (they are split the quick way): the next quote when `real`, else the
    /// end of the stretch searched so far. Searched a stretch at a time, so
    /// that a huge file is not read through for a quote it lacks.
    quote: usize,
    real: bool,
}

impl<'a> Splitter<'a> {
    pub fn new(bytes: &'a [u8], delim: u8) -> Splitter<'a> {
        Splitter { bytes, pos: 0, line: 0, delim, quote: 0, real: false }
    }

    /// A splitter that starts at `pos`, the start of a row, after `line`
    /// physical lines (a chunk of the file: see [`super::chunks`]).
    pub fn at(bytes: &'a [u8], delim: u8, pos: usize, line: u64) -> Splitter<'a> {
        Splitter { pos, line, ..Splitter::new(bytes, delim) }
    }

    /// Where the reader is, in bytes.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The physical lines before [`Splitter::position`].
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next row into `rec` (cleared first); `None` at the end.
    pub fn next(&mut self, rec: &mut Record) -> Option<Split> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        rec.clear();
        let line = self.line + 1;
        let rest = &self.bytes[self.pos..];
        let end = memchr3(b'\n', b'\r', 0, rest).unwrap_or(rest.len());
        let split =
            if self.quote_free(self.pos + end) { self.plain(rec, end, line) } else { self.quoted(rec, line) };
        rec.seal();
        Some(match split {
            Split::Row { line } if rec.is_blank() => Split::Blank { line },
            other => other,
        })
    }

    /// Whether `bytes[pos..end]` holds no `"`.
    #[inline]
    fn quote_free(&mut self, end: usize) -> bool {
        const STRETCH: usize = 1 << 20;
        loop {
            if end <= self.quote {
                return true;
            }
            if self.real && self.quote >= self.pos {
                return false;
            }
            let from = if self.real { self.pos } else { self.quote.max(self.pos) };
            let to = (from + STRETCH).min(self.bytes.len());
            (self.quote, self.real) = match memchr(b'"', &self.bytes[from..to]) {
                Some(i) => (from + i, true),
                None => (to, false),
            };
            if to == self.bytes.len() && !self.real {
                return true;
            }
        }
    }

    /// A row without quotes: `end` bytes, then its line end.
    fn plain(&mut self, rec: &mut Record, end: usize, line: u64) -> Split {
        let row = &self.bytes[self.pos..self.pos + end];
        rec.buf.extend_from_slice(row);
        let mut start = 0;
        delimiters(row, self.delim, |i| {
            rec.cells.push((start, i));
            start = i + 1;
        });
        rec.cells.push((start, row.len()));
        rec.len = row.len();
        self.pos += end;
        if self.bytes.get(self.pos) == Some(&0) {
            self.pos += 1;
            return Split::Nul { line };
        }
        self.line_end();
        Split::Row { line }
    }

    /// Moves past a line end (CR, LF or CRLF) at `pos`, if there is one.
    fn line_end(&mut self) {
        match self.bytes.get(self.pos) {
            Some(b'\r') if self.bytes.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
            Some(b'\r' | b'\n') => self.pos += 1,
            _ => return,
        }
        self.line += 1;
    }

    /// A row with a quote somewhere, byte by byte.
    fn quoted(&mut self, rec: &mut Record, line: u64) -> Split {
        let bytes = self.bytes;
        let mut start = 0;
        loop {
            if bytes.get(self.pos) == Some(&b'"') {
                let opened = (self.line + 1, self.pos);
                if !self.quoted_cell(rec) {
                    return self.unclosed(rec, start, line, opened);
                }
            }
            // The rest of the cell (all of it when unquoted): quotes literal.
            let rest = &bytes[self.pos..];
            let stop = rest.iter().position(|b| matches!(*b, b'\n' | b'\r' | 0) || *b == self.delim);
            let stop = stop.unwrap_or(rest.len());
            rec.buf.extend_from_slice(&rest[..stop]);
            rec.cells.push((start, rec.buf.len()));
            start = rec.buf.len();
            self.pos += stop;
            rec.len = rec.buf.len();
            match bytes.get(self.pos) {
                Some(&b) if b == self.delim => self.pos += 1,
                Some(0) => {
                    self.pos += 1;
                    return Split::Nul { line: self.line + 1 };
                }
                _ => {
                    self.line_end();
                    return Split::Row { line };
                }
            }
        }
    }

    /// Reads a quoted cell's text into `rec.buf` (from the opening quote at
    /// `pos` to just after its closing quote); false when it never closes.
    /// A cell that runs over lines must close right before a delimiter or a
    /// line end: a quote with text after it, lines later, is a stray quote of
    /// another row, not this cell's end (else one missing quote would swallow
    /// every row up to the next stray one).
    fn quoted_cell(&mut self, rec: &mut Record) -> bool {
        let bytes = self.bytes;
        let line = self.line;
        self.pos += 1;
        loop {
            let rest = &bytes[self.pos..];
            // A NUL ends the search: the row is then broken, and the reader
            // stops at the NUL (a sparse file is not searched to its end).
            let Some(q) = memchr::memchr2(b'"', 0, rest) else { return false };
            if rest[q] == 0 {
                return false;
            }
            rec.buf.extend_from_slice(&rest[..q]);
            self.line += count_lines(&rest[..q]);
            self.pos += q + 1;
            match bytes.get(self.pos) {
                Some(b'"') => {
                    rec.buf.push(b'"');
                    self.pos += 1;
                }
                Some(&b) if self.line > line && b != self.delim && b != b'\r' && b != b'\n' => return false,
                _ => return true,
            }
        }
    }

    /// The row broke at a quoted cell that never closes (opened on line
    /// `opened.0` at byte `opened.1`): the row keeps the cells before it,
    /// and reading goes on at the line after the one where it opened.
    fn unclosed(&mut self, rec: &mut Record, start: usize, line: u64, opened: (u64, usize)) -> Split {
        rec.buf.truncate(start);
        rec.len = start;
        let after = &self.bytes[opened.1..];
        match memchr3(b'\n', b'\r', 0, after) {
            Some(i) => {
                // At a NUL, the next row reports it.
                self.pos = opened.1 + i;
                self.line = opened.0 - 1;
                self.line_end();
            }
            None => self.pos = self.bytes.len(),
        }
        (self.quote, self.real) = (0, false);
        Split::Unclosed { line, opened: opened.0 }
    }
}

/// Calls `each` with the offset of every `delim` in `row`, in order, eight
/// bytes at a time (a row's cells are short: one `memchr` call per cell cost
/// more than the search).
#[inline]
fn delimiters(row: &[u8], delim: u8, mut each: impl FnMut(usize)) {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_le_bytes([delim; 8]);
    let words = row.chunks_exact(8);
    let tail = words.remainder();
    for (k, word) in words.enumerate() {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) ^ pattern;
        // 0x80 in each byte of `w` that is zero (exactly: no carry crosses a byte).
        let mut zero = !(((w & LOW).wrapping_add(LOW)) | w | LOW);
        while zero != 0 {
            each(k * 8 + zero.trailing_zeros() as usize / 8);
            zero &= zero - 1;
        }
    }
    let base = row.len() - tail.len();
    tail.iter().enumerate().filter(|(_, b)| **b == delim).for_each(|(i, _)| each(base + i));
}

/// How many physical lines `bytes` end (CR, LF and CRLF each one).
pub fn count_lines(bytes: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let cr = memchr::memchr_iter(b'\r', bytes).filter(|&i| bytes.get(i + 1) != Some(&b'\n')).count();
    (lf + cr) as u64
}

/// The delimiter that the header line (up to its first line end outside
/// quotes) uses most: `,`, `;` or tab (`,` when none appears).
pub fn sniff(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes.iter().take(1 << 16) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| counts[i]).unwrap_or(0);
    if counts[best] == 0 { b',' } else { [b',', b';', b'\t'][best] }
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
