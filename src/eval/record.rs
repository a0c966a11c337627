//! Steps 2–7 of §5.1 for one record: exemption, exact score, score hooks,
//! rules, caps, tier hooks. Pure: other records are reached through [`Lookup`].

use super::Evaluator;
use super::fast::{Fast, Record};
use super::outcome::{CapAt, HookScore, Note, Outcome, Reason, Status};
use super::trace::{Sink, Step, Trace};
use crate::check::model::CCap;
use crate::diag::{Clause, ErrorKind, RecordError};
use crate::exact::Exact;
use crate::hooks::run::Ran;
use crate::vocab::expr::{EvalError, TExpr, truth};
use crate::vocab::value::Value;

pub use super::env::{Lookup, NoLookup, RecordEnv};

/// Σ weight × grade over integer weights and grades; `None` when a grade is
/// missing or not an integer, or the sum overflows (the general path decides).
fn int_sum(ws: &[(usize, i64)], values: &[Option<Value>]) -> Option<i128> {
    let mut num: i128 = 0;
    for (slot, w) in ws {
        let Some(Value::Grade(g)) = values.get(*slot).and_then(Option::as_ref) else { return None };
        num = num.checked_add(i128::from(*w).checked_mul(i128::from(g.as_int()?))?)?;
    }
    Some(num)
}

/// Words for an evaluation error of `what` (a rule, a cap…).
pub fn explain_error(e: &EvalError, what: &str) -> String {
    crate::diag::undecided(e, what)
}

impl Evaluator<'_> {
    /// Classifies one record through step 7 (quotas come later), writing
    /// every step into `trace` when there is one.
    pub fn classify(
        &self,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        lookup: &dyn Lookup,
        trace: Option<&mut Trace>,
    ) -> Outcome {
        let mut out = Outcome::blank();
        self.unkept(s, id, values, lookup, &mut out, trace);
        out.kept = Outcome::keep(&self.prepared[s].kept, values);
        out
    }

    /// [`Evaluator::classify`] into `out` (a blank outcome), moving the
    /// kept values out of `values` instead of copying them (the caller is
    /// done with the record).
    pub fn classify_taking(
        &self,
        s: usize,
        id: &str,
        values: &mut [Option<Value>],
        lookup: &dyn Lookup,
        out: &mut Outcome,
    ) {
        self.unkept(s, id, values, lookup, out, None);
        // Pushed one by one into the (empty) inline vector: no collecting
        // through an iterator, no drop of the vector replaced.
        for &k in &self.prepared[s].kept {
            if let Some(v) = values.get_mut(k).and_then(Option::take) {
                out.kept.push((k as u16, v));
            }
        }
    }

    fn unkept(
        &self,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        lookup: &dyn Lookup,
        out: &mut Outcome,
        mut trace: Option<&mut Trace>,
    ) {
        out.id = id.into();
        out.subject = Some(s as u16);
        if let Err(kind) = self.steps(s, id, values, lookup, out, &mut trace) {
            let error = RecordError::new(kind);
            trace.step(|| Step::Failed(error.text().to_string()));
            out.fail(error);
        }
    }

    fn steps(
        &self,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        lookup: &dyn Lookup,
        out: &mut Outcome,
        trace: &mut Option<&mut Trace>,
    ) -> Result<(), ErrorKind> {
        let c = &self.model.subjects[s];
        let mut env =
            RecordEnv { ev: self, subject: s, values, score: None, tier: None, id, lookup, own: true };
        let fast = &self.prepared[s].fast;
        let mut rec = Record { values, score: None, as_of: self.as_of, year: self.year };
        for (i, e) in c.exempts.iter().enumerate() {
            let compiled = fast.exempts[i].as_ref();
            if !trace.on() && compiled.is_some_and(|f| f.lacks_date(&rec)) {
                // An optional date left empty: not exempt by this line, as
                // the general evaluator's "missing" says (without its words).
                debug_assert!(matches!(truth(&e.cond, &env), Err(EvalError::Missing(_))), "{:?}", e.cond);
                continue;
            }
            let held = self.truth(compiled, &e.cond, &env, &rec);
            self.traced(trace, &e.cond, &env, || Step::Exempt { index: i, held: held.clone() });
            match held {
                Ok(true) => {
                    out.status = Status::Exempt;
                    out.reasons.push(Reason::Exempt(i as u16));
                    return Ok(());
                }
                Ok(false) | Err(EvalError::Missing(_)) => {}
                Err(why) => return Err(ErrorKind::Undecided { clause: Clause::Exemption, why }),
            }
        }
        let mut score = self.score(s, values)?;
        trace.step(|| Step::Score(score));
        for &h in &self.prepared[s].score_hooks {
            let ran = self.hooks.score_hook(h, s, id, values, score);
            let after = self.noted(h, ran, out)?;
            if after != score {
                out.reasons.push(Reason::HookScore(Box::new(HookScore {
                    hook: h as u16,
                    before: score,
                    after,
                })));
                score = after;
            }
        }
        if !self.prepared[s].score_hooks.is_empty() {
            trace.step(|| Step::Hooked(score));
        }
        env.score = Some(score);
        rec.score = Some(score);
        out.score = Some(score);
        let mut tier = None;
        for (i, r) in c.rules.iter().enumerate() {
            let rule = |why| {
                let clause = Clause::Rule { tier: self.tier_name(r.tier).to_string(), line: r.loc.line() };
                ErrorKind::Undecided { clause, why }
            };
            let held = self.truth(fast.rules[i].as_ref(), &r.cond, &env, &rec);
            self.traced(trace, &r.cond, &env, || {
                let failing = (held == Ok(false)).then(|| super::trace::failing(&r.cond, &env));
                Step::Rule { index: i, held: held.clone(), failing }
            });
            if held.map_err(rule)? {
                tier = Some(r.tier);
                out.reasons.push(Reason::Rule(i as u16));
                break;
            }
        }
        let mut tier = match (tier, c.otherwise) {
            (Some(t), _) => t,
            (None, Some(t)) => {
                trace.step(|| Step::Otherwise);
                out.reasons.push(Reason::Otherwise);
                t
            }
            (None, None) => return Err(ErrorKind::NoTier),
        };
        for (i, cap) in c.caps.iter().enumerate() {
            tier = self.cap(i, cap, fast.caps[i].as_ref(), tier, (&env, &rec), out, trace)?;
        }
        for &h in &self.prepared[s].tier_hooks {
            let ran = self.hooks.tier_hook(h, s, id, values, score, tier);
            let after = self.noted(h, ran, out)?;
            if after > tier {
                out.reasons.push(Reason::HookTier { hook: h as u16, before: tier as u8, after: after as u8 });
                tier = after;
            }
        }
        out.tier = Some(tier as u8);
        Ok(())
    }

    /// The exact score: Σ weight × grade / max + Σ points.
    pub fn score(&self, s: usize, values: &[Option<Value>]) -> Result<Exact, ErrorKind> {
        let p = &self.prepared[s];
        let overflow = || ErrorKind::ScoreTooLarge;
        let mut total = match &p.int_weights {
            Some((ws, den)) => match int_sum(ws, values) {
                Some(num) => {
                    let fast = match usize::try_from(num).ok().and_then(|n| p.reduced.get(n)) {
                        Some(&tabled) => tabled,
                        None => Exact::ratio(num, i128::from(*den)).ok_or_else(overflow)?,
                    };
                    debug_assert_eq!(Ok(fast), self.weighted(s, values), "integer score path disagrees");
                    fast
                }
                None => self.weighted(s, values)?,
            },
            None => self.weighted(s, values)?,
        };
        for slot in &p.points {
            match values.get(*slot).and_then(Option::as_ref) {
                Some(Value::Num(n)) => total = total.checked_add(*n).ok_or_else(overflow)?,
                _ => return Err(ErrorKind::NoPoints { criterion: p.names[*slot].clone() }),
            }
        }
        Ok(total)
    }

    /// Σ weight × grade / max grade, exactly, for any weights and grades.
    fn weighted(&self, s: usize, values: &[Option<Value>]) -> Result<Exact, ErrorKind> {
        let p = &self.prepared[s];
        let overflow = || ErrorKind::ScoreTooLarge;
        let mut total = Exact::ZERO;
        for (slot, factor) in &p.weights {
            match values.get(*slot).and_then(Option::as_ref) {
                Some(Value::Grade(g)) => {
                    total = total
                        .checked_add(factor.checked_mul(*g).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?
                }
                _ => return Err(ErrorKind::NoGrade { criterion: p.names[*slot].clone() }),
            }
        }
        Ok(total)
    }

    /// A condition of the record's own subject: compiled when it can be,
    /// else (or when the compiled form has no answer) evaluated in general.
    /// `rec` holds the same values and score as `env`, for the compiled form.
    #[inline(always)]
    fn truth(
        &self,
        fast: Option<&Fast>,
        cond: &TExpr,
        env: &RecordEnv<'_>,
        rec: &Record<'_>,
    ) -> Result<bool, EvalError> {
        match fast.and_then(|f| f.quick(rec)) {
            Some(b) => {
                debug_assert_eq!(truth(cond, env), Ok(b), "compiled {fast:?} disagrees on {cond:?}");
                Ok(b)
            }
            None => truth(cond, env),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn cap(
        &self,
        i: usize,
        cap: &CCap,
        fast: Option<&Fast>,
        tier: usize,
        (env, rec): (&RecordEnv<'_>, &Record<'_>),
        out: &mut Outcome,
        trace: &mut Option<&mut Trace>,
    ) -> Result<usize, ErrorKind> {
        match cap {
            CCap::When { tier: t, cond, loc, .. } => {
                let what = |why| {
                    let clause = Clause::Cap { tier: self.tier_name(*t).to_string(), line: loc.line() };
                    ErrorKind::Undecided { clause, why }
                };
                let held = self.truth(fast, cond, env, rec);
                let lowered = matches!(held, Ok(true)) && *t > tier;
                self.traced(trace, cond, env, || Step::Cap { index: i, held: held.clone(), lowered });
                held.map_err(what)?;
                if lowered {
                    out.reasons.push(Reason::Cap(i as u16));
                    return Ok(*t);
                }
                Ok(tier)
            }
            CCap::At { field, tier_field: true, .. } => {
                let slot = env.slot(field);
                let Some(Value::Tier(rank)) = slot.and_then(|s| env.values.get(s)).and_then(Option::as_ref)
                else {
                    return Err(ErrorKind::CapAtMissing { field: field.clone() });
                };
                let t = crate::vocab::value::tier_rank(*rank, self.model.names.tiers.len());
                let lowered = t > tier;
                if lowered {
                    let why = CapAt { cap: i as u16, id: "".into(), tier: t as u8 };
                    out.reasons.push(Reason::CapAt(Box::new(why)));
                }
                trace.step(|| Step::Cap { index: i, held: Ok(true), lowered });
                Ok(if lowered { t } else { tier })
            }
            CCap::At { field, .. } => {
                let slot = env.slot(field);
                let Some(Value::Str(target)) = slot.and_then(|s| env.values.get(s)).and_then(Option::as_ref)
                else {
                    return Err(ErrorKind::CapAtMissing { field: field.clone() });
                };
                let lowered = match env
                    .lookup
                    .final_tier(target)
                    .map_err(|why| ErrorKind::CapAtTarget { id: target.to_string(), why })?
                {
                    Some(t) if usize::from(t) > tier => {
                        let why = CapAt { cap: i as u16, id: target.as_str().into(), tier: t };
                        out.reasons.push(Reason::CapAt(Box::new(why)));
                        Some(usize::from(t))
                    }
                    _ => None,
                };
                trace.step(|| Step::Cap { index: i, held: Ok(true), lowered: lowered.is_some() });
                Ok(lowered.unwrap_or(tier))
            }
        }
    }

    /// Writes a condition's step into the trace, after the values of the
    /// aggregates it computed.
    fn traced(
        &self,
        trace: &mut Option<&mut Trace>,
        cond: &TExpr,
        env: &RecordEnv<'_>,
        step: impl FnOnce() -> Step,
    ) {
        if !trace.on() {
            return;
        }
        for a in cond.aggregates() {
            if let (Some((matching, counted)), Ok(value)) =
                (env.lookup.tally(a, env.id), env.lookup.aggregate(a, env.id))
            {
                trace.step(|| Step::Aggregate { text: a.text.clone(), matching, counted, value });
            }
        }
        trace.step(step);
    }

    /// A hook call's notes as reasons of the record, then its result.
    fn noted<T>(&self, h: usize, ran: Ran<T>, out: &mut Outcome) -> Result<T, ErrorKind> {
        for text in ran.notes {
            out.reasons.push(Reason::Note(Box::new(Note { hook: h as u16, text: text.into() })));
        }
        ran.result.map_err(ErrorKind::Hook)
    }

    pub fn tier_name(&self, index: usize) -> &str {
        self.model.names.tiers.get(index).map_or("?", String::as_str)
    }
}
