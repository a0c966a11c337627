//! `kehoach check`.

use super::Format;
use super::out::Out;
use crate::check::check_path;
use crate::diag::{self, Diagnostic, Severity};
use crate::lang::Lang;
use crate::t;
use serde_json::json;
use std::path::PathBuf;

pub fn run(named: &[PathBuf], format: Format, deny_warnings: bool, ctx: super::Ctx, out: &mut Out) -> i32 {
    let (color, lang) = (ctx.color, ctx.lang);
    let plans = &super::plans_dir::expand(named);
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
    once_per_file(&mut all);
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
                "diagnostics": all.iter().map(|d| diag::to_json(d, lang)).collect::<Vec<_>>(),
            });
            out.line(serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        Format::Human => {
            for d in &all {
                out.text(&diag::render_human(d, color, lang));
            }
            out.line(summary(lang, plans.len(), errors, warnings));
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

/// A parent checked on its own and again through a plan that extends it
/// reports its findings once, under the first of its names (parents come
/// first: the name it was given).
fn once_per_file(all: &mut Vec<Diagnostic>) {
    let mut canon: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    let mut seen = std::collections::HashSet::new();
    all.retain(|d| {
        let (name, at, message) = d.sort_key();
        let file = canon.entry(name.clone()).or_insert_with(|| super::plans_dir::canonical(name.as_ref()));
        seen.insert((file.clone(), at, message))
    });
}

fn summary(lang: Lang, plans: usize, errors: usize, warnings: usize) -> String {
    if errors == 0 && warnings == 0 {
        return t!(lang, "check-ok", plans = plans);
    }
    t!(lang, "check-found", errors = errors, warnings = warnings, plans = plans)
}
