//! The records of each subject, in input order, gathered once every input
//! is read: the records sorted by subject, found by binary search. Sorted
//! by counting when there are more records than subjects (a data file), by
//! comparison otherwise (a test block of a large plan), so that a run costs
//! its records, not a list per subject of the plan.

use crate::eval::outcome::Outcome;

#[derive(Debug, Default)]
pub(super) struct Groups {
    /// The subject of each entry of `records`, ascending.
    keys: Vec<u16>,
    /// The records with a subject, by subject, each subject's in input order.
    records: Vec<usize>,
}

impl Groups {
    /// The records of `outs` by subject, for a plan of `subjects` subjects.
    pub(super) fn new(outs: &[Outcome], subjects: usize) -> Groups {
        let mut pairs: Vec<(u16, usize)> = (outs.iter().enumerate())
            .filter_map(|(i, o)| o.subject.filter(|&s| usize::from(s) < subjects).map(|s| (s, i)))
            .collect();
        if pairs.len() >= subjects {
            counting_sort(&mut pairs, subjects);
        } else {
            pairs.sort_unstable();
        }
        Groups {
            keys: pairs.iter().map(|p| p.0).collect(),
            records: pairs.into_iter().map(|p| p.1).collect(),
        }
    }

    /// The records of subject `s`, in input order.
    pub(super) fn of(&self, s: usize) -> &[usize] {
        let start = self.keys.partition_point(|&k| usize::from(k) < s);
        let end = start + self.keys[start..].partition_point(|&k| usize::from(k) == s);
        &self.records[start..end]
    }
}

/// Sorts (subject, record) pairs given in record order by subject, keeping
/// record order within a subject.
fn counting_sort(pairs: &mut Vec<(u16, usize)>, subjects: usize) {
    let mut next = vec![0usize; subjects + 1];
    for &(s, _) in pairs.iter() {
        next[usize::from(s) + 1] += 1;
    }
    for s in 0..subjects {
        next[s + 1] += next[s];
    }
    let mut sorted = vec![(0, 0); pairs.len()];
    for &(s, i) in pairs.iter() {
        sorted[next[usize::from(s)]] = (s, i);
        next[usize::from(s)] += 1;
    }
    *pairs = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_grouped_by_subject_in_input_order() {
        let out = |s: Option<u16>| {
            let mut o = Outcome::blank();
            o.subject = s;
            o
        };
        let outs = [out(Some(2)), out(None), out(Some(0)), out(Some(2)), out(Some(9))];
        // Fewer records than subjects (sorted by comparison), and more.
        for subjects in [3, 100] {
            let g = Groups::new(&outs, subjects);
            assert_eq!((g.of(0), g.of(1), g.of(2)), (&[2][..], &[][..], &[0, 3][..]));
            assert_eq!(g.of(9).len(), usize::from(subjects > 9));
        }
        assert!(Groups::default().of(0).is_empty());
    }
}
