//! `kehoach explain`: every step of one record's outcome in plain words.

use super::reason_text;
use crate::eval::Evaluator;
use crate::eval::aggregate::Finished;
use crate::eval::expr::truth;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::record::RecordEnv;
use crate::eval::run::Evaluation;
use crate::eval::value::Value;
use std::fmt::Write;

pub fn explain(ev: &Evaluator<'_>, e: &Evaluation, id: &str) -> Option<String> {
    let (index, values) = e.captured.as_ref()?;
    let o = e.outcomes.get(*index)?;
    let mut out = String::new();
    let (fi, at) = e.positions[*index].get();
    let _ = writeln!(out, "record `{id}` ({} {at})", e.files[fi].display());
    let Some(s) = o.subject.map(usize::from) else {
        let _ = writeln!(out, "error: {}", o.error.as_deref().unwrap_or(""));
        return Some(out);
    };
    let subject = &ev.model.plan.subjects[s];
    let label = subject.label.as_ref().map_or(String::new(), |l| format!(" \"{}\"", l.value));
    let _ = writeln!(out, "subject `{}`{label}, year {}", subject.name.name, ev.year);
    let ids = crate::eval::ids::Ids::of(&e.outcomes);
    let finished = Finished::new(ev, &e.outcomes, &ids);
    values_section(ev, s, values, &mut out);
    let env =
        RecordEnv { ev, subject: s, values, score: o.score, tier: None, id, lookup: &finished, own: true };
    let c = &ev.model.subjects[s];
    for ex in &c.exempts {
        let held = truth(&ex.cond, &env).unwrap_or(false);
        let _ = writeln!(out, "exempt? {} ({}): {}", ex.loc.snippet(), ex.loc.file_line(), yes(held));
    }
    if let Ok(score) = ev.score(s, values) {
        let _ = writeln!(out, "score = {} (exact: {})", score.show(2), score.to_num());
    }
    hooks_section(ev, s, o, &mut out);
    for r in &c.rules {
        let held = match truth(&r.cond, &env) {
            Ok(b) => yes(b).to_string(),
            Err(err) => crate::eval::record::explain_error(&err, "it"),
        };
        let _ = writeln!(out, "{} ({}): {held}", one_line(r.loc.snippet()), r.loc.file_line());
        if held == "holds" {
            break;
        }
    }
    let _ = writeln!(out, "steps:");
    for r in &o.reasons {
        let _ = writeln!(out, "  - {}", reason_text(ev, o, r));
    }
    let outcome = match o.status {
        Status::Classified => {
            let t = o.tier.map_or(0, usize::from);
            format!(
                "tier `{}` \"{}\", score {}",
                ev.tier_name(t),
                ev.tier_label(t),
                o.score.map(|x| x.show(2)).unwrap_or_default()
            )
        }
        Status::Exempt => "exempt (not classified)".into(),
        Status::Error => format!("error: {}", o.error.as_deref().unwrap_or("")),
    };
    let _ = writeln!(out, "outcome: {outcome}");
    Some(out)
}

/// Each hook of the subject, where it is, and what it did to this record.
fn hooks_section(ev: &Evaluator<'_>, s: usize, o: &Outcome, out: &mut String) {
    let p = &ev.prepared[s];
    for &h in p.score_hooks.iter().chain(&p.tier_hooks) {
        let hook = &ev.model.plan.hooks[h];
        let d = &hook.decl;
        let _ = writeln!(out, "hook `{}` on {} ({}):", d.name.name, d.stage.word(), d.loc.file_line());
        let mut any = false;
        for r in &o.reasons {
            let line = match r {
                Reason::Note(n) if usize::from(n.hook) == h => format!("note: {}", n.text),
                Reason::HookScore(c) if usize::from(c.hook) == h => {
                    format!("score {} → {}", c.before.show(4), c.after.show(4))
                }
                Reason::HookTier { hook, before, after } if usize::from(*hook) == h => format!(
                    "tier `{}` → `{}`",
                    ev.tier_name(usize::from(*before)),
                    ev.tier_name(usize::from(*after))
                ),
                _ => continue,
            };
            any = true;
            let _ = writeln!(out, "  {line}");
        }
        if !any {
            let _ = writeln!(out, "  no change");
        }
    }
}

fn yes(b: bool) -> &'static str {
    if b { "holds" } else { "does not hold" }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn values_section(ev: &Evaluator<'_>, s: usize, values: &[Option<Value>], out: &mut String) {
    let p = &ev.prepared[s];
    for (slot, name) in p.names.iter().enumerate() {
        let v = values.get(slot).and_then(Option::as_ref);
        let shown = match v {
            None if ev.is_flag(s, slot) => "false".to_string(),
            None => "(missing)".to_string(),
            Some(Value::Grade(g)) => format!("{} ({})", ev.grade_name(*g), g.show(4)),
            Some(Value::Num(n)) => n.show(4),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Tier(r)) => ev.tier_name(ev.model.names.tiers.len() - 1 - r).to_string(),
            Some(Value::Choice(i)) => ev.choice_name(s, slot, *i),
            Some(Value::Date(d)) => d.to_string(),
            Some(Value::Str(t)) => format!("\"{t}\""),
            Some(Value::DayMonth(dm)) => format!("{}/{}", dm.day, dm.month),
        };
        let contribution = p.weights.iter().find(|(w, _)| *w == slot).and_then(|(_, f)| match v {
            Some(Value::Grade(g)) => f.checked_mul(*g).map(|c| format!("  → contributes {}", c.show(4))),
            _ => None,
        });
        let points = p.points.contains(&slot).then(|| format!("  → contributes {shown}"));
        let _ = writeln!(out, "  {name} = {shown}{}", contribution.or(points).unwrap_or_default());
    }
}
