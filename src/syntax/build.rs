//! pest pairs → AST, one function per rule: the file, its header and the
//! top-level declarations other than subjects.

use super::Rule;
use super::ast::*;
use super::lit;
use crate::diag::{Diagnostic, Kind};
use crate::num;
use crate::source::{Loc, Source};
use pest::iterators::Pair;
use std::sync::Arc;

pub type R<T> = Result<T, Diagnostic>;
pub type P<'i> = Pair<'i, Rule>;

pub struct Builder {
    src: Arc<Source>,
    offset: usize,
    /// (start, end) of every comment, in file order (offsets in the parsed text).
    comment_spans: Vec<(usize, usize)>,
}

/// The children of a pair, without comments.
pub fn kids(pair: P<'_>) -> Vec<P<'_>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::COMMENT).collect()
}

impl Builder {
    pub fn new(src: &Arc<Source>, offset: usize, file: &P<'_>) -> Builder {
        let comment_spans = file
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| p.as_rule() == Rule::COMMENT)
            .map(|p| (p.as_span().start(), p.as_span().end()))
            .collect();
        Builder { src: Arc::clone(src), offset, comment_spans }
    }

    /// The location of a pair, without the whitespace and comments that
    /// pest's implicit skipping leaves at the end of a span.
    pub fn loc(&self, p: &P<'_>) -> Loc {
        let span = p.as_span();
        let (start, mut end) = (span.start(), span.end());
        let text = p.get_input();
        loop {
            let trimmed = start + text[start..end].trim_end().len();
            match self.comment_spans.binary_search_by(|c| c.1.cmp(&trimmed)) {
                Ok(i) if self.comment_spans[i].0 >= start => end = self.comment_spans[i].0,
                _ => {
                    end = trimmed;
                    break;
                }
            }
        }
        Loc::new(&self.src, start + self.offset, end + self.offset)
    }

    pub fn err(&self, kind: Kind, p: &P<'_>) -> Diagnostic {
        Diagnostic::new(kind, &self.loc(p))
    }

    pub fn file(&self, pair: P<'_>) -> R<PlanFile> {
        let comments = pair
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| p.as_rule() == Rule::COMMENT)
            .map(|p| Comment { text: p.as_str().trim_end().to_string(), loc: self.loc(&p) })
            .collect();
        let mut header = None;
        let mut items = Vec::new();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::header => header = Some(self.header(p)?),
                Rule::EOI => {}
                _ => items.push(self.top_item(p)?),
            }
        }
        let header = header.ok_or_else(|| {
            Diagnostic::new(Kind::Missing { what: "`plan` header" }, &Loc::new(&self.src, 0, 0))
        })?;
        Ok(PlanFile { header, items, comments })
    }

    fn top_item(&self, p: P<'_>) -> R<TopItem> {
        Ok(match p.as_rule() {
            Rule::scale => TopItem::Scale(self.scale(p)?),
            Rule::tiers => TopItem::Tiers(self.tiers(p)?),
            Rule::level => TopItem::Level(self.level(p)?),
            Rule::subject => TopItem::Subject(self.subject(p)?),
            Rule::hook => TopItem::Hook(self.hook(p)?),
            Rule::display => TopItem::Display(self.display(p)),
            Rule::test => TopItem::Test(self.test(p)?),
            other => unreachable!("top_item: the grammar gives no {other:?} here"),
        })
    }

    /// `display COL …`: each column a name or a string.
    fn display(&self, pair: P<'_>) -> Display {
        let loc = self.loc(&pair);
        let columns = kids(pair)
            .into_iter()
            .filter(|p| p.as_rule() != Rule::k_display)
            .map(|p| match p.as_rule() {
                Rule::string => {
                    let s = self.string(p);
                    Column { title: s.value, quoted: true, loc: s.loc }
                }
                Rule::ident => Column { title: p.as_str().to_string(), quoted: false, loc: self.loc(&p) },
                other => unreachable!("display: the grammar gives no {other:?} here"),
            })
            .collect();
        Display { columns, loc }
    }

    pub fn ident(&self, p: P<'_>) -> Ident {
        Ident { name: p.as_str().to_string(), loc: self.loc(&p) }
    }

    pub fn string(&self, p: P<'_>) -> Str {
        let loc = self.loc(&p);
        let raw = p.as_str();
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
        Str { value: lit::unescape(inner), loc }
    }

    pub fn date(&self, p: P<'_>) -> R<DateLit> {
        let text = p.as_str();
        match lit::date(text) {
            Some(value) => Ok(DateLit { value, loc: self.loc(&p) }),
            None => Err(self.err(Kind::InvalidDate { text: text.into() }, &p)),
        }
    }

    pub fn day_month(&self, p: P<'_>) -> R<DayMonth> {
        match lit::day_month(p.as_str()) {
            Ok(dm) => Ok(dm),
            Err(true) => Err(self.err(Kind::LeapDay, &p)),
            Err(false) => Err(self.err(Kind::InvalidDayMonth { text: p.as_str().into() }, &p)),
        }
    }

    pub fn number(&self, p: P<'_>) -> R<NumLit> {
        let text = p.as_str().trim_end_matches('%');
        match num::parse_decimal(text) {
            Some(value) if text.len() <= 40 => Ok(NumLit { value, loc: self.loc(&p) }),
            // Past 40 characters no number fits; `check` tells the rest.
            Some(_) => Err(self.err(Kind::NumberTooLong { text: p.as_str().into(), over: None }, &p)),
            None => Err(self.err(Kind::InvalidNumber { text: p.as_str().into() }, &p)),
        }
    }

    fn header(&self, pair: P<'_>) -> R<Header> {
        let loc = self.loc(&pair);
        let mut id = None;
        let mut extends = None;
        let mut entries = Vec::new();
        let mut close = loc.clone();
        let mut after_extends = false;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::k_extends => after_extends = true,
                Rule::string if after_extends => extends = Some(self.string(p)),
                Rule::string => id = Some(self.string(p)),
                Rule::rbrace => close = self.loc(&p),
                Rule::k_plan | Rule::lbrace => {}
                _ => entries.push(self.header_entry(p)?),
            }
        }
        let id = id.unwrap_or(Str { value: String::new(), loc: loc.clone() });
        Ok(Header { id, extends, entries, loc, close })
    }

    fn header_entry(&self, pair: P<'_>) -> R<HeaderEntry> {
        let loc = self.loc(&pair);
        let which = pair.as_rule();
        let k = kids(pair);
        let mut strings = k.iter().filter(|p| p.as_rule() == Rule::string).cloned();
        let mut dates = Vec::new();
        for p in k.iter().filter(|p| p.as_rule() == Rule::date) {
            dates.push(self.date(p.clone())?);
        }
        let mut dates = dates.into_iter();
        let mut string = || strings.next().map(|p| self.string(p));
        let kind = match which {
            Rule::title => HeaderKind::Title(self.some(string(), &loc)?),
            Rule::issuer => HeaderKind::Issuer(self.some(string(), &loc)?),
            Rule::basis => HeaderKind::Basis(self.some(string(), &loc)?),
            Rule::issued => HeaderKind::Issued(self.some(dates.next(), &loc)?),
            Rule::supersedes => {
                HeaderKind::Supersedes { id: self.some(string(), &loc)?, dated: dates.next() }
            }
            Rule::effective => {
                HeaderKind::Effective { from: self.some(dates.next(), &loc)?, until: dates.next() }
            }
            other => unreachable!("header_entry: the grammar gives no {other:?} here"),
        };
        Ok(HeaderEntry { kind, loc })
    }

    /// A value the grammar guarantees; a diagnostic instead of a panic if not.
    pub fn some<T>(&self, v: Option<T>, loc: &Loc) -> R<T> {
        v.ok_or_else(|| self.syntax_gap(loc))
    }

    /// A child the grammar guarantees; a diagnostic instead of a panic if not.
    pub fn need<'i>(&self, p: Option<P<'i>>, loc: &Loc) -> R<P<'i>> {
        p.ok_or_else(|| {
            Diagnostic::new(
                Kind::Syntax { expected: vec!["more".into()], found: "less".into(), keyword: None },
                loc,
            )
        })
    }

    fn scale(&self, pair: P<'_>) -> R<Scale> {
        let loc = self.loc(&pair);
        let mut name = None;
        let mut grades = Vec::new();
        let mut close = loc.clone();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident => name = Some(self.ident(p)),
                Rule::grade => grades.push(self.grade(p)?),
                Rule::rbrace => close = self.loc(&p),
                Rule::k_scale | Rule::lbrace => {}
                other => unreachable!("scale: the grammar gives no {other:?} here"),
            }
        }
        let name = self.need_ident(name, &loc)?;
        Ok(Scale { name, grades, loc, close })
    }

    pub fn need_ident(&self, name: Option<Ident>, loc: &Loc) -> R<Ident> {
        name.ok_or_else(|| {
            Diagnostic::new(
                Kind::Syntax { expected: vec!["a name".into()], found: "none".into(), keyword: None },
                loc,
            )
        })
    }

    fn grade(&self, pair: P<'_>) -> R<Grade> {
        let loc = self.loc(&pair);
        let mut k = kids(pair).into_iter();
        let name = self.ident(self.need(k.next(), &loc)?);
        let label = self.string(self.need(k.next(), &loc)?);
        let value = self.number(self.need(k.next(), &loc)?)?;
        let aliases = self.aliases(k.next());
        Ok(Grade { name, label, value, aliases, loc })
    }

    /// The strings of an `alias "…" …` pair, if there is one.
    fn aliases(&self, pair: Option<P<'_>>) -> Vec<Str> {
        let Some(p) = pair else { return Vec::new() };
        debug_assert_eq!(p.as_rule(), Rule::aliases, "aliases: the grammar gives only `alias` here");
        kids(p).into_iter().filter(|q| q.as_rule() == Rule::string).map(|q| self.string(q)).collect()
    }

    fn tiers(&self, pair: P<'_>) -> R<Tiers> {
        let loc = self.loc(&pair);
        let mut tiers = Vec::new();
        let mut close = loc.clone();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::tier_decl => {
                    let tl = self.loc(&p);
                    let mut k = kids(p).into_iter();
                    let name = self.ident(self.need(k.next(), &tl)?);
                    let label = self.string(self.need(k.next(), &tl)?);
                    let aliases = self.aliases(k.next());
                    tiers.push(TierDecl { name, label, aliases, loc: tl });
                }
                Rule::rbrace => close = self.loc(&p),
                Rule::k_tiers | Rule::lbrace => {}
                other => unreachable!("tiers: the grammar gives no {other:?} here"),
            }
        }
        Ok(Tiers { tiers, loc, close })
    }

    fn level(&self, pair: P<'_>) -> R<Level> {
        let loc = self.loc(&pair);
        let mut level = Level {
            name: Ident { name: String::new(), loc: loc.clone() },
            label: None,
            locked: None,
            due: None,
            report: None,
            loc: loc.clone(),
            close: loc.clone(),
        };
        for p in kids(pair) {
            match p.as_rule() {
                Rule::ident => level.name = self.ident(p),
                Rule::string => level.label = Some(self.string(p)),
                Rule::locked => level.locked = Some(self.loc(&p)),
                Rule::due => level.due = Some(self.due(p)?),
                Rule::report => level.report = Some(self.report(p)),
                Rule::rbrace => level.close = self.loc(&p),
                Rule::k_level | Rule::lbrace => {}
                other => unreachable!("level: the grammar gives no {other:?} here"),
            }
        }
        Ok(level)
    }

    fn due(&self, pair: P<'_>) -> R<Due> {
        let loc = self.loc(&pair);
        let mut kind = None;
        let mut next_year = false;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::due_before => kind = Some(DueKind::Before(self.inner_day_month(p, &loc)?)),
                Rule::due_by => kind = Some(DueKind::By(self.inner_day_month(p, &loc)?)),
                Rule::due_month => kind = Some(DueKind::InMonth(self.month(p, &loc)?)),
                Rule::next_year => next_year = true,
                Rule::k_due => {}
                other => unreachable!("due: the grammar gives no {other:?} here"),
            }
        }
        let kind = kind.ok_or_else(|| self.syntax_gap(&loc))?;
        Ok(Due { kind, next_year, loc })
    }

    fn syntax_gap(&self, loc: &Loc) -> Diagnostic {
        Diagnostic::new(
            Kind::Syntax { expected: vec!["more".into()], found: "less".into(), keyword: None },
            loc,
        )
    }

    fn inner_day_month(&self, pair: P<'_>, loc: &Loc) -> R<DayMonth> {
        let p = kids(pair).into_iter().find(|p| p.as_rule() == Rule::day_month);
        self.day_month(self.need(p, loc)?)
    }

    fn month(&self, pair: P<'_>, loc: &Loc) -> R<u32> {
        let p = self.need(kids(pair).into_iter().find(|p| p.as_rule() == Rule::number), loc)?;
        match p.as_str().parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) => Ok(m),
            _ => Err(self.err(Kind::InvalidMonth { text: p.as_str().into() }, &p)),
        }
    }

    fn report(&self, pair: P<'_>) -> Report {
        let loc = self.loc(&pair);
        let mut strings = kids(pair).into_iter().filter(|p| p.as_rule() == Rule::string);
        let to = strings.next().map_or(Str { value: String::new(), loc: loc.clone() }, |p| self.string(p));
        let via = strings.next().map(|p| self.string(p));
        Report { to, via, loc }
    }
}
