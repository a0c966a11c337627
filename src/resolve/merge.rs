//! Merging a chain of plan files into one effective plan (§6): the root first,
//! each child applied on top, with the lock and redeclaration rules.

use super::decls::{drop_decl, replace_decl};
use super::locks::{self, locked};
use super::model::{Hook, Level, Plan, Subject, decl_name, decl_what};
use super::subjects;
use crate::diag::{Diagnostic, Kind, Note};
use crate::source::{Loc, Source};
use crate::syntax::ast::{self, ItemKind, TopItem};
use std::path::Path;
use std::sync::Arc;

/// Builds the effective plan from `chain` (named file first, root last);
/// `flatten` applies `subject … extends …`.
pub fn build(chain: &[ast::PlanFile], flatten: bool, diags: &mut Vec<Diagnostic>) -> Plan {
    let named = &chain[0];
    let mut plan = Plan {
        header: named.header.clone(),
        chain: chain.iter().map(|f| f.header.loc.src.clone()).collect(),
        scale: None,
        tiers: None,
        levels: Vec::new(),
        subjects: Vec::new(),
        hooks: Vec::new(),
        display: None,
        tests: Vec::new(),
        index: Default::default(),
    };
    for file in chain.iter().rev() {
        for item in &file.items {
            apply(&mut plan, item, diags);
        }
    }
    plan.tests = named
        .items
        .iter()
        .filter_map(|i| match i {
            TopItem::Test(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    if flatten {
        subjects::flatten(&mut plan, diags);
    }
    plan.index_subjects();
    plan
}

fn apply(plan: &mut Plan, item: &TopItem, diags: &mut Vec<Diagnostic>) {
    match item {
        TopItem::Scale(s) => {
            once(&mut plan.scale, s.clone(), &s.name.loc, |x| &x.name.loc, "scale", diags);
        }
        TopItem::Tiers(t) => {
            once(&mut plan.tiers, t.clone(), &t.loc.head(5), |x| &x.loc, "tiers", diags);
        }
        TopItem::Level(l) => level(plan, l, diags),
        TopItem::Subject(s) => subject(plan, s, diags),
        TopItem::Hook(h) => hook(plan, h, diags),
        TopItem::Display(d) => display(plan, d, diags),
        TopItem::Test(_) => {}
    }
}

/// `display`: once per file; a child's line replaces the parent's whole
/// (the child's offices name the columns of their own data files).
fn display(plan: &mut Plan, d: &ast::Display, diags: &mut Vec<Diagnostic>) {
    match &plan.display {
        Some(old) if old.loc.same_file(&d.loc) => diags.push(
            Diagnostic::new(Kind::RepeatedItem { what: "`display`" }, &d.loc.head(7))
                .with_related(&old.loc.head(7), Note::FirstHere),
        ),
        _ => plan.display = Some(d.clone()),
    }
}

/// `scale` and `tiers`: declared once, never by a child.
fn once<T>(
    slot: &mut Option<T>,
    new: T,
    loc: &Loc,
    at: fn(&T) -> &Loc,
    what: &'static str,
    diags: &mut Vec<Diagnostic>,
) {
    match slot {
        Some(old) if at(old).same_file(loc) => diags.push(
            Diagnostic::new(Kind::Duplicate { what: "block", name: what.into() }, loc)
                .with_related(at(old), Note::FirstDeclared),
        ),
        Some(old) => diags.push(
            Diagnostic::new(Kind::Redeclared { what }, loc).with_related(at(old), Note::DeclaredByParent),
        ),
        None => *slot = Some(new),
    }
}

fn level(plan: &mut Plan, l: &ast::Level, diags: &mut Vec<Diagnostic>) {
    let Some(old) = plan.levels.iter_mut().find(|x| x.name.name == l.name.name) else {
        if l.due.is_none() {
            diags.push(Diagnostic::new(Kind::LevelNeedsDue { name: l.name.name.clone() }, &l.name.loc));
        }
        plan.levels.push(Level {
            name: l.name.clone(),
            label: l.label.clone(),
            locked: l.locked.clone(),
            due: l.due.clone(),
            report: l.report.clone(),
            loc: l.loc.clone(),
            parent_due: None,
        });
        return;
    };
    if old.loc.same_file(&l.loc) {
        let d = Diagnostic::new(Kind::Duplicate { what: "level", name: l.name.name.clone() }, &l.name.loc);
        diags.push(d.with_related(&old.loc, Note::FirstDeclared));
        return;
    }
    if let Some(lock) = &old.locked {
        diags.push(locked("level", &l.name, lock));
        return;
    }
    if l.label.is_some() {
        old.label = l.label.clone();
    }
    if l.report.is_some() {
        old.report = l.report.clone();
    }
    if let Some(due) = &l.due {
        old.parent_due = old.due.replace(due.clone());
    }
}

fn subject(plan: &mut Plan, s: &ast::Subject, diags: &mut Vec<Diagnostic>) {
    let at = plan.subject_at(&s.name.name);
    let (chain, subjects) = (&plan.chain, &mut plan.subjects);
    match at.map(|i| &mut subjects[i]) {
        None => plan.push_subject(new_subject(s, diags)),
        Some(old) if old.loc.same_file(&s.loc) => {
            let d =
                Diagnostic::new(Kind::Duplicate { what: "subject", name: s.name.name.clone() }, &s.name.loc);
            diags.push(d.with_related(&old.loc, Note::FirstDeclared));
        }
        Some(old) => refine(old, s, chain, diags),
    }
}

/// A subject as declared in one file (drops and `extends` not yet applied).
fn new_subject(s: &ast::Subject, diags: &mut Vec<Diagnostic>) -> Subject {
    let mut out = Subject {
        name: s.name.clone(),
        label: s.label.clone(),
        extends: s.extends.clone(),
        locked: s.locked.clone(),
        level: None,
        decls: Vec::new(),
        exempts: Vec::new(),
        rules: Vec::new(),
        caps: Vec::new(),
        quotas: Vec::new(),
        lock_rules: None,
        groups: Vec::new(),
        lock_exempt: Vec::new(),
        lock_caps: Vec::new(),
        left: Vec::new(),
        drops: Vec::new(),
        loc: s.loc.clone(),
    };
    for item in &s.items {
        add_item(&mut out, item, diags);
    }
    out
}

fn add_item(out: &mut Subject, item: &ast::SubjectItem, diags: &mut Vec<Diagnostic>) {
    match &item.kind {
        ItemKind::Level(_) => {
            if out.level.replace(item.clone()).is_some() {
                diags.push(Diagnostic::new(Kind::RepeatedItem { what: "`level`" }, &item.loc));
            }
        }
        ItemKind::Criterion(_) | ItemKind::Flag(_) | ItemKind::Field(_) => {
            if let Some(first) = decl_name(item).and_then(|n| out.decl(n)) {
                let name = decl_name(item).unwrap_or_default().to_string();
                let d = Diagnostic::new(Kind::Duplicate { what: decl_what(item), name }, &item.loc);
                diags.push(d.with_related(&first.loc, Note::FirstDeclared));
            } else {
                out.decls.push(item.clone());
            }
        }
        ItemKind::Drop { .. } => out.drops.push(item.clone()),
        ItemKind::Exempt { .. } => out.exempts.push(item.clone()),
        ItemKind::Rule { .. } => out.rules.push(item.clone()),
        ItemKind::Otherwise(_) => {
            if out.otherwise().is_some() {
                diags.push(Diagnostic::new(Kind::RepeatedItem { what: "`otherwise`" }, &item.loc));
            } else {
                out.rules.push(item.clone());
            }
        }
        ItemKind::Cap { .. } | ItemKind::CapAt(_) => out.caps.push(item.clone()),
        ItemKind::Quota(_) => out.quotas.push(item.clone()),
        ItemKind::LockRules => out.lock_rules = Some(item.loc.clone()),
        ItemKind::LockExempt => out.lock_exempt.push(item.loc.clone()),
        ItemKind::LockCaps => out.lock_caps.push(item.loc.clone()),
        ItemKind::Group(g) => match out.groups.iter().find(|x| same_group(x, &g.name.name)) {
            Some(first) => {
                let d = Diagnostic::new(
                    Kind::Duplicate { what: "group", name: g.name.name.clone() },
                    &g.name.loc,
                );
                diags.push(d.with_related(&first.loc, Note::FirstDeclared));
            }
            None => out.groups.push(item.clone()),
        },
    }
}

fn same_group(item: &ast::SubjectItem, name: &str) -> bool {
    matches!(&item.kind, ItemKind::Group(g) if g.name.name == name)
}

/// A child plan's `subject` block for a subject the parent declares.
fn refine(old: &mut Subject, s: &ast::Subject, chain: &[Arc<Source>], diags: &mut Vec<Diagnostic>) {
    if let Some(lock) = &old.locked {
        diags.push(locked("subject", &s.name, lock));
        return;
    }
    let mut child = new_subject(s, diags);
    if child.label.is_some() {
        old.label = child.label.take();
    }
    if child.extends.is_some() {
        old.extends = child.extends.take();
    }
    if child.level.is_some() {
        old.level = child.level.take();
    }
    for g in &child.groups {
        locks::add_group(old, g, diags);
    }
    for item in child.decls {
        replace_decl(old, item, chain, diags);
    }
    for drop in child.drops {
        drop_decl(old, drop, chain, diags);
    }
    if !child.rules.is_empty() {
        match &old.lock_rules {
            Some(lock) => diags.push(
                Diagnostic::new(
                    Kind::Locked { what: "rule list of", name: s.name.name.clone() },
                    &child.rules[0].loc,
                )
                .with_related(lock, Note::LockedBy("rules")),
            ),
            None => {
                diags.extend(locks::rules_replaced(&old.rules, &child.rules[0].loc));
                old.rules = child.rules;
            }
        }
    }
    locks::add_exempts(old, &child.exempts, chain, diags);
    old.caps.extend(child.caps);
    old.lock_exempt.extend(child.lock_exempt);
    old.lock_caps.extend(child.lock_caps);
    old.quotas.extend(child.quotas);
    if child.lock_rules.is_some() {
        old.lock_rules = child.lock_rules;
    }
}

fn hook(plan: &mut Plan, h: &ast::Hook, diags: &mut Vec<Diagnostic>) {
    let Some(new) = load_hook(h, diags) else {
        return;
    };
    match plan.hooks.iter().position(|x| x.decl.name.name == h.name.name) {
        None => plan.hooks.push(new),
        Some(i) => {
            let old = &plan.hooks[i].decl;
            if old.loc.same_file(&h.loc) {
                let d =
                    Diagnostic::new(Kind::Duplicate { what: "hook", name: h.name.name.clone() }, &h.name.loc);
                diags.push(d.with_related(&old.loc, Note::FirstDeclared));
            } else if let Some(lock) = &old.locked {
                diags.push(locked("hook", &h.name, lock));
            } else {
                plan.hooks[i] = new;
            }
        }
    }
}

/// Reads a hook's script, from the plan or from its `.rhai` file.
fn load_hook(h: &ast::Hook, diags: &mut Vec<Diagnostic>) -> Option<Hook> {
    match &h.body {
        ast::HookBody::Inline { text, loc } => Some(Hook {
            decl: h.clone(),
            script: text.clone(),
            script_src: h.loc.src.clone(),
            first_line: loc.line(),
        }),
        ast::HookBody::File(path) => {
            // Only a regular file inside the plan's folder (resolve::script):
            // what is refused is named as written, never shown.
            let dir = h.loc.src.path().parent().unwrap_or(Path::new(""));
            match super::script::read(dir, &path.value) {
                Ok(text) => Some(Hook {
                    decl: h.clone(),
                    script: text.clone(),
                    script_src: Source::new(super::tidy(&dir.join(&path.value)), text),
                    first_line: 1,
                }),
                Err(problem) => {
                    let kind = Kind::HookFile { path: path.value.clone(), problem };
                    diags.push(Diagnostic::new(kind, &path.loc));
                    None
                }
            }
        }
    }
}
