//! `kehoach diff`: a semantic diff of two effective plans, item by item,
//! matched by name (never by position), with the direction of each change
//! where the domain has one, and line diffs of rules, caps and hook scripts.
//!
//! Every part of the effective plan takes part. The modules take the plan,
//! the syntax tree's structs and the model's apart field by field and match
//! every item kind without a catch-all arm, so that something new in the
//! language does not compile until the diff compares it; `tests/diff/items.rs`
//! mutates every item of the grammar and expects a change for each.

mod header;
mod hooks;
pub mod impact;
pub mod labels;
pub mod note;
mod notes;
pub mod people;
pub mod render;
mod subjects;

use crate::resolve::Plan;
use serde_json::Value as Json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn word(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One line of a line diff: `-` old only, `+` new only, ` ` both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    pub sign: char,
    pub text: String,
}

/// One change at the most specific path (PLAN-LANGUAGE.md §9).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub path: String,
    pub kind: ChangeKind,
    pub old: Option<Json>,
    pub new: Option<Json>,
    /// The direction of the change, where the domain has one.
    pub note: Vec<note::Note>,
    /// For rules, caps, exemptions, quotas and hooks: the canonical text, line by line.
    pub lines: Vec<DiffLine>,
    /// A whole item added or removed: its value is the item's canonical text.
    pub whole: bool,
}

impl Change {
    fn new(path: impl Into<String>, old: Option<Json>, new: Option<Json>) -> Change {
        let kind = match (&old, &new) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        Change { path: path.into(), kind, old, new, note: Vec::new(), lines: Vec::new(), whole: false }
    }

    fn whole(mut self) -> Change {
        self.whole = true;
        self
    }

    fn note(mut self, note: impl IntoIterator<Item = note::Note>) -> Change {
        self.note.extend(note);
        self
    }

    /// The section a change belongs to, for grouping: `plan`, `scale`,
    /// `tiers`, `level L`, `subject S`, `hook H`.
    pub fn section(&self) -> String {
        let mut parts = self.path.split('.');
        match (parts.next(), parts.next()) {
            (Some(head @ ("level" | "subject" | "hook")), Some(name)) => format!("{head} {name}"),
            (Some(head), _) => head.to_string(),
            _ => String::new(),
        }
    }
}

/// Everything that differs between two plans, and the warnings of the comparison.
#[derive(Clone, Debug)]
pub struct PlanDiff {
    pub old_id: String,
    pub new_id: String,
    pub year: i32,
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
}

/// What the comparison itself warns about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The new plan supersedes another plan than the old one.
    SupersedesOther { new: String, named: String, old: String },
    /// The new plan does not say that it supersedes the old one.
    NoSupersedes { new: String, old: String },
}

impl Warning {
    /// In English, for the JSON's `warnings`.
    pub fn english(&self) -> String {
        match self {
            Warning::SupersedesOther { new, named, old } => {
                format!("`{new}` supersedes `{named}`, not `{old}`: is this the plan it replaces?")
            }
            Warning::NoSupersedes { new, old } => format!("`{new}` does not say that it supersedes `{old}`"),
        }
    }

    /// In `lang`, for people.
    pub fn words(&self, lang: crate::lang::Lang) -> String {
        use crate::t;
        match self {
            Warning::SupersedesOther { new, named, old } => t!(
                lang,
                "diff-warn-supersedes-other",
                new = new.as_str(),
                named = named.as_str(),
                old = old.as_str()
            ),
            Warning::NoSupersedes { new, old } => {
                t!(lang, "diff-warn-no-supersedes", new = new.as_str(), old = old.as_str())
            }
        }
    }
}

/// Compares two effective plans; `year` dates the deadlines in the notes.
pub fn diff(old: &Plan, new: &Plan, year: i32) -> PlanDiff {
    // Every part is named: a new one does not compile until it is compared.
    // `chain` is where the plan was read from (its `extends` is a header
    // entry); test blocks check a plan, they are not part of what it says;
    // the index is only where its subjects are.
    let Plan { header, chain: _, scale, tiers, levels, subjects, hooks, display, tests: _, index: _ } = old;
    let mut changes = Vec::new();
    header::header(header, &new.header, &mut changes);
    header::display(display, &new.display, &mut changes);
    header::scale(scale, &new.scale, &mut changes);
    header::tiers(tiers, &new.tiers, &mut changes);
    header::levels(levels, &new.levels, year, &mut changes);
    subjects::subjects(subjects, &new.subjects, &mut changes);
    hooks::hooks(hooks, &new.hooks, &mut changes);
    PlanDiff {
        old_id: old.id().to_string(),
        new_id: new.id().to_string(),
        year,
        changes,
        warnings: supersedes_warning(old, new).into_iter().collect(),
    }
}

/// The new plan should say that it supersedes the old one, unless it
/// refines it (`extends` it) rather than replacing it.
fn supersedes_warning(old: &Plan, new: &Plan) -> Option<Warning> {
    if old.id() == new.id() {
        return None;
    }
    let old_file = old.chain.first().map(|s| crate::resolve::canonical(s.path()));
    if new.chain.iter().skip(1).any(|s| Some(crate::resolve::canonical(s.path())) == old_file) {
        return None;
    }
    let supersedes = new.header.entries.iter().find_map(|e| match &e.kind {
        crate::syntax::ast::HeaderKind::Supersedes { id, .. } => Some(id.value.as_str()),
        _ => None,
    });
    match supersedes {
        Some(id) if id == old.id() => None,
        Some(id) => Some(Warning::SupersedesOther {
            new: new.id().to_string(),
            named: id.to_string(),
            old: old.id().to_string(),
        }),
        None => Some(Warning::NoSupersedes { new: new.id().to_string(), old: old.id().to_string() }),
    }
}

/// Strings as JSON.
fn text(s: impl Into<String>) -> Json {
    Json::String(s.into())
}

/// A number as JSON: an integer when it is one, else its decimal value.
fn number(n: &crate::num::Num) -> Json {
    use num_traits::ToPrimitive;
    if crate::num::is_integer(n)
        && let Some(i) = n.to_integer().to_i64()
    {
        return Json::from(i);
    }
    crate::num::literal(n)
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Json::Null, Json::Number)
}

/// The names both lists hold, in each list's order, when that order differs:
/// a change at `path` with both orders, and the note.
fn order(path: &str, old: &[&str], new: &[&str], note: note::Note) -> Option<Change> {
    let a: Vec<&str> = old.iter().copied().filter(|n| new.contains(n)).collect();
    let b: Vec<&str> = new.iter().copied().filter(|n| old.contains(n)).collect();
    if a == b {
        return None;
    }
    let arr = |xs: &[&str]| Some(Json::Array(xs.iter().map(|x| text(*x)).collect()));
    Some(Change::new(path, arr(&a), arr(&b)).note([note]))
}

/// A line diff of two texts.
fn line_diff(old: &str, new: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| DiffLine {
            sign: match c.tag() {
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
                ChangeTag::Equal => ' ',
            },
            text: c.value().trim_end_matches('\n').to_string(),
        })
        .collect()
}
