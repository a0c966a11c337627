//! Output written in whole chunks of 1 MiB: the file grows by whole pages,
//! which the kernel need not zero first (measured in docs/PERFORMANCE.md).

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

    /// Writes everything held and flushes; returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }
}
