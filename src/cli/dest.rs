//! Where a command writes its result: standard output, or the file of
//! `--out`, replaced atomically (`files::write_atomic`: a failed run leaves
//! the old file as it was).

use super::out::{self, Out};
use std::io::{self, Write};
use std::path::Path;

pub enum Dest<'a> {
    File(&'a Path),
    Stdout(&'a mut Out),
}

impl<'a> Dest<'a> {
    /// The file when there is one, else standard output.
    pub fn new(file: Option<&'a Path>, out: &'a mut Out) -> Dest<'a> {
        file.map_or(Dest::Stdout(out), Dest::File)
    }

    /// Writes what `write` produces. `Err` is the exit status, after a
    /// message, when the file cannot be written; a failure on standard
    /// output is kept by [`Out`] and reported when the run ends.
    pub fn write(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), i32> {
        match self {
            Dest::Stdout(o) => {
                let _ = write(o);
                Ok(())
            }
            Dest::File(p) => crate::files::write_atomic(p, write).map_err(|err| {
                let file = p.display().to_string();
                let why = crate::diag::IoWhy::of(&err).key();
                out::error(crate::t!(
                    out::lang(),
                    "cli-cannot-write",
                    file = file,
                    error = err.to_string(),
                    why = why
                ));
                2
            }),
        }
    }

    /// Writes `text`.
    pub fn text(self, text: &str) -> Result<(), i32> {
        self.write(|w| w.write_all(text.as_bytes()))
    }
}
