//! Tests of `eval::aggregate`: which filters are tier-only, and blocks on a
//! pool counting as one pass.

use super::{TExpr, tier_only};
use crate::syntax::ast::CmpOp;
use crate::vocab::expr::{ItemKind, ItemRef};
use crate::vocab::value::Value;

#[test]
fn a_filter_is_tier_only_when_it_reads_nothing_else() {
    let cmp = |a: TExpr, b: TExpr| TExpr::Cmp(CmpOp::Ge, Box::new(a), Box::new(b));
    let ht = || TExpr::Const(Value::Tier(1));
    let item = TExpr::Item(ItemRef { name: "x".into(), kind: ItemKind::Field, slot: 0 });
    let yes = [
        cmp(TExpr::Tier, ht()),
        TExpr::Not(Box::new(cmp(TExpr::Tier, ht()))),
        TExpr::Or(vec![cmp(TExpr::Tier, ht()), TExpr::Const(Value::Bool(false))]),
    ];
    assert!(yes.iter().all(tier_only));
    let no = [
        cmp(TExpr::Previous, ht()),
        TExpr::And(vec![cmp(TExpr::Tier, ht()), item.clone()]),
        cmp(TExpr::Score, TExpr::Const(Value::Num(crate::exact::Exact::int(50)))),
        cmp(TExpr::MonthsSince(Box::new(item)), TExpr::Const(Value::Num(crate::exact::Exact::int(6)))),
    ];
    assert!(!no.iter().any(tier_only), "{no:?}");
}

/// A tier-only aggregate counted in blocks on a pool gives each group
/// the counts and the first spoiling record one pass gives it, over
/// outcomes of every status and tier spread over 37 groups (so that
/// blocks split groups and a later block's spoiler would show).
#[test]
fn blocks_on_a_pool_count_as_one_pass() {
    use super::{Finished, Groups, Outcome, Status};
    use crate::eval::{Evaluator, ids::Ids};
    use crate::syntax::ast::AggKind;
    use crate::vocab::expr::Aggregate;
    let model = crate::check::check_path(std::path::Path::new("plans/hanoi/01-KH-TU.kh"));
    let model = model.expect("plan").model.expect("model");
    // The blocks are counted only with the pass `compiled` on, whatever
    // `KEHOACH_PASSES` says for the rest of the tests.
    let ev = Evaluator::with_passes(&model, 2020, None, crate::eval::Passes::ALL);
    let s = model.names.subjects["dang_vien"];
    let slot = ev.prepared[s].names.iter().position(|n| n == "thuoc_chi_bo").expect("slot");
    let outs: Vec<Outcome> = (0..super::par::LEAST + 5000)
        .map(|i| {
            let mut o = Outcome::blank();
            (o.id, o.subject) = (format!("DV{i}").into(), Some(s as u16));
            o.status = match i % 101 {
                7 if i > 20_000 => Status::Error,
                13 => Status::Exempt,
                _ => Status::Classified,
            };
            o.tier = (o.status == Status::Classified).then_some((i * 7 % 4) as u8);
            o.kept.push((slot as u16, Value::Str(format!("CB{}", i * 13 % 37).into())));
            o
        })
        .collect();
    let tier = |t| TExpr::Const(Value::Tier(t));
    for filter in [cmp(TExpr::Tier, tier(1)), TExpr::Not(Box::new(cmp(TExpr::Tier, tier(2))))] {
        let agg = Aggregate {
            kind: AggKind::Share,
            subject: "dang_vien".into(),
            by: "thuoc_chi_bo".into(),
            text: format!("{filter:?}"),
            filter: Some(filter),
        };
        let ids = Ids::default();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().expect("pool");
        let seen = |g: &Groups<'_>| {
            let mut all: Vec<_> = g
                .iter()
                .map(|(k, v)| (k.to_string(), v.classified, v.matching, v.error.clone().map(|e| e.0)))
                .collect();
            all.sort();
            all
        };
        let one = seen(&Finished::new(&ev, &outs, &ids).groups(&agg));
        let blocks = seen(&Finished::new(&ev, &outs, &ids).on(Some(&pool)).groups(&agg));
        assert_eq!(one.len(), 37);
        assert!(one.iter().any(|g| g.3.is_some()) && one.iter().any(|g| g.2 > 0 && g.2 < g.1));
        assert_eq!(blocks, one);
    }
}

fn cmp(a: TExpr, b: TExpr) -> TExpr {
    TExpr::Cmp(CmpOp::Ge, Box::new(a), Box::new(b))
}
