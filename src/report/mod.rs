//! Output of evaluations: reasons in words, and the table, CSV and JSON
//! formats of `kehoach eval`.

pub mod explain;
mod table;

pub use table::table;

use crate::check::model::CCap;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::run::Evaluation;
use serde_json::{Value, json};

/// One reason in words.
pub fn reason_text(ev: &Evaluator<'_>, o: &Outcome, r: &Reason) -> String {
    let Some(s) = o.subject.map(usize::from) else { return String::new() };
    let c = &ev.model.subjects[s];
    let tier = |t: usize| ev.tier_name(t).to_string();
    match r {
        Reason::Exempt(i) => {
            let e = &c.exempts[usize::from(*i)];
            match &e.because {
                Some(b) => format!("exempt: {b}"),
                None => format!("exempt ({})", e.loc.file_line()),
            }
        }
        Reason::Rule(i) => {
            let rule = &c.rules[usize::from(*i)];
            format!("rule `{}` holds ({})", tier(rule.tier), rule.loc.file_line())
        }
        Reason::Otherwise => {
            format!("no rule holds: otherwise `{}`", c.otherwise.map(tier).unwrap_or_default())
        }
        Reason::Cap(i) => match &c.caps[usize::from(*i)] {
            CCap::When { tier: t, because: Some(b), .. } => format!("cap `{}`: {b}", tier(*t)),
            CCap::When { tier: t, loc, .. } => format!("cap `{}` ({})", tier(*t), loc.file_line()),
            CCap::At { field, .. } => format!("cap at the tier of `{field}`"),
        },
        Reason::CapAt { cap, id, tier: t } => {
            let field = match &c.caps[usize::from(*cap)] {
                CCap::At { field, .. } => field.as_str(),
                CCap::When { .. } => "",
            };
            format!("cap at `{}`, the tier of `{id}` ({field})", tier(usize::from(*t)))
        }
        Reason::Note { text, .. } => text.to_string(),
        Reason::HookScore { hook, before, after } => {
            format!("hook `{}`: score {} → {}", hook_name(ev, *hook), before.show(2), after.show(2))
        }
        Reason::HookTier { hook, before, after } => format!(
            "hook `{}`: tier `{}` → `{}`",
            hook_name(ev, *hook),
            tier(usize::from(*before)),
            tier(usize::from(*after))
        ),
        Reason::Quota { rank, of, group, limit, .. } => {
            format!("quota: rank {rank} of {of} in group {group}, limit {limit}")
        }
    }
}

fn hook_name<'a>(ev: &'a Evaluator<'_>, h: u16) -> &'a str {
    ev.model.plan.hooks.get(usize::from(h)).map_or("?", |x| x.decl.name.name.as_str())
}

pub fn subject_name<'a>(ev: &'a Evaluator<'_>, o: &Outcome) -> &'a str {
    o.subject.map_or("", |s| ev.model.plan.subjects[usize::from(s)].name.name.as_str())
}

/// Counts by status and by tier (every tier listed).
pub struct Summary {
    pub total: usize,
    pub classified: usize,
    pub exempt: usize,
    pub errors: usize,
    pub tiers: Vec<usize>,
}

pub fn summary(ev: &Evaluator<'_>, outs: &[Outcome]) -> Summary {
    let mut s = Summary {
        total: outs.len(),
        classified: 0,
        exempt: 0,
        errors: 0,
        tiers: vec![0; ev.model.names.tiers.len()],
    };
    for o in outs {
        match o.status {
            Status::Classified => {
                s.classified += 1;
                if let Some(t) = o.tier {
                    s.tiers[usize::from(t)] += 1;
                }
            }
            Status::Exempt => s.exempt += 1,
            Status::Error => s.errors += 1,
        }
    }
    s
}

fn record_json(ev: &Evaluator<'_>, o: &Outcome) -> Value {
    let tier = o.tier.filter(|_| o.status == Status::Classified).map(usize::from);
    let score = o.score.filter(|_| o.status == Status::Classified).map(|x| x.round_places(2).to_f64());
    json!({
        "id": o.id.as_ref(),
        "subject": subject_name(ev, o),
        "status": o.status.as_str(),
        "score": score,
        "tier": tier.map(|t| ev.tier_name(t)),
        "tier_label": tier.map(|t| ev.tier_label(t)),
        "reasons": o.reasons.iter().map(|r| reason_text(ev, o, r)).collect::<Vec<_>>(),
        "error": o.error.as_deref(),
    })
}

/// The JSON of §9.
pub fn json(ev: &Evaluator<'_>, e: &Evaluation) -> Value {
    let s = summary(ev, &e.outcomes);
    let tiers: serde_json::Map<String, Value> =
        ev.model.names.tiers.iter().zip(&s.tiers).map(|(t, n)| (t.clone(), json!(n))).collect();
    json!({
        "plan": ev.model.plan.id(),
        "year": ev.year,
        "records": e.outcomes.iter().map(|o| record_json(ev, o)).collect::<Vec<_>>(),
        "summary": {"total": s.total, "classified": s.classified, "exempt": s.exempt, "errors": s.errors, "tiers": tiers},
    })
}

/// CSV for spreadsheets: one row per record, reasons joined by `; `.
pub fn csv(ev: &Evaluator<'_>, e: &Evaluation, out: impl std::io::Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["id", "subject", "status", "score", "tier", "tier_label", "reasons", "error"])?;
    for o in &e.outcomes {
        let classified = o.status == Status::Classified;
        let tier = o.tier.filter(|_| classified).map(usize::from);
        let reasons: Vec<String> = o.reasons.iter().map(|r| reason_text(ev, o, r)).collect();
        w.write_record([
            o.id.as_ref(),
            subject_name(ev, o),
            o.status.as_str(),
            &o.score.filter(|_| classified).map(|x| x.show(2)).unwrap_or_default(),
            tier.map_or("", |t| ev.tier_name(t)),
            tier.map_or("", |t| ev.tier_label(t)),
            &reasons.join("; "),
            o.error.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()
}
