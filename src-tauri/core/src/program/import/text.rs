//! Bytes to text for every reader: strips a BOM, reads UTF-16 when its BOM
//! says so or its bytes do (Windows' address book, some Android and Excel
//! exports write it without a BOM), and falls back to Windows-1252 (what Excel on Windows saves
//! CSV as) when the bytes are not UTF-8. Binary junk is refused here, with a
//! message, rather than fed to a parser that would make little of it.

use super::item::ReadError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decodes `bytes` as text, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).map(str::to_owned).map_err(|e| invalid_utf8(rest, e));
    }
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        // Only UTF-16 is left here: the UTF-8 BOM was handled above.
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if had_errors {
            return Err(ReadError::new(format!("the file says it is {} but is not", encoding.name())));
        }
        return Ok(text.into_owned());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && !text.contains('\0') {
            return Ok(text.into_owned());
        }
    }
    if let Some(err) = not_text(bytes) {
        return Err(err);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// UTF-16 without a byte-order mark: in the first 512 bytes, the high byte
/// of most characters is 0 (a program or contacts file is mostly ASCII: property
/// names, times, e-mail addresses, digits, commas) and the low byte next to never is.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(512)];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // Two in three characters ASCII or Latin-1; the other byte is 0 only
    // for the odd character such as 一 (U+4E00).
    if odd * 3 >= pairs * 2 && even * 10 <= pairs {
        Some(UTF_16LE)
    } else if even * 3 >= pairs * 2 && odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes, or many control characters, in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_control(b)).count();
    controls * 20 > head.len().max(1)
}

fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)
}

/// Why `bytes` are not text Hallway can read, if they are not: UTF-16
/// without its byte-order mark (every other byte NUL), or binary data,
/// with the line where it starts.
pub fn not_text(bytes: &[u8]) -> Option<ReadError> {
    if !looks_binary(bytes) {
        return None;
    }
    let head = &bytes[..bytes.len().min(512)];
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    if half >= 8
        && (zeros_at(0) * 10 >= half * 9 || zeros_at(1) * 10 >= half * 9)
        && (zeros_at(0) + zeros_at(1)) * 10 < head.len() * 6
    {
        return Some(ReadError::new(
            "this is UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM) and import it again",
        ));
    }
    let scanned = &bytes[..bytes.len().min(8192)];
    let first = scanned.iter().position(|&b| b == 0).or_else(|| scanned.iter().position(|&b| is_control(b)));
    let line = 1 + first.map_or(0, |at| scanned[..at].iter().filter(|&&b| b == b'\n').count());
    Some(ReadError::at_line(line, "this is not a text file (it contains binary data)"))
}

/// Files of another kind that people pick by mistake, by their magic bytes.
pub fn other_kind(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "a zip archive (or an Excel or Word file)"),
        (b"PK\x05\x06", "an empty zip archive"),
        (b"%PDF", "a PDF"),
        (b"\xD0\xCF\x11\xE0", "an old Excel, Word or Outlook file"),
        (b"\x89PNG", "an image (PNG)"),
        (b"\xFF\xD8\xFF", "an image (JPEG)"),
        (b"GIF8", "an image (GIF)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"SQLite format 3\0", "an SQLite database"),
    ];
    KINDS.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

fn invalid_utf8(bytes: &[u8], err: std::str::Utf8Error) -> ReadError {
    let line = 1 + bytes[..err.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
    ReadError::at_line(line, "the file says it is UTF-8 but this line is not valid UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_utf8_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(), "café");
        assert_eq!(decode(b"caf\xE9;S\xE1nchez").unwrap(), "café;Sánchez");
        assert_eq!(decode("\u{FEFF}x".as_bytes()).unwrap(), "x");
    }

    #[test]
    fn utf16_without_a_bom_is_read_either_way_round() {
        let text = "Title,Start\r\nMyéloma,2026-12-05 08:30\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
    }

    #[test]
    fn utf16_either_way_round() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Sé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Sé".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "Sé");
        assert_eq!(decode(&be).unwrap(), "Sé");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(decode(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, b'a']).is_err());
    }

    #[test]
    fn bad_utf8_after_a_bom_names_the_line() {
        let err = decode(b"\xEF\xBB\xBFok\nok\nbad \xC3(\n").unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}
