//! Every diagnostic the tool can report, with its code and severity, in one
//! place; its words (message and help) are in the catalogs, by code
//! (`diag-CODE`, `diag-CODE-help`), made in `words.rs`.

use super::Severity;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    // --- files and syntax -------------------------------------------------
    ReadFile {
        path: String,
        error: String,
        why: super::fail::IoWhy,
    },
    InvalidUtf8 {
        path: String,
    },
    /// `expected`: phrases (`a name`) or words in backticks, joined with
    /// "or"; `found` likewise; `keyword`: the keyword a misspelt word is near.
    Syntax {
        expected: Vec<String>,
        found: String,
        keyword: Option<String>,
    },
    /// A `{` or `(` never closed: the block (`subject s {`, or `(`), the
    /// line it opens on and the closer missing.
    Unclosed {
        block: String,
        line: usize,
        close: char,
    },
    /// An operator of other languages (`=`, `&&`, `||`, `!`) and the plan's own.
    WrongOperator {
        written: String,
        write: &'static str,
    },
    /// `name(…)` where `name` is not a function of plans; `functions` are those that are.
    UnknownFunction {
        name: String,
        suggestion: Option<String>,
        functions: &'static [&'static str],
    },
    /// A name with diacritics or other letters outside ASCII, and its ASCII spelling.
    NameNotAscii {
        name: String,
        ascii: String,
    },
    TooDeep {
        limit: usize,
    },
    InvalidDate {
        text: String,
    },
    InvalidDayMonth {
        text: String,
    },
    LeapDay,
    InvalidMonth {
        text: String,
    },
    ChainedComparison,
    InvalidNumber {
        text: String,
    },
    // --- resolution ---------------------------------------------------------
    ExtendsMissing {
        path: String,
    },
    ExtendsCycle {
        chain: String,
    },
    ExtendsTooDeep {
        limit: usize,
    },
    Redeclared {
        what: &'static str,
    },
    Duplicate {
        what: &'static str,
        name: String,
    },
    Missing {
        what: &'static str,
    },
    Locked {
        what: &'static str,
        name: String,
    },
    /// `is`: what the name is instead (a flag dropped as a criterion).
    DropUnknown {
        what: &'static str,
        name: String,
        suggestion: Option<String>,
        is: Option<&'static str>,
    },
    SubjectCycle {
        chain: String,
    },
    LevelNeedsDue {
        name: String,
    },
    DueLoosened {
        name: String,
        year: i32,
        child: String,
        parent: String,
    },
    DueOrder {
        name: String,
        year: i32,
        day: String,
        prev: String,
        prev_day: String,
    },
    // --- names and types ----------------------------------------------------
    Unknown {
        what: &'static str,
        name: String,
        suggestion: Option<String>,
    },
    WrongKind {
        name: String,
        expected: &'static str,
        found: &'static str,
    },
    NameClash {
        name: String,
        global: &'static str,
    },
    AliasClash {
        spelling: String,
        what: &'static str,
        first: String,
    },
    NeedsRefOrTierField {
        field: String,
        subject: String,
    },
    TypeMismatch {
        context: String,
        expected: String,
        found: String,
    },
    Incomparable {
        left: String,
        right: String,
    },
    Unordered {
        ty: String,
    },
    TierOutsideWhere,
    NeedsRefField {
        field: String,
        subject: String,
    },
    // --- plan content -------------------------------------------------------
    TooFewTiers,
    DuplicateValue {
        value: String,
        first: String,
    },
    NegativeValue {
        what: &'static str,
    },
    NeedsScale {
        criterion: String,
    },
    FallThrough {
        subject: String,
        example: super::Example,
    },
    UnreachableRule {
        tier: String,
        by: String,
    },
    SumNot100 {
        subject: String,
        total: String,
    },
    QuotaLastTier {
        tier: String,
    },
    QuotaSameTier {
        tier: String,
    },
    RepeatedItem {
        what: &'static str,
    },
    HookCompile {
        hook: String,
        message: String,
    },
    HookForbidden {
        hook: String,
        feature: String,
    },
    HookFile {
        path: String,
        problem: String,
    },
    HookProperty {
        hook: String,
        subject: String,
        read: String,
        suggestion: Option<String>,
    },
    /// A test block's value that does not fit; the spelling it is near.
    TestValue {
        problem: super::TestProblem,
        suggestion: Option<String>,
    },
    DisplayEmpty,
    DisplayRedundant {
        column: String,
    },
    // --- numbers (`over`: the highest grade a weight is divided by) ---------
    NumberTooLong {
        text: String,
        over: Option<String>,
    },
    NoPositiveGrade,
    QuotaNeverBinds {
        percent: String,
    },
    // --- locks of the central invariants (issue 19) -------------------------
    ReadByLocked {
        what: &'static str,
        name: String,
        by: &'static str,
    },
    CapNoEffect {
        tier: String,
        parent: String,
        locked: bool,
    },
    RulesReplaced {
        rules: usize,
        otherwise: bool,
        place: String,
    },
    QuotaLooser {
        parent: String,
        this: String,
    },
    GroupTotal {
        group: String,
        sum: String,
        total: String,
        locked: bool,
    },
    ExemptUndoesCap {
        read: String,
        example: super::Example,
    },
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
            Kind::Unclosed { .. } => "unclosed",
            Kind::WrongOperator { .. } => "wrong-operator",
            Kind::UnknownFunction { .. } => "unknown-function",
            Kind::NameNotAscii { .. } => "name-not-ascii",
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
}
