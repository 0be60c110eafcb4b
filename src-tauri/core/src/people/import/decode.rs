//! A contacts file's bytes as text. The program readers' decoder does most
//! of it (a byte-order mark, UTF-8, Windows-1252, binary refused); two things
//! are added for contacts. Windows' address book and some Android exports
//! write UTF-16 without a byte-order mark, which that decoder recognises but
//! refuses: here it is read, either way round. And a vCard needs to know
//! whether the file's encoding was stated for the whole file (a byte-order
//! mark, UTF-16): only then do its values' CHARSET parameters no longer
//! describe the bytes.

use super::ReadError;
use crate::program::import::text;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// The file as text.
pub(super) struct Decoded {
    pub text: String,
    /// The encoding was stated for the whole file, so `text` holds every
    /// value already decoded.
    pub whole_file: bool,
}

/// `bytes` as text, or why they are not text Hallway can read.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && !text.contains('\0') {
            return Ok(Decoded { text: text.into_owned(), whole_file: true });
        }
    }
    let whole_file = Encoding::for_bom(bytes).is_some();
    Ok(Decoded { text: text::decode(bytes)?, whole_file })
}

/// UTF-16 without a byte-order mark: in the first 512 bytes, the high byte
/// of most characters is 0 (a contacts file is mostly ASCII: property names,
/// e-mail addresses, digits, commas) and the low byte next to never is.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    }

    #[test]
    fn utf16_without_a_bom_either_way_round() {
        let text = "BEGIN:VCARD\r\nFN:安藤 一 Jörg\r\nEND:VCARD\r\n";
        for big_endian in [false, true] {
            let decoded = decode(&utf16(text, big_endian)).unwrap();
            assert_eq!(decoded.text, text);
            assert!(decoded.whole_file);
        }
        // Not UTF-16: odd length, or NULs on both sides.
        assert!(utf16_without_bom(&utf16(text, false)[1..]).is_none());
        assert!(utf16_without_bom(&[0; 64]).is_none());
    }

    #[test]
    fn only_a_bom_states_the_encoding_of_the_whole_file() {
        assert!(!decode(b"FN:J\xf6rg").unwrap().whole_file);
        assert!(!decode("FN:Jörg".as_bytes()).unwrap().whole_file);
        assert!(decode("\u{FEFF}FN:Jörg".as_bytes()).unwrap().whole_file);
    }
}
