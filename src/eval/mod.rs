//! Evaluation: from a checked plan and records to outcomes. The steps are
//! pure (`record`, `quota`, `aggregate`); `run` feeds them from data files.

pub(crate) mod aggregate;
pub mod carry;
pub(crate) mod env;
pub(crate) mod fast;
pub(crate) mod ids;
pub(crate) mod order;
pub mod outcome;
pub mod passes;
pub(crate) mod prepare;
pub mod previous;
pub(crate) mod quota;
pub(crate) mod record;
pub mod run;
pub(crate) mod schema;
pub(crate) mod trace;

use crate::check::Model;
use crate::exact::Exact;
use crate::hooks::pool::HookRunner;
use crate::syntax::ast::{FieldType, ItemKind};
use chrono::NaiveDate;
pub use passes::Passes;
use prepare::PSubject;

/// The records per block when `records` are shared among `pool`'s
/// threads: two blocks per thread, at least `least` records each (one
/// block without a pool). A block that numbers or remembers what it meets
/// (quota groups, ref targets) does less work in fewer blocks.
pub(crate) fn block_size(records: usize, pool: Option<&rayon::ThreadPool>, least: usize) -> usize {
    match pool {
        Some(pool) => (records / (2 * pool.current_num_threads())).max(least),
        None => records.max(1),
    }
}

/// Everything evaluation needs about a plan, prepared once.
pub struct Evaluator<'m> {
    pub model: &'m Model,
    pub prepared: Vec<PSubject>,
    pub year: i32,
    pub as_of: NaiveDate,
    pub hooks: HookRunner,
    /// The optimizations in use ([`Passes::NONE`]: the reference evaluator).
    pub passes: Passes,
    /// What each subject's columns are, for every run of this evaluator
    /// (`test` runs one per block: building them per run cost the whole plan).
    pub(crate) columns: crate::data::Columns,
    /// Where each subject is in the dependency order, and when quotas apply.
    pub(crate) order: order::Order,
    /// Last year's tiers (`eval --previous`), for `previous_tier`.
    pub previous: previous::Previous,
}

impl<'m> Evaluator<'m> {
    /// For evaluation year `year`; `as_of` defaults to 31/12 of that year.
    /// With the default passes ([`Passes::default`]: all of them unless
    /// `KEHOACH_PASSES` says otherwise).
    pub fn new(model: &'m Model, year: i32, as_of: Option<NaiveDate>) -> Evaluator<'m> {
        Evaluator::with_passes(model, year, as_of, Passes::default())
    }

    /// [`Evaluator::new`] with the given optimizations.
    pub fn with_passes(
        model: &'m Model,
        year: i32,
        as_of: Option<NaiveDate>,
        passes: Passes,
    ) -> Evaluator<'m> {
        let as_of = as_of.or_else(|| NaiveDate::from_ymd_opt(year, 12, 31)).unwrap_or_default();
        let prepared = prepare::prepare(model, passes);
        let hook_schema = schema::hooks(model, &prepared);
        let hooks =
            HookRunner::new(model.hooks.clone(), model.plan.hooks.clone(), &hook_schema, passes.hook_memo);
        let columns = schema::columns(model);
        let order = order::Order::new(model, &prepared);
        let previous = previous::Previous::default();
        Evaluator { model, prepared, year, as_of, hooks, passes, columns, order, previous }
    }

    pub fn is_flag(&self, s: usize, slot: usize) -> bool {
        matches!(self.model.plan.subjects[s].decls.get(slot).map(|d| &d.kind), Some(ItemKind::Flag(_)))
    }

    /// The name of the subject an outcome is of (empty when it has none).
    pub fn subject_name(&self, o: &outcome::Outcome) -> &str {
        o.subject.map_or("", |s| self.model.plan.subjects[usize::from(s)].name.name.as_str())
    }

    /// The grade name of a scale value.
    pub fn grade_name(&self, v: Exact) -> String {
        self.model.names.scale.iter().find(|g| g.value == v).map(|g| g.name.clone()).unwrap_or_default()
    }

    pub fn choice_name(&self, s: usize, slot: usize, i: usize) -> String {
        match self.model.plan.subjects[s].decls.get(slot).map(|d| &d.kind) {
            Some(ItemKind::Field(f)) => match &f.ty {
                FieldType::Choice(opts) => opts.get(i).map(|o| o.name.name.clone()).unwrap_or_default(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    }

    /// The tier label (the plan's own words) of a tier index.
    pub fn tier_label(&self, index: usize) -> &str {
        let tiers = self.model.plan.tiers.iter().flat_map(|t| t.tiers.iter());
        tiers.clone().nth(index).map_or("", |t| t.label.value.as_str())
    }
}
