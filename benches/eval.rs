//! End-to-end benchmark over generated data (PLAN-LANGUAGE issue #3, #4):
//! read CSV → classify → write CSV (and JSON), side by side with the csv
//! crate alone parsing the same file, and peak heap memory per record.
//!
//! On data as offices have it (`data/realistic.rs`, the default) and on the
//! older synthetic set.
//!
//!     cargo bench --bench eval -- [--records N] [--runs N] [--hook] [--purge]

#[path = "data/realistic.rs"]
mod realistic;

use kehoach::check::check_path;
use kehoach::eval::Evaluator;
use kehoach::eval::run::{Input, Options, evaluate_with};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts heap bytes requested (current and peak), over the allocator the
/// `kehoach` binary uses.
struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { MiMalloc.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CURRENT.fetch_sub(l.size(), Relaxed);
        unsafe { MiMalloc.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new >= l.size() {
            let now = CURRENT.fetch_add(new - l.size(), Relaxed) + new - l.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            CURRENT.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { MiMalloc.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

const GRADES: [&str; 4] = ["xuat_sac", "tot", "trung_binh", "kem"];

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

fn csv_alone(paths: &[PathBuf]) -> (f64, usize) {
    let t = Instant::now();
    let mut fields = 0;
    for path in paths {
        let mut head = [0; 3];
        std::io::Read::read_exact(&mut std::fs::File::open(path).unwrap(), &mut head).unwrap();
        let delimiter = if &head == b"id;" { b';' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).from_path(path).unwrap();
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec).unwrap() {
            fields += rec.len();
        }
    }
    (t.elapsed().as_secs_f64(), fields)
}

/// (seconds, peak heap bytes above the start, records) for read → classify
/// → write CSV (or JSON).
fn end_to_end(plan: &str, data: &[PathBuf], out: &Path, json: bool) -> (f64, usize, usize) {
    // The previous run's output goes first, outside the timing: truncating a
    // 120 MB file drops its page cache, a cost of the old file, not of this
    // run (docs/PERFORMANCE.md).
    let _ = std::fs::remove_file(out);
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let model = check_path(Path::new(plan)).unwrap().model.unwrap();
    let ev = Evaluator::new(&model, 2024, None);
    let t_check = t.elapsed().as_secs_f64();
    let opts = Options { year: 2024, as_of: None, subject: None, capture: None, ..Options::default() };
    let inputs = data.iter().cloned().map(Input::File).collect();
    let e = evaluate_with(&ev, inputs, &opts).unwrap();
    let t_eval = t.elapsed().as_secs_f64();
    let w = BufWriter::new(std::fs::File::create(out).unwrap());
    if json {
        kehoach::report::write_json(&ev, &e, w).unwrap();
    } else {
        kehoach::report::csv(&ev, &e, w).unwrap();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "  phases: load and check {t_check:.3} s, read and classify {:.3} s, write {:.3} s",
        t_eval - t_check,
        secs - t_eval
    );
    (secs, PEAK.load(Relaxed) - base, e.outcomes.len())
}

/// mimalloc's option `purge_delay` (`mi_option_purge_delay` in the `mi_option_e`
/// of its v3 `mimalloc.h`, the version `libmimalloc-sys` builds).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    if !std::env::args().any(|a| a == "--huge-pages") {
        kehoach::memory::without_huge_pages();
    }
    // Steady state: the allocator keeps the pages of one run for the next
    // (otherwise whether a run finds them depends on when it returned them
    // to the system). The first run takes them all from the system and is
    // reported on its own line; docs/PERFORMANCE.md.
    if !std::env::args().any(|a| a == "--purge") {
        // SAFETY: sets one of mimalloc's options before any other thread runs.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
    let args: Vec<String> = std::env::args().collect();
    let n = args
        .iter()
        .position(|a| a == "--records")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let hook = args.iter().any(|a| a == "--hook");
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let dir = std::env::temp_dir().join("kehoach-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    // Data as offices have it first (the bench's default), the old
    // synthetic set second.
    let (members, cells) =
        (dir.join(format!("realistic-{n}.csv")), dir.join(format!("realistic-cb-{n}.csv")));
    if !members.exists() || !cells.exists() {
        realistic::generate(&members, &cells, n).unwrap();
    }
    let synthetic: PathBuf = dir.join(format!("members-{n}.csv"));
    if !synthetic.exists() {
        generate(&synthetic, n);
    }
    let sets = [
        ("realistic", format!("{root}/benches/plan-realistic.kh"), vec![cells, members]),
        ("synthetic", format!("{root}/benches/plan.kh"), vec![synthetic.clone()]),
    ];
    for (name, plan, files) in &sets {
        println!("== {name} data");
        measure(plan, files, runs, &dir);
    }
    if hook {
        let plan_hook = format!("{root}/benches/plan-hook.kh");
        let (mut t_hook, mut peak_hook, mut records) = (f64::MAX, 0, 0);
        for _ in 0..runs.max(1) {
            let (t, p, r) =
                end_to_end(&plan_hook, std::slice::from_ref(&synthetic), &dir.join("out-hook.csv"), false);
            (t_hook, peak_hook, records) = (t_hook.min(t), peak_hook.max(p), r);
        }
        println!(
            "with a score hook  {t_hook:.3} s  ({:.0} records/s), peak {:.0} bytes per record (synthetic data)",
            records as f64 / t_hook,
            peak_hook as f64 / records as f64
        );
    }
}

/// The csv crate alone and kehoach end to end (CSV, JSON) on `files`,
/// interleaved, best of `runs`.
fn measure(plan: &str, files: &[PathBuf], runs: usize, dir: &Path) {
    let size: u64 = files.iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
    let (mut t_csv, mut t_e2e, mut peak, mut records, mut fields) = (f64::MAX, f64::MAX, 0, 0, 0);
    let (mut t_json, mut peak_json, mut t_first) = (f64::MAX, 0, None);
    for _ in 0..runs.max(1) {
        let (t, f) = csv_alone(files);
        let (e, p, r) = end_to_end(plan, files, &dir.join("out.csv"), false);
        t_first.get_or_insert(e);
        (t_csv, t_e2e, peak, records, fields) = (t_csv.min(t), t_e2e.min(e), peak.max(p), r, f);
        let (j, p, _) = end_to_end(plan, files, &dir.join("out.json"), true);
        (t_json, peak_json) = (t_json.min(j), peak_json.max(p));
    }
    println!("records            {records}");
    println!("input              {:.1} MB, {fields} fields", size as f64 / 1e6);
    println!("csv crate alone    {t_csv:.3} s");
    println!("end to end         {t_e2e:.3} s  ({:.0} records/s)", records as f64 / t_e2e);
    println!("ratio              {:.2}x the csv crate alone", t_e2e / t_csv);
    println!("end to end, JSON   {t_json:.3} s  ({:.2}x the csv crate alone)", t_json / t_csv);
    if let Some(first) = t_first {
        println!("first run (cold)   {first:.3} s  ({:.2}x)", first / t_csv);
    }
    println!(
        "peak heap          {:.1} MB, {:.0} bytes per record (JSON {:.0})",
        peak as f64 / 1e6,
        peak as f64 / records as f64,
        peak_json as f64 / records as f64
    );
}
