//! Why a record has no tier: the kinds of run-time errors and their words
//! (from the catalogs), in one place (as compile-time findings are in
//! `kind.rs`). Evaluation builds a [`super::RecordError`] from a kind; tests
//! match kinds, not text.

use super::place::Place;
use crate::lang::Lang;
use crate::t;

/// Why an expression has no value for a record.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// A value the expression needs is missing (names the item).
    Missing(String),
    DivisionByZero,
    /// A number too large to compute exactly.
    Overflow,
    /// A function given something that is not a date (names the function).
    NotDate(&'static str),
    /// A condition that gave no truth value.
    NotCondition,
    /// Arithmetic on something that is not a number.
    NotNumber,
    /// A quantifier over an item that is not graded (names it).
    NotGraded(String),
    /// An aggregate where no other record can be read (its text).
    Unavailable(String),
    /// An aggregate that cannot be counted because of one counted record.
    Spoiled {
        aggregate: String,
        record: String,
        why: Spoil,
    },
}

/// Why the record a `cap at tier of` names gives no tier.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    NoSuchId,
    InError,
    NotYet,
    /// Where no other record can be read.
    Unavailable,
}

/// Why a counted record spoils an aggregate.
#[derive(Clone, Debug, PartialEq)]
pub enum Spoil {
    /// It is in error.
    InError,
    /// It is not classified yet.
    NotYet,
    /// Its `where` cannot be decided.
    Filter(Box<EvalError>),
}

/// The condition that could not be decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Clause {
    Exemption,
    Rule { tier: String, line: usize },
    Cap { tier: String, line: usize },
}

/// What went wrong with one record.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The row itself is broken (the data reader's findings).
    Row(super::RowProblem),
    NoId,
    /// A cell could not be read; the column is on the error.
    Cell(super::CellProblem),
    /// The `subject` cell names no subject of the plan.
    UnknownSubject {
        name: String,
        suggestion: Option<String>,
    },
    /// The `subject` cell cannot be read.
    SubjectCell(super::CellProblem),
    /// No `subject` column or value, and no `--subject`.
    NoSubject,
    RepeatedId {
        id: String,
        first: Place,
    },
    /// A ref (the column is on the error) that names no record of its family.
    BadRef {
        target: String,
        root: String,
    },
    NoGrade {
        criterion: String,
    },
    NoPoints {
        criterion: String,
    },
    ScoreTooLarge,
    NoTier,
    Undecided {
        clause: Clause,
        why: EvalError,
    },
    CapAtMissing {
        field: String,
    },
    /// `cap at tier of F` reached record `id`, which gives no tier.
    CapAtTarget {
        id: String,
        why: Target,
    },
    /// A hook failed.
    Hook(super::HookFail),
    QuotaGroupMissing {
        field: String,
    },
    NeverClassified,
}

impl ErrorKind {
    /// Whether the record stopped at its exemptions (one could not be decided).
    pub fn at_exemption(&self) -> bool {
        matches!(self, ErrorKind::Undecided { clause: Clause::Exemption, .. })
    }

    /// Whether the record's data itself is bad (found while reading, before
    /// any step of §5.1), as opposed to a step that could not be taken.
    pub fn is_data(&self) -> bool {
        !matches!(
            self,
            ErrorKind::NoGrade { .. }
                | ErrorKind::NoPoints { .. }
                | ErrorKind::ScoreTooLarge
                | ErrorKind::NoTier
                | ErrorKind::Undecided { .. }
                | ErrorKind::CapAtMissing { .. }
                | ErrorKind::CapAtTarget { .. }
                | ErrorKind::Hook(_)
                | ErrorKind::QuotaGroupMissing { .. }
                | ErrorKind::NeverClassified
        )
    }
}

/// The words of a kind in English, without its place.
pub fn message(kind: &ErrorKind) -> String {
    message_in(kind, Lang::En)
}

/// The words of a kind in `lang`, without its place.
pub fn message_in(kind: &ErrorKind, lang: Lang) -> String {
    match kind {
        ErrorKind::Row(problem) => problem.words(lang),
        ErrorKind::Cell(problem) => problem.words(lang),
        ErrorKind::Hook(problem) => problem.words(lang),
        ErrorKind::CapAtTarget { id, why } => {
            let id = id.as_str();
            match why {
                Target::NoSuchId => t!(lang, "rec-cap-target-none", id = id),
                Target::InError => t!(lang, "rec-cap-target-error", id = id),
                Target::NotYet => t!(lang, "rec-cap-target-not-yet", id = id),
                Target::Unavailable => t!(lang, "rec-cap-target-unavailable", id = id),
            }
        }
        ErrorKind::NoId => t!(lang, "rec-no-id"),
        ErrorKind::UnknownSubject { name, suggestion: Some(s) } => {
            t!(lang, "rec-unknown-subject-near", name = name.as_str(), nearest = s.as_str())
        }
        ErrorKind::UnknownSubject { name, suggestion: None } => {
            t!(lang, "rec-unknown-subject", name = name.as_str())
        }
        ErrorKind::SubjectCell(problem) => t!(lang, "rec-subject-cell", problem = problem.words(lang)),
        ErrorKind::NoSubject => t!(lang, "rec-no-subject"),
        ErrorKind::RepeatedId { id, first } => {
            t!(lang, "rec-repeated-id", id = id.as_str(), first = first.words(lang))
        }
        ErrorKind::BadRef { target, root } => {
            t!(lang, "rec-bad-ref", target = target.as_str(), root = root.as_str())
        }
        ErrorKind::NoGrade { criterion } => t!(lang, "rec-no-grade", criterion = criterion.as_str()),
        ErrorKind::NoPoints { criterion } => t!(lang, "rec-no-points", criterion = criterion.as_str()),
        ErrorKind::ScoreTooLarge => t!(lang, "rec-score-too-large"),
        ErrorKind::NoTier => t!(lang, "rec-no-tier"),
        ErrorKind::Undecided { clause, why } => undecided_in(why, &clause_words(clause, lang), lang),
        ErrorKind::CapAtMissing { field } => t!(lang, "rec-cap-at-missing", field = field.as_str()),
        ErrorKind::QuotaGroupMissing { field } => t!(lang, "rec-quota-group-missing", field = field.as_str()),
        ErrorKind::NeverClassified => t!(lang, "rec-never-classified"),
    }
}

fn clause_words(c: &Clause, lang: Lang) -> String {
    match c {
        Clause::Exemption => t!(lang, "clause-exemption"),
        Clause::Rule { tier, line } => t!(lang, "clause-rule", tier = tier.as_str(), line = line.to_string()),
        Clause::Cap { tier, line } => t!(lang, "clause-cap", tier = tier.as_str(), line = line.to_string()),
    }
}

/// Words for an evaluation error of `what` (a rule, a cap…), in English.
pub fn undecided(e: &EvalError, what: &str) -> String {
    undecided_in(e, what, Lang::En)
}

/// Words in `lang` for an evaluation error of `what` (said in `lang`).
pub fn undecided_in(e: &EvalError, what: &str, lang: Lang) -> String {
    match e {
        EvalError::Missing(name) => t!(lang, "eval-needs", what = what, name = name.as_str()),
        EvalError::DivisionByZero => t!(lang, "eval-divides", what = what),
        EvalError::Overflow => t!(lang, "eval-overflows", what = what),
        e => t!(lang, "eval-other", what = what, why = eval_words_in(e, lang)),
    }
}

/// The words of an error that does not name the clause it stopped, in English.
pub fn eval_words(e: &EvalError) -> String {
    eval_words_in(e, Lang::En)
}

/// The words of an error that does not name the clause it stopped.
pub fn eval_words_in(e: &EvalError, lang: Lang) -> String {
    match e {
        EvalError::Missing(name) => t!(lang, "eval-missing", name = name.as_str()),
        EvalError::DivisionByZero => t!(lang, "eval-division"),
        EvalError::Overflow => t!(lang, "eval-too-large"),
        EvalError::NotDate(func) => t!(lang, "eval-not-date", func = *func),
        EvalError::NotCondition => t!(lang, "eval-not-condition"),
        EvalError::NotNumber => t!(lang, "eval-not-number"),
        EvalError::NotGraded(name) => t!(lang, "eval-not-graded", name = name.as_str()),
        EvalError::Unavailable(agg) => t!(lang, "eval-unavailable", aggregate = agg.as_str()),
        EvalError::Spoiled { aggregate, record, why } => {
            let (aggregate, record) = (aggregate.as_str(), record.as_str());
            match why {
                Spoil::InError => t!(lang, "eval-spoiled-error", aggregate = aggregate, record = record),
                Spoil::NotYet => t!(lang, "eval-spoiled-not-yet", aggregate = aggregate, record = record),
                Spoil::Filter(e) => match &**e {
                    EvalError::Missing(name) => t!(
                        lang,
                        "eval-spoiled-missing",
                        aggregate = aggregate,
                        record = record,
                        name = name.as_str()
                    ),
                    e => {
                        let why = undecided_in(e, &t!(lang, "eval-its-where"), lang);
                        t!(lang, "eval-spoiled-filter", aggregate = aggregate, record = record, why = why)
                    }
                },
            }
        }
    }
}
