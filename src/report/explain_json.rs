//! `explain --format json`: the trace of one record as data — where it is,
//! its values and what each contributes, every step the run took (with
//! whether each condition held), the hooks, the reasons and the outcome.
//! The words inside are those of the text form.

use super::explain::{held_words, one_line, value_words};
use super::reason_text;
use crate::check::model::CCap;
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::Evaluation;
use crate::eval::trace::{Held, Step};
use serde_json::{Value as Json, json};

pub fn explain_json(ev: &Evaluator<'_>, e: &Evaluation, id: &str) -> Option<Json> {
    let c = e.captured.as_ref()?;
    let o = e.outcomes.get(c.index)?;
    let (fi, at) = e.positions.get(c.index)?.get();
    let place = crate::data::place(&e.files[fi], e.sheets[fi].as_ref(), at, None).to_string();
    let s = o.subject.map(usize::from);
    let values: Vec<Json> = s.map_or_else(Vec::new, |s| {
        let names = &ev.prepared[s].names;
        names
            .iter()
            .enumerate()
            .map(|(slot, name)| {
                let v = c.values.get(slot).and_then(Option::as_ref);
                let (shown, contributes) = value_words(ev, s, slot, v);
                json!({"name": name, "value": shown, "missing": v.is_none() && !ev.is_flag(s, slot), "contributes": contributes})
            })
            .collect()
    });
    let steps: Vec<Json> =
        s.map_or_else(Vec::new, |s| c.trace.steps.iter().map(|x| step(ev, s, x)).collect());
    let subject = s.map(|s| &ev.model.plan.subjects[s]);
    let tier = o.tier.filter(|_| o.status == Status::Classified).map(usize::from);
    let mut out = json!({
        "id": id,
        "place": place,
        "subject": subject.map(|x| x.name.name.as_str()),
        "subject_label": subject.and_then(|x| x.label.as_ref()).map(|l| l.value.as_str()),
        "year": ev.year,
        "values": values,
        "steps": steps,
        "reasons": o.reasons.iter().map(|r| reason_text(ev, o, r)).collect::<Vec<_>>(),
        "outcome": {
            "status": o.status.as_str(),
            "tier": tier.map(|t| ev.tier_name(t)),
            "tier_label": tier.map(|t| ev.tier_label(t)),
            "score": o.score.filter(|_| tier.is_some()).map(|x| x.round_places(2).to_f64()),
            "score_exact": o.score.filter(|_| tier.is_some()).map(|x| x.to_num().to_string()),
            "error": o.error_text(),
            "text": super::explain::outcome(ev, o),
        },
    });
    // Last year's tier (its code, null when it had none), only with `--previous`.
    if ev.previous.given() {
        let previous = ev.previous.tier(id, ev.model.names.tiers.len()).map(|t| ev.tier_name(t));
        out["previous_tier"] = json!(previous);
    }
    Some(out)
}

/// `held`: true or false, or null when the condition could not be decided
/// (`undecided` says why).
fn held(h: &Held) -> (Json, Json) {
    match h {
        Ok(b) => (json!(b), Json::Null),
        Err(_) => (Json::Null, json!(held_words(h))),
    }
}

fn step(ev: &Evaluator<'_>, s: usize, x: &Step) -> Json {
    let c = &ev.model.subjects[s];
    match x {
        Step::Exempt { index, held: h } => {
            let ex = &c.exempts[*index];
            let (held, undecided) = held(h);
            json!({"step": "exempt", "text": one_line(ex.loc.snippet()), "at": ex.loc.file_line(),
                   "because": ex.because, "held": held, "undecided": undecided})
        }
        Step::Score(v) => {
            json!({"step": "score", "value": v.round_places(2).to_f64(), "exact": v.to_num().to_string()})
        }
        Step::Hooked(v) => {
            json!({"step": "hooked", "value": v.round_places(2).to_f64(), "exact": v.to_num().to_string()})
        }
        Step::Rule { index, held: h, failing } => {
            let r = &c.rules[*index];
            let (held, undecided) = held(h);
            json!({"step": "rule", "tier": ev.tier_name(r.tier), "text": one_line(r.loc.snippet()), "at": r.loc.file_line(),
                   "held": held, "undecided": undecided,
                   "failing": failing.as_ref().map(|p| super::texpr::show(ev, s, p))})
        }
        Step::Otherwise => json!({"step": "otherwise", "tier": c.otherwise.map(|t| ev.tier_name(t))}),
        Step::Cap { index, held: h, lowered } => {
            let cap = &c.caps[*index];
            let loc = match cap {
                CCap::When { loc, .. } | CCap::At { loc, .. } => loc,
            };
            let (held, undecided) = held(h);
            json!({"step": "cap", "text": one_line(loc.snippet()), "at": loc.file_line(),
                   "held": held, "undecided": undecided, "lowered": lowered})
        }
        Step::Aggregate { text, matching, counted, value } => json!({"step": "aggregate", "text": text,
            "matching": matching, "counted": counted, "value": value.round_places(2).to_f64()}),
        Step::Failed(message) => json!({"step": "failed", "message": message}),
    }
}
