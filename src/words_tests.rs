//! The catalogs agree: the same ids, each with the same variables, no
//! syntax errors, and every id the sources ask for.

use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

type Catalog = BTreeMap<String, BTreeSet<String>>;

fn catalog(text: &str) -> Catalog {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = Catalog::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(out.insert(m.id.name.to_string(), vars).is_none(), "`{}` twice", m.id.name);
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            variants.iter().for_each(|v| pattern_vars(&v.value, vars));
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_catalogs_have_the_same_ids_with_the_same_variables() {
    let (vi, en) = (catalog(VI), catalog(EN));
    let only =
        |a: &Catalog, b: &Catalog| a.keys().filter(|k| !b.contains_key(*k)).cloned().collect::<Vec<_>>();
    assert_eq!(only(&vi, &en), Vec::<String>::new(), "in vi only");
    assert_eq!(only(&en, &vi), Vec::<String>::new(), "in en only");
    for (id, vars) in &vi {
        assert_eq!(Some(vars), en.get(id), "variables of `{id}`");
    }
}

/// Every `t!(lang, "id"` of the sources names an id of the catalogs.
#[test]
fn every_id_the_sources_ask_for_is_in_the_catalogs() {
    let vi = catalog(VI);
    let mut asked = Vec::new();
    sources(std::path::Path::new("src"), &mut asked);
    assert!(asked.len() > 20, "{asked:?}");
    let missing: Vec<_> = asked.iter().filter(|id| !vi.contains_key(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

fn sources(dir: &std::path::Path, asked: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, asked);
        } else if p.extension().is_some_and(|x| x == "rs")
            && !p.ends_with("words_tests.rs")
            && !p.ends_with("src/words.rs")
        {
            let text = std::fs::read_to_string(&p).unwrap();
            for (at, _) in text.match_indices("t!(") {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let Some((_, rest)) = text[at..].split_once(',') else { continue };
                let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
                let id = rest.split('"').next().unwrap_or_default();
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    asked.push(id.to_string());
                }
            }
        }
    }
}

#[test]
fn messages_take_their_variables_and_missing_ids_show_themselves() {
    assert_eq!(crate::t!(Lang::Vi, "w-year"), "Năm đánh giá");
    assert_eq!(crate::t!(Lang::En, "w-year"), "Year");
    assert_eq!(crate::t!(Lang::Vi, "no-such-id"), "no-such-id");
}
