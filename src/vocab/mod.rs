//! The shared vocabulary of the stages after `syntax`, importing none of
//! them: values and typed expressions with their one traversal (exact numbers
//! are `crate::exact`, below `syntax`). `check` builds typed expressions,
//! `data` makes values, `eval` and `hooks` read both.

pub mod expr;
pub(crate) mod subexpr;
pub mod value;
