//! A CSV file read, converted and classified on several threads (`--jobs`):
//! each chunk of its rows (see [`crate::data::read_csv_chunked`]) goes
//! through a run of its own, exactly as one pass would take those rows; the
//! chunks' runs are then appended in input order, their record indices
//! moved (their outcomes written in place, see [`super::outs`]).
//! Everything that looks across records (repeated ids, refs, records that
//! read others, quotas, aggregates) comes after, on the whole run.

use super::Run;
use super::outs::{Outs, Windows};
use super::roles::roles;
use crate::data::{Chunk, Cut, DataError, FileRead, Memo, read_csv_chunked};
use crate::eval::outcome::Outcome;
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

    /// The pool, if a file needed it.
    pub fn built(&self) -> Option<&rayon::ThreadPool> {
        self.pool.as_ref()
    }
}

impl<'a> Run<'a> {
    /// An empty run for one chunk of file rows, its outcomes written in
    /// `outs`, room made for `rows`.
    fn part(&self, rows: usize, outs: Outs) -> Run<'a> {
        let mut part = Run {
            ev: self.ev,
            cols: self.cols,
            default_subject: self.default_subject,
            outs,
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
            present: vec![false; self.present.len()],
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

    /// Appends the records of `parts`, read in this order after all those
    /// so far (`whole` the outcomes, taken out of the run while the parts'
    /// windows, if any, were written in it); the positions and ids move on
    /// the threads of `pool`.
    fn absorb(
        &mut self,
        parts: Vec<Run<'a>>,
        whole: (Vec<Outcome>, Option<Windows>),
        pool: &rayon::ThreadPool,
    ) {
        let (mut whole, windows) = whole;
        let mut bases = Vec::with_capacity(parts.len());
        let (mut outs, mut positions, mut hashed, mut carried) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut base = whole.len();
        for mut part in parts {
            bases.push(base);
            carried.push(std::mem::take(&mut part.carried));
            self.unplaceable |= part.unplaceable;
            self.present.iter_mut().zip(&part.present).for_each(|(a, b)| *a |= b);
            self.pending.extend(part.pending.drain(..).map(|(i, values)| (i + base, values)));
            if self.captured.is_none()
                && let Some(mut c) = part.captured.take()
            {
                c.index += base;
                self.captured = Some(c);
            }
            base += part.outs.len();
            outs.push(std::mem::take(&mut part.outs));
            positions.push(part.positions);
            hashed.push(part.hashed);
        }
        match windows {
            Some(w) => w.join(&mut whole, outs),
            None => Outs::append(&mut whole, outs),
        }
        self.outs = Outs::Own(whole);
        // The carried cells' text is copied while the positions and ids move.
        let (all, into) = ((&mut self.positions, &mut self.hashed), &mut self.carried);
        pool.install(|| {
            rayon::join(
                || into.append(carried),
                || {
                    append_all(all.0, positions, |p, _| p);
                    append_all(all.1, hashed, |(h, i), k| (h, i + bases[k] as u32));
                },
            )
        });
    }

    /// Reads CSV file `fi` in chunks on `pool`; what reading it found.
    pub(super) fn read_chunked(
        &mut self,
        fi: usize,
        file: &Path,
        pool: &rayon::ThreadPool,
        header: &mut Option<crate::diag::FileProblem>,
    ) -> Result<FileRead, DataError> {
        let estimate = crate::data::estimate_rows(file);
        let size = std::fs::metadata(file).map_or(1, |m| m.len().max(1));
        let cut = Cut { jobs: pool.current_num_threads(), min: Cut::MIN };
        // The chunks write their outcomes in windows of the run's vector,
        // taken out of it meanwhile (and never touched until joined).
        let mut whole = std::mem::take(&mut self.outs).into_vec();
        let (mut windows, mut made) = (None, false);
        let this = &*self;
        let make = |headers: &[String], chunk: Chunk| {
            let window = chunk.most.and_then(|m| {
                if !std::mem::replace(&mut made, true) {
                    // SAFETY: `whole` is left alone until joined in `absorb`
                    // (on an error, until every window was dropped).
                    windows = unsafe { Windows::new(&mut whole, m.total) };
                }
                windows.as_mut()?.take(m.rows)
            });
            let guess = (estimate as u128 * chunk.bytes as u128 / u128::from(size)) as usize;
            let room = chunk.most.map_or(guess + guess / 16, |m| m.rows);
            let outs = window.map_or_else(Outs::default, Outs::Window);
            (this.part(room, outs), roles(headers, this.cols, &this.carried, None))
        };
        let read = read_csv_chunked(file, &this.read, pool, cut, make, |(run, r), headers, row| {
            run.row(fi, headers, r, row)
        });
        let (found, parts) = match read {
            Ok(read) => read,
            Err(e) => {
                self.outs = Outs::Own(whole);
                return Err(e);
            }
        };
        let before = whole.len();
        self.absorb(parts.into_iter().map(|(part, _)| part).collect(), (whole, windows), pool);
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

/// Moves the items of `parts` after those of `into`, in order, the parts
/// shared among the current pool's threads, `shift` given each item and
/// the number of its part (the positions and ids of a million records).
fn append_all<T: Send>(into: &mut Vec<T>, parts: Vec<Vec<T>>, shift: impl Fn(T, usize) -> T + Sync) {
    use rayon::prelude::*;
    let total: usize = parts.iter().map(Vec::len).sum();
    into.reserve_exact(total);
    let len = into.len();
    let mut rest = &mut into.spare_capacity_mut()[..total];
    let mut moves = Vec::with_capacity(parts.len());
    for (k, part) in parts.into_iter().enumerate() {
        let (here, after) = std::mem::take(&mut rest).split_at_mut(part.len());
        moves.push((here, part, k));
        rest = after;
    }
    moves.into_par_iter().for_each(|(here, part, k)| {
        for (slot, item) in here.iter_mut().zip(part) {
            slot.write(shift(item, k));
        }
    });
    // SAFETY: the parts' lengths add up to `total`, and each slot of the
    // `total` after `len` was written above by the part it was cut for (a
    // panic before this line leaves the length as it was: the items
    // written are leaked, never read).
    unsafe { into.set_len(len + total) };
}

#[cfg(test)]
mod tests {
    #[test]
    fn parts_are_appended_in_order_and_shifted() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        let mut into = vec![(0, 0)];
        let parts = vec![vec![(1, 0), (2, 1)], vec![], vec![(3, 0)]];
        pool.install(|| super::append_all(&mut into, parts, |(v, i), k| (v, i + 10 * k)));
        assert_eq!(into, [(0, 0), (1, 0), (2, 1), (3, 20)]);
        let strings = vec![vec![String::from("a")], vec![String::from("b"), String::from("c")]];
        let mut all = Vec::new();
        super::append_all(&mut all, strings, |s, _| s);
        assert_eq!(all, ["a", "b", "c"]);
    }
}
