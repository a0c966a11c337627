//! `kehoach fmt`.

use super::out::{self, Out};
use crate::diag::{self, Color};
use crate::resolve::read_source;
use crate::syntax;
use std::path::PathBuf;
use std::time::Duration;

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

/// How long the diff of one file may take before its hunks grow coarser.
const DIFF_TIMEOUT: Duration = Duration::from_secs(2);

/// The diff `fmt --check` prints. Patience diff anchors on the lines that
/// occur once in each text (a subject's, a test's own line), so a large
/// plan costs about its length; Myers' diff alone costs its length times
/// the lines changed, which is the square of it when `fmt` touches every
/// subject. What is left between anchors (many equal lines that changed)
/// is bounded by [`DIFF_TIMEOUT`]: past it the hunks are larger, still
/// right.
fn unified(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}
