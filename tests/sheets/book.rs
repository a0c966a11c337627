//! Workbooks made for the tests: the same sheet written as `.xlsx` (with
//! `rust_xlsxwriter`) and as `.ods` (a zip of `content.xml`, as LibreOffice
//! writes it), with typed cells: text, numbers, booleans, dates, errors.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::io::Write;
use std::path::Path;

/// One cell as an office program holds it.
#[derive(Clone, Debug)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(u16, u8, u8),
    /// A formula whose result is an error (`#N/A`).
    Error(&'static str),
    Empty,
}

/// One row of a sheet.
#[derive(Clone, Debug)]
pub enum Line {
    /// A title merged across `width` columns.
    Title(String, u16),
    Cells(Vec<Value>),
    Blank,
}

pub struct Sheet {
    pub name: String,
    pub lines: Vec<Line>,
}

pub fn xlsx(path: &Path, sheets: &[Sheet]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).unwrap();
        for (r, line) in sheet.lines.iter().enumerate() {
            let r = r as u32;
            match line {
                Line::Title(t, width) => {
                    ws.merge_range(r, 0, r, width - 1, t, &Format::new().set_bold()).unwrap();
                }
                Line::Blank => {}
                Line::Cells(cells) => {
                    for (c, v) in cells.iter().enumerate() {
                        let c = c as u16;
                        match v {
                            Value::Text(t) => drop(ws.write_string(r, c, t).unwrap()),
                            Value::Number(n) => drop(ws.write_number(r, c, *n).unwrap()),
                            Value::Bool(b) => drop(ws.write_boolean(r, c, *b).unwrap()),
                            Value::Date(y, m, d) => {
                                let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                                ws.write_datetime_with_format(r, c, &day, &date).unwrap();
                            }
                            Value::Error(e) => {
                                ws.write_formula(r, c, Formula::new("=NA()").set_result(*e)).unwrap();
                            }
                            Value::Empty => {}
                        }
                    }
                }
            }
        }
    }
    book.save(path).unwrap();
}

pub fn ods(path: &Path, sheets: &[Sheet]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(MANIFEST.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content(sheets).as_bytes()).unwrap();
    zip.finish().unwrap();
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;

fn content(sheets: &[Sheet]) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for sheet in sheets {
        x.push_str(&format!(r#"<table:table table:name="{}">"#, escape(&sheet.name)));
        for line in &sheet.lines {
            x.push_str("<table:table-row>");
            match line {
                Line::Title(t, width) => {
                    x.push_str(&format!(
                        r#"<table:table-cell table:number-columns-spanned="{width}" office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        escape(t)
                    ));
                    x.push_str(&format!(
                        r#"<table:covered-table-cell table:number-columns-repeated="{}"/>"#,
                        width - 1
                    ));
                }
                Line::Blank => x.push_str("<table:table-cell/>"),
                Line::Cells(cells) => cells.iter().for_each(|v| x.push_str(&cell(v))),
            }
            x.push_str("</table:table-row>");
        }
        x.push_str("</table:table>");
    }
    x.push_str("</office:spreadsheet></office:body></office:document-content>");
    x
}

fn cell(v: &Value) -> String {
    match v {
        Value::Text(t) => {
            format!(
                r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                escape(t)
            )
        }
        Value::Number(n) => {
            format!(
                r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
            )
        }
        Value::Bool(b) => format!(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{}</text:p></table:table-cell>"#,
            if *b { "TRUE" } else { "FALSE" }
        ),
        Value::Date(y, m, d) => format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"><text:p>{d}/{m}/{y}</text:p></table:table-cell>"#
        ),
        Value::Error(e) => {
            format!(r#"<table:table-cell table:formula="of:=NA()"><text:p>{e}</text:p></table:table-cell>"#)
        }
        Value::Empty => "<table:table-cell/>".into(),
    }
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
