//! `fmt`: golden output, idempotence, and the property `parse(fmt(x)) == parse(x)`
//! over generated plans with comments and arbitrary layout.

mod common;

use kehoach::fmt::format_file;
use kehoach::syntax::parse_str;
use proptest::prelude::*;

fn fmt_text(name: &str, text: &str) -> String {
    format_file(&parse_str(name, text).unwrap_or_else(|d| panic!("{name}: {}", d.message())))
}

#[test]
fn messy_plan_formats_to_golden() {
    let text = std::fs::read_to_string("tests/fmt/messy.kh").unwrap();
    let out = fmt_text("messy.kh", &text);
    insta::assert_snapshot!("messy_formatted", out);
    assert_eq!(fmt_text("messy.kh", &out), out, "fmt is idempotent");
    assert_eq!(parse_str("a", &out).unwrap(), parse_str("b", &text).unwrap());
}

/// `display`: one line, names bare and titles quoted as written, comments kept.
#[test]
fn display_line_formats_to_golden() {
    let text = "plan \"D\" {}\n# the columns the office keeps\n  display   ho_ten\n \"Họ và tên\"   \"don vi\" # name, unit\ntiers { a \"A\" b \"B\" }\ndisplay\n\"display\"\n";
    let out = fmt_text("display.kh", text);
    insta::assert_snapshot!("display_formatted", out);
    assert_eq!(fmt_text("display.kh", &out), out, "fmt is idempotent");
    assert_eq!(parse_str("a", &out).unwrap(), parse_str("b", text).unwrap());
}

#[test]
fn every_comment_survives_formatting() {
    let text = std::fs::read_to_string("tests/fmt/messy.kh").unwrap();
    let out = fmt_text("messy.kh", &text);
    for line in text.lines() {
        if let Some(i) = line.find("# ") {
            let comment = line[i..].trim_end();
            assert!(out.contains(comment), "lost {comment:?}");
        }
    }
}

#[test]
fn bundled_plans_round_trip() {
    for plan in common::bundled_plans() {
        let text = std::fs::read_to_string(&plan).unwrap();
        let out = fmt_text("p", &text);
        assert_eq!(parse_str("a", &out).unwrap(), parse_str("b", &text).unwrap(), "{}", plan.display());
    }
}

const WORDS: &[&str] = &["a", "tot", "kem", "x1", "ket_qua", "dang_vien", "_n", "chi_bo", "htt"];

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(String::from)
}

fn string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!["a", "Đảng", " ", "\\\"", "\\\\", "\\n", "#", "ư"]), 0..5)
        .prop_map(|parts| format!("\"{}\"", parts.concat()))
}

fn number() -> impl Strategy<Value = String> {
    (0u32..1000, prop::option::of(0u32..100)).prop_map(|(i, f)| match f {
        Some(f) => format!("{i}.{f}"),
        None => i.to_string(),
    })
}

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        number(),
        number().prop_map(|n| format!("{n}%")),
        Just("2020-11-06".to_string()),
        Just("6/11/2020".to_string()),
        Just("15/12".to_string()),
        string(),
        Just("true".to_string()),
        Just("score".to_string()),
        Just("tier".to_string()),
        name(),
        (name(), name()).prop_map(|(g, t)| format!("all in {g} >= {t}")),
        name().prop_map(|t| format!("none == {t}")),
    ]
}

/// Expressions built layer by layer, as the grammar nests them.
fn expr() -> impl Strategy<Value = String> {
    atom().prop_recursive(4, 24, 4, |inner| {
        let ops =
            prop::sample::select(vec![" + ", " - ", " * ", " / ", " == ", " >= ", " < ", " and ", " or "]);
        prop_oneof![
            (inner.clone(), ops, inner.clone()).prop_map(|(a, op, b)| format!("(({a}){op}({b}))")),
            inner.clone().prop_map(|a| format!("not ({a})")),
            inner.clone().prop_map(|a| format!("-({a})")),
            inner.clone().prop_map(|a| format!("months_since({a})")),
            (name(), name(), inner.clone()).prop_map(|(s, f, w)| format!("count({s} by {f} where {w})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("{a} and {b} or {a}")),
        ]
    })
}

fn item() -> impl Strategy<Value = String> {
    prop_oneof![
        (name(), string(), number())
            .prop_map(|(n, l, w)| format!("criterion {n} {l} weight {w} group g locked")),
        (name(), number()).prop_map(|(n, p)| format!("criterion {n} points {p}")),
        (name(), string()).prop_map(|(n, l)| format!("flag {n} {l}")),
        name().prop_map(|n| format!("field {n} choice q1 \"Q\" q2 locked")),
        (name(), name()).prop_map(|(n, s)| format!("field {n} ref {s}")),
        name().prop_map(|n| format!("drop criterion {n}")),
        (name(), expr()).prop_map(|(t, e)| format!("rule {t} when {e}")),
        (name(), expr(), string()).prop_map(|(t, e, b)| format!("cap {t} when {e} because {b}")),
        expr().prop_map(|e| format!("exempt when {e}")),
        name().prop_map(|t| format!("otherwise {t}")),
        name().prop_map(|f| format!("cap at tier of {f}")),
        (name(), number(), name())
            .prop_map(|(t, p, o)| format!("quota {t} at most {p}% of {o} or better per plan round up")),
        (name(), number(), name()).prop_map(|(t, k, f)| format!("quota {t} at most {k} per {f}")),
        Just("lock rules".to_string()),
    ]
}

/// Joins lines with random indentation and comments; a line holding ```
/// (a script's opening or closing) and the script between get none.
fn layout(lines: Vec<String>, noise: Vec<(u8, bool)>) -> String {
    let mut out = String::new();
    let mut in_script = false;
    for (i, line) in lines.iter().enumerate() {
        let fence = line.contains("```");
        let (spaces, comment) =
            if fence || in_script { (0, false) } else { noise.get(i).copied().unwrap_or((1, false)) };
        if fence {
            in_script = !in_script;
        }
        out.push_str(&" ".repeat(spaces as usize % 4));
        out.push_str(line);
        if comment {
            out.push_str("   # chú thích ");
            out.push_str(&i.to_string());
        }
        out.push('\n');
        if spaces % 5 == 0 && !in_script {
            out.push_str("# một dòng chú thích\n\n");
        }
    }
    out
}

fn plan() -> impl Strategy<Value = String> {
    let items = prop::collection::vec(item(), 0..8);
    let noise = prop::collection::vec((0u8..10, any::<bool>()), 0..40);
    (string(), items, noise, expr()).prop_map(|(title, items, noise, e)| {
        let mut lines = vec![format!(
            "plan \"P\" {{ title {title} issued 2020-11-06 supersedes \"Q\" dated 8/11/2019 }}"
        )];
        lines.push(format!("display ho_ten {title} display_x"));
        lines.push("scale muc_do { tot \"Tốt\" 3 kem \"Kém\" 1 }".into());
        lines.push("level co_so \"Cơ sở\" { due before 15/12 report to \"A\" via \"B\" }".into());
        lines.push("subject s \"S\" extends t {".into());
        lines.extend(items);
        lines.push("}".into());
        lines.push("hook h for s on score ```".into());
        lines.push("  score + 1.0".into());
        lines.push("```".into());
        lines.push(format!(
            "test \"t\" {{ year 2020 record s \"R\" {{ a = tot n = -2 }} expect \"R\" tier htt }} # {e}"
        ));
        layout(lines, noise)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parse_fmt_is_parse(text in plan()) {
        let first = parse_str("gen.kh", &text).map_err(|d| TestCaseError::fail(format!("{}\n{text}", d.message())))?;
        let out = format_file(&first);
        let second = parse_str("fmt.kh", &out).map_err(|d| TestCaseError::fail(format!("{}\n{out}", d.message())))?;
        prop_assert_eq!(&first, &second, "formatted:\n{}", out);
        prop_assert_eq!(format_file(&second), out, "idempotent");
    }
}
