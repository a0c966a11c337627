//! Compiled conditions: the usual shapes of a rule, cap or exemption
//! (`score >= 90`, flags, `all >= tot`, `x == k`, `months_since(d) < 6`,
//! `months_between(a, b) < 6`,
//! and/or/not of them) evaluated straight off the record's slots. A shape not
//! listed here is not compiled; a value that is missing or of another kind
//! gives no answer. Either way the general evaluator ([`crate::vocab::expr::truth`])
//! decides, with its words for what went wrong, so both always agree (debug
//! builds check every answer against it).

use crate::exact::Exact;
use crate::syntax::ast::{CmpOp, Quantifier};
use crate::vocab::expr::{ItemKind, TExpr, compare, graded, holds, months_since, quantified};
use crate::vocab::value::Value;
use chrono::NaiveDate;

#[derive(Clone, Debug)]
pub enum Fast {
    Bool(bool),
    /// `score op k`.
    Score(CmpOp, Exact),
    /// A flag's slot (a missing flag is false).
    Flag(usize),
    /// `item op k`, any kind of value.
    Item(CmpOp, usize, Value),
    /// `months_since(date) op k`.
    Months(CmpOp, usize, Exact),
    /// `months_between(from, to) op k`, two slots.
    Between(CmpOp, [usize; 2], Exact),
    Quant {
        q: Quantifier,
        slots: Vec<usize>,
        op: CmpOp,
        grade: Exact,
    },
    Not(Box<Fast>),
    And(Vec<Fast>),
    Or(Vec<Fast>),
}

/// What a compiled condition reads besides the slots.
pub struct Record<'a> {
    pub values: &'a [Option<Value>],
    pub score: Option<Exact>,
    pub as_of: NaiveDate,
    pub year: i32,
}

impl Record<'_> {
    /// A flag's value (a missing flag is false); `None` for any other value.
    #[inline(always)]
    fn flag(&self, s: usize) -> Option<bool> {
        match self.values.get(s).and_then(Option::as_ref) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => None,
        }
    }

    /// `score op k`; `None` without a score.
    #[inline(always)]
    fn score_is(&self, op: CmpOp, k: &Exact) -> Option<bool> {
        Some(holds(op, self.score?.cmp(k)))
    }
}

/// The compiled form of `e`, when every part of it has one. `e` must be
/// typed for the subject whose slots it will read.
pub fn compile(e: &TExpr) -> Option<Fast> {
    Some(match e {
        TExpr::Const(Value::Bool(b)) => Fast::Bool(*b),
        TExpr::Item(r) if r.kind == ItemKind::Flag => Fast::Flag(r.slot),
        TExpr::Not(x) => Fast::Not(Box::new(compile(x)?)),
        TExpr::And(xs) => Fast::And(xs.iter().map(compile).collect::<Option<_>>()?),
        TExpr::Or(xs) => Fast::Or(xs.iter().map(compile).collect::<Option<_>>()?),
        TExpr::Quant { q, criteria, op, grade } => {
            Fast::Quant { q: *q, slots: criteria.iter().map(|r| r.slot).collect(), op: *op, grade: *grade }
        }
        TExpr::Cmp(op, a, b) => match (&**a, &**b) {
            (TExpr::Score, TExpr::Const(Value::Num(k))) => Fast::Score(*op, *k),
            (TExpr::Item(r), TExpr::Const(v)) => Fast::Item(*op, r.slot, v.clone()),
            (TExpr::MonthsSince(d), TExpr::Const(Value::Num(k))) => match &**d {
                TExpr::Item(r) => Fast::Months(*op, r.slot, *k),
                _ => return None,
            },
            (TExpr::MonthsBetween(a, b), TExpr::Const(Value::Num(k))) => match (&**a, &**b) {
                (TExpr::Item(a), TExpr::Item(b)) => Fast::Between(*op, [a.slot, b.slot], *k),
                _ => return None,
            },
            _ => return None,
        },
        _ => return None,
    })
}

impl Fast {
    /// [`Fast::test`], with the commonest whole conditions (a flag, a
    /// score bound) answered where it is called: each call site then
    /// branches on the kinds of its own conditions, which repeat from
    /// record to record, instead of all sites sharing one jump.
    #[inline(always)]
    pub fn quick(&self, rec: &Record<'_>) -> Option<bool> {
        match self {
            Fast::Flag(s) => rec.flag(*s),
            Fast::Score(op, k) => rec.score_is(*op, k),
            _ => self.test(rec),
        }
    }

    /// Whether the condition is one month count over dates of which `rec`
    /// lacks one: the general evaluator then says the value is missing
    /// (which an exemption takes as "does not hold"). `false` when it is
    /// another condition or has its dates.
    #[inline]
    pub fn lacks_date(&self, rec: &Record<'_>) -> bool {
        let none = |s: &usize| rec.values.get(*s).is_none_or(Option::is_none);
        match self {
            Fast::Months(_, s, _) => none(s),
            Fast::Between(_, slots, _) => slots.iter().any(none),
            _ => false,
        }
    }

    /// The condition's truth for `rec`, or `None` when the general
    /// evaluator must decide.
    pub fn test(&self, rec: &Record<'_>) -> Option<bool> {
        let slot = |s: usize| rec.values.get(s).and_then(Option::as_ref);
        match self {
            Fast::Bool(b) => Some(*b),
            Fast::Score(op, k) => rec.score_is(*op, k),
            Fast::Flag(s) => rec.flag(*s),
            Fast::Item(op, s, k) => Some(compare(*op, slot(*s)?, k, rec.year)),
            Fast::Months(op, s, k) => match slot(*s)? {
                Value::Date(from) => Some(holds(*op, Exact::int(months_since(*from, rec.as_of)).cmp(k))),
                _ => None,
            },
            Fast::Between(op, [a, b], k) => match (slot(*a)?, slot(*b)?) {
                (Value::Date(from), Value::Date(to)) => {
                    Some(holds(*op, Exact::int(months_since(*from, *to)).cmp(k)))
                }
                _ => None,
            },
            Fast::Quant { q, slots, op, grade } => {
                let count = graded(rec.values, slots.iter().copied(), *op, grade)?;
                Some(quantified(*q, count, slots.len()))
            }
            Fast::Not(x) => x.test(rec).map(|b| !b),
            Fast::And(xs) => {
                for x in xs {
                    if !x.test(rec)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            Fast::Or(xs) => {
                for x in xs {
                    if x.test(rec)? {
                        return Some(true);
                    }
                }
                Some(false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::expr::ItemRef;

    fn item(slot: usize, kind: ItemKind) -> TExpr {
        TExpr::Item(ItemRef { name: format!("x{slot}"), kind, slot })
    }

    fn cmp(op: CmpOp, a: TExpr, b: TExpr) -> TExpr {
        TExpr::Cmp(op, Box::new(a), Box::new(b))
    }

    #[test]
    fn answers_the_usual_shapes_and_leaves_the_rest() {
        let num = |n| TExpr::Const(Value::Num(Exact::int(n)));
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let cond = TExpr::And(vec![
            cmp(CmpOp::Ge, TExpr::Score, num(90)),
            TExpr::Not(Box::new(item(0, ItemKind::Flag))),
            TExpr::Quant { q: Quantifier::All, criteria: vec![], op: CmpOp::Ge, grade: Exact::int(3) },
            cmp(CmpOp::Ge, TExpr::MonthsSince(Box::new(item(1, ItemKind::Field))), num(6)),
            cmp(CmpOp::Le, item(2, ItemKind::Field), num(20)),
            cmp(
                CmpOp::Lt,
                TExpr::MonthsBetween(Box::new(item(1, ItemKind::Field)), Box::new(item(3, ItemKind::Field))),
                num(12),
            ),
        ]);
        let fast = compile(&cond).expect("every part has a compiled form");
        let mut values = vec![
            None,
            Some(Value::Date(d(2020, 1, 1))),
            Some(Value::Num(Exact::int(20))),
            Some(Value::Date(d(2020, 12, 31))),
        ];
        let rec = |values: &[Option<Value>], score| {
            fast.test(&Record { values, score, as_of: d(2020, 12, 31), year: 2020 })
        };
        assert_eq!(rec(&values, Some(Exact::int(90))), Some(true));
        assert_eq!(rec(&values, Some(Exact::ratio(8999, 100).unwrap())), Some(false));
        // Twelve whole months between the dates: not under twelve.
        values[3] = Some(Value::Date(d(2021, 1, 1)));
        assert_eq!(rec(&values, Some(Exact::int(90))), Some(false));
        let between = compile(&cmp(
            CmpOp::Lt,
            TExpr::MonthsBetween(Box::new(item(1, ItemKind::Field)), Box::new(item(3, ItemKind::Field))),
            num(6),
        ))
        .unwrap();
        let lacks = |values: &[Option<Value>]| {
            between.lacks_date(&Record { values, score: None, as_of: d(2020, 12, 31), year: 2020 })
        };
        assert!(!lacks(&values));
        values[3] = None;
        assert!(
            lacks(&values)
                && lacks(&values[..2])
                && !fast.lacks_date(&Record {
                    values: &values,
                    score: None,
                    as_of: d(2020, 12, 31),
                    year: 2020
                })
        );
        values[3] = Some(Value::Date(d(2020, 12, 31)));
        // No score, no date: the general evaluator decides (and explains).
        assert_eq!(rec(&values, None), None);
        values[1] = None;
        assert_eq!(rec(&values, Some(Exact::int(95))), None);
        // Neither arithmetic nor aggregates are compiled.
        let sum = TExpr::Arith(Box::new(num(1)), vec![(crate::syntax::ast::ArithOp::Add, num(2))]);
        assert!(compile(&cmp(CmpOp::Eq, sum, num(3))).is_none());
    }
}
