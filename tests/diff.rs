//! `kehoach diff` (issue #5): golden diffs of the bundled plans in all three
//! formats, an impact case computed by hand, reformatting that is no change,
//! the supersedes warning and the exit statuses; repeated header entries
//! (issue 16), and every item of the grammar taking part (`items`).

#[path = "diff/items.rs"]
mod items;

use assert_cmd::Command;
use serde_json::Value as Json;

fn run(args: &[&str]) -> (i32, String, String) {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    let out = c
        .env("NO_COLOR", "1")
        .env("KEHOACH_LANG", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// `diff --format json` of two plan texts written side by side in a fresh
/// directory (with `extra` files beside them): the exit status and the changes.
fn diff_texts(old: &str, new: &str, extra: &[(&str, &str)]) -> (i32, Vec<Json>, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("old.kh", old), ("new.kh", new)].iter().chain(extra) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (code, out, err) = run(&["diff", &path("old.kh"), &path("new.kh"), "--format", "json"]);
    let changes = match serde_json::from_str::<Json>(&out) {
        Ok(v) => v["changes"].as_array().cloned().unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    (code, changes, format!("{out}{err}"))
}

/// The (path, kind, old, new) of each change.
fn summary(changes: &[Json]) -> Vec<(String, String, Json, Json)> {
    let s = |v: &Json| v.as_str().unwrap_or_default().to_string();
    changes.iter().map(|c| (s(&c["path"]), s(&c["kind"]), c["old"].clone(), c["new"].clone())).collect()
}

const CITY_2019: &str = "plans/hanoi/165-KH-TU.kh";
const CITY_2020: &str = "plans/hanoi/01-KH-TU.kh";
const DISTRICT: &str = "plans/ba-dinh/12-KH-QU.kh";

#[test]
fn golden_diffs_of_the_bundled_plans_in_every_format() {
    for (name, old, new) in [("city", CITY_2019, CITY_2020), ("district", CITY_2020, DISTRICT)] {
        for format in ["human", "json", "markdown"] {
            let (code, out, err) = run(&["diff", old, new, "--year", "2020", "--format", format]);
            assert_eq!(code, 1, "plans that differ exit 1: {err}");
            assert!(err.is_empty(), "no warning expected: {err}");
            insta::assert_snapshot!(format!("diff_{name}_{format}"), out);
        }
    }
}

#[test]
fn directions_are_named() {
    let (_, out, _) = run(&["diff", CITY_2019, CITY_2020, "--year", "2020", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let note = |path: &str| {
        v["changes"].as_array().unwrap().iter().find(|c| c["path"] == path).map(|c| c["note"].clone())
    };
    assert_eq!(note("subject.dang_vien.criterion.nhiem_vu.weight").unwrap(), "weight up");
    // 01-KH/TU's member rules read grades only (21-HD); a threshold change is named.
    let old = std::fs::read_to_string(CITY_2019).unwrap();
    let (_, changes, _) = diff_texts(&old, &old.replace("score >= 75", "score >= 70"), &[]);
    let rules = changes.iter().find(|c| c["path"] == "subject.dang_vien.rules").unwrap();
    assert_eq!(rules["note"], "rule `htt`: score threshold lowered 75 → 70");
    let due = note("level.co_so.due").unwrap();
    assert!(due.as_str().unwrap().starts_with("deadline earlier: last day 14/12/2020 instead of 19/12/2020"));
    let (_, out, _) = run(&["diff", CITY_2020, DISTRICT, "--year", "2020", "--format", "json"]);
    assert!(out.contains("quota `htxs` tighter"), "{out}");
}

#[test]
fn impact_matches_the_hand_computation() {
    let args =
        ["diff", "tests/diff/old.kh", "tests/diff/new.kh", "--year", "2024", "--format", "json", "--data"];
    let (code, out, err) = run(&[&args[..], &["tests/diff/members.csv"]].concat());
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // A 72: ht → htt (threshold 75 → 70). B 80: htt both. C 60: ht both.
    // D 90 and new: htt → exempt. E bad value: in error under both.
    let want = serde_json::json!({"ht->ht": 1, "ht->htt": 1, "htt->-": 1, "htt->htt": 1, "-->-": 1});
    assert_eq!(v["impact"]["transitions"], want);
    let moved: Vec<(&str, serde_json::Value, serde_json::Value)> = v["impact"]["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["old"].clone(), m["new"].clone()))
        .collect();
    assert_eq!(moved, [("A", "ht".into(), "htt".into()), ("D", "htt".into(), serde_json::Value::Null)]);
    // Reformatting, comments and the hook's indentation are no change; the
    // exemption and the threshold are.
    let paths: Vec<&str> =
        v["changes"].as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["plan.id", "plan.issued", "plan.supersedes", "subject.dang_vien.exempt", "subject.dang_vien.rules"]
    );
    let (_, human, _) = run(&[
        "diff",
        "tests/diff/old.kh",
        "tests/diff/new.kh",
        "--year",
        "2024",
        "--data",
        "tests/diff/members.csv",
    ]);
    insta::assert_snapshot!("diff_impact_human", human);
}

#[test]
fn the_same_plan_reformatted_is_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(CITY_2020).unwrap();
    let messy: String = text
        .lines()
        .map(|l| if l.trim().is_empty() { "\n\n# a comment\n".to_string() } else { format!("    {l}   \n") })
        .collect();
    // Its test blocks read data files next to it.
    std::fs::create_dir(dir.path().join("data")).unwrap();
    for f in std::fs::read_dir("plans/hanoi/data").unwrap().flatten() {
        std::fs::copy(f.path(), dir.path().join("data").join(f.file_name())).unwrap();
    }
    let copy = dir.path().join("01-KH-TU.kh");
    std::fs::write(&copy, messy).unwrap();
    let (code, out, err) = run(&["diff", CITY_2020, copy.to_str().unwrap(), "--year", "2020"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("The plans are the same."), "{out}");
}

#[test]
fn a_plan_that_does_not_name_the_one_it_replaces_is_warned_about() {
    let (code, _, err) = run(&["diff", CITY_2019, "plans/qd366/366-2025.kh", "--year", "2025"]);
    assert_eq!(code, 1);
    assert!(err.contains("warning: `"), "{err}");
    assert!(err.contains("165-KH/TU"), "{err}");
}

#[test]
fn trouble_exits_2() {
    let (code, _, _) = run(&["diff", CITY_2020, "plans/khong-co.kh"]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["diff", CITY_2020, "tests/cases/names.kh"]);
    assert_eq!(code, 2, "an invalid plan cannot be compared");
    let (code, _, _) = run(&["diff", CITY_2020, CITY_2020, "--data", "tests/diff/nope.csv"]);
    assert_eq!(code, 2);
}

#[test]
fn human_output_is_coloured_only_when_asked() {
    let (_, plain, _) = run(&["diff", CITY_2019, CITY_2020, "--year", "2020"]);
    assert!(!plain.contains('\x1b'));
    let (_, coloured, _) = run(&["diff", CITY_2019, CITY_2020, "--year", "2020", "--color", "always"]);
    assert!(coloured.contains("\x1b[32m+ rule htt when all >= tot"), "{coloured}");
    assert!(coloured.contains("\x1b[33m~\x1b[0m Number:"), "{coloured}");
}

/// A plan whose header has the given `basis` lines.
fn with_bases(bases: &[&str]) -> String {
    let lines: String = bases.iter().map(|b| format!("  basis \"{b}\"\n")).collect();
    let plan = std::fs::read_to_string("tests/diff/old.kh").unwrap();
    plan.replace("  issued 2024-01-10\n", &format!("  issued 2024-01-10\n{lines}"))
}

/// Old bases, new bases, and the (kind, old, new) of each change expected.
type Case<'a> = (&'a [&'a str], &'a [&'a str], Vec<(&'a str, Json, Json)>);

#[test]
fn each_basis_line_is_compared_by_its_text() {
    let (a, b, c, d) = ("Quy định 132", "Hướng dẫn 21", "Hướng dẫn 33", "Hướng dẫn 36");
    let cases: [Case; 6] = [
        // The third line differs: one document is no longer cited, another is.
        (&[a, b, c], &[a, b, d], vec![("removed", c.into(), Json::Null), ("added", Json::Null, d.into())]),
        (&[a], &[d], vec![("removed", a.into(), Json::Null), ("added", Json::Null, d.into())]),
        (&[a, b], &[a, b, c], vec![("added", Json::Null, c.into())]),
        (&[a, b, c], &[a, c], vec![("removed", b.into(), Json::Null)]),
        // Matched by text, not position: a line put first is no change of the others.
        (&[a, b], &[c, a, b], vec![("added", Json::Null, c.into())]),
        (&[a, b], &[b, a], vec![]),
    ];
    for (old, new, want) in cases {
        let (code, changes, out) = diff_texts(&with_bases(old), &with_bases(new), &[]);
        let got = summary(&changes);
        let want: Vec<_> =
            want.into_iter().map(|(k, o, n)| ("plan.basis".to_string(), k.to_string(), o, n)).collect();
        assert_eq!(got, want, "{old:?} → {new:?}: {out}");
        assert_eq!(code, if want.is_empty() { 0 } else { 1 }, "{out}");
    }
}

#[test]
fn the_basis_01_adds_to_165_is_reported() {
    let (_, out, _) = run(&["diff", CITY_2019, CITY_2020, "--year", "2020", "--format", "json"]);
    let v: Json = serde_json::from_str(&out).unwrap();
    let bases: Vec<_> = summary(v["changes"].as_array().unwrap())
        .into_iter()
        .filter(|(path, ..)| path == "plan.basis")
        .collect();
    let added = "Hướng dẫn 33-HD/BTCTW ngày 30/10/2020 của Ban Tổ chức Trung ương";
    assert_eq!(bases, [("plan.basis".into(), "added".into(), Json::Null, added.into())]);
}

/// What the bundled plans do not show: basis lines, a renamed scale, the
/// order of levels and of hooks, `locked` levels and subjects, `lock rules`,
/// an added attribute and a removed `report` line.
#[test]
fn golden_diff_of_the_items_issue_16_found_missing() {
    let (old, new) = ("tests/diff/items/base.kh", "tests/diff/items/changed.kh");
    for format in ["human", "markdown"] {
        let (code, out, err) = run(&["diff", old, new, "--format", format]);
        assert_eq!(code, 1, "{err}");
        insta::assert_snapshot!(format!("diff_items_{format}"), out);
    }
}
