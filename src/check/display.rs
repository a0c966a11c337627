//! The plan's `display` line: every column named once, and none that the
//! output always has.

use crate::diag::{Diagnostic, Kind, Note};
use crate::syntax::ast::Display;

/// A column given twice (as `eval` matches titles: NFC, any case, trimmed)
/// is an error at the second; an empty title is an error; `id` and
/// `subject`, which every output already has, are a warning.
pub fn check(d: &Display, diags: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, &crate::source::Loc)> = Vec::new();
    for c in &d.columns {
        let n = crate::data::norm(&c.title);
        if n.is_empty() {
            diags.push(Diagnostic::new(Kind::DisplayEmpty, &c.loc));
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == n) {
            let name = crate::text::key(&c.title).into_owned();
            let kind = Kind::Duplicate { what: "display column", name };
            diags.push(Diagnostic::new(kind, &c.loc).with_related(first, Note::FirstNamed));
            continue;
        }
        if matches!(n.as_str(), "id" | "subject") {
            diags.push(Diagnostic::new(Kind::DisplayRedundant { column: n.clone() }, &c.loc));
        }
        seen.push((n, &c.loc));
    }
}
