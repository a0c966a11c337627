//! The message of each diagnostic kind in a language, from the catalogs:
//! id `diag-CODE` (and a variant id where one kind says two things).

use super::Kind;
use super::phrase::{join_or, phrase};
use crate::exact::DIGITS;
use crate::lang::Lang;
use crate::t;

/// The message of `kind` in `lang`.
pub fn message(kind: &Kind, lang: Lang) -> String {
    files_and_syntax(kind, lang)
        .or_else(|| resolution(kind, lang))
        .or_else(|| names_and_types(kind, lang))
        .or_else(|| content(kind, lang))
        .or_else(|| locks(kind, lang))
        .unwrap_or_default()
}

fn files_and_syntax(kind: &Kind, lang: Lang) -> Option<String> {
    let ph = |en: &str| phrase(lang, en);
    Some(match kind {
        Kind::ReadFile { path, error, why } => {
            t!(lang, "diag-read-file", path = path.as_str(), error = error.as_str(), why = why.key())
        }
        Kind::InvalidUtf8 { path } => t!(lang, "diag-invalid-utf8", path = path.as_str()),
        Kind::Syntax { expected, found, .. } => {
            t!(lang, "diag-syntax", expected = join_or(lang, expected), found = ph(found))
        }
        Kind::Unclosed { block, line, close } => t!(
            lang,
            "diag-unclosed",
            block = block.as_str(),
            line = line.to_string(),
            close = close.to_string()
        ),
        Kind::WrongOperator { written, write } => {
            t!(lang, "diag-wrong-operator", written = written.as_str(), write = *write)
        }
        Kind::UnknownFunction { name, .. } => t!(lang, "diag-unknown-function", name = name.as_str()),
        Kind::NameNotAscii { ascii, .. } => t!(lang, "diag-name-not-ascii", ascii = ascii.as_str()),
        Kind::TooDeep { limit } => t!(lang, "diag-too-deep", limit = limit.to_string()),
        Kind::InvalidDate { text } => t!(lang, "diag-invalid-date", text = text.as_str()),
        Kind::InvalidDayMonth { text } => t!(lang, "diag-invalid-day-month", text = text.as_str()),
        Kind::LeapDay => t!(lang, "diag-leap-day"),
        Kind::InvalidMonth { text } => t!(lang, "diag-invalid-month", text = text.as_str()),
        Kind::ChainedComparison => t!(lang, "diag-chained-comparison"),
        Kind::InvalidNumber { text } => t!(lang, "diag-invalid-number", text = text.as_str()),
        _ => return None,
    })
}

fn resolution(kind: &Kind, lang: Lang) -> Option<String> {
    let ph = |en: &str| phrase(lang, en);
    Some(match kind {
        Kind::ExtendsMissing { path } => t!(lang, "diag-extends-missing", path = path.as_str()),
        Kind::ExtendsCycle { chain } => t!(lang, "diag-extends-cycle", chain = chain.as_str()),
        Kind::ExtendsTooDeep { limit } => t!(lang, "diag-extends-too-deep", limit = limit.to_string()),
        Kind::Redeclared { what } => t!(lang, "diag-redeclared", what = *what),
        Kind::Duplicate { what, name } => t!(lang, "diag-duplicate", what = ph(what), name = name.as_str()),
        Kind::Missing { what } => t!(lang, "diag-missing", what = ph(what)),
        Kind::Locked { what, name } => t!(lang, "diag-locked", what = ph(what), name = name.as_str()),
        Kind::DropUnknown { what, name, .. } => {
            t!(lang, "diag-drop-unknown", what = ph(what), name = name.as_str())
        }
        Kind::SubjectCycle { chain } => t!(lang, "diag-subject-cycle", chain = chain.as_str()),
        Kind::LevelNeedsDue { name } => t!(lang, "diag-level-needs-due", name = name.as_str()),
        Kind::DueLoosened { name, year, child, parent } => t!(
            lang,
            "diag-due-loosened",
            name = name.as_str(),
            year = year.to_string(),
            child = child.as_str(),
            parent = parent.as_str()
        ),
        Kind::DueOrder { name, year, day, prev, prev_day } => t!(
            lang,
            "diag-due-order",
            name = name.as_str(),
            year = year.to_string(),
            day = day.as_str(),
            prev = prev.as_str(),
            prev_day = prev_day.as_str()
        ),
        _ => return None,
    })
}

fn names_and_types(kind: &Kind, lang: Lang) -> Option<String> {
    let ph = |en: &str| phrase(lang, en);
    Some(match kind {
        Kind::Unknown { what, name, .. } => t!(lang, "diag-unknown", what = ph(what), name = name.as_str()),
        Kind::WrongKind { name, expected, found } => {
            t!(lang, "diag-wrong-kind", name = name.as_str(), expected = ph(expected), found = ph(found))
        }
        Kind::NameClash { name, global } => {
            t!(lang, "diag-name-clash", name = name.as_str(), global = ph(global))
        }
        Kind::AliasClash { spelling, what, first } => {
            t!(
                lang,
                "diag-alias-clash",
                spelling = spelling.as_str(),
                what = ph(what),
                first = first.as_str()
            )
        }
        Kind::NeedsRefOrTierField { field, subject } => {
            t!(lang, "diag-needs-ref-or-tier-field", field = field.as_str(), subject = subject.as_str())
        }
        Kind::TypeMismatch { context, expected, found } => {
            t!(lang, "diag-type-mismatch", context = ph(context), expected = ph(expected), found = ph(found))
        }
        Kind::Incomparable { left, right } => {
            t!(lang, "diag-incomparable", left = ph(left), right = ph(right))
        }
        Kind::Unordered { ty } => t!(lang, "diag-unordered", ty = ph(ty)),
        Kind::TierOutsideWhere => t!(lang, "diag-tier-outside-where"),
        Kind::NeedsRefField { field, subject } => {
            t!(lang, "diag-needs-ref-field", field = field.as_str(), subject = subject.as_str())
        }
        _ => return None,
    })
}

fn content(kind: &Kind, lang: Lang) -> Option<String> {
    let ph = |en: &str| phrase(lang, en);
    Some(match kind {
        Kind::TooFewTiers => t!(lang, "diag-too-few-tiers"),
        Kind::DuplicateValue { value, first } => {
            t!(lang, "diag-duplicate-value", value = value.as_str(), first = first.as_str())
        }
        Kind::NegativeValue { what } => t!(lang, "diag-negative-value", what = ph(what)),
        Kind::NeedsScale { criterion } => t!(lang, "diag-needs-scale", criterion = criterion.as_str()),
        Kind::FallThrough { subject, .. } => t!(lang, "diag-fall-through", subject = subject.as_str()),
        Kind::UnreachableRule { tier, by } => {
            t!(lang, "diag-unreachable-rule", tier = tier.as_str(), by = ph(by))
        }
        Kind::SumNot100 { subject, total } => {
            t!(lang, "diag-sum-not-100", subject = subject.as_str(), total = total.as_str())
        }
        Kind::QuotaLastTier { tier } => t!(lang, "diag-quota-last-tier", tier = tier.as_str()),
        Kind::QuotaSameTier { tier } => t!(lang, "diag-quota-same-tier", tier = tier.as_str()),
        Kind::RepeatedItem { what } => t!(lang, "diag-repeated-item", what = ph(what)),
        Kind::HookCompile { hook, message } => {
            t!(lang, "diag-hook-compile", hook = hook.as_str(), message = message.as_str())
        }
        Kind::HookForbidden { hook, feature } => {
            t!(lang, "diag-hook-forbidden", hook = hook.as_str(), feature = feature.as_str())
        }
        Kind::HookFile { path, problem } => {
            t!(lang, "diag-hook-file", path = path.as_str(), problem = ph(problem))
        }
        Kind::HookProperty { hook, subject, read, .. } => t!(
            lang,
            "diag-hook-property",
            hook = hook.as_str(),
            subject = subject.as_str(),
            read = read.as_str()
        ),
        Kind::TestValue { problem, .. } => t!(lang, "diag-test-value", message = problem.words(lang)),
        Kind::DisplayEmpty => t!(lang, "diag-display-empty"),
        Kind::DisplayRedundant { column } => t!(lang, "diag-display-redundant", column = column.as_str()),
        Kind::NumberTooLong { text, over: None } => {
            t!(lang, "diag-number-too-long", text = text.as_str(), digits = DIGITS.to_string())
        }
        Kind::NumberTooLong { text, over: Some(max) } => t!(
            lang,
            "diag-number-too-long-weight",
            text = text.as_str(),
            max = max.as_str(),
            digits = DIGITS.to_string()
        ),
        Kind::NoPositiveGrade => t!(lang, "diag-no-positive-grade"),
        Kind::QuotaNeverBinds { percent } => t!(lang, "diag-quota-never-binds", percent = percent.as_str()),
        _ => return None,
    })
}

fn locks(kind: &Kind, lang: Lang) -> Option<String> {
    let ph = |en: &str| phrase(lang, en);
    Some(match kind {
        Kind::ReadByLocked { what, name, by } => {
            t!(lang, "diag-read-by-locked", what = ph(what), name = name.as_str(), by = ph(by))
        }
        Kind::CapNoEffect { tier, parent, locked: true } => {
            t!(lang, "diag-cap-no-effect-locked", tier = tier.as_str(), parent = parent.as_str())
        }
        Kind::CapNoEffect { tier, parent, locked: false } => {
            t!(lang, "diag-cap-no-effect", tier = tier.as_str(), parent = parent.as_str())
        }
        Kind::RulesReplaced { rules, otherwise, place } => {
            let list = match (rules, otherwise) {
                (0, _) => t!(lang, "replaced-otherwise"),
                (1, false) => t!(lang, "replaced-rule"),
                (1, true) => t!(lang, "replaced-rule-otherwise"),
                (n, false) => t!(lang, "replaced-rules", n = n.to_string()),
                (n, true) => t!(lang, "replaced-rules-otherwise", n = n.to_string()),
            };
            t!(lang, "diag-rules-replaced", list = list, place = place.as_str())
        }
        Kind::QuotaLooser { parent, this } => {
            t!(lang, "diag-quota-looser", parent = parent.as_str(), this = this.as_str())
        }
        Kind::GroupTotal { group, sum, total, .. } => {
            t!(lang, "diag-group-total", group = group.as_str(), sum = sum.as_str(), total = total.as_str())
        }
        Kind::ExemptUndoesCap { read, .. } => t!(lang, "diag-exempt-undoes-cap", read = read.as_str()),
        _ => return None,
    })
}
