//! pest pairs → AST for `test` blocks.

use super::Rule;
use super::ast::*;
use super::build::{Builder, P, R, kids};

impl Builder {
    pub fn test(&self, pair: P<'_>) -> R<Test> {
        let loc = self.loc(&pair);
        let mut name = None;
        let mut items = Vec::new();
        let mut close = loc.clone();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::string => name = Some(self.string(p)),
                Rule::rbrace => close = self.loc(&p),
                Rule::k_test | Rule::lbrace => {}
                _ => items.push(self.test_item(p)?),
            }
        }
        Ok(Test { name: self.some(name, &loc)?, items, loc, close })
    }

    fn test_item(&self, pair: P<'_>) -> R<TestItem> {
        let loc = self.loc(&pair);
        let which = pair.as_rule();
        let k = kids(pair);
        let kind = match which {
            Rule::test_year => {
                let n = k.into_iter().find(|p| p.as_rule() == Rule::number);
                TestKind::Year(self.number(self.need(n, &loc)?)?)
            }
            Rule::test_data => {
                let s = k.into_iter().find(|p| p.as_rule() == Rule::string);
                TestKind::Data(self.string(self.need(s, &loc)?))
            }
            Rule::record => TestKind::Record(self.record(k, &loc)?),
            Rule::expect_count => {
                let mut ids = k.iter().filter(|p| p.as_rule() == Rule::ident).cloned();
                let subject = self.ident(self.need(ids.next(), &loc)?);
                let tier = self.ident(self.need(ids.next(), &loc)?);
                let n = k.into_iter().find(|p| p.as_rule() == Rule::number);
                TestKind::ExpectCount { subject, tier, count: self.number(self.need(n, &loc)?)? }
            }
            Rule::expect => self.expect(k, &loc)?,
            other => unreachable!("test_item: the grammar gives no {other:?} here"),
        };
        Ok(TestItem { kind, loc })
    }

    fn record(&self, k: Vec<P<'_>>, loc: &crate::source::Loc) -> R<Record> {
        let mut subject = None;
        let mut id = None;
        let mut values = Vec::new();
        let mut close = loc.clone();
        for p in k {
            match p.as_rule() {
                Rule::ident => subject = Some(self.ident(p)),
                Rule::string => id = Some(self.key(p)),
                Rule::assignment => {
                    let mut a = kids(p).into_iter().filter(|q| q.as_rule() != Rule::assign);
                    let name = self.ident(self.need(a.next(), loc)?);
                    let value = self.value(self.need(a.next(), loc)?)?;
                    values.push((name, value));
                }
                Rule::rbrace => close = self.loc(&p),
                Rule::k_record | Rule::lbrace => {}
                other => unreachable!("record: the grammar gives no {other:?} here"),
            }
        }
        Ok(Record { subject: self.need_ident(subject, loc)?, id: self.some(id, loc)?, values, close })
    }

    fn value(&self, pair: P<'_>) -> R<Value> {
        let loc = self.loc(&pair);
        let p = self.need(kids(pair).into_iter().next(), &loc)?;
        Ok(match p.as_rule() {
            Rule::date => Value::Date(self.date(p)?),
            Rule::signed_number => Value::Num(self.number(p)?),
            Rule::string => Value::Str(self.key(p)),
            Rule::k_true => Value::Bool(true, loc),
            Rule::k_false => Value::Bool(false, loc),
            _ => Value::Name(self.ident(p)),
        })
    }

    /// A string of a record or an expectation (an id, a value) as the data
    /// readers give text: NFC and trimmed ([`crate::text::key`]), so that it
    /// names the same record or group however it was typed.
    fn key(&self, p: P<'_>) -> Str {
        let Str { value, loc } = self.string(p);
        Str { value: crate::text::key(&value).into_owned(), loc }
    }

    fn expect(&self, k: Vec<P<'_>>, loc: &crate::source::Loc) -> R<TestKind> {
        let mut id = None;
        let mut what = Expectation::Error;
        for p in k {
            match p.as_rule() {
                Rule::string => id = Some(self.key(p)),
                Rule::expect_tier => {
                    let t = kids(p).into_iter().find(|q| q.as_rule() == Rule::ident);
                    what = Expectation::Tier(self.ident(self.need(t, loc)?));
                }
                Rule::expect_score => {
                    let n = kids(p).into_iter().find(|q| q.as_rule() == Rule::signed_number);
                    what = Expectation::Score(self.number(self.need(n, loc)?)?);
                }
                Rule::k_exempt => what = Expectation::Exempt,
                Rule::k_expect | Rule::k_error => {}
                other => unreachable!("expect: the grammar gives no {other:?} here"),
            }
        }
        Ok(TestKind::Expect { id: self.some(id, loc)?, what })
    }
}
