//! Type checks of `test` blocks: records name real items with values of the
//! right type, and expectations name real records, tiers and subjects.

use super::names::Names;
use crate::diag::{Diagnostic, Kind, TestProblem, TestWhy};
use crate::resolve::Plan;
use crate::source::Loc;
use crate::suggest;
use crate::syntax::ast::{Expectation, FieldType, ItemKind, Measure, Record, Test, TestKind, Value};

pub fn check(plan: &Plan, names: &Names, t: &Test, diags: &mut Vec<Diagnostic>) {
    let mut ids: Vec<&str> = Vec::new();
    let mut has_data = false;
    for item in &t.items {
        match &item.kind {
            TestKind::Record(r) => {
                record(plan, names, r, diags);
                ids.push(&r.id.value);
            }
            TestKind::Data(p) => {
                has_data = true;
                let dir = p.loc.src.path().parent().unwrap_or(std::path::Path::new(""));
                let full = dir.join(&p.value);
                if let Err(e) = crate::files::regular(&full) {
                    let error = match e.kind() {
                        std::io::ErrorKind::NotFound => "no such file".into(),
                        _ => e.to_string(),
                    };
                    let why = crate::diag::IoWhy::of(&e);
                    let kind = Kind::ReadFile { path: full.display().to_string(), error, why };
                    diags.push(Diagnostic::new(kind, &p.loc));
                }
            }
            TestKind::ExpectCount { count: n, .. } | TestKind::Expect { what: Expectation::Score(n), .. } => {
                super::numbers::lit(n, diags);
            }
            TestKind::Year(y) if crate::num::to_u32(&y.value).is_none_or(|y| !(1900..=2200).contains(&y)) => {
                bad(diags, &y.loc, TestProblem::NotYear(crate::num::literal(&y.value)));
            }
            _ => {}
        }
    }
    for item in &t.items {
        match &item.kind {
            TestKind::Expect { id, what } => {
                if !has_data && !ids.contains(&id.value.as_str()) {
                    let suggestion = suggest::closest(&id.value, ids.iter().copied());
                    diags.push(Diagnostic::new(
                        Kind::Unknown { what: "record", name: id.value.clone(), suggestion },
                        &id.loc,
                    ));
                }
                if let Expectation::Tier(tier) = what {
                    tier_name(names, tier, diags);
                }
            }
            TestKind::ExpectCount { subject, tier, .. } => {
                subject_name(plan, subject, diags);
                tier_name(names, tier, diags);
            }
            _ => {}
        }
    }
}

fn bad(diags: &mut Vec<Diagnostic>, loc: &Loc, problem: TestProblem) {
    diags.push(Diagnostic::new(Kind::TestValue { problem, suggestion: None }, loc));
}

/// The spelling a value that does not fit is likely a typo of: a grade's
/// name (or, for a quoted value, its label or alias, as the data wrote
/// it), a tier's name, a choice's option.
fn near_spelling(names: &Names, kind: &ItemKind, v: &Value) -> Option<String> {
    let weighted = matches!(kind, ItemKind::Criterion(c) if matches!(c.measure, Measure::Weight(_)));
    match (kind, v) {
        (_, Value::Name(n)) if weighted => {
            suggest::closest(&n.name, names.scale.iter().map(|g| g.name.as_str()))
        }
        (_, Value::Str(t)) if weighted => {
            let spellings = names.scale.iter().flat_map(|g| std::iter::once(&g.label).chain(&g.aliases));
            suggest::closest(&t.value, spellings.map(String::as_str)).map(|s| format!("\"{s}\""))
        }
        (ItemKind::Field(f), Value::Name(n)) => match &f.ty {
            FieldType::Tier => names.suggest_tier(&n.name),
            FieldType::Choice(opts) => suggest::closest(&n.name, opts.iter().map(|o| o.name.name.as_str())),
            _ => None,
        },
        _ => None,
    }
}

fn tier_name(names: &Names, t: &crate::syntax::ast::Ident, diags: &mut Vec<Diagnostic>) {
    if names.tier_index(&t.name).is_none() && names.spellings.tier(&t.name).is_none() {
        let kind =
            Kind::Unknown { what: "tier", name: t.name.clone(), suggestion: names.suggest_tier(&t.name) };
        diags.push(Diagnostic::new(kind, &t.loc));
    }
}

fn subject_name<'p>(
    plan: &'p Plan,
    s: &crate::syntax::ast::Ident,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'p crate::resolve::model::Subject> {
    let found = plan.subject(&s.name);
    if found.is_none() {
        let suggestion = suggest::closest(&s.name, plan.subjects.iter().map(|x| x.name.name.as_str()));
        diags.push(Diagnostic::new(
            Kind::Unknown { what: "subject", name: s.name.clone(), suggestion },
            &s.loc,
        ));
    }
    found
}

fn record(plan: &Plan, names: &Names, r: &Record, diags: &mut Vec<Diagnostic>) {
    let Some(s) = subject_name(plan, &r.subject, diags) else { return };
    for (name, v) in &r.values {
        let Some(decl) = s.decl(&name.name) else {
            let candidates = s.decls.iter().filter_map(crate::resolve::model::decl_name);
            let suggestion = suggest::closest(&name.name, candidates);
            let what = "criterion, flag or field";
            diags.push(Diagnostic::new(
                Kind::Unknown { what, name: name.name.clone(), suggestion },
                &name.loc,
            ));
            continue;
        };
        if let Value::Num(n) = v
            && super::numbers::lit(n, diags).is_none()
        {
            continue;
        }
        if let Err(why) = value_fits(names, &decl.kind, v) {
            let problem = TestProblem::Item { item: name.name.clone(), why };
            let suggestion = near_spelling(names, &decl.kind, v);
            diags.push(Diagnostic::new(Kind::TestValue { problem, suggestion }, value_loc(v)));
        }
    }
}

fn value_loc(v: &Value) -> &Loc {
    match v {
        Value::Num(n) => &n.loc,
        Value::Str(s) => &s.loc,
        Value::Date(d) => &d.loc,
        Value::Bool(_, l) => l,
        Value::Name(n) => &n.loc,
    }
}

/// Whether a test value suits the item; the error completes "`x` …".
fn value_fits(names: &Names, kind: &ItemKind, v: &Value) -> Result<(), TestWhy> {
    match (kind, v) {
        (ItemKind::Criterion(c), Value::Name(n)) if matches!(c.measure, Measure::Weight(_)) => {
            names.spellings.grade(&n.name).map(|_| ()).ok_or_else(|| TestWhy::NotGrade(n.name.clone()))
        }
        // A label or alias, as forms write it: `nhiem_vu = "XS"`.
        (ItemKind::Criterion(c), Value::Str(t)) if matches!(c.measure, Measure::Weight(_)) => names
            .spellings
            .grade(&t.value)
            .map(|_| ())
            .ok_or_else(|| TestWhy::NotGradeSpelling(t.value.clone())),
        (ItemKind::Criterion(c), Value::Num(n)) => match &c.measure {
            Measure::Points(p) if n.value >= crate::num::zero() && n.value <= p.value => Ok(()),
            Measure::Points(p) => Err(TestWhy::OutOfRange(crate::num::literal(&p.value))),
            Measure::Weight(_) => Err(TestWhy::GradeNotNumber),
        },
        (ItemKind::Flag(_), Value::Bool(..)) => Ok(()),
        (ItemKind::Field(f), v) => field_fits(names, &f.ty, v),
        (ItemKind::Criterion(_), _) => Err(TestWhy::GradeOrPoints),
        (ItemKind::Flag(_), _) => Err(TestWhy::TrueFalse),
        _ => Ok(()),
    }
}

fn field_fits(names: &Names, ty: &FieldType, v: &Value) -> Result<(), TestWhy> {
    match (ty, v) {
        (FieldType::Number, Value::Num(_)) | (FieldType::Date, Value::Date(_)) => Ok(()),
        (FieldType::Text | FieldType::Ref(_), Value::Str(_)) => Ok(()),
        (FieldType::Tier, Value::Name(n)) if names.spellings.tier(&n.name).is_some() => Ok(()),
        (FieldType::Tier, Value::Str(t)) if names.spellings.tier(&t.value).is_some() => Ok(()),
        (FieldType::Choice(opts), Value::Name(n)) if opts.iter().any(|o| o.name.name == n.name) => Ok(()),
        (FieldType::Number, _) => Err(TestWhy::Number),
        (FieldType::Date, _) => Err(TestWhy::Date),
        (FieldType::Text, _) => Err(TestWhy::QuotedText),
        (FieldType::Ref(s), _) => Err(TestWhy::Ref(s.name.clone())),
        (FieldType::Tier, _) => Err(TestWhy::TierName),
        (FieldType::Choice(opts), _) => {
            Err(TestWhy::OneOf(opts.iter().map(|o| o.name.name.clone()).collect()))
        }
    }
}
