//! Diffs of hooks, by name: the declaration line and the script, the script
//! compared line by line without trailing spaces, blank lines or common
//! indentation.

use super::note::Note;
use super::{Change, line_diff, order, text};
use crate::fmt::items;
use crate::resolve::model::Hook;
use crate::syntax::ast::{self, Stage};

fn names(hooks: &[Hook], stage: Stage) -> Vec<&str> {
    hooks.iter().filter(|h| h.decl.stage == stage).map(|h| h.decl.name.name.as_str()).collect()
}

/// A script with trailing spaces, blank lines and common indentation removed.
fn normalize(script: &str) -> String {
    let lines: Vec<&str> = script.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    let indent = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| format!("{}\n", &l[indent..])).collect()
}

/// Hooks by name, and the order of the hooks of each stage, which run in
/// declaration order.
pub fn hooks(old: &[Hook], new: &[Hook], out: &mut Vec<Change>) {
    for stage in [Stage::Score, Stage::Tier] {
        let (a, b) = (names(old, stage), names(new, stage));
        let note = Note::HookOrder { stage: stage.word() };
        out.extend(order(&format!("hooks.{}", stage.word()), &a, &b, note));
    }
    let find = |hs: &[Hook], name: &str| hs.iter().find(|h| h.decl.name.name == name).cloned();
    for h in old {
        let path = format!("hook.{}", h.decl.name.name);
        match find(new, &h.decl.name.name) {
            None => out.push(Change::new(path, Some(text(normalize(&h.script))), None).whole()),
            Some(n) => hook(&path, h, &n, out),
        }
    }
    for h in new.iter().filter(|h| find(old, &h.decl.name.name).is_none()) {
        let c = Change::new(format!("hook.{}", h.decl.name.name), None, Some(text(normalize(&h.script))));
        out.push(c.whole());
    }
}

/// A hook is its declaration line (subject, stage, `locked`, script file)
/// and its script; where the script's text came from is not compared.
fn hook(path: &str, h: &Hook, n: &Hook, out: &mut Vec<Change>) {
    let Hook { decl, script, script_src: _, first_line: _ } = h;
    let ast::Hook { name: _, subject: _, stage: _, locked: _, body: _, loc: _ } = decl;
    let (a, b) = (normalize(script), normalize(&n.script));
    let (la, lb) = (items::hook_line(decl), items::hook_line(&n.decl));
    if a == b && la == lb {
        return;
    }
    let note = (la != lb).then(|| Note::HookLine { old: la.clone(), new: lb.clone() });
    let mut c = Change::new(path, Some(text(a.clone())), Some(text(b.clone()))).note(note);
    c.lines = line_diff(&a, &b);
    out.push(c);
}
