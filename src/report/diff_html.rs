//! `kehoach diff --format html`: the memo comparing a new plan with the one
//! it supersedes, in the look of the report — the changes by section with
//! their directions, and with `--data` the transition matrices and who
//! moves. The data is that of `diff::render`; `templates/diff.html` lays it out.

use super::html::{PlanHead, plan_head};
use super::words::Words;
use crate::diff::impact::Impact;
use crate::diff::labels::Namer;
use crate::diff::render::{item_lines, scalar, sections};
use crate::diff::{Change, ChangeKind, PlanDiff};
use crate::lang::Lang;
use crate::resolve::Plan;
use serde::Serialize;

#[derive(Serialize)]
struct Memo<'a> {
    lang: &'static str,
    w: &'static Words,
    old: PlanHead,
    new: PlanHead,
    year: i32,
    count: usize,
    sections: Vec<SectionOut>,
    warnings: &'a [String],
    impact: Option<ImpactOut>,
}

#[derive(Serialize)]
struct SectionOut {
    name: String,
    changes: Vec<ChangeOut>,
}

#[derive(Serialize)]
struct ChangeOut {
    path: String,
    /// The plan's label of the item the path names (a criterion's, a
    /// subject's, a level's), so the memo reads in the plan's words.
    label: String,
    kind: &'static str,
    class: &'static str,
    old: String,
    new: String,
    note: String,
    /// (class, text) of each line of a line diff or of a whole item.
    lines: Vec<(&'static str, String)>,
}

#[derive(Serialize)]
struct ImpactOut {
    records: usize,
    moved_count: usize,
    matrices: Vec<Matrix>,
    moved: Vec<[String; 4]>,
}

#[derive(Serialize)]
struct Matrix {
    subject: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<usize>)>,
}

pub fn memo(
    d: &PlanDiff,
    old: &Plan,
    new: &Plan,
    impact: Option<&Impact>,
    lang: Lang,
) -> Result<String, minijinja::Error> {
    let w = Words::of(lang);
    let namer = Namer { old, new };
    let tier = |name: &str| namer.tier(name);
    let warnings: Vec<String> = d.warnings.iter().map(|x| x.words(lang)).collect();
    let ctx = Memo {
        lang: lang.code(),
        w,
        old: plan_head(old),
        new: plan_head(new),
        year: d.year,
        count: d.changes.len(),
        sections: sections(d)
            .into_iter()
            .map(|(name, changes)| SectionOut {
                name: namer.section(&name, lang),
                changes: changes
                    .into_iter()
                    .map(|c| {
                        let note: Vec<String> = c.note.iter().map(|x| x.words(lang, &tier)).collect();
                        change(c, w, namer.label(&c.path), note.join("; "))
                    })
                    .collect(),
            })
            .collect(),
        warnings: &warnings,
        impact: impact.map(impact_out),
    };
    super::templates::render("diff.html", &ctx)
}

fn change(c: &Change, w: &Words, label: String, note: String) -> ChangeOut {
    let (kind, class) = match c.kind {
        ChangeKind::Added => (w.added, "added"),
        ChangeKind::Removed => (w.removed, "removed"),
        ChangeKind::Changed => (w.changed, "changed"),
    };
    let class_of = |sign: char| match sign {
        '+' => "add",
        '-' => "del",
        _ => "same",
    };
    let mut lines: Vec<(&'static str, String)> =
        c.lines.iter().map(|l| (class_of(l.sign), format!("{} {}", l.sign, l.text))).collect();
    let whole = item_lines(c);
    if lines.is_empty() {
        let sign = if c.kind == ChangeKind::Added { '+' } else { '-' };
        lines = whole.iter().flatten().map(|l| (class_of(sign), format!("{sign} {l}"))).collect();
    }
    // A value shown as lines is not repeated in its cell.
    let shown = |v: &Option<serde_json::Value>| if lines.is_empty() { scalar(v) } else { String::new() };
    ChangeOut {
        path: c.path.clone(),
        label,
        kind,
        class,
        old: shown(&c.old),
        new: shown(&c.new),
        note,
        lines,
    }
}

fn impact_out(i: &Impact) -> ImpactOut {
    let (old, new) = (&i.names.0, &i.names.1);
    let matrices = i
        .by_subject
        .iter()
        .map(|(subject, cells)| Matrix {
            subject: subject.clone(),
            columns: new.clone(),
            rows: old
                .iter()
                .enumerate()
                .map(|(r, o)| {
                    (o.clone(), (0..new.len()).map(|c| cells.get(&(r, c)).copied().unwrap_or(0)).collect())
                })
                .collect(),
        })
        .collect();
    let moved =
        i.moved.iter().map(|m| [m.id.clone(), m.subject.clone(), m.side(false), m.side(true)]).collect();
    ImpactOut { records: i.records, moved_count: i.moved.len(), matrices, moved }
}
