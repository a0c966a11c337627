//! The real binary: exit statuses, output formats and colour (PLAN-LANGUAGE.md §9).

mod common;

use common::{kehoach, stdout};

use std::path::Path;

#[test]
fn check_exits_0_on_good_plans() {
    let (code, out) =
        stdout(kehoach().args(["check", "plans/hanoi/01-KH-TU.kh", "plans/ba-dinh/12-KH-QU.kh"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "ok: 2 plans checked, no problems found");
}

#[test]
fn check_exits_1_on_an_invalid_plan() {
    let (code, out) = stdout(kehoach().args(["check", "tests/cases/names.kh"]));
    assert_eq!(code, 1);
    assert!(out.contains("did you mean `xuat_sac`?"), "{out}");
    assert!(out.trim_end().ends_with("7 errors, 0 warnings in 1 plan"), "{out}");
}

#[test]
fn check_exits_2_when_a_named_file_is_missing() {
    let out = kehoach().args(["check", "plans/khong-co.kh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kehoach().args(["check"]).output().unwrap().status.code(), Some(2));
    assert_eq!(kehoach().args(["frobnicate"]).output().unwrap().status.code(), Some(2));
    assert_eq!(kehoach().args(["check", "--format", "xml", "x.kh"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn check_json_has_the_contract_shape() {
    let (code, out) = stdout(kehoach().args([
        "check",
        "--format",
        "json",
        "tests/cases/coverage.kh",
        "plans/hanoi/01-KH-TU.kh",
    ]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["warnings"], 3);
    let d = &v["diagnostics"][0];
    for key in ["severity", "code", "message", "file", "line", "column", "help"] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(d["file"], "tests/cases/coverage.kh");
}

#[test]
fn deny_warnings_fails_on_warnings_only() {
    let (code, out) = stdout(kehoach().args(["check", "--format", "json", "tests/warnings/sum.kh"]));
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["ok"].clone(), v["warnings"].clone()), (true.into(), 1.into()));
    let (code, out) =
        stdout(kehoach().args(["check", "--deny-warnings", "--format", "json", "tests/warnings/sum.kh"]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
}

#[test]
fn a_parent_error_points_into_the_parent_file() {
    let (code, out) =
        stdout(kehoach().args(["check", "--format", "json", "tests/cases/child-broken-parent.kh"]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["diagnostics"][0]["file"], "tests/cases/parents/broken.kh");
    assert_eq!(v["diagnostics"][0]["line"], 12);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let args = ["check", "tests/cases/leap-day.kh"];
    let (_, plain) = stdout(kehoach().args(args));
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour by default");
    let (_, always) = stdout(kehoach().args(args).arg("--color=always"));
    assert!(always.contains('\u{1b}'));
    let (_, never) = stdout(kehoach().args(args).arg("--color=never").env("NO_COLOR", "1"));
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.kh");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fmt/messy.kh"), &path).unwrap();
    let (code, out) = stdout(kehoach().args(["fmt", "--check"]).arg(&path));
    assert_eq!(code, 1);
    assert!(out.starts_with("would reformat"), "{out}");
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(out.contains("+++"), "shows a diff: {out}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "--check writes nothing");
    assert_eq!(kehoach().arg("fmt").arg(&path).output().unwrap().status.code(), Some(0));
    assert_eq!(kehoach().args(["fmt", "--check"]).arg(&path).output().unwrap().status.code(), Some(0));
}

/// The diff of a large plan whose every subject is out of layout shows each
/// changed line once, in its own hunk: the diff anchors on each subject's
/// line (it used to cost the square of the plan's length).
#[test]
fn fmt_check_shows_a_large_plans_changes_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.kh");
    let mut text = String::from("plan \"L\" {\n}\n\ntiers {\n  a \"A\"\n  b \"B\"\n}\n");
    for i in 0..2000 {
        text += &format!("\nsubject s{i} {{\n    criterion c \"C\" weight 100\n  otherwise a\n}}\n");
    }
    std::fs::write(&path, &text).unwrap();
    let (code, out) = stdout(kehoach().args(["fmt", "--check"]).arg(&path));
    assert_eq!(code, 1);
    let removed: Vec<&str> = out.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert_eq!(removed, vec!["-    criterion c \"C\" weight 100"; 2000]);
    assert_eq!(added, vec!["+  criterion c \"C\" weight 100"; 2000]);
}

#[test]
fn fmt_check_passes_on_the_bundled_plans() {
    let out = kehoach()
        .args(["fmt", "--check", "plans/hanoi/01-KH-TU.kh", "plans/qd366/366-2025.kh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn show_effective_names_where_each_line_came_from() {
    let (code, out) = stdout(kehoach().args(["show", "--effective", "plans/ba-dinh/12-KH-QU.kh"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!("show_effective_ba_dinh", out);
    let (code, own) = stdout(kehoach().args(["show", "plans/ba-dinh/12-KH-QU.kh"]));
    assert_eq!(code, 0);
    assert!(!own.contains("01-KH-TU.kh:"), "plain show is the file as written:\n{own}");
}

const SAMPLE: [&str; 3] =
    ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];

#[test]
fn eval_writes_json_csv_and_a_table() {
    let mut c = kehoach();
    c.args(["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--format", "json", "--data"]).args(SAMPLE);
    let (code, out) = stdout(&mut c);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plan"], "01-KH/TU");
    assert_eq!(v["summary"]["total"], 232);
    let r = &v["records"][0];
    for key in ["id", "subject", "status", "score", "tier", "tier_label", "reasons", "error"] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    let mut c = kehoach();
    c.args(["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--format", "csv", "--data"]).args(SAMPLE);
    let (_, out) = stdout(&mut c);
    assert_eq!(out.lines().count(), 233);
    // The plan's `display name` puts each name after the id.
    assert!(
        out.starts_with("id,name,subject,status,score,tier,tier_label,reasons,error\nDV0001,Đỗ Minh Chi,")
    );
}

/// CSV reasons name a line of the plan run as `line N` (its path would be
/// repeated on every row); a line of a plan it extends keeps `FILE:LINE`.
#[test]
fn csv_reasons_name_lines_of_the_plan_run_without_its_path() {
    let mut c = kehoach();
    c.args(["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--format", "csv", "--data"]).args(SAMPLE);
    let (_, out) = stdout(&mut c);
    // The line of the first `rule htt` of a plan file, as its text has it.
    let line_of = |plan: &str, from: &str| {
        let text = std::fs::read_to_string(plan).unwrap();
        let after = text.find(from).unwrap();
        1 + text[after..].find("  rule htt when").map(|i| text[..after + i].lines().count()).unwrap()
    };
    let dang_vien = line_of("plans/hanoi/01-KH-TU.kh", "subject dang_vien ");
    assert!(out.contains(&format!("rule `htt` holds (line {dang_vien})")), "{out}");
    assert!(!out.contains("01-KH-TU.kh:"), "{out}");
    let mut c = kehoach();
    c.args(["eval", "plans/ba-dinh/12-KH-QU.kh", "--year", "2020", "--format", "csv", "--data"]).args([
        SAMPLE[1],
        SAMPLE[2],
        "plans/ba-dinh/data/dang-vien.csv",
    ]);
    let (_, out) = stdout(&mut c);
    let chi_bo = line_of("plans/hanoi/01-KH-TU.kh", "subject chi_bo ");
    assert!(out.contains(&format!("rule `htt` holds (plans/hanoi/01-KH-TU.kh:{chi_bo})")), "{out}");
}

#[test]
fn eval_exits_1_on_records_in_error_and_still_writes_everything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.csv");
    std::fs::write(
        &data,
        "id,subject,lanh_dao_cn,neu_guong,dung_dau\nB1,bi_thu,tot,tot,\nB2,bi_thu,kem,kemm,X\n",
    )
    .unwrap();
    let out_file = dir.path().join("out.json");
    let mut c = kehoach();
    c.args(["eval", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--format", "json", "--data"]).arg(&data);
    c.arg("--out").arg(&out_file);
    assert_eq!(c.output().unwrap().status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
}

#[test]
fn eval_exits_2_on_a_missing_data_file() {
    let out = kehoach().args(["eval", "plans/hanoi/01-KH-TU.kh", "--data", "khong-co.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn explain_shows_every_step_and_exits_2_for_an_unknown_id() {
    let mut c = kehoach();
    c.args(["explain", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--id", "BT10", "--data"]).args(SAMPLE);
    let (code, out) = stdout(&mut c);
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain_bt10", out);
    let mut c = kehoach();
    c.args(["explain", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--id", "NOPE", "--data"]).args(SAMPLE);
    assert_eq!(c.output().unwrap().status.code(), Some(2));
}

#[test]
fn test_runs_every_block_and_ends_with_the_totals() {
    let (code, out) = stdout(kehoach().args(["test", "plans/hanoi/01-KH-TU.kh", "plans/qd366/366-2025.kh"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().last(), Some("11 passed, 0 failed"));
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("t.kh");
    let text = std::fs::read_to_string("plans/hanoi/165-KH-TU.kh")
        .unwrap()
        .replace("expect \"DV1\" tier htt", "expect \"DV1\" tier htxs");
    std::fs::write(&plan, text).unwrap();
    let (code, out) = stdout(kehoach().arg("test").arg(&plan));
    assert_eq!(code, 1);
    let line = "line 102: `DV1`: expected tier «Hoàn thành xuất sắc nhiệm vụ» (`htxs`), \
                got tier «Hoàn thành tốt nhiệm vụ» (`htt`) with score 75";
    assert!(out.contains(line), "{out}");
    assert_eq!(out.lines().last(), Some("1 passed, 1 failed"));
}
