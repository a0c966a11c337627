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

/// `None` when `text` is UTF-8; else the problem: where, and what it looks like.
pub fn not_utf8(text: &[u8]) -> Option<FileProblem> {
    if simdutf8::basic::from_utf8(text).is_ok() {
        return None;
    }
    let bad = std::str::from_utf8(text).err()?.valid_up_to();
    let line = count_lines(&text[..bad]) + 1;
    Some(FileProblem::NotUtf8 { line, guess: guess(text) })
}

/// The legacy encoding `text` (not UTF-8) looks like, when one is likely.
pub fn guess(text: &[u8]) -> Option<String> {
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &text[..text.len().min(1 << 20)];
    detector.feed(sample, sample.len() == text.len());
    // The files are Vietnamese offices': the `.vn` hint weighs Windows-1258.
    let guess = detector.guess(Some(b"vn"), false);
    (guess != encoding_rs::UTF_8).then(|| guess.name().to_string())
}

pub fn nul(path: &Path, line: u64) -> crate::diag::DataFail {
    crate::diag::DataFail::Nul { file: path.display().to_string(), line }
}

pub fn bad_utf16(path: &Path, line: u64) -> crate::diag::DataFail {
    crate::diag::DataFail::BadUtf16 { file: path.display().to_string(), line }
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
}
