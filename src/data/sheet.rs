//! Reading one sheet of a workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`,
//! `.ods`): the rows under the header row, cells as a CSV export holds them
//! (§8), positions as the sheet shows them (`members.xlsx [Sheet1] C17`).
//!
//! The header row is the first row, among the first [`TOP`] rows that are
//! not blank, with a cell `id` (the column every record needs); rows above it
//! are titles (a merged heading, a date line) and are not records. Without
//! such a row it is the first row of two cells or more, else the first row.
//! Blank rows are skipped; every other row under the header is one record.

mod cells;
mod zipped;

use super::cells::{Cell, OwnedRow, Row};
use super::{At, DataError, norm};
use crate::diag::{Place, Spot};
use std::path::{Path, PathBuf};

/// The extensions of workbooks, lowercase.
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// How many rows that are not blank are searched for the header's `id`.
pub const TOP: usize = 30;

/// A workbook named by `--data`: its file, and the sheet after `#` if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    pub file: PathBuf,
    pub sheet: Option<String>,
}

impl Book {
    /// The workbook that `path` names (`members.xlsx`, `members.xlsx#Sheet`),
    /// or `None` when it names another kind of file.
    pub fn named(path: &Path) -> Option<Book> {
        if is_workbook(path) {
            return Some(Book { file: path.to_path_buf(), sheet: None });
        }
        let text = path.to_str()?;
        let at = text.match_indices('#').map(|(i, _)| i).find(|&i| is_workbook(Path::new(&text[..i])))?;
        Some(Book { file: PathBuf::from(&text[..at]), sheet: Some(text[at + 1..].to_string()) })
    }
}

fn is_workbook(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// The file that a `--data` path reads (a workbook's without its `#SHEET`).
pub fn file_of(path: &Path) -> PathBuf {
    Book::named(path).map_or_else(|| path.to_path_buf(), |b| b.file)
}

/// `--data` paths with `--sheet NAME` given to every workbook that names no
/// sheet itself; `None` when no path names a workbook.
pub fn with_sheet(paths: &[PathBuf], sheet: &str) -> Option<Vec<PathBuf>> {
    paths.iter().any(|p| Book::named(p).is_some()).then(|| {
        paths
            .iter()
            .map(|p| match Book::named(p) {
                Some(Book { file, sheet: None }) => PathBuf::from(format!("{}#{sheet}", file.display())),
                _ => p.clone(),
            })
            .collect()
    })
}

/// The sheet a file's records were read from, for their positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub file: PathBuf,
    pub name: String,
    /// The sheet column (0 is `A`) of the first column title.
    first_col: u32,
    headers: Vec<String>,
}

/// Where a record is: `FILE line 17` (`FILE [3]`), or in a sheet
/// `FILE [SHEET] row 17`, or the cell `FILE [SHEET] C17` of `column`
/// (each language writes it its own way, see [`Place`]).
pub fn place(file: &Path, sheet: Option<&Sheet>, at: At, column: Option<&str>) -> Place {
    let spot = Spot::from(at);
    let Some(s) = sheet else {
        return Place { file: file.display().to_string().into(), sheet: None, at: spot, cell: None };
    };
    let col = column.and_then(|c| {
        let n = norm(c);
        s.headers.iter().position(|h| h == c).or_else(|| s.headers.iter().position(|h| norm(h) == n))
    });
    let cell = match (at, col) {
        (At::Row(r), Some(c)) => Some(format!("{}{r}", letters(s.first_col as u64 + c as u64)).into()),
        _ => None,
    };
    Place { file: s.file.display().to_string().into(), sheet: Some(s.name.as_str().into()), at: spot, cell }
}

/// [`place`] of a whole record for people in `lang`: `FILE, dòng 17`.
pub fn place_in(file: &Path, sheet: Option<&Sheet>, at: At, lang: crate::lang::Lang) -> String {
    place(file, sheet, at, None).words(lang)
}

/// A sheet column in letters: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn letters(col: u64) -> String {
    let mut out = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.iter().rev().map(|b| char::from(*b)).collect()
}

/// The cells of a row that is not blank, by sheet column, in order.
type Cells = Vec<(u32, Cell)>;

/// A sheet read, its rows not yet handed on: its place is known before
/// the first row's message is made.
pub struct Opened {
    pub sheet: Sheet,
    /// The rows under the header.
    rows: Vec<(u32, Cells)>,
}

/// Reads the sheet `book` names (the first visible worksheet when it names
/// none) and finds its header row.
pub fn open(book: &Book) -> Result<Opened, DataError> {
    let (name, mut rows) = cells::load(book)?;
    let h = header_at(&rows);
    let (first_col, headers) = rows.get(h).map_or((0, Vec::new()), |(_, cells)| titles(cells));
    rows.drain(..rows.len().min(h + 1));
    Ok(Opened { sheet: Sheet { file: book.file.clone(), name, first_col, headers }, rows })
}

impl Opened {
    /// Hands every row under the header to `each`; returns the column titles.
    pub fn hand(self, mut each: impl FnMut(&[String], Row<'_>)) -> Vec<String> {
        let Sheet { first_col, headers, .. } = self.sheet;
        for (r, cells) in self.rows {
            let cells = cells
                .into_iter()
                .filter_map(|(c, cell)| Some((c.checked_sub(first_col)? as usize, cell)))
                .collect();
            let row = OwnedRow { at: At::Row(u64::from(r) + 1), cells };
            each(&headers, row.as_row());
        }
        headers
    }
}

/// The index of the header row (see the module's words).
fn header_at(rows: &[(u32, Cells)]) -> usize {
    let is_id = |c: &Cell| matches!(c, Cell::Text(t) if norm(t) == "id");
    let top = &rows[..rows.len().min(TOP)];
    top.iter()
        .position(|(_, cells)| cells.iter().any(|(_, c)| is_id(c)))
        .or_else(|| rows.iter().position(|(_, cells)| cells.len() >= 2))
        .unwrap_or(0)
}

/// The column titles of a header row (trimmed; a gap is an empty title),
/// from its first cell, and the sheet column of that cell.
fn titles(cells: &Cells) -> (u32, Vec<String>) {
    let first = cells.first().map_or(0, |(c, _)| *c);
    let mut headers = Vec::new();
    for (c, cell) in cells {
        let i = (c - first) as usize;
        headers.resize(i, String::new());
        headers.push(cell.as_ref().text().trim().to_string());
    }
    (first, headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_books_with_and_without_a_sheet() {
        let book =
            |file: &str, sheet: Option<&str>| Some(Book { file: file.into(), sheet: sheet.map(Into::into) });
        assert_eq!(Book::named(Path::new("a/m.xlsx")), book("a/m.xlsx", None));
        assert_eq!(Book::named(Path::new("M.ODS")), book("M.ODS", None));
        assert_eq!(Book::named(Path::new("m.xlsx#Danh sách")), book("m.xlsx", Some("Danh sách")));
        assert_eq!(Book::named(Path::new("m.xls#A#B")), book("m.xls", Some("A#B")));
        assert_eq!(Book::named(Path::new("a#b.csv")), None);
        assert_eq!(Book::named(Path::new("m.csv")), None);
        assert_eq!(file_of(Path::new("m.xlsb#S")), PathBuf::from("m.xlsb"));
        assert_eq!(file_of(Path::new("a#b.csv")), PathBuf::from("a#b.csv"));
    }

    #[test]
    fn the_sheet_option_goes_to_workbooks_that_name_none() {
        let paths: Vec<PathBuf> = ["a.csv", "b.xlsx", "c.ods#Mine"].iter().map(PathBuf::from).collect();
        let want: Vec<PathBuf> = ["a.csv", "b.xlsx#DS", "c.ods#Mine"].iter().map(PathBuf::from).collect();
        assert_eq!(with_sheet(&paths, "DS"), Some(want));
        assert_eq!(with_sheet(&paths[..1], "DS"), None);
    }

    #[test]
    fn columns_in_letters() {
        let got: Vec<String> = [0, 2, 25, 26, 27, 51, 52, 701, 702, 16383].into_iter().map(letters).collect();
        assert_eq!(got, ["A", "C", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    }

    #[test]
    fn places_name_the_cell_of_a_known_column() {
        let headers = vec!["id".to_string(), "Tư tưởng".to_string()];
        let sheet = Sheet { file: "m.xlsx".into(), name: "DS".into(), first_col: 1, headers };
        let s = Some(&sheet);
        let place = |p: &str, s, at, c| place(Path::new(p), s, at, c).to_string();
        assert_eq!(place("m.xlsx#DS", s, At::Row(17), Some("Tư tưởng")), "m.xlsx [DS] C17");
        assert_eq!(place("m.xlsx#DS", s, At::Row(17), Some("tư TƯỞNG")), "m.xlsx [DS] C17");
        assert_eq!(place("m.xlsx", s, At::Row(4), None), "m.xlsx [DS] row 4");
        assert_eq!(place("m.xlsx", s, At::Row(4), Some("other")), "m.xlsx [DS] row 4");
        assert_eq!(place("m.csv", None, At::Line(4), Some("id")), "m.csv line 4");
    }

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn the_header_is_under_the_titles() {
        let title = (0, vec![(0, text("DANH SÁCH ĐẢNG VIÊN CHI BỘ 1"))]);
        let heading = (1, vec![(0, text("ĐẢNG BỘ PHƯỜNG")), (5, text("ĐẢNG CỘNG SẢN VIỆT NAM"))]);
        let header = (3, vec![(1, text("STT")), (2, text(" ID ")), (4, text("tu_tuong"))]);
        let data = (4, vec![(1, Cell::Number("1".into())), (2, text("DV1"))]);
        let rows = vec![title.clone(), heading.clone(), header.clone(), data.clone()];
        assert_eq!(header_at(&rows), 2);
        assert_eq!(
            titles(&rows[2].1),
            (1, vec!["STT".into(), "ID".into(), String::new(), "tu_tuong".into()])
        );
        // No `id` title: the first row of two cells.
        assert_eq!(header_at(&[title.clone(), data.clone(), heading]), 1);
        assert_eq!(header_at(&[title]), 0);
        assert_eq!(header_at(&[]), 0);
    }
}
