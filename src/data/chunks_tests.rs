//! Tests of `data::chunks`: a file read in chunks reads as one pass.

use super::*;
use crate::data::At;
use crate::data::csv_in::read_csv;
use proptest::prelude::*;

/// A row as read: its line, cells and problem.
type Got = (u64, Vec<String>, Option<crate::diag::RowProblem>);

/// What a whole read gave: the findings in words and the rows, or the error.
type Read = Result<(String, Vec<Got>), String>;

fn row(r: Row<'_>) -> Got {
    let At::Line(n) = r.at else { panic!("csv rows have lines") };
    let cells = (0..).map_while(|i| r.cells.get(i)).map(|c| c.text().to_string()).collect();
    (n, cells, r.broken)
}

/// What one pass reads, and what chunks of `min` bytes on `jobs` threads read.
fn both(text: &[u8], jobs: usize, min: usize) -> (Read, Read, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, text).unwrap();
    let opts = ReadOptions::default();
    let mut one = Vec::new();
    let seq = read_csv(&path, &opts, &mut |_, r| one.push(row(r)))
        .map(|f| (format!("{f:?}"), one))
        .map_err(|e| e.to_string());
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().unwrap();
    let mut parts = 0;
    let par = read_csv_chunked(
        &path,
        &opts,
        &pool,
        Cut { jobs, min },
        |_, chunk| (Vec::new(), chunk.most),
        |(v, _): &mut (Vec<Got>, Option<Most>), _, r| v.push(row(r)),
    )
    .map(|(f, states)| {
        parts = states.len();
        // A chunk holds at most the rows it was said to (its outcomes are
        // written in a window of that many).
        for (rows, most) in &states {
            if let Some(m) = most {
                assert!(rows.len() <= m.rows, "{} rows, at most {}", rows.len(), m.rows);
                assert_eq!(m.total, states.iter().map(|s| s.1.map_or(0, |m| m.rows)).sum::<usize>());
            }
        }
        (format!("{f:?}"), states.into_iter().flat_map(|s| s.0).collect())
    })
    .map_err(|e| e.to_string());
    (seq, par, parts)
}

#[test]
fn chunks_read_the_rows_of_one_pass_with_their_lines() {
    let mut text = String::from("id;ten;diem\n");
    for i in 0..2000 {
        text.push_str(&format!("DV{i:05};Chi bộ {i};{}\n", i % 7));
        if i % 97 == 0 {
            text.push_str(";;\n");
        }
    }
    let (seq, par, parts) = both(text.as_bytes(), 2, 1024);
    assert!(parts > 2, "cut into {parts} chunks");
    assert_eq!(seq, par);
    assert_eq!(seq.unwrap().1.len(), 2000);
}

/// Files saved with CR line ends (Excel for Mac) and CRLF ones are cut
/// into chunks too, never between a CR and its LF.
#[test]
fn files_with_cr_or_crlf_line_ends_are_read_in_chunks() {
    for end in ["\r", "\r\n"] {
        let mut text = format!("id;ten;diem{end}");
        for i in 0..2000 {
            text.push_str(&format!("DV{i:05};Chi bộ {i};{}{end}", i % 7));
        }
        let (seq, par, parts) = both(text.as_bytes(), 2, 1024);
        assert!(parts > 2, "{end:?}: cut into {parts} chunks");
        assert_eq!(seq, par);
        assert_eq!(seq.unwrap().1.len(), 2000);
    }
    assert_eq!(line_end(b"ab\r\ncd", 0, 6), Some(3));
    assert_eq!(line_end(b"ab\rcd", 0, 5), Some(2));
    // A window that ends between a CR and its LF: the LF ends the line.
    assert_eq!(line_end(b"ab\r\ncd", 0, 3), Some(3));
    assert_eq!(line_end(b"a\0\nb", 0, 4), None);
}

#[test]
fn a_quoted_line_break_across_a_cut_is_read_as_one_pass_reads_it() {
    // Every row's quoted cell holds a line break: most cuts fall inside one.
    let mut text = String::from("id,note\r\n");
    for i in 0..500 {
        text.push_str(&format!("{i},\"first\r\nsecond {i}\"\r\n"));
    }
    let (seq, par, _) = both(text.as_bytes(), 3, 64);
    assert_eq!(seq, par);
}

#[test]
fn the_first_nul_is_the_error_and_blank_rows_are_counted_once() {
    let mut text = b"id,a\n".to_vec();
    for i in 0..300 {
        text.extend(format!("{i},x\n\n").bytes());
    }
    text.extend(b"7,\0\n8,y\n9,\0\n");
    let (seq, par, _) = both(&text, 2, 16);
    assert!(seq.as_ref().is_err_and(|e| e.contains("NUL")), "{seq:?}");
    assert_eq!(seq, par);
}

#[test]
fn a_file_mostly_zeros_fails_at_its_first_nul_without_reading_through() {
    let mut text = b"id,a\n1,x\n".to_vec();
    text.resize(8 << 20, 0);
    text.extend(b"\n2,y\n");
    let (seq, par, _) = both(&text, 4, 16);
    assert!(seq.as_ref().is_err_and(|e| e.contains("line 3")), "{seq:?}");
    assert_eq!(seq, par);
    assert_eq!(lines_to_nul(b"a\nb\r\nc\0\n\n"), 2);
}

/// Pieces CSV text is made of: cells plain, quoted, with quotes, line
/// breaks of every kind, unclosed quotes, blank lines, bytes not UTF-8.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Tốt",
        "x y",
        ",",
        ";",
        "\n",
        "\r\n",
        "\r",
        "\"",
        "\"q\"",
        "\"a,\nb\"",
        "\"\"",
        "\"open",
        "\n\n",
        "  ",
        "To\u{302}\u{301}t",
        "\u{fffd}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_reads_the_same_in_chunks(pieces in prop::collection::vec(piece(), 0..200), jobs in 1usize..5, min in 1usize..40, bad in any::<bool>()) {
        let mut text = b"id,a,b\n".to_vec();
        for p in &pieces {
            text.extend(p.as_bytes());
        }
        if bad {
            text.extend(b"\n1,\xff,2\n");
        }
        let (seq, par, _) = both(&text, jobs, min);
        prop_assert_eq!(seq, par);
    }
}
