//! From a vCard file's physical lines to its cards, each a list of whole
//! property lines with the line they start on. Three kinds of continuation
//! are joined here, since exporters mix them: RFC folding (a line starting
//! with a space or tab), vCard 2.1 quoted-printable soft breaks (a value line
//! ending in `=` continues on the next line, which does not start with a
//! space: the `ical` crate cannot read these), and vCard 2.1 base64 blocks
//! that run until a blank line. Photos and other binary blobs are skipped as
//! they stream past rather than collected, however large they are. The text
//! is the file's bytes one char per byte ([`super::charset::view`]): values
//! are decoded later, each in its own charset.

use crate::program::import::ReadError;

/// One property line, unfolded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Logical {
    /// 1-based line where the property starts.
    pub line: usize,
    pub text: String,
}

/// One BEGIN:VCARD … END:VCARD.
#[derive(Debug, Default)]
pub(super) struct Card {
    /// Line of BEGIN:VCARD.
    pub line: usize,
    pub properties: Vec<Logical>,
}

/// A UTF-8 byte-order mark as it looks in a view of the bytes.
const BOM: &str = "\u{EF}\u{BB}\u{BF}";

/// Properties that only hold pictures, sounds and keys.
const BLOBS: &[&str] = &["PHOTO", "LOGO", "SOUND", "KEY", "X-MS-CARDPICTURE"];

enum State {
    /// Between properties.
    Idle,
    /// A property is being read; `quoted_printable` when its value may
    /// continue after a soft break.
    Reading { property: Logical, quoted_printable: bool },
    /// A blob's lines are passing by.
    Skipping,
}

/// The head of a property line (`item1.EMAIL;TYPE=work`), before the first
/// colon outside double quotes; `None` without a colon.
pub(super) fn head(text: &str) -> Option<&str> {
    let mut quoted = false;
    for (i, ch) in text.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(&text[..i]),
            _ => {}
        }
    }
    None
}

/// What a head says about the lines after it: (blob, quoted-printable).
fn kind(head: &str) -> (bool, bool) {
    let mut parts = head.split(';');
    let name = parts.next().unwrap_or_default();
    let name = name.rsplit('.').next().unwrap_or_default().trim();
    let mut blob = BLOBS.iter().any(|b| b.eq_ignore_ascii_case(name));
    let mut quoted_printable = false;
    for param in parts {
        let value = param.split_once('=').map_or(param, |(_, v)| v).trim().trim_matches('"');
        blob |= value.eq_ignore_ascii_case("b") || value.eq_ignore_ascii_case("base64");
        quoted_printable |= value.eq_ignore_ascii_case("quoted-printable");
    }
    (blob, quoted_printable)
}

fn is_marker(line: &str, marker: &str) -> bool {
    line.trim().eq_ignore_ascii_case(marker)
}

/// Builds cards from the finished property lines.
#[derive(Default)]
struct Cards {
    done: Vec<Card>,
    open: Option<Card>,
    /// Depth of vCard 2.1 AGENT cards nested in the open one (ignored).
    nested: usize,
}

impl Cards {
    fn add(&mut self, property: Logical) -> Result<(), ReadError> {
        if is_marker(&property.text, "BEGIN:VCARD") {
            match &self.open {
                None => self.open = Some(Card { line: property.line, properties: Vec::new() }),
                Some(card) if card.properties.last().is_some_and(|p| is_marker(&p.text, "AGENT:")) => self.nested += 1,
                Some(card) => {
                    let message =
                        format!("BEGIN:VCARD at line {} is never closed (another card begins here)", card.line);
                    return Err(ReadError::at_line(property.line, message));
                }
            }
        } else if is_marker(&property.text, "END:VCARD") {
            if self.nested > 0 {
                self.nested -= 1;
            } else if let Some(card) = self.open.take() {
                self.done.push(card);
            }
        } else if let (Some(card), 0) = (&mut self.open, self.nested) {
            card.properties.push(property);
        }
        Ok(())
    }
}

/// Every card in `text`, or where the file is broken.
pub(super) fn cards(text: &str) -> Result<Vec<Card>, ReadError> {
    let mut cards = Cards::default();
    let mut state = State::Idle;
    let mut last_line = 1;
    // Old Mac files end lines with CR alone.
    let separator = if text.contains('\n') { '\n' } else { '\r' };
    for (index, raw) in text.split(separator).enumerate() {
        let number = index + 1;
        // A BOM may start any line when files were joined with `cat`.
        let raw = raw.strip_suffix('\r').unwrap_or(raw).trim_start_matches(BOM);
        if !raw.trim().is_empty() {
            last_line = number;
        }
        match &mut state {
            State::Reading { property, quoted_printable: true }
                if property.text.ends_with('=') && !is_marker(raw, "END:VCARD") && !is_marker(raw, "BEGIN:VCARD") =>
            {
                property.text.pop();
                property.text.push_str(raw);
                continue;
            }
            State::Reading { property, .. } if raw.starts_with([' ', '\t']) => {
                property.text.push_str(&raw[1..]);
                continue;
            }
            State::Skipping if raw.starts_with([' ', '\t']) => continue,
            // vCard 2.1 base64 lines need not be indented; they never hold a colon.
            State::Skipping if !raw.trim().is_empty() && !raw.contains(':') => continue,
            _ => {}
        }
        if let State::Reading { property, .. } = std::mem::replace(&mut state, State::Idle) {
            cards.add(property)?;
        }
        if raw.trim().is_empty() {
            continue;
        }
        state = match head(raw).map(kind) {
            Some((true, _)) => State::Skipping,
            Some((false, quoted_printable)) => {
                State::Reading { property: Logical { line: number, text: raw.to_owned() }, quoted_printable }
            }
            // Not a property: a broken fold or junk between cards.
            None => State::Idle,
        };
    }
    if let State::Reading { property, .. } = state {
        cards.add(property)?;
    }
    if let Some(card) = cards.open {
        return Err(ReadError::at_line(last_line, format!("BEGIN:VCARD at line {} is never closed", card.line)));
    }
    Ok(cards.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(card: &Card) -> Vec<&str> {
        card.properties.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn folds_soft_breaks_and_blobs() {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:one=\r\ntwo=0D=0A=\r\nthree\r\n\
                    PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n /9j/4AAQ\r\n SkZJRg==\r\n\r\nFN:Ana\r\n  S\u{e1}nchez\r\n\
                    X-PIC;ENCODING=b:AAAA\r\nQUJD\r\nEMAIL:a@b.org\r\nEND:VCARD\r\n";
        let cards = cards(text).unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(
            texts(&cards[0]),
            vec![
                "VERSION:2.1",
                "NOTE;ENCODING=QUOTED-PRINTABLE:onetwo=0D=0Athree",
                "FN:Ana S\u{e1}nchez",
                "EMAIL:a@b.org"
            ]
        );
        assert_eq!(cards[0].properties[2].line, 10);
    }

    #[test]
    fn a_soft_break_does_not_swallow_the_end_of_a_card() {
        let cards = cards("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:x=\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n").unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(texts(&cards[0]), vec!["NOTE;QUOTED-PRINTABLE:x="]);
    }

    #[test]
    fn unclosed_cards_name_both_lines() {
        let err = cards("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEMAIL:b@x.org\n\n").unwrap_err();
        assert_eq!((err.line, err.message.as_str()), (Some(6), "BEGIN:VCARD at line 4 is never closed"));
        let err = cards("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.starts_with("BEGIN:VCARD at line 1 is never closed"), "{}", err.message);
    }

    #[test]
    fn agent_cards_inside_a_card_are_passed_over() {
        let text = "BEGIN:VCARD\nFN:A\nAGENT:\nBEGIN:VCARD\nFN:Agent\nEND:VCARD\nEMAIL:a@x.org\nEND:VCARD\n";
        let cards = cards(text).unwrap();
        assert_eq!(texts(&cards[0]), vec!["FN:A", "AGENT:", "EMAIL:a@x.org"]);
    }
}
