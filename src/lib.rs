//! kehoach: plans for the annual review and quality classification of party
//! organizations and members, as checked, executable files.

pub mod check;
pub mod cli;
pub(crate) mod data;
pub(crate) mod days;
pub mod diag;
pub(crate) mod diff;
pub mod eval;
pub mod exact;
pub(crate) mod files;
pub mod fmt;
pub mod hooks;
pub mod lang;
pub mod memory;
pub(crate) mod num;
pub mod plantest;
pub mod report;
pub mod resolve;
pub(crate) mod schedule;
pub mod source;
pub(crate) mod suggest;
pub mod syntax;
pub(crate) mod text;
pub mod vocab;
pub mod words;
