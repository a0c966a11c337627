//! The JSON of §9 written as it goes, one record per line: the whole
//! document is never held in memory. A record is the bytes `serde_json`
//! writes for [`RecordOut`]; for outcomes with a [`Tail`], all that follows
//! the id is made once and copied (a test holds both ways to the same bytes).

use super::tail::{TAILS_KEPT, Tail};
use super::{RecordOut, Texts, summary};
use crate::eval::Evaluator;
use crate::eval::outcome::Outcome;
use crate::eval::run::Evaluation;
use hashbrown::hash_map::Entry;
use serde_json::{Value, json};
use std::io::{self, Write};

/// What every record without an error starts with, up to its id.
const HEAD: &[u8] = br#"{"error":null,"id":"#;

/// The JSON of §9, written to `w`.
pub fn write_json(ev: &Evaluator<'_>, e: &Evaluation, mut w: impl Write) -> io::Result<()> {
    let s = summary(ev, &e.outcomes);
    let plan = serde_json::to_string(ev.model.plan.id())?;
    write!(w, "{{\n  \"plan\": {plan},\n  \"year\": {},\n  \"records\": [", ev.year)?;
    records(ev, &e.outcomes, true, &mut w)?;
    let tiers: serde_json::Map<String, Value> =
        ev.model.names.tiers.iter().zip(&s.tiers).map(|(t, n)| (t.clone(), json!(n))).collect();
    let summary = json!({"total": s.total, "classified": s.classified, "exempt": s.exempt, "errors": s.errors, "tiers": tiers});
    let close = if e.outcomes.is_empty() { "]" } else { "\n  ]" };
    writeln!(w, "{close},\n  \"summary\": {summary}\n}}")?;
    w.flush()
}

/// Rows go out in chunks of this many bytes.
const CHUNK: usize = 1 << 20;

/// Writes the records, each on a line of its own after a comma (but the
/// first); `cached`: copy the tails of records that have one.
fn records(ev: &Evaluator<'_>, outs: &[Outcome], cached: bool, w: &mut impl Write) -> io::Result<()> {
    let texts = Texts::new(ev);
    let mut tails: hashbrown::HashMap<Tail, Box<[u8]>> = Default::default();
    let mut chunk = Vec::with_capacity(CHUNK + 4096);
    for (i, o) in outs.iter().enumerate() {
        chunk.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        let key = Tail::of(o).filter(|_| cached);
        let tail = match key {
            Some(key) if tails.len() < TAILS_KEPT => Some(match tails.entry(key) {
                Entry::Occupied(t) => t.into_mut(),
                Entry::Vacant(v) => v.insert(tail(&texts, ev, o)?),
            }),
            Some(key) => tails.get_mut(&key),
            None => None,
        };
        match tail {
            Some(tail) => {
                chunk.extend_from_slice(HEAD);
                push_str(&mut chunk, &o.id)?;
                chunk.extend_from_slice(tail);
            }
            None => serde_json::to_writer(&mut chunk, &RecordOut::new(&texts, ev, o))?,
        }
        if chunk.len() >= CHUNK {
            w.write_all(&chunk)?;
            chunk.clear();
        }
    }
    w.write_all(&chunk)
}

/// The bytes of `o`'s record after its id (`o` has no error).
fn tail(texts: &Texts, ev: &Evaluator<'_>, o: &Outcome) -> io::Result<Box<[u8]>> {
    let mut record = RecordOut::new(texts, ev, o);
    record.id = "";
    let bytes = serde_json::to_vec(&record)?;
    let head = [HEAD, b"\"\""].concat();
    match bytes.strip_prefix(head.as_slice()) {
        Some(tail) => Ok(tail.into()),
        None => Err(io::Error::other("a record without an error starts otherwise")),
    }
}

/// `text` as a JSON string, as `serde_json` writes it: the usual id (no
/// quote, backslash or control character) straight, any other through it.
fn push_str(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
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
            ("plans/hanoi/01-KH-TU.kh", hanoi.to_vec()),
            ("plans/ba-dinh/12-KH-QU.kh", vec!["plans/ba-dinh/data/dang-vien.csv".to_string()]),
        ];
        for (plan, files) in runs {
            let model = crate::check::check_path(Path::new(plan)).unwrap().model.unwrap();
            let ev = Evaluator::new(&model, 2020, None);
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            let opts = Options { year: 2020, as_of: None, subject: None, capture: None };
            let mut outs = evaluate(&model, &files, &opts).unwrap().outcomes;
            outs[0].id = "say \"hi\"\n".into();
            outs[1].id = "Đ\\x".into();
            outs[2].fail("broken".into());
            let (mut copied, mut serde) = (Vec::new(), Vec::new());
            records(&ev, &outs, true, &mut copied).unwrap();
            records(&ev, &outs, false, &mut serde).unwrap();
            assert!(copied.len() > 10_000, "{plan}: {} bytes", copied.len());
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
