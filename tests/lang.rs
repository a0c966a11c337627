//! The human output of every command in both languages (issue 20):
//! Vietnamese by default, English with `--lang en` or the locale; the
//! plan's labels instead of codes; JSON the same in both.

use assert_cmd::Command;

const HANOI: &str = "plans/hanoi/01-KH-TU.kh";
const DATA: [&str; 3] =
    ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];

/// The binary with no language in its environment: `vars` add some.
fn kehoach(vars: &[(&str, &str)]) -> Command {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    for v in ["KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    c
}

/// Standard output of `args` run in `lang` (`None`: the default), and the exit status.
fn run(lang: Option<&str>, args: &[&str]) -> (i32, String) {
    let mut c = kehoach(&[]);
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    let out = c.args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn eval_args<'a>(more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["eval", HANOI, "--year", "2020", "--data"];
    args.extend(DATA);
    args.extend(more);
    args
}

#[test]
fn the_eval_table_speaks_vietnamese_by_default_and_english_on_request() {
    let (code, vi) = run(None, &eval_args(&[]));
    assert_eq!(code, 0);
    assert!(vi.starts_with("Năm đánh giá 2020\n"), "{vi}");
    assert!(vi.contains("đạt điều kiện mức «Hoàn thành tốt nhiệm vụ»"), "{vi}");
    assert!(!vi.contains("dang_vien "), "subjects by their labels: {vi}");
    insta::assert_snapshot!("eval_table_vi", vi);
    let (_, en) = run(Some("en"), &eval_args(&[]));
    assert!(en.starts_with("Evaluation year 2020\n"), "{en}");
    insta::assert_snapshot!("eval_table_en", en);
}

#[test]
fn the_locale_decides_when_no_flag_is_given() {
    let out = |vars: &[(&str, &str)]| {
        String::from_utf8(kehoach(vars).args(eval_args(&[])).output().unwrap().stdout).unwrap()
    };
    assert!(out(&[("LANG", "en_US.UTF-8")]).starts_with("Evaluation year"));
    assert!(out(&[("LANG", "en_US.UTF-8"), ("KEHOACH_LANG", "vi")]).starts_with("Năm đánh giá"));
    assert!(out(&[("LC_ALL", "C")]).starts_with("Năm đánh giá"));
}

#[test]
fn json_does_not_change_with_the_language() {
    let (_, vi) = run(Some("vi"), &eval_args(&["--format", "json"]));
    let (_, en) = run(Some("en"), &eval_args(&["--format", "json"]));
    assert_eq!(vi, en);
    assert!(vi.contains("\"tier\":\"htt\""), "codes stay in JSON");
}

#[test]
fn explain_names_criteria_and_grades_by_their_labels() {
    let args = eval_args(&["--id", "DV0002"]);
    let args: Vec<&str> = ["explain"].into_iter().chain(args[1..].iter().copied()).collect();
    let (code, vi) = run(None, &args);
    assert_eq!(code, 0);
    assert!(
        vi.contains("Tiêu chí *Kết quả thực hiện nhiệm vụ được giao* (`nhiem_vu`): Tốt (3) → 30 điểm"),
        "{vi}"
    );
    insta::assert_snapshot!("explain_vi", vi);
    let (_, en) = run(Some("en"), &args);
    insta::assert_snapshot!("explain_en", en);
}

#[test]
fn schedule_dates_are_dd_mm_yyyy_with_weekdays_in_both_languages() {
    let args = ["schedule", HANOI, "--year", "2024"];
    let (code, vi) = run(None, &args);
    assert_eq!(code, 0);
    assert!(vi.contains("thời hạn của năm đánh giá 2024"), "{vi}");
    insta::assert_snapshot!("schedule_vi", vi);
    insta::assert_snapshot!("schedule_en", run(Some("en"), &args).1);
    let done = [
        "schedule",
        HANOI,
        "--year",
        "2024",
        "--done",
        "tests/schedule/done-2024.csv",
        "--as-of",
        "2025-01-05",
    ];
    let (code, vi) = run(None, &done);
    assert_eq!(code, 1);
    assert!(vi.contains("trễ ") && vi.contains("đúng hạn"), "{vi}");
    insta::assert_snapshot!("schedule_done_vi", vi);
    insta::assert_snapshot!("schedule_done_en", run(Some("en"), &done).1);
}

#[test]
fn test_and_fmt_speak_the_language() {
    let (code, vi) = run(None, &["test", HANOI]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("test_vi", vi);
    insta::assert_snapshot!("test_en", run(Some("en"), &["test", HANOI]).1);
    let (code, vi) = run(None, &["fmt", "--check", "tests/fmt/messy.kh"]);
    assert_eq!(code, 1);
    assert!(vi.starts_with("cần định dạng lại tests/fmt/messy.kh\n"), "{vi}");
    let (_, en) = run(Some("en"), &["fmt", "--check", "tests/fmt/messy.kh"]);
    assert!(en.starts_with("would reformat tests/fmt/messy.kh\n"), "{en}");
}

#[test]
fn diff_names_items_by_their_labels_in_both_languages() {
    let args = ["diff", "plans/hanoi/165-KH-TU.kh", HANOI, "--year", "2020"];
    let (code, vi) = run(None, &args);
    assert_eq!(code, 1, "the plans differ");
    assert!(vi.starts_with("So sánh kế hoạch 165-KH/TU → 01-KH/TU, năm đánh giá 2020\n"), "{vi}");
    assert!(
        vi.contains("Tiêu chí «Kết quả thực hiện nhiệm vụ được giao» (`nhiem_vu`): trọng số 30 → 40, tăng"),
        "{vi}"
    );
    assert!(
        vi.contains("Thời hạn: trước ngày 20/12 → trước ngày 15/12, sớm hơn: hạn cuối 14/12/2020"),
        "{vi}"
    );
    assert!(!vi.contains("subject.dang_vien"), "no internal paths for people: {vi}");
    insta::assert_snapshot!("diff_human_vi", vi);
    let (_, md) = run(None, &[&args[..], &["--format", "markdown"]].concat());
    assert!(md.starts_with("## So sánh kế hoạch"), "{md}");
    insta::assert_snapshot!("diff_markdown_vi", md);
    let (_, en) = run(Some("en"), &args);
    assert!(
        en.contains("Criterion «Kết quả thực hiện nhiệm vụ được giao» (`nhiem_vu`): weight 30 → 40, up"),
        "{en}"
    );
}

#[test]
fn the_transition_matrix_uses_the_tier_abbreviations() {
    let mut args = vec!["diff", HANOI, "plans/ba-dinh/12-KH-QU.kh", "--year", "2020", "--data"];
    args.extend([
        "plans/ba-dinh/data/dang-vien.csv",
        "plans/hanoi/data/chi-bo.csv",
        "plans/hanoi/data/bi-thu.csv",
    ]);
    let (_, vi) = run(None, &args);
    let matrix = vi.split("Tác động trên").nth(1).unwrap_or_default();
    assert!(matrix.contains("HTXSNV") && matrix.contains("KHTNV"), "{vi}");
    assert!(matrix.contains("HTXSNV (95) → HTTNV (95)"), "{vi}");
    insta::assert_snapshot!("diff_impact_vi", matrix);
}

#[test]
fn help_speaks_the_language_and_describes_every_argument() {
    for (lang, code) in [(None, "vi"), (Some("en"), "en")] {
        let (status, root) = run(lang, &["--help"]);
        assert_eq!(status, 0);
        insta::assert_snapshot!(format!("help_root_{code}"), root);
        for cmd in ["check", "fmt", "eval", "explain", "report", "test", "diff", "schedule", "show"] {
            let (status, help) = run(lang, &[cmd, "--help"]);
            assert_eq!(status, 0, "{cmd}");
            // Every argument has words after it (no bare `<PLAN>` line).
            for line in help.lines().filter(|l| l.trim_start().starts_with(['-', '<'])) {
                assert!(line.trim().contains("  "), "{cmd}: an argument without help: {line}");
            }
            insta::assert_snapshot!(format!("help_{cmd}_{code}"), help);
        }
    }
    let (_, vi) = run(None, &["eval", "--help"]);
    assert!(vi.contains("Cách dùng: kehoach eval [TÙY CHỌN]"), "{vi}");
    assert!(vi.contains("dd/mm/yyyy"), "the date format of --as-of: {vi}");
    assert!(vi.contains("xlsx (bảng tính Excel, cần --out)"), "the values of --format: {vi}");
}

#[test]
fn usage_mistakes_speak_the_language() {
    let out = kehoach(&[]).args(["eval", "--year", "abc"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("lỗi: giá trị không hợp lệ 'abc' cho '--year <YEAR>': `abc` không phải một năm"),
        "{err}"
    );
    let out = kehoach(&[]).args(["--lang", "en", "evl"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: unrecognized subcommand 'evl'"), "{err}");
}
