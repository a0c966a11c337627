//! `kehoach diff OLD NEW`: what changed, and with `--data`, whom it moves.
//! Exit 0 when the plans are the same, 1 when they differ, 2 on trouble.

use super::dest::Dest;
use super::out;
use crate::diag::Color;
use crate::diff::labels::Namer;
use crate::diff::{self, impact, people, render};
use crate::eval::run::Options;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Human,
    Json,
    Markdown,
    /// A memo for printing, in the look of `kehoach report`.
    Html,
}

pub struct DiffArgs<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub format: DiffFormat,
    pub data: &'a [PathBuf],
    /// The language of the outputs for people.
    pub lang: crate::lang::Lang,
    /// The year, `--as-of`, `--subject` and how the data is read.
    pub opts: Options,
}

pub fn run(a: &DiffArgs<'_>, color: Color, dest: Dest<'_>) -> i32 {
    // An invalid plan cannot be compared: that is trouble, not a difference.
    let (old, new) = match (super::load_model(a.old, color), super::load_model(a.new, color)) {
        (Ok(o), Ok(n)) => (o, n),
        _ => return 2,
    };
    let d = diff::diff(&old.plan, &new.plan, a.opts.year);
    for w in &d.warnings {
        out::warning(w.words(a.lang));
    }
    let impact = if a.data.is_empty() {
        None
    } else {
        match impact::impact(&old, &new, a.data, &a.opts) {
            Ok(i) => {
                for note in &i.said {
                    let words = note.words(a.lang);
                    if note.is_error() { out::error(words) } else { out::warning(words) }
                }
                Some(i)
            }
            Err(e) => {
                out::error(e.words(a.lang));
                return 2;
            }
        }
    };
    let namer = Namer { old: &old.plan, new: &new.plan };
    let text = match a.format {
        // Colour is for a terminal, never for a file.
        DiffFormat::Human if matches!(dest, Dest::File(_)) => {
            people::human(&d, &namer, impact.as_ref(), a.lang, Color::Never)
        }
        DiffFormat::Human => people::human(&d, &namer, impact.as_ref(), a.lang, color),
        DiffFormat::Json => format!("{:#}\n", render::json(&d, impact.as_ref())),
        DiffFormat::Markdown => people::markdown(&d, &namer, impact.as_ref(), a.lang),
        DiffFormat::Html => {
            match crate::report::diff_html::memo(&d, &old.plan, &new.plan, impact.as_ref(), a.lang) {
                Ok(html) => html,
                Err(err) => {
                    out::error(crate::t!(a.lang, "cli-cannot-make-memo", error = err.to_string()));
                    return 2;
                }
            }
        }
    };
    match dest.text(&text) {
        Ok(()) => i32::from(!d.changes.is_empty()),
        Err(status) => status,
    }
}
