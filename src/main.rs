//! The `kehoach` binary: everything lives in the library's `cli` module.

/// Evaluation makes many small allocations per record; mimalloc serves them
/// faster than the system allocator (docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    kehoach::memory::without_huge_pages();
    kehoach::memory::purge_promptly();
    std::process::exit(kehoach::cli::run());
}
