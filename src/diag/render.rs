//! Rendering diagnostics: miette's graphical report for people, a stable JSON
//! shape (PLAN-LANGUAGE.md §9) for scripts.

use super::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::Source;
use crate::t;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};
use serde_json::{Value, json};
use std::fmt;
use std::sync::Arc;

/// Whether human output uses colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Always,
    Never,
}

struct Src(Arc<Source>);

impl SourceCode for Src {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = &*self.0;
        // miette reads from the file start for each span: start instead a
        // line above the context (same answer, as no lone `\r` is skipped),
        // so that each diagnostic costs its own lines, not the whole file.
        let skip = match src.line_index(span.offset()).checked_sub(before.saturating_add(1)) {
            Some(line) if !src.has_lone_cr() => line,
            _ => 0,
        };
        let from = src.offset_of(skip + 1, 1);
        let local = SourceSpan::new(span.offset().saturating_sub(from).into(), span.len());
        let inner = src.text()[from..].read_span(&local, before, after)?;
        let at = SourceSpan::new((inner.span().offset() + from).into(), inner.span().len());
        Ok(Box::new(MietteSpanContents::new_named(
            src.name(),
            inner.data(),
            at,
            inner.line() + skip,
            inner.column(),
            inner.line_count() + skip,
        )))
    }
}

/// One diagnostic (or a related note) as miette sees it.
struct Report {
    /// `None` for a related note (rendered as advice).
    severity: Option<Severity>,
    message: String,
    code: Option<&'static str>,
    help: Option<String>,
    src: Option<Src>,
    span: Option<(SourceSpan, String)>,
    related: Vec<Report>,
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Some(Severity::Error) => miette::Severity::Error,
            Some(Severity::Warning) => miette::Severity::Warning,
            None => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.src.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (span, label) = self.span.as_ref()?;
        let label = (!label.is_empty()).then(|| label.clone());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(label, *span))))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic)))
    }
}

fn span_of(start: usize, end: usize, text: &str) -> SourceSpan {
    // Zero-width spans at the end of a file still point somewhere visible.
    let start = start.min(text.len());
    let len = end.saturating_sub(start).min(text.len() - start);
    SourceSpan::new(start.into(), len)
}

fn to_report(d: &Diagnostic, lang: Lang) -> Report {
    let (src, span) = match &d.loc {
        Some(loc) => (
            Some(Src(Arc::clone(&loc.src))),
            Some((span_of(loc.start, loc.end, loc.src.text()), t!(lang, "diag-here"))),
        ),
        None => (None, None),
    };
    let related = d
        .related
        .iter()
        .map(|r| {
            let message = r.note.text(lang);
            Report {
                severity: None,
                message: message.clone(),
                code: None,
                help: None,
                src: Some(Src(Arc::clone(&r.loc.src))),
                span: Some((span_of(r.loc.start, r.loc.end, r.loc.src.text()), message)),
                related: Vec::new(),
            }
        })
        .collect();
    Report {
        severity: Some(d.severity()),
        message: d.message_in(lang),
        code: Some(d.code()),
        help: d.help_in(lang),
        src,
        span,
        related,
    }
}

/// Renders one diagnostic as miette's graphical report, its words in `lang`.
pub fn render_human(d: &Diagnostic, color: Color, lang: Lang) -> String {
    let theme = match color {
        Color::Always => GraphicalTheme::unicode(),
        Color::Never => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    let report = to_report(d, lang);
    if handler.render_report(&mut out, &report).is_err() {
        let severity = match d.severity() {
            Severity::Error => t!(lang, "diag-error"),
            Severity::Warning => t!(lang, "diag-warning"),
        };
        return format!("{severity}: {}\n", d.message_in(lang));
    }
    match lang {
        Lang::En => out,
        _ => miette_words(&out, lang),
    }
}

/// miette's own words ("help:", "Advice:") said in `lang`: lines that begin
/// with them (after colour codes) are the handler's, never a message's.
fn miette_words(out: &str, lang: Lang) -> String {
    let help = format!("{}: ", t!(lang, "diag-help"));
    let advice = format!("{}: ", t!(lang, "diag-advice"));
    let mut text = String::with_capacity(out.len());
    for line in out.split_inclusive('\n') {
        let plain = strip_escapes(line);
        if let Some(rest) = plain.strip_prefix("  help: ") {
            text.push_str(&format!("  {help}{rest}"));
        } else if let Some(rest) = plain.strip_prefix("Advice: ") {
            text.push_str(&format!("{advice}{rest}"));
        } else {
            text.push_str(line);
        }
    }
    text
}

/// `line` without ANSI colour codes (what the help and advice lines carry
/// when colour is on; the words after them are kept plain).
fn strip_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One diagnostic in the JSON shape of `kehoach check --format json`: codes
/// and keys as always, `message` and `help` in `lang`.
pub fn to_json(d: &Diagnostic, lang: Lang) -> Value {
    let (file, line, column) = match &d.loc {
        Some(loc) => {
            let (l, c) = loc.line_col();
            (Value::from(loc.src.name()), Value::from(l), Value::from(c))
        }
        None => (d.file.as_deref().map_or(Value::Null, Value::from), Value::Null, Value::Null),
    };
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let (l, c) = r.loc.line_col();
            json!({"message": r.note.text(lang), "file": r.loc.src.name(), "line": l, "column": c})
        })
        .collect();
    json!({
        "severity": d.severity().as_str(),
        "code": d.code(),
        "message": d.message_in(lang),
        "file": file,
        "line": line,
        "column": column,
        "help": d.help_in(lang),
        "related": related,
    })
}
