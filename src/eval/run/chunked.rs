//! A CSV file read, converted and classified on several threads (`--jobs`):
//! each chunk of its rows (see [`crate::data::read_csv_chunked`]) goes
//! through a run of its own, exactly as one pass would take those rows; the
//! chunks' runs are then appended in input order, their record indices
//! moved. Everything that looks across records (repeated ids, refs, records
//! that read others, quotas, aggregates) comes after, on the whole run.

use super::Run;
use super::roles::roles;
use crate::data::{Cut, DataError, FileRead, Memo, read_csv_chunked};
use std::path::Path;

/// The threads of a run: how many, and their pool once a file needs it.
pub(crate) struct Jobs {
    pub n: usize,
    pool: Option<rayon::ThreadPool>,
}

impl Jobs {
    pub fn new(n: usize) -> Jobs {
        Jobs { n, pool: None }
    }

    /// The pool of `n` threads, built the first time (`None` for one
    /// thread, or when the system gives no threads: one pass then).
    pub fn pool(&mut self) -> Option<&rayon::ThreadPool> {
        if self.n > 1 && self.pool.is_none() {
            self.pool = rayon::ThreadPoolBuilder::new().num_threads(self.n).build().ok();
        }
        self.pool.as_ref()
    }
}

impl<'a> Run<'a> {
    /// An empty run for one chunk of file rows, room made for `rows`.
    fn part(&self, rows: usize) -> Run<'a> {
        let mut part = Run {
            ev: self.ev,
            cols: self.cols,
            default_subject: self.default_subject,
            outs: Vec::new(),
            positions: Vec::new(),
            unplaceable: false,
            ids: Default::default(),
            hashed: Vec::new(),
            hasher: self.hasher.clone(),
            buf: Vec::new(),
            memos: self.memos.iter().map(Memo::fresh).collect(),
            pending: Vec::new(),
            by_subject: Default::default(),
            files: self.files.clone(),
            sheets: self.sheets.clone(),
            capture: self.capture.clone(),
            captured: None,
            read: self.read.clone(),
            forced: None,
            lacking: Vec::new(),
            said: Vec::new(),
            problems: Vec::new(),
            carried: self.carried.fresh(),
            cells_said: Default::default(),
        };
        part.room(rows);
        // Only the first record with the id asked for is captured.
        if self.captured.is_some() {
            part.capture = None;
        }
        part
    }

    /// Appends the records of `part`, read after all those so far.
    fn absorb(&mut self, part: Run<'a>) {
        let base = self.outs.len();
        self.outs.extend(part.outs);
        self.positions.extend(part.positions);
        self.carried.append(part.carried);
        self.unplaceable |= part.unplaceable;
        self.hashed.extend(part.hashed.into_iter().map(|(h, i)| (h, i + base as u32)));
        self.pending.extend(part.pending.into_iter().map(|(i, values)| (i + base, values)));
        if self.captured.is_none()
            && let Some(mut c) = part.captured
        {
            c.index += base;
            self.captured = Some(c);
        }
    }

    /// Reads CSV file `fi` in chunks on `pool`; what reading it found.
    pub(super) fn read_chunked(
        &mut self,
        fi: usize,
        file: &Path,
        pool: &rayon::ThreadPool,
        header: &mut Option<crate::diag::FileProblem>,
    ) -> Result<FileRead, DataError> {
        let rows = crate::data::estimate_rows(file);
        let size = std::fs::metadata(file).map_or(1, |m| m.len().max(1));
        let cut = Cut { jobs: pool.current_num_threads(), min: Cut::MIN };
        let this = &*self;
        let make = |headers: &[String], bytes: usize| {
            let guess = (rows as u128 * bytes as u128 / u128::from(size)) as usize;
            (this.part(guess + guess / 16), roles(headers, this.cols, &this.carried, None))
        };
        let (found, parts) =
            read_csv_chunked(file, &this.read, pool, cut, make, |(run, r), headers, row| {
                run.row(fi, headers, r, row)
            })?;
        let before = self.outs.len();
        let total: usize = parts.iter().map(|(p, _)| p.outs.len()).sum();
        self.room(total);
        for (part, _) in parts {
            self.absorb(part);
        }
        // The header's problems, as one pass finds them at the first row.
        if self.outs.len() > before {
            let r = roles(&found.headers, self.cols, &self.carried, None);
            self.lacking.retain(|l| l.0 != fi);
            self.lacking.extend(r.lacking.iter().map(|(s, c, p)| (fi, *s, c.clone(), p.clone())));
            *header = r.problem;
        }
        Ok(found)
    }
}
