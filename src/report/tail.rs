//! The text of an output row after the id, for outcomes whose reasons read
//! the same for every record (rules, caps, exemptions) and that have no
//! error: a run has few distinct ones, so the CSV and JSON writers make each
//! once and copy it after the id of every row that has it.

use crate::eval::outcome::{Outcome, Reason, Status};
use crate::exact::Exact;

/// What the tail of a row depends on, for outcomes with one or two
/// reasons that read the same for every record (rules, caps, exemptions).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tail {
    subject: u16,
    status: Status,
    tier: Option<u8>,
    reasons: [Option<(u8, u16)>; 2],
    score: Option<Exact>,
}

impl Tail {
    pub fn of(o: &Outcome) -> Option<Tail> {
        let reasons = match o.reasons.as_slice() {
            [a] => [Some(fixed(a)?), None],
            [a, b] => [Some(fixed(a)?), Some(fixed(b)?)],
            _ => return None,
        };
        let subject = o.subject.filter(|_| o.error.is_none())?;
        Some(Tail { subject, status: o.status, tier: o.tier, reasons, score: o.score })
    }
}

/// A reason that reads the same for every record of its subject, as a code.
fn fixed(r: &Reason) -> Option<(u8, u16)> {
    match r {
        Reason::Rule(i) => Some((0, *i)),
        Reason::Cap(i) => Some((1, *i)),
        Reason::Exempt(i) => Some((2, *i)),
        Reason::Otherwise => Some((3, 0)),
        _ => None,
    }
}

/// At most this many tails are kept.
pub const TAILS_KEPT: usize = 1 << 16;
