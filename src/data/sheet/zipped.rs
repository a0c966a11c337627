//! Checks of zipped workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) that the
//! reader does not make: a file whose end holds no zip directory is refused
//! at once (a zip reader would search a huge or sparse file through to its
//! start), and an OpenDocument sheet that holds formula errors is refused
//! (LibreOffice stores them as empty text, which would read as a missing
//! value or a flag that is not set).

use super::Book;
use std::io::{Read, Seek, SeekFrom};

/// Where a zip file's directory must start: within this many bytes of its
/// end (the end record, 22 bytes, plus a comment of at most 65 535).
const TAIL: u64 = 22 + 65_535;

/// Whether the file's last bytes hold a zip end-of-directory record.
pub fn has_directory(file: &mut std::fs::File) -> std::io::Result<bool> {
    let size = file.metadata()?.len();
    let from = size.saturating_sub(TAIL);
    file.seek(SeekFrom::Start(from))?;
    let mut tail = Vec::with_capacity((size - from) as usize);
    file.take(TAIL).read_to_end(&mut tail)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(memchr::memmem::rfind(&tail, b"PK\x05\x06").is_some())
}

/// Whether sheet `name` of the OpenDocument `book` holds a formula error
/// (`calcext:value-type="error"`); `false` when that cannot be told.
pub fn ods_has_errors(book: &Book, name: &str) -> bool {
    let Ok(file) = crate::files::open_regular(&book.file) else { return false };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else { return false };
    let Ok(mut entry) = zip.by_name("content.xml") else { return false };
    let mut xml = String::new();
    if entry.read_to_string(&mut xml).is_err() {
        return false;
    }
    let open = format!("<table:table table:name=\"{}\"", escape(name));
    let Some(start) = xml.find(&open) else { return false };
    let end = xml[start..].find("</table:table>").map_or(xml.len(), |e| start + e);
    xml[start..end].contains("calcext:value-type=\"error\"")
}

fn escape(name: &str) -> String {
    name.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_directory_is_looked_for_only_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xlsx");
        std::fs::write(&path, b"PK\x03\x04 then nothing").unwrap();
        assert!(!has_directory(&mut std::fs::File::open(&path).unwrap()).unwrap());
        let mut bytes = vec![0u8; 200_000];
        bytes.extend(b"PK\x05\x06");
        bytes.extend([0u8; 18]);
        std::fs::write(&path, &bytes).unwrap();
        assert!(has_directory(&mut std::fs::File::open(&path).unwrap()).unwrap());
        assert_eq!(escape("A&B \"x\""), "A&amp;B &quot;x&quot;");
    }
}
