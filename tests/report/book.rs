//! A workbook made by `eval --format xlsx`, read back with calamine, and
//! held to the JSON output of the same run.

use super::common::{kehoach, stdout};
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

pub struct Book {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    lang: String,
}

/// The text of every cell of `sheet`, row by row (a float as Rust shows it).
pub fn cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let Ok(range) = wb.worksheet_range(sheet) else { return Vec::new() };
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

/// The sheet names and status words of each language, as the test expects them.
fn words(lang: &str) -> ([&'static str; 4], [(&'static str, &'static str); 3], &'static str, &'static str) {
    match lang {
        "en" => (
            ["Results", "Summary", "Exempt", "Data errors"],
            [("classified", "classified"), ("exempt", "exempt"), ("error", "error")],
            "Subtotal",
            "Grand total",
        ),
        _ => (
            ["Kết quả", "Tổng hợp", "Miễn xếp loại", "Lỗi dữ liệu"],
            [("classified", "Đã xếp loại"), ("exempt", "Miễn xếp loại"), ("error", "Lỗi")],
            "Cộng",
            "Tổng cộng",
        ),
    }
}

pub fn abbreviation(label: &str) -> &str {
    match label {
        "Hoàn thành xuất sắc nhiệm vụ" => "HTXSNV",
        "Hoàn thành tốt nhiệm vụ" => "HTTNV",
        "Hoàn thành nhiệm vụ" => "HTNV",
        "Không hoàn thành nhiệm vụ" => "KHTNV",
        other => other,
    }
}

impl Book {
    /// Runs `args` (an `eval` without `--format`) as a workbook; `code` is the
    /// exit status expected.
    pub fn make(args: &[&str], code: i32) -> Book {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ket-qua.xlsx");
        let lang = args.iter().position(|a| *a == "--lang").map_or("vi", |i| args[i + 1]).to_string();
        let out = kehoach().args(args).args(["--format", "xlsx", "--out"]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty());
        Book { _dir: dir, path, lang }
    }

    fn sheet(&self, i: usize) -> Vec<Vec<String>> {
        cells(&self.path, words(&self.lang).0[i])
    }

    /// Every sheet as lines of cells, for a golden.
    pub fn dump(&self) -> String {
        let mut wb: Xlsx<_> = open_workbook(&self.path).unwrap();
        let mut out = String::new();
        for name in wb.sheet_names() {
            out.push_str(&format!("== {name} ==\n"));
            for row in wb.worksheet_range(&name).unwrap().rows() {
                let cells: Vec<String> = row.iter().map(text).collect();
                out.push_str(cells.join(" | ").trim_end());
                out.push('\n');
            }
        }
        out
    }

    /// The text of every cell note.
    pub fn notes(&self) -> String {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&self.path).unwrap()).unwrap();
        let mut out = String::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            if f.name().starts_with("xl/comments") {
                f.read_to_string(&mut out).unwrap();
            }
        }
        out
    }

    /// Each sheet against the JSON of the same run (`json_args`).
    pub fn check_against_json(&self, json_args: &[&str], lang: &str) {
        let (_, out) = stdout(kehoach().args(json_args));
        let j: Value = serde_json::from_str(&out).unwrap();
        let model = kehoach::check::check_path(Path::new(json_args[1])).unwrap().model.unwrap();
        let label = |name: &str| {
            let s = model.plan.subject(name).unwrap();
            s.label.as_ref().map_or(name.to_string(), |l| l.value.clone())
        };
        let records = j["records"].as_array().unwrap();
        let rows = self.sheet(0);
        assert_eq!(rows.len(), records.len() + 1, "a row per record and the heads");
        let n = rows[0].len() - 7;
        let statuses = words(lang).1;
        for (row, r) in rows[1..].iter().zip(records) {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
            let mut want = vec![s("id")];
            want.extend(rows[0][1..=n].iter().map(|t| r["columns"][t].as_str().unwrap_or("").to_string()));
            want.push(label(&s("subject")));
            want.push(r["score"].as_f64().map(|x| x.to_string()).unwrap_or_default());
            want.push(s("tier_label"));
            want.push(abbreviation(&s("tier_label")).to_string());
            want.push(statuses.iter().find(|(k, _)| *k == s("status")).unwrap().1.to_string());
            let reasons: Vec<&str> =
                r["reasons"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
            // JSON keeps the English error; the workbook says it in `lang`.
            let error = r["error"].as_str().map(|e| match lang {
                "en" => e.to_string(),
                _ => vietnamese_error(e, row.last().map_or("", String::as_str)),
            });
            want.push(error.unwrap_or_else(|| reasons.join("; ")));
            assert_eq!(row, &want, "record {}", s("id"));
        }
        self.check_summary(&j, &model, lang, &label);
        self.check_lists(records);
    }

    fn check_summary(
        &self,
        j: &Value,
        model: &kehoach::check::Model,
        lang: &str,
        label: &dyn Fn(&str) -> String,
    ) {
        let rows = self.sheet(1);
        let (_, _, subtotal, grand) = words(lang);
        let tiers = model.plan.tier_names();
        let sum = &j["summary"];
        let mut want =
            vec![grand.to_string(), String::new(), sum["total"].to_string(), sum["classified"].to_string()];
        for t in &tiers {
            let count = sum["tiers"][t].as_u64().unwrap();
            want.push(count.to_string());
            let classified = sum["classified"].as_u64().unwrap();
            want.push(if classified == 0 {
                String::new()
            } else {
                (count as f64 / classified as f64).to_string()
            });
        }
        want.extend([sum["exempt"].to_string(), sum["errors"].to_string()]);
        assert_eq!(rows.last().unwrap(), &want, "the grand total");
        // Per subject: its lines (not the subtotal) add up to its records, tier by tier.
        for s in &model.plan.subjects {
            let name = &s.name.name;
            let ours: Vec<&Value> =
                j["records"].as_array().unwrap().iter().filter(|r| r["subject"] == **name).collect();
            let lines: Vec<&Vec<String>> =
                rows.iter().filter(|r| r[0] == label(name) && r[1] != subtotal).collect();
            let add = |col: usize| lines.iter().map(|r| r[col].parse::<usize>().unwrap_or(0)).sum::<usize>();
            assert_eq!(add(2), ours.len(), "{name}");
            for (t, tier) in tiers.iter().enumerate() {
                let at = ours.iter().filter(|r| r["tier"] == **tier && r["status"] == "classified").count();
                assert_eq!(add(4 + 2 * t), at, "{name} {tier}");
            }
        }
    }

    fn check_lists(&self, records: &[Value]) {
        let ids = |status: &str| -> Vec<String> {
            records
                .iter()
                .filter(|r| r["status"] == status)
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        };
        let exempt: Vec<String> = self.sheet(2)[1..].iter().map(|r| r[0].clone()).collect();
        assert_eq!(exempt, ids("exempt"));
        let errors = self.sheet(3);
        let listed: Vec<&Vec<String>> = errors[1..].iter().filter(|r| !r[0].is_empty()).collect();
        assert_eq!(listed.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), ids("error"));
        // Each problem ends the record's error on the first sheet (the same language).
        let results = self.sheet(0);
        for row in listed {
            let shown = results.iter().find(|r| r[0] == row[0]).and_then(|r| r.last()).unwrap();
            assert!(shown.ends_with(&row[4]), "{row:?} vs {shown:?}");
        }
    }
}

/// The workbook's Vietnamese error `shown` of a record whose English
/// error is `english`: checked to be another wording of the same place.
fn vietnamese_error(english: &str, shown: &str) -> String {
    let file = english.split(' ').next().unwrap_or_default();
    assert!(shown.starts_with(file) && shown.contains(", dòng ") && shown != english, "{shown:?}");
    shown.to_string()
}
