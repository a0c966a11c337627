//! The exact numbers of each criterion: its points, or its weight and the
//! weight's factor (weight / highest grade), each within the digits
//! [`super::numbers`] allows or a diagnostic at it.

use super::model::CMeasure;
use super::names::Names;
use super::numbers::{fraction_within, lit};
use crate::diag::{Diagnostic, Kind};
use crate::exact::DIGITS;
use crate::resolve::model::Subject;
use crate::syntax::ast::{ItemKind, Measure, NumLit};

/// The exact numbers of each criterion of `s`, by slot, in slot order. A
/// criterion whose numbers do not fit has a diagnostic instead (so a model,
/// which only a plan without errors has, holds every criterion).
pub fn measures(s: &Subject, names: &Names, diags: &mut Vec<Diagnostic>) -> Vec<(usize, CMeasure)> {
    let mut out = Vec::new();
    for (slot, d) in s.decls.iter().enumerate() {
        let ItemKind::Criterion(c) = &d.kind else { continue };
        let m = match &c.measure {
            Measure::Points(p) => lit(p, diags).map(CMeasure::Points),
            Measure::Weight(w) => weight(w, names, diags),
        };
        out.extend(m.map(|m| (slot, m)));
    }
    out
}

/// A weight and its factor. Without a scale, or without a grade above 0,
/// there is no factor: both are reported where they are declared.
fn weight(w: &NumLit, names: &Names, diags: &mut Vec<Diagnostic>) -> Option<CMeasure> {
    let weight = lit(w, diags)?;
    let max = names.max_grade.filter(|m| !m.is_zero() && !m.is_negative())?;
    let factor = weight.checked_div(max).filter(|f| fraction_within(*f));
    if factor.is_none() {
        let kind = Kind::NumberTooLong { text: w.loc.snippet().to_string(), over: Some(max.show(DIGITS)) };
        diags.push(Diagnostic::new(kind, &w.loc));
    }
    Some(CMeasure::Weight { weight, factor: factor? })
}
