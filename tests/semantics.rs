//! Domain cases whose tiers were once silently wrong (issue 16), each a plan
//! in `tests/semantics/` whose `test` blocks state the right outcome: every
//! block passes (with every optimization here; CI runs the suite again with
//! `KEHOACH_PASSES=none`, and `tests/two_modes.rs` compares both modes on them).

use kehoach::check::check_path;
use std::path::Path;

#[test]
fn every_semantics_case_passes_its_tests() {
    let mut paths: Vec<_> =
        std::fs::read_dir("tests/semantics").unwrap().flatten().map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "kh"));
    paths.sort();
    assert!(!paths.is_empty());
    for p in paths {
        let c = check_path(Path::new(&p)).unwrap();
        let msgs: Vec<String> = c.diagnostics.iter().map(|d| d.message()).collect();
        let m = c.model.unwrap_or_else(|| panic!("{}: {msgs:?}", p.display()));
        let results = kehoach::plantest::run_all(&m);
        let failed: Vec<String> = results
            .iter()
            .flat_map(|r| r.failures.iter().map(|f| format!("{} {}: {f}", r.at, r.name)))
            .collect();
        assert!(failed.is_empty(), "{}:\n{}", p.display(), failed.join("\n"));
    }
}
