//! `kehoach eval`, `kehoach explain` and `kehoach test`.

use super::load_model;
use crate::diag::Color;
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::{Options, evaluate};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    Table,
    Csv,
    Json,
}

pub struct EvalArgs<'a> {
    pub plan: &'a Path,
    pub data: &'a [PathBuf],
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    pub subject: Option<String>,
}

pub fn run_eval(a: &EvalArgs<'_>, format: EvalFormat, out: Option<&Path>, color: Color) -> i32 {
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let opts = Options { year: a.year, as_of: a.as_of, subject: a.subject.clone(), capture: None };
    let ev = Evaluator::new(&model, a.year, a.as_of);
    let inputs = a.data.iter().cloned().map(crate::eval::run::Input::File).collect();
    let e = match crate::eval::run::evaluate_with(&ev, inputs, &opts) {
        Ok(e) => e,
        Err(err) => {
            eprintln!("error: {err}");
            return 2;
        }
    };
    for w in &e.warnings {
        eprintln!("warning: {w}");
    }
    let result = output(out).and_then(|mut w| match format {
        EvalFormat::Table => w.write_all(crate::report::table(&ev, &e).as_bytes()).and_then(|()| w.flush()),
        EvalFormat::Json => crate::report::write_json(&ev, &e, w),
        EvalFormat::Csv => crate::report::csv(&ev, &e, w),
    });
    if let Err(err) = result {
        eprintln!("error: cannot write output: {err}");
        return 2;
    }
    if e.outcomes.iter().any(|o| o.status == Status::Error) { 1 } else { 0 }
}

/// Where output goes: the `--out` file or standard output, buffered.
fn output(out: Option<&Path>) -> std::io::Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

pub fn run_explain(a: &EvalArgs<'_>, id: &str, color: Color) -> i32 {
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let opts =
        Options { year: a.year, as_of: a.as_of, subject: a.subject.clone(), capture: Some(id.to_string()) };
    let e = match evaluate(&model, a.data, &opts) {
        Ok(e) => e,
        Err(err) => {
            eprintln!("error: {err}");
            return 2;
        }
    };
    let ev = Evaluator::new(&model, a.year, a.as_of);
    match crate::report::explain::explain(&ev, &e, id) {
        Some(text) => {
            print!("{text}");
            0
        }
        None => {
            eprintln!("error: no record has the id `{id}`");
            2
        }
    }
}

pub fn run_test(plans: &[PathBuf], color: Color) -> i32 {
    let (mut passed, mut failed) = (0, 0);
    for plan in plans {
        let model = match load_model(plan, color) {
            Ok(m) => m,
            Err(2) => return 2,
            Err(_) => {
                failed += 1;
                println!("FAIL {}: the plan does not check", plan.display());
                continue;
            }
        };
        for r in crate::plantest::run_all(&model) {
            if r.failures.is_empty() {
                passed += 1;
                println!("ok   {}  ({})", r.name, r.at);
            } else {
                failed += 1;
                println!("FAIL {}  ({})", r.name, r.at);
                for f in &r.failures {
                    println!("       {f}");
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 { 1 } else { 0 }
}
