//! Hostile input never panics and never overflows the stack: deep nesting,
//! truncated files, random bytes and a 10 MB file all end in a result.

mod common;

use kehoach::check::check_plan;
use kehoach::resolve::load_source;
use kehoach::source::Source;
use kehoach::syntax::parse_str;
use proptest::prelude::*;

/// Parses and, when that works, resolves and checks: must return, never panic.
fn survive(name: &str, text: &str) -> usize {
    let loaded = load_source(Source::new(name, text), None);
    match loaded.plan {
        Some(plan) => check_plan(plan, loaded.diagnostics).diagnostics.len(),
        None => loaded.diagnostics.len(),
    }
}

#[test]
fn ten_thousand_nested_parentheses_are_refused() {
    let text = format!(
        "plan \"X\" {{}}\nsubject s {{\n  rule a when {}score{} >= 1\n}}\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let err = parse_str("deep.kh", &text).unwrap_err();
    assert_eq!(err.code(), "too-deep");
    assert_eq!(err.loc.as_ref().map(|l| l.line_col()), Some((3, 79)));
}

#[test]
fn long_prefix_runs_are_refused() {
    let text = format!("plan \"X\" {{}}\nsubject s {{\n  rule a when {}true\n}}\n", "not ".repeat(10_000));
    assert_eq!(parse_str("nots.kh", &text).unwrap_err().code(), "too-deep");
    let text = format!("plan \"X\" {{}}\nsubject s {{\n  rule a when {}1 > 0\n}}\n", "-".repeat(10_000));
    assert_eq!(parse_str("minus.kh", &text).unwrap_err().code(), "too-deep");
}

#[test]
fn every_truncation_of_every_plan_ends_in_a_result() {
    for plan in common::bundled_plans() {
        let text = std::fs::read_to_string(&plan).unwrap();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(5).collect();
        for cut in cuts {
            survive("cut.kh", &text[..cut]);
        }
    }
}

#[test]
fn a_ten_megabyte_plan_is_checked() {
    let mut text = String::from(
        "plan \"BIG\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\nsubject s {\n  criterion c points 100\n",
    );
    let line = "  rule a when c >= 50 and c <= 60 or c == 70 and not (c > 99)  # một dòng rất dài\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(line);
    }
    text.push_str("  otherwise b\n}\n");
    assert!(text.len() >= 10 * 1024 * 1024);
    assert_eq!(survive("big.kh", &text), 0, "a long but valid plan");
}

#[test]
fn a_ten_megabyte_string_parses() {
    let text = format!("plan \"X\" {{ title \"{}\" }}\n", "ư".repeat(5 * 1024 * 1024));
    assert!(parse_str("s.kh", &text).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        survive("random.kh", &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_plan_shaped_text_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "plan", "\"X\"", "{", "}", "subject", "s", "rule", "a", "when", "score", ">=", "(", ")", "and",
        "extends", "\"p.kh\"", "tiers", "hook", "```\n", "\n```\n", "count", "by", "where", "tier", "15/12",
        "29/02", "2020-02-30", "%", "-", "not", "#", "\n", "level", "due", "before", "quota", "at", "most",
    ]), 0..60)) {
        survive("shaped.kh", &parts.join(" "));
    }
}
