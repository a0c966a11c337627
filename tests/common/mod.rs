//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The path relative to the crate root, as diagnostics should show it.
pub fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

/// Every `.kh` file under `plans/`, sorted.
pub fn bundled_plans() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    collect(&root, &mut out);
    out.sort();
    out.into_iter().map(|p| relative(&p)).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "kh") {
            out.push(p);
        }
    }
}

/// The `kehoach` binary, run from the crate root without `NO_COLOR`, in
/// English (the words these tests pin; `lang.rs` tests the Vietnamese).
pub fn kehoach() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("kehoach").unwrap();
    c.env_remove("NO_COLOR").env("KEHOACH_LANG", "en").current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs `c`: its exit status and standard output.
pub fn stdout(c: &mut assert_cmd::Command) -> (i32, String) {
    let out = c.output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}
