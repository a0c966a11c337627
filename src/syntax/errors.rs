//! Turns pest's errors into diagnostics in a plan author's words: rules are
//! renamed, and long lists of alternatives are summarised.

use super::Rule;
use crate::diag::{Diagnostic, Kind};
use crate::source::{Loc, Source};
use pest::error::{ErrorVariant, InputLocation};
use std::sync::Arc;

const ATOMS: &[Rule] = &[
    Rule::date,
    Rule::day_month,
    Rule::percent,
    Rule::number,
    Rule::string,
    Rule::k_true,
    Rule::k_false,
    Rule::k_all,
    Rule::k_any,
    Rule::k_none,
    Rule::k_count,
    Rule::k_share,
    Rule::k_months_since,
    Rule::k_months_between,
    Rule::k_score,
    Rule::k_tier,
    Rule::ident,
    Rule::lparen,
    Rule::minus,
    Rule::k_not,
];
const SUBJECT_ITEMS: &[Rule] = &[
    Rule::k_level,
    Rule::k_criterion,
    Rule::k_flag,
    Rule::k_field,
    Rule::k_drop,
    Rule::k_exempt,
    Rule::k_rule,
    Rule::k_otherwise,
    Rule::k_cap,
    Rule::k_quota,
    Rule::k_lock,
    Rule::k_group,
];
const TOP_ITEMS: &[Rule] = &[
    Rule::k_scale,
    Rule::k_tiers,
    Rule::k_level,
    Rule::k_subject,
    Rule::k_hook,
    Rule::k_test,
    Rule::k_display,
];
const OPERATORS: &[Rule] = &[Rule::add_op, Rule::mul_op, Rule::cmp_op, Rule::k_and, Rule::k_or];
const HEADER_ITEMS: &[Rule] =
    &[Rule::k_title, Rule::k_issuer, Rule::k_issued, Rule::k_supersedes, Rule::k_effective, Rule::k_basis];
const TEST_ITEMS: &[Rule] = &[Rule::k_year, Rule::k_data, Rule::k_record, Rule::k_expect];

pub fn convert(err: pest::error::Error<Rule>, src: &Arc<Source>, offset: usize) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    } + offset;
    let text = src.text();
    let found = found_at(text, pos);
    let end = (pos + found.1).min(text.len());
    let (expected, keyword) = match err.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            if std::env::var_os("KEHOACH_DEBUG_PEST").is_some() {
                eprintln!("{positives:?}");
            }
            if let Some(d) = super::teach::teach(src, pos, &positives) {
                return d;
            }
            let word = text.get(pos..end).unwrap_or_default();
            (describe(&positives), super::teach::keyword(word, &positives))
        }
        ErrorVariant::CustomError { message } => (vec![message], None),
    };
    Diagnostic::new(Kind::Syntax { expected, found: found.0, keyword }, &Loc::new(src, pos, end))
}

/// What stands at `pos`, for "found …", and its length in bytes.
fn found_at(text: &str, pos: usize) -> (String, usize) {
    let rest = text.get(pos..).unwrap_or("");
    let Some(c) = rest.chars().next() else {
        return ("end of file".into(), 0);
    };
    if c == '\n' || c == '\r' {
        return ("end of line".into(), c.len_utf8());
    }
    if c.is_alphanumeric() || c == '_' {
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let shown: String = word.chars().take(40).collect();
        return (format!("`{shown}`"), word.len());
    }
    let shown = if c == '`' { "a backtick".to_string() } else { format!("`{c}`") };
    (shown, c.len_utf8())
}

/// What was expected (joined "a, b or c" when said), with groups of
/// alternatives summarised.
fn describe(positives: &[Rule]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut rest: Vec<Rule> = positives.iter().copied().filter(|r| *r != Rule::COMMENT).collect();
    let groups: [(&[Rule], usize, &str); 6] = [
        (ATOMS, 3, "a value or expression"),
        (SUBJECT_ITEMS, 4, "a subject item (`criterion`, `flag`, `field`, `rule`, …)"),
        (TOP_ITEMS, 4, "a declaration (`scale`, `tiers`, `level`, `subject`, `hook`, `test`)"),
        (OPERATORS, 3, "an operator"),
        (HEADER_ITEMS, 4, "a header entry (`title`, `issuer`, `issued`, …)"),
        (TEST_ITEMS, 3, "a test item (`year`, `data`, `record`, `expect`)"),
    ];
    for (set, min, word) in groups {
        if rest.iter().filter(|r| set.contains(r)).count() >= min {
            rest.retain(|r| !set.contains(r));
            words.push(word.to_string());
        }
    }
    for r in rest {
        let w = rename(r);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

/// A rule in plan-author words.
fn rename(r: Rule) -> String {
    let word = match r {
        Rule::EOI => "end of file",
        Rule::ident => "a name",
        Rule::string | Rule::str_inner => "a quoted string",
        Rule::number | Rule::quota_count => "a number",
        Rule::signed_number => "a number",
        Rule::percent => "a percentage such as `20%`",
        Rule::date => "a date such as `2020-11-06`",
        Rule::day_month => "a day and month such as `15/12`",
        Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::lparen => "`(`",
        Rule::rparen => "`)`",
        Rule::comma => "`,`",
        Rule::assign => "`=`",
        Rule::cmp_op => "a comparison (`==`, `>=`, …)",
        Rule::add_op | Rule::mul_op => "an operator",
        Rule::header | Rule::file => "the plan header `plan \"ID\" { … }`",
        Rule::expr | Rule::conj | Rule::negation | Rule::comparison | Rule::sum => "a condition",
        Rule::product | Rule::unary | Rule::paren => "a value or expression",
        Rule::script => "a script block opened by ``` at the end of the line",
        Rule::value => "a value",
        Rule::locked => "`locked`",
        _ => return keyword(r),
    };
    word.to_string()
}

fn keyword(r: Rule) -> String {
    let name = format!("{r:?}");
    match name.strip_prefix("k_") {
        Some(word) => format!("`{word}`"),
        None => "a plan item".into(),
    }
}
