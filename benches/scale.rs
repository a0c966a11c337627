//! Growth of the costs issue 18 item 10 found quadratic: each input at N and
//! 10N through the real binary, and the ratio of times (want ≤ 12).
//!
//!     cargo bench --bench scale -- [N]

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

/// Seconds one run of the binary takes on the input made for `n`.
fn time(dir: &Path, case: &str, n: usize) -> f64 {
    let plan = dir.join(format!("{case}-{n}.kh"));
    let mut args: Vec<String> = Vec::new();
    match case {
        "fmt" => {
            std::fs::write(&plan, subjects(n, "htt")).expect("write");
            args.push("fmt".into());
        }
        "diagnostics" => {
            std::fs::write(&plan, subjects(n, "zzz")).expect("write");
            args.extend(["--color".into(), "never".into(), "check".into()]);
        }
        "test" => {
            std::fs::write(&plan, tests(n)).expect("write");
            args.push("test".into());
        }
        _ => {
            std::fs::write(&plan, HEAD).expect("write");
            let data = dir.join(format!("{n}.jsonl"));
            std::fs::write(&data, jsonl(n / 10)).expect("write");
            args.extend(["eval".into(), plan.display().to_string(), "--format".into(), "csv".into()]);
            args.extend(["--data".into(), data.display().to_string()]);
            return run(&args);
        }
    }
    args.push(plan.display().to_string());
    run(&args)
}

fn run(args: &[String]) -> f64 {
    let start = Instant::now();
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run kehoach");
    start.elapsed().as_secs_f64()
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1000);
    let dir = tempfile::tempdir().expect("temporary folder");
    println!("{:<12} {:>10} {:>10} {:>7}", "case", format!("N={n}"), format!("10N={}", 10 * n), "ratio");
    for case in ["fmt", "diagnostics", "test", "jsonl"] {
        let (a, b) = (time(dir.path(), case, n), time(dir.path(), case, 10 * n));
        let mark = if b / a <= 12.0 { "" } else { "  > 12" };
        println!("{case:<12} {a:>9.3}s {b:>9.3}s {:>7.1}{mark}", b / a);
    }
}
