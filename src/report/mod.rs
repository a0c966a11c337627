//! Output of evaluations: reasons in words, the table, CSV, JSON and
//! workbook formats of `kehoach eval`, and the HTML reports.

mod chart;
mod chunks;
mod csv_out;
pub mod diff_html;
pub mod explain;
pub mod explain_json;
pub mod html;
mod json_out;
mod plain;
mod table;
mod tail;
mod templates;
mod texpr;
pub mod units;
pub mod words;
pub mod xlsx;

pub use csv_out::csv;
pub use json_out::write_json;
pub use table::{table, write_table};

use crate::check::model::CCap;
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, QuotaMove, Reason, Status};
use crate::eval::run::Evaluation;
use crate::lang::Lang;
use serde_json::{Value, json};
use std::borrow::Cow;

/// One subject's reasons that read the same for every record (its rules,
/// caps, exemptions and `otherwise` line), each in some form `W`: words,
/// or those words quoted for CSV or escaped for JSON.
pub struct Fixed<W> {
    rules: Vec<W>,
    caps: Vec<W>,
    exempts: Vec<W>,
    otherwise: W,
}

impl<W> Fixed<W> {
    /// The form of reason `r`, when it is one of these.
    pub fn get(&self, r: &Reason) -> Option<&W> {
        match r {
            Reason::Rule(i) => self.rules.get(usize::from(*i)),
            Reason::Cap(i) => self.caps.get(usize::from(*i)),
            Reason::Exempt(i) => self.exempts.get(usize::from(*i)),
            Reason::Otherwise => Some(&self.otherwise),
            _ => None,
        }
    }

    /// The same reasons in another form.
    pub fn map<V>(&self, f: impl Fn(&W) -> V) -> Fixed<V> {
        Fixed {
            rules: self.rules.iter().map(&f).collect(),
            caps: self.caps.iter().map(&f).collect(),
            exempts: self.exempts.iter().map(&f).collect(),
            otherwise: f(&self.otherwise),
        }
    }
}

/// The words for reasons that do not vary per record, made once per run:
/// for programs (codes and rule lines, never translated) or, with a
/// language, for people (the plan's labels, no lines).
pub struct Texts {
    subjects: Vec<Fixed<String>>,
    lang: Option<Lang>,
}

impl Texts {
    /// Each place named `FILE:LINE`.
    pub fn new(ev: &Evaluator<'_>) -> Texts {
        Texts::naming(ev, false)
    }

    /// For CSV: a place in the named plan file is `line N` (the run's plan
    /// is known, and a million rows need not repeat its path); one in a
    /// file it extends keeps `FILE:LINE`.
    pub fn by_line(ev: &Evaluator<'_>) -> Texts {
        Texts::naming(ev, true)
    }

    fn naming(ev: &Evaluator<'_>, by_line: bool) -> Texts {
        let named = ev.model.plan.chain.first().map(|src| crate::source::Loc::new(src, 0, 0));
        let place = |loc: &crate::source::Loc| match &named {
            Some(n) if by_line && n.same_file(loc) => format!("line {}", loc.line()),
            _ => loc.file_line(),
        };
        let tier = |t: usize| ev.tier_name(t).to_string();
        let subjects = ev
            .model
            .subjects
            .iter()
            .map(|c| {
                let rules = c
                    .rules
                    .iter()
                    .map(|r| format!("rule `{}` holds ({})", tier(r.tier), place(&r.loc)))
                    .collect();
                let caps = c
                    .caps
                    .iter()
                    .map(|k| match k {
                        CCap::When { tier: t, because: Some(b), .. } => format!("cap `{}`: {b}", tier(*t)),
                        CCap::When { tier: t, loc, .. } => {
                            format!("cap `{}` ({})", tier(*t), place(loc))
                        }
                        CCap::At { field, tier_field: true, .. } => format!("cap at the tier in `{field}`"),
                        CCap::At { field, .. } => format!("cap at the tier of `{field}`"),
                    })
                    .collect();
                let exempts = c
                    .exempts
                    .iter()
                    .map(|e| {
                        let review = if e.review { REVIEW_WORDS } else { "" };
                        match &e.because {
                            Some(b) => format!("exempt: {b}{review}"),
                            None => format!("exempt ({}){review}", place(&e.loc)),
                        }
                    })
                    .collect();
                let otherwise =
                    format!("no rule holds: otherwise `{}`", c.otherwise.map(tier).unwrap_or_default());
                Fixed { rules, caps, exempts, otherwise }
            })
            .collect();
        Texts { subjects, lang: None }
    }
}

/// After the reason of an `exempt … review` line.
const REVIEW_WORDS: &str = " (must still write a review / vẫn phải kiểm điểm)";

/// Whether `o` is exempt by an `exempt … review` line: not classified, but
/// the member must still write a review.
pub fn is_review(ev: &Evaluator<'_>, o: &Outcome) -> bool {
    let Some(s) = o.subject.map(usize::from).filter(|_| o.status == Status::Exempt) else { return false };
    o.reasons.iter().any(|r| match r {
        Reason::Exempt(i) => ev.model.subjects[s].exempts.get(usize::from(*i)).is_some_and(|e| e.review),
        _ => false,
    })
}

/// One reason in words.
pub fn reason_text(ev: &Evaluator<'_>, o: &Outcome, r: &Reason) -> String {
    reason_with(&Texts::new(ev), ev, o, r).into_owned()
}

/// One reason in words, with the run's fixed texts.
pub fn reason_with<'t>(texts: &'t Texts, ev: &Evaluator<'_>, o: &Outcome, r: &Reason) -> Cow<'t, str> {
    let Some(s) = o.subject.map(usize::from) else { return Cow::Borrowed("") };
    if let Some(words) = texts.subjects.get(s).and_then(|f| f.get(r)) {
        return Cow::Borrowed(words);
    }
    if let Some(lang) = texts.lang {
        return Cow::Owned(plain::reason(ev, r, lang));
    }
    let c = &ev.model.subjects[s];
    let tier = |t: usize| ev.tier_name(t).to_string();
    Cow::Owned(match r {
        // Fixed reasons are answered above; evaluation makes no index past
        // the plan's.
        Reason::Exempt(_) | Reason::Rule(_) | Reason::Otherwise | Reason::Cap(_) => String::new(),
        Reason::CapAt(at) => {
            let (field, tier_field) = match &c.caps[usize::from(at.cap)] {
                CCap::At { field, tier_field, .. } => (field.as_str(), *tier_field),
                CCap::When { .. } => ("", false),
            };
            if tier_field {
                return Cow::Owned(format!("cap at `{}`, the tier in `{field}`", tier(usize::from(at.tier))));
            }
            format!("cap at `{}`, the tier of `{}` ({field})", tier(usize::from(at.tier)), at.id)
        }
        Reason::Note(n) => format!("hook `{}`: {}", hook_name(ev, n.hook), n.text),
        Reason::HookScore(c) => {
            format!("hook `{}`: score {} → {}", hook_name(ev, c.hook), c.before.show(2), c.after.show(2))
        }
        Reason::HookTier { hook, before, after } => format!(
            "hook `{}`: tier `{}` → `{}`",
            hook_name(ev, *hook),
            tier(usize::from(*before)),
            tier(usize::from(*after))
        ),
        Reason::Quota(q) => {
            let mut words = String::new();
            quota_words(q, &mut words);
            words
        }
    })
}

/// Appends one reason in words to `out` (as [`reason_with`], without a
/// string of its own for a quota's move).
pub fn push_reason(texts: &Texts, ev: &Evaluator<'_>, o: &Outcome, r: &Reason, out: &mut String) {
    match r {
        Reason::Quota(q) if o.subject.is_some() && texts.lang.is_none() => quota_words(q, out),
        _ => out.push_str(&reason_with(texts, ev, o, r)),
    }
}

/// "quota: rank k of E in group V, limit n".
fn quota_words(q: &QuotaMove, out: &mut String) {
    let mut n = itoa::Buffer::new();
    out.push_str("quota: rank ");
    out.push_str(n.format(q.rank));
    out.push_str(" of ");
    out.push_str(n.format(q.of));
    out.push_str(" in group ");
    out.push_str(&q.group);
    out.push_str(", limit ");
    out.push_str(n.format(q.limit));
}

fn hook_name<'a>(ev: &'a Evaluator<'_>, h: u16) -> &'a str {
    ev.model.plan.hooks.get(usize::from(h)).map_or("?", |x| x.decl.name.name.as_str())
}

pub fn subject_name<'a>(ev: &'a Evaluator<'_>, o: &Outcome) -> &'a str {
    ev.subject_name(o)
}

/// Counts by status and by tier (every tier listed).
pub struct Summary {
    pub total: usize,
    pub classified: usize,
    pub exempt: usize,
    pub errors: usize,
    pub tiers: Vec<usize>,
}

pub fn summary(ev: &Evaluator<'_>, outs: &[Outcome]) -> Summary {
    let mut s = Summary::new(ev);
    outs.iter().for_each(|o| s.add(o));
    s
}

impl Summary {
    /// Nothing counted yet.
    pub fn new(ev: &Evaluator<'_>) -> Summary {
        let tiers = vec![0; ev.model.names.tiers.len()];
        Summary { total: 0, classified: 0, exempt: 0, errors: 0, tiers }
    }

    /// Counts one more outcome.
    pub fn add(&mut self, o: &Outcome) {
        self.total += 1;
        match o.status {
            Status::Classified => {
                self.classified += 1;
                if let Some(n) = o.tier.and_then(|t| self.tiers.get_mut(usize::from(t))) {
                    *n += 1;
                }
            }
            Status::Exempt => self.exempt += 1,
            Status::Error | Status::Pending => self.errors += 1,
        }
    }
}

/// One record of the JSON of §9. The fields are declared in the order of
/// their names, the order in which `serde_json` writes a map's keys, so
/// that a record reads the same written directly or through a [`Value`].
#[derive(serde::Serialize)]
pub(crate) struct RecordOut<'a> {
    /// The carried columns (`display`, `--keep`), only when there are some.
    #[serde(skip_serializing_if = "Option::is_none")]
    columns: Option<Carried<'a>>,
    error: Option<String>,
    id: &'a str,
    reasons: Vec<Cow<'a, str>>,
    /// `true` for a record exempt by an `exempt … review` line, else absent.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    review: bool,
    score: Option<f64>,
    status: &'a str,
    subject: &'a str,
    tier: Option<&'a str>,
    tier_label: Option<&'a str>,
}

impl<'a> RecordOut<'a> {
    pub(crate) fn new(texts: &'a Texts, ev: &'a Evaluator<'_>, o: &'a Outcome) -> RecordOut<'a> {
        let tier = o.tier.filter(|_| o.status == Status::Classified).map(usize::from);
        RecordOut {
            columns: None,
            error: o.error_text(),
            id: o.id.as_str(),
            reasons: o.reasons.iter().map(|r| reason_with(texts, ev, o, r)).collect(),
            review: is_review(ev, o),
            score: o.score.filter(|_| o.status == Status::Classified).map(|x| x.round_places(2).to_f64()),
            status: o.status.as_str(),
            subject: subject_name(ev, o),
            tier: tier.map(|t| ev.tier_name(t)),
            tier_label: tier.map(|t| ev.tier_label(t)),
        }
    }

    /// The record with its carried cells, when the run carries columns.
    pub(crate) fn carrying(mut self, e: &'a Evaluation, i: usize) -> RecordOut<'a> {
        self.columns = Carried::of(e, i);
        self
    }
}

/// A record's carried cells as a JSON object, in the order of the titles:
/// a title's text, or null where the record's file has no such column.
pub(crate) struct Carried<'a> {
    titles: &'a [String],
    cells: &'a crate::eval::carry::Carried,
    record: usize,
}

impl<'a> Carried<'a> {
    pub(crate) fn of(e: &'a Evaluation, i: usize) -> Option<Carried<'a>> {
        let titles = e.carried.titles.as_slice();
        (!titles.is_empty()).then_some(Carried { titles, cells: &e.carried, record: i })
    }
}

impl serde::Serialize for Carried<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.titles.len()))?;
        for (i, t) in self.titles.iter().enumerate() {
            map.serialize_entry(t, &self.cells.cell(self.record, i))?;
        }
        map.end()
    }
}

fn record_json(texts: &Texts, ev: &Evaluator<'_>, e: &Evaluation, i: usize) -> Value {
    serde_json::to_value(RecordOut::new(texts, ev, &e.outcomes[i]).carrying(e, i)).unwrap_or(Value::Null)
}

/// The JSON of §9.
pub fn json(ev: &Evaluator<'_>, e: &Evaluation) -> Value {
    let texts = Texts::new(ev);
    json!({
        "plan": ev.model.plan.id(),
        "year": ev.year,
        "records": (0..e.outcomes.len()).map(|i| record_json(&texts, ev, e, i)).collect::<Vec<_>>(),
        "summary": summary_json(ev, &summary(ev, &e.outcomes)),
    })
}

/// The `summary` object of §9's JSON.
fn summary_json(ev: &Evaluator<'_>, s: &Summary) -> Value {
    let tiers: serde_json::Map<String, Value> =
        ev.model.names.tiers.iter().zip(&s.tiers).map(|(t, n)| (t.clone(), json!(n))).collect();
    json!({"total": s.total, "classified": s.classified, "exempt": s.exempt, "errors": s.errors, "tiers": tiers})
}

/// The bundled plans' sample data evaluated for 2020, with ids that need
/// quoting or escaping and a record in error among them, and words that
/// each one's output must hold (for tests of the writers).
#[cfg(test)]
pub(crate) fn samples() -> Vec<(crate::check::Model, Evaluation, &'static str)> {
    use crate::eval::run::Options;
    use std::path::{Path, PathBuf};
    let hanoi: Vec<String> = ["bi-thu", "chi-bo", "dang-vien", "han-muc"]
        .iter()
        .map(|f| format!("plans/hanoi/data/{f}.csv"))
        .collect();
    let runs = [
        ("plans/hanoi/01-KH-TU.kh", hanoi, "quota: rank"),
        ("plans/ba-dinh/12-KH-QU.kh", vec!["plans/ba-dinh/data/dang-vien.csv".to_string()], "hook `"),
    ];
    let opts = Options { year: 2020, as_of: None, subject: None, capture: None, ..Options::default() };
    runs.into_iter()
        .map(|(plan, files, special)| {
            let model = crate::check::check_path(Path::new(plan)).unwrap().model.unwrap();
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            let mut e = crate::eval::run::evaluate(&model, &files, &opts).unwrap();
            e.outcomes[0].id = "say \"hi\"\n".into();
            e.outcomes[1].id = "Đ\\x, y".into();
            // The plans display `name`: a name that needs quoting and escaping.
            e.carried.set(1, 0, "Nguyễn \"Ba\", Hà\\");
            (e.outcomes[2].status, e.outcomes[2].error) = (
                Status::Error,
                Some(Box::new(crate::diag::RecordError::new(crate::diag::ErrorKind::Cell(
                    crate::diag::CellProblem::NotNumber("broken".into()),
                )))),
            );
            (model, e, special)
        })
        .collect()
}

/// The README's run: Hà Nội's plan on the three bundled files, for 2020.
#[cfg(test)]
pub(crate) fn bundled() -> (crate::check::Model, Evaluation) {
    use std::path::{Path, PathBuf};
    let model = crate::check::check_path(Path::new("plans/hanoi/01-KH-TU.kh")).unwrap().model.unwrap();
    let files: Vec<PathBuf> = ["dang-vien", "chi-bo", "bi-thu"]
        .iter()
        .map(|f| PathBuf::from(format!("plans/hanoi/data/{f}.csv")))
        .collect();
    let opts = crate::eval::run::Options { year: 2020, ..Default::default() };
    let e = crate::eval::run::evaluate(&model, &files, &opts).unwrap();
    (model, e)
}
