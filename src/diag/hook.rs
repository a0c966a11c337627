//! Why a hook gave no value for a record, kept typed so that each language
//! says it (the hook runner finds it; `hooks::words` names the rhai error).

use crate::lang::Lang;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub enum HookFail {
    /// The call failed at `at` (`FILE:LINE:COL` of the script).
    Failed { hook: String, at: String, why: HookWhy },
    /// Not run: the run's hooks used up their time (`limit` as `60 s`).
    NotRun { hook: String, limit: String },
    /// A value that is neither what the stage wants nor `()`.
    Wrong { hook: String, want: Want, got: HookValue },
    /// A score that is not a usable number (infinite, too large).
    NotUsableScore { hook: String },
    /// A text that names no tier.
    NotTier { hook: String, tier: String },
}

/// What a stage wants a hook to give.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Want {
    Score,
    Tier,
}

/// What went wrong inside a call, in a plan author's terms.
#[derive(Clone, Debug, PartialEq)]
pub enum HookWhy {
    /// More operations than the limit.
    Operations(u64),
    /// Calls nested deeper than the limit.
    Stack(usize),
    /// A string, array or map past its size (rhai's words for which), and
    /// the limits of strings, arrays and maps.
    TooLarge {
        what: String,
        limits: [usize; 3],
    },
    Property(String),
    Threw(String),
    /// A function hooks do not have, with its signature.
    NoFunction(String),
    Mismatch {
        got: HookType,
        want: HookType,
    },
    Indexing(HookType),
    /// The call's time limit, in milliseconds.
    Time(u64),
    /// The call's notes limit: how many notes, how many bytes.
    Notes(usize, usize),
    /// Any other error (rhai's words).
    Other(String),
}

/// A value as a plan author would name it.
#[derive(Clone, Debug, PartialEq)]
pub enum HookValue {
    Record,
    Text(String),
    Bool(bool),
    Number(String),
    Of(HookType),
}

/// A type as a plan author would name it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HookType {
    Number,
    Text,
    TrueFalse,
    Character,
    Array,
    Map,
    Function,
    Record,
    Unit,
    Range,
    Value,
}

impl HookType {
    /// The catalogs' selector of the type.
    pub fn code(self) -> &'static str {
        match self {
            HookType::Number => "number",
            HookType::Text => "text",
            HookType::TrueFalse => "bool",
            HookType::Character => "character",
            HookType::Array => "array",
            HookType::Map => "map",
            HookType::Function => "function",
            HookType::Record => "record",
            HookType::Unit => "unit",
            HookType::Range => "range",
            HookType::Value => "value",
        }
    }

    /// The type with its article (`a number`, `the record `m``).
    pub fn words(self, lang: Lang) -> String {
        t!(lang, "hook-type", ty = self.code())
    }
}

impl HookValue {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            HookValue::Record => HookType::Record.words(lang),
            HookValue::Text(s) => t!(lang, "hook-value-text", text = s.as_str()),
            HookValue::Bool(b) => format!("`{b}`"),
            HookValue::Number(n) => t!(lang, "hook-value-number", number = n.as_str()),
            HookValue::Of(ty) => ty.words(lang),
        }
    }
}

impl HookWhy {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            HookWhy::Operations(limit) => t!(lang, "hook-operations", limit = limit.to_string()),
            HookWhy::Stack(limit) => t!(lang, "hook-stack", limit = limit.to_string()),
            HookWhy::TooLarge { what, limits: [strings, arrays, maps] } => {
                let which =
                    ["string", "array", "map"].into_iter().find(|w| what.contains(w)).unwrap_or("other");
                t!(
                    lang,
                    "hook-too-large",
                    what = what.as_str(),
                    which = which,
                    strings = strings.to_string(),
                    arrays = arrays.to_string(),
                    maps = maps.to_string()
                )
            }
            HookWhy::Property(p) => t!(lang, "hook-property", name = p.as_str()),
            HookWhy::Threw(v) => t!(lang, "hook-threw", value = v.as_str()),
            HookWhy::NoFunction(f) => t!(lang, "hook-no-function", function = f.as_str()),
            HookWhy::Mismatch { got, want } => {
                t!(lang, "hook-mismatch", got = got.words(lang), want = want.words(lang))
            }
            HookWhy::Indexing(ty) => t!(lang, "hook-indexing", ty = ty.words(lang)),
            HookWhy::Time(limit) => t!(lang, "hook-time", limit = limit.to_string()),
            HookWhy::Notes(notes, bytes) => {
                t!(lang, "hook-notes", notes = notes.to_string(), bytes = bytes.to_string())
            }
            HookWhy::Other(words) => t!(lang, "hook-other", words = words.as_str()),
        }
    }
}

impl HookFail {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            HookFail::Failed { hook, at, why } => {
                t!(lang, "hook-failed", hook = hook.as_str(), at = at.as_str(), why = why.words(lang))
            }
            HookFail::NotRun { hook, limit } => {
                t!(lang, "hook-not-run", hook = hook.as_str(), limit = limit.as_str())
            }
            HookFail::Wrong { hook, want, got } => {
                let want = match want {
                    Want::Score => "score",
                    Want::Tier => "tier",
                };
                t!(lang, "hook-wrong", hook = hook.as_str(), want = want, got = got.words(lang))
            }
            HookFail::NotUsableScore { hook } => t!(lang, "hook-not-usable-score", hook = hook.as_str()),
            HookFail::NotTier { hook, tier } => {
                t!(lang, "hook-not-tier", hook = hook.as_str(), tier = tier.as_str())
            }
        }
    }
}
