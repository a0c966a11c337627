//! A checked subject: its typed exemptions, rules, caps and quotas, and the
//! exact numbers of its criteria (the [`super::Model`] holds one per subject).

use crate::exact::Exact;
use crate::source::Loc;
use crate::syntax::ast::Round;
use crate::vocab::expr::TExpr;

#[derive(Clone, Debug)]
pub struct CSubject {
    /// The subject at the top of this one's `extends` chain.
    pub root: usize,
    pub exempts: Vec<Exempt>,
    pub rules: Vec<CRule>,
    /// The tier index of `otherwise`.
    pub otherwise: Option<usize>,
    pub caps: Vec<CCap>,
    pub quotas: Vec<CQuota>,
    /// (slot, numbers) of every criterion, in slot order.
    pub measures: Vec<(usize, CMeasure)>,
}

/// A criterion's numbers, exact (`check` rejects a plan where one is not).
#[derive(Clone, Copy, Debug)]
pub enum CMeasure {
    /// The weight, and the weight / the highest grade value.
    Weight { weight: Exact, factor: Exact },
    /// The most points.
    Points(Exact),
}

#[derive(Clone, Debug)]
pub struct Exempt {
    pub cond: TExpr,
    pub because: Option<String>,
    /// `review`: the record must still write a review.
    pub review: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct CRule {
    /// Tier index, 0 = best.
    pub tier: usize,
    pub cond: TExpr,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum CCap {
    When {
        tier: usize,
        cond: TExpr,
        because: Option<String>,
        loc: Loc,
    },
    /// `cap at tier of F`: `tier_field` when F is a `tier` field (its own
    /// value caps), else F is a `ref` field (the named record's final tier).
    At {
        field: String,
        tier_field: bool,
        loc: Loc,
    },
}

#[derive(Clone, Debug)]
pub enum CBound {
    Count(Exact),
    /// `P% of all` (`of` is `None`) or of a tier index, `or better` or not.
    Share {
        percent: Exact,
        of: Option<(usize, bool)>,
    },
}

#[derive(Clone, Debug)]
pub struct CQuota {
    pub tier: usize,
    pub bound: CBound,
    /// The field whose value groups records; `None` is `per plan`.
    pub per: Option<String>,
    pub round: Round,
    pub loc: Loc,
}
