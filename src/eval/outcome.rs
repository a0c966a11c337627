//! What evaluation says about one record: status, score, tier and the
//! reasons, kept compact (reasons are codes, rendered on output).

use crate::diag::RecordError;
use crate::exact::Exact;
use crate::vocab::value::Value;
use compact_str::CompactString;
use smallvec::SmallVec;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Classified,
    Exempt,
    Error,
    /// Read, waiting for the records of other subjects it reads (only
    /// during a run: every record leaves it before the run ends).
    Pending,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Classified => "classified",
            Status::Exempt => "exempt",
            Status::Error | Status::Pending => "error",
        }
    }
}

/// One step that shaped an outcome. Sixteen bytes: the rare steps with
/// more to say keep it in a box, so most outcomes hold their reasons inline.
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
    CapAt(Box<CapAt>),
    /// A hook's note, `print` or `debug`.
    Note(Box<Note>),
    /// A score hook's change.
    HookScore(Box<HookScore>),
    /// A tier hook's cap.
    HookTier {
        hook: u16,
        before: u8,
        after: u8,
    },
    /// Moved by a quota.
    Quota(Box<QuotaMove>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapAt {
    pub cap: u16,
    pub id: Box<str>,
    pub tier: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub hook: u16,
    pub text: Box<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HookScore {
    pub hook: u16,
    pub before: Exact,
    pub after: Exact,
}

/// Rank `rank` of `of` candidates in `group`, limit `limit`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotaMove {
    pub quota: u16,
    pub rank: u32,
    pub of: u32,
    /// The group's name, shared by every record of the group that moved.
    pub group: std::sync::Arc<str>,
    pub limit: u32,
}

/// Reasons, two of them inline (a rule and a cap, the usual most).
pub type Reasons = SmallVec<[Reason; 2]>;

/// Kept values, two inline (the usual quota group and a ref).
pub type Kept = SmallVec<[(u16, Value); 2]>;

/// The outcome of one input record.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Inline up to 24 bytes: no allocation for usual ids.
    pub id: CompactString,
    /// Subject index, or `None` when the record names no known subject.
    pub subject: Option<u16>,
    pub status: Status,
    pub score: Option<Exact>,
    /// Tier index (0 = best).
    pub tier: Option<u8>,
    pub reasons: Reasons,
    pub error: Option<Box<RecordError>>,
    /// The values later steps need (quota groups, refs, aggregate filters).
    pub kept: Kept,
}

impl Outcome {
    /// An outcome to fill in: no id, no subject, classified with nothing yet.
    pub fn blank() -> Outcome {
        Outcome {
            id: CompactString::const_new(""),
            subject: None,
            status: Status::Classified,
            score: None,
            tier: None,
            reasons: Reasons::new(),
            error: None,
            kept: Kept::new(),
        }
    }

    pub fn error(id: &str, subject: Option<u16>, error: RecordError) -> Outcome {
        Outcome {
            id: id.into(),
            subject,
            status: Status::Error,
            score: None,
            tier: None,
            reasons: Reasons::new(),
            error: Some(Box::new(error)),
            kept: Kept::new(),
        }
    }

    /// The error in words, with its place.
    pub fn error_text(&self) -> Option<String> {
        self.error.as_deref().map(RecordError::text)
    }

    /// Turns the outcome into an error, keeping the reasons so far.
    pub fn fail(&mut self, error: RecordError) {
        if self.status != Status::Error {
            self.status = Status::Error;
            self.score = None;
            self.tier = None;
            self.error = Some(Box::new(error));
        }
    }

    /// Keeps the values of `slots` that the record has.
    pub fn keep(slots: &[usize], values: &[Option<Value>]) -> Kept {
        slots.iter().filter_map(|&k| Some((k as u16, values.get(k)?.clone()?))).collect()
    }

    pub fn kept(&self, slot: usize) -> Option<&Value> {
        self.kept.iter().find(|(s, _)| usize::from(*s) == slot).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    /// A million outcomes are written, moved and read by every step after
    /// reading: each byte of one is paid a million times (issue 22).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn an_outcome_stays_small() {
        assert_eq!(size_of::<super::Outcome>(), 168);
    }
}
