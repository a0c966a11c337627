//! `kehoach show`: a plan in canonical syntax, every line followed by
//! `# from FILE:LINE`, the place it was written.

use super::expr::string;
use super::items;
use crate::resolve::model::{Hook, Level, Plan, Subject};
use crate::source::Loc;

struct Out {
    lines: Vec<String>,
}

impl Out {
    fn line(&mut self, indent: usize, text: String, loc: &Loc) {
        self.lines.push(format!("{}{text}  # from {}", " ".repeat(indent), loc.file_line()));
    }

    fn plain(&mut self, indent: usize, text: &str) {
        self.lines.push(format!("{}{text}", " ".repeat(indent)));
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }
}

/// The plan with provenance on every line.
pub fn show(plan: &Plan) -> String {
    let mut o = Out { lines: Vec::new() };
    let h = &plan.header;
    o.line(0, items::header_line(h), &h.loc);
    for e in &h.entries {
        o.line(2, items::header_entry(&e.kind), &e.loc);
    }
    o.plain(0, "}");
    if let Some(d) = &plan.display {
        o.blank();
        o.line(0, items::display(d), &d.loc);
    }
    if let Some(s) = &plan.scale {
        o.blank();
        o.line(0, format!("scale {} {{", s.name.name), &s.loc);
        for g in &s.grades {
            o.line(2, items::grade(g), &g.loc);
        }
        o.plain(0, "}");
    }
    if let Some(t) = &plan.tiers {
        o.blank();
        o.line(0, "tiers {".into(), &t.loc);
        for d in &t.tiers {
            o.line(2, items::tier(d), &d.loc);
        }
        o.plain(0, "}");
    }
    for l in &plan.levels {
        level(&mut o, l);
    }
    for s in &plan.subjects {
        subject(&mut o, s);
    }
    for h in &plan.hooks {
        hook(&mut o, h);
    }
    for t in &plan.tests {
        o.blank();
        o.line(0, format!("test {} {{", string(&t.name.value)), &t.loc);
        for i in &t.items {
            o.line(2, items::test_item(&i.kind), &i.loc);
            if let crate::syntax::ast::TestKind::Record(r) = &i.kind {
                o.lines.extend(items::record_lines(r, 4));
                o.plain(2, "}");
            }
        }
        o.plain(0, "}");
    }
    let mut s = o.lines.join("\n");
    s.push('\n');
    s
}

fn level(o: &mut Out, l: &Level) {
    o.blank();
    o.line(0, items::level_line(&l.name, &l.label, &l.locked), &l.loc);
    if let Some(d) = &l.due {
        o.line(2, items::due(d), &d.loc);
    }
    if let Some(r) = &l.report {
        o.line(2, items::report(r), &r.loc);
    }
    o.plain(0, "}");
}

/// The `subject … {` line of an effective subject.
pub fn subject_line(s: &Subject) -> String {
    let decl = crate::syntax::ast::Subject {
        name: s.name.clone(),
        label: s.label.clone(),
        extends: s.extends.clone(),
        locked: s.locked.clone(),
        items: Vec::new(),
        loc: s.loc.clone(),
        close: s.loc.clone(),
    };
    items::subject_line(&decl)
}

fn subject(o: &mut Out, s: &Subject) {
    o.blank();
    o.line(0, subject_line(s), &s.loc);
    let groups = [
        s.level.iter().chain(&s.groups).collect::<Vec<_>>(),
        s.decls.iter().collect(),
        s.exempts.iter().collect(),
    ];
    let rest = [s.rules.iter().collect::<Vec<_>>(), s.caps.iter().collect(), s.quotas.iter().collect()];
    for item in groups.into_iter().chain(rest).flatten() {
        o.line(2, items::item(&item.kind), &item.loc);
    }
    if let Some(l) = &s.lock_rules {
        o.line(2, "lock rules".into(), l);
    }
    if let Some(l) = s.lock_exempt.first() {
        o.line(2, items::item(&crate::syntax::ast::ItemKind::LockExempt), l);
    }
    if let Some(l) = s.lock_caps.first() {
        o.line(2, items::item(&crate::syntax::ast::ItemKind::LockCaps), l);
    }
    o.plain(0, "}");
}

fn hook(o: &mut Out, h: &Hook) {
    o.blank();
    // The opening ``` must end its line, so provenance goes above.
    o.plain(0, &format!("# from {}", h.decl.loc.file_line()));
    o.plain(0, &items::hook_line(&h.decl));
    if let crate::syntax::ast::HookBody::Inline { .. } = &h.decl.body {
        o.lines.extend(h.script.lines().map(String::from));
        o.plain(0, "```");
    }
}
