//! The module layers point one way (issue 16): no import cycle between the
//! crate's top-level modules nor between the files of one module, and the
//! shared vocabulary, the data readers and the hooks import no later stage.
//! Read from the source, so a new `use` that breaks a layer fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Each `src` file's module path (`data::csv_in`) and its text without tests.
fn sources() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    walk(Path::new("src"), &mut out);
    out
}

fn walk(dir: &Path, out: &mut Vec<(Vec<String>, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
            continue;
        }
        let rel = path.strip_prefix("src").unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts.last().is_some_and(|l| l == "mod") {
            parts.pop();
        }
        if matches!(parts.first().map(String::as_str), Some("lib" | "main")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Code only: not the tests, not comments (doc links are no imports).
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let text = code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        out.push((parts, text));
    }
}

/// The names that follow `prefix` in `text` (`crate::` → `data`, `eval`…).
fn after(text: &str, prefix: &str) -> BTreeSet<String> {
    text.match_indices(prefix)
        .filter(|(at, _)| !text[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'))
        .map(|(at, _)| {
            text[at + prefix.len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
        })
        .filter(|n: &String| !n.is_empty())
        .collect()
}

fn top_graph() -> Graph {
    let mut g = Graph::new();
    for (parts, text) in sources() {
        let top = parts[0].clone();
        let uses: Vec<String> = after(&text, "crate::").into_iter().filter(|m| *m != top).collect();
        g.entry(top).or_default().extend(uses);
    }
    g
}

/// The files of module `dir` and the siblings each names with `super::`.
fn sibling_graph(dir: &[String]) -> Graph {
    let mut g = Graph::new();
    let files: Vec<_> =
        sources().into_iter().filter(|(p, _)| p.len() == dir.len() + 1 && p.starts_with(dir)).collect();
    let names: BTreeSet<String> = files.iter().map(|(p, _)| p[dir.len()].clone()).collect();
    for (parts, text) in files {
        let me = parts[dir.len()].clone();
        let uses: Vec<String> =
            after(&text, "super::").into_iter().filter(|m| names.contains(m) && *m != me).collect();
        g.entry(me).or_default().extend(uses);
    }
    g
}

/// A cycle of `g`, if it has one.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(n: &str, g: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            return Some(path[at..].to_vec());
        }
        if !done.insert(n.to_string()) {
            return None;
        }
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    g.keys().find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_have_no_import_cycle() {
    let g = top_graph();
    assert_eq!(cycle(&g), None, "{g:#?}");
}

#[test]
fn no_module_has_files_that_import_each_other_in_a_cycle() {
    let dirs: BTreeSet<Vec<String>> =
        sources().into_iter().filter(|(p, _)| p.len() > 1).map(|(p, _)| p[..p.len() - 1].to_vec()).collect();
    assert!(dirs.contains(&vec!["data".to_string()]), "{dirs:?}");
    for dir in dirs {
        let g = sibling_graph(&dir);
        assert_eq!(cycle(&g), None, "in {}: {g:#?}", dir.join("::"));
    }
}

#[test]
fn the_vocabulary_data_and_hooks_import_no_later_stage() {
    let g = top_graph();
    let later = ["eval", "check", "report", "diff", "schedule", "fmt", "cli", "plantest"];
    for low in ["vocab", "data", "hooks", "exact", "num", "syntax", "diag", "days"] {
        let bad: Vec<_> = g[low].iter().filter(|m| later.contains(&m.as_str())).collect();
        assert!(bad.is_empty(), "`{low}` imports {bad:?}");
    }
}

#[test]
fn the_cycle_finder_finds_one() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("a".into());
    assert_eq!(cycle(&g), Some(vec!["a".to_string(), "b".to_string()]));
}
