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
