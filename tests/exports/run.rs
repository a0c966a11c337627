//! Running the real binary on a case: a time limit (a run that blocks is
//! killed and fails the case), its exit status and the peak memory of that
//! one process (read with `wait4`), and the checks every case must pass:
//! exit 0, 1 or 2; when not 2, one output record per data row and
//! `total = classified + exempt + errors`; no stderr line said twice.

use serde::Deserialize;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The city's plan; its members (208 rows) and cells (12 rows) are bundled.
pub const PLAN: &str = "plans/hanoi/01-KH-TU.kh";
pub const MEMBERS: &str = "plans/hanoi/data/dang-vien.csv";
pub const CELLS: &str = "plans/hanoi/data/chi-bo.csv";
pub const CELL_ROWS: usize = 12;
/// Longest any run may take before it counts as a hang.
pub const LIMIT: Duration = Duration::from_secs(30);

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit status; `None` when killed by a signal (or the time limit).
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
    pub stdout: Vec<u8>,
    pub stderr: String,
    /// Peak resident memory of the process, in KiB.
    pub max_rss_kib: i64,
    pub elapsed: Duration,
}

/// The JSON output of `eval`, as much as the checks read.
#[derive(Debug, Deserialize)]
pub struct Out {
    pub records: Vec<Record>,
    pub summary: Summary,
}

#[derive(Debug, Deserialize, Clone, PartialEq)]
pub struct Record {
    pub id: serde_json::Value,
    pub subject: Option<String>,
    pub status: String,
    pub tier: Option<String>,
    pub score: Option<f64>,
    pub error: Option<String>,
    #[serde(default)]
    pub columns: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Summary {
    pub total: usize,
    pub classified: usize,
    pub exempt: usize,
    pub errors: usize,
}

/// A path under the crate root.
pub fn root(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// Private memory (heap) a run may map: a run that tries to hold a huge
/// file fails at once instead of filling the machine's memory. Mapping a
/// file to read it is not counted (`RLIMIT_DATA`, Linux 4.7 and later).
pub const HEAP: u64 = 4 << 30;

/// `kehoach ARGS` from the crate root, output kept in files of `dir` (so
/// that a large output cannot block a pipe), killed after `limit`, its
/// heap capped at [`HEAP`].
#[expect(clippy::zombie_processes, reason = "reaped by `wait4`, which also gives its peak memory")]
pub fn run_in(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let (out, err) = (dir.join(".stdout"), dir.join(".stderr"));
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    cmd.args(args).current_dir(ROOT).env("NO_COLOR", "1").env("KEHOACH_LANG", "en").stdin(Stdio::null());
    // SAFETY: the closure runs in the child between fork and exec and only
    // calls `setrlimit`, which is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            let heap = libc::rlimit { rlim_cur: HEAP, rlim_max: HEAP };
            if libc::setrlimit(libc::RLIMIT_DATA, &heap) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    cmd.stdout(std::fs::File::create(&out).unwrap()).stderr(std::fs::File::create(&err).unwrap());
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let (mut status, mut usage, mut timed_out) = (0, empty_usage(), false);
    loop {
        // SAFETY: `status` and `usage` are valid for writes; `pid` is our
        // child, not yet reaped (std never waits for it: we do it here).
        let got = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if got == pid {
            break;
        }
        assert_eq!(got, 0, "wait4 failed");
        if start.elapsed() > limit && !timed_out {
            timed_out = true;
            child.kill().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    let exited = libc::WIFEXITED(status);
    let signaled = libc::WIFSIGNALED(status);
    let stdout = std::fs::read(&out).unwrap();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err).unwrap()).into_owned();
    let _ = (std::fs::remove_file(out), std::fs::remove_file(err));
    Run {
        code: exited.then(|| libc::WEXITSTATUS(status)),
        signal: signaled.then(|| libc::WTERMSIG(status)),
        timed_out,
        stdout,
        stderr,
        max_rss_kib: usage.ru_maxrss,
        elapsed,
    }
}

fn empty_usage() -> libc::rusage {
    // SAFETY: `rusage` is plain integers and timevals: all zeros is valid.
    unsafe { std::mem::zeroed() }
}

/// `kehoach eval PLAN --year YEAR --format json --data FILES… MORE…`.
pub fn eval(dir: &Path, (plan, year): (&str, &str), data: &[&Path], more: &[&str]) -> Run {
    let plan = root(plan);
    let mut args = vec!["eval", plan.to_str().unwrap(), "--year", year, "--format", "json", "--data"];
    args.extend(data.iter().map(|p| p.to_str().unwrap()));
    args.extend(more);
    run_in(dir, &args, LIMIT)
}

/// The city's plan on `file` and the bundled cells (`rows` counts both).
pub fn eval_members(dir: &Path, file: &Path, rows: usize) -> (Run, Option<Out>) {
    let run = eval(dir, (PLAN, "2020"), &[file, &root(CELLS)], &[]);
    let out = check(&run, rows);
    (run, out)
}

/// The checks every case passes; the output when the run was not refused.
pub fn check(run: &Run, rows: usize) -> Option<Out> {
    assert!(!run.timed_out, "no result after {:?} (a hang)\nstderr: {}", run.elapsed, run.stderr);
    let code =
        run.code.unwrap_or_else(|| panic!("killed by signal {:?}\nstderr: {}", run.signal, run.stderr));
    assert!(matches!(code, 0..=2), "exit {code} (a panic is 101)\nstderr: {}", run.stderr);
    no_line_twice(&run.stderr);
    if code == 2 {
        assert!(run.stderr.contains("error"), "exit 2 says why: {}", run.stderr);
        return None;
    }
    let out: Out = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|e| panic!("eval --format json wrote JSON: {e}\nstderr: {}", run.stderr));
    let s = &out.summary;
    assert_eq!(out.records.len(), rows, "one output record per data row\nstderr: {}", run.stderr);
    assert_eq!(s.total, rows, "summary.total is the number of rows");
    assert_eq!(s.total, s.classified + s.exempt + s.errors, "total = classified + exempt + errors");
    let errors = out.records.iter().filter(|r| r.status == "error").count();
    assert_eq!(errors, s.errors, "summary.errors counts the records in error");
    assert_eq!(code == 1, errors > 0, "exit 1 exactly when a record is in error\n{}", run.stderr);
    Some(out)
}

/// No line of standard error appears twice (a file-level cause said once,
/// not once per row).
pub fn no_line_twice(stderr: &str) {
    let mut seen = std::collections::HashMap::new();
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        *seen.entry(line).or_insert(0) += 1;
    }
    let twice: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    assert!(twice.is_empty(), "lines said more than once: {twice:?}");
}

/// Standard error with `dir` (and the crate root) replaced by placeholders.
pub fn placeless(stderr: &str, dir: &Path) -> String {
    stderr.replace(dir.to_str().unwrap(), "[TMP]").replace(ROOT, "[ROOT]")
}

/// The records in error.
pub fn errors(out: &Out) -> Vec<&Record> {
    out.records.iter().filter(|r| r.status == "error").collect()
}

/// What a record's outcome is, without where its data came from.
pub fn outcome(r: &Record) -> (String, Option<String>, String, Option<String>, Option<i64>) {
    let id = r.id.as_str().map_or_else(|| r.id.to_string(), String::from);
    let score = r.score.map(|s| (s * 100.0).round() as i64);
    (id, r.subject.clone(), r.status.clone(), r.tier.clone(), score)
}
