//! `kehoach fmt`.

use super::out::{self, Out};
use crate::diag::{self, Color};
use crate::resolve::read_source;
use crate::syntax;
use std::path::PathBuf;

pub fn run(plans: &[PathBuf], check: bool, color: Color, out: &mut Out) -> i32 {
    let mut status = 0;
    for path in plans {
        let (src, bad) = match read_source(path) {
            Ok(s) => s,
            Err(d) => {
                super::print_diagnostics(&[d], color);
                return 2;
            }
        };
        if let Some(d) = bad {
            super::print_diagnostics(&[d], color);
            status = 1;
            continue;
        }
        let file = match syntax::parse(&src) {
            Ok(f) => f,
            Err(d) => {
                out::stderr(&diag::render_human(&d, color));
                status = 1;
                continue;
            }
        };
        let formatted = crate::fmt::format_file(&file);
        if formatted == src.text() {
            continue;
        }
        if check {
            out.line(format_args!("would reformat {}", path.display()));
            out.text(&unified(src.text(), &formatted, &path.display().to_string()));
            status = 1;
        } else if let Err(e) = crate::files::write_atomic(path, |w| w.write_all(formatted.as_bytes())) {
            out::error(format_args!("cannot write `{}`: {e}", path.display()));
            return 2;
        } else {
            out.line(format_args!("formatted {}", path.display()));
        }
    }
    status
}

fn unified(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}
