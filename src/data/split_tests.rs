use super::*;
use proptest::prelude::*;

/// Every row of `text`: what the splitter said and the cells.
fn split(text: &[u8], delim: u8) -> Vec<(Split, Vec<String>)> {
    let mut s = Splitter::new(text, delim);
    let mut rec = Record::default();
    let mut out = Vec::new();
    while let Some(what) = s.next(&mut rec) {
        let cells = rec.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        out.push((what, cells));
        if matches!(what, Split::Nul { .. }) {
            break;
        }
    }
    out
}

fn row(line: u64, cells: &[&str]) -> (Split, Vec<String>) {
    (Split::Row { line }, cells.iter().map(|c| c.to_string()).collect())
}

#[test]
fn a_quote_inside_an_unquoted_cell_is_literal() {
    let text = b"id,subject,c,name\nA,s,80,Nguyen \"Ba\nB,s,10,Bob\nC,s,75,Carol \"Ca\" Le\nD,s,20,Dan\n";
    let rows = split(text, b',');
    assert_eq!(
        rows,
        vec![
            row(1, &["id", "subject", "c", "name"]),
            row(2, &["A", "s", "80", "Nguyen \"Ba"]),
            row(3, &["B", "s", "10", "Bob"]),
            row(4, &["C", "s", "75", "Carol \"Ca\" Le"]),
            row(5, &["D", "s", "20", "Dan"]),
        ]
    );
}

#[test]
fn cr_lf_and_crlf_each_end_a_row() {
    let rows = split(b"id,name\rA,Alice\rB,Bob\r\nC,Cy\nD,\"two\rlines\"\r\nE,e", b',');
    assert_eq!(
        rows,
        vec![
            row(1, &["id", "name"]),
            row(2, &["A", "Alice"]),
            row(3, &["B", "Bob"]),
            row(4, &["C", "Cy"]),
            row(5, &["D", "two\rlines"]),
            row(7, &["E", "e"]),
        ]
    );
}

#[test]
fn a_quoted_cell_that_never_closes_breaks_only_its_row() {
    let rows = split(b"id,name\nA,\"Alice\nB,Bob\nC,Cy\n", b',');
    assert_eq!(rows[1], (Split::Unclosed { line: 2, opened: 2 }, vec!["A".to_string()]));
    assert_eq!(rows[2..], [row(3, &["B", "Bob"]), row(4, &["C", "Cy"])]);
    // Opened on a later line of a row whose first cell spans lines.
    let rows = split(b"id,a,b\n\"x\ny\",1,\"open\nz,2,3\n", b',');
    assert_eq!(rows[1], (Split::Unclosed { line: 2, opened: 3 }, vec!["x\ny".to_string(), "1".to_string()]));
    assert_eq!(rows[2..], [row(4, &["z", "2", "3"])]);
}

#[test]
fn a_missing_quote_does_not_swallow_rows_up_to_a_stray_quote() {
    let rows = split(b"id,name\nA,\"Le Van An\nB,Bob\nC,Tran \"Ba\nD,Dan\n", b',');
    assert_eq!(rows[1], (Split::Unclosed { line: 2, opened: 2 }, vec!["A".to_string()]));
    assert_eq!(rows[2..], [row(3, &["B", "Bob"]), row(4, &["C", "Tran \"Ba"]), row(5, &["D", "Dan"])]);
    // A cell over two lines that closes before a delimiter is one cell.
    let rows = split(b"id,unit,n\nA,\"Chi bo\nso 1\",3\n", b',');
    assert_eq!(rows[1], row(2, &["A", "Chi bo\nso 1", "3"]));
}

#[test]
fn quotes_doubled_and_text_after_a_closing_quote() {
    let rows = split(b"\"a \"\"b\"\"\",\"x\"y\"z,\"\"\n", b',');
    assert_eq!(rows, vec![row(1, &["a \"b\"", "xy\"z", ""])]);
}

#[test]
fn blank_rows_and_nul_bytes() {
    let rows = split(b"id;a\n;;\n\n \t; \nx;1\nx\0y\n", b';');
    let kinds: Vec<Split> = rows.iter().map(|r| r.0).collect();
    assert_eq!(
        kinds,
        [
            Split::Row { line: 1 },
            Split::Blank { line: 2 },
            Split::Blank { line: 3 },
            Split::Blank { line: 4 },
            Split::Row { line: 5 },
            Split::Nul { line: 6 }
        ]
    );
}

#[test]
fn the_delimiter_is_the_one_the_header_uses_most() {
    assert_eq!(sniff(b"id;ho_ten;c1\n1,5;x;y"), b';');
    assert_eq!(sniff(b"id\tname\r\n1,2,3,4"), b'\t');
    assert_eq!(sniff(b"\"a;b;c\",d,e\n"), b',');
    assert_eq!(sniff(b"id\n;;;;"), b',');
    assert_eq!(sniff(b"a,b;c\n"), b',');
}

#[test]
fn cells_are_padded_for_word_reads() {
    let mut s = Splitter::new(b"ab,c", b',');
    let mut rec = Record::default();
    s.next(&mut rec);
    // A row without quotes is copied whole, delimiters included.
    assert_eq!(rec.as_slice().len(), 4 + PAD);
    assert_eq!((rec.get(0), rec.get(1), rec.get(2)), (Some(&b"ab"[..]), Some(&b"c"[..]), None));
    let mut s = Splitter::new(b"\"a\"\"b\",c", b',');
    s.next(&mut rec);
    assert_eq!(rec.as_slice().len(), 4 + PAD);
    assert_eq!(rec.bytes(), b"a\"bc");
}

/// A cell: any bytes but NUL (a NUL ends a text file), quotes, delimiters
/// and line ends often.
fn cell() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => prop_oneof![Just(b'"'), Just(b','), Just(b';'), Just(b'\t'), Just(b'\r'), Just(b'\n'), Just(b' ')],
        6 => 1u8..=255,
    ];
    proptest::collection::vec(byte, 0..12)
}

proptest! {
    /// The word-at-a-time search finds every delimiter and nothing else.
    #[test]
    fn delimiters_are_found_word_by_word(row in proptest::collection::vec(any::<u8>(), 0..40), delim in any::<u8>()) {
        let mut got = Vec::new();
        super::delimiters(&row, delim, |i| got.push(i));
        let want: Vec<usize> = row.iter().enumerate().filter(|(_, b)| **b == delim).map(|(i, _)| i).collect();
        prop_assert_eq!(got, want);
    }

    /// Rows written by the `csv` crate's writer (which quotes what needs
    /// quotes) read back as the same cells, one record per row.
    #[test]
    fn rows_written_by_the_csv_crate_read_back(
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..6), 1..20),
        delim in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        crlf in any::<bool>(),
    ) {
        let term = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().delimiter(delim).terminator(term).flexible(true)
            .from_writer(Vec::new());
        // A row of one empty cell is written as an empty line: give it text.
        let rows: Vec<Vec<Vec<u8>>> = rows.into_iter()
            .map(|r| if r.len() == 1 && r[0].is_empty() { vec![b"-".to_vec()] } else { r })
            .collect();
        for r in &rows {
            w.write_record(r).expect("written");
        }
        let bytes = w.into_inner().expect("flushed");
        let mut s = Splitter::new(&bytes, delim);
        let mut rec = Record::default();
        let mut got = Vec::new();
        while let Some(what) = s.next(&mut rec) {
            prop_assert!(matches!(what, Split::Row { .. } | Split::Blank { .. }), "{what:?}");
            got.push(rec.iter().map(<[u8]>::to_vec).collect::<Vec<_>>());
        }
        prop_assert_eq!(got, rows);
    }

    /// Any bytes at all: the splitter ends, and never loops on a row.
    #[test]
    fn any_bytes_end(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut s = Splitter::new(&bytes, b',');
        let mut rec = Record::default();
        let mut last = None;
        while let Some(what) = s.next(&mut rec) {
            prop_assert!(last.is_none_or(|p| s.position() > p));
            last = Some(s.position());
            if matches!(what, Split::Nul { .. }) { break; }
        }
    }
}
