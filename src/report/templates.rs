//! The HTML templates (`templates/`, built into the binary) and the one
//! place they are rendered.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

const TEMPLATES: [(&str, &str); 4] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("report.html", include_str!("../../templates/report.html")),
    ("diff.html", include_str!("../../templates/diff.html")),
];

/// Template `name` rendered with `ctx`, HTML-escaped.
pub fn render(name: &str, ctx: &impl Serialize) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    let syntax = SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build()?;
    env.set_syntax(syntax);
    // A name the data does not have is a mistake in a template, not an empty text.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (n, text) in TEMPLATES {
        env.add_template(n, text)?;
    }
    env.get_template(name)?.render(Serde(ctx))
}
