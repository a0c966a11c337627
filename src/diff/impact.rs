//! Impact: both plans classify the same records; who moves tier, who changes
//! status, and the transition matrix (old tier × new tier) per subject.

use crate::check::Model;
use crate::data::DataError;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Status};
use crate::eval::run::{Evaluation, Input, Options, evaluate_with};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One record whose tier or status differs between the plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub id: String,
    pub subject: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub old_status: Status,
    pub new_status: Status,
    pub old_score: Option<String>,
    pub new_score: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Impact {
    pub records: usize,
    /// `OLD->NEW` → count over all subjects; `-` is no tier (exempt or error).
    pub transitions: BTreeMap<String, usize>,
    /// Per subject: (old tier, new tier) → count, in tier order.
    pub by_subject: BTreeMap<String, BTreeMap<(usize, usize), usize>>,
    /// Per subject, the tier names in order, `-` last, for both plans.
    pub names: (Vec<String>, Vec<String>),
    pub moved: Vec<Moved>,
    /// What reading the data said under either plan (file problems are
    /// errors, the rest warnings), each once.
    pub said: Vec<crate::diag::DataNote>,
}

fn run<'m>(
    model: &'m Model,
    files: &[PathBuf],
    opts: &Options,
) -> Result<(Evaluator<'m>, Evaluation), DataError> {
    let ev = Evaluator::new(model, opts.year, opts.as_of);
    let inputs = files.iter().cloned().map(Input::File).collect();
    let e = evaluate_with(&ev, inputs, opts)?;
    Ok((ev, e))
}

fn tier(ev: &Evaluator<'_>, o: &Outcome) -> Option<String> {
    o.tier.filter(|_| o.status == Status::Classified).map(|t| ev.tier_name(usize::from(t)).to_string())
}

/// Evaluates both plans on `files`; records pair by input position.
pub fn impact(old: &Model, new: &Model, files: &[PathBuf], opts: &Options) -> Result<Impact, DataError> {
    let (ev_old, a) = run(old, files, opts)?;
    let (ev_new, b) = run(new, files, opts)?;
    let names = |ev: &Evaluator<'_>| {
        let mut n: Vec<String> = ev.model.names.tiers.clone();
        n.push("-".into());
        n
    };
    let mut out =
        Impact { records: a.outcomes.len(), names: (names(&ev_old), names(&ev_new)), ..Impact::default() };
    let none = (out.names.0.len() - 1, out.names.1.len() - 1);
    for (x, y) in a.outcomes.iter().zip(&b.outcomes) {
        let (to, tn) = (tier(&ev_old, x), tier(&ev_new, y));
        let key = format!("{}->{}", to.as_deref().unwrap_or("-"), tn.as_deref().unwrap_or("-"));
        *out.transitions.entry(key).or_default() += 1;
        let subject = ev_new.subject_name(y);
        let subject = if subject.is_empty() { ev_old.subject_name(x) } else { subject };
        let cell = (
            x.tier.filter(|_| x.status == Status::Classified).map_or(none.0, usize::from),
            y.tier.filter(|_| y.status == Status::Classified).map_or(none.1, usize::from),
        );
        *out.by_subject.entry(subject.to_string()).or_default().entry(cell).or_default() += 1;
        if to != tn || x.status != y.status {
            out.moved.push(Moved {
                id: y.id.to_string(),
                subject: subject.to_string(),
                old: to,
                new: tn,
                old_status: x.status,
                new_status: y.status,
                old_score: x.score.map(|s| s.show(2)),
                new_score: y.score.map(|s| s.show(2)),
            });
        }
    }
    for e in [&a, &b] {
        for note in e.problems.iter().chain(&e.warnings) {
            if !out.said.contains(note) {
                out.said.push(note.clone());
            }
        }
    }
    Ok(out)
}
