//! The temporary file a replaced file is written into: bytes placed at the
//! end of it, large pieces copied into its pages through a map (on several
//! threads when the writer has them), the disk given them as they come.

use std::fs::File;
use std::io::{self, Write};

/// What a file being replaced is written through: bytes in order, and
/// blocks made on several threads, which a file copies in place on them.
pub trait Sink: Write {
    /// Appends `blocks`, in this order (anything but a file: one after another).
    fn blocks(&mut self, blocks: &[Vec<u8>], _pool: &rayon::ThreadPool) -> io::Result<()> {
        blocks.iter().try_for_each(|b| self.write_all(b))
    }
}

impl Sink for Vec<u8> {}
impl Sink for File {}
impl<W: Write> Sink for io::BufWriter<W> {}
impl<S: Sink + ?Sized> Sink for &mut S {
    fn blocks(&mut self, blocks: &[Vec<u8>], pool: &rayon::ThreadPool) -> io::Result<()> {
        (**self).blocks(blocks, pool)
    }
}

/// A file written at its end, the disk given its bytes as they come: every
/// [`Ahead::STEP`] bytes written, their writing to the disk is started
/// (Linux `sync_file_range`, which does not wait), so that the sync before
/// the rename waits for the last of them only, not for all (a million
/// records' 125 MB took 70 ms to sync at the end, docs/PERFORMANCE.md).
///
/// A piece of [`Ahead::MAPPED`] bytes or more is copied into the file's
/// pages through a map of them, the room made first (`fallocate`, so a
/// full disk is an error there, never a fault while copying): on the
/// measured VM a new page cache page costs less taken by a fault than by
/// `write`, and faults on two threads go on at once where writes wait for
/// each other (docs/PERFORMANCE.md). Where the system has no such room to
/// make, pieces are written.
pub struct Ahead<'f> {
    file: &'f File,
    /// The bytes in the file (where the next ones go).
    written: u64,
    /// The bytes whose writing was started.
    started: u64,
    /// Large pieces are copied through a map (until the system says it cannot).
    mapped: bool,
}

impl<'f> Ahead<'f> {
    pub const STEP: u64 = 8 << 20;
    /// Pieces at least this large are copied through a map.
    pub const MAPPED: usize = 256 << 10;

    pub fn new(file: &'f File) -> Ahead<'f> {
        Ahead { file, written: 0, started: 0, mapped: cfg!(target_os = "linux") }
    }

    /// Places `pieces` one after another at the end of the file, copied on
    /// the threads of `pool` if any.
    pub fn place(&mut self, pieces: &[&[u8]], pool: Option<&rayon::ThreadPool>) -> io::Result<()> {
        let total: usize = pieces.iter().map(|p| p.len()).sum();
        if !(self.mapped && total >= Self::MAPPED && self.copy(pieces, total, pool)?) {
            let mut at = self.written;
            for p in pieces {
                write_at(self.file, p, at)?;
                at += p.len() as u64;
            }
        }
        self.written += total as u64;
        let len = self.written - self.started;
        if len >= Self::STEP {
            start(self.file, self.started, len);
            self.started = self.written;
        }
        Ok(())
    }

    /// Copies `pieces` (`total` bytes) through a map of the room made for
    /// them; `false` when the system cannot (nothing written then).
    #[cfg(target_os = "linux")]
    fn copy(&mut self, pieces: &[&[u8]], total: usize, pool: Option<&rayon::ThreadPool>) -> io::Result<bool> {
        if !make_room(self.file, self.written, total)? {
            self.mapped = false;
            return Ok(false);
        }
        // SAFETY: the file is this run's own temporary file, which nothing
        // else writes or shortens, and it now holds the whole range mapped
        // (its blocks allocated: no fault for want of room while copying).
        let map = unsafe { memmap2::MmapOptions::new().offset(self.written).len(total).map_mut(self.file) };
        let Ok(mut map) = map else {
            self.mapped = false;
            return Ok(false);
        };
        let mut rest: &mut [u8] = &mut map;
        let mut copies = Vec::with_capacity(pieces.len());
        for p in pieces {
            let (here, after) = std::mem::take(&mut rest).split_at_mut(p.len());
            copies.push((here, *p));
            rest = after;
        }
        match pool {
            Some(pool) => {
                use rayon::prelude::*;
                pool.install(|| copies.into_par_iter().for_each(|(to, from)| to.copy_from_slice(from)));
            }
            None => copies.into_iter().for_each(|(to, from)| to.copy_from_slice(from)),
        }
        Ok(true)
    }

    #[cfg(not(target_os = "linux"))]
    fn copy(&mut self, _: &[&[u8]], _: usize, _: Option<&rayon::ThreadPool>) -> io::Result<bool> {
        Ok(false)
    }
}

impl Write for Ahead<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.place(&[buf], None)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A file's writer: small writes gathered, large ones placed as they are,
/// blocks made on several threads copied on them.
pub struct Placed<'f>(pub io::BufWriter<Ahead<'f>>);

impl Write for Placed<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl Sink for Placed<'_> {
    fn blocks(&mut self, blocks: &[Vec<u8>], pool: &rayon::ThreadPool) -> io::Result<()> {
        self.0.flush()?;
        let pieces: Vec<&[u8]> = blocks.iter().map(Vec::as_slice).collect();
        self.0.get_mut().place(&pieces, Some(pool))
    }
}

fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(at))?;
        f.write_all(bytes)
    }
}

/// Allocates `len` bytes of `file` from `at` on, growing it: `Ok(false)`
/// when this system or file system cannot.
#[cfg(target_os = "linux")]
fn make_room(file: &File, at: u64, len: usize) -> io::Result<bool> {
    use std::os::fd::AsRawFd;
    let (Ok(at), Ok(len)) = (i64::try_from(at), i64::try_from(len)) else { return Ok(false) };
    loop {
        // SAFETY: a plain system call on an open file.
        if unsafe { libc::fallocate(file.as_raw_fd(), 0, at, len) } == 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EOPNOTSUPP | libc::ENOSYS | libc::EINVAL | libc::ENODEV) => return Ok(false),
            _ => return Err(e),
        }
    }
}

/// Starts writing `len` bytes of `file` from `from` to the disk (Linux).
#[cfg(target_os = "linux")]
fn start(file: &File, from: u64, len: u64) {
    use std::os::fd::AsRawFd;
    if let (Ok(from), Ok(len)) = (i64::try_from(from), i64::try_from(len)) {
        // SAFETY: a plain system call on an open file; it only starts
        // writing (a failure is left to the sync that follows to say).
        unsafe { libc::sync_file_range(file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn start(_: &File, _: u64, _: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces() -> Vec<Vec<u8>> {
        let big: Vec<u8> = (0..=250u8).cycle().take(Ahead::MAPPED + 4099).collect();
        vec![b"head,".to_vec(), big.clone(), Vec::new(), b"x".to_vec(), big[7..].to_vec(), big]
    }

    /// Pieces large and small, mapped or not, on a pool or not: the file
    /// holds every byte in order, and nothing more.
    #[test]
    fn pieces_are_placed_whole_and_in_order_either_way() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let want: Vec<u8> = pieces().concat();
        for (mapped, pooled) in [(true, true), (true, false), (false, true), (false, false)] {
            let file = tempfile::tempfile().unwrap();
            let mut w = Ahead::new(&file);
            w.mapped &= mapped;
            let all = pieces();
            let refs: Vec<&[u8]> = all.iter().map(Vec::as_slice).collect();
            w.place(&refs[..2], pooled.then_some(&pool)).unwrap();
            w.write_all(refs[2]).unwrap();
            w.write_all(refs[3]).unwrap();
            w.place(&refs[4..], pooled.then_some(&pool)).unwrap();
            let got = std::fs::read(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&file)));
            assert!(got.unwrap() == want, "mapped {mapped}, pool {pooled}");
        }
    }

    /// Room that cannot be made (a file open for reading only) is an
    /// error, said as the system says it, and nothing is written.
    #[test]
    #[cfg(target_os = "linux")]
    fn a_file_that_cannot_grow_is_an_error_not_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro");
        std::fs::write(&path, b"").unwrap();
        let file = File::open(&path).unwrap();
        let mut w = Ahead::new(&file);
        let big = vec![b'a'; Ahead::MAPPED];
        let err = w.place(&[&big], None).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EBADF));
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    }

    /// Blocks given to a sink that is not a file are written one after another.
    #[test]
    fn other_sinks_write_blocks_in_order() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut out = Vec::new();
        let sink: &mut dyn Sink = &mut out;
        sink.blocks(&pieces(), &pool).unwrap();
        assert!(out == pieces().concat());
    }
}
