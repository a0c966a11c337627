//! Errors that many records of a file say alike (a bad spelling of a grade
//! in a column, a problem of the whole file) are made once and shared: each
//! record keeps only its own line (see [`crate::diag::RecordError::moved`]).

use super::Run;
use crate::data::At;
use crate::diag::{CellProblem, ErrorKind, RecordError};

/// At most this many distinct bad cells share their words (free text in a
/// column of grades would otherwise fill the table).
const CELLS_SAID: usize = 4096;

/// The errors of bad cells said so far, by file, column and problem.
pub(super) type CellsSaid =
    hashbrown::HashMap<(usize, usize, CellProblem), RecordError, rustc_hash::FxBuildHasher>;

impl Run<'_> {
    /// The error of a bad cell in column `col` of the record at `at`: the
    /// words of one said before in the same column of the same file, with
    /// this record's line.
    pub(super) fn cell_error(
        &mut self,
        (fi, at): (usize, At),
        headers: &[String],
        col: usize,
        e: CellProblem,
    ) -> RecordError {
        let column = headers.get(col).map_or("?", String::as_str);
        let placed = |run: &Run<'_>, e| {
            RecordError::placed(ErrorKind::Cell(e), Some(&run.place(fi, at, Some(column))), Some(column))
        };
        // A sheet's cell is named in each record's words.
        if self.sheets[fi].is_some() {
            return placed(self, e);
        }
        let key = (fi, col, e);
        if let Some(first) = self.cells_said.get(&key) {
            return first.moved(at.into());
        }
        let error = placed(self, key.2.clone());
        if self.cells_said.len() < CELLS_SAID {
            self.cells_said.insert(key, error.clone());
        }
        error
    }

    /// `kind` at `at` in file `fi`, sharing the words of `first`, the error
    /// said of an earlier record of the file (kept there when none was).
    pub(super) fn alike(
        &self,
        first: &mut Option<RecordError>,
        kind: impl FnOnce() -> ErrorKind,
        (fi, at): (usize, At),
    ) -> RecordError {
        if let Some(e) = first {
            return e.moved(at.into());
        }
        let e = RecordError::placed(kind(), Some(&self.at(fi, at)), None);
        *first = Some(e.clone());
        e
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::run::{Options, evaluate};
    use crate::lang::Lang;
    use std::path::{Path, PathBuf};

    fn errors(csv: &str) -> (Vec<Option<Box<crate::diag::RecordError>>>, PathBuf, tempfile::TempDir) {
        let model = crate::check::check_path(Path::new("tests/eval/errors.kh")).unwrap().model.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.csv");
        std::fs::write(&file, csv).unwrap();
        let opts = Options { year: 2024, ..Options::default() };
        let e = evaluate(&model, std::slice::from_ref(&file), &opts).unwrap();
        (e.outcomes.into_iter().map(|o| o.error).collect(), file, dir)
    }

    /// Two records with the same bad spelling in the same column share its
    /// words, and each names its own line; another spelling or column has
    /// words of its own.
    #[test]
    fn the_same_bad_cell_shares_its_words_and_each_record_its_line() {
        let (errors, file, _dir) = errors(
            "id,subject,nhiem_vu,diem,ngay,chi_bo_cua\n\
             A1,dang_vien,Tôt,5,1/1/2000,\nA2,dang_vien,Tôt,5,1/1/2000,\n\
             A3,dang_vien,tott,5,1/1/2000,\nA4,dang_vien,tot,55,1/1/2000,\nA5,dang_vien,Tôt,5,1/1/2000,\n",
        );
        let e: Vec<&crate::diag::RecordError> = errors.iter().map(|e| e.as_deref().unwrap()).collect();
        let f = file.display();
        let grade = "column `nhiem_vu`: `Tôt` is not a grade; did you mean `Tốt`?";
        assert_eq!(e[0].text(), format!("{f} line 2, {grade}"));
        assert_eq!(e[1].text(), format!("{f} line 3, {grade}"));
        assert_eq!(e[4].text(), format!("{f} line 6, {grade}"));
        let vi = "cột `nhiem_vu`: «Tôt» không phải là mức đánh giá; có phải là `Tốt`?";
        assert_eq!(e[4].words(Lang::Vi), format!("{f}, dòng 6, {vi}"));
        assert!(e[1].shares_words(e[0]) && e[4].shares_words(e[0]));
        assert!(!e[2].shares_words(e[0]) && !e[3].shares_words(e[0]));
        assert_eq!(e[3].text(), format!("{f} line 5, column `diem`: `55` is outside 0..=10"));
    }

    /// A file without an `id` column: every record is in error for it, with
    /// the same words at its own line.
    #[test]
    fn a_files_problem_is_said_once_for_all_its_records() {
        let (errors, file, _dir) = errors("ma,subject,nhiem_vu\nA1,dang_vien,tot\nA2,dang_vien,tot\n");
        let e: Vec<&crate::diag::RecordError> = errors.iter().map(|e| e.as_deref().unwrap()).collect();
        assert!(e[1].shares_words(e[0]));
        let f = file.display();
        assert!(e[0].text().starts_with(&format!("{f} line 2: ")), "{}", e[0].text());
        assert_eq!(e[1].text().replace("line 3", "line 2"), e[0].text());
    }
}
