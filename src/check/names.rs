//! The global namespace (grades, tiers, subjects) and the checks on names
//! and declarations that need no expression typing.

use crate::diag::{Diagnostic, Kind, Note};
use crate::exact::Exact;
use crate::num::Num;
use crate::resolve::model::{Plan, Subject, decl_ident};
use crate::source::Loc;
use crate::suggest;
use crate::syntax::ast::{FieldType, Measure};
use std::collections::HashMap;

/// Grades, tiers and subjects by name.
pub struct Names {
    /// Grade name → scale value.
    pub grades: HashMap<String, Num>,
    /// Tier names, best first.
    pub tiers: Vec<String>,
    pub subjects: HashMap<String, usize>,
    /// The grades whose values are exact, in the scale's order.
    pub scale: Vec<Grade>,
    /// The highest of their values (the denominator of a weight's contribution).
    pub max_grade: Option<Exact>,
    /// Every spelling (name, label, `alias`) of each grade and tier.
    pub spellings: super::spell::Spellings,
}

/// A grade of the scale and its exact value.
pub struct Grade {
    pub name: String,
    pub label: String,
    pub value: Exact,
    /// `alias "X" "XS"`.
    pub aliases: Vec<String>,
}

impl Names {
    /// The rank of a tier where greater is better (the last tier is 0).
    pub fn tier_rank(&self, name: &str) -> Option<usize> {
        let i = self.tiers.iter().position(|t| t == name)?;
        Some(crate::vocab::value::tier_rank(i, self.tiers.len()))
    }

    pub fn tier_index(&self, name: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t == name)
    }

    /// What a global name is, for "`x` is a grade, not a tier".
    pub fn kind_of(&self, name: &str) -> Option<&'static str> {
        if self.grades.contains_key(name) {
            Some("a grade")
        } else if self.tiers.iter().any(|t| t == name) {
            Some("a tier")
        } else if self.subjects.contains_key(name) {
            Some("a subject")
        } else {
            None
        }
    }

    /// The exact value of a grade; `None` also when it has none (reported
    /// at the scale).
    pub fn grade_value(&self, name: &str) -> Option<Exact> {
        self.scale.iter().find(|g| g.name == name).map(|g| g.value)
    }

    pub fn suggest_tier(&self, name: &str) -> Option<String> {
        suggest::closest(name, self.tiers.iter().map(String::as_str))
    }
}

pub fn collect(plan: &Plan, diags: &mut Vec<Diagnostic>) -> Names {
    let mut first: HashMap<String, (Loc, &'static str)> = HashMap::new();
    let (grades, scale_values) = scale(plan, &mut first, diags);
    let max_grade = scale_values.iter().map(|g| g.value).max();
    let mut tiers = Vec::new();
    match &plan.tiers {
        Some(t) => {
            for d in &t.tiers {
                if claim(&mut first, &d.name.name, &d.name.loc, "a tier", diags) {
                    tiers.push(d.name.name.clone());
                }
            }
            if t.tiers.len() < 2 {
                diags.push(Diagnostic::new(Kind::TooFewTiers, &t.loc));
            }
        }
        None => diags.push(Diagnostic::new(Kind::Missing { what: "`tiers` block" }, &plan.header.loc)),
    }
    let mut subjects = HashMap::new();
    for (i, s) in plan.subjects.iter().enumerate() {
        if claim(&mut first, &s.name.name, &s.name.loc, "a subject", diags) {
            subjects.insert(s.name.name.clone(), i);
        }
    }
    let spellings = super::spell::collect(plan, diags);
    Names { grades, tiers, subjects, scale: scale_values, max_grade, spellings }
}

/// The grades by name, and those whose values are exact (a value that is
/// not, and a scale without a grade above 0, are reported).
fn scale(
    plan: &Plan,
    first: &mut HashMap<String, (Loc, &'static str)>,
    diags: &mut Vec<Diagnostic>,
) -> (HashMap<String, Num>, Vec<Grade>) {
    let mut grades = HashMap::new();
    let mut values: Vec<(Num, String)> = Vec::new();
    let mut exact = Vec::new();
    let Some(scale) = &plan.scale else { return (grades, exact) };
    let mut inexact = false;
    for g in &scale.grades {
        if !claim(first, &g.name.name, &g.name.loc, "a grade", diags) {
            continue;
        }
        if let Some((_, other)) = values.iter().find(|(v, _)| *v == g.value.value) {
            let value = crate::num::literal(&g.value.value);
            diags.push(Diagnostic::new(Kind::DuplicateValue { value, first: other.clone() }, &g.value.loc));
        }
        values.push((g.value.value.clone(), g.name.name.clone()));
        match super::numbers::lit(&g.value, diags) {
            Some(value) => {
                let aliases = g.aliases.iter().map(|a| a.value.clone()).collect();
                exact.push(Grade { name: g.name.name.clone(), label: g.label.value.clone(), value, aliases })
            }
            None => inexact = true,
        }
        grades.insert(g.name.name.clone(), g.value.value.clone());
    }
    // A grade that does not fit is reported already; it might be the best.
    if !inexact && exact.iter().all(|g| g.value <= Exact::ZERO) {
        diags.push(Diagnostic::new(Kind::NoPositiveGrade, &scale.name.loc));
    }
    (grades, exact)
}

/// Records a global name; reports a clash with an earlier one.
fn claim(
    first: &mut HashMap<String, (Loc, &'static str)>,
    name: &str,
    loc: &Loc,
    what: &'static str,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if let Some((at, global)) = first.get(name) {
        diags.push(
            Diagnostic::new(Kind::NameClash { name: name.into(), global }, loc)
                .with_related(at, Note::Declared),
        );
        return false;
    }
    first.insert(name.into(), (loc.clone(), what));
    true
}

/// Checks one subject's declarations: local names, levels, refs, scale use.
pub fn subject(plan: &Plan, names: &Names, s: &Subject, diags: &mut Vec<Diagnostic>) {
    if let Some(item) = &s.level
        && let crate::syntax::ast::ItemKind::Level(l) = &item.kind
        && !plan.levels.iter().any(|x| x.name.name == l.name)
    {
        let suggestion = suggest::closest(&l.name, plan.levels.iter().map(|x| x.name.name.as_str()));
        diags
            .push(Diagnostic::new(Kind::Unknown { what: "level", name: l.name.clone(), suggestion }, &l.loc));
    }
    let mut local: HashMap<&str, &Loc> = HashMap::new();
    for d in &s.decls {
        let Some(id) = decl_ident(d) else { continue };
        local_name(names, &id.name, &id.loc, &mut local, diags);
    }
    let mut groups: Vec<&crate::syntax::ast::Ident> = Vec::new();
    for g in &s.groups {
        if let crate::syntax::ast::ItemKind::Group(g) = &g.kind {
            groups.push(&g.name);
        }
    }
    for c in s.criteria() {
        if let Some(g) = c.group.as_ref().filter(|g| !groups.iter().any(|x| x.name == g.name)) {
            groups.push(g);
        }
    }
    for g in groups {
        local_name(names, &g.name, &g.loc, &mut local, diags);
    }
    for c in s.criteria() {
        if let Measure::Weight(_) = c.measure
            && plan.scale.is_none()
        {
            diags.push(Diagnostic::new(Kind::NeedsScale { criterion: c.name.name.clone() }, &c.name.loc));
        }
    }
    for f in s.fields() {
        match &f.ty {
            FieldType::Ref(target) if !names.subjects.contains_key(&target.name) => {
                let suggestion = suggest::closest(&target.name, names.subjects.keys().map(String::as_str));
                diags.push(Diagnostic::new(
                    Kind::Unknown { what: "subject", name: target.name.clone(), suggestion },
                    &target.loc,
                ));
            }
            FieldType::Choice(opts) => {
                for o in opts {
                    local_name(names, &o.name.name, &o.name.loc, &mut local, diags);
                }
            }
            _ => {}
        }
    }
}

fn local_name<'a>(
    names: &Names,
    name: &'a str,
    loc: &'a Loc,
    local: &mut HashMap<&'a str, &'a Loc>,
    diags: &mut Vec<Diagnostic>,
) {
    global_clash(names, name, loc, diags);
    if let Some(first) = local.get(name) {
        diags.push(
            Diagnostic::new(Kind::Duplicate { what: "name", name: name.into() }, loc)
                .with_related(first, Note::FirstDeclared),
        );
    } else {
        local.insert(name, loc);
    }
}

fn global_clash(names: &Names, name: &str, loc: &Loc, diags: &mut Vec<Diagnostic>) {
    if let Some(global) = names.kind_of(name) {
        diags.push(Diagnostic::new(Kind::NameClash { name: name.into(), global }, loc));
    }
}
