//! Source files and locations that carry their source, so that a diagnostic in
//! a parent plan points into the parent file.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One loaded file: the path as the user (or an `extends`) named it, and its text.
#[derive(Debug)]
pub struct Source {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
    lone_cr: bool,
}

impl Source {
    /// Wraps `text` read from `path`. A leading byte-order mark is kept in the
    /// text but skipped by the parser.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<Source> {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let bytes = text.as_bytes();
        let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
        Arc::new(Source { path: path.into(), text, line_starts, lone_cr })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as displayed in diagnostics and provenance.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte offset of a 1-based line and column (in characters).
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        let within = rest[..end].char_indices().nth(col.saturating_sub(1)).map_or(end, |(i, _)| i);
        start + within
    }

    /// 0-based line of a byte offset (offsets past the end: the last line).
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Whether a `\r` stands alone (not before `\n`): miette counts it as a
    /// line break, [`Source::line_index`] does not.
    pub fn has_lone_cr(&self) -> bool {
        self.lone_cr
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }
}

/// A span of a [`Source`]. Locations never take part in equality: two AST
/// nodes are equal when they say the same thing, wherever they were written.
#[derive(Clone)]
pub struct Loc {
    pub src: Arc<Source>,
    pub start: usize,
    pub end: usize,
}

impl Loc {
    pub fn new(src: &Arc<Source>, start: usize, end: usize) -> Loc {
        Loc { src: Arc::clone(src), start, end }
    }

    /// The span from the start of `self` to the end of `other` (same file).
    pub fn to(&self, other: &Loc) -> Loc {
        Loc { src: Arc::clone(&self.src), start: self.start, end: other.end.max(self.start) }
    }

    /// The first `n` bytes of the span (e.g. a block's keyword).
    pub fn head(&self, n: usize) -> Loc {
        Loc { src: Arc::clone(&self.src), start: self.start, end: (self.start + n).min(self.end) }
    }

    /// 1-based line of the start.
    pub fn line(&self) -> usize {
        self.src.line_col(self.start).0
    }

    /// 1-based (line, column) of the start.
    pub fn line_col(&self) -> (usize, usize) {
        self.src.line_col(self.start)
    }

    /// 1-based line of the last byte of the span.
    pub fn end_line(&self) -> usize {
        self.src.line_col(self.end.saturating_sub(1).max(self.start)).0
    }

    /// `FILE:LINE`, as printed in provenance comments.
    pub fn file_line(&self) -> String {
        format!("{}:{}", self.src.name(), self.line())
    }

    /// The text of the span.
    pub fn snippet(&self) -> &str {
        self.src.text().get(self.start..self.end).unwrap_or("")
    }

    /// True when both locations are in the same file.
    pub fn same_file(&self, other: &Loc) -> bool {
        Arc::ptr_eq(&self.src, &other.src)
    }
}

impl PartialEq for Loc {
    fn eq(&self, _: &Loc) -> bool {
        true
    }
}

impl fmt::Debug for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.line_col();
        write!(f, "{}:{}:{}", self.src.name(), line, col)
    }
}
