//! The index from record ids to their position in the output, built once
//! after reading: (print, position) pairs sorted by print (a print is the
//! top 32 bits of the id's hash), with a directory by the print's top bits.
//! It borrows the ids from the outcomes (no id is stored twice), and
//! building it finds every repeated id in one sort instead of a hash probe
//! per record while reading.

use super::outcome::Outcome;
use hashbrown::DefaultHashBuilder;
use std::hash::BuildHasher;

#[derive(Default)]
pub struct Ids {
    /// (print, position) of each first occurrence, by the print's top
    /// [`SORTED_BITS`] bits, then position.
    sorted: Vec<(u32, u32)>,
    /// `sorted[starts[b]..starts[b + 1]]` holds the prints whose top `bits`
    /// bits are `b`.
    starts: Vec<u32>,
    bits: u32,
    hasher: IdHasher,
}

/// Prints ids for an index to be built later (`Ids::build`).
#[derive(Clone, Default)]
pub struct IdHasher(DefaultHashBuilder);

impl IdHasher {
    /// The id's print: the top half of its hash.
    pub fn print(&self, id: &str) -> u32 {
        (self.0.hash_one(id) >> 32) as u32
    }
}

/// The index is sorted by this many top bits of the prints: three passes
/// of a radix sort (the bits past them are told apart one by one, and a
/// million ids share a 24-bit key with one other at most, as a rule).
const SORTED_BITS: u32 = 24;

impl Ids {
    /// The position of the record with id `id`, if any.
    pub fn get(&self, outs: &[Outcome], id: &str) -> Option<usize> {
        if self.sorted.is_empty() {
            return None;
        }
        let hash = self.hasher.print(id);
        let b = self.bucket(hash);
        let (lo, hi) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        self.sorted[lo..hi]
            .iter()
            .find(|&&(h, i)| h == hash && &*outs[i as usize].id == id)
            .map(|&(_, i)| i as usize)
    }

    /// Indexes the records at `entries` (their id prints by `hasher`, and
    /// positions, in increasing position); a repeated id keeps its first
    /// position.
    /// Returns the index and each repeat as (position, first position).
    pub fn build(
        hasher: IdHasher,
        mut entries: Vec<(u32, u32)>,
        outs: &[Outcome],
    ) -> (Ids, Vec<(usize, usize)>) {
        debug_assert!(entries.windows(2).all(|w| w[0].1 < w[1].1), "entries in position order");
        // A stable radix sort by the print's top bits (radsort skips the
        // top byte, always zero) keeps equal keys in position order; the
        // few entries that share them are told apart by print and id.
        radsort::sort_by_key(&mut entries, |e| top(e.0));
        let mut repeats = Vec::new();
        let (mut kept, mut run) = (0, 0);
        for r in 0..entries.len() {
            let (h, i) = entries[r];
            if kept == 0 || top(entries[kept - 1].0) != top(h) {
                run = kept;
            }
            let id = &outs[i as usize].id;
            match entries[run..kept].iter().find(|(g, j)| *g == h && outs[*j as usize].id == *id) {
                Some(&(_, j)) => repeats.push((i as usize, j as usize)),
                None => {
                    entries[kept] = (h, i);
                    kept += 1;
                }
            }
        }
        entries.truncate(kept);
        entries.shrink_to_fit();
        let bits = (usize::BITS - entries.len().leading_zeros()).min(SORTED_BITS);
        let mut ids = Ids { sorted: entries, starts: Vec::new(), bits, hasher };
        ids.directory();
        (ids, repeats)
    }

    /// Indexes every outcome; a repeated id keeps its first position.
    #[cfg(test)]
    pub fn of(outs: &[Outcome]) -> Ids {
        let hasher = IdHasher::default();
        let entries = outs.iter().enumerate().map(|(i, o)| (hasher.print(&o.id), i as u32)).collect();
        Ids::build(hasher, entries, outs).0
    }

    /// The bucket of a print: its top `bits` bits (at most
    /// [`SORTED_BITS`], so buckets follow the order of [`top`]).
    fn bucket(&self, print: u32) -> usize {
        if self.bits == 0 { 0 } else { (print >> (32 - self.bits)) as usize }
    }

    fn directory(&mut self) {
        let buckets = 1usize << self.bits;
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut at = 0;
        for b in 0..buckets {
            while at < self.sorted.len() && self.bucket(self.sorted[at].0) < b {
                at += 1;
            }
            starts.push(at as u32);
        }
        starts.push(self.sorted.len() as u32);
        self.starts = starts;
    }
}

/// The sort key of a print: its top [`SORTED_BITS`] bits.
fn top(print: u32) -> u32 {
    print >> (32 - SORTED_BITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outs(ids: &[&str]) -> Vec<Outcome> {
        ids.iter()
            .map(|id| Outcome::error(id, None, crate::diag::RecordError::new(crate::diag::ErrorKind::NoId)))
            .collect()
    }

    #[test]
    fn finds_first_positions_and_repeats() {
        let o = outs(&["a", "b", "a", "c", "b", "a"]);
        let hasher = IdHasher::default();
        let entries = o.iter().enumerate().map(|(i, x)| (hasher.print(&x.id), i as u32)).collect();
        let (ids, mut repeats) = Ids::build(hasher, entries, &o);
        repeats.sort();
        assert_eq!(repeats, vec![(2, 0), (4, 1), (5, 0)]);
        assert_eq!(
            [ids.get(&o, "a"), ids.get(&o, "b"), ids.get(&o, "c"), ids.get(&o, "d")],
            [Some(0), Some(1), Some(3), None]
        );
        assert_eq!(Ids::default().get(&o, "a"), None);
    }

    #[test]
    fn tells_apart_ids_that_share_a_print_or_its_sorted_bits() {
        let o = outs(&["a", "b", "c", "b", "a"]);
        let x = 0xABCD_0100u32;
        // `a` and `c` share a whole print, `b` only its sorted bits.
        let entries = vec![(x, 0), (x | 1, 1), (x, 2), (x | 1, 3), (x, 4)];
        let (ids, mut repeats) = Ids::build(IdHasher::default(), entries, &o);
        repeats.sort();
        assert_eq!(repeats, vec![(3, 1), (4, 0)]);
        assert_eq!(ids.sorted, vec![(x, 0), (x | 1, 1), (x, 2)]);
    }

    #[test]
    fn finds_every_id_of_many() {
        let names: Vec<String> = (0..5000).map(|i| format!("DV{i}")).collect();
        let o = outs(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let ids = Ids::of(&o);
        assert!(names.iter().enumerate().all(|(i, n)| ids.get(&o, n) == Some(i)));
        assert_eq!(ids.get(&o, "DV5000"), None);
    }
}
