//! Diagnostics in both languages (issue 20): every case of `tests/cases/`
//! in Vietnamese (`diagnostics.rs` pins the English), the parse errors that
//! teach, in both, and the command line's own words.

mod common;

use kehoach::check::check_path;
use kehoach::diag::{Color, render_human, to_json};
use kehoach::lang::Lang;
use kehoach::syntax::parse_str;

#[test]
fn every_case_in_vietnamese() {
    insta::glob!("cases/*.kh", |path| {
        let rel = common::relative(path);
        let checked = check_path(&rel).expect("case files are readable");
        let human: String =
            checked.diagnostics.iter().map(|d| render_human(d, Color::Never, Lang::Vi)).collect();
        let json: Vec<_> = checked.diagnostics.iter().map(|d| to_json(d, Lang::Vi)).collect();
        let text = format!("{human}\n--- json ---\n{}", serde_json::to_string_pretty(&json).unwrap());
        insta::assert_snapshot!(text);
    });
}

/// JSON keeps its keys, codes, places and severities in every language:
/// only `message` and `help` (and the notes' messages) change.
#[test]
fn json_differs_only_in_its_words() {
    for case in ["tests/cases/names.kh", "tests/cases/child-locks.kh", "tests/cases/duplicates.kh"] {
        let checked = check_path(std::path::Path::new(case)).unwrap();
        for d in &checked.diagnostics {
            let (mut vi, mut en) = (to_json(d, Lang::Vi), to_json(d, Lang::En));
            assert_ne!(vi["message"], en["message"], "{case}: {}", en["message"]);
            for j in [&mut vi, &mut en] {
                j["message"] = serde_json::Value::Null;
                j["help"] = serde_json::Value::Null;
                for r in j["related"].as_array_mut().unwrap() {
                    r["message"] = serde_json::Value::Null;
                }
            }
            assert_eq!(vi, en, "{case}");
        }
    }
}

const HEAD: &str = "plan \"X\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\n";

/// Plans with one mistake each, and what it teaches.
const TEACHING: &[(&str, &str)] = &[
    ("diacritics", "subject s {\n  flag chuyển_đổi_số \"Chuyển đổi số\"\n  otherwise a\n}\n"),
    ("diacritics-nfd", "subject đảng_viên {\n  otherwise a\n}\n"),
    ("equals", "subject s {\n  field n number\n  rule a when n = 5\n  otherwise b\n}\n"),
    ("and", "subject s {\n  flag f\n  flag g\n  rule a when f && g\n  otherwise b\n}\n"),
    ("or", "subject s {\n  flag f\n  flag g\n  rule a when f || g\n  otherwise b\n}\n"),
    ("not", "subject s {\n  flag f\n  rule a when !f\n  otherwise b\n}\n"),
    ("function", "subject s {\n  field n number\n  rule a when max(n, 3) > 5\n  otherwise b\n}\n"),
    ("function-near", "subject s {\n  field d date\n  rule a when month_since(d) > 5\n  otherwise b\n}\n"),
    ("unclosed-subject", "subject s \"S\" {\n  flag f\n  otherwise a\n\nsubject t {\n  otherwise b\n}\n"),
    ("unclosed-at-end", "subject s {\n  flag f\n  otherwise a\n"),
    ("unclosed-paren", "subject s {\n  flag f\n  rule a when (f and f\n  otherwise b\n}\n"),
    ("keyword", "subject s {\n  critera c \"C\" points 10\n  otherwise a\n}\n"),
    ("keyword-inner", "subject s {\n  criterion c \"C\" wieght 10\n  otherwise a\n}\n"),
];

fn teaching(lang: Lang) -> String {
    let mut out = String::new();
    for (name, body) in TEACHING {
        let text = format!("{HEAD}{body}");
        let d = parse_str(&format!("{name}.kh"), &text).expect_err(name);
        out.push_str(&format!("=== {name} [{}]\n", d.code()));
        out.push_str(&render_human(&d, Color::Never, lang));
    }
    out
}

#[test]
fn parse_errors_teach_in_both_languages() {
    let vi = teaching(Lang::Vi);
    assert!(vi.contains("tên phải viết không dấu: `chuyen_doi_so`"), "{vi}");
    assert!(vi.contains("tên phải viết không dấu: `dang_vien`"), "{vi}");
    assert!(vi.contains("viết `==`") && vi.contains("viết `and`") && vi.contains("viết `not`"), "{vi}");
    assert!(vi.contains("`subject s {` ở dòng 6 chưa được đóng"), "{vi}");
    assert!(vi.contains("có phải là `criterion`?"), "{vi}");
    insta::assert_snapshot!("teaching_vi", vi);
    let en = teaching(Lang::En);
    assert!(en.contains("names are written without diacritics: `chuyen_doi_so`"), "{en}");
    assert!(en.contains("the functions are `count`, `share`, `months_since`, `months_between`"), "{en}");
    insta::assert_snapshot!("teaching_en", en);
}

fn kehoach(lang: Option<&str>) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("kehoach").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    for v in ["KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    if let Some(l) = lang {
        c.env("KEHOACH_LANG", l);
    }
    c
}

#[test]
fn check_speaks_vietnamese_by_default() {
    let out = kehoach(None).args(["check", "tests/cases/names.kh"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("không tìm thấy"), "{text}");
    assert!(text.contains("lỗi, ") && text.ends_with("trong 1 kế hoạch\n"), "{text}");
    let out = kehoach(None).args(["--lang", "en", "check", "tests/cases/names.kh"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("in 1 plan\n"), "{text}");
    let out = kehoach(None).args(["check", "--format", "json", "tests/cases/names.kh"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["severity"], "error");
    assert!(!json["diagnostics"][0]["message"].as_str().unwrap().is_ascii(), "{json}");
}

#[test]
fn a_plan_swallowed_by_data_is_named() {
    let args = ["eval", "--data", "plans/hanoi/data/dang-vien.csv", "plans/hanoi/01-KH-TU.kh"];
    for (lang, words) in [
        (None, "lỗi: `plans/hanoi/01-KH-TU.kh` đã bị đọc như tệp dữ liệu"),
        (Some("en"), "error: `plans/hanoi/01-KH-TU.kh` was taken as a data file"),
    ] {
        let out = kehoach(lang).args(args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(err.starts_with(words), "{err}");
        assert!(err.contains("kehoach eval plans/hanoi/01-KH-TU.kh --data"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
