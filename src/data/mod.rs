//! Member data: CSV, JSON arrays and JSON Lines (§8), read into rows of raw
//! cells with their positions, and converted to typed values per subject.

mod columns;
mod convert;
mod csv_in;
mod read;

pub use columns::{Columns, SubjectColumns};
pub use convert::{CellError, SlotKind, convert_cell, convert_into, norm};
pub use read::{Cell, CellRef, OwnedRow, Row, delimiter, estimate_rows, read_file};

use std::fmt;

/// Where a record came from: the file and its physical line (CSV, JSON
/// Lines; the header is line 1) or its 0-based index (JSON arrays).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub file: u32,
    pub at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Line(u64),
    Index(u64),
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Line(n) => write!(f, "line {n}"),
            At::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A file that could not be read at all (exit status 2).
#[derive(Debug)]
pub struct DataError(pub String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
