//! Where a condition finds a record's values ([`RecordEnv`]) and other
//! records' final results ([`Lookup`]).

use super::Evaluator;
use crate::exact::Exact;
use crate::vocab::expr::{Aggregate, Env, EvalError, ItemKind, ItemRef};
use crate::vocab::value::Value;
use chrono::NaiveDate;
use std::borrow::Cow;

/// Access to other records' final results.
pub trait Lookup {
    /// `count`/`share` for the record `id`.
    fn aggregate(&self, agg: &Aggregate, id: &str) -> Result<Exact, EvalError>;
    /// The final tier of record `id` (`None` when exempt), or why it has none.
    fn final_tier(&self, id: &str) -> Result<Option<u8>, crate::diag::Target>;
    /// For a trace: how many of the records `agg` counts for `id` match.
    fn tally(&self, _agg: &Aggregate, _id: &str) -> Option<(i64, i64)> {
        None
    }
}

/// A lookup for subjects that read no other record.
pub struct NoLookup;

impl Lookup for NoLookup {
    fn aggregate(&self, agg: &Aggregate, _: &str) -> Result<Exact, EvalError> {
        Err(EvalError::Unavailable(agg.text.clone()))
    }

    fn final_tier(&self, _: &str) -> Result<Option<u8>, crate::diag::Target> {
        Err(crate::diag::Target::Unavailable)
    }
}

pub struct RecordEnv<'a> {
    pub ev: &'a Evaluator<'a>,
    pub subject: usize,
    pub values: &'a [Option<Value>],
    pub score: Option<Exact>,
    pub tier: Option<usize>,
    pub id: &'a str,
    pub lookup: &'a dyn Lookup,
    /// The expressions are the subject's own (typed for it): their slot
    /// hints hold. Not so for an aggregate's filter on a family member.
    pub own: bool,
}

impl RecordEnv<'_> {
    pub(crate) fn slot(&self, name: &str) -> Option<usize> {
        self.ev.prepared[self.subject].names.iter().position(|n| n == name)
    }

    /// The slot of `r` here: its hint when the names agree, else a search.
    fn slot_of(&self, r: &ItemRef) -> Option<usize> {
        if self.own {
            debug_assert_eq!(self.ev.prepared[self.subject].names.get(r.slot), Some(&r.name));
            return Some(r.slot);
        }
        match self.ev.prepared[self.subject].names.get(r.slot) {
            Some(n) if *n == r.name => Some(r.slot),
            _ => self.slot(&r.name),
        }
    }
}

impl Env for RecordEnv<'_> {
    fn year(&self) -> i32 {
        self.ev.year
    }

    fn as_of(&self) -> NaiveDate {
        self.ev.as_of
    }

    fn score(&self) -> Result<Exact, EvalError> {
        self.score.ok_or_else(|| EvalError::Missing("score".into()))
    }

    fn tier(&self) -> Result<usize, EvalError> {
        self.tier.ok_or_else(|| EvalError::Missing("tier".into()))
    }

    fn item(&self, r: &ItemRef) -> Result<Cow<'_, Value>, EvalError> {
        match self.slot_of(r).and_then(|s| self.values.get(s)).and_then(Option::as_ref) {
            Some(v) => Ok(Cow::Borrowed(v)),
            None if r.kind == ItemKind::Flag => Ok(Cow::Owned(Value::Bool(false))),
            None => Err(EvalError::Missing(r.name.clone())),
        }
    }

    fn aggregate(&self, agg: &Aggregate) -> Result<Exact, EvalError> {
        self.lookup.aggregate(agg, self.id)
    }

    fn previous(&self) -> Option<usize> {
        self.ev.previous.rank(self.id)
    }

    fn slots(&self) -> Option<&[Option<Value>]> {
        (self.own && self.ev.passes.compiled).then_some(self.values)
    }
}
