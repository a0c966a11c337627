//! The optimizations decide nothing (issue 16): every plan's `test` blocks
//! and the bundled data, evaluated with every pass on and with every pass
//! off (the reference evaluator), give the same outcome record by record —
//! status, tier, exact score, reasons, error — and the same output bytes.

mod common;

use kehoach::check::{Model, check_path};
use kehoach::eval::outcome::Outcome;
use kehoach::eval::run::{Evaluation, Options, evaluate_with};
use kehoach::eval::{Evaluator, Passes};
use std::path::{Path, PathBuf};

/// What a record's outcome says, exactly (the score as its reduced ratio).
fn said(o: &Outcome) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?}",
        o.id, o.subject, o.status, o.tier, o.score, o.reasons, o.error
    )
}

fn same(what: &str, a: &Evaluation, b: &Evaluation) {
    assert_eq!(a.outcomes.len(), b.outcomes.len(), "{what}: record counts differ");
    for (x, y) in a.outcomes.iter().zip(&b.outcomes) {
        assert_eq!(said(x), said(y), "{what}: optimized (left) and reference (right) differ");
    }
}

/// Every `.kh` under `dir` that checks without error.
fn models(dir: &str) -> Vec<(PathBuf, Model)> {
    let mut paths = Vec::new();
    collect(Path::new(dir), &mut paths);
    paths.sort();
    paths.into_iter().filter_map(|p| Some((p.clone(), check_path(&p).ok()?.model?))).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "kh") {
            out.push(p);
        }
    }
}

#[test]
fn every_test_block_gives_the_same_outcomes_with_and_without_optimizations() {
    let mut blocks = 0;
    for dir in ["plans", "tests"] {
        for (path, m) in models(dir) {
            for t in &m.plan.tests {
                let what = format!("{} test `{}`", path.display(), t.name.value);
                let fast = kehoach::plantest::evaluate_block(&m, t, Passes::ALL);
                let reference = kehoach::plantest::evaluate_block(&m, t, Passes::NONE);
                match (fast, reference) {
                    (Ok(a), Ok(b)) => same(&what, &a, &b),
                    (a, b) => assert_eq!(a.err(), b.err(), "{what}"),
                }
                blocks += 1;
            }
        }
    }
    assert!(blocks >= 10, "only {blocks} test blocks found");
}

fn run(m: &Model, files: &[&str], year: i32, passes: Passes) -> (Evaluation, Vec<u8>, Vec<u8>) {
    let ev = Evaluator::with_passes(m, year, None, passes);
    let inputs = files.iter().map(|f| kehoach::eval::run::Input::File(PathBuf::from(f))).collect();
    let opts = Options { year, as_of: None, subject: None, capture: None, ..Options::default() };
    let e = evaluate_with(&ev, inputs, &opts).unwrap();
    let (mut csv, mut json) = (Vec::new(), Vec::new());
    kehoach::report::csv(&ev, &e, &mut csv).unwrap();
    kehoach::report::write_json(&ev, &e, &mut json).unwrap();
    (e, csv, json)
}

#[test]
fn the_bundled_data_gives_the_same_outcomes_and_bytes_with_and_without_optimizations() {
    let hanoi =
        ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];
    let cases: [(&str, Vec<&str>, i32); 5] = [
        ("plans/hanoi/01-KH-TU.kh", hanoi.to_vec(), 2020),
        ("plans/hanoi/01-KH-TU.kh", vec!["plans/hanoi/data/han-muc.csv"], 2020),
        ("plans/ba-dinh/12-KH-QU.kh", vec![hanoi[1], hanoi[2], "plans/ba-dinh/data/dang-vien.csv"], 2020),
        ("tests/hooks/hooks.kh", vec!["tests/hooks/hooks.csv"], 2024),
        ("tests/hooks/paths.kh", vec!["tests/hooks/paths.csv"], 2024),
    ];
    for (plan, files, year) in cases {
        let m = check_path(Path::new(plan)).unwrap().model.unwrap();
        let (a, csv_a, json_a) = run(&m, &files, year, Passes::ALL);
        let (b, csv_b, json_b) = run(&m, &files, year, Passes::NONE);
        same(plan, &a, &b);
        assert!(a.outcomes.len() > 5, "{plan}: too few records to say anything");
        assert_eq!(String::from_utf8(csv_a).unwrap(), String::from_utf8(csv_b).unwrap(), "{plan}: CSV");
        assert_eq!(String::from_utf8(json_a).unwrap(), String::from_utf8(json_b).unwrap(), "{plan}: JSON");
    }
}

/// Each pass alone agrees with the reference too (a pass that is only
/// right in company of another would hide here otherwise).
#[test]
fn each_pass_alone_gives_the_reference_outcomes() {
    let m = check_path(Path::new("plans/ba-dinh/12-KH-QU.kh")).unwrap().model.unwrap();
    let files =
        ["plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv", "plans/ba-dinh/data/dang-vien.csv"];
    let (reference, csv, _) = run(&m, &files, 2020, Passes::NONE);
    for name in ["compiled", "int_scores", "hook_memo", "output_tails", "dropped_slots", "cell_memo"] {
        let passes = Passes::parse(name).unwrap();
        let (e, bytes, _) = run(&m, &files, 2020, passes);
        same(name, &e, &reference);
        assert_eq!(bytes, csv, "{name}: CSV bytes");
    }
}
