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
    /// The cells' text, one after another: `titles.len()` cells per
    /// record, in record order.
    text: String,
    /// Per cell, where its text ends in `text`, with [`Carried::NONE`] set
    /// where the record's file has no such column or the record has no cell
    /// there (one buffer, not an allocation per cell).
    ends: Vec<u64>,
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
            let cell = col.and_then(|c| cells.get(c));
            let none = cell.and_then(|c| text(c, &mut self.text)).is_none();
            self.push_cell(none);
        }
    }

    /// Ends the cell whose text was just added (none when `none`).
    fn push_cell(&mut self, none: bool) {
        let end = self.text.len() as u64;
        self.ends.push(if none { end | Self::NONE } else { end });
    }

    /// Marks a cell that is not there.
    const NONE: u64 = 1 << 63;

    /// The same columns, with no record's cells yet (a chunk's, see
    /// `eval::run`).
    pub fn fresh(&self) -> Carried {
        Carried { titles: self.titles.clone(), norms: self.norms.clone(), ..Carried::default() }
    }

    /// Room for the cells of `records` more records, their text guessed
    /// at [`Carried::GUESS`] bytes a cell (growing the buffers of a million
    /// records copies them again and again).
    pub fn room(&mut self, records: usize) {
        let cells = records.saturating_mul(self.titles.len());
        let _ = self.ends.try_reserve_exact(cells);
        let _ = self.text.try_reserve_exact(cells.saturating_mul(Self::GUESS));
    }

    /// Bytes of text per carried cell guessed (a name, a unit's name).
    const GUESS: usize = 24;

    /// Appends the cells of the records of `others` (the same columns)
    /// after these, in order.
    pub fn append(&mut self, others: Vec<Carried>) {
        let _ = self.text.try_reserve_exact(others.iter().map(|o| o.text.len()).sum());
        let _ = self.ends.try_reserve_exact(others.iter().map(|o| o.ends.len()).sum());
        for other in others {
            let base = self.text.len() as u64;
            self.text.push_str(&other.text);
            self.ends.extend(other.ends.into_iter().map(|e| e + base));
        }
    }

    /// The carried cell `col` of record `i`.
    pub fn cell(&self, i: usize, col: usize) -> Option<&str> {
        let n = self.titles.len();
        let k = (col < n).then_some(i * n + col)?;
        let end = *self.ends.get(k)?;
        if end & Self::NONE != 0 {
            return None;
        }
        let start = k.checked_sub(1).and_then(|p| self.ends.get(p)).map_or(0, |e| e & !Self::NONE);
        self.text.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)
    }

    /// The carried cells of record `i`, in the order of the titles.
    pub fn row(&self, i: usize) -> impl ExactSizeIterator<Item = Option<&str>> + Clone + '_ {
        (0..self.titles.len()).map(move |c| self.cell(i, c))
    }

    /// Replaces the cell of record `i` in column `col` (tests of the writers).
    #[cfg(test)]
    pub(crate) fn set(&mut self, i: usize, col: usize, text: &str) {
        let n = self.titles.len();
        let records = self.ends.len() / n.max(1);
        let cells: Vec<Vec<Option<String>>> =
            (0..records).map(|r| self.row(r).map(|c| c.map(String::from)).collect()).collect();
        (self.text, self.ends) = (String::new(), Vec::new());
        for (r, row) in cells.into_iter().enumerate() {
            for (c, mut cell) in row.into_iter().enumerate() {
                if (r, c) == (i, col) {
                    cell = Some(text.to_string());
                }
                self.text.push_str(cell.as_deref().unwrap_or_default());
                self.push_cell(cell.is_none());
            }
        }
    }

    /// One warning for a file that lacks carried columns, naming them all.
    pub fn missing(&self, file: &Path, cols: &[Option<usize>]) -> Option<crate::diag::DataNote> {
        let gone: Vec<String> =
            self.titles.iter().zip(cols).filter(|(_, c)| c.is_none()).map(|(t, _)| t.clone()).collect();
        (!gone.is_empty())
            .then(|| crate::diag::DataNote::CarryMissing { file: file.display().to_string(), columns: gone })
    }
}

/// A cell as carried text, added to `to`: composed and trimmed; bytes that
/// are not UTF-8 shown as U+FFFD (the cell is only shown, never read);
/// JSON null is none.
fn text(cell: CellRef<'_>, to: &mut String) -> Option<()> {
    match cell {
        CellRef::Null => return None,
        CellRef::Raw(b) => match std::str::from_utf8(b) {
            Ok(t) => to.push_str(composed(t).trim()),
            Err(_) => to.push_str(&crate::text::key(&String::from_utf8_lossy(b))),
        },
        other => to.push_str(composed(other.text()).trim()),
    }
    Some(())
}

/// A cell's text, composed already: the readers compose every text cell
/// (see [`crate::text`]), so its key is the text trimmed.
#[inline(always)]
fn composed(t: &str) -> &str {
    debug_assert!(unicode_normalization::is_nfc(t), "{t:?} was read without composing it");
    t
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
        let row = |c: &Carried, i| c.row(i).map(|x| x.map(String::from)).collect::<Vec<_>>();
        let x = || Some("x".to_string());
        assert_eq!(row(&c, 0), [x(), None]);
        assert_eq!(row(&c, 1), [None, x()]);
        assert_eq!(row(&c, 2), [None, None]);
        let mut more = c.fresh();
        more.push(&[Some(0), Some(0)], &Cells::List(vec![(0, CellRef::Text("Hà Nội"))]));
        let mut last = c.fresh();
        last.push(&[None, Some(0)], &Cells::List(vec![(0, CellRef::Text("Huế"))]));
        c.room(1000);
        c.append(vec![more, c.fresh(), last]);
        assert_eq!(c.row(2).collect::<Vec<_>>(), [Some("Hà Nội"), Some("Hà Nội")]);
        assert_eq!(c.row(3).collect::<Vec<_>>(), [None, Some("Huế")]);
        c.set(1, 0, "y");
        assert_eq!((row(&c, 0), row(&c, 1)), (vec![x(), None], vec![Some("y".into()), x()]));
        let w = c.missing(Path::new("f.csv"), &[None, Some(0)]);
        assert_eq!(
            w.map(|w| w.to_string()).as_deref(),
            Some("f.csv: no column `a` to carry to the output; its cells are left empty")
        );
        assert_eq!(c.missing(Path::new("f.csv"), &[Some(1), Some(0)]), None);
    }
}
