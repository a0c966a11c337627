//! What one record's classification did, step by step, recorded by the run
//! that classified it (an optional sink the evaluator writes to), so that
//! `explain` reports the run instead of evaluating again.

use crate::exact::Exact;
use crate::vocab::expr::{Env, EvalError, TExpr, truth};

/// Whether a condition held, or why it could not be decided.
pub type Held = Result<bool, EvalError>;

/// One step of §5.1 as it ran for the record.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Exemption `index` was tried.
    Exempt { index: usize, held: Held },
    /// The exact score from the record's values (before hooks).
    Score(Exact),
    /// The score after the score hooks.
    Hooked(Exact),
    /// Rule `index` was tried; when it did not hold, the first part of it
    /// (a conjunct, or the whole) that did not.
    Rule { index: usize, held: Held, failing: Option<TExpr> },
    /// No rule held: `otherwise`.
    Otherwise,
    /// Cap `index` was tried; `lowered` when it lowered the tier.
    Cap { index: usize, held: Held, lowered: bool },
    /// An aggregate a condition computed: `matching` of `counted` records.
    Aggregate { text: String, matching: i64, counted: i64, value: Exact },
    /// The step the record stopped at, in words.
    Failed(String),
}

/// The first conjunct of `cond` that does not hold for `env`, going into
/// nested `and`s; `cond` itself when it is no conjunction.
pub fn failing(cond: &TExpr, env: &dyn Env) -> TExpr {
    match cond {
        TExpr::And(xs) => match xs.iter().find(|x| truth(x, env) == Ok(false)) {
            Some(x) => failing(x, env),
            None => cond.clone(),
        },
        _ => cond.clone(),
    }
}

/// The steps of one record, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub steps: Vec<Step>,
}

/// A record `explain` asked for: where it is, its values, its steps.
#[derive(Clone, Debug)]
pub struct Captured {
    pub index: usize,
    pub values: Vec<Option<crate::vocab::value::Value>>,
    pub trace: Trace,
}

/// Where the evaluator writes steps: nowhere (the usual run) or a trace.
pub trait Sink {
    fn on(&mut self) -> bool;
    fn step(&mut self, step: impl FnOnce() -> Step);
}

impl Sink for Option<&mut Trace> {
    #[inline(always)]
    fn on(&mut self) -> bool {
        self.is_some()
    }

    #[inline(always)]
    fn step(&mut self, step: impl FnOnce() -> Step) {
        if let Some(t) = self {
            t.steps.push(step());
        }
    }
}
