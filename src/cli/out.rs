//! Standard output and standard error for every command. Output goes through
//! one buffered writer that keeps its first failure and drops what follows;
//! [`Out::finish`] then ends the run: a closed pipe quietly, with the run's
//! own status, any other failure (a full disk) with one message and status 2.

use crate::lang::Lang;
use std::fmt::Display;
use std::io::{self, BufWriter, ErrorKind, Stdout, Write};

pub struct Out {
    w: BufWriter<Stdout>,
    failed: Option<io::Error>,
}

impl Default for Out {
    fn default() -> Out {
        Out::new()
    }
}

impl Out {
    pub fn new() -> Out {
        Out { w: BufWriter::with_capacity(1 << 16, io::stdout()), failed: None }
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) {
        let _ = self.write_all(text.as_bytes());
    }

    /// Writes `text` and a line end.
    pub fn line(&mut self, text: impl Display) {
        let _ = writeln!(self, "{text}");
    }

    /// Flushes what is held and gives the exit status: `status` when all
    /// output was written or the reader closed the pipe, else 2.
    pub fn finish(mut self, status: i32) -> i32 {
        if self.failed.is_none()
            && let Err(e) = self.w.flush()
        {
            self.failed = Some(e);
        }
        // What a failed writer still holds is dropped, not written again.
        let (_, _held) = self.w.into_parts();
        self.failed.map_or(status, |e| failed(&e, status))
    }

    fn fail(&mut self, e: &io::Error) {
        if self.failed.is_none() && e.kind() != ErrorKind::Interrupted {
            self.failed = Some(io::Error::new(e.kind(), e.to_string()));
        }
    }

    fn check(&self) -> io::Result<()> {
        match &self.failed {
            Some(e) => Err(e.kind().into()),
            None => Ok(()),
        }
    }
}

/// Writers (JSON, CSV) stop at the first failure; [`Out::finish`] reports it.
impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.check()?;
        self.w.write(buf).inspect_err(|e| self.fail(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.check()?;
        self.w.flush().inspect_err(|e| self.fail(e))
    }
}

/// The exit status after standard output failed with `e`: the run's own
/// `status` when the reader closed the pipe (as `head` expects: no message),
/// else 2 after one message.
pub fn failed(e: &io::Error, status: i32) -> i32 {
    if e.kind() == ErrorKind::BrokenPipe {
        return status;
    }
    error(crate::t!(lang(), "cli-cannot-write-stdout", error = e.to_string()));
    2
}

/// Writes to standard error. A failure there is ignored: there is nowhere
/// left to report it, and the exit status still tells.
pub fn stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// The language of this run's messages on standard error, chosen once
/// from `--lang` and the environment (English until then).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of standard error's messages (once, at start).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of standard error's messages.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// `error: …` on standard error (`lỗi: …` in Vietnamese).
pub fn error(message: impl Display) {
    stderr(&format!("{}: {message}\n", crate::t!(lang(), "diag-error")));
}

/// `warning: …` on standard error (`cảnh báo: …` in Vietnamese).
pub fn warning(message: impl Display) {
    stderr(&format!("{}: {message}\n", crate::t!(lang(), "diag-warning")));
}
