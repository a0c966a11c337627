//! `kehoach explain`: every step of one record's outcome in plain words,
//! from the trace the run recorded while it classified the record (never
//! evaluated again).

use super::reason_text;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::record::explain_error;
use crate::eval::run::Evaluation;
use crate::eval::trace::{Held, Step};
use crate::vocab::expr::EvalError;
use crate::vocab::value::{Value, tier_rank};
use std::fmt::Write;

pub fn explain(ev: &Evaluator<'_>, e: &Evaluation, id: &str) -> Option<String> {
    let c = e.captured.as_ref()?;
    let o = e.outcomes.get(c.index)?;
    let mut out = String::new();
    let (fi, at) = e.positions[c.index].get();
    let place = crate::data::place(&e.files[fi], e.sheets[fi].as_ref(), at, None);
    let _ = writeln!(out, "record `{id}` ({place})");
    if let Some(s) = o.subject.map(usize::from) {
        let subject = &ev.model.plan.subjects[s];
        let label = subject.label.as_ref().map_or(String::new(), |l| format!(" \"{}\"", l.value));
        let _ = writeln!(out, "subject `{}`{label}, year {}", subject.name.name, ev.year);
        values_section(ev, s, &c.values, &mut out);
        previous_line(ev, id, &mut out);
        for step in &c.trace.steps {
            step_line(ev, s, step, &mut out);
            if matches!(step, Step::Score(_)) {
                hooks_section(ev, s, o, &mut out);
            }
        }
    }
    if !o.reasons.is_empty() {
        let _ = writeln!(out, "steps:");
        for r in &o.reasons {
            let _ = writeln!(out, "  - {}", reason_text(ev, o, r));
        }
    }
    let _ = writeln!(out, "outcome: {}", outcome(ev, o));
    Some(out)
}

pub(super) fn outcome(ev: &Evaluator<'_>, o: &Outcome) -> String {
    match o.status {
        Status::Classified => {
            let t = o.tier.map_or(0, usize::from);
            format!(
                "tier `{}` \"{}\", score {}",
                ev.tier_name(t),
                ev.tier_label(t),
                o.score.map(|x| x.show(2)).unwrap_or_default()
            )
        }
        Status::Exempt if super::is_review(ev, o) => {
            "exempt (not classified; must still write a review)".into()
        }
        Status::Exempt => "exempt (not classified)".into(),
        Status::Error | Status::Pending => format!("error: {}", o.error_text().unwrap_or("")),
    }
}

/// One recorded step in words.
fn step_line(ev: &Evaluator<'_>, s: usize, step: &Step, out: &mut String) {
    let c = &ev.model.subjects[s];
    let _ = match step {
        Step::Exempt { index, held } => {
            let ex = &c.exempts[*index];
            writeln!(
                out,
                "exempt? {} ({}): {}",
                one_line(ex.loc.snippet()),
                ex.loc.file_line(),
                held_words(held)
            )
        }
        Step::Score(score) => writeln!(out, "score = {} (exact: {})", score.show(2), score.to_num()),
        Step::Hooked(score) => {
            writeln!(out, "score after hooks = {} (exact: {})", score.show(2), score.to_num())
        }
        Step::Rule { index, held, failing } => {
            let r = &c.rules[*index];
            let _ =
                writeln!(out, "{} ({}): {}", one_line(r.loc.snippet()), r.loc.file_line(), held_words(held));
            match failing {
                Some(part) => writeln!(out, "  does not hold: {}", super::texpr::show(ev, s, part)),
                None => Ok(()),
            }
        }
        Step::Otherwise => {
            writeln!(out, "no rule holds: otherwise `{}`", c.otherwise.map_or("?", |t| ev.tier_name(t)))
        }
        Step::Cap { index, held, lowered } => cap_line(ev, s, *index, held, *lowered, out),
        Step::Aggregate { text, matching, counted, value } => {
            let share = text.starts_with("share");
            let unit = if share { "%" } else { "" };
            writeln!(out, "{text} = {}{unit} ({matching} of {counted} counted records match)", value.show(2))
        }
        Step::Failed(message) => writeln!(out, "stopped: {message}"),
    };
}

fn cap_line(
    ev: &Evaluator<'_>,
    s: usize,
    i: usize,
    held: &Held,
    lowered: bool,
    out: &mut String,
) -> std::fmt::Result {
    let cap = &ev.model.subjects[s].caps[i];
    let loc = match cap {
        crate::check::model::CCap::When { loc, .. } | crate::check::model::CCap::At { loc, .. } => loc,
    };
    let verdict = match (held, lowered, cap) {
        (_, true, crate::check::model::CCap::At { tier_field: true, .. }) => {
            "lowers the tier to the one the field holds".to_string()
        }
        (_, false, crate::check::model::CCap::At { tier_field: true, .. }) => {
            "the tier the field holds is no lower".to_string()
        }
        (_, true, crate::check::model::CCap::At { .. }) => "lowers the tier to that record's".to_string(),
        (_, false, crate::check::model::CCap::At { .. }) => "that record's tier is no lower".to_string(),
        (Ok(true), true, _) => "holds: lowers the tier".to_string(),
        (Ok(true), false, _) => "holds, but the tier is already no better".to_string(),
        (held, _, _) => held_words(held),
    };
    writeln!(out, "{} ({}): {verdict}", one_line(loc.snippet()), loc.file_line())
}

pub(super) fn held_words(held: &Held) -> String {
    match held {
        Ok(true) => "holds".into(),
        Ok(false) => "does not hold".into(),
        Err(EvalError::Missing(name)) => format!("cannot be decided: `{name}` is missing"),
        Err(e @ (EvalError::DivisionByZero | EvalError::Overflow)) => {
            explain_error(e, "cannot be decided: it")
        }
        Err(e) => format!("cannot be decided: {}", crate::diag::eval_words(e)),
    }
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

fn values_section(ev: &Evaluator<'_>, s: usize, values: &[Option<Value>], out: &mut String) {
    for (slot, name) in ev.prepared[s].names.iter().enumerate() {
        let (shown, contribution) = value_words(ev, s, slot, values.get(slot).and_then(Option::as_ref));
        let contribution = contribution.map(|c| format!("  → contributes {c}")).unwrap_or_default();
        let _ = writeln!(out, "  {name} = {shown}{contribution}");
    }
}

/// A value in words (`(missing)` when it is), and what it contributes to
/// the score, if anything.
pub(super) fn value_words(
    ev: &Evaluator<'_>,
    s: usize,
    slot: usize,
    v: Option<&Value>,
) -> (String, Option<String>) {
    let p = &ev.prepared[s];
    let shown = match v {
        None if ev.is_flag(s, slot) => "false".to_string(),
        None => "(missing)".to_string(),
        Some(Value::Grade(g)) => format!("{} ({})", ev.grade_name(*g), g.show(4)),
        Some(Value::Num(n)) => n.show(4),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Tier(r)) => ev.tier_name(tier_rank(*r, ev.model.names.tiers.len())).to_string(),
        Some(Value::Choice(i)) => ev.choice_name(s, slot, *i),
        Some(Value::Date(d)) => d.to_string(),
        Some(Value::Str(t)) => format!("\"{t}\""),
        Some(Value::DayMonth(dm)) => format!("{}/{}", dm.day, dm.month),
    };
    let contribution = p.weights.iter().find(|(w, _)| *w == slot).and_then(|(_, f)| match v {
        Some(Value::Grade(g)) => f.checked_mul(*g).map(|c| c.show(4)),
        _ => None,
    });
    let points = p.points.contains(&slot).then(|| shown.clone());
    (shown, contribution.or(points))
}

/// `previous_tier`, when the run has last year's results (`--previous`).
fn previous_line(ev: &Evaluator<'_>, id: &str, out: &mut String) {
    let Some(file) = &ev.previous.file else { return };
    let tiers = ev.model.names.tiers.len();
    let _ = match ev.previous.rank(id) {
        Some(r) => writeln!(out, "  previous_tier = {} (from {file})", ev.tier_name(tier_rank(r, tiers))),
        None => writeln!(out, "  previous_tier = (none: no tier in {file})"),
    };
}

pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
