//! kehoach: plans for the annual review and quality classification of party
//! organizations and members, as checked, executable files.

pub mod check;
pub mod cli;
pub mod data;
pub mod days;
pub mod diag;
pub mod diff;
pub mod eval;
pub mod exact;
pub mod files;
pub mod fmt;
pub mod hooks;
pub mod memory;
pub mod num;
pub mod plantest;
pub mod report;
pub mod resolve;
pub mod schedule;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod text;
