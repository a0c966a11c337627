//! Canonical text of expressions and literals (used by `fmt`, `check` and
//! `diff`). Parentheses are kept where the author wrote them, so printing
//! and re-parsing gives the same tree.

use crate::num;
use crate::syntax::ast::{AggKind, ArithOp, CmpOp, DayMonth, Expr, ExprKind, Quantifier};
use chrono::NaiveDate;

/// The expression on one line.
pub fn text(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out);
    out
}

/// The top-level operands of an `and`/`or` chain with the joining word, for
/// wrapping long conditions; `None` for any other expression.
pub fn chain(e: &Expr) -> Option<(&'static str, Vec<String>)> {
    match &e.kind {
        ExprKind::And(xs) => Some(("and", xs.iter().map(text).collect())),
        ExprKind::Or(xs) => Some(("or", xs.iter().map(text).collect())),
        _ => None,
    }
}

fn join(xs: &[Expr], word: &str, out: &mut String) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        }
        write(x, out);
    }
}

fn write(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Or(xs) => join(xs, "or", out),
        ExprKind::And(xs) => join(xs, "and", out),
        ExprKind::Not(x) => {
            out.push_str("not ");
            write(x, out);
        }
        ExprKind::Cmp { op, lhs, rhs } => {
            write(lhs, out);
            out.push(' ');
            out.push_str(cmp(*op));
            out.push(' ');
            write(rhs, out);
        }
        ExprKind::Arith { first, rest } => {
            write(first, out);
            for (op, x) in rest {
                out.push(' ');
                out.push_str(arith(*op));
                out.push(' ');
                write(x, out);
            }
        }
        ExprKind::Neg(x) => {
            out.push('-');
            write(x, out);
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write(x, out);
            out.push(')');
        }
        ExprKind::MonthsSince(x) => {
            out.push_str("months_since(");
            write(x, out);
            out.push(')');
        }
        ExprKind::MonthsBetween(a, b) => {
            out.push_str("months_between(");
            write(a, out);
            out.push_str(", ");
            write(b, out);
            out.push(')');
        }
        ExprKind::Agg { kind, subject, by, filter } => {
            out.push_str(if *kind == AggKind::Count { "count(" } else { "share(" });
            out.push_str(&format!("{} by {}", subject.name, by.name));
            if let Some(f) = filter {
                out.push_str(" where ");
                write(f, out);
            }
            out.push(')');
        }
        _ => out.push_str(&atom(&e.kind)),
    }
}

fn atom(kind: &ExprKind) -> String {
    match kind {
        ExprKind::Num(n) => num::literal(n),
        ExprKind::Percent(n) => format!("{}%", num::literal(n)),
        ExprKind::Date(d) => date(*d),
        ExprKind::DayMonth(dm) => day_month(*dm),
        ExprKind::Str(s) => string(s),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::Score => "score".into(),
        ExprKind::Tier => "tier".into(),
        ExprKind::Quant { q, group, op, grade } => {
            let q = match q {
                Quantifier::All => "all",
                Quantifier::Any => "any",
                Quantifier::None => "none",
            };
            match group {
                Some(g) => format!("{q} in {} {} {}", g.name, cmp(*op), grade.name),
                None => format!("{q} {} {}", cmp(*op), grade.name),
            }
        }
        _ => String::new(),
    }
}

pub fn cmp(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

pub fn arith(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "+",
        ArithOp::Sub => "-",
        ArithOp::Mul => "*",
        ArithOp::Div => "/",
    }
}

/// A string literal with the language's escapes.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn day_month(dm: DayMonth) -> String {
    format!("{}/{}", dm.day, dm.month)
}
