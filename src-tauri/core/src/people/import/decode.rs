//! A contacts file's bytes as text. The program readers' decoder does it
//! (a byte-order mark, UTF-16 with or without one, UTF-8, Windows-1252,
//! binary refused); a vCard also needs to know whether the file's encoding
//! was stated for the whole file (a byte-order mark, UTF-16): only then do
//! its values' CHARSET parameters no longer describe the bytes.

use super::ReadError;
use crate::program::import::text;
use encoding_rs::Encoding;

/// The file as text.
pub(super) struct Decoded {
    pub text: String,
    /// The encoding was stated for the whole file, so `text` holds every
    /// value already decoded.
    pub whole_file: bool,
}

/// `bytes` as text, or why they are not text Hallway can read.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    let whole_file = Encoding::for_bom(bytes).is_some() || text::utf16_without_bom(bytes).is_some();
    Ok(Decoded { text: text::decode(bytes)?, whole_file })
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
        assert!(text::utf16_without_bom(&utf16(text, false)[1..]).is_none());
        assert!(text::utf16_without_bom(&[0; 64]).is_none());
    }

    #[test]
    fn only_a_bom_states_the_encoding_of_the_whole_file() {
        assert!(!decode(b"FN:J\xf6rg").unwrap().whole_file);
        assert!(!decode("FN:Jörg".as_bytes()).unwrap().whole_file);
        assert!(decode("\u{FEFF}FN:Jörg".as_bytes()).unwrap().whole_file);
    }
}
