//! Canonical printing: expressions, items, whole files (`fmt`) and the
//! effective plan with provenance (`show`).

/// Expressions print with the syntax they come from (`check` prints them too).
pub use crate::syntax::print as expr;
pub mod items;
pub mod layout;
pub mod show;

pub use layout::format_file;
