//! The help line of each diagnostic kind in a language, from the catalogs:
//! id `diag-CODE-help` (and a variant id where one kind says two things).

use super::Kind;
use super::phrase::phrase;
use crate::exact::DIGITS;
use crate::lang::Lang;
use crate::t;

/// The help of `kind` in `lang`, when it has one.
pub fn help(kind: &Kind, lang: Lang) -> Option<String> {
    suggestion(kind, lang).or_else(|| plain(kind, lang)).or_else(|| more(kind, lang))
}

fn did_you_mean(lang: Lang, name: &str) -> String {
    t!(lang, "diag-did-you-mean", name = name)
}

/// Helps that name something found in the plan.
fn suggestion(kind: &Kind, lang: Lang) -> Option<String> {
    Some(match kind {
        Kind::Syntax { keyword: Some(k), .. } => did_you_mean(lang, k),
        Kind::Unknown { suggestion: Some(s), .. }
        | Kind::HookProperty { suggestion: Some(s), .. }
        | Kind::TestValue { suggestion: Some(s), .. } => did_you_mean(lang, s),
        Kind::UnknownFunction { name, suggestion, functions } => {
            let functions = functions.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
            let near = suggestion.as_deref().filter(|s| s != name);
            match near {
                Some(s) => t!(lang, "diag-unknown-function-near", name = s, functions = functions),
                None => t!(lang, "diag-unknown-function-help", functions = functions),
            }
        }
        Kind::NameNotAscii { .. } => t!(lang, "diag-name-not-ascii-help"),
        Kind::Unclosed { .. } => t!(lang, "diag-unclosed-help"),
        Kind::DropUnknown { suggestion: Some(s), .. } => did_you_mean(lang, s),
        Kind::DropUnknown { name, is: Some(is), .. } => {
            t!(lang, "diag-drop-unknown-help", name = name.as_str(), is = phrase(lang, is), word = *is)
        }
        Kind::FallThrough { example, .. } => {
            t!(lang, "diag-fall-through-help", example = example.words(lang))
        }
        Kind::HookFile { .. } => {
            t!(lang, "diag-hook-file-help", mib = (crate::files::MAX_SCRIPT_BYTES >> 20).to_string())
        }
        Kind::NumberTooLong { over: None, .. } => {
            t!(lang, "diag-number-too-long-help", digits = DIGITS.to_string())
        }
        Kind::NumberTooLong { over: Some(_), .. } => {
            t!(lang, "diag-number-too-long-weight-help", digits = DIGITS.to_string())
        }
        Kind::ExemptUndoesCap { example, .. } => {
            t!(lang, "diag-exempt-undoes-cap-help", example = example.words(lang))
        }
        _ => return None,
    })
}

fn plain(kind: &Kind, lang: Lang) -> Option<String> {
    Some(match kind {
        Kind::WrongOperator { .. } => t!(lang, "diag-wrong-operator-help"),
        Kind::TooDeep { .. } => t!(lang, "diag-too-deep-help"),
        Kind::InvalidDate { .. } => t!(lang, "diag-invalid-date-help"),
        Kind::InvalidDayMonth { .. } => t!(lang, "diag-invalid-day-month-help"),
        Kind::LeapDay => t!(lang, "diag-leap-day-help"),
        Kind::ChainedComparison => t!(lang, "diag-chained-comparison-help"),
        Kind::ExtendsMissing { .. } => t!(lang, "diag-extends-missing-help"),
        Kind::Redeclared { .. } => t!(lang, "diag-redeclared-help"),
        Kind::Locked { .. } => t!(lang, "diag-locked-help"),
        Kind::LevelNeedsDue { .. } => t!(lang, "diag-level-needs-due-help"),
        Kind::DueLoosened { .. } => t!(lang, "diag-due-loosened-help"),
        Kind::DueOrder { .. } => t!(lang, "diag-due-order-help"),
        Kind::Incomparable { .. } => t!(lang, "diag-incomparable-help"),
        Kind::Unordered { .. } => t!(lang, "diag-unordered-help"),
        Kind::TierOutsideWhere => t!(lang, "diag-tier-outside-where-help"),
        Kind::NeedsRefField { .. } => t!(lang, "diag-needs-ref-field-help"),
        Kind::UnreachableRule { .. } => t!(lang, "diag-unreachable-rule-help"),
        Kind::SumNot100 { .. } => t!(lang, "diag-sum-not-100-help"),
        Kind::QuotaLastTier { .. } | Kind::QuotaSameTier { .. } => t!(lang, "diag-quota-tier-help"),
        Kind::HookForbidden { .. } => t!(lang, "diag-hook-forbidden-help"),
        Kind::HookProperty { .. } => t!(lang, "diag-hook-property-help"),
        Kind::NeedsScale { .. } => t!(lang, "diag-needs-scale-help"),
        _ => return None,
    })
}

fn more(kind: &Kind, lang: Lang) -> Option<String> {
    Some(match kind {
        Kind::DisplayEmpty => t!(lang, "diag-display-empty-help"),
        Kind::DisplayRedundant { .. } => t!(lang, "diag-display-redundant-help"),
        Kind::AliasClash { .. } => t!(lang, "diag-alias-clash-help"),
        Kind::NeedsRefOrTierField { .. } => t!(lang, "diag-needs-ref-or-tier-field-help"),
        Kind::NoPositiveGrade => t!(lang, "diag-no-positive-grade-help"),
        Kind::QuotaNeverBinds { .. } => t!(lang, "diag-quota-never-binds-help"),
        Kind::ReadByLocked { .. } => t!(lang, "diag-read-by-locked-help"),
        Kind::CapNoEffect { .. } => t!(lang, "diag-cap-no-effect-help"),
        Kind::RulesReplaced { .. } => t!(lang, "diag-rules-replaced-help"),
        Kind::QuotaLooser { .. } => t!(lang, "diag-quota-looser-help"),
        Kind::GroupTotal { locked: true, .. } => t!(lang, "diag-group-total-locked-help"),
        Kind::GroupTotal { locked: false, .. } => t!(lang, "diag-group-total-help"),
        _ => return None,
    })
}
