//! `kehoach diff OLD NEW`: what changed, and with `--data`, whom it moves.
//! Exit 0 when the plans are the same, 1 when they differ, 2 on trouble.

use super::out::{self, Out};
use crate::diag::Color;
use crate::diff::{self, impact, render};
use crate::eval::run::Options;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Human,
    Json,
    Markdown,
}

pub struct DiffArgs<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub format: DiffFormat,
    pub data: &'a [PathBuf],
    /// The year, `--as-of`, `--subject` and how the data is read.
    pub opts: Options,
}

pub fn run(a: &DiffArgs<'_>, color: Color, out: &mut Out) -> i32 {
    // An invalid plan cannot be compared: that is trouble, not a difference.
    let (old, new) = match (super::load_model(a.old, color), super::load_model(a.new, color)) {
        (Ok(o), Ok(n)) => (o, n),
        _ => return 2,
    };
    let d = diff::diff(&old.plan, &new.plan, a.opts.year);
    for w in &d.warnings {
        out::warning(w);
    }
    let impact = if a.data.is_empty() {
        None
    } else {
        match impact::impact(&old, &new, a.data, &a.opts) {
            Ok(i) => {
                for (error, words) in &i.said {
                    if *error { out::error(words) } else { out::warning(words) }
                }
                Some(i)
            }
            Err(e) => {
                out::error(e);
                return 2;
            }
        }
    };
    match a.format {
        DiffFormat::Human => out.text(&render::human(&d, impact.as_ref(), color)),
        DiffFormat::Json => out.line(format_args!("{:#}", render::json(&d, impact.as_ref()))),
        DiffFormat::Markdown => out.text(&render::markdown(&d, impact.as_ref())),
    }
    i32::from(!d.changes.is_empty())
}
