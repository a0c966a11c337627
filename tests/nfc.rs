//! Text that groups (`per F`, `by F`), refers, identifies or is compared in a
//! condition is read NFC-normalized and trimmed, whatever the input (issue 16,
//! item 4): CSV, JSON, JSON Lines, `test` blocks, plan constants, `--id`.
//! Decomposed spellings are written as escapes so that the bytes are plain.

mod common;

use common::{kehoach, stdout};

use kehoach::check::{Model, check_path};
use kehoach::eval::Evaluator;
use kehoach::eval::outcome::Status;
use kehoach::eval::run::{Evaluation, Options, evaluate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// "Chi bộ Tây Hồ", composed (NFC) and decomposed (NFD).
const UNIT: &str = "Chi b\u{1ed9} T\u{e2}y H\u{1ed3}";
const UNIT_NFD: &str = "Chi bo\u{323}\u{302} Ta\u{302}y Ho\u{302}\u{300}";
/// "Đảng ủy Tây Hồ", the collective's id.
const BODY: &str = "\u{110}\u{1ea3}ng \u{1ee7}y T\u{e2}y H\u{1ed3}";
const BODY_NFD: &str = "\u{110}a\u{309}ng u\u{309}y Ta\u{302}y Ho\u{302}\u{300}";

#[test]
fn the_spellings_differ_only_in_form() {
    for (nfc, nfd) in [(UNIT, UNIT_NFD), (BODY, BODY_NFD)] {
        assert_ne!(nfc, nfd);
        assert_eq!(nfd.nfc().collect::<String>(), nfc);
        assert_eq!(nfc.nfd().collect::<String>(), nfd);
    }
}

/// (id, subject, points, unit, collective) of the sample: the collective's
/// own id written decomposed; D01's unit decomposed; D03's with spaces and
/// a no-break space around it; D11 (KHTNV) names its collective decomposed.
fn sample() -> Vec<[String; 5]> {
    let row = |id: &str, s: &str, p: u32, unit: &str, body: &str| {
        [id.to_string(), s.to_string(), p.to_string(), unit.to_string(), body.to_string()]
    };
    let mut rows = vec![
        row(BODY_NFD, "tap_the", 95, "", ""),
        row("D01", "dang_vien", 99, UNIT_NFD, BODY),
        row("D02", "dang_vien", 95, UNIT, BODY),
        row("D03", "dang_vien", 93, &format!(" {UNIT}  \u{a0}"), BODY),
    ];
    for i in 4..=10 {
        rows.push(row(&format!("D{i:02}"), "dang_vien", 75, UNIT, BODY));
    }
    rows.push(row("D11", "dang_vien", 40, UNIT, BODY_NFD));
    rows
}

const COLUMNS: [&str; 5] = ["id", "subject", "diem", "co_so", "thuoc"];

fn csv(rows: &[[String; 5]]) -> String {
    let mut out = COLUMNS.join(",") + "\n";
    for r in rows {
        out += &(r.join(",") + "\n");
    }
    out
}

fn objects(rows: &[[String; 5]]) -> Vec<serde_json::Value> {
    let object = |r: &[String; 5]| {
        let map = COLUMNS.iter().zip(r).filter(|(_, v)| !v.is_empty());
        serde_json::Value::Object(map.map(|(k, v)| (k.to_string(), v.clone().into())).collect())
    };
    rows.iter().map(object).collect()
}

fn model(path: &Path) -> Model {
    let c = check_path(path).unwrap();
    let msgs: Vec<String> = c.diagnostics.iter().map(|d| d.message()).collect();
    c.model.unwrap_or_else(|| panic!("{}: {msgs:?}", path.display()))
}

fn run(m: &Model, file: PathBuf) -> Evaluation {
    let opts = Options { year: 2025, as_of: None, subject: None, capture: None, ..Options::default() };
    evaluate(m, &[file], &opts).unwrap()
}

/// id → (status, tier name, error).
fn results(m: &Model, e: &Evaluation) -> HashMap<String, (Status, String, String)> {
    let ev = Evaluator::new(m, 2025, None);
    let tier = |t: Option<u8>| t.map(|t| ev.tier_name(usize::from(t)).to_string()).unwrap_or_default();
    e.outcomes
        .iter()
        .map(|o| {
            let error = o.error_text().unwrap_or_default();
            (o.id.to_string(), (o.status, tier(o.tier), error))
        })
        .collect()
}

/// The sample read as if every spelling were composed and trimmed: one
/// unit of 11 (20% of 11 → 2 at HTXSNV: D01 and D02), one collective whose
/// member D11 is KHTNV (so the collective is HTTNV), its id composed.
fn assert_one_spelling(m: &Model, e: &Evaluation) {
    let r = results(m, e);
    let tier = |id: &str| {
        let (status, tier, error) = r.get(id).unwrap_or_else(|| panic!("no record `{id}` in {r:?}"));
        assert_eq!((status, error.as_str()), (&Status::Classified, ""), "{id}");
        tier.clone()
    };
    assert_eq!(r.len(), 12, "{r:?}");
    assert_eq!(tier("D01"), "htxs", "D01's decomposed unit is the same unit");
    assert_eq!(tier("D02"), "htxs");
    assert_eq!(tier("D03"), "htt", "the quota's limit is 2 of the unit's 11");
    assert_eq!(tier("D11"), "kht", "a decomposed ref finds its collective");
    for i in 4..=10 {
        assert_eq!(tier(&format!("D{i:02}")), "htt");
    }
    assert_eq!(tier(BODY), "htt", "the collective counts D11, and its id reads composed");
}

fn nfc_plan() -> Model {
    model(Path::new("tests/eval/nfc.kh"))
}

#[test]
fn csv_cells_group_refer_and_identify_as_composed_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nfd.csv");
    std::fs::write(&file, csv(&sample())).unwrap();
    let m = nfc_plan();
    assert_one_spelling(&m, &run(&m, file));
}

#[test]
fn semicolon_csv_with_a_bom_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nfd.csv");
    std::fs::write(&file, format!("\u{feff}{}", csv(&sample()).replace(',', ";"))).unwrap();
    let m = nfc_plan();
    assert_one_spelling(&m, &run(&m, file));
}

#[test]
fn json_and_json_lines_values_group_refer_and_identify_as_composed_text() {
    let dir = tempfile::tempdir().unwrap();
    let m = nfc_plan();
    let array = dir.path().join("nfd.json");
    std::fs::write(&array, serde_json::Value::Array(objects(&sample())).to_string()).unwrap();
    assert_one_spelling(&m, &run(&m, array));
    let lines = dir.path().join("nfd.jsonl");
    let text: Vec<String> = objects(&sample()).iter().map(|o| o.to_string()).collect();
    std::fs::write(&lines, text.join("\n")).unwrap();
    assert_one_spelling(&m, &run(&m, lines));
}

#[test]
fn the_table_shows_the_unit_once_and_composed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nfd.csv");
    std::fs::write(&file, csv(&sample())).unwrap();
    let mut c = kehoach();
    c.args(["eval", "tests/eval/nfc.kh", "--year", "2025", "--format", "table", "--data"]).arg(&file);
    let (code, out) = stdout(&mut c);
    assert_eq!(code, 0, "{out}");
    let groups: Vec<&str> = out.lines().filter(|l| l.contains("Đảng viên / ")).collect();
    assert_eq!(groups.len(), 1, "{out}");
    assert!(groups[0].contains(&format!("/ {UNIT} ")), "{out}");
    assert!(!out.contains(UNIT_NFD) && !out.contains(BODY_NFD), "{out}");
    insta::assert_snapshot!("nfc_table", out);
}

#[test]
fn explain_finds_a_decomposed_id_given_composed_and_the_other_way() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nfd.csv");
    std::fs::write(&file, csv(&sample())).unwrap();
    for id in [BODY, BODY_NFD, &format!("{BODY} ")] {
        let mut c = kehoach();
        c.args(["explain", "tests/eval/nfc.kh", "--year", "2025", "--id", id, "--data"]).arg(&file);
        let (code, out) = stdout(&mut c);
        assert_eq!(code, 0, "--id {id:?}: {out}");
        assert!(out.contains(BODY), "{out}");
    }
}

/// A plan with a decomposed constant (with a space after it) in a condition.
const CONSTANT_PLAN: &str = "plan \"K\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\n\
    subject s \"S\" {\n  field co_so \"C\" text\n  rule a when co_so == \"UNIT \"\n  otherwise b\n}\n";

#[test]
fn a_decomposed_text_constant_in_a_condition_equals_the_composed_cell() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("k.kh");
    std::fs::write(&plan, CONSTANT_PLAN.replace("UNIT", UNIT_NFD)).unwrap();
    let file = dir.path().join("d.csv");
    std::fs::write(&file, format!("id,co_so\nX1,{UNIT}\nX2,{UNIT_NFD}\nX3,{UNIT}\u{a0}\nX4,Chi bo\n"))
        .unwrap();
    let m = model(&plan);
    let r = results(&m, &run(&m, file));
    let tiers: Vec<&str> = ["X1", "X2", "X3", "X4"].iter().map(|id| r[*id].1.as_str()).collect();
    assert_eq!(tiers, ["a", "a", "a", "b"]);
}

/// The sample as a `test` block: D1's unit decomposed, D3's with a space
/// after it, the collective's id decomposed in its record and composed in
/// the expectation, D11's ref decomposed.
fn test_block() -> String {
    let mut out = format!("\ntest \"NFD\" {{\n  record tap_the \"{BODY_NFD}\" {{ diem = 95 }}\n");
    let member = |id: &str, p: u32, unit: &str, body: &str| {
        format!("  record dang_vien \"{id}\" {{ diem = {p} co_so = \"{unit}\" thuoc = \"{body}\" }}\n")
    };
    out += &member("D01", 99, UNIT_NFD, BODY);
    out += &member("D02", 95, UNIT, BODY);
    out += &member("D03", 93, &format!("{UNIT} "), BODY);
    for i in 4..=10 {
        out += &member(&format!("D{i:02}"), 75, UNIT, BODY);
    }
    out += &member("D11", 40, UNIT, BODY_NFD);
    for (id, tier) in [("D01", "htxs"), ("D02", "htxs"), ("D03", "htt"), ("D11", "kht"), (BODY, "htt")] {
        out += &format!("  expect \"{id}\" tier {tier}\n");
    }
    out + "}\n"
}

#[test]
fn test_block_records_group_refer_and_identify_as_composed_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("t.kh");
    let text = std::fs::read_to_string("tests/eval/nfc.kh").unwrap() + test_block().as_str();
    std::fs::write(&plan, text).unwrap();
    let results = kehoach::plantest::run_all(&model(&plan));
    assert_eq!(results.len(), 1);
    assert!(results[0].failures.is_empty(), "{:?}", results[0].failures);
}

#[test]
fn ids_that_differ_only_in_form_or_spaces_repeat_but_case_counts() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("k.kh");
    std::fs::write(&plan, CONSTANT_PLAN.replace("UNIT", UNIT)).unwrap();
    let file = dir.path().join("d.csv");
    let ids = [BODY, BODY_NFD, "CS01", "cs01", "CS01\u{a0}"];
    std::fs::write(&file, format!("id,co_so\n{}\n", ids.map(|id| format!("{id},x")).join("\n"))).unwrap();
    let m = model(&plan);
    let e = run(&m, file);
    let got: Vec<(&str, Status)> = e.outcomes.iter().map(|o| (o.id.as_ref(), o.status)).collect();
    let (ok, repeat) = (Status::Classified, Status::Error);
    assert_eq!(got, [(BODY, ok), (BODY, repeat), ("CS01", ok), ("cs01", ok), ("CS01", repeat)]);
    assert!(e.outcomes[1].error_text().is_some_and(|m| m.contains("repeats")), "{:?}", e.outcomes[1]);
}

#[test]
fn fmt_prints_test_block_text_composed_and_conditions_as_written() {
    let plan = CONSTANT_PLAN.replace("UNIT", UNIT_NFD);
    let text = format!("{plan}test \"t\" {{\n  record s \"{BODY_NFD} \" {{ co_so = \"{UNIT_NFD}\" }}\n}}\n");
    let out = kehoach::fmt::format_file(&kehoach::syntax::parse_str("k.kh", &text).unwrap());
    assert!(out.contains(&format!("rule a when co_so == \"{UNIT_NFD} \"")), "{out}");
    assert!(out.contains(&format!("record s \"{BODY}\" {{\n    co_so = \"{UNIT}\"\n")), "{out}");
}
