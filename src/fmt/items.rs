//! Canonical text of declarations and items, one line each (conditions may
//! wrap). Shared by `fmt`, `show --effective` and `diff`.

use super::expr::{self, string};
use crate::num;
use crate::syntax::ast::*;

/// Lines longer than this are wrapped where a condition allows.
pub const WIDTH: usize = 100;

fn label(l: &Option<Str>) -> String {
    l.as_ref().map_or(String::new(), |s| format!(" {}", string(&s.value)))
}

fn locked(l: &Option<crate::source::Loc>) -> &'static str {
    if l.is_some() { " locked" } else { "" }
}

pub fn header_line(h: &Header) -> String {
    let ext = h.extends.as_ref().map_or(String::new(), |e| format!(" extends {}", string(&e.value)));
    format!("plan {}{ext} {{", string(&h.id.value))
}

pub fn header_entry(e: &HeaderKind) -> String {
    match e {
        HeaderKind::Title(s) => format!("title {}", string(&s.value)),
        HeaderKind::Issuer(s) => format!("issuer {}", string(&s.value)),
        HeaderKind::Issued(d) => format!("issued {}", expr::date(d.value)),
        HeaderKind::Basis(s) => format!("basis {}", string(&s.value)),
        HeaderKind::Supersedes { id, dated } => match dated {
            Some(d) => format!("supersedes {} dated {}", string(&id.value), expr::date(d.value)),
            None => format!("supersedes {}", string(&id.value)),
        },
        HeaderKind::Effective { from, until } => match until {
            Some(u) => format!("effective {} until {}", expr::date(from.value), expr::date(u.value)),
            None => format!("effective {}", expr::date(from.value)),
        },
    }
}

/// `display COL …`: each column as written, a name bare, a title quoted.
pub fn display(d: &Display) -> String {
    let cols: Vec<String> =
        d.columns.iter().map(|c| if c.quoted { string(&c.title) } else { c.title.clone() }).collect();
    format!("display {}", cols.join(" "))
}

pub fn grade(g: &Grade) -> String {
    let (name, label, value) = (&g.name.name, string(&g.label.value), num::literal(&g.value.value));
    format!("{name} {label} {value}{}", aliases(&g.aliases))
}

pub fn tier(t: &TierDecl) -> String {
    format!("{} {}{}", t.name.name, string(&t.label.value), aliases(&t.aliases))
}

/// ` alias "X" "XS"`, or nothing.
pub fn aliases(list: &[Str]) -> String {
    list.iter().fold(String::new(), |acc, a| {
        let sep = if acc.is_empty() { " alias " } else { " " };
        format!("{acc}{sep}{}", string(&a.value))
    })
}

pub fn level_line(name: &Ident, lab: &Option<Str>, lock: &Option<crate::source::Loc>) -> String {
    format!("level {}{}{} {{", name.name, label(lab), locked(lock))
}

pub fn due(d: &Due) -> String {
    format!("due {}", crate::days::text(d))
}

pub fn report(r: &Report) -> String {
    match &r.via {
        Some(v) => format!("report to {} via {}", string(&r.to.value), string(&v.value)),
        None => format!("report to {}", string(&r.to.value)),
    }
}

pub fn subject_line(s: &Subject) -> String {
    let ext = s.extends.as_ref().map_or(String::new(), |e| format!(" extends {}", e.name));
    format!("subject {}{}{ext}{} {{", s.name.name, label(&s.label), locked(&s.locked))
}

pub fn field_type(t: &FieldType) -> String {
    match t {
        FieldType::Number => "number".into(),
        FieldType::Text => "text".into(),
        FieldType::Date => "date".into(),
        FieldType::Tier => "tier".into(),
        FieldType::Ref(s) => format!("ref {}", s.name),
        FieldType::Choice(opts) => {
            let parts: Vec<String> =
                opts.iter().map(|o| format!("{}{}", o.name.name, label(&o.label))).collect();
            format!("choice {}", parts.join(" "))
        }
    }
}

/// A subject item as one line (conditions unwrapped).
pub fn item(k: &ItemKind) -> String {
    item_parts(k).map_or_else(|| plain_item(k), |(head, cond, tail)| format!("{head}{cond}{tail}"))
}

/// A conditional item split around its condition: (before, condition, after).
fn item_parts(k: &ItemKind) -> Option<(String, String, String)> {
    let because =
        |b: &Option<Str>| b.as_ref().map_or(String::new(), |s| format!(" because {}", string(&s.value)));
    match k {
        ItemKind::Exempt { cond, because: b, review } => {
            let tail = format!("{}{}", because(b), if *review { " review" } else { "" });
            Some(("exempt when ".into(), expr::text(cond), tail))
        }
        ItemKind::Rule { tier, cond } => {
            Some((format!("rule {} when ", tier.name), expr::text(cond), String::new()))
        }
        ItemKind::Cap { tier, cond, because: b } => {
            Some((format!("cap {} when ", tier.name), expr::text(cond), because(b)))
        }
        _ => None,
    }
}

fn plain_item(k: &ItemKind) -> String {
    match k {
        ItemKind::Level(l) => format!("level {}", l.name),
        ItemKind::Criterion(c) => {
            let m = match &c.measure {
                Measure::Weight(w) => format!("weight {}", num::literal(&w.value)),
                Measure::Points(p) => format!("points {}", num::literal(&p.value)),
            };
            let g = c.group.as_ref().map_or(String::new(), |g| format!(" group {}", g.name));
            format!("criterion {}{} {m}{g}{}", c.name.name, label(&c.label), locked(&c.locked))
        }
        ItemKind::Flag(f) => format!("flag {}{}{}", f.name.name, label(&f.label), locked(&f.locked)),
        ItemKind::Field(f) => {
            format!("field {}{} {}{}", f.name.name, label(&f.label), field_type(&f.ty), locked(&f.locked))
        }
        ItemKind::Drop { what, name } => {
            let w = match what {
                DropKind::Criterion => "criterion",
                DropKind::Flag => "flag",
                DropKind::Field => "field",
            };
            format!("drop {w} {}", name.name)
        }
        ItemKind::Otherwise(t) => format!("otherwise {}", t.name),
        ItemKind::CapAt(f) => format!("cap at tier of {}", f.name),
        ItemKind::Quota(q) => quota(q),
        ItemKind::LockRules => "lock rules".into(),
        ItemKind::LockExempt => "lock exempt".into(),
        ItemKind::LockCaps => "lock caps".into(),
        ItemKind::Group(g) => format!(
            "group {}{} total {}{}",
            g.name.name,
            label(&g.label),
            num::literal(&g.total.value),
            locked(&g.locked)
        ),
        _ => String::new(),
    }
}

pub fn quota(q: &Quota) -> String {
    let bound = match &q.bound {
        QuotaBound::Count(n) => num::literal(&n.value),
        QuotaBound::Share { percent, of } => {
            let of = match of {
                QuotaOf::All => "all".to_string(),
                QuotaOf::Tier { tier, or_better: true } => format!("{} or better", tier.name),
                QuotaOf::Tier { tier, .. } => tier.name.clone(),
            };
            format!("{}% of {of}", num::literal(&percent.value))
        }
    };
    let per = q.per.as_ref().map_or("plan".to_string(), |p| p.name.clone());
    let round = match q.round {
        Round::Down => "",
        Round::Up => " round up",
        Round::Nearest => " round nearest",
    };
    format!("quota {} at most {bound} per {per}{round}", q.tier.name)
}

/// A subject item as lines at `indent`, wrapping a long `and`/`or` condition
/// before each joining word.
pub fn item_lines(k: &ItemKind, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let one = format!("{pad}{}", item(k));
    if one.chars().count() <= WIDTH {
        return vec![one];
    }
    let Some((head, _, tail)) = item_parts(k) else { return vec![one] };
    let cond = match k {
        ItemKind::Exempt { cond, .. } | ItemKind::Rule { cond, .. } | ItemKind::Cap { cond, .. } => cond,
        _ => return vec![one],
    };
    let Some((word, parts)) = expr::chain(cond) else { return vec![one] };
    let mut lines = vec![format!("{pad}{head}{}", parts[0])];
    for p in &parts[1..] {
        let last = lines.len() - 1;
        let joined = format!("{} {word} {p}", lines[last]);
        if joined.chars().count() <= WIDTH {
            lines[last] = joined;
        } else {
            lines.push(format!("{pad}  {word} {p}"));
        }
    }
    let last = lines.len() - 1;
    lines[last].push_str(&tail);
    lines
}

pub fn hook_line(h: &Hook) -> String {
    let stage = if h.stage == Stage::Score { "score" } else { "tier" };
    let body = match &h.body {
        HookBody::Inline { .. } => "```".to_string(),
        HookBody::File(p) => format!("file {}", string(&p.value)),
    };
    format!("hook {} for {} on {stage}{} {body}", h.name.name, h.subject.name, locked(&h.locked))
}

pub fn value(v: &Value) -> String {
    match v {
        Value::Num(n) => num::literal(&n.value),
        Value::Str(s) => string(&s.value),
        Value::Date(d) => expr::date(d.value),
        Value::Bool(b, _) => b.to_string(),
        Value::Name(n) => n.name.clone(),
    }
}

pub fn test_item(k: &TestKind) -> String {
    match k {
        TestKind::Year(y) => format!("year {}", num::literal(&y.value)),
        TestKind::Data(p) => format!("data {}", string(&p.value)),
        TestKind::Record(r) => format!("record {} {} {{", r.subject.name, string(&r.id.value)),
        TestKind::Expect { id, what } => {
            let w = match what {
                Expectation::Tier(t) => format!("tier {}", t.name),
                Expectation::Score(n) => format!("score {}", num::literal(&n.value)),
                Expectation::Exempt => "exempt".into(),
                Expectation::Error => "error".into(),
            };
            format!("expect {} {w}", string(&id.value))
        }
        TestKind::ExpectCount { subject, tier, count } => {
            format!("expect count {} {} {}", subject.name, tier.name, num::literal(&count.value))
        }
    }
}

/// A record's assignments filled into lines at `indent`, two spaces apart.
pub fn record_lines(r: &Record, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let mut lines: Vec<String> = Vec::new();
    for (name, v) in &r.values {
        let a = format!("{} = {}", name.name, value(v));
        match lines.last_mut() {
            Some(l) if l.chars().count() + 2 + a.chars().count() <= WIDTH => {
                l.push_str("  ");
                l.push_str(&a);
            }
            _ => lines.push(format!("{pad}{a}")),
        }
    }
    lines
}
