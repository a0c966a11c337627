//! Tests of `data::csv_in`: reading CSV files in one pass.

use super::*;

/// One row as read: its line, its cells and why it is broken, if it is.
type Read = (u64, Vec<String>, Option<RowProblem>);

/// What reading `text` as a CSV file found, and every row.
fn read(text: &[u8], delimiter: Option<u8>) -> (FileRead, Vec<Read>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, text).unwrap();
    let mut out = Vec::new();
    let found =
        read_csv(&path, &ReadOptions { delimiter, jobs: 1, compose_memo: false }, &mut |_, row: Row<'_>| {
            let At::Line(n) = row.at else { panic!("csv rows have lines") };
            let cells = (0..).map_while(|i| row.cells.get(i)).map(|c| c.text().to_string()).collect();
            out.push((n, cells, row.broken));
        })
        .unwrap();
    (found, out)
}

fn rows(text: &[u8]) -> (Vec<String>, Vec<Read>) {
    let (found, rows) = read(text, None);
    (found.headers, rows)
}

/// A character cut in two between quoted cells (`"\xC2","\x80"`: the
/// cells' bytes lie one after another once unquoted): each half is a
/// bad cell, never text, although the bytes together are UTF-8.
#[test]
fn a_character_cut_between_cells_is_not_utf8() {
    let (found, rows) = read(b"a,b\n\"\xC2\",\"\x80\"\n\xC3\xA9,x\n", None);
    assert!(matches!(found.problem, Some(crate::diag::FileProblem::NotUtf8 { line: 2, .. })), "{found:?}");
    assert_eq!(rows[0].1, ["\u{fffd}", "\u{fffd}"]);
    assert_eq!(rows[1].1, ["é", "x"]);
}

/// A file of many times [`Release::STEP`] (with a BOM, so that the
/// text starts off a page): every row reads whole after the pages
/// before it are given back.
#[test]
fn rows_read_whole_while_the_pages_read_are_given_back() {
    let mut text = b"\xef\xbb\xbfid;ten\n".to_vec();
    let n = 3 * Release::STEP / 40;
    for i in 0..n {
        text.extend_from_slice(format!("DV{i:09};Chi bộ số {i} quận Ba Đình\n").as_bytes());
    }
    let (_, rows) = read(&text, None);
    assert_eq!(rows.len(), n);
    for (i, (line, cells, _)) in rows.iter().enumerate() {
        assert_eq!((*line, cells[0].as_str()), (i as u64 + 2, format!("DV{i:09}").as_str()));
        assert_eq!(cells[1], format!("Chi bộ số {i} quận Ba Đình"));
    }
}

fn owned(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn counts_physical_lines_through_quotes_blank_lines_and_crlf() {
    let text = "\u{feff}id ,b\r\nx,1\r\n\r\n\"y\nz\",\"say \"\"hi\"\"\"\n\nw,2\nlast,3";
    let (found, rows) = read(text.as_bytes(), None);
    assert_eq!(found.headers, owned(&["id", "b"]));
    let want = [
        (2, owned(&["x", "1"])),
        (4, owned(&["y\nz", "say \"hi\""])),
        (7, owned(&["w", "2"])),
        (8, owned(&["last", "3"])),
    ];
    let got: Vec<_> = rows.iter().map(|(n, c, _)| (*n, c.clone())).collect();
    assert_eq!(got, want);
    assert_eq!((found.blank, found.blank_lines), (2, vec![3, 6]));
}

#[test]
fn decomposed_cells_read_the_same_composed_once_or_each_time() {
    let mut text = String::from("id;a;b\n");
    for i in 0..50 {
        text.push_str(&format!("{i};To\u{302}\u{301}t;Chi bo\u{323} {}\n", i % 3));
    }
    let mut bytes = text.into_bytes();
    bytes.extend(b"x;\xe1\xbb\x93\xcc\x81;\xff\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, &bytes).unwrap();
    let read = |compose_memo| {
        let mut out = Vec::new();
        let opts = ReadOptions { compose_memo, ..ReadOptions::default() };
        let found = read_csv(&path, &opts, &mut |_, row: Row<'_>| {
            out.push(
                (0..3).filter_map(|c| row.cells.get(c)).map(|c| c.text().to_string()).collect::<Vec<_>>(),
            )
        });
        (format!("{found:?}"), out)
    };
    let (on, off) = (read(true), read(false));
    assert_eq!(on, off);
    assert_eq!(on.1[49], ["49", "T\u{1ed1}t", "Chi b\u{1ecd} 1"]);
    let mut memo = Composed::new(true);
    memo.put(b"e\xcc\x81", "\u{e9}".into());
    memo.put(&[b'e'; Composed::LONGEST + 1], "long".into());
    assert_eq!((memo.get(b"e\xcc\x81"), memo.cells.len()), (Some("\u{e9}".as_bytes()), 1));
    let mut off = Composed::new(false);
    off.put(b"e\xcc\x81", "\u{e9}".into());
    assert!(off.cells.is_empty());
}

#[test]
fn decomposed_cells_are_composed_and_the_others_kept() {
    let text = "id,a,b,c\nx,Ho\u{302}\u{300},e\u{301},CS01\ny,\u{1ed3}\u{301},\u{301}e,ASCII only\n";
    let (_, rows) = rows(text.as_bytes());
    let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.1).collect();
    assert_eq!(cells[0], owned(&["x", "H\u{1ed3}", "\u{e9}", "CS01"]));
    // Already composed (a lone mark included): as written.
    assert_eq!(cells[1], owned(&["y", "\u{1ed3}\u{301}", "\u{301}e", "ASCII only"]));
}

#[test]
fn a_file_that_is_not_utf8_breaks_every_row_once() {
    let (found, rows) = read(b"id;a;b\nx;1\ny;\xff;3\nz;1;2;4\n", None);
    assert_eq!(found.problem, Some(FileProblem::NotUtf8 { line: 3, guess: found_guess(&found) }));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.2.is_none()), "handed as read; the caller marks them");
    assert_eq!(rows[0].1, owned(&["x", "1"]));
    assert_eq!((rows[1].0, rows[1].1[1].as_str()), (3, "\u{fffd}"));
    assert_eq!((rows[2].0, rows[2].1.len()), (4, 4));
}

fn found_guess(found: &FileRead) -> Option<String> {
    match &found.problem {
        Some(FileProblem::NotUtf8 { guess, .. }) => guess.clone(),
        _ => None,
    }
}

#[test]
fn stray_quotes_lone_cr_and_unclosed_quotes_lose_no_row() {
    let (_, got) =
        rows(b"id,subject,c,name\nA,s,80,Nguyen \"Ba\nB,s,10,Bob\nC,s,75,Carol \"Ca\" Le\nD,s,20,Dan\n");
    let ids: Vec<&str> = got.iter().map(|r| r.1[0].as_str()).collect();
    assert_eq!(ids, ["A", "B", "C", "D"]);
    let (_, got) = rows(b"id,s,c,name\rA,s,80,Alice\rB,s,10,Bob");
    assert_eq!(got.iter().map(|r| (r.0, r.1[3].as_str())).collect::<Vec<_>>(), [(2, "Alice"), (3, "Bob")]);
    let (_, got) = rows(b"id,name\nA,\"Alice\nB,Bob\n");
    assert_eq!(got[0].2, Some(RowProblem::Unclosed { opened: 2 }));
    assert_eq!((got[1].0, got[1].1.clone()), (3, owned(&["B", "Bob"])));
}

#[test]
fn the_delimiter_can_be_given_and_utf16_is_read() {
    let (found, rows) = read(b"id;a,b\nx;1,5\n", Some(b','));
    assert_eq!((found.headers, rows[0].1.clone()), (owned(&["id;a", "b"]), owned(&["x;1", "5"])));
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("id\tho_ten\r\n1\tĐức\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    let (found, rows) = read(&utf16, None);
    assert_eq!((found.headers, rows[0].1.clone()), (owned(&["id", "ho_ten"]), owned(&["1", "Đức"])));
}

#[test]
fn excel_sep_line_names_the_delimiter_and_is_not_the_header() {
    let (found, rows) = read(b"sep=;\r\nid;a,b\r\nx;1,5\r\n", None);
    assert_eq!(
        (found.headers, rows[0].0, rows[0].1.clone()),
        (owned(&["id", "a,b"]), 3, owned(&["x", "1,5"]))
    );
    assert_eq!(excel_sep(b"SEP=\t\n"), Some(b'\t'));
    assert_eq!(excel_sep(b"sep=ab\n"), None);
    assert_eq!(excel_sep(b"id,sep\n"), None);
}

#[test]
fn a_nul_byte_is_one_file_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let mut bytes = b"id,a\n1,2\n".to_vec();
    bytes.extend([0; 4096]);
    std::fs::write(&path, bytes).unwrap();
    let e = read_csv(&path, &ReadOptions::default(), &mut |_, _| {}).err().unwrap();
    assert!(
        e.to_string().ends_with(
            "line 3 holds a NUL byte: this is not a CSV text file (save it as \u{201c}CSV UTF-8\u{201d})"
        ),
        "{e}"
    );
}
