//! Tests of `data::convert`.

use super::*;
use unicode_normalization::UnicodeNormalization;

proptest::proptest! {
    /// A date read from its bytes is the date the text path reads.
    #[test]
    fn dates_from_bytes_are_the_dates_of_the_text(t in "[0-9+ ]{0,3}[/-][0-9+]{0,3}[/-][0-9+ ]{0,5}") {
        if let Some(d) = quick(&SlotKind::Date, t.as_bytes()) {
            proptest::prop_assert_eq!(Ok(d), date(CellRef::Text(&t)).map(Value::Date));
        }
    }
}

proptest::proptest! {
    /// A number read from its bytes is the number the text path reads.
    #[test]
    fn numbers_from_bytes_are_the_numbers_of_the_text(t in "[-+ ]?[0-9]{0,20}[.,]?[0-9]{0,2} ?") {
        let max = Exact::int(20);
        for kind in [SlotKind::Number, SlotKind::Points(max)] {
            if let Some(n) = quick(&kind, t.as_bytes()) {
                proptest::prop_assert_eq!(Ok(n), convert_slowly(&kind, CellRef::Text(&t)));
            }
        }
    }
}

#[test]
fn whole_numbers_are_read_from_their_bytes() {
    let n = |kind: &SlotKind, t: &str| quick(kind, t.as_bytes());
    assert_eq!(n(&SlotKind::Number, "20"), Some(Value::Num(Exact::int(20))));
    assert_eq!(
        n(&SlotKind::Number, "999999999999999999"),
        Some(Value::Num(Exact::int(999_999_999_999_999_999)))
    );
    assert_eq!(n(&SlotKind::Points(Exact::int(20)), "21"), None);
    for slow in ["", "1999999999999999999", "0,5", " 2", "-1", "+1"] {
        assert_eq!(n(&SlotKind::Number, slow), None, "{slow}");
    }
}

#[test]
fn dates_in_both_forms_are_read_from_their_bytes() {
    let d = |t: &str| quick(&SlotKind::Date, t.as_bytes());
    assert_eq!(d("1/2/2000"), NaiveDate::from_ymd_opt(2000, 2, 1).map(Value::Date));
    assert_eq!(d("01/12/2000"), NaiveDate::from_ymd_opt(2000, 12, 1).map(Value::Date));
    assert_eq!(d("2000-12-01"), d("01/12/2000"));
    for slow in ["31/2/2000", "1/2/200", "001/2/2000", "1/2/2000 ", "+1/2/2000", "1/2/2000/"] {
        assert_eq!(d(slow), None, "{slow}");
    }
}

#[test]
fn titles_compare_with_runs_of_spaces_and_line_breaks_as_one_space() {
    assert_eq!(norm("  Tư tưởng\nchính  trị "), "tư tưởng chính trị");
    assert_eq!(norm("Tư tưởng\r\nChính trị"), norm("tư tưởng chính trị"));
    assert_eq!(norm("HO\u{302}\u{300}"), "hồ");
}

#[test]
fn labels_find_every_spelling_of_every_length_and_nothing_else() {
    let mut labels = Labels::new();
    let words: Vec<String> =
        (0..=2 * WIDE + 2).map(|n| (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect()).collect();
    for (i, w) in words.iter().enumerate() {
        labels.add(w, i);
    }
    // Without the table (every text hashed) and with it.
    for labels in [labels.clone(), labels.with_table()] {
        for (i, w) in words.iter().enumerate() {
            assert_eq!(labels.exact(w.as_bytes()), Some(i), "length {i}");
            for at in 0..w.len() {
                let mut b = w.clone().into_bytes();
                b[at] = b'-';
                assert_eq!(labels.exact(&b), None, "length {i}, byte {at}");
            }
        }
    }
}

#[test]
fn the_table_answers_short_spellings_once_built() {
    let mut labels = Labels::new();
    for (i, w) in
        ["tot", "kem", "xuat_sac", "Trung bình", "một nhãn dài hơn mười sáu byte"].iter().enumerate()
    {
        labels.add(w, i);
    }
    let window = |w: &str| {
        let mut b = [b','; WIDE];
        let n = w.len().min(WIDE);
        b[..n].copy_from_slice(&w.as_bytes()[..n]);
        b
    };
    assert_eq!(labels.wide(&window("tot"), 3), None, "no table before `with_table`");
    let labels = labels.with_table();
    for (i, w) in ["tot", "kem", "xuat_sac", "trung bình"].iter().enumerate() {
        assert_eq!(labels.wide(&window(w), w.len()), Some(i), "{w}");
    }
    let long = "một nhãn dài hơn mười sáu byte";
    assert_eq!(labels.wide(&window(long), long.len()), None, "past 16 bytes: the general way");
    assert_eq!(labels.exact(long.as_bytes()), Some(4));
}

#[test]
fn converts_office_spellings() {
    let mut labels = Labels::new();
    labels.add("tot", Exact::int(3));
    labels.add("Tốt", Exact::int(3));
    labels.names.push("tot".into());
    labels.shown.push("Tốt".into());
    let grade = SlotKind::Grade(labels.into());
    let nfd: String = "TỐT".nfd().collect();
    assert_eq!(convert_cell(&grade, CellRef::Text(&nfd)), Ok(Value::Grade(Exact::int(3))));
    assert!(
        convert_cell(&grade, CellRef::Text("tott")).unwrap_err().to_string().contains("did you mean `tot`")
    );
    // Written like a label: the label is suggested.
    for typo in ["Tôt", "TÔT", "Tôt "] {
        let why = convert_cell(&grade, CellRef::Text(typo)).unwrap_err().to_string();
        assert!(why.contains("did you mean `Tốt`"), "{typo}: {why}");
    }
    assert_eq!(convert_cell(&SlotKind::Flag, CellRef::Text("Có")), Ok(Value::Bool(true)));
    assert_eq!(convert_cell(&SlotKind::Flag, CellRef::Text("x")), Ok(Value::Bool(true)));
    assert_eq!(
        convert_cell(&SlotKind::Number, CellRef::Text("8,5")),
        Ok(Value::Num(Exact::ratio(17, 2).unwrap()))
    );
    let d = NaiveDate::from_ymd_opt(2020, 11, 6).unwrap();
    assert_eq!(convert_cell(&SlotKind::Date, CellRef::Text("6/11/2020")), Ok(Value::Date(d)));
    assert_eq!(convert_cell(&SlotKind::Date, CellRef::Text("2020-11-06")), Ok(Value::Date(d)));
    for bad in ["2020-11", "2020-11-06-1", "20-11-06", "2020-13-01", "2020-02-30", "2020-1a-01"] {
        assert!(convert_cell(&SlotKind::Date, CellRef::Text(bad)).is_err(), "{bad}");
    }
    assert!(convert_cell(&SlotKind::Points(Exact::int(10)), CellRef::Text("11")).is_err());
}
