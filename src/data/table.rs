//! A lookup of short spellings (up to 16 bytes) that does not branch on
//! what the cell holds: the cell's first 16 bytes, masked to its length,
//! pick one slot of a small table by a multiplicative hash chosen when the
//! table is built so that no two spellings share a slot. One comparison
//! then says whether the cell is that slot's spelling. Grades come in
//! random order, so a search that branches on length or on each candidate
//! mispredicts about once per cell (docs/PERFORMANCE.md).

/// Spellings of up to this many bytes are in the table.
pub const WIDE: usize = 16;

/// A cell as the table reads it: its bytes, masked to its length, and the length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    bytes: u128,
    len: u8,
}

impl Key {
    /// The key of a cell of `len` bytes whose first bytes are `window`'s
    /// (the bytes past `len` are ignored); `None` past [`WIDE`] bytes.
    #[inline(always)]
    pub fn of(window: &[u8; WIDE], len: usize) -> Option<Key> {
        let all = u128::from_le_bytes(*window);
        (len <= WIDE).then(|| Key { bytes: all & mask(len), len: len as u8 })
    }

    /// The key of a spelling, from its bytes; `None` past [`WIDE`] bytes.
    pub fn of_bytes(s: &[u8]) -> Option<Key> {
        let mut window = [0; WIDE];
        window.get_mut(..s.len())?.copy_from_slice(s);
        Key::of(&window, s.len())
    }

    #[inline(always)]
    fn hash(self, mul: u64, bits: u32) -> usize {
        let x = (self.bytes as u64) ^ ((self.bytes >> 64) as u64).rotate_left(29) ^ u64::from(self.len);
        (x.wrapping_mul(mul) >> (64 - bits)) as usize
    }
}

/// The mask that keeps the first `len` bytes of a window (all of them
/// past [`WIDE`]), by table: no branch, no variable 128-bit shift.
#[inline(always)]
pub fn mask(len: usize) -> u128 {
    const MASKS: [u128; WIDE + 1] = {
        let mut t = [0; WIDE + 1];
        let mut n = 1;
        while n <= WIDE {
            t[n] = u128::MAX >> (128 - 8 * n);
            n += 1;
        }
        t
    };
    MASKS[len.min(WIDE)]
}

/// Spellings → values, one per slot (empty slots hold no key).
#[derive(Clone, Debug)]
pub struct Table<T> {
    slots: Vec<Option<(Key, T)>>,
    mul: u64,
    bits: u32,
}

impl<T: Copy> Table<T> {
    /// A table of `entries` with no two in one slot; `None` when no
    /// multiplier tried separates them (the caller searches instead).
    pub fn build(entries: &[(Key, T)]) -> Option<Table<T>> {
        let least = (2 * entries.len()).next_power_of_two().trailing_zeros().max(1);
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for bits in least..least + 4 {
            for _ in 0..256 {
                seed = splitmix(seed);
                if let Some(t) = Table::place(entries, seed | 1, bits) {
                    return Some(t);
                }
            }
        }
        None
    }

    fn place(entries: &[(Key, T)], mul: u64, bits: u32) -> Option<Table<T>> {
        let mut slots = vec![None; 1 << bits];
        for &(k, v) in entries {
            let slot = &mut slots[k.hash(mul, bits)];
            if slot.is_some() {
                return None;
            }
            *slot = Some((k, v));
        }
        Some(Table { slots, mul, bits })
    }

    /// The value of the spelling with key `k`, if it is one.
    #[inline(always)]
    pub fn get(&self, k: Key) -> Option<T> {
        match self.slots.get(k.hash(self.mul, self.bits)) {
            Some(Some((key, v))) if *key == k => Some(*v),
            _ => None,
        }
    }
}

/// The next number of the SplitMix64 sequence (deterministic multipliers).
fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(s: &[u8], tail: u8) -> [u8; WIDE] {
        let mut w = [tail; WIDE];
        w[..s.len()].copy_from_slice(s);
        w
    }

    #[test]
    fn finds_every_spelling_whatever_follows_it_and_nothing_else() {
        let words: Vec<Vec<u8>> =
            (0..=WIDE).map(|n| (0..n).map(|i| b'a' + (i % 26) as u8).collect()).collect();
        let entries: Vec<(Key, usize)> =
            words.iter().enumerate().map(|(i, w)| (Key::of_bytes(w).unwrap(), i)).collect();
        let table = Table::build(&entries).expect("17 spellings fit");
        for (i, w) in words.iter().enumerate() {
            for tail in [0, b',', 0xff] {
                assert_eq!(table.get(Key::of(&window(w, tail), w.len()).unwrap()), Some(i), "length {i}");
            }
            for at in 0..w.len() {
                let mut b = w.clone();
                b[at] = b'-';
                assert_eq!(table.get(Key::of(&window(&b, b'x'), b.len()).unwrap()), None, "{i}, byte {at}");
            }
        }
        assert_eq!(Key::of_bytes(&[b'a'; WIDE + 1]), None);
        assert_eq!(Key::of(&[0; WIDE], WIDE + 1), None);
        assert_eq!((mask(0), mask(1), mask(WIDE), mask(WIDE + 1)), (0, 0xff, u128::MAX, u128::MAX));
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let table: Table<u8> = Table::build(&[]).unwrap();
        assert_eq!(table.get(Key::of_bytes(b"").unwrap()), None);
    }
}
