//! Canonical printing: expressions, items, whole files (`fmt`) and the
//! effective plan with provenance (`show`).

pub mod expr;
pub mod items;
pub mod layout;
pub mod show;

pub use layout::format_file;
