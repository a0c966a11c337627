//! What a run says besides its outcomes: the warnings about each file read,
//! each problem of a whole file once, a subject others read that has no
//! records, and records that failed for a criterion their file has no column for.

use super::Run;
use crate::data::FileRead;
use crate::diag::{DataNote, ErrorKind, FileProblem, RowProblem};
use crate::eval::outcome::Outcome;
use std::collections::HashSet;
use std::path::Path;

impl Run<'_> {
    /// The warnings about a file read: columns no subject declares, carried
    /// columns it lacks, blank rows.
    pub(super) fn notes(&self, name: &str, file: &Path, found: &FileRead, rows: usize) -> Vec<DataNote> {
        let unknown: Vec<String> = (found.headers.iter())
            .filter(|h| !self.cols.known(h) && !self.carried.carries(h))
            .cloned()
            .collect();
        let mut notes: Vec<DataNote> =
            self.carried.missing(file, &self.carried.columns(&found.headers)).into_iter().collect();
        let file = name.to_string();
        if !unknown.is_empty() {
            notes.push(DataNote::UnknownColumns { file: file.clone(), columns: unknown });
        }
        if found.blank > 0 {
            let (lines, count) = (found.blank_lines.clone(), found.blank);
            notes.push(DataNote::BlankRows { file: file.clone(), lines, count });
        }
        if rows == 0 {
            notes.push(DataNote::NoRecords { file });
        }
        notes
    }

    /// Says a problem of file `fi` once.
    pub(super) fn say(&mut self, fi: usize, p: &FileProblem) {
        if !self.said.iter().any(|(f, q)| *f == fi && q == p) {
            self.said.push((fi, p.clone()));
            self.problems
                .push(DataNote::File { file: self.files[fi].display().to_string(), problem: p.clone() });
        }
    }

    /// A note for each subject whose records others read (by a ref, an
    /// aggregate or `cap at tier of`) when the run was given none of them:
    /// once, instead of a wrong count or an error per record without words
    /// for the cause.
    pub(super) fn missing_subjects(&self) -> Vec<DataNote> {
        let plan = &self.ev.model.plan;
        // Every subject with records, and every subject it extends: the roots
        // whose families have records (once, not per root read).
        let mut with_records: HashSet<&str> = HashSet::new();
        for t in (0..plan.subjects.len()).filter(|&t| !self.by_subject.of(t).is_empty()) {
            let mut cur = Some(plan.subjects[t].name.name.as_str());
            while let Some(name) = cur.filter(|n| with_records.insert(n)) {
                cur = plan.subject(name).and_then(|s| s.extends.as_ref()).map(|e| e.name.as_str());
            }
        }
        let given = |root: &str| with_records.contains(root);
        let mut notes: Vec<DataNote> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for &s in &self.ev.order.readers {
            let reads = &self.ev.model.reads[s];
            if self.by_subject.of(s).is_empty() {
                continue;
            }
            let refs = self.ev.prepared[s].refs.iter().map(|(_, root)| root.as_str());
            let counted = reads.aggregates.iter().map(|a| a.subject.as_str());
            let caps = reads.cap_at.iter().filter_map(|(_, t)| t.as_deref());
            for root in refs.chain(counted).chain(caps) {
                if !seen.contains(&root) && !given(root) {
                    seen.push(root);
                    notes.push(DataNote::MissingSubject {
                        subject: named(plan, root),
                        readers: named(plan, &plan.subjects[s].name.name),
                    });
                }
            }
        }
        notes
    }

    /// A record that failed for want of a criterion its file has no column
    /// for says so (and the file's problem is said once), instead of
    /// "criterion … has no grade" on every row.
    pub(super) fn name_missing_columns(&mut self) {
        // Only a subject some file lacks a column of, with records read
        // from that file, has records to look at.
        let subjects = self.cols.subjects.len();
        let read = |&(fi, s, ..): &(usize, usize, String, FileProblem)| {
            self.present.get(fi * subjects + s) == Some(&true)
        };
        if !self.lacking.iter().any(read) {
            return;
        }
        // Per lacking column: the error of the first record without it.
        let mut first = vec![None; self.lacking.len()];
        for i in 0..self.outs.len() {
            let Some(e) = &self.outs[i].error else { continue };
            let (ErrorKind::NoGrade { criterion } | ErrorKind::NoPoints { criterion }) = e.kind() else {
                continue;
            };
            let (fi, at) = self.positions[i].get();
            let s = self.outs[i].subject.map(usize::from);
            let Some(l) = self.lacking.iter().position(|l| l.0 == fi && Some(l.1) == s && l.2 == *criterion)
            else {
                continue;
            };
            let p = self.lacking[l].3.clone();
            self.say(fi, &p);
            let error = self.alike(&mut first[l], || ErrorKind::Row(RowProblem::File(p)), (fi, at));
            self.outs[i].error = Some(Box::new(error));
        }
    }

    /// Every record of file `fi` (those from `from` on) in error for the
    /// file's problem, found once its rows were read (the encoding is
    /// checked on the way): they keep their id, subject and groups, so that
    /// those who count them see records in error.
    pub(super) fn fail_file(&mut self, fi: usize, from: usize, p: &FileProblem) {
        self.say(fi, p);
        let mut first = None;
        for i in from..self.outs.len() {
            let kind = || ErrorKind::Row(RowProblem::File(p.clone()));
            let error = self.alike(&mut first, kind, self.positions[i].get());
            let o = &mut self.outs[i];
            let mut failed = Outcome::error(&o.id.clone(), o.subject, error);
            failed.kept = std::mem::take(&mut o.kept);
            *o = failed;
            if let Some(c) = self.captured.as_mut().filter(|c| c.index == i) {
                c.trace.steps =
                    vec![crate::eval::trace::Step::Failed(self.outs[i].error_text().unwrap_or_default())];
            }
        }
    }
}

/// A subject's name and label, for people.
fn named(plan: &crate::resolve::Plan, name: &str) -> crate::diag::said::Named {
    let label = plan.subject(name).and_then(|s| s.label.as_ref()).map(|l| l.value.clone());
    (name.to_string(), label)
}
