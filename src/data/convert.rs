//! Converting one cell to a typed value (§8): grade, tier and choice labels
//! NFC-normalized and case-insensitive, comma decimals, flag spellings, both
//! date forms.

use super::cells::{CellError, CellRef, trim};
use super::table::{Key, Table, WIDE};
use crate::exact::Exact;
use crate::vocab::value::Value;
use chrono::NaiveDate;
use hashbrown::HashMap;

/// NFC, trimmed, lowercase, every run of spaces, tabs and line breaks one
/// space: how labels, names and column titles are compared (a title that
/// Excel wrapped with Alt+Enter is the same title).
pub fn norm(s: &str) -> String {
    let lower = crate::text::key(s).to_lowercase();
    if has_runs(lower.as_bytes()) {
        lower.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        lower
    }
}

/// Whether `b` has a tab, a line break or two spaces in a row (one pass:
/// labels are short, and a searcher's setup would cost more).
#[inline]
fn has_runs(b: &[u8]) -> bool {
    let mut space = false;
    for &c in b {
        if matches!(c, b'\t' | b'\n' | b'\r') || (c == b' ' && space) {
            return true;
        }
        space = c == b' ';
    }
    false
}

/// Normalized names and labels → values, and the names for did-you-mean.
#[derive(Clone, Debug)]
pub struct Labels<T> {
    map: HashMap<String, T>,
    /// The same spellings (up to 16 bytes) in a table whose lookup does not
    /// branch on the cell ([`Labels::with_table`]); `None` until it is
    /// built, or when they do not fit one.
    table: Option<Table<T>>,
    pub names: Vec<String>,
    /// The labels as the plan writes them (`Tốt`): what a bad cell written
    /// like a label is told it may have meant.
    pub shown: Vec<String>,
}

impl<T: Copy> Labels<T> {
    pub fn new() -> Labels<T> {
        Labels { map: HashMap::new(), table: None, names: Vec::new(), shown: Vec::new() }
    }

    /// Adds a spelling (normalized here); the first value given for it stays.
    pub fn add(&mut self, spelling: &str, v: T) {
        let n = norm(spelling);
        if !self.map.contains_key(&n) {
            self.map.insert(n, v);
            self.table = None;
        }
    }

    /// The same labels with the table that [`Labels::wide`] and quick
    /// lookups read (built once all spellings are added; without it every
    /// lookup hashes the text).
    pub fn with_table(mut self) -> Labels<T> {
        let short: Vec<(Key, T)> =
            self.map.iter().filter_map(|(k, v)| Some((Key::of_bytes(k.as_bytes())?, *v))).collect();
        self.table = Table::build(&short);
        self
    }

    /// The value of a cell of `len` bytes written exactly as a normalized
    /// spelling, from its first 16 bytes (`None`: look further).
    #[inline(always)]
    pub fn wide(&self, window: &[u8; WIDE], len: usize) -> Option<T> {
        self.table.as_ref()?.get(Key::of(window, len)?)
    }

    /// The value of a cell written exactly as a normalized spelling.
    #[inline(always)]
    fn exact(&self, text: &[u8]) -> Option<T> {
        match (&self.table, Key::of_bytes(text)) {
            // The table holds every spelling of up to 16 bytes.
            (Some(table), Some(key)) => table.get(key),
            _ => std::str::from_utf8(text).ok().and_then(|t| self.map.get(t).copied()),
        }
    }

    fn get(&self, text: &str) -> Option<T> {
        self.exact(text.as_bytes()).or_else(|| self.map.get(&norm(text)).copied())
    }
}

impl<T: Copy> Default for Labels<T> {
    fn default() -> Self {
        Labels::new()
    }
}

/// What a slot holds, with the lookups its conversion needs.
#[derive(Clone, Debug)]
pub enum SlotKind {
    /// Grade name or label → value (one table shared by every graded slot:
    /// the row loop reads it for each grade cell).
    Grade(std::sync::Arc<Labels<Exact>>),
    Points(Exact),
    Flag,
    Number,
    Text,
    Date,
    /// Tier name or label → rank (greater is better).
    Tier(Labels<usize>),
    Choice(Labels<usize>),
    /// A ref to another record (its family is checked once all are read).
    Ref,
}

/// Converts a cell into its slot, or says why it is bad; an empty cell
/// leaves the slot empty. The usual CSV cell takes the short way.
#[inline(always)]
pub fn convert_into(kind: &SlotKind, cell: CellRef<'_>, slot: &mut Option<Value>) -> Result<(), CellError> {
    if let CellRef::Raw(b) = cell
        && b.first().is_some_and(u8::is_ascii_graphic)
        && let Some(v) = quick(kind, b)
    {
        *slot = Some(v);
        return Ok(());
    }
    if !cell.is_empty() {
        *slot = Some(convert_cell(kind, cell)?);
    }
    Ok(())
}

/// The cell's value, or why it is bad.
#[inline]
pub fn convert_cell(kind: &SlotKind, cell: CellRef<'_>) -> Result<Value, CellError> {
    let bytes = match cell {
        // Text is UTF-8 already: no second check.
        CellRef::Text(t) if matches!(kind, SlotKind::Text | SlotKind::Ref) => return Ok(text(t)),
        CellRef::Text(t) => t.as_bytes(),
        CellRef::Raw(b) => b,
        // A workbook's error value is an error here.
        _ => return convert_slowly(kind, cell.checked()?),
    };
    match quick(kind, bytes) {
        Some(v) => Ok(v),
        None => convert_slowly(kind, cell.checked()?),
    }
}

/// The usual cells (a grade spelled as declared, `1`/`0`, plain text, an
/// ISO date) from their bytes, without the general path; `None` for
/// anything else (and for text that is not UTF-8).
#[inline(always)]
fn quick(kind: &SlotKind, t: &[u8]) -> Option<Value> {
    match kind {
        SlotKind::Grade(labels) => labels.exact(t).map(Value::Grade),
        SlotKind::Flag => match t {
            b"1" | b"x" | b"true" => Some(Value::Bool(true)),
            b"0" | b"false" => Some(Value::Bool(false)),
            _ => None,
        },
        SlotKind::Text | SlotKind::Ref => std::str::from_utf8(t).ok().map(text),
        SlotKind::Date if t.len() == 10 && t[4] == b'-' => iso_bytes(t).map(Value::Date),
        SlotKind::Date => dmy_bytes(t).map(Value::Date),
        SlotKind::Number => whole(t).map(Value::Num),
        SlotKind::Points(max) => whole(t).filter(|n| n <= max).map(Value::Num),
        _ => None,
    }
}

fn convert_slowly(kind: &SlotKind, cell: CellRef<'_>) -> Result<Value, CellError> {
    match kind {
        SlotKind::Grade(labels) => lookup(labels, cell, "grade").map(Value::Grade),
        SlotKind::Tier(labels) => lookup(labels, cell, "tier").map(Value::Tier),
        SlotKind::Choice(labels) => lookup(labels, cell, "choice").map(Value::Choice),
        SlotKind::Points(max) => {
            let n = number(cell)?;
            if n.is_negative() || n > *max {
                return Err(CellError::OutOfRange { text: cell.text().trim().into(), max: max.show(4) });
            }
            Ok(Value::Num(n))
        }
        SlotKind::Number => number(cell).map(Value::Num),
        SlotKind::Flag => flag(cell).map(Value::Bool),
        SlotKind::Text | SlotKind::Ref => Ok(text(cell.text())),
        SlotKind::Date => date(cell).map(Value::Date),
    }
}

/// A text or ref value: trimmed; composed already (the readers compose
/// every text cell, see [`crate::text`]).
#[inline(always)]
fn text(t: &str) -> Value {
    debug_assert!(unicode_normalization::is_nfc(t), "{t:?} was read without composing it");
    Value::Str(trim(t).into())
}

fn lookup<T: Copy>(labels: &Labels<T>, cell: CellRef<'_>, what: &'static str) -> Result<T, CellError> {
    let text = cell.text();
    if let Some(v) = labels.get(text) {
        return Ok(v);
    }
    // Spelled as a label (marks, capitals or spaces): the nearest label;
    // else, or when none is near, the nearest name.
    let key = norm(text);
    let label_like = !text.trim().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    let near_label = || crate::suggest::closest(&key, labels.shown.iter().map(String::as_str));
    let near_name = || crate::suggest::closest(&key, labels.names.iter().map(String::as_str));
    let nearest = label_like.then(near_label).flatten().or_else(near_name);
    let names = if nearest.is_some() { Vec::new() } else { labels.names.clone() };
    Err(CellError::NotOne { text: text.trim().into(), what, nearest, names })
}

fn number(cell: CellRef<'_>) -> Result<Exact, CellError> {
    let text = cell.text();
    Exact::parse(text).ok_or_else(|| {
        let t = text.trim();
        let body = t.strip_prefix(['-', '+']).unwrap_or(t);
        let points = body.bytes().filter(|b| matches!(b, b'.' | b',')).count();
        let digits = body.bytes().filter(u8::is_ascii_digit).count();
        if digits > 18 && points <= 1 && digits + points == body.len() {
            CellError::TooManyDigits(t.into())
        } else {
            CellError::NotNumber(t.into())
        }
    })
}

fn flag(cell: CellRef<'_>) -> Result<bool, CellError> {
    if let CellRef::Bool(b) = cell {
        return Ok(b);
    }
    match trim(cell.text()) {
        "1" | "x" | "true" => return Ok(true),
        "0" | "" | "false" => return Ok(false),
        _ => {}
    }
    match norm(cell.text()).as_str() {
        "true" | "1" | "x" | "yes" | "có" | "co" => Ok(true),
        "false" | "0" | "" | "no" | "không" | "khong" => Ok(false),
        other => Err(CellError::NotFlag(other.into())),
    }
}

fn date(cell: CellRef<'_>) -> Result<NaiveDate, CellError> {
    let t = trim(cell.text());
    let parsed = if t.contains('/') {
        let mut parts = t.split('/');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(d), Some(m), Some(y), None) if y.len() == 4 => {
                let n = |s: &str| s.parse::<u32>().ok();
                match (n(d), n(m), y.parse::<i32>().ok()) {
                    (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y, m, d),
                    _ => None,
                }
            }
            _ => None,
        }
    } else {
        iso_date(t)
    };
    parsed.ok_or_else(|| CellError::NotDate(t.into()))
}

/// A whole number of at most 18 digits and nothing else (`20`), from its
/// bytes: what [`number`] makes of it, without the text.
#[inline]
fn whole(t: &[u8]) -> Option<Exact> {
    if !(1..=18).contains(&t.len()) {
        return None;
    }
    // 18 digits fit an i64.
    digits(t).map(|n| Exact::int(n as i64))
}

/// The number that `b`, ASCII digits only (at most 19 of them, so that it
/// fits), writes; `None` for any other byte.
#[inline]
fn digits(b: &[u8]) -> Option<u64> {
    b.iter().try_fold(0u64, |n, &c| c.is_ascii_digit().then(|| n * 10 + u64::from(c - b'0')))
}

/// `D/M/YYYY` with one or two digits for the day and month and nothing
/// else, from its bytes: what [`date`] makes of it, without the text.
#[inline]
fn dmy_bytes(t: &[u8]) -> Option<NaiveDate> {
    let mut parts = t.splitn(3, |&c| c == b'/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) || y.len() != 4 {
        return None;
    }
    // Four digits and two at most: they fit.
    NaiveDate::from_ymd_opt(digits(y)? as i32, digits(m)? as u32, digits(d)? as u32)
}

/// `YYYY-MM-DD` with two-digit month and day, from its bytes: the digits
/// checked all at once, one branch.
#[inline]
pub fn iso_bytes(t: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *t else { return None };
    let v = [y0, y1, y2, y3, m0, m1, d0, d1].map(|c| c.wrapping_sub(b'0'));
    if v.iter().fold(false, |bad, &d| bad | (d > 9)) {
        return None;
    }
    let n = |a: u8, b: u8| u32::from(a) * 10 + u32::from(b);
    NaiveDate::from_ymd_opt((n(v[0], v[1]) * 100 + n(v[2], v[3])) as i32, n(v[4], v[5]), n(v[6], v[7]))
}

/// `YYYY-MM-DD` (month and day of one or two digits), without a format parser.
fn iso_date(t: &str) -> Option<NaiveDate> {
    if let Some(d) = iso_bytes(t.as_bytes()) {
        return Some(d);
    }
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |s: &str, lo: usize, hi: usize| (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4, 4) || !digits(m, 1, 2) || !digits(d, 1, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
