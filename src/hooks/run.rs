//! Running hooks on a record: the record as the map `m`, `score` (and
//! `tier`) in scope, notes captured, limits enforced by the engine and by the
//! [`Budget`] (the call's time and notes, the run's time).

use super::budget::Budget;
use super::memo::{Key, Memo};
use super::record::RecordView;
use super::script_loc;
use super::words::{in_words, not_run, over, wrong};
use crate::check::Model;
use crate::eval::Evaluator;
use crate::eval::outcome::{Note, Outcome, Reason};
use crate::eval::prepare::PSubject;
use crate::exact::Exact;
use crate::vocab::value::Value;
use rhai::{AST, Dynamic, Engine, EvalAltResult, Position, Scope};
use std::sync::Mutex;

/// The engine, the compiled scripts, the record handle `m`, one scope
/// reused from call to call, and the budget of the running call.
pub struct HookRunner {
    engine: Engine,
    asts: Vec<AST>,
    view: RecordView,
    scope: Mutex<Scope<'static>>,
    budget: Budget,
    scores: Mutex<Memo<Exact>>,
    tiers: Mutex<Memo<usize>>,
    /// Whether results are remembered ([`crate::eval::Passes::hook_memo`]).
    memo: bool,
}

impl HookRunner {
    pub fn new(model: &Model, prepared: &[PSubject], memo: bool) -> HookRunner {
        let budget = Budget::default();
        let mut engine = super::engine();
        let (b1, b2, b3, b4) = (budget.clone(), budget.clone(), budget.clone(), budget.clone());
        engine.register_fn("note", move |text: &str| -> Result<(), Box<EvalAltResult>> {
            if b1.note(text) {
                Ok(())
            } else {
                Err(EvalAltResult::ErrorTerminated(Dynamic::UNIT, Position::NONE).into())
            }
        });
        engine.on_print(move |text| {
            b2.note(text);
        });
        engine.on_debug(move |text, _, _| {
            b3.note(text);
        });
        engine.on_progress(move |ops| b4.progress(ops));
        let view = super::record::register(&mut engine, model, prepared);
        HookRunner {
            engine,
            asts: model.hooks.clone(),
            view,
            scope: Mutex::new(Scope::new()),
            budget,
            scores: Mutex::default(),
            tiers: Mutex::default(),
            memo,
        }
    }

    /// Makes `m` the given record, and `score` (and `tier`) its values.
    fn bind(&self, s: usize, id: &str, values: &[Option<Value>], score: Exact, tier: Option<&str>) {
        self.view.set(s, id, values, score);
        if let Ok(mut scope) = self.scope.lock() {
            // `m` stays from call to call (making it anew costs an
            // allocation per record) unless a script replaced it; whatever
            // else a script left in scope goes.
            let first = scope.iter_raw().last();
            let kept = first.is_some_and(|(n, _, v)| n == "m" && v.is::<RecordView>());
            scope.rewind(usize::from(kept));
            if !kept {
                scope.push("m", self.view.clone());
            }
            scope.push("score", score.to_f64());
            if let Some(t) = tier {
                scope.push("tier", t.to_string());
            }
        }
    }

    /// Runs hook `h` on the bound record: its value, and whether it left notes.
    fn run(&self, ev: &Evaluator<'_>, h: usize, out: &mut Outcome) -> Result<(Dynamic, bool), String> {
        if self.budget.run_over() {
            return Err(not_run(&ev.model.plan.hooks[h].decl.name.name, self.budget.run_limit()));
        }
        self.budget.start();
        let result = match self.scope.lock() {
            Ok(mut scope) => self.engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.asts[h]),
            Err(_) => Err("the hook scope is unavailable".into()),
        };
        let (notes, past) = self.budget.finish();
        let noted = !notes.is_empty();
        for text in notes {
            out.reasons.push(Reason::Note(Box::new(Note { hook: h as u16, text: text.into() })));
        }
        let failed = |pos: Position, words: String| {
            let hook = &ev.model.plan.hooks[h];
            let loc = script_loc(hook, pos);
            let (line, col) = loc.line_col();
            format!("hook `{}` failed at {}:{line}:{col}: {words}", hook.decl.name.name, loc.src.name())
        };
        match (result, past) {
            // A budget gone past wins: the error it caused (if any) only ended the call.
            (Err(e), Some(o)) => Err(failed(e.position(), over(o))),
            (Ok(_), Some(o)) => Err(failed(Position::NONE, over(o))),
            (Err(e), None) => Err(failed(e.position(), in_words(e.unwrap_inner()))),
            (Ok(v), None) => Ok((v, noted)),
        }
    }

    /// Runs a `score` hook; the new score (unchanged for `()`).
    #[allow(clippy::too_many_arguments)]
    pub fn score_hook(
        &self,
        ev: &Evaluator<'_>,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
        out: &mut Outcome,
    ) -> Result<Exact, String> {
        let key = (h, s, score, None);
        if let Some(r) = self.scores.lock().ok().filter(|_| self.memo).and_then(|m| m.get(key, values, id)) {
            return Ok(r);
        }
        self.bind(s, id, values, score, None);
        let (v, noted) = self.run(ev, h, out)?;
        let name = &ev.model.plan.hooks[h].decl.name.name;
        let r = if v.is_unit() {
            score
        } else {
            let f = if let Ok(i) = v.as_int() {
                i as f64
            } else {
                v.as_float().map_err(|_| wrong(name, "a number (the new score)", &v))?
            };
            Exact::from_f64(f)
                .ok_or_else(|| format!("hook `{name}` returned a score that is not a usable number"))?
        };
        self.remember(&self.scores, key, noted, r);
        Ok(r)
    }

    /// Remembers a call's result, unless it left notes (each call must).
    fn remember<R: Clone>(&self, memo: &Mutex<Memo<R>>, key: Key, noted: bool, r: R) {
        if let (true, false, Some(reads), Ok(mut m)) = (self.memo, noted, self.view.reads(), memo.lock()) {
            m.put(key, &reads, r);
        }
    }

    /// Runs a `tier` hook; the tier index it caps at (unchanged for `()`).
    #[allow(clippy::too_many_arguments)]
    pub fn tier_hook(
        &self,
        ev: &Evaluator<'_>,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
        tier: usize,
        out: &mut Outcome,
    ) -> Result<usize, String> {
        let key = (h, s, score, Some(tier));
        if let Some(r) = self.tiers.lock().ok().filter(|_| self.memo).and_then(|m| m.get(key, values, id)) {
            return Ok(r);
        }
        self.bind(s, id, values, score, Some(ev.tier_name(tier)));
        let (v, noted) = self.run(ev, h, out)?;
        let name = &ev.model.plan.hooks[h].decl.name.name;
        let r = if v.is_unit() {
            tier
        } else {
            let t = v.as_immutable_string_ref().map_err(|_| wrong(name, "a tier name", &v))?.clone();
            match ev.model.names.tier_index(t.as_str()) {
                Some(i) => i.max(tier),
                None => return Err(format!("hook `{name}` returned `{t}`, which is not a tier")),
            }
        };
        self.remember(&self.tiers, key, noted, r);
        Ok(r)
    }
}
