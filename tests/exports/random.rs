//! Random rows (any bytes: quotes, separators, line ends, non-UTF-8, NUL)
//! written through the `csv` crate's writer in every dialect it has: the
//! binary's output has one record for every row that is not blank.

use super::run::{PLAN, check, eval};
use proptest::prelude::*;
use tempfile::TempDir;

/// Bytes as they turn up in exported cells, the awkward ones often.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => prop::sample::select(b"\",;\t\r\n ".to_vec()),
        4 => prop::sample::select(b"aTt0x".to_vec()),
        1 => any::<u8>(),
    ]
}

fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => Just(Vec::new()),
        1 => Just("Tốt".as_bytes().to_vec()),
        4 => prop::collection::vec(byte(), 0..8),
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<Vec<u8>>>> {
    prop::collection::vec(prop::collection::vec(cell(), 1..6), 0..25)
}

/// A blank row: every cell empty or spaces and tabs (skipped by design).
fn blank(row: &[Vec<u8>]) -> bool {
    row.iter().all(|c| c.iter().all(|b| matches!(b, b' ' | b'\t')))
}

/// The file the `csv` crate writes.
fn write(rows: &[Vec<Vec<u8>>], delim: u8, end: csv::Terminator, always: bool) -> Vec<u8> {
    let style = if always { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delim)
        .terminator(end)
        .quote_style(style)
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record(["id", "subject", "tu_tuong", "ghi_chu"]).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn every_row_written_by_the_csv_crate_is_one_record(
        rows in rows(),
        delim in prop::sample::select(b",;\t".to_vec()),
        end in prop::sample::select(vec![csv::Terminator::CRLF, csv::Terminator::Any(b'\n'), csv::Terminator::Any(b'\r')]),
        always in any::<bool>(),
    ) {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("r.csv");
        std::fs::write(&path, write(&rows, delim, end, always)).unwrap();
        let run = eval(dir.path(), (PLAN, "2020"), &[&path], &[]);
        let want = rows.iter().filter(|r| !blank(r)).count();
        let out = check(&run, want);
        let nul = rows.iter().flatten().flatten().any(|b| *b == 0);
        prop_assert!(out.is_some() || nul, "exit 2 without a NUL byte: {}", run.stderr);
    }
}
