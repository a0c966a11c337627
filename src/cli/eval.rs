//! `kehoach eval`, `kehoach explain` and `kehoach test`.

use super::dest::Dest;
use super::load_model;
use super::out::{self, Out};
use crate::diag::Color;
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::Options;
use chrono::NaiveDate;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    Table,
    Csv,
    Json,
    /// An Excel workbook (needs `--out`).
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExplainFormat {
    Text,
    Json,
}

pub struct EvalArgs<'a> {
    pub plan: &'a Path,
    pub data: &'a [PathBuf],
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    pub subject: Option<String>,
    pub read: crate::data::ReadOptions,
    /// `--previous`: last year's results.
    pub previous: Option<&'a Path>,
}

impl EvalArgs<'_> {
    /// The evaluator of this run, with last year's tiers when `--previous`
    /// gives them; `Err` is the exit status (the problem is said).
    fn evaluator<'m>(&self, model: &'m crate::check::Model) -> Result<Evaluator<'m>, i32> {
        let mut ev = Evaluator::new(model, self.year, self.as_of);
        if let Some(p) = self.previous {
            ev.previous = crate::eval::previous::Previous::read(p, &model.names.tiers).map_err(|e| {
                out::error(e.words(out::lang()));
                2
            })?;
        }
        Ok(ev)
    }

    /// The run's options; `capture`: the id `explain` asks for.
    fn options(&self, capture: Option<String>) -> Options {
        let (year, as_of, subject, read) = (self.year, self.as_of, self.subject.clone(), self.read.clone());
        Options { year, as_of, subject, capture, read }
    }
}

/// The `--data` file that `--out` names (the same file, however spelled).
fn out_is_data<'a>(out: &Path, data: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let out = std::fs::canonicalize(out).ok()?;
    data.iter().find(|d| std::fs::canonicalize(crate::data::sheet::file_of(d)).is_ok_and(|d| d == out))
}

/// Evaluates the data of `a` (carrying `keep`) and hands the run to `then`;
/// `Err` is the exit status when it cannot run. Refuses an `--out` that
/// names a data file.
pub fn with_evaluation(
    a: &EvalArgs<'_>,
    keep: &[String],
    out_file: Option<&Path>,
    color: Color,
    then: impl FnOnce(&Evaluator<'_>, &crate::eval::run::Evaluation) -> Result<(), i32>,
) -> i32 {
    if let Some(p) = out_file
        && let Some(d) = out_is_data(p, a.data)
    {
        let (out, data) = (p.display().to_string(), d.display().to_string());
        out::error(crate::t!(out::lang(), "cli-out-is-data", out = out, data = data));
        return 2;
    }
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let opts = a.options(None);
    let ev = match a.evaluator(&model) {
        Ok(ev) => ev,
        Err(code) => return code,
    };
    let inputs = a.data.iter().cloned().map(crate::eval::run::Input::File).collect();
    let e = match crate::eval::run::evaluate_carrying(&ev, inputs, &opts, keep) {
        Ok(e) => e,
        Err(err) => {
            out::error(err.words(out::lang()));
            return 2;
        }
    };
    said(&e);
    let status = match then(&ev, &e) {
        Err(status) => status,
        Ok(()) if e.outcomes.iter().any(|o| o.status == Status::Error) => 1,
        Ok(()) => 0,
    };
    // The process ends with the command: its memory goes back to the system
    // at once, where freeing a million outcomes one by one takes 50 ms
    // (docs/PERFORMANCE.md).
    std::mem::forget(e);
    status
}

/// `eval`; `keep` are the `--keep` columns.
pub fn run_eval(
    a: &EvalArgs<'_>,
    keep: &[String],
    format: EvalFormat,
    dest: Dest<'_>,
    ctx: super::Ctx,
) -> i32 {
    let (lang, color) = (ctx.lang, ctx.color);
    let file = match &dest {
        Dest::File(p) => Some(*p),
        Dest::Stdout(_) if format == EvalFormat::Xlsx => {
            out::error(crate::t!(lang, "cli-xlsx-needs-out"));
            return 2;
        }
        Dest::Stdout(_) => None,
    };
    with_evaluation(a, keep, file, color, |ev, e| {
        dest.write(|w| match format {
            EvalFormat::Table => crate::report::write_table(ev, e, lang, w),
            EvalFormat::Json => crate::report::write_json(ev, e, w),
            EvalFormat::Csv => crate::report::csv(ev, e, w),
            EvalFormat::Xlsx => {
                let book = crate::report::xlsx::workbook(ev, e, lang).map_err(std::io::Error::other)?;
                w.write_all(&book)
            }
        })
    })
}

pub fn run_explain(
    a: &EvalArgs<'_>,
    id: &str,
    format: ExplainFormat,
    dest: Dest<'_>,
    ctx: super::Ctx,
) -> i32 {
    let (lang, color) = (ctx.lang, ctx.color);
    let model = match load_model(a.plan, color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    // Ids are read composed and trimmed; so is the one asked for.
    let key = crate::text::key(id);
    let opts = a.options(Some(key.to_string()));
    let ev = match a.evaluator(&model) {
        Ok(ev) => ev,
        Err(code) => return code,
    };
    let inputs = a.data.iter().cloned().map(crate::eval::run::Input::File).collect();
    let e = match crate::eval::run::evaluate_with(&ev, inputs, &opts) {
        Ok(e) => e,
        Err(err) => {
            out::error(err.words(out::lang()));
            return 2;
        }
    };
    said(&e);
    let text = match format {
        ExplainFormat::Text => crate::report::explain::explain(&ev, &e, &key, lang),
        ExplainFormat::Json => {
            crate::report::explain_json::explain_json(&ev, &e, &key).map(|j| format!("{j:#}\n"))
        }
    };
    match text {
        Some(text) => match dest.text(&text) {
            Ok(()) => 0,
            Err(status) => status,
        },
        None => {
            out::error(crate::t!(lang, "explain-no-record", id = id));
            2
        }
    }
}

pub fn run_test(plans: &[PathBuf], ctx: super::Ctx, out: &mut Out) -> i32 {
    let (lang, color) = (ctx.lang, ctx.color);
    let (mut passed, mut failed) = (0, 0);
    for plan in plans {
        let model = match load_model(plan, color) {
            Ok(m) => m,
            Err(2) => return 2,
            Err(_) => {
                failed += 1;
                out.line(crate::t!(lang, "test-plan-fails-check", plan = plan.display().to_string()));
                continue;
            }
        };
        for r in crate::plantest::run_all(&model) {
            if r.failures.is_empty() {
                passed += 1;
                out.line(crate::t!(lang, "test-ok", name = r.name.as_str(), at = r.at.to_string()));
            } else {
                failed += 1;
                out.line(crate::t!(lang, "test-fail", name = r.name.as_str(), at = r.at.to_string()));
                for f in &r.failures {
                    out.line(format_args!("       {}", f.words(lang)));
                }
            }
        }
    }
    out.line(crate::t!(lang, "test-summary", passed = passed, failed = failed));
    if failed > 0 { 1 } else { 0 }
}

/// The problems of whole files and the warnings of a run, on standard error.
pub fn said(e: &crate::eval::run::Evaluation) {
    let lang = out::lang();
    for p in &e.problems {
        out::error(p.words(lang));
    }
    for w in &e.warnings {
        out::warning(w.words(lang));
    }
}
