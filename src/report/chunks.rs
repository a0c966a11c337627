//! Output written in whole chunks of 1 MiB: the file grows by whole pages,
//! which the kernel need not zero first (measured in docs/PERFORMANCE.md).
//! Blocks made on other threads (CSV rows) are written as they are, after
//! the bytes held, by the sink (a file copies them in place on those threads).

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

impl<W: crate::files::Sink> Chunks<W> {
    /// Writes what is held, then `blocks` (made on the threads of `pool`,
    /// which copy them into a file's pages), in order.
    pub fn put_all(&mut self, blocks: &[Vec<u8>], pool: &rayon::ThreadPool) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.blocks(blocks, pool)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes held, then blocks on a pool, then bytes held again: every
    /// byte comes out, in order.
    #[test]
    fn held_bytes_and_blocks_come_out_in_order() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let blocks = vec![vec![b'a'; 1000], vec![b'b'; CHUNK + 7], Vec::new(), vec![b'c'; 3]];
        let mut c = Chunks::new(Vec::new());
        c.buf.extend_from_slice(b"head");
        c.put_all(&blocks, &pool).unwrap();
        c.put_all(&blocks[..1], &pool).unwrap();
        c.buf.extend_from_slice(b"end");
        let mut want = b"head".to_vec();
        blocks.iter().chain(&blocks[..1]).for_each(|b| want.extend_from_slice(b));
        want.extend_from_slice(b"end");
        assert!(c.finish().unwrap() == want);
    }
}
