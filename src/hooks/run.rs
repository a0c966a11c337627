//! Running hooks on a record: the record as the map `m`, `score` (and
//! `tier`) in scope, notes captured, limits enforced by the engine.

use super::script_loc;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason};
use crate::eval::value::Value;
use crate::exact::Exact;
use rhai::{AST, Dynamic, Engine, Map, Scope};
use std::sync::{Arc, Mutex};

/// The engine, the compiled scripts and the buffer their notes go to.
pub struct HookRunner {
    engine: Engine,
    asts: Vec<AST>,
    notes: Arc<Mutex<Vec<String>>>,
}

impl HookRunner {
    pub fn new(asts: Vec<AST>) -> HookRunner {
        let notes = Arc::new(Mutex::new(Vec::new()));
        let mut engine = super::engine();
        let (n1, n2, n3) = (Arc::clone(&notes), Arc::clone(&notes), Arc::clone(&notes));
        engine.register_fn("note", move |text: &str| push(&n1, text.to_string()));
        engine.on_print(move |text| push(&n2, text.to_string()));
        engine.on_debug(move |text, _, _| push(&n3, text.to_string()));
        HookRunner { engine, asts, notes }
    }

    fn run(
        &self,
        ev: &Evaluator<'_>,
        h: usize,
        mut scope: Scope<'_>,
        out: &mut Outcome,
    ) -> Result<Dynamic, String> {
        take(&self.notes);
        let result = self.engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.asts[h]);
        for text in take(&self.notes) {
            out.reasons.push(Reason::Note { hook: h as u16, text: text.into() });
        }
        result.map_err(|e| {
            let hook = &ev.model.plan.hooks[h];
            let loc = script_loc(hook, e.position());
            let (line, col) = loc.line_col();
            format!(
                "hook `{}` failed at {}:{line}:{col}: {}",
                hook.decl.name.name,
                loc.src.name(),
                e.unwrap_inner()
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
        let mut scope = Scope::new();
        scope.push("m", record_map(ev, s, id, values, score));
        scope.push("score", score.to_f64());
        let v = self.run(ev, h, scope, out)?;
        let name = &ev.model.plan.hooks[h].decl.name.name;
        if v.is_unit() {
            return Ok(score);
        }
        let f = if let Ok(i) = v.as_int() {
            i as f64
        } else {
            v.as_float().map_err(|t| wrong(name, "a number or ()", t))?
        };
        Exact::from_f64(f)
            .ok_or_else(|| format!("hook `{name}` returned a score that is not a usable number"))
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
        let mut scope = Scope::new();
        scope.push("m", record_map(ev, s, id, values, score));
        scope.push("score", score.to_f64());
        scope.push("tier", ev.tier_name(tier).to_string());
        let v = self.run(ev, h, scope, out)?;
        let name = &ev.model.plan.hooks[h].decl.name.name;
        if v.is_unit() {
            return Ok(tier);
        }
        let t = v.into_immutable_string().map_err(|t| wrong(name, "a tier name or ()", t))?;
        match ev.model.names.tier_index(t.as_str()) {
            Some(i) => Ok(i.max(tier)),
            None => Err(format!("hook `{name}` returned `{t}`, which is not a tier")),
        }
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

/// The record as §7 shows it to scripts.
pub fn record_map(ev: &Evaluator<'_>, s: usize, id: &str, values: &[Option<Value>], score: Exact) -> Map {
    let mut m = Map::new();
    m.insert("id".into(), id.into());
    m.insert("subject".into(), ev.model.plan.subjects[s].name.name.clone().into());
    m.insert("score".into(), score.to_f64().into());
    let names = &ev.prepared[s].names;
    for (slot, name) in names.iter().enumerate() {
        let v = values.get(slot).and_then(Option::as_ref);
        m.insert(name.as_str().into(), to_dynamic(ev, s, slot, v));
    }
    m
}

fn to_dynamic(ev: &Evaluator<'_>, s: usize, slot: usize, v: Option<&Value>) -> Dynamic {
    match v {
        None if ev.is_flag(s, slot) => false.into(),
        None => Dynamic::UNIT,
        Some(Value::Bool(b)) => (*b).into(),
        Some(Value::Num(n)) => n.to_f64().into(),
        Some(Value::Grade(g)) => ev.grade_name(*g).into(),
        Some(Value::Tier(rank)) => ev.tier_name(ev.model.names.tiers.len() - 1 - rank).to_string().into(),
        Some(Value::Choice(i)) => ev.choice_name(s, slot, *i).into(),
        Some(Value::Date(d)) => d.format("%Y-%m-%d").to_string().into(),
        Some(Value::Str(t)) => t.clone().into(),
        Some(Value::DayMonth(dm)) => format!("{}/{}", dm.day, dm.month).into(),
    }
}
