//! What each column of a header does (id, subject, or a subject's slot),
//! and what is wrong with the header as a whole: two columns for one item,
//! no `id` column, or a criterion some subject's records need and the file
//! lacks. Worked out once per header: for every subject of the plan (a
//! data file), or for the subjects its rows name (a test block's rows, so
//! that a block costs its own records and not the whole plan).

use super::Run;
use crate::data::{Columns, OwnedRow, RowPlan, SlotKind, norm};
use crate::diag::FileProblem;
use crate::eval::carry::Carried;

/// Column roles for one header row.
pub(super) struct Roles {
    pub id: Option<usize>,
    pub subject: Option<usize>,
    /// Per subject mapped, in subject order: the columns that fill its slots.
    slots: Vec<(usize, RowPlan)>,
    /// Whether `slots` holds every subject (so that `slots[s]` is subject `s`).
    every: bool,
    /// The slots of a subject not mapped: none.
    none: RowPlan,
    /// A problem of the whole file: every record of it is in error.
    pub problem: Option<FileProblem>,
    /// The column of each carried title (`display`, `--keep`).
    pub carry: Vec<Option<usize>>,
    /// The criteria no column fills: (subject, criterion, the problem it is
    /// for a record that needs it).
    pub lacking: Vec<(usize, String, FileProblem)>,
}

impl Roles {
    /// The columns that fill subject `s`'s slots.
    pub fn slots(&self, s: usize) -> &RowPlan {
        let found = match self.every {
            true => self.slots.get(s),
            false => self.slots.binary_search_by_key(&s, |(t, _)| *t).ok().and_then(|i| self.slots.get(i)),
        };
        found.map_or(&self.none, |(_, plan)| plan)
    }
}

impl Run<'_> {
    /// The subjects rows made in memory name (as [`Run::subject_of`] reads
    /// them), in subject order, each once.
    pub(super) fn subjects_named(&self, headers: &[String], rows: &[OwnedRow]) -> Vec<usize> {
        let titles: Vec<String> = headers.iter().map(|h| norm(h)).collect();
        let mut found = titles.iter().enumerate().filter(|(_, t)| *t == "subject").map(|(c, _)| c);
        let col = match (found.next(), found.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        let mut named: Vec<usize> = rows
            .iter()
            .filter_map(|r| self.subject_of(col.and_then(|c| r.as_row().cells.get(c))).ok())
            .collect();
        named.sort_unstable();
        named.dedup();
        named
    }
}

/// The roles of `headers`, for the subjects in `only` (in subject order), or
/// for every subject.
pub(super) fn roles(headers: &[String], cols: &Columns, carried: &Carried, only: Option<&[usize]>) -> Roles {
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
    let all: Vec<usize>;
    let subjects = match only {
        Some(list) => list,
        None => {
            all = (0..cols.subjects.len()).collect();
            &all
        }
    };
    let mut slots = Vec::with_capacity(subjects.len());
    let mut lacking = Vec::new();
    for &s in subjects {
        let Some(sc) = cols.subjects.get(s) else { continue };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (c, t) in titles.iter().enumerate() {
            let Some(&slot) = sc.by_title.get(t) else { continue };
            match pairs.iter().find(|(_, s)| *s == slot) {
                Some(&(first, _)) => _ = problem.get_or_insert_with(|| duplicate(headers, first, c)),
                None => pairs.push((c, slot)),
            }
        }
        lacking.extend(unfilled(cols, s, &pairs, headers));
        slots.push((s, RowPlan::new(&pairs, &sc.kinds)));
    }
    if id.is_none() && problem.is_none() && !headers.is_empty() {
        problem = Some(FileProblem::NoIdColumn {
            nearest: crate::suggest::closest("id", headers.iter().map(String::as_str)),
        });
    }
    let every = only.is_none();
    Roles {
        id,
        subject,
        slots,
        every,
        none: RowPlan::default(),
        problem,
        lacking,
        carry: carried.columns(headers),
    }
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
