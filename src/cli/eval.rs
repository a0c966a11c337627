//! `kehoach eval`, `kehoach explain` and `kehoach test`.

use super::load_model;
use super::out::{self, Out};
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
    pub read: crate::data::ReadOptions,
}

impl EvalArgs<'_> {
    /// The run's options; `capture`: the id `explain` asks for.
    fn options(&self, capture: Option<String>) -> Options {
        let (year, as_of, subject, read) = (self.year, self.as_of, self.subject.clone(), self.read.clone());
        Options { year, as_of, subject, capture, read }
    }
}

/// Where `eval` writes: a file (`--out`) or standard output.
pub enum Dest<'a> {
    File(&'a Path),
    Stdout(&'a mut Out),
}

/// The `--data` file that `--out` names (the same file, however spelled).
fn out_is_data<'a>(out: &Path, data: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let out = std::fs::canonicalize(out).ok()?;
    data.iter().find(|d| std::fs::canonicalize(crate::data::sheet::file_of(d)).is_ok_and(|d| d == out))
}

/// `eval`; `keep` are the `--keep` columns.
pub fn run_eval(a: &EvalArgs<'_>, keep: &[String], format: EvalFormat, dest: Dest<'_>, color: Color) -> i32 {
    if let Dest::File(p) = &dest {
        if let Some(d) = out_is_data(p, a.data) {
            out::error(format_args!(
                "`--out {}` names the data file `{}`: the results would replace the members; choose another file",
                p.display(),
                d.display()
            ));
            return 2;
        }
    }
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let opts = a.options(None);
    let ev = Evaluator::new(&model, a.year, a.as_of);
    let inputs = a.data.iter().cloned().map(crate::eval::run::Input::File).collect();
    let e = match crate::eval::run::evaluate_carrying(&ev, inputs, &opts, keep) {
        Ok(e) => e,
        Err(err) => {
            out::error(err);
            return 2;
        }
    };
    said(&e);
    let write = |w: &mut dyn Write| match format {
        EvalFormat::Table => w.write_all(crate::report::table(&ev, &e).as_bytes()),
        EvalFormat::Json => crate::report::write_json(&ev, &e, w),
        EvalFormat::Csv => crate::report::csv(&ev, &e, w),
    };
    match dest {
        // A failure on standard output is kept by `Out` and reported when the run ends.
        Dest::Stdout(o) => {
            let _ = write(o);
        }
        Dest::File(p) => {
            if let Err(err) = crate::files::write_atomic(p, write) {
                out::error(format_args!("cannot write `{}`: {err}", p.display()));
                return 2;
            }
        }
    }
    if e.outcomes.iter().any(|o| o.status == Status::Error) { 1 } else { 0 }
}

pub fn run_explain(a: &EvalArgs<'_>, id: &str, color: Color, out: &mut Out) -> i32 {
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    // Ids are read composed and trimmed; so is the one asked for.
    let key = crate::text::key(id);
    let opts = a.options(Some(key.to_string()));
    let e = match evaluate(&model, a.data, &opts) {
        Ok(e) => e,
        Err(err) => {
            out::error(err);
            return 2;
        }
    };
    said(&e);
    let ev = Evaluator::new(&model, a.year, a.as_of);
    match crate::report::explain::explain(&ev, &e, &key) {
        Some(text) => {
            out.text(&text);
            0
        }
        None => {
            out::error(format_args!("no record has the id `{id}`"));
            2
        }
    }
}

pub fn run_test(plans: &[PathBuf], color: Color, out: &mut Out) -> i32 {
    let (mut passed, mut failed) = (0, 0);
    for plan in plans {
        let model = match load_model(plan, color) {
            Ok(m) => m,
            Err(2) => return 2,
            Err(_) => {
                failed += 1;
                out.line(format_args!("FAIL {}: the plan does not check", plan.display()));
                continue;
            }
        };
        for r in crate::plantest::run_all(&model) {
            if r.failures.is_empty() {
                passed += 1;
                out.line(format_args!("ok   {}  ({})", r.name, r.at));
            } else {
                failed += 1;
                out.line(format_args!("FAIL {}  ({})", r.name, r.at));
                for f in &r.failures {
                    out.line(format_args!("       {f}"));
                }
            }
        }
    }
    out.line(format_args!("{passed} passed, {failed} failed"));
    if failed > 0 { 1 } else { 0 }
}

/// The problems of whole files and the warnings of a run, on standard error.
pub fn said(e: &crate::eval::run::Evaluation) {
    for p in &e.problems {
        out::error(p);
    }
    for w in &e.warnings {
        out::warning(w);
    }
}
