//! An aggregate whose `where` reads the tier alone, counted in blocks of
//! the outcomes on several threads (issue 22): each block as one pass
//! counts it, the blocks' groups merged in input order, so that the counts
//! and the first record that spoils a group are those of one pass.

use super::{Group, Groups, Values, by_tier, counted, env};
use crate::eval::Evaluator;
use crate::eval::env::NoLookup;
use crate::eval::outcome::Outcome;
use crate::vocab::expr::{EvalError, TExpr, truth};
use rayon::prelude::*;

/// The fewest outcomes counted on several threads.
pub(super) const LEAST: usize = 1 << 15;

/// The groups of an aggregate with the tier-only `filter` over `outs`
/// (`by` as for [`counted`]), counted on `pool`.
pub(super) fn groups_on<'a>(
    pool: &rayon::ThreadPool,
    ev: &Evaluator<'_>,
    filter: &TExpr,
    by: &[Option<usize>],
    outs: &'a [Outcome],
) -> Groups<'a> {
    let size = crate::eval::block_size(outs.len(), Some(pool), 1 << 12);
    let parts: Vec<Groups<'a>> = pool
        .install(|| outs.par_chunks(size.max(1)).map(|block| block_groups(ev, filter, by, block)).collect());
    let mut groups = Groups::default();
    for part in parts {
        for (target, g) in part {
            let all = groups.entry(target).or_default();
            all.classified += g.classified;
            all.matching += g.matching;
            // An earlier block's record spoiled it first.
            if all.error.is_none() {
                all.error = g.error;
            }
        }
    }
    groups
}

/// One block's groups. The `where` reads nothing but the tier, so it is
/// decided once per tier met (as one pass decides it, `Finished::matches`),
/// and never reads another aggregate.
fn block_groups<'a>(
    ev: &Evaluator<'_>,
    filter: &TExpr,
    by: &[Option<usize>],
    outs: &'a [Outcome],
) -> Groups<'a> {
    let mut groups = Groups::default();
    let mut values = Values::default();
    let mut tiers: Vec<(Option<u8>, Result<bool, EvalError>)> = Vec::new();
    for (s, o, target) in counted(outs, by) {
        let g: &mut Group = groups.entry(target).or_default();
        if !g.admits(o) {
            continue;
        }
        let decide = || truth(filter, &env(ev, (s, o), values.of(ev.prepared[s].names.len(), o), &NoLookup));
        let held = by_tier(&mut tiers, o.tier, decide);
        g.add(o, held);
    }
    groups
}
