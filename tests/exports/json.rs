//! The members as JSON arrays and JSON Lines, with what other programs
//! write: numbers beyond a double (`1e400`, 20-digit ids, a score a hair
//! under a boundary), a lone surrogate, bytes that are not UTF-8 on one
//! line, a key given twice. Each spoils its own record, never the file.

use super::make::{file, members};
use super::run::{self, Out, check, eval};
use super::{ROWS, same_outcomes};
use tempfile::TempDir;

/// Each bundled member as a JSON object, cells as strings.
fn objects() -> Vec<String> {
    let (header, rows) = members();
    let object = |r: &Vec<String>| {
        let map: serde_json::Map<String, serde_json::Value> =
            header.iter().zip(r).map(|(h, c)| (h.clone(), c.clone().into())).collect();
        serde_json::to_string(&map).unwrap()
    };
    rows.iter().map(object).collect()
}

/// `object` with the member `key` written as `raw` (JSON text).
fn with(object: &str, key: &str, raw: &str) -> String {
    let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(object).unwrap();
    map.remove(key);
    let rest = serde_json::to_string(&map).unwrap();
    format!("{{\"{key}\": {raw}, {}", &rest[1..])
}

/// Evaluates the members file with the cells: the output.
fn eval_file(dir: &TempDir, name: &str, text: impl AsRef<[u8]>) -> Out {
    let path = file(dir.path(), name, text);
    let (_, out) = run::eval_members(dir.path(), &path, ROWS);
    out.expect("the file is read")
}

fn in_error(out: &Out) -> Vec<usize> {
    (0..out.records.len()).filter(|&i| out.records[i].status == "error").collect()
}

#[test]
fn huge_numbers_and_twenty_digit_ids_keep_their_digits() {
    let dir = TempDir::new().unwrap();
    let mut items = objects();
    items[3] = with(&items[3], "tuoi_dang", "1e400");
    items[5] = with(&items[5], "id", "12345678901234567890");
    items[6] = with(&items[6], "id", "12345678901234567891");
    items[8] = with(&items[8], "tuoi_dang", "-1e-400");
    let out = eval_file(&dir, "dv.json", format!("[\n{}\n]\n", items.join(",\n")));
    let id = |i: usize| run::outcome(&out.records[i]).0;
    assert_eq!((id(5), id(6)), ("12345678901234567890".into(), "12345678901234567891".into()));
    // `1e400` is no age: those two members are in error, and so is their
    // cell (its `share(dang_vien …)` counts them).
    assert_eq!(in_error(&out), [3, 8, 208]);
    let error = out.records[3].error.as_deref().unwrap();
    assert!(error.contains("dv.json [3], column `tuoi_dang`: `1e400`"), "{error}");
    same_outcomes(&out, &[3, 5, 6, 8, 208]);
    for i in [5, 6] {
        let ((_, s, status, tier, score), want) = (run::outcome(&out.records[i]), &super::bundled()[i]);
        assert_eq!((s, status, tier, score), (want.1.clone(), want.2.clone(), want.3.clone(), want.4));
    }
}

#[test]
fn a_score_a_hair_under_seventy_stays_under() {
    let dir = TempDir::new().unwrap();
    let member = |id: &str, result: &str| {
        format!(
            r#"{{"id": "{id}", "subject": "ca_nhan", "pham_chat": 18, "tu_duy": 4, "tu_phe_binh": 8,
                "ket_qua": {result}, "don_vi": "Văn phòng", "ty_le_vuot": 0, "ty_le_cham": 0,
                "dung_han": true, "khac_phuc": true}}"#
        )
    };
    let text = format!(
        "[{}, {}, {}]",
        member("CN1", "39.99999999999999999"),
        member("CN2", "40"),
        member("CN3", "\"39,99999999999999999\"")
    );
    let path = file(dir.path(), "cn.json", text);
    let run = eval(dir.path(), ("plans/qd366/366-2025.kh", "2025"), &[&path], &[]);
    let out = check(&run, 3).unwrap();
    let tiers: Vec<_> = out.records.iter().map(|r| r.tier.as_deref().unwrap_or("-")).collect();
    assert_eq!(tiers, ["ht", "htt", "ht"], "{:?}", out.records);
}

#[test]
fn a_lone_surrogate_spoils_only_its_element() {
    let dir = TempDir::new().unwrap();
    let mut items = objects();
    items[7] = with(&items[7], "name", r#""Nguy\ud800n""#);
    let out = eval_file(&dir, "dv.json", format!("[{}]", items.join(",")));
    assert_eq!(in_error(&out), [7]);
    let error = out.records[7].error.as_deref().unwrap();
    assert!(error.contains("dv.json [7]"), "{error}");
    same_outcomes(&out, &[7]);
}

#[test]
fn a_json_lines_line_that_is_not_utf8_spoils_only_its_record() {
    let dir = TempDir::new().unwrap();
    let mut lines: Vec<Vec<u8>> = objects().into_iter().map(String::into_bytes).collect();
    let at = lines[9].windows(2).position(|w| w == b"\xc3\xb9").unwrap_or(20);
    lines[9][at] = 0xff;
    let out = eval_file(&dir, "dv.jsonl", lines.join(&b"\r\n"[..]));
    assert_eq!(in_error(&out), [9]);
    let error = out.records[9].error.as_deref().unwrap();
    assert!(error.contains("dv.jsonl line 10") && error.contains("not UTF-8"), "{error}");
    same_outcomes(&out, &[9]);
}

#[test]
fn a_key_given_twice_spoils_only_its_record() {
    let dir = TempDir::new().unwrap();
    let mut items = objects();
    items[11] = with(&items[11], "tu_tuong", r#""Tốt", "tu_tuong": "Kém""#);
    let out = eval_file(&dir, "dv.json", format!("[{}]", items.join(",")));
    assert_eq!(in_error(&out), [11]);
    let error = out.records[11].error.as_deref().unwrap();
    assert!(error.contains("[11]") && error.contains("`tu_tuong` appears twice"), "{error}");
    same_outcomes(&out, &[11]);
}
