//! Files on disk: plans and data are read only from regular files (a FIFO, a
//! device or a directory could block or never end), and files the tool writes
//! are replaced atomically (a temporary file beside them, synced, renamed).

use std::fs::{File, Metadata};
use std::io::{self, BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

/// The largest hook script (`.rhai` file) a plan may name, in bytes (1 MiB).
pub const MAX_SCRIPT_BYTES: u64 = 1 << 20;

/// Opens `path` for reading when it is a regular file, symlinks followed.
/// The kind is checked on the opened file, and opening does not wait for a
/// writer on a FIFO, so nothing can block or be swapped in between.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = open_nowait(path)?;
    let meta = file.metadata()?;
    if meta.is_file() { Ok(file) } else { Err(not_regular(&meta)) }
}

/// `Ok` when `path` names a regular file (symlinks followed), else why not.
pub fn regular(path: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() { Ok(()) } else { Err(not_regular(&meta)) }
}

/// The whole content of a regular text file (see [`open_regular`]), read a
/// piece at a time: a NUL byte (a file that is not text, or a sparse one)
/// ends the read with an error naming its line, instead of reading or
/// reserving the whole file first.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    const PIECE: usize = 1 << 20;
    let mut file = open_regular(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(64 * PIECE));
    let mut piece = vec![0; PIECE];
    loop {
        let n = match file.read(&mut piece) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if let Some(i) = memchr::memchr(0, &piece[..n]) {
            let line = bytes.iter().chain(&piece[..i]).filter(|b| **b == b'\n').count() + 1;
            let words = format!("line {line} holds a NUL byte: this is not a text file");
            return Err(io::Error::new(io::ErrorKind::InvalidData, words));
        }
        bytes.extend_from_slice(&piece[..n]);
    }
}

#[cfg(target_os = "linux")]
fn open_nowait(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Reads of a regular file ignore O_NONBLOCK: it only keeps the open of a
    // FIFO from waiting for a writer.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_nowait(path: &Path) -> io::Result<File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    File::open(path)
}

/// Why a file that exists cannot be read as a plan or as data.
fn not_regular(meta: &Metadata) -> io::Error {
    if meta.is_dir() {
        return io::Error::new(ErrorKind::IsADirectory, "is a directory");
    }
    io::Error::new(ErrorKind::InvalidInput, format!("is {}, not a regular file", special_kind(meta)))
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "a special file"
}

/// Replaces the file at `path` with what `write` produces, or leaves it as it
/// was. The bytes go to a temporary file in the same folder, which is synced
/// and renamed over the file. An existing file keeps its permissions (and, as
/// far as the system allows, its owner); a symlink is followed, so the file it
/// names is replaced and the link stays. A file this user may not write is
/// not replaced either. A target that exists but is not a regular file
/// (`/dev/stdout`, a FIFO) cannot be replaced: it is written to.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = std::fs::metadata(&target).ok();
    match &existing {
        Some(m) if m.is_dir() => return Err(not_regular(m)),
        Some(m) if !m.is_file() => return write_through(&target, write),
        // Opening for writing changes nothing; it asks whether we may.
        Some(_) => drop(std::fs::OpenOptions::new().write(true).open(&target)?),
        None => {}
    }
    let dir = folder(&target);
    let tmp = temporary(&dir, existing.is_none())?;
    let mut w = BufWriter::new(Ahead { file: tmp.as_file(), written: 0, started: 0 });
    write(&mut w)?;
    w.flush()?;
    drop(w);
    if let Some(m) = &existing {
        keep_owner_and_mode(tmp.as_file(), m)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename is durable once the folder is synced; a system that cannot
    // sync a folder has still renamed the file.
    let _ = File::open(&dir).and_then(|d| d.sync_all());
    Ok(())
}

/// A file written through, the disk given its bytes as they come: every
/// [`Ahead::STEP`] bytes written, their writing to the disk is started
/// (Linux `sync_file_range`, which does not wait), so that the sync before
/// the rename waits for the last of them only, not for all (a million
/// records' 125 MB took 70 ms to sync at the end, docs/PERFORMANCE.md).
struct Ahead<'f> {
    file: &'f File,
    written: u64,
    /// The bytes whose writing was started.
    started: u64,
}

impl Ahead<'_> {
    const STEP: u64 = 8 << 20;

    #[cfg(target_os = "linux")]
    fn start(&self, len: u64) {
        use std::os::fd::AsRawFd;
        let (from, len) = (i64::try_from(self.started), i64::try_from(len));
        if let (Ok(from), Ok(len)) = (from, len) {
            // SAFETY: a plain system call on an open file; it only starts
            // writing (a failure is left to the sync that follows to say).
            unsafe { libc::sync_file_range(self.file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE) };
        }
    }

    #[cfg(not(target_os = "linux"))]
    fn start(&self, _: u64) {}
}

impl Write for Ahead<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = (&mut &*self.file).write(buf)?;
        self.written += n as u64;
        let len = self.written - self.started;
        if len >= Self::STEP {
            self.start(len);
            self.started = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        (&mut &*self.file).flush()
    }
}

fn write_through(target: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut w = BufWriter::new(std::fs::OpenOptions::new().write(true).open(target)?);
    write(&mut w)?;
    w.flush()
}

fn folder(target: &Path) -> PathBuf {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A hidden temporary file in `dir`; a new file gets the usual permissions
/// (read and write for all, less the umask), not the temporary file's 0600.
fn temporary(dir: &Path, new: bool) -> io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".kehoach-").suffix(".tmp");
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new;
    b.tempfile_in(dir)
}

#[cfg(unix)]
fn keep_owner_and_mode(tmp: &File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // Only root may give a file away; anyone may keep a group they are in.
    if std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(tmp, None, Some(old.gid()));
    }
    tmp.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(tmp: &File, old: &Metadata) -> io::Result<()> {
    tmp.set_permissions(old.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past several steps of started writing, in pieces that straddle
    /// them: the file holds every byte, in order.
    #[test]
    fn a_large_file_is_written_whole_while_its_writing_is_started() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let piece: Vec<u8> = (0..=250u8).cycle().take(3 << 20).collect();
        let want: Vec<u8> = piece.iter().copied().cycle().take(piece.len() * 7 + 11).collect();
        write_atomic(&path, |w| {
            for _ in 0..7 {
                w.write_all(&piece)?;
            }
            w.write_all(&piece[..11])
        })
        .unwrap();
        assert!(want.len() as u64 > 2 * Ahead::STEP);
        assert!(std::fs::read(&path).unwrap() == want, "the bytes written");
    }

    #[test]
    fn a_failed_write_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.kh");
        std::fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(err.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_symlink_stays_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.kh");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.kh");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o7777, 0o640);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_read_only_file_is_replaced_only_by_whom_may_write_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.kh");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let result = write_atomic(&path, |w| w.write_all(b"new"));
        // SAFETY: geteuid only reads the process's user id.
        if unsafe { libc::geteuid() } == 0 {
            assert!(result.is_ok());
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
        } else {
            assert_eq!(result.unwrap_err().kind(), ErrorKind::PermissionDenied);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        }
    }

    #[test]
    fn a_directory_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path()).unwrap_err();
        assert_eq!(err.to_string(), "is a directory");
        assert_eq!(write_atomic(dir.path(), |_| Ok(())).unwrap_err().to_string(), "is a directory");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let err = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "is a device, not a regular file");
    }
}
