//! A run's outcomes: a vector of its own, or, for the run of one chunk of a
//! file read on several threads, a window of the whole run's vector, so
//! that the outcomes of a million records are written once, where they
//! stay, not written by the chunks and then moved (issue 22: the move and
//! its fresh pages were a tenth of a two-thread run, docs/PERFORMANCE.md).

use crate::eval::outcome::Outcome;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

pub(super) enum Outs {
    Own(Vec<Outcome>),
    Window(Window),
}

/// Room for `cap` outcomes in another run's vector, the first `len` written.
pub(super) struct Window {
    ptr: NonNull<Outcome>,
    len: usize,
    cap: usize,
    /// Where it starts in that vector.
    at: usize,
}

// SAFETY: a window owns the outcomes it holds (as a vector does), no two
// windows share a slot (see `Windows::take`), and a shared window only
// reads them.
unsafe impl Send for Window {}
unsafe impl Sync for Window {}

impl Drop for Window {
    fn drop(&mut self) {
        // SAFETY: the first `len` slots were written and are owned here (a
        // window taken back by `Windows::join` is emptied first).
        unsafe { std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len)) }
    }
}

impl Default for Outs {
    fn default() -> Outs {
        Outs::Own(Vec::new())
    }
}

impl Outs {
    #[inline]
    pub fn push(&mut self, o: Outcome) {
        match self {
            Outs::Own(v) => v.push(o),
            Outs::Window(w) if w.len < w.cap => {
                // SAFETY: slot `len` is below `cap`, inside the window, not written yet.
                unsafe { w.ptr.as_ptr().add(w.len).write(o) };
                w.len += 1;
            }
            Outs::Window(_) => {
                // Never when a chunk holds the rows its line ends bound;
                // if it did, the outcomes move to a vector of their own.
                let mut v = std::mem::take(self).into_vec();
                v.push(o);
                *self = Outs::Own(v);
            }
        }
    }

    pub fn try_reserve_exact(&mut self, more: usize) {
        if let Outs::Own(v) = self {
            let _ = v.try_reserve_exact(more);
        }
    }

    /// The outcomes as a vector (a window's moved into one).
    pub fn into_vec(self) -> Vec<Outcome> {
        match self {
            Outs::Own(v) => v,
            Outs::Window(mut w) => {
                let mut v = Vec::with_capacity(w.len + 1);
                // SAFETY: the window's first `len` slots are written and
                // owned by it; they are read once, its length set to 0 so
                // that it drops none of them.
                unsafe {
                    std::ptr::copy_nonoverlapping(w.ptr.as_ptr(), v.as_mut_ptr(), w.len);
                    v.set_len(w.len);
                }
                w.len = 0;
                v
            }
        }
    }
}

impl Deref for Outs {
    type Target = [Outcome];
    #[inline]
    fn deref(&self) -> &[Outcome] {
        match self {
            Outs::Own(v) => v,
            // SAFETY: the first `len` slots are written and owned by the window.
            Outs::Window(w) => unsafe { std::slice::from_raw_parts(w.ptr.as_ptr(), w.len) },
        }
    }
}

impl DerefMut for Outs {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Outcome] {
        match self {
            Outs::Own(v) => v,
            // SAFETY: as for `deref`, and the window is borrowed mutably.
            Outs::Window(w) => unsafe { std::slice::from_raw_parts_mut(w.ptr.as_ptr(), w.len) },
        }
    }
}

/// The room after a vector's outcomes, handed out as windows.
pub(super) struct Windows {
    base: NonNull<Outcome>,
    /// The vector's length when the room was made, and the room.
    len: usize,
    room: usize,
}

impl Windows {
    /// Room for `room` outcomes after those of `into` (`None` when the
    /// system refuses it). Until [`Windows::join`], `into` must not be
    /// touched: the windows write in its spare capacity.
    pub fn new(into: &mut Vec<Outcome>, room: usize) -> Option<Windows> {
        into.try_reserve_exact(room).ok()?;
        let base = NonNull::new(into.as_mut_ptr())?;
        Some(Windows { base, len: into.len(), room })
    }

    /// The window of `rows` slots `before` slots into the room (`None`
    /// past it). Each window must be taken once, and none overlap: the
    /// chunks' `before` are the sums of the `rows` before them.
    pub fn take(&self, before: usize, rows: usize) -> Option<Window> {
        (before.checked_add(rows)? <= self.room).then(|| Window {
            // SAFETY: `len + before + rows` is within the capacity reserved.
            ptr: unsafe { self.base.add(self.len + before) },
            len: 0,
            cap: rows,
            at: before,
        })
    }

    /// Gives `into` the outcomes of `parts` after its own, in order: the
    /// windows' slid down over the room that their chunks left empty (none
    /// when each held as many rows as its line ends), a part's own vector
    /// moved in.
    pub fn join(self, into: &mut Vec<Outcome>, parts: impl IntoIterator<Item = Outs>) {
        let parts: Vec<Outs> = parts.into_iter().collect();
        if parts.iter().any(|p| matches!(p, Outs::Own(_))) {
            // Windows and vectors mixed (a window overflowed): all moved
            // out first, so that appending writes no slot still held.
            let vecs: Vec<Vec<Outcome>> = parts.into_iter().map(Outs::into_vec).collect();
            into.extend(vecs.into_iter().flatten());
            return;
        }
        let mut end = self.len;
        debug_assert_eq!(into.len(), self.len);
        for part in parts {
            let Outs::Window(mut w) = part else { continue };
            let from = self.len + w.at;
            if from != end {
                // SAFETY: both ranges lie in the reserved room; the slots
                // after `end` before `from` are empty (or already moved),
                // and `copy` allows the overlap of a slide down.
                unsafe { std::ptr::copy(w.ptr.as_ptr(), self.base.as_ptr().add(end), w.len) };
            }
            end += w.len;
            w.len = 0;
        }
        // SAFETY: the slots `self.len..end` were written by the windows, in
        // order, and each window gave up its outcomes above.
        unsafe { into.set_len(end) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(id: &str) -> Outcome {
        let mut o = Outcome::blank();
        // Longer than inline: a heap id, so that a slot dropped twice or
        // read after a move would show.
        o.id = format!("{id}-a-long-id-held-on-the-heap").into();
        o
    }

    fn ids(v: &[Outcome]) -> Vec<String> {
        v.iter().map(|o| o.id.split('-').next().unwrap_or_default().to_string()).collect()
    }

    /// Three chunks of `rows` slots each write `wrote` outcomes in their
    /// windows after the run's own; joined, the outcomes are in order.
    fn three(rows: [usize; 3], wrote: [usize; 3]) -> Vec<String> {
        let mut whole = vec![outcome("r0")];
        let windows = Windows::new(&mut whole, rows.iter().sum()).unwrap();
        let mut before = 0;
        let mut parts = Vec::new();
        for (k, (&r, &n)) in rows.iter().zip(&wrote).enumerate() {
            let mut outs = Outs::Window(windows.take(before, r).unwrap());
            before += r;
            for i in 0..n {
                outs.push(outcome(&format!("c{k}.{i}")));
            }
            assert_eq!(ids(&outs).len(), n);
            outs[0].tier = Some(k as u8);
            parts.push(outs);
        }
        windows.join(&mut whole, parts);
        // What a chunk changed in its window after writing it stays.
        let firsts = wrote.iter().scan(1, |at, &n| Some(std::mem::replace(at, *at + n)));
        assert_eq!(firsts.map(|at| whole[at].tier).collect::<Vec<_>>(), [Some(0), Some(1), Some(2)]);
        ids(&whole)
    }

    #[test]
    fn windows_join_in_order_with_or_without_room_left() {
        let want = ["r0", "c0.0", "c0.1", "c1.0", "c2.0", "c2.1", "c2.2"];
        // Full windows: nothing moves; room left: slid down; a window
        // overflowed: its outcomes and all the others moved out, in order.
        assert_eq!(three([2, 1, 3], [2, 1, 3]), want);
        assert_eq!(three([4, 2, 5], [2, 1, 3]), want);
        assert_eq!(three([2, 1, 1], [2, 1, 3]), want);
        assert_eq!(three([1, 1, 3], [2, 1, 3]), want);
    }

    #[test]
    fn a_window_past_the_room_is_not_given_and_one_not_joined_drops_its_outcomes() {
        let mut whole = Vec::new();
        let windows = Windows::new(&mut whole, 4).unwrap();
        assert!(windows.take(3, 2).is_none());
        assert!(windows.take(usize::MAX, 2).is_none());
        let mut outs = Outs::Window(windows.take(0, 4).unwrap());
        outs.push(outcome("a"));
        outs.push(outcome("b"));
        drop(outs);
        // Joining nothing leaves the run's outcomes as they were.
        windows.join(&mut whole, []);
        assert!(whole.is_empty());
        let mut own = Outs::default();
        own.push(outcome("x"));
        assert_eq!(ids(&own.into_vec()), ["x"]);
    }
}
