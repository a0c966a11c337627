//! Every bundled plan checks clean: no errors and no warnings.

mod common;

use kehoach::check::check_path;
use kehoach::diag::{Color, render_human};
use kehoach::lang::Lang;

#[test]
fn every_bundled_plan_checks_clean() {
    let plans = common::bundled_plans();
    assert!(plans.len() >= 4, "plans/ holds the Hà Nội plans, a district plan and a 366 plan");
    for plan in plans {
        let checked = check_path(&plan).expect("bundled plans are readable");
        let shown: String =
            checked.diagnostics.iter().map(|d| render_human(d, Color::Never, Lang::En)).collect();
        assert!(checked.diagnostics.is_empty(), "{}:\n{shown}", plan.display());
        assert!(checked.model.is_some());
    }
}

#[test]
fn every_bundled_plan_is_canonically_formatted() {
    for plan in common::bundled_plans() {
        let text = std::fs::read_to_string(&plan).unwrap();
        let file = kehoach::syntax::parse_str(&plan.display().to_string(), &text).unwrap();
        let formatted = kehoach::fmt::format_file(&file);
        similar_asserts_eq(&text, &formatted, &plan.display().to_string());
    }
}

fn similar_asserts_eq(old: &str, new: &str, name: &str) {
    if old != new {
        let diff =
            similar::TextDiff::from_lines(old, new).unified_diff().header(name, "formatted").to_string();
        panic!("{name} is not in canonical layout; run `kehoach fmt`:\n{diff}");
    }
}
