//! Process-wide memory settings that the binary and the benchmark share.

/// Turns off transparent huge pages for this process (Linux). Evaluation
/// fills its output arrays once, in order: with huge pages every first touch
/// makes the kernel zero 2 MiB at a time, which on the measured VM costs
/// about 8× more than 4 KiB pages for the same bytes (docs/PERFORMANCE.md).
/// Other systems: nothing to do.
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `PR_SET_THP_DISABLE` takes plain integers and touches no
    // memory of ours; a failure leaves the default, which is correct, only slower.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Asks mimalloc (the binary's allocator) to give freed pages back to the
/// system at once instead of a second later (its v3 default): the chunks of a run read on
/// several threads are freed together when appended to the whole, and
/// kept they counted twice in the peak resident memory (441 against 401 MB
/// on 1M realistic records, docs/PERFORMANCE.md). The processor time did
/// not change measurably.
pub fn purge_promptly() {
    // SAFETY: sets one of mimalloc's options, a plain integer.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

/// `mi_option_purge_delay` of mimalloc.h, which the Rust binding does not
/// name: 15 in both v2 and v3 (the one built), after the option numbered 14.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_is_the_option_it_is_taken_for() {
        // SAFETY: reads one of mimalloc's options.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        // Its default in mimalloc v3 (1 000 ms), unless a test set it before.
        assert!(default == 1000 || default == 0, "{default}");
    }
}
