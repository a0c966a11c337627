//! The members as a workbook from an office: a hidden lookup sheet first,
//! a merged title, the place and date line, blank rows, dates and numbers
//! as typed cells, spreadsheet error values, a signature line under the
//! table. Every row under the header is one record.

use super::book::{self, Line, Sheet, Value};
use super::make::members;
use super::run::{CELL_ROWS, Out, eval_members};
use super::same_outcomes;
use std::io::{Read, Write};
use std::path::Path;
use tempfile::TempDir;

/// A cell as an office program types it.
fn typed(column: &str, text: &str) -> Value {
    match (column, text) {
        (_, "") => Value::Empty,
        ("ngay_vao_dang", t) => {
            let p: Vec<u16> = t.split('/').map(|n| n.parse().unwrap()).collect();
            Value::Date(p[2], p[1] as u8, p[0] as u8)
        }
        ("tuoi_dang", t) => Value::Number(t.parse().unwrap()),
        ("la_cbccvc", t) => Value::Bool(t == "có"),
        (_, t) => Value::Text(t.into()),
    }
}

/// Sheet row (1-based) of member `i`: four lines above the header row 4,
/// a blank row before members 25, 75, 125 and 175.
fn sheet_row(i: usize) -> usize {
    5 + i + (i + 25) / 50
}

/// The office's sheet: member 5's name is `#N/A` (a lookup that failed, in
/// a column the plan only shows), member 7's `tu_tuong` is `#VALUE!`,
/// member 9's flag `bi_ky_luat` is `#N/A`.
fn office_sheet() -> Sheet {
    let (header, rows) = members();
    let mut lines = vec![
        Line::Title("DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ PHƯỜNG".into(), header.len() as u16),
        Line::Cells(vec![
            Value::Empty,
            Value::Empty,
            Value::Text("Hà Nội, ngày 15 tháng 12 năm 2020".into()),
        ]),
        Line::Blank,
        Line::Cells(header.iter().map(|h| Value::Text(h.clone())).collect()),
    ];
    for (i, row) in rows.iter().enumerate() {
        if i % 50 == 25 {
            lines.push(Line::Blank);
        }
        let mut cells: Vec<Value> = header.iter().zip(row).map(|(h, t)| typed(h, t)).collect();
        match i {
            5 => cells[2] = Value::Error("#N/A"),
            7 => cells[3] = Value::Error("#VALUE!"),
            9 => cells[7] = Value::Error("#N/A"),
            _ => {}
        }
        lines.push(Line::Cells(cells));
    }
    assert_eq!(lines.len(), sheet_row(207));
    lines.push(Line::Blank);
    lines.push(Line::Cells(vec![Value::Empty, Value::Empty, Value::Text("Người lập biểu".into())]));
    Sheet { name: "Danh sách".into(), lines }
}

/// A lookup sheet of grades, as offices keep for drop-down lists.
fn lookup() -> Sheet {
    let grades = ["Xuất sắc", "Tốt", "Trung bình", "Kém"];
    let lines = grades.iter().map(|g| Line::Cells(vec![Value::Text(g.to_string())])).collect();
    Sheet { name: "DM".into(), lines }
}

/// Rewrites the part `name` of the zip at `path` with `change`.
fn rewrite(path: &Path, name: &str, change: impl Fn(String) -> String) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        parts.push((part.name().to_string(), bytes));
    }
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (part, mut bytes) in parts {
        if part == name {
            bytes = change(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

/// The office's workbook as `dv.xlsx`, its first sheet a hidden lookup.
fn office_xlsx(dir: &TempDir) {
    let path = dir.path().join("dv.xlsx");
    book::xlsx(&path, &[lookup(), office_sheet()]);
    rewrite(&path, "xl/workbook.xml", |text| {
        assert!(text.contains(r#"<sheet name="DM" sheetId="1""#), "{text}");
        text.replacen(r#"sheetId="1""#, r#"sheetId="1" state="hidden""#, 1)
    });
}

/// The office's workbook as `dv.ods`, error values written as LibreOffice
/// writes them: an empty string value marked `calcext:value-type="error"`.
fn office_ods(dir: &TempDir) {
    let path = dir.path().join("dv.ods");
    book::ods(&path, &[office_sheet()]);
    rewrite(&path, "content.xml", |text| {
        let calcext =
            r#"xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" "#;
        let error = r#"office:value-type="string" office:string-value="" calcext:value-type="error""#;
        text.replacen("xmlns:office=", &format!("{calcext}xmlns:office="), 1)
            .replace(r#"table:formula="of:=NA()">"#, &format!(r#"table:formula="of:=NA()" {error}>"#))
    });
}

/// The checks of the office's workbook `name` evaluated with the cells:
/// every row under the header a record, the signature line one in error.
fn office_outcomes(dir: &TempDir, name: &str) -> Out {
    let (run, out) = eval_members(dir.path(), &dir.path().join(name), 208 + 1 + CELL_ROWS);
    let out = out.expect("the workbook is read");
    let error = |i: usize| out.records[i].error.clone().unwrap_or_default();
    assert_eq!(out.records[5].status, "classified", "{}", error(5));
    assert_eq!(out.records[7].status, "error");
    assert!(
        error(208).contains(&format!("row {}", sheet_row(207) + 2)),
        "the signature line: {}",
        error(208)
    );
    let members: Vec<_> = out.records[..208].iter().chain(&out.records[209..]).cloned().collect();
    // Member 7's cell counts it: in error too.
    assert!(error(209).contains("counts record `DV0008`, which is in error"), "{}", error(209));
    same_outcomes(&Out { records: members, summary: out.summary.clone() }, &[7, 9, 208]);
    assert_eq!(run.code, Some(1));
    assert!(!run.stderr.contains("DM"), "{}", run.stderr);
    out
}

/// Members 7 and 9 are in error, naming the cell and its error value.
fn error_values_name_their_cells(out: &Out, name: &str) {
    for (i, cell, value) in [(7, "D", "#VALUE!"), (9, "H", "#N/A")] {
        let error = out.records[i].error.clone().unwrap_or_default();
        let at = format!("{name} [Danh sách] {cell}{}, column `", sheet_row(i));
        assert!(error.contains(&at) && error.contains(value), "member {i}: {error}");
    }
}

#[test]
fn an_xlsx_with_a_hidden_lookup_sheet_first() {
    let dir = TempDir::new().unwrap();
    office_xlsx(&dir);
    let out = office_outcomes(&dir, "dv.xlsx");
    error_values_name_their_cells(&out, "dv.xlsx");
    let name = out.records[0].columns.as_ref().map(|c| c["name"].clone());
    assert_eq!(name, Some("Đỗ Minh Chi".into()));
}

#[test]
fn an_ods_with_error_values_is_refused_with_one_message() {
    // LibreOffice stores `#N/A` as empty text: read, it would be a flag not
    // set or a grade missing. The file is refused, naming the sheet.
    let dir = TempDir::new().unwrap();
    office_ods(&dir);
    let (run, out) = eval_members(dir.path(), &dir.path().join("dv.ods"), 208 + 1 + CELL_ROWS);
    assert!(out.is_none(), "refused (exit 2)");
    assert!(
        run.stderr.contains("dv.ods` [") && run.stderr.contains("holds formula errors"),
        "{}",
        run.stderr
    );
}
