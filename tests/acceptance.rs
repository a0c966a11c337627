//! The independent acceptance suite of issue 21 (`tests/acceptance/*.py`):
//! the workbook of the bundled data opened with openpyxl and LibreOffice,
//! the report and the diff memo rendered by headless Chromium, awkward
//! inputs. It runs the freshly built binary from the outside. Skipped, with
//! a message, where python3 with openpyxl, soffice or chromium is missing
//! (`.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The first of `names` found on the PATH (or given as a path).
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        let direct = Path::new(n);
        if direct.is_absolute() {
            return direct.is_file().then(|| direct.to_path_buf());
        }
        std::env::split_paths(&path).map(|d| d.join(n)).find(|p| p.is_file())
    })
}

/// A python3 that can import openpyxl: the one on the PATH, else the
/// system's (where Debian's python3-openpyxl goes).
fn python() -> Option<PathBuf> {
    ["python3", "/usr/bin/python3"]
        .iter()
        .filter_map(|n| find(&[n]))
        .find(|p| Command::new(p).args(["-c", "import openpyxl"]).output().is_ok_and(|o| o.status.success()))
}

#[test]
fn the_outputs_open_in_libreoffice_openpyxl_and_chromium() {
    let tools = (
        python(),
        find(&["soffice", "libreoffice"]),
        find(&["chromium", "chromium-browser", "google-chrome"]),
    );
    let (Some(python), Some(soffice), Some(chromium)) = tools else {
        eprintln!(
            "SKIPPED acceptance suite: needs python3 with openpyxl, soffice and chromium \
             (found {tools:?}); .ci/run installs them"
        );
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let out = Command::new(python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/acceptance/run.py"))
        .arg("--kehoach")
        .arg(env!("CARGO_BIN_EXE_kehoach"))
        .arg("--work")
        .arg(work.path())
        .env("SOFFICE", soffice)
        .env("CHROMIUM", chromium)
        .env("HOME", work.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the acceptance suite failed:\n{text}");
    assert!(text.contains(" checks, 0 failed"), "{text}");
}
