//! Records by unit. A record's unit is its value of the field its family's
//! quota groups by (`quota … per co_so_dang`: the grassroots organization);
//! a subject without such a quota is not divided by unit. Counts per subject
//! and unit, and how each unit used each quota, for the workbook's summary
//! sheet and the HTML report.

use super::Summary;
use crate::eval::Evaluator;
use crate::eval::outcome::{Reason, Status};
use crate::eval::quota;
use crate::eval::run::Evaluation;
use std::collections::BTreeMap;

/// The counts of one subject in one unit.
pub struct Line {
    /// `None`: records that name no subject of the plan.
    pub subject: Option<usize>,
    /// `None`: the subject is not divided by unit, or the record lacks the value.
    pub unit: Option<usize>,
    pub counts: Summary,
}

/// How a unit used one quota: `used` records at the quota's tier of `allowed`.
pub struct QuotaUse {
    /// The subject that declares the quota (the root of its family).
    pub subject: usize,
    pub quota: usize,
    /// `None` for a quota `per plan`.
    pub unit: Option<usize>,
    pub used: usize,
    pub allowed: i128,
    /// How many records the quota moved down.
    pub moved: usize,
}

pub struct Breakdown {
    /// The units, in the order their first record comes in the input.
    pub units: Vec<String>,
    /// Each record's unit.
    pub unit_of: Vec<Option<usize>>,
    /// Subjects in the plan's order, each with its units in order (`None` last).
    pub lines: Vec<Line>,
    pub quotas: Vec<QuotaUse>,
}

/// The slot of each subject's unit field, when its family's quota has one.
fn unit_slots(ev: &Evaluator<'_>) -> Vec<Option<usize>> {
    (0..ev.model.subjects.len()).map(|s| unit_field(ev, s).and_then(|f| slot(ev, s, f))).collect()
}

fn unit_field<'a>(ev: &'a Evaluator<'_>, s: usize) -> Option<&'a str> {
    let root = ev.model.subjects[s].root;
    ev.model.subjects[root].quotas.iter().find_map(|q| q.per.as_deref())
}

fn slot(ev: &Evaluator<'_>, s: usize, field: &str) -> Option<usize> {
    ev.prepared[s].names.iter().position(|n| n == field)
}

pub fn breakdown(ev: &Evaluator<'_>, e: &Evaluation) -> Breakdown {
    let slots = unit_slots(ev);
    let mut units: Vec<String> = Vec::new();
    let mut unit_of = Vec::with_capacity(e.outcomes.len());
    let mut lines: BTreeMap<(usize, usize), Summary> = BTreeMap::new();
    for o in &e.outcomes {
        let value = o.subject.and_then(|s| slots[usize::from(s)]).and_then(|slot| o.kept(slot));
        let unit = value.map(|v| {
            let key = quota::group_key(v);
            units.iter().position(|u| *u == key).unwrap_or_else(|| {
                units.push(key.into_owned());
                units.len() - 1
            })
        });
        unit_of.push(unit);
        let key = (o.subject.map_or(usize::MAX, usize::from), unit.unwrap_or(usize::MAX));
        lines.entry(key).or_insert_with(|| Summary::new(ev)).add(o);
    }
    let lines = lines
        .into_iter()
        .map(|((s, u), counts)| Line {
            subject: (s != usize::MAX).then_some(s),
            unit: (u != usize::MAX).then_some(u),
            counts,
        })
        .collect();
    let quotas = quota_uses(ev, e, &unit_of);
    Breakdown { units, unit_of, lines, quotas }
}

/// Per quota and group: the counts after the quota, how many it moved and
/// its limit.
#[derive(Default)]
struct Tally {
    tiers: Vec<u64>,
    classified: u64,
    moved: usize,
    limit: Option<u32>,
}

fn quota_uses(ev: &Evaluator<'_>, e: &Evaluation, unit_of: &[Option<usize>]) -> Vec<QuotaUse> {
    let mut out = Vec::new();
    let tiers = ev.model.names.tiers.len();
    for (t, c) in ev.model.subjects.iter().enumerate() {
        for (qi, q) in c.quotas.iter().enumerate() {
            // Only quotas per plan or per the unit field have a unit to report under.
            if q.per.is_some() && q.per.as_deref() != unit_field(ev, t) {
                continue;
            }
            let mut groups: BTreeMap<usize, Tally> = BTreeMap::new();
            for (i, o) in e.outcomes.iter().enumerate() {
                let Some(s) = o.subject.map(usize::from) else { continue };
                if o.status != Status::Classified || ev.model.subjects[s].root != t {
                    continue;
                }
                let key = if q.per.is_none() { usize::MAX } else { unit_of[i].unwrap_or(usize::MAX) };
                let g =
                    groups.entry(key).or_insert_with(|| Tally { tiers: vec![0; tiers], ..Tally::default() });
                g.classified += 1;
                if let Some(n) = o.tier.and_then(|x| g.tiers.get_mut(usize::from(x))) {
                    *n += 1;
                }
                for r in &o.reasons {
                    if let Reason::Quota(m) = r
                        && usize::from(m.quota) == qi
                    {
                        g.moved += 1;
                        g.limit = Some(m.limit);
                    }
                }
            }
            for (key, g) in groups {
                let allowed = match g.limit {
                    Some(n) => i128::from(n),
                    None => quota::allowed(q, &g.tiers, 0, g.classified).max(0),
                };
                let used = g.tiers.get(q.tier).copied().unwrap_or(0) as usize;
                let unit = (key != usize::MAX).then_some(key);
                out.push(QuotaUse { subject: t, quota: qi, unit, used, allowed, moved: g.moved });
            }
        }
    }
    out
}

/// The counts of `lines` added up.
pub fn sum<'a>(ev: &Evaluator<'_>, lines: impl IntoIterator<Item = &'a Line>) -> Summary {
    let mut s = Summary::new(ev);
    for l in lines {
        s.total += l.counts.total;
        s.classified += l.counts.classified;
        s.exempt += l.counts.exempt;
        s.errors += l.counts.errors;
        s.tiers.iter_mut().zip(&l.counts.tiers).for_each(|(a, b)| *a += b);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_data_falls_into_three_units_with_their_quotas() {
        let (model, e) = crate::report::bundled();
        let ev = Evaluator::new(&model, 2020, None);
        let b = breakdown(&ev, &e);
        assert_eq!(b.units, ["Đảng bộ phường Hàng Trống", "Đảng bộ phường Kim Mã", "Đảng bộ phường Láng Hạ"]);
        let total: usize = b.lines.iter().map(|l| l.counts.total).sum();
        assert_eq!(total, e.outcomes.len());
        // The secretaries' subject has no quota per unit: one line, no unit.
        let bi_thu = model.plan.subject_at("bi_thu").unwrap();
        let theirs: Vec<&Line> = b.lines.iter().filter(|l| l.subject == Some(bi_thu)).collect();
        assert!(theirs.len() == 1 && theirs[0].unit.is_none());
        // Members: each unit uses all three HTXSNV places the quota allows.
        let dv = model.plan.subject_at("dang_vien").unwrap();
        let uses: Vec<(Option<usize>, usize, i128)> =
            b.quotas.iter().filter(|q| q.subject == dv).map(|q| (q.unit, q.used, q.allowed)).collect();
        assert_eq!(uses.len(), 3);
        assert!(uses.iter().all(|(u, used, allowed)| u.is_some() && *used as i128 <= *allowed));
    }
}
