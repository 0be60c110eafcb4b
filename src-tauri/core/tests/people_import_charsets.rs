//! Contacts files in the encodings old phones and Windows write them: vCard
//! values in their own CHARSET (Shift_JIS, Windows-1251) beside UTF-8, and
//! UTF-16 with and without a byte-order mark. The fixtures are in
//! tests/fixtures/people (see its README).

use hallway_core::people::import::{read, ContactFormat, ReadContacts};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/people/", $name))
    };
}

fn names(contacts: &ReadContacts) -> Vec<&str> {
    contacts.records.iter().map(|r| r.display_name.as_str()).collect()
}

#[test]
fn vcard_values_are_read_in_their_declared_charset() {
    let bytes = fixture!("charsets_21.vcf");
    assert!(String::from_utf8(bytes.to_vec()).is_err(), "the fixture mixes encodings");
    let contacts = read(bytes).unwrap();
    assert!(contacts.skipped.is_empty(), "{:?}", contacts.skipped);
    assert_eq!(names(&contacts), vec!["安藤 ロイド3", "ソニア 表", "Віталій Коваль", "Jörg Müller"]);

    let ando = &contacts.records[0];
    assert_eq!((ando.family_name.as_deref(), ando.given_name.as_deref()), (Some("安藤"), Some("ロイド3")));
    // 表 ends in the byte 0x5C: read before decoding, it escaped the `;`
    // after it and the family and given names ran together.
    let sonia = &contacts.records[1];
    assert_eq!((sonia.family_name.as_deref(), sonia.given_name.as_deref()), (Some("表"), Some("ソニア")));
    assert_eq!(sonia.emails, vec!["sonia@example.jp"]);

    let vitalii = &contacts.records[2];
    assert_eq!((vitalii.family_name.as_deref(), vitalii.given_name.as_deref()), (Some("Коваль"), Some("Віталій")));
    assert_eq!(vitalii.institution.as_deref(), Some("Інститут гематології"));
    assert_eq!(contacts.records[3].family_name.as_deref(), Some("Müller"), "UTF-8 without a CHARSET");
}

#[test]
fn utf16_reads_the_same_with_or_without_a_byte_order_mark() {
    let with_bom = read(fixture!("windows_utf16le_bom.vcf")).unwrap();
    let without = read(fixture!("windows_utf16le_no_bom.vcf")).unwrap();
    assert_eq!(without, with_bom);
    assert_eq!(names(&without), vec!["Kari Anne Ødegård", "安藤 ロイド"]);
    assert_eq!(without.records[0].middle_name.as_deref(), Some("Anne"));
    assert_eq!(without.records[1].phone.as_deref(), Some("+81 90 1234 5678"));

    let csv = read(fixture!("contacts_utf16be_no_bom.csv")).unwrap();
    assert_eq!(csv.format, ContactFormat::Csv);
    assert_eq!(names(&csv), vec!["Kari Anne Ødegård", "Ana Sánchez"]);
    assert_eq!(csv.records[0].emails, vec!["kari.odegard@example.no"]);
    assert_eq!(csv.records[1].phone.as_deref(), Some("+34 600 123 456"));
}
