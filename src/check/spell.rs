//! The spellings of grades and tiers: names, labels and `alias` strings,
//! compared as data compares them (case-insensitive after NFC), so that data
//! and test blocks may write `"XS"` or `HTXSNV` for what forms abbreviate.

use crate::data::norm;
use crate::diag::{Diagnostic, Kind, Note};
use crate::resolve::Plan;
use crate::source::Loc;
use crate::syntax::ast::Str;
use std::collections::HashMap;

/// Normalized spelling → grade name, and → tier index (0 = best).
#[derive(Clone, Debug, Default)]
pub struct Spellings {
    pub grades: HashMap<String, String>,
    pub tiers: HashMap<String, usize>,
}

impl Spellings {
    /// The grade a name, label or alias spells.
    pub fn grade(&self, text: &str) -> Option<&str> {
        self.grades.get(&norm(text)).map(String::as_str)
    }

    /// The tier (index, 0 = best) a name, label or alias spells.
    pub fn tier(&self, text: &str) -> Option<usize> {
        self.tiers.get(&norm(text)).copied()
    }
}

/// Every spelling of the plan's grades and tiers; an alias that another
/// grade (or tier) already answers to is an error at the alias.
pub fn collect(plan: &Plan, diags: &mut Vec<Diagnostic>) -> Spellings {
    let mut out = Spellings::default();
    if let Some(scale) = &plan.scale {
        let mut seen: HashMap<String, (String, Loc)> = HashMap::new();
        for g in &scale.grades {
            let plain = [(&g.name.name, &g.name.loc), (&g.label.value, &g.label.loc)];
            add(&mut seen, &g.name.name, plain, &g.aliases, "grade", diags);
        }
        out.grades = seen.into_iter().map(|(k, (v, _))| (k, v)).collect();
    }
    if let Some(tiers) = &plan.tiers {
        let mut seen: HashMap<String, (String, Loc)> = HashMap::new();
        for t in &tiers.tiers {
            let plain = [(&t.name.name, &t.name.loc), (&t.label.value, &t.label.loc)];
            add(&mut seen, &t.name.name, plain, &t.aliases, "tier", diags);
        }
        let index = |name: &str| tiers.tiers.iter().position(|t| t.name.name == name);
        out.tiers = seen.into_iter().filter_map(|(k, (v, _))| Some((k, index(&v)?))).collect();
    }
    out
}

/// Adds one grade's (or tier's) spellings. Names and labels that repeat
/// are reported elsewhere (or harmless, as today); an alias must be new.
fn add(
    seen: &mut HashMap<String, (String, Loc)>,
    owner: &str,
    plain: [(&String, &Loc); 2],
    aliases: &[Str],
    what: &'static str,
    diags: &mut Vec<Diagnostic>,
) {
    for (text, loc) in plain {
        seen.entry(norm(text)).or_insert_with(|| (owner.to_string(), loc.clone()));
    }
    for a in aliases {
        let key = norm(&a.value);
        match seen.get(&key) {
            Some((first, _)) if first == owner => {}
            Some((first, at)) => {
                let kind = Kind::AliasClash { spelling: a.value.clone(), what, first: first.clone() };
                diags.push(Diagnostic::new(kind, &a.loc).with_related(at, Note::SpelledSo));
            }
            None => {
                seen.insert(key, (owner.to_string(), a.loc.clone()));
            }
        }
    }
}
