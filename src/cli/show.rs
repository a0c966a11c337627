//! `kehoach show`.

use super::out::Out;
use crate::diag::Color;
use crate::resolve;
use std::path::Path;

pub fn run(path: &Path, effective: bool, color: Color, out: &mut Out) -> i32 {
    let loaded = if effective { resolve::load(path) } else { resolve::load_single(path) };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            super::print_diagnostics(&[e.0], color);
            return 2;
        }
    };
    let errors: Vec<_> = loaded.diagnostics.into_iter().filter(|d| d.is_error()).collect();
    match loaded.plan {
        Some(plan) if errors.is_empty() => {
            out.text(&crate::fmt::show::show(&plan));
            0
        }
        _ => {
            super::print_diagnostics(&errors, color);
            1
        }
    }
}
