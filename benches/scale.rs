//! Growth of the costs issue 18 item 10 found quadratic: each input at N and
//! 10N through the real binary, and the ratio of times (want ≤ 12).
//!
//!     cargo bench --bench scale --profile dev -- [N] [CASE…]
//!
//! Cases: `fmt` and `fmt-check` (N subjects out of layout), `diagnostics`
//! (`check` of N subjects with an error each, for people), `test` (N test
//! blocks), `wide` (N subjects and N test blocks, one record each, of
//! subject `s{i}`), `eval` (N subjects and N records, one of each), `jsonl`
//! (N/10 JSON Lines records of 100 new keys each). Each is run 3 times and
//! the fastest kept (the machine is shared). `KEHOACH_BIN=PATH` times
//! another build of the binary (to compare with an earlier commit).

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const HEAD: &str = "plan \"Q\" {\n  issued 2024-11-01\n}\n\nscale muc {\n  tot \"Tốt\" 2\n  kem \"Kém\" 1\n}\n\n\
tiers {\n  htt \"Hoàn thành tốt\"\n  kht \"Không hoàn thành\"\n}\n\nsubject dv \"Đảng viên\" {\n  \
criterion a \"A\" weight 1\n  rule htt when score >= 50\n  otherwise kht\n}\n";

fn subjects(n: usize, tier: &str) -> String {
    let mut s = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            s,
            "# s{i}\nsubject s{i} \"S{i}\" {{\n    criterion a \"A\" weight 1 # c\n  rule {tier} when score >= 50\n  otherwise kht\n}}\n\n"
        );
    }
    s
}

fn tests(n: usize) -> String {
    let mut s = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            s,
            "test \"t{i}\" {{\n  year 2024\n  record dv \"R{i}\" {{ a = tot }}\n  expect \"R{i}\" tier kht\n}}\n"
        );
    }
    s
}

fn wide(n: usize) -> String {
    let mut s = subjects(n, "htt");
    for i in 0..n {
        let _ = write!(
            s,
            "test \"t{i}\" {{\n  year 2024\n  record s{i} \"R{i}\" {{ a = tot }}\n  expect \"R{i}\" tier htt\n}}\n"
        );
    }
    s
}

fn members(n: usize) -> String {
    let mut s = String::from("id,subject,a\n");
    for i in 0..n {
        let _ = writeln!(s, "R{i},s{i},tot");
    }
    s
}

fn jsonl(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let _ = write!(s, "{{\"id\": \"R{i}\", \"subject\": \"dv\", \"a\": \"tot\"");
        for k in 0..100 {
            let _ = write!(s, ", \"k{i}_{k}\": {k}");
        }
        s.push_str("}\n");
    }
    s
}

/// The arguments of one run of `case` on the input made for `n` (written
/// into `dir`).
fn args(dir: &Path, case: &str, n: usize) -> Vec<String> {
    let plan = dir.join(format!("{case}-{n}.kh"));
    let p = plan.display().to_string();
    let write = |text: String| std::fs::write(&plan, text).expect("write");
    let data = |name: &str, text: String| {
        let path = dir.join(format!("{case}-{n}.{name}"));
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    };
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    match case {
        "fmt" => {
            write(subjects(n, "htt"));
            v(&["fmt", &p])
        }
        "fmt-check" => {
            write(subjects(n, "htt"));
            v(&["fmt", "--check", &p])
        }
        "diagnostics" => {
            write(subjects(n, "zzz"));
            v(&["--color", "never", "check", &p])
        }
        "test" => {
            write(tests(n));
            v(&["test", &p])
        }
        "wide" => {
            write(wide(n));
            v(&["test", &p])
        }
        "eval" => {
            write(subjects(n, "htt"));
            let d = data("csv", members(n));
            v(&["eval", &p, "--year", "2024", "--format", "csv", "--data", &d])
        }
        _ => {
            write(HEAD.to_string());
            let d = data("jsonl", jsonl(n / 10));
            v(&["eval", &p, "--format", "csv", "--data", &d])
        }
    }
}

/// Seconds the fastest of three runs of `args` takes (`fmt` rewrites its
/// plan, so each run gets the input afresh).
fn time(dir: &Path, case: &str, n: usize) -> f64 {
    (0..3).map(|_| run(&args(dir, case, n))).fold(f64::INFINITY, f64::min)
}

fn run(args: &[String]) -> f64 {
    let start = Instant::now();
    let bin = std::env::var_os("KEHOACH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_kehoach").into());
    Command::new(bin).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().expect("run kehoach");
    start.elapsed().as_secs_f64()
}

const CASES: [&str; 7] = ["fmt", "fmt-check", "diagnostics", "test", "wide", "eval", "jsonl"];

fn main() {
    let given: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let n: usize = given.iter().find_map(|a| a.parse().ok()).unwrap_or(1000);
    let chosen: Vec<&str> = CASES.iter().copied().filter(|c| given.iter().any(|g| g == c)).collect();
    let cases = if chosen.is_empty() { CASES.to_vec() } else { chosen };
    let dir = tempfile::tempdir().expect("temporary folder");
    println!("{:<12} {:>10} {:>10} {:>7}", "case", format!("N={n}"), format!("10N={}", 10 * n), "ratio");
    for case in cases {
        let (a, b) = (time(dir.path(), case, n), time(dir.path(), case, 10 * n));
        let mark = if b / a <= 12.0 { "" } else { "  > 12" };
        println!("{case:<12} {a:>9.3}s {b:>9.3}s {:>7.1}{mark}", b / a);
    }
}
