//! Running hooks on a record: the record as the map `m`, `score` (and
//! `tier`) in scope, notes captured, limits enforced by the engine and by the
//! [`Budget`] (the call's time and notes, the run's time). A call gives back
//! its value and its notes; `eval` makes reasons of them.

use super::budget::Budget;
use super::memo::{Key, Memo};
use super::record::{RecordView, Schema};
use super::script_loc;
use super::words::{in_words, not_run, over, wrong};
use crate::diag::{HookFail, HookWhy, Want};
use crate::exact::Exact;
use crate::resolve::model::Hook;
use crate::vocab::value::Value;
use rhai::{AST, Dynamic, Engine, EvalAltResult, Position, Scope};
use std::sync::Mutex;

/// One thread's engine, the compiled scripts, the record handle `m`, one
/// scope reused from call to call, and the budget of the running call
/// (see [`super::pool::HookRunner`], which gives each thread its own).
pub struct Worker {
    engine: Engine,
    asts: Vec<AST>,
    /// The hooks' declarations (names and script places, for errors).
    decls: Vec<Hook>,
    /// Tier names, best first.
    tier_names: Vec<String>,
    view: RecordView,
    scope: Mutex<Scope<'static>>,
    budget: Budget,
    scores: Mutex<Memo<Exact>>,
    tiers: Mutex<Memo<usize>>,
    /// Whether results are remembered (the `hook_memo` pass).
    memo: bool,
}

/// What one hook call gave: its result and the notes it left (in order).
pub struct Ran<T> {
    pub result: Result<T, HookFail>,
    pub notes: Vec<String>,
}

impl Worker {
    /// For the compiled `asts` of the hooks `decls`, records as `schema` says.
    pub fn new(asts: Vec<AST>, decls: Vec<Hook>, schema: &Schema, memo: bool) -> Worker {
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
        let view = super::record::register(&mut engine, schema);
        Worker {
            engine,
            asts,
            decls,
            tier_names: schema.tiers.clone(),
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

    /// Runs hook `h` on the bound record: its value, and the notes it left.
    fn run(&self, h: usize) -> Ran<Dynamic> {
        let hook = &self.decls[h];
        if self.budget.run_over() {
            return Ran {
                result: Err(not_run(&hook.decl.name.name, self.budget.run_limit())),
                notes: Vec::new(),
            };
        }
        self.budget.start();
        let result = match self.scope.lock() {
            Ok(mut scope) => self.engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.asts[h]),
            Err(_) => Err("the hook scope is unavailable".into()),
        };
        let (notes, past) = self.budget.finish();
        let failed = |pos: Position, why: HookWhy| {
            let loc = script_loc(hook, pos);
            let (line, col) = loc.line_col();
            let at = format!("{}:{line}:{col}", loc.src.name());
            HookFail::Failed { hook: hook.decl.name.name.clone(), at, why }
        };
        let result = match (result, past) {
            // A budget gone past wins: the error it caused (if any) only ended the call.
            (Err(e), Some(o)) => Err(failed(e.position(), over(o))),
            (Ok(_), Some(o)) => Err(failed(Position::NONE, over(o))),
            (Err(e), None) => Err(failed(e.position(), in_words(e.unwrap_inner()))),
            (Ok(v), None) => Ok(v),
        };
        Ran { result, notes }
    }

    /// Runs a `score` hook; the new score (unchanged for `()`).
    pub fn score_hook(
        &self,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
    ) -> Ran<Exact> {
        let key = (h, s, score, None);
        if let Some(r) = self.scores.lock().ok().filter(|_| self.memo).and_then(|m| m.get(key, values, id)) {
            return Ran { result: Ok(r), notes: Vec::new() };
        }
        self.bind(s, id, values, score, None);
        let ran = self.run(h);
        let name = &self.decls[h].decl.name.name;
        let result = ran.result.and_then(|v| {
            if v.is_unit() {
                return Ok(score);
            }
            let f = if let Ok(i) = v.as_int() {
                i as f64
            } else {
                v.as_float().map_err(|_| wrong(name, Want::Score, &v))?
            };
            Exact::from_f64(f).ok_or_else(|| HookFail::NotUsableScore { hook: name.clone() })
        });
        if let Ok(r) = result {
            self.remember(&self.scores, key, !ran.notes.is_empty(), r);
        }
        Ran { result, notes: ran.notes }
    }

    /// Remembers a call's result, unless it left notes (each call must).
    fn remember<R: Clone>(&self, memo: &Mutex<Memo<R>>, key: Key, noted: bool, r: R) {
        if let (true, false, Some(reads), Ok(mut m)) = (self.memo, noted, self.view.reads(), memo.lock()) {
            m.put(key, &reads, r);
        }
    }

    /// Runs a `tier` hook; the tier index it caps at (unchanged for `()`).
    pub fn tier_hook(
        &self,
        h: usize,
        s: usize,
        id: &str,
        values: &[Option<Value>],
        score: Exact,
        tier: usize,
    ) -> Ran<usize> {
        let key = (h, s, score, Some(tier));
        if let Some(r) = self.tiers.lock().ok().filter(|_| self.memo).and_then(|m| m.get(key, values, id)) {
            return Ran { result: Ok(r), notes: Vec::new() };
        }
        let tier_name = self.tier_names.get(tier).map_or("?", String::as_str);
        self.bind(s, id, values, score, Some(tier_name));
        let ran = self.run(h);
        let name = &self.decls[h].decl.name.name;
        let result = ran.result.and_then(|v| {
            if v.is_unit() {
                return Ok(tier);
            }
            let t = v.as_immutable_string_ref().map_err(|_| wrong(name, Want::Tier, &v))?.clone();
            match self.tier_names.iter().position(|n| n == t.as_str()) {
                Some(i) => Ok(i.max(tier)),
                None => Err(HookFail::NotTier { hook: name.clone(), tier: t.to_string() }),
            }
        });
        if let Ok(r) = result {
            self.remember(&self.tiers, key, !ran.notes.is_empty(), r);
        }
        Ran { result, notes: ran.notes }
    }
}
