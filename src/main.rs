//! The `kehoach` binary: everything lives in the library's `cli` module.

fn main() {
    std::process::exit(kehoach::cli::run());
}
