//! One spelling for text that is compared: Unicode NFC, trimmed of
//! whitespace at both ends (docs/DECISIONS.md, "Text is read composed").

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// `s` in NFC: borrowed when it already is (ASCII text always is; other
/// text by the quick check, which rarely needs a second look).
#[inline]
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc(s) { Cow::Borrowed(s) } else { Cow::Owned(s.nfc().collect()) }
}

/// `s` in NFC, without a copy when it already is.
pub fn nfc_owned(s: String) -> String {
    match nfc(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(n) => n,
    }
}

/// How ids, refs, group keys and text constants compare: NFC, trimmed of
/// Unicode whitespace (`char::is_whitespace`: spaces, tabs, line breaks,
/// the no-break space U+00A0, U+3000 …) at both ends.
pub fn key(s: &str) -> Cow<'_, str> {
    match nfc(s) {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        // Normalizing never turns a character into whitespace or back,
        // so trimming after it trims what trimming before would.
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_trims_and_borrows_what_is_already_so() {
        let nfd = "Chi bo\u{323}\u{302} Ta\u{302}y Ho\u{302}\u{300}";
        let nfc_text = "Chi b\u{1ed9} T\u{e2}y H\u{1ed3}";
        assert_eq!(nfc(nfd), nfc_text);
        assert!(matches!(nfc(nfc_text), Cow::Borrowed(_)));
        assert!(matches!(nfc("CS01"), Cow::Borrowed(_)));
        assert_eq!(nfc_owned(nfd.to_string()), nfc_text);
        assert_eq!(key(&format!(" \t{nfd}\u{a0}\u{3000} \r\n")), nfc_text);
        assert!(matches!(key(" CS01 "), Cow::Borrowed("CS01")));
        // A lone combining mark stays as it is; a zero-width space is not whitespace.
        assert_eq!(key("\u{301}"), "\u{301}");
        assert_eq!(key("a\u{200b}"), "a\u{200b}");
    }
}
