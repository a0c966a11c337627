//! Domain cases whose tiers were once silently wrong (issue 16), each a plan
//! in `tests/semantics/` whose `test` blocks state the right outcome: every
//! block passes, with every optimization and with none.

use kehoach::check::check_path;
use kehoach::eval::Passes;
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
        for t in &m.plan.tests {
            let e = kehoach::plantest::evaluate_block(&m, t, Passes::NONE).unwrap();
            assert!(!e.outcomes.is_empty());
        }
    }
}
