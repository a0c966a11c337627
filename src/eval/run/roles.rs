//! What each column of a header does (id, subject, or a subject's slot),
//! and what is wrong with the header as a whole: two columns for one item,
//! no `id` column, or a criterion some subject's records need and the file
//! lacks. Worked out once per header.

use crate::data::{Columns, RowPlan, SlotKind, norm};
use crate::diag::FileProblem;
use crate::eval::carry::Carried;

/// Column roles for one header row.
pub(super) struct Roles {
    pub id: Option<usize>,
    pub subject: Option<usize>,
    /// Per subject: the columns that fill its slots.
    pub slots: Vec<RowPlan>,
    /// A problem of the whole file: every record of it is in error.
    pub problem: Option<FileProblem>,
    /// The column of each carried title (`display`, `--keep`).
    pub carry: Vec<Option<usize>>,
    /// The criteria no column fills: (subject, criterion, the problem it is
    /// for a record that needs it).
    pub lacking: Vec<(usize, String, FileProblem)>,
}

pub(super) fn roles(headers: &[String], cols: &Columns, carried: &Carried) -> Roles {
    let titles: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    let twice = |want: &str| -> Result<Option<usize>, FileProblem> {
        let mut found = titles.iter().enumerate().filter(|(_, t)| *t == want).map(|(c, _)| c);
        match (found.next(), found.next()) {
            (Some(a), Some(b)) => Err(duplicate(headers, a, b)),
            (first, _) => Ok(first),
        }
    };
    let mut problem = None;
    // A title twice: the file's problem, and no column for it.
    let mut special = |want: &str| {
        twice(want).unwrap_or_else(|p| {
            problem.get_or_insert(p);
            None
        })
    };
    let (id, subject) = (special("id"), special("subject"));
    let mut slots = Vec::with_capacity(cols.subjects.len());
    let mut lacking = Vec::new();
    for (s, sc) in cols.subjects.iter().enumerate() {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (c, t) in titles.iter().enumerate() {
            let Some(&slot) = sc.by_title.get(t) else { continue };
            match pairs.iter().find(|(_, s)| *s == slot) {
                Some(&(first, _)) => _ = problem.get_or_insert_with(|| duplicate(headers, first, c)),
                None => pairs.push((c, slot)),
            }
        }
        lacking.extend(unfilled(cols, s, &pairs, headers));
        slots.push(RowPlan::new(&pairs, &sc.kinds));
    }
    if id.is_none() && problem.is_none() && !headers.is_empty() {
        problem = Some(FileProblem::NoIdColumn {
            nearest: crate::suggest::closest("id", headers.iter().map(String::as_str)),
        });
    }
    Roles { id, subject, slots, problem, lacking, carry: carried.columns(headers) }
}

fn duplicate(headers: &[String], a: usize, b: usize) -> FileProblem {
    let name = |c: usize| (headers.get(c).cloned().unwrap_or_default(), c + 1);
    FileProblem::DuplicateColumn { first: name(a), second: name(b) }
}

/// The criteria of subject `s` that no column fills.
fn unfilled<'a>(
    cols: &'a Columns,
    s: usize,
    pairs: &'a [(usize, usize)],
    headers: &'a [String],
) -> impl Iterator<Item = (usize, String, FileProblem)> + 'a {
    let sc = &cols.subjects[s];
    (0..sc.kinds.len())
        .filter(|k| matches!(sc.kinds[*k], SlotKind::Grade(_) | SlotKind::Points(_)))
        .filter(|k| pairs.iter().all(|(_, slot)| slot != k))
        .map(move |slot| {
            let item = sc.names[slot].clone();
            let near = |title: &str| crate::suggest::closest(title, headers.iter().map(String::as_str));
            let nearest = near(&item).or_else(|| sc.labels[slot].as_deref().and_then(near));
            let problem = FileProblem::MissingColumn {
                subject: cols.subject_names[s].clone(),
                item: item.clone(),
                nearest,
            };
            (s, item, problem)
        })
}
