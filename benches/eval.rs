//! End-to-end benchmark as a user runs it (issue 22): the csv crate alone
//! parsing the data, then one whole `kehoach eval … --format csv --out NEW`
//! process writing a new file with `--jobs 1`, then one with every core,
//! alternately, best, median and worst of `--runs`; each process's peak resident
//! memory from the system (`wait4`). On data as
//! offices have it (`data/realistic.rs`, the default) and on the older
//! synthetic set.
//!
//!     cargo bench --bench eval -- [--records N] [--runs N] [--hook] [--only realistic|synthetic]
//!
//! `--records` may be 5500000 (the whole country); the generated files are
//! kept in `$TMPDIR/kehoach-bench/` (about 190 MB per million records).
//!
//! `KEHOACH_BIN=PATH` times another build of the binary (to compare with an
//! earlier commit).

#[path = "data/realistic.rs"]
mod realistic;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const GRADES: [&str; 4] = ["xuat_sac", "tot", "trung_binh", "kem"];

/// The synthetic set: ASCII grade names, 0/1 flags, ISO dates, short codes.
fn generate(path: &Path, n: usize) {
    let mut w = BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(w, "id,c1,c2,c3,c4,c5,c6,c7,c8,bi_ky_luat,suy_thoai,nghi_om,co_so,ngay_vao_dang").unwrap();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..n {
        let mut row = format!("DV{i:07}");
        let strong = next() % 4 == 0;
        for _ in 0..8 {
            let r = next() % 10;
            let g = if strong { usize::from(r > 6) } else { [0, 1, 1, 1, 1, 1, 2, 2, 2, 3][r as usize] };
            row.push(',');
            row.push_str(GRADES[g]);
        }
        for p in [50, 200, 30] {
            row.push_str(if next() % p == 0 { ",1" } else { ",0" });
        }
        let year = 1970 + next() % 55;
        row.push_str(&format!(
            ",CS{:04},{}-{:02}-{:02}",
            next() % 2000,
            year,
            1 + next() % 12,
            1 + next() % 28
        ));
        writeln!(w, "{row}").unwrap();
    }
}

/// The csv crate reading every record of `paths` (`StringRecord`).
fn csv_alone(paths: &[PathBuf], delimiter: u8) -> f64 {
    let t = Instant::now();
    let mut fields = 0;
    for path in paths {
        let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).from_path(path).unwrap();
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec).unwrap() {
            fields += rec.len();
        }
    }
    assert!(fields > 0);
    t.elapsed().as_secs_f64()
}

/// Waits for `child`: its exit status and peak resident memory in bytes.
#[cfg(target_os = "linux")]
fn wait(child: std::process::Child) -> (i32, u64) {
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: waits for our own child, writing into the two locals.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert!(pid > 0, "wait4 failed");
    (libc::WEXITSTATUS(status), usage.ru_maxrss as u64 * 1024)
}

#[cfg(not(target_os = "linux"))]
fn wait(mut child: std::process::Child) -> (i32, u64) {
    (child.wait().unwrap().code().unwrap_or(-1), 0)
}

/// One whole `kehoach eval` process writing CSV to a new file: (seconds, peak RSS).
fn kehoach(bin: &Path, plan: &str, year: &str, files: &[PathBuf], out: &Path, jobs: usize) -> (f64, u64) {
    let _ = std::fs::remove_file(out);
    let mut c = Command::new(bin);
    c.args(["eval", plan, "--year", year, "--format", "csv", "--out"]).arg(out).arg("--data").args(files);
    c.arg("--jobs").arg(jobs.to_string()).env_remove("KEHOACH_JOBS");
    let t = Instant::now();
    let child = c.stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let (status, rss) = wait(child);
    let secs = t.elapsed().as_secs_f64();
    assert!(status <= 1, "kehoach exited with {status}");
    (secs, rss)
}

/// The times of a series of runs.
#[derive(Clone, Default)]
struct Series(Vec<f64>);

impl Series {
    fn add(&mut self, x: f64) {
        self.0.push(x);
    }

    /// Best, median and worst.
    fn summary(&self) -> (f64, f64, f64) {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        match (v.first(), v.last()) {
            (Some(&best), Some(&worst)) => (best, v[(v.len() - 1) / 2], worst),
            _ => (f64::NAN, f64::NAN, f64::NAN),
        }
    }
}

struct Set {
    name: &'static str,
    plan: String,
    year: &'static str,
    files: Vec<PathBuf>,
    delimiter: u8,
    records: usize,
}

fn measure(bin: &Path, set: &Set, runs: usize, dir: &Path, cores: usize) {
    let size: u64 = set.files.iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
    let out = dir.join(format!("out-{}.csv", set.name));
    let mut csv = Series::default();
    let mut each = [(1, Series::default(), 0), (cores, Series::default(), 0)];
    for _ in 0..runs.max(1) {
        csv.add(csv_alone(&set.files, set.delimiter));
        for (jobs, time, rss) in &mut each {
            let (t, r) = kehoach(bin, &set.plan, set.year, &set.files, &out, *jobs);
            time.add(t);
            *rss = (*rss).max(r);
        }
    }
    // On a shared VM the same run varies by half: the median is shown beside the best.
    let (c_best, c_median, c_worst) = csv.summary();
    println!("== {} data: {} records, {:.1} MB", set.name, set.records, size as f64 / 1e6);
    println!("csv crate alone            {c_best:.3}–{c_worst:.3} s (median {c_median:.3})");
    for (jobs, time, rss) in each {
        let (best, median, worst) = time.summary();
        println!(
            "kehoach, {jobs} thread(s)       {best:.3}–{worst:.3} s (median {median:.3})   {:.2}× the csv crate \
             alone (best to best), {:.2}× (median to median); peak RSS {:.0} MB, {:.0} bytes per record",
            best / c_best,
            median / c_median,
            rss as f64 / 1e6,
            rss as f64 / set.records as f64
        );
    }
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = arg(&args, "--records").unwrap_or(1_000_000);
    let runs: usize = arg(&args, "--runs").unwrap_or(3);
    let only: Option<String> = arg(&args, "--only");
    let bin = std::env::var_os("KEHOACH_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_kehoach")), PathBuf::from);
    let dir = std::env::temp_dir().join("kehoach-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let (members, cells) =
        (dir.join(format!("realistic-{n}.csv")), dir.join(format!("realistic-cb-{n}.csv")));
    if !members.exists() || !cells.exists() {
        realistic::generate(&members, &cells, n).unwrap();
    }
    let synthetic = dir.join(format!("members-{n}.csv"));
    if !synthetic.exists() {
        generate(&synthetic, n);
    }
    println!("binary: {}", bin.display());
    let sets = [
        Set {
            name: "realistic",
            plan: format!("{root}/benches/plan-realistic.kh"),
            year: "2020",
            files: vec![cells, members],
            delimiter: b';',
            records: n + realistic::CELLS,
        },
        Set {
            name: "synthetic",
            plan: format!("{root}/benches/plan.kh"),
            year: "2024",
            files: vec![synthetic.clone()],
            delimiter: b',',
            records: n,
        },
    ];
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("threads: 1 and {cores} (every core)");
    for set in sets.iter().filter(|s| only.as_deref().is_none_or(|o| o == s.name)) {
        measure(&bin, set, runs, &dir, cores);
    }
    if args.iter().any(|a| a == "--hook") {
        let plan = format!("{root}/benches/plan-hook.kh");
        let mut hook = Series::default();
        for _ in 0..runs.max(1) {
            let out = dir.join("out-hook.csv");
            hook.add(kehoach(&bin, &plan, "2024", std::slice::from_ref(&synthetic), &out, 1).0);
        }
        let (best, median, worst) = hook.summary();
        println!("with a score hook (synthetic, whole process) {best:.3}–{worst:.3} s (median {median:.3})");
    }
}
