//! Member data from workbooks (issue 17): the same members read from
//! `.xlsx`, `.ods` and `.csv` give the same outcomes; a sheet is chosen by
//! `--sheet` or `FILE#SHEET`; messages name the sheet's cells; a file that
//! is not a workbook is one error (exit 2), never a panic.

#[path = "sheets/book.rs"]
mod book;
mod common;

use book::{Line, Sheet, Value};
use common::kehoach;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const PLAN: &str = "plans/ba-dinh/12-KH-QU.kh";
const CELLS: &str = "plans/hanoi/data/chi-bo.csv";
const MEMBERS: &str = "plans/ba-dinh/data/dang-vien.csv";
const TITLE: &str = "DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ QUẬN BA ĐÌNH";

fn root(path: &str) -> String {
    format!("{ROOT}/{path}")
}

/// The bundled members: the header and the rows, as text.
fn members() -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_path(root(MEMBERS)).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// A cell as an office program would type it: dates, numbers and yes/no
/// as such, the unit's name decomposed (as some programs write Vietnamese).
fn typed(column: &str, text: &str) -> Value {
    let date = |t: &str| {
        let p: Vec<u16> = t.split('/').map(|n| n.parse().unwrap()).collect();
        Value::Date(p[2], p[1] as u8, p[0] as u8)
    };
    match (column, text) {
        (_, "") => Value::Empty,
        ("ngay_vao_dang", t) => date(t),
        ("tuoi_dang", t) => Value::Number(t.parse().unwrap()),
        ("la_cbccvc" | "khen_thuong", t) => Value::Bool(t == "có"),
        ("co_so_dang", t) => Value::Text(t.nfd().collect()),
        (_, t) => Value::Text(t.to_string()),
    }
}

/// A sheet as offices keep it: a merged title, a date line and a blank row
/// above the header; a blank row among the members.
fn sheet(name: &str, header: &[String], rows: &[Vec<String>]) -> Sheet {
    let width = header.len() as u16;
    let mut lines = vec![
        Line::Title(TITLE.into(), width),
        Line::Cells(vec![Value::Text("Hà Nội, ngày 15 tháng 12 năm 2024".into())]),
        Line::Blank,
        Line::Cells(header.iter().map(|h| Value::Text(h.clone())).collect()),
    ];
    for (i, row) in rows.iter().enumerate() {
        if i == 10 {
            lines.push(Line::Blank);
        }
        lines.push(Line::Cells(header.iter().zip(row).map(|(h, t)| typed(h, t)).collect()));
    }
    Sheet { name: name.into(), lines }
}

/// `kehoach ARGS` run in `dir` (plans and bundled data named from the
/// crate root): exit status, standard output and standard error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = kehoach().current_dir(dir).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn eval_json(dir: &Path, data: &[&str], more: &[&str]) -> (i32, String, String) {
    let (plan, cells) = (root(PLAN), root(CELLS));
    let mut args = vec!["eval", &plan, "--year", "2024", "--format", "json", "--data", &cells];
    args.extend(data);
    args.extend(more);
    run(dir, &args)
}

/// The ids of the records of a JSON evaluation, in order.
fn ids(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["records"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_same_members_from_xlsx_ods_and_csv_give_the_same_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = members();
    let sheets = [sheet("Danh sách", &header, &rows)];
    book::xlsx(&dir.path().join("members.xlsx"), &sheets);
    book::ods(&dir.path().join("members.ods"), &sheets);
    let csv = eval_json(dir.path(), &[&root(MEMBERS)], &[]);
    assert_eq!(csv.0, 0, "{}", csv.2);
    assert_eq!(ids(&csv.1).len(), 4 * 3 + rows.len(), "the cells and every member");
    for file in ["members.xlsx", "members.ods"] {
        let (status, out, err) = eval_json(dir.path(), &[file], &[]);
        assert_eq!((status, err.as_str()), (0, ""), "{file}");
        assert_eq!(out, csv.1, "{file}");
    }
}

/// Two sheets of members: the first three and the next two.
fn two_sheets(dir: &Path) {
    let (header, rows) = members();
    let sheets = [sheet("DS1", &header, &rows[..3]), sheet("Danh sách 2", &header, &rows[3..5])];
    book::xlsx(&dir.join("two.xlsx"), &sheets);
}

#[test]
fn a_sheet_is_chosen_by_option_or_by_name() {
    let dir = tempfile::tempdir().unwrap();
    two_sheets(dir.path());
    let members = |data: &str, more: &[&str]| {
        let (status, out, err) = eval_json(dir.path(), &[data], more);
        assert_eq!(status, 0, "{err}");
        ids(&out).into_iter().filter(|id| id.starts_with("DV")).collect::<Vec<_>>()
    };
    assert_eq!(members("two.xlsx", &[]), ["DV0001", "DV0002", "DV0003"]);
    assert_eq!(members("two.xlsx", &["--sheet", "Danh sách 2"]), ["DV0004", "DV0005"]);
    assert_eq!(members("two.xlsx#Danh sách 2", &[]), ["DV0004", "DV0005"]);
    // Sheet names match as column titles do: any case, composed or not.
    let decomposed: String = "two.xlsx#DANH SÁCH 2".nfd().collect();
    assert_eq!(members(&decomposed, &[]), ["DV0004", "DV0005"]);
    // A sheet named with the file wins over `--sheet`.
    assert_eq!(members("two.xlsx#DS1", &["--sheet", "Danh sách 2"]), ["DV0001", "DV0002", "DV0003"]);

    let (plan, cells) = (root(PLAN), root(CELLS));
    let explain =
        ["explain", &plan, "--year", "2024", "--data", &cells, "two.xlsx", "--sheet", "Danh sách 2"];
    let (status, out, err) = run(dir.path(), &[&explain[..], &["--id", "DV0005"]].concat());
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("record `DV0005` (two.xlsx [Danh sách 2] row 6)\n"), "{out}");
    let diff = ["diff", &plan, &plan, "--year", "2024", "--data", &cells, "two.xlsx", "--sheet", "DS1"];
    let (status, _, err) = run(dir.path(), &diff);
    assert_eq!((status, err.as_str()), (0, ""));
    // `--out` naming the workbook is refused, whichever sheet is read.
    let (status, _, err) = eval_json(dir.path(), &["two.xlsx#DS1"], &["--out", "./two.xlsx"]);
    assert_eq!(status, 2);
    assert!(err.contains("names the data file `two.xlsx#DS1`"), "{err}");
}

#[test]
fn an_unknown_sheet_is_one_error_that_lists_the_sheets() {
    let dir = tempfile::tempdir().unwrap();
    two_sheets(dir.path());
    let (status, out, err) = eval_json(dir.path(), &["two.xlsx"], &["--sheet", "DS3"]);
    assert_eq!((status, out.as_str()), (2, ""));
    insta::assert_snapshot!("unknown_sheet", err);
    // `--sheet` with no workbook to read it in is a mistake too.
    let (status, _, err) = eval_json(dir.path(), &[&root(MEMBERS)], &["--sheet", "DS1"]);
    assert_eq!(status, 2);
    insta::assert_snapshot!("sheet_without_workbook", err);
}

#[test]
fn record_errors_name_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let (mut header, mut rows) = members();
    // `tu_tuong` in column C, as in the issue.
    let (name, tu_tuong) = (2, header.iter().position(|h| h == "tu_tuong").unwrap());
    header.swap(name, tu_tuong);
    rows.iter_mut().for_each(|r| r.swap(name, tu_tuong));
    let mut s = sheet("Sheet1", &header, &rows[..20]);
    // Sheet rows 1–4 are the titles and the header; row 15 is blank.
    let mut set = |row: usize, col: usize, v: Value| match &mut s.lines[row - 1] {
        Line::Cells(cells) => cells[col] = v,
        other => panic!("row {row} is {other:?}"),
    };
    set(17, 2, Value::Text("Tốt lắm".into()));
    set(18, 4, Value::Error("#N/A"));
    set(19, tu_tuong, Value::Error("#VALUE!"));
    set(20, 0, Value::Error("#REF!"));
    book::xlsx(&dir.path().join("members.xlsx"), &[s]);
    let (status, out, err) = eval_json(dir.path(), &["members.xlsx"], &[]);
    assert_eq!((status, err.as_str()), (1, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["subject"] != "chi_bo")
        .filter_map(|r| Some(format!("{}: {}", r["id"].as_str()?, r["error"].as_str()?)))
        .collect();
    // A spreadsheet error in a column the plan does not read (`name`, row
    // 19) is no error.
    insta::assert_snapshot!("error_cells", errors.join("\n"));
}

#[test]
fn a_file_that_is_not_a_workbook_is_one_error_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    two_sheets(dir.path());
    let whole = std::fs::read(dir.path().join("two.xlsx")).unwrap();
    let mut protected = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    protected.resize(4096, 0);
    let files: [(&str, &[u8]); 5] = [
        ("text.xlsx", b"id,subject\nA,dang_vien\n"),
        ("half.xlsx", &whole[..whole.len() / 2]),
        ("protected.xlsx", &protected),
        ("empty.ods", b""),
        ("text.xls", b"id;subject\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let (status, out, err) = eval_json(dir.path(), &[name], &[]);
        assert_eq!((status, out.as_str()), (2, ""), "{name}: {err}");
        assert!(err.starts_with(&format!("error: cannot read `{name}` as a workbook (")), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let (_, _, err) = eval_json(dir.path(), &["text.xlsx"], &[]);
    insta::assert_snapshot!("not_a_workbook", err);
    let missing = eval_json(dir.path(), &["missing.xlsx#DS1"], &[]);
    assert_eq!(missing.0, 2);
    assert!(missing.2.starts_with("error: cannot read `missing.xlsx`: "), "{}", missing.2);
}

#[test]
fn the_members_sheet_skips_titles_and_blank_rows_only() {
    // Every member row is a record, whatever surrounds it.
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = members();
    let mut s = sheet("DS", &header, &rows[..12]);
    s.lines.push(Line::Blank);
    s.lines.push(Line::Blank);
    s.lines.push(Line::Cells(vec![Value::Empty, Value::Text("dang_vien".into())]));
    book::xlsx(&dir.path().join("m.xlsx"), &[s]);
    let (status, out, _) = eval_json(dir.path(), &["m.xlsx"], &[]);
    assert_eq!(status, 1);
    let got: Vec<String> = ids(&out).into_iter().skip(12).collect();
    let mut want: Vec<String> = rows[..12].iter().map(|r| r[0].clone()).collect();
    want.push(String::new());
    assert_eq!(got, want, "12 members and the row without an id");
    assert!(out.contains(r#""error":"m.xlsx [DS] row 20: column `id` is missing or empty""#), "{out}");
}

#[test]
fn a_sheet_with_cells_far_apart_costs_its_cells() {
    // Read whole, this sheet would be 2^34 cells; read cell by cell it is three.
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(0, 1, "subject").unwrap();
    ws.write_string(1, 0, "DV1").unwrap();
    ws.write_string(1, 1, "dang_vien").unwrap();
    ws.write_string(1_048_575, 16_383, "far").unwrap();
    book.save(dir.path().join("far.xlsx")).unwrap();
    let (status, out, err) = eval_json(dir.path(), &["far.xlsx"], &[]);
    assert_eq!(status, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let last = &v["records"].as_array().unwrap().last().unwrap()["error"];
    assert_eq!(last, "far.xlsx [Sheet1] row 1048576: column `id` is missing or empty");
    assert_eq!(ids(&out).len(), 12 + 2);
}
