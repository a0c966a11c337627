//! Work done once per plan before any record: weights as factors, slots to
//! keep, hooks per subject, families and dependencies.

use crate::check::Model;
use crate::check::model::{CCap, CMeasure};
use crate::check::reads::SubjectReads;
use crate::check::types::in_family;
use crate::eval::Passes;
use crate::eval::fast::{Fast, compile};
use crate::exact::Exact;
use crate::resolve::Plan;
use crate::syntax::ast::{FieldType, Stage};

pub struct PSubject {
    /// (slot, W / max grade value) of each graded criterion.
    pub weights: Vec<(usize, Exact)>,
    pub points: Vec<usize>,
    /// The same as integers over one denominator (the largest grade times
    /// the weights' common denominator: `weight 17.5` counts 175 over 10×
    /// the largest grade), when the largest grade is an integer: the fast path.
    pub int_weights: Option<(Vec<(usize, i64)>, i64)>,
    /// `n / den` reduced, for every numerator `n` of the fast path from 0
    /// up to its largest (at most [`REDUCED`]): a score is looked up, not
    /// reduced by a gcd per record.
    pub reduced: Vec<Exact>,
    /// Item names by slot.
    pub names: Vec<String>,
    /// Slots whose values later steps read.
    pub kept: Vec<usize>,
    pub score_hooks: Vec<usize>,
    pub tier_hooks: Vec<usize>,
    /// This subject and every subject that extends it.
    pub family: Vec<usize>,
    /// Whether the subject reads other records (aggregates, `cap at tier of`).
    pub has_deps: bool,
    /// Ref slots with the family root they must point into.
    pub refs: Vec<(usize, String)>,
    /// The compiled exemptions, rules and caps (`None`: not compiled).
    pub fast: Compiled,
}

/// A subject's conditions compiled, index for index.
#[derive(Default)]
pub struct Compiled {
    pub exempts: Vec<Option<Fast>>,
    pub rules: Vec<Option<Fast>>,
    pub caps: Vec<Option<Fast>>,
}

fn compiled(c: &crate::check::model::CSubject, passes: Passes) -> Compiled {
    if !passes.compiled {
        return Compiled {
            exempts: vec![None; c.exempts.len()],
            rules: vec![None; c.rules.len()],
            caps: vec![None; c.caps.len()],
        };
    }
    Compiled {
        exempts: c.exempts.iter().map(|e| compile(&e.cond)).collect(),
        rules: c.rules.iter().map(|r| compile(&r.cond)).collect(),
        caps: c
            .caps
            .iter()
            .map(|k| match k {
                CCap::When { cond, .. } => compile(cond),
                CCap::At { .. } => None,
            })
            .collect(),
    }
}

/// Each subject's family: itself and every subject that extends it, directly
/// or not, in plan order. Each subject is added to its ancestors' lists, so
/// the cost is the subjects times the depth of `extends`, not their square.
fn families(plan: &Plan) -> Vec<Vec<usize>> {
    let n = plan.subjects.len();
    let mut out = vec![Vec::new(); n];
    for j in 0..n {
        let mut cur = Some(j);
        // A subject is in its own family once, even in a cycle.
        while let Some(c) = cur.filter(|&c| out[c].last() != Some(&j)) {
            out[c].push(j);
            cur = plan.subjects[c].extends.as_ref().and_then(|e| plan.subject_at(&e.name));
        }
    }
    out
}

pub fn prepare(model: &Model, passes: Passes) -> Vec<PSubject> {
    let plan = &model.plan;
    let max = model.names.max_grade.unwrap_or(Exact::int(1));
    let mut out: Vec<PSubject> = Vec::new();
    let mut families = families(plan);
    for (i, s) in plan.subjects.iter().enumerate() {
        let mut p = PSubject {
            weights: Vec::new(),
            points: Vec::new(),
            int_weights: None,
            reduced: Vec::new(),
            names: Vec::new(),
            kept: Vec::new(),
            score_hooks: Vec::new(),
            tier_hooks: Vec::new(),
            family: std::mem::take(&mut families[i]),
            has_deps: false,
            refs: Vec::new(),
            fast: compiled(&model.subjects[i], passes),
        };
        for (slot, d) in s.decls.iter().enumerate() {
            p.names.push(crate::resolve::model::decl_name(d).unwrap_or_default().to_string());
            if let crate::syntax::ast::ItemKind::Field(f) = &d.kind
                && let FieldType::Ref(t) = &f.ty
            {
                p.refs.push((slot, t.name.clone()));
                p.kept.push(slot);
            }
        }
        // The numbers `check` made exact: every criterion of a checked plan.
        let mut weights = Vec::new();
        for &(slot, m) in &model.subjects[i].measures {
            match m {
                CMeasure::Weight { weight, factor } => {
                    p.weights.push((slot, factor));
                    weights.push((slot, weight));
                }
                CMeasure::Points(_) => p.points.push(slot),
            }
        }
        let top = max.as_int().filter(|m| passes.int_scores && *m > 0);
        p.int_weights = top.and_then(|m| scaled(&weights, m));
        for (h, hook) in plan.hooks.iter().enumerate() {
            if in_family(plan, &s.name.name, &hook.decl.subject.name) {
                match hook.decl.stage {
                    Stage::Score => p.score_hooks.push(h),
                    Stage::Tier => p.tier_hooks.push(h),
                }
            }
        }
        p.reduced = reduced(p.int_weights.as_ref(), top.unwrap_or(0));
        p.has_deps = model.reads[i].reads_others();
        out.push(p);
    }
    if passes.dropped_slots {
        keep_quota_and_filter_slots(model, &mut out);
    } else {
        for p in &mut out {
            p.kept = (0..p.names.len()).collect();
        }
    }
    out
}

/// The most numerators whose reduced scores are tabled per subject.
pub const REDUCED: u64 = 1 << 16;

/// The weights as integers over `max` × their common denominator (decimal
/// weights scaled by 10^k), and that denominator; `None` when it does not
/// fit (the general path decides then).
fn scaled(weights: &[(usize, Exact)], max: i64) -> Option<(Vec<(usize, i64)>, i64)> {
    let mut common: i64 = 1;
    for (_, w) in weights {
        let d = w.parts64().1;
        common = common.checked_mul(d / gcd(common, d))?;
    }
    let ws = weights
        .iter()
        .map(|&(slot, w)| {
            let (n, d) = w.parts64();
            Some((slot, n.checked_mul(common / d)?))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((ws, max.checked_mul(common)?))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// `n / den` reduced for `n` in `0..=Σ|w| × max` (capped at [`REDUCED`]),
/// `max` the largest grade: every numerator the fast path can sum.
fn reduced(int_weights: Option<&(Vec<(usize, i64)>, i64)>, max: i64) -> Vec<Exact> {
    let Some((ws, den)) = int_weights else { return Vec::new() };
    let top = ws.iter().map(|(_, w)| w.unsigned_abs()).fold(0u64, u64::saturating_add);
    let len = top.saturating_mul(max.unsigned_abs()).saturating_add(1).min(REDUCED);
    (0..len as i128).map_while(|n| Exact::ratio(n, i128::from(*den))).collect()
}

/// Quota `per` fields, and every item another subject's aggregate reads
/// (its `by` field and what its `where` reads), are kept.
fn keep_quota_and_filter_slots(model: &Model, out: &mut [PSubject]) {
    let mut wanted: Vec<(usize, String)> = Vec::new();
    for (i, c) in model.subjects.iter().enumerate() {
        for q in &c.quotas {
            if let Some(per) = &q.per {
                for &m in &out[i].family {
                    wanted.push((m, per.clone()));
                }
            }
        }
    }
    let others = SubjectReads::read_by_others(&model.plan, &model.reads);
    for (j, names) in others.into_iter().enumerate() {
        wanted.extend(names.into_iter().map(|n| (j, n)));
    }
    for (s, name) in wanted {
        if let Some(slot) = out[s].names.iter().position(|n| *n == name)
            && !out[s].kept.contains(&slot)
        {
            out[s].kept.push(slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabled_scores_are_the_reduced_ratios_up_to_the_largest_sum() {
        let ws = (vec![(0, 3), (1, -2), (2, 5)], 4);
        let table = reduced(Some(&ws), 4);
        assert_eq!(table.len(), 10 * 4 + 1);
        for (n, e) in table.iter().enumerate() {
            let want = Exact::ratio(n as i128, 4).unwrap();
            assert!(e == &want && e.show(6) == want.show(6), "{n}/4");
        }
        assert_eq!(table[6].show(6), "1.5");
        assert!(reduced(None, 4).is_empty());
        assert_eq!(reduced(Some(&(vec![(0, i64::MAX)], 100)), 100).len() as u64, REDUCED);
    }

    #[test]
    fn decimal_weights_are_scaled_to_integers_over_one_denominator() {
        let w = |t: &str| Exact::parse(t).unwrap();
        let got = scaled(&[(0, w("17.5")), (1, w("22.25")), (2, w("60"))], 4);
        assert_eq!(got, Some((vec![(0, 70), (1, 89), (2, 240)], 16)));
        // 17.5 × 4 / 4 = 17.5: 70 × 4 / 16.
        let (ws, den) = got.unwrap();
        let table = reduced(Some(&(ws, den)), 4);
        assert_eq!(table[70 * 4], Exact::ratio(35, 2).unwrap());
        assert_eq!(table.len(), (70 + 89 + 240) * 4 + 1);
        assert_eq!(scaled(&[(0, Exact::ratio(1, i64::MAX as i128).unwrap())], 4), None);
    }
}
