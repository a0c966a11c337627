//! A memo from a cell's bytes to its converted value (one per subject and
//! run, or per chunk of a file read on several threads), for the slots
//! whose values come from a small vocabulary (grades, tiers, choices,
//! flags). A file holds a handful of spellings of each (`Xuất sắc`,
//! `XUẤT SẮC`, `xuat_sac`, decomposed ones…): the general conversion (NFC,
//! lower case, a new string, a hash) runs once per spelling and subject
//! slot, not once per cell. Long texts of the slots whose values are kept
//! after the record (unit names of 60 bytes read as quota groups,
//! aggregate groups or refs) are remembered too: a cell seen before gets
//! the same shared text, not a copy of its own. Only values are
//! remembered, never errors, and only up to [`MOST`] spellings per slot
//! ([`MOST_TEXTS`] texts). The short spellings of a grade slot are also
//! kept in a [`Table`], read straight from the row's bytes
//! ([`Memo::wide`]) without hashing the cell. The pass `cell_memo`
//! ([`crate::eval::Passes`]) switches it off.

use super::cells::{CellError, CellRef};
use super::convert::{SlotKind, convert_into};
use super::table::{Key, Table, WIDE};
use crate::vocab::value::Value;
use hashbrown::HashMap;
use rustc_hash::FxBuildHasher;

/// The most spellings remembered per slot (a column of free text given a
/// vocabulary kind by mistake does not grow the memo without bound).
pub const MOST: usize = 256;

/// The most texts remembered per text slot (a district's units, each
/// spelled a few ways), and the longest.
pub const MOST_TEXTS: usize = 8_192;
const LONGEST_TEXT: usize = 256;
/// What `SmolStr` holds inline (a longer text is one shared allocation).
const INLINE: usize = 23;

/// The most short spellings per slot in its table (past them, the hash
/// map alone answers).
const MOST_SHORT: usize = 64;

/// One slot's spellings seen and their values.
#[derive(Debug, Default, Clone)]
struct Spellings {
    all: HashMap<Box<[u8]>, Value, FxBuildHasher>,
    /// A grade slot's spellings of up to [`WIDE`] bytes, in the order
    /// seen, and their table (rebuilt for each new one: a file holds a
    /// handful); `None` when they do not fit one.
    short: Vec<(Key, Value)>,
    table: Option<Table<u16>>,
}

impl Spellings {
    fn len(&self) -> usize {
        self.all.len()
    }

    /// Remembers `bytes` as `v`, in the table too when `table`.
    fn learn(&mut self, bytes: &[u8], v: &Value, table: bool) {
        self.all.insert(bytes.into(), v.clone());
        if let Some(key) = Key::of_bytes(bytes).filter(|_| table && self.short.len() < MOST_SHORT) {
            self.short.push((key, v.clone()));
            let keys: Vec<(Key, u16)> = self.short.iter().zip(0..).map(|((k, _), i)| (*k, i)).collect();
            self.table = Table::build(&keys);
        }
    }
}

/// One subject's memo: per slot, the spellings seen and their values.
#[derive(Debug, Default, Clone)]
pub struct Memo {
    on: bool,
    /// The text slots whose long texts are remembered (those kept).
    texts: Vec<usize>,
    slots: Vec<Spellings>,
}

impl Memo {
    /// A memo that remembers when `on` (else every cell converts in full).
    pub fn new(on: bool) -> Memo {
        Memo { on, texts: Vec::new(), slots: Vec::new() }
    }

    /// A memo that also remembers the long texts of the slots `kept`.
    pub fn with_texts(on: bool, kept: &[usize]) -> Memo {
        Memo { texts: kept.to_vec(), ..Memo::new(on) }
    }

    /// The same memo with nothing remembered yet (a chunk's).
    pub fn fresh(&self) -> Memo {
        Memo::with_texts(self.on, &self.texts)
    }

    /// Converts `cell` into `slot` (of kind `kind`) as [`convert_into`]
    /// does, from the memo when its spelling was seen before.
    #[inline]
    pub fn convert(
        &mut self,
        slot: usize,
        kind: &SlotKind,
        cell: CellRef<'_>,
        to: &mut Option<Value>,
    ) -> Result<(), CellError> {
        let bytes = match cell {
            CellRef::Raw(b) => b,
            CellRef::Text(t) => t.as_bytes(),
            _ => return convert_into(kind, cell, to),
        };
        if !self.on || bytes.is_empty() || !self.remembered(slot, kind, bytes) {
            return convert_into(kind, cell, to);
        }
        if self.slots.len() <= slot {
            self.slots.resize_with(slot + 1, Spellings::default);
        }
        let seen = &mut self.slots[slot];
        if let Some(v) = seen.all.get(bytes) {
            *to = Some(v.clone());
            return Ok(());
        }
        convert_into(kind, cell, to)?;
        let most = if vocabulary(kind) { MOST } else { MOST_TEXTS };
        if let Some(v) = to.as_ref().filter(|_| seen.len() < most) {
            // Only grade cells are read through the table (`RowPlan::convert`).
            seen.learn(bytes, v, matches!(kind, SlotKind::Grade(_)));
        }
        Ok(())
    }

    /// The value of a cell of `slot` of `len` bytes that starts `window`,
    /// when it is a short spelling seen before (`None`: look further).
    #[inline(always)]
    pub fn wide(&self, slot: usize, window: &[u8; WIDE], len: usize) -> Option<Value> {
        let seen = self.slots.get(slot)?;
        let i = seen.table.as_ref()?.get(Key::of(window, len)?)?;
        seen.short.get(usize::from(i)).map(|(_, v)| v.clone())
    }
}

impl Memo {
    /// Whether a cell of `slot` (of `kind`) is remembered: any of a
    /// vocabulary slot, and of a kept text slot a text too long to be held
    /// inline (judged trimmed, as it is kept).
    #[inline]
    fn remembered(&self, slot: usize, kind: &SlotKind, bytes: &[u8]) -> bool {
        vocabulary(kind)
            || matches!(kind, SlotKind::Text | SlotKind::Ref)
                && (INLINE + 1..=LONGEST_TEXT).contains(&bytes.trim_ascii().len())
                && self.texts.contains(&slot)
    }
}

/// Whether a slot's values come from a small vocabulary.
fn vocabulary(kind: &SlotKind) -> bool {
    matches!(kind, SlotKind::Grade(_) | SlotKind::Tier(_) | SlotKind::Choice(_) | SlotKind::Flag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::convert::Labels;
    use crate::exact::Exact;

    fn grades() -> SlotKind {
        let mut l = Labels::new();
        l.add("tot", Exact::int(3));
        l.add("Tốt", Exact::int(3));
        l.names.push("tot".into());
        SlotKind::Grade(l.into())
    }

    #[test]
    fn remembers_values_not_errors_and_converts_as_without_it() {
        let kinds = [grades(), SlotKind::Flag, SlotKind::Number];
        let cells =
            ["TỐT", "To\u{302}\u{301}t", "tott", "TỐT", "", " tot ", "x", "có", "không", "hmm", "8,5"];
        let (mut on, mut off) = (Memo::new(true), Memo::new(false));
        for round in 0..2 {
            for (slot, kind) in kinds.iter().enumerate() {
                for c in cells {
                    for cell in [CellRef::Text(c), CellRef::Raw(c.as_bytes())] {
                        let (mut a, mut b, mut want) = (None, None, None);
                        let got = on.convert(slot, kind, cell, &mut a);
                        assert_eq!(got, off.convert(slot, kind, cell, &mut b), "{round} {slot} {c:?}");
                        assert_eq!(got, convert_into(kind, cell, &mut want));
                        assert_eq!((&a, &b), (&want, &want), "{round} {slot} {c:?}");
                    }
                }
            }
        }
        assert!(off.slots.is_empty());
        // Values only, for the vocabulary slots only (not numbers): the
        // grade slot holds `TỐT`, its decomposed spelling and ` tot `, the
        // flag slot `x`, `có` and `không`.
        assert_eq!(on.slots.iter().map(|s| s.len()).collect::<Vec<_>>(), [3, 3]);
    }

    /// The window a row hands [`Memo::wide`]: the cell's bytes, then
    /// whatever follows it in the record.
    fn window(cell: &str) -> [u8; WIDE] {
        let mut w = [b';'; WIDE];
        w[..cell.len()].copy_from_slice(cell.as_bytes());
        w
    }

    #[test]
    fn short_spellings_seen_are_found_from_the_row_bytes() {
        let (grade, flag) = (grades(), SlotKind::Flag);
        let mut m = Memo::new(true);
        let cells = ["TỐT", " tot ", "tott", "To\u{302}\u{301}t"];
        for c in cells {
            assert_eq!(m.wide(0, &window(c), c.len()), None, "not seen yet: {c:?}");
            let (mut v, mut want) = (None, None);
            let got = m.convert(0, &grade, CellRef::Raw(c.as_bytes()), &mut v);
            assert_eq!(got, convert_into(&grade, CellRef::Raw(c.as_bytes()), &mut want));
            assert_eq!(v, want);
        }
        // Values only: the bad spelling `tott` is not remembered.
        for c in ["TỐT", " tot ", "To\u{302}\u{301}t"] {
            assert_eq!(m.wide(0, &window(c), c.len()), Some(Value::Grade(Exact::int(3))), "{c:?}");
        }
        assert_eq!(m.wide(0, &window("tott"), 4), None);
        // A prefix of a spelling seen, or one longer than the table's, is not it.
        assert_eq!(m.wide(0, &window("TỐT"), 2), None);
        assert_eq!(m.wide(0, &window("TỐT"), WIDE + 1), None);
        // Another slot has its own spellings; a flag or text slot none in
        // a table (only grades are read through one).
        assert_eq!(m.wide(1, &window("TỐT"), "TỐT".len()), None);
        m.convert(1, &flag, CellRef::Raw(b"x"), &mut None).unwrap();
        assert_eq!((m.wide(1, &window("x"), 1), m.slots[1].len()), (None, 1));
        let mut t = Memo::with_texts(true, &[2]);
        let unit = "Đảng bộ phường Hàng Trống số 1";
        t.convert(2, &SlotKind::Text, CellRef::Raw(unit.as_bytes()), &mut None).unwrap();
        assert_eq!(t.slots[2].len(), 1);
        assert!(t.slots[2].short.is_empty() && t.slots[2].table.is_none());
    }

    #[test]
    fn long_texts_are_shared_short_ones_and_numbers_converted() {
        let unit = "Đảng bộ phường Hàng Trống số 1 quận Hoàn Kiếm";
        let spaced = format!(" {unit}  ");
        let mut m = Memo::with_texts(true, &[0]);
        let mut got = Vec::new();
        for cell in [unit, spaced.as_str(), unit, " CS01 ", spaced.as_str()] {
            let mut v = None;
            m.convert(0, &SlotKind::Text, CellRef::Raw(cell.as_bytes()), &mut v).unwrap();
            let mut want = None;
            convert_into(&SlotKind::Text, CellRef::Raw(cell.as_bytes()), &mut want).unwrap();
            assert_eq!(v, want);
            got.push(v);
        }
        let at = |i: usize| match &got[i] {
            Some(Value::Str(t)) => t.as_ptr(),
            other => panic!("{other:?}"),
        };
        // Each spelling seen again is the same allocation.
        assert_eq!((at(0), at(1)), (at(2), at(4)));
        assert_eq!(got[0], got[1]);
        // The two spellings, and nothing for the short code.
        assert_eq!(m.slots[0].len(), 2);
        // A text slot not kept after the record, and a text of exactly what
        // is held inline, are not remembered.
        let inline = "x".repeat(INLINE);
        for (slot, cell) in [(1, unit), (0, inline.as_str())] {
            let mut v = None;
            m.convert(slot, &SlotKind::Text, CellRef::Raw(cell.as_bytes()), &mut v).unwrap();
            assert_eq!(v, Some(Value::Str(cell.into())));
        }
        assert_eq!((m.slots.len(), m.slots[0].len()), (1, 2));
    }

    #[test]
    fn stops_remembering_past_the_most_spellings() {
        let mut m = Memo::new(true);
        for i in 0..MOST + 10 {
            let cell = format!("{}x", " ".repeat(i));
            let mut v = None;
            m.convert(0, &SlotKind::Flag, CellRef::Text(&cell), &mut v).unwrap();
            assert_eq!(v, Some(Value::Bool(true)));
        }
        assert_eq!(m.slots[0].len(), MOST);
    }
}
