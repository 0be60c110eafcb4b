//! Which reader a file goes to, what is refused and how, and a bounded fuzz:
//! whatever the bytes, `read` answers and never panics.

use super::*;
use proptest::prelude::*;

fn message(bytes: &[u8]) -> String {
    read(bytes).unwrap_err().to_string()
}

#[test]
fn formats_are_recognised_from_the_content() {
    let vcard = read(b"\r\n\xEF\xBB\xBFbegin:vcard\r\nFN:Ana\r\nEND:VCARD\r\n").unwrap();
    assert_eq!((vcard.format, vcard.records[0].display_name.as_str()), (ContactFormat::Vcard, "Ana"));

    let linkedin = read(
        b"Notes:\n\"Some email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
          Ana,S\xC3\xA1nchez,,,,,01 Feb 2024\n",
    )
    .unwrap();
    assert_eq!(linkedin.format, ContactFormat::LinkedinCsv);
    assert_eq!(linkedin.records[0].display_name, "Ana Sánchez");

    let csv =
        read(b"First Name;Last Name;E-mail Address;Company;Job Title;Business Phone\nAna;S\xE1nchez;a@x.es;H;Dr;1\n")
            .unwrap();
    assert_eq!(csv.format, ContactFormat::Csv, "Outlook's columns are not LinkedIn's");
    assert_eq!(csv.records[0].display_name, "Ana Sánchez", "Windows-1252 read");
    assert_eq!(csv.records[0].emails, vec!["a@x.es"]);
}

#[test]
fn refusals_say_what_the_file_is() {
    assert_eq!(message(b""), "the file is empty");
    assert_eq!(message(b" \r\n\t\n"), "the file is empty");
    assert_eq!(message(b"\xEF\xBB\xBF\r\n"), "the file is empty");
    assert!(message(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("not a text file"));
    assert!(message(b"PK\x03\x04\x14\0\0\0").contains("unzip the export and choose Connections.csv"));
    assert!(message(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").contains("calendar"));
    assert!(message(b"{\"contacts\": []}").contains("JSON or XML"));
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(message(&big).contains("over 50 MB"), "{}", message(&big));
}

#[test]
fn a_csv_without_a_name_column_lists_its_headers() {
    let err = read(b"\nEmail,Phone,Company\nana@x.es,1,H\n").unwrap_err();
    assert_eq!(err.line, Some(2));
    assert!(err.message.starts_with("no column holds names"), "{}", err.message);
    assert!(err.message.ends_with("the headers found are \"Email\", \"Phone\", \"Company\""), "{}", err.message);

    // A quote never closed would make the rest of the file one cell: said
    // so, at the line where it opens.
    let text = format!("\"Email,{}", "ana@x.es,Hospital\n".repeat(5_000));
    let err = read(text.as_bytes()).unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(err.message.starts_with("a quoted cell opened on this line is never closed"), "{}", err.message);
}

#[test]
fn a_truncated_vcard_names_where_it_started() {
    let err = read(b"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEMAIL:b@x.org\n").unwrap_err();
    assert_eq!(err.to_string(), "line 6: BEGIN:VCARD at line 4 is never closed");
}

/// Starts each reader recognises.
const STARTS: &[&[u8]] = &[
    b"BEGIN:VCARD\r\n",
    b"N;ENCODING=QUOTED-PRINTABLE:",
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    b"Name;Email;Website;Tags\n",
    b"",
];

/// The characters and words the readers' syntax turns on.
const PIECES: &[&[u8]] = &[
    b"BEGIN:VCARD",
    b"END:VCARD",
    b"\r\n",
    b"\n",
    b" ",
    b"=",
    b"=C3=A1",
    b":",
    b";",
    b",",
    b"\"",
    b"\\",
    b"PHOTO;ENCODING=b:",
    b"FN:",
    b"N:",
    b"EMAIL;PREF=1:",
    b"https://www.linkedin.com/in/",
    b"@x.org",
    b"\xC3",
    "Sánchez".as_bytes(),
    "🌸".as_bytes(),
];

/// Bytes that reach deep into each reader: a start, then tricky pieces.
fn tricky() -> impl Strategy<Value = Vec<u8>> {
    (prop::sample::select(STARTS), prop::collection::vec(prop::sample::select(PIECES), 0..80))
        .prop_map(|(start, pieces)| [start].into_iter().chain(pieces).flatten().copied().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes);
    }

    #[test]
    fn tricky_text_never_panics_and_lines_stay_in_the_file(bytes in tricky()) {
        let lines = bytes.split(|&b| b == b'\n').count();
        match read(&bytes) {
            Ok(contacts) => {
                for line in contacts.records.iter().map(|r| r.line).chain(contacts.skipped.iter().map(|s| s.line)) {
                    prop_assert!((1..=lines).contains(&line), "line {} of {}", line, lines);
                }
            }
            Err(err) => prop_assert!(err.line.is_none_or(|line| (1..=lines).contains(&line)), "{}", err),
        }
    }
}
