//! `count`, `share` and `cap at tier of` over records whose outcome is final:
//! each aggregate is computed once for every group, then looked up per record.

use super::Evaluator;
use super::ids::Ids;
use super::outcome::{Outcome, Status};
use super::record::{Lookup, RecordEnv};
use crate::check::types::in_family;
use crate::diag::{Spoil, Target};
use crate::exact::Exact;
use crate::vocab::expr::{Aggregate, EvalError, truth};
use crate::vocab::value::{Value, tier_rank};
use std::cell::RefCell;
use std::collections::HashMap;

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
    cache: RefCell<HashMap<String, HashMap<String, Group>>>,
}

impl<'a> Finished<'a> {
    pub fn new(ev: &'a Evaluator<'a>, outs: &'a [Outcome], ids: &'a Ids) -> Finished<'a> {
        Finished { ev, outs, ids, cache: RefCell::new(HashMap::new()) }
    }

    fn groups(&self, agg: &Aggregate) -> HashMap<String, Group> {
        let plan = &self.ev.model.plan;
        let mut groups: HashMap<String, Group> = HashMap::new();
        for o in self.outs {
            let Some(s) = o.subject.map(usize::from) else { continue };
            if !in_family(plan, &plan.subjects[s].name.name, &agg.subject) {
                continue;
            }
            let names = &self.ev.prepared[s].names;
            let Some(slot) = names.iter().position(|n| *n == agg.by) else { continue };
            let Some(Value::Str(target)) = o.kept(slot) else { continue };
            let g = groups.entry(target.to_string()).or_default();
            match o.status {
                Status::Error => {
                    g.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::InError));
                }
                Status::Exempt => {}
                Status::Pending => {
                    g.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::NotYet));
                }
                Status::Classified => {
                    g.classified += 1;
                    match self.matches(agg, s, o) {
                        Ok(true) => g.matching += 1,
                        Ok(false) => {}
                        Err(e) => {
                            g.error.get_or_insert_with(|| (o.id.as_str().into(), Spoil::Filter(Box::new(e))));
                        }
                    }
                }
            }
        }
        groups
    }

    /// Whether the counted record `o` passes the aggregate's `where`.
    fn matches(&self, agg: &Aggregate, s: usize, o: &Outcome) -> Result<bool, EvalError> {
        let Some(filter) = &agg.filter else { return Ok(true) };
        let mut values = vec![None; self.ev.prepared[s].names.len()];
        for (slot, v) in &o.kept {
            values[usize::from(*slot)] = Some(v.clone());
        }
        let tiers = self.ev.model.names.tiers.len();
        let env = RecordEnv {
            ev: self.ev,
            subject: s,
            values: &values,
            score: o.score,
            tier: o.tier.map(|t| tier_rank(usize::from(t), tiers)),
            id: &o.id,
            lookup: self,
            own: false,
        };
        truth(filter, &env)
    }
}

/// Words for an aggregate a counted record leaves without a value.
impl Lookup for Finished<'_> {
    fn aggregate(&self, agg: &Aggregate, id: &str) -> Result<Exact, EvalError> {
        let mut cache = self.cache.borrow_mut();
        let groups = cache.entry(agg.text.clone()).or_insert_with(|| self.groups(agg));
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
        let mut cache = self.cache.borrow_mut();
        let groups = cache.entry(agg.text.clone()).or_insert_with(|| self.groups(agg));
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
