//! Evaluation: quotas computed by hand, exact thresholds, office-style data,
//! every kind of data error with nothing lost, and golden output.

use kehoach::check::{Model, check_path};
use kehoach::eval::Evaluator;
use kehoach::eval::outcome::Status;
use kehoach::eval::run::{Evaluation, Options, evaluate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn model(path: &str) -> Model {
    let c = check_path(Path::new(path)).unwrap();
    let msgs: Vec<String> = c.diagnostics.iter().map(|d| d.message()).collect();
    c.model.unwrap_or_else(|| panic!("{path}: {msgs:?}"))
}

fn run(m: &Model, files: &[PathBuf], year: i32) -> Evaluation {
    let opts = Options { year, as_of: None, subject: None, capture: None, ..Options::default() };
    evaluate(m, files, &opts).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// id → (status, tier name, score with 2 decimals).
fn results(m: &Model, e: &Evaluation) -> HashMap<String, (Status, String, String)> {
    let ev = Evaluator::new(m, 2024, None);
    e.outcomes
        .iter()
        .map(|o| {
            let tier = o.tier.map(|t| ev.tier_name(usize::from(t)).to_string()).unwrap_or_default();
            let score = o.score.map(|s| s.show(2)).unwrap_or_default();
            (o.id.to_string(), (o.status, tier, score))
        })
        .collect()
}

fn quota_rows(subject: &str, prefix: &str, a_scores: &[u32], b_count: usize, group: &str) -> String {
    let mut out = String::new();
    for (i, s) in a_scores.iter().enumerate() {
        out.push_str(&format!("{prefix}A{i},{subject},{s},{group}\n"));
    }
    for i in 0..b_count {
        out.push_str(&format!("{prefix}B{i:02},{subject},75,{group}\n"));
    }
    out
}

#[test]
fn every_quota_form_and_rounding_matches_hand_computation() {
    let m = model("tests/eval/quotas.kh");
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,subject,p,g\n");
    csv += &quota_rows("q_count", "C", &[95, 92, 99], 0, "G1"); // K = 2: 92 moves
    csv += &quota_rows("q_count", "D", &[91, 93], 0, "G2"); // another group: nobody moves
    csv += &quota_rows("q_all", "L", &[91, 92, 93, 94], 6, "x"); // 20% of 10 = 2
    csv += &quota_rows("q_tier", "T", &[91, 92, 93, 94], 10, "x"); // §5.3's example: n = 2
    csv += &quota_rows("q_better", "O", &[91, 92, 93, 94], 10, "x"); // 20% of 14 = 2.8 → 2
    csv += &quota_rows("q_up", "U", &[91, 92, 93, 94], 10, "x"); // ceil(20% of 11) = 3
    csv += &quota_rows("q_nearest", "N", &[91, 92, 93, 94], 12, "x"); // round(2.6) = 3
    csv += &quota_rows("q_floor", "F", &[91, 92, 93, 94], 12, "x"); // floor(2.8) = 2
    csv += &quota_rows("q_two", "W", &[90, 90, 95], 1, "x"); // ties by id; then 50% of all
    let e = run(&m, &[write(&dir, "q.csv", &csv)], 2024);
    let r = results(&m, &e);
    let tier = |id: &str| r[id].1.clone();
    let at_a = |prefix: &str| r.keys().filter(|k| k.starts_with(prefix) && r[*k].1 == "a").count();
    assert_eq!((tier("CA0"), tier("CA1"), tier("CA2")), ("a".into(), "b".into(), "a".into()));
    assert_eq!((tier("DA0"), tier("DA1")), ("a".into(), "a".into()));
    assert_eq!(at_a("L"), 2);
    assert_eq!((tier("LA3"), tier("LA2"), tier("LA1")), ("a".into(), "a".into(), "b".into()));
    assert_eq!(at_a("T"), 2);
    assert_eq!(at_a("O"), 2);
    assert_eq!(at_a("U"), 3);
    assert_eq!(at_a("N"), 3);
    assert_eq!(at_a("F"), 2);
    // q_two: 1 at a (95), so both 90s move to b; then b holds at most 50% of 4 = 2:
    // the tied 90s rank by id before the 75, which moves on to c.
    assert_eq!(tier("WA2"), "a");
    assert_eq!((tier("WA0"), tier("WA1"), tier("WB00")), ("b".into(), "b".into(), "c".into()));
    let moved = e.outcomes.iter().find(|o| &*o.id == "CA1").unwrap();
    let ev = Evaluator::new(&m, 2024, None);
    let text: Vec<String> =
        moved.reasons.iter().map(|x| kehoach::report::reason_text(&ev, moved, x)).collect();
    assert!(text.contains(&"quota: rank 3 of 3 in group G1, limit 2".to_string()), "{text:?}");
}

/// Quotas count their population while it is read, unless an outcome
/// changes afterwards: a repeated id (an error found once all is read) must
/// not count, whatever the quota saw while reading.
#[test]
fn a_repeated_id_changes_no_other_record_of_a_quota() {
    let m = model("tests/eval/quotas.kh");
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,subject,p,g\n");
    csv += &quota_rows("q_count", "C", &[95, 92, 99], 0, "G1");
    csv += &quota_rows("q_all", "L", &[91, 92, 93, 94], 6, "x");
    let before = results(&m, &run(&m, &[write(&dir, "a.csv", &csv)], 2024));
    // The repeats score highest: counted as candidates, they would move others.
    let repeated = csv.clone() + "CA1,q_count,100,G1\nLB00,q_all,100,x\nLA0,q_all,100,x\n";
    let e = run(&m, &[write(&dir, "b.csv", &repeated)], 2024);
    let errors: Vec<&str> = e.outcomes[e.outcomes.len() - 3..].iter().map(|o| o.id.as_str()).collect();
    assert_eq!(errors, ["CA1", "LB00", "LA0"]);
    assert!(e.outcomes[e.outcomes.len() - 3..].iter().all(|o| o.status == Status::Error));
    let first: Vec<_> = e.outcomes[..e.outcomes.len() - 3].to_vec();
    let after = results(&m, &Evaluation { outcomes: first, ..e });
    assert_eq!(after, before);
}

/// A quota over records classified after the others (their rule reads
/// other records) counts them once classified, not as they were read.
#[test]
fn a_quota_counts_records_classified_later() {
    let m = model("tests/eval/quota-later.kh");
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,subject,p,to_cua\nT1,to_nhom,90,\nT2,to_nhom,80,\nT3,to_nhom,70,\n\
               M1,thanh_vien,60,T1\nM2,thanh_vien,60,T2\nM3,thanh_vien,60,T3\n";
    let r = results(&m, &run(&m, &[write(&dir, "q.csv", csv)], 2024));
    let tiers: Vec<&str> = ["T1", "T2", "T3", "M1"].iter().map(|id| r[*id].1.as_str()).collect();
    assert_eq!(tiers, ["a", "b", "b", "a"]);
}

/// A record whose ref is bad (an error found once all is read) is no
/// candidate of its quota, whatever the quota saw while reading.
#[test]
fn a_bad_ref_is_no_candidate_of_a_quota() {
    let m = model("tests/eval/quota-ref.kh");
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,subject,p,don_vi_cua\nD1,don_vi,60,\nM1,thanh_vien,90,D1\nM2,thanh_vien,80,D1\n\
               M3,thanh_vien,99,NOPE\n";
    let r = results(&m, &run(&m, &[write(&dir, "q.csv", csv)], 2024));
    assert_eq!((r["M1"].1.as_str(), r["M2"].1.as_str(), r["M3"].0), ("a", "b", Status::Error));
}

#[test]
fn a_threshold_that_floating_point_misses_is_decided_exactly() {
    let m = model("plans/qd366/366-2025.kh");
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from(
        "id;subject;pham_chat;tu_duy;tu_phe_binh;ket_qua;don_vi;ty_le_vuot;ty_le_cham;dung_han;khac_phuc\n",
    );
    csv.push_str("X1;ca_nhan;16,9;2,4;5,13;65,57;VP;35;0;x;x\n");
    for i in 0..5 {
        csv.push_str(&format!("H{i};ca_nhan;18;4;8;50;VP;0;0;x;\n"));
    }
    let naive: f64 = [16.9, 2.4, 5.13, 65.57].iter().sum();
    assert!(naive < 90.0, "binary floating point says {naive}");
    let r = results(&m, &run(&m, &[write(&dir, "t.csv", &csv)], 2025));
    assert_eq!(r["X1"], (Status::Classified, "htxs".into(), "90".into()));
}

#[test]
fn decomposed_labels_and_office_spellings_are_read() {
    use unicode_normalization::UnicodeNormalization;
    let m = model("plans/hanoi/01-KH-TU.kh");
    let dir = tempfile::tempdir().unwrap();
    let header =
        "\u{feff}id;subject;Tư tưởng chính trị;dao_duc;KY_LUAT;nhiem_vu;co_so_dang;ngay_vao_dang;bi_ky_luat";
    let row = "N1;Đảng viên;XUẤT SẮC;  tốt ;Trung bình;Xuất sắc;P;1/2/1990;không";
    let csv: String = format!("{header}\n{row}\n").nfd().collect();
    let r = results(&m, &run(&m, &[write(&dir, "nfd.csv", &csv)], 2020));
    // One Trung bình: not every criterion >= Tốt ⇒ HTNV under 21-HD's grades.
    assert_eq!(r["N1"], (Status::Classified, "ht".into(), "85".into()));
}

#[test]
fn every_bad_value_is_a_record_error_and_nothing_is_lost() {
    let m = model("tests/eval/errors.kh");
    let dir = tempfile::tempdir().unwrap();
    let csv = "\
id,subject,nhiem_vu,diem,ky_luat,ngay,chi_bo_cua,xep_loai,lanh_dao,extra
C1,chi_bo,,,,,,,tot,
A1,dang_vien,tott,5,0,1/1/2000,C1,htt,,
A2,dang_vien,tot,11,0,1/1/2000,C1,htt,,
A3,dang_vien,tot,5,maybe,1/1/2000,C1,htt,,
A4,dang_vien,tot,5,0,31/2/2000,C1,htt,,
A5,dang_vien,tot,5,0,1/1/2000,C9,htt,,
A1,dang_vien,tot,5,0,1/1/2000,C1,htt,,
,dang_vien,tot,5,0,1/1/2000,C1,htt,,
A7,dang_vien_x,tot,5,0,1/1/2000,C1,htt,,
A8,dang_vien,,5,0,1/1/2000,C1,htt,,
A9,dang_vien,tot,5,0,1/11/2024,C1,,,
A10,dang_vien,tot,5,1,1/1/2000,C1,htt,,
";
    let file = write(&dir, "bad.csv", csv);
    let e = run(&m, std::slice::from_ref(&file), 2024);
    assert_eq!(e.outcomes.len(), 12, "every row is in the output");
    let err = |i: usize| {
        e.outcomes[i].error_text().unwrap_or_default().replace(&file.display().to_string(), "FILE")
    };
    assert_eq!(err(1), "FILE line 3, column `nhiem_vu`: `tott` is not a grade; did you mean `tot`?");
    assert_eq!(err(2), "FILE line 4, column `diem`: `11` is outside 0..=10");
    assert!(err(3).starts_with("FILE line 5, column `ky_luat`: `maybe` is not yes or no"), "{}", err(3));
    assert_eq!(err(4), "FILE line 6, column `ngay`: `31/2/2000` is not a date (YYYY-MM-DD or D/M/YYYY)");
    assert_eq!(err(5), "FILE line 7, column `chi_bo_cua`: `C9` is not the id of a `chi_bo` record");
    assert_eq!(err(6), "FILE line 8: id `A1` repeats (first at FILE line 3)");
    assert_eq!(err(7), "FILE line 9: column `id` is missing or empty");
    assert_eq!(
        err(8),
        "FILE line 10: column `subject`: `dang_vien_x` is not a subject; did you mean `dang_vien`?"
    );
    assert_eq!(err(9), "FILE line 11: criterion `nhiem_vu` has no grade");
    assert_eq!(e.outcomes[10].status, Status::Exempt, "an exempt record needs no tier field");
    assert_eq!(e.outcomes[11].status, Status::Classified);
    // The cell counts a member in error: it is in error too.
    assert!(err(0).contains("counts record `A1`, which is in error"), "{}", err(0));
    assert!(
        err(0).starts_with("FILE line 2: rule `htt` (line 17): `share(dang_vien by chi_bo_cua"),
        "{}",
        err(0)
    );
    assert!(e.warnings.iter().any(|w| w.to_string().contains("`extra`")), "{:?}", e.warnings);
}

#[test]
fn json_and_json_lines_are_read_with_their_positions() {
    let m = model("tests/eval/errors.kh");
    let dir = tempfile::tempdir().unwrap();
    let json = r#"[{"id":"C1","subject":"chi_bo","lanh_dao":"Tốt"},
                   {"id":"J1","subject":"dang_vien","nhiem_vu":"tot","diem":4.5,"ky_luat":false,"ngay":"2000-01-01","chi_bo_cua":"C1","xep_loai":"htt"},
                   {"id":"J2","subject":"dang_vien","nhiem_vu":"tot","diem":"x"}]"#;
    let jsonl = "{\"id\":\"L1\",\"subject\":\"dang_vien\",\"nhiem_vu\":\"kem\",\"diem\":0,\"ngay\":\"1/1/2000\",\"chi_bo_cua\":\"C1\",\"xep_loai\":\"ht\"}\nnot json\n";
    let files = [write(&dir, "a.json", json), write(&dir, "b.jsonl", jsonl)];
    let e = run(&m, &files, 2024);
    assert_eq!(e.outcomes.len(), 5);
    let err = |i: usize| e.outcomes[i].error_text().unwrap_or_default();
    assert!(err(2).ends_with("a.json [2], column `diem`: `x` is not a number"), "{}", err(2));
    assert!(err(4).contains("b.jsonl line 2: not a JSON object"), "{}", err(4));
    assert_eq!(e.outcomes[1].score.map(|s| s.show(2)), Some("79.5".into()));
    assert_eq!(e.outcomes[3].status, Status::Classified);
}

#[test]
fn bundled_sample_evaluates_to_golden_json() {
    let m = model("plans/hanoi/01-KH-TU.kh");
    let files: Vec<PathBuf> = ["dang-vien", "chi-bo", "bi-thu"]
        .iter()
        .map(|f| PathBuf::from(format!("plans/hanoi/data/{f}.csv")))
        .collect();
    let e = run(&m, &files, 2020);
    let ev = Evaluator::new(&m, 2020, None);
    let json = kehoach::report::json(&ev, &e);
    assert_eq!(json["summary"]["total"], 232);
    insta::assert_json_snapshot!("eval_01_kh_tu_sample", json);
    // The streamed JSON of `kehoach eval --format json` is the same document.
    let mut streamed = Vec::new();
    kehoach::report::write_json(&ev, &e, &mut streamed).unwrap();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&streamed).unwrap(), json);
    insta::assert_snapshot!("eval_01_kh_tu_table", kehoach::report::table(&ev, &e, kehoach::lang::Lang::En));
}

/// Errors are typed: tests (and later the message catalogs) match kinds,
/// not words.
#[test]
fn record_errors_carry_their_kind_and_place() {
    use kehoach::diag::{Clause, ErrorKind, EvalError, Spoil};
    let m = model("tests/explain/plan.kh");
    let e = run(&m, &[PathBuf::from("tests/explain/data.csv")], 2024);
    let kind = |id: &str| {
        let o = e.outcomes.iter().find(|o| o.id == id).unwrap();
        o.error.as_deref().map(|err| (err.kind().clone(), err.column().map(str::to_string)))
    };
    let cap = |why| ErrorKind::Undecided { clause: Clause::Cap { tier: "c".into(), line: 22 }, why };
    assert_eq!(kind("M2"), Some((cap(EvalError::Missing("muc_kl".into())), None)));
    assert!(matches!(kind("M3"), Some((ErrorKind::Cell(_), Some(c))) if c == "p"));
    assert!(matches!(
        kind("G1"),
        Some((
            ErrorKind::Undecided {
                clause: Clause::Cap { line: 29, .. },
                why: EvalError::Spoiled { why: Spoil::InError, .. }
            },
            None
        ))
    ));
    assert_eq!(kind("M1"), None);
    let placed = e.outcomes.iter().filter_map(|o| o.error.as_deref()).all(|err| err.is_placed());
    assert!(placed, "every error says where its record is");

    let m = model("tests/eval/quota-ref.kh");
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,subject,p,don_vi_cua\nD1,don_vi,60,\nM1,thanh_vien,90,NOPE\nM1,thanh_vien,80,D1\n";
    let e = run(&m, &[write(&dir, "r.csv", csv)], 2024);
    let kinds: Vec<Option<ErrorKind>> =
        e.outcomes.iter().map(|o| o.error.as_deref().map(|x| x.kind().clone())).collect();
    assert_eq!(kinds[1], Some(ErrorKind::BadRef { target: "NOPE".into(), root: "don_vi".into() }));
    assert!(matches!(&kinds[2], Some(ErrorKind::RepeatedId { id, .. }) if id == "M1"));
}
