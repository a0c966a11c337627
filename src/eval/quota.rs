//! Quotas (§5.3): the largest n in 0..=E with n ≤ round(bound(n)), counts
//! taken after the move; the rest move to the next tier, ranked by score
//! (highest first), ties by id.

use super::outcome::{Outcome, QuotaMove, Reason, Status};
use super::value::Value;
use crate::check::model::{CBound, CQuota};
use crate::exact::Exact;
use crate::syntax::ast::Round;

/// Applies quota `q` (index `qi` of its subject) to the records `members`;
/// `per_slot[s]` is the slot of the `per` field in subject `s`. Returns
/// the records that the quota made errors (their `per` value is missing).
pub fn apply(
    q: &CQuota,
    qi: usize,
    per_slot: &[Option<usize>],
    members: &[usize],
    outs: &mut [Outcome],
    tiers: usize,
) -> Vec<usize> {
    let mut missing = Vec::new();
    // Group by the `per` value without copying it per record: the keys borrow
    // the outcomes, and become owned once per group.
    // Each member comes with its tier: counting a group reads no outcome
    // again (the members of a group lie all over the output).
    let mut groups: Vec<(String, Vec<Member>)> = {
        let mut by_key: hashbrown::HashMap<std::borrow::Cow<'_, str>, Vec<Member>> =
            hashbrown::HashMap::new();
        for &r in members {
            if outs[r].status != Status::Classified {
                continue;
            }
            let key = match &q.per {
                None => std::borrow::Cow::Borrowed("plan"),
                Some(_) => match outs[r]
                    .subject
                    .and_then(|s| per_slot[usize::from(s)])
                    .and_then(|slot| outs[r].kept(slot))
                {
                    Some(v) => group_key(v),
                    None => {
                        missing.push(r);
                        continue;
                    }
                },
            };
            by_key.entry(key).or_default().push((r, outs[r].tier));
        }
        by_key.into_iter().map(|(k, v)| (k.into_owned(), v)).collect()
    };
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(field) = &q.per {
        for &r in &missing {
            outs[r].fail(format!("the quota groups by `{field}`, which is missing"));
        }
    }
    for (key, group) in groups {
        apply_group(q, qi, &key, &group, outs, tiers);
    }
    missing
}

fn group_key(v: &Value) -> std::borrow::Cow<'_, str> {
    match v {
        Value::Str(s) => std::borrow::Cow::Borrowed(s),
        Value::Num(n) => n.show(6).into(),
        Value::Date(d) => d.to_string().into(),
        other => format!("{other:?}").into(),
    }
}

/// A record of a group and its tier before the quota.
type Member = (usize, Option<u8>);

fn apply_group(q: &CQuota, qi: usize, key: &str, group: &[Member], outs: &mut [Outcome], tiers: usize) {
    let mut counts = vec![0u64; tiers];
    for &(_, tier) in group {
        if let Some(t) = tier {
            counts[usize::from(t)] += 1;
        }
    }
    let mut candidates: Vec<usize> =
        group.iter().filter(|(_, t)| *t == Some(q.tier as u8)).map(|&(r, _)| r).collect();
    candidates.sort_by(|&a, &b| {
        let (sa, sb) = (outs[a].score.unwrap_or(Exact::ZERO), outs[b].score.unwrap_or(Exact::ZERO));
        sb.cmp(&sa).then_with(|| outs[a].id.as_bytes().cmp(outs[b].id.as_bytes()))
    });
    let e = candidates.len() as u64;
    let n = limit(q, &counts, e, group.len() as u64);
    for (k, &r) in candidates.iter().enumerate().skip(n as usize) {
        let o = &mut outs[r];
        o.tier = Some((q.tier + 1) as u8);
        let why = QuotaMove {
            quota: qi as u16,
            rank: k as u32 + 1,
            of: e as u32,
            group: key.into(),
            limit: n as u32,
        };
        o.reasons.push(Reason::Quota(Box::new(why)));
    }
}

/// The largest n in 0..=e with n ≤ round(bound(n)).
pub fn limit(q: &CQuota, counts: &[u64], e: u64, classified: u64) -> u64 {
    (0..=e)
        .rev()
        .find(|&n| {
            let bound = bound(q, counts, e - n, classified);
            let allowed = match q.round {
                Round::Down => bound.floor(),
                Round::Up => bound.ceil(),
                Round::Nearest => bound.round_half_up(),
            };
            i128::from(n) <= allowed
        })
        .unwrap_or(0)
}

/// bound(n) when `moved` candidates have moved from T to the next tier.
fn bound(q: &CQuota, counts: &[u64], moved: u64, classified: u64) -> Exact {
    let after = |t: usize| -> u64 {
        let base = counts.get(t).copied().unwrap_or(0);
        if t == q.tier {
            base - moved
        } else if t == q.tier + 1 {
            base + moved
        } else {
            base
        }
    };
    let (percent, count) = match &q.bound {
        CBound::Count(k) => return *k,
        CBound::Share { percent, of: None } => (*percent, classified),
        CBound::Share { percent, of: Some((t2, false)) } => (*percent, after(*t2)),
        CBound::Share { percent, of: Some((t2, true)) } => (*percent, (0..=*t2).map(after).sum()),
    };
    let count = Exact::int(i64::try_from(count).unwrap_or(i64::MAX));
    percent.checked_mul(count).and_then(|x| x.checked_div(Exact::int(100))).unwrap_or(Exact::ZERO)
}
