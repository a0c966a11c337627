//! Reading one CSV file on several threads (issue 22, `--jobs`): the rows
//! after the header are cut into chunks at line ends, each read by a thread
//! of the pool into its own state, handed back in input order. A chunk's
//! first line number is counted before (the lines of the chunks before it),
//! so that every message names the same line as one pass would.
//!
//! A line end is not always a row's end (a quoted cell may hold line
//! breaks): each chunk must start where the chunk before it stopped. When
//! one does not, the chunks are thrown away and the file is read again in
//! one pass, so the rows are always those of one pass.

use super::DataError;
use super::cells::{FileRead, ReadOptions, Row};
use super::csv_in::{Stretch, finish, head, rows, with_text};
use super::pages::Release;
use super::split::count_lines;
use rayon::prelude::*;
use std::path::Path;

/// Chunks per thread of the pool (so that a thread slowed by others on a
/// shared machine leaves its work to the rest).
const PER_THREAD: usize = 4;

/// How far after each share of the bytes a line end is looked for.
const WINDOW: usize = 1 << 20;

/// The physical lines of `bytes` before its first NUL byte (a chunk after
/// a NUL is never used: reading stops at the first).
fn lines_to_nul(bytes: &[u8]) -> u64 {
    count_lines(&bytes[..memchr::memchr(0, bytes).unwrap_or(bytes.len())])
}

/// The mapped file read again through a buffer, to count the lines of
/// each chunk: the copy from the page cache costs less than mapping a
/// gigabyte's pages for counting, giving them back, and mapping them again
/// for reading (0.75 s of a 7 s run at 5.5M records, docs/PERFORMANCE.md).
struct Recount<'f> {
    /// The file mapped (not opened again: a file replaced since is not read).
    file: Option<&'f std::fs::File>,
    /// Where the text starts in the file (after a BOM).
    offset: u64,
}

impl<'f> Recount<'f> {
    /// For `text` mapped by `map` from `file` (nothing to read for a text
    /// of its own: decoded, or read whole).
    fn new(file: Option<&'f std::fs::File>, map: Option<&memmap2::Mmap>, text: &[u8]) -> Recount<'f> {
        let within = map.filter(|m| {
            let (t, m) = (text.as_ptr_range(), m.as_ptr_range());
            t.start >= m.start && t.end <= m.end
        });
        let offset = within.map_or(0, |m| (text.as_ptr() as usize - m.as_ptr() as usize) as u64);
        Recount { file: file.filter(|_| within.is_some()), offset }
    }

    /// The physical lines of the text's bytes `a..b` before its first NUL
    /// byte, as [`lines_to_nul`] counts them; `None` when they cannot be
    /// read (then they are counted from the map).
    #[cfg(unix)]
    fn lines(&self, a: usize, b: usize) -> Option<u64> {
        use std::os::unix::fs::FileExt;
        // Small in tests, so that a chunk is read in several pieces.
        const PIECE: usize = if cfg!(test) { 7 } else { 1 << 20 };
        let file = self.file?;
        let mut buf = vec![0u8; PIECE.min(b - a)];
        let (mut at, end, mut lines) = (self.offset + a as u64, self.offset + b as u64, 0);
        let mut cr = false;
        while at < end {
            let want = usize::try_from(end - at).map_or(buf.len(), |w| w.min(buf.len()));
            let got = file.read_at(&mut buf[..want], at).ok().filter(|&n| n > 0)?;
            let piece = &buf[..got];
            // A CRLF cut between two pieces is one line end, not two.
            if cr && piece.first() == Some(&b'\n') {
                lines -= 1;
            }
            if let Some(z) = memchr::memchr(0, piece) {
                return Some(lines + count_lines(&piece[..z]));
            }
            lines += count_lines(piece);
            cr = piece.last() == Some(&b'\r');
            at += got as u64;
        }
        Some(lines)
    }

    #[cfg(not(unix))]
    fn lines(&self, _: usize, _: usize) -> Option<u64> {
        None
    }
}

/// One chunk of a file's rows, as its state is made (before any is read).
#[derive(Clone, Copy, Debug)]
pub struct Chunk {
    /// Its size in bytes.
    pub bytes: usize,
    /// How many rows it may hold: `None` when the file is read in one pass.
    pub most: Option<Most>,
}

/// How many rows a chunk may hold, found before any is read.
#[derive(Clone, Copy, Debug)]
pub struct Most {
    /// The chunk's line ends, one more for the last chunk (a row may end
    /// the file without one). Only a quoted cell cut by a NUL byte ends a
    /// row without a line end: a file then in error.
    pub rows: usize,
    /// The `rows` of every chunk of the file.
    pub total: usize,
}

/// How a file is cut: into about `jobs` × 4 chunks of at least `min` bytes.
#[derive(Clone, Copy, Debug)]
pub struct Cut {
    pub jobs: usize,
    pub min: usize,
}

impl Cut {
    /// The smallest chunk worth a thread of its own.
    pub const MIN: usize = 4 << 10;
}

/// Reads the CSV file at `path` in chunks on `pool`: `make` gives each
/// chunk its state (from the headers and the [`Chunk`]), in input order
/// before any is read; `each` hands it the chunk's rows in order. The
/// file's findings, and the states in input order (one when the file was
/// read in one pass).
pub fn read_csv_chunked<S: Send>(
    path: &Path,
    opts: &ReadOptions,
    pool: &rayon::ThreadPool,
    cut: Cut,
    mut make: impl FnMut(&[String], Chunk) -> S,
    each: impl Fn(&mut S, &[String], Row<'_>) + Sync,
) -> Result<(FileRead, Vec<S>), DataError> {
    with_text(path, |text, map, file| {
        let Some(head) = head(path, text, opts)? else { return Ok((FileRead::default(), Vec::new())) };
        let headers = &head.read.headers;
        let bounds = bounds(text, head.start, cut);
        let one = |mut state: S, (start, stop, line): (usize, usize, u64)| {
            let mut release = Release::new(map, text, start);
            let found =
                rows(text, (head.delim, opts.compose_memo), (start, line), stop, &mut release, &mut |row| {
                    each(&mut state, headers, row)
                });
            (state, found)
        };
        if bounds.len() > 2 {
            let spans: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
            // Counted before any is read; their pages are given back after
            // counting (and read again from the page cache when the chunk
            // is read), so that the whole file is not resident at once.
            let recount = Recount::new(file, map, text);
            let count = |&(a, b): &(usize, usize)| {
                recount.lines(a, b).unwrap_or_else(|| {
                    let lines = lines_to_nul(&text[a..b]);
                    Release::new(map, text, a).upto(b);
                    lines
                })
            };
            let lines: Vec<u64> = pool.install(|| spans.par_iter().with_max_len(1).map(count).collect());
            let starts =
                spans.iter().zip(lines.iter().scan(head.line, |l, n| Some(std::mem::replace(l, *l + n))));
            let chunks: Vec<(usize, usize, u64)> = starts.map(|(&(a, b), line)| (a, b, line)).collect();
            // A chunk ends after a line end, so each of its rows ends at
            // one of its line ends (see `Most::rows`).
            let last = lines.len() - 1;
            let most: Vec<usize> = (lines.iter().enumerate())
                .map(|(k, &n)| {
                    usize::try_from(n).unwrap_or(usize::MAX).saturating_add(usize::from(k == last))
                })
                .collect();
            let total = most.iter().fold(0, |t, &m| usize::saturating_add(t, m));
            let states: Vec<(S, (usize, usize, u64))> = chunks
                .into_iter()
                .zip(&most)
                .map(|(c, &rows)| {
                    (make(headers, Chunk { bytes: c.1 - c.0, most: Some(Most { rows, total }) }), c)
                })
                .collect();
            let read: Vec<(S, Stretch)> =
                pool.install(|| states.into_par_iter().with_max_len(1).map(|(s, c)| one(s, c)).collect());
            if joined(&read, &bounds) {
                let (states, stretches): (Vec<S>, Vec<Stretch>) = read.into_iter().unzip();
                return Ok((finish(path, text, head, stretches)?, states));
            }
        }
        let state = make(headers, Chunk { bytes: text.len() - head.start, most: None });
        let (state, found) = one(state, (head.start, text.len(), head.line));
        Ok((finish(path, text, head, [found])?, vec![state]))
    })
}

/// Where the chunks of the rows from `start` begin, and the text's end:
/// just after a line end near each equal share of the bytes.
fn bounds(text: &[u8], start: usize, cut: Cut) -> Vec<usize> {
    let len = text.len().saturating_sub(start);
    let n = (cut.jobs * PER_THREAD).min(len / cut.min.max(1)).max(1);
    let mut bounds = vec![start];
    for k in 1..n {
        let target = start + len / n * k;
        // Looked for near the target only, and not past a NUL byte (a
        // sparse file of zeros is not read through for a line end).
        let Some(at) = line_end(text, target, (target + WINDOW).min(text.len())) else { continue };
        let at = at + 1;
        if at < text.len() && bounds.last().is_some_and(|&b| at > b) {
            bounds.push(at);
        }
    }
    bounds.push(text.len());
    bounds
}

/// The first line end in `text[from..to]` before any NUL byte: a line
/// feed (the one of a CRLF), or a carriage return no line feed follows (a
/// file saved with CR line ends, as Excel for Mac's "CSV (Macintosh)").
fn line_end(text: &[u8], from: usize, to: usize) -> Option<usize> {
    let at = from + memchr::memchr3(b'\n', b'\r', 0, &text[from..to])?;
    match text[at] {
        b'\n' => Some(at),
        b'\r' if text.get(at + 1) == Some(&b'\n') => Some(at + 1),
        b'\r' => Some(at),
        _ => None,
    }
}

/// Whether every chunk began where the one before it stopped (up to the
/// first that stopped at a NUL byte: the file's error).
fn joined<S>(read: &[(S, Stretch)], bounds: &[usize]) -> bool {
    for (k, (_, found)) in read.iter().enumerate() {
        if found.stopped() {
            return true;
        }
        if bounds.get(k + 1).is_some_and(|&b| found.end != b) {
            return false;
        }
    }
    true
}

#[cfg(test)]
#[path = "chunks_tests.rs"]
mod tests;
