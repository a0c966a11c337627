//! One spelling for text that is compared: Unicode NFC, trimmed of
//! whitespace at both ends (docs/DECISIONS.md, "Text is read composed").

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// `s` in NFC: borrowed when it already is (ASCII text always is; other
/// text by the quick check, which rarely needs a second look).
#[inline]
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || plainly_nfc(s.as_bytes()) || is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Whether `bytes` is UTF-8 text plainly in NFC, decided byte by byte:
/// ASCII, U+0080–U+027F (Latin-1 Supplement, Latin Extended-A and -B, IPA)
/// and U+1E00–U+1EFF (Latin Extended Additional, where Vietnamese letters
/// with two marks live). Every one of those characters is
/// NFC_Quick_Check=Yes with combining class 0 (a test goes through them),
/// so any sequence of them is NFC. `false` means "look closer": any other
/// character, a combining mark, or bytes that are not UTF-8. Vietnamese
/// text typed composed is answered here, without the per-character table
/// lookups of the general check.
#[inline]
pub fn plainly_nfc(bytes: &[u8]) -> bool {
    // Those bytes being in their ranges, UTF-8 is all that is left to check.
    in_plain_ranges(bytes) && simdutf8::basic::from_utf8(bytes).is_ok()
}

/// The byte half of [`plainly_nfc`]: whether every byte of `bytes` is in
/// the ranges of those characters, for bytes known to be UTF-8 otherwise
/// (a cell of a record checked whole).
#[inline]
pub fn in_plain_ranges(bytes: &[u8]) -> bool {
    // A byte past C9 other than E1 starts another character; E1 starts
    // U+1000..U+1FFF, of which Latin Extended Additional is E1 B8..BB. Each
    // byte is judged with the next (0 after the last) in blocks of 32 that
    // the compiler does at once: most of a record is ASCII.
    let bad = |a: u8, n: u8| {
        (u8::from(a >= 0xCA) & u8::from(a != 0xE1)) | (u8::from(a == 0xE1) & u8::from(n & 0xFC != 0xB8))
    };
    let block = |a: &[u8; 32], n: &[u8; 32]| a.iter().zip(n).fold(0, |any, (a, n)| any | bad(*a, *n)) == 0;
    let whole = |a: &[u8], n: &[u8]| matches!((a.try_into(), n.try_into()), (Ok(a), Ok(n)) if block(a, n));
    // The bytes after the last whole block, padded with zeros (`bad(0, 0)`
    // is not): judged as one block too, not byte by byte.
    let pad = |r: &[u8]| {
        let mut p = [0u8; 32];
        p[..r.len()].copy_from_slice(r);
        p
    };
    let Some((&last, _)) = bytes.split_last() else { return true };
    let (these, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let (mut a, mut n) = (these.chunks_exact(32), next.chunks_exact(32));
    a.by_ref().zip(n.by_ref()).all(|(a, n)| whole(a, n))
        && block(&pad(a.remainder()), &pad(n.remainder()))
        && bad(last, 0) == 0
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

/// The abbreviation an office writes for a tier: the standard four
/// (HTXSNV, HTTNV, HTNV, KHTNV) by their labels in any case or spacing;
/// any other tier's label.
pub fn abbreviation(label: &str) -> String {
    const STANDARD: [(&str, &str); 4] = [
        ("hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
        ("hoàn thành tốt nhiệm vụ", "HTTNV"),
        ("hoàn thành nhiệm vụ", "HTNV"),
        ("không hoàn thành nhiệm vụ", "KHTNV"),
    ];
    let key = key(label).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    STANDARD.iter().find(|(l, _)| *l == key).map_or_else(|| label.to_string(), |(_, a)| (*a).to_string())
}

#[cfg(test)]
mod tests {
    /// The definition, byte by byte: what [`super::plainly_nfc`] does in passes.
    fn plainly_nfc_by_bytes(bytes: &[u8]) -> bool {
        let cont = |i: usize| bytes.get(i).is_some_and(|c| c & 0xC0 == 0x80);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += match b {
                0x00..=0x7F => 1,
                0xC2..=0xC9 if cont(i + 1) => 2,
                0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) && cont(i + 2) => 3,
                _ => return false,
            };
        }
        true
    }

    use proptest::prelude::*;

    /// The definition of [`super::in_plain_ranges`], byte by byte (each
    /// byte judged with the next, 0 after the last).
    fn in_plain_ranges_by_bytes(bytes: &[u8]) -> bool {
        (0..bytes.len()).all(|i| {
            let (a, n) = (bytes[i], bytes.get(i + 1).copied().unwrap_or(0));
            !(a >= 0xCA && a != 0xE1 || a == 0xE1 && n & 0xFC != 0xB8)
        })
    }

    proptest! {
        /// Any bytes, of any length around the blocks of 32 and their
        /// padded tail.
        #[test]
        fn in_plain_ranges_in_blocks_is_the_byte_by_byte_definition(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(0xE1u8), Just(0xBBu8), Just(0xB8u8), Just(0xCCu8), Just(0u8), proptest::num::u8::ANY
            ], 0..100)
        ) {
            prop_assert_eq!(super::in_plain_ranges(&bytes), in_plain_ranges_by_bytes(&bytes));
        }

        #[test]
        fn plainly_nfc_in_passes_is_the_byte_by_byte_definition(
            parts in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(vec!["a", "Đ", "ả", "\u{301}", "\u{1F00}", "ʀ", "é", "x;y", "\u{2126}"])
                        .prop_map(|s| s.as_bytes().to_vec()),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..4),
                ],
                0..40,
            )
        ) {
            let bytes = parts.concat();
            prop_assert_eq!(super::plainly_nfc(&bytes), plainly_nfc_by_bytes(&bytes));
        }
    }

    #[test]
    fn plainly_composed_ranges_hold_only_starters_that_are_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let ranges = [0x80..=0x27F_u32, 0x1E00..=0x1EFF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert!(super::plainly_nfc(c.to_string().as_bytes()), "{c:?}");
        }
        // Next to them, and what is not UTF-8, is looked at closer.
        for c in ['\u{280}', '\u{300}', '\u{1DFF}', '\u{1F00}', '\u{2126}'] {
            assert!(!super::plainly_nfc(c.to_string().as_bytes()), "{c:?}");
        }
        assert!(super::plainly_nfc("Đảng bộ phường Hàng Trống, Xuất sắc".as_bytes()));
        assert!(!super::plainly_nfc("Tô\u{301}t".as_bytes()));
        assert!(!super::plainly_nfc(b"\xC3"));
        assert!(!super::plainly_nfc(b"\xE1\xBA"));
        assert!(!super::plainly_nfc(b"\xC3\x28"));
    }

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
