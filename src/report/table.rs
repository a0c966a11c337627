//! The table of `kehoach eval` for people: one line per record with the
//! plan's own tier labels, then a summary by tier, by subject and by group.

use super::{reason_text, subject_name, summary};
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::Evaluation;
use std::collections::BTreeMap;
use std::fmt::Write;

fn width(rows: &[Vec<String>], col: usize) -> usize {
    rows.iter().map(|r| r[col].chars().count()).max().unwrap_or(0)
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
}

/// One line per record, then the totals. The first carried column
/// (`display`, `--keep`) is shown after the id; the other formats have them all.
pub fn table(ev: &Evaluator<'_>, e: &Evaluation) -> String {
    let shown = e.carried.titles.first();
    let mut head = vec!["id".to_string()];
    head.extend(shown.cloned());
    head.extend(["subject", "score", "tier", "why"].map(String::from));
    let mut rows: Vec<Vec<String>> = vec![head];
    for (i, o) in e.outcomes.iter().enumerate() {
        let (score, tier) = match o.status {
            Status::Classified => (
                o.score.map(|x| x.show(2)).unwrap_or_default(),
                o.tier.map(|t| ev.tier_label(usize::from(t)).to_string()).unwrap_or_default(),
            ),
            Status::Exempt if super::is_review(ev, o) => {
                (String::new(), "(miễn xếp loại, vẫn kiểm điểm / exempt, review)".into())
            }
            Status::Exempt => (String::new(), "(miễn / exempt)".into()),
            Status::Error | Status::Pending => (String::new(), "(error)".into()),
        };
        let why = match &o.error {
            Some(e) => e.to_string(),
            None => o.reasons.iter().map(|r| reason_text(ev, o, r)).collect::<Vec<_>>().join("; "),
        };
        let mut row = vec![o.id.to_string()];
        if shown.is_some() {
            row.push(e.carried.row(i).first().cloned().flatten().map(String::from).unwrap_or_default());
        }
        row.extend([subject_name(ev, o).to_string(), score, tier, why]);
        rows.push(row);
    }
    let last = rows[0].len() - 1;
    let w: Vec<usize> = (0..last).map(|c| width(&rows, c)).collect();
    let mut out = String::new();
    for r in &rows {
        let mut cells: Vec<String> = (0..last).map(|c| pad(&r[c], w[c])).collect();
        cells.push(r[last].clone());
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out.push('\n');
    out.push_str(&totals(ev, e));
    out
}

fn totals(ev: &Evaluator<'_>, e: &Evaluation) -> String {
    let s = summary(ev, &e.outcomes);
    let mut out = format!(
        "{} records: {} classified, {} exempt, {} in error\n",
        s.total, s.classified, s.exempt, s.errors
    );
    for (i, n) in s.tiers.iter().enumerate() {
        let _ = writeln!(out, "  {:<5} {:>6}  {}", ev.tier_name(i), n, ev.tier_label(i));
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
            groups.entry((subject_name(ev, o).to_string(), group)).or_insert_with(|| vec![0; s.tiers.len()]);
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
        let head: Vec<String> = ev.model.names.tiers.iter().map(|t| format!("{t:>5}")).collect();
        let _ = writeln!(out, "\n  {} {}", pad("by subject and group", w), head.join(" "));
        for (label, counts) in labels.iter().zip(groups.values()) {
            let cells: Vec<String> = counts.iter().map(|n| format!("{n:>5}")).collect();
            let _ = writeln!(out, "  {} {}", pad(label, w), cells.join(" "));
        }
    }
    out
}
