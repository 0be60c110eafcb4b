//! The user's card as a QR code, drawn as SVG for the screen: a colleague
//! points a phone camera at it and gets the contact. The UI shows it as an
//! `<img>` with a `data:` URL, so this is plain text with no image crate.

use crate::{CoreError, FieldProblem, Result};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode, Version};

/// The largest symbol phones read reliably off another screen at arm's
/// length (117 × 117 modules); beyond it the modules get too small.
const MAX_VERSION: i16 = 25;

/// `text` as a QR code: black modules on white with the standard four-module
/// quiet zone, error correction M (15%, for glare on a screen).
pub fn qr_svg(text: &str) -> Result<String> {
    let too_long = || {
        CoreError::Invalid(vec![FieldProblem::new(
            "my_card",
            format!(
                "Your card is {} bytes, too long for a QR code a phone can read off a screen; \
                 shorten or leave out a field (the institution, the position or a link).",
                text.len()
            ),
        )])
    };
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| too_long())?;
    match code.version() {
        Version::Normal(v) if v <= MAX_VERSION => {}
        _ => return Err(too_long()),
    }
    Ok(code
        .render::<svg::Color>()
        .quiet_zone(true)
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_becomes_an_svg_and_an_overlong_one_a_clear_error() {
        let svg = qr_svg("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kari Ødegård\r\nEND:VCARD\r\n").unwrap();
        assert!(svg.contains("<svg") && svg.contains(r##"fill="#ffffff""##) && svg.contains(r##"fill="#000000""##));
        let err = qr_svg(&"x".repeat(1500)).unwrap_err();
        assert!(err.to_string().contains("1500 bytes"), "{err}");
        let err = qr_svg(&"x".repeat(5000)).unwrap_err();
        assert!(matches!(err, CoreError::Invalid(_)));
    }
}
