//! The reference for plan authors stays true: every ```` ```kh ```` example of
//! docs/HUONG-DAN.md, docs/REFERENCE.md and the README checks as its fence says,
//! and every diagnostic code of src/diag/kind.rs is explained in both references.
//!
//! Fences: ```` ```kh ```` is a whole plan that `check --deny-warnings` accepts
//! (and whose `test` blocks pass); ```` ```kh expect=CODE,CODE ```` is a whole
//! plan on which `check` reports each CODE; ```` ```kh fragment ```` is part of
//! a plan and is not run. Examples are written to `plans/vidu/` of a copy of
//! `plans/`, so that `extends "../hanoi/01-KH-TU.kh"` finds the bundled plans.

mod common;

use common::kehoach;

use std::fs;
use std::path::{Path, PathBuf};

/// The references for plan authors, Vietnamese and English.
const DOCS: [&str; 2] = ["docs/HUONG-DAN.md", "docs/REFERENCE.md"];

/// Where the examples are: the references and the README's walkthrough.
const WITH_EXAMPLES: [&str; 3] = ["docs/HUONG-DAN.md", "docs/REFERENCE.md", "README.md"];

/// One fenced example: where it starts, its fence's words, its text.
struct Example {
    place: String,
    info: String,
    text: String,
}

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(full).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every ```` ```kh ```` fence of `doc`. A fence of four backticks holds hook
/// scripts, whose own ```` ``` ```` lines do not close it.
fn examples(doc: &str) -> Vec<Example> {
    let src = read(doc);
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let ticks = lines[i].len() - lines[i].trim_start_matches('`').len();
        let rest = &lines[i][ticks..];
        if ticks >= 3 && (rest == "kh" || rest.starts_with("kh ")) {
            let end = (i + 1..lines.len())
                .find(|&j| closes(lines[j], ticks))
                .unwrap_or_else(|| panic!("{doc}:{}: the fence never closes", i + 1));
            let text = lines[i + 1..end].join("\n") + "\n";
            out.push(Example { place: format!("{doc}:{}", i + 1), info: rest[2..].trim().into(), text });
            i = end;
        }
        i += 1;
    }
    out
}

fn closes(line: &str, ticks: usize) -> bool {
    let t = line.trim();
    t.len() >= ticks && t.chars().all(|c| c == '`')
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(path, target).unwrap();
        }
    }
}

/// A fresh copy of `plans/` with an empty `plans/vidu/` for the examples.
fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-examples");
    let _ = fs::remove_dir_all(&root);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"), &root.join("plans"));
    let dir = root.join("plans").join("vidu");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// `check --format json --deny-warnings FILE`: `ok` and the codes reported.
fn check(file: &Path, place: &str) -> (bool, Vec<String>) {
    let out = kehoach().args(["check", "--format", "json", "--deny-warnings"]).arg(file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{place}: `check` gave no JSON ({e}): {stderr}"));
    let codes = v["diagnostics"].as_array().unwrap().iter();
    let codes = codes.filter_map(|d| d["code"].as_str().map(String::from)).collect();
    (v["ok"] == true, codes)
}

fn run_example(ex: &Example, file: &Path) {
    fs::write(file, &ex.text).unwrap();
    let (ok, codes) = check(file, &ex.place);
    match ex.info.as_str() {
        "" => {
            assert!(ok, "{}: the example does not check clean: {codes:?}", ex.place);
            if ex.text.lines().any(|l| l.starts_with("test \"")) {
                let out = kehoach().arg("test").arg(file).output().unwrap();
                let stdout = String::from_utf8_lossy(&out.stdout);
                assert!(out.status.success(), "{}: its tests fail:\n{stdout}", ex.place);
            }
        }
        info => {
            let want = info
                .strip_prefix("expect=")
                .unwrap_or_else(|| panic!("{}: unknown fence `kh {info}`", ex.place));
            for code in want.split(',') {
                assert!(codes.iter().any(|c| c == code), "{}: expected `{code}`, got {codes:?}", ex.place);
            }
        }
    }
}

#[test]
fn every_kh_example_checks_as_its_fence_says() {
    let dir = workspace();
    let mut total = 0;
    for doc in WITH_EXAMPLES {
        let all = examples(doc);
        let run: Vec<&Example> = all.iter().filter(|e| e.info != "fragment").collect();
        assert!(!run.is_empty(), "{doc}: no example to run");
        total += run.len();
        for (n, ex) in run.into_iter().enumerate() {
            let stem = Path::new(doc).file_stem().unwrap().to_string_lossy().into_owned();
            run_example(ex, &dir.join(format!("{stem}-{n}.kh")));
        }
    }
    assert!(total >= 15, "only {total} examples ran");
}

/// The codes `Kind::code` gives, read from its source.
fn codes() -> Vec<String> {
    let src = read("src/diag/kind.rs");
    let body = &src[src.find("pub fn code(").expect("`Kind::code` in kind.rs")..];
    let body = &body[..body.find("\n    }\n").expect("the end of `Kind::code`")];
    let code = |l: &str| Some(l.split_once("=> \"")?.1.strip_suffix("\",")?.to_string());
    body.lines().filter_map(code).collect()
}

#[test]
fn every_diagnostic_code_is_explained_in_both_references() {
    let codes = codes();
    assert!(codes.len() >= 50, "only {} codes read from kind.rs", codes.len());
    for doc in DOCS {
        let text = read(doc);
        let missing: Vec<&String> = codes.iter().filter(|c| !text.contains(&format!("`{c}`"))).collect();
        assert!(missing.is_empty(), "{doc} does not explain {missing:?}");
    }
}
