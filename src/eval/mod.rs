//! Evaluation: pure functions from a checked plan and records to outcomes.

pub mod expr;
pub mod value;
