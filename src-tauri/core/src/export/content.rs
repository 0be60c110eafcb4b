//! Content lines, the layer both iCalendar (RFC 5545 §3.1) and vCard 3.0
//! (RFC 2425 §5.8.1) files are made of: `NAME;PARAM=value:value`, CRLF after
//! each, folded so no physical line exceeds 75 octets.
//!
//! Why not the `ical` crate's generator (already a dependency, and still the
//! reader we test against): in ical 0.11 `generator::split_line` folds every
//! 75 *characters*, not octets, so a DESCRIPTION with "Ødegård" or "李伟"
//! gives physical lines of up to 300 octets (measured: 100 octets for a line
//! of mixed Norwegian, Spanish and Chinese names), and `Emitter for Property`
//! writes values verbatim, without TEXT escaping. `icalendar` 0.17.17, the
//! usual alternative, escapes and folds on octets but is off by one: when the
//! rest of a line after a fold is exactly 75 octets it writes a 76-octet
//! continuation line (measured with 70 × "李"). `ical_vcard` 0.5 is a
//! content-line writer and nothing more, with no dependencies; it folds at 75
//! octets on character boundaries, ends every line with CRLF, quotes and
//! escapes parameter values (RFC 6868), and is property-tested. Escaping TEXT
//! values is not its job (it cannot know a value's type), so [`text`] does
//! that here, in a few tested lines.

use ical_vcard::{Contentline, Writer};

/// A file being written, one content line at a time.
pub(crate) struct Lines {
    writer: Writer<Vec<u8>>,
}

impl Lines {
    pub(crate) fn new() -> Self {
        Lines { writer: Writer::new(Vec::with_capacity(4096)) }
    }

    pub(crate) fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub(crate) fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    /// A TEXT property, escaped; nothing when the value is blank.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        if !value.trim().is_empty() {
            self.put(Contentline::new(name, text(value)));
        }
    }

    /// A structured TEXT property (vCard N, ORG): each component escaped,
    /// joined by unescaped semicolons.
    pub(crate) fn structured(&mut self, name: &str, parts: &[&str]) {
        let joined = parts.iter().map(|p| text(p)).collect::<Vec<_>>().join(";");
        self.put(Contentline::new(name, joined));
    }

    /// A value that is not TEXT (a date, an integer, a URI, a UID), written
    /// as it is once control characters are dropped.
    pub(crate) fn raw(&mut self, name: &str, value: &str) {
        self.put(Contentline::new(name, raw(value)));
    }

    /// Like [`Lines::raw`], with parameters (`VALUE=DATE`, `TYPE=INTERNET,PREF`).
    pub(crate) fn raw_with(&mut self, name: &str, params: &[(&str, &[&str])], value: &str) {
        let line = params.iter().fold(Contentline::new(name, raw(value)), |line, (param, values)| {
            line.add_param(param, values.iter().map(|v| raw(v)))
        });
        self.put(line);
    }

    fn put(&mut self, line: Contentline) {
        self.writer.write(&line).expect("writing to memory cannot fail");
    }

    pub(crate) fn finish(self) -> String {
        String::from_utf8(self.writer.into_inner()).expect("content lines are written from UTF-8 strings")
    }
}

/// RFC 5545 §3.3.11 TEXT (and RFC 2426 §4 text, which is the same): backslash,
/// semicolon and comma get a backslash, every line break becomes `\n`. Other
/// control characters (a stray form feed from a PDF program) are dropped, as
/// TEXT may not hold them. Leading blanks carry no meaning and would make
/// the folding writer start a continuation line with two blanks.
pub(crate) fn text(value: &str) -> String {
    let value = value.trim_start();
    let mut out = String::with_capacity(value.len() + 16);
    // Every character to escape or drop is ASCII or a C1 control (U+0080 to
    // U+009F, bytes C2 80..C2 9F): bytes of other characters never match, so
    // the text is copied in runs between them.
    let bytes = value.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        if !SPECIAL[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let (replacement, width) = match bytes[i] {
            b'\\' => ("\\\\", 1),
            b';' => ("\\;", 1),
            b',' => ("\\,", 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => ("\\n", 2),
            b'\r' | b'\n' => ("\\n", 1),
            b'\t' => {
                i += 1;
                continue;
            }
            0xc2 if !bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => {
                i += 1;
                continue;
            }
            0xc2 => ("", 2),
            _ => ("", 1),
        };
        out.push_str(&value[run..i]);
        out.push_str(replacement);
        i += width;
        run = i;
    }
    out.push_str(&value[run..]);
    out
}

/// The bytes [`text`] looks at: backslash, semicolon, comma, ASCII controls and 0xC2 (the
/// first byte of C1 controls). A table keeps the scan of long descriptions
/// to a load and a branch per byte.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7f] = true;
    table[b'\\' as usize] = true;
    table[b';' as usize] = true;
    table[b',' as usize] = true;
    table[0xc2] = true;
    table
};

/// A non-TEXT value with control characters dropped and no leading blanks.
fn raw(value: &str) -> String {
    let value = value.trim_start();
    if value.chars().any(char::is_control) {
        value.chars().filter(|c| !c.is_control()).collect()
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_the_four_specials_and_normalises_line_breaks() {
        assert_eq!(text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(text("one\r\ntwo\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("  tab\there\u{c}"), "tab\there");
        assert_eq!(text("Ødegård: 李伟"), "Ødegård: 李伟");
        assert_eq!(text("a\u{85}b\u{9f}c\u{a0}d\u{7f}é"), "abc\u{a0}dé");
        assert_eq!(text("end\r"), r"end\n");
    }

    #[test]
    fn lines_end_with_crlf_and_fold_within_75_octets_on_char_boundaries() {
        for filler in ["a", "ø", "李", "😀", "a李", "ab李"] {
            for n in 1..200 {
                let value: String = filler.repeat(n).chars().take(n).collect();
                let mut lines = Lines::new();
                lines.text("DESCRIPTION", &value);
                let out = lines.finish();
                assert!(out.ends_with("\r\n"));
                for physical in out.split("\r\n") {
                    assert!(physical.len() <= 75, "{} octets for {n} × {filler:?}", physical.len());
                }
                assert_eq!(out.replace("\r\n ", ""), format!("DESCRIPTION:{value}\r\n"));
            }
        }
    }

    /// TEXT as a reader gets it back: unescaped.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("dangling backslash in {value:?}"),
                },
                (c, false) => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn any_text_folds_within_75_octets_and_reads_back(value in "\\PC{0,300}|[a-zø李😀\\\\;,\r\n\t\u{85} ]{0,300}") {
            let mut lines = Lines::new();
            lines.text("DESCRIPTION", &value);
            let out = lines.finish();
            for physical in out.split("\r\n") {
                proptest::prop_assert!(physical.len() <= 75);
            }
            let expected: String = value
                .trim_start()
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
                .collect();
            let unfolded = out.replace("\r\n ", "");
            let read = unfolded.strip_prefix("DESCRIPTION:").map(|v| v.trim_end_matches("\r\n")).unwrap_or("");
            proptest::prop_assert_eq!(unescape(read), expected);
        }
    }

    #[test]
    fn structured_values_escape_each_component() {
        let mut lines = Lines::new();
        lines.structured("N", &["Sánchez; Ruiz", "Ana", "", "Dr", "MD, PhD"]);
        lines.raw_with("EMAIL", &[("TYPE", &["INTERNET", "PREF"])], "ana@example.org");
        assert_eq!(
            lines.finish(),
            "N:Sánchez\\; Ruiz;Ana;;Dr;MD\\, PhD\r\nEMAIL;TYPE=INTERNET,PREF:ana@example.org\r\n"
        );
    }
}
