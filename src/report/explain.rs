//! `kehoach explain`: every step of one record's outcome in plain words,
//! from the trace the run recorded while it classified the record (never
//! evaluated again).

use super::words;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::record::explain_error;
use crate::eval::run::Evaluation;
use crate::eval::trace::{Held, Step};
use crate::lang::Lang;
use crate::t;
use crate::vocab::expr::EvalError;
use crate::vocab::value::{Value, tier_rank};
use std::fmt::Write;

pub fn explain(ev: &Evaluator<'_>, e: &Evaluation, id: &str, lang: Lang) -> Option<String> {
    let c = e.captured.as_ref()?;
    let o = e.outcomes.get(c.index)?;
    let mut out = String::new();
    let (fi, at) = e.positions[c.index].get();
    let place = crate::data::sheet::place_in(&e.files[fi], e.sheets[fi].as_ref(), at, lang);
    let _ = writeln!(out, "{}", t!(lang, "explain-record", id = id, place = place.to_string()));
    if let Some(s) = o.subject.map(usize::from) {
        let subject = &ev.model.plan.subjects[s];
        let label = subject.label.as_ref().map_or(subject.name.name.as_str(), |l| l.value.as_str());
        let _ = writeln!(
            out,
            "{}",
            t!(lang, "explain-subject", label = label, name = subject.name.name.as_str(), year = ev.year)
        );
        values_section(ev, s, &c.values, lang, &mut out);
        previous_line(ev, id, lang, &mut out);
        for step in &c.trace.steps {
            step_line(ev, s, (step, o.error.as_deref()), lang, &mut out);
            if matches!(step, Step::Score(_)) {
                hooks_section(ev, s, o, lang, &mut out);
            }
        }
    }
    if !o.reasons.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "explain-steps"));
        let texts = super::Texts::plain(ev, lang);
        for r in &o.reasons {
            let words = super::reason_with(&texts, ev, o, r);
            match reason_place(ev, o, r) {
                Some(place) => writeln!(out, "  - {words} ({place})"),
                None => writeln!(out, "  - {words}"),
            }
            .ok();
        }
    }
    let _ = writeln!(out, "{}", t!(lang, "explain-outcome", outcome = outcome_in(ev, o, lang)));
    Some(out)
}

/// Where the plan says the fixed reason `r`: its rule, cap or exemption line.
fn reason_place(ev: &Evaluator<'_>, o: &Outcome, r: &Reason) -> Option<String> {
    let c = &ev.model.subjects[o.subject.map(usize::from)?];
    let loc = match r {
        Reason::Rule(i) => &c.rules.get(usize::from(*i))?.loc,
        Reason::Exempt(i) => &c.exempts.get(usize::from(*i))?.loc,
        Reason::Cap(i) => match c.caps.get(usize::from(*i))? {
            crate::check::model::CCap::When { loc, .. } | crate::check::model::CCap::At { loc, .. } => loc,
        },
        _ => return None,
    };
    Some(loc.file_line())
}

/// The outcome for people: the tier's label and the score.
fn outcome_in(ev: &Evaluator<'_>, o: &Outcome, lang: Lang) -> String {
    match o.status {
        Status::Classified => {
            let t = o.tier.map_or(0, usize::from);
            let score = o.score.map(|x| words::exact(lang, x, 2)).unwrap_or_default();
            t!(lang, "explain-classified", tier = ev.tier_label(t), score = score)
        }
        Status::Exempt if super::is_review(ev, o) => t!(lang, "explain-exempt-review"),
        Status::Exempt => t!(lang, "explain-exempt"),
        Status::Error | Status::Pending => {
            let error = o.error.as_ref().map(|e| e.words(lang)).unwrap_or_default();
            t!(lang, "explain-error", error = error)
        }
    }
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
        Status::Error | Status::Pending => format!("error: {}", o.error_text().unwrap_or_default()),
    }
}

/// One recorded step in words; `failed` is the record's error, said in
/// `lang` where the step stopped.
fn step_line(
    ev: &Evaluator<'_>,
    s: usize,
    (step, failed): (&Step, Option<&crate::diag::RecordError>),
    lang: Lang,
    out: &mut String,
) {
    let c = &ev.model.subjects[s];
    let _ = match step {
        Step::Exempt { index, held } => {
            let ex = &c.exempts[*index];
            let (line, place) = (one_line(ex.loc.snippet()), ex.loc.file_line());
            let held = held_in(held, lang);
            writeln!(out, "{}", t!(lang, "explain-exempt-line", line = line, place = place, held = held))
        }
        Step::Score(score) => {
            let (score, exact) = (words::exact(lang, *score, 2), score.to_num().to_string());
            writeln!(out, "{}", t!(lang, "explain-score", score = score, exact = exact))
        }
        Step::Hooked(score) => {
            let (score, exact) = (words::exact(lang, *score, 2), score.to_num().to_string());
            writeln!(out, "{}", t!(lang, "explain-score-hooked", score = score, exact = exact))
        }
        Step::Rule { index, held, failing } => {
            let r = &c.rules[*index];
            let _ = writeln!(
                out,
                "{} ({}): {}",
                one_line(r.loc.snippet()),
                r.loc.file_line(),
                held_in(held, lang)
            );
            match failing {
                Some(part) => {
                    writeln!(out, "  {}", t!(lang, "explain-fails", part = super::texpr::show(ev, s, part)))
                }
                None => Ok(()),
            }
        }
        Step::Otherwise => {
            let tier = c.otherwise.map_or("?", |t| ev.tier_label(t));
            writeln!(out, "{}", t!(lang, "explain-otherwise", tier = tier))
        }
        Step::Cap { index, held, lowered } => cap_line(ev, s, *index, held, *lowered, lang, out),
        Step::Aggregate { text, matching, counted, value } => {
            let share = text.starts_with("share");
            let unit = if share { "%" } else { "" };
            let value = format!("{}{unit}", words::exact(lang, *value, 2));
            let (matching, counted) = (matching.to_string(), counted.to_string());
            let line = t!(
                lang,
                "explain-aggregate",
                text = text.as_str(),
                value = value,
                matching = matching,
                counted = counted
            );
            writeln!(out, "{line}")
        }
        Step::Failed(message) => {
            let why = match (lang, failed) {
                (Lang::En, _) | (_, None) => message.clone(),
                (_, Some(e)) => crate::diag::message_in(e.kind(), lang),
            };
            writeln!(out, "{}", t!(lang, "explain-stopped", why = why))
        }
    };
}

fn cap_line(
    ev: &Evaluator<'_>,
    s: usize,
    i: usize,
    held: &Held,
    lowered: bool,
    lang: Lang,
    out: &mut String,
) -> std::fmt::Result {
    let cap = &ev.model.subjects[s].caps[i];
    let loc = match cap {
        crate::check::model::CCap::When { loc, .. } | crate::check::model::CCap::At { loc, .. } => loc,
    };
    let verdict = match (held, lowered, cap) {
        (_, true, crate::check::model::CCap::At { tier_field: true, .. }) => {
            t!(lang, "explain-cap-field-lowers")
        }
        (_, false, crate::check::model::CCap::At { tier_field: true, .. }) => {
            t!(lang, "explain-cap-field-keeps")
        }
        (_, true, crate::check::model::CCap::At { .. }) => t!(lang, "explain-cap-at-lowers"),
        (_, false, crate::check::model::CCap::At { .. }) => t!(lang, "explain-cap-at-keeps"),
        (Ok(true), true, _) => t!(lang, "explain-cap-lowers"),
        (Ok(true), false, _) => t!(lang, "explain-cap-keeps"),
        (held, _, _) => held_in(held, lang),
    };
    writeln!(out, "{} ({}): {verdict}", one_line(loc.snippet()), loc.file_line())
}

/// Whether a condition held, for people in `lang`.
fn held_in(held: &Held, lang: Lang) -> String {
    match (held, lang) {
        (_, Lang::En) => held_words(held),
        (Ok(true), Lang::Vi) => t!(lang, "explain-holds"),
        (Ok(false), Lang::Vi) => t!(lang, "explain-does-not-hold"),
        (Err(EvalError::Missing(name)), Lang::Vi) => t!(lang, "explain-missing", name = name.to_string()),
        (Err(e), Lang::Vi) => t!(lang, "explain-undecided", why = crate::diag::eval_words_in(e, lang)),
    }
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
fn hooks_section(ev: &Evaluator<'_>, s: usize, o: &Outcome, lang: Lang, out: &mut String) {
    let p = &ev.prepared[s];
    for &h in p.score_hooks.iter().chain(&p.tier_hooks) {
        let d = &ev.model.plan.hooks[h].decl;
        let (name, stage, place) = (d.name.name.as_str(), d.stage.word(), d.loc.file_line());
        let _ = writeln!(out, "{}", t!(lang, "explain-hook", name = name, stage = stage, place = place));
        let tier = |t: u8| ev.tier_label(usize::from(t)).to_string();
        let mut any = false;
        for r in &o.reasons {
            let line = match r {
                Reason::Note(n) if usize::from(n.hook) == h => {
                    t!(lang, "explain-hook-note", text = n.text.to_string())
                }
                Reason::HookScore(c) if usize::from(c.hook) == h => {
                    let (before, after) = (words::exact(lang, c.before, 4), words::exact(lang, c.after, 4));
                    t!(lang, "explain-hook-score", before = before, after = after)
                }
                Reason::HookTier { hook, before, after } if usize::from(*hook) == h => {
                    t!(lang, "explain-hook-tier", before = tier(*before), after = tier(*after))
                }
                _ => continue,
            };
            any = true;
            let _ = writeln!(out, "  {line}");
        }
        if !any {
            let _ = writeln!(out, "  {}", t!(lang, "explain-hook-none"));
        }
    }
}

/// Each value of the record under its label: `Tiêu chí *…* (`code`): Tốt (3) → 32 điểm`.
fn values_section(ev: &Evaluator<'_>, s: usize, values: &[Option<Value>], lang: Lang, out: &mut String) {
    for (slot, name) in ev.prepared[s].names.iter().enumerate() {
        let v = values.get(slot).and_then(Option::as_ref);
        let (shown, contribution) = value_words(ev, s, slot, v);
        let shown = match v {
            Some(Value::Grade(g)) => grade_label(ev, *g).map_or(shown, |l| format!("{l} ({})", g.show(4))),
            None if !ev.is_flag(s, slot) => t!(lang, "explain-value-missing"),
            None | Some(Value::Bool(false)) => t!(lang, "explain-false"),
            Some(Value::Bool(true)) => t!(lang, "explain-true"),
            Some(Value::Date(d)) => d.format("%d/%m/%Y").to_string(),
            Some(Value::Num(n)) => words::exact(lang, *n, 4),
            Some(Value::Tier(r)) => {
                let t = tier_rank(*r, ev.model.names.tiers.len());
                format!("{} (`{}`)", ev.tier_label(t), ev.tier_name(t))
            }
            _ => shown,
        };
        let contribution = contribution
            .map(|c| t!(lang, "explain-points", points = words::in_style(lang, c)))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}: {shown}{contribution}", item_words(ev, s, slot, name, lang));
    }
}

/// The label of a grade of the scale, if it has one.
fn grade_label(ev: &Evaluator<'_>, g: crate::exact::Exact) -> Option<String> {
    let name = ev.grade_name(g);
    let scale = ev.model.plan.scale.as_ref()?;
    scale.grades.iter().find(|x| x.name.name == name).map(|x| x.label.value.clone())
}

/// An item of the subject by its kind and label: `Tiêu chí *…* (`code`)`.
fn item_words(ev: &Evaluator<'_>, s: usize, slot: usize, name: &str, lang: Lang) -> String {
    use crate::syntax::ast::ItemKind;
    let (kind, label) = match ev.model.plan.subjects[s].decls.get(slot).map(|d| &d.kind) {
        Some(ItemKind::Criterion(c)) => ("criterion", c.label.as_ref()),
        Some(ItemKind::Flag(f)) => ("flag", f.label.as_ref()),
        Some(ItemKind::Field(f)) => ("field", f.label.as_ref()),
        _ => ("field", None),
    };
    let label = label.map_or(name, |l| l.value.as_str());
    t!(lang, "explain-item", kind = kind, label = label, name = name)
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
fn previous_line(ev: &Evaluator<'_>, id: &str, lang: Lang, out: &mut String) {
    let Some(file) = &ev.previous.file else { return };
    let tiers = ev.model.names.tiers.len();
    let file = file.to_string();
    let line = match ev.previous.rank(id) {
        Some(r) => {
            let t = tier_rank(r, tiers);
            t!(lang, "explain-previous", label = ev.tier_label(t), name = ev.tier_name(t), file = file)
        }
        None => t!(lang, "explain-previous-none", file = file),
    };
    let _ = writeln!(out, "  {line}");
}

pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
