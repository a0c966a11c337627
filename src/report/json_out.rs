//! The JSON of §9 written as it goes, one record per line: the whole
//! document is never held in memory. A record is the bytes `serde_json`
//! writes for [`RecordOut`] (a test holds the two to the same bytes), put
//! together from pieces: the error and the id escaped as they come, the
//! reasons that read the same for every record escaped once per run, and
//! the fields after the reasons made once per distinct score, tier and
//! status. Outcomes with a [`Tail`] copy all that follows the id whole.

use super::tail::{TAILS_KEPT, Tail};
use super::{Fixed, RecordOut, Summary, Texts, push_reason, summary_json};
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::run::Evaluation;
use crate::exact::Exact;
use hashbrown::hash_map::Entry;
use std::io::{self, Write};

/// The JSON of §9, written to `w`.
pub fn write_json(ev: &Evaluator<'_>, e: &Evaluation, mut w: impl Write) -> io::Result<()> {
    let plan = serde_json::to_string(ev.model.plan.id())?;
    write!(w, "{{\n  \"plan\": {plan},\n  \"year\": {},\n  \"records\": [", ev.year)?;
    let summary = summary_json(ev, &records(ev, &e.outcomes, true, &mut w)?);
    let close = if e.outcomes.is_empty() { "]" } else { "\n  ]" };
    writeln!(w, "{close},\n  \"summary\": {summary}\n}}")?;
    w.flush()
}

/// Rows go out in chunks of this many bytes.
const CHUNK: usize = 1 << 20;

/// Writes the records, each on a line of its own after a comma (but the
/// first); `pieces`: put together from pieces, else through `serde_json`.
/// Returns their summary, counted on the way.
fn records(ev: &Evaluator<'_>, outs: &[Outcome], pieces: bool, w: &mut impl Write) -> io::Result<Summary> {
    let texts = Texts::new(ev);
    let mut summary = Summary::new(ev);
    let mut p = Pieces::new(&texts, ev);
    let mut chunk = Vec::with_capacity(CHUNK + 4096);
    for (i, o) in outs.iter().enumerate() {
        summary.add(o);
        chunk.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        if pieces {
            p.record(o, &mut chunk)?;
        } else {
            serde_json::to_writer(&mut chunk, &RecordOut::new(&texts, ev, o))?;
        }
        if chunk.len() >= CHUNK {
            w.write_all(&chunk)?;
            chunk.clear();
        }
    }
    w.write_all(&chunk)?;
    Ok(summary)
}

/// What the fields after the reasons depend on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct End {
    subject: Option<u16>,
    status: Status,
    tier: Option<u8>,
    score: Option<Exact>,
}

struct Pieces<'a> {
    texts: &'a Texts,
    ev: &'a Evaluator<'a>,
    /// Per subject: the fixed reasons as JSON strings.
    fixed: Vec<Fixed<Vec<u8>>>,
    ends: hashbrown::HashMap<End, Box<[u8]>, rustc_hash::FxBuildHasher>,
    /// Everything after the id, for outcomes with a [`Tail`].
    tails: hashbrown::HashMap<Tail, Box<[u8]>, rustc_hash::FxBuildHasher>,
    text: String,
}

impl<'a> Pieces<'a> {
    fn new(texts: &'a Texts, ev: &'a Evaluator<'a>) -> Pieces<'a> {
        let json = |t: &String| serde_json::to_vec(t).unwrap_or_default();
        let fixed = texts.subjects.iter().map(|f| f.map(json)).collect();
        Pieces { texts, ev, fixed, ends: Default::default(), tails: Default::default(), text: String::new() }
    }

    fn record(&mut self, o: &Outcome, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(b"{\"error\":");
        match &o.error {
            Some(e) => push_str(out, e)?,
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
        if let Some(k) = key.filter(|_| self.tails.len() < TAILS_KEPT) {
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
        let key = End { subject: o.subject, status: o.status, tier: o.tier, score: o.score };
        if self.ends.len() >= TAILS_KEPT && !self.ends.contains_key(&key) {
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
        score: Option<f64>,
        status: &'a str,
        subject: &'a str,
        tier: Option<&'a str>,
        tier_label: Option<&'a str>,
    }
    let end = EndOut {
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
    use crate::eval::run::{Options, evaluate};
    use proptest::prelude::*;
    use std::path::{Path, PathBuf};

    /// The bundled plans' sample data, with ids that need escaping and
    /// records in error among them: copied tails or not, the same bytes.
    #[test]
    fn copied_tails_write_what_serde_json_writes() {
        let hanoi = ["bi-thu", "chi-bo", "dang-vien", "han-muc"].map(|f| format!("plans/hanoi/data/{f}.csv"));
        let runs = [
            ("plans/hanoi/01-KH-TU.kh", hanoi.to_vec(), "quota: rank"),
            ("plans/ba-dinh/12-KH-QU.kh", vec!["plans/ba-dinh/data/dang-vien.csv".to_string()], "hook `"),
        ];
        for (plan, files, special) in runs {
            let model = crate::check::check_path(Path::new(plan)).unwrap().model.unwrap();
            let ev = Evaluator::new(&model, 2020, None);
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            let opts = Options { year: 2020, as_of: None, subject: None, capture: None };
            let mut outs = evaluate(&model, &files, &opts).unwrap().outcomes;
            outs[0].id = "say \"hi\"\n".into();
            outs[1].id = "Đ\\x".into();
            (outs[2].status, outs[2].error) = (Status::Error, Some("broken".into()));
            let (mut copied, mut serde) = (Vec::new(), Vec::new());
            records(&ev, &outs, true, &mut copied).unwrap();
            records(&ev, &outs, false, &mut serde).unwrap();
            assert!(copied.len() > 10_000, "{plan}: {} bytes", copied.len());
            let text = String::from_utf8_lossy(&copied);
            for piece in [special, r#""error":"broken""#, r#""say \"hi\"\n""#] {
                assert!(text.contains(piece), "{plan}: no `{piece}`");
            }
            assert_eq!(String::from_utf8(copied).unwrap(), String::from_utf8(serde).unwrap(), "{plan}");
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
