//! What evaluation says about one record: status, score, tier and the
//! reasons, kept compact (reasons are codes, rendered on output).

use crate::eval::value::Value;
use crate::exact::Exact;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Classified,
    Exempt,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Classified => "classified",
            Status::Exempt => "exempt",
            Status::Error => "error",
        }
    }
}

/// One step that shaped an outcome.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The `exempt` line (index into the subject's exemptions) that held.
    Exempt(u16),
    /// The rule (index) that gave the tier.
    Rule(u16),
    Otherwise,
    /// The cap (index into the subject's caps) that lowered the tier.
    Cap(u16),
    /// `cap at tier of F`: the referenced record and its tier index.
    CapAt {
        cap: u16,
        id: Box<str>,
        tier: u8,
    },
    /// A hook's note, `print` or `debug`.
    Note {
        hook: u16,
        text: Box<str>,
    },
    /// A score hook's change.
    HookScore {
        hook: u16,
        before: Exact,
        after: Exact,
    },
    /// A tier hook's cap.
    HookTier {
        hook: u16,
        before: u8,
        after: u8,
    },
    /// Moved by a quota: rank `rank` of `of` candidates in `group`, limit `limit`.
    Quota {
        quota: u16,
        rank: u32,
        of: u32,
        group: Box<str>,
        limit: u32,
    },
}

/// The outcome of one input record.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: Box<str>,
    /// Subject index, or `None` when the record names no known subject.
    pub subject: Option<u16>,
    pub status: Status,
    pub score: Option<Exact>,
    /// Tier index (0 = best).
    pub tier: Option<u8>,
    pub reasons: Vec<Reason>,
    pub error: Option<Box<str>>,
    /// The values later steps need (quota groups, refs, aggregate filters).
    pub kept: Vec<(u16, Value)>,
}

impl Outcome {
    pub fn error(id: &str, subject: Option<u16>, message: String) -> Outcome {
        Outcome {
            id: id.into(),
            subject,
            status: Status::Error,
            score: None,
            tier: None,
            reasons: Vec::new(),
            error: Some(message.into()),
            kept: Vec::new(),
        }
    }

    /// Turns the outcome into an error, keeping the reasons so far.
    pub fn fail(&mut self, message: String) {
        if self.status != Status::Error {
            self.status = Status::Error;
            self.score = None;
            self.tier = None;
            self.error = Some(message.into());
        }
    }

    /// Keeps the values of `slots` that the record has, in a vector of
    /// exactly that size (millions of outcomes hold one).
    pub fn keep(slots: &[usize], values: &[Option<Value>]) -> Vec<(u16, Value)> {
        let present = |k: &usize| values.get(*k).is_some_and(Option::is_some);
        let mut kept = Vec::with_capacity(slots.iter().filter(|k| present(k)).count());
        kept.extend(slots.iter().filter_map(|&k| Some((k as u16, values.get(k)?.clone()?))));
        kept
    }

    pub fn kept(&self, slot: usize) -> Option<&Value> {
        self.kept.iter().find(|(s, _)| usize::from(*s) == slot).map(|(_, v)| v)
    }
}
