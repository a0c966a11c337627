//! Converting one row's cells into a subject's slots. The columns are
//! grouped by kind once per header, so that each group converts in a loop
//! of its own: CSV grades and flags by lookups that do not branch on what
//! the cell holds, everything else (and any cell those lookups do not
//! answer) through [`convert_into`]. The result is the same as converting
//! the cells one by one in column order.

use super::cells::CellError;
use super::cells::Cells;
use super::convert::{SlotKind, iso_bytes};
use super::memo::Memo;
use crate::vocab::value::Value;

/// One subject's columns in one header: (column, slot) pairs by kind, each
/// group in column order.
#[derive(Debug, Default)]
pub struct RowPlan {
    grades: Vec<(usize, usize)>,
    flags: Vec<(usize, usize)>,
    texts: Vec<(usize, usize)>,
    dates: Vec<(usize, usize)>,
    rest: Vec<(usize, usize)>,
}

impl RowPlan {
    /// The plan for `slots` ((column, slot) pairs) of a subject whose
    /// slots convert as `kinds` say.
    pub fn new(slots: &[(usize, usize)], kinds: &[SlotKind]) -> RowPlan {
        let mut plan = RowPlan::default();
        for &(col, slot) in slots {
            let group = match kinds.get(slot) {
                Some(SlotKind::Grade(_)) => &mut plan.grades,
                Some(SlotKind::Flag) => &mut plan.flags,
                Some(SlotKind::Text | SlotKind::Ref) => &mut plan.texts,
                Some(SlotKind::Date) => &mut plan.dates,
                _ => &mut plan.rest,
            };
            group.push((col, slot));
        }
        plan
    }

    /// Converts the row's cells into `values` (one per slot of `kinds`),
    /// those the quick lookups do not answer through `memo`; the first bad
    /// cell in column order, as (column, why), if any.
    #[inline]
    pub fn convert(
        &self,
        kinds: &[SlotKind],
        cells: &Cells<'_>,
        values: &mut [Option<Value>],
        memo: &mut Memo,
    ) -> Option<(usize, CellError)> {
        let mut first: Option<(usize, CellError)> = None;
        let mut general = |col: usize, slot: usize, values: &mut [Option<Value>], memo: &mut Memo| {
            let (Some(cell), Some(kind), Some(v)) = (cells.get(col), kinds.get(slot), values.get_mut(slot))
            else {
                return;
            };
            if let Err(e) = memo.convert(slot, kind, cell, v)
                && first.as_ref().is_none_or(|(c, _)| col < *c)
            {
                first = Some((col, e));
            }
        };
        let Cells::Csv(csv) = cells else {
            for &(col, slot) in
                self.grades.iter().chain(&self.flags).chain(&self.texts).chain(&self.dates).chain(&self.rest)
            {
                general(col, slot, values, memo);
            }
            return first;
        };
        // A grade spelled as the plan writes it, else as a cell seen before.
        let grade = |col: usize, slot: usize, memo: &Memo| match (csv.wide(col), kinds.get(slot)) {
            (Some((cell, Some(w))), Some(SlotKind::Grade(labels))) => {
                labels.wide(w, cell.len()).map(Value::Grade).or_else(|| memo.wide(slot, w, cell.len()))
            }
            _ => None,
        };
        each(&self.grades, values, memo, grade, &mut general);
        let flags = |col: usize, _, _: &Memo| csv.get(col).and_then(flag).map(Value::Bool);
        each(&self.flags, values, memo, flags, &mut general);
        let texts = |col: usize, _, _: &Memo| csv.plain(col).map(|t| Value::Str(t.into()));
        each(&self.texts, values, memo, texts, &mut general);
        let dates = |col: usize, _, _: &Memo| csv.get(col).and_then(iso_bytes).map(Value::Date);
        each(&self.dates, values, memo, dates, &mut general);
        for &(col, slot) in &self.rest {
            general(col, slot, values, memo);
        }
        first
    }
}

/// Converts the cells of `group` ((column, slot) pairs) by `quick`, and
/// those it does not answer by `general`.
#[inline(always)]
fn each(
    group: &[(usize, usize)],
    values: &mut [Option<Value>],
    memo: &mut Memo,
    quick: impl Fn(usize, usize, &Memo) -> Option<Value>,
    general: &mut impl FnMut(usize, usize, &mut [Option<Value>], &mut Memo),
) {
    for &(col, slot) in group {
        match (quick(col, slot, memo), values.get_mut(slot)) {
            (Some(v), Some(to)) => *to = Some(v),
            _ => general(col, slot, values, memo),
        }
    }
}

/// `1`, `x` and `0`, the usual flag cells, by table (`None`: look further).
#[inline(always)]
fn flag(cell: &[u8]) -> Option<bool> {
    const FLAGS: [u8; 256] = {
        let mut t = [0; 256];
        t[b'0' as usize] = 1;
        t[b'1' as usize] = 2;
        t[b'x' as usize] = 2;
        t
    };
    match cell {
        [b] if FLAGS[usize::from(*b)] != 0 => Some(FLAGS[usize::from(*b)] == 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::convert::{Labels, convert_into};
    use crate::exact::Exact;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn kinds() -> Vec<SlotKind> {
        let mut grades = Labels::new();
        for (i, (name, label)) in
            [("xuat_sac", "Xuất sắc"), ("tot", "Tốt"), ("trung_binh", "Trung bình"), ("kem", "Kém")]
                .iter()
                .enumerate()
        {
            grades.add(name, Exact::int(4 - i as i64));
            grades.add(label, Exact::int(4 - i as i64));
            grades.names.push(name.to_string());
        }
        // One grade column with the table, one without: both ways are held
        // to converting cell by cell.
        vec![
            SlotKind::Grade(grades.clone().with_table().into()),
            SlotKind::Flag,
            SlotKind::Text,
            SlotKind::Date,
            SlotKind::Grade(grades.into()),
            SlotKind::Ref,
        ]
    }

    /// Cells of every sort: usual, spelled otherwise, bad, empty, long.
    const CELLS: &[&str] = &[
        "CS01 ",
        "Chi bộ 3",
        "a",
        "sixteen-bytes-ok",
        "seventeen-bytes-x",
        "\"two\nlines\"",
        "tot",
        "kem",
        "xuat_sac",
        "trung_binh",
        "Tốt",
        "tốt",
        "TOT",
        " tot",
        "tot ",
        "tott",
        "Trung bình",
        "trung bình dài hơn mười sáu",
        "",
        "1",
        "0",
        "x",
        "true",
        "có",
        "yes",
        "2",
        "2024-05-06",
        "6/5/2024",
        "2024-13-01",
        "2024-02-30",
        "2024-0a-01",
        "2024/02/01",
        "1999-12-31",
        "2024-1-05",
        "CS01",
        "\"quoted, cell\"",
        "kém",
        // Decomposed (NFD) spellings of some of the above, and with a
        // no-break space after: read as the composed ones.
        "To\u{302}\u{301}t",
        "Chi bo\u{323}\u{302} 3",
        "Chi bo\u{323}\u{302} 3\u{a0}",
        "ke\u{301}m",
        "co\u{301}",
        "\u{301}",
    ];

    /// Bytes that are not UTF-8, short and long.
    const BAD: [&[u8]; 2] = [b"CS\xff1", b"a\xc3 cell that is longer"];

    /// The rows as a CSV file, with every cell composed (NFC) if `compose`.
    fn csv(rows: &[Vec<usize>], compose: bool) -> Vec<u8> {
        let mut text = b"a,b,c,d,e,f\n".to_vec();
        for row in rows {
            let cells: Vec<Vec<u8>> = row
                .iter()
                .map(|&i| match CELLS.get(i) {
                    Some(c) if compose => c.nfc().collect::<String>().into_bytes(),
                    Some(c) => c.as_bytes().to_vec(),
                    None => BAD[i % 2].to_vec(),
                })
                .collect();
            text.extend(cells.join(&b','));
            text.push(b'\n');
        }
        text
    }

    proptest! {
        #[test]
        fn converts_as_cell_by_cell_in_column_order(
            rows in prop::collection::vec(prop::collection::vec(0..CELLS.len() + 2, 6), 1..20),
            order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
        ) {
            let kinds = kinds();
            let slots: Vec<(usize, usize)> = order.iter().enumerate().map(|(col, &slot)| (col, slot)).collect();
            let plan = RowPlan::new(&slots, &kinds);
            let dir = std::env::temp_dir().join(format!("kehoach-row-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join("rows.csv");
            std::fs::write(&path, csv(&rows, false)).unwrap();
            let mut seen = 0;
            // Remembered spellings convert as the first time: the memo
            // lives across both files.
            let mut memo = Memo::new(true);
            let mut as_written = Vec::new();
            super::super::read_file(&path, &Default::default(), |_, row: super::super::Row<'_>| {
                let mut got = vec![None; 6];
                let got_error = plan.convert(&kinds, &row.cells, &mut got, &mut memo);
                let mut want = vec![None; 6];
                let mut want_error = None;
                for &(col, slot) in &slots {
                    let cell = row.cells.get(col).unwrap();
                    if let Err(e) = convert_into(&kinds[slot], cell, &mut want[slot]) && want_error.is_none() {
                        want_error = Some((col, e));
                    }
                }
                assert_eq!((&got, &got_error), (&want, &want_error));
                as_written.push((got, got_error));
                seen += 1;
            })
            .unwrap();
            prop_assert_eq!(seen, rows.len());
            // The same rows with every cell composed convert the same.
            std::fs::write(&path, csv(&rows, true)).unwrap();
            let mut composed = Vec::new();
            super::super::read_file(&path, &Default::default(), |_, row: super::super::Row<'_>| {
                let mut got = vec![None; 6];
                let got_error = plan.convert(&kinds, &row.cells, &mut got, &mut memo);
                composed.push((got, got_error));
            })
            .unwrap();
            prop_assert_eq!(as_written, composed);
        }
    }
}
