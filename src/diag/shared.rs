//! A record's error, kept small: what many records say alike (the kind,
//! the column, the file and the words around the line number) is one
//! shared [`Said`]; each record keeps only its line, element or row (and a
//! sheet's cell). The words are made when first asked for, once per
//! language, and each record's number is put between their two parts:
//! a file where most records are in error costs little more than one
//! where none is. JSON and CSV keep the English; people read their own.

use super::place::{At, Place, in_column};
use super::record::{ErrorKind, message_in};
use crate::lang::Lang;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Stands for the record's number while the shared words are made (a
/// character of the private use area, which no catalog or place holds).
const MARK: &str = "\u{F8FF}";

/// What the errors of several records share.
#[derive(Debug)]
struct Said {
    kind: ErrorKind,
    column: Option<Box<str>>,
    /// The file (and sheet) the error is in, when it is placed.
    file: Option<(Box<str>, Option<Box<str>>)>,
    /// A sheet's cell (`C12`), when the column is known: said by one
    /// record only.
    cell: Option<Box<str>>,
    /// Per language ([`Lang::Vi`], [`Lang::En`]): the words, made once.
    words: [OnceLock<Words>; 2],
}

/// The words of a [`Said`] in one language.
#[derive(Debug)]
enum Words {
    /// At no place: the same for every record.
    Whole(Box<str>),
    /// Before and after the number, for places of the kind `spot` says.
    Around { spot: std::mem::Discriminant<At>, before: Box<str>, after: Box<str> },
    /// Made for each record (the number is not said once, plainly).
    Each,
}

/// A record's error: its kind, where (file and line, and the column), and
/// its words in each language. Three words: what it shares, and its line.
#[derive(Clone, Debug)]
pub struct RecordError {
    said: Arc<Said>,
    /// The line, element or row, when placed.
    at: Option<At>,
}

impl RecordError {
    pub fn new(kind: ErrorKind) -> RecordError {
        RecordError::placed(kind, None, None)
    }

    /// An error at `at` (file and line), in `column` when there is one.
    pub fn placed(kind: ErrorKind, at: Option<&Place>, column: Option<&str>) -> RecordError {
        let said = Said {
            kind,
            column: column.map(Into::into),
            file: at.map(|p| (p.file.clone(), p.sheet.clone())),
            cell: at.and_then(|p| p.cell.clone()),
            words: Default::default(),
        };
        RecordError { said: Arc::new(said), at: at.map(|p| p.at) }
    }

    /// The same error (kind, column, file) at `at`, another line, element
    /// or row of the same file: the two share their words. Not for a sheet
    /// whose column is known (each row has its own cell there: the error at
    /// `at` is said at its row instead).
    pub fn moved(&self, at: At) -> RecordError {
        if let Some(mut place) = self.place().filter(|_| self.said.cell.is_some()) {
            (place.at, place.cell) = (at, None);
            return RecordError::placed(self.said.kind.clone(), Some(&place), self.column());
        }
        RecordError { said: Arc::clone(&self.said), at: Some(at) }
    }

    /// The same error placed at `at`, unless it already has a place.
    pub fn at(self, at: &Place) -> RecordError {
        match self.at {
            Some(_) => self,
            None => RecordError::placed(self.said.kind.clone(), Some(at), self.column()),
        }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.said.kind
    }

    /// The column the error is in, when there is one.
    pub fn column(&self) -> Option<&str> {
        self.said.column.as_deref()
    }

    /// Whether the error says where it is.
    pub fn is_placed(&self) -> bool {
        self.at.is_some()
    }

    /// Where the error is, when placed.
    pub fn place(&self) -> Option<Place> {
        let (file, sheet) = self.said.file.as_ref()?;
        Some(Place { file: file.clone(), sheet: sheet.clone(), at: self.at?, cell: self.said.cell.clone() })
    }

    /// The words in English, with the place (JSON, CSV).
    pub fn text(&self) -> String {
        self.words(Lang::En)
    }

    /// The words in `lang`, with the place.
    pub fn words(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write_words(lang, &mut out);
        out
    }

    /// Appends the words in `lang`, with the place, to `out`.
    pub fn write_words(&self, lang: Lang, out: &mut String) {
        let words = self.said.words[lang as usize].get_or_init(|| self.said.make(lang, self.at));
        match (words, self.at) {
            (Words::Whole(w), None) => out.push_str(w),
            (Words::Around { spot, before, after }, Some(at))
                if self.said.cell.is_none() && *spot == std::mem::discriminant(&at) =>
            {
                use std::fmt::Write;
                out.push_str(before);
                let _ = write!(out, "{}", at.number());
                out.push_str(after);
            }
            _ => out.push_str(&self.said.whole(self.place().as_ref(), lang)),
        }
    }
}

impl Said {
    /// The words in `lang` of an error at `at` (of the kind of place the
    /// others sharing it have), to be completed by each record's number.
    fn make(&self, lang: Lang, at: Option<At>) -> Words {
        let Some(at) = at else { return Words::Whole(self.whole(None, lang).into()) };
        let column = self.column.as_deref();
        match &self.file {
            // A sheet's cell is said whole (its row is in it).
            Some((file, sheet)) if sheet.is_none() || column.is_none() => {
                let place = Place { file: file.clone(), sheet: sheet.clone(), at, cell: None };
                let words = place.with_n(MARK, column, &message_in(&self.kind, lang), lang);
                match words.split_once(MARK) {
                    Some((before, after)) if !after.contains(MARK) => Words::Around {
                        spot: std::mem::discriminant(&at),
                        before: before.into(),
                        after: after.into(),
                    },
                    _ => Words::Each,
                }
            }
            _ => Words::Each,
        }
    }

    /// The whole words in `lang` at `at`.
    fn whole(&self, at: Option<&Place>, lang: Lang) -> String {
        let words = message_in(&self.kind, lang);
        match (at, self.column.as_deref()) {
            (Some(at), c) => at.with(c, &words, lang),
            (None, Some(c)) => in_column(c, &words, lang),
            (None, None) => words,
        }
    }
}

/// Equal when they say the same at the same place.
impl PartialEq for RecordError {
    fn eq(&self, other: &RecordError) -> bool {
        let (a, b) = (&self.said, &other.said);
        (a.kind == b.kind && a.column == b.column && a.file == b.file && a.cell == b.cell)
            && self.at == other.at
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
impl RecordError {
    /// Whether the two share their words (made once for both).
    pub(crate) fn shares_words(&self, other: &RecordError) -> bool {
        Arc::ptr_eq(&self.said, &other.said)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::CellProblem;

    fn place(file: &str, sheet: Option<&str>, at: At, cell: Option<&str>) -> Place {
        Place { file: file.into(), sheet: sheet.map(Into::into), at, cell: cell.map(Into::into) }
    }

    /// The words as they were made before they were shared: whole, at each place.
    fn eager(kind: &ErrorKind, at: Option<&Place>, column: Option<&str>, lang: Lang) -> String {
        let words = message_in(kind, lang);
        match (at, column) {
            (Some(at), c) => at.with(c, &words, lang),
            (None, Some(c)) => in_column(c, &words, lang),
            (None, None) => words,
        }
    }

    #[test]
    fn moved_errors_say_what_a_whole_error_says_at_their_own_place() {
        let bad = CellProblem::NotOne {
            text: "Tôt".into(),
            what: "grade",
            nearest: Some("tot".into()),
            names: vec![],
        };
        let kinds = [ErrorKind::Cell(bad), ErrorKind::NoId];
        let places = [
            (place("d/m.csv", None, At::Line(2), None), At::Line(31_415)),
            (place("m.json", None, At::Index(0), None), At::Index(7)),
            (place("m.xlsx", Some("DS"), At::Row(4), None), At::Row(12)),
            (place("m.csv", None, At::Line(2), None), At::Index(3)),
        ];
        for kind in &kinds {
            for column in [None, Some("tu_tuong")] {
                for (first, later) in &places {
                    let e = RecordError::placed(kind.clone(), Some(first), column);
                    let moved = e.moved(*later);
                    let there = Place { at: *later, ..first.clone() };
                    for lang in [Lang::Vi, Lang::En, Lang::Vi] {
                        assert_eq!(e.words(lang), eager(kind, Some(first), column, lang));
                        assert_eq!(moved.words(lang), eager(kind, Some(&there), column, lang));
                    }
                    assert!(moved.shares_words(&e));
                    assert_eq!(moved.text(), moved.words(Lang::En));
                    assert_eq!(moved.place(), Some(there));
                    assert_eq!((moved.kind(), moved.column()), (kind, column));
                }
                let nowhere = RecordError::placed(kind.clone(), None, column);
                assert_eq!(nowhere.words(Lang::Vi), eager(kind, None, column, Lang::Vi));
                assert!(!nowhere.is_placed());
            }
        }
    }

    #[test]
    fn an_error_is_three_words() {
        assert_eq!(std::mem::size_of::<RecordError>(), 24);
    }

    #[test]
    fn a_sheets_cell_is_said_whole() {
        let cell = place("m.xlsx", Some("DS"), At::Row(12), Some("C12"));
        let e = RecordError::placed(ErrorKind::NoId, Some(&cell), Some("a"));
        assert_eq!(e.words(Lang::En), "m.xlsx [DS] C12, column `a`: column `id` is missing or empty");
        assert_eq!(e.words(Lang::Vi), eager(&ErrorKind::NoId, Some(&cell), Some("a"), Lang::Vi));
        let placed_later = RecordError::new(ErrorKind::NoId).at(&cell);
        assert_eq!(placed_later.place(), Some(cell.clone()));
        // Moved, it cannot say the cell of another row: it says the row.
        let moved = e.moved(At::Row(13));
        assert_eq!(moved.words(Lang::En), "m.xlsx [DS] row 13, column `a`: column `id` is missing or empty");
        assert!(!moved.shares_words(&e));
    }
}
