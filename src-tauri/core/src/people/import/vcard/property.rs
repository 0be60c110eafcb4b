//! One vCard property line taken apart: `item1.EMAIL;TYPE=INTERNET,pref:ana@x.org`
//! becomes the name EMAIL, its parameters and its value. vCard 2.1 writes
//! parameters bare (`TEL;CELL;PREF`), 3.0 as `TYPE=cell,pref`, 4.0 adds
//! `PREF=1`; all three are understood. The line comes as a [`charset::view`]
//! of the file's bytes; each value is decoded from quoted-printable and its
//! CHARSET here ([`charset`]) before text values are split and unescaped
//! (`\,` `\;` `\n`), so an escape is only ever found in decoded text.

use super::charset::{self, Values};
use super::lines::{head, Logical};

/// A property of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Property {
    pub line: usize,
    /// Upper case, without any `item1.` group.
    pub name: String,
    /// (upper-case name, value without quotes); bare 2.1 parameters are TYPE.
    pub params: Vec<(String, String)>,
    /// Quoted-printable decoded; still escaped.
    pub value: String,
}

impl Property {
    pub fn parse(logical: &Logical, values: Values) -> Option<Property> {
        let head = head(&logical.text)?;
        let raw_value = charset::bytes(&logical.text[head.len() + 1..]);
        let mut parts = split_unquoted(head, ';').into_iter();
        let name = parts.next()?.rsplit('.').next()?.trim().to_ascii_uppercase();
        let text = |view: &str| charset::decode(&charset::bytes(view.trim().trim_matches('"')), None);
        let params: Vec<(String, String)> = parts
            .filter(|p| !p.trim().is_empty())
            .map(|p| match p.split_once('=') {
                Some((key, value)) => (key.trim().to_ascii_uppercase(), text(value)),
                None => ("TYPE".to_owned(), text(p)),
            })
            .collect();
        let mut property = Property { line: logical.line, name, params, value: String::new() };
        let declared = property.param("CHARSET").next().map(str::to_owned);
        property.value = if property.param("ENCODING").any(|e| e.eq_ignore_ascii_case("quoted-printable"))
            || property.has_type("quoted-printable")
        {
            // Quoted-printable bytes are in the declared charset whatever
            // the file was converted to since: the escapes are ASCII.
            charset::decode(&charset::quoted_printable(&raw_value), declared.as_deref())
        } else {
            charset::decode_raw(&raw_value, declared.as_deref(), values)
        };
        Some(property)
    }

    /// Every value of parameter `key` (comma lists split).
    pub fn param<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.params.iter().filter(move |(k, _)| k == key).flat_map(|(_, v)| v.split(',')).map(str::trim)
    }

    /// TYPE includes `kind` (case ignored).
    pub fn has_type(&self, kind: &str) -> bool {
        self.param("TYPE").any(|t| t.eq_ignore_ascii_case(kind))
    }

    /// The preference rank: PREF=n (4.0), or 1 for TYPE=pref (2.1, 3.0);
    /// unpreferred values rank after every preferred one.
    pub fn preference(&self) -> u32 {
        match self.param("PREF").find_map(|p| p.parse::<u32>().ok()) {
            Some(rank) => rank,
            None if self.has_type("pref") => 1,
            None => u32::MAX,
        }
    }

    /// The value as plain text.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }

    /// A structured value's components (N, ADR, ORG), unescaped.
    pub fn components(&self) -> Vec<String> {
        split_escaped(&self.value, ';').into_iter().map(|c| unescape(&c)).collect()
    }

    /// A list value's items (CATEGORIES), unescaped.
    pub fn list(&self) -> Vec<String> {
        split_escaped(&self.value, ',').into_iter().map(|c| unescape(&c)).collect()
    }
}

/// The items of one component of a structured value ("Philip,Paul").
pub(super) fn items(component: &str) -> impl Iterator<Item = &str> {
    component.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            _ if ch == separator && !quoted => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Splits at `separator` where it is not escaped with a backslash; the parts
/// keep their escapes.
fn split_escaped(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        let current = parts.last_mut().expect("never empty");
        match ch {
            '\\' => {
                current.push('\\');
                current.extend(chars.next());
            }
            _ if ch == separator => parts.push(String::new()),
            _ => current.push(ch),
        }
    }
    parts
}

/// `\n` is a line break, `\,` `\;` `\:` `\\` the character; other
/// backslashes are kept as written.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        match chars.peek() {
            Some('n' | 'N') => out.push('\n'),
            Some(&c @ (',' | ';' | ':' | '\\')) => out.push(c),
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Property {
        let logical = Logical { line: 1, text: charset::view(text.as_bytes()) };
        Property::parse(&logical, Values::AsDeclared).unwrap()
    }

    fn parse_bytes(bytes: &[u8]) -> Property {
        Property::parse(&Logical { line: 1, text: charset::view(bytes) }, Values::AsDeclared).unwrap()
    }

    #[test]
    fn names_params_and_values() {
        let p = parse("item1.EMAIL;type=INTERNET;type=pref:ana@x.org");
        assert_eq!((p.name.as_str(), p.value.as_str(), p.preference()), ("EMAIL", "ana@x.org", 1));
        let p = parse("TEL;TYPE=\"HOME,VOICE\":1;2");
        assert!(p.has_type("voice"));
        assert_eq!(p.value, "1;2");
        let p = parse("TEL;CELL;VOICE:(010) 123-4560");
        assert!(p.has_type("CELL"));
        assert_eq!(p.preference(), u32::MAX);
        assert_eq!(parse("EMAIL;PREF=2:a@b.org").preference(), 2);
        assert_eq!(parse("URL:http://x.org/a:b").value, "http://x.org/a:b");
    }

    #[test]
    fn quoted_printable_in_its_charset() {
        let p = parse("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:S=C3=A1nchez;Ana;;Dr.;");
        assert_eq!(p.components(), vec!["Sánchez", "Ana", "", "Dr.", ""]);
        assert_eq!(parse("FN;QUOTED-PRINTABLE:J=F6rg").text(), "Jörg", "no charset, not UTF-8: Windows-1252");
        assert_eq!(parse_bytes(b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg \xc3\xa9").text(), "Jörg é");
        assert_eq!(parse("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F6rg").text(), "Jörg");
        assert_eq!(parse("NOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab=3D=ZZ").text(), "a\r\nb==ZZ");
    }

    #[test]
    fn escapes_and_structure() {
        let p = parse(r"ORG:ABC\, Inc.;North American Division");
        assert_eq!(p.components(), vec!["ABC, Inc.", "North American Division"]);
        assert_eq!(parse(r"NOTE:a\nb\\c\;d\x").text(), "a\nb\\c;d\\x");
        assert_eq!(parse(r"CATEGORIES:a\,b,c").list(), vec!["a,b", "c"]);
        assert_eq!(parse(r"N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.").components()[2], "Philip,Paul");
    }

    #[test]
    fn raw_values_are_decoded_in_their_charset_before_escapes_are_read() {
        // ソ is 0x83 0x5C in Shift_JIS: its second byte is not a backslash.
        let p = parse_bytes(b"N;CHARSET=SHIFT_JIS:\x88\xc0\x93\xa1;\x83\x5c\x83\x8d\x83\x43\x83\x68\x33;;;");
        assert_eq!(p.components(), vec!["安藤", "ソロイド3", "", "", ""]);
        let p = parse_bytes(b"FN;CHARSET=windows-1251:\xc2\xb3\xf2\xe0\xeb\xb3\xe9 \xca\xee\xe2\xe0\xeb\xfc");
        assert_eq!(p.text(), "Віталій Коваль");
        let p = parse_bytes(b"item1.X-SOCIALPROFILE;X-USER=J\xc3\xb6rg:x");
        assert_eq!(p.param("X-USER").next(), Some("Jörg"), "parameters too");
    }
}
