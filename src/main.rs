fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    match kehoach::syntax::parse_str(&path, &text) {
        Ok(f) => println!("{} items, {} comments", f.items.len(), f.comments.len()),
        Err(d) => print!(
            "{}",
            kehoach::diag::render_human(&d, kehoach::diag::Color::Never)
        ),
    }
}
