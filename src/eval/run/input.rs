//! Reading the inputs: a file's rows (a workbook's sheet first, so that
//! their messages name it), the subject of a record, and the index of ids
//! with the records whose id came before.

use super::chunked::Jobs;
use super::roles::{Roles, roles};
use super::{Groups, Run};
use crate::data::{CellRef, DataError, FileRead, Row, norm, read_file};
use crate::diag::{ErrorKind, FileProblem, RecordError};
use crate::eval::ids::Ids;
use crate::eval::outcome::Outcome;
use std::path::Path;

impl Run<'_> {
    /// Room for `more` records after those read (made for every input
    /// before reading; for a chunk's run; nothing to do when it holds them). Only a guess
    /// (a sparse file of zeros looks like millions of rows): when the
    /// system refuses that much, the vectors grow as records come.
    pub(super) fn room(&mut self, more: usize) {
        self.outs.try_reserve_exact(more);
        let _ = self.positions.try_reserve_exact(more);
        let _ = self.hashed.try_reserve_exact(more);
        self.carried.room(more);
    }

    pub(super) fn read(
        &mut self,
        fi: usize,
        file: &Path,
        jobs: &mut Jobs,
    ) -> Result<Vec<crate::diag::DataNote>, DataError> {
        let csv = file.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        // Only a CSV file is read in chunks (and only then is the pool built).
        let chunked = csv && crate::data::sheet::Book::named(file).is_none();
        if let Some(pool) = if chunked { jobs.pool() } else { None } {
            let before = self.outs.len();
            let mut header = None;
            let found = self.read_chunked(fi, file, pool, &mut header)?;
            return Ok(self.read_all(fi, file.display().to_string(), file, &found, before, header));
        }
        let mut roles_for: Option<(usize, Roles)> = None;
        // A workbook's sheet is known before its rows: their messages name it.
        let book = crate::data::sheet::Book::named(file);
        let opened = book.map(|b| crate::data::sheet::open(&b)).transpose()?;
        self.sheets[fi] = opened.as_ref().map(|o| o.sheet.clone());
        let name = match &self.sheets[fi] {
            Some(s) => format!("{} [{}]", s.file.display(), s.name),
            None => file.display().to_string(),
        };
        let read = self.read.clone();
        let before = self.outs.len();
        // A problem of the header (two columns for one item, no `id`).
        let mut header = None;
        let each = |headers: &[String], row: Row<'_>| {
            if roles_for.as_ref().is_none_or(|(n, _)| *n != headers.len()) {
                let r = roles(headers, self.cols, &self.carried, None);
                self.lacking.retain(|l| l.0 != fi);
                self.lacking.extend(r.lacking.iter().map(|(s, c, p)| (fi, *s, c.clone(), p.clone())));
                header = header.take().or_else(|| r.problem.clone());
                roles_for = Some((headers.len(), r));
            }
            if let Some((_, r)) = &roles_for {
                self.row(fi, headers, r, row);
            }
        };
        let found = match opened {
            Some(sheet) => FileRead { headers: sheet.hand(each), ..FileRead::default() },
            None => read_file(file, &read, each)?,
        };
        Ok(self.read_all(fi, name, file, &found, before, header))
    }

    /// Once file `fi` (named `name`) is read from record `before` on: every
    /// record of a file with a problem is in error, marked once all are read
    /// (they keep their subject and groups); the notes about the file.
    fn read_all(
        &mut self,
        fi: usize,
        name: String,
        file: &Path,
        found: &FileRead,
        before: usize,
        header: Option<FileProblem>,
    ) -> Vec<crate::diag::DataNote> {
        if let Some(p) = found.problem.as_ref().or(header.as_ref()) {
            self.fail_file(fi, before, p);
        }
        self.notes(&name, file, found, self.outs.len() - before)
    }
    pub(super) fn subject_of(&self, cell: Option<CellRef<'_>>) -> Result<usize, ErrorKind> {
        let spelled = match cell {
            Some(CellRef::Raw(b)) => self.cols.subject_spelled(b),
            Some(CellRef::Text(t)) => self.cols.subject_spelled(t.as_bytes()),
            _ => None,
        };
        if let Some(s) = spelled {
            return Ok(s);
        }
        match cell.filter(|c| !c.is_empty()) {
            Some(c) => {
                let text = c.checked().map_err(ErrorKind::SubjectCell)?.text();
                self.cols.subject_titles.get(&norm(text)).copied().ok_or_else(|| {
                    let names = self.ev.model.plan.subjects.iter().map(|s| s.name.name.as_str());
                    let suggestion = crate::suggest::closest(text.trim(), names);
                    ErrorKind::UnknownSubject { name: text.trim().to_string(), suggestion }
                })
            }
            None => self.default_subject.ok_or(ErrorKind::NoSubject),
        }
    }
    /// Groups the records read by subject (of a plan of `subjects`) and
    /// indexes their ids, side by side on `pool`'s threads; a record whose
    /// id came before is an error that says where it first was.
    pub(super) fn group_and_index(&mut self, subjects: usize, pool: Option<&rayon::ThreadPool>) {
        let (outs, hashed) = (&self.outs, std::mem::take(&mut self.hashed));
        let group = || Groups::new(outs, subjects);
        let index = || Ids::build(self.hasher.clone(), hashed, outs);
        let (groups, (ids, repeats)) = match pool {
            Some(pool) => pool.join(group, index),
            None => (group(), index()),
        };
        (self.by_subject, self.ids) = (groups, ids);
        for (i, first) in repeats {
            let ((fi, at), (ffi, fat)) = (self.positions[i].get(), self.positions[first].get());
            let o = &self.outs[i];
            let kind = ErrorKind::RepeatedId { id: o.id.to_string(), first: self.at(ffi, fat) };
            let error = RecordError::placed(kind, Some(&self.at(fi, at)), None);
            self.outs[i] = Outcome::error(&o.id.clone(), o.subject, error);
            if self.captured.as_ref().is_some_and(|c| c.index == i) {
                self.captured = None;
            }
        }
    }
}
