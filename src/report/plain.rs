//! Reasons for people in their language, with the plan's labels and no
//! rule lines (the table's); programs get [`Texts::new`]'s.

use super::{Fixed, Texts, hook_name, words};
use crate::check::model::CCap;
use crate::eval::Evaluator;
use crate::eval::outcome::Reason;
use crate::lang::Lang;
use crate::t;

impl Texts {
    /// The reasons in `lang` with the plan's labels, as the table shows them.
    pub fn plain(ev: &Evaluator<'_>, lang: Lang) -> Texts {
        let tier = |t: usize| ev.tier_label(t).to_string();
        let subjects = ev
            .model
            .subjects
            .iter()
            .map(|c| Fixed {
                rules: c.rules.iter().map(|r| t!(lang, "reason-rule", tier = tier(r.tier))).collect(),
                caps: c.caps.iter().map(|k| plain_cap(ev, k, lang)).collect(),
                exempts: c
                    .exempts
                    .iter()
                    .map(|e| {
                        let reason = match &e.because {
                            Some(b) => t!(lang, "reason-exempt-because", because = b.as_str()),
                            None => t!(lang, "reason-exempt"),
                        };
                        if e.review { t!(lang, "reason-exempt-review", reason = reason) } else { reason }
                    })
                    .collect(),
                otherwise: t!(lang, "reason-otherwise", tier = c.otherwise.map(tier).unwrap_or_default()),
            })
            .collect();
        Texts { subjects, lang: Some(lang) }
    }
}

fn plain_cap(ev: &Evaluator<'_>, k: &CCap, lang: Lang) -> String {
    match k {
        CCap::When { tier, because: Some(b), .. } => {
            t!(lang, "reason-cap-because", tier = ev.tier_label(*tier), because = b.as_str())
        }
        CCap::When { tier, .. } => t!(lang, "reason-cap", tier = ev.tier_label(*tier)),
        CCap::At { field, tier_field: true, .. } => t!(lang, "reason-cap-at-field", field = field.as_str()),
        CCap::At { field, .. } => t!(lang, "reason-cap-at", field = field.as_str()),
    }
}

/// A reason that varies per record, for people in `lang`.
pub(super) fn reason(ev: &Evaluator<'_>, r: &Reason, lang: Lang) -> String {
    let tier = |t: u8| ev.tier_label(usize::from(t)).to_string();
    match r {
        Reason::Exempt(_) | Reason::Rule(_) | Reason::Otherwise | Reason::Cap(_) => String::new(),
        Reason::CapAt(at) => t!(lang, "reason-cap-at-record", tier = tier(at.tier), id = at.id.to_string()),
        Reason::Note(n) => {
            t!(lang, "reason-hook-note", hook = hook_name(ev, n.hook), text = n.text.to_string())
        }
        Reason::HookScore(c) => t!(
            lang,
            "reason-hook-score",
            hook = hook_name(ev, c.hook),
            before = words::exact(lang, c.before, 2),
            after = words::exact(lang, c.after, 2)
        ),
        Reason::HookTier { hook, before, after } => t!(
            lang,
            "reason-hook-tier",
            hook = hook_name(ev, *hook),
            before = tier(*before),
            after = tier(*after)
        ),
        Reason::Quota(q) => {
            t!(lang, "reason-quota", rank = q.rank, of = q.of, group = q.group.to_string(), limit = q.limit)
        }
    }
}
