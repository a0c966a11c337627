//! Diagnostics: a location plus a [`Kind`]; rendered for people (miette) or as JSON.

mod data;
mod example;
mod fail;
mod help;
mod hook;
mod kind;
mod note;
mod phrase;
mod place;
mod record;
mod render;
pub mod said;
mod shared;
mod test_value;
mod words;

pub use data::{CellProblem, FileProblem, RowProblem};
pub use example::Example;
pub use fail::{DataFail, IoWhy, PreviousWhy};
pub use hook::{HookFail, HookType, HookValue, HookWhy, Want};
pub use kind::Kind;
pub use note::Note;
pub use phrase::phrase;
pub use place::{At as Spot, Place};
pub use record::{
    Clause, ErrorKind, EvalError, Spoil, Target, eval_words, eval_words_in, message, message_in, undecided,
    undecided_in,
};
pub use render::{Color, render_human, to_json};
pub use said::DataNote;
pub use shared::RecordError;
pub use test_value::{TestProblem, TestWhy};

use crate::lang::Lang;
use crate::source::Loc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The stable word of JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Extra information at another place, e.g. the parent's `locked`.
#[derive(Clone, Debug)]
pub struct Related {
    pub loc: Loc,
    pub note: Note,
}

/// One finding. Codes live in [`Kind`], the words in the catalogs.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub kind: Box<Kind>,
    pub loc: Option<Loc>,
    /// The file a diagnostic without a place is about (one that cannot be read).
    pub file: Option<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(kind: Kind, loc: &Loc) -> Diagnostic {
        Diagnostic { kind: Box::new(kind), loc: Some(loc.clone()), file: None, related: Vec::new() }
    }

    /// A diagnostic with no place in a plan file (e.g. a missing file named on the command line).
    pub fn nowhere(kind: Kind) -> Diagnostic {
        Diagnostic { kind: Box::new(kind), loc: None, file: None, related: Vec::new() }
    }

    /// A diagnostic about a whole file, at no line in it (e.g. a plan that cannot be read).
    pub fn about(kind: Kind, path: &std::path::Path) -> Diagnostic {
        Diagnostic { file: Some(path.display().to_string()), ..Diagnostic::nowhere(kind) }
    }

    pub fn with_related(mut self, loc: &Loc, note: Note) -> Diagnostic {
        self.related.push(Related { loc: loc.clone(), note });
        self
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The message in English (tests, sorting); [`Diagnostic::message_in`] for people.
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    pub fn message_in(&self, lang: Lang) -> String {
        words::message(&self.kind, lang)
    }

    /// The help in English (tests); [`Diagnostic::help_in`] for people.
    pub fn help(&self) -> Option<String> {
        self.help_in(Lang::En)
    }

    pub fn help_in(&self, lang: Lang) -> Option<String> {
        help::help(&self.kind, lang)
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Sort key: file, position, then message (diagnostics print in file order).
    pub fn sort_key(&self) -> (String, usize, String) {
        match &self.loc {
            Some(l) => (l.src.name(), l.start, self.message()),
            None => (self.file.clone().unwrap_or_default(), 0, self.message()),
        }
    }
}

/// Sorts diagnostics by file and position and removes exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by_key(Diagnostic::sort_key);
    diags.dedup_by(|a, b| a.sort_key() == b.sort_key());
}
