//! Member data as offices export it (issue 17): what `eval` says about each
//! kind of file, and that every row is in the output. Each case is one golden
//! of the exit status, standard error and every record's status and error.

mod common;

use common::kehoach;
use std::path::Path;

const PLAN: &str = "tests/eval/errors.kh";

/// Runs `eval` on the files (name, bytes) written to a fresh folder, with
/// `extra` arguments: the exit status, standard error and one line per
/// record (id, status, error), the folder's path shown as `DIR`.
fn eval(files: &[(&str, &[u8])], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = kehoach();
    cmd.args(["eval", PLAN, "--year", "2024", "--format", "json"]).args(extra).arg("--data");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        cmd.arg(dir.path().join(name));
    }
    let out = cmd.output().unwrap();
    let hide = |s: &str| s.replace(&dir.path().display().to_string(), "DIR");
    let mut text = format!("exit {}\n", out.status.code().unwrap_or(-1));
    text += &hide(&String::from_utf8_lossy(&out.stderr));
    if let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&out.stdout) {
        for r in doc["records"].as_array().unwrap() {
            let error = r["error"].as_str().map(|e| format!("  {}", hide(e))).unwrap_or_default();
            text += &format!(
                "{} {} {}{error}\n",
                r["id"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["score"]
            );
        }
        text += &format!("summary {}\n", doc["summary"]);
    }
    text
}

const HEADER: &str = "id,subject,nhiem_vu,diem,ky_luat,ngay,chi_bo_cua,xep_loai,name";

/// The file of cells (`C1`), to go with member files.
const CELLS: (&str, &[u8]) = ("cb.csv", b"id,subject,lanh_dao\nC1,chi_bo,tot\n");

fn members(rows: &str) -> String {
    format!("{HEADER}\n{rows}")
}

#[test]
fn excel_in_a_vietnamese_locale_semicolons_crlf_bom_and_trailing_blank_rows() {
    let text = "\u{feff}id;subject;lanh_dao\r\nC1;chi_bo;Tốt\r\n;;\r\n";
    let members = "id;subject;nhiem_vu;diem;ngay;chi_bo_cua;xep_loai\r\nA1;dang_vien;tot;8,5;1/1/2000;C1;htt\r\n;;;;;;\r\n;;;;;;\r\n";
    insta::assert_snapshot!(eval(&[("cb.csv", text.as_bytes()), ("dv.csv", members.as_bytes())], &[]));
}

#[test]
fn stray_quotes_lone_cr_and_an_unclosed_quote_lose_no_row() {
    let rows = "A1,dang_vien,tot,5,,1/1/2000,C1,htt,Nguyễn \"Ba\rA2,dang_vien,kem,1,,1/1/2000,C1,ht,Bob\r\n\
                A3,dang_vien,tot,2,,1/1/2000,C1,htt,\"Carol\nLe\"\nA4,dang_vien,tot,3,,1/1/2000,C1,htt,\"Dan\n\
                A5,dang_vien,tot,4,,1/1/2000,C1,htt,Eve\n";
    insta::assert_snapshot!(eval(&[CELLS, ("dv.csv", members(rows).as_bytes())], &[]));
}

#[test]
fn a_file_in_windows_1258_is_one_error_and_every_record_is_in_error() {
    let text = members(
        "A1,dang_vien,tot,5,,1/1/2000,C1,htt,Nguyễn Văn Đức\nA2,dang_vien,tot,5,,1/1/2000,C1,htt,Lê Thị Hương\n",
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&text);
    insta::assert_snapshot!(eval(&[CELLS, ("dv.csv", &bytes)], &[]));
}

#[test]
fn two_columns_for_one_item_and_no_id_column_are_file_errors() {
    let twice = "id,subject,nhiem_vu,Nhiệm vụ,diem\nA1,dang_vien,tot,tot,5\nA2,dang_vien,kem,kem,1\n";
    let no_id = "ma,subject,lanh_dao\nC1,chi_bo,tot\n";
    insta::assert_snapshot!(eval(&[("twice.csv", twice.as_bytes()), ("no-id.csv", no_id.as_bytes())], &[]));
}

#[test]
fn a_missing_criterion_column_is_said_once_and_exempt_records_are_classified() {
    let text = "id,subject,nhiem_vu,ngay,chi_bo_cua\nA1,dang_vien,tot,1/1/2000,C1\n\
                A2,dang_vien,tot,1/1/2000,C1\nA3,dang_vien,tot,1/10/2024,C1\n";
    insta::assert_snapshot!(eval(&[CELLS, ("dv.csv", text.as_bytes())], &[]));
}

#[test]
fn json_elements_are_read_one_by_one_and_numbers_as_written() {
    let json = r#"[{"id":"C1","subject":"chi_bo","lanh_dao":"tot"},
      {"id":12345678901234567890123,"subject":"dang_vien","nhiem_vu":"tot","diem":9.99999999999999999,"ngay":"2000-01-01","chi_bo_cua":"C1","xep_loai":"htt"},
      {"id":"A2","subject":"dang_vien","nhiem_vu":"tot","diem":1e400},
      {"id":"A3","subject":"dang_vien","nhiem_vu":"tot","name":"\ud800"},
      {"id":"A4","subject":"dang_vien","nhiem_vu":"tot","nhiem_vu":"kem"},
      [1,2],
      {"id":"A6","subject":"dang_vien","nhiem_vu":"tot","diem":99999999999999999999,"ngay":"2000-01-01","chi_bo_cua":"C1","xep_loai":"htt"}]"#;
    let mut lines = b"{\"id\":\"L1\",\"subject\":\"chi_bo\",\"lanh_dao\":\"tot\"}\n{\"id\":\"L\xff\",\"subject\":\"chi_bo\"}\n".to_vec();
    lines.extend(b"\n{\"id\":\"L3\",\"subject\":\"chi_bo\",\"lanh_dao\":\"kem\"}");
    insta::assert_snapshot!(eval(&[("a.json", json.as_bytes()), ("b.jsonl", &lines)], &[]));
}

#[test]
fn members_without_the_file_of_cells_get_one_note() {
    let rows = "id,subject,nhiem_vu,diem,ngay,chi_bo_cua,xep_loai\nA1,dang_vien,tot,5,1/1/2000,C1,htt\nA2,dang_vien,tot,5,1/1/2000,C2,htt\n";
    insta::assert_snapshot!(eval(&[("dv.csv", rows.as_bytes())], &[]));
}

#[test]
fn the_delimiter_can_be_given_and_utf16_with_a_bom_is_read() {
    let text = "id\tsubject\tlanh_dao\nC1\tchi_bo\ttot, rất tốt\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("id\tsubject\tlanh_dao\r\nC2\tchi_bo\tkem\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    let got = eval(&[("tab.csv", text.as_bytes()), ("u16.csv", &utf16)], &["--delimiter", "tab"]);
    insta::assert_snapshot!(got);
    let wrong = kehoach().args(["eval", PLAN, "--delimiter", "::", "--data", "x.csv"]).output().unwrap();
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn a_nul_byte_stops_the_run_with_one_message() {
    let mut bytes = format!("{HEADER}\nC1,chi_bo\n").into_bytes();
    bytes.extend([0u8; 64]);
    insta::assert_snapshot!(eval(&[CELLS, ("dv.csv", &bytes)], &[]));
}

#[test]
fn a_sparse_terabyte_file_fails_fast_without_allocating_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let f = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &f, b"id,subject,lanh_dao\nC1,chi_bo,tot\n").unwrap();
    if f.set_len(1 << 40).is_err() {
        return; // A file system without sparse files: nothing to test here.
    }
    let out = kehoach().args(["eval", PLAN, "--year", "2024", "--data"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3 holds a NUL byte"), "{stderr}");
    assert!(Path::new(&path).exists());
}
