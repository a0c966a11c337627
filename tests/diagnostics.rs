//! Golden diagnostics: every plan in `tests/cases/` checked, rendered for
//! people (no colour) and as JSON.

mod common;

use kehoach::check::check_path;
use kehoach::diag::{Color, render_human, to_json};
use kehoach::lang::Lang;

#[test]
fn diagnostics_match_golden_files() {
    insta::glob!("cases/*.kh", |path| {
        let rel = common::relative(path);
        let checked = check_path(&rel).expect("case files are readable");
        let human: String =
            checked.diagnostics.iter().map(|d| render_human(d, Color::Never, Lang::En)).collect();
        let json: Vec<_> = checked.diagnostics.iter().map(|d| to_json(d, Lang::En)).collect();
        assert!(!checked.diagnostics.is_empty(), "{} should have findings", rel.display());
        let text = format!("{human}\n--- json ---\n{}", serde_json::to_string_pretty(&json).unwrap());
        insta::assert_snapshot!(text);
    });
}
