//! Why a record has no tier: the kinds of run-time errors and their words,
//! in one place (as compile-time findings are in `kind.rs`). Evaluation
//! builds a [`RecordError`] from a kind; tests match kinds, not text.

use std::fmt;

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
        first: String,
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
    /// A hook failed (the hook runner's words).
    Hook(String),
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

/// A record's error: its kind, where (file and line, and the column), and
/// the words, made once.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordError {
    pub kind: ErrorKind,
    pub at: Option<Box<str>>,
    pub column: Option<Box<str>>,
    text: Box<str>,
}

impl RecordError {
    pub fn new(kind: ErrorKind) -> RecordError {
        RecordError::placed(kind, None, None)
    }

    /// An error at `at` (file and line), in `column` when there is one.
    pub fn placed(kind: ErrorKind, at: Option<&str>, column: Option<&str>) -> RecordError {
        let words = message(&kind);
        let text = match (at, column) {
            (Some(at), Some(c)) => format!("{at}, column `{c}`: {words}"),
            (Some(at), None) => format!("{at}: {words}"),
            (None, Some(c)) => format!("column `{c}`: {words}"),
            (None, None) => words,
        };
        RecordError { kind, at: at.map(Into::into), column: column.map(Into::into), text: text.into() }
    }

    /// The same error placed at `at`, unless it already has a place.
    pub fn at(self, at: &str) -> RecordError {
        match self.at {
            Some(_) => self,
            None => RecordError::placed(self.kind, Some(at), self.column.as_deref()),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The words of a kind, without its place.
pub fn message(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Row(problem) => problem.to_string(),
        ErrorKind::Cell(problem) => problem.to_string(),
        ErrorKind::Hook(problem) => problem.clone(),
        ErrorKind::CapAtTarget { id, why } => match why {
            Target::NoSuchId => format!("no record has the id `{id}`"),
            Target::InError => format!("record `{id}`, whose tier caps this one, is in error"),
            Target::NotYet => format!("record `{id}`, whose tier caps this one, is not classified yet"),
            Target::Unavailable => format!("record `{id}` is not available here"),
        },
        ErrorKind::NoId => "column `id` is missing or empty".into(),
        ErrorKind::UnknownSubject { name, suggestion: Some(s) } => {
            format!("column `subject`: `{name}` is not a subject; did you mean `{s}`?")
        }
        ErrorKind::UnknownSubject { name, suggestion: None } => {
            format!("column `subject`: `{name}` is not a subject")
        }
        ErrorKind::SubjectCell(problem) => format!("column `subject`: {problem}"),
        ErrorKind::NoSubject => {
            "the record names no subject: add a `subject` column or pass `--subject`".into()
        }
        ErrorKind::RepeatedId { id, first } => format!("id `{id}` repeats (first at {first})"),
        ErrorKind::BadRef { target, root } => format!("`{target}` is not the id of a `{root}` record"),
        ErrorKind::NoGrade { criterion } => format!("criterion `{criterion}` has no grade"),
        ErrorKind::NoPoints { criterion } => format!("criterion `{criterion}` has no points"),
        ErrorKind::ScoreTooLarge => "the score is too large to compute exactly".into(),
        ErrorKind::NoTier => "no rule gives a tier and there is no `otherwise`".into(),
        ErrorKind::Undecided { clause, why } => undecided(why, &clause_words(clause)),
        ErrorKind::CapAtMissing { field } => {
            format!("`cap at tier of {field}` needs `{field}`, which is missing")
        }
        ErrorKind::QuotaGroupMissing { field } => format!("the quota groups by `{field}`, which is missing"),
        ErrorKind::NeverClassified => {
            "the record was never classified (a fault of kehoach: please report it)".into()
        }
    }
}

fn clause_words(c: &Clause) -> String {
    match c {
        Clause::Exemption => "an exemption".into(),
        Clause::Rule { tier, line } => format!("rule `{tier}` (line {line})"),
        Clause::Cap { tier, line } => format!("cap `{tier}` (line {line})"),
    }
}

/// Words for an evaluation error of `what` (a rule, a cap…).
pub fn undecided(e: &EvalError, what: &str) -> String {
    match e {
        EvalError::Missing(name) => format!("{what} needs `{name}`, which is missing"),
        EvalError::DivisionByZero => format!("{what} divides by zero"),
        EvalError::Overflow => format!("{what} computes a number too large to handle exactly"),
        e => format!("{what}: {}", eval_words(e)),
    }
}

/// The words of an error that does not name the clause it stopped.
pub fn eval_words(e: &EvalError) -> String {
    match e {
        EvalError::Missing(name) => format!("`{name}` is missing"),
        EvalError::DivisionByZero => "it divides by zero".into(),
        EvalError::Overflow => "it computes a number too large to handle exactly".into(),
        EvalError::NotDate(func) => format!("{func} needs a date"),
        EvalError::NotCondition => "not a condition".into(),
        EvalError::NotNumber => "not a number".into(),
        EvalError::NotGraded(name) => format!("`{name}` is not graded"),
        EvalError::Unavailable(agg) => format!("`{agg}` is not available here"),
        EvalError::Spoiled { aggregate, record, why } => match why {
            Spoil::InError => format!("`{aggregate}` counts record `{record}`, which is in error"),
            Spoil::NotYet => format!("`{aggregate}` counts record `{record}`, which is not classified yet"),
            Spoil::Filter(e) => match &**e {
                EvalError::Missing(name) => {
                    format!(
                        "`{aggregate}` cannot tell whether record `{record}` counts: its `{name}` is missing"
                    )
                }
                e => {
                    let e = undecided(e, "its `where`");
                    format!("`{aggregate}` cannot tell whether record `{record}` counts: {e}")
                }
            },
        },
    }
}
