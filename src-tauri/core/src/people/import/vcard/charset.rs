//! Each vCard value in its own character set. Old phones and Outlook write
//! `N;CHARSET=SHIFT_JIS:…` or `CHARSET=windows-1251` on one value while the
//! rest of the file is ASCII or UTF-8, so the file cannot be decoded as a
//! whole before it is taken apart: in Shift_JIS the byte 0x5C is half of a
//! character, not the backslash of an escape. The reader therefore sees the
//! file one char per byte ([`view`]: Latin-1, which maps every byte to the
//! char of the same number and back), finds lines, names and parameters in
//! that view (they are ASCII), and decodes each value's own bytes here,
//! before anything unescapes or splits it.

use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// What the bytes of values that are not quoted-printable are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::people::import) enum Values {
    /// The file's own bytes: each value in the CHARSET it declares.
    AsDeclared,
    /// UTF-8: the file's byte-order mark named its encoding for every
    /// value, and the text was decoded by it; a CHARSET left from before the
    /// file was converted no longer describes the bytes.
    Utf8,
}

/// `bytes`, one char per byte.
pub(super) fn view(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The bytes a piece of a [`view`] stands for.
pub(super) fn bytes(view: &str) -> Vec<u8> {
    // Every char of a view is below 256; anything else cannot occur.
    view.chars().map(|c| u8::try_from(c).unwrap_or(b'?')).collect()
}

/// A value's bytes as text. A declared `charset` is used unless the bytes
/// are also valid UTF-8 with some non-ASCII in them: a file re-saved as
/// UTF-8 keeps its old CHARSET, while text really in Shift_JIS, Windows-1251
/// or Latin-1 is next to never valid UTF-8.
pub(super) fn decode_raw(bytes: &[u8], charset: Option<&str>, values: Values) -> String {
    match (values, std::str::from_utf8(bytes)) {
        (Values::Utf8, _) => decode(bytes, None),
        (Values::AsDeclared, Ok(text)) if !text.is_ascii() => text.to_owned(),
        (Values::AsDeclared, _) => decode(bytes, charset),
    }
}

/// `bytes` in `charset` (a CHARSET label such as `SHIFT_JIS`); without a
/// usable one, UTF-8 when they are UTF-8, else Windows-1252.
pub(super) fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    match charset.and_then(|label| Encoding::for_label(label.trim().as_bytes())).filter(|e| usable(e)) {
        Some(encoding) if encoding != UTF_8 => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        },
    }
}

/// UTF-16 cannot be the charset of a value inside an 8-bit file, and the
/// replacement encoding (labels of unsafe charsets) decodes nothing.
fn usable(encoding: &'static Encoding) -> bool {
    ![UTF_16LE, UTF_16BE, REPLACEMENT].contains(&encoding)
}

/// `=C3=A1`-style escapes as the bytes they stand for; a malformed escape
/// is kept as written.
pub(super) fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match (text[i], text.get(i + 1).copied().and_then(hex), text.get(i + 2).copied().and_then(hex)) {
            (b'=', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_gives_back_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(bytes(&view(&all)), all);
    }

    #[test]
    fn declared_charsets_and_utf8_that_outlived_one() {
        let shift_jis = b"\x88\xc0\x93\xa1\x83\x8d\x83\x43\x83\x68\x33";
        assert_eq!(decode_raw(shift_jis, Some("SHIFT_JIS"), Values::AsDeclared), "安藤ロイド3");
        let cyrillic = b"\xc2\xb3\xf2\xe0\xeb\xb3\xe9";
        assert_eq!(decode_raw(cyrillic, Some("windows-1251"), Values::AsDeclared), "Віталій");
        assert_eq!(decode_raw("Віталій".as_bytes(), Some("windows-1251"), Values::AsDeclared), "Віталій");
        assert_eq!(decode_raw(b"J\xf6rg", None, Values::AsDeclared), "Jörg", "no charset, not UTF-8");
        assert_eq!(decode_raw(b"J\xf6rg", Some("x-unknown"), Values::AsDeclared), "Jörg");
        assert_eq!(decode_raw(b"J\xf6rg", Some("UTF-16"), Values::AsDeclared), "Jörg");
        assert_eq!(decode_raw("Jörg".as_bytes(), Some("windows-1251"), Values::Utf8), "Jörg");
    }
}
