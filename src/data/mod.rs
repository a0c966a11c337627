//! Member data: CSV, JSON arrays, JSON Lines and workbook sheets (§8), read
//! into rows of raw cells with their positions, and converted to typed
//! values per subject.

mod cells;
mod chunks;
mod columns;
mod convert;
mod csv_in;
mod encoding;
mod json_in;
mod memo;
mod pages;
mod read;
mod row;
pub mod sheet;
mod split;
mod table;

pub use cells::{Cell, CellRef, Cells, FileRead, OwnedRow, ReadOptions, Row};
pub use chunks::{Chunk, Cut, read_csv_chunked};
pub use columns::{Columns, SubjectColumns};
pub use convert::{Labels, SlotKind, convert_cell, norm};
pub use memo::Memo;
pub use read::{estimate_rows, read_file};
pub use row::RowPlan;
pub use sheet::{Sheet, place};
pub use split::sniff;

use std::fmt;

/// Where a record came from: the index of its file and its [`At`], packed
/// into 8 bytes (a run keeps one per record): 20 bits of file index, two
/// bits for the kind of `At`, 42 bits of line, index or row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos(u64);

impl Pos {
    /// How many input files a run can read.
    pub const FILES: usize = 1 << 20;
    const NUMBER: u64 = (1 << 42) - 1;

    /// `None` when the file index or the number does not fit (more than
    /// [`Pos::FILES`] files, or a line past 4.3 trillion).
    pub fn new(file: usize, at: At) -> Option<Pos> {
        let (kind, n) = match at {
            At::Line(n) => (0, n),
            At::Index(i) => (1, i),
            At::Row(r) => (2, r),
        };
        (file < Self::FILES && n <= Self::NUMBER).then_some(Pos((file as u64) << 44 | kind << 42 | n))
    }

    pub fn file(self) -> usize {
        (self.0 >> 44) as usize
    }

    pub fn at(self) -> At {
        let n = self.0 & Self::NUMBER;
        match self.0 >> 42 & 3 {
            0 => At::Line(n),
            1 => At::Index(n),
            _ => At::Row(n),
        }
    }

    pub fn get(self) -> (usize, At) {
        (self.file(), self.at())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Line(u64),
    Index(u64),
    /// A row of a workbook sheet, numbered as the sheet shows it (from 1).
    Row(u64),
}

/// Where a record is, as a message says it.
impl From<At> for crate::diag::Spot {
    fn from(at: At) -> crate::diag::Spot {
        match at {
            At::Line(n) => crate::diag::Spot::Line(n),
            At::Index(n) => crate::diag::Spot::Index(n),
            At::Row(n) => crate::diag::Spot::Row(n),
        }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Line(n) => write!(f, "line {n}"),
            At::Index(i) => write!(f, "[{i}]"),
            At::Row(r) => write!(f, "row {r}"),
        }
    }
}

impl At {
    /// The place in `lang`, for people (`dòng 17`, `hàng 17`).
    pub fn words(self, lang: crate::lang::Lang) -> String {
        match self {
            At::Line(n) => crate::t!(lang, "at-line", n = n),
            At::Index(i) => format!("[{i}]"),
            At::Row(r) => crate::t!(lang, "at-row", n = r),
        }
    }
}

/// A file that could not be read at all (exit status 2).
#[derive(Clone, Debug, PartialEq)]
pub struct DataError(pub crate::diag::DataFail);

impl DataError {
    /// The words in `lang`.
    pub fn words(&self, lang: crate::lang::Lang) -> String {
        self.0.words(lang)
    }
}

/// In English.
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.words(crate::lang::Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::{At, Pos};

    #[test]
    fn positions_pack_and_unpack() {
        for file in [0, 1, 7, Pos::FILES - 1] {
            let last = (1 << 42) - 1;
            for at in [
                At::Line(0),
                At::Line(1),
                At::Index(0),
                At::Index(12),
                At::Line(last),
                At::Row(1),
                At::Row(last),
            ] {
                assert_eq!(Pos::new(file, at).map(Pos::get), Some((file, at)));
            }
        }
        assert_eq!(Pos::new(Pos::FILES, At::Line(1)), None);
        assert_eq!(Pos::new(0, At::Index(1 << 42)), None);
        assert_eq!(Pos::new(0, At::Row(1 << 42)), None);
    }
}
