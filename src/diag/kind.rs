//! Every diagnostic the tool can report, with its code, severity, message and
//! help, in one place. Wording: lowercase, user input in backticks, detail in help.

use super::Severity;
use crate::exact::DIGITS;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    // --- files and syntax -------------------------------------------------
    ReadFile { path: String, error: String },
    InvalidUtf8 { path: String },
    Syntax { expected: String, found: String },
    TooDeep { limit: usize },
    InvalidDate { text: String },
    InvalidDayMonth { text: String },
    LeapDay,
    InvalidMonth { text: String },
    ChainedComparison,
    InvalidNumber { text: String },
    // --- resolution ---------------------------------------------------------
    ExtendsMissing { path: String },
    ExtendsCycle { chain: String },
    ExtendsTooDeep { limit: usize },
    Redeclared { what: &'static str },
    Duplicate { what: &'static str, name: String },
    Missing { what: &'static str },
    Locked { what: &'static str, name: String },
    DropUnknown { what: &'static str, name: String, help: Option<String> },
    SubjectCycle { chain: String },
    LevelNeedsDue { name: String },
    DueLoosened { name: String, year: i32, child: String, parent: String },
    DueOrder { name: String, year: i32, day: String, prev: String, prev_day: String },
    // --- names and types ----------------------------------------------------
    Unknown { what: &'static str, name: String, suggestion: Option<String> },
    WrongKind { name: String, expected: &'static str, found: &'static str },
    NameClash { name: String, global: &'static str },
    AliasClash { spelling: String, what: &'static str, first: String },
    NeedsRefOrTierField { field: String, subject: String },
    TypeMismatch { context: String, expected: String, found: String },
    Incomparable { left: String, right: String },
    Unordered { ty: String },
    TierOutsideWhere,
    NeedsRefField { field: String, subject: String },
    // --- plan content -------------------------------------------------------
    TooFewTiers,
    DuplicateValue { value: String, first: String },
    NegativeValue { what: &'static str },
    NeedsScale { criterion: String },
    FallThrough { subject: String, example: String },
    UnreachableRule { tier: String, by: String },
    SumNot100 { subject: String, total: String },
    QuotaLastTier { tier: String },
    QuotaSameTier { tier: String },
    RepeatedItem { what: &'static str },
    HookCompile { hook: String, message: String },
    HookForbidden { hook: String, feature: String },
    HookFile { path: String, problem: String },
    HookProperty { hook: String, subject: String, read: String, suggestion: Option<String> },
    TestValue { message: String },
    DisplayEmpty,
    DisplayRedundant { column: String },
    // --- numbers (`over`: the highest grade a weight is divided by) ---------
    NumberTooLong { text: String, over: Option<String> },
    NoPositiveGrade,
    QuotaNeverBinds { percent: String },
    // --- locks of the central invariants (issue 19) -------------------------
    ReadByLocked { what: &'static str, name: String, by: &'static str },
    CapNoEffect { tier: String, parent: String, locked: bool },
    RulesReplaced { rules: usize, otherwise: bool, place: String },
    QuotaLooser { parent: String, this: String },
    GroupTotal { group: String, sum: String, total: String, locked: bool },
    ExemptUndoesCap { read: String, example: String },
}

/// The words of a related place shown under a diagnostic.
#[derive(Clone, Copy, Debug)]
pub enum Note<'a> {
    LockedBy(&'static str),
    ReadBy(&'static str),
    ParentCap,
    ParentRules,
    ParentQuota,
    GroupTotal(&'a str),
    ParentSubject(&'a str),
    ParentUse(&'a str),
}

impl Note<'_> {
    pub fn text(self) -> String {
        match self {
            Note::LockedBy(what) => format!("locked here by `lock {what}`"),
            Note::ReadBy(what) => format!("the parent plan's {what} that reads it"),
            Note::ParentCap => "the parent plan's cap".into(),
            Note::ParentRules => "the parent plan's rule list".into(),
            Note::ParentQuota => "the parent plan's quota".into(),
            Note::GroupTotal(g) => format!("the total of group `{g}` is set here"),
            Note::ParentSubject(s) => format!("subject `{s}` is declared here"),
            Note::ParentUse(n) => format!("the parent plan reads `{n}` here, as it declared it"),
        }
    }
}

impl Kind {
    pub fn severity(&self) -> Severity {
        match self {
            Kind::UnreachableRule { .. }
            | Kind::SumNot100 { .. }
            | Kind::QuotaNeverBinds { .. }
            | Kind::DisplayRedundant { .. }
            | Kind::CapNoEffect { locked: false, .. }
            | Kind::RulesReplaced { .. }
            | Kind::QuotaLooser { .. }
            | Kind::GroupTotal { locked: false, .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A stable code, used in JSON output and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Kind::ReadFile { .. } => "read-file",
            Kind::InvalidUtf8 { .. } => "invalid-utf8",
            Kind::Syntax { .. } => "syntax",
            Kind::TooDeep { .. } => "too-deep",
            Kind::InvalidDate { .. } => "invalid-date",
            Kind::InvalidDayMonth { .. } => "invalid-day-month",
            Kind::LeapDay => "leap-day",
            Kind::InvalidMonth { .. } => "invalid-month",
            Kind::ChainedComparison => "chained-comparison",
            Kind::InvalidNumber { .. } => "invalid-number",
            Kind::ExtendsMissing { .. } => "extends-missing",
            Kind::ExtendsCycle { .. } => "extends-cycle",
            Kind::ExtendsTooDeep { .. } => "extends-too-deep",
            Kind::Redeclared { .. } => "redeclared",
            Kind::Duplicate { .. } => "duplicate",
            Kind::Missing { .. } => "missing",
            Kind::Locked { .. } => "locked",
            Kind::DropUnknown { .. } => "drop-unknown",
            Kind::SubjectCycle { .. } => "subject-cycle",
            Kind::LevelNeedsDue { .. } => "level-needs-due",
            Kind::DueLoosened { .. } => "due-loosened",
            Kind::DueOrder { .. } => "due-order",
            Kind::Unknown { .. } => "unknown-name",
            Kind::WrongKind { .. } => "wrong-kind",
            Kind::NameClash { .. } => "name-clash",
            Kind::AliasClash { .. } => "alias-clash",
            Kind::NeedsRefOrTierField { .. } => "needs-ref-or-tier-field",
            Kind::TypeMismatch { .. } => "type-mismatch",
            Kind::Incomparable { .. } => "incomparable",
            Kind::Unordered { .. } => "unordered",
            Kind::TierOutsideWhere => "tier-outside-where",
            Kind::NeedsRefField { .. } => "needs-ref-field",
            Kind::TooFewTiers => "too-few-tiers",
            Kind::DuplicateValue { .. } => "duplicate-value",
            Kind::NegativeValue { .. } => "negative-value",
            Kind::NeedsScale { .. } => "needs-scale",
            Kind::FallThrough { .. } => "fall-through",
            Kind::UnreachableRule { .. } => "unreachable-rule",
            Kind::SumNot100 { .. } => "sum-not-100",
            Kind::QuotaLastTier { .. } => "quota-last-tier",
            Kind::QuotaSameTier { .. } => "quota-same-tier",
            Kind::RepeatedItem { .. } => "repeated-item",
            Kind::HookCompile { .. } => "hook-compile",
            Kind::HookForbidden { .. } => "hook-forbidden",
            Kind::HookFile { .. } => "hook-file",
            Kind::HookProperty { .. } => "hook-property",
            Kind::TestValue { .. } => "test-value",
            Kind::DisplayEmpty => "display-empty",
            Kind::DisplayRedundant { .. } => "display-redundant",
            Kind::NumberTooLong { .. } => "number-too-long",
            Kind::NoPositiveGrade => "no-positive-grade",
            Kind::QuotaNeverBinds { .. } => "quota-never-binds",
            Kind::ReadByLocked { .. } => "read-by-locked",
            Kind::CapNoEffect { .. } => "cap-no-effect",
            Kind::RulesReplaced { .. } => "rules-replaced",
            Kind::QuotaLooser { .. } => "quota-looser",
            Kind::GroupTotal { .. } => "group-total",
            Kind::ExemptUndoesCap { .. } => "exempt-undoes-cap",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Kind::ReadFile { path, error } => format!("cannot read `{path}`: {error}"),
            Kind::InvalidUtf8 { path } => format!("`{path}` is not valid UTF-8"),
            Kind::Syntax { expected, found } => format!("expected {expected}, found {found}"),
            Kind::TooDeep { limit } => {
                format!("expression nests more than {limit} levels deep")
            }
            Kind::InvalidDate { text } => format!("`{text}` is not a calendar date"),
            Kind::InvalidDayMonth { text } => format!("`{text}` is not a day and month"),
            Kind::LeapDay => "`29/02` does not exist every year".into(),
            Kind::InvalidMonth { text } => format!("`{text}` is not a month"),
            Kind::ChainedComparison => "comparisons cannot be chained".into(),
            Kind::InvalidNumber { text } => format!("`{text}` is not a usable number"),
            Kind::ExtendsMissing { path } => format!("parent plan `{path}` does not exist"),
            Kind::ExtendsCycle { chain } => format!("plans extend each other in a cycle: {chain}"),
            Kind::ExtendsTooDeep { limit } => {
                format!("the `extends` chain is more than {limit} plans long")
            }
            Kind::Redeclared { what } => {
                format!("a child plan cannot redeclare `{what}`")
            }
            Kind::Duplicate { what, name } => format!("{what} `{name}` is declared twice"),
            Kind::Missing { what } => format!("the plan has no {what}"),
            Kind::Locked { what, name } => {
                format!("{what} `{name}` is locked by the parent plan")
            }
            Kind::DropUnknown { what, name, .. } => {
                format!("cannot drop {what} `{name}`: there is no such inherited {what}")
            }
            Kind::SubjectCycle { chain } => {
                format!("subjects depend on each other in a cycle: {chain}")
            }
            Kind::LevelNeedsDue { name } => format!("level `{name}` has no `due`"),
            Kind::DueLoosened { name, year, child, parent } => format!(
                "level `{name}` loosens the parent's deadline: last day {child} is after {parent} (year {year})"
            ),
            Kind::DueOrder { name, year, day, prev, prev_day } => format!(
                "level `{name}` ends on {day}, before the lower level `{prev}` ({prev_day}) in year {year}"
            ),
            Kind::Unknown { what, name, .. } => format!("unknown {what} `{name}`"),
            Kind::WrongKind { name, expected, found } => {
                format!("`{name}` is {found}, not {expected}")
            }
            Kind::NameClash { name, global } => {
                format!("`{name}` is already the name of {global}")
            }
            Kind::AliasClash { spelling, what, first } => {
                format!("\"{spelling}\" already stands for the {what} `{first}`")
            }
            Kind::NeedsRefOrTierField { field, subject } => {
                format!("`{field}` is neither a `ref` nor a `tier` field of `{subject}`")
            }
            Kind::TypeMismatch { context, expected, found } => {
                format!("{context} needs {expected}, found {found}")
            }
            Kind::Incomparable { left, right } => format!("cannot compare {left} with {right}"),
            Kind::Unordered { ty } => format!("{ty} has no order for `<`, `<=`, `>` or `>=`"),
            Kind::TierOutsideWhere => "`tier` is only known inside the `where` of `count` or `share`".into(),
            Kind::NeedsRefField { field, subject } => {
                format!("`{field}` is not a `ref` field of `{subject}`")
            }
            Kind::TooFewTiers => "a plan needs at least two tiers".into(),
            Kind::DuplicateValue { value, first } => {
                format!("grade value {value} is already used by `{first}`")
            }
            Kind::NegativeValue { what } => format!("{what} cannot be negative"),
            Kind::NeedsScale { criterion } => {
                format!("criterion `{criterion}` has a weight but the plan has no `scale`")
            }
            Kind::FallThrough { subject, .. } => {
                format!("rules of `{subject}` can leave a record without a tier")
            }
            Kind::UnreachableRule { tier, by } => {
                format!("rule `{tier}` can never apply: {by} already covers every record it matches")
            }
            Kind::SumNot100 { subject, total } => {
                format!("weights and points of `{subject}` add up to {total}, not 100")
            }
            Kind::QuotaLastTier { tier } => {
                format!("quota on `{tier}`, the last tier, has nowhere to move records")
            }
            Kind::QuotaSameTier { tier } => {
                format!("quota on `{tier}` is measured against `{tier}` itself")
            }
            Kind::RepeatedItem { what } => format!("{what} appears more than once"),
            Kind::HookCompile { hook, message } => {
                format!("hook `{hook}` does not compile: {message}")
            }
            Kind::HookForbidden { hook, feature } => {
                format!("hook `{hook}` uses `{feature}`, which hooks may not use")
            }
            Kind::HookFile { path, problem } => format!("hook file `{path}` {problem}"),
            Kind::HookProperty { hook, subject, read, .. } => {
                format!("hook `{hook}` reads `{read}`, which subject `{subject}` does not have")
            }
            Kind::TestValue { message } => message.clone(),
            Kind::DisplayEmpty => "a `display` column needs a title".into(),
            Kind::DisplayRedundant { column } => {
                format!("`{column}` is in every output already: `display` need not name it")
            }
            Kind::NumberTooLong { text, over: None } => {
                format!("`{text}` has more than {DIGITS} digits, too many to compute with exactly")
            }
            Kind::NumberTooLong { text, over: Some(max) } => format!(
                "weight `{text}` divided by the highest grade value `{max}` is a fraction of more than {DIGITS} digits"
            ),
            Kind::NoPositiveGrade => {
                "no grade of the scale has a value above 0, so no weight can count".into()
            }
            Kind::QuotaNeverBinds { percent } => {
                format!(
                    "`{percent}` is more than all the records the tier is counted among: the quota never moves one"
                )
            }
            Kind::ReadByLocked { what, name, by } => {
                format!("{what} `{name}` is read by a locked {by} of the parent plan")
            }
            Kind::CapNoEffect { tier, parent, locked: true } => format!(
                "this cap at `{tier}` cannot weaken the parent plan's locked cap at `{parent}` on the same condition"
            ),
            Kind::CapNoEffect { tier, parent, locked: false } => format!(
                "this cap at `{tier}` has no effect: the parent plan's cap on the same condition lowers to `{parent}`"
            ),
            Kind::RulesReplaced { rules, otherwise, place } => {
                let list = match (rules, otherwise) {
                    (0, _) => "the `otherwise`".to_string(),
                    (1, false) => "the rule".to_string(),
                    (1, true) => "the rule and `otherwise`".to_string(),
                    (n, false) => format!("the {n} rules"),
                    (n, true) => format!("the {n} rules and `otherwise`"),
                };
                format!("replaces {list} of {place}")
            }
            Kind::QuotaLooser { parent, this } => {
                format!("the parent plan's {parent} binds; this {this} has no effect")
            }
            Kind::GroupTotal { group, sum, total, .. } => {
                format!("criteria of group `{group}` add up to {sum}, not its total {total}")
            }
            Kind::ExemptUndoesCap { read, .. } => format!(
                "this exemption reads `{read}`, which a locked cap of the parent plan reads: it can exempt records the cap lowers"
            ),
        }
    }

    pub fn help(&self) -> Option<String> {
        let text = match self {
            Kind::Syntax { .. } => return None,
            Kind::TooDeep { .. } => "split the condition into simpler parts",
            Kind::InvalidDate { .. } => "write dates as `2020-11-06` or `6/11/2020`",
            Kind::InvalidDayMonth { .. } => "write a day and month as `15/12` (day first)",
            Kind::LeapDay => "use `by 28/02` or `in month 2` instead",
            Kind::ChainedComparison => "write `0 < x and x < 6`",
            Kind::ExtendsMissing { .. } => "the path is relative to the file that says `extends`",
            Kind::Redeclared { .. } => "the scale and tiers are fixed by the parent plan",
            Kind::Locked { .. } => "remove this line; only the plan that locked it may change it",
            Kind::DropUnknown { help, .. } => return help.clone(),
            Kind::LevelNeedsDue { .. } => "add a deadline such as `due before 15/12`",
            Kind::DueLoosened { .. } => "a child plan may only keep or bring forward a deadline",
            Kind::DueOrder { .. } => "levels are declared lowest first; a higher level cannot finish earlier",
            Kind::Unknown { suggestion: Some(s), .. } => return Some(format!("did you mean `{s}`?")),
            Kind::Incomparable { .. } => {
                "compare grades with grades, tiers with tiers, a choice with its names, dates with dates"
            }
            Kind::Unordered { .. } => "use `==` or `!=`",
            Kind::TierOutsideWhere => "compare the counted record's tier: `count(S by F where tier >= ht)`",
            Kind::NeedsRefField { .. } => "declare it as `field NAME ref SUBJECT` in the counted subject",
            Kind::FallThrough { example, .. } => {
                return Some(format!("no rule classifies {example}; add `otherwise TIER`"));
            }
            Kind::UnreachableRule { .. } => "reorder the rules or remove this one",
            Kind::SumNot100 { .. } => "scores are then not on a 100-point scale",
            Kind::QuotaLastTier { .. } | Kind::QuotaSameTier { .. } => {
                "write e.g. `quota htxs at most 20% of htt per co_so_dang`"
            }
            Kind::HookForbidden { .. } => "hooks are sandboxed: no `import`, `eval` or I/O",
            Kind::HookFile { .. } => {
                return Some(format!(
                    "a hook file is a regular file of at most {} MiB in the plan's folder or below it, named relative to the plan",
                    crate::files::MAX_SCRIPT_BYTES >> 20
                ));
            }
            Kind::HookProperty { suggestion: Some(s), .. } => return Some(format!("did you mean `{s}`?")),
            Kind::HookProperty { .. } => {
                "`m` has `id`, `subject`, `score` and the subject's criteria, flags and fields"
            }
            Kind::NeedsScale { .. } => "declare `scale NAME { grade \"label\" value … }`",
            Kind::NumberTooLong { over: None, .. } => {
                return Some(format!(
                    "scores and limits are computed exactly, never rounded: a number in a plan has at most {DIGITS} digits, before and after the decimal point together"
                ));
            }
            Kind::NumberTooLong { over: Some(_), .. } => {
                return Some(format!(
                    "a weight counts as weight × grade / highest grade, computed exactly as a fraction whose top and bottom have at most {DIGITS} digits each; write the weight with fewer decimals"
                ));
            }
            Kind::DisplayEmpty => {
                "write the column's title as the data files' header has it: `\"Họ và tên\"`"
            }
            Kind::DisplayRedundant { .. } => "remove it from the `display` line",
            Kind::AliasClash { .. } => {
                "data and test blocks could not tell the two apart (names, labels and aliases compare case-insensitively after NFC); give each its own spelling"
            }
            Kind::NeedsRefOrTierField { .. } => {
                "`cap at tier of F` caps at the tier of the record a `ref` field names, or at the tier a `tier` field holds"
            }
            Kind::NoPositiveGrade => {
                "a weight counts as weight × grade / highest grade; give the best grade a value above 0"
            }
            Kind::QuotaNeverBinds { .. } => {
                "a tier never holds more than 100% of a count it is part of (`all`, or a tier `or better` that includes it)"
            }
            Kind::ReadByLocked { .. } => {
                "a child plan may not drop, or change the kind or type of, what the parent's locked caps and exemptions read"
            }
            Kind::CapNoEffect { .. } => "caps only lower a tier, so the stricter one binds; remove this line",
            Kind::RulesReplaced { .. } => {
                "a child's `rule`/`otherwise` lines replace the parent's whole list: restate the parent's rules you keep"
            }
            Kind::QuotaLooser { .. } => {
                "both quotas apply, so the stricter binds: a child plan may only set a stricter quota"
            }
            Kind::GroupTotal { locked: true, .. } => {
                "the group's total is locked: a child plan may move points only between the criteria inside it"
            }
            Kind::GroupTotal { locked: false, .. } => "give its criteria weights that add up to the total",
            Kind::ExemptUndoesCap { example, .. } => {
                return Some(format!(
                    "e.g. {example}: the parent's locked caps apply to every record it classifies, and a child plan may not exempt those records"
                ));
            }
            _ => return None,
        };
        Some(text.to_string())
    }
}
