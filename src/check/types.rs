//! Type checking of expressions (§4): every name resolves, types match, and
//! the result is a typed [`TExpr`] for evaluation.

use super::names::Names;
use crate::diag::{Diagnostic, Kind};
use crate::resolve::model::{Plan, Subject};
use crate::source::Loc;
use crate::suggest;
use crate::syntax::ast::{CmpOp, Expr, ExprKind, FieldType, Ident, ItemKind, Measure};
use crate::vocab::expr::{Aggregate, ItemKind as RefKind, ItemRef, TExpr};
use crate::vocab::value::{Ty, Value};

/// The name of last year's tier (`eval --previous`), not a reserved word.
pub const PREVIOUS_TIER: &str = "previous_tier";

pub struct Typer<'a> {
    pub names: &'a Names,
    pub plan: &'a Plan,
    pub diags: &'a mut Vec<Diagnostic>,
}

#[derive(Clone, Copy)]
struct Scope<'s> {
    subject: &'s Subject,
    in_where: bool,
}

type Typed = Option<(TExpr, Ty)>;

impl<'a> Typer<'a> {
    /// A condition of subject `s` (`when …`), which must be yes/no.
    /// A finding a child plan caused by retyping an item the condition
    /// reads is placed at the child's line ([`super::retype`]).
    pub fn condition(&mut self, e: &Expr, s: &Subject, context: &str) -> Option<TExpr> {
        let before = self.diags.len();
        let typed = self.expr(e, Scope { subject: s, in_where: false });
        let typed = typed.and_then(|(t, ty)| self.expect(&ty, &Ty::Bool, context, &e.loc).map(|()| t));
        super::retype::blame_child(self.plan, s, e, &mut self.diags[before..]);
        typed
    }

    fn expect(&mut self, got: &Ty, want: &Ty, context: &str, loc: &Loc) -> Option<()> {
        if got == want {
            return Some(());
        }
        let kind =
            Kind::TypeMismatch { context: context.into(), expected: want.describe(), found: got.describe() };
        self.diags.push(Diagnostic::new(kind, loc));
        None
    }

    fn expr(&mut self, e: &Expr, sc: Scope<'_>) -> Typed {
        match &e.kind {
            ExprKind::Or(xs) | ExprKind::And(xs) => {
                let word = if matches!(e.kind, ExprKind::Or(_)) { "`or`" } else { "`and`" };
                let mut out = Vec::new();
                for x in xs {
                    if let Some((t, ty)) = self.expr(x, sc)
                        && self.expect(&ty, &Ty::Bool, word, &x.loc).is_some()
                    {
                        out.push(t);
                    }
                }
                (out.len() == xs.len()).then_some(())?;
                let t = if matches!(e.kind, ExprKind::Or(_)) { TExpr::Or(out) } else { TExpr::And(out) };
                Some((t, Ty::Bool))
            }
            ExprKind::Not(x) => {
                let (t, ty) = self.expr(x, sc)?;
                self.expect(&ty, &Ty::Bool, "`not`", &x.loc)?;
                Some((TExpr::Not(Box::new(t)), Ty::Bool))
            }
            ExprKind::Cmp { op, lhs, rhs } => self.comparison(*op, lhs, rhs, sc),
            ExprKind::Arith { first, rest } => {
                let f = self.number(first, sc, "arithmetic");
                let mut out = Vec::new();
                for (op, x) in rest {
                    out.push((*op, self.number(x, sc, "arithmetic")?));
                }
                Some((TExpr::Arith(Box::new(f?), out), Ty::Num))
            }
            ExprKind::Neg(x) => Some((TExpr::Neg(Box::new(self.number(x, sc, "`-`")?)), Ty::Num)),
            ExprKind::Paren(x) => self.expr(x, sc),
            ExprKind::Num(n) | ExprKind::Percent(n) => {
                let x = super::numbers::literal(n, &e.loc, self.diags)?;
                Some((TExpr::Const(Value::Num(x)), Ty::Num))
            }
            ExprKind::Date(d) => Some((TExpr::Const(Value::Date(*d)), Ty::Date)),
            ExprKind::DayMonth(dm) => Some((TExpr::Const(Value::DayMonth(*dm)), Ty::DayMonth)),
            // Compared with text read as data: composed and trimmed as it is.
            ExprKind::Str(s) => {
                Some((TExpr::Const(Value::Str(crate::text::key(s).as_ref().into())), Ty::Str))
            }
            ExprKind::Bool(b) => Some((TExpr::Const(Value::Bool(*b)), Ty::Bool)),
            ExprKind::Score => Some((TExpr::Score, Ty::Num)),
            ExprKind::Tier if sc.in_where => Some((TExpr::Tier, Ty::Tier)),
            ExprKind::Tier => {
                self.diags.push(Diagnostic::new(Kind::TierOutsideWhere, &e.loc));
                None
            }
            ExprKind::Name(n) => self.name(n, &e.loc, sc),
            ExprKind::Quant { q, group, op, grade } => {
                let criteria = self.quant_criteria(sc.subject, group.as_ref())?;
                if !self.names.grades.contains_key(&grade.name) {
                    self.unknown_grade(&grade.name, &grade.loc);
                    return None;
                }
                // `None`: its value does not fit, which the scale reports.
                let grade = self.names.grade_value(&grade.name)?;
                Some((TExpr::Quant { q: *q, criteria, op: *op, grade }, Ty::Bool))
            }
            ExprKind::Agg { kind, subject, by, filter } => {
                let counted = self.counted(sc.subject, subject, by)?;
                let filter = match filter {
                    Some(f) => {
                        let (t, ty) = self.expr(f, Scope { subject: counted, in_where: true })?;
                        self.expect(&ty, &Ty::Bool, "`where`", &f.loc)?;
                        Some(t)
                    }
                    None => None,
                };
                let text = crate::syntax::print::text(e);
                let agg = Aggregate {
                    kind: *kind,
                    subject: subject.name.clone(),
                    by: by.name.clone(),
                    filter,
                    text,
                };
                Some((TExpr::Agg(Box::new(agg)), Ty::Num))
            }
            ExprKind::MonthsSince(x) => {
                let (t, ty) = self.expr(x, sc)?;
                self.expect(&ty, &Ty::Date, "`months_since`", &x.loc)?;
                Some((TExpr::MonthsSince(Box::new(t)), Ty::Num))
            }
            ExprKind::MonthsBetween(a, b) => {
                let from = self.expr(a, sc);
                let to = self.expr(b, sc);
                let ((ft, fty), (tt, tty)) = (from?, to?);
                self.expect(&fty, &Ty::Date, "`months_between`", &a.loc)?;
                self.expect(&tty, &Ty::Date, "`months_between`", &b.loc)?;
                Some((TExpr::MonthsBetween(Box::new(ft), Box::new(tt)), Ty::Num))
            }
        }
    }

    fn number(&mut self, e: &Expr, sc: Scope<'_>, context: &str) -> Option<TExpr> {
        let (t, ty) = self.expr(e, sc)?;
        self.expect(&ty, &Ty::Num, context, &e.loc)?;
        Some(t)
    }

    fn comparison(&mut self, op: CmpOp, lhs: &Expr, rhs: &Expr, sc: Scope<'_>) -> Typed {
        let l = self.expr(lhs, sc);
        let r = self.expr(rhs, sc);
        let ((lt, lty), (rt, rty)) = (l?, r?);
        if !lty.comparable(&rty) {
            let kind = Kind::Incomparable { left: lty.describe(), right: rty.describe() };
            self.diags.push(Diagnostic::new(kind, &rhs.loc));
            return None;
        }
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) && !lty.ordered() {
            self.diags.push(Diagnostic::new(Kind::Unordered { ty: lty.describe() }, &lhs.loc));
            return None;
        }
        Some((TExpr::Cmp(op, Box::new(lt), Box::new(rt)), Ty::Bool))
    }

    fn name(&mut self, n: &str, loc: &Loc, sc: Scope<'_>) -> Typed {
        if let Some(slot) =
            sc.subject.decls.iter().position(|d| crate::resolve::model::decl_name(d) == Some(n))
        {
            return Some(item_ref(n, &sc.subject.decls[slot].kind, slot));
        }
        // Not reserved: an item of that name (above) comes first.
        if n == PREVIOUS_TIER {
            return Some((TExpr::Previous, Ty::Tier));
        }
        if self.names.grades.contains_key(n) {
            // `None`: its value does not fit, which the scale reports.
            return Some((TExpr::Const(Value::Grade(self.names.grade_value(n)?)), Ty::Grade));
        }
        if let Some(rank) = self.names.tier_rank(n) {
            return Some((TExpr::Const(Value::Tier(rank)), Ty::Tier));
        }
        for f in sc.subject.fields() {
            if let FieldType::Choice(opts) = &f.ty
                && let Some(i) = opts.iter().position(|o| o.name.name == n)
            {
                return Some((TExpr::Const(Value::Choice(i)), Ty::Choice(f.name.name.clone())));
            }
        }
        if self.names.subjects.contains_key(n) || self.is_group(sc.subject, n) {
            let found = if self.is_group(sc.subject, n) { "a group" } else { "a subject" };
            self.diags
                .push(Diagnostic::new(Kind::WrongKind { name: n.into(), expected: "a value", found }, loc));
            return None;
        }
        let suggestion = suggest::closest(n, self.candidates(sc.subject).iter().map(String::as_str));
        let what = if sc.in_where { "name in `where`" } else { "name" };
        self.diags.push(Diagnostic::new(Kind::Unknown { what, name: n.into(), suggestion }, loc));
        None
    }

    fn candidates(&self, s: &Subject) -> Vec<String> {
        let mut out: Vec<String> =
            s.decls.iter().filter_map(crate::resolve::model::decl_name).map(String::from).collect();
        out.extend(self.names.grades.keys().cloned());
        out.extend(self.names.tiers.iter().cloned());
        for f in s.fields() {
            if let FieldType::Choice(opts) = &f.ty {
                out.extend(opts.iter().map(|o| o.name.name.clone()));
            }
        }
        out.sort();
        out
    }

    fn is_group(&self, s: &Subject, n: &str) -> bool {
        s.criteria().any(|c| c.group.as_ref().is_some_and(|g| g.name == n))
    }

    fn unknown_grade(&mut self, n: &str, loc: &Loc) {
        let found = self.names.kind_of(n);
        let d = match found {
            Some(found) => Kind::WrongKind { name: n.into(), expected: "a grade", found },
            None => {
                let suggestion = suggest::closest(n, self.names.grades.keys().map(String::as_str));
                Kind::Unknown { what: "grade", name: n.into(), suggestion }
            }
        };
        self.diags.push(Diagnostic::new(d, loc));
    }

    /// The grade criteria that `all/any/none [in G]` ranges over.
    fn quant_criteria(&mut self, s: &Subject, group: Option<&Ident>) -> Option<Vec<ItemRef>> {
        if let Some(g) = group
            && !self.is_group(s, &g.name)
        {
            let groups = s.criteria().filter_map(|c| c.group.as_ref().map(|g| g.name.as_str()));
            let suggestion = suggest::closest(&g.name, groups);
            self.diags.push(Diagnostic::new(
                Kind::Unknown { what: "group", name: g.name.clone(), suggestion },
                &g.loc,
            ));
            return None;
        }
        let list = s
            .criteria()
            .filter(|c| matches!(c.measure, Measure::Weight(_)))
            .filter(|c| group.is_none_or(|g| c.group.as_ref().is_some_and(|cg| cg.name == g.name)))
            .map(|c| {
                let slot = s
                    .decls
                    .iter()
                    .position(|d| crate::resolve::model::decl_name(d) == Some(c.name.name.as_str()));
                ItemRef { name: c.name.name.clone(), kind: RefKind::GradeCriterion, slot: slot.unwrap_or(0) }
            })
            .collect();
        Some(list)
    }

    /// The subject counted by `count(S by N …)`, after checking S and N.
    fn counted(&mut self, here: &Subject, subject: &Ident, by: &Ident) -> Option<&'a Subject> {
        let plan = self.plan;
        let Some(&i) = self.names.subjects.get(&subject.name) else {
            let suggestion = suggest::closest(&subject.name, self.names.subjects.keys().map(String::as_str));
            let kind = Kind::Unknown { what: "subject", name: subject.name.clone(), suggestion };
            self.diags.push(Diagnostic::new(kind, &subject.loc));
            return None;
        };
        let counted = &plan.subjects[i];
        let Some(field) = counted.fields().find(|f| f.name.name == by.name) else {
            let suggestion = suggest::closest(&by.name, counted.fields().map(|f| f.name.name.as_str()));
            let kind = Kind::Unknown { what: "field", name: by.name.clone(), suggestion };
            self.diags.push(Diagnostic::new(kind, &by.loc));
            return None;
        };
        match &field.ty {
            FieldType::Ref(t) if in_family(plan, &here.name.name, &t.name) => Some(counted),
            _ => {
                let kind = Kind::NeedsRefField { field: by.name.clone(), subject: here.name.name.clone() };
                self.diags.push(Diagnostic::new(kind, &by.loc));
                None
            }
        }
    }
}

/// Whether `member` is `root` or extends it, directly or not.
pub fn in_family(plan: &Plan, member: &str, root: &str) -> bool {
    let mut cur = member;
    for _ in 0..=plan.subjects.len() {
        if cur == root {
            return true;
        }
        match plan.subject(cur).and_then(|s| s.extends.as_ref()) {
            Some(e) => cur = &e.name,
            None => return false,
        }
    }
    false
}

/// The typed reference for a criterion, flag or field of the subject.
fn item_ref(n: &str, kind: &ItemKind, slot: usize) -> (TExpr, Ty) {
    let (k, ty) = match kind {
        ItemKind::Criterion(c) => match c.measure {
            Measure::Weight(_) => (RefKind::GradeCriterion, Ty::Grade),
            Measure::Points(_) => (RefKind::PointsCriterion, Ty::Num),
        },
        ItemKind::Flag(_) => (RefKind::Flag, Ty::Bool),
        ItemKind::Field(f) => (RefKind::Field, field_ty(&f.ty, &f.name.name)),
        _ => (RefKind::Field, Ty::Str),
    };
    (TExpr::Item(ItemRef { name: n.into(), kind: k, slot }), ty)
}

pub fn field_ty(ty: &FieldType, name: &str) -> Ty {
    match ty {
        FieldType::Number => Ty::Num,
        FieldType::Text | FieldType::Ref(_) => Ty::Str,
        FieldType::Date => Ty::Date,
        FieldType::Tier => Ty::Tier,
        FieldType::Choice(_) => Ty::Choice(name.into()),
    }
}
