//! Quotas (§5.3): the largest n in 0..=E with n ≤ round(bound(n)), counts
//! taken after the move; the rest move to the next tier, ranked by score
//! (highest first), ties by id.
//!
//! One pass over the population counts each group's tiers and lists the
//! candidates with their scores (groups numbered as they first appear) —
//! with several threads, a pass per block of the population, merged in
//! input order into what one pass counts; a group is ranked only when it
//! has more candidates than its limit, and then only as far as the limit.

use super::outcome::{Outcome, QuotaMove, Reason, Status};
use crate::check::model::{CBound, CQuota};
use crate::exact::Exact;
use crate::syntax::ast::Round;
use crate::vocab::value::Value;
use hashbrown::hash_map::Entry;
use std::borrow::Cow;
use std::cmp::Ordering;

/// A record at the quota's tier: its score, the first 16 bytes of its id
/// (zero-padded, so that unequal prefixes order as the ids do), its
/// record and its group.
#[derive(Clone, Copy)]
struct Candidate {
    score: Exact,
    prefix: [u64; 2],
    r: u32,
    g: u32,
}

fn prefix(id: &str) -> [u64; 2] {
    let mut b = [0u8; 16];
    let n = id.len().min(16);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    let (hi, lo) = b.split_at(8);
    let word = |w: &[u8]| w.try_into().map_or(0, u64::from_be_bytes);
    [word(hi), word(lo)]
}

/// The population of one quota, counted: group names, each group's tier
/// counts and classified count, the candidates, and the records whose
/// group value is missing.
#[derive(Default)]
struct Counted {
    keys: Vec<String>,
    /// `counts[g * tiers + t]`: records of group `g` at tier `t`.
    counts: Vec<u64>,
    classified: Vec<u64>,
    candidates: Vec<Candidate>,
    missing: Vec<usize>,
}

/// Applies quota `q` (index `qi` of its subject) to the records in
/// `members` (a list per subject of the family); `per_slot[s]` is the slot
/// of the `per` field in subject `s`. Returns the records that the quota
/// made errors (their `per` value is missing).
pub fn apply(
    q: &CQuota,
    qi: usize,
    per_slot: &[Option<usize>],
    members: &[&[usize]],
    outs: &mut [Outcome],
    tiers: usize,
    pool: Option<&rayon::ThreadPool>,
) -> Vec<usize> {
    let c = count_on(pool, q, per_slot, members, outs, tiers);
    if let Some(field) = &q.per {
        for &r in &c.missing {
            outs[r].fail(crate::diag::RecordError::new(crate::diag::ErrorKind::QuotaGroupMissing {
                field: field.to_string(),
            }));
        }
    }
    let (starts, mut by_group) = by_group(&c);
    for (g, key) in c.keys.iter().enumerate() {
        let group = &mut by_group[starts[g]..starts[g + 1]];
        let e = group.len() as u64;
        let n = limit(q, &c.counts[g * tiers..(g + 1) * tiers], e, c.classified[g]);
        if n >= e {
            continue;
        }
        let n = n as usize;
        rank_from(group, n, outs);
        let name: std::sync::Arc<str> = key.as_str().into();
        for (k, cand) in group.iter().enumerate().skip(n) {
            let o = &mut outs[cand.r as usize];
            o.tier = Some((q.tier + 1) as u8);
            let why = QuotaMove {
                quota: qi as u16,
                rank: k as u32 + 1,
                of: e as u32,
                group: name.clone(),
                limit: n as u32,
            };
            o.reasons.push(Reason::Quota(Box::new(why)));
        }
    }
    c.missing
}

/// The most places of shared texts remembered per count (a district's
/// units, spelled a few ways, in each chunk's memo).
const SHARED: usize = 1 << 16;

/// The fewest records counted per block.
const BLOCK: usize = 1 << 12;

/// [`count`] of the population in blocks on `pool`'s threads, merged in
/// input order: the same groups, numbers, counts, candidates and missing
/// records as one pass over it.
fn count_on(
    pool: Option<&rayon::ThreadPool>,
    q: &CQuota,
    per_slot: &[Option<usize>],
    members: &[&[usize]],
    outs: &[Outcome],
    tiers: usize,
) -> Counted {
    // Each block numbers every group it meets (a unit's members are spread
    // through the file): few blocks.
    let size = super::block_size(members.iter().map(|m| m.len()).sum(), pool, BLOCK);
    let blocks: Vec<&[usize]> = members.iter().flat_map(|m| m.chunks(size)).collect();
    match pool {
        Some(pool) if blocks.len() > 1 => {
            use rayon::prelude::*;
            let one = |b: &&[usize]| count(q, per_slot, b.iter(), outs, tiers);
            let parts: Vec<Counted> = pool.install(|| blocks.par_iter().map(one).collect());
            merge(&parts, tiers)
        }
        _ => count(q, per_slot, members.iter().flat_map(|m| m.iter()), outs, tiers),
    }
}

/// The counts of consecutive parts of a population as one count.
fn merge(parts: &[Counted], tiers: usize) -> Counted {
    let mut all = Counted::default();
    let mut index = Groups::default();
    for p in parts {
        let numbers: Vec<usize> =
            p.keys.iter().map(|k| all.number(&mut index, Cow::Borrowed(k), tiers)).collect();
        for (local, &g) in numbers.iter().enumerate() {
            all.classified[g] += p.classified[local];
            for t in 0..tiers {
                all.counts[g * tiers + t] += p.counts[local * tiers + t];
            }
        }
        all.candidates
            .extend(p.candidates.iter().map(|c| Candidate { g: numbers[c.g as usize] as u32, ..*c }));
        all.missing.extend_from_slice(&p.missing);
    }
    all
}

impl Counted {
    /// The number of the group named `key`, a new one counted from zero
    /// when it has none yet.
    fn number<'a>(&mut self, index: &mut Groups<'a>, key: Cow<'a, str>, tiers: usize) -> usize {
        match index.number(key, self.keys.len()) {
            Ok(g) => g,
            Err(key) => {
                self.keys.push(key);
                self.counts.resize(self.counts.len() + tiers, 0);
                self.classified.push(0);
                self.keys.len() - 1
            }
        }
    }
}

impl Counted {
    /// The number of the group of value `v`. A long text is most often
    /// shared by many records (the memo gives every cell spelled alike
    /// one allocation): found by where it lies, without hashing its bytes
    /// again (the same place holds the same text while the outcomes are
    /// borrowed).
    #[inline]
    fn group_of<'a>(&mut self, index: &mut Groups<'a>, v: &'a Value, tiers: usize) -> usize {
        let Value::Str(s) = v else { return self.number(index, group_key(v), tiers) };
        if !s.is_heap_allocated() {
            return self.number(index, Cow::Borrowed(s.as_str()), tiers);
        }
        let at = (s.as_ptr() as usize, s.len());
        if let Some(&g) = index.shared.get(&at) {
            return g;
        }
        let g = self.number(index, Cow::Borrowed(s.as_str()), tiers);
        // Texts not shared (the memo off) would each add a place: bounded.
        if index.shared.len() < SHARED {
            index.shared.insert(at, g);
        }
        g
    }
}

/// One pass over the records of a population: groups numbered as they
/// first appear.
fn count<'a>(
    q: &CQuota,
    per_slot: &[Option<usize>],
    records: impl IntoIterator<Item = &'a usize>,
    outs: &'a [Outcome],
    tiers: usize,
) -> Counted {
    let mut c = Counted::default();
    let mut index = Groups::default();
    for &r in records {
        let o = &outs[r];
        if o.status != Status::Classified {
            continue;
        }
        let g = match &q.per {
            None => c.number(&mut index, Cow::Borrowed("plan"), tiers),
            Some(_) => match o.subject.and_then(|s| per_slot[usize::from(s)]).and_then(|slot| o.kept(slot)) {
                Some(v) => c.group_of(&mut index, v, tiers),
                None => {
                    c.missing.push(r);
                    continue;
                }
            },
        };
        c.classified[g] += 1;
        if let Some(n) = o.tier.and_then(|t| c.counts.get_mut(g * tiers + usize::from(t))) {
            *n += 1;
        }
        if o.tier == Some(q.tier as u8) {
            let score = o.score.unwrap_or(Exact::ZERO);
            c.candidates.push(Candidate { score, prefix: prefix(&o.id), r: r as u32, g: g as u32 });
        }
    }
    c
}

/// The candidates ordered by group (input order within a group), and where
/// each group's start: group `g` is `starts[g]..starts[g + 1]`.
fn by_group(c: &Counted) -> (Vec<usize>, Vec<Candidate>) {
    let mut starts = vec![0usize; c.keys.len() + 1];
    for x in &c.candidates {
        starts[x.g as usize + 1] += 1;
    }
    for g in 0..c.keys.len() {
        starts[g + 1] += starts[g];
    }
    let mut next = starts.clone();
    let blank = Candidate { score: Exact::ZERO, prefix: [0; 2], r: 0, g: 0 };
    let mut sorted = vec![blank; c.candidates.len()];
    for x in &c.candidates {
        let at = &mut next[x.g as usize];
        sorted[*at] = *x;
        *at += 1;
    }
    (starts, sorted)
}

/// Puts the candidates of rank `n` and below (0-based) in rank order at
/// `group[n..]`; the first `n` are the best, in no particular order.
fn rank_from(group: &mut [Candidate], n: usize, outs: &[Outcome]) {
    let by_rank = |a: &Candidate, b: &Candidate| -> Ordering {
        b.score
            .cmp(&a.score)
            .then(a.prefix.cmp(&b.prefix))
            .then_with(|| outs[a.r as usize].id.as_bytes().cmp(outs[b.r as usize].id.as_bytes()))
    };
    group.select_nth_unstable_by(n, by_rank);
    group[n + 1..].sort_unstable_by(by_rank);
}

/// Group names → numbers. The names borrow the outcomes; names of up to 16
/// bytes are told apart by their length and print (no call to compare
/// bytes), longer ones by their text.
#[derive(Default)]
struct Groups<'a> {
    short: hashbrown::HashMap<(Print, usize), usize>,
    long: hashbrown::HashMap<Cow<'a, str>, usize>,
    /// Shared texts by their place and length (see [`Counted::group_of`]).
    shared: hashbrown::HashMap<(usize, usize), usize, rustc_hash::FxBuildHasher>,
}

impl<'a> Groups<'a> {
    /// The number of the group named `key`, or (`Err`) the name of a new
    /// group, now numbered `next`.
    fn number(&mut self, key: Cow<'a, str>, next: usize) -> Result<usize, String> {
        if key.len() <= 16 {
            let short = (print(key.as_bytes()), key.len());
            return match self.short.entry(short) {
                Entry::Occupied(g) => Ok(*g.get()),
                Entry::Vacant(v) => {
                    v.insert(next);
                    Err(key.to_string())
                }
            };
        }
        match self.long.get(&*key) {
            Some(&g) => Ok(g),
            None => {
                let name = key.to_string();
                self.long.insert(key, next);
                Err(name)
            }
        }
    }
}

/// The first and last 8 bytes of a slice (all of it below 8) as numbers:
/// two slices of the same length up to 16 bytes are equal when their prints
/// are. (Like `data::table::Key`, which needs 16 readable bytes from the
/// slice's start; a group name is read from its own bytes only, with
/// overlapping loads instead of a copy: measured faster on the quota pass.)
type Print = (u64, u64);

#[inline(always)]
fn print(s: &[u8]) -> Print {
    let n = s.len();
    if n < 8 { (short_word(s), 0) } else { (word(s, 0), word(s, n - 8)) }
}

/// The 8 bytes of `s` from `at` as a number (0 past the end).
#[inline]
fn word(s: &[u8], at: usize) -> u64 {
    s.get(at..at + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The bytes of a slice shorter than 8 as one number (two overlapping
/// loads), so that equal numbers mean equal slices of the same length.
#[inline]
fn short_word(s: &[u8]) -> u64 {
    fn at<const N: usize>(s: &[u8], i: usize) -> [u8; N] {
        s.get(i..i + N).and_then(|w| w.try_into().ok()).unwrap_or([0; N])
    }
    let n = s.len();
    if n >= 4 {
        u64::from(u32::from_le_bytes(at(s, 0))) | u64::from(u32::from_le_bytes(at(s, n - 4))) << 32
    } else if n >= 2 {
        u64::from(u16::from_le_bytes(at(s, 0))) | u64::from(u16::from_le_bytes(at(s, n - 2))) << 16
    } else {
        s.first().map_or(0, |&b| u64::from(b))
    }
}

pub(crate) fn group_key(v: &Value) -> Cow<'_, str> {
    match v {
        Value::Str(s) => Cow::Borrowed(s),
        Value::Num(n) => n.show(6).into(),
        Value::Date(d) => d.to_string().into(),
        other => format!("{other:?}").into(),
    }
}

/// The largest n in 0..=e with n ≤ round(bound(n)).
pub fn limit(q: &CQuota, counts: &[u64], e: u64, classified: u64) -> u64 {
    (0..=e).rev().find(|&n| i128::from(n) <= allowed(q, counts, e - n, classified)).unwrap_or(0)
}

/// round(bound(n)) when `moved` candidates have moved from T to the next
/// tier. Exact for every count: `P% × count` is an `i128` (`P`'s parts are
/// `i64`, the count a `u64`), never a value that might not fit.
pub(crate) fn allowed(q: &CQuota, counts: &[u64], moved: u64, classified: u64) -> i128 {
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
        CBound::Count(k) => {
            let (n, d) = k.parts64();
            return rounded(i128::from(n), i128::from(d), q.round);
        }
        CBound::Share { percent, of: None } => (*percent, classified),
        CBound::Share { percent, of: Some((t2, false)) } => (*percent, after(*t2)),
        CBound::Share { percent, of: Some((t2, true)) } => (*percent, (0..=*t2).map(after).sum()),
    };
    let (n, d) = percent.parts64();
    rounded(i128::from(n) * i128::from(count), i128::from(d) * 100, q.round)
}

/// `n / d` (`d > 0`) rounded as the quota says (`nearest`: half up).
fn rounded(n: i128, d: i128, round: Round) -> i128 {
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    let up = match round {
        Round::Down => false,
        Round::Up => r != 0,
        Round::Nearest => r >= d - r,
    };
    q + i128::from(up)
}

#[cfg(test)]
#[path = "quota_tests.rs"]
mod tests;
