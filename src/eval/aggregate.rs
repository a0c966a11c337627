//! `count`, `share` and `cap at tier of` over records whose outcome is final:
//! each aggregate is computed once for every group, then looked up per record.

use super::Evaluator;
use super::ids::Ids;
use super::outcome::{Outcome, Status};
use super::record::{Lookup, RecordEnv};
use crate::check::types::in_family;
use crate::diag::{Spoil, Target};
use crate::exact::Exact;
use crate::vocab::expr::{Aggregate, EvalError, TExpr, truth};
use crate::vocab::value::{Value, tier_rank};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Default)]
struct Group {
    classified: i64,
    matching: i64,
    /// The first counted record that leaves the aggregate without a value.
    /// (§4: a group holding a record in error puts every record that reads
    /// it in error; a counted record not classified yet is reported, never
    /// counted as anything).
    error: Option<(Box<str>, Spoil)>,
}

pub struct Finished<'a> {
    pub ev: &'a Evaluator<'a>,
    pub outs: &'a [Outcome],
    pub ids: &'a Ids,
    /// The threads an aggregate over many records is counted on.
    pool: Option<&'a rayon::ThreadPool>,
    cache: RefCell<HashMap<String, Rc<Groups<'a>>>>,
    /// The aggregates whose groups are being counted (a pending record's
    /// exemption may compute another aggregate, never the same one again).
    counting: RefCell<Vec<String>>,
}

impl<'a> Finished<'a> {
    pub fn new(ev: &'a Evaluator<'a>, outs: &'a [Outcome], ids: &'a Ids) -> Finished<'a> {
        let (cache, counting) = (RefCell::new(HashMap::new()), RefCell::new(Vec::new()));
        Finished { ev, outs, ids, pool: None, cache, counting }
    }

    /// The same, counting on `pool`'s threads what it can.
    pub fn on(self, pool: Option<&'a rayon::ThreadPool>) -> Finished<'a> {
        Finished { pool, ..self }
    }

    /// The groups of `agg`, counted once (no borrow is held while counting).
    fn cached(&self, agg: &Aggregate) -> Result<Rc<Groups<'a>>, EvalError> {
        if let Some(g) = self.cache.borrow().get(&agg.text) {
            return Ok(Rc::clone(g));
        }
        if self.counting.borrow().contains(&agg.text) {
            // Its own groups wait for it (through a counted record's exemption).
            return Err(EvalError::Unavailable(agg.text.clone()));
        }
        self.counting.borrow_mut().push(agg.text.clone());
        let groups = Rc::new(self.groups(agg));
        self.counting.borrow_mut().retain(|t| *t != agg.text);
        self.cache.borrow_mut().insert(agg.text.clone(), Rc::clone(&groups));
        Ok(groups)
    }

    fn groups(&self, agg: &Aggregate) -> Groups<'a> {
        let plan = &self.ev.model.plan;
        let by_data = !crate::check::reads::by_outcome(agg);
        // Per subject, once: the slot holding `by` in the aggregate's family.
        let by: Vec<Option<usize>> = (0..plan.subjects.len())
            .map(|s| {
                let counted = in_family(plan, &plan.subjects[s].name.name, &agg.subject);
                counted.then(|| self.ev.prepared[s].names.iter().position(|n| *n == agg.by)).flatten()
            })
            .collect();
        let by_tier = self.ev.passes.compiled && agg.filter.as_ref().is_some_and(tier_only);
        if let Some(filter) = agg.filter.as_ref().filter(|_| by_tier && !by_data)
            && let Some(pool) = self.pool.filter(|_| self.outs.len() >= par::LEAST)
        {
            return par::groups_on(pool, self.ev, filter, &by, self.outs);
        }
        let mut groups = Groups::default();
        let mut values = Values { by_tier, ..Values::default() };
        for (s, o, target) in counted(self.outs, &by) {
            let g = groups.entry(target).or_default();
            if by_data {
                self.by_data(agg, (s, o), g, &mut values);
            } else if g.admits(o) {
                self.count(agg, (s, o), g, &mut values);
            }
        }
        groups
    }

    /// Counts `o` by its data (an aggregate whose `where` reads no
    /// outcome), whether or not it is classified yet: an exempt record is
    /// left out (a pending one's exemptions are decided here, as its own
    /// classification decides them first); a record whose data is bad, or
    /// whose exemption cannot be decided, spoils the group.
    fn by_data(&self, agg: &Aggregate, (s, o): (usize, &Outcome), g: &mut Group, values: &mut Values) {
        let exempt = match o.status {
            Status::Exempt => Ok(true),
            Status::Pending => self.exempt_now(s, o, values),
            Status::Error
                if o.error.as_ref().is_some_and(|e| !e.kind().is_data() && !e.kind().at_exemption()) =>
            {
                Ok(false)
            }
            Status::Error => {
                g.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::InError));
                return;
            }
            Status::Classified => Ok(false),
        };
        match exempt {
            Ok(true) => return,
            Ok(false) => {}
            Err(e) => {
                g.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::Filter(Box::new(e))));
                return;
            }
        }
        self.count(agg, (s, o), g, values);
    }

    /// Counts `o`, one of the group's records, and whether it matches the
    /// `where`; a `where` it cannot decide spoils the group.
    fn count(&self, agg: &Aggregate, (s, o): (usize, &Outcome), g: &mut Group, values: &mut Values) {
        g.add(o, self.matches(agg, (s, o), values));
    }

    /// Whether a pending record's exemption holds, decided as step 2 of
    /// §5.1 decides it (a condition that needs a missing value does not hold).
    fn exempt_now(&self, s: usize, o: &Outcome, values: &mut Values) -> Result<bool, EvalError> {
        let values = values.of(self.ev.prepared[s].names.len(), o);
        let env = self.env(s, o, values);
        for e in &self.ev.model.subjects[s].exempts {
            match truth(&e.cond, &env) {
                Ok(true) => return Ok(true),
                Ok(false) | Err(EvalError::Missing(_)) => {}
                Err(why) => return Err(why),
            }
        }
        Ok(false)
    }

    /// Where a counted record's conditions find its values.
    fn env<'v>(&'v self, s: usize, o: &'v Outcome, values: &'v [Option<Value>]) -> RecordEnv<'v> {
        env(self.ev, (s, o), values, self)
    }

    /// Whether the counted record `o` passes the aggregate's `where`.
    fn matches(
        &self,
        agg: &Aggregate,
        (s, o): (usize, &Outcome),
        values: &mut Values,
    ) -> Result<bool, EvalError> {
        let Some(filter) = &agg.filter else { return Ok(true) };
        let n = self.ev.prepared[s].names.len();
        if !values.by_tier {
            return truth(filter, &self.env(s, o, values.of(n, o)));
        }
        let mut tiers = std::mem::take(&mut values.tiers);
        let held = by_tier(&mut tiers, o.tier, || truth(filter, &self.env(s, o, values.of(n, o))));
        values.tiers = tiers;
        held
    }
}

/// The answer of a `where` that reads the tier alone ([`tier_only`]) for
/// a record of `tier`: decided once per tier, by `decide` the first time,
/// then remembered in `tiers`.
fn by_tier(
    tiers: &mut Vec<(Option<u8>, Result<bool, EvalError>)>,
    tier: Option<u8>,
    decide: impl FnOnce() -> Result<bool, EvalError>,
) -> Result<bool, EvalError> {
    if let Some((_, held)) = tiers.iter().find(|(t, _)| *t == tier) {
        return held.clone();
    }
    let held = decide();
    tiers.push((tier, held.clone()));
    held
}

/// Where a counted record's conditions find its values, and the
/// aggregates they read.
fn env<'v>(
    ev: &'v Evaluator<'v>,
    (s, o): (usize, &'v Outcome),
    values: &'v [Option<Value>],
    lookup: &'v dyn Lookup,
) -> RecordEnv<'v> {
    let tiers = ev.model.names.tiers.len();
    RecordEnv {
        ev,
        subject: s,
        values,
        score: o.score,
        tier: o.tier.map(|t| tier_rank(usize::from(t), tiers)),
        id: &o.id,
        lookup,
        own: false,
    }
}

/// The records of `outs` an aggregate counts (`by[s]`: the slot of its
/// `by` field in subject `s`, for the subjects of its family), each with
/// its subject and the group it names.
fn counted<'a>(
    outs: &'a [Outcome],
    by: &[Option<usize>],
) -> impl Iterator<Item = (usize, &'a Outcome, &'a str)> {
    outs.iter().filter_map(move |o| {
        let s = o.subject.map(usize::from)?;
        let slot = by.get(s).copied().flatten()?;
        let Some(Value::Str(target)) = o.kept(slot) else { return None };
        Some((s, o, target.as_str()))
    })
}

impl Group {
    /// Whether the group counts `o` (it is classified). One in error or
    /// not yet classified is not counted but spoils the group (the first
    /// is remembered); an exempt one is left out.
    fn admits(&mut self, o: &Outcome) -> bool {
        let spoil = match o.status {
            Status::Classified => return true,
            Status::Exempt => return false,
            Status::Error => Spoil::InError,
            Status::Pending => Spoil::NotYet,
        };
        self.error.get_or_insert_with(|| (o.id.as_str().into(), spoil));
        false
    }

    /// Counts `o`, whose `where` gave `held`: one that cannot be decided
    /// spoils the group.
    fn add(&mut self, o: &Outcome, held: Result<bool, EvalError>) {
        self.classified += 1;
        match held {
            Ok(true) => self.matching += 1,
            Ok(false) => {}
            Err(e) => {
                self.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::Filter(Box::new(e))));
            }
        }
    }
}

/// Whether `e` reads nothing of a record but its tier (`tier >= htt`):
/// then its answer for one tier is its answer for every record of that
/// tier, and the general evaluator decides it once per tier (the pass
/// `compiled`).
fn tier_only(e: &TExpr) -> bool {
    e.subexpressions().all(|x| {
        matches!(
            x,
            TExpr::Const(_) | TExpr::Tier | TExpr::Cmp(..) | TExpr::And(_) | TExpr::Or(_) | TExpr::Not(_)
        )
    })
}

/// The groups of one aggregate, by the group's value (borrowed from the
/// outcomes that name it).
type Groups<'a> = HashMap<&'a str, Group, rustc_hash::FxBuildHasher>;

/// One buffer for the values a counted record kept, refilled record by
/// record (the slots of the last record emptied first).
#[derive(Default)]
struct Values {
    slots: Vec<Option<Value>>,
    set: Vec<usize>,
    /// The filter reads the tier alone ([`tier_only`]), and its answer
    /// for each tier seen so far.
    by_tier: bool,
    tiers: Vec<(Option<u8>, Result<bool, EvalError>)>,
}

impl Values {
    /// `o`'s kept values in a subject's `n` slots, the others empty.
    fn of(&mut self, n: usize, o: &Outcome) -> &[Option<Value>] {
        for slot in self.set.drain(..) {
            if let Some(v) = self.slots.get_mut(slot) {
                *v = None;
            }
        }
        if self.slots.len() != n {
            self.slots.clear();
            self.slots.resize(n, None);
        }
        for (slot, v) in &o.kept {
            let slot = usize::from(*slot);
            if let Some(place) = self.slots.get_mut(slot) {
                *place = Some(v.clone());
                self.set.push(slot);
            }
        }
        &self.slots
    }
}

/// Words for an aggregate a counted record leaves without a value.
impl Lookup for Finished<'_> {
    fn aggregate(&self, agg: &Aggregate, id: &str) -> Result<Exact, EvalError> {
        let groups = self.cached(agg)?;
        let g = groups.get(id);
        if let Some(bad) = g.and_then(|g| g.error.as_ref()) {
            let (record, why) = bad;
            return Err(EvalError::Spoiled {
                aggregate: agg.text.clone(),
                record: record.to_string(),
                why: why.clone(),
            });
        }
        let (classified, matching) = g.map_or((0, 0), |g| (g.classified, g.matching));
        Ok(match agg.kind {
            crate::syntax::ast::AggKind::Count => Exact::int(matching),
            crate::syntax::ast::AggKind::Share if classified == 0 => Exact::int(100),
            crate::syntax::ast::AggKind::Share => {
                Exact::ratio(i128::from(matching) * 100, i128::from(classified)).unwrap_or(Exact::ZERO)
            }
        })
    }

    fn tally(&self, agg: &Aggregate, id: &str) -> Option<(i64, i64)> {
        let groups = self.cached(agg).ok()?;
        Some(groups.get(id).map_or((0, 0), |g| (g.matching, g.classified)))
    }

    fn final_tier(&self, id: &str) -> Result<Option<u8>, Target> {
        let Some(i) = self.ids.get(self.outs, id) else { return Err(Target::NoSuchId) };
        let o = &self.outs[i];
        match o.status {
            Status::Classified => Ok(o.tier),
            Status::Exempt => Ok(None),
            Status::Error => Err(Target::InError),
            Status::Pending => Err(Target::NotYet),
        }
    }
}

#[path = "aggregate_par.rs"]
mod par;

#[cfg(test)]
#[path = "aggregate_tests.rs"]
mod tests;
