//! The evaluation run: read every input record, classify those that read no
//! other record as they arrive, then the rest in dependency order, applying
//! quotas as each population completes. Every input row gives one outcome,
//! in input order.

use super::Evaluator;
use super::carry::Carried;
use super::ids::{IdHasher, Ids};
use super::outcome::{Outcome, Status};
use super::record::NoLookup;
use super::trace::{Captured, Step, Trace};
use crate::check::Model;
use crate::data::{At, CellRef, Cells, Columns, DataError, Memo, OwnedRow, Pos, ReadOptions, Row, Sheet};
use crate::diag::{DataNote, ErrorKind, FileProblem, RecordError, RowProblem};
use crate::vocab::value::Value;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

mod chunked;
mod finish;
mod groups;
mod input;
mod notes;
mod outs;
mod roles;
mod shared;

use groups::Groups;
use outs::Outs;
use shared::CellsSaid;

use roles::{Roles, roles};

/// Where records come from: a data file, or rows made in memory (test blocks).
pub enum Input {
    File(PathBuf),
    Rows { name: PathBuf, headers: Vec<String>, rows: Vec<OwnedRow> },
}

impl Input {
    /// About how many records the input holds.
    fn rows(&self) -> usize {
        match self {
            Input::File(p) => crate::data::estimate_rows(p),
            Input::Rows { rows, .. } => rows.len(),
        }
    }

    fn name(&self) -> &Path {
        match self {
            Input::File(p) | Input::Rows { name: p, .. } => p,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    /// The subject of records that have no `subject` column or value.
    pub subject: Option<String>,
    /// Keep the values of the record with this id (for `explain`).
    pub capture: Option<String>,
    /// How data files are read (the CSV delimiter, …).
    pub read: ReadOptions,
}

pub struct Evaluation {
    pub outcomes: Vec<Outcome>,
    /// Where each outcome's record was: its file index and line or index.
    pub positions: Vec<Pos>,
    pub files: Vec<PathBuf>,
    /// Per file: the workbook sheet its records were read from, if any.
    pub sheets: Vec<Option<Sheet>>,
    pub warnings: Vec<DataNote>,
    /// Problems of whole files, each said once (their records are in error).
    pub problems: Vec<DataNote>,
    /// The record `explain` asked for: its index, values and trace.
    pub captured: Option<Captured>,
    /// The columns carried to the output (`display`, `--keep`) and their cells.
    pub carried: Carried,
    /// The threads the run was given (`--jobs`): its outputs are made on as many.
    pub threads: usize,
}

struct Run<'a> {
    ev: &'a Evaluator<'a>,
    cols: &'a Columns,
    default_subject: Option<usize>,
    outs: Outs,
    positions: Vec<Pos>,
    /// A record's position did not fit a [`Pos`].
    unplaceable: bool,
    ids: Ids,
    /// (id print, position) of each record to index once all are read.
    hashed: Vec<(u32, u32)>,
    hasher: IdHasher,
    /// The values of the record being read, reused from row to row.
    buf: Vec<Option<Value>>,
    /// Per subject: the spellings of its vocabulary cells converted so far.
    memos: Vec<Memo>,
    pending: Vec<(usize, Vec<Option<Value>>)>,
    /// Per subject: the positions of its records, in input order (once all are read).
    by_subject: Groups,
    files: Vec<PathBuf>,
    sheets: Vec<Option<Sheet>>,
    capture: Option<String>,
    captured: Option<Captured>,
    read: ReadOptions,
    /// The problem of the row being read, when it is read in error anyway.
    forced: Option<RowProblem>,
    /// Per file: the criteria its header lacks (subject, criterion, problem).
    lacking: Vec<(usize, usize, String, FileProblem)>,
    /// Whether file `f` had records of subject `s` (at `f × subjects + s`).
    present: Vec<bool>,
    /// File-level problems found so far, by file, each said once.
    said: Vec<(usize, FileProblem)>,
    problems: Vec<DataNote>,
    carried: Carried,
    /// The errors of bad cells said so far, by file, column and problem:
    /// the records with the same bad cell share their words.
    cells_said: CellsSaid,
}

pub fn evaluate(model: &Model, files: &[PathBuf], opts: &Options) -> Result<Evaluation, DataError> {
    let ev = Evaluator::new(model, opts.year, opts.as_of);
    let inputs: Vec<Input> = files.iter().cloned().map(Input::File).collect();
    evaluate_with(&ev, inputs, opts)
}

/// [`evaluate_carrying`] with the plan's own `display` columns.
pub fn evaluate_with(
    ev: &Evaluator<'_>,
    inputs: Vec<Input>,
    opts: &Options,
) -> Result<Evaluation, DataError> {
    evaluate_carrying(ev, inputs, opts, &[])
}

/// Evaluates every input, carrying the plan's `display` columns and those
/// of `keep` (`--keep`) to the output.
pub fn evaluate_carrying(
    ev: &Evaluator<'_>,
    inputs: Vec<Input>,
    opts: &Options,
    keep: &[String],
) -> Result<Evaluation, DataError> {
    let model = ev.model;
    let default_subject = match &opts.subject {
        Some(name) => Some(
            model
                .names
                .subjects
                .get(name)
                .copied()
                .ok_or_else(|| DataError(crate::diag::DataFail::NoSuchSubject(name.clone())))?,
        ),
        None if model.plan.subjects.len() == 1 => Some(0),
        None => None,
    };
    let mut run = Run {
        ev,
        cols: &ev.columns,
        default_subject,
        outs: Outs::default(),
        positions: Vec::new(),
        unplaceable: false,
        ids: Ids::default(),
        hashed: Vec::new(),
        hasher: IdHasher::default(),
        buf: Vec::new(),
        memos: (ev.prepared.iter()).map(|p| Memo::with_texts(ev.passes.cell_memo, &p.kept)).collect(),
        pending: Vec::new(),
        by_subject: Groups::default(),
        files: inputs.iter().map(|i| i.name().to_path_buf()).collect(),
        sheets: vec![None; inputs.len()],
        capture: opts.capture.clone(),
        captured: None,
        read: ReadOptions { compose_memo: ev.passes.cell_memo, ..opts.read.clone() },
        forced: None,
        lacking: Vec::new(),
        present: vec![false; inputs.len() * ev.columns.subjects.len()],
        said: Vec::new(),
        problems: Vec::new(),
        carried: Carried::new(model.plan.display.as_ref(), keep),
        cells_said: CellsSaid::default(),
    };
    let mut warnings = Vec::new();
    if inputs.len() > Pos::FILES {
        return Err(DataError(crate::diag::DataFail::TooManyFiles(Pos::FILES)));
    }
    // Room for every input's records at once: growing the outcomes while
    // reading the second file would copy those of the first (peak memory twice theirs).
    run.room(inputs.iter().map(Input::rows).fold(0, usize::saturating_add));
    let mut jobs = chunked::Jobs::new(opts.read.threads());
    for (fi, input) in inputs.into_iter().enumerate() {
        match input {
            Input::File(file) => warnings.extend(run.read(fi, &file, &mut jobs)?),
            Input::Rows { headers, rows, .. } => {
                let named = run.subjects_named(&headers, &rows);
                let r = roles(&headers, run.cols, &run.carried, Some(&named));
                let before = run.outs.len();
                for row in &rows {
                    run.row(fi, &headers, &r, row.as_row());
                }
                if let Some(p) = &r.problem {
                    run.fail_file(fi, before, p);
                }
            }
        }
    }
    if run.unplaceable {
        return Err(DataError(crate::diag::DataFail::TooManyLines));
    }
    // Several threads for many records (a test block's few need none) or
    // when reading built the pool already (a CSV file read in chunks).
    let pool = if run.outs.len() >= 1 << 15 { jobs.pool() } else { jobs.built() };
    run.group_and_index(model.plan.subjects.len(), pool);
    run.check_refs(pool);
    warnings.extend(run.missing_subjects());
    let waited = run.finish(pool);
    run.none_pending(&waited);
    run.name_missing_columns();
    Ok(Evaluation {
        outcomes: run.outs.into_vec(),
        positions: run.positions,
        files: run.files,
        sheets: run.sheets,
        warnings,
        problems: run.problems,
        captured: run.captured,
        carried: run.carried,
        threads: jobs.n,
    })
}

impl Run<'_> {
    fn at(&self, fi: usize, at: At) -> crate::diag::Place {
        self.place(fi, at, None)
    }

    /// Where a record is, in words; in a sheet, the cell of `column`.
    fn place(&self, fi: usize, at: At, column: Option<&str>) -> crate::diag::Place {
        crate::data::place(&self.files[fi], self.sheets[fi].as_ref(), at, column)
    }

    fn row(&mut self, fi: usize, headers: &[String], roles: &Roles, row: Row) {
        let index = self.outs.len();
        let pos = Pos::new(fi, row.at).unwrap_or_else(|| {
            self.unplaceable = true;
            Pos::default()
        });
        self.positions.push(pos);
        self.carried.push(&roles.carry, &row.cells);
        // The outcome is filled where it stays: no copy of it per record.
        self.outs.push(Outcome::blank());
        let broken = row.broken.clone();
        // Where the row is, in words: made only for a row in error.
        let placed = |kind, column: Option<&str>| {
            Box::new(RecordError::placed(kind, Some(&self.place(fi, row.at, column)), column))
        };
        let cell = |col: Option<usize>| col.and_then(|c| row.cells.get(c));
        let plain = match (&row.cells, roles.id) {
            (Cells::Csv(cells), Some(col)) => cells.plain(col).map(|t| Ok(CellRef::Text(t))),
            _ => None,
        };
        let id = plain.or_else(|| cell(roles.id).filter(|c| !c.is_empty()).map(CellRef::checked));
        let outcome = match (broken, id) {
            // A row in error with an id is still read for its subject and
            // groups (counted records in error make their counters errors);
            // its error is the row's problem.
            (Some(problem), Some(Ok(id))) => {
                self.forced = Some(problem);
                let id = id.text().trim();
                let r = self.record(index, (fi, row.at), headers, roles, &row, id, cell(roles.subject));
                self.forced = None;
                r
            }
            (Some(problem), id) => {
                let id = id.and_then(Result::ok).map_or("", |c| c.text().trim());
                Err((id.to_string(), None, placed(ErrorKind::Row(problem), None)))
            }
            (None, None) => Err((String::new(), None, placed(ErrorKind::NoId, None))),
            (None, Some(Err(e))) => Err((String::new(), None, placed(ErrorKind::Cell(e), Some("id")))),
            (None, Some(Ok(id))) => {
                let id = id.text().trim();
                self.record(index, (fi, row.at), headers, roles, &row, id, cell(roles.subject))
            }
        };
        if let Err((id, subject, error)) = outcome {
            self.outs[index] = Outcome::error(&id, subject, *error);
        }
        if self.captured.is_none() && self.capture.as_deref() == Some(self.outs[index].id.as_str()) {
            let steps =
                self.outs[index].error_text().map(|m| Step::Failed(m.to_string())).into_iter().collect();
            self.captured = Some(Captured { index, values: Vec::new(), trace: Trace { steps } });
        }
        self.locate(index);
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        index: usize,
        (fi, at): (usize, At),
        headers: &[String],
        roles: &Roles,
        row: &Row,
        id: &str,
        subject: Option<CellRef<'_>>,
    ) -> Result<(), (String, Option<u16>, Box<RecordError>)> {
        let s = match self.subject_of(subject) {
            Ok(s) => s,
            Err(kind) => {
                let kind = self.forced.take().map_or(kind, ErrorKind::Row);
                return Err((
                    id.to_string(),
                    None,
                    Box::new(RecordError::placed(kind, Some(&self.at(fi, at)), None)),
                ));
            }
        };
        self.hashed.push((self.hasher.print(id), index as u32));
        if let Some(p) = self.present.get_mut(fi * self.cols.subjects.len() + s) {
            *p = true;
        }
        let mut values = std::mem::take(&mut self.buf);
        let n = self.cols.subjects[s].kinds.len();
        if values.len() == n {
            values.iter_mut().filter(|v| v.is_some()).for_each(|v| *v = None);
        } else {
            values.clear();
            values.resize(n, None);
        }
        self.classify_row(s, (fi, at), index, headers, roles, row, id, &mut values);
        self.buf = values;
        Ok(())
    }

    /// Converts the row's cells and classifies it into `outs[index]` (or
    /// keeps it for later when it reads other records).
    #[allow(clippy::too_many_arguments)]
    fn classify_row(
        &mut self,
        s: usize,
        (fi, at): (usize, At),
        index: usize,
        headers: &[String],
        roles: &Roles,
        row: &Row,
        id: &str,
        values: &mut [Option<Value>],
    ) {
        let kinds = &self.cols.subjects[s].kinds;
        let first_error = roles.slots(s).convert(kinds, &row.cells, values, &mut self.memos[s]);
        let first_error = match self.forced.take() {
            Some(p) => Some(RecordError::placed(ErrorKind::Row(p), Some(&self.at(fi, at)), None)),
            None => first_error.map(|(col, e)| self.cell_error((fi, at), headers, col, e)),
        };
        let keep = |values: &[Option<Value>]| Outcome::keep(&self.ev.prepared[s].kept, values);
        let captured = self.capture.as_deref() == Some(id) && self.captured.is_none();
        if captured {
            let steps = first_error.iter().map(|m| Step::Failed(m.text().to_string())).collect();
            self.captured = Some(Captured { index, values: values.to_vec(), trace: Trace { steps } });
        }
        if let Some(message) = first_error {
            // Kept values still say which groups the record belongs to.
            let mut o = Outcome::error(id, Some(s as u16), message);
            o.kept = keep(values);
            self.outs[index] = o;
            return;
        }
        if self.ev.prepared[s].has_deps {
            self.pending.push((index, values.to_vec()));
            let mut o = Outcome::blank();
            (o.id, o.subject, o.status) = (id.into(), Some(s as u16), Status::Pending);
            o.kept = keep(values);
            self.outs[index] = o;
            return;
        }
        let ev = self.ev;
        match self.captured.as_mut().filter(|_| captured) {
            Some(c) => self.outs[index] = ev.classify(s, id, values, &NoLookup, Some(&mut c.trace)),
            None => ev.classify_taking(s, id, values, &NoLookup, &mut self.outs[index]),
        }
    }

    /// An error found while classifying (missing values, hooks, quotas) gets
    /// the record's file and line in front, like errors found while reading.
    fn locate(&mut self, i: usize) {
        if self.outs[i].error.as_ref().is_some_and(|e| !e.is_placed()) {
            let (fi, at) = self.positions[i].get();
            let column = self.outs[i].error.as_ref().and_then(|e| e.column());
            let here = self.place(fi, at, column);
            if let Some(e) = self.outs[i].error.take() {
                self.outs[i].error = Some(Box::new(e.at(&here)));
            }
        }
    }
}
