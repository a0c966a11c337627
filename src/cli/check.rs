//! `kehoach check`.

use super::Format;
use super::out::Out;
use crate::check::check_path;
use crate::diag::{self, Color, Diagnostic, Severity};
use serde_json::json;
use std::path::PathBuf;

pub fn run(plans: &[PathBuf], format: Format, deny_warnings: bool, color: Color, out: &mut Out) -> i32 {
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut unreadable = false;
    for p in plans {
        match check_path(p) {
            Ok(c) => all.extend(c.diagnostics),
            Err(e) => {
                unreadable = true;
                all.push(e.0);
            }
        }
    }
    diag::sort(&mut all);
    let errors = all.iter().filter(|d| d.severity() == Severity::Error).count();
    let warnings = all.len() - errors;
    let ok = errors == 0 && (!deny_warnings || warnings == 0);
    match format {
        Format::Json => {
            let report = json!({
                "ok": ok,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": all.iter().map(diag::to_json).collect::<Vec<_>>(),
            });
            out.line(serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        Format::Human => {
            for d in &all {
                out.text(&diag::render_human(d, color));
            }
            out.line(summary(plans.len(), errors, warnings));
        }
    }
    if unreadable {
        2
    } else if ok {
        0
    } else {
        1
    }
}

fn summary(plans: usize, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let what = plural(plans, "plan");
    if errors == 0 && warnings == 0 {
        return format!("ok: {what} checked, no problems found");
    }
    format!("{}, {} in {what}", plural(errors, "error"), plural(warnings, "warning"))
}
