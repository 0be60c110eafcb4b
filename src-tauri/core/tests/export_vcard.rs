//! People and the user's own card as vCard 3.0 files, and the card as a QR
//! code, against a real database: every field of a person, escaping in
//! structured values, names in one word, settings validation and
//! normalisation of the card, and the `ical` crate reading the result.

use hallway_core::export::{self, vcard};
use hallway_core::ids::PersonId;
use hallway_core::settings::{self, MyCard};
use hallway_core::{people, CoreError, Store};

struct Plan {
    _dir: tempfile::TempDir,
    store: Store,
    kari: PersonId,
}

async fn plan() -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = people::PersonDraft { display_name: "Kari Ødegård".into(), ..Default::default() };
    let kari = people::create(&store, &draft).await.unwrap().id;
    Plan { _dir: dir, store, kari }
}

/// The lines of a card, once each is checked to end with CRLF and to hold
/// at most 75 octets, and folded lines are joined.
fn card_lines(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"));
    for line in text[..text.len() - 2].split("\r\n") {
        assert!(line.len() <= 75 && !line.contains(['\r', '\n']), "{line:?}");
    }
    text.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[tokio::test]
async fn a_person_exports_as_a_vcard_3_that_the_ical_crate_reads() {
    let p = plan().await;
    let mut draft = people::PersonDraft {
        display_name: "Kari Ødegård".into(),
        given_name: "Kari".into(),
        family_name: "Ødegård".into(),
        honorific: "Prof".into(),
        credentials: "MD, PhD".into(),
        institution: "Oslo universitetssykehus, Rikshospitalet".into(),
        position: "Head of haematology; myeloma".into(),
        emails: "kari@ous.no, k.odegard@uio.no".into(),
        phone: "+47 23 07 00 00".into(),
        linkedin_url: "https://www.linkedin.com/in/kari-odegard".into(),
        x_handle: "@kariodegard".into(),
        bluesky_handle: "kari.bsky.social".into(),
        orcid: "0000-0002-1825-0097".into(),
        notes: "Private: asked about CAR-T data".into(),
        ..Default::default()
    };
    people::update(&p.store, p.kari, &draft).await.unwrap();
    let card = vcard::person(&p.store, p.kari).await.unwrap();
    let lines = card_lines(&card);
    for expected in [
        "BEGIN:VCARD",
        "VERSION:3.0",
        &format!("UID:person-{}@hallway.app", p.kari),
        "N:Ødegård;Kari;;Prof;MD\\, PhD",
        "FN:Kari Ødegård",
        "ORG:Oslo universitetssykehus\\, Rikshospitalet",
        "TITLE:Head of haematology\\; myeloma",
        "EMAIL;TYPE=INTERNET,PREF:kari@ous.no",
        "EMAIL;TYPE=INTERNET:k.odegard@uio.no",
        "TEL;TYPE=VOICE:+47 23 07 00 00",
        "URL:https://orcid.org/0000-0002-1825-0097",
        "URL:https://www.linkedin.com/in/kari-odegard",
        "X-SOCIALPROFILE;TYPE=twitter:https://x.com/kariodegard",
        "X-SOCIALPROFILE;TYPE=bluesky:https://bsky.app/profile/kari.bsky.social",
        "END:VCARD",
    ] {
        assert!(lines.iter().any(|l| l == expected), "{expected:?} missing from\n{card}");
    }
    assert!(!card.contains("CAR-T"), "private notes stay out of a card");
    let contact = ical::VcardParser::new(card.as_bytes()).next().unwrap().unwrap();
    let value = |name: &str| contact.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
    assert_eq!(value("FN").as_deref(), Some("Kari Ødegård"));

    // A name in one word, with no parts known, is filed as a family name.
    draft = people::PersonDraft { display_name: "李伟".into(), ..Default::default() };
    let li = people::create(&p.store, &draft).await.unwrap().id;
    let lines = card_lines(&vcard::person(&p.store, li).await.unwrap());
    assert!(lines.contains(&"N:李伟;;;;".to_owned()) && lines.contains(&"FN:李伟".to_owned()));
    assert!(matches!(vcard::person(&p.store, PersonId(999)).await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn my_card_is_checked_normalised_and_shared_as_file_and_qr_code() {
    let p = plan().await;
    let empty = export::my_card_qr(&p.store).await.unwrap_err();
    assert!(matches!(&empty, CoreError::Invalid(problems) if problems[0].field == "my_card.name"));

    let current = settings::get(&p.store).await.unwrap();
    assert_eq!(current.alarm_minutes, Some(15));
    let bad = settings::Settings {
        alarm_minutes: Some(2000),
        my_card: MyCard {
            name: "Ana Sánchez".into(),
            email: "ana at clinic".into(),
            orcid: "123".into(),
            linkedin: "https://example.org/ana".into(),
            institution: "x".repeat(201),
            ..MyCard::default()
        },
        ..current.clone()
    };
    let Err(CoreError::Invalid(problems)) = settings::update(&p.store, &bad).await else { panic!("accepted") };
    let mut fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["alarm_minutes", "my_card.email", "my_card.institution", "my_card.linkedin", "my_card.orcid"]);

    let mine = MyCard {
        name: " Ana Sánchez ".into(),
        credentials: "MD".into(),
        institution: "Hospital Clínic; Barcelona".into(),
        email: "ana@clinic.cat".into(),
        x_handle: "https://x.com/anasanchez".into(),
        bluesky: "@ana.bsky.social".into(),
        orcid: "https://orcid.org/0000000218250097".into(),
        ..MyCard::default()
    };
    let stored = settings::update(&p.store, &settings::Settings { alarm_minutes: None, my_card: mine, ..current })
        .await
        .unwrap();
    assert_eq!(stored.my_card.name, "Ana Sánchez");
    assert_eq!(stored.my_card.x_handle, "anasanchez");
    assert_eq!(stored.my_card.bluesky, "ana.bsky.social");
    assert_eq!(stored.my_card.orcid, "0000-0002-1825-0097");
    assert_eq!(settings::get(&p.store).await.unwrap(), stored);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.vcf");
    export::write_my_card(&p.store, &path).await.unwrap();
    let lines = card_lines(&std::fs::read_to_string(&path).unwrap());
    assert!(lines.contains(&"N:Sánchez;Ana;;;MD".to_owned()));
    assert!(lines.contains(&"ORG:Hospital Clínic\\; Barcelona".to_owned()));
    assert!(lines.contains(&"URL:https://x.com/anasanchez".to_owned()));
    let svg = export::my_card_qr(&p.store).await.unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.ends_with("</svg>"));
}
