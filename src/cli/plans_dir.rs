//! `kehoach check DIR`: every `.kh` file under a folder, each once, parents
//! before the plans that extend them (so that after the city plan changes,
//! `kehoach check plans/` re-checks every district plan with it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The plans named: files as given, folders replaced by the `.kh` files
/// under them (sorted, symbolic links to folders not followed). A file
/// named twice (or also found in a folder) is kept once; then parents first.
pub fn expand(named: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for p in named {
        if p.is_dir() {
            let before = found.len();
            walk(p, &mut found);
            if found.len() == before {
                // No plan under it: named as it is, so that checking it says why.
                found.push(p.clone());
            }
        } else {
            found.push(p.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(canonical(p)));
    parents_first(found)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Unreadable: named as it is, so that checking it says why.
        out.push(dir.to_path_buf());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
        if meta.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "kh") {
            out.push(p);
        }
    }
}

/// The path that names the same file however it is spelled.
pub fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A stable order where each plan comes after the plans it extends (those
/// among `plans`): by the length of its `extends` chain.
fn parents_first(plans: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut depth: HashMap<PathBuf, usize> = HashMap::new();
    let mut keyed: Vec<(usize, PathBuf)> =
        plans.into_iter().map(|p| (chain_length(&p, &mut depth), p)).collect();
    keyed.sort_by_key(|(d, _)| *d);
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// How many plans `p` extends, directly or not (0 for a plan that extends
/// none, or one that cannot be read or parsed; a cycle stops the count).
fn chain_length(p: &Path, memo: &mut HashMap<PathBuf, usize>) -> usize {
    let mut cur = canonical(p);
    let mut path = Vec::new();
    while let Some(parent) = extends(&cur) {
        if path.contains(&cur) || path.len() > crate::resolve::MAX_CHAIN {
            break;
        }
        if let Some(&d) = memo.get(&cur) {
            return d + path.len();
        }
        path.push(cur);
        cur = parent;
    }
    let n = path.len();
    for (i, q) in path.into_iter().enumerate() {
        memo.insert(q, n - i);
    }
    n
}

/// The file that plan `p` extends, if it names one.
fn extends(p: &Path) -> Option<PathBuf> {
    let text = String::from_utf8(crate::files::read_regular(p).ok()?).ok()?;
    let file = crate::syntax::parse_str(&p.display().to_string(), &text).ok()?;
    let rel = file.header.extends?.value;
    Some(canonical(&p.parent().unwrap_or(Path::new("")).join(rel)))
}
