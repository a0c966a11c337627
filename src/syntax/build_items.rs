//! pest pairs → AST for subjects and their items, hooks and tests.

use super::Rule;
use super::ast::*;
use super::build::{Builder, P, R, kids};
use crate::source::Loc;

impl Builder {
    pub fn subject(&self, pair: P<'_>) -> R<Subject> {
        let loc = self.loc(&pair);
        let mut name = None;
        let mut s = Subject {
            name: Ident { name: String::new(), loc: loc.clone() },
            label: None,
            extends: None,
            locked: None,
            items: Vec::new(),
            loc: loc.clone(),
            close: loc.clone(),
        };
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident if name.is_none() => name = Some(self.ident(p)),
                Rule::ident => s.extends = Some(self.ident(p)),
                Rule::string => s.label = Some(self.string(p)),
                Rule::locked => s.locked = Some(self.loc(&p)),
                Rule::rbrace => s.close = self.loc(&p),
                Rule::k_subject | Rule::k_extends | Rule::lbrace => {}
                _ => s.items.push(self.subject_item(p)?),
            }
        }
        s.name = self.need_ident(name, &loc)?;
        Ok(s)
    }

    fn subject_item(&self, pair: P<'_>) -> R<SubjectItem> {
        let loc = self.loc(&pair);
        let which = pair.as_rule();
        let kind = match which {
            Rule::subject_level => ItemKind::Level(self.first_ident(pair, &loc)?),
            Rule::criterion => ItemKind::Criterion(self.criterion(pair, &loc)?),
            Rule::flag => {
                let (name, label, locked) = self.named(pair, &loc)?;
                ItemKind::Flag(Flag { name, label, locked })
            }
            Rule::field => ItemKind::Field(self.field(pair, &loc)?),
            Rule::drop => self.drop(pair, &loc)?,
            Rule::otherwise => ItemKind::Otherwise(self.first_ident(pair, &loc)?),
            Rule::cap_at => ItemKind::CapAt(self.first_ident(pair, &loc)?),
            Rule::quota => ItemKind::Quota(self.quota(pair, &loc)?),
            Rule::lock_rules => ItemKind::LockRules,
            Rule::lock_exempt => ItemKind::LockExempt,
            Rule::lock_caps => ItemKind::LockCaps,
            Rule::group_decl => ItemKind::Group(self.group(pair, &loc)?),
            Rule::exempt | Rule::rule | Rule::cap => self.conditional(pair, &loc)?,
            other => unreachable!("subject_item: the grammar gives no {other:?} here"),
        };
        Ok(SubjectItem { kind, loc })
    }

    fn first_ident(&self, pair: P<'_>, loc: &Loc) -> R<Ident> {
        let p = kids(pair).into_iter().find(|p| p.as_rule() == Rule::ident);
        Ok(self.ident(self.need(p, loc)?))
    }

    /// `NAME ["label"] … [locked]` parts shared by criteria, flags and fields.
    fn named(&self, pair: P<'_>, loc: &Loc) -> R<(Ident, Option<Str>, Option<Loc>)> {
        let mut name = None;
        let mut label = None;
        let mut locked = None;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident if name.is_none() => name = Some(self.ident(p)),
                Rule::string if label.is_none() => label = Some(self.string(p)),
                Rule::locked => locked = Some(self.loc(&p)),
                // The rest of a criterion, flag or field: read by its own builder.
                Rule::ident | Rule::string | Rule::k_criterion | Rule::k_flag | Rule::k_field => {}
                Rule::weight | Rule::points | Rule::k_group => {}
                Rule::ty_number
                | Rule::ty_text
                | Rule::ty_date
                | Rule::ty_tier
                | Rule::ty_choice
                | Rule::ty_ref => {}
                other => unreachable!("named: the grammar gives no {other:?} here"),
            }
        }
        Ok((self.need_ident(name, loc)?, label, locked))
    }

    fn criterion(&self, pair: P<'_>, loc: &Loc) -> R<Criterion> {
        let (name, label, locked) = self.named(pair.clone(), loc)?;
        let mut measure = None;
        let mut group = None;
        let mut after_group = false;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::weight | Rule::points => {
                    let is_weight = p.as_rule() == Rule::weight;
                    let n = kids(p).into_iter().find(|q| q.as_rule() == Rule::number);
                    let n = self.number(self.need(n, loc)?)?;
                    measure = Some(if is_weight { Measure::Weight(n) } else { Measure::Points(n) });
                }
                Rule::k_group => after_group = true,
                Rule::ident if after_group => group = Some(self.ident(p)),
                // Read by `named`.
                Rule::k_criterion | Rule::ident | Rule::string | Rule::locked => {}
                other => unreachable!("criterion: the grammar gives no {other:?} here"),
            }
        }
        let measure = self.some(measure, loc)?;
        Ok(Criterion { name, label, measure, group, locked })
    }

    /// `group G ["label"] total N [locked]`.
    fn group(&self, pair: P<'_>, loc: &Loc) -> R<Group> {
        let (mut name, mut label, mut total, mut locked) = (None, None, None, None);
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident => name = Some(self.ident(p)),
                Rule::string => label = Some(self.string(p)),
                Rule::number => total = Some(self.number(p)?),
                Rule::locked => locked = Some(self.loc(&p)),
                Rule::k_group | Rule::k_total => {}
                other => unreachable!("group: the grammar gives no {other:?} here"),
            }
        }
        Ok(Group { name: self.need_ident(name, loc)?, label, total: self.some(total, loc)?, locked })
    }

    fn field(&self, pair: P<'_>, loc: &Loc) -> R<Field> {
        let (name, label, locked) = self.named(pair.clone(), loc)?;
        let mut ty = None;
        for p in kids(pair) {
            ty = Some(match p.as_rule() {
                Rule::ty_number => FieldType::Number,
                Rule::ty_text => FieldType::Text,
                Rule::ty_date => FieldType::Date,
                Rule::ty_tier => FieldType::Tier,
                Rule::ty_ref => FieldType::Ref(self.first_ident(p, loc)?),
                Rule::ty_choice => FieldType::Choice(self.choices(p, loc)?),
                // Read by `named`.
                Rule::k_field | Rule::ident | Rule::string | Rule::locked => continue,
                other => unreachable!("field: the grammar gives no {other:?} here"),
            });
        }
        Ok(Field { name, label, ty: self.some(ty, loc)?, locked })
    }

    fn choices(&self, pair: P<'_>, loc: &Loc) -> R<Vec<ChoiceOpt>> {
        let mut out = Vec::new();
        for p in kids(pair).into_iter().filter(|p| p.as_rule() == Rule::choice_opt) {
            let mut k = kids(p).into_iter();
            let name = self.ident(self.need(k.next(), loc)?);
            let label = k.next().map(|s| self.string(s));
            out.push(ChoiceOpt { name, label });
        }
        Ok(out)
    }

    fn drop(&self, pair: P<'_>, loc: &Loc) -> R<ItemKind> {
        let k = kids(pair);
        let what = match k.get(1).map(|p| p.as_rule()) {
            Some(Rule::k_flag) => DropKind::Flag,
            Some(Rule::k_field) => DropKind::Field,
            Some(Rule::k_criterion) => DropKind::Criterion,
            other => unreachable!("drop: the grammar gives no {other:?} here"),
        };
        let name = k.into_iter().find(|p| p.as_rule() == Rule::ident);
        Ok(ItemKind::Drop { what, name: self.ident(self.need(name, loc)?) })
    }

    /// `exempt`, `rule` and `cap`: a condition with an optional tier and reason.
    fn conditional(&self, pair: P<'_>, loc: &Loc) -> R<ItemKind> {
        let which = pair.as_rule();
        let mut tier = None;
        let mut cond = None;
        let mut because = None;
        let mut review = false;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident => tier = Some(self.ident(p)),
                Rule::expr => cond = Some(self.expr(p)?),
                Rule::because => {
                    let s = kids(p).into_iter().find(|q| q.as_rule() == Rule::string);
                    because = Some(self.string(self.need(s, loc)?));
                }
                Rule::review => review = true,
                Rule::k_exempt | Rule::k_rule | Rule::k_cap | Rule::k_when => {}
                other => unreachable!("conditional: the grammar gives no {other:?} here"),
            }
        }
        let cond = self.some(cond, loc)?;
        Ok(match which {
            Rule::exempt => ItemKind::Exempt { cond, because, review },
            Rule::rule => ItemKind::Rule { tier: self.need_ident(tier, loc)?, cond },
            Rule::cap => ItemKind::Cap { tier: self.need_ident(tier, loc)?, cond, because },
            other => unreachable!("conditional: the grammar gives no {other:?} here"),
        })
    }

    fn quota(&self, pair: P<'_>, loc: &Loc) -> R<Quota> {
        let mut tier = None;
        let mut bound = None;
        let mut per = None;
        let mut round = Round::Down;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident if tier.is_none() => tier = Some(self.ident(p)),
                Rule::ident => per = Some(self.ident(p)),
                Rule::quota_count => {
                    let n = kids(p).into_iter().next();
                    bound = Some(QuotaBound::Count(self.number(self.need(n, loc)?)?));
                }
                Rule::quota_share => bound = Some(self.quota_share(p, loc)?),
                Rule::quota_round => round = quota_round(p),
                Rule::k_quota | Rule::k_at | Rule::k_most | Rule::k_per | Rule::k_plan => {}
                other => unreachable!("quota: the grammar gives no {other:?} here"),
            }
        }
        let tier = self.need_ident(tier, loc)?;
        Ok(Quota { tier, bound: self.some(bound, loc)?, per, round })
    }

    fn quota_share(&self, pair: P<'_>, loc: &Loc) -> R<QuotaBound> {
        let mut percent = None;
        let mut of = QuotaOf::All;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::percent => percent = Some(self.number(p)?),
                Rule::quota_tier => {
                    let k = kids(p);
                    let or_better = k.iter().any(|q| q.as_rule() == Rule::or_better);
                    let t = k.into_iter().find(|q| q.as_rule() == Rule::ident);
                    of = QuotaOf::Tier { tier: self.ident(self.need(t, loc)?), or_better };
                }
                Rule::k_of | Rule::k_all => {}
                other => unreachable!("quota_share: the grammar gives no {other:?} here"),
            }
        }
        Ok(QuotaBound::Share { percent: self.some(percent, loc)?, of })
    }

    pub fn hook(&self, pair: P<'_>) -> R<Hook> {
        let loc = self.loc(&pair);
        let mut names = Vec::new();
        let mut stage = Stage::Score;
        let mut locked = None;
        let mut body = None;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident => names.push(self.ident(p)),
                Rule::k_tier => stage = Stage::Tier,
                Rule::locked => locked = Some(self.loc(&p)),
                Rule::script => body = Some(self.script(p)),
                Rule::hook_file => {
                    let s = kids(p).into_iter().find(|q| q.as_rule() == Rule::string);
                    body = Some(HookBody::File(self.string(self.need(s, &loc)?)));
                }
                Rule::k_hook | Rule::k_for | Rule::k_on | Rule::k_score => {}
                other => unreachable!("hook: the grammar gives no {other:?} here"),
            }
        }
        let mut names = names.into_iter();
        let name = self.need_ident(names.next(), &loc)?;
        let subject = self.need_ident(names.next(), &loc)?;
        Ok(Hook { name, subject, stage, locked, body: self.some(body, &loc)?, loc })
    }

    fn script(&self, pair: P<'_>) -> HookBody {
        let loc = self.loc(&pair);
        let body = pair.into_inner().find(|p| p.as_rule() == Rule::script_body);
        match body {
            Some(b) => HookBody::Inline { text: b.as_str().to_string(), loc: self.body_loc(&b) },
            None => HookBody::Inline { text: String::new(), loc },
        }
    }
}

impl Builder {
    /// A script body's location: its first line, untrimmed.
    fn body_loc(&self, b: &P<'_>) -> crate::source::Loc {
        let start = self.loc(b).start;
        crate::source::Loc { end: start, ..self.loc(b) }
    }
}

fn quota_round(pair: P<'_>) -> Round {
    match kids(pair).last().map(|p| p.as_rule()) {
        Some(Rule::k_up) => Round::Up,
        Some(Rule::k_nearest) => Round::Nearest,
        Some(Rule::k_down) => Round::Down,
        other => unreachable!("quota_round: the grammar gives no {other:?} here"),
    }
}
