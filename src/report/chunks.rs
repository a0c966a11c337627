//! Output written in whole chunks of 1 MiB: the file grows by whole pages,
//! which the kernel need not zero first (measured in docs/PERFORMANCE.md).
//! A block of a MiB or more made elsewhere (CSV rows made on other
//! threads) is written as it is instead, after the bytes held: a partial
//! page at each end of a 2 MB block costs less than copying it.

use std::io::{self, Write};

/// Bytes go out in chunks of this many.
const CHUNK: usize = 1 << 20;

/// A writer's bytes, held until they make whole chunks.
pub struct Chunks<W: Write> {
    out: W,
    /// The bytes not written yet: append to it, then call [`Chunks::spill`].
    pub buf: Vec<u8>,
}

impl<W: Write> Chunks<W> {
    pub fn new(out: W) -> Chunks<W> {
        Chunks { out, buf: Vec::with_capacity(CHUNK + 4096) }
    }

    /// Writes the whole chunks held so far; the rest stays.
    #[inline]
    pub fn spill(&mut self) -> io::Result<()> {
        let whole = self.buf.len() / CHUNK * CHUNK;
        if whole > 0 {
            self.out.write_all(&self.buf[..whole])?;
            self.buf.drain(..whole);
        }
        Ok(())
    }

    /// Writes what is held, then `bytes` (a block made elsewhere, of about
    /// a MiB or more) as they are: no copy into the held bytes.
    pub fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.len() < CHUNK {
            self.buf.extend_from_slice(bytes);
            return self.spill();
        }
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.write_all(bytes)
    }

    /// Writes everything held and flushes; returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small blocks (held) and large ones (written as they are) between
    /// them: every byte comes out, in order.
    #[test]
    fn blocks_put_or_held_come_out_in_order() {
        let (small, large) = (vec![b'a'; 1000], vec![b'b'; CHUNK + 7]);
        let mut c = Chunks::new(Vec::new());
        let mut want = Vec::new();
        for block in [&small, &large, &small, &small, &large] {
            c.put(block).unwrap();
            want.extend_from_slice(block);
        }
        c.buf.extend_from_slice(b"end");
        want.extend_from_slice(b"end");
        assert!(c.finish().unwrap() == want);
    }
}
