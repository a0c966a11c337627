//! The table of `kehoach eval` for people: one line per record with the
//! plan's own tier labels, then a summary by tier, by subject and by group.

use super::words::abbreviation;
use super::{Texts, reason_with, summary};
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::Evaluation;
use crate::lang::Lang;
use crate::t;
use std::collections::BTreeMap;
use std::fmt::Write;

fn width(rows: &[Vec<String>], col: usize) -> usize {
    rows.iter().map(|r| r[col].chars().count()).max().unwrap_or(0)
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
}

/// The plan's label of a record's subject (its name when it has none).
pub fn subject_label<'a>(ev: &'a Evaluator<'_>, o: &crate::eval::outcome::Outcome) -> &'a str {
    o.subject.map_or("", |s| {
        let subject = &ev.model.plan.subjects[usize::from(s)];
        subject.label.as_ref().map_or(subject.name.name.as_str(), |l| l.value.as_str())
    })
}

/// One line per record, then the totals, after the year under evaluation.
/// The first carried column (`display`, `--keep`) is shown after the id;
/// the other formats have them all. Labels, not codes; plain reasons.
pub fn table(ev: &Evaluator<'_>, e: &Evaluation, lang: Lang) -> String {
    let texts = Texts::plain(ev, lang);
    let shown = e.carried.titles.first();
    let mut head = vec![t!(lang, "table-id")];
    head.extend(shown.cloned());
    head.extend([
        t!(lang, "table-subject"),
        t!(lang, "table-score"),
        t!(lang, "table-tier"),
        t!(lang, "table-why"),
    ]);
    let mut rows: Vec<Vec<String>> = vec![head];
    for (i, o) in e.outcomes.iter().enumerate() {
        let (score, tier) = match o.status {
            Status::Classified => (
                o.score.map(|x| super::words::exact(lang, x, 2)).unwrap_or_default(),
                o.tier.map(|t| ev.tier_label(usize::from(t)).to_string()).unwrap_or_default(),
            ),
            Status::Exempt if super::is_review(ev, o) => (String::new(), t!(lang, "table-exempt-review")),
            Status::Exempt => (String::new(), t!(lang, "table-exempt")),
            Status::Error | Status::Pending => (String::new(), t!(lang, "table-error")),
        };
        let why = match &o.error {
            Some(e) => e.words(lang),
            None => o.reasons.iter().map(|r| reason_with(&texts, ev, o, r)).collect::<Vec<_>>().join("; "),
        };
        let mut row = vec![o.id.to_string()];
        if shown.is_some() {
            row.push(e.carried.cell(i, 0).map(String::from).unwrap_or_default());
        }
        row.extend([subject_label(ev, o).to_string(), score, tier, why]);
        rows.push(row);
    }
    let last = rows[0].len() - 1;
    let w: Vec<usize> = (0..last).map(|c| width(&rows, c)).collect();
    let mut out = format!("{}\n\n", t!(lang, "year-line", year = ev.year));
    for r in &rows {
        let mut cells: Vec<String> = (0..last).map(|c| pad(&r[c], w[c])).collect();
        cells.push(r[last].clone());
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out.push('\n');
    out.push_str(&totals(ev, e, lang));
    out
}

fn totals(ev: &Evaluator<'_>, e: &Evaluation, lang: Lang) -> String {
    let s = summary(ev, &e.outcomes);
    let mut out = t!(
        lang,
        "table-summary",
        total = s.total,
        classified = s.classified,
        exempt = s.exempt,
        errors = s.errors
    );
    out.push('\n');
    let abbr: Vec<String> = (0..s.tiers.len()).map(|i| abbreviation(ev.tier_label(i))).collect();
    for (i, n) in s.tiers.iter().enumerate() {
        let label = ev.tier_label(i);
        let short = if abbr[i] == label { String::new() } else { format!(" ({})", abbr[i]) };
        let _ = writeln!(out, "  {n:>6}  {label}{short}");
    }
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for o in e.outcomes.iter().filter(|o| o.status == Status::Classified) {
        let Some(sub) = o.subject.map(usize::from) else { continue };
        let root = ev.model.subjects[sub].root;
        let per = ev.model.subjects[root].quotas.iter().find_map(|q| q.per.clone());
        let group = per
            .and_then(|p| ev.prepared[sub].names.iter().position(|n| *n == p))
            .and_then(|slot| o.kept(slot))
            .map(|v| match v {
                crate::vocab::value::Value::Str(s) => s.to_string(),
                other => format!("{other:?}"),
            })
            .unwrap_or_default();
        let entry =
            groups.entry((subject_label(ev, o).to_string(), group)).or_insert_with(|| vec![0; s.tiers.len()]);
        if let Some(t) = o.tier {
            entry[usize::from(t)] += 1;
        }
    }
    if !groups.is_empty() {
        let labels: Vec<String> = groups
            .keys()
            .map(
                |(subject, group)| {
                    if group.is_empty() { subject.clone() } else { format!("{subject} / {group}") }
                },
            )
            .collect();
        let w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(20);
        let cw: Vec<usize> = abbr.iter().map(|a| a.chars().count().max(5)).collect();
        let head: Vec<String> = abbr.iter().zip(&cw).map(|(a, w)| format!("{a:>w$}")).collect();
        let _ = writeln!(out, "\n  {} {}", pad(&t!(lang, "table-by-group"), w), head.join(" "));
        for (label, counts) in labels.iter().zip(groups.values()) {
            let cells: Vec<String> = counts.iter().zip(&cw).map(|(n, w)| format!("{n:>w$}")).collect();
            let _ = writeln!(out, "  {} {}", pad(label, w), cells.join(" "));
        }
    }
    out
}
