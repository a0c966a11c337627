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
                // A chunk holds no more rows than its line ends, but for a
                // quoted cell cut by a NUL byte (a row without one, in a
                // file then in error): the outcomes move to a vector.
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

    /// Moves the outcomes of `parts` after those of `into`, in order, each
    /// part's as a whole: all taken out first, so that appending writes no
    /// slot a window still holds.
    pub fn append(into: &mut Vec<Outcome>, parts: Vec<Outs>) {
        let vecs: Vec<Vec<Outcome>> = parts.into_iter().map(Outs::into_vec).collect();
        for mut v in vecs {
            into.append(&mut v);
        }
    }

    /// The outcomes as a vector (a window's moved into one).
    pub fn into_vec(self) -> Vec<Outcome> {
        match self {
            Outs::Own(v) => v,
            Outs::Window(mut w) => {
                let mut v = Vec::with_capacity(w.len);
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

/// The room after a vector's outcomes, handed out as windows in order.
pub(super) struct Windows {
    base: NonNull<Outcome>,
    /// The vector's length when the room was made, the room, and where
    /// in it the next window starts.
    len: usize,
    room: usize,
    next: usize,
}

impl Windows {
    /// Room for `room` outcomes after those of `into` (`None` when the
    /// system refuses it).
    ///
    /// # Safety
    ///
    /// Until every window taken is dropped or given to [`Windows::join`]
    /// with this same `into`, `into` must not be reallocated, shrunk,
    /// dropped or written to: the windows write in its spare capacity.
    pub unsafe fn new(into: &mut Vec<Outcome>, room: usize) -> Option<Windows> {
        into.try_reserve_exact(room).ok()?;
        let base = NonNull::new(into.as_mut_ptr())?;
        Some(Windows { base, len: into.len(), room, next: 0 })
    }

    /// The next window, of `rows` slots (`None` past the room): windows
    /// follow one another, none overlap.
    pub fn take(&mut self, rows: usize) -> Option<Window> {
        let at = self.next;
        (at.checked_add(rows)? <= self.room).then(|| {
            self.next = at + rows;
            // SAFETY: `len + at + rows` is within the capacity reserved.
            Window { ptr: unsafe { self.base.add(self.len + at) }, len: 0, cap: rows, at }
        })
    }

    /// Gives `into` (the vector the room was made in) the outcomes of
    /// `parts` after its own, in order: the windows' slid down over the
    /// room their chunks left empty (none when each held as many rows as
    /// its line ends). Parts that are not this room's windows in order (a
    /// vector of its own, after a window overflowed) are all moved instead.
    pub fn join(self, into: &mut Vec<Outcome>, parts: impl IntoIterator<Item = Outs>) {
        let parts: Vec<Outs> = parts.into_iter().collect();
        if !self.in_order(into, &parts) {
            return Outs::append(into, parts);
        }
        let mut end = self.len;
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

    /// Whether `parts` are all windows of this room, in order, and `into`
    /// is still the vector it was made in.
    fn in_order(&self, into: &mut Vec<Outcome>, parts: &[Outs]) -> bool {
        let same = into.as_mut_ptr() == self.base.as_ptr() && into.len() == self.len;
        let mut end = 0;
        same && parts.iter().all(|p| match p {
            Outs::Window(w)
                if w.at >= end && w.ptr.as_ptr() == self.base.as_ptr().wrapping_add(self.len + w.at) =>
            {
                end = w.at + w.cap;
                true
            }
            _ => false,
        })
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
        // SAFETY: `whole` is left alone until joined.
        let mut windows = unsafe { Windows::new(&mut whole, rows.iter().sum()) }.unwrap();
        let mut parts = Vec::new();
        for (k, (&r, &n)) in rows.iter().zip(&wrote).enumerate() {
            let mut outs = Outs::Window(windows.take(r).unwrap());
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

    /// Parts not in the room's order (or not its windows) are moved, in
    /// the order given, each outcome once.
    #[test]
    fn parts_out_of_order_are_moved_not_slid() {
        let mut whole = vec![outcome("r0")];
        // SAFETY: `whole` is left alone until joined.
        let mut windows = unsafe { Windows::new(&mut whole, 4) }.unwrap();
        let (mut a, mut b) = (Outs::Window(windows.take(2).unwrap()), Outs::Window(windows.take(2).unwrap()));
        a.push(outcome("a"));
        b.push(outcome("b1"));
        b.push(outcome("b2"));
        let mut own = Outs::default();
        own.push(outcome("c"));
        windows.join(&mut whole, [b, a, own]);
        assert_eq!(ids(&whole), ["r0", "b1", "b2", "a", "c"]);
    }

    #[test]
    fn a_window_past_the_room_is_not_given_and_one_not_joined_drops_its_outcomes() {
        let mut whole = Vec::new();
        // SAFETY: `whole` is left alone until joined.
        let mut windows = unsafe { Windows::new(&mut whole, 4) }.unwrap();
        assert!(windows.take(5).is_none());
        assert!(windows.take(usize::MAX).is_none());
        let mut outs = Outs::Window(windows.take(4).unwrap());
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
