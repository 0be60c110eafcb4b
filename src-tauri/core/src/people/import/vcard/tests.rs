//! Cards as the address books write them, and a round trip through
//! quoted-printable with soft breaks anywhere (files from Apple, Google and
//! Outlook are read in tests/people_import.rs).

use super::*;
use proptest::prelude::*;

fn one(text: &str) -> ContactRecord {
    let (mut records, skipped) = read(text).unwrap();
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
fn cards_without_name_or_email_are_skipped() {
    let (records, skipped) =
        read("BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555\nEND:VCARD\nBEGIN:VCARD\nEMAIL:x@y.org\nEND:VCARD\n").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].display_name, "x@y.org");
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
        let (records, skipped) = read(&card).unwrap();
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
