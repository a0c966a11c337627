//! `explain` reports the trace the run recorded while it classified the
//! record (issue 16, item 3): the exemptions, score, rules, aggregates and
//! caps as they ran, the part of a rule that did not hold, and for a record
//! in error its error and the steps before it.

mod common;

use common::{kehoach, stdout};

fn explain(id: &str) -> (i32, String) {
    let plan = ["explain", "tests/explain/plan.kh", "--year", "2024", "--data", "tests/explain/data.csv"];
    stdout(kehoach().args(plan).args(["--id", id, "--color", "never"]))
}

#[test]
fn a_rule_that_does_not_hold_names_its_failing_part() {
    let (code, out) = explain("M1");
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain_failing_part", out);
}

#[test]
fn a_cap_that_cannot_be_decided_shows_the_steps_that_ran_and_the_error() {
    let (code, out) = explain("M2");
    assert_eq!(code, 0);
    assert!(out.contains("holds\ncap c when"), "the rule held before the cap failed:\n{out}");
    insta::assert_snapshot!("explain_cap_missing", out);
}

#[test]
fn a_record_in_error_on_reading_is_explained_not_unknown() {
    let (code, out) = explain("M3");
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain_read_error", out);
}

#[test]
fn an_aggregate_shows_its_value_and_counts() {
    let (code, out) = explain("G2");
    assert_eq!(code, 0);
    assert!(out.contains("= 50% (1 of 2 counted records match)"), "{out}");
    insta::assert_snapshot!("explain_aggregate", out);
}

/// What `explain` says of each record is what `eval` said.
#[test]
fn explain_agrees_with_eval_on_every_record() {
    let (_, out) = stdout(kehoach().args(["eval", "tests/explain/plan.kh", "--year", "2024"]).args([
        "--data",
        "tests/explain/data.csv",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for r in json["records"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        let (_, text) = explain(id);
        let last = text.lines().last().unwrap();
        let want = match r["status"].as_str().unwrap() {
            "classified" => format!("outcome: {},", r["tier_label"].as_str().unwrap()),
            "exempt" => "outcome: exempt".to_string(),
            _ => "outcome: error".to_string(),
        };
        assert!(last.starts_with(&want), "{id}: eval says {want}, explain says {last}");
    }
}
