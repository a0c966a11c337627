//! Any bytes: parsing, resolving and checking must return, never panic; a
//! plan that parses must format to a text that parses to the same tree.
#![no_main]

use kehoach::check::check_plan;
use kehoach::resolve::load_source;
use kehoach::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(file) = kehoach::syntax::parse_str("fuzz.kh", &text) {
        let out = kehoach::fmt::format_file(&file);
        let again = kehoach::syntax::parse_str("fmt.kh", &out).expect("formatted text parses");
        assert!(again == file, "fmt changed the tree");
    }
    let loaded = load_source(Source::new("fuzz.kh", text.into_owned()), None);
    if let Some(plan) = loaded.plan {
        let _ = check_plan(plan, loaded.diagnostics);
    }
});
