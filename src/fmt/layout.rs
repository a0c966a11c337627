//! `kehoach fmt`: a plan file in canonical layout with every comment kept.
//! Comments attach by position: before a line they stay before it, at the end
//! of a line they stay at the end of it, inside a wrapped line they move above.

use super::items;
use crate::syntax::ast::*;

const STEP: usize = 2;

struct Printer<'a> {
    out: Vec<String>,
    comments: &'a [Comment],
    next: usize,
    text: &'a str,
    src: &'a crate::source::Source,
}

/// The canonical text of a parsed file.
pub fn format_file(file: &PlanFile) -> String {
    let src = &*file.header.loc.src;
    let text = src.text();
    let mut p = Printer { out: Vec::new(), comments: &file.comments, next: 0, text, src };
    p.header(&file.header);
    for item in &file.items {
        p.top(item);
    }
    p.rest();
    let mut s = p.out.join("\n");
    s.push('\n');
    s
}

impl Printer<'_> {
    /// The 0-based line holding `offset`, by binary search in the line table
    /// (counting from the file start for each node made `fmt` quadratic).
    fn line_of(&self, offset: usize) -> usize {
        self.src.line_index(offset)
    }

    fn line_end(&self, offset: usize) -> usize {
        self.text.get(offset..).and_then(|t| t.find('\n')).map_or(self.text.len(), |i| offset + i)
    }

    /// Whether the source line before the one holding `offset` is blank.
    fn gap_before(&self, offset: usize) -> bool {
        let start = self.text[..offset.min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
        if start == 0 {
            return false;
        }
        let prev = self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        self.text[prev..start - 1].trim().is_empty()
    }

    fn blank(&mut self) {
        if self.out.last().is_some_and(|l| !l.is_empty() && !l.ends_with('{')) {
            self.out.push(String::new());
        }
    }

    fn force_blank(&mut self) {
        if self.out.last().is_some_and(|l| !l.is_empty()) {
            self.out.push(String::new());
        }
    }

    /// Comments that start before `before`, each on its own line.
    fn leading(&mut self, before: usize, indent: usize) {
        while let Some(c) = self.comments.get(self.next).filter(|c| c.loc.start < before) {
            if self.gap_before(c.loc.start) {
                self.blank();
            }
            self.out.push(format!("{}{}", " ".repeat(indent), c.text));
            self.next += 1;
        }
    }

    /// Emits a node written at `start..end` as `lines`, with its comments.
    fn node(&mut self, start: usize, end: usize, lines: Vec<String>, indent: usize) {
        let last = self.line_of(end.saturating_sub(1).max(start));
        self.leading(start, indent);
        while let Some(c) = self.comments.get(self.next) {
            if c.loc.start >= end || self.line_of(c.loc.start) >= last {
                break;
            }
            self.out.push(format!("{}{}", " ".repeat(indent), c.text));
            self.next += 1;
        }
        if self.gap_before(start) {
            self.blank();
        }
        self.out.extend(lines);
        let trailing = |c: &&Comment| {
            self.line_of(c.loc.start) == last
                && (c.loc.start < end || self.text[end..c.loc.start].trim().is_empty())
        };
        if let Some(c) = self.comments.get(self.next).filter(trailing) {
            if let Some(l) = self.out.last_mut() {
                l.push_str("  ");
                l.push_str(&c.text);
            }
            self.next += 1;
        }
    }

    fn one(&mut self, start: usize, end: usize, line: String, indent: usize) {
        self.node(start, end, vec![format!("{}{line}", " ".repeat(indent))], indent);
    }

    /// A block's opening line: its span ends with the source line or the first child.
    fn open(&mut self, start: usize, first_child: usize, line: String, indent: usize) {
        let end = self.line_end(start).min(first_child).max(start + 1);
        self.one(start, end, line, indent);
    }

    fn close(&mut self, close: &crate::source::Loc, indent: usize) {
        self.leading(close.start, indent + STEP);
        self.one(close.start, close.end, "}".into(), indent);
    }

    fn rest(&mut self) {
        let end = self.text.len() + 1;
        if self.next < self.comments.len() {
            self.force_blank();
        }
        self.leading(end, 0);
    }

    fn header(&mut self, h: &Header) {
        let first = h.entries.first().map_or(h.close.start, |e| e.loc.start);
        self.open(h.loc.start, first, items::header_line(h), 0);
        for e in &h.entries {
            self.one(e.loc.start, e.loc.end, items::header_entry(&e.kind), STEP);
        }
        self.close(&h.close, 0);
    }

    fn top(&mut self, item: &TopItem) {
        self.force_blank();
        match item {
            TopItem::Scale(s) => {
                let first = s.grades.first().map_or(s.close.start, |g| g.loc.start);
                self.open(s.loc.start, first, format!("scale {} {{", s.name.name), 0);
                for g in &s.grades {
                    self.one(g.loc.start, g.loc.end, items::grade(g), STEP);
                }
                self.close(&s.close, 0);
            }
            TopItem::Tiers(t) => {
                let first = t.tiers.first().map_or(t.close.start, |d| d.loc.start);
                self.open(t.loc.start, first, "tiers {".into(), 0);
                for d in &t.tiers {
                    self.one(d.loc.start, d.loc.end, items::tier(d), STEP);
                }
                self.close(&t.close, 0);
            }
            TopItem::Level(l) => self.level(l),
            TopItem::Subject(s) => self.subject(s),
            TopItem::Hook(h) => self.hook(h),
            TopItem::Test(t) => self.test(t),
            TopItem::Display(d) => self.one(d.loc.start, d.loc.end, items::display(d), 0),
        }
    }

    fn level(&mut self, l: &Level) {
        let mut parts: Vec<(usize, usize, String)> = Vec::new();
        if let Some(d) = &l.due {
            parts.push((d.loc.start, d.loc.end, items::due(d)));
        }
        if let Some(r) = &l.report {
            parts.push((r.loc.start, r.loc.end, items::report(r)));
        }
        parts.sort_by_key(|p| p.0);
        let first = parts.first().map_or(l.close.start, |p| p.0);
        self.open(l.loc.start, first, items::level_line(&l.name, &l.label, &l.locked), 0);
        for (s, e, text) in parts {
            self.one(s, e, text, STEP);
        }
        self.close(&l.close, 0);
    }

    fn subject(&mut self, s: &Subject) {
        let first = s.items.first().map_or(s.close.start, |i| i.loc.start);
        self.open(s.loc.start, first, items::subject_line(s), 0);
        for i in &s.items {
            self.node(i.loc.start, i.loc.end, items::item_lines(&i.kind, STEP), STEP);
        }
        self.close(&s.close, 0);
    }

    fn hook(&mut self, h: &Hook) {
        let mut lines = vec![items::hook_line(h)];
        if let HookBody::Inline { text, .. } = &h.body {
            lines.extend(text.lines().map(String::from));
            lines.push("```".into());
        }
        self.node(h.loc.start, h.loc.end, lines, 0);
    }

    fn test(&mut self, t: &Test) {
        let first = t.items.first().map_or(t.close.start, |i| i.loc.start);
        self.open(t.loc.start, first, format!("test {} {{", super::expr::string(&t.name.value)), 0);
        let pad = " ".repeat(STEP);
        for i in &t.items {
            let mut lines = vec![format!("{pad}{}", items::test_item(&i.kind))];
            if let TestKind::Record(r) = &i.kind {
                lines.extend(items::record_lines(r, 2 * STEP));
                lines.push(format!("{pad}}}"));
            }
            self.node(i.loc.start, i.loc.end, lines, STEP);
        }
        self.close(&t.close, 0);
    }
}
