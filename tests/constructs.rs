//! The domain constructs of issue 19 through the real binary: `exempt …
//! review` in every output, grade and tier aliases in data, `cap at tier of`
//! a tier field, counts by data that order no subjects, `--previous` and
//! `previous_tier` (in `eval` and `explain`), and `check DIR`.

mod common;

use common::{kehoach, stdout};

const PLAN: &str = "tests/constructs/plan.kh";
const DATA: &str = "tests/constructs/members.csv";
const LAST: &str = "tests/constructs/last.json";

fn eval(format: &str, previous: bool) -> (i32, String) {
    let mut c = kehoach();
    c.args(["eval", PLAN, "--year", "2020", "--data", DATA, "--format", format]);
    if previous {
        c.args(["--previous", LAST]);
    }
    stdout(&mut c)
}

#[test]
fn the_constructs_evaluate_to_golden_json_and_table() {
    let (code, json) = eval("json", true);
    assert_eq!(code, 0, "{json}");
    insta::assert_snapshot!("constructs_json", json);
    let (code, table) = eval("table", true);
    assert_eq!(code, 0);
    insta::assert_snapshot!("constructs_table", table);
}

#[test]
fn review_is_in_json_only_for_review_exemptions() {
    let (_, json) = eval("json", false);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = v["records"].as_array().unwrap();
    let by_id = |id: &str| records.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(by_id("A2")["status"], "exempt");
    assert_eq!(by_id("A2")["review"], true);
    assert_eq!(by_id("A4")["status"], "exempt");
    assert!(by_id("A4").get("review").is_none(), "not a review exemption");
    assert!(by_id("A1").get("review").is_none());
}

#[test]
fn without_previous_results_two_years_running_never_holds() {
    let (_, with) = eval("csv", true);
    let (_, without) = eval("csv", false);
    let line =
        |out: &str, id: &str| out.lines().find(|l| l.starts_with(&format!("{id},"))).unwrap().to_string();
    assert!(line(&with, "A5").contains(",kht,"), "{with}");
    assert!(line(&without, "A5").contains(",ht,"), "{without}");
    // A3 was KHTNV last year but is all Tốt now: not capped.
    assert!(line(&with, "A3").contains(",htt,"), "{with}");
}

#[test]
fn explain_shows_previous_tier_and_the_review() {
    let args = ["explain", PLAN, "--year", "2020", "--data", DATA, "--previous", LAST];
    let (code, a5) = stdout(kehoach().args(args).args(["--id", "A5"]));
    assert_eq!(code, 0);
    assert!(
        a5.contains(
            "  previous_tier = «Không hoàn thành nhiệm vụ» (`kht`, from tests/constructs/last.json)\n"
        ),
        "{a5}"
    );
    assert!(
        a5.contains("capped at «Không hoàn thành nhiệm vụ»: Hai năm liền không hoàn thành nhiệm vụ ("),
        "{a5}"
    );
    let (_, a6) = stdout(kehoach().args(args).args(["--id", "A6"]));
    assert!(
        a6.contains("  previous_tier: none (tests/constructs/last.json has no tier for this record)\n"),
        "{a6}"
    );
    let (_, a2) = stdout(kehoach().args(args).args(["--id", "A2"]));
    assert!(a2.contains("outcome: exempt (not classified; must still write a review)"), "{a2}");
}

#[test]
fn a_previous_file_that_is_not_last_years_results_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"records": [{"id": "A1", "tier": "tot"}]}"#).unwrap();
    let out = kehoach()
        .args(["eval", PLAN, "--year", "2020", "--data", DATA, "--previous"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("record `A1` has the tier `tot`, which this plan does not declare"), "{err}");
    let missing = kehoach()
        .args(["eval", PLAN, "--year", "2020", "--data", DATA, "--previous", "tests/constructs/none.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn check_dir_checks_every_plan_once_parents_first() {
    let (code, out) = stdout(kehoach().args(["check", "plans/"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "ok: 5 plans checked, no problems found");
    // A folder and a file in it: each plan once.
    let (_, twice) = stdout(kehoach().args(["check", "plans/hanoi", "plans/hanoi/01-KH-TU.kh"]));
    assert_eq!(twice.trim(), "ok: 2 plans checked, no problems found");
    // A broken parent reported once, though a child in the folder extends it.
    let dir = tempfile::tempdir().unwrap();
    let parent = "plan \"P\" {\n}\ntiers {\n  a \"A\"\n  b \"B\"\n}\nsubject s {\n  rule a when nope\n  otherwise b\n}\n";
    std::fs::write(dir.path().join("p.kh"), parent).unwrap();
    std::fs::create_dir(dir.path().join("con")).unwrap();
    std::fs::write(dir.path().join("con/c.kh"), "plan \"C\" extends \"../p.kh\" {\n}\n").unwrap();
    let (code, out) = stdout(kehoach().arg("check").arg(dir.path()).env("NO_COLOR", "1"));
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("unknown name `nope`").count(), 1, "{out}");
    assert!(out.trim_end().ends_with("1 error, 0 warnings in 2 plans"), "{out}");
}
