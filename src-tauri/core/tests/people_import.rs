//! Contacts files as users bring them: the fixtures in tests/fixtures/people
//! (LinkedIn, Apple, Google, Outlook, Android), third-party vCards from the
//! shared corpus, and a LinkedIn export of 50,000 connections read whole.

use hallway_core::people::import::{read, ContactFormat, ContactRecord, ReadContacts};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/people/", $name))
    };
}

fn names(contacts: &ReadContacts) -> Vec<&str> {
    contacts.records.iter().map(|r| r.display_name.as_str()).collect()
}

fn by_name<'a>(contacts: &'a ReadContacts, name: &str) -> &'a ContactRecord {
    contacts
        .records
        .iter()
        .find(|r| r.display_name == name)
        .unwrap_or_else(|| panic!("{name} in {:?}", names(contacts)))
}

#[test]
fn linkedin_connections_as_downloaded_today() {
    let contacts = read(fixture!("Connections.csv")).unwrap();
    assert_eq!(contacts.format, ContactFormat::LinkedinCsv);
    assert_eq!(
        names(&contacts),
        vec!["Ana Sánchez", "Jörg Müller", "Mei Lin Chen", "Oluwaseun Adeyemi", "Kari Ødegård"]
    );

    let ana = &contacts.records[0];
    assert_eq!((ana.given_name.as_deref(), ana.family_name.as_deref()), (Some("Ana"), Some("Sánchez")));
    assert_eq!(ana.credentials.as_deref(), Some("MD, PhD"));
    assert_eq!(ana.emails, vec!["ana.sanchez@clinic.cat"]);
    assert_eq!(ana.institution.as_deref(), Some("Hospital Clínic de Barcelona"));
    assert_eq!(ana.position.as_deref(), Some("Consultant Hematologist"));
    assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-hem"));
    assert_eq!(ana.notes.as_deref(), Some("Connected on LinkedIn on 12 Mar 2021"));
    assert_eq!(ana.tags, vec!["linkedin"]);
    assert_eq!(ana.line, 5);

    let jorg = &contacts.records[1];
    assert_eq!(jorg.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/joerg-mueller-charite"));
    assert!(jorg.emails.is_empty());
    assert_eq!(jorg.position.as_deref(), Some("Oberarzt, Hämatologie"));
    assert_eq!(contacts.records[2].family_name.as_deref(), Some("Chen"), "emoji and spacing tidied");
    assert_eq!(contacts.records[3].credentials.as_deref(), Some("MBBS, FWACP"));

    assert_eq!(contacts.skipped.len(), 1);
    assert_eq!(contacts.skipped[0].line, 8);
}

#[test]
fn linkedin_connections_from_an_older_export() {
    let contacts = read(fixture!("Connections_2019.csv")).unwrap();
    assert_eq!(contacts.format, ContactFormat::LinkedinCsv);
    assert_eq!(names(&contacts), vec!["Siobhán O'Brien", "Rahul Mehta", "Prof. Dr. Hans Weber"]);
    assert!(contacts.records.iter().all(|r| r.linkedin_url.is_none()));
    assert_eq!(contacts.records[0].emails, vec!["sobrien@stjames.ie"]);
    assert_eq!(contacts.records[1].institution.as_deref(), Some("All India Institute of Medical Sciences, New Delhi"));
    let hans = &contacts.records[2];
    assert_eq!((hans.honorific.as_deref(), hans.given_name.as_deref()), (Some("Prof. Dr."), Some("Hans")));
    assert_eq!(hans.notes.as_deref(), Some("Connected on LinkedIn on 30 Jan 2019"));
    assert_eq!(hans.line, 4);
}

#[test]
fn apple_contacts_vcard_3() {
    let contacts = read(fixture!("apple_contacts.vcf")).unwrap();
    assert_eq!(contacts.format, ContactFormat::Vcard);
    assert!(contacts.skipped.is_empty());
    assert_eq!(names(&contacts), vec!["Dr. Ana Sánchez", "Prof. Dr. Jörg Müller", "Kari Ødegård"]);
    assert_eq!(contacts.records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 19, 196]);

    let ana = &contacts.records[0];
    assert_eq!(ana.honorific.as_deref(), Some("Dr."));
    assert_eq!(ana.credentials.as_deref(), Some("MD, PhD"));
    assert_eq!(ana.emails, vec!["ana.sanchez@clinic.cat", "ana.s@gmail.com"], "the preferred one first");
    assert_eq!(ana.institution.as_deref(), Some("Hospital Clínic de Barcelona"));
    assert_eq!(ana.position.as_deref(), Some("Consultant Hematologist"));
    assert_eq!(ana.phone.as_deref(), Some("+34 600 123 456"));
    assert_eq!((ana.city.as_deref(), ana.country.as_deref()), (Some("Barcelona"), Some("Spain")));
    assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-hem"));
    assert_eq!(ana.x_handle.as_deref(), Some("AnaHeme"));
    assert_eq!(ana.bluesky_handle.as_deref(), Some("anaheme.bsky.social"));
    assert_eq!(ana.notes.as_deref(), Some("Met at EHA 2025, poster session.\nAsk about the MDS registry."));
    assert_eq!(ana.tags, vec!["EHA", "Myeloma"]);

    let jorg = &contacts.records[1];
    assert_eq!(jorg.honorific.as_deref(), Some("Prof. Dr."));
    assert_eq!((jorg.given_name.as_deref(), jorg.family_name.as_deref()), (Some("Jörg"), Some("Müller")));
    assert_eq!(jorg.institution.as_deref(), Some("Charité – Universitätsmedizin Berlin"));
    assert_eq!(jorg.orcid.as_deref(), Some("0000-0002-1825-0097"));
    assert_eq!(jorg.city.as_deref(), Some("Berlin"), "the properties after the photo are read");

    let kari = &contacts.records[2];
    assert_eq!(kari.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/kariodegard"));
    assert_eq!(kari.emails, vec!["kari.odegard@gmail.com"]);
}

#[test]
fn google_contacts_vcard_4() {
    let contacts = read(fixture!("google_contacts.vcf")).unwrap();
    assert_eq!(names(&contacts), vec!["Mei Lin Chen", "Oluwaseun Adeyemi"]);
    let mei = &contacts.records[0];
    assert_eq!(mei.emails, vec!["mlchen@nuh.com.sg", "meilin.chen@gmail.com"]);
    assert_eq!(mei.phone.as_deref(), Some("+65-9123-4567"));
    assert_eq!((mei.city.as_deref(), mei.country.as_deref()), (Some("Singapore"), Some("Singapore")));
    assert_eq!(mei.bluesky_handle.as_deref(), Some("meilinchen.bsky.social"));
    assert_eq!(mei.tags, vec!["ASH 2026"]);
    let note = "Lymphoma; CAR-T. Wants to meet at ASH about the Asian registry, bring the slides on outcomes in older patients.";
    assert_eq!(mei.notes.as_deref(), Some(note));
    assert_eq!(contacts.records[1].x_handle.as_deref(), Some("SeunHeme"));
    assert_eq!(contacts.skipped.len(), 1);
    assert_eq!(contacts.skipped[0].line, 26);
    assert!(contacts.skipped[0].reason.contains("no name"));
}

#[test]
fn outlook_and_android_vcard_2_1_with_soft_breaks() {
    let contacts = read(fixture!("outlook_android_21.vcf")).unwrap();
    assert!(contacts.skipped.is_empty());
    assert_eq!(names(&contacts), vec!["Dr. Ana Sánchez", "Kari Ødegård", "Jörg Müller"]);
    let ana = &contacts.records[0];
    assert_eq!((ana.given_name.as_deref(), ana.family_name.as_deref()), (Some("Ana"), Some("Sánchez")));
    assert_eq!(ana.honorific.as_deref(), Some("Dr."));
    assert_eq!(ana.institution.as_deref(), Some("Hospital Clínic"));
    assert_eq!(ana.phone.as_deref(), Some("+34600123456"));
    let note = "Conocí a Ana en el EHA de Madrid. Investiga síndromes mielodisplásicos\n\
                y leucemia mieloide aguda; quiere colaborar en el registro.";
    assert_eq!(ana.notes.as_deref(), Some(note));
    let kari = &contacts.records[1];
    assert_eq!(kari.position.as_deref(), Some("Overlege, avdeling for blodsykdommer, Oslo universitetssykehus"));
    assert_eq!(kari.emails, vec!["kari.odegard@ous-hf.no"]);
    let jorg = &contacts.records[2];
    assert_eq!(jorg.family_name.as_deref(), Some("Müller"), "Windows-1252 bytes without a CHARSET");
    assert_eq!(jorg.city.as_deref(), Some("Berlin"));
}

#[test]
fn google_contacts_csv() {
    let contacts = read(fixture!("google_contacts.csv")).unwrap();
    assert_eq!(contacts.format, ContactFormat::Csv);
    assert_eq!(names(&contacts), vec!["Ana Sánchez", "Mei Lin Chen"]);
    let ana = &contacts.records[0];
    assert_eq!((ana.honorific.as_deref(), ana.credentials.as_deref()), (Some("Dr."), Some("MD")));
    assert_eq!(ana.emails, vec!["ana.sanchez@clinic.cat", "ana.s@gmail.com"]);
    assert_eq!(ana.phone.as_deref(), Some("+34 93 227 54 00"));
    assert_eq!(ana.institution.as_deref(), Some("Hospital Clínic de Barcelona"));
    assert_eq!(ana.position.as_deref(), Some("Consultant Hematologist"));
    assert_eq!((ana.city.as_deref(), ana.country.as_deref()), (Some("Barcelona"), Some("Spain")));
    assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-hem"));
    assert_eq!(ana.notes.as_deref(), Some("Met at EHA 2025.\nAsk about the MDS registry."));
    assert_eq!(ana.tags, vec!["EHA 2026", "Myeloma"]);
    let mei = &contacts.records[1];
    assert_eq!(mei.emails, vec!["mlchen@nuh.com.sg", "meilin.chen@gmail.com"]);
    assert_eq!(mei.bluesky_handle.as_deref(), Some("meilinchen.bsky.social"));
    assert_eq!(mei.orcid.as_deref(), Some("0000-0001-5109-3700"));
    assert!(mei.tags.is_empty(), "Google's own groups are not tags");
    assert_eq!(contacts.skipped.len(), 1);
    assert_eq!(contacts.skipped[0].line, 7, "after the newlines in Ana's notes and address");
}

#[test]
fn outlook_csv_in_windows_1252() {
    let contacts = read(fixture!("outlook_contacts.csv")).unwrap();
    assert_eq!(contacts.format, ContactFormat::Csv);
    assert_eq!(names(&contacts), vec!["Jörg Müller", "Siobhán O'Brien"]);
    let jorg = by_name(&contacts, "Jörg Müller");
    assert_eq!(jorg.honorific.as_deref(), Some("Dr."), "Outlook's Title column");
    assert_eq!(jorg.institution.as_deref(), Some("Charité – Universitätsmedizin Berlin"));
    assert_eq!(jorg.position.as_deref(), Some("Oberarzt"));
    assert_eq!((jorg.city.as_deref(), jorg.country.as_deref()), (Some("Berlin"), Some("Germany")));
    assert_eq!(jorg.phone.as_deref(), Some("+49 170 1234567"), "the mobile first");
    assert_eq!(jorg.emails, vec!["joerg.mueller@charite.de"]);
    assert_eq!(jorg.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/joerg-mueller-charite"));
    assert_eq!(jorg.notes.as_deref(), Some("Sat next to him at the\nlymphoma dinner."));
    assert_eq!(jorg.tags, vec!["EHA 2026", "Lymphoma"]);
    let siobhan = by_name(&contacts, "Siobhán O'Brien");
    assert_eq!(siobhan.credentials.as_deref(), Some("FRCPath"));
    assert_eq!(siobhan.emails, vec!["sobrien@stjames.ie", "siobhan.obrien@tcd.ie"]);
    assert_eq!(siobhan.phone.as_deref(), Some("+353 1 410 3000"));
}

#[test]
fn broken_files_say_where() {
    let err = read(fixture!("truncated.vcf")).unwrap_err();
    assert_eq!(err.to_string(), "line 33: BEGIN:VCARD at line 19 is never closed");

    let err = read(fixture!("no_name_column.csv")).unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(err.message.contains("no column holds names"), "{}", err.message);
    assert!(err.message.ends_with("\"Email\", \"Phone\", \"Organisation\", \"City\""), "{}", err.message);
}

/// The shared corpus of third-party files, beside the clone.
fn corpus(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/calendars");
    if !std::path::Path::new(dir).is_dir() {
        panic!("the shared corpus is missing: expected {dir} (a copy of shared/ beside the clone)");
    }
    std::fs::read(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"))
}

#[test]
fn corpus_vcard_3_rfc_example() {
    let contacts = read(&corpus("icaljs__vcard3.vcf")).unwrap();
    assert_eq!(names(&contacts), vec!["Mr. John Q. Public"]);
    let john = &contacts.records[0];
    assert_eq!((john.given_name.as_deref(), john.family_name.as_deref()), (Some("John"), Some("Public")));
    assert_eq!((john.honorific.as_deref(), john.credentials.as_deref()), (Some("Mr."), Some("Esq.")));
    assert_eq!(john.emails, vec!["jane_doe@abc.com", "jqpublic@xyz.dom1.com", "jdoe@isp.net"]);
    assert_eq!(john.institution.as_deref(), Some("ABC, Inc."));
    assert_eq!(john.position.as_deref(), Some("Director, Research and Development"));
    assert_eq!(john.phone.as_deref(), Some("+1-213-555-1234"));
    assert_eq!(john.city.as_deref(), Some("Any Town"));
    assert_eq!(john.notes.as_deref(), Some("This fax number is operational 0800 to 1715 EST, Mon-Fri."));
    assert_eq!(john.tags, vec!["TRAVEL AGENT", "INTERNET", "IETF", "INDUSTRY", "INFORMATION TECHNOLOGY"]);
}

#[test]
fn corpus_vcard_4_rfc_example() {
    let contacts = read(&corpus("icaljs__vcard4.vcf")).unwrap();
    assert_eq!(names(&contacts), vec!["J. Doe"]);
    let doe = &contacts.records[0];
    assert_eq!((doe.given_name.as_deref(), doe.family_name.as_deref()), (Some("John"), Some("Stevenson")));
    // "Jr." is part of the name (FN here is "J. Doe"), not a credential.
    assert_eq!((doe.honorific.as_deref(), doe.credentials.as_deref()), (Some("Dr."), Some("M.D., A.C.P.")));
    assert_eq!(doe.middle_name.as_deref(), Some("Philip Paul"));
    assert_eq!(doe.emails, vec!["jqpublic@xyz.example.com"]);
    assert_eq!(doe.institution.as_deref(), Some("ABC, Inc."));
    assert_eq!(doe.position.as_deref(), Some("Research Scientist"));
    assert_eq!((doe.city.as_deref(), doe.country.as_deref()), (Some("city"), Some("country")));
    assert_eq!(doe.phone.as_deref(), Some("+33-01-23-45-67"));
}

#[test]
fn corpus_nextcloud_escaped_semicolons() {
    let contacts = read(&corpus("icaljs__vcard_escape_semicolon.vcf")).unwrap();
    assert_eq!(names(&contacts), vec!["First Last NextCloud"]);
    let card = &contacts.records[0];
    assert_eq!(card.emails, vec!["home@gmx.de", "work@gmx.de"]);
    assert_eq!(card.institution.as_deref(), Some("Firma"));
    assert_eq!((card.city.as_deref(), card.country.as_deref()), (Some("City"), Some("Germany")));
    assert_eq!(card.phone.as_deref(), Some("205333"), "the mobile first");
    assert_eq!(card.tags, vec!["Test-Kontakte"]);
}

#[test]
fn corpus_outlook_vcard_2_1() {
    let contacts = read(&corpus("libical__issue339_outlook_vcard.vcf")).unwrap();
    assert!(contacts.skipped.is_empty());
    assert_eq!(names(&contacts), vec!["Test de Tester 04-04"]);
    let card = &contacts.records[0];
    assert_eq!((card.given_name.as_deref(), card.family_name.as_deref()), (Some("Test"), Some("de Tester 04-04")));
    assert_eq!(card.credentials.as_deref(), Some("(outlook)"), "N's suffix");
    assert_eq!(card.emails, vec!["tester@test.com", "tester2@test.com", "tester3@test.com"]);
    assert_eq!(card.institution.as_deref(), Some("Test BV"));
    assert_eq!(card.position.as_deref(), Some("Tester"));
    assert_eq!(card.phone.as_deref(), Some("(010) 123-4560"));
    assert_eq!(
        (card.city.as_deref(), card.country.as_deref()),
        (Some("Hometown"), Some("Netherlands")),
        "the PREF address"
    );
}

#[test]
fn fifty_thousand_linkedin_connections() {
    const CONNECTIONS: usize = 50_000;
    let given = ["Ana", "Jörg", "Mei Lin", "Oluwaseun", "Kari", "Siobhán", "Rahul", "Zoë"];
    let family = ["Sánchez", "Müller", "Chen", "Adeyemi", "Ødegård", "O'Brien", "Mehta", "Lefèvre"];
    let mut text = String::from("\u{FEFF}Notes:\n\"Some email addresses are missing.\"\n\n");
    text.push_str("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for i in 0..CONNECTIONS {
        let (g, f) = (given[i % given.len()], family[(i / given.len()) % family.len()]);
        let credentials = if i % 5 == 0 { ", MD" } else { "" };
        text.push_str(&format!(
            "{g},\"{f} {i}{credentials}\",https://www.linkedin.com/in/member-{i},,\"Hospital {i}, Dept\",Hematologist,{} Mar 2021\n",
            1 + i % 28
        ));
    }
    let contacts = read(text.as_bytes()).unwrap();
    assert_eq!(contacts.format, ContactFormat::LinkedinCsv);
    assert!(contacts.skipped.is_empty());
    assert_eq!(contacts.records.len(), CONNECTIONS);
    for (i, record) in contacts.records.iter().enumerate() {
        let (g, f) = (given[i % given.len()], family[(i / given.len()) % family.len()]);
        assert_eq!(record.display_name, format!("{g} {f} {i}"));
        assert_eq!(record.credentials.as_deref(), (i % 5 == 0).then_some("MD"));
        assert_eq!(record.linkedin_url, Some(format!("https://www.linkedin.com/in/member-{i}")));
        assert_eq!(record.line, i + 5);
    }
}
