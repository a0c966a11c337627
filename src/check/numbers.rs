//! The numbers a plan writes: each literal is exact within [`DIGITS`] digits
//! or a diagnostic at it, and so is each weight's factor (weight / highest
//! grade). Nothing that does not fit ever becomes 0.

use super::model::CMeasure;
use super::names::Names;
use crate::diag::{Diagnostic, Kind};
use crate::exact::{DIGITS, Exact};
use crate::num::Num;
use crate::resolve::model::Subject;
use crate::source::Loc;
use crate::syntax::ast::{ItemKind, Measure, NumLit};

/// The value of `n` when it has at most [`DIGITS`] digits, leading zeros
/// before the decimal point and trailing zeros after it aside (so also at
/// most [`DIGITS`] decimal places).
pub fn within(n: &Num) -> Option<Exact> {
    let x = Exact::from_num(n)?;
    let (p, q) = x.parts64();
    let q = i128::from(q);
    // The fewest decimal places that write `x`.
    let places = (0..=DIGITS).find(|&k| 10i128.pow(k) % q == 0)?;
    let digits = i128::from(p) * (10i128.pow(places) / q);
    (digits.abs() < 10i128.pow(DIGITS)).then_some(x)
}

/// Whether the top and bottom of a fraction have at most [`DIGITS`] digits.
fn fraction_within(x: Exact) -> bool {
    let (p, q) = x.parts64();
    let limit = 10i64.pow(DIGITS);
    p.unsigned_abs() < limit.unsigned_abs() && q < limit
}

/// The exact value of the literal at `loc`, or a diagnostic pointing at it.
pub fn literal(n: &Num, loc: &Loc, diags: &mut Vec<Diagnostic>) -> Option<Exact> {
    let x = within(n);
    if x.is_none() {
        let kind = Kind::NumberTooLong { text: loc.snippet().to_string(), over: None };
        diags.push(Diagnostic::new(kind, loc));
    }
    x
}

/// [`literal`] of a literal with its own location.
pub fn lit(n: &NumLit, diags: &mut Vec<Diagnostic>) -> Option<Exact> {
    literal(&n.value, &n.loc, diags)
}

/// The exact numbers of each criterion of `s`, by slot, in slot order. A
/// criterion whose numbers do not fit has a diagnostic instead (so a model,
/// which only a plan without errors has, holds every criterion).
pub fn measures(s: &Subject, names: &Names, diags: &mut Vec<Diagnostic>) -> Vec<(usize, CMeasure)> {
    let mut out = Vec::new();
    for (slot, d) in s.decls.iter().enumerate() {
        let ItemKind::Criterion(c) = &d.kind else { continue };
        let m = match &c.measure {
            Measure::Points(p) => lit(p, diags).map(CMeasure::Points),
            Measure::Weight(w) => weight(w, names, diags),
        };
        out.extend(m.map(|m| (slot, m)));
    }
    out
}

/// A weight and its factor. Without a scale, or without a grade above 0,
/// there is no factor: both are reported where they are declared.
fn weight(w: &NumLit, names: &Names, diags: &mut Vec<Diagnostic>) -> Option<CMeasure> {
    let weight = lit(w, diags)?;
    let max = names.max_grade.filter(|m| !m.is_zero() && !m.is_negative())?;
    let factor = weight.checked_div(max).filter(|f| fraction_within(*f));
    if factor.is_none() {
        let kind = Kind::NumberTooLong { text: w.loc.snippet().to_string(), over: Some(max.show(DIGITS)) };
        diags.push(Diagnostic::new(kind, &w.loc));
    }
    Some(CMeasure::Weight { weight, factor: factor? })
}

#[cfg(test)]
mod tests {
    use super::within;
    use crate::num::parse_decimal;

    fn fits(text: &str) -> bool {
        within(&parse_decimal(text).unwrap()).is_some()
    }

    #[test]
    fn eighteen_digits_fit_nineteen_do_not() {
        assert!(fits("999999999999999999"));
        assert!(!fits("1000000000000000000"));
        assert!(!fits("99999999999999999999"));
        assert!(fits("0.000000000000000001"));
        assert!(!fits("0.0000000000000000001"));
        assert!(fits("12345678.9012345678"));
        assert!(!fits("100.00000000000000001"));
        assert!(fits("100.000000000000000000000"), "trailing zeros do not count");
        assert!(fits("000000000000000000000000001"), "leading zeros do not count");
        assert_eq!(within(&parse_decimal("8.5").unwrap()), crate::exact::Exact::ratio(17, 2));
    }
}
