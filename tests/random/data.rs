//! Random member data for a random plan: one or two CSV files with grades by
//! name and by label, missing and bad cells, repeated ids, refs to records
//! that exist and that do not, text in NFD and with stray spaces.

use super::Rng;
use super::expr::TEXTS;
use super::plan::{Kind, Spec};
use unicode_normalization::UnicodeNormalization;

/// One data file: its name and bytes.
#[derive(Clone, Debug)]
pub struct File {
    pub name: String,
    pub text: String,
}

struct Row {
    subject: usize,
    id: String,
}

pub fn generate(rng: &mut Rng, spec: &Spec) -> Vec<File> {
    let mut rows = Vec::new();
    for (s, sub) in spec.subjects.iter().enumerate() {
        let many = if rng.chance(8) { rng.range(20, 40) } else { 8 };
        for k in 1..=[0, 1, 2, 3, 4, 5, 6, many][rng.below(8)] {
            rows.push(Row { subject: s, id: format!("{}{k}", sub.prefix) });
        }
    }
    shuffle(rng, &mut rows);
    let repeats = if rng.chance(40) { 8 } else { 0 };
    for k in 1..rows.len() {
        if rng.chance(repeats) {
            rows[k].id = rows[rng.below(k)].id.clone();
        }
    }
    let columns = columns(spec);
    // Per thousand cells: how many are empty; a third as many are bad.
    let noise = *rng.pick(&[0, 0, 20, 50, 120]);
    let split = if rows.len() > 1 && rng.chance(30) { rng.range(1, rows.len() - 1) } else { rows.len() };
    let mut files = vec![file(rng, spec, &columns, (&rows[..split], &rows), noise, "a")];
    if split < rows.len() {
        files.push(file(rng, spec, &columns, (&rows[split..], &rows), noise, "b"));
    }
    files
}

fn shuffle<T>(rng: &mut Rng, xs: &mut [T]) {
    for i in (1..xs.len()).rev() {
        xs.swap(i, rng.below(i + 1));
    }
}

/// Every item name any subject declares, with its label, once.
fn columns(spec: &Spec) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for sub in &spec.subjects {
        for it in &sub.items {
            if !out.iter().any(|(n, _)| *n == it.name) {
                out.push((it.name, it.label));
            }
        }
    }
    out
}

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// The file of `rows` (of `all`), with `noise` per thousand cells empty.
fn file(
    rng: &mut Rng,
    spec: &Spec,
    columns: &[(&str, &str)],
    (rows, all): (&[Row], &[Row]),
    noise: usize,
    tag: &str,
) -> File {
    let mut cols: Vec<(&str, &str)> =
        columns.iter().copied().filter(|_| noise == 0 || !rng.chance(5)).collect();
    shuffle(rng, &mut cols);
    let mut header = vec!["id".to_string(), "subject".to_string()];
    for (n, l) in &cols {
        header.push(match rng.below(20) {
            0 => l.to_uppercase(),
            1 => nfd(l),
            2..=7 => l.to_string(),
            _ => n.to_string(),
        });
    }
    let extra = rng.chance(15);
    if extra {
        header.push("ghi_chu".into());
    }
    let mut table = Vec::new();
    for r in rows {
        let mut cells = vec![id_cell(rng, &r.id), subject_cell(rng, spec, r.subject, noise)];
        for (n, _) in &cols {
            cells.push(cell(rng, spec, (r.subject, n), all, noise));
        }
        if extra {
            cells.push("ghi chú".into());
        }
        table.push(cells);
    }
    match rng.below(10) {
        0 => json(rng, &header, &table, tag),
        _ => csv(rng, header, table, tag),
    }
}

/// An id as a cell: sometimes in NFD or with spaces around it.
fn id_cell(rng: &mut Rng, id: &str) -> String {
    match rng.below(20) {
        0 | 1 => nfd(id),
        2 => format!(" {id} "),
        _ => id.to_string(),
    }
}

fn csv(rng: &mut Rng, mut header: Vec<String>, mut table: Vec<Vec<String>>, tag: &str) -> File {
    if rng.chance(50) {
        header.swap(0, 1);
        table.iter_mut().for_each(|cells| cells.swap(0, 1));
    }
    let delimiter = *rng.pick(b",,;\t");
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    w.write_record(&header).expect("header");
    for cells in table {
        w.write_record(&cells).expect("row");
    }
    let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
    File { name: format!("{tag}.csv"), text }
}

/// JSON Lines or a JSON array of objects; an empty cell is left out.
fn json(rng: &mut Rng, header: &[String], table: &[Vec<String>], tag: &str) -> File {
    let objects: Vec<serde_json::Value> = table
        .iter()
        .map(|cells| {
            let pairs = header.iter().zip(cells).filter(|(_, c)| !c.is_empty() || rng.chance(50));
            let map = pairs.map(|(h, c)| (h.clone(), serde_json::Value::String(c.clone()))).collect();
            serde_json::Value::Object(map)
        })
        .collect();
    if rng.chance(50) {
        let text = objects.iter().map(|o| format!("{o}\n")).collect();
        return File { name: format!("{tag}.jsonl"), text };
    }
    File { name: format!("{tag}.json"), text: serde_json::Value::Array(objects).to_string() }
}

fn subject_cell(rng: &mut Rng, spec: &Spec, s: usize, noise: usize) -> String {
    let sub = &spec.subjects[s];
    match rng.below(50) {
        0 if noise > 0 => "khong_ro".into(),
        1 if noise > 0 => String::new(),
        2..=5 => sub.label.to_string(),
        _ => sub.name.to_string(),
    }
}

/// The cell of item `name` for a record of subject `s`: empty when the
/// subject has no such item.
fn cell(rng: &mut Rng, spec: &Spec, (s, name): (usize, &str), all: &[Row], noise: usize) -> String {
    let Some(it) = spec.subjects[s].items.iter().find(|i| i.name == name) else {
        return if rng.chance(20) { "x".into() } else { String::new() };
    };
    if rng.below(1000) < noise {
        return String::new();
    }
    if rng.below(3000) < noise {
        return rng.pick(&["???", "-1", "2023-02-30", "nhiều"]).to_string();
    }
    match &it.kind {
        Kind::Weight(_) => {
            let g = rng.pick(&spec.grades);
            abbreviated(rng, g.0, g.1)
        }
        Kind::Points(p) => {
            let max: f64 = p.parse().unwrap_or(10.0);
            let x = max * rng.below(105) as f64 / 100.0;
            let text = if rng.chance(50) { format!("{}", x.round()) } else { format!("{x:.1}") };
            if rng.chance(20) { text.replace('.', ",") } else { text }
        }
        Kind::Flag => {
            rng.pick(&["true", "false", "1", "0", "x", "", "yes", "no", "có", "Không", "TRUE"]).to_string()
        }
        Kind::Text => {
            let t = rng.pick(&TEXTS);
            match rng.below(10) {
                0 | 1 => nfd(t),
                2 => format!(" {t} "),
                _ => t.to_string(),
            }
        }
        Kind::Number => rng.pick(&["0", "1", "5", "19", "40", "12,5", "7.25", "100"]).to_string(),
        Kind::Date => date(rng, spec.year),
        Kind::Choice(opts) => {
            let (n, l) = rng.pick(opts);
            named(rng, n, l)
        }
        Kind::Tier => {
            let (n, l) = rng.pick(&spec.tiers);
            abbreviated(rng, n, l)
        }
        Kind::Ref(t) => reference(rng, spec, *t, all, noise),
    }
}

/// A grade or tier as [`named`] writes it, or by its `alias`, in any case.
fn abbreviated(rng: &mut Rng, name: &str, label: &str) -> String {
    match super::plan::alias(name) {
        Some(a) if rng.chance(15) => {
            if rng.chance(50) {
                a.to_string()
            } else {
                a.to_lowercase()
            }
        }
        _ => named(rng, name, label),
    }
}

/// A grade, tier or choice written by name or by label, in any case, NFC or NFD.
fn named(rng: &mut Rng, name: &str, label: &str) -> String {
    match rng.below(10) {
        0 => nfd(label),
        1 => label.to_uppercase(),
        2 => format!(" {label} "),
        3 | 4 => label.to_string(),
        5 => name.to_uppercase(),
        _ => name.to_string(),
    }
}

fn date(rng: &mut Rng, year: i32) -> String {
    let y = year - [0, 0, 0, 1, 2, 10, 30][rng.below(7)];
    let (m, d) = (rng.range(1, 12), rng.range(1, 28));
    if rng.chance(50) { format!("{y}-{m:02}-{d:02}") } else { format!("{d}/{m}/{y}") }
}

/// The id of a record of `t`'s family mostly; sometimes one of another
/// subject, one that no record has, or with spaces around it.
fn reference(rng: &mut Rng, spec: &Spec, t: usize, all: &[Row], noise: usize) -> String {
    let family: Vec<&Row> = all.iter().filter(|r| spec.in_family(r.subject, t)).collect();
    match rng.below(20) {
        0 if noise > 0 => "ZZ9".into(),
        1 if noise > 0 && !all.is_empty() => rng.pick(all).id.clone(),
        2 if !family.is_empty() => format!(" {} ", rng.pick(&family).id),
        3 | 4 if !family.is_empty() => nfd(&rng.pick(&family).id),
        _ if !family.is_empty() => rng.pick(&family).id.clone(),
        _ => format!("{}1", spec.subjects[t].prefix),
    }
}

/// The ids of the rows of `files`, in order, composed (NFC) and trimmed, as
/// every outcome must show them: read from the files themselves, so that
/// they hold for a case the minimizer shrank.
pub fn ids_of(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        if f.name.ends_with(".csv") {
            csv_ids(&f.text, &mut out);
        } else {
            let rows: Vec<serde_json::Value> = match f.name.ends_with(".jsonl") {
                true => f.text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect(),
                false => serde_json::from_str(&f.text).unwrap_or_default(),
            };
            out.extend(rows.iter().map(|r| r.get("id").and_then(|v| v.as_str()).unwrap_or("").to_string()));
        }
    }
    out.iter().map(|id| id.trim().nfc().collect()).collect()
}

fn csv_ids(text: &str, out: &mut Vec<String>) {
    let header = text.lines().next().unwrap_or("");
    let delimiter =
        *b",;\t".iter().max_by_key(|d| header.bytes().filter(|b| b == *d).count()).unwrap_or(&b',');
    let mut r = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let col = r.headers().ok().and_then(|h| h.iter().position(|t| t.trim() == "id"));
    for rec in r.records().flatten() {
        out.push(col.and_then(|c| rec.get(c)).unwrap_or("").to_string());
    }
}
