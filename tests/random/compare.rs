//! Runs one plan on one set of data files in every mode — every pass on,
//! every pass off (the reference), each pass alone, all passes but one — and
//! tells the first way a mode differs from the reference: an outcome (id,
//! subject, status, tier, exact score, reasons, error), a warning, or the
//! CSV or JSON bytes. Checks too that every input row has one outcome.

use chrono::NaiveDate;
use kehoach::check::Model;
use kehoach::eval::outcome::Outcome;
use kehoach::eval::run::{Evaluation, Input, Options, evaluate_with};
use kehoach::eval::{Evaluator, Passes};
use std::path::Path;

const NAMES: [&str; 5] = ["compiled", "int_scores", "hook_memo", "output_tails", "dropped_slots"];

/// The options of a run besides the passes.
#[derive(Clone, Debug)]
pub struct Settings {
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    /// The subject of records that name none (`--subject`).
    pub subject: Option<String>,
}

/// Every mode compared with the reference, by name.
fn modes() -> Vec<(String, Passes)> {
    let mut out = vec![("all".to_string(), Passes::ALL)];
    for n in NAMES {
        out.push((n.to_string(), Passes::parse(n).expect("a pass")));
        let others: Vec<&str> = NAMES.iter().copied().filter(|x| *x != n).collect();
        out.push((format!("all but {n}"), Passes::parse(&others.join(",")).expect("passes")));
    }
    out
}

/// What a record's outcome says, exactly (the score as its reduced ratio).
fn said(o: &Outcome) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?}",
        o.id, o.subject, o.status, o.tier, o.score, o.reasons, o.error
    )
}

/// Everything a run gives that must not depend on the passes.
#[derive(PartialEq, Debug)]
pub struct Run {
    pub outcomes: Vec<String>,
    pub warnings: Vec<String>,
    pub csv: String,
    pub json: String,
}

pub fn run(
    m: &Model,
    dir: &Path,
    files: &[String],
    s: &Settings,
    passes: Passes,
) -> Result<(Run, Evaluation), String> {
    let ev = Evaluator::with_passes(m, s.year, s.as_of, passes);
    let inputs = files.iter().map(|f| Input::File(dir.join(f))).collect();
    let opts = Options {
        year: s.year,
        as_of: s.as_of,
        subject: s.subject.clone(),
        capture: None,
        ..Options::default()
    };
    let e = evaluate_with(&ev, inputs, &opts).map_err(|e| e.to_string())?;
    let (mut csv, mut json) = (Vec::new(), Vec::new());
    kehoach::report::csv(&ev, &e, &mut csv).expect("csv");
    kehoach::report::write_json(&ev, &e, &mut json).expect("json");
    let run = Run {
        outcomes: e.outcomes.iter().map(said).collect(),
        warnings: e.warnings.iter().map(ToString::to_string).collect(),
        csv: String::from_utf8(csv).expect("utf-8"),
        json: String::from_utf8(json).expect("utf-8"),
    };
    Ok((run, e))
}

/// The first difference between a mode and the reference, if any; `ids`
/// are the input rows' ids, in order.
pub fn disagreement(m: &Model, dir: &Path, files: &[String], ids: &[String], s: &Settings) -> Option<String> {
    let reference = run(m, dir, files, s, Passes::NONE);
    if let Ok((_, e)) = &reference {
        let got: Vec<&str> = e.outcomes.iter().map(|o| o.id.as_str()).collect();
        if got != ids {
            return Some(format!("the outcomes are not the input rows in order:\n{got:?}\n{ids:?}"));
        }
    }
    let reference = reference.map(|r| r.0);
    if let Some(wrong) = reference.as_ref().ok().and_then(|r| totals(&r.json, ids.len())) {
        return Some(wrong);
    }
    for (name, passes) in modes() {
        let got = run(m, dir, files, s, passes).map(|r| r.0);
        if got != reference {
            return Some(first_difference(&name, &got, &reference));
        }
    }
    None
}

fn first_difference(name: &str, got: &Result<Run, String>, want: &Result<Run, String>) -> String {
    let (Ok(a), Ok(b)) = (got, want) else {
        return format!("`{name}` gave {:?}, the reference {:?}", got.as_ref().err(), want.as_ref().err());
    };
    if let Some((x, y)) = a.outcomes.iter().zip(&b.outcomes).find(|(x, y)| x != y) {
        return format!("`{name}` says\n  {x}\nthe reference says\n  {y}");
    }
    if a.outcomes.len() != b.outcomes.len() {
        return format!("`{name}`: {} outcomes, the reference {}", a.outcomes.len(), b.outcomes.len());
    }
    if a.warnings != b.warnings {
        return format!("`{name}` warns {:?}, the reference {:?}", a.warnings, b.warnings);
    }
    let (what, x, y) = if a.csv != b.csv { ("CSV", &a.csv, &b.csv) } else { ("JSON", &a.json, &b.json) };
    format!("`{name}`: the {what} bytes differ:\n{x}\n---- reference:\n{y}")
}

/// What is wrong with the JSON's records and totals, if anything: one
/// record per input row, `total = classified + exempt + errors = rows`.
fn totals(json: &str, rows: usize) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let n = |k: &str| v["summary"][k].as_u64().unwrap_or(u64::MAX);
    let records = v["records"].as_array().map_or(0, Vec::len);
    let sum = n("classified").saturating_add(n("exempt")).saturating_add(n("errors"));
    (records != rows || n("total") != rows as u64 || sum != rows as u64)
        .then(|| format!("{rows} rows, {records} JSON records, summary {}", v["summary"]))
}

/// The first difference between a mode and the reference on the records of
/// each `test` block of the plan, if any.
pub fn block_disagreement(m: &Model) -> Option<String> {
    for t in &m.plan.tests {
        let outcomes = |passes| {
            kehoach::plantest::evaluate_block(m, t, passes)
                .map(|e| e.outcomes.iter().map(said).collect::<Vec<_>>())
        };
        let reference = outcomes(Passes::NONE);
        for (name, passes) in modes() {
            let got = outcomes(passes);
            if got != reference {
                return Some(format!("test block, `{name}`: {got:#?}\nthe reference: {reference:#?}"));
            }
        }
    }
    None
}
