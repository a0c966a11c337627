//! The HTML templates (`templates/`, built into the binary) and the one
//! place they are rendered.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, Output, State, UndefinedBehavior, Value, escape_formatter};
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
    env.set_formatter(format);
    for (n, text) in TEMPLATES {
        env.add_template(n, text)?;
    }
    env.get_template(name)?.render(Serde(ctx))
}

/// Values as HTML text: `&`, `<`, `>` and quotes escaped, nothing else (a
/// plan's number `01-KH/TU` stays as written in the page's source).
fn format(out: &mut Output<'_>, state: &mut State<'_, '_>, value: &Value) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if *state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            let mut from = 0;
            for (i, c) in text.char_indices() {
                let with = match c {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[from..i])?;
                out.write_str(with)?;
                from = i + c.len_utf8();
            }
            out.write_str(&text[from..])?;
            Ok(())
        }
        _ => escape_formatter(out, state, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html_and_slashes_stay() {
        let mut env = Environment::new();
        env.set_formatter(format);
        env.add_template("t.html", "{{ a }}|{{ n }}|{{ none }}").unwrap();
        let ctx = minijinja::context! { a => "01-KH/TU <b> & \"x\" 'y'", n => 3, none => () };
        let html = env.get_template("t.html").unwrap().render(ctx).unwrap();
        assert_eq!(html, "01-KH/TU &lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;|3|None");
    }
}
