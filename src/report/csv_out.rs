//! The CSV output of `kehoach eval`: one row per record. The run's fixed
//! texts (subjects, tiers, the usual reasons) are quoted once by the csv
//! crate; each row is then written as bytes, and only the texts that vary
//! per record (ids, errors, reasons with details) go through the quoting.

use super::chunks::Chunks;
use super::tail::{TAILS_KEPT, Tail};
use super::{Fixed, Texts, push_reason};
use crate::eval::Evaluator;
use crate::eval::outcome::{Outcome, Reason, Status};
use crate::eval::run::Evaluation;
use std::io::{self, Write};

/// Appends `text` to `out` as one CSV field, as the csv crate's default
/// writer does (a test holds the two to the same bytes): quoted only when it
/// holds a delimiter, quote or line end, with quotes doubled.
fn push(out: &mut Vec<u8>, text: &str) {
    if !needs_quotes(text) {
        return out.extend_from_slice(text.as_bytes());
    }
    out.push(b'"');
    let mut from = 0;
    for q in memchr::memchr_iter(b'"', text.as_bytes()) {
        // Up to and including the quote, then the quote again.
        out.extend_from_slice(&text.as_bytes()[from..=q]);
        out.push(b'"');
        from = q + 1;
    }
    out.extend_from_slice(&text.as_bytes()[from..]);
    out.push(b'"');
}

fn quoted(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    push(&mut out, text);
    out
}

/// The bytes that make the csv crate quote a field (its default writer).
fn needs_quotes(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 32 {
        // Short texts (ids): a plain loop beats two searches.
        return b.iter().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    }
    memchr::memchr3(b',', b'"', b'\n', b).is_some() || memchr::memchr(b'\r', b).is_some()
}

/// Per subject: its name, and its rules', caps' and exemptions' words and
/// `otherwise` line, quoted.
struct SubjectFields {
    name: Vec<u8>,
    words: Fixed<Vec<u8>>,
}

/// Every fixed field of a run, quoted once.
struct Fields {
    subjects: Vec<SubjectFields>,
    /// Per tier: `name,label`.
    tiers: Vec<Vec<u8>>,
}

impl Fields {
    fn new(ev: &Evaluator<'_>, texts: &Texts) -> Fields {
        let subjects = ev
            .model
            .plan
            .subjects
            .iter()
            .zip(&texts.subjects)
            .map(|(s, words)| SubjectFields { name: quoted(&s.name.name), words: words.map(|t| quoted(t)) })
            .collect();
        let tiers = (0..ev.model.names.tiers.len())
            .map(|t| {
                let mut f = quoted(ev.tier_name(t));
                f.push(b',');
                push(&mut f, ev.tier_label(t));
                f
            })
            .collect();
        Fields { subjects, tiers }
    }

    /// The quoted words of a reason that reads the same for every record.
    fn fixed(&self, s: usize, r: &Reason) -> Option<&[u8]> {
        self.subjects.get(s)?.words.get(r).map(Vec::as_slice)
    }
}

/// CSV for spreadsheets: one row per record, reasons joined by `; `.
pub fn csv(ev: &Evaluator<'_>, e: &Evaluation, out: impl Write) -> io::Result<()> {
    let kept = if ev.passes.output_tails { TAILS_KEPT } else { 0 };
    rows(ev, e, Blocks { kept, threads: e.threads, records: BLOCK }, out).map(drop)
}

/// Records per block of rows made on a thread of their own (about 2 MB of CSV).
const BLOCK: usize = 1 << 14;

/// How rows are made: at most `kept` tails kept, in blocks of `records`
/// records on `threads` threads.
#[derive(Clone, Copy)]
struct Blocks {
    kept: usize,
    threads: usize,
    records: usize,
}

/// [`csv`], made as `blocks` says; returns the writer.
fn rows<W: Write>(ev: &Evaluator<'_>, e: &Evaluation, blocks: Blocks, out: W) -> io::Result<W> {
    let texts = Texts::by_line(ev);
    let fields = Fields::new(ev, &texts);
    let mut chunks = Chunks::new(out);
    // The carried columns (`display`, `--keep`) come after the id.
    chunks.buf.extend_from_slice(b"id,");
    for title in &e.carried.titles {
        push(&mut chunks.buf, title);
        chunks.buf.push(b',');
    }
    chunks.buf.extend_from_slice(b"subject,status,score,tier,tier_label,reasons,error\n");
    let block = |range: std::ops::Range<usize>, buf: &mut Vec<u8>| {
        let mut rows = Rows {
            fields: &fields,
            texts: &texts,
            text: String::new(),
            tails: Default::default(),
            kept: blocks.kept,
        };
        for i in range {
            rows.write(ev, &e.outcomes[i], e.carried.row(i), buf);
        }
    };
    let n = e.outcomes.len();
    let pool = (blocks.threads > 1 && n > blocks.records)
        .then(|| rayon::ThreadPoolBuilder::new().num_threads(blocks.threads).build().ok())
        .flatten();
    let Some(pool) = pool else {
        for start in (0..n).step_by(blocks.records.max(1)) {
            block(start..(start + blocks.records).min(n), &mut chunks.buf);
            chunks.spill()?;
        }
        return chunks.finish();
    };
    let starts: Vec<usize> = (0..n).step_by(blocks.records.max(1)).collect();
    // Blocks made in batches, two per thread, while the batch before is
    // written; their buffers are used again (fresh pages cost more than the rows).
    let (mut made, mut free): (Vec<Vec<u8>>, Vec<Vec<u8>>) = (Vec::new(), Vec::new());
    // At most 16 blocks at a time (32 MB held, however many threads).
    for batch in starts.chunks(2 * blocks.threads.min(8)) {
        let mut next: Vec<Vec<u8>> = batch.iter().map(|_| free.pop().unwrap_or_default()).collect();
        // This thread writes while the pool's make the next blocks.
        let wrote = pool.in_place_scope(|s| {
            for (buf, &start) in next.iter_mut().zip(batch) {
                s.spawn(move |_| {
                    buf.clear();
                    block(start..(start + blocks.records).min(n), buf);
                });
            }
            write_all(&mut chunks, &made)
        });
        wrote?;
        free.append(&mut made);
        made = next;
    }
    write_all(&mut chunks, &made)?;
    chunks.finish()
}

fn write_all<W: Write>(chunks: &mut Chunks<W>, made: &[Vec<u8>]) -> io::Result<()> {
    made.iter().try_for_each(|b| chunks.put(b))
}

/// What writing rows needs: the fixed fields, a scratch text, and the
/// tails of rows already written (all that follows the id, for outcomes
/// whose one or two reasons are fixed words and that have no error: a run
/// has few distinct ones).
struct Rows<'f> {
    texts: &'f Texts,
    fields: &'f Fields,
    text: String,
    tails: hashbrown::HashMap<Tail, Box<[u8]>, rustc_hash::FxBuildHasher>,
    /// At most this many tails are kept.
    kept: usize,
}

impl Rows<'_> {
    fn write<'c>(
        &mut self,
        ev: &Evaluator<'_>,
        o: &Outcome,
        carried: impl Iterator<Item = Option<&'c str>>,
        row: &mut Vec<u8>,
    ) {
        push(row, &o.id);
        row.push(b',');
        for cell in carried {
            push(row, cell.unwrap_or(""));
            row.push(b',');
        }
        let key = Tail::of(o);
        if let Some(tail) = key.and_then(|k| self.tails.get(&k)) {
            return row.extend_from_slice(tail);
        }
        let start = row.len();
        self.rest(ev, o, row);
        if let Some(k) = key.filter(|_| self.tails.len() < self.kept) {
            self.tails.insert(k, row[start..].into());
        }
    }

    /// Everything after the id: subject, status, score, tier, reasons and
    /// error, and the line end.
    fn rest(&mut self, ev: &Evaluator<'_>, o: &Outcome, row: &mut Vec<u8>) {
        let fields = self.fields;
        if let Some(f) = o.subject.and_then(|s| fields.subjects.get(usize::from(s))) {
            row.extend_from_slice(&f.name);
        }
        row.push(b',');
        row.extend_from_slice(o.status.as_str().as_bytes());
        row.push(b',');
        let classified = o.status == Status::Classified;
        if let Some(x) = o.score.filter(|_| classified) {
            self.text.clear();
            x.write_to(2, &mut self.text);
            row.extend_from_slice(self.text.as_bytes());
        }
        row.push(b',');
        match o.tier.filter(|_| classified).and_then(|t| fields.tiers.get(usize::from(t))) {
            Some(t) => row.extend_from_slice(t),
            None => row.push(b','),
        }
        row.push(b',');
        let s = o.subject.map_or(usize::MAX, usize::from);
        let one = match o.reasons.as_slice() {
            [r] => fields.fixed(s, r),
            _ => None,
        };
        match one {
            Some(words) => row.extend_from_slice(words),
            None => {
                self.text.clear();
                for (i, r) in o.reasons.iter().enumerate() {
                    if i > 0 {
                        self.text.push_str("; ");
                    }
                    push_reason(self.texts, ev, o, r, &mut self.text);
                }
                push(row, &self.text);
            }
        }
        row.push(b',');
        if let Some(e) = &o.error {
            self.text.clear();
            e.write_words(crate::lang::Lang::En, &mut self.text);
            push(row, &self.text);
        }
        row.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Rows copied from the tails of rows written before, keeping every
    /// tail, one or none, made in blocks of any size on one thread or
    /// several: the same bytes.
    #[test]
    fn copied_tails_and_blocks_write_the_same_rows() {
        for (model, e, special) in crate::report::samples() {
            let ev = Evaluator::new(&model, 2020, None);
            let bytes = |kept, threads, records| {
                let blocks = Blocks { kept, threads, records };
                String::from_utf8(rows(&ev, &e, blocks, Vec::new()).unwrap()).unwrap()
            };
            let fresh = bytes(0, 1, BLOCK);
            assert_eq!(bytes(TAILS_KEPT, 1, BLOCK), fresh);
            assert_eq!(bytes(1, 1, BLOCK), fresh);
            for (threads, records) in [(1, 1), (2, 1), (2, 2), (3, 2), (2, 100)] {
                assert_eq!(
                    bytes(TAILS_KEPT, threads, records),
                    fresh,
                    "{threads} threads, blocks of {records}"
                );
            }
            let name = "\"Đ\\x, y\",\"Nguyễn \"\"Ba\"\", Hà\\\",";
            for piece in
                [special, ",`broken` is not a number\n", "\"say \"\"hi\"\"\n\"", "id,name,subject,", name]
            {
                assert!(fresh.contains(piece), "no `{piece}` in {fresh}");
            }
            // A header, a line per record, and the line end inside a quoted id.
            assert_eq!(fresh.lines().count(), e.outcomes.len() + 2);
        }
    }

    /// The bytes the csv crate writes for `text` as the first of two fields.
    fn by_csv_crate(text: &str) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([text, ""]).unwrap();
        let mut bytes = w.into_inner().unwrap();
        bytes.truncate(bytes.len() - 2);
        bytes
    }

    proptest! {
        #[test]
        fn quotes_like_the_csv_crate(text in "[a-z ,;\"\r\nđ\t]{0,12}") {
            let mut ours = Vec::new();
            push(&mut ours, &text);
            prop_assert_eq!(ours, by_csv_crate(&text));
        }
    }
}
