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
/// Time the hooks of one run may use together, in seconds: a safety net for
/// a hook that is slow on every record (each call within its own limit, the
/// run hours long). Past it, every further record whose hook would run is in
/// error with this limit named, and the run goes on. See [`super::budget`].
pub const MAX_RUN_SECONDS: u64 = 60;
/// `KEHOACH_HOOK_RUN_MILLIS=N` lowers the run's limit to N ms (it never
/// raises it): how tests make it trip.
pub const RUN_MILLIS_VAR: &str = "KEHOACH_HOOK_RUN_MILLIS";

/// The limit of one run: [`MAX_RUN_SECONDS`], or less if
/// [`RUN_MILLIS_VAR`] says so.
pub fn run_limit() -> std::time::Duration {
    lowered(std::env::var(RUN_MILLIS_VAR).ok().as_deref())
}

/// [`MAX_RUN_SECONDS`], or `asked` milliseconds if that is a number below it.
fn lowered(asked: Option<&str>) -> std::time::Duration {
    let max = std::time::Duration::from_secs(MAX_RUN_SECONDS);
    let ms = asked.and_then(|v| v.trim().parse().ok());
    ms.map_or(max, |ms| max.min(std::time::Duration::from_millis(ms)))
}

/// How often (in operations) the clock and the note budget are looked at.
pub const CHECK_EVERY: u64 = 64;

/// Notes (`note`, `print`, `debug`) one call may make.
pub const MAX_NOTES: usize = 32;
/// Bytes of note text one call may make, all notes together.
pub const MAX_NOTE_BYTES: usize = 16 * 1024;

/// The largest `.rhai` file a plan may name, in bytes (1 MiB); `resolve`
/// reads the file, so the number lives with the other file limits.
pub use crate::files::MAX_SCRIPT_BYTES as MAX_FILE_BYTES;

#[cfg(test)]
mod tests {
    use std::time::Duration;

    #[test]
    fn the_run_limit_can_be_lowered_never_raised() {
        let max = Duration::from_secs(super::MAX_RUN_SECONDS);
        assert_eq!(super::lowered(None), max);
        assert_eq!(super::lowered(Some(" 250 ")), Duration::from_millis(250));
        assert_eq!(super::lowered(Some("999999999")), max);
        assert_eq!(super::lowered(Some("nhanh")), max);
    }
}
