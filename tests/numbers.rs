//! Numbers that do not fit (issue 16): a literal is evaluated exactly or is a
//! check error at it, never 0; numbers at the edge evaluate exactly.

use kehoach::check::{Model, check_path};
use kehoach::eval::outcome::Status;
use kehoach::eval::run::{Options, evaluate};
use std::collections::HashMap;
use std::path::Path;

fn model(path: &str) -> Model {
    let c = check_path(Path::new(path)).unwrap();
    let msgs: Vec<String> = c.diagnostics.iter().map(|d| d.message()).collect();
    c.model.unwrap_or_else(|| panic!("{path}: {msgs:?}"))
}

/// id → (status, tier index, score with 18 decimals) of `csv` under `m`.
fn outcomes(m: &Model, csv: &str) -> HashMap<String, (Status, Option<u8>, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data.csv");
    std::fs::write(&file, csv).unwrap();
    let opts = Options { year: 2024, as_of: None, subject: None, capture: None, ..Options::default() };
    let e = evaluate(m, &[file], &opts).unwrap();
    let score = |o: &kehoach::eval::outcome::Outcome| o.score.map(|s| s.show(18)).unwrap_or_default();
    e.outcomes.iter().map(|o| (o.id.to_string(), (o.status, o.tier, score(o)))).collect()
}

#[test]
fn long_decimal_weights_and_18_digit_points_score_exactly() {
    let m = model("tests/eval/numbers.kh");
    let csv = "id,subject,x,y,z,p\n\
               T1,thirds,tot,tot,tot,\n\
               T2,thirds,tot,tot,kha,\n\
               B1,big,,,,999999999999999999\n\
               B2,big,,,,999999999999999998\n";
    let r = outcomes(&m, csv);
    assert_eq!(r["T1"], (Status::Classified, Some(0), "100".into()));
    // 100 - 33.333333333333334 / 3
    assert_eq!(r["T2"], (Status::Classified, Some(1), "88.888888888888888667".into()));
    assert_eq!(r["B1"], (Status::Classified, Some(0), "999999999999999999".into()));
    assert_eq!(r["B2"], (Status::Classified, Some(1), "999999999999999998".into()));
}

#[test]
fn a_quota_share_of_many_records_moves_exactly_the_excess() {
    let m = model("tests/eval/numbers.kh");
    let mut csv = String::from("id,subject,x,y,z,p\n");
    for i in 0..97 {
        csv += &format!("S{i:02},many,,,,{}\n", 2 + i);
    }
    let r = outcomes(&m, &csv);
    let moved: Vec<&String> = r.keys().filter(|id| r[*id].1 == Some(1)).collect();
    // floor(99.999999999999999% × 97) = 96 stay; the lowest score moves.
    assert_eq!(moved.len(), 1, "moved: {}", moved.len());
    assert_eq!(moved[0], "S00");
}

/// The plans: each is refused by `check`, so nothing is evaluated.
#[test]
fn a_literal_that_does_not_fit_gives_no_model() {
    let cases = [
        "criterion w \"W\" weight 99999999999999999999\n otherwise b",
        "criterion p \"P\" points 99999999999999999999\n otherwise b",
        "field g \"G\" text\n otherwise b\n quota a at most 100.00000000000000001% of all per g",
        "field g \"G\" text\n otherwise b\n quota a at most 99999999999999999999% of all per g",
        "otherwise b\n quota a at most 99999999999999999999 per plan",
        "field n \"N\" number\n rule a when n >= 99999999999999999999\n otherwise b",
    ];
    for body in cases {
        let text = format!(
            "plan \"X\" {{}}\nscale s {{\n t \"T\" 2\n d \"D\" 1\n}}\ntiers {{\n a \"A\"\n b \"B\"\n}}\nsubject m {{\n {body}\n}}\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.kh");
        std::fs::write(&path, text).unwrap();
        let checked = check_path(&path).unwrap();
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.kind.code()).collect();
        assert!(codes.contains(&"number-too-long"), "{body}: {codes:?}");
        assert!(checked.model.is_none(), "{body}");
    }
}
