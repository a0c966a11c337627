//! The numbers a plan writes: each literal is exact within [`DIGITS`] digits
//! or a diagnostic at it. Nothing that does not fit ever becomes 0.

use crate::diag::{Diagnostic, Kind};
use crate::exact::{DIGITS, Exact};
use crate::num::Num;
use crate::source::Loc;
use crate::syntax::ast::NumLit;

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
pub fn fraction_within(x: Exact) -> bool {
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
