//! Size: a sparse 1 TiB file (a header, then holes) must end quickly, in a
//! clear error or a reading that never holds the whole file, and never
//! abort; 200 000 members with long unit names are all in the output.

use super::make::{EXCEL_VN, col, file, line, members};
use super::run::{CELL_ROWS, PLAN, check, eval, root, run_in};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tempfile::TempDir;

const TIB: u64 = 1 << 40;
/// A sparse file must be done with well within this.
const QUICK: Duration = Duration::from_secs(10);
/// Peak memory a run on a sparse file may reach.
const SMALL_KIB: i64 = 256 * 1024;

/// `dir/name`: `head`, then holes up to 1 TiB (no disk used for them).
fn sparse(dir: &TempDir, name: &str, head: &[u8]) -> PathBuf {
    let path = file(dir.path(), name, head);
    std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(TIB).unwrap();
    path
}

/// Evaluates the sparse file `name` made of `head`: it must end within
/// [`QUICK`], in memory of a few hundred MB at most, with exit 2 naming
/// the file or its `rows` (those of `head`) counted.
fn sparse_ends_quickly(name: &str, head: &[u8], rows: usize) {
    let dir = TempDir::new().unwrap();
    let path = sparse(&dir, name, head);
    let plan = root(PLAN);
    let args = ["eval", plan.to_str().unwrap(), "--year", "2020", "--format", "json", "--data"];
    let run = run_in(dir.path(), &[&args[..], &[path.to_str().unwrap()]].concat(), QUICK);
    let _ = check(&run, rows);
    assert!(run.max_rss_kib < SMALL_KIB, "{name}: peak memory {} MiB", run.max_rss_kib / 1024);
    if run.code == Some(2) {
        assert!(run.stderr.contains(name), "{name}: {}", run.stderr);
    }
}

#[test]
fn a_sparse_terabyte_workbook_is_one_error() {
    sparse_ends_quickly("dv.xlsx", b"PK\x03\x04", 0);
}

#[test]
fn a_sparse_terabyte_csv_ends_quickly() {
    sparse_ends_quickly("dv.csv", b"id;subject;tu_tuong\nA1;dang_vien;T\xe1\xbb\x91t\n", 1);
}

#[test]
fn a_sparse_terabyte_json_ends_quickly() {
    sparse_ends_quickly("dv.json", b"[{\"id\": \"A1\", \"subject\": \"dang_vien\"}", 1);
}

#[test]
fn a_sparse_terabyte_json_lines_file_ends_quickly() {
    sparse_ends_quickly("dv.jsonl", b"{\"id\": \"A1\", \"subject\": \"dang_vien\"}\n", 1);
}

/// How many members the big file has.
const BIG: usize = 200_000;

#[test]
fn two_hundred_thousand_members_with_long_unit_names() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let (id, unit) = (col(&header, "id"), col(&header, "co_so_dang"));
    let mut text = line(EXCEL_VN, &header) + "\r\n";
    for i in 0..BIG {
        let mut r = rows[i % rows.len()].clone();
        r[id] = format!("DV{i:06}");
        r[unit] = format!(
            "Đảng bộ phường số {} thuộc Đảng bộ quận Ba Đình, Thành phố Hà Nội; chi bộ khu dân cư số {}",
            i % 40,
            i % 7
        );
        text += &line(EXCEL_VN, &r);
        text += "\r\n";
    }
    let path = file(dir.path(), "big.csv", text);
    let start = Instant::now();
    let run = eval(dir.path(), (PLAN, "2020"), &[&path, &root(super::run::CELLS)], &[]);
    let took = start.elapsed();
    let out = check(&run, BIG + CELL_ROWS).unwrap();
    assert_eq!(out.records[BIG - 1].id, format!("DV{:06}", BIG - 1));
    assert!(took < Duration::from_secs(20), "{BIG} members took {took:?}");
    eprintln!("{BIG} members: {took:?}, peak memory {} MiB", run.max_rss_kib / 1024);
}
