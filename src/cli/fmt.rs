//! `kehoach fmt`.

use super::out::{self, Out};
use crate::resolve::read_source;
use crate::syntax;
use std::path::PathBuf;
use std::time::Duration;

pub fn run(plans: &[PathBuf], check: bool, ctx: super::Ctx, out: &mut Out) -> i32 {
    let (color, lang) = (ctx.color, ctx.lang);
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
                super::print_diagnostics(&[d], color);
                status = 1;
                continue;
            }
        };
        let formatted = crate::fmt::format_file(&file);
        if formatted == src.text() {
            continue;
        }
        if check {
            out.line(crate::t!(lang, "fmt-would-reformat", file = path.display().to_string()));
            out.text(&unified(src.text(), &formatted, &path.display().to_string(), lang));
            status = 1;
        } else if let Err(e) = crate::files::write_atomic(path, |w| w.write_all(formatted.as_bytes())) {
            out::error(crate::t!(
                lang,
                "fmt-cannot-write",
                file = path.display().to_string(),
                error = e.to_string(),
                why = crate::diag::IoWhy::of(&e).key()
            ));
            return 2;
        } else {
            out.line(crate::t!(lang, "fmt-formatted", file = path.display().to_string()));
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
fn unified(old: &str, new: &str, name: &str, lang: crate::lang::Lang) -> String {
    similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} ({})", crate::t!(lang, "fmt-formatted-side")))
        .to_string()
}
