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
}
