//! The one traversal of typed conditions (as cedar's `expr_iterator.rs`):
//! every analysis of what a condition reads is a filter over it.

use super::expr::{Aggregate, TExpr};

/// Every node of a condition evaluated for the record itself, the node
/// first (preorder). The `where` of an aggregate is evaluated for the
/// *counted* records, so it is not entered: [`TExpr::aggregates`] yields
/// each aggregate, and its filter is walked on its own.
pub struct Subexpressions<'e> {
    stack: Vec<&'e TExpr>,
}

impl<'e> Iterator for Subexpressions<'e> {
    type Item = &'e TExpr;

    fn next(&mut self) -> Option<&'e TExpr> {
        let e = self.stack.pop()?;
        match e {
            TExpr::Not(x) | TExpr::Neg(x) | TExpr::MonthsSince(x) => self.stack.push(x),
            TExpr::And(xs) | TExpr::Or(xs) => self.stack.extend(xs.iter().rev()),
            TExpr::Cmp(_, a, b) | TExpr::MonthsBetween(a, b) => {
                self.stack.push(b);
                self.stack.push(a);
            }
            TExpr::Arith(a, rest) => {
                self.stack.extend(rest.iter().rev().map(|(_, x)| x));
                self.stack.push(a);
            }
            TExpr::Const(_)
            | TExpr::Score
            | TExpr::Tier
            | TExpr::Previous
            | TExpr::Item(_)
            | TExpr::Quant { .. }
            | TExpr::Agg(_) => {}
        }
        Some(e)
    }
}

impl TExpr {
    /// This node and every node under it, aggregate filters excepted.
    pub fn subexpressions(&self) -> Subexpressions<'_> {
        Subexpressions { stack: vec![self] }
    }

    /// The aggregates this condition computes (not those nested in their filters).
    pub fn aggregates(&self) -> impl Iterator<Item = &Aggregate> {
        self.subexpressions().filter_map(|e| match e {
            TExpr::Agg(a) => Some(&**a),
            _ => None,
        })
    }

    /// The number of nodes, a measure of evaluation cost.
    pub fn size(&self) -> usize {
        self.subexpressions()
            .map(|e| match e {
                TExpr::Agg(a) => 1 + a.filter.as_ref().map_or(0, TExpr::size),
                _ => 1,
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Exact;
    use crate::syntax::ast::{AggKind, ArithOp, CmpOp};
    use crate::vocab::expr::{ItemKind, ItemRef};
    use crate::vocab::value::Value;

    fn item(name: &str) -> TExpr {
        TExpr::Item(ItemRef { name: name.into(), kind: ItemKind::Field, slot: 0 })
    }

    #[test]
    fn visits_every_node_in_preorder_and_leaves_filters_alone() {
        let agg = Aggregate {
            kind: AggKind::Count,
            subject: "m".into(),
            by: "g".into(),
            filter: Some(item("k")),
            text: "count(m by g where k)".into(),
        };
        let e = TExpr::And(vec![
            TExpr::Cmp(CmpOp::Ge, Box::new(TExpr::Score), Box::new(TExpr::Const(Value::Num(Exact::int(9))))),
            TExpr::Not(Box::new(TExpr::Cmp(
                CmpOp::Gt,
                Box::new(TExpr::Agg(Box::new(agg))),
                Box::new(TExpr::Arith(Box::new(item("a")), vec![(ArithOp::Add, item("b"))])),
            ))),
        ]);
        let names: Vec<String> = e
            .subexpressions()
            .map(|x| match x {
                TExpr::And(_) => "and".into(),
                TExpr::Cmp(..) => "cmp".into(),
                TExpr::Score => "score".into(),
                TExpr::Const(_) => "9".into(),
                TExpr::Not(_) => "not".into(),
                TExpr::Agg(_) => "agg".into(),
                TExpr::Arith(..) => "arith".into(),
                TExpr::Item(r) => r.name.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(names, ["and", "cmp", "score", "9", "not", "cmp", "agg", "arith", "a", "b"]);
        assert_eq!(e.aggregates().count(), 1);
        // The filter's node counts in the size, not in the walk.
        assert_eq!(e.size(), 11);
    }
}
