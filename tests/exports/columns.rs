//! Whole-file causes, each said once on standard error and carried by
//! every record of the file: a legacy encoding (Windows-1258 as Excel in a
//! Vietnamese locale saves "CSV", Windows-1252), a column given twice, a
//! required column missing, no `id` column.

use super::make::{EXCEL_VN, col, members, table};
use super::members_as;
use super::run::{Out, placeless};
use tempfile::TempDir;
use unicode_normalization::UnicodeNormalization;

/// Tone marks, which Windows-1258 writes as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Text as Windows writes it in code page 1258: each letter decomposed,
/// its tone mark (if any) kept apart, the rest composed again.
fn vn1258(text: &str) -> Vec<u8> {
    let mut out = String::new();
    for c in text.chars() {
        let (tones, rest): (Vec<char>, Vec<char>) = c.to_string().nfd().partition(|m| TONES.contains(m));
        out.extend(rest.into_iter().nfc());
        out.extend(tones);
    }
    super::make::legacy(&out, encoding_rs::WINDOWS_1258)
}

/// Text in code page 1252, a letter it lacks written `?` (as Excel does).
fn cp1252(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        let mut buf = [0; 4];
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        out.extend_from_slice(if unmappable { b"?" } else { &bytes });
    }
    out
}

/// Every members record (the first 208) is in error with `words`, each
/// naming it once.
fn all_members_in_error(out: &Out, words: &str, once: &str) {
    for r in out.records.iter().take(208) {
        let error = r.error.as_deref().unwrap_or_else(|| panic!("{r:?}"));
        assert!(error.contains(words), "{error}");
        assert_eq!(error.matches(once).count(), 1, "{error}");
    }
}

/// Only the error lines of standard error.
fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error")).collect()
}

#[test]
fn windows_1258_is_one_file_error() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let (run, out) = members_as(&dir, "dv.csv", vn1258(&table(EXCEL_VN, &header, &rows)));
    all_members_in_error(&out, "not read: the file is not UTF-8 text", "UTF-8");
    let errors = error_lines(&run.stderr);
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(errors[0].contains("windows-1258"), "{}", errors[0]);
    insta::assert_snapshot!("windows_1258", placeless(&errors.join("\n"), dir.path()));
}

#[test]
fn windows_1252_is_one_file_error() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let (run, out) = members_as(&dir, "dv.csv", cp1252(&table(EXCEL_VN, &header, &rows)));
    all_members_in_error(&out, "not read: the file is not UTF-8 text", "UTF-8");
    assert_eq!(error_lines(&run.stderr).len(), 1, "{}", run.stderr);
}

/// The members with column `at` titled `title`, or a copy of it added last
/// under that title.
fn retitled(at: &str, title: &str, copy: bool) -> String {
    let (mut header, mut rows) = members();
    let i = col(&header, at);
    if copy {
        header.push(title.into());
        rows.iter_mut().for_each(|r| r.push(r[i].clone()));
    } else {
        header[i] = title.into();
    }
    table(EXCEL_VN, &header, &rows)
}

#[test]
fn a_column_given_twice_is_one_file_error() {
    let dir = TempDir::new().unwrap();
    let (run, out) = members_as(&dir, "dv.csv", retitled("tu_tuong", "tu_tuong", true));
    all_members_in_error(&out, "two columns for one item", "two columns");
    let errors = error_lines(&run.stderr);
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    insta::assert_snapshot!("duplicate_column", placeless(&errors.join("\n"), dir.path()));
    // The item's name and its label are the same column too.
    let (run, out) = members_as(&dir, "label.csv", retitled("tu_tuong", "Tư tưởng chính trị", true));
    all_members_in_error(&out, "`tu_tuong` and `Tư tưởng chính trị`", "two columns");
    assert_eq!(error_lines(&run.stderr).len(), 1, "{}", run.stderr);
}

#[test]
fn a_missing_criterion_column_is_said_once_per_subject() {
    let dir = TempDir::new().unwrap();
    // Titled as typed by hand: no column for `dao_duc`.
    let (run, out) = members_as(&dir, "dv.csv", retitled("dao_duc", "Dao duc", false));
    for r in out.records.iter().take(208).filter(|r| r.status == "error") {
        let error = r.error.as_deref().unwrap();
        assert!(error.ends_with("not read: the file has no column `dao_duc`"), "{error}");
    }
    // Admitted less than 6 months before: exempt, no grade needed.
    assert_eq!(out.records.iter().take(208).filter(|r| r.status == "exempt").count(), 4);
    assert_eq!(error_lines(&run.stderr).len(), 2, "dang_vien and dang_vien_huu_tri\n{}", run.stderr);
    assert!(error_lines(&run.stderr)[0].contains("(the nearest is `Dao duc`)"), "{}", run.stderr);
    insta::assert_snapshot!("missing_column", placeless(&run.stderr, dir.path()));
}

#[test]
fn no_id_column_is_one_file_error() {
    let dir = TempDir::new().unwrap();
    let (run, out) = members_as(&dir, "dv.csv", retitled("id", "ma_dang_vien", false));
    all_members_in_error(&out, "the file has no column `id`", "`id`");
    assert_eq!(error_lines(&run.stderr).len(), 1, "{}", run.stderr);
}

#[test]
fn members_in_error_are_not_said_missing() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = members();
    let (run, _) = members_as(&dir, "dv.csv", vn1258(&table(EXCEL_VN, &header, &rows)));
    assert!(!run.stderr.contains("were given"), "{}", run.stderr);
    let (run, _) = members_as(&dir, "twice.csv", retitled("tu_tuong", "tu_tuong", true));
    assert!(!run.stderr.contains("were given"), "{}", run.stderr);
}

#[test]
fn a_label_with_a_typo_is_suggested() {
    let dir = TempDir::new().unwrap();
    let (run, _) = members_as(&dir, "dv.csv", retitled("dao_duc", "Phẩm chất đạo đức lối sống", false));
    let errors = error_lines(&run.stderr);
    assert!(errors[0].contains("(the nearest is `Phẩm chất đạo đức lối sống`)"), "{}", run.stderr);
}
