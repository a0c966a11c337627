//! The direction of a change, as a value: programs read its English words
//! (the JSON's `note`, unchanged by the reader's language), people read it
//! in their language from the catalogs.

use crate::days::show;
use crate::lang::Lang;
use crate::t;
use chrono::NaiveDate;

/// Which way a number went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attr {
    Weight,
    Points,
    Value,
}

/// What a quota change does to the number allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuotaMove {
    /// The quota on the same tier and population replaced: looser or not.
    Replaced { looser: bool, old: String, new: String },
    /// A stricter quota added beside an old one.
    TighterBeside { old: String, new: String },
    /// A quota added beside an old one whose strictness cannot be compared.
    Beside { old: String, new: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A weight, points or a grade's value went up (`true`) or down.
    Direction { attr: Attr, up: bool },
    /// A level's last day for the year, old and new.
    Deadline { old: NaiveDate, new: NaiveDate, year: i32 },
    /// The score threshold of the rule for `tier`.
    Threshold { tier: String, raised: bool, old: String, new: String },
    /// A quota on `tier`.
    Quota { tier: String, change: QuotaMove },
    /// The order of the levels changed.
    LevelOrder,
    /// The order of the hooks of a stage changed.
    HookOrder { stage: &'static str },
    /// A hook's declaration line changed.
    HookLine { old: String, new: String },
}

impl Note {
    /// The words of the JSON's `note` (PLAN-LANGUAGE.md §9), in English for programs.
    pub fn english(&self) -> String {
        match self {
            Note::Direction { attr, up } => {
                let dir = match (attr, up) {
                    (Attr::Value, true) => "raised",
                    (Attr::Value, false) => "lowered",
                    (_, true) => "up",
                    (_, false) => "down",
                };
                format!("{} {dir}", attr_key(*attr))
            }
            Note::Deadline { old, new, year } => {
                let dir = match new.cmp(old) {
                    std::cmp::Ordering::Less => "earlier",
                    std::cmp::Ordering::Greater => "later",
                    std::cmp::Ordering::Equal => "the same last day",
                };
                format!("deadline {dir}: last day {} instead of {}, for {year}", show(*new), show(*old))
            }
            Note::Threshold { tier, raised, old, new } => {
                let dir = if *raised { "raised" } else { "lowered" };
                format!("rule `{tier}`: score threshold {dir} {old} → {new}")
            }
            Note::Quota { tier, change } => match change {
                QuotaMove::Replaced { looser, old, new } => {
                    format!(
                        "quota `{tier}` {}: `{old}` → `{new}`",
                        if *looser { "looser" } else { "tighter" }
                    )
                }
                QuotaMove::TighterBeside { old, new } => {
                    format!("quota `{tier}` tighter: `{new}` added beside `{old}`")
                }
                QuotaMove::Beside { old, new } => {
                    format!("quota `{tier}`: `{new}` added beside `{old}`; the stricter one binds")
                }
            },
            Note::LevelOrder => "order changed: levels are declared from the lowest to the highest".into(),
            Note::HookOrder { stage } => format!("order changed: `{stage}` hooks run in declaration order"),
            Note::HookLine { old, new } => format!("declaration `{old}` → `{new}`"),
        }
    }

    /// The same in `lang`, for people; `tier` gives a tier's label from its name.
    pub fn words(&self, lang: Lang, tier: &dyn Fn(&str) -> String) -> String {
        match self {
            Note::Direction { up: true, .. } => t!(lang, "diff-note-up"),
            Note::Direction { up: false, .. } => t!(lang, "diff-note-down"),
            Note::Deadline { old, new, year } => {
                let (o, n, year) = (show(*old), show(*new), *year);
                match new.cmp(old) {
                    std::cmp::Ordering::Less => {
                        t!(lang, "diff-note-deadline-earlier", new = n, old = o, year = year)
                    }
                    std::cmp::Ordering::Greater => {
                        t!(lang, "diff-note-deadline-later", new = n, old = o, year = year)
                    }
                    std::cmp::Ordering::Equal => t!(lang, "diff-note-deadline-same", new = n, year = year),
                }
            }
            Note::Threshold { tier: name, raised: true, old, new } => {
                t!(
                    lang,
                    "diff-note-threshold-raised",
                    tier = tier(name),
                    old = old.as_str(),
                    new = new.as_str()
                )
            }
            Note::Threshold { tier: name, raised: false, old, new } => {
                t!(
                    lang,
                    "diff-note-threshold-lowered",
                    tier = tier(name),
                    old = old.as_str(),
                    new = new.as_str()
                )
            }
            Note::Quota { tier: name, change } => quota_words(lang, &tier(name), change),
            Note::LevelOrder => t!(lang, "diff-note-level-order"),
            Note::HookOrder { stage } => t!(lang, "diff-note-hook-order", stage = *stage),
            Note::HookLine { old, new } => {
                t!(lang, "diff-note-hook-line", old = old.as_str(), new = new.as_str())
            }
        }
    }
}

fn quota_words(lang: Lang, tier: &str, change: &QuotaMove) -> String {
    match change {
        QuotaMove::Replaced { looser: true, old, new } => {
            t!(lang, "diff-note-quota-looser", tier = tier, old = old.as_str(), new = new.as_str())
        }
        QuotaMove::Replaced { looser: false, old, new } => {
            t!(lang, "diff-note-quota-tighter", tier = tier, old = old.as_str(), new = new.as_str())
        }
        QuotaMove::TighterBeside { old, new } => {
            t!(lang, "diff-note-quota-tighter-beside", tier = tier, old = old.as_str(), new = new.as_str())
        }
        QuotaMove::Beside { old, new } => {
            t!(lang, "diff-note-quota-beside", tier = tier, old = old.as_str(), new = new.as_str())
        }
    }
}

fn attr_key(a: Attr) -> &'static str {
    match a {
        Attr::Weight => "weight",
        Attr::Points => "points",
        Attr::Value => "value",
    }
}

/// The notes of a change as the JSON's one string, `; ` between them.
pub fn english(notes: &[Note]) -> Option<String> {
    (!notes.is_empty()).then(|| notes.iter().map(Note::english).collect::<Vec<_>>().join("; "))
}
