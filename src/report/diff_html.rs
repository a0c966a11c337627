//! `kehoach diff --format html`: the memo comparing a new plan with the one
//! it supersedes, in the look of the report — the changes by section with
//! their directions, and with `--data` the transition matrices and who
//! moves. The data is that of `diff::render`; `templates/diff.html` lays it out.

use super::html::{PlanHead, plan_head};
use super::words::Words;
use crate::diff::impact::Impact;
use crate::diff::labels::Namer;
use crate::diff::people;
use crate::diff::render::{item_lines, sections};
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
    /// What the change names, in the plan's words (`Tiêu chí «…» (`code`): trọng số`).
    item: String,
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
                        let values = [people::value(&c.old, lang), people::value(&c.new, lang)];
                        change(c, w, people::item(&namer, c, lang), values, note.join("; "))
                    })
                    .collect(),
            })
            .collect(),
        warnings: &warnings,
        impact: impact.map(|i| impact_out(i, &namer, lang)),
    };
    super::templates::render("diff.html", &ctx)
}

fn change(c: &Change, w: &Words, item: String, [old, new]: [String; 2], note: String) -> ChangeOut {
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
    let shown = |v: String| if lines.is_empty() { v } else { String::new() };
    ChangeOut { item, kind, class, old: shown(old), new: shown(new), note, lines }
}

fn impact_out(i: &Impact, n: &Namer<'_>, lang: Lang) -> ImpactOut {
    let (old, new) = (&i.names.0, &i.names.1);
    let columns: Vec<String> = new.iter().map(|x| people::abbr(n, x, lang)).collect();
    let matrices = i
        .by_subject
        .iter()
        .map(|(subject, cells)| Matrix {
            subject: people::subject_label(n, subject),
            columns: columns.clone(),
            rows: old
                .iter()
                .enumerate()
                .map(|(r, o)| {
                    let row = (0..new.len()).map(|c| cells.get(&(r, c)).copied().unwrap_or(0)).collect();
                    (people::abbr(n, o, lang), row)
                })
                .collect(),
        })
        .collect();
    let moved = i
        .moved
        .iter()
        .map(|m| {
            let subject = people::subject_label(n, &m.subject);
            [m.id.clone(), subject, people::side(n, m, false, lang), people::side(n, m, true, lang)]
        })
        .collect();
    ImpactOut { records: i.records, moved_count: i.moved.len(), matrices, moved }
}
