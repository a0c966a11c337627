//! Values and types of expressions.

use crate::exact::Exact;
use crate::syntax::ast::DayMonth;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// The type of an expression (§4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Num,
    Grade,
    Tier,
    /// The names of one choice field (identified by the field's name).
    Choice(String),
    Date,
    DayMonth,
    Str,
}

impl Ty {
    /// The type in words, for diagnostics.
    pub fn describe(&self) -> String {
        match self {
            Ty::Bool => "a yes/no condition".into(),
            Ty::Num => "a number".into(),
            Ty::Grade => "a grade".into(),
            Ty::Tier => "a tier".into(),
            Ty::Choice(f) => format!("a choice of `{f}`"),
            Ty::Date => "a date".into(),
            Ty::DayMonth => "a day and month".into(),
            Ty::Str => "a text".into(),
        }
    }

    /// Whether values of the two types can be compared with `op`-style ordering.
    pub fn comparable(&self, other: &Ty) -> bool {
        match (self, other) {
            (Ty::Date, Ty::DayMonth) | (Ty::DayMonth, Ty::Date) => true,
            (a, b) => a == b,
        }
    }

    /// Whether `< <= > >=` make sense (not for yes/no or text).
    pub fn ordered(&self) -> bool {
        !matches!(self, Ty::Bool | Ty::Str)
    }
}

/// A value during evaluation. Tiers and choices are ranks where greater is
/// better (tiers) or later (choices); grades carry their scale value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Num(Exact),
    Grade(Exact),
    Tier(usize),
    Choice(usize),
    Date(NaiveDate),
    DayMonth(DayMonth),
    /// Inline up to 23 bytes (the usual organization code or id), else
    /// shared: a unit name remembered by the memo is cloned, not copied.
    Str(smol_str::SmolStr),
}

impl Value {
    /// Orders two values of comparable types; day-months resolve against `year`.
    pub fn compare(&self, other: &Value, year: i32) -> Option<Ordering> {
        match (self, other) {
            (Value::Num(a), Value::Num(b)) | (Value::Grade(a), Value::Grade(b)) => Some(a.cmp(b)),
            (Value::Tier(a), Value::Tier(b)) | (Value::Choice(a), Value::Choice(b)) => Some(a.cmp(b)),
            (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            (Value::Date(a), Value::DayMonth(dm)) => Some(a.cmp(&resolve_dm(*dm, year))),
            (Value::DayMonth(dm), Value::Date(b)) => Some(resolve_dm(*dm, year).cmp(b)),
            (Value::DayMonth(a), Value::DayMonth(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// The one place the two numberings of tiers meet. A tier *index* counts
/// from the best (0 = best: rules, outcomes and reasons keep it); a tier
/// *rank* counts from the worst (greater = better: [`Value::Tier`] compares
/// it, so that `tier >= htt` reads as it says). Either way round, among
/// `tiers` tiers.
pub fn tier_rank(index: usize, tiers: usize) -> usize {
    tiers.saturating_sub(1).saturating_sub(index)
}

/// A day-month in `year` (29/02 never reaches here: it is a check error).
pub fn resolve_dm(dm: DayMonth, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, dm.month, dm.day)
        .or_else(|| NaiveDate::from_ymd_opt(year, dm.month, 28))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::tier_rank;

    #[test]
    fn tier_index_and_rank_are_one_map_both_ways() {
        // Four tiers: index 0 (best) is rank 3 (greatest), and back.
        assert_eq!((0..4).map(|i| tier_rank(i, 4)).collect::<Vec<_>>(), [3, 2, 1, 0]);
        for i in 0..4 {
            assert_eq!(tier_rank(tier_rank(i, 4), 4), i);
        }
        assert_eq!(tier_rank(0, 0), 0);
    }
}
