//! Domain scenarios written from the regulations (DOMAIN.md), one file per
//! regime in `tests/scenarios/`: each extends a bundled plan without changing
//! it, and its `test` blocks read small data files of members, party cells,
//! collectives and leaders. Every record of those files has its expected
//! outcome, and every expectation cites the regulation's sentence in the
//! comment just above it.

use kehoach::check::check_path;
use kehoach::diag::{Color, render_human};
use kehoach::eval::passes::Passes;
use kehoach::syntax::ast::TestKind;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const REGIMES: [&str; 3] = ["qd124-hd25.kh", "qd132-hd21.kh", "qd366-hd43.kh"];

fn scenarios() -> Vec<PathBuf> {
    REGIMES.iter().map(|f| Path::new("tests/scenarios").join(f)).collect()
}

#[test]
fn every_regime_classifies_as_the_regulations_say() {
    for path in scenarios() {
        let checked = check_path(&path).unwrap();
        let shown: String = checked
            .diagnostics
            .iter()
            .map(|d| render_human(d, Color::Never, kehoach::lang::Lang::En))
            .collect();
        assert!(checked.diagnostics.is_empty(), "{}:\n{shown}", path.display());
        let model = checked.model.unwrap();
        let results = kehoach::plantest::run_all(&model);
        assert!(results.len() >= 3, "{}: members, cells, collectives and leaders", path.display());
        let failed: Vec<String> = results
            .iter()
            .flat_map(|r| r.failures.iter().map(|f| format!("{} {}: {f}", r.at, r.name)))
            .collect();
        assert!(failed.is_empty(), "{}:\n{}", path.display(), failed.join("\n"));
    }
}

#[test]
fn every_record_has_its_expectation_and_nothing_else_is_expected() {
    for path in scenarios() {
        let model = check_path(&path).unwrap().model.unwrap();
        for t in &model.plan.tests {
            let e = kehoach::plantest::evaluate_block(&model, t, Passes::ALL).unwrap();
            let records: BTreeSet<&str> = e.outcomes.iter().map(|o| o.id.as_ref()).collect();
            let expected: BTreeSet<&str> = t
                .items
                .iter()
                .filter_map(|i| match &i.kind {
                    TestKind::Expect { id, .. } => Some(id.value.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(records, expected, "{}: {}", path.display(), t.name.value);
            assert!(records.len() >= 9, "{}: {}", path.display(), t.name.value);
        }
    }
}

#[test]
fn every_expectation_cites_the_regulation() {
    for path in scenarios() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.starts_with("expect ")) {
            let comment: Vec<&str> =
                lines[..i].iter().rev().take_while(|l| l.starts_with('#')).copied().collect();
            let cites =
                comment.iter().any(|c| c.contains("[S") || c.contains('§') || c.contains("ILLUSTRATIVE"));
            assert!(cites, "{}:{}: `{line}` cites no source", path.display(), i + 1);
        }
    }
}

#[test]
fn the_scenarios_change_nothing_of_the_bundled_plans() {
    for path in scenarios() {
        let text = std::fs::read_to_string(&path).unwrap();
        let items: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '}']) && !l.is_empty())
            .filter(|l| !l.starts_with("plan ") && !l.starts_with("test "))
            .collect();
        assert!(items.is_empty(), "{}: {items:?}", path.display());
    }
}

#[test]
fn kehoach_test_passes_every_scenario() {
    for path in scenarios() {
        let out = assert_cmd::Command::cargo_bin("kehoach")
            .unwrap()
            .env("KEHOACH_LANG", "en")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("test")
            .arg(&path)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{}:\n{said}", path.display());
    }
}
