//! A child's (or an extending subject's) criteria, flags and fields: same-name
//! items replace the inherited ones and `drop` removes one, unless a lock
//! forbids it (`locked`, or a locked exemption or cap that reads the item).

use super::locks;
use super::locks::locked;
use super::model::{Subject, decl_ident, decl_locked, decl_name, decl_what};
use crate::diag::{Diagnostic, Kind};
use crate::source::Source;
use crate::syntax::ast::{self, ItemKind};
use std::sync::Arc;

/// Replaces a same-name item (unless it is locked elsewhere, or a locked
/// exemption or cap reads it and the new one changes its meaning) or adds a new one.
pub fn replace_decl(
    into: &mut Subject,
    item: ast::SubjectItem,
    chain: &[Arc<Source>],
    diags: &mut Vec<Diagnostic>,
) {
    let name = decl_name(&item).unwrap_or_default().to_string();
    let Some(i) = into.decls.iter().position(|d| decl_name(d) == Some(name.as_str())) else {
        into.decls.push(item);
        return;
    };
    let old = &into.decls[i];
    let Some(id) = decl_ident(&item) else { return };
    if let Some(lock) = decl_locked(old).filter(|l| !l.same_file(&item.loc)) {
        diags.push(locked(decl_what(old), id, lock));
        return;
    }
    let reader = locks::reader(into, &name, &item.loc, chain).filter(|_| locks::changes_meaning(old, &item));
    if let Some(r) = reader {
        diags.push(locks::read_by_locked(old, id, &r));
        return;
    }
    let group = |d: &ast::SubjectItem| match &d.kind {
        ItemKind::Criterion(c) => c.group.as_ref().map(|g| g.name.clone()),
        _ => None,
    };
    if group(old).is_some() && group(old) != group(&item) {
        into.left.push((group(old), item.loc.clone()));
    }
    into.decls[i] = item;
}

/// Applies a `drop`; one that matches nothing here is kept for `extends`.
pub fn drop_decl(
    into: &mut Subject,
    drop: ast::SubjectItem,
    chain: &[Arc<Source>],
    diags: &mut Vec<Diagnostic>,
) {
    let ItemKind::Drop { what, name } = &drop.kind else {
        return;
    };
    let Some(i) = into.decls.iter().position(|d| decl_name(d) == Some(name.name.as_str())) else {
        into.drops.push(drop);
        return;
    };
    let old = &into.decls[i];
    let want = match what {
        ast::DropKind::Criterion => "criterion",
        ast::DropKind::Flag => "flag",
        ast::DropKind::Field => "field",
    };
    if decl_what(old) != want {
        let kind = Kind::DropUnknown {
            what: want,
            name: name.name.clone(),
            suggestion: None,
            is: Some(decl_what(old)),
        };
        diags.push(Diagnostic::new(kind, &name.loc));
        return;
    }
    if let Some(lock) = decl_locked(old).filter(|l| !l.same_file(&drop.loc)) {
        diags.push(locked(want, name, lock));
    } else if let Some(r) = locks::reader(into, &name.name, &drop.loc, chain) {
        diags.push(locks::read_by_locked(old, name, &r));
    } else {
        let group = match &old.kind {
            ItemKind::Criterion(c) => Some(c.group.as_ref().map(|g| g.name.clone())),
            _ => None,
        };
        if let Some(group) = group {
            into.left.push((group, drop.loc.clone()));
        }
        into.decls.remove(i);
    }
}
