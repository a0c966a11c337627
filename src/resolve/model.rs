//! The effective plan: a plan file with its `extends` chain merged in. Every
//! item keeps the [`Loc`] where it was written (its provenance).

use crate::source::{Loc, Source};
use crate::syntax::ast;
use std::collections::HashMap;
use std::sync::Arc;

/// The effective plan, ready for checking.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The file that was named; its header is the plan's header.
    pub header: ast::Header,
    /// The files of the chain, the named one first.
    pub chain: Vec<Arc<Source>>,
    pub scale: Option<ast::Scale>,
    pub tiers: Option<ast::Tiers>,
    pub levels: Vec<Level>,
    pub subjects: Vec<Subject>,
    pub hooks: Vec<Hook>,
    /// The columns `eval` carries to its output: the `display` line of the
    /// nearest file of the chain that has one (a child's replaces its parent's).
    pub display: Option<ast::Display>,
    /// The named file's own tests.
    pub tests: Vec<ast::Test>,
    /// Where each subject is in `subjects`, by name.
    pub(crate) index: SubjectIndex,
}

/// Where each subject is in [`Plan::subjects`], by name, so that finding one
/// does not scan them all (a plan of 10 000 subjects looks names up about
/// as many times). Built by [`Plan::index_subjects`]; a lookup checks what
/// it finds and scans when the index is behind the list.
#[derive(Clone, Debug, Default)]
pub struct SubjectIndex(HashMap<String, usize>);

impl Plan {
    pub fn id(&self) -> &str {
        &self.header.id.value
    }

    pub fn subject(&self, name: &str) -> Option<&Subject> {
        self.subject_at(name).map(|i| &self.subjects[i])
    }

    /// The position in [`Plan::subjects`] of the subject called `name`.
    pub fn subject_at(&self, name: &str) -> Option<usize> {
        let found = self.index.0.get(name).copied();
        match found.filter(|&i| self.subjects.get(i).is_some_and(|s| s.name.name == name)) {
            Some(i) => Some(i),
            None if found.is_none() && self.index.0.len() == self.subjects.len() => None,
            None => self.subjects.iter().position(|s| s.name.name == name),
        }
    }

    /// Adds a subject at the end of the list and to the index.
    pub(crate) fn push_subject(&mut self, s: Subject) {
        self.index.0.entry(s.name.name.clone()).or_insert(self.subjects.len());
        self.subjects.push(s);
    }

    /// Indexes the subjects by name anew (the first of a name wins).
    pub(crate) fn index_subjects(&mut self) {
        self.index.0.clear();
        for (i, s) in self.subjects.iter().enumerate() {
            self.index.0.entry(s.name.name.clone()).or_insert(i);
        }
    }

    /// The `issued` date of the header, if any.
    pub fn issued(&self) -> Option<chrono::NaiveDate> {
        self.header.entries.iter().find_map(|e| match &e.kind {
            ast::HeaderKind::Issued(d) => Some(d.value),
            _ => None,
        })
    }

    pub fn tier_names(&self) -> Vec<&str> {
        self.tiers.iter().flat_map(|t| t.tiers.iter().map(|d| d.name.name.as_str())).collect()
    }

    /// The file the plan was loaded from.
    pub fn source(&self) -> &Arc<Source> {
        &self.header.loc.src
    }
}

/// A level, with what a child plan restated merged over the parent's.
#[derive(Clone, Debug)]
pub struct Level {
    pub name: ast::Ident,
    pub label: Option<ast::Str>,
    pub locked: Option<Loc>,
    pub due: Option<ast::Due>,
    pub report: Option<ast::Report>,
    /// Where the level was first declared.
    pub loc: Loc,
    /// The inherited deadline a child replaced, for the loosening check.
    pub parent_due: Option<ast::Due>,
}

/// A subject after plan-level merging and `extends` flattening.
#[derive(Clone, Debug)]
pub struct Subject {
    pub name: ast::Ident,
    pub label: Option<ast::Str>,
    pub extends: Option<ast::Ident>,
    pub locked: Option<Loc>,
    pub level: Option<ast::SubjectItem>,
    /// Criteria, flags and fields, in declaration order.
    pub decls: Vec<ast::SubjectItem>,
    pub exempts: Vec<ast::SubjectItem>,
    /// `rule` lines, then `otherwise` if any.
    pub rules: Vec<ast::SubjectItem>,
    pub caps: Vec<ast::SubjectItem>,
    /// Only the subject's own quotas: a family shares its root's quotas.
    pub quotas: Vec<ast::SubjectItem>,
    pub lock_rules: Option<Loc>,
    /// `group … total …` lines, by name (a child's replaces the parent's).
    pub groups: Vec<ast::SubjectItem>,
    /// Every `lock exempt` and `lock caps` line, root first.
    pub lock_exempt: Vec<Loc>,
    pub lock_caps: Vec<Loc>,
    /// Lines of child plans and extending subjects that took a criterion
    /// out of the subject or out of its group: (that group, the line).
    pub left: Vec<(Option<String>, Loc)>,
    /// `drop` lines not yet applied (resolved against `extends`).
    pub drops: Vec<ast::SubjectItem>,
    pub loc: Loc,
}

impl Subject {
    /// The declared criterion, flag or field called `name`.
    pub fn decl(&self, name: &str) -> Option<&ast::SubjectItem> {
        self.decls.iter().find(|d| decl_name(d) == Some(name))
    }

    pub fn criteria(&self) -> impl Iterator<Item = &ast::Criterion> {
        self.decls.iter().filter_map(|d| match &d.kind {
            ast::ItemKind::Criterion(c) => Some(c),
            _ => None,
        })
    }

    pub fn fields(&self) -> impl Iterator<Item = &ast::Field> {
        self.decls.iter().filter_map(|d| match &d.kind {
            ast::ItemKind::Field(f) => Some(f),
            _ => None,
        })
    }

    pub fn flags(&self) -> impl Iterator<Item = &ast::Flag> {
        self.decls.iter().filter_map(|d| match &d.kind {
            ast::ItemKind::Flag(f) => Some(f),
            _ => None,
        })
    }

    /// The tier of `otherwise`, if the rule list has one.
    pub fn otherwise(&self) -> Option<&ast::Ident> {
        self.rules.iter().find_map(|r| match &r.kind {
            ast::ItemKind::Otherwise(t) => Some(t),
            _ => None,
        })
    }
}

/// A hook with its script text and where the script's lines are.
#[derive(Clone, Debug)]
pub struct Hook {
    pub decl: ast::Hook,
    /// The script text.
    pub script: String,
    /// The file holding the script (the plan, or the `.rhai` file).
    pub script_src: Arc<Source>,
    /// The line of that file on which the script begins.
    pub first_line: usize,
}

/// The name, kind word and `locked` of a criterion, flag or field line.
pub fn decl_name(item: &ast::SubjectItem) -> Option<&str> {
    decl_ident(item).map(|i| i.name.as_str())
}

pub fn decl_ident(item: &ast::SubjectItem) -> Option<&ast::Ident> {
    match &item.kind {
        ast::ItemKind::Criterion(c) => Some(&c.name),
        ast::ItemKind::Flag(f) => Some(&f.name),
        ast::ItemKind::Field(f) => Some(&f.name),
        _ => None,
    }
}

pub fn decl_locked(item: &ast::SubjectItem) -> Option<&Loc> {
    match &item.kind {
        ast::ItemKind::Criterion(c) => c.locked.as_ref(),
        ast::ItemKind::Flag(f) => f.locked.as_ref(),
        ast::ItemKind::Field(f) => f.locked.as_ref(),
        _ => None,
    }
}

pub fn decl_what(item: &ast::SubjectItem) -> &'static str {
    match &item.kind {
        ast::ItemKind::Criterion(_) => "criterion",
        ast::ItemKind::Flag(_) => "flag",
        _ => "field",
    }
}

#[cfg(test)]
mod tests {
    use crate::source::Source;

    #[test]
    fn subjects_are_found_by_name_even_when_the_list_changed() {
        let text = "plan \"X\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\n\
                    subject s {\n  otherwise a\n}\nsubject t extends s {}\nsubject u {\n  otherwise b\n}\n";
        let loaded = super::super::load_source(Source::new("x.kh", text), None);
        let mut plan = loaded.plan.expect("a plan");
        assert_eq!(["s", "t", "u", "v"].map(|n| plan.subject_at(n)), [Some(0), Some(1), Some(2), None]);
        // A list changed behind the index: what the index says is checked.
        plan.subjects.swap(0, 2);
        assert_eq!(plan.subject_at("s"), Some(2));
        assert_eq!(plan.subject("u").map(|s| s.name.name.as_str()), Some("u"));
        let extra = plan.subjects[1].clone();
        plan.subjects.remove(1);
        assert_eq!(plan.subject_at("t"), None);
        plan.subjects.push(extra);
        assert_eq!(plan.subject_at("t"), Some(2));
        plan.index_subjects();
        assert_eq!(["u", "s", "t"].map(|n| plan.subject_at(n)), [Some(0), Some(1), Some(2)]);
    }
}
