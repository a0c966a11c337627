//! Exact numbers: the language's decimals as rationals, and their printing.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact number.
pub type Num = BigRational;

/// Parses `12`, `12.5`, `-3` or `8,5` exactly. `None` when it is not a decimal.
pub fn parse_decimal(text: &str) -> Option<Num> {
    let text = text.trim();
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match body.split_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (body.len() > int.len() && !digits(frac)) {
        return None;
    }
    let numer: BigInt = format!("{int}{frac}").parse().ok()?;
    let denom = BigInt::from(10u32).pow(frac.len() as u32);
    let value = BigRational::new(numer, denom);
    Some(if neg { -value } else { value })
}

/// An integer as a [`Num`].
pub fn int(n: i64) -> Num {
    BigRational::from_integer(BigInt::from(n))
}

/// True when the value is a whole number.
pub fn is_integer(n: &Num) -> bool {
    n.is_integer()
}

/// The value as `u32` if it is a whole number in range.
pub fn to_u32(n: &Num) -> Option<u32> {
    if n.is_integer() { n.to_integer().to_u32() } else { None }
}

/// Prints a number exactly when its decimal expansion ends, otherwise rounded
/// half away from zero to `max_places` places. No trailing zeros.
pub fn format(n: &Num, max_places: usize) -> String {
    let ten = BigInt::from(10u32);
    let mut places = 0;
    let mut scaled = n.clone();
    while !scaled.is_integer() && places < max_places {
        scaled *= BigRational::from_integer(ten.clone());
        places += 1;
    }
    let rounded = round_half_away(&scaled);
    let digits = rounded.abs().to_string();
    let sign = if rounded.is_negative() { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (int, frac) = padded.split_at(padded.len() - places);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") }
}

/// Prints a literal exactly (its expansion always ends).
pub fn literal(n: &Num) -> String {
    format(n, 40)
}

/// Rounds half away from zero to an integer.
pub fn round_half_away(n: &Num) -> BigInt {
    let half = BigRational::new(BigInt::one(), BigInt::from(2u32));
    if n.is_negative() { -(-n + half).floor().to_integer() } else { (n + half).floor().to_integer() }
}

/// Zero.
pub fn zero() -> Num {
    Num::zero()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        let n = parse_decimal("12.50").unwrap();
        assert_eq!(literal(&n), "12.5");
        assert_eq!(literal(&parse_decimal("8,5").unwrap()), "8.5");
        assert_eq!(literal(&parse_decimal("-0.25").unwrap()), "-0.25");
        assert!(parse_decimal("1.").is_none());
        assert!(parse_decimal("abc").is_none());
        let third = int(1) / int(3);
        assert_eq!(format(&third, 2), "0.33");
        assert_eq!(format(&(int(2) / int(3)), 2), "0.67");
        assert_eq!(format(&parse_decimal("0.005").unwrap(), 2), "0.01");
    }
}
