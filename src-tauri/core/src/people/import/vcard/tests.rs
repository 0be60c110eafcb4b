//! Cards as the address books write them, and a round trip through
//! quoted-printable with soft breaks anywhere (files from Apple, Google and
//! Outlook are read in tests/people_import.rs).

use super::*;
use proptest::prelude::*;

fn read_text(text: &str) -> Result<(Vec<ContactRecord>, Vec<SkippedRecord>), ReadError> {
    read(text.as_bytes(), Values::AsDeclared)
}

fn one(text: &str) -> ContactRecord {
    let (mut records, skipped) = read_text(text).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(records.len(), 1);
    records.remove(0)
}

#[test]
fn emails_by_preference_and_grouped_properties() {
    let ana = one(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Sánchez\r\nN:Sánchez;Ana;;;\r\nitem1.EMAIL;type=INTERNET:ana@home.es\r\n\
         EMAIL;type=INTERNET;type=WORK;type=pref:Ana.Sanchez@Clinic.ES\r\nEMAIL;PREF=1:ana@home.es\r\n\
         item2.URL;type=pref:https://www.linkedin.com/in/ana-s/\r\nitem2.X-ABLABEL:_$!<HomePage>!$_\r\n\
         X-SOCIALPROFILE;type=twitter;x-user=AnaHeme:x-apple:anaheme\r\nEND:VCARD\r\n",
    );
    assert_eq!(ana.emails, vec!["Ana.Sanchez@clinic.es", "ana@home.es"]);
    assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-s"));
    assert_eq!(ana.x_handle.as_deref(), Some("AnaHeme"));
    assert_eq!(ana.line, 1);
}

#[test]
fn names_from_n_alone_and_credentials_off_fn() {
    let card = one("BEGIN:VCARD\nVERSION:3.0\nN:Ødegård;Kari;Anne;Prof.;MD,PhD\nEND:VCARD\n");
    assert_eq!(card.display_name, "Kari Anne Ødegård");
    assert_eq!(card.honorific.as_deref(), Some("Prof."));
    assert_eq!(card.credentials.as_deref(), Some("MD, PhD"));

    let card = one("BEGIN:VCARD\nVERSION:3.0\nFN:Prof. Kari Ødegård MD PhD\nN:Ødegård;Kari;;Prof.;MD,PhD\nEND:VCARD\n");
    assert_eq!(card.display_name, "Prof. Kari Ødegård");
    let card = one("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Sánchez\\, MD\\, PhD\nEND:VCARD\n");
    assert_eq!((card.display_name.as_str(), card.credentials.as_deref()), ("Ana Sánchez", Some("MD, PhD")));
    let card = one("BEGIN:VCARD\nVERSION:3.0\nFN:Müller\\, Jörg\nN:Müller;Jörg;;;\nEND:VCARD\n");
    assert_eq!(card.display_name, "Jörg Müller");
}

#[test]
fn generational_suffixes_stay_in_the_name_and_middle_names_are_kept() {
    let king =
        one("BEGIN:VCARD\nVERSION:3.0\nN:King;Martin Luther;;Dr.;Jr.\nFN:Dr. Martin Luther King Jr.\nEND:VCARD\n");
    assert_eq!(king.display_name, "Dr. Martin Luther King Jr.");
    assert_eq!((king.honorific.as_deref(), king.credentials.as_deref()), (Some("Dr."), None));
    let doe = one("BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;;;III\nEND:VCARD\n");
    assert_eq!((doe.display_name.as_str(), doe.credentials.as_deref()), ("John Doe III", None));
    let card = one("BEGIN:VCARD\nVERSION:4.0\nN:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.\nFN:John Stevenson Jr., M.D., A.C.P.\nEND:VCARD\n");
    assert_eq!(card.display_name, "John Stevenson Jr.");
    assert_eq!(card.middle_name.as_deref(), Some("Philip Paul"));
    assert_eq!(card.credentials.as_deref(), Some("M.D., A.C.P."));
}

#[test]
fn an_email_that_is_no_address_is_named_where_it_was_left_out() {
    let card = one("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEMAIL:ana(at)x.org\nEMAIL:ana@x.org\nEMAIL:\nEND:VCARD\n");
    assert_eq!(card.emails, vec!["ana@x.org"]);
    assert_eq!(card.left_out.len(), 1, "an empty EMAIL is no problem");
    assert_eq!(card.left_out[0].line, 4);
    assert_eq!(
        card.left_out[0].reason,
        "EMAIL “ana(at)x.org” is not an e-mail address; the card was imported without it"
    );
}

#[test]
fn cards_are_known_by_their_uid_or_else_their_content() {
    let text = "BEGIN:VCARD\nUID:a\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nUID:dup\nFN:Jo\nEND:VCARD\n\
                BEGIN:VCARD\nUID:dup\nFN:Kari\nEND:VCARD\nBEGIN:VCARD\nFN:Jo\nREV:1\nEND:VCARD\n\
                BEGIN:VCARD\nFN:Jo\nREV:2\nEND:VCARD\n";
    let (records, _) = read_text(text).unwrap();
    let sources: Vec<&str> = records.iter().map(|r| r.source.as_deref().unwrap()).collect();
    assert_eq!(sources[0], "uid:a");
    assert!(sources[1].starts_with("digest:") && sources[1] != sources[2], "a UID on two cards names neither");
    assert_eq!(sources[3], sources[4], "REV alone does not make another card");
    assert_ne!(sources[1], sources[3]);
}

#[test]
fn raw_values_in_a_declared_charset_beside_utf8() {
    let mut bytes =
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:\x95\x5c;\x83\x5c\x83\x6a\x83\x41;;;\r\n".to_vec();
    bytes.extend_from_slice("END:VCARD\r\nBEGIN:VCARD\r\nFN:Jörg Müller\r\nEND:VCARD\r\n".as_bytes());
    let (records, _) = read(&bytes, Values::AsDeclared).unwrap();
    assert_eq!(records[0].display_name, "ソニア 表");
    assert_eq!(records[1].display_name, "Jörg Müller");
    // A file whose byte-order mark named its encoding: CHARSET is stale.
    let text = "BEGIN:VCARD\nN;CHARSET=windows-1251:Коваль;Віталій;;;\nEND:VCARD\n";
    let (records, _) = read(text.as_bytes(), Values::Utf8).unwrap();
    assert_eq!(records[0].display_name, "Віталій Коваль");
}

#[test]
fn cards_without_name_or_email_are_skipped() {
    let (records, skipped) =
        read_text("BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555\nEND:VCARD\nBEGIN:VCARD\nEMAIL:x@y.org\nEND:VCARD\n").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].display_name, "", "an address is not a name");
    assert_eq!(records[0].shown_name(), "x@y.org");
    assert_eq!(
        skipped,
        vec![SkippedRecord { line: 1, reason: "the card has no name (FN or N) and no e-mail address".into() }]
    );
}

#[test]
fn addresses_phones_notes_and_tags() {
    let card = one(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Jo\nADR;TYPE=home:;;1 Rue;;;;\nADR;TYPE=work:;;Calle 1;Barcelona;;08036;Spain\n\
         TEL;TYPE=work:+34 93 000\nTEL;TYPE=cell:+34 600 000\nNOTE:line one\\nline two\nNOTE:again\n\
         CATEGORIES:myContacts,EHA 2026\nCATEGORIES:eha 2026,Myeloma\nEND:VCARD\n",
    );
    assert_eq!((card.city.as_deref(), card.country.as_deref()), (Some("Barcelona"), Some("Spain")));
    assert_eq!(card.phone.as_deref(), Some("+34 600 000"));
    assert_eq!(card.notes.as_deref(), Some("line one\nline two\n\nagain"));
    assert_eq!(card.tags, vec!["EHA 2026", "Myeloma"]);
}

/// `text` as quoted-printable: every byte outside a few safe letters as =XX.
fn quoted_printable(text: &str) -> Vec<String> {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("={b:02X}") })
        .collect()
}

/// The pieces joined with a soft break (`=` + CRLF) after the chosen ones.
fn with_soft_breaks(pieces: &[String], breaks: &[bool]) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(piece);
        if breaks.get(i).copied().unwrap_or(false) && i + 1 < pieces.len() {
            out.push_str("=\r\n");
        }
    }
    out
}

fn word() -> impl Strategy<Value = String> {
    "[\\p{L}][\\p{L}\\p{M}'-]{0,10}".prop_filter("a name word", |w| {
        // Kept as written: no trailing hyphen, variation selector or degree.
        !w.ends_with(['-', '\''])
            && super::tidy::name(w) == *w
            && super::tidy::split_credentials(&format!("A {w}")).1.is_none()
    })
}

fn name_part() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..3).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn quoted_printable_names_read_back(
        given in name_part(),
        family in name_part(),
        breaks in prop::collection::vec(any::<bool>(), 0..200),
    ) {
        let full = format!("{given} {family}");
        let n = format!("{};{};;;", quoted_printable(&family).concat(), quoted_printable(&given).concat());
        let n_pieces: Vec<String> = n.split_inclusive(|_| true).map(str::to_owned).collect();
        // Soft breaks may fall anywhere but inside an =XX escape.
        let fn_pieces = quoted_printable(&full);
        let card = format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{}\r\n\
             FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{}\r\nEMAIL;INTERNET:a@b.org\r\nEND:VCARD\r\n",
            with_soft_breaks(&regroup(&n_pieces), &breaks),
            with_soft_breaks(&fn_pieces, &breaks.iter().rev().copied().collect::<Vec<_>>()),
        );
        let (records, skipped) = read_text(&card).unwrap();
        prop_assert!(skipped.is_empty());
        prop_assert_eq!(&records[0].display_name, &full);
        prop_assert_eq!(records[0].given_name.as_deref(), Some(given.as_str()));
        prop_assert_eq!(records[0].family_name.as_deref(), Some(family.as_str()));
    }
}

/// Characters of an encoded value back into whole =XX escapes and letters.
fn regroup(chars: &[String]) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let take = if chars[i] == "=" { 3 } else { 1 };
        pieces.push(chars[i..(i + take).min(chars.len())].concat());
        i += take;
    }
    pieces
}

#[test]
fn an_address_where_the_name_goes_is_an_address() {
    let card = one("BEGIN:VCARD\nVERSION:3.0\nFN:Ana@X.org\nEND:VCARD\n");
    assert_eq!((card.display_name.as_str(), card.emails.clone()), ("", vec!["Ana@x.org".to_owned()]));
    assert_eq!(card.shown_name(), "Ana@x.org");
}
