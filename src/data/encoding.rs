//! A data file's encoding: UTF-8 (with or without BOM) is read; UTF-16
//! with a byte order mark is decoded; anything else is one problem of the
//! whole file, with a guess of the legacy encoding it looks like.

use super::split::count_lines;
use crate::diag::FileProblem;
use std::path::Path;

/// A UTF-16 file (by its byte order mark) decoded to UTF-8; `Err(line)`
/// when it is broken there; `None` when the file is not UTF-16.
pub fn utf16(bytes: &[u8]) -> Option<Result<Vec<u8>, u64>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|c| match (c, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd last byte: not a code unit.
        _ => 0xdc00,
    });
    let mut out = String::with_capacity(bytes.len());
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => out.push(c),
            Err(_) => return Some(Err(count_lines(out.as_bytes()) + 1)),
        }
    }
    Some(Ok(out.into_bytes()))
}

/// `Ok(None)` when `text` is UTF-8 text; `Ok(Some(problem))` when it is
/// not UTF-8: where, and what it looks like; `Err(line)` at the first NUL
/// byte (not text at all). Read a piece at a time, so that a huge or sparse
/// file stops at its first NUL instead of being read to its end first.
pub fn scan(text: &[u8]) -> Result<Option<FileProblem>, u64> {
    const PIECE: usize = 1 << 20;
    let mut start = 0;
    let mut bad = None;
    while start < text.len() {
        let end = (start + PIECE).min(text.len());
        let piece = &text[start..end];
        if let Some(i) = memchr::memchr(0, piece) {
            return Err(count_lines(&text[..start + i]) + 1);
        }
        // The usual case, valid text, checked by the SIMD validator; the
        // standard one says where a piece goes wrong.
        if bad.is_none() && simdutf8::basic::from_utf8(piece).is_err() {
            // A character cut at the piece's end is checked with the next piece.
            match std::str::from_utf8(piece) {
                Ok(_) => {}
                Err(e) if e.error_len().is_none() && end < text.len() => {
                    start += e.valid_up_to();
                    continue;
                }
                Err(e) => bad = Some(start + e.valid_up_to()),
            }
        }
        start = end;
    }
    Ok(bad.map(|bad| legacy(text, bad)))
}

/// `None` when `text` is UTF-8; else the problem (NUL bytes are not looked for).
pub fn not_utf8(text: &[u8]) -> Option<FileProblem> {
    if simdutf8::basic::from_utf8(text).is_ok() {
        return None;
    }
    let bad = std::str::from_utf8(text).err()?.valid_up_to();
    Some(legacy(text, bad))
}

/// The problem of a file that is not UTF-8 from byte `bad` on.
fn legacy(text: &[u8], bad: usize) -> FileProblem {
    let line = count_lines(&text[..bad]) + 1;
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &text[..text.len().min(1 << 20)];
    detector.feed(sample, sample.len() == text.len());
    // The files are Vietnamese offices': the `.vn` hint weighs Windows-1258.
    let guess = detector.guess(Some(b"vn"), false);
    let guess = (guess != encoding_rs::UTF_8).then(|| guess.name().to_string());
    FileProblem::NotUtf8 { line, guess }
}

pub fn nul(path: &Path, line: u64) -> String {
    crate::diag::nul_byte(&path.display().to_string(), line)
}

pub fn bad_utf16(path: &Path, line: u64) -> String {
    crate::diag::bad_utf16(&path.display().to_string(), line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let text = "id\tho_ten\r\n1\tNguyễn Văn Ánh\r\n";
        let mut le = vec![0xff, 0xfe];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(utf16(&le), Some(Ok(text.as_bytes().to_vec())));
        let mut be = vec![0xfe, 0xff];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(utf16(&be), Some(Ok(text.as_bytes().to_vec())));
        assert_eq!(utf16(b"id,a\n"), None);
        let mut broken = vec![0xff, 0xfe, b'a', 0, b'\n', 0];
        broken.extend([0x00, 0xdc]);
        assert_eq!(utf16(&broken), Some(Err(2)));
    }

    #[test]
    fn windows_1258_is_told_apart() {
        // "Nguyễn Văn Đức, Chi bộ Phường Điện Biên" in Windows-1258 (as Excel
        // in a Vietnamese locale saves "CSV"): Đ is 0xD0, ă 0xE3, ơ 0xF5.
        let (bytes, _, _) = encoding_rs::WINDOWS_1258
            .encode("id,ho_ten,don_vi\n1,Nguyễn Văn Đức,Chi bộ Phường Điện Biên\n2,Trần Thị Hương,Chi bộ số 2 Đội Cấn\n");
        let problem = not_utf8(&bytes).expect("not UTF-8");
        let FileProblem::NotUtf8 { line, guess } = problem else { panic!("{problem:?}") };
        assert_eq!(line, 2);
        assert_eq!(guess.as_deref(), Some("windows-1258"));
        assert_eq!(not_utf8("id\n1,Đức\n".as_bytes()), None);
    }

    #[test]
    fn scanning_stops_at_the_first_nul_and_reads_characters_across_pieces() {
        let mut text = "id\n".to_string();
        // Put a two-byte letter across the first piece's end.
        text.push_str(&"a".repeat((1 << 20) - 4));
        text.push_str("Đức\nx\n");
        assert_eq!(scan(text.as_bytes()), Ok(None));
        let mut bytes = text.into_bytes();
        bytes.extend(b"\xffz\n");
        assert!(matches!(scan(&bytes), Ok(Some(FileProblem::NotUtf8 { line: 4, .. }))));
        bytes.extend(b"\n\0");
        assert_eq!(scan(&bytes), Err(6));
    }
}
