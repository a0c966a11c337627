//! The real binary against failing output and special input (issue 18): a
//! full disk and a closed pipe on standard output, FIFOs, devices and folders
//! where a file is expected, files replaced atomically, impossible years.
#![cfg(target_os = "linux")]

use assert_cmd::Command;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const PLAN: &str = "plans/hanoi/01-KH-TU.kh";
const DATA: &str = "plans/hanoi/data/bi-thu.csv";
const SAMPLE: [&str; 3] =
    ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];

/// The binary, with a guard: a run that blocks is killed and fails the test.
fn kehoach() -> Command {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    c.env_remove("NO_COLOR").env("KEHOACH_LANG", "en").current_dir(ROOT).timeout(Duration::from_secs(60));
    c
}

/// The binary as a plain process, for what `assert_cmd` does not set:
/// where standard output goes, limits.
fn process(args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    c.args(args).env("KEHOACH_LANG", "en").current_dir(ROOT).stdin(Stdio::null()).stderr(Stdio::piped());
    c
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every command with output on standard output.
fn commands() -> Vec<Vec<&'static str>> {
    let with_sample = |args: &[&'static str]| [args, &SAMPLE[..]].concat();
    let eval = |f| with_sample(&["eval", PLAN, "--year", "2020", "--format", f, "--data"]);
    vec![
        vec!["check", PLAN],
        vec!["check", "tests/cases/names.kh"],
        vec!["check", "--format", "json", "tests/cases/coverage.kh"],
        vec!["show", "plans/ba-dinh/12-KH-QU.kh"],
        vec!["show", "--effective", "plans/ba-dinh/12-KH-QU.kh"],
        vec!["test", PLAN, "plans/qd366/366-2025.kh"],
        vec!["schedule", PLAN, "--year", "2025"],
        vec!["schedule", PLAN, "--year", "2025", "--format", "ics"],
        vec![
            "schedule",
            PLAN,
            "--year",
            "2024",
            "--format",
            "json",
            "--done",
            "tests/schedule/done-2024.csv",
        ],
        vec!["diff", PLAN, "plans/ba-dinh/12-KH-QU.kh", "--format", "json"],
        with_sample(&["diff", PLAN, "plans/ba-dinh/12-KH-QU.kh", "--year", "2020", "--data"]),
        with_sample(&["explain", PLAN, "--year", "2020", "--id", "BT10", "--data"]),
        vec!["fmt", "--check", "tests/fmt/messy.kh"],
        eval("table"),
        eval("csv"),
        eval("json"),
        vec!["--help"],
    ]
}

/// Standard output open for writing, with its reader already gone.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors `pipe2` writes; the read
    // end is closed at once and the write end owned by the `OwnedFd`.
    unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0);
        libc::close(fds[0]);
        Stdio::from(OwnedFd::from_raw_fd(fds[1]))
    }
}

#[test]
fn a_full_disk_on_standard_output_is_status_2_with_one_message() {
    for args in commands() {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let o = process(&args).stdout(full).output().unwrap();
        let err = text(&o.stderr);
        assert_eq!(code(&o), 2, "{args:?}: {err}");
        let said = err.lines().filter(|l| l.starts_with("error: cannot write to standard output")).count();
        assert_eq!(said, 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_runs_own_status() {
    for args in commands() {
        let normal = kehoach().args(&args).output().unwrap();
        assert!(!normal.stdout.is_empty(), "{args:?} writes something");
        let o = process(&args).stdout(closed_pipe()).output().unwrap();
        assert_eq!(code(&o), code(&normal), "{args:?}: {}", text(&o.stderr));
        assert_eq!(text(&o.stderr), text(&normal.stderr), "{args:?}: nothing more is said");
    }
}

/// A CSV of `n` party members with distinct ids, for output larger than a pipe holds.
fn members(dir: &Path, n: usize) -> PathBuf {
    // `name`: the column the plan's `display` line carries.
    let mut csv = String::from("id,subject,name,lanh_dao_cn,neu_guong,dung_dau\n");
    for i in 0..n {
        csv.push_str(&format!("B{i},bi_thu,Bí thư {i},tot,tot,\n"));
    }
    let path = dir.join("many.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn reading_one_line_then_closing_the_pipe_ends_quietly() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let data = members(dir.path(), 20_000);
    let data = data.to_str().unwrap();
    for format in ["table", "csv", "json"] {
        let mut child = process(&["eval", PLAN, "--year", "2020", "--format", format, "--data", data])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        let o = child.wait_with_output().unwrap();
        // Every record lacks `dung_dau`: the run's own status is 1. Standard
        // error says that once, and nothing of the closed pipe.
        assert_eq!(code(&o), 1, "{format}: {}", text(&o.stderr));
        let once = "warning: no «Chi bộ» (`chi_bo`) records were given, and \
                    «Bí thư chi bộ (cá nhân lãnh đạo)» (`bi_thu`) records read them: \
                    pass the file of «Chi bộ» (`chi_bo`) records too\n";
        assert_eq!(text(&o.stderr), once, "{format}");
    }
}

/// A FIFO, a folder and a child plan in a fresh folder.
struct Specials {
    dir: tempfile::TempDir,
}

impl Specials {
    fn new() -> Specials {
        let dir = tempfile::tempdir().unwrap();
        for name in ["fifo.kh", "fifo.csv", "fifo.json"] {
            let path = std::ffi::CString::new(dir.path().join(name).into_os_string().into_encoded_bytes());
            // SAFETY: a valid C string for the path; mkfifo only creates the node.
            assert_eq!(unsafe { libc::mkfifo(path.unwrap().as_ptr(), 0o644) }, 0);
        }
        std::fs::create_dir(dir.path().join("folder.csv")).unwrap();
        Specials { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// A plan that extends `parent`.
    fn child(&self, parent: &str) -> String {
        let path = self.dir.path().join("child.kh");
        std::fs::write(&path, format!("plan \"CON\" extends \"{parent}\" {{}}\n")).unwrap();
        path.display().to_string()
    }
}

fn check(plan: &str) -> (i32, String) {
    let o = kehoach().args(["check", "--color", "never", plan]).output().unwrap();
    (code(&o), text(&o.stdout))
}

#[test]
fn a_plan_that_is_not_a_regular_file_is_refused_at_once() {
    let s = Specials::new();
    for (plan, why) in [
        (s.path("fifo.kh"), "is a FIFO (named pipe), not a regular file"),
        ("/dev/zero".to_string(), "is a device, not a regular file"),
        // `check DIR` checks the plans under it: here the FIFO.
        (s.path(""), "is a FIFO (named pipe), not a regular file"),
    ] {
        let (status, out) = check(&plan);
        assert_eq!(status, 2, "{plan}: {out}");
        assert!(out.contains(why), "{plan}: {out}");
        let o = kehoach().args(["fmt", &plan]).output().unwrap();
        assert_eq!(code(&o), 2, "fmt {plan}");
        let o = kehoach().args(["show", &plan]).output().unwrap();
        assert_eq!(code(&o), 2, "show {plan}");
    }
}

#[test]
fn a_parent_that_is_not_a_regular_file_is_named_as_such() {
    let s = Specials::new();
    for (parent, why) in [
        ("fifo.kh", "cannot read `DIR/fifo.kh`: is a FIFO (named pipe)"),
        ("/dev/zero", "cannot read `/dev/zero`: is a device"),
        (".", "cannot read `DIR`: is a directory"),
        ("folder.csv", "cannot read `DIR/folder.csv`: is a directory"),
        ("missing.kh", "parent plan `DIR/missing.kh` does not exist"),
    ] {
        let (status, out) = check(&s.child(parent));
        assert_eq!(status, 1, "{parent}: {out}");
        let why = why.replace("DIR", s.path("").trim_end_matches('/'));
        assert!(out.contains(&why), "{parent}: {out}");
    }
}

#[test]
fn extends_dot_from_the_current_folder_is_a_directory() {
    let s = Specials::new();
    s.child(".");
    let o = kehoach().current_dir(s.dir.path()).args(["check", "child.kh"]).output().unwrap();
    assert!(text(&o.stdout).contains("cannot read `.`: is a directory"), "{}", text(&o.stdout));
}

#[test]
fn data_that_is_not_a_regular_file_is_refused_at_once() {
    let s = Specials::new();
    for (data, why) in [
        (s.path("fifo.csv"), "is a FIFO (named pipe), not a regular file"),
        (s.path("fifo.json"), "is a FIFO (named pipe), not a regular file"),
        (s.path("folder.csv"), "is a directory"),
    ] {
        for command in [vec!["eval", PLAN], vec!["explain", PLAN, "--id", "X"]] {
            let o = kehoach().args(&command).args(["--data", &data]).output().unwrap();
            assert_eq!(code(&o), 2, "{command:?} {data}");
            let err = text(&o.stderr);
            assert_eq!(err, format!("error: cannot read `{data}`: {why}\n"));
        }
    }
    let o =
        kehoach().args(["schedule", PLAN, "--year", "2024", "--done", &s.path("fifo.csv")]).output().unwrap();
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("is a FIFO"), "{}", text(&o.stderr));
}

#[test]
fn a_test_block_with_special_data_fails_at_once() {
    let s = Specials::new();
    let plan = s.dir.path().join("plan.kh");
    let text_of = std::fs::read_to_string(Path::new(ROOT).join("plans/hanoi/165-KH-TU.kh")).unwrap();
    for (data, why) in
        [("fifo.csv", "is a FIFO (named pipe), not a regular file"), ("folder.csv", "is a directory")]
    {
        let block = format!("\ntest \"special\" {{\n  year 2019\n  data \"{data}\"\n}}\n");
        std::fs::write(&plan, format!("{text_of}{block}")).unwrap();
        let (status, out) = check(plan.to_str().unwrap());
        assert_eq!(status, 1, "{out}");
        assert!(out.contains(&format!("cannot read `{}`: {why}", s.path(data))), "{out}");
        let o = kehoach().args(["test", "--color", "never"]).arg(&plan).output().unwrap();
        assert_eq!(code(&o), 1);
        assert!(text(&o.stderr).contains(why), "{}", text(&o.stderr));
        assert_eq!(text(&o.stdout).lines().last(), Some("0 passed, 1 failed"));
    }
}

/// Runs `args` with files limited to `limit` bytes (the write past it fails
/// instead of killing the process) and the usual umask.
fn limited(args: &[&str], limit: u64) -> Output {
    let mut c = process(args);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit { rlim_cur: limit, rlim_max: limit };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            libc::umask(0o022);
            Ok(())
        });
    }
    c.output().unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn fmt_that_cannot_finish_leaves_the_plan_whole_and_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("messy.kh");
    std::fs::copy(Path::new(ROOT).join("tests/fmt/messy.kh"), &plan).unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let p = plan.to_str().unwrap();
    let o = limited(&["fmt", p], 64);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).starts_with(&format!("error: cannot write `{p}`")), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(&plan).unwrap(), before, "the plan is as it was");
    assert_eq!(names_in(dir.path()), ["messy.kh"], "no temporary file is left");
    let o = limited(&["fmt", p], libc::RLIM_INFINITY);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_ne!(std::fs::read(&plan).unwrap(), before);
    assert_eq!(mode(&plan), 0o640);
    assert_eq!(code(&limited(&["fmt", "--check", p], libc::RLIM_INFINITY)), 0);
}

#[test]
fn eval_out_is_replaced_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o604)).unwrap();
    let run = |limit| {
        let mut args =
            vec!["eval", PLAN, "--year", "2020", "--format", "json", "--out", out.to_str().unwrap()];
        args.push("--data");
        args.extend(SAMPLE);
        limited(&args, limit)
    };
    let o = run(100);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).starts_with("error: cannot write `"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    assert_eq!(names_in(dir.path()), ["out.json"]);
    assert_eq!(code(&run(libc::RLIM_INFINITY)), 0);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["plan"], "01-KH/TU");
    assert_eq!(mode(&out), 0o604);
    let new = dir.path().join("new.csv");
    let args =
        [&["eval", PLAN, "--year", "2020", "--out", new.to_str().unwrap(), "--data"][..], &SAMPLE].concat();
    assert_eq!(code(&limited(&args, libc::RLIM_INFINITY)), 0);
    assert_eq!(mode(&new), 0o644, "a new file gets the usual mode, not a temporary file's");
}

#[test]
fn years_outside_1900_to_2200_and_impossible_dates_are_usage_errors() {
    for args in [
        vec!["schedule", PLAN, "--year", "262144"],
        vec!["schedule", PLAN, "--year", "1899"],
        vec!["schedule", PLAN, "--year", "2201"],
        vec!["eval", PLAN, "--year=-5", "--data", DATA],
        vec!["eval", PLAN, "--year", "2020", "--as-of", "2025-02-30", "--data", DATA],
        vec!["eval", PLAN, "--year", "2020", "--as-of", "31/12/1899", "--data", DATA],
        vec!["diff", PLAN, PLAN, "--year", "99999"],
        vec![
            "schedule",
            PLAN,
            "--year",
            "2024",
            "--as-of",
            "1/1/2201",
            "--done",
            "tests/schedule/done-2024.csv",
        ],
    ] {
        let o = kehoach().args(&args).output().unwrap();
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = text(&o.stderr);
        let why = if err.contains("2025-02-30") {
            "is not a date"
        } else {
            "is outside the years kehoach handles (1900–2200)"
        };
        assert!(err.contains(why), "{args:?}: {err}");
    }
    for year in ["1900", "2200"] {
        assert_eq!(code(&kehoach().args(["schedule", PLAN, "--year", year]).output().unwrap()), 0, "{year}");
    }
}

#[test]
fn check_json_names_the_file_it_cannot_read() {
    let s = Specials::new();
    for plan in ["plans/khong-co.kh".to_string(), s.path("folder.csv"), s.path("fifo.kh")] {
        let o = kehoach().args(["check", "--format", "json", &plan]).output().unwrap();
        assert_eq!(code(&o), 2);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let d = &v["diagnostics"][0];
        assert_eq!((d["code"].as_str(), d["file"].as_str()), (Some("read-file"), Some(plan.as_str())));
        assert_eq!(
            (d["line"].clone(), d["column"].clone()),
            (serde_json::Value::Null, serde_json::Value::Null)
        );
    }
}

/// Issue 17, item 9: `--out` naming one of the `--data` files (however
/// spelled) is refused before anything is written, and the file is intact.
#[test]
fn eval_refuses_to_write_over_its_own_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("dv.csv");
    std::fs::copy("plans/hanoi/data/chi-bo.csv", &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    let spelled = dir.path().join(".").join("dv.csv");
    let out = Command::cargo_bin("kehoach")
        .unwrap()
        .env("KEHOACH_LANG", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--format", "csv", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&spelled)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("names the data file"), "{err}");
    assert_eq!(std::fs::read(&data).unwrap(), before, "the data file was touched");
}

#[test]
fn a_file_that_cannot_be_read_or_written_is_said_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("khong-co/ket-qua.csv");
    let out = out.to_str().unwrap();
    let write = ["eval", PLAN, "--year", "2020", "--data", SAMPLE[0], SAMPLE[1], "--out", out];
    let read = ["check", "plans/khong-co.kh"];
    for (args, vi, en) in [
        (&write[..], "không ghi được", ": không có thư mục này"),
        (&read[..], "không đọc được `plans/khong-co.kh`", ": không có tệp này"),
    ] {
        // `check` says it with its diagnostics (standard output), `eval` on standard error.
        let all = |o: &Output| text(&o.stdout) + &text(&o.stderr);
        let said = kehoach().env("KEHOACH_LANG", "vi").args(args).output().unwrap();
        let (code_vi, said_vi) = (code(&said), all(&said));
        assert!(said_vi.contains(vi) && said_vi.contains(en), "{said_vi}");
        assert!(!said_vi.contains("os error"), "{said_vi}");
        let said = kehoach().args(args).output().unwrap();
        assert_eq!(code(&said), code_vi);
        assert!(all(&said).contains("No such file or directory"), "{}", all(&said));
    }
}

/// A disk with no room left is said in words in Vietnamese (the system's
/// text in English), with status 2.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_said_in_the_readers_language() {
    let args = ["eval", PLAN, "--year", "2020", "--data", SAMPLE[0], SAMPLE[1], "--out", "/dev/full"];
    let said = kehoach().env("KEHOACH_LANG", "vi").args(args).output().unwrap();
    let err = text(&said.stderr);
    assert_eq!(code(&said), 2, "{err}");
    assert!(err.contains("không ghi được `/dev/full`: đĩa đã hết chỗ trống"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let said = kehoach().args(args).output().unwrap();
    assert_eq!(code(&said), 2);
    assert!(text(&said.stderr).contains("No space left on device"), "{}", text(&said.stderr));
}
