//! What the data, the hooks and the plan's tests say, in both languages
//! (issue 20): a bad cell, a missing column, a repeated id, a file that is
//! not UTF-8, a missing ref, a sheet's cell, a hook past its limits, a test
//! that fails — Vietnamese by default, English with `--lang en`; and the exit
//! status of a run whose only problem is a warning.

use assert_cmd::Command;
use std::path::Path;

const PLAN: &str = "plans/hanoi/01-KH-TU.kh";
const CELLS: [&str; 2] = ["plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];

/// The binary with no language in its environment.
fn kehoach() -> Command {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    for v in ["KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c
}

/// Exit status, standard output and standard error of `args` in `lang`
/// (`None`: the default).
fn run(lang: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut c = kehoach();
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    let out = c.args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Both streams, for a golden.
fn both(out: &str, err: &str) -> String {
    format!("{out}\n--- standard error ---\n{err}")
}

fn eval<'a>(data: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["eval", PLAN, "--year", "2020", "--data"];
    args.extend(data);
    args.extend(CELLS);
    args
}

#[test]
fn bad_cells_a_missing_column_and_a_legacy_file_in_both_languages() {
    let files =
        ["tests/data_lang/bad-cells.csv", "tests/data_lang/no-column.csv", "tests/data_lang/legacy.csv"];
    let (code, out, err) = run(None, &eval(&files));
    assert_eq!(code, 1);
    for said in [
        "tests/data_lang/bad-cells.csv, dòng 2, cột `tu_tuong`: «Tôt» không phải là mức đánh giá; có phải là `Tốt`?",
        "mã `X01` bị trùng (lần đầu ở tests/data_lang/bad-cells.csv, dòng 2)",
        "«CB999» không phải mã của bản ghi `chi_bo` nào",
        "tệp không phải văn bản UTF-8 (dòng 2), có vẻ là bảng mã windows-1258",
        "cảnh báo: tests/data_lang/no-column.csv: bỏ qua 1 dòng trống (dòng 3)",
    ] {
        assert!(out.contains(said) || err.contains(said), "{said}\n{out}{err}");
    }
    insta::assert_snapshot!("data_errors_vi", both(&out, &err));
    let (code, out, err) = run(Some("en"), &eval(&files));
    assert_eq!(code, 1);
    assert!(out.contains("line 2, column `tu_tuong`: `Tôt` is not a grade; did you mean `Tốt`?"), "{out}");
    insta::assert_snapshot!("data_errors_en", both(&out, &err));
}

#[test]
fn files_that_cannot_be_read_stop_the_run_in_both_languages() {
    for (file, vi, en) in [
        ("tests/data_lang/nul.csv", "dòng 2 chứa byte NUL", "line 2 holds a NUL byte"),
        ("tests/data_lang/notes.txt", "không phải tệp dữ liệu", "is not a data file"),
        ("tests/data_lang/none.csv", "không có tệp này", "No such file"),
    ] {
        let (code, _, err) = run(None, &["eval", PLAN, "--data", file]);
        assert_eq!((code, err.starts_with("lỗi: ") && err.contains(vi)), (2, true), "{err}");
        let (code, _, err) = run(Some("en"), &["eval", PLAN, "--data", file]);
        assert_eq!((code, err.starts_with("error: ") && err.contains(en)), (2, true), "{err}");
    }
}

#[test]
fn explain_says_where_a_record_stopped_in_the_language() {
    let mut args = eval(&["tests/data_lang/bad-cells.csv"]);
    args[0] = "explain";
    args.extend(["--id", "X06"]);
    let (_, vi, _) = run(None, &args);
    assert!(vi.contains("Kết quả: lỗi: tests/data_lang/bad-cells.csv, dòng 7, cột `thuoc_chi_bo`"), "{vi}");
    insta::assert_snapshot!("explain_error_vi", vi);
    let (_, en, _) = run(Some("en"), &args);
    insta::assert_snapshot!("explain_error_en", en);
}

#[test]
fn a_bad_cell_of_a_sheet_is_named_by_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("ds.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Đảng viên").unwrap();
    let rows = [
        ["id", "subject", "tu_tuong", "dao_duc", "ky_luat", "nhiem_vu", "thuoc_chi_bo", "co_so_dang"],
        ["S01", "dang_vien", "Tốt", "Tôt", "Tốt", "Tốt", "CB101", "Đảng bộ phường Kim Mã"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    wb.save(&book).unwrap();
    let path = book.display().to_string();
    let shown = |text: String| text.replace(&path, "DS.xlsx");
    let (code, vi, _) = run(None, &eval(&[&path]));
    assert_eq!(code, 1);
    let line = vi.lines().find(|l| l.starts_with("S01")).unwrap_or_default().to_string();
    insta::assert_snapshot!("sheet_cell_vi", shown(line));
    let (_, en, _) = run(Some("en"), &eval(&[&path]));
    let line = en.lines().find(|l| l.starts_with("S01")).unwrap_or_default().to_string();
    insta::assert_snapshot!("sheet_cell_en", shown(line));
}

#[test]
fn hooks_past_their_limits_in_both_languages() {
    for (name, plan, data) in [
        ("hooks", "tests/hooks/hooks.kh", "tests/hooks/hooks.csv"),
        ("hostile", "tests/hooks/hostile.kh", "tests/hooks/hostile.csv"),
    ] {
        let args = ["eval", plan, "--data", data, "--year", "2024"];
        let (code, vi, _) = run(None, &args);
        assert_eq!(code, 1);
        assert!(vi.contains("bị lỗi ở"), "{vi}");
        insta::assert_snapshot!(format!("{name}_vi"), timed(&vi, "chạy lâu hơn 200 ms"));
        let (_, en, _) = run(Some("en"), &args);
        insta::assert_snapshot!(format!("{name}_en"), timed(&en, "it ran longer than 200 ms"));
    }
}

/// `out` without the line of the hook that runs out of time (where in its
/// loop it stops depends on the machine), which must say `words`.
fn timed(out: &str, words: &str) -> String {
    let (slow, rest): (Vec<&str>, Vec<&str>) = out.lines().partition(|l| l.starts_with("cham_1 "));
    assert!(slow.iter().all(|l| l.contains(words)), "{slow:?}");
    rest.join("\n")
}

#[test]
fn a_failing_plan_test_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("t.kh");
    let text = std::fs::read_to_string("plans/hanoi/165-KH-TU.kh")
        .unwrap()
        .replace("expect \"DV1\" score 75", "expect \"DV1\" score 80\n  expect count dang_vien htxs 1")
        .replace("expect \"DV1\" tier htt", "expect \"DV1\" tier htxs\n  expect \"DV1\" exempt")
        .replace("expect \"DV2\" tier kht", "expect \"DV2\" error");
    std::fs::write(&plan, text).unwrap();
    let path = plan.display().to_string();
    let shown = |text: String| text.replace(&path, "PLAN");
    let (code, vi, _) = run(None, &["test", &path]);
    assert_eq!(code, 1);
    assert!(vi.contains("kết quả cần là mức «Hoàn thành xuất sắc nhiệm vụ» (`htxs`), nhưng là mức"), "{vi}");
    insta::assert_snapshot!("test_failures_vi", shown(vi));
    let (_, en, _) = run(Some("en"), &["test", &path]);
    insta::assert_snapshot!("test_failures_en", shown(en));
}

/// A warning alone (no record of the subject others read, and none of the
/// readers in error) exits 0; records in error because of it exit 1.
#[test]
fn a_missing_subject_is_a_warning_and_the_status_follows_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    let page = page.to_str().unwrap();
    let report = |data: &str| {
        let args = ["report", PLAN, "--year", "2020", "--data", data, "--out", page];
        run(None, &args)
    };
    let (code, _, err) = report("plans/hanoi/data/chi-bo.csv");
    assert_eq!(code, 0, "{err}");
    let warning = "cảnh báo: không có bản ghi «Đảng viên» (`dang_vien`) nào, trong khi các bản ghi \
                   «Chi bộ» (`chi_bo`) đọc đến chúng: hãy đưa thêm tệp các bản ghi «Đảng viên» \
                   (`dang_vien`) vào `--data`\n";
    assert_eq!(err, warning);
    assert!(Path::new(page).is_file());
    let (code, _, err) = report("plans/hanoi/data/dang-vien.csv");
    assert_eq!(code, 1, "every member's `thuoc_chi_bo` names no record: {err}");
    assert!(err.contains("cảnh báo: không có bản ghi «Chi bộ» (`chi_bo`) nào"), "{err}");
}
