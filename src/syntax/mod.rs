//! Parsing: source text → spanned AST ([`ast::PlanFile`]), or a diagnostic.

pub mod ast;
mod build;
mod build_expr;
mod build_items;
mod build_test;
mod depth;
mod errors;
mod lit;
pub mod print;
mod teach;

pub use teach::FUNCTIONS;

use crate::diag::{Diagnostic, Kind};
use crate::source::{Loc, Source};
use pest::Parser;
use std::sync::Arc;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/plan.pest"]
pub(crate) struct PlanParser;

/// The deepest nesting of parentheses an expression may have.
pub const MAX_DEPTH: usize = 64;

/// Parses one plan file.
pub fn parse(src: &Arc<Source>) -> Result<ast::PlanFile, Diagnostic> {
    let text = src.text();
    let body_start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let body = &text[body_start..];
    if let Some(at) = depth::too_deep(body, MAX_DEPTH) {
        let at = at + body_start;
        return Err(Diagnostic::new(Kind::TooDeep { limit: MAX_DEPTH }, &Loc::new(src, at, at + 1)));
    }
    let mut pairs = PlanParser::parse(Rule::file, body).map_err(|e| errors::convert(e, src, body_start))?;
    let file = pairs.next().ok_or_else(|| {
        Diagnostic::new(
            Kind::Syntax { expected: vec!["a plan".into()], found: "nothing".into(), keyword: None },
            &Loc::new(src, 0, 0),
        )
    })?;
    if let Some(name) =
        file.clone().into_inner().flatten().find(|p| p.as_rule() == Rule::ident && !p.as_str().is_ascii())
    {
        let at = name.as_span().start() + body_start;
        let kind = Kind::NameNotAscii { name: name.as_str().into(), ascii: teach::ascii_name(name.as_str()) };
        return Err(Diagnostic::new(kind, &Loc::new(src, at, at + name.as_str().len())));
    }
    build::Builder::new(src, body_start, &file).file(file)
}

/// A date as the language writes it: `2020-11-06` or `6/11/2020`.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    lit::date(text.trim())
}

/// Parses text that is not on disk (tests, `fmt` of a buffer).
pub fn parse_str(name: &str, text: &str) -> Result<ast::PlanFile, Diagnostic> {
    parse(&Source::new(name, text))
}
