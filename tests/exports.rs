//! Acceptance of member data as offices really have it (issue 17): the
//! bundled members written as Excel, LibreOffice and old programs write
//! CSV, with broken quoting, odd line ends, legacy encodings, wrong
//! columns; JSON with extreme numbers and bad text; workbooks; a sparse
//! 1 TiB file and 200 000 rows; random rows. The real binary is run on
//! each, and no record may be lost, no run may panic or hang, and no
//! message may be said once per row for a cause of the whole file.
#![cfg(target_os = "linux")]

#[path = "sheets/book.rs"]
mod book;
#[path = "exports/books.rs"]
mod books;
#[path = "exports/columns.rs"]
mod columns;
#[path = "exports/huge.rs"]
mod huge;
#[path = "exports/json.rs"]
mod json;
#[path = "exports/make.rs"]
mod make;
#[path = "exports/random.rs"]
mod random;
#[path = "exports/run.rs"]
mod run;

use make::{Dialect, EXCEL_VN, LIBREOFFICE, TABS, col, file, line, members, table};
use run::{MEMBERS, Out, Record, eval_members, outcome, root};
use std::sync::OnceLock;
use tempfile::TempDir;

/// Rows of a members file and of the bundled cells.
const ROWS: usize = 208 + run::CELL_ROWS;

type Outcome = (String, Option<String>, String, Option<String>, Option<i64>);

/// The outcomes of the bundled members and cells, as they are.
fn bundled() -> &'static [Outcome] {
    static ONCE: OnceLock<Vec<Outcome>> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let (_, out) = eval_members(dir.path(), &root(MEMBERS), ROWS);
        out.unwrap().records.iter().map(outcome).collect()
    })
}

/// Evaluates `bytes` as the members file `name` with the cells: the
/// output after the common checks.
fn members_as(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> (run::Run, Out) {
    let path = file(dir.path(), name, bytes);
    let (run, out) = eval_members(dir.path(), &path, ROWS);
    (run, out.unwrap_or_else(|| panic!("the file is read")))
}

/// The same outcome for every record as the bundled file, except `except`.
fn same_outcomes(out: &Out, except: &[usize]) {
    let got: Vec<Outcome> = out.records.iter().map(outcome).collect();
    for (i, (got, want)) in got.iter().zip(bundled()).enumerate() {
        if !except.contains(&i) {
            assert_eq!(got, want, "record {i}");
        }
    }
}

/// The output without the record at `at` (one a case added).
fn without(out: &Out, at: usize) -> Out {
    let mut records = out.records.clone();
    records.remove(at);
    Out { records, summary: out.summary.clone() }
}

/// The names carried to the output (column `name`).
fn names(out: &Out) -> Vec<String> {
    let name = |r: &Record| r.columns.as_ref().and_then(|c| c["name"].as_str()).unwrap_or("").to_string();
    out.records.iter().take(208).map(name).collect()
}

/// The members as `d` writes them, with changes to some rows first.
fn written(d: Dialect, change: impl Fn(&[String], &mut Vec<Vec<String>>)) -> String {
    let (header, mut rows) = members();
    change(&header, &mut rows);
    table(d, &header, &rows)
}

#[test]
fn excel_in_a_vietnamese_locale_semicolons_crlf_bom_comma_decimals() {
    let dir = TempDir::new().unwrap();
    let text = written(EXCEL_VN, |h, rows| {
        let age = col(h, "tuoi_dang");
        rows.iter_mut().for_each(|r| r[age] = format!("{},0", r[age]));
    });
    let (run, out) = members_as(&dir, "dv.csv", format!("\u{feff}{text}"));
    same_outcomes(&out, &[]);
    assert_eq!(names(&out)[0], "Đỗ Minh Chi");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn libreoffice_quotes_every_cell() {
    let dir = TempDir::new().unwrap();
    let (run, out) = members_as(&dir, "dv.csv", written(LIBREOFFICE, |_, _| {}));
    same_outcomes(&out, &[]);
    assert_eq!(names(&out)[207], members().1[207][2]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn tab_separated_and_utf16_unicode_text() {
    let dir = TempDir::new().unwrap();
    let text = written(TABS, |_, _| {});
    let (_, out) = members_as(&dir, "dv.csv", &text);
    same_outcomes(&out, &[]);
    let (run, out) = members_as(&dir, "unicode.csv", make::utf16le(&text));
    same_outcomes(&out, &[]);
    assert_eq!(names(&out)[1], "Bùi Văn Trang");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn stray_quotes_inside_unquoted_cells_are_literal() {
    let dir = TempDir::new().unwrap();
    let strays = ["Nguyễn \"Ba", "Carol \"Ca\" Le", "Trần Văn 12\"", "Lê\"\"Hà"];
    let (header, mut rows) = members();
    for (i, s) in strays.iter().enumerate() {
        rows[i * 3][2] = s.to_string();
    }
    // Written raw: the way a hand-made or careless export has them.
    let text: String = std::iter::once(&header).chain(&rows).map(|r| r.join(";") + "\n").collect();
    let (_, out) = members_as(&dir, "dv.csv", text);
    same_outcomes(&out, &[]);
    let got = names(&out);
    for (i, s) in strays.iter().enumerate() {
        assert_eq!(got[i * 3], *s);
    }
}

#[test]
fn a_quoted_cell_that_never_closes_breaks_only_its_row() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let mut lines: Vec<String> = std::iter::once(&header).chain(&rows).map(|r| line(EXCEL_VN, r)).collect();
    // Row 100 is on line 102: its name opens a quote that nothing closes.
    let mut row = rows[100].clone();
    row[2] = format!("\"{}", row[2]);
    lines[101] = row.join(";");
    let (run, out) = members_as(&dir, "dv.csv", lines.join("\r\n") + "\r\n");
    let broken = run::errors(&out);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].id, "DV0101");
    let error = broken[0].error.as_deref().unwrap();
    assert!(error.contains("dv.csv line 102") && error.contains("opens on line 102"), "{error}");
    same_outcomes(&out, &[100]);
    assert_eq!(run.code, Some(1));
    let shown = format!("stderr:\n{}\nDV0101: {error}\n", run.stderr);
    insta::assert_snapshot!("unclosed_quote", run::placeless(&shown, dir.path()));
}

#[test]
fn an_unclosed_quote_is_not_closed_by_a_stray_quote_rows_later() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let mut lines: Vec<String> = std::iter::once(&header).chain(&rows).map(|r| r.join(";")).collect();
    for (row, name) in [(100, "\"Lê Văn An"), (150, "Trần \"Ba")] {
        let mut cells = rows[row].clone();
        cells[2] = name.into();
        lines[row + 1] = cells.join(";");
    }
    let (_, out) = members_as(&dir, "dv.csv", lines.join("\r\n") + "\r\n");
    assert_eq!(run::errors(&out).len(), 1);
}

#[test]
fn doubled_quotes_and_multi_line_unit_names_keep_physical_lines() {
    let dir = TempDir::new().unwrap();
    let (header, mut rows) = members();
    let unit = col(&header, "co_so_dang");
    rows[4][2] = "Nguyễn Văn \"Ba\"".into();
    for r in rows.iter_mut().filter(|r| r[unit] == "Đảng bộ phường Hàng Trống") {
        r[unit] = "Đảng bộ phường\nHàng Trống".into();
    }
    // One bad grade, in no cell (so that no cell's outcome depends on it).
    let mut bad = rows[0].clone();
    (bad[0], bad[3], bad[col(&header, "thuoc_chi_bo")]) = ("DV9999".into(), "Giỏi".into(), String::new());
    rows.push(bad);
    // The bad row's line: the header's, then each row's and its cells' breaks.
    let breaks = |r: &Vec<String>| 1 + r.iter().map(|c| c.matches('\n').count()).sum::<usize>();
    let lines = 2 + rows[..208].iter().map(breaks).sum::<usize>();
    let path = file(dir.path(), "dv.csv", table(EXCEL_VN, &header, &rows));
    let (run, out) = eval_members(dir.path(), &path, ROWS + 1);
    let out = out.unwrap();
    assert_eq!(names(&out)[4], "Nguyễn Văn \"Ba\"");
    same_outcomes(&without(&out, 208), &[]);
    let error = out.records[208].error.as_deref().unwrap();
    assert!(error.contains(&format!("dv.csv line {lines}, column `tu_tuong`")), "{error}");
    assert_eq!(run.code, Some(1));
}

/// The members with line ends taken in turn from `ends`.
fn with_ends(ends: &[&str]) -> String {
    let (header, rows) = members();
    let all = std::iter::once(&header).chain(&rows);
    all.enumerate().map(|(i, r)| line(EXCEL_VN, r) + ends[i % ends.len()]).collect()
}

#[test]
fn old_mac_cr_and_mixed_line_ends() {
    let dir = TempDir::new().unwrap();
    let (_, out) = members_as(&dir, "mac.csv", with_ends(&["\r"]));
    same_outcomes(&out, &[]);
    let (run, out) = members_as(&dir, "mixed.csv", with_ends(&["\r", "\n", "\r\n"]));
    same_outcomes(&out, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn trailing_semicolon_rows_and_blank_lines_are_skipped_with_one_note() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let empty = ";".repeat(header.len() - 1);
    let mut text = line(EXCEL_VN, &header) + "\r\n";
    for (i, r) in rows.iter().enumerate() {
        text += &(line(EXCEL_VN, r) + "\r\n");
        if i % 50 == 7 {
            text += "\r\n ; ;\r\n";
        }
    }
    text += &format!("{empty}\r\n").repeat(40);
    text += "\r\n\r\n";
    let (run, out) = members_as(&dir, "dv.csv", text);
    same_outcomes(&out, &[]);
    let notes: Vec<&str> = run.stderr.lines().filter(|l| l.contains("blank")).collect();
    assert_eq!(notes.len(), 1, "{}", run.stderr);
    assert!(notes[0].contains("52 blank rows skipped"), "{}", notes[0]);
}

#[test]
fn ragged_rows_are_each_one_record() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let mut text = line(EXCEL_VN, &header) + "\n";
    for (i, r) in rows.iter().enumerate() {
        let cells = match i % 4 {
            0 => r[..r.len() - 3].to_vec(),
            1 => [r.clone(), vec!["thừa".into(), "".into(), "x".into()]].concat(),
            2 => r[..3].to_vec(),
            _ => r.clone(),
        };
        text += &(line(EXCEL_VN, &cells) + "\n");
    }
    let (run, out) = members_as(&dir, "dv.csv", text);
    // A row of only an id, a subject and a name lacks every grade.
    assert!(out.records.iter().skip(2).step_by(4).take(52).all(|r| r.status == "error"));
    assert_eq!(run.code, Some(1));
}

#[test]
fn excel_sep_line_names_the_separator() {
    let dir = TempDir::new().unwrap();
    let text = written(EXCEL_VN, |_, _| {});
    let (run, out) = members_as(&dir, "dv.csv", format!("sep=;\r\n{text}"));
    same_outcomes(&out, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_wrapped_label_in_the_header_matches() {
    let dir = TempDir::new().unwrap();
    let (mut header, rows) = members();
    let i = col(&header, "tu_tuong");
    header[i] = "Tư tưởng\nchính trị".into();
    let (run, out) = members_as(&dir, "dv.csv", table(EXCEL_VN, &header, &rows));
    same_outcomes(&out, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}
