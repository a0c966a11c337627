//! The sandbox limits of PLAN-LANGUAGE.md §7, and the budgets beside them.

/// Operations one call may run (deterministic: the same script and record
/// always trip it at the same point).
pub const MAX_OPERATIONS: u64 = 100_000;
pub const MAX_CALL_LEVELS: usize = 32;
pub const MAX_EXPR_DEPTH: usize = 64;
pub const MAX_FUNCTION_EXPR_DEPTH: usize = 32;
pub const MAX_STRING_SIZE: usize = 10_000;
pub const MAX_ARRAY_SIZE: usize = 10_000;
pub const MAX_MAP_SIZE: usize = 1_000;

/// Processor time one call may use, in milliseconds: a safety net for the
/// operations that count as one but cost many (`contains` on a long array,
/// `push`, which re-measures the whole array). Unlike the other limits it
/// depends on the machine, so it sits well above the slowest script the
/// deterministic limits let through (9 999 `push`es: about 50 ms); a record
/// that trips it says so. See [`super::budget`] for how it is measured.
pub const MAX_MILLIS: u64 = 200;
/// How often (in operations) the clock and the note budget are looked at.
pub const CHECK_EVERY: u64 = 64;

/// Notes (`note`, `print`, `debug`) one call may make.
pub const MAX_NOTES: usize = 32;
/// Bytes of note text one call may make, all notes together.
pub const MAX_NOTE_BYTES: usize = 16 * 1024;

/// The largest `.rhai` file a plan may name, in bytes (1 MiB).
pub const MAX_FILE_BYTES: u64 = 1 << 20;
