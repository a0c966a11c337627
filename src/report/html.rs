//! `kehoach report`: one self-contained HTML page, printable on A4, that a
//! committee office hands up — the plan's header, the summary and a chart,
//! a section per unit, the data problems and a signature block. This module
//! gathers the data; `templates/report.html` lays it out, with the words of
//! [`super::words`].

use super::chart::{self, Block, Chart};
use super::units::{Breakdown, Line, breakdown};
use super::words::{Words, abbreviation, decimal};
use super::xlsx::{Problem, exempt_reason, previous_abbreviation, problems};
use crate::eval::Evaluator;
use crate::eval::outcome::{Reason, Status};
use crate::eval::run::Evaluation;
use crate::lang::Lang;
use crate::syntax::ast::HeaderKind;
use serde::Serialize;

#[derive(Serialize)]
struct Report {
    lang: &'static str,
    w: &'static Words,
    plan: PlanHead,
    year: i32,
    records: usize,
    tiers: Vec<TierHead>,
    summary: Vec<RowOut>,
    chart: Chart,
    units: Vec<UnitOut>,
    others: Option<UnitOut>,
    file_problems: Vec<String>,
    warnings: Vec<String>,
    recipients: Vec<String>,
    /// Whether the run has last year's results: each record listed then
    /// shows its tier last year (`previous`).
    previous: bool,
}

/// The plan's header entries, as the report cites them.
#[derive(Serialize)]
pub(crate) struct PlanHead {
    id: String,
    title: Option<String>,
    issued: Option<String>,
    issuer: Option<String>,
    basis: Vec<String>,
    supersedes: Option<String>,
}

#[derive(Serialize)]
struct TierHead {
    abbr: String,
    label: String,
    color: &'static str,
}

/// A line of counts: a subject (or a total) with each tier's count and share.
#[derive(Serialize)]
struct RowOut {
    label: String,
    total: usize,
    classified: usize,
    tiers: Vec<(usize, String)>,
    exempt: usize,
    errors: usize,
    strong: bool,
}

#[derive(Serialize)]
struct UnitOut {
    name: String,
    anchor: String,
    rows: Vec<RowOut>,
    quotas: Vec<QuotaOut>,
    moved: Vec<MovedOut>,
    exempt: Vec<PersonOut>,
    errors: Vec<PersonOut>,
}

#[derive(Serialize)]
struct QuotaOut {
    subject: String,
    used: usize,
    allowed: String,
    tier: String,
    moved: usize,
    rule: String,
}

#[derive(Serialize)]
struct MovedOut {
    id: String,
    name: String,
    subject: String,
    score: String,
    from: String,
    to: String,
    rank: String,
    previous: String,
}

/// A record in a list: exempt (`why`), or in error (`place`, `why`).
#[derive(Serialize)]
struct PersonOut {
    id: String,
    name: String,
    subject: String,
    place: String,
    why: String,
    previous: String,
}

pub(crate) fn plan_head(plan: &crate::resolve::Plan) -> PlanHead {
    let mut head = PlanHead {
        id: plan.id().to_string(),
        title: None,
        issued: None,
        issuer: None,
        basis: Vec::new(),
        supersedes: None,
    };
    for e in &plan.header.entries {
        match &e.kind {
            HeaderKind::Title(s) => head.title = Some(s.value.clone()),
            HeaderKind::Issuer(s) => head.issuer = Some(s.value.clone()),
            HeaderKind::Issued(d) => head.issued = Some(d.value.format("%d/%m/%Y").to_string()),
            HeaderKind::Basis(s) => head.basis.push(s.value.clone()),
            HeaderKind::Supersedes { id, .. } => head.supersedes = Some(id.value.clone()),
            HeaderKind::Effective { .. } => {}
        }
    }
    head
}

/// The report's HTML.
pub fn report(ev: &Evaluator<'_>, e: &Evaluation, lang: Lang) -> Result<String, minijinja::Error> {
    let w = Words::of(lang);
    let b = breakdown(ev, e);
    let tiers: Vec<TierHead> = (0..ev.model.names.tiers.len())
        .map(|t| {
            let label = ev.tier_label(t).to_string();
            TierHead { abbr: abbreviation(&label), label, color: chart::color(t) }
        })
        .collect();
    let abbrs: Vec<String> = tiers.iter().map(|t| t.abbr.clone()).collect();
    let list = problems(e, w, lang);
    let ctx = Report {
        lang: lang.code(),
        w,
        plan: plan_head(&ev.model.plan),
        year: ev.year,
        records: e.outcomes.len(),
        summary: summary_rows(ev, e, &b, lang),
        chart: chart::chart(&blocks(ev, &b), &abbrs, lang),
        units: (0..b.units.len()).map(|u| unit(ev, e, &b, &list, Some(u), lang)).collect(),
        others: b.unit_of.iter().any(Option::is_none).then(|| unit(ev, e, &b, &list, None, lang)),
        tiers,
        file_problems: list.iter().filter(|p| p.index.is_none()).map(|p| p.problem.clone()).collect(),
        warnings: e.warnings.iter().map(|x| x.words(lang)).collect(),
        recipients: recipients(&ev.model.plan),
        previous: ev.previous.given(),
    };
    super::templates::render("report.html", &ctx)
}

/// Where the report goes: the `report to` (and `via`) of the plan's levels.
fn recipients(plan: &crate::resolve::Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in plan.levels.iter().filter_map(|l| l.report.as_ref()) {
        for name in std::iter::once(&r.to).chain(&r.via) {
            if !out.contains(&name.value) {
                out.push(name.value.clone());
            }
        }
    }
    out
}

fn subject_label(ev: &Evaluator<'_>, s: Option<usize>, w: &Words) -> String {
    match s {
        Some(s) => {
            let subject = &ev.model.plan.subjects[s];
            subject.label.as_ref().map_or(&subject.name.name, |l| &l.value).clone()
        }
        None => w.no_subject.to_string(),
    }
}

fn row(label: String, s: &super::Summary, strong: bool, lang: Lang) -> RowOut {
    let share = |n: usize| match s.classified {
        0 => String::new(),
        c => decimal(lang, n as f64 * 100.0 / c as f64, 1),
    };
    RowOut {
        label,
        total: s.total,
        classified: s.classified,
        tiers: s.tiers.iter().map(|n| (*n, share(*n))).collect(),
        exempt: s.exempt,
        errors: s.errors,
        strong,
    }
}

/// Per subject over all units, then the grand total.
fn summary_rows(ev: &Evaluator<'_>, e: &Evaluation, b: &Breakdown, lang: Lang) -> Vec<RowOut> {
    let w = Words::of(lang);
    let mut rows = Vec::new();
    let mut subjects: Vec<Option<usize>> = b.lines.iter().map(|l| l.subject).collect();
    subjects.dedup();
    for s in subjects {
        let lines: Vec<&Line> = b.lines.iter().filter(|l| l.subject == s).collect();
        rows.push(row(subject_label(ev, s, w), &super::units::sum(ev, lines.iter().copied()), false, lang));
    }
    rows.push(row(w.grand_total.to_string(), &super::summary(ev, &e.outcomes), true, lang));
    rows
}

fn blocks<'a>(ev: &'a Evaluator<'_>, b: &'a Breakdown) -> Vec<Block<'a>> {
    let label = |s: Option<usize>| match s {
        Some(s) => ev.model.plan.subjects[s].label.as_ref().map_or("", |l| l.value.as_str()),
        None => "",
    };
    let bars = |u: usize| {
        b.lines
            .iter()
            .filter(|l| l.unit == Some(u) && l.counts.classified > 0)
            .map(|l| (label(l.subject), l.counts.tiers.as_slice()))
            .collect()
    };
    b.units.iter().enumerate().map(|(u, name)| Block { unit: name, bars: bars(u) }).collect()
}

/// The section of unit `u` (`None`: the records not divided by unit).
fn unit(
    ev: &Evaluator<'_>,
    e: &Evaluation,
    b: &Breakdown,
    list: &[Problem],
    u: Option<usize>,
    lang: Lang,
) -> UnitOut {
    let w = Words::of(lang);
    let ours = |i: &usize| b.unit_of[*i] == u;
    let name = |i: usize| e.carried.cell(i, 0).map(String::from).unwrap_or_default();
    let subject = |i: usize| subject_label(ev, e.outcomes[i].subject.map(usize::from), w);
    let rows = b
        .lines
        .iter()
        .filter(|l| l.unit == u)
        .map(|l| row(subject_label(ev, l.subject, w), &l.counts, false, lang))
        .collect();
    let exempt = (0..e.outcomes.len())
        .filter(|i| ours(i) && e.outcomes[*i].status == Status::Exempt)
        .map(|i| PersonOut {
            id: e.outcomes[i].id.to_string(),
            name: name(i),
            subject: subject(i),
            place: String::new(),
            why: exempt_reason(ev, &e.outcomes[i], lang),
            previous: previous_abbreviation(ev, &e.outcomes[i].id),
        })
        .collect();
    let errors = list
        .iter()
        .filter_map(|p| p.index.filter(ours).map(|i| (i, p)))
        .map(|(i, p)| {
            let column = if p.column.is_empty() {
                String::new()
            } else {
                format!(", {} `{}`", w.column.to_lowercase(), p.column)
            };
            PersonOut {
                id: p.id.clone(),
                name: name(i),
                subject: subject(i),
                place: format!("{} {}{column}", p.file, p.place),
                why: p.problem.clone(),
                previous: previous_abbreviation(ev, &p.id),
            }
        })
        .collect();
    UnitOut {
        name: u.map_or(w.not_by_unit, |u| b.units[u].as_str()).to_string(),
        anchor: u.map_or_else(|| "others".to_string(), |u| format!("unit-{}", u + 1)),
        rows,
        quotas: quotas(ev, b, u, lang),
        moved: moved(ev, e, b, u, lang),
        exempt,
        errors,
    }
}

fn quotas(ev: &Evaluator<'_>, b: &Breakdown, u: Option<usize>, lang: Lang) -> Vec<QuotaOut> {
    let w = Words::of(lang);
    b.quotas
        .iter()
        .filter(|q| q.unit == u)
        .map(|q| {
            let cq = &ev.model.subjects[q.subject].quotas[q.quota];
            QuotaOut {
                subject: subject_label(ev, Some(q.subject), w),
                used: q.used,
                allowed: q.allowed.to_string(),
                tier: abbreviation(ev.tier_label(cq.tier)),
                moved: q.moved,
                rule: crate::t!(lang, "report-quota-rule", place = cq.loc.file_line()),
            }
        })
        .collect()
}

fn moved(ev: &Evaluator<'_>, e: &Evaluation, b: &Breakdown, u: Option<usize>, lang: Lang) -> Vec<MovedOut> {
    let w = Words::of(lang);
    let mut out = Vec::new();
    for (i, o) in e.outcomes.iter().enumerate().filter(|(i, _)| b.unit_of[*i] == u) {
        for r in &o.reasons {
            let (Reason::Quota(m), Some(s), Some(t)) = (r, o.subject.map(usize::from), o.tier) else {
                continue;
            };
            let root = ev.model.subjects[s].root;
            let from = ev.model.subjects[root].quotas.get(usize::from(m.quota)).map_or(0, |q| q.tier);
            out.push(MovedOut {
                id: o.id.to_string(),
                name: e.carried.cell(i, 0).map(String::from).unwrap_or_default(),
                subject: subject_label(ev, Some(s), w),
                score: o.score.map(|x| super::words::exact(lang, x, 2)).unwrap_or_default(),
                from: abbreviation(ev.tier_label(from)),
                to: abbreviation(ev.tier_label(usize::from(t))),
                rank: format!("{}/{}", m.rank, m.of),
                previous: previous_abbreviation(ev, &o.id),
            });
        }
    }
    out
}
