//! Typed expressions (the output of the type checker) and their evaluation
//! against an [`Env`]: pure, exact, short-circuiting.

use super::value::Value;
use crate::exact::Exact;
use crate::syntax::ast::{AggKind, ArithOp, CmpOp, Quantifier};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::cmp::Ordering;

/// What a name in an expression refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    GradeCriterion,
    PointsCriterion,
    Flag,
    Field,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemRef {
    pub name: String,
    pub kind: ItemKind,
    /// The item's slot in the subject the expression was typed for (a hint:
    /// family members may place it elsewhere).
    pub slot: usize,
}

/// `count(S by N where …)` / `share(…)`; `S` names a family.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    pub kind: AggKind,
    pub subject: String,
    pub by: String,
    pub filter: Option<TExpr>,
    /// The canonical text, used to show and to tell aggregates apart.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TExpr {
    Const(Value),
    Score,
    Tier,
    Item(ItemRef),
    Not(Box<TExpr>),
    And(Vec<TExpr>),
    Or(Vec<TExpr>),
    Cmp(CmpOp, Box<TExpr>, Box<TExpr>),
    Arith(Box<TExpr>, Vec<(ArithOp, TExpr)>),
    Neg(Box<TExpr>),
    Quant {
        q: Quantifier,
        criteria: Vec<ItemRef>,
        op: CmpOp,
        grade: Exact,
    },
    Agg(Box<Aggregate>),
    MonthsSince(Box<TExpr>),
    /// `months_between(A, B)`.
    MonthsBetween(Box<TExpr>, Box<TExpr>),
    /// `previous_tier`: the record's tier in last year's results (`eval
    /// --previous`); a comparison with it is false when there is none.
    Previous,
}

pub use crate::diag::EvalError;

/// Where an expression finds the record's values.
pub trait Env {
    fn year(&self) -> i32;
    fn as_of(&self) -> NaiveDate;
    fn score(&self) -> Result<Exact, EvalError>;
    fn tier(&self) -> Result<usize, EvalError>;
    /// The value of an item, borrowed when the environment holds it.
    fn item(&self, item: &ItemRef) -> Result<Cow<'_, Value>, EvalError>;
    /// The record's values by slot, when every slot hint of the expressions
    /// evaluated here holds (a quick path for `all/any/none`).
    fn slots(&self) -> Option<&[Option<Value>]> {
        None
    }
    fn aggregate(&self, agg: &Aggregate) -> Result<Exact, EvalError>;
    /// Last year's tier of the record (a rank, as [`Value::Tier`]), if known.
    fn previous(&self) -> Option<usize> {
        None
    }
}

pub type Res<T> = Result<T, EvalError>;

pub fn eval(e: &TExpr, env: &dyn Env) -> Res<Value> {
    Ok(match e {
        TExpr::Const(v) => v.clone(),
        TExpr::Score => Value::Num(env.score()?),
        TExpr::Tier => Value::Tier(env.tier()?),
        TExpr::Item(r) => env.item(r)?.into_owned(),
        TExpr::Not(x) => Value::Bool(!truth(x, env)?),
        TExpr::And(xs) => Value::Bool(all(xs, env)?),
        TExpr::Or(xs) => Value::Bool(any(xs, env)?),
        TExpr::Cmp(op, a, b) => Value::Bool(comparison(*op, a, b, env)?),
        TExpr::Arith(first, rest) => Value::Num(arith(first, rest, env)?),
        TExpr::Neg(x) => Value::Num(number(x, env)?.checked_neg().ok_or(EvalError::Overflow)?),
        TExpr::Quant { q, criteria, op, grade } => Value::Bool(quant(*q, criteria, *op, grade, env)?),
        TExpr::Agg(a) => Value::Num(env.aggregate(a)?),
        TExpr::MonthsSince(d) => match eval(d, env)? {
            Value::Date(from) => Value::Num(Exact::int(months_since(from, env.as_of()))),
            _ => return Err(EvalError::NotDate("months_since")),
        },
        TExpr::MonthsBetween(a, b) => match (eval(a, env)?, eval(b, env)?) {
            (Value::Date(from), Value::Date(to)) => Value::Num(Exact::int(months_since(from, to))),
            _ => return Err(EvalError::NotDate("months_between")),
        },
        TExpr::Previous => {
            Value::Tier(env.previous().ok_or_else(|| EvalError::Missing("previous_tier".into()))?)
        }
    })
}

/// Evaluates a condition, without building values for its parts.
pub fn truth(e: &TExpr, env: &dyn Env) -> Res<bool> {
    match e {
        TExpr::And(xs) => all(xs, env),
        TExpr::Or(xs) => any(xs, env),
        TExpr::Not(x) => Ok(!truth(x, env)?),
        TExpr::Cmp(op, a, b) => comparison(*op, a, b, env),
        TExpr::Quant { q, criteria, op, grade } => quant(*q, criteria, *op, grade, env),
        TExpr::Const(Value::Bool(b)) => Ok(*b),
        TExpr::Item(r) => match &*env.item(r)? {
            Value::Bool(b) => Ok(*b),
            _ => Err(EvalError::NotCondition),
        },
        other => match eval(other, env)? {
            Value::Bool(b) => Ok(b),
            _ => Err(EvalError::NotCondition),
        },
    }
}

/// An operand of a comparison: constants and items borrowed, not copied.
fn operand<'e>(e: &'e TExpr, env: &'e dyn Env) -> Res<Cow<'e, Value>> {
    match e {
        TExpr::Const(v) => Ok(Cow::Borrowed(v)),
        TExpr::Item(r) => env.item(r),
        other => eval(other, env).map(Cow::Owned),
    }
}

fn comparison(op: CmpOp, a: &TExpr, b: &TExpr, env: &dyn Env) -> Res<bool> {
    // `score >= 90`, the usual rule, without building values.
    if let (TExpr::Score, TExpr::Const(Value::Num(k))) = (a, b) {
        return Ok(holds(op, env.score()?.cmp(k)));
    }
    // No tier last year: every comparison with it is false.
    if (*a == TExpr::Previous || *b == TExpr::Previous) && env.previous().is_none() {
        return Ok(false);
    }
    let a = operand(a, env)?;
    let b = operand(b, env)?;
    Ok(compare(op, &a, &b, env.year()))
}

fn all(xs: &[TExpr], env: &dyn Env) -> Res<bool> {
    for x in xs {
        if !truth(x, env)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn any(xs: &[TExpr], env: &dyn Env) -> Res<bool> {
    for x in xs {
        if truth(x, env)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn number(e: &TExpr, env: &dyn Env) -> Res<Exact> {
    match eval(e, env)? {
        Value::Num(n) => Ok(n),
        _ => Err(EvalError::NotNumber),
    }
}

fn arith(first: &TExpr, rest: &[(ArithOp, TExpr)], env: &dyn Env) -> Res<Exact> {
    let mut acc = number(first, env)?;
    for (op, e) in rest {
        let v = number(e, env)?;
        let next = match op {
            ArithOp::Add => acc.checked_add(v),
            ArithOp::Sub => acc.checked_sub(v),
            ArithOp::Mul => acc.checked_mul(v),
            ArithOp::Div if v.is_zero() => return Err(EvalError::DivisionByZero),
            ArithOp::Div => acc.checked_div(v),
        };
        acc = next.ok_or(EvalError::Overflow)?;
    }
    Ok(acc)
}

/// Applies a comparison operator; values of different kinds are unequal.
pub fn compare(op: CmpOp, a: &Value, b: &Value, year: i32) -> bool {
    let Some(ord) = a.compare(b, year) else {
        return op == CmpOp::Ne;
    };
    holds(op, ord)
}

pub fn holds(op: CmpOp, ord: Ordering) -> bool {
    match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    }
}

fn quant(q: Quantifier, criteria: &[ItemRef], op: CmpOp, grade: &Exact, env: &dyn Env) -> Res<bool> {
    let slots = criteria.iter().map(|r| r.slot);
    match env.slots().and_then(|values| graded(values, slots, op, grade)) {
        Some(count) => Ok(quantified(q, count, criteria.len())),
        None => quant_slowly(q, criteria, op, grade, env),
    }
}

/// How many of `slots` hold a grade `g` with `g op grade`; `None` when one
/// of them holds no grade (the caller says why, or decides otherwise).
pub fn graded(
    values: &[Option<Value>],
    slots: impl IntoIterator<Item = usize>,
    op: CmpOp,
    grade: &Exact,
) -> Option<usize> {
    let mut count = 0;
    for s in slots {
        match values.get(s) {
            Some(Some(Value::Grade(v))) => count += usize::from(holds(op, v.cmp(grade))),
            _ => return None,
        }
    }
    Some(count)
}

/// Whether `count` of `of` items satisfy quantifier `q`.
pub fn quantified(q: Quantifier, count: usize, of: usize) -> bool {
    match q {
        Quantifier::All => count == of,
        Quantifier::Any => count > 0,
        Quantifier::None => count == 0,
    }
}

/// `all/any/none` item by item, with the environment's words for a missing one.
fn quant_slowly(q: Quantifier, criteria: &[ItemRef], op: CmpOp, grade: &Exact, env: &dyn Env) -> Res<bool> {
    let mut count = 0;
    for r in criteria {
        let Value::Grade(v) = *env.item(r)? else {
            return Err(EvalError::NotGraded(r.name.clone()));
        };
        if holds(op, v.cmp(grade)) {
            count += 1;
        }
    }
    Ok(quantified(q, count, criteria.len()))
}

/// Whole months from `from` to `to` (§4).
pub fn months_since(from: NaiveDate, to: NaiveDate) -> i64 {
    let months = 12 * i64::from(to.year() - from.year()) + i64::from(to.month()) - i64::from(from.month());
    if to.day() < from.day() { months - 1 } else { months }
}

#[cfg(test)]
mod tests {
    use super::months_since;
    use chrono::NaiveDate;

    #[test]
    fn counts_whole_months() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(months_since(d(2020, 6, 30), d(2020, 12, 31)), 6);
        assert_eq!(months_since(d(2020, 7, 1), d(2020, 12, 31)), 5);
        assert_eq!(months_since(d(2020, 6, 30), d(2020, 12, 29)), 5);
        assert_eq!(months_since(d(2021, 1, 5), d(2020, 12, 31)), -1);
    }
}
