//! `kehoach schedule`: the deadlines of each level for a year, as a table,
//! JSON or a calendar, and compliance with `--done`. The day arithmetic is
//! [`crate::days`], which `check` shares.

pub mod done;
pub mod entries;
pub mod ics;
pub mod render;

pub use crate::days::{first_day, kind_word, last_day, text};
