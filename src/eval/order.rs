//! The shape of every run's last pass, worked out once per evaluator: where
//! each subject is in the dependency order, and after which one each
//! population's quotas apply (once every member of its family is
//! classified); and which subjects read other records. A run then visits
//! only the subjects it has records waiting for, the quotas due and the
//! readers, not every subject of the plan (`test` makes a run per block).

use super::prepare::PSubject;
use crate::check::Model;

pub struct Order {
    /// Each subject's place in the dependency order (`usize::MAX`: none).
    pub rank: Vec<usize>,
    /// The places in the order after which quotas are due, in order.
    pub quotas: Vec<Due>,
    /// The subjects that read other records (by a ref, an aggregate or
    /// `cap at tier of`), in plan order.
    pub readers: Vec<usize>,
    /// Whether any subject has a ref field.
    pub refs: bool,
}

/// The populations whose quotas are due once the subject at `rank` is
/// classified, in plan order.
pub struct Due {
    pub rank: usize,
    pub subjects: Vec<usize>,
}

impl Order {
    pub fn new(model: &Model, prepared: &[PSubject]) -> Order {
        let n = prepared.len();
        let mut rank = vec![usize::MAX; n];
        for (r, &s) in model.order.iter().enumerate() {
            if rank.get(s) == Some(&usize::MAX) {
                rank[s] = r;
            }
        }
        // Per subject, the populations with quotas whose family holds it,
        // and per population, the members not yet classified.
        let mut holders = vec![Vec::new(); n];
        let mut left: Vec<usize> = prepared.iter().map(|p| p.family.len()).collect();
        for (t, p) in prepared.iter().enumerate() {
            if model.subjects.get(t).is_some_and(|c| !c.quotas.is_empty()) {
                p.family.iter().for_each(|&m| holders[m].push(t));
            }
        }
        let mut quotas = Vec::new();
        for (r, &s) in model.order.iter().enumerate() {
            if rank.get(s) != Some(&r) {
                continue;
            }
            let mut due = Vec::new();
            for &t in &holders[s] {
                left[t] = left[t].saturating_sub(1);
                if left[t] == 0 {
                    due.push(t);
                }
            }
            if !due.is_empty() {
                quotas.push(Due { rank: r, subjects: due });
            }
        }
        let reads =
            |s: usize| model.reads.get(s).is_some_and(|r| !r.aggregates.is_empty() || !r.cap_at.is_empty());
        let readers = (0..n).filter(|&s| !prepared[s].refs.is_empty() || reads(s)).collect();
        let refs = prepared.iter().any(|p| !p.refs.is_empty());
        Order { rank, quotas, readers, refs }
    }

    /// The place in the order of subject `s`.
    pub fn rank_of(&self, s: usize) -> usize {
        self.rank.get(s).copied().unwrap_or(usize::MAX)
    }
}
