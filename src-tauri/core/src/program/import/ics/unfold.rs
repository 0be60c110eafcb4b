//! Bytes to logical lines, before any parser sees them. iCalendar folds long
//! lines by inserting a line break and one space or tab, and producers fold
//! at octet positions, sometimes inside a UTF-8 character. Unfolding on the
//! decoded text would meet half a character; the `ical` crate stops at such a
//! fold without saying why. So lines are unfolded here, at the byte level,
//! first; only then is the text decoded (`text::decode`: BOM, UTF-8, or
//! Windows-1252). Each logical line keeps the 1-based number of the physical
//! line it started on, so that messages point into the file as the user sees
//! it. Blank lines are dropped wherever they are, and a continuation after a
//! blank line still continues (a Mozilla quirk).

use crate::program::import::item::ReadError;
use crate::program::import::text;

/// The logical lines of a file, unfolded and decoded.
#[derive(Debug)]
pub(super) struct Lines {
    text: String,
    /// `numbers[i]`: the physical line the `i`-th logical line starts on.
    numbers: Vec<usize>,
}

impl Lines {
    /// `(line number, logical line)` pairs, in file order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, &str)> {
        self.numbers.iter().copied().zip(self.text.split('\n'))
    }
}

/// Unfolds `bytes` and decodes the result.
pub(super) fn unfold_and_decode(bytes: &[u8]) -> Result<Lines, ReadError> {
    // UTF-16 cannot be unfolded byte-wise; re-encode it first (the caller
    // usually has already).
    let utf8;
    let bytes = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        utf8 = text::decode(bytes)?;
        utf8.as_bytes()
    } else {
        bytes
    };
    let (unfolded, numbers) = unfold(bytes);
    let text = text::decode(&unfolded).map_err(|mut err| {
        // `decode` counts lines of the unfolded text; point at the file's.
        err.line = err.line.and_then(|l| numbers.get(l.saturating_sub(1)).copied());
        err
    })?;
    if numbers.is_empty() {
        return Err(ReadError::new("the file is empty"));
    }
    Ok(Lines { text, numbers })
}

/// Joins folded lines. Returns the logical lines separated by `\n` and, for
/// each, the physical line it starts on.
fn unfold(bytes: &[u8]) -> (Vec<u8>, Vec<usize>) {
    // Old Mac files end lines with CR alone.
    let separator = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
    let mut out = Vec::with_capacity(bytes.len());
    let mut numbers = Vec::new();
    for (index, raw) in bytes.split(|&b| b == separator).enumerate() {
        let mut line = raw;
        // CRLF, and the stray CR of "\r\r\n" that some exporters write.
        while let [rest @ .., b'\r'] = line {
            line = rest;
        }
        match line.first() {
            None => continue,
            Some(b' ' | b'\t') if !numbers.is_empty() => out.extend_from_slice(&line[1..]),
            Some(_) => {
                if !numbers.is_empty() {
                    out.push(b'\n');
                }
                out.extend_from_slice(line);
                numbers.push(index + 1);
            }
        }
    }
    (out, numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(usize, String)> {
        unfold_and_decode(bytes).unwrap().iter().map(|(n, l)| (n, l.to_owned())).collect()
    }

    #[test]
    fn folds_inside_a_utf8_character_are_joined_before_decoding() {
        // "Sánchez": á is C3 A1; the fold falls between the two bytes.
        let got = lines(b"BEGIN:VEVENT\r\nSUMMARY:S\xC3\r\n \xA1nchez\r\nEND:VEVENT\r\n");
        assert_eq!(got, vec![(1, "BEGIN:VEVENT".into()), (2, "SUMMARY:Sánchez".into()), (4, "END:VEVENT".into())]);
    }

    #[test]
    fn lf_tabs_blank_lines_and_stray_cr() {
        let got = lines(b"A:1\n\tb\n\nB:2\r\r\nC\n\n :3\n");
        assert_eq!(got, vec![(1, "A:1b".into()), (4, "B:2".into()), (5, "C:3".into())]);
    }

    #[test]
    fn only_the_first_space_of_a_continuation_is_removed() {
        assert_eq!(lines(b"CN=Sahaja\r\n  Lal\r\n"), vec![(1, "CN=Sahaja Lal".into())]);
    }

    #[test]
    fn cr_only_files_and_empty_input() {
        assert_eq!(lines(b"A:1\r B\rC:2"), vec![(1, "A:1B".into()), (3, "C:2".into())]);
        assert!(unfold_and_decode(b"\r\n\r\n").is_err());
    }

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(lines(b"\xEF\xBB\xBFA:\xC3\xA9"), vec![(1, "A:é".into())]);
        assert_eq!(lines(b"A:M\xFCller"), vec![(1, "A:Müller".into())]);
    }

    #[test]
    fn bad_utf8_after_a_bom_names_the_physical_line() {
        let err = unfold_and_decode(b"\xEF\xBB\xBFA:1\n b\n c\nB:\xC3(\n").unwrap_err();
        assert_eq!(err.line, Some(4));
    }
}
