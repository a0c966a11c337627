//! One thread or many (`--jobs`, issue 22): the whole `kehoach` binary run
//! on the bundled data and on generated realistic data (bad cells, repeated
//! ids, refs to no chi bộ, exemptions, quotas per unit, shares across units,
//! hooks, a file not UTF-8, blank rows) with 1, 2 and 4 threads, with every
//! optimization and with none, writes the same bytes, says the same things
//! on standard error, and exits the same.

#[path = "../benches/data/realistic.rs"]
mod realistic;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// What one run gave: the output file, standard error, the exit status.
type Ran = (Vec<u8>, String, Option<i32>);

fn run(args: &[&str], data: &[PathBuf], jobs: u16, passes: &str, out: &Path) -> Ran {
    let _ = std::fs::remove_file(out);
    let mut cmd = Command::cargo_bin("kehoach").unwrap();
    cmd.args(args).arg("--data").args(data).arg("--jobs").arg(jobs.to_string());
    cmd.arg("--out")
        .arg(out)
        .env("KEHOACH_PASSES", passes)
        .env("KEHOACH_LANG", "en")
        .env_remove("KEHOACH_JOBS");
    let got = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&got.stderr).into_owned();
    (std::fs::read(out).unwrap_or_default(), stderr, got.status.code())
}

/// Runs `args` with 1, 2 and 4 threads in both modes: the same output,
/// messages and status as one thread with every optimization.
fn same_for_any_jobs(args: &[&str], data: &[PathBuf]) -> Ran {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let first = run(args, data, 1, "all", &out);
    assert!(!first.0.is_empty(), "{args:?}: no output; {}", first.1);
    for passes in ["all", "none"] {
        for jobs in [1, 2, 4] {
            let got = run(args, data, jobs, passes, &out);
            assert!(got.0 == first.0, "{args:?} --jobs {jobs}, passes {passes}: other output bytes");
            assert_eq!((&got.1, got.2), (&first.1, first.2), "{args:?} --jobs {jobs}, passes {passes}");
        }
    }
    first
}

/// Generated members with awkward rows spread through the file (so that
/// chunks of every run hold some), and a second file with bytes not UTF-8;
/// 40 000 members: more than a block of CSV rows made on a thread (16 384)
/// and than the records from which the tail always uses threads (32 768).
fn realistic_data(dir: &Path) -> Vec<PathBuf> {
    let (members, cells) = (dir.join("dv.csv"), dir.join("cb.csv"));
    realistic::generate(&members, &cells, 40_000).unwrap();
    let text = std::fs::read_to_string(&members).unwrap();
    let odd = [
        "DV0000005;dang_vien;Lặp Lại;Tốt;Tốt;Tốt;Tốt;;;Đơn vị lặp;CB00005;1/1/2000;20;không;",
        "DV9000001;dang_vien_moi;Không Rõ;Tốt;Tốt;Tốt;Tốt;;;Đơn vị;CB00001;1/1/2000;20;không;",
        "DV9000002;dang_vien;Sai Chi Bộ;Tốt;Tốt;Tốt;Tốt;;;Đơn vị;CB99999;1/1/2000;20;không;",
        "DV9000004;dang_vien;Mười Ba;Tốt;Tốt;Tốt;Tốt;;;Đơn vị;CB00003;1/1/2000;13;không;",
        ";dang_vien;Không Mã;Tốt;Tốt;Tốt;Tốt;;;Đơn vị;CB00001;1/1/2000;20;không;",
        ";;;;;;;;;;;;;;",
        "DV9000003;dang_vien;\"Trích, Dẫn\";Tốt;Tốt;Tốt;Tốt;x;;Đơn vị;CB00002;2020-12-01;0,5;x;htt",
    ];
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i > 0 && i % 1500 == 0 {
            let extra = odd[(i / 1500) % odd.len()].replace("DV900000", &format!("DV9{i:05}"));
            out.push_str(&extra);
            out.push('\n');
        }
    }
    std::fs::write(&members, out).unwrap();
    // A small file whose bytes are not UTF-8 on two lines: one problem, said once.
    let mut bad = realistic::MEMBERS_HEADER.as_bytes().to_vec();
    bad.push(b'\n');
    for (i, line) in text.lines().skip(1).take(400).enumerate() {
        bad.extend(line.replacen("DV", "DX", 1).bytes());
        if i == 150 || i == 390 {
            bad.extend(b"\xff");
        }
        bad.push(b'\n');
    }
    let odd_file = dir.join("dv-latin.csv");
    std::fs::write(&odd_file, bad).unwrap();
    // A file without the `dao_duc` column (read in chunks too: 60 KB):
    // its records name the missing column, each file's problem said once.
    let lacking = dir.join("dv-thieu.csv");
    let without = |line: &str| {
        let mut cells: Vec<&str> = line.split(';').collect();
        cells.remove(4);
        cells.join(";")
    };
    let rows = text.lines().skip(1).take(300).map(|l| without(&l.replacen("DV", "DY", 1)));
    let thieu: Vec<String> = std::iter::once(without(realistic::MEMBERS_HEADER)).chain(rows).collect();
    std::fs::write(&lacking, thieu.join("\n")).unwrap();
    vec![cells, members, odd_file, lacking]
}

#[test]
fn realistic_data_gives_the_same_bytes_with_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let data = realistic_data(dir.path());
    for format in ["csv", "json"] {
        let args = ["eval", "tests/jobs/plan.kh", "--year", "2020", "--format", format];
        let (out, stderr, status) = same_for_any_jobs(&args, &data);
        assert_eq!(status, Some(1), "records in error: {stderr}");
        let text = String::from_utf8_lossy(&out);
        if format == "csv" {
            // Every input record is a row (a row of empty cells is none).
            let record = |l: &&[u8]| l.iter().any(|b| !b";\r ".contains(b));
            let rows: usize = data
                .iter()
                .map(|f| std::fs::read(f).unwrap().split(|b| *b == b'\n').skip(1).filter(record).count())
                .sum();
            assert_eq!(text.lines().count() - 1, rows, "one output row per input record");
        }
        for want in ["hook `soat` failed", "DV0000005", "CB99999", "tuổi đảng trên 40"] {
            let odd: Vec<&str> = text.lines().filter(|l| l.contains("DV9")).collect();
            assert!(text.contains(want), "{format}: no `{want}` in the output: {odd:#?}");
        }
        // The file not UTF-8 is said once, at its first bad line.
        assert_eq!(stderr.matches("dv-latin.csv").count(), 1, "{stderr}");
        assert!(stderr.contains("(line 152)"), "{stderr}");
        assert_eq!(stderr.matches("dv-thieu.csv").count(), 1, "{stderr}");
        assert!(stderr.contains("dao_duc"), "{stderr}");
    }
    let explain = ["explain", "tests/jobs/plan.kh", "--year", "2020", "--id", "DV0007001"];
    same_for_any_jobs(&explain, &data);
}

#[test]
fn bundled_data_gives_the_same_bytes_with_any_number_of_threads() {
    let data: Vec<PathBuf> = ["dang-vien.csv", "chi-bo.csv", "bi-thu.csv"]
        .iter()
        .map(|f| Path::new("plans/hanoi/data").join(f))
        .collect();
    for format in ["csv", "json"] {
        let args = ["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2024", "--format", format];
        same_for_any_jobs(&args, &data);
    }
    let data = vec![PathBuf::from("plans/ba-dinh/data/dang-vien.csv")];
    let args = ["eval", "plans/ba-dinh/12-KH-QU.kh", "--year", "2024", "--format", "csv"];
    same_for_any_jobs(&args, &data);
}
