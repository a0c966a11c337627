//! `kehoach test`: runs a plan's `test` blocks — records written in the
//! block and `data` files — and compares outcomes with the expectations.

use crate::check::Model;
use crate::data::{At, Cell, DataError, OwnedRow};
use crate::eval::outcome::{Outcome, Status};
use crate::eval::run::{Evaluation, Input, Options, evaluate_with};
use crate::eval::{Evaluator, Passes};
use crate::exact::Exact;
use crate::syntax::ast::{Expectation, Test, TestKind, Value};
use chrono::Datelike;
use std::collections::HashMap;
use std::path::Path;

mod failure;
pub use failure::{Failure, Miss, Named, Shown};

pub struct TestResult {
    pub name: String,
    /// `FILE:LINE` of the block.
    pub at: String,
    pub failures: Vec<Failure>,
}

/// Runs every block. An evaluator is prepared once per evaluation year and
/// shared by the blocks of that year: preparing one per block cost the whole
/// plan for each block.
pub fn run_all(model: &Model) -> Vec<TestResult> {
    let mut evaluators: HashMap<i32, Evaluator<'_>> = HashMap::new();
    let mut results = Vec::with_capacity(model.plan.tests.len());
    for t in &model.plan.tests {
        let year = year_of(model, t);
        let ev = evaluators.entry(year).or_insert_with(|| Evaluator::new(model, year, None));
        results.push(run_one(ev, t));
    }
    results
}

fn year_of(model: &Model, t: &Test) -> i32 {
    let own = t.items.iter().find_map(|i| match &i.kind {
        TestKind::Year(y) => crate::num::to_u32(&y.value).map(|y| y as i32),
        _ => None,
    });
    let issued = model.plan.issued().map(|d| d.year());
    own.or(issued).unwrap_or_else(|| chrono::Local::now().year())
}

fn cell(v: &Value) -> Cell {
    match v {
        Value::Num(n) => Cell::Number(crate::num::literal(&n.value)),
        Value::Str(s) => Cell::Text(s.value.clone()),
        Value::Date(d) => Cell::Text(d.value.format("%Y-%m-%d").to_string()),
        Value::Bool(b, _) => Cell::Bool(*b),
        Value::Name(n) => Cell::Text(n.name.clone()),
    }
}

/// The block's own records as in-memory rows.
fn rows(t: &Test) -> Input {
    let mut headers = vec!["id".to_string(), "subject".to_string()];
    let mut rows = Vec::new();
    for item in &t.items {
        let TestKind::Record(r) = &item.kind else { continue };
        let mut cells = vec![(0, Cell::Text(r.id.value.clone())), (1, Cell::Text(r.subject.name.clone()))];
        for (name, v) in &r.values {
            let col = headers.iter().position(|h| *h == name.name).unwrap_or_else(|| {
                headers.push(name.name.clone());
                headers.len() - 1
            });
            cells.push((col, cell(v)));
        }
        rows.push(OwnedRow { at: At::Line(item.loc.line() as u64), cells });
    }
    Input::Rows { name: t.loc.src.path().to_path_buf(), headers, rows }
}

/// The outcomes of a test block's records and data, evaluated with `passes`.
pub fn evaluate_block(model: &Model, t: &Test, passes: Passes) -> Result<Evaluation, DataError> {
    let ev = Evaluator::with_passes(model, year_of(model, t), None, passes);
    evaluate_block_with(&ev, t)
}

fn evaluate_block_with(ev: &Evaluator<'_>, t: &Test) -> Result<Evaluation, DataError> {
    let dir = t.loc.src.path().parent().unwrap_or(Path::new("")).to_path_buf();
    let mut inputs = vec![rows(t)];
    for item in &t.items {
        if let TestKind::Data(p) = &item.kind {
            inputs.push(Input::File(dir.join(&p.value)));
        }
    }
    let opts = Options { year: ev.year, as_of: None, subject: None, capture: None, ..Options::default() };
    evaluate_with(ev, inputs, &opts)
}

fn run_one(ev: &Evaluator<'_>, t: &Test) -> TestResult {
    let mut result = TestResult { name: t.name.value.clone(), at: t.loc.file_line(), failures: Vec::new() };
    let evaluation = match evaluate_block_with(ev, t) {
        Ok(e) => e,
        Err(e) => {
            result.failures.push(Failure::Unread(e));
            return result;
        }
    };
    let mut by_id: HashMap<&str, &Outcome> = HashMap::new();
    for o in &evaluation.outcomes {
        by_id.entry(o.id.as_ref()).or_insert(o);
    }
    for item in &t.items {
        if let Some(f) = expectation(ev, &item.kind, &by_id, &evaluation.outcomes) {
            result.failures.push(Failure::At { line: item.loc.line(), miss: f });
        }
    }
    result
}

fn actual(ev: &Evaluator<'_>, o: &Outcome) -> Shown {
    match o.status {
        Status::Classified => Shown::Scored(
            tier_named(ev, o.tier.map(usize::from), "?"),
            o.score.map(|s| s.show(2)).unwrap_or_default(),
        ),
        Status::Exempt => Shown::Exempt,
        Status::Error | Status::Pending => Shown::Error(o.error.clone()),
    }
}

/// Tier `t` by its name and label; `spelled` when there is no such tier.
fn tier_named(ev: &Evaluator<'_>, t: Option<usize>, spelled: &str) -> Named {
    match t {
        Some(t) => Named { name: ev.tier_name(t).to_string(), label: Some(ev.tier_label(t).to_string()) },
        None => Named { name: spelled.to_string(), label: None },
    }
}

/// Subject `name` by its name and label.
fn subject_named(ev: &Evaluator<'_>, name: &str) -> Named {
    let label = ev.model.plan.subject(name).and_then(|s| s.label.as_ref()).map(|l| l.value.clone());
    Named { name: name.to_string(), label }
}

/// A tier by its name, or by a label or `alias` (`expect "X" tier HTXSNV`).
fn spelled_tier(ev: &Evaluator<'_>, name: &str) -> Option<usize> {
    let names = &ev.model.names;
    names.tier_index(name).or_else(|| names.spellings.tier(name))
}

/// `None` when the expectation holds, else what went wrong.
fn expectation(
    ev: &Evaluator<'_>,
    k: &TestKind,
    by_id: &HashMap<&str, &Outcome>,
    all: &[Outcome],
) -> Option<Miss> {
    match k {
        TestKind::Expect { id, what } => {
            let Some(o) = by_id.get(id.value.as_str()) else {
                return Some(Miss::NoRecord(id.value.clone()));
            };
            let (ok, want) = match what {
                Expectation::Tier(t) => (
                    o.status == Status::Classified && o.tier.map(usize::from) == spelled_tier(ev, &t.name),
                    Shown::Tier(tier_named(ev, spelled_tier(ev, &t.name), &t.name)),
                ),
                Expectation::Score(n) => {
                    let want = Exact::from_num(&n.value);
                    let got = o.score.filter(|_| o.status == Status::Classified).map(|s| s.round_places(2));
                    (got.is_some() && got == want, Shown::Score(crate::num::literal(&n.value)))
                }
                Expectation::Exempt => (o.status == Status::Exempt, Shown::Exempt),
                Expectation::Error => (o.status == Status::Error, Shown::Error(None)),
            };
            (!ok).then(|| Miss::Outcome { id: id.value.clone(), want, got: actual(ev, o) })
        }
        TestKind::ExpectCount { subject, tier, count } => {
            let t = spelled_tier(ev, &tier.name);
            let n = all
                .iter()
                .filter(|o| o.status == Status::Classified && o.tier.map(usize::from) == t)
                .filter(|o| {
                    o.subject.is_some_and(|s| {
                        let name = &ev.model.plan.subjects[usize::from(s)].name.name;
                        crate::check::types::in_family(&ev.model.plan, name, &subject.name)
                    })
                })
                .count();
            let want = crate::num::to_u32(&count.value).map(|c| c as usize);
            (want != Some(n)).then(|| Miss::Count {
                want: crate::num::literal(&count.value),
                subject: subject_named(ev, &subject.name),
                tier: tier_named(ev, t, &tier.name),
                got: n,
            })
        }
        _ => None,
    }
}
