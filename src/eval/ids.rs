//! The index from record ids to their position in the output: a hash table
//! of positions that borrows the ids from the outcomes, so no id is stored twice.

use super::outcome::Outcome;
use hashbrown::DefaultHashBuilder;
use hashbrown::HashTable;
use std::hash::BuildHasher;

#[derive(Default)]
pub struct Ids {
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Ids {
    /// The position of the record with id `id`, if any.
    pub fn get(&self, outs: &[Outcome], id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&i| &*outs[i as usize].id == id).map(|&i| i as usize)
    }

    /// Indexes `outs[index]` by its id (the caller checked it is new).
    pub fn insert(&mut self, outs: &[Outcome], index: usize) {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(&*outs[index].id);
        self.table.insert_unique(hash, index as u32, |&i| hasher.hash_one(&*outs[i as usize].id));
    }

    /// Indexes every outcome; a repeated id keeps its first position.
    pub fn of(outs: &[Outcome]) -> Ids {
        let mut ids = Ids::default();
        for (i, o) in outs.iter().enumerate() {
            if ids.get(outs, &o.id).is_none() {
                ids.insert(outs, i);
            }
        }
        ids
    }

    pub fn reserve(&mut self, outs: &[Outcome], more: usize) {
        let hasher = &self.hasher;
        self.table.reserve(more, |&i| hasher.hash_one(&*outs[i as usize].id));
    }
}
