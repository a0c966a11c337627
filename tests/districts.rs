//! District plans that try to undo the city's (issue 19). The acceptance
//! set `tests/districts/*.kh` extends `tests/districts/city/thanh-pho.kh` and
//! each plan tries one thing the city locks: every one is refused or warned,
//! always at the district's own line, with the city's line as a note
//! (golden diagnostics). `ok/` holds what a district may do. `seen/` holds
//! the five cases the issue saw, against the bundled plans.

mod common;

use kehoach::check::{Checked, check_path};
use kehoach::diag::{Color, Diagnostic, render_human, to_json};
use kehoach::lang::Lang;
use std::path::Path;

fn check(path: &str) -> Checked {
    check_path(Path::new(path)).expect("district plans are readable")
}

/// (code, file name, line) of a finding, and (file name, line) of its notes.
type Places = (String, String, usize, Vec<(String, usize)>);

fn places(d: &Diagnostic) -> Places {
    let at = |l: &kehoach::source::Loc| {
        (l.src.path().file_name().unwrap().to_string_lossy().into_owned(), l.line())
    };
    let (file, line) = at(d.loc.as_ref().expect("a place"));
    (d.code().to_string(), file, line, d.related.iter().map(|r| at(&r.loc)).collect())
}

#[test]
fn undo_the_city() {
    let mut seen = 0;
    insta::glob!("districts/*.kh", |path| {
        seen += 1;
        let rel = common::relative(path);
        let checked = check(rel.to_str().unwrap());
        assert!(!checked.diagnostics.is_empty(), "{} should have findings", rel.display());
        let child = rel.file_name().unwrap().to_string_lossy().into_owned();
        for d in &checked.diagnostics {
            let (code, file, line, notes) = places(d);
            assert_eq!(file, child, "{code} at {file}:{line} is not at the district's line");
            assert!(notes.iter().any(|(f, _)| f == "thanh-pho.kh"), "{code} names no line of the city");
        }
        let human: String =
            checked.diagnostics.iter().map(|d| render_human(d, Color::Never, Lang::En)).collect();
        let json: Vec<_> = checked.diagnostics.iter().map(|d| to_json(d, Lang::En)).collect();
        let text = format!("{human}\n--- json ---\n{}", serde_json::to_string_pretty(&json).unwrap());
        insta::assert_snapshot!(text);
    });
    assert!(seen >= 8, "the acceptance set has {seen} plans");
}

#[test]
fn what_a_district_may_change_passes_without_a_word() {
    let checked = check("tests/districts/ok/hop-le.kh");
    let found: Vec<_> = checked.diagnostics.iter().map(places).collect();
    assert!(found.is_empty(), "{found:?}");
    assert!(checked.model.is_some());
}

fn codes(path: &str) -> Vec<Places> {
    check(path).diagnostics.iter().map(places).collect()
}

#[test]
fn seen_1_an_exemption_of_disciplined_members_is_refused() {
    let found = codes("tests/districts/seen/1-mien-tru-ky-luat.kh");
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, file, line, notes) = &found[0];
    assert_eq!((code.as_str(), file.as_str(), *line), ("locked", "1-mien-tru-ky-luat.kh", 8));
    assert_eq!(notes[0].0, "01-KH-TU.kh");
}

#[test]
fn seen_2_a_rule_list_replacing_the_citys_is_said_at_the_districts_line() {
    let checked = check("tests/districts/seen/2-mot-quy-tac.kh");
    let warning = checked.diagnostics.iter().find(|d| d.code() == "rules-replaced").expect("a warning");
    let message = warning.message();
    assert!(message.starts_with("replaces the 3 rules and `otherwise` of 01-KH-TU.kh:"), "{message}");
    for d in &checked.diagnostics {
        let (code, file, line, notes) = places(d);
        assert_eq!((file.as_str(), line), ("2-mot-quy-tac.kh", 7), "{code}");
        assert!(notes.iter().all(|(f, _)| f == "01-KH-TU.kh"), "{code}: {notes:?}");
    }
    let fall = checked.diagnostics.iter().filter(|d| d.code() == "fall-through").count();
    assert_eq!(fall, 2, "members and retired members, who inherit the list");
}

#[test]
fn seen_3_a_looser_quota_is_warned_at_its_number() {
    let checked = check("tests/districts/seen/3-han-muc-long.kh");
    let found: Vec<_> = checked.diagnostics.iter().map(|d| (places(d), d.message())).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let ((code, file, line, notes), message) = &found[0];
    assert_eq!((code.as_str(), file.as_str(), *line), ("quota-looser", "3-han-muc-long.kh", 7));
    assert_eq!(message, "the parent plan's 20% binds; this 25% has no effect");
    assert_eq!(notes[0].0, "01-KH-TU.kh");
    assert!(checked.model.is_some(), "a warning, not an error");
}

#[test]
fn seen_4_points_moved_between_the_366_groups_are_refused() {
    let found = codes("tests/districts/seen/4-chuyen-diem-366.kh");
    let lines: Vec<_> =
        found.iter().map(|(c, f, l, n)| (c.as_str(), f.as_str(), *l, n[0].0.as_str())).collect();
    assert_eq!(
        lines,
        [
            ("group-total", "4-chuyen-diem-366.kh", 8, "366-2025.kh"),
            ("group-total", "4-chuyen-diem-366.kh", 9, "366-2025.kh")
        ]
    );
}

#[test]
fn seen_5_weights_a_district_made_110_are_said_at_its_criterion() {
    let found = codes("tests/districts/seen/5-them-tieu-chi.kh");
    assert_eq!(found.len(), 2, "dang_vien and dang_vien_huu_tri: {found:?}");
    for (code, file, line, notes) in &found {
        assert_eq!((code.as_str(), file.as_str(), *line), ("sum-not-100", "5-them-tieu-chi.kh", 7));
        assert_eq!(notes[0].0, "01-KH-TU.kh");
    }
}

#[test]
fn a_group_line_after_a_criterion_of_that_group_is_its_own_item() {
    let dir = tempfile::tempdir().unwrap();
    let text = "plan \"X\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\nscale m {\n  tot \"Tốt\" 1\n}\n\
                subject s {\n  criterion c weight 30 group g\n  group g total 30 locked\n  criterion d weight 70 group h\n  group h \"H\" total 60\n  otherwise a\n}\n";
    let path = dir.path().join("x.kh");
    std::fs::write(&path, text).unwrap();
    let checked = check(path.to_str().unwrap());
    let found: Vec<_> = checked.diagnostics.iter().map(|d| (d.code(), d.message(), d.is_error())).collect();
    let total = "criteria of group `h` add up to 70, not its total 60".to_string();
    assert_eq!(found, [("group-total", total, false)], "an unlocked total is a warning");
}

#[test]
fn a_type_error_a_child_caused_by_retyping_a_field_is_at_the_childs_field() {
    let checked = check("tests/districts/doi-kieu-truong.kh");
    let found: Vec<_> = checked.diagnostics.iter().map(places).collect();
    let at =
        ("incomparable".to_string(), "doi-kieu-truong.kh".to_string(), 8, vec![("thanh-pho.kh".into(), 61)]);
    assert_eq!(found, [at], "at the district's field, the city's rule as the note");
    let note = checked.diagnostics[0].related[0].note.text(kehoach::lang::Lang::En);
    assert_eq!(note, "the parent plan reads `nam_giu_chuc` here, as it declared it");
}
