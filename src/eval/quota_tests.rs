//! Tests of `eval::quota`: group numbering and id prefixes.

use super::{Groups, prefix};
use proptest::prelude::*;
use std::borrow::Cow;

#[test]
fn numbers_every_group_once() {
    let mut names: Vec<String> = (0..=20)
        .flat_map(|n| ["a".repeat(n), format!("{}b", "a".repeat(n)), format!("b{}", "a".repeat(n))])
        .collect();
    names.dedup();
    let mut groups = Groups::default();
    for (i, name) in names.iter().enumerate() {
        assert_eq!(groups.number(Cow::Borrowed(name), i), Err(name.clone()), "new: {name:?}");
    }
    for (i, name) in names.iter().enumerate() {
        assert_eq!(groups.number(Cow::Owned(name.clone()), 999), Ok(i), "seen: {name:?}");
    }
}

proptest! {
    /// Unequal prefixes order as the ids do; equal ones leave it to the
    /// whole ids.
    #[test]
    fn id_prefixes_order_as_the_ids(a in "[\\x00-\\x02a-bđ]{0,20}", b in "[\\x00-\\x02a-bđ]{0,20}") {
        let (pa, pb) = (prefix(&a), prefix(&b));
        if pa != pb {
            prop_assert_eq!(pa.cmp(&pb), a.as_bytes().cmp(b.as_bytes()));
        }
    }
}
