//! Exact scores agree with arbitrary-precision rationals: reduction, sums,
//! products and comparisons, on the fast paths and the wide ones.

use kehoach::exact::Exact;
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

fn big(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

fn same(e: Exact, r: &BigRational) -> bool {
    e.to_num() == *r
}

proptest! {
    #[test]
    fn ratio_reduces_like_bigrational(n in any::<i64>(), d in any::<i64>().prop_filter("non-zero", |d| *d != 0)) {
        let e = Exact::ratio(i128::from(n), i128::from(d));
        let r = big(n, d);
        match e {
            Some(e) => prop_assert!(same(e, &r)),
            // Only a result that does not fit in i64 may be refused.
            None => prop_assert!(r.numer().bits() > 63 || r.denom().bits() > 63),
        }
    }

    #[test]
    fn sums_products_and_order_are_exact(
        a in -1_000_000i64..1_000_000, b in 1i64..10_000, c in -1_000_000i64..1_000_000, d in 1i64..10_000,
    ) {
        let (x, y) = (Exact::ratio(a.into(), b.into()).unwrap(), Exact::ratio(c.into(), d.into()).unwrap());
        let (p, q) = (big(a, b), big(c, d));
        prop_assert!(same(x.checked_add(y).unwrap(), &(&p + &q)));
        prop_assert!(same(x.checked_sub(y).unwrap(), &(&p - &q)));
        prop_assert!(same(x.checked_mul(y).unwrap(), &(&p * &q)));
        if c != 0 {
            prop_assert!(same(x.checked_div(y).unwrap(), &(&p / &q)));
        }
        prop_assert_eq!(x.cmp(&y), p.cmp(&q));
    }

    #[test]
    fn dot_products_are_exact(
        terms in proptest::collection::vec((any::<i64>(), 1i64..1_000_000, -1000i64..1000, 1i64..100), 0..10),
    ) {
        let pairs: Vec<(Exact, Exact)> = terms
            .iter()
            .filter_map(|&(a, b, c, d)| Some((Exact::ratio(a.into(), b.into())?, Exact::ratio(c.into(), d.into())?)))
            .collect();
        let sum = pairs.iter().fold(BigRational::from_integer(0.into()), |t, (x, y)| t + x.to_num() * y.to_num());
        // A result, when there is one, is exact (`None` sends callers to
        // the step-by-step sum).
        if let Some(e) = Exact::dot(pairs.iter().copied()) {
            prop_assert!(same(e, &sum));
        }
    }

    #[test]
    fn dot_products_of_scores_always_fit(
        m in 1i64..100, d in 1i64..4,
        terms in proptest::collection::vec((0i64..1000, 0i64..100), 0..40),
    ) {
        // Weights over the maximum grade times grades of one scale: what
        // scores are made of.
        let pairs: Vec<(Exact, Exact)> = terms
            .iter()
            .map(|&(w, g)| (Exact::ratio(w.into(), m.into()).unwrap(), Exact::ratio(g.into(), d.into()).unwrap()))
            .collect();
        let sum = pairs.iter().fold(BigRational::from_integer(0.into()), |t, (x, y)| t + x.to_num() * y.to_num());
        prop_assert!(Exact::dot(pairs.iter().copied()).is_some_and(|e| same(e, &sum)));
    }

    #[test]
    fn decimal_text_rounds_half_away_from_zero(
        n in prop_oneof![any::<i64>(), -100_000i64..100_000],
        d in prop_oneof![1i64..1000, any::<i64>().prop_filter("positive", |d| *d > 0)],
        places in 0u32..7,
    ) {
        let Some(x) = Exact::ratio(n.into(), d.into()) else { return Ok(()) };
        prop_assert_eq!(x.show(places), reference_text(&big(n, d), places));
    }
}

/// The decimal text of `r` to `places` places, rounded half away from zero,
/// trailing zeros dropped: computed with arbitrary precision.
fn reference_text(r: &BigRational, places: u32) -> String {
    use num_traits::{Signed, Zero};
    let scale = BigInt::from(10).pow(places);
    let m = r.abs() * BigRational::from_integer(scale.clone());
    let (q, rem) = (m.numer() / m.denom(), m.numer() % m.denom());
    let q = if rem * 2 >= *m.denom() { q + 1 } else { q };
    let sign = if r.is_negative() && !q.is_zero() { "-" } else { "" };
    let (int, frac) = (&q / &scale, &q % &scale);
    if frac.is_zero() {
        return format!("{sign}{int}");
    }
    let digits = format!("{frac:0>width$}", width = places as usize);
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}
