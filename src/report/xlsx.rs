//! `eval --format xlsx`: a workbook an office can hand up. Sheet *Kết quả*
//! has every record in input order, *Tổng hợp* the counts per subject and
//! unit laid out as the official statistics tables are, *Miễn xếp loại* the
//! exempt and *Lỗi dữ liệu* the records in error and the problems of whole
//! files. The words are in [`super::words`].

use super::units::{Breakdown, breakdown};
use super::words::{Words, abbreviation, decimal};
use super::{Texts, reason_with};
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::run::Evaluation;
use crate::lang::Lang;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Note, Workbook, Worksheet, XlsxError};

/// The workbook's bytes.
pub fn workbook(ev: &Evaluator<'_>, e: &Evaluation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let w = Words::of(lang);
    let mut book = Workbook::new();
    let b = breakdown(ev, e);
    results(book.add_worksheet(), ev, e, lang)?;
    summary(book.add_worksheet(), ev, e, &b, w)?;
    exempt(book.add_worksheet(), (ev, e, lang), &b, w)?;
    errors(book.add_worksheet(), e, w, lang)?;
    book.save_to_buffer()
}

/// A sheet being filled: cells written and each column's widest text kept.
struct Grid<'a> {
    ws: &'a mut Worksheet,
    widths: Vec<usize>,
    head: Format,
}

impl<'a> Grid<'a> {
    fn new(ws: &'a mut Worksheet, name: &str) -> Result<Grid<'a>, XlsxError> {
        ws.set_name(name)?;
        let head = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_border(FormatBorder::Thin);
        Ok(Grid { ws, widths: Vec::new(), head })
    }

    fn widen(&mut self, col: u16, chars: usize) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(chars);
    }

    /// Text in a cell; nothing for empty text (the cell stays blank). Text
    /// longer than a cell can hold is cut, with `…`, rather than losing the
    /// whole workbook.
    fn text(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        if !text.is_empty() {
            let text = fit(text);
            self.widen(col, text.chars().count());
            self.ws.write_string(row, col, text.as_ref())?;
        }
        Ok(())
    }

    fn bold(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.widen(col, text.chars().count());
        self.ws.write_string_with_format(row, col, text, &Format::new().set_bold())?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, x: f64, format: &Format) -> Result<(), XlsxError> {
        self.widen(col, 8);
        self.ws.write_number_with_format(row, col, x, format)?;
        Ok(())
    }

    /// The column heads in row `row`.
    fn heads(&mut self, row: u32, heads: &[&str]) -> Result<(), XlsxError> {
        for (c, h) in heads.iter().enumerate() {
            let col = c as u16;
            // Heads wrap: they widen a column only as far as their longest word.
            self.widen(col, h.split_whitespace().map(|x| x.chars().count()).max().unwrap_or(0));
            self.ws.write_string_with_format(row, col, *h, &self.head)?;
        }
        Ok(())
    }

    /// Widths from the widest text (within reason), the heads frozen, and a
    /// filter on them when `filter` (rows up to `last`).
    fn finish(self, heads: u32, last: u32, filter: bool) -> Result<(), XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
        }
        self.ws.set_freeze_panes(heads, 0)?;
        if filter && !self.widths.is_empty() {
            self.ws.autofilter(heads - 1, 0, last.max(heads - 1), (self.widths.len() - 1) as u16)?;
        }
        Ok(())
    }
}

/// The most characters a cell holds (Excel's limit, which the writer enforces).
const CELL_CHARS: usize = 32_767;

/// `text` as it fits in a cell: whole, or its first characters and `…`.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_CHARS) {
        None => text.into(),
        Some(_) => {
            let cut = text.char_indices().nth(CELL_CHARS - 1).map_or(text.len(), |(i, _)| i);
            format!("{}…", &text[..cut]).into()
        }
    }
}

fn subject_label<'a>(ev: &'a Evaluator<'_>, s: Option<usize>, w: &'a Words) -> &'a str {
    match s {
        Some(s) => {
            let subject = &ev.model.plan.subjects[s];
            subject.label.as_ref().map_or(subject.name.name.as_str(), |l| l.value.as_str())
        }
        None => w.no_subject,
    }
}

/// The record's reasons, `; `-separated, or its error.
fn reasons(texts: &Texts, ev: &Evaluator<'_>, o: &Outcome, lang: Lang) -> String {
    match &o.error {
        Some(e) => e.words(lang),
        None => o.reasons.iter().map(|r| reason_with(texts, ev, o, r)).collect::<Vec<_>>().join("; "),
    }
}

fn results(ws: &mut Worksheet, ev: &Evaluator<'_>, e: &Evaluation, lang: Lang) -> Result<(), XlsxError> {
    let w = Words::of(lang);
    let mut g = Grid::new(ws, w.sheet_results)?;
    let titles = &e.carried.titles;
    let mut heads = vec![w.id];
    heads.extend(titles.iter().map(String::as_str));
    heads.extend([w.subject, w.score, w.tier, w.abbr]);
    // Last year's tier beside this year's, when the run has it (`--previous`).
    let previous = ev.previous.given();
    if previous {
        heads.push(w.previous_tier);
    }
    heads.extend([w.status, w.reasons]);
    g.heads(0, &heads)?;
    let texts = Texts::new(ev);
    let score = Format::new().set_num_format("0.00");
    let n = titles.len() as u16;
    let after = n + 5 + u16::from(previous);
    for (i, o) in e.outcomes.iter().enumerate() {
        let row = i as u32 + 1;
        g.text(row, 0, &o.id)?;
        for (c, cell) in e.carried.row(i).enumerate() {
            g.text(row, 1 + c as u16, cell.unwrap_or(""))?;
        }
        g.text(row, n + 1, subject_label(ev, o.subject.map(usize::from), w))?;
        if let (Status::Classified, Some(x), Some(t)) = (o.status, o.score, o.tier) {
            let shown = x.round_places(2);
            g.number(row, n + 2, shown.to_f64(), &score)?;
            if shown != x {
                let (num, den) = x.parts64();
                let note = format!("{}: {num}/{den} ≈ {}", w.exact, decimal(lang, x.to_f64(), 6));
                g.ws.insert_note(row, n + 2, &Note::new(note).add_author_prefix(false))?;
            }
            let label = ev.tier_label(usize::from(t));
            g.text(row, n + 3, label)?;
            g.text(row, n + 4, &abbreviation(label))?;
        }
        if previous {
            g.text(row, n + 5, &previous_abbreviation(ev, &o.id))?;
        }
        g.text(row, after, w.status(o.status))?;
        g.text(row, after + 1, &reasons(&texts, ev, o, lang))?;
    }
    g.finish(1, e.outcomes.len() as u32, true)
}

/// Record `id`'s tier last year as an office abbreviates it; empty when it
/// had none (absent, exempt or in error last year).
pub(crate) fn previous_abbreviation(ev: &Evaluator<'_>, id: &str) -> String {
    let tiers = ev.model.names.tiers.len();
    ev.previous.tier(id, tiers).map(|t| abbreviation(ev.tier_label(t))).unwrap_or_default()
}

/// The sheet of counts: two rows of heads (each tier over its count and
/// share), a line per subject and unit, a subtotal per subject divided by
/// unit, and the grand total.
fn summary(
    ws: &mut Worksheet,
    ev: &Evaluator<'_>,
    e: &Evaluation,
    b: &Breakdown,
    w: &Words,
) -> Result<(), XlsxError> {
    let mut g = Grid::new(ws, w.sheet_summary)?;
    let tiers = ev.model.names.tiers.len() as u16;
    let head = g.head.clone();
    for (c, h) in [w.subject, w.unit, w.total, w.classified].into_iter().enumerate() {
        g.ws.merge_range(0, c as u16, 1, c as u16, h, &head)?;
    }
    for t in 0..tiers {
        let col = 4 + 2 * t;
        g.ws.merge_range(0, col, 0, col + 1, &abbreviation(ev.tier_label(usize::from(t))), &head)?;
        g.ws.write_string_with_format(1, col, w.count, &head)?;
        g.ws.write_string_with_format(1, col + 1, w.share, &head)?;
    }
    g.ws.merge_range(0, 4 + 2 * tiers, 1, 4 + 2 * tiers, w.exempt, &head)?;
    g.ws.merge_range(0, 5 + 2 * tiers, 1, 5 + 2 * tiers, w.errors, &head)?;
    g.widen(5 + 2 * tiers, w.errors.chars().count());
    let mut row = 2;
    let mut at = 0;
    while at < b.lines.len() {
        let s = b.lines[at].subject;
        let same = b.lines[at..].iter().take_while(|l| l.subject == s).count();
        for l in &b.lines[at..at + same] {
            let unit = l.unit.map_or(w.no_unit, |u| b.units[u].as_str());
            counts_row(&mut g, row, [subject_label(ev, s, w), unit], &l.counts, false)?;
            row += 1;
        }
        if same > 1 {
            let sum = super::units::sum(ev, &b.lines[at..at + same]);
            counts_row(&mut g, row, [subject_label(ev, s, w), w.subtotal], &sum, true)?;
            row += 1;
        }
        at += same;
    }
    let all = super::summary(ev, &e.outcomes);
    counts_row(&mut g, row, [w.grand_total, ""], &all, true)?;
    g.finish(2, row, false)
}

fn counts_row(
    g: &mut Grid<'_>,
    row: u32,
    names: [&str; 2],
    s: &super::Summary,
    bold: bool,
) -> Result<(), XlsxError> {
    let mut int = Format::new().set_num_format("0");
    let mut pct = Format::new().set_num_format("0.00%");
    if bold {
        (int, pct) = (int.set_bold(), pct.set_bold());
        g.bold(row, 0, names[0])?;
        g.bold(row, 1, names[1])?;
    } else {
        g.text(row, 0, names[0])?;
        g.text(row, 1, names[1])?;
    }
    g.number(row, 2, s.total as f64, &int)?;
    g.number(row, 3, s.classified as f64, &int)?;
    for (t, n) in s.tiers.iter().enumerate() {
        let col = 4 + 2 * t as u16;
        g.number(row, col, *n as f64, &int)?;
        if s.classified > 0 {
            g.number(row, col + 1, *n as f64 / s.classified as f64, &pct)?;
        }
    }
    let after = 4 + 2 * s.tiers.len() as u16;
    g.number(row, after, s.exempt as f64, &int)?;
    g.number(row, after + 1, s.errors as f64, &int)
}

/// Why an exempt record is exempt: the plan's own words (`because`), or
/// where the exemption is.
pub(crate) fn exempt_reason(ev: &Evaluator<'_>, o: &Outcome, lang: Lang) -> String {
    let Some(s) = o.subject.map(usize::from) else { return String::new() };
    let why = o.reasons.iter().find_map(|r| match r {
        Reason::Exempt(i) => ev.model.subjects[s].exempts.get(usize::from(*i)),
        _ => None,
    });
    let words = |x: &crate::check::model::Exempt| {
        let because = x.because.clone().unwrap_or_else(|| x.loc.file_line());
        if x.review { crate::t!(lang, "reason-exempt-review", reason = because) } else { because }
    };
    why.map_or_else(String::new, words)
}

fn exempt(
    ws: &mut Worksheet,
    (ev, e, lang): (&Evaluator<'_>, &Evaluation, Lang),
    b: &Breakdown,
    w: &Words,
) -> Result<(), XlsxError> {
    let mut g = Grid::new(ws, w.sheet_exempt)?;
    let titles = &e.carried.titles;
    let mut heads = vec![w.id];
    heads.extend(titles.iter().map(String::as_str));
    heads.extend([w.subject, w.unit, w.why_exempt]);
    g.heads(0, &heads)?;
    let n = titles.len() as u16;
    let mut row = 0;
    for (i, o) in e.outcomes.iter().enumerate().filter(|(_, o)| o.status == Status::Exempt) {
        row += 1;
        g.text(row, 0, &o.id)?;
        for (c, cell) in e.carried.row(i).enumerate() {
            g.text(row, 1 + c as u16, cell.unwrap_or(""))?;
        }
        g.text(row, n + 1, subject_label(ev, o.subject.map(usize::from), w))?;
        g.text(row, n + 2, b.unit_of[i].map_or("", |u| b.units[u].as_str()))?;
        g.text(row, n + 3, &exempt_reason(ev, o, lang))?;
    }
    g.finish(1, row, true)
}

/// One problem of the data: the record's id, the file (and sheet), the
/// line, row or cell, the column and the problem in words.
pub(crate) struct Problem {
    /// The record's index; `None` for a problem of a whole file.
    pub index: Option<usize>,
    pub id: String,
    pub file: String,
    pub place: String,
    pub column: String,
    pub problem: String,
}

/// The records in error, then the problems of whole files.
pub(crate) fn problems(e: &Evaluation, w: &Words, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, o) in e.outcomes.iter().enumerate() {
        let Some(err) = o.error.as_deref().filter(|_| o.status == Status::Error) else { continue };
        let (file, place) = match e.positions.get(i).map(|p| p.get()) {
            Some((fi, at)) => {
                let sheet = e.sheets.get(fi).and_then(Option::as_ref);
                let file = match sheet {
                    Some(s) => format!("{} [{}]", s.file.display(), s.name),
                    None => e.files.get(fi).map(|f| f.display().to_string()).unwrap_or_default(),
                };
                (file, w.at(at))
            }
            None => (String::new(), String::new()),
        };
        let column = err.column().unwrap_or("").to_string();
        out.push(Problem {
            index: Some(i),
            id: o.id.to_string(),
            file,
            place,
            column,
            problem: crate::diag::message_in(err.kind(), lang),
        });
    }
    for p in &e.problems {
        let problem = p.words(lang);
        out.push(Problem {
            index: None,
            id: String::new(),
            file: String::new(),
            place: w.whole_file.into(),
            column: String::new(),
            problem,
        });
    }
    out
}

fn errors(ws: &mut Worksheet, e: &Evaluation, w: &Words, lang: Lang) -> Result<(), XlsxError> {
    let mut g = Grid::new(ws, w.sheet_errors)?;
    g.heads(0, &[w.id, w.file, w.place, w.column, w.problem])?;
    let list = problems(e, w, lang);
    for (i, p) in list.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, text) in [&p.id, &p.file, &p.place, &p.column, &p.problem].into_iter().enumerate() {
            g.text(row, c as u16, text)?;
        }
    }
    g.finish(1, list.len() as u32, true)
}
