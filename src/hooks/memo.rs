//! Remembered hook results. A hook is a pure function of what it reads: the
//! sandbox has no clock, random, files or state kept between calls, and its
//! scope is reset per call. So a call that read `score`, `tier` and some of
//! `m`'s properties gives the same result for any record with the same
//! values there: the script takes the same path, reads the same properties
//! and does the same operations. Only calls that succeed and leave no notes
//! are remembered; the table is bounded.

use crate::exact::Exact;
use crate::vocab::value::Value;
use hashbrown::HashMap;

/// What a call read of the record, besides `score` and `tier`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reads {
    /// (slot, value) of each property read, in the order first read.
    pub slots: Vec<(usize, Option<Value>)>,
    /// The id, when the call read `m.id`.
    pub id: Option<Box<str>>,
}

impl Reads {
    pub fn clear(&mut self) {
        self.slots.clear();
        self.id = None;
    }

    /// Notes a read of `slot` (holding `value`).
    pub fn slot(&mut self, slot: usize, value: Option<&Value>) {
        if !self.slots.iter().any(|(s, _)| *s == slot) {
            self.slots.push((slot, value.cloned()));
        }
    }

    /// Whether a record with these values and id reads the same.
    fn matches(&self, values: &[Option<Value>], id: &str) -> bool {
        self.id.as_deref().is_none_or(|i| i == id)
            && self.slots.iter().all(|(s, v)| values.get(*s).is_some_and(|x| x == v))
    }
}

/// (hook, subject, score, tier): what every call reads.
pub type Key = (usize, usize, Exact, Option<usize>);

/// Results by what the calls read; `R` is the hook's result, converted.
pub struct Memo<R> {
    table: HashMap<Key, Vec<(Reads, R)>>,
    size: usize,
}

/// At most this many results are remembered, and this many per key.
const MAX_RESULTS: usize = 1 << 16;
const MAX_PER_KEY: usize = 16;

impl<R: Clone> Memo<R> {
    pub fn new() -> Memo<R> {
        Memo { table: HashMap::new(), size: 0 }
    }

    /// The result of an earlier call that read what this record holds.
    pub fn get(&self, key: Key, values: &[Option<Value>], id: &str) -> Option<R> {
        let entries = self.table.get(&key)?;
        entries.iter().find(|(reads, _)| reads.matches(values, id)).map(|(_, r)| r.clone())
    }

    /// Remembers the result of a call that read `reads`.
    pub fn put(&mut self, key: Key, reads: &Reads, result: R) {
        if self.size >= MAX_RESULTS {
            return;
        }
        let entries = self.table.entry(key).or_default();
        if entries.len() < MAX_PER_KEY {
            entries.push((reads.clone(), result));
            self.size += 1;
        }
    }
}

impl<R: Clone> Default for Memo<R> {
    fn default() -> Self {
        Memo::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_only_records_that_read_the_same() {
        let mut memo = Memo::new();
        let key = (0, 0, Exact::int(80), None);
        let mut reads = Reads::default();
        reads.slot(1, Some(&Value::Bool(true)));
        reads.slot(1, Some(&Value::Bool(false)));
        memo.put(key, &reads, 7);
        let values = |b| vec![None, Some(Value::Bool(b)), Some(Value::Num(Exact::int(3)))];
        assert_eq!(memo.get(key, &values(true), "a"), Some(7));
        assert_eq!(memo.get(key, &values(false), "a"), None);
        assert_eq!(memo.get((0, 0, Exact::int(81), None), &values(true), "a"), None);
        reads.id = Some("a".into());
        memo.put((1, 0, Exact::int(80), None), &reads, 8);
        assert_eq!(memo.get((1, 0, Exact::int(80), None), &values(true), "a"), Some(8));
        assert_eq!(memo.get((1, 0, Exact::int(80), None), &values(true), "b"), None);
    }
}
