//! Exact rational numbers for the per-record hot path: an `i128` numerator
//! over an `i128` denominator, with checked arithmetic. A value that does not
//! fit is an error, never a rounded result.

use crate::num::Num;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cmp::Ordering;
use std::num::NonZeroI64;

/// The most digits a number written in a plan may have (before and after the
/// decimal point together, leading and trailing zeros aside): its value and
/// every fraction made of such numbers `check` accepts fit an [`Exact`], with
/// room for sums.
pub const DIGITS: u32 = 18;

/// A rational `num / den` with `den > 0`, kept reduced. 16 bytes, and so
/// is an `Option<Exact>` (the denominator is never zero): the hot path
/// stores millions of them; intermediate results use `i128`.
#[derive(Clone, Copy, Debug)]
pub struct Exact {
    num: i64,
    den: NonZeroI64,
}

/// The denominator of an integer.
const ONE: NonZeroI64 = match NonZeroI64::new(1) {
    Some(one) => one,
    None => unreachable!(),
};

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
        return i128::from(gcd64(x, y));
    }
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// Binary gcd: no division, which is slow on wide integers.
fn gcd64(a: u64, b: u64) -> u64 {
    if a == 0 || b == 0 {
        return (a | b).max(1);
    }
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    while b != 0 {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
    }
    a << shift
}

impl Exact {
    pub const ZERO: Exact = Exact { num: 0, den: ONE };

    pub fn int(n: i64) -> Exact {
        Exact { num: n, den: ONE }
    }

    /// `num / den`, reduced; `None` when `den` is zero or it does not fit.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        if den == 0 {
            return None;
        }
        let (num, den) = if den < 0 { (num.checked_neg()?, den.checked_neg()?) } else { (num, den) };
        if let (Ok(n), Ok(d)) = (i64::try_from(num), i64::try_from(den)) {
            if d == 1 {
                return Some(Exact { num: n, den: ONE });
            }
            let g = gcd64(n.unsigned_abs(), d.unsigned_abs()) as i64;
            return Some(Exact { num: n / g, den: NonZeroI64::new(d / g)? });
        }
        let (num, den) = {
            let g = gcd(num, den);
            (num / g, den / g)
        };
        Some(Exact { num: i64::try_from(num).ok()?, den: NonZeroI64::new(i64::try_from(den).ok()?)? })
    }

    /// Parses `12`, `-3`, `8.5` or `8,5` exactly (at most 18 decimal places).
    pub fn parse(text: &str) -> Option<Exact> {
        let t = text.trim();
        let (neg, body) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int, frac) = body.split_once(['.', ',']).unwrap_or((body, ""));
        let ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !ok(int)
            || !ok(frac)
            || (body.len() > int.len() && frac.is_empty())
            || frac.len() > 18
        {
            return None;
        }
        let mut num: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            num = num.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        let den = 10i128.checked_pow(frac.len() as u32)?;
        Exact::ratio(if neg { -num } else { num }, den)
    }

    pub fn from_num(n: &Num) -> Option<Exact> {
        Exact::ratio(n.numer().to_i128()?, n.denom().to_i128()?)
    }

    pub fn to_num(self) -> Num {
        Num::new(BigInt::from(self.num), BigInt::from(self.den.get()))
    }

    pub fn from_f64(f: f64) -> Option<Exact> {
        if !f.is_finite() {
            return None;
        }
        let scaled = (f * 10_000.0).round();
        if scaled.abs() > 9e18 {
            return None;
        }
        Exact::ratio(scaled as i128, 10_000)
    }

    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den.get() as f64
    }

    fn parts(self) -> (i128, i128) {
        (i128::from(self.num), i128::from(self.den.get()))
    }

    /// Σ x × y over `pairs`, exactly, reduced once at the end instead of at
    /// every step. `None` when an intermediate does not fit, even where
    /// step-by-step sums would: callers fall back to those.
    pub fn dot(pairs: impl IntoIterator<Item = (Exact, Exact)>) -> Option<Exact> {
        let (mut n, mut d) = (0i128, 1i128);
        for (x, y) in pairs {
            let ((a, b), (c, e)) = (x.parts(), y.parts());
            let (p, q) = (a.checked_mul(c)?, b.checked_mul(e)?);
            if d % q == 0 {
                n = n.checked_add(p.checked_mul(d / q)?)?;
            } else {
                // Over the least common denominator.
                let l = (d / gcd(d, q)).checked_mul(q)?;
                n = n.checked_mul(l / d)?.checked_add(p.checked_mul(l / q)?)?;
                d = l;
            }
        }
        Exact::ratio(n, d)
    }

    pub fn checked_add(self, o: Exact) -> Option<Exact> {
        let ((a, b), (c, d)) = (self.parts(), o.parts());
        if b == d {
            return Exact::ratio(a + c, b);
        }
        Exact::ratio(a * d + c * b, b * d)
    }

    pub fn checked_sub(self, o: Exact) -> Option<Exact> {
        self.checked_add(o.checked_neg()?)
    }

    pub fn checked_neg(self) -> Option<Exact> {
        Some(Exact { num: self.num.checked_neg()?, den: self.den })
    }

    pub fn checked_mul(self, o: Exact) -> Option<Exact> {
        let ((a, b), (c, d)) = (self.parts(), o.parts());
        Exact::ratio(a * c, b * d)
    }

    /// `None` on division by zero or overflow.
    pub fn checked_div(self, o: Exact) -> Option<Exact> {
        let ((a, b), (c, d)) = (self.parts(), o.parts());
        Exact::ratio(a * d, b * c)
    }

    /// The numerator and the (positive) denominator, reduced.
    pub fn parts64(self) -> (i64, i64) {
        (self.num, self.den.get())
    }

    /// The value as an integer, when it is one.
    pub fn as_int(self) -> Option<i64> {
        (self.den == ONE).then_some(self.num)
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    pub fn is_integer(self) -> bool {
        self.num % self.den.get() == 0
    }

    pub fn floor(self) -> i128 {
        let (n, d) = self.parts();
        n.div_euclid(d)
    }

    pub fn ceil(self) -> i128 {
        let (n, d) = self.parts();
        -(-n).div_euclid(d)
    }

    /// Half up (towards +∞ on a tie): the quotas' `round nearest`.
    pub fn round_half_up(self) -> i128 {
        let (n, d) = self.parts();
        (2 * n + d).div_euclid(2 * d)
    }

    /// The value × 10^places rounded half away from zero.
    fn scaled(self, places: u32) -> i128 {
        let (n, d) = self.parts();
        let m = n * 10i128.pow(places.min(18));
        let q = m.abs() / d;
        let r = m.abs() % d;
        let q = if 2 * r >= d { q + 1 } else { q };
        if m < 0 { -q } else { q }
    }

    /// Rounded half away from zero to `places` decimals, as text without
    /// trailing zeros.
    pub fn show(self, places: u32) -> String {
        let mut out = String::new();
        self.write_to(places, &mut out);
        out
    }

    /// [`Exact::show`] appended to `out`, without allocating.
    pub fn write_to(self, places: u32, out: &mut String) {
        let mut digits = itoa::Buffer::new();
        if self.den == ONE {
            out.push_str(digits.format(self.num));
            return;
        }
        let places = places.min(18);
        let scale = 10u64.pow(places);
        let (negative, q) = match self.scaled64(scale) {
            Some(v) => (v < 0, v.unsigned_abs()),
            None => {
                let v = self.scaled(places);
                match u64::try_from(v.unsigned_abs()) {
                    Ok(q) => (v < 0, q),
                    Err(_) => return out.push_str(&self.show_wide(places, v)),
                }
            }
        };
        if negative && q != 0 {
            out.push('-');
        }
        out.push_str(digits.format(q / scale));
        let (mut frac, mut width) = (q % scale, places as usize);
        if frac == 0 {
            return;
        }
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        let text = digits.format(frac);
        out.extend(std::iter::repeat_n('0', width - text.len()));
        out.push_str(text);
    }

    /// [`Exact::scaled`] on 64 bits, when `num × scale` fits.
    fn scaled64(self, scale: u64) -> Option<i64> {
        let m = self.num.checked_mul(i64::try_from(scale).ok()?)?;
        let (d, a) = (self.den.get().unsigned_abs(), m.unsigned_abs());
        let q = a / d + u64::from(2 * (a % d) >= d);
        let q = i64::try_from(q).ok()?;
        Some(if m < 0 { -q } else { q })
    }

    /// The text of a value scaled beyond 64 bits (rare: huge points totals).
    fn show_wide(self, places: u32, v: i128) -> String {
        let scale = 10i128.pow(places);
        let (int, frac) = (v.abs() / scale, v.abs() % scale);
        let sign = if v < 0 { "-" } else { "" };
        if frac == 0 {
            return format!("{sign}{int}");
        }
        let digits = format!("{frac:0width$}", width = places as usize);
        format!("{sign}{int}.{}", digits.trim_end_matches('0'))
    }

    /// Rounded half away from zero to `places` decimals, exactly.
    pub fn round_places(self, places: u32) -> Exact {
        let places = places.min(18);
        Exact::ratio(self.scaled(places), 10i128.pow(places)).unwrap_or(self)
    }
}

impl PartialEq for Exact {
    fn eq(&self, o: &Exact) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Exact {}

/// Values are kept reduced, so equal values hash alike.
impl std::hash::Hash for Exact {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.num, self.den.get()).hash(h);
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, o: &Exact) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Exact {
    fn cmp(&self, o: &Exact) -> Ordering {
        if self.den == o.den {
            return self.num.cmp(&o.num);
        }
        let ((a, b), (c, d)) = (self.parts(), o.parts());
        (a * d).cmp(&(c * b))
    }
}

impl Exact {
    /// The sign of the value.
    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    pub fn abs_big(self) -> Num {
        self.to_num().abs()
    }
}

#[cfg(test)]
mod tests {
    use super::Exact;

    #[test]
    fn decides_boundaries_exactly() {
        let parts = ["16.9", "2.4", "5.13", "65.57"];
        let sum = parts.iter().fold(Exact::ZERO, |acc, p| acc.checked_add(Exact::parse(p).unwrap()).unwrap());
        assert_eq!(sum, Exact::int(90));
        let naive: f64 = parts.iter().map(|p| p.parse::<f64>().unwrap()).sum();
        assert!(naive < 90.0, "binary floating point gets this wrong: {naive}");
        assert_eq!(Exact::parse("8,5"), Exact::ratio(17, 2));
        assert_eq!(Exact::parse("1."), None);
        assert_eq!(Exact::ratio(7, 2).unwrap().floor(), 3);
        assert_eq!(Exact::ratio(7, 2).unwrap().ceil(), 4);
        assert_eq!(Exact::ratio(5, 2).unwrap().round_half_up(), 3);
        assert_eq!(Exact::ratio(-7, 2).unwrap().floor(), -4);
        assert_eq!(Exact::ratio(1, 3).unwrap().show(2), "0.33");
    }

    /// A score that may be missing costs no more than one that is there.
    #[test]
    fn an_optional_value_is_sixteen_bytes() {
        assert_eq!((size_of::<Exact>(), size_of::<Option<Exact>>()), (16, 16));
        assert_eq!(Exact::ratio(6, -4), Exact::ratio(-3, 2));
        assert_eq!(Exact::ratio(-3, 2).unwrap().parts64(), (-3, 2));
        assert_eq!(Exact::ratio(1, 0), None);
    }
}
