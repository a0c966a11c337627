//! A hook's `.rhai` file: named relative to the plan that declares the hook,
//! and, once symlinks are resolved, a regular file of at most
//! [`crate::files::MAX_SCRIPT_BYTES`] inside that plan's folder. Anything else is refused
//! before a byte is read, so a diagnostic never quotes a file outside the
//! plan's folder and nothing can read forever.

use crate::files::{self, MAX_SCRIPT_BYTES as MAX_FILE_BYTES};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

/// The text of hook file `written`, named in a plan in folder `dir`; or what
/// is wrong with it, in words that follow the file's name.
pub fn read(dir: &Path, written: &str) -> Result<String, String> {
    let rel = Path::new(written);
    if rel.has_root() || rel.is_absolute() {
        return Err("is an absolute path".into());
    }
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let root = std::fs::canonicalize(dir).map_err(|e| problem(&e))?;
    let real: PathBuf = std::fs::canonicalize(dir.join(rel)).map_err(|e| problem(&e))?;
    if !real.starts_with(&root) {
        return Err("is outside the plan's folder".into());
    }
    let file = files::open_regular(&real).map_err(|e| problem(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| problem(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("is larger than {} MiB", MAX_FILE_BYTES >> 20));
    }
    String::from_utf8(bytes).map_err(|_| "is not valid UTF-8".into())
}

fn problem(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "does not exist".into(),
        ErrorKind::PermissionDenied => "cannot be read (permission denied)".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_inside_the_folder_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/ok.rhai"), "score").unwrap();
        std::fs::write(d.join("big.rhai"), vec![b' '; (MAX_FILE_BYTES + 1) as usize]).unwrap();
        std::fs::write(d.join("bad.rhai"), [0xff, 0xfe]).unwrap();
        assert_eq!(read(d, "sub/ok.rhai"), Ok("score".into()));
        assert_eq!(read(&d.join("sub"), "../sub/./ok.rhai"), Ok("score".into()), "a way back in is inside");
        assert_eq!(read(&d.join("sub"), "../big.rhai").unwrap_err(), "is outside the plan's folder");
        assert_eq!(read(d, "/etc/passwd").unwrap_err(), "is an absolute path");
        assert_eq!(read(d, "big.rhai").unwrap_err(), "is larger than 1 MiB");
        assert_eq!(read(d, "bad.rhai").unwrap_err(), "is not valid UTF-8");
        assert_eq!(read(d, "sub").unwrap_err(), "is a directory");
        assert_eq!(read(d, "none.rhai").unwrap_err(), "does not exist");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_judged_by_where_they_lead() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("real.rhai"), "score").unwrap();
        std::os::unix::fs::symlink(d.join("real.rhai"), d.join("link.rhai")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.rhai")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", d.join("passwd.rhai")).unwrap();
        assert_eq!(read(d, "link.rhai"), Ok("score".into()));
        assert_eq!(read(d, "zero.rhai").unwrap_err(), "is outside the plan's folder");
        assert_eq!(read(d, "passwd.rhai").unwrap_err(), "is outside the plan's folder");
    }
}
