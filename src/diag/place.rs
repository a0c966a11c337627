//! Where a record of the data is, kept in parts so that each language can
//! write it its own way: `m.csv line 12` / `m.csv, dòng 12`, and in a sheet
//! `m.xlsx [DS] C12` / `ô C12 trên trang «DS» của tệp m.xlsx`.

use crate::lang::Lang;
use crate::t;
use std::fmt;

/// A line of a text file, an element of a JSON array, a row of a sheet
/// (as `data::At` says it, which this module cannot name).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum At {
    Line(u64),
    Index(u64),
    Row(u64),
}

impl At {
    /// The line, element or row number.
    pub fn number(self) -> u64 {
        match self {
            At::Line(n) | At::Index(n) | At::Row(n) => n,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The file as the person named it (a workbook without its `#SHEET`).
    pub file: Box<str>,
    /// The sheet of a workbook.
    pub sheet: Option<Box<str>>,
    pub at: At,
    /// The sheet's cell (`C12`) when the column is known.
    pub cell: Option<Box<str>>,
}

impl Place {
    /// The place in `lang`, without a column, as said inside a sentence.
    pub fn words(&self, lang: Lang) -> String {
        self.words_n(&self.number(), lang)
    }

    /// [`Place::words`] with `n` said for the line, element or row.
    fn words_n(&self, n: &str, lang: Lang) -> String {
        let file = self.file.as_ref();
        match (&self.sheet, &self.cell, self.at) {
            (None, _, At::Line(_)) => t!(lang, "place-line", file = file, n = n),
            (None, _, At::Index(_)) => t!(lang, "place-index", file = file, n = n),
            (None, _, At::Row(_)) => t!(lang, "place-row", file = file, n = n),
            (Some(sheet), Some(cell), _) => {
                t!(lang, "place-cell", file = file, sheet = sheet.as_ref(), cell = cell.as_ref())
            }
            (Some(sheet), None, _) => t!(lang, "place-sheet-row", file = file, sheet = sheet.as_ref(), n = n),
        }
    }

    fn number(&self) -> String {
        self.at.number().to_string()
    }

    /// `words` at this place, in `column` when there is one: a whole
    /// sentence (a sheet's cell or row comes first in Vietnamese).
    pub fn with(&self, column: Option<&str>, words: &str, lang: Lang) -> String {
        self.with_n(&self.number(), column, words, lang)
    }

    /// [`Place::with`] with `n` said for the line, element or row (a mark
    /// to put each record's number in later). A sheet's cell is said whole.
    pub(super) fn with_n(&self, n: &str, column: Option<&str>, words: &str, lang: Lang) -> String {
        let file = self.file.as_ref();
        match (&self.sheet, &self.cell, column) {
            (Some(sheet), Some(cell), Some(c)) => {
                let (sheet, cell) = (sheet.as_ref(), cell.as_ref());
                t!(lang, "place-at-cell", file = file, sheet = sheet, cell = cell, column = c, words = words)
            }
            (Some(sheet), _, Some(c)) => t!(
                lang,
                "place-at-sheet-row-column",
                file = file,
                sheet = sheet.as_ref(),
                n = n,
                column = c,
                words = words
            ),
            (Some(sheet), _, None) => {
                t!(lang, "place-at-sheet-row", file = file, sheet = sheet.as_ref(), n = n, words = words)
            }
            (None, _, Some(c)) => {
                t!(lang, "place-at-column", place = self.words_n(n, lang), column = c, words = words)
            }
            (None, _, None) => t!(lang, "place-at", place = self.words_n(n, lang), words = words),
        }
    }
}

/// In English, as the data reader always wrote it (JSON and CSV keep it).
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

/// `words` about a record in `column`, at no place.
pub fn in_column(column: &str, words: &str, lang: Lang) -> String {
    t!(lang, "place-column", column = column, words = words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(sheet: Option<&str>, at: At, cell: Option<&str>) -> Place {
        Place { file: "m.xlsx".into(), sheet: sheet.map(Into::into), at, cell: cell.map(Into::into) }
    }

    #[test]
    fn english_is_as_the_reader_wrote_it_and_vietnamese_its_own() {
        let line = Place { file: "m.csv".into(), sheet: None, at: At::Line(12), cell: None };
        assert_eq!(line.to_string(), "m.csv line 12");
        assert_eq!(line.words(Lang::Vi), "m.csv, dòng 12");
        assert_eq!(line.with(Some("tu_tuong"), "x", Lang::En), "m.csv line 12, column `tu_tuong`: x");
        assert_eq!(line.with(Some("tu_tuong"), "x", Lang::Vi), "m.csv, dòng 12, cột `tu_tuong`: x");
        let cell = place(Some("DS"), At::Row(12), Some("C12"));
        assert_eq!(cell.to_string(), "m.xlsx [DS] C12");
        assert_eq!(cell.with(Some("a"), "x", Lang::En), "m.xlsx [DS] C12, column `a`: x");
        assert_eq!(cell.with(Some("a"), "x", Lang::Vi), "Ô C12 (cột `a`) trên trang «DS» của tệp m.xlsx: x");
        assert_eq!(cell.words(Lang::Vi), "ô C12 trên trang «DS» của tệp m.xlsx");
        let row = place(Some("DS"), At::Row(4), None);
        assert_eq!(row.to_string(), "m.xlsx [DS] row 4");
        assert_eq!(row.with(None, "x", Lang::En), "m.xlsx [DS] row 4: x");
        assert_eq!(row.with(None, "x", Lang::Vi), "Hàng 4 trên trang «DS» của tệp m.xlsx: x");
        assert_eq!(row.with(Some("a"), "x", Lang::En), "m.xlsx [DS] row 4, column `a`: x");
        assert_eq!(row.with(Some("a"), "x", Lang::Vi), "Hàng 4 (cột `a`) trên trang «DS» của tệp m.xlsx: x");
        let index = Place { file: "m.json".into(), sheet: None, at: At::Index(3), cell: None };
        assert_eq!(index.to_string(), "m.json [3]");
        assert_eq!(index.words(Lang::Vi), "m.json, phần tử [3]");
    }
}
