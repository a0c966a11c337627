//! Parse errors that teach: an operator of other languages (`=`, `&&`,
//! `||`, `!`), a function plans do not have, a `{` or `(` left open (named,
//! with the line it opens on), and the keyword a misspelt word is near.

use super::Rule;
use crate::diag::{Diagnostic, Kind, Note};
use crate::source::{Loc, Source};
use std::sync::Arc;

/// The functions of plan expressions.
pub const FUNCTIONS: [&str; 4] = ["count", "share", "months_since", "months_between"];

/// Words that begin a top-level declaration (a sign that a block above is open).
const TOP_WORDS: [&str; 8] = ["plan", "scale", "tiers", "level", "subject", "hook", "test", "display"];

/// A diagnostic that says more than "expected …, found …", when one fits.
pub fn teach(src: &Arc<Source>, pos: usize, positives: &[Rule]) -> Option<Diagnostic> {
    operator(src, pos, positives)
        .or_else(|| function(src, pos, positives))
        .or_else(|| unclosed(src, pos, positives))
}

fn operator(src: &Arc<Source>, pos: usize, positives: &[Rule]) -> Option<Diagnostic> {
    let rest = src.text().get(pos..)?;
    let in_expr = positives.iter().any(|r| {
        matches!(r, Rule::cmp_op | Rule::k_and | Rule::k_or | Rule::k_not | Rule::expr | Rule::negation)
    });
    if !in_expr {
        return None;
    }
    let (written, write) = if rest.starts_with("&&") {
        ("&&", "and")
    } else if rest.starts_with("||") {
        ("||", "or")
    } else if rest.starts_with('&') {
        ("&", "and")
    } else if rest.starts_with('|') {
        ("|", "or")
    } else if rest.starts_with('!') && !rest.starts_with("!=") {
        ("!", "not")
    } else if rest.starts_with('=') && !rest.starts_with("==") && positives.contains(&Rule::cmp_op) {
        ("=", "==")
    } else {
        return None;
    };
    let kind = Kind::WrongOperator { written: written.into(), write };
    Some(Diagnostic::new(kind, &Loc::new(src, pos, pos + written.len())))
}

/// `name(` where an operator was expected: a call of a function plans lack.
fn function(src: &Arc<Source>, pos: usize, positives: &[Rule]) -> Option<Diagnostic> {
    let text = src.text();
    if !text.get(pos..)?.starts_with('(')
        || !positives.iter().any(|r| matches!(r, Rule::cmp_op | Rule::add_op))
    {
        return None;
    }
    let before = text[..pos].trim_end();
    let start = before.len() - before.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '_').count();
    let name = &before[start..];
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let suggestion = crate::suggest::closest(name, FUNCTIONS);
    let kind = Kind::UnknownFunction { name: name.into(), suggestion, functions: &FUNCTIONS };
    Some(Diagnostic::new(kind, &Loc::new(src, start, before.len())))
}

/// A `{` or `(` still open where the file ends, or where a new declaration
/// (or a `}`, for a `(`) begins.
fn unclosed(src: &Arc<Source>, pos: usize, positives: &[Rule]) -> Option<Diagnostic> {
    let text = src.text();
    let (open, at) = *open_before(text, pos).last()?;
    let rest = &text[pos.min(text.len())..];
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let line_start = text[..pos.min(text.len())].rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
    let starts_item = line_start && !word.is_empty();
    let (close, fits) = match open {
        '{' => (
            '}',
            positives.contains(&Rule::rbrace)
                && (rest.is_empty() || starts_item && TOP_WORDS.contains(&word.as_str())),
        ),
        _ => (
            ')',
            positives.contains(&Rule::rparen) && (rest.is_empty() || rest.starts_with('}') || starts_item),
        ),
    };
    if !fits {
        return None;
    }
    let opener = Loc::new(src, at, at + 1);
    let block = match open {
        '{' => format!("{} {{", head(&text[..at])),
        _ => "(".to_string(),
    };
    let kind = Kind::Unclosed { block, line: opener.line(), close };
    let seen = if word.is_empty() { rest.chars().next().map_or(0, char::len_utf8) } else { word.len() };
    Some(Diagnostic::new(kind, &Loc::new(src, pos, pos + seen)).with_related(&opener, Note::OpensHere))
}

/// The first two words of the line a block opens on (`subject s`, `plan "X"`).
fn head(before: &str) -> String {
    let line = before.rsplit('\n').next().unwrap_or_default();
    line.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

/// The `{` and `(` open at `pos` (outermost first), with their offsets;
/// strings, comments and script blocks are skipped.
fn open_before(text: &str, pos: usize) -> Vec<(char, usize)> {
    let mut open = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < pos.min(bytes.len()) {
        match bytes[i] {
            b'#' => i += text[i..].find('\n').unwrap_or(text.len() - i),
            b'"' => i += string_len(&text[i..]),
            b'`' if text[i..].starts_with("```") => i += script_len(&text[i..]),
            b'{' => open.push(('{', i)),
            b'(' => open.push(('(', i)),
            b'}' | b')' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    open
}

/// The bytes of a one-line string from its opening quote to its closing one.
fn string_len(s: &str) -> usize {
    let mut escaped = false;
    for (k, c) in s.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return k,
            '\n' => return k,
            _ => escaped = false,
        }
    }
    s.len()
}

/// The bytes of a script block from its opening fence to the end of its closing one.
fn script_len(s: &str) -> usize {
    let Some(body) = s.find('\n') else { return s.len() };
    let mut at = body + 1;
    for line in s[body + 1..].split_inclusive('\n') {
        if line.trim() == "```" {
            return at + line.trim_end().len() - 1;
        }
        at += line.len();
    }
    s.len() - 1
}

/// The keyword among `positives` that `word` is a likely misspelling of.
pub fn keyword(word: &str, positives: &[Rule]) -> Option<String> {
    let words: Vec<String> =
        positives.iter().filter_map(|r| format!("{r:?}").strip_prefix("k_").map(str::to_string)).collect();
    if word.is_empty() || words.iter().any(|w| w == word) {
        return None;
    }
    crate::suggest::closest(word, words.iter().map(String::as_str)).or_else(|| {
        // `critera`: a long keyword cut short or mistyped at its end.
        let stem: String = word.chars().take(4).collect();
        let mut near = words.iter().filter(|w| stem.len() == 4 && w.starts_with(&stem));
        match (near.next(), near.next()) {
            (Some(one), None) => Some(one.clone()),
            _ => None,
        }
    })
}

/// `name` without diacritics: decomposed (NFD), marks dropped, `đ` → `d`,
/// `Đ` → `D`; letters with no ASCII form become `_`.
pub fn ascii_name(name: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if c.is_ascii() => c,
            _ => '_',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ascii_name;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn names_lose_their_diacritics_composed_or_not() {
        assert_eq!(ascii_name("chuyển_đổi_số"), "chuyen_doi_so");
        assert_eq!(ascii_name(&"Đảng_viên".nfd().collect::<String>()), "Dang_vien");
        assert_eq!(ascii_name("ok_1"), "ok_1");
    }
}
