//! A typed condition in the plan's own words, for `explain` (which part of
//! a rule did not hold): names as written, grades and tiers by name.

use crate::eval::Evaluator;
use crate::syntax::ast::Quantifier;
use crate::syntax::print::{arith, cmp, date, day_month, string};
use crate::vocab::expr::TExpr;
use crate::vocab::value::{Value, tier_rank};

/// `e` as plan text, for subject `s`.
pub fn show(ev: &Evaluator<'_>, s: usize, e: &TExpr) -> String {
    let mut out = String::new();
    write(ev, s, e, &mut out);
    out
}

fn write(ev: &Evaluator<'_>, s: usize, e: &TExpr, out: &mut String) {
    match e {
        TExpr::Const(v) => out.push_str(&value(ev, v)),
        TExpr::Score => out.push_str("score"),
        TExpr::Tier => out.push_str("tier"),
        TExpr::Item(r) => out.push_str(&r.name),
        TExpr::Not(x) => {
            out.push_str("not (");
            write(ev, s, x, out);
            out.push(')');
        }
        TExpr::And(xs) | TExpr::Or(xs) => {
            let word = if matches!(e, TExpr::And(_)) { " and " } else { " or " };
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    out.push_str(word);
                }
                let nested = matches!(x, TExpr::And(_) | TExpr::Or(_));
                out.push_str(if nested { "(" } else { "" });
                write(ev, s, x, out);
                out.push_str(if nested { ")" } else { "" });
            }
        }
        TExpr::Cmp(op, a, b) => {
            write(ev, s, a, out);
            out.push_str(&format!(" {} ", cmp(*op)));
            match (&**a, &**b) {
                (TExpr::Item(r), TExpr::Const(Value::Choice(i))) => {
                    out.push_str(&ev.choice_name(s, r.slot, *i))
                }
                _ => write(ev, s, b, out),
            }
        }
        TExpr::Arith(a, rest) => {
            write(ev, s, a, out);
            for (op, x) in rest {
                out.push_str(&format!(" {} ", arith(*op)));
                write(ev, s, x, out);
            }
        }
        TExpr::Neg(x) => {
            out.push('-');
            write(ev, s, x, out);
        }
        TExpr::Quant { q, criteria, op, grade } => {
            let q = match q {
                Quantifier::All => "all",
                Quantifier::Any => "any",
                Quantifier::None => "none",
            };
            let names: Vec<&str> = criteria.iter().map(|c| c.name.as_str()).collect();
            out.push_str(&format!("{q} of ({}) {} {}", names.join(", "), cmp(*op), ev.grade_name(*grade)));
        }
        TExpr::Agg(a) => out.push_str(&a.text),
        TExpr::MonthsSince(x) => {
            out.push_str("months_since(");
            write(ev, s, x, out);
            out.push(')');
        }
        TExpr::MonthsBetween(a, b) => {
            out.push_str("months_between(");
            write(ev, s, a, out);
            out.push_str(", ");
            write(ev, s, b, out);
            out.push(')');
        }
        TExpr::Previous => out.push_str(crate::check::types::PREVIOUS_TIER),
    }
}

fn value(ev: &Evaluator<'_>, v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => n.show(6),
        Value::Grade(g) => ev.grade_name(*g),
        Value::Tier(rank) => ev.tier_name(tier_rank(*rank, ev.model.names.tiers.len())).to_string(),
        Value::Choice(i) => format!("#{i}"),
        Value::Date(d) => date(*d),
        Value::DayMonth(dm) => day_month(*dm),
        Value::Str(t) => string(t),
    }
}
