//! Flattening `subject S extends T`: S gets T's effective items, with its own
//! replacements, additions and drops applied.

use super::decls::{drop_decl, replace_decl};
use super::locks;
use super::locks::locked;
use super::model::{Plan, Subject};
use crate::diag::{Diagnostic, Kind};
use crate::source::Source;
use crate::suggest;
use crate::syntax::ast::ItemKind;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Todo,
    Busy,
    Done,
}

pub fn flatten(plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let declared = plan.subjects.clone();
    let mut state = vec![State::Todo; declared.len()];
    let mut out = declared.clone();
    let chain = plan.chain.clone();
    let at = Declared::new(&declared, &chain);
    for i in 0..declared.len() {
        visit(i, &at, &mut state, &mut out, diags);
    }
    plan.subjects = out;
}

/// The subjects as declared, and where each name is among them.
struct Declared<'a> {
    list: &'a [Subject],
    at: HashMap<&'a str, usize>,
    /// The files of the plan's chain, for which of two lines is a child's.
    chain: &'a [Arc<Source>],
}

impl<'a> Declared<'a> {
    fn new(list: &'a [Subject], chain: &'a [Arc<Source>]) -> Declared<'a> {
        let mut at = HashMap::new();
        for (i, s) in list.iter().enumerate() {
            at.entry(s.name.name.as_str()).or_insert(i);
        }
        Declared { list, at, chain }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.at.get(name).copied()
    }
}

fn visit(i: usize, at: &Declared<'_>, state: &mut [State], out: &mut [Subject], diags: &mut Vec<Diagnostic>) {
    let declared = at.list;
    if state[i] != State::Todo {
        if state[i] == State::Busy {
            let chain = cycle_text(i, at);
            let loc = declared[i].extends.as_ref().map_or(&declared[i].name.loc, |e| &e.loc);
            diags.push(Diagnostic::new(Kind::SubjectCycle { chain }, loc));
        }
        return;
    }
    state[i] = State::Busy;
    let own = &declared[i];
    let base = own.extends.as_ref().and_then(|ext| {
        let j = at.position(&ext.name);
        if j.is_none() {
            let suggestion = suggest::closest(&ext.name, declared.iter().map(|s| s.name.name.as_str()));
            diags.push(Diagnostic::new(
                Kind::Unknown { what: "subject", name: ext.name.clone(), suggestion },
                &ext.loc,
            ));
        }
        j
    });
    let result = match base {
        Some(j) => {
            visit(j, at, state, out, diags);
            // A cycle leaves the base unfinished; use it as declared.
            if state[j] == State::Done { inherit(&out[j], own, at.chain, diags) } else { own.clone() }
        }
        None => own.clone(),
    };
    out[i] = finish_drops(result, diags);
    state[i] = State::Done;
}

fn cycle_text(i: usize, at: &Declared<'_>) -> String {
    let declared = at.list;
    let mut names = vec![declared[i].name.name.clone()];
    let mut cur = i;
    for _ in 0..declared.len() {
        let Some(ext) = &declared[cur].extends else {
            break;
        };
        names.push(ext.name.clone());
        match at.position(&ext.name) {
            Some(j) if j != i => cur = j,
            _ => break,
        }
    }
    names.join(" → ")
}

/// `own` on top of the effective `base`.
fn inherit(base: &Subject, own: &Subject, chain: &[Arc<Source>], diags: &mut Vec<Diagnostic>) -> Subject {
    let mut s = base.clone();
    s.name = own.name.clone();
    s.label = own.label.clone();
    s.extends = own.extends.clone();
    s.locked = own.locked.clone();
    s.loc = own.loc.clone();
    s.drops = Vec::new();
    s.quotas = own.quotas.clone();
    if own.level.is_some() {
        s.level = own.level.clone();
    }
    for g in &own.groups {
        locks::add_group(&mut s, g, diags);
    }
    for item in &own.decls {
        replace_decl(&mut s, item.clone(), chain, diags);
    }
    for drop in &own.drops {
        drop_decl(&mut s, drop.clone(), chain, diags);
    }
    if !own.rules.is_empty() {
        match base.lock_rules.as_ref().filter(|l| !l.same_file(&own.rules[0].loc)) {
            Some(lock) => diags.push(locked("rule list of", &base.name, lock)),
            None => s.rules = own.rules.clone(),
        }
    }
    locks::add_exempts(&mut s, &own.exempts, chain, diags);
    s.caps.extend(own.caps.iter().cloned());
    s.lock_exempt.extend(own.lock_exempt.iter().cloned());
    s.lock_caps.extend(own.lock_caps.iter().cloned());
    if own.lock_rules.is_some() {
        s.lock_rules = own.lock_rules.clone();
    }
    s
}

/// Every `drop` still pending matched nothing: report it.
fn finish_drops(mut s: Subject, diags: &mut Vec<Diagnostic>) -> Subject {
    for d in std::mem::take(&mut s.drops) {
        if let ItemKind::Drop { what, name } = &d.kind {
            let what = match what {
                crate::syntax::ast::DropKind::Criterion => "criterion",
                crate::syntax::ast::DropKind::Flag => "flag",
                crate::syntax::ast::DropKind::Field => "field",
            };
            let candidates = s.decls.iter().filter_map(super::model::decl_name);
            let suggestion = suggest::closest(&name.name, candidates);
            let kind = Kind::DropUnknown { what, name: name.name.clone(), suggestion, is: None };
            diags.push(Diagnostic::new(kind, &name.loc));
        }
    }
    s
}
