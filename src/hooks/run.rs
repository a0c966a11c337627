//! Running hooks on a record: the record as the map `m`, `score` (and
//! `tier`) in scope, notes captured, limits enforced by the engine.

use super::memo::{Key, Memo};
use super::record::RecordView;
use super::script_loc;
use crate::check::Model;
use crate::eval::Evaluator;
use crate::eval::outcome::{Note, Outcome, Reason};
use crate::eval::prepare::PSubject;
use crate::eval::value::Value;
use crate::exact::Exact;
use rhai::{AST, Dynamic, Engine, EvalAltResult, Scope};
use std::sync::{Arc, Mutex};

/// The engine, the compiled scripts, the record handle `m`, one scope
/// reused from call to call, and the buffer notes go to.
pub struct HookRunner {
    engine: Engine,
    asts: Vec<AST>,
    view: RecordView,
    scope: Mutex<Scope<'static>>,
    notes: Arc<Mutex<Vec<String>>>,
    scores: Mutex<Memo<Exact>>,
    tiers: Mutex<Memo<usize>>,
    /// Whether results are remembered ([`crate::eval::Passes::hook_memo`]).
    memo: bool,
}

impl HookRunner {
    pub fn new(model: &Model, prepared: &[PSubject], memo: bool) -> HookRunner {
        let notes = Arc::new(Mutex::new(Vec::new()));
        let mut engine = super::engine();
        let (n1, n2, n3) = (Arc::clone(&notes), Arc::clone(&notes), Arc::clone(&notes));
        engine.register_fn("note", move |text: &str| push(&n1, text.to_string()));
        engine.on_print(move |text| push(&n2, text.to_string()));
        engine.on_debug(move |text, _, _| push(&n3, text.to_string()));
        let view = super::record::register(&mut engine, model, prepared);
        HookRunner {
            engine,
            asts: model.hooks.clone(),
            view,
            scope: Mutex::new(Scope::new()),
            notes,
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
        take(&self.notes);
        let result = match self.scope.lock() {
            Ok(mut scope) => self.engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.asts[h]),
            Err(_) => Err("the hook scope is unavailable".into()),
        };
        let notes = take(&self.notes);
        let noted = !notes.is_empty();
        for text in notes {
            out.reasons.push(Reason::Note(Box::new(Note { hook: h as u16, text: text.into() })));
        }
        result.map(|v| (v, noted)).map_err(|e| {
            let hook = &ev.model.plan.hooks[h];
            let loc = script_loc(hook, e.position());
            let (line, col) = loc.line_col();
            format!(
                "hook `{}` failed at {}:{line}:{col}: {}",
                hook.decl.name.name,
                loc.src.name(),
                in_words(e.unwrap_inner())
            )
        })
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
                v.as_float().map_err(|t| wrong(name, "a number or ()", t))?
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
            let t = v.into_immutable_string().map_err(|t| wrong(name, "a tier name or ()", t))?;
            match ev.model.names.tier_index(t.as_str()) {
                Some(i) => i.max(tier),
                None => return Err(format!("hook `{name}` returned `{t}`, which is not a tier")),
            }
        };
        self.remember(&self.tiers, key, noted, r);
        Ok(r)
    }
}

/// A rhai error in a plan author's words; the sandbox limits say which limit.
fn in_words(e: &EvalAltResult) -> String {
    use super::limits::*;
    match e {
        EvalAltResult::ErrorTooManyOperations(_) => {
            format!("it ran more than {MAX_OPERATIONS} operations, the limit for one call of a hook")
        }
        EvalAltResult::ErrorStackOverflow(_) => {
            format!("it nested function calls more than {MAX_CALL_LEVELS} levels deep")
        }
        EvalAltResult::ErrorDataTooLarge(what, _) => format!(
            "{} grew past its limit (strings {MAX_STRING_SIZE} bytes, arrays {MAX_ARRAY_SIZE} items, maps {MAX_MAP_SIZE} entries)",
            what.to_lowercase()
        ),
        EvalAltResult::ErrorPropertyNotFound(p, _) => {
            format!("the record has no property `{p}` (a misspelt name, or one the subject does not declare)")
        }
        EvalAltResult::ErrorRuntime(v, _) => format!("it threw `{v}`"),
        EvalAltResult::ErrorFunctionNotFound(f, _) => format!("it calls `{f}`, which hooks do not have"),
        other => other.to_string(),
    }
}

fn wrong(hook: &str, want: &str, got: &str) -> String {
    format!("hook `{hook}` must return {want}, not {got}")
}

fn push(notes: &Mutex<Vec<String>>, text: String) {
    if let Ok(mut n) = notes.lock() {
        n.push(text);
    }
}

fn take(notes: &Mutex<Vec<String>>) -> Vec<String> {
    notes.lock().map(|mut n| std::mem::take(&mut *n)).unwrap_or_default()
}
