//! The table of `kehoach eval` for people: one line per record with the
//! plan's own tier labels, then a summary by tier, by subject and by group.

use super::chunks::Chunks;
use super::words::abbreviation;
use super::{Texts, reason_with, summary};
use crate::eval::Evaluator;
use crate::eval::outcome::Status;
use crate::eval::run::Evaluation;
use crate::lang::Lang;
use crate::t;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

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
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write_table(ev, e, lang, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`table`], written to `w` as it goes: the columns' widths are measured
/// first, then each line is made and written (the lines are never all in
/// memory, nor the errors' words).
pub fn write_table(ev: &Evaluator<'_>, e: &Evaluation, lang: Lang, w: impl Write) -> io::Result<()> {
    let cols = Columns::new(e, lang);
    let head = cols.head(e);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    let mut score = String::new();
    for i in 0..e.outcomes.len() {
        for (c, cell) in cols.cells(ev, e, i, &mut score).iter().enumerate() {
            widths[c] = widths[c].max(cell.chars().count());
        }
    }
    let mut chunks = Chunks::new(w);
    let _ = write!(chunks.buf, "{}\n\n", t!(lang, "year-line", year = ev.year));
    let mut line = String::new();
    let [.., why] = head.as_slice() else { return chunks.finish().map(drop) };
    cols.line(&head[..head.len() - 1], &widths, &mut line);
    line.push_str(why);
    end(&mut line, &mut chunks.buf);
    let texts = Texts::plain(ev, lang);
    for (i, o) in e.outcomes.iter().enumerate() {
        cols.line(&cols.cells(ev, e, i, &mut score), &widths, &mut line);
        match &o.error {
            Some(err) => err.write_words(lang, &mut line),
            None => {
                for (k, r) in o.reasons.iter().enumerate() {
                    if k > 0 {
                        line.push_str("; ");
                    }
                    line.push_str(&reason_with(&texts, ev, o, r));
                }
            }
        }
        end(&mut line, &mut chunks.buf);
        chunks.spill()?;
    }
    chunks.buf.push(b'\n');
    chunks.buf.extend_from_slice(totals(ev, e, lang).as_bytes());
    chunks.finish().map(drop)
}

/// Ends `line` (without the spaces at its end) into `out`, and empties it.
fn end(line: &mut String, out: &mut Vec<u8>) {
    out.extend_from_slice(line.trim_end().as_bytes());
    out.push(b'\n');
    line.clear();
}

/// The words of the table's columns that do not vary per record.
struct Columns {
    lang: Lang,
    /// Whether the first carried column is shown.
    shown: bool,
    exempt: String,
    review: String,
    error: String,
}

impl Columns {
    fn new(e: &Evaluation, lang: Lang) -> Columns {
        Columns {
            lang,
            shown: !e.carried.titles.is_empty(),
            exempt: t!(lang, "table-exempt"),
            review: t!(lang, "table-exempt-review"),
            error: t!(lang, "table-error"),
        }
    }

    /// The titles, the reasons' last.
    fn head(&self, e: &Evaluation) -> Vec<String> {
        let lang = self.lang;
        let mut head = vec![t!(lang, "table-id")];
        head.extend(e.carried.titles.first().cloned());
        head.extend([
            t!(lang, "table-subject"),
            t!(lang, "table-score"),
            t!(lang, "table-tier"),
            t!(lang, "table-why"),
        ]);
        head
    }

    /// Record `i`'s cells before its reasons (its score made in `score`).
    fn cells<'a>(
        &'a self,
        ev: &'a Evaluator<'_>,
        e: &'a Evaluation,
        i: usize,
        score: &'a mut String,
    ) -> Vec<&'a str> {
        let o = &e.outcomes[i];
        score.clear();
        let tier = match o.status {
            Status::Classified => {
                if let Some(x) = o.score {
                    score.push_str(&super::words::exact(self.lang, x, 2));
                }
                o.tier.map_or("", |t| ev.tier_label(usize::from(t)))
            }
            Status::Exempt if super::is_review(ev, o) => &self.review,
            Status::Exempt => &self.exempt,
            Status::Error | Status::Pending => &self.error,
        };
        let mut cells = vec![o.id.as_str()];
        if self.shown {
            cells.push(e.carried.cell(i, 0).unwrap_or_default());
        }
        cells.extend([subject_label(ev, o), score.as_str(), tier]);
        cells
    }

    /// Puts `cells` in `line`, each padded to its width and followed by two spaces.
    fn line(&self, cells: &[&str], widths: &[usize], line: &mut String) {
        for (cell, w) in cells.iter().zip(widths) {
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.chars().count()) + 2));
        }
    }
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
