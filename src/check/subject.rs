//! One subject's exemptions, rules, caps and quotas: names resolved, types
//! checked, tiers turned into indices.

use super::model::{CBound, CCap, CQuota, CRule, CSubject, Exempt};
use super::numbers::lit;
use super::types::Typer;
use crate::diag::{Diagnostic, Kind};
use crate::exact::Exact;
use crate::resolve::model::Subject;
use crate::syntax::ast::{FieldType, Ident, ItemKind, QuotaBound, QuotaOf};

impl Typer<'_> {
    /// A tier name as an index, or a diagnostic.
    pub fn tier(&mut self, t: &Ident) -> Option<usize> {
        if let Some(i) = self.names.tier_index(&t.name) {
            return Some(i);
        }
        let kind = match self.names.kind_of(&t.name) {
            Some(found) => Kind::WrongKind { name: t.name.clone(), expected: "a tier", found },
            None => Kind::Unknown {
                what: "tier",
                name: t.name.clone(),
                suggestion: self.names.suggest_tier(&t.name),
            },
        };
        self.diags.push(Diagnostic::new(kind, &t.loc));
        None
    }

    pub fn subject(&mut self, s: &Subject, root: usize) -> CSubject {
        let mut out = CSubject {
            root,
            exempts: Vec::new(),
            rules: Vec::new(),
            otherwise: None,
            caps: Vec::new(),
            quotas: Vec::new(),
            measures: super::measures::measures(s, self.names, self.diags),
        };
        for item in &s.exempts {
            if let ItemKind::Exempt { cond, because, review } = &item.kind
                && let Some(cond) = self.condition(cond, s, "`exempt when`")
            {
                let because = because.as_ref().map(|b| b.value.clone());
                out.exempts.push(Exempt { cond, because, review: *review, loc: item.loc.clone() });
            }
        }
        for item in &s.rules {
            match &item.kind {
                ItemKind::Rule { tier, cond } => {
                    let t = self.tier(tier);
                    let c = self.condition(cond, s, "`rule … when`");
                    if let (Some(tier), Some(cond)) = (t, c) {
                        out.rules.push(CRule { tier, cond, loc: item.loc.clone() });
                    }
                }
                ItemKind::Otherwise(t) => out.otherwise = self.tier(t),
                _ => {}
            }
        }
        for item in &s.caps {
            if let Some(cap) = self.cap(s, &item.kind, &item.loc) {
                out.caps.push(cap);
            }
        }
        for item in &s.quotas {
            if let ItemKind::Quota(q) = &item.kind
                && let Some(q) = self.quota(s, q, &item.loc)
            {
                out.quotas.push(q);
            }
        }
        out
    }

    fn cap(&mut self, s: &Subject, kind: &ItemKind, loc: &crate::source::Loc) -> Option<CCap> {
        match kind {
            ItemKind::Cap { tier, cond, because } => {
                let t = self.tier(tier);
                let c = self.condition(cond, s, "`cap … when`");
                let because = because.as_ref().map(|b| b.value.clone());
                Some(CCap::When { tier: t?, cond: c?, because, loc: loc.clone() })
            }
            ItemKind::CapAt(field) => {
                let ty = s.fields().find(|f| f.name.name == field.name).map(|f| &f.ty);
                let tier_field = match ty {
                    Some(FieldType::Ref(_)) => false,
                    Some(FieldType::Tier) => true,
                    _ => {
                        self.not_ref(s, field);
                        return None;
                    }
                };
                Some(CCap::At { field: field.name.clone(), tier_field, loc: loc.clone() })
            }
            _ => None,
        }
    }

    fn not_ref(&mut self, s: &Subject, field: &Ident) {
        let kind = if s.decl(&field.name).is_some() {
            Kind::NeedsRefOrTierField { field: field.name.clone(), subject: s.name.name.clone() }
        } else {
            let refs = s
                .fields()
                .filter(|f| matches!(f.ty, FieldType::Ref(_) | FieldType::Tier))
                .map(|f| f.name.name.as_str());
            Kind::Unknown {
                what: "ref or tier field",
                name: field.name.clone(),
                suggestion: crate::suggest::closest(&field.name, refs),
            }
        };
        self.diags.push(Diagnostic::new(kind, &field.loc));
    }

    fn quota(
        &mut self,
        s: &Subject,
        q: &crate::syntax::ast::Quota,
        loc: &crate::source::Loc,
    ) -> Option<CQuota> {
        let tier = self.tier(&q.tier)?;
        if tier + 1 >= self.names.tiers.len() {
            self.diags.push(Diagnostic::new(Kind::QuotaLastTier { tier: q.tier.name.clone() }, &q.tier.loc));
            return None;
        }
        let bound = match &q.bound {
            QuotaBound::Count(n) => CBound::Count(lit(n, self.diags)?),
            QuotaBound::Share { percent, of: QuotaOf::All } => {
                CBound::Share { percent: lit(percent, self.diags)?, of: None }
            }
            QuotaBound::Share { percent, of: QuotaOf::Tier { tier: t2, or_better } } => {
                let i = self.tier(t2)?;
                if i == tier {
                    self.diags.push(Diagnostic::new(Kind::QuotaSameTier { tier: t2.name.clone() }, &t2.loc));
                    return None;
                }
                CBound::Share { percent: lit(percent, self.diags)?, of: Some((i, *or_better)) }
            }
        };
        self.never_binds(tier, &q.bound, &bound);
        if let Some(per) = &q.per
            && s.decl(&per.name).is_none()
        {
            let names = s.decls.iter().filter_map(crate::resolve::model::decl_name);
            let suggestion = crate::suggest::closest(&per.name, names);
            self.diags.push(Diagnostic::new(
                Kind::Unknown { what: "field", name: per.name.clone(), suggestion },
                &per.loc,
            ));
            return None;
        }
        Some(CQuota {
            tier,
            bound,
            per: q.per.as_ref().map(|p| p.name.clone()),
            round: q.round,
            loc: loc.clone(),
        })
    }

    /// Warns of a share above 100% of a count that holds the tier itself:
    /// `of all`, or `of T2 or better` with the tier at or above `T2`.
    fn never_binds(&mut self, tier: usize, written: &QuotaBound, bound: &CBound) {
        let (QuotaBound::Share { percent, .. }, CBound::Share { percent: p, of }) = (written, bound) else {
            return;
        };
        let holds_tier = match of {
            None => true,
            Some((t2, or_better)) => *or_better && tier <= *t2,
        };
        if holds_tier && *p > Exact::int(100) {
            let kind = Kind::QuotaNeverBinds { percent: percent.loc.snippet().to_string() };
            self.diags.push(Diagnostic::new(kind, &percent.loc));
        }
    }
}
