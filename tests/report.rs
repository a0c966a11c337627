//! The workbook (`eval --format xlsx`), the HTML report (`kehoach report`),
//! the diff memo (`diff --format html`), `explain --format json` and
//! `--out` on every command that writes a result (issue 21). The workbook
//! is read back with calamine and held to the JSON output cell by cell.

#[path = "report/book.rs"]
mod book;
mod common;

use book::{Book, cells};
use common::{kehoach, stdout};
use serde_json::Value;

const HANOI: &str = "plans/hanoi/01-KH-TU.kh";
const DATA: [&str; 3] =
    ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];
const THIRDS: (&str, &str, &str) = ("tests/report/thirds.kh", "tests/report/thirds.csv", "2024");

fn run(args: &[&str]) -> (i32, String) {
    stdout(kehoach().args(args))
}

fn bundled(cmd: &str, extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = [cmd, HANOI, "--year", "2020", "--data"].map(String::from).into();
    a.extend(DATA.map(String::from));
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

fn thirds(cmd: &str, extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = [cmd, THIRDS.0, "--year", THIRDS.2, "--data", THIRDS.1].map(String::from).into();
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

fn strs(a: &[String]) -> Vec<&str> {
    a.iter().map(String::as_str).collect()
}

#[test]
fn the_workbook_holds_what_the_json_says_for_the_bundled_data() {
    for lang in ["vi", "en"] {
        let b = Book::make(&strs(&bundled("eval", &["--lang", lang])), 0);
        b.check_against_json(&strs(&bundled("eval", &["--format", "json"])), lang);
        assert!(b.notes().is_empty(), "no score of the bundled data needs more than 2 decimals");
    }
}

#[test]
fn the_workbook_of_thirds_an_error_and_an_exemption() {
    let b = Book::make(&strs(&thirds("eval", &["--lang", "vi"])), 1);
    b.check_against_json(&strs(&thirds("eval", &["--format", "json"])), "vi");
    // 200/3 and 100/3 are not 2-decimal numbers: their exact values are in notes.
    let notes = b.notes();
    assert!(notes.contains("Giá trị chính xác: 200/3 ≈ 66,666667"), "{notes}");
    assert!(notes.contains("100/3"), "{notes}");
    assert_eq!(notes.matches("200/3").count(), 2, "{notes}");
    insta::assert_snapshot!("workbook_thirds_vi", b.dump());
    let en = Book::make(&strs(&thirds("eval", &["--lang", "en"])), 1);
    insta::assert_snapshot!("workbook_thirds_en", en.dump());
}

#[test]
fn the_workbook_of_the_bundled_data() {
    let b = Book::make(&strs(&bundled("eval", &["--lang", "vi"])), 0);
    insta::assert_snapshot!("workbook_bundled_vi", b.dump());
}

#[test]
fn the_language_comes_from_the_environment_when_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.xlsx");
    let mut args = thirds("eval", &["--format", "xlsx", "--out"]);
    args.push(out.display().to_string());
    for (vars, sheet) in [
        (&[("KEHOACH_LANG", "en")][..], "Results"),
        (&[("LANG", "en_US.UTF-8")][..], "Results"),
        (&[("LANG", "vi_VN.UTF-8")][..], "Kết quả"),
        (&[][..], "Kết quả"),
    ] {
        let mut c = kehoach();
        c.env_remove("KEHOACH_LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
        for (k, v) in vars {
            c.env(k, v);
        }
        assert_eq!(stdout(c.args(&args)).0, 1);
        assert!(!cells(&out, sheet).is_empty(), "{vars:?}: no sheet {sheet}");
    }
}

#[test]
fn a_workbook_needs_a_file() {
    let out = kehoach().args(strs(&thirds("eval", &["--format", "xlsx"]))).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give `--out FILE.xlsx`"));
}

#[test]
fn the_report_of_the_bundled_data_in_both_languages() {
    let (code, vi) = run(&strs(&bundled("report", &["--lang", "vi"])));
    assert_eq!(code, 0);
    for words in ["Đảng bộ phường Hàng Trống", "Tổng hợp chung", "Nơi nhận:", "NGƯỜI LẬP", "<svg", "HTXSNV"]
    {
        assert!(vi.contains(words), "no `{words}`");
    }
    assert!(!vi.contains("http://") || vi.matches("http://").count() == 1, "only the SVG namespace");
    insta::assert_snapshot!("report_bundled_vi", vi);
    let (_, en) = run(&strs(&bundled("report", &["--lang", "en"])));
    assert!(en.contains("<html lang=\"en\">") && en.contains("Results per unit"));
    insta::assert_snapshot!("report_bundled_en", en);
}

#[test]
fn the_report_escapes_the_data_and_lists_moves_exemptions_and_errors() {
    let (code, html) = run(&strs(&thirds("report", &["--lang", "vi"])));
    assert_eq!(code, 1, "a record is in error");
    assert!(html.contains("Phạm Văn &lt;Đức&gt;") && !html.contains("<Đức>"));
    insta::assert_snapshot!("report_thirds_vi", html);
}

#[test]
fn the_diff_memo_in_html() {
    let mut a: Vec<String> = [
        "diff",
        "plans/hanoi/165-KH-TU.kh",
        HANOI,
        "--year",
        "2020",
        "--format",
        "html",
        "--lang",
        "vi",
        "--data",
    ]
    .map(String::from)
    .into();
    a.extend(DATA.map(String::from));
    let (code, html) = run(&strs(&a));
    assert_eq!(code, 1, "the plans differ");
    assert!(html.contains("Ma trận chuyển mức") && html.contains("Bản ghi đổi mức"));
    // A change is named by the plan's label of its item and its code, never by a path.
    assert!(html.contains("<tr><td>Tiêu chí «Tư tưởng chính trị» (`tu_tuong`): trọng số</td>"));
    assert!(!html.contains("subject.dang_vien"), "no internal paths for people");
    insta::assert_snapshot!("diff_html_vi", html);
    let (_, en) = run(&[
        "diff",
        "plans/hanoi/165-KH-TU.kh",
        HANOI,
        "--year",
        "2020",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    assert!(en.contains("Changes") && !en.contains("Impact on the data"));
    insta::assert_snapshot!("diff_html_en", en);
}

#[test]
fn explain_as_data() {
    let (code, out) = run(&strs(&bundled("explain", &["--id", "BT10", "--format", "json"])));
    assert_eq!(code, 0);
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["outcome"]["tier"], "htt");
    let steps: Vec<&str> =
        j["steps"].as_array().unwrap().iter().map(|s| s["step"].as_str().unwrap()).collect();
    // The discipline cap (does not hold), then the cap at the cell's tier.
    assert_eq!(steps, ["score", "rule", "cap", "cap"]);
    insta::assert_snapshot!("explain_bt10_json", out);
}

/// `--out FILE` writes what standard output would have had, atomically.
#[test]
fn out_writes_the_file_that_standard_output_would_have() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out");
    let f = file.display().to_string();
    let runs: Vec<Vec<String>> = vec![
        ["diff", "plans/hanoi/165-KH-TU.kh", HANOI, "--year", "2020"].map(String::from).into(),
        ["diff", "plans/hanoi/165-KH-TU.kh", HANOI, "--year", "2020", "--format", "html"]
            .map(String::from)
            .into(),
        ["schedule", HANOI, "--year", "2024", "--format", "ics"].map(String::from).into(),
        ["schedule", HANOI, "--year", "2024", "--format", "json"].map(String::from).into(),
        bundled("explain", &["--id", "BT10"]),
        bundled("explain", &["--id", "BT10", "--format", "json"]),
        bundled("report", &["--lang", "en"]),
    ];
    for args in runs {
        let (code, printed) = run(&strs(&args));
        std::fs::write(&file, "old").unwrap();
        let mut with_out = args.clone();
        with_out.extend(["--out".to_string(), f.clone()]);
        let (code_out, nothing) = run(&strs(&with_out));
        assert_eq!((code_out, nothing.as_str()), (code, ""), "{args:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), printed, "{args:?}");
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 1, "{args:?}: no temporary file is left");
    }
}

#[test]
fn out_refuses_a_data_file_and_an_unwritable_place() {
    let (code, _) = run(&strs(&bundled("report", &["--out", DATA[0]])));
    assert_eq!(code, 2);
    let (code, _) = run(&["schedule", HANOI, "--year", "2024", "--out", "/nonexistent/dir/x.ics"]);
    assert_eq!(code, 2);
}

#[test]
fn a_name_longer_than_a_cell_holds_is_cut_not_the_workbook_lost() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("dai.csv");
    let long = "Ạ".repeat(40_000);
    std::fs::write(
        &data,
        format!("id,subject,Họ và tên,don_vi,nhiem_vu,moi\nL1,dang_vien,{long},Chi bộ 1,tot,\n"),
    )
    .unwrap();
    let args = [THIRDS.0, "--year", THIRDS.2, "--data", data.to_str().unwrap(), "--lang", "vi"];
    let b = Book::make(&[&["eval"][..], &args[..]].concat(), 0);
    let name = &cells(&b.path, "Kết quả")[1][1];
    assert_eq!(name.chars().count(), 32_767);
    assert!(name.starts_with("ẠẠẠ") && name.ends_with("Ạ…"), "{}", &name[name.len() - 10..]);
}
