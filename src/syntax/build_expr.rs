//! pest pairs → AST for expressions (§4). Operator chains become lists, so the
//! tree is only as deep as the parentheses, which the pre-scan bounds.

use super::Rule;
use super::ast::*;
use super::build::{Builder, P, R, kids};
use crate::diag::Kind;

/// The longest run of prefix `not` or `-` accepted in a row.
const MAX_PREFIX: usize = 16;

impl Builder {
    pub fn expr(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let mut parts = Vec::new();
        for p in kids(pair).into_iter().filter(|p| p.as_rule() == Rule::conj) {
            parts.push(self.conj(p)?);
        }
        Ok(single_or(parts, loc, ExprKind::Or))
    }

    fn conj(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let mut parts = Vec::new();
        for p in kids(pair).into_iter().filter(|p| p.as_rule() == Rule::negation) {
            parts.push(self.negation(p)?);
        }
        Ok(single_or(parts, loc, ExprKind::And))
    }

    fn negation(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let k = kids(pair);
        let nots: Vec<_> = k.iter().filter(|p| p.as_rule() == Rule::k_not).cloned().collect();
        if nots.len() > MAX_PREFIX {
            return Err(self.err(Kind::TooDeep { limit: MAX_PREFIX }, &nots[MAX_PREFIX]));
        }
        let cmp = k.into_iter().find(|p| p.as_rule() == Rule::comparison);
        let mut e = self.comparison(self.need(cmp, &loc)?)?;
        for n in nots.iter().rev() {
            let loc = self.loc(n).to(&e.loc);
            e = Expr { kind: ExprKind::Not(Box::new(e)), loc };
        }
        Ok(e)
    }

    fn comparison(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let k = kids(pair);
        let ops: Vec<_> = k.iter().filter(|p| p.as_rule() == Rule::cmp_op).cloned().collect();
        if ops.len() > 1 {
            return Err(self.err(Kind::ChainedComparison, &ops[1]));
        }
        let mut sums = Vec::new();
        for p in k.into_iter().filter(|p| p.as_rule() == Rule::sum) {
            sums.push(self.arith(p)?);
        }
        let mut sums = sums.into_iter();
        let lhs = self.some(sums.next(), &loc)?;
        match (ops.first(), sums.next()) {
            (Some(op), Some(rhs)) => Ok(Expr {
                kind: ExprKind::Cmp { op: cmp_op(op.as_str()), lhs: Box::new(lhs), rhs: Box::new(rhs) },
                loc,
            }),
            _ => Ok(lhs),
        }
    }

    /// `sum` and `product`: an operand followed by (operator, operand) pairs.
    fn arith(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let mut first = None;
        let mut rest = Vec::new();
        let mut op = ArithOp::Add;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::add_op | Rule::mul_op => op = arith_op(p.as_str()),
                Rule::product => self.push_operand(&mut first, &mut rest, op, self.arith(p)?),
                Rule::unary => self.push_operand(&mut first, &mut rest, op, self.unary(p)?),
                other => unreachable!("arith: the grammar gives no {other:?} here"),
            }
        }
        let first = self.some(first, &loc)?;
        if rest.is_empty() {
            return Ok(first);
        }
        Ok(Expr { kind: ExprKind::Arith { first: Box::new(first), rest }, loc })
    }

    fn push_operand(&self, first: &mut Option<Expr>, rest: &mut Vec<(ArithOp, Expr)>, op: ArithOp, e: Expr) {
        if first.is_none() {
            *first = Some(e);
        } else {
            rest.push((op, e));
        }
    }

    fn unary(&self, pair: P<'_>) -> R<Expr> {
        let loc = self.loc(&pair);
        let k = kids(pair);
        let minus: Vec<_> = k.iter().filter(|p| p.as_rule() == Rule::minus).cloned().collect();
        if minus.len() > MAX_PREFIX {
            return Err(self.err(Kind::TooDeep { limit: MAX_PREFIX }, &minus[MAX_PREFIX]));
        }
        let atom = k.into_iter().find(|p| p.as_rule() != Rule::minus);
        let mut e = self.atom(self.need(atom, &loc)?)?;
        for m in minus.iter().rev() {
            let l = self.loc(m).to(&e.loc);
            e = Expr { kind: ExprKind::Neg(Box::new(e)), loc: l };
        }
        Ok(e)
    }

    fn atom(&self, p: P<'_>) -> R<Expr> {
        let loc = self.loc(&p);
        let kind = match p.as_rule() {
            Rule::date => ExprKind::Date(self.date(p)?.value),
            Rule::day_month => ExprKind::DayMonth(self.day_month(p)?),
            Rule::percent => ExprKind::Percent(self.number(p)?.value),
            Rule::number => ExprKind::Num(self.number(p)?.value),
            Rule::string => ExprKind::Str(self.string(p).value),
            Rule::k_true => ExprKind::Bool(true),
            Rule::k_false => ExprKind::Bool(false),
            Rule::k_score => ExprKind::Score,
            Rule::k_tier => ExprKind::Tier,
            Rule::ident => ExprKind::Name(p.as_str().to_string()),
            Rule::quantifier => self.quantifier(p)?,
            Rule::count | Rule::share => self.aggregate(p)?,
            Rule::months_since => {
                let e = kids(p).into_iter().find(|q| q.as_rule() == Rule::expr);
                ExprKind::MonthsSince(Box::new(self.expr(self.need(e, &loc)?)?))
            }
            Rule::months_between => {
                let mut es = kids(p).into_iter().filter(|q| q.as_rule() == Rule::expr);
                let from = self.expr(self.need(es.next(), &loc)?)?;
                let to = self.expr(self.need(es.next(), &loc)?)?;
                ExprKind::MonthsBetween(Box::new(from), Box::new(to))
            }
            Rule::paren => {
                let e = kids(p).into_iter().find(|q| q.as_rule() == Rule::expr);
                ExprKind::Paren(Box::new(self.expr(self.need(e, &loc)?)?))
            }
            other => unreachable!("atom: the grammar gives no {other:?} here"),
        };
        Ok(Expr { kind, loc })
    }

    fn quantifier(&self, pair: P<'_>) -> R<ExprKind> {
        let loc = self.loc(&pair);
        let k = kids(pair);
        let q = match k.first().map(|p| p.as_rule()) {
            Some(Rule::k_any) => Quantifier::Any,
            Some(Rule::k_none) => Quantifier::None,
            Some(Rule::k_all) => Quantifier::All,
            other => unreachable!("quantifier: the grammar gives no {other:?} here"),
        };
        let op = k.iter().find(|p| p.as_rule() == Rule::cmp_op).map_or(CmpOp::Eq, |p| cmp_op(p.as_str()));
        let mut idents: Vec<Ident> =
            k.into_iter().filter(|p| p.as_rule() == Rule::ident).map(|p| self.ident(p)).collect();
        let grade = self.some(idents.pop(), &loc)?;
        Ok(ExprKind::Quant { q, group: idents.pop(), op, grade })
    }

    fn aggregate(&self, pair: P<'_>) -> R<ExprKind> {
        let loc = self.loc(&pair);
        let kind = if pair.as_rule() == Rule::count { AggKind::Count } else { AggKind::Share };
        let agg = kids(pair).into_iter().find(|p| p.as_rule() == Rule::aggregate);
        let mut subject = None;
        let mut by = None;
        let mut filter = None;
        for p in kids(self.need(agg, &loc)?) {
            match p.as_rule() {
                Rule::ident if subject.is_none() => subject = Some(self.ident(p)),
                Rule::ident => by = Some(self.ident(p)),
                Rule::expr => filter = Some(Box::new(self.expr(p)?)),
                Rule::k_by | Rule::k_where => {}
                other => unreachable!("aggregate: the grammar gives no {other:?} here"),
            }
        }
        let subject = self.need_ident(subject, &loc)?;
        Ok(ExprKind::Agg { kind, subject, by: self.need_ident(by, &loc)?, filter })
    }
}

fn single_or(mut parts: Vec<Expr>, loc: crate::source::Loc, make: fn(Vec<Expr>) -> ExprKind) -> Expr {
    if parts.len() == 1
        && let Some(e) = parts.pop()
    {
        return e;
    }
    Expr { kind: make(parts), loc }
}

pub fn cmp_op(s: &str) -> CmpOp {
    match s {
        "==" => CmpOp::Eq,
        "!=" => CmpOp::Ne,
        "<" => CmpOp::Lt,
        "<=" => CmpOp::Le,
        ">" => CmpOp::Gt,
        ">=" => CmpOp::Ge,
        other => unreachable!("cmp_op: the grammar gives no {other:?} here"),
    }
}

fn arith_op(s: &str) -> ArithOp {
    match s {
        "+" => ArithOp::Add,
        "-" => ArithOp::Sub,
        "*" => ArithOp::Mul,
        "/" => ArithOp::Div,
        other => unreachable!("arith_op: the grammar gives no {other:?} here"),
    }
}
