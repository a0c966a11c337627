//! Last year's tier (`--previous LAST.json`) beside this year's wherever a
//! record's outcome is shown (issue 19): the column *Mức năm trước* of the
//! workbook's *Kết quả*, the lists of the HTML report and the key
//! `previous_tier` of `explain --format json` — each only when the run has
//! last year's results, and empty (null) for a record that had no tier.

#[allow(dead_code)]
#[path = "report/book.rs"]
mod book;
mod common;

use book::{Book, cells};
use common::{kehoach, stdout};
use serde_json::Value;
use std::collections::HashMap;

const PLAN: &str = "tests/report/thirds.kh";
const DATA: &str = "tests/report/thirds.csv";
const LAST: &str = "tests/report/thirds-last.json";

fn args<'a>(cmd: &'a str, previous: bool, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![cmd, PLAN, "--year", "2024", "--data", DATA];
    if previous {
        a.extend(["--previous", LAST]);
    }
    a.extend(extra);
    a
}

/// Each id's tier label last year, read from `LAST` with the plan's labels.
fn last_year() -> HashMap<String, String> {
    let model = kehoach::check::check_path(std::path::Path::new(PLAN)).unwrap().model.unwrap();
    let j: Value = serde_json::from_str(&std::fs::read_to_string(LAST).unwrap()).unwrap();
    let mut out = HashMap::new();
    for r in j["records"].as_array().unwrap() {
        if let Some(tier) = r["tier"].as_str() {
            let t = model.names.tiers.iter().position(|x| x == tier).unwrap();
            let label = kehoach::eval::Evaluator::new(&model, 2024, None).tier_label(t).to_string();
            out.insert(r["id"].as_str().unwrap().to_string(), label);
        }
    }
    out
}

#[test]
fn the_workbook_has_last_years_tier_beside_this_years() {
    let b = Book::make(&args("eval", true, &["--lang", "vi"]), 1);
    let rows = cells(&b.path, "Kết quả");
    let at = rows[0].iter().position(|h| h == "Viết tắt").unwrap() + 1;
    assert_eq!(rows[0][at], "Mức năm trước", "{:?}", rows[0]);
    assert_eq!(rows[0].last().unwrap(), "Căn cứ xếp loại / lỗi");
    let last = last_year();
    for row in &rows[1..] {
        let want = last.get(&row[0]).map_or("", |l| book::abbreviation(l));
        assert_eq!(row[at], want, "record {}", row[0]);
    }
    assert_eq!(rows[1..].iter().filter(|r| !r[at].is_empty()).count(), 4, "A5 was exempt, A6 absent");
    insta::assert_snapshot!("workbook_previous_vi", b.dump());
    let en = Book::make(&args("eval", true, &["--lang", "en"]), 1);
    assert!(cells(&en.path, "Results")[0].contains(&"Last year's tier".to_string()));
}

#[test]
fn without_previous_results_the_workbook_has_no_such_column() {
    let b = Book::make(&args("eval", false, &["--lang", "vi"]), 1);
    let head = &cells(&b.path, "Kết quả")[0];
    assert!(!head.contains(&"Mức năm trước".to_string()), "{head:?}");
}

#[test]
fn the_report_lists_last_years_tier_of_each_record_it_names() {
    let (code, html) = stdout(kehoach().args(args("report", true, &["--lang", "vi"])));
    assert_eq!(code, 1, "thirds has a record in error");
    // The moved, the exempt and the records in error: three lists, one column each.
    assert_eq!(html.matches("<th>Mức năm trước</th>").count(), 3, "{html}");
    insta::assert_snapshot!("report_previous_vi", html);
    let (_, without) = stdout(kehoach().args(args("report", false, &["--lang", "vi"])));
    assert!(!without.contains("Mức năm trước"));
}

#[test]
fn explain_as_data_gives_previous_tier_only_with_previous_results() {
    let explain = |id: &str, previous: bool| {
        let (code, out) =
            stdout(kehoach().args(args("explain", previous, &["--id", id, "--format", "json"])));
        assert_eq!(code, 0, "{out}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    let a1 = explain("A1", true);
    assert_eq!(a1["previous_tier"], "tsvm");
    insta::assert_snapshot!("explain_previous_json", serde_json::to_string_pretty(&a1).unwrap());
    let a6 = explain("A6", true);
    assert_eq!(a6.get("previous_tier"), Some(&Value::Null), "absent last year: null");
    assert_eq!(explain("A5", true)["previous_tier"], Value::Null, "exempt last year: null");
    assert!(explain("A1", false).get("previous_tier").is_none(), "no key without --previous");
}
