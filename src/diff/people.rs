//! The diff for people, in their language and the plans' own words: each
//! change under its section ("Đối tượng «Đảng viên» (`dang_vien`)"), the item
//! by its label with its code in backticks, the direction of the change, and
//! with `--data` the transition matrices by tier abbreviation (HTXSNV …).
//! Both the terminal text and the Markdown memo; JSON stays in `render`.

use super::impact::Impact;
use super::labels::Namer;
use super::render::{Paint, item_lines, sections};
use super::{Change, ChangeKind, PlanDiff};
use crate::diag::Color;
use crate::lang::Lang;
use crate::t;
use serde_json::Value as Json;
use std::fmt::Write;

/// A value as a person reads it: text in quotes, dates as dd/mm/yyyy,
/// decimals in the language's style, yes/no for locks, deadlines in words.
pub(crate) fn value(v: &Option<Json>, lang: Lang) -> String {
    match v {
        None | Some(Json::Null) => "—".into(),
        Some(Json::String(s)) if s.contains('\n') => t!(lang, "diff-see-below"),
        Some(Json::String(s)) => words_of(s, lang).unwrap_or_else(|| format!("\"{s}\"")),
        Some(Json::Bool(true)) => t!(lang, "diff-yes"),
        Some(Json::Bool(false)) => t!(lang, "diff-no"),
        Some(Json::Array(xs)) => xs
            .iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Json::Number(n)) => lang.number(&n.to_string()),
        Some(other) => other.to_string(),
    }
}

/// A header or deadline value in words: ISO dates as dd/mm/yyyy, `dated`
/// and `before 15/12` in the language.
fn words_of(s: &str, lang: Lang) -> Option<String> {
    if let Some(words) = crate::days::words_of_text(s, lang) {
        return Some(words);
    }
    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(crate::days::show);
    if let Some(d) = date(s) {
        return Some(d);
    }
    let (id, d) = s.rsplit_once(" dated ")?;
    Some(t!(lang, "diff-dated", id = id, date = date(d)?))
}

/// The words of one change: what it names, then what happened to it.
fn head(n: &Namer<'_>, c: &Change, lang: Lang) -> String {
    let said = n.said(&c.path, lang);
    let shown = item_lines(c).is_some() || !c.lines.is_empty();
    let kind = match c.kind {
        ChangeKind::Added => t!(lang, "diff-added"),
        ChangeKind::Removed => t!(lang, "diff-removed"),
        ChangeKind::Changed => t!(lang, "diff-changed"),
    };
    // The value, when it is not shown as lines below.
    let value = match c.kind {
        _ if shown => None,
        ChangeKind::Added => Some(value(&c.new, lang)),
        ChangeKind::Removed => Some(value(&c.old, lang)),
        ChangeKind::Changed => Some(format!("{} → {}", value(&c.old, lang), value(&c.new, lang))),
    };
    // "added abbreviations X, XS", "weight 30 → 40", "changed".
    let words: Vec<String> = match (c.kind, said.attr, value) {
        (ChangeKind::Changed, Some(a), Some(v)) if said.item.is_empty() => vec![format!("{a}:"), v],
        (ChangeKind::Changed, attr, Some(v)) => attr.into_iter().chain([v]).collect(),
        (_, attr, v) => [kind].into_iter().chain(attr).chain(v).collect(),
    };
    let tier = |name: &str| n.tier(name);
    let notes = c.note.iter().map(|x| x.words(lang, &tier));
    let all = std::iter::once(words.join(" ")).chain(notes).collect::<Vec<_>>().join(", ");
    if said.item.is_empty() { capital(&all) } else { format!("{}: {all}", said.item) }
}

/// What a change names, for a table's first column: the item and the
/// attribute (`Tiêu chí «…» (`nhiem_vu`): trọng số`), or the section's own
/// attribute (`Thời hạn`).
pub(crate) fn item(n: &Namer<'_>, c: &Change, lang: Lang) -> String {
    let said = n.said(&c.path, lang);
    match (said.item.is_empty(), said.attr) {
        (false, Some(a)) => format!("{}: {a}", said.item),
        (false, None) => said.item,
        (true, Some(a)) => capital(&a),
        (true, None) => String::new(),
    }
}

/// `s` with its first letter a capital.
fn capital(s: &str) -> String {
    let mut cs = s.chars();
    cs.next().map_or_else(String::new, |c| c.to_uppercase().chain(cs).collect())
}

/// The lines under a change: its line diff, or an added or removed item's text.
fn lines(c: &Change) -> Vec<(char, String)> {
    if !c.lines.is_empty() {
        return c.lines.iter().map(|l| (l.sign, l.text.clone())).collect();
    }
    let sign = if c.kind == ChangeKind::Added { '+' } else { '-' };
    item_lines(c).unwrap_or_default().into_iter().map(|l| (sign, l)).collect()
}

/// The diff for a terminal or a text file.
pub fn human(d: &PlanDiff, n: &Namer<'_>, impact: Option<&Impact>, lang: Lang, color: Color) -> String {
    let p = Paint(color == Color::Always);
    let mut out = t!(lang, "diff-title", old = d.old_id.as_str(), new = d.new_id.as_str(), year = d.year);
    out.push('\n');
    if d.changes.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "diff-same"));
    }
    for (section, changes) in sections(d) {
        let _ = writeln!(out, "\n{}", p.on("1", &n.section(&section, lang)));
        for c in changes {
            let (mark, code) = match c.kind {
                ChangeKind::Added => ('+', "32"),
                ChangeKind::Removed => ('-', "31"),
                ChangeKind::Changed => ('~', "33"),
            };
            let _ = writeln!(out, "  {} {}", p.on(code, &mark.to_string()), head(n, c, lang));
            for (sign, l) in lines(c) {
                let _ = writeln!(out, "      {}", p.sign(sign, &format!("{sign} {l}")));
            }
        }
    }
    if !d.changes.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "diff-count", count = d.changes.len()));
    }
    if let Some(i) = impact {
        impact_text(i, n, lang, &mut out);
    }
    out
}

/// The diff as a Markdown memo.
pub fn markdown(d: &PlanDiff, n: &Namer<'_>, impact: Option<&Impact>, lang: Lang) -> String {
    let title = t!(lang, "diff-title", old = d.old_id.as_str(), new = d.new_id.as_str(), year = d.year);
    let mut out = format!("## {title}\n");
    if d.changes.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "diff-same"));
    }
    for (section, changes) in sections(d) {
        let _ = writeln!(out, "\n### {}\n", n.section(&section, lang));
        for c in changes {
            let _ = writeln!(out, "- {}", head(n, c, lang));
            let ls = lines(c);
            if !ls.is_empty() {
                let body: String = ls.iter().map(|(s, l)| format!("  {s} {l}\n")).collect();
                let _ = writeln!(out, "\n  ```diff\n{body}  ```\n");
            }
        }
    }
    if !d.changes.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "diff-count", count = d.changes.len()));
    }
    if let Some(i) = impact {
        impact_markdown(i, n, lang, &mut out);
    }
    out
}

/// A tier name of the matrix as an office writes it (HTXSNV …); `-` is no tier.
pub(crate) fn abbr(n: &Namer<'_>, name: &str, lang: Lang) -> String {
    if name == "-" { t!(lang, "diff-no-tier") } else { crate::text::abbreviation(&n.tier(name)) }
}

/// One side of a moved record: `HTTNV (85)`, or its status in words.
pub(crate) fn side(n: &Namer<'_>, m: &super::impact::Moved, new: bool, lang: Lang) -> String {
    use crate::eval::outcome::Status;
    let (tier, score, status) =
        if new { (&m.new, &m.new_score, m.new_status) } else { (&m.old, &m.old_score, m.old_status) };
    match (tier, status) {
        (Some(t), _) => {
            let score = score.as_deref().unwrap_or("");
            let score = lang.number(score);
            format!("{} ({score})", abbr(n, t, lang))
        }
        (None, Status::Exempt) => t!(lang, "diff-status-exempt"),
        (None, _) => t!(lang, "diff-status-error"),
    }
}

pub(crate) fn subject_label(n: &Namer<'_>, subject: &str) -> String {
    let label = n.label(&format!("subject.{subject}"));
    if label.is_empty() { subject.to_string() } else { label }
}

fn impact_text(i: &Impact, n: &Namer<'_>, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "\n{}", t!(lang, "diff-impact", records = i.records, moved = i.moved.len()));
    let (old, new) = (&i.names.0, &i.names.1);
    let heads: Vec<String> = new.iter().map(|x| abbr(n, x, lang)).collect();
    let rows: Vec<String> = old.iter().map(|x| abbr(n, x, lang)).collect();
    let first = rows.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = heads.iter().map(|h| h.chars().count().max(5) + 2).collect();
    for (subject, cells) in &i.by_subject {
        let _ = writeln!(out, "\n  {}", t!(lang, "diff-matrix", subject = subject_label(n, subject)));
        let mut line = format!("    {:first$}", "");
        for (h, w) in heads.iter().zip(&widths) {
            line.push_str(&format!("{h:>w$}"));
        }
        let _ = writeln!(out, "{line}");
        for (r, o) in rows.iter().enumerate() {
            let mut line = format!("    {o:first$}");
            for (c, w) in widths.iter().enumerate() {
                line.push_str(&format!("{:>w$}", cells.get(&(r, c)).copied().unwrap_or(0)));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !i.moved.is_empty() {
        let _ = writeln!(out, "\n  {}", t!(lang, "diff-moved"));
    }
    for m in &i.moved {
        let (a, b) = (side(n, m, false, lang), side(n, m, true, lang));
        let _ = writeln!(out, "    {} {}: {a} → {b}", m.id, subject_label(n, &m.subject));
    }
}

fn impact_markdown(i: &Impact, n: &Namer<'_>, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "\n### {}", t!(lang, "diff-impact", records = i.records, moved = i.moved.len()));
    let (old, new) = (&i.names.0, &i.names.1);
    let heads: Vec<String> = new.iter().map(|x| abbr(n, x, lang)).collect();
    for (subject, cells) in &i.by_subject {
        let _ = writeln!(out, "\n{}\n", t!(lang, "diff-matrix", subject = subject_label(n, subject)));
        let _ = writeln!(out, "| | {} |", heads.join(" | "));
        let _ = writeln!(out, "|---|{}", "---:|".repeat(new.len()));
        for (r, o) in old.iter().enumerate() {
            let row: Vec<String> =
                (0..new.len()).map(|c| cells.get(&(r, c)).copied().unwrap_or(0).to_string()).collect();
            let _ = writeln!(out, "| **{}** | {} |", abbr(n, o, lang), row.join(" | "));
        }
    }
    if !i.moved.is_empty() {
        let w = [
            t!(lang, "diff-col-id"),
            t!(lang, "diff-col-subject"),
            t!(lang, "diff-col-old"),
            t!(lang, "diff-col-new"),
        ];
        let _ = writeln!(out, "\n| {} |\n|---|---|---|---|", w.join(" | "));
        for m in &i.moved {
            let (a, b) = (side(n, m, false, lang), side(n, m, true, lang));
            let _ = writeln!(out, "| {} | {} | {a} | {b} |", m.id, subject_label(n, &m.subject));
        }
    }
}
