//! A lexical pre-scan that refuses expressions nested too deeply for the
//! recursive-descent parser, before pest ever sees them.

/// Byte offset of the first `(` that opens level `limit + 1`, if any.
/// Strings, comments and script blocks are skipped as the grammar lexes them.
pub fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'#' => i = skip_line(bytes, i),
            b'`' if bytes[i..].starts_with(b"```") && opens_block(bytes, i + 3) => {
                i = skip_script(bytes, i + 3);
            }
            b'(' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
                i += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' | b'\n' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_line(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i] != b'\n' {
        i += 1;
    }
    i
}

fn opens_block(bytes: &[u8], mut i: usize) -> bool {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i >= bytes.len() || bytes[i] == b'\n'
}

/// Skips to the end of the line holding only ```.
fn skip_script(bytes: &[u8], from: usize) -> usize {
    let mut i = skip_line(bytes, from);
    while i < bytes.len() {
        let start = i + 1;
        let end = skip_line(bytes, start);
        let line = String::from_utf8_lossy(&bytes[start.min(bytes.len())..end]);
        if line.trim() == "```" {
            return end;
        }
        i = end;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::too_deep;

    #[test]
    fn counts_only_real_parentheses() {
        assert_eq!(too_deep("((x))", 2), None);
        assert_eq!(too_deep("(((x)))", 2), Some(2));
        assert_eq!(too_deep("\"(((\" # (((\n(x)", 1), None);
        assert_eq!(too_deep("```\n((((\n```\n(x)", 1), None);
    }
}
