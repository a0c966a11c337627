//! The JSON of §9 written as it goes, one record per line: the whole
//! document is never held in memory. A record is the bytes `serde_json`
//! writes for [`RecordOut`] (a test holds the two to the same bytes), put
//! together from pieces: the error and the id escaped as they come, the
//! reasons that read the same for every record escaped once per run, and
//! the fields after the reasons made once per distinct score, tier and
//! status. Outcomes with a [`Tail`] copy all that follows the id whole.

use super::chunks::Chunks;
use super::tail::{TAILS_KEPT, Tail};
use super::{Carried, Fixed, RecordOut, Summary, Texts, push_reason, summary_json};
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::run::Evaluation;
use crate::exact::Exact;
use hashbrown::hash_map::Entry;
use std::io::{self, Write};

/// The JSON of §9, written to `w`.
pub fn write_json(ev: &Evaluator<'_>, e: &Evaluation, w: impl Write) -> io::Result<()> {
    let kept = if ev.passes.output_tails { Some(TAILS_KEPT) } else { None };
    document(ev, e, kept, w).map(drop)
}

/// [`write_json`]: records put together from pieces keeping at most `kept`
/// tails and ends, or (`None`) written through `serde_json`; returns the
/// writer.
fn document<W: Write>(ev: &Evaluator<'_>, e: &Evaluation, kept: Option<usize>, w: W) -> io::Result<W> {
    let mut chunks = Chunks::new(w);
    let plan = serde_json::to_string(ev.model.plan.id())?;
    write!(chunks.buf, "{{\n  \"plan\": {plan},\n  \"year\": {},\n  \"records\": [", ev.year)?;
    let summary = summary_json(ev, &records(ev, e, kept, &mut chunks)?);
    let close = if e.outcomes.is_empty() { "]" } else { "\n  ]" };
    writeln!(chunks.buf, "{close},\n  \"summary\": {summary}\n}}")?;
    chunks.finish()
}

/// Writes the records, each on a line of its own after a comma (but the
/// first), as [`document`] says. Returns their summary, counted on the way.
fn records(
    ev: &Evaluator<'_>,
    e: &Evaluation,
    kept: Option<usize>,
    chunks: &mut Chunks<impl Write>,
) -> io::Result<Summary> {
    let outs = &e.outcomes;
    let texts = Texts::new(ev);
    let mut summary = Summary::new(ev);
    let mut p = Pieces::new(&texts, ev, kept.unwrap_or(0));
    for (i, o) in outs.iter().enumerate() {
        summary.add(o);
        let out = &mut chunks.buf;
        out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        match kept {
            Some(_) => p.record(o, Carried::of(e, i), out)?,
            None => serde_json::to_writer(&mut *out, &RecordOut::new(&texts, ev, o).carrying(e, i))?,
        }
        chunks.spill()?;
    }
    Ok(summary)
}

/// What the fields after the reasons depend on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct End {
    subject: Option<u16>,
    status: Status,
    tier: Option<u8>,
    score: Option<Exact>,
    review: bool,
}

struct Pieces<'a> {
    texts: &'a Texts,
    ev: &'a Evaluator<'a>,
    /// Per subject: the fixed reasons as JSON strings.
    fixed: Vec<Fixed<Vec<u8>>>,
    ends: hashbrown::HashMap<End, Box<[u8]>, rustc_hash::FxBuildHasher>,
    /// Everything after the id, for outcomes with a [`Tail`].
    tails: hashbrown::HashMap<Tail, Box<[u8]>, rustc_hash::FxBuildHasher>,
    /// At most this many tails, and this many ends, are kept.
    kept: usize,
    text: String,
}

impl<'a> Pieces<'a> {
    fn new(texts: &'a Texts, ev: &'a Evaluator<'a>, kept: usize) -> Pieces<'a> {
        let json = |t: &String| serde_json::to_vec(t).unwrap_or_default();
        let fixed = texts.subjects.iter().map(|f| f.map(json)).collect();
        let (ends, tails) = Default::default();
        Pieces { texts, ev, fixed, ends, tails, kept, text: String::new() }
    }

    fn record(&mut self, o: &Outcome, carried: Option<Carried<'_>>, out: &mut Vec<u8>) -> io::Result<()> {
        // `columns` sorts before `error`, as in [`RecordOut`].
        if let Some(c) = carried {
            out.extend_from_slice(b"{\"columns\":");
            serde_json::to_writer(&mut *out, &c)?;
            out.extend_from_slice(b",\"error\":");
        } else {
            out.extend_from_slice(b"{\"error\":");
        }
        match &o.error {
            Some(e) => {
                self.text.clear();
                e.write_words(crate::lang::Lang::En, &mut self.text);
                push_str(out, &self.text)?;
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"id\":");
        push_str(out, &o.id)?;
        // The rest, copied whole when an outcome like this one came before.
        let key = Tail::of(o);
        if let Some(rest) = key.and_then(|k| self.tails.get(&k)) {
            out.extend_from_slice(rest);
            return Ok(());
        }
        let mark = out.len();
        self.rest(o, out)?;
        if let Some(k) = key.filter(|_| self.tails.len() < self.kept) {
            self.tails.insert(k, out[mark..].into());
        }
        Ok(())
    }

    /// Everything after the id: the reasons and [`Pieces::end`].
    fn rest(&mut self, o: &Outcome, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(b",\"reasons\":[");
        for (i, r) in o.reasons.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            match self.fixed(o, r) {
                Some(words) => out.extend_from_slice(words),
                None => {
                    self.text.clear();
                    push_reason(self.texts, self.ev, o, r, &mut self.text);
                    push_str(out, &self.text)?;
                }
            }
        }
        out.push(b']');
        self.end(o, out)
    }

    /// The words of a reason that reads the same for every record.
    fn fixed(&self, o: &Outcome, r: &Reason) -> Option<&[u8]> {
        self.fixed.get(usize::from(o.subject?))?.get(r).map(Vec::as_slice)
    }

    /// `,"score":…,"tier_label":…}`: made once per distinct [`End`].
    fn end(&mut self, o: &Outcome, out: &mut Vec<u8>) -> io::Result<()> {
        let review = super::is_review(self.ev, o);
        let key = End { subject: o.subject, status: o.status, tier: o.tier, score: o.score, review };
        if self.ends.len() >= self.kept && !self.ends.contains_key(&key) {
            return make_end(self.texts, self.ev, o, out);
        }
        match self.ends.entry(key) {
            Entry::Occupied(e) => out.extend_from_slice(e.get()),
            Entry::Vacant(v) => {
                let mut bytes = Vec::new();
                make_end(self.texts, self.ev, o, &mut bytes)?;
                out.extend_from_slice(v.insert(bytes.into()));
            }
        }
        Ok(())
    }
}

/// The fields of [`RecordOut`] after the reasons, as `serde_json` writes them.
fn make_end(texts: &Texts, ev: &Evaluator<'_>, o: &Outcome, out: &mut Vec<u8>) -> io::Result<()> {
    let r = RecordOut::new(texts, ev, o);
    #[derive(serde::Serialize)]
    struct EndOut<'a> {
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        review: bool,
        score: Option<f64>,
        status: &'a str,
        subject: &'a str,
        tier: Option<&'a str>,
        tier_label: Option<&'a str>,
    }
    let end = EndOut {
        review: r.review,
        score: r.score,
        status: r.status,
        subject: r.subject,
        tier: r.tier,
        tier_label: r.tier_label,
    };
    let bytes = serde_json::to_vec(&end)?;
    out.push(b',');
    out.extend_from_slice(bytes.get(1..).unwrap_or_default());
    Ok(())
}

/// `text` as a JSON string, as `serde_json` writes it: the usual id (no
/// quote, backslash or control character) straight, any other through it.
fn push_str(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    const ESCAPED: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = true;
            b += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t
    };
    if !text.bytes().any(|b| ESCAPED[usize::from(b)]) {
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        return Ok(());
    }
    serde_json::to_writer(out, text).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bundled plans' sample data, with ids that need escaping and a
    /// record in error among them: put together from pieces, keeping every
    /// tail, one or none, the same bytes as through `serde_json`.
    #[test]
    fn pieces_write_what_serde_json_writes() {
        for (model, e, special) in crate::report::samples() {
            let ev = Evaluator::new(&model, 2020, None);
            let serde = String::from_utf8(document(&ev, &e, None, Vec::new()).unwrap()).unwrap();
            for kept in [TAILS_KEPT, 1, 0] {
                let pieces = String::from_utf8(document(&ev, &e, Some(kept), Vec::new()).unwrap()).unwrap();
                assert_eq!(pieces, serde, "{} keeping {kept}", ev.model.plan.id());
            }
            let name = r#"{"columns":{"name":"Nguyễn \"Ba\", Hà\\"},"error""#;
            for piece in [special, r#""error":"`broken` is not a number""#, r#""say \"hi\"\n""#, name] {
                assert!(serde.contains(piece), "{}: no `{piece}`", ev.model.plan.id());
            }
            let parsed: serde_json::Value = serde_json::from_str(&serde).unwrap();
            assert_eq!(parsed, crate::report::json(&ev, &e));
        }
    }

    proptest! {
        #[test]
        fn strings_as_serde_json_writes_them(text in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}đ😀]{0,12}") {
            let mut ours = Vec::new();
            push_str(&mut ours, &text).unwrap();
            prop_assert_eq!(ours, serde_json::to_vec(&text).unwrap());
        }
    }
}
