//! What a subject's conditions read, worked out once per subject from the
//! one traversal ([`TExpr::subexpressions`]): the items, score and tier of the
//! record itself, each aggregate with what its `where` reads of the counted
//! records, and the families it depends on. Dependencies, kept slots, rule
//! coverage and evaluation all take it from here.

use super::model::{CCap, CSubject};
use super::types::in_family;
use crate::resolve::Plan;
use crate::syntax::ast::FieldType;
use crate::vocab::expr::{Aggregate, TExpr};

/// What one condition (or a set of them) reads of the record it is evaluated for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reads {
    /// Criteria, flags and fields by name, each once, in order of appearance.
    pub items: Vec<String>,
    pub score: bool,
    pub tier: bool,
}

impl Reads {
    /// What `e` reads of its own record (not of the records it counts).
    pub fn of(e: &TExpr) -> Reads {
        let mut r = Reads::default();
        r.add(e);
        r
    }

    fn add(&mut self, e: &TExpr) {
        for x in e.subexpressions() {
            match x {
                TExpr::Item(i) => self.item(&i.name),
                TExpr::Quant { criteria, .. } => criteria.iter().for_each(|c| self.item(&c.name)),
                TExpr::Score => self.score = true,
                TExpr::Tier => self.tier = true,
                _ => {}
            }
        }
    }

    fn item(&mut self, name: &str) {
        if !self.items.iter().any(|n| n == name) {
            self.items.push(name.to_string());
        }
    }
}

/// One aggregate a subject computes, and what it reads of the counted records.
#[derive(Clone, Debug, PartialEq)]
pub struct AggReads {
    /// The family counted (a subject name).
    pub subject: String,
    /// The counted records' field that names the group.
    pub by: String,
    /// What the `where` reads of each counted record.
    pub filter: Reads,
    pub text: String,
    /// Whether it counts by the counted records' outcome ([`by_outcome`]).
    pub by_outcome: bool,
}

/// Whether aggregate `a` counts records by their outcome: its `where`
/// reads their `tier` or `score` (or holds an aggregate of its own). Such
/// an aggregate counts classified records only, once they are final; any
/// other counts every record of the group by its data, whatever its outcome.
pub fn by_outcome(a: &Aggregate) -> bool {
    a.filter.as_ref().is_some_and(|f| {
        let r = Reads::of(f);
        r.tier || r.score || f.aggregates().next().is_some()
    })
}

/// Everything a subject's exemptions, rules and caps read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubjectReads {
    /// Of the record itself.
    pub own: Reads,
    /// Of the record itself, by its `exempt` lines alone (an aggregate that
    /// counts by data decides a pending record's exemption from them).
    pub exempt: Reads,
    /// Each distinct aggregate (by its text), wherever it appears.
    pub aggregates: Vec<AggReads>,
    /// The ref fields of `cap at tier of F` and the family each points into.
    pub cap_at: Vec<(String, Option<String>)>,
}

impl SubjectReads {
    pub fn of(plan: &Plan, subject: usize, c: &CSubject) -> SubjectReads {
        let mut r = SubjectReads::default();
        c.exempts.iter().for_each(|e| r.exempt.add(&e.cond));
        for e in conditions(c) {
            r.own.add(e);
            for a in e.aggregates() {
                r.aggregate(a);
            }
        }
        for k in &c.caps {
            if let CCap::At { field, tier_field, .. } = k {
                r.own.item(field);
                // A `tier` field caps with its own value: no other record.
                if !tier_field {
                    r.cap_at.push((field.clone(), ref_target(plan, subject, field)));
                }
            }
        }
        r
    }

    fn aggregate(&mut self, a: &Aggregate) {
        if self.aggregates.iter().any(|x| x.text == a.text) {
            return;
        }
        let filter = a.filter.as_ref().map(Reads::of).unwrap_or_default();
        self.aggregates.push(AggReads {
            subject: a.subject.clone(),
            by: a.by.clone(),
            filter,
            text: a.text.clone(),
            by_outcome: by_outcome(a),
        });
    }

    /// Whether the subject reads other records (and so waits for them).
    pub fn reads_others(&self) -> bool {
        !self.aggregates.is_empty() || !self.cap_at.is_empty()
    }

    /// The subjects whose records must be final before this one's: every
    /// member of each family capped at, or counted by an aggregate whose
    /// `where` reads the counted records' outcome ([`by_outcome`]). An
    /// aggregate that reads only data orders nothing.
    pub fn families(&self, plan: &Plan) -> Vec<usize> {
        let counted = self.aggregates.iter().filter(|a| a.by_outcome);
        let roots = counted.map(|a| Some(a.subject.as_str()));
        let roots = roots.chain(self.cap_at.iter().map(|(_, t)| t.as_deref()));
        let mut out = Vec::new();
        for root in roots.flatten() {
            for (j, s) in plan.subjects.iter().enumerate() {
                if in_family(plan, &s.name.name, root) && !out.contains(&j) {
                    out.push(j);
                }
            }
        }
        out
    }

    /// Per subject of `plan`: the items other subjects' aggregates read of
    /// its records (their `by` field and what their `where` reads, and for
    /// an aggregate that counts by data, what its exemptions read).
    pub fn read_by_others(plan: &Plan, reads: &[SubjectReads]) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); plan.subjects.len()];
        for a in reads.iter().flat_map(|r| &r.aggregates) {
            for (j, s) in plan.subjects.iter().enumerate() {
                if in_family(plan, &s.name.name, &a.subject) {
                    let exempt = if a.by_outcome { &[][..] } else { &reads[j].exempt.items[..] };
                    for name in std::iter::once(&a.by).chain(&a.filter.items).chain(exempt) {
                        if !out[j].contains(name) {
                            out[j].push(name.clone());
                        }
                    }
                }
            }
        }
        out
    }
}

/// The conditions of a subject: exemptions, rules, caps.
pub fn conditions(c: &CSubject) -> impl Iterator<Item = &TExpr> {
    let caps = c.caps.iter().filter_map(|k| match k {
        CCap::When { cond, .. } => Some(cond),
        CCap::At { .. } => None,
    });
    c.exempts.iter().map(|e| &e.cond).chain(c.rules.iter().map(|r| &r.cond)).chain(caps)
}

/// The subject a ref field of `subject` points into.
fn ref_target(plan: &Plan, subject: usize, field: &str) -> Option<String> {
    plan.subjects[subject].fields().find(|f| f.name.name == field).and_then(|f| match &f.ty {
        FieldType::Ref(t) => Some(t.name.clone()),
        _ => None,
    })
}
