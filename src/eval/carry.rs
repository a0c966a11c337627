//! Carry-through columns: member-data columns the plan need not declare (a
//! name, a unit) that `eval` copies beside each record's id, named by the
//! plan's `display` line and by `--keep`. Titles match headers as items'
//! titles do (NFC, case-insensitive, trimmed: [`norm`]).

use crate::data::{CellRef, Cells, norm};
use std::path::Path;

/// The carried columns of a run and their cells, record by record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    /// The titles, as the plan or `--keep` wrote them (composed, trimmed).
    pub titles: Vec<String>,
    /// Their normalized forms, for matching headers.
    norms: Vec<String>,
    /// `titles.len()` cells per record, in record order; `None` where the
    /// record's file has no such column or the record has no cell there.
    cells: Vec<Option<Box<str>>>,
}

impl Carried {
    /// The plan's `display` columns, then those of `keep` not among them
    /// (a title given twice is carried once).
    pub fn new(display: Option<&crate::syntax::ast::Display>, keep: &[String]) -> Carried {
        let mut out = Carried::default();
        let shown = display.into_iter().flat_map(|d| d.columns.iter().map(|c| c.title.as_str()));
        for title in shown.chain(keep.iter().map(String::as_str)) {
            let n = norm(title);
            if !n.is_empty() && !out.norms.contains(&n) {
                out.titles.push(crate::text::key(title).into_owned());
                out.norms.push(n);
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// Whether `header` is a carried column.
    pub fn carries(&self, header: &str) -> bool {
        !self.is_empty() && self.norms.contains(&norm(header))
    }

    /// For each carried title, the column of `headers` holding it.
    pub fn columns(&self, headers: &[String]) -> Vec<Option<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let titles: Vec<String> = headers.iter().map(|h| norm(h)).collect();
        self.norms.iter().map(|n| titles.iter().position(|t| t == n)).collect()
    }

    /// Keeps one record's cells (`cols` from [`Carried::columns`]).
    pub fn push(&mut self, cols: &[Option<usize>], cells: &Cells<'_>) {
        for col in cols {
            self.cells.push(col.and_then(|c| cells.get(c)).and_then(text));
        }
    }

    /// The same columns, with no record's cells yet (a chunk's, see
    /// `eval::run`).
    pub fn fresh(&self) -> Carried {
        Carried { titles: self.titles.clone(), norms: self.norms.clone(), cells: Vec::new() }
    }

    /// Appends the cells of `other`'s records (the same columns) after these.
    pub fn append(&mut self, other: Carried) {
        if self.cells.is_empty() {
            self.cells = other.cells;
        } else {
            self.cells.extend(other.cells);
        }
    }

    /// The carried cells of record `i`.
    pub fn row(&self, i: usize) -> &[Option<Box<str>>] {
        let n = self.titles.len();
        self.cells.get(i * n..(i + 1) * n).unwrap_or_default()
    }

    /// Replaces the cell of record `i` in column `col` (tests of the writers).
    #[cfg(test)]
    pub(crate) fn set(&mut self, i: usize, col: usize, text: &str) {
        let n = self.titles.len();
        if let Some(c) = self.cells.get_mut(i * n + col) {
            *c = Some(text.into());
        }
    }

    /// One warning for a file that lacks carried columns, naming them all.
    pub fn missing(&self, file: &Path, cols: &[Option<usize>]) -> Option<String> {
        let gone: Vec<String> = self
            .titles
            .iter()
            .zip(cols)
            .filter(|(_, c)| c.is_none())
            .map(|(t, _)| format!("`{t}`"))
            .collect();
        let (column, its) = if gone.len() == 1 { ("column", "its") } else { ("columns", "their") };
        (!gone.is_empty()).then(|| {
            format!(
                "{}: no {column} {} to carry to the output; {its} cells are left empty",
                file.display(),
                gone.join(", ")
            )
        })
    }
}

/// A cell as carried text: composed and trimmed; bytes that are not UTF-8
/// shown as U+FFFD (the cell is only shown, never read); JSON null is none.
fn text(cell: CellRef<'_>) -> Option<Box<str>> {
    match cell {
        CellRef::Null => None,
        CellRef::Raw(b) => Some(crate::text::key(&String::from_utf8_lossy(b)).into()),
        other => Some(crate::text::key(other.text()).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::CellRef;

    #[test]
    fn titles_match_headers_composed_and_without_case() {
        let c = Carried::new(None, &["Họ và tên".into(), " HO VA TEN ".into(), "don_vi".into()]);
        assert_eq!(c.titles, ["Họ và tên", "HO VA TEN", "don_vi"]);
        // The header in NFD, another case, spaces around it.
        let headers: Vec<String> = ["id", " ho\u{323} va\u{300} te\u{302}n ", "x"].map(String::from).into();
        assert_eq!(c.columns(&headers), [Some(1), None, None]);
        assert!(c.carries("DON_VI") && !c.carries("x"));
        let once = Carried::new(None, &["a".into(), "A".into(), " ".into()]);
        assert_eq!(once.titles, ["a"]);
    }

    #[test]
    fn cells_are_kept_per_record() {
        let mut c = Carried::new(None, &["a".into(), "b".into()]);
        let row = Cells::List(vec![(0, CellRef::Text(" x ")), (2, CellRef::Null)]);
        c.push(&[Some(0), Some(2)], &row);
        c.push(&[None, Some(0)], &row);
        assert_eq!(c.row(0), [Some("x".into()), None]);
        assert_eq!(c.row(1), [None, Some("x".into())]);
        assert_eq!(c.row(2), []);
        let w = c.missing(Path::new("f.csv"), &[None, Some(0)]);
        assert_eq!(
            w.as_deref(),
            Some("f.csv: no column `a` to carry to the output; its cells are left empty")
        );
        assert_eq!(c.missing(Path::new("f.csv"), &[Some(1), Some(0)]), None);
    }
}
