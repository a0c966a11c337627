//! Why a test block failed, kept typed so that `kehoach test` says it in
//! the reader's language, tiers and subjects by their labels.

use crate::diag::RecordError;
use crate::lang::Lang;
use crate::t;
use std::fmt;

/// A tier or subject: its label when the plan gives one, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub name: String,
    pub label: Option<String>,
}

impl Named {
    fn words(&self, lang: Lang) -> String {
        match &self.label {
            Some(l) => t!(lang, "data-labelled", label = l.as_str(), name = self.name.as_str()),
            None => format!("`{}`", self.name),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The block's data could not be read.
    Unread(crate::data::DataError),
    /// An expectation on line `line` that does not hold.
    At { line: usize, miss: Miss },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Miss {
    NoRecord(String),
    Outcome { id: String, want: Shown, got: Shown },
    Count { want: String, subject: Named, tier: Named, got: usize },
}

/// An outcome, expected or found.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Tier(Named),
    /// A tier with its score (what a record got).
    Scored(Named, String),
    Score(String),
    Exempt,
    /// An error (the one found, when found).
    Error(Option<Box<RecordError>>),
}

impl Shown {
    fn words(&self, lang: Lang) -> String {
        match self {
            Shown::Tier(tier) => t!(lang, "test-tier", tier = tier.words(lang)),
            Shown::Scored(tier, score) => {
                t!(lang, "test-tier-score", tier = tier.words(lang), score = lang.number(score))
            }
            Shown::Score(score) => t!(lang, "test-score", score = lang.number(score)),
            Shown::Exempt => t!(lang, "test-exempt"),
            Shown::Error(None) => t!(lang, "test-error"),
            Shown::Error(Some(e)) => t!(lang, "test-error-was", error = e.words(lang)),
        }
    }
}

impl Failure {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Failure::Unread(e) => e.words(lang),
            Failure::At { line, miss } => {
                t!(lang, "test-line", line = line.to_string(), what = miss.words(lang))
            }
        }
    }
}

impl Miss {
    fn words(&self, lang: Lang) -> String {
        match self {
            Miss::NoRecord(id) => t!(lang, "test-no-record", id = id.as_str()),
            Miss::Outcome { id, want, got } => {
                t!(lang, "test-expected", id = id.as_str(), want = want.words(lang), got = got.words(lang))
            }
            Miss::Count { want, subject, tier, got } => t!(
                lang,
                "test-count",
                want = want.as_str(),
                subject = subject.words(lang),
                tier = tier.words(lang),
                got = got.to_string()
            ),
        }
    }
}

/// In English (the scenario tests print it).
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}
