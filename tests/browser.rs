//! The HTML reports in a real browser (issue 21): headless Chromium prints
//! the report of the bundled data to PDF (A4, the pages expected), takes a
//! screenshot, and runs a small script on the page that says whether the
//! page is wider than the window and which unit sections it has. Skipped,
//! with a message, where no Chromium is installed (`.ci/run` installs it).
//! `KEHOACH_DOCS=1` also refreshes docs/report-eval.png and docs/report-diff.png.

mod common;

use common::kehoach;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DATA: [&str; 3] =
    ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"];
const UNITS: [&str; 3] = ["Đảng bộ phường Hàng Trống", "Đảng bộ phường Kim Mã", "Đảng bộ phường Láng Hạ"];
/// The pages of the bundled report on A4: the header, summary and chart
/// (two pages), one page per unit, and the secretaries (not divided by
/// unit) with the data problems and the signature block.
const PAGES: usize = 6;
/// An A4 page's width in CSS pixels (210 mm at 96 dpi), and some height.
const WINDOW: &str = "--window-size=794,1123";

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs the browser on `page` with `args`: its standard output. At most a
/// minute: a browser that hangs fails the test instead of the run.
fn browse(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let mut child = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{} did not finish in a minute", browser.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The report (or memo) made by `args` into `dir/name`.
fn make(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let out = kehoach().args(args).arg("--out").arg(&path).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    path
}

/// `/Type /Page` objects (not `/Pages`) of a PDF.
fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    let mut n = 0;
    for (i, w) in pdf.windows(needle.len()).enumerate() {
        if w == needle && !pdf.get(i + needle.len()).is_some_and(u8::is_ascii_alphabetic) {
            n += 1;
        }
    }
    n
}

/// The page with a script at its end that writes what the test reads into
/// the DOM: whether it overflows the window, and its unit sections.
fn probe(page: &Path) -> PathBuf {
    let html = std::fs::read_to_string(page).unwrap();
    let script = r#"<script>
const d = document.documentElement;
const units = [...document.querySelectorAll('section.unit h3')].map(h => h.textContent).join('|');
const p = document.createElement('pre');
p.id = 'probe';
p.textContent = `fits=${d.scrollWidth <= window.innerWidth};width=${d.scrollWidth};window=${window.innerWidth};units=${units};`;
document.body.appendChild(p);
</script></body>"#;
    let probed = page.with_extension("probe.html");
    std::fs::write(&probed, html.replace("</body>", script)).unwrap();
    probed
}

/// A field the probe wrote (in its element, not in the script's text).
fn field<'a>(dom: &'a str, name: &str) -> &'a str {
    let dom = &dom[dom.find("<pre id=\"probe\">").expect("the probe ran")..];
    let at =
        dom.find(&format!("{name}=")).unwrap_or_else(|| panic!("no `{name}` in the DOM")) + name.len() + 1;
    &dom[at..at + dom[at..].find(';').unwrap()]
}

fn check_page(browser: &Path, dir: &Path, page: &Path, png: &str) {
    let dom = browse(browser, &dir.join("profile"), &[WINDOW, "--dump-dom"], &probe(page));
    assert_eq!(field(&dom, "fits"), "true", "the page is wider than A4: {} px", field(&dom, "width"));
    let shot = dir.join(png);
    browse(
        browser,
        &dir.join("profile"),
        &["--window-size=900,1400", "--hide-scrollbars", &format!("--screenshot={}", shot.display())],
        page,
    );
    let bytes = std::fs::read(&shot).unwrap();
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000, "{png}: {} bytes", bytes.len());
    if std::env::var_os("KEHOACH_DOCS").is_some() {
        std::fs::copy(&shot, Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(png)).unwrap();
    }
}

#[test]
fn the_report_prints_on_a4_with_every_unit_and_nothing_cut() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: no chromium, chromium-browser or google-chrome on PATH; install one (`apt-get install chromium`) to run the browser test"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["report", "plans/hanoi/01-KH-TU.kh", "--year", "2020", "--lang", "vi", "--data"];
    args.extend(DATA);
    let page = make(dir.path(), "bao-cao.html", &args);
    let dom = browse(&browser, &dir.path().join("profile"), &[WINDOW, "--dump-dom"], &probe(&page));
    let units: Vec<&str> = field(&dom, "units").split('|').collect();
    assert_eq!(units.len(), UNITS.len() + 1, "{units:?}");
    for (i, u) in UNITS.iter().enumerate() {
        assert_eq!(units[i], format!("{}. {u}", i + 1));
    }
    assert_eq!(units[3], "4. Đối tượng không chia theo đơn vị");
    let pdf = dir.path().join("bao-cao.pdf");
    browse(
        &browser,
        &dir.path().join("profile"),
        &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())],
        &page,
    );
    assert_eq!(pages(&std::fs::read(&pdf).unwrap()), PAGES);
    check_page(&browser, dir.path(), &page, "report-eval.png");
}

#[test]
fn the_diff_memo_fits_the_page() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: no chromium, chromium-browser or google-chrome on PATH; install one (`apt-get install chromium`) to run the browser test"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "diff",
        "plans/hanoi/165-KH-TU.kh",
        "plans/hanoi/01-KH-TU.kh",
        "--year",
        "2020",
        "--format",
        "html",
        "--lang",
        "vi",
        "--data",
    ];
    args.extend(DATA);
    let page = make(dir.path(), "so-sanh.html", &args);
    let pdf = dir.path().join("so-sanh.pdf");
    browse(
        &browser,
        &dir.path().join("profile"),
        &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())],
        &page,
    );
    assert!(pages(&std::fs::read(&pdf).unwrap()) >= 2, "the changes, then the impact on a page of its own");
    check_page(&browser, dir.path(), &page, "report-diff.png");
}
