//! The finite space of candidate records that rule coverage explores, and an
//! [`Env`] that evaluates conditions on one point of it.

use super::model::{CMeasure, CSubject};
use super::names::{Grade, Names};
use crate::diag::Example;
use crate::exact::Exact;
use crate::num::{self, Num};
use crate::resolve::model::Subject;
use crate::syntax::ast::{AggKind, FieldType, ItemKind as AstItem, Measure};
use crate::vocab::expr::{Aggregate, Env, EvalError, ItemKind, ItemRef, TExpr};
use crate::vocab::value::Value;
use chrono::{Months, NaiveDate};
use std::borrow::Cow;

/// How many records are tried per subject at most.
pub const BUDGET: usize = 20_000;

/// One candidate record: an index into each variable's values.
pub type Point = Vec<usize>;

enum Key {
    Item(String),
    Agg(String),
}

struct Var {
    key: Key,
    values: Vec<Value>,
    labels: Vec<String>,
    /// True when `values` are all the values the variable can take.
    exact: bool,
}

pub struct Space {
    vars: Vec<Var>,
    /// (variable index, weight / max grade) of each graded criterion.
    factors: Vec<(usize, Exact)>,
    points: Vec<usize>,
    as_of: NaiveDate,
}

impl Space {
    pub fn new(s: &Subject, c: &CSubject, names: &Names) -> Space {
        let mut refs = Vec::new();
        let mut aggs = Vec::new();
        let mut consts = Vec::new();
        for r in &c.rules {
            walk(&r.cond, &mut refs, &mut aggs, &mut consts);
        }
        let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
        let mut sp = Space { vars: Vec::new(), factors: Vec::new(), points: Vec::new(), as_of };
        let mut grades: Vec<&Grade> = names.scale.iter().collect();
        grades.sort_by_key(|g| std::cmp::Reverse(g.value));
        for &(slot, m) in &c.measures {
            let Some(AstItem::Criterion(cr)) = s.decls.get(slot).map(|d| &d.kind) else { continue };
            let key = Key::Item(cr.name.name.clone());
            match (m, &cr.measure) {
                (CMeasure::Weight { factor, .. }, _) => {
                    sp.factors.push((sp.vars.len(), factor));
                    let values = grades.iter().map(|g| Value::Grade(g.value)).collect();
                    let labels = grades.iter().map(|g| g.name.clone()).collect();
                    sp.vars.push(Var { key, values, labels, exact: true });
                }
                (CMeasure::Points(_), Measure::Points(p)) => {
                    sp.points.push(sp.vars.len());
                    let nums = numbers(&consts, Some(&num::zero()), Some(&p.value), false);
                    sp.vars.push(num_var(key, nums, false));
                }
                (CMeasure::Points(_), Measure::Weight(_)) => {}
            }
        }
        for name in refs {
            sp.add_item(s, names, &name, &consts);
        }
        for (text, kind) in aggs {
            let hundred = num::int(100);
            let max = if kind == AggKind::Share { Some(&hundred) } else { None };
            let nums = numbers(&consts, Some(&num::zero()), max, kind == AggKind::Count);
            sp.vars.push(num_var(Key::Agg(text), nums, false));
        }
        sp
    }

    fn add_item(&mut self, s: &Subject, names: &Names, name: &str, consts: &[Num]) {
        if self.vars.iter().any(|v| matches!(&v.key, Key::Item(n) if n == name)) {
            return;
        }
        let key = Key::Item(name.to_string());
        if s.flags().any(|f| f.name.name == name) {
            let values = vec![Value::Bool(false), Value::Bool(true)];
            self.vars.push(Var { key, values, labels: vec!["false".into(), "true".into()], exact: true });
            return;
        }
        let Some(f) = s.fields().find(|f| f.name.name == name) else { return };
        let var = match &f.ty {
            FieldType::Number => num_var(key, numbers(consts, None, None, false), false),
            FieldType::Tier => {
                let n = names.tiers.len();
                let values = (0..n).map(|i| Value::Tier(crate::vocab::value::tier_rank(i, n))).collect();
                Var { key, values, labels: names.tiers.clone(), exact: true }
            }
            FieldType::Choice(opts) => {
                let values = (0..opts.len()).map(Value::Choice).collect();
                Var { key, values, labels: opts.iter().map(|o| o.name.name.clone()).collect(), exact: true }
            }
            FieldType::Date => {
                let mut days: Vec<NaiveDate> = vec![self.as_of];
                for c in consts.iter().filter_map(num::to_u32) {
                    let d = self.as_of.checked_sub_months(Months::new(c)).unwrap_or(self.as_of);
                    days.extend([d, d.pred_opt().unwrap_or(d), d.succ_opt().unwrap_or(d)]);
                }
                days.sort();
                days.dedup();
                let labels = days.iter().map(|d| crate::syntax::print::date(*d)).collect();
                Var { key, values: days.into_iter().map(Value::Date).collect(), labels, exact: false }
            }
            FieldType::Text | FieldType::Ref(_) => {
                Var { key, values: vec![Value::Str("x".into())], labels: vec!["\"x\"".into()], exact: false }
            }
        };
        self.vars.push(var);
    }

    pub fn size(&self) -> u128 {
        self.vars.iter().fold(1u128, |acc, v| acc.saturating_mul(v.values.len().max(1) as u128))
    }

    /// Whether enumerating the space covers every possible record.
    pub fn exact(&self) -> bool {
        self.vars.iter().all(|v| v.exact)
    }

    pub fn nth(&self, mut n: u128) -> Point {
        self.vars
            .iter()
            .map(|v| {
                let len = v.values.len().max(1) as u128;
                let i = (n % len) as usize;
                n /= len;
                i
            })
            .collect()
    }

    /// A deterministic pseudo-random point (the same on every run).
    pub fn sample(&self, i: usize) -> Point {
        let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(0x2545_F491_4F6C_DD1D);
        self.vars
            .iter()
            .map(|v| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % v.values.len().max(1) as u64) as usize
            })
            .collect()
    }

    pub fn env<'a>(&'a self, p: &'a Point) -> PointEnv<'a> {
        PointEnv { space: self, point: p, score: std::cell::OnceCell::new() }
    }

    /// "a record with a = x, b = y (score 55)".
    pub fn describe(&self, p: &Point) -> Example {
        let values = (self.vars.iter().zip(p))
            .map(|(v, &i)| {
                let name = match &v.key {
                    Key::Item(n) | Key::Agg(n) => n,
                };
                (name.clone(), v.labels.get(i).cloned().unwrap_or_else(|| "?".into()))
            })
            .collect();
        let score = self.score(p).map_or_else(|| "?".into(), |s| s.show(2));
        Example { values, score: Some(score) }
    }

    /// "a record with a = x" naming only the variables `keep` (and the
    /// score when `score`).
    pub fn describe_some(&self, p: &Point, keep: &[String], score: bool) -> Example {
        let values = (self.vars.iter().zip(p))
            .filter_map(|(v, &i)| match &v.key {
                Key::Item(n) if keep.contains(n) => {
                    Some((n.clone(), v.labels.get(i).cloned().unwrap_or_else(|| "?".into())))
                }
                _ => None,
            })
            .collect();
        Example { values, score: self.score(p).filter(|_| score).map(|s| s.show(2)) }
    }

    /// The score of a point, exactly (`None` past `Exact`'s range).
    fn score(&self, p: &Point) -> Option<Exact> {
        let factors = &self.factors;
        let graded = || {
            factors.iter().filter_map(|(v, factor)| match self.vars[*v].values.get(p[*v]) {
                Some(Value::Grade(g)) => Some((*factor, *g)),
                _ => None,
            })
        };
        let mut total = match Exact::dot(graded()) {
            Some(total) => total,
            None => graded().try_fold(Exact::ZERO, |t, (f, g)| t.checked_add(f.checked_mul(g)?))?,
        };
        for v in &self.points {
            if let Some(Value::Num(n)) = self.vars[*v].values.get(p[*v]) {
                total = total.checked_add(*n)?;
            }
        }
        Some(total)
    }
}

fn num_var(key: Key, nums: Vec<Num>, exact: bool) -> Var {
    // A candidate past `Exact`'s range is left out, never taken as 0.
    let (values, labels) =
        nums.iter().filter_map(|n| Some((Value::Num(Exact::from_num(n)?), num::format(n, 2)))).unzip();
    Var { key, values, labels, exact }
}

/// Candidate numbers: 0 and each constant with its neighbours, within range.
fn numbers(consts: &[Num], min: Option<&Num>, max: Option<&Num>, whole: bool) -> Vec<Num> {
    let half = num::int(1) / num::int(2);
    let mut out = vec![num::zero()];
    for c in consts {
        for d in [num::int(-1), -half.clone(), num::zero(), half.clone(), num::int(1)] {
            out.push(c + d);
        }
    }
    out.extend(max.cloned());
    out.retain(|n| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m) && (!whole || n.is_integer()));
    out.sort();
    out.dedup();
    out
}

/// The flags and fields, aggregates and numeric constants a rule reads:
/// a filter over the one traversal.
fn walk(e: &TExpr, refs: &mut Vec<String>, aggs: &mut Vec<(String, AggKind)>, consts: &mut Vec<Num>) {
    for x in e.subexpressions() {
        match x {
            TExpr::Const(Value::Num(n)) => consts.push(n.to_num()),
            TExpr::Item(r) if matches!(r.kind, ItemKind::Flag | ItemKind::Field) => refs.push(r.name.clone()),
            TExpr::Agg(a) if !aggs.iter().any(|(t, _)| *t == a.text) => aggs.push((a.text.clone(), a.kind)),
            _ => {}
        }
    }
}

pub struct PointEnv<'a> {
    space: &'a Space,
    point: &'a Point,
    /// The point's score, worked out once for all the rules that read it.
    score: std::cell::OnceCell<Option<Exact>>,
}

impl Env for PointEnv<'_> {
    fn year(&self) -> i32 {
        chrono::Datelike::year(&self.space.as_of)
    }

    fn as_of(&self) -> NaiveDate {
        self.space.as_of
    }

    fn score(&self) -> Result<Exact, EvalError> {
        self.score.get_or_init(|| self.space.score(self.point)).ok_or(EvalError::Overflow)
    }

    fn tier(&self) -> Result<usize, EvalError> {
        Err(EvalError::Missing("tier".into()))
    }

    fn item(&self, r: &ItemRef) -> Result<Cow<'_, Value>, EvalError> {
        let found = self
            .space
            .vars
            .iter()
            .zip(self.point)
            .find(|(v, _)| matches!(&v.key, Key::Item(n) if *n == r.name));
        match found {
            Some((v, &i)) => {
                v.values.get(i).map(Cow::Borrowed).ok_or_else(|| EvalError::Missing(r.name.clone()))
            }
            None if r.kind == ItemKind::Flag => Ok(Cow::Owned(Value::Bool(false))),
            None => Err(EvalError::Missing(r.name.clone())),
        }
    }

    fn aggregate(&self, a: &Aggregate) -> Result<Exact, EvalError> {
        let found = self
            .space
            .vars
            .iter()
            .zip(self.point)
            .find(|(v, _)| matches!(&v.key, Key::Agg(t) if *t == a.text));
        match found.and_then(|(v, &i)| v.values.get(i)) {
            Some(Value::Num(n)) => Ok(*n),
            _ => Err(EvalError::Missing(a.text.clone())),
        }
    }
}
