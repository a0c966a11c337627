//! Columns carried through `eval` (issue 17): the plan's `display` line,
//! inherited by child plans, and `--keep COL…`, in every output format.
//! `tests/carry/members.csv` titles its name column `Họ và tên` decomposed
//! (NFD), has cells that need quoting and a record in error;
//! `members.json` lacks the name column (one warning for the file).

mod common;

use common::kehoach;

const DATA: [&str; 2] = ["tests/carry/members.csv", "tests/carry/members.json"];

/// Exit status, standard output and standard error of `eval PLAN … ARGS`.
fn eval(plan: &str, args: &[&str]) -> String {
    let mut c = kehoach();
    c.args(["eval", plan, "--year", "2024", "--data"]).args(DATA).args(args);
    let out = c.output().unwrap();
    format!(
        "exit {}\n--- stdout ---\n{}--- stderr ---\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_child_plan_carries_the_inherited_display_and_keep_columns_as_csv() {
    let out = eval("tests/carry/child.kh", &["--format", "csv", "--keep", "don_vi", "HỌ VÀ TÊN"]);
    // The decomposed header matched; the names come out composed.
    assert!(out.contains("\nA3,Lê Thị Hồng,Chi bộ 1,"), "{out}");
    assert_eq!(out.matches("warning:").count(), 1, "one warning for the file: {out}");
    insta::assert_snapshot!("carry_csv", out);
}

#[test]
fn carried_columns_are_an_object_in_each_json_record() {
    let out = eval("tests/carry/child.kh", &["--format", "json", "--keep", "don_vi"]);
    let json = out.split("--- stdout ---\n").nth(1).and_then(|s| s.split("--- stderr ---").next()).unwrap();
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let records = v["records"].as_array().unwrap();
    assert_eq!(records[2]["status"], "error", "a record in error keeps its columns");
    assert_eq!(records[2]["columns"]["Họ và tên"], "Lê Thị Hồng");
    assert_eq!(records[3]["columns"]["Họ và tên"], serde_json::Value::Null, "no such column");
    assert_eq!(records[4]["columns"]["don_vi"], "Chi bộ 3");
    insta::assert_snapshot!("carry_json", out);
}

#[test]
fn the_table_shows_the_first_carried_column() {
    insta::assert_snapshot!("carry_table", eval("tests/carry/child.kh", &["--keep", "don_vi"]));
}

#[test]
fn a_childs_own_display_replaces_the_parents() {
    let out = eval("tests/carry/own.kh", &["--format", "csv"]);
    assert!(out.contains("\nid,don_vi,Họ và tên,subject,status,"), "{out}");
    let (code, shown) = common::stdout(kehoach().args(["show", "--effective", "tests/carry/child.kh"]));
    assert_eq!(code, 0);
    assert!(shown.contains("display \"Họ và tên\"  # from tests/carry/parent.kh:5\n"), "{shown}");
}

#[test]
fn keep_alone_carries_columns_the_plan_does_not_declare() {
    let args = ["eval", "plans/qd366/366-2025.kh", "--year", "2025", "--format", "csv", "--data", DATA[0]];
    let (_, without) = common::stdout(kehoach().args(args));
    assert!(without.starts_with("id,subject,status,"), "no column added without `--keep`: {without}");
    let out = kehoach().args(args).args(["--keep", "ho va ten", "Họ và tên"]).output().unwrap();
    let with = String::from_utf8_lossy(&out.stdout);
    assert!(with.starts_with("id,ho va ten,Họ và tên,subject,status,"), "{with}");
    // `ho va ten` is not a column (the title has no accents): left empty.
    // The plan has no `dang_vien`: the record is in error, and keeps its name.
    assert!(with.contains("\nA1,,\"Nguyễn Văn \"\"Ba\"\"\",,error,"), "{with}");
    let warning = "warning: tests/carry/members.csv: no column `ho va ten` to carry to the output; its cells are left empty\n";
    assert!(String::from_utf8_lossy(&out.stderr).starts_with(warning));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("`Họ và tên`"), "a carried column is not ignored");
}
