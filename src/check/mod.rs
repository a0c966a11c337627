//! Checking: every finding about a plan in one run (errors and warnings),
//! and, when there is no error, the [`Model`] that evaluation runs on.

mod deadlines;
mod deps;
mod display;
mod locks;
mod measures;
pub mod model;
pub mod names;
mod numbers;
pub mod reads;
mod retype;
mod rules;
mod space;
pub mod spell;
mod subject;
mod tests;
pub mod types;

use crate::diag::{self, Diagnostic, Kind};
use crate::resolve::{self, Plan, Unreadable};
use crate::syntax::ast::{ItemKind, Measure};
use std::path::Path;
use types::{Typer, in_family};

/// The checked plan: the effective plan plus typed conditions, resolved tiers
/// and the evaluation order. Only `check` builds one, so eval can trust it.
pub struct Model {
    pub plan: Plan,
    pub names: names::Names,
    /// One per `plan.subjects`, same order.
    pub subjects: Vec<model::CSubject>,
    /// What each subject's conditions read, one per `plan.subjects`.
    pub reads: Vec<reads::SubjectReads>,
    /// Subject indices in evaluation order (dependencies first).
    pub order: Vec<usize>,
    /// Compiled hooks, one per `plan.hooks`.
    pub hooks: Vec<rhai::AST>,
}

/// All findings, and the model when there is no error.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub model: Option<Model>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Loads and checks the plan at `path`.
pub fn check_path(path: &Path) -> Result<Checked, Unreadable> {
    let loaded = resolve::load(path)?;
    Ok(match loaded.plan {
        Some(plan) => check_plan(plan, loaded.diagnostics),
        None => finish(loaded.diagnostics, None),
    })
}

fn finish(mut diagnostics: Vec<Diagnostic>, model: Option<Model>) -> Checked {
    diag::sort(&mut diagnostics);
    let model = model.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Checked { diagnostics, model }
}

/// Checks an effective plan; `diags` holds what resolution found.
pub fn check_plan(plan: Plan, mut diags: Vec<Diagnostic>) -> Checked {
    let names = names::collect(&plan, &mut diags);
    for s in &plan.subjects {
        names::subject(&plan, &names, s, &mut diags);
        sums(&plan, s, &mut diags);
        locks::groups(&plan, s, &mut diags);
        locks::quotas(&plan, s, &mut diags);
        locks::caps(&plan, s, &names, &mut diags);
    }
    let mut compiled = Vec::new();
    let mut clean = Vec::new();
    {
        let mut typer = Typer { names: &names, plan: &plan, diags: &mut diags };
        for s in &plan.subjects {
            let before = typer.diags.len();
            let root = root_of(&plan, s);
            compiled.push(typer.subject(s, root));
            clean.push(!typer.diags[before..].iter().any(Diagnostic::is_error));
            for d in &mut typer.diags[before..] {
                note_inherited(d, s);
            }
        }
    }
    let reads: Vec<reads::SubjectReads> =
        compiled.iter().enumerate().map(|(i, c)| reads::SubjectReads::of(&plan, i, c)).collect();
    let deps = deps::dependencies(&plan, &reads);
    let order = deps::order(&plan, &deps, &mut diags);
    deadlines::check(&plan, &mut diags);
    if let Some(d) = &plan.display {
        display::check(d, &mut diags);
    }
    for (i, s) in plan.subjects.iter().enumerate() {
        if clean[i] && !names.tiers.is_empty() {
            rules::check(&plan, s, &compiled[i], &names, &mut diags);
            locks::exempts(&plan, s, &compiled[i], &names, &mut diags);
        }
    }
    let hooks = compile_hooks(&plan, &mut diags);
    for t in &plan.tests {
        tests::check(&plan, &names, t, &mut diags);
    }
    let model = Model { plan, names, subjects: compiled, reads, order, hooks };
    finish(diags, Some(model))
}

/// A finding on a line the subject inherited says which subject inherits it
/// (not one at the subject's own declaration in a child plan, see [`retype`]).
fn note_inherited(d: &mut Diagnostic, s: &resolve::model::Subject) {
    let inside =
        d.loc.as_ref().is_some_and(|l| l.same_file(&s.loc) && l.start >= s.loc.start && l.end <= s.loc.end);
    let own = d.loc.as_ref().is_some_and(|l| s.decls.iter().any(|x| retype::same(&x.loc, l)));
    if !inside && !own {
        let note = diag::Note::Inherits(s.name.name.clone());
        d.related.push(diag::Related { loc: s.name.loc.clone(), note });
    }
}

fn root_of(plan: &Plan, s: &resolve::model::Subject) -> usize {
    let mut root = plan.subject_at(&s.name.name).unwrap_or(0);
    for _ in 0..plan.subjects.len() {
        match plan.subjects.get(root).and_then(|x| x.extends.as_ref()).and_then(|e| plan.subject_at(&e.name))
        {
            Some(parent) => root = parent,
            None => break,
        }
    }
    root
}

/// Weights and points of a subject should add up to 100 (said at the
/// child's line when a child plan's criterion or `drop` made them not).
fn sums(plan: &Plan, s: &resolve::model::Subject, diags: &mut Vec<Diagnostic>) {
    let mut total = crate::num::zero();
    let mut any = false;
    for c in s.criteria() {
        any = true;
        total += match &c.measure {
            Measure::Weight(w) => &w.value,
            Measure::Points(p) => &p.value,
        };
    }
    if any && total != crate::num::int(100) {
        let kind = Kind::SumNot100 { subject: s.name.name.clone(), total: crate::num::literal(&total) };
        let lines = s.decls.iter().filter(|d| matches!(d.kind, ItemKind::Criterion(_))).map(|d| &d.loc);
        let lines = lines.chain(s.left.iter().map(|(_, l)| l));
        diags.push(locks::at_cause(
            plan,
            kind,
            &s.name.loc,
            diag::Note::ParentSubject(s.name.name.clone()),
            lines,
        ));
    }
}

fn compile_hooks(plan: &Plan, diags: &mut Vec<Diagnostic>) -> Vec<rhai::AST> {
    let engine = crate::hooks::engine();
    let mut out = Vec::new();
    for h in &plan.hooks {
        let target = &h.decl.subject;
        if !plan.subjects.iter().any(|s| in_family(plan, &s.name.name, &target.name)) {
            let suggestion =
                crate::suggest::closest(&target.name, plan.subjects.iter().map(|s| s.name.name.as_str()));
            diags.push(Diagnostic::new(
                Kind::Unknown { what: "subject", name: target.name.clone(), suggestion },
                &target.loc,
            ));
        }
        match crate::hooks::compile(&engine, h) {
            Ok(ast) => {
                if let Some(s) = plan.subject(&target.name) {
                    diags.extend(crate::hooks::props::unknown(h, &ast, s));
                }
                out.push(ast);
            }
            Err(d) => diags.push(d),
        }
    }
    out
}
