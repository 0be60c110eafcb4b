//! Importing the same contacts file again adds no one, whatever the file
//! gives to match on: phone-only Android cards, cards with and without UID,
//! CSV rows with nothing but a name. Checked on a fixture, on the smallest
//! card that used to come back twice, and as a property over generated
//! files of every format, each imported twice into a real database. The
//! names, middle names and suffixes these files carry also go back out in
//! an exported vCard as they came in.

use hallway_core::export::vcard;
use hallway_core::people::import::{import_file, preview_file};
use hallway_core::{people, stats, Store};
use proptest::prelude::*;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/people");

async fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(dir.path().join("h.sqlite3")).await.unwrap()
}

async fn people_count(store: &Store) -> u64 {
    stats::collect(store).await.unwrap().0["people"]
}

/// Imports `path` twice; the second preview and import must add no one.
async fn import_twice(store: &Store, path: &Path) -> (u32, u32) {
    let preview = preview_file(store, path).await.unwrap();
    let first = import_file(store, path).await.unwrap();
    assert_eq!((preview.new, preview.merged), (first.added, first.merged), "the preview is what the import did");
    let again = preview_file(store, path).await.unwrap();
    let second = import_file(store, path).await.unwrap();
    assert_eq!((again.new, second.added), (0, 0), "{again:?}");
    assert_eq!(again.merged, second.merged);
    (first.added, second.merged)
}

#[tokio::test]
async fn a_card_with_only_a_name_and_a_phone_is_found_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let path = dir.path().join("jane.vcf");
    std::fs::write(&path, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Roe;Jane;;;\r\nFN:Jane Roe\r\nTEL:123\r\nEND:VCARD\r\n")
        .unwrap();
    assert_eq!(import_twice(&store, &path).await, (1, 1));
    assert_eq!(people_count(&store).await, 1);
    let preview = preview_file(&store, &path).await.unwrap();
    assert_eq!(serde_json::to_value(preview.matches[0].matched_by).unwrap(), "same_source");

    // Merged into another record, Jane is still found through the kept one.
    let jane = people::find_by_email_or_name(&store, "Jane Roe").await.unwrap()[0];
    let draft =
        people::PersonDraft { display_name: "Jane Roe".into(), institution: "St James's".into(), ..Default::default() };
    let kept = people::create(&store, &draft).await.unwrap().id;
    people::merge(&store, kept, jane).await.unwrap();
    let preview = preview_file(&store, &path).await.unwrap();
    assert_eq!((preview.new, preview.matches[0].existing_id), (0, kept));

    // The card edited on the phone (a second number): same name and phone.
    std::fs::write(
        &path,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Roe;Jane;;;\r\nFN:Jane Roe\r\nTEL:123\r\nTEL:456\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let preview = preview_file(&store, &path).await.unwrap();
    assert_eq!((preview.new, preview.merged), (0, 1));
    assert_eq!(serde_json::to_value(preview.matches[0].matched_by).unwrap(), "name_and_phone");
    assert_eq!(preview.matches[0].existing_id, kept);
}

#[tokio::test]
async fn an_android_export_imported_twice_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let path = Path::new(FIXTURES).join("android_phone_only.vcf");
    assert_eq!(import_twice(&store, &path).await, (6, 6));
    assert_eq!(people_count(&store).await, 6);

    let preview = preview_file(&store, &path).await.unwrap();
    let problem = preview.problems.iter().find(|p| !p.skipped).expect("the EMAIL left out");
    assert_eq!(problem.line, 31);
    assert!(problem.reason.starts_with("EMAIL “jstevenson(at)example.org” is not an e-mail address"), "{problem:?}");
    assert_eq!(preview.problem_count, 1);

    let card = |name: &'static str| {
        let store = &store;
        async move {
            let id = people::find_by_email_or_name(store, name).await.unwrap()[0];
            let person = people::get(store, id).await.unwrap();
            (person.clone(), vcard::person(store, id).await.unwrap().replace("\r\n ", ""))
        }
    };
    let (king, exported) = card("Dr. Martin Luther King Jr.").await;
    assert_eq!((king.honorific.as_deref(), king.credentials.as_deref()), (Some("Dr."), None));
    assert!(exported.contains("\r\nN:King;Martin Luther;;Dr.;Jr.\r\n"), "{exported}");
    assert!(exported.contains("\r\nFN:Dr. Martin Luther King Jr.\r\n"), "{exported}");
    let (_, exported) = card("John Doe III").await;
    assert!(exported.contains("\r\nN:Doe;John;;;III\r\n"), "{exported}");
    let (stevenson, exported) = card("Dr. John Philip Paul Stevenson Jr.").await;
    assert_eq!(stevenson.middle_name.as_deref(), Some("Philip Paul"));
    assert_eq!(stevenson.credentials.as_deref(), Some("M.D."));
    assert!(exported.contains("\r\nN:Stevenson;John;Philip Paul;Dr.;Jr.\\, M.D.\r\n"), "{exported}");

    // No name on the card: the address is what lists show, never the name.
    let (nameless, exported) = card("no.name@example.org").await;
    assert_eq!(nameless.display_name, "no.name@example.org");
    assert_eq!((nameless.given_name.as_deref(), nameless.family_name.as_deref()), (None, None));
    assert!(exported.contains("\r\nN:;;;;\r\n"), "{exported}");
    assert!(exported.contains("\r\nFN:no.name@example.org\r\n"), "{exported}");

    // A later card with their name gives them one.
    let named = dir.path().join("named.vcf");
    std::fs::write(
        &named,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Name;No;;;\r\nFN:No Name\r\nEMAIL:no.name@example.org\r\nEND:VCARD\r\n",
    )
    .unwrap();
    import_file(&store, &named).await.unwrap();
    assert_eq!(people::get(&store, nameless.id).await.unwrap().display_name, "No Name");
}

/// One generated contact; any field may be missing.
#[derive(Debug, Clone)]
struct Contact {
    given: &'static str,
    middle: &'static str,
    family: &'static str,
    email: Option<&'static str>,
    org: Option<&'static str>,
    phone: Option<&'static str>,
    uid: Option<&'static str>,
}

#[derive(Debug, Clone, Copy)]
enum Format {
    Vcard3,
    Vcard4,
    Csv,
    Linkedin,
}

/// Small pools, so that contacts share names, addresses, phones and UIDs.
fn contact() -> impl Strategy<Value = Contact> {
    let pick = |items: &'static [&'static str]| prop::sample::select(items);
    let maybe = |items: &'static [&'static str]| prop::option::of(prop::sample::select(items));
    (
        pick(&["", "Jane", "Ana", "Jörg", "Mei Lin"]),
        pick(&["", "", "Anne"]),
        pick(&["", "Roe", "Sánchez", "Müller", "Chen"]),
        maybe(&["jane@example.org", "ana@example.es", "JANE@example.org"]),
        maybe(&["Hospital Clínic", "Charité"]),
        maybe(&["123", "+34 600 123 456", "600123456"]),
        maybe(&["uid-1", "uid-2", "uid-3"]),
    )
        .prop_map(|(given, middle, family, email, org, phone, uid)| Contact {
            given,
            middle,
            family,
            email,
            org,
            phone,
            uid,
        })
}

fn render(format: Format, contacts: &[Contact]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::new();
    match format {
        Format::Vcard3 | Format::Vcard4 => {
            for c in contacts {
                let version = if matches!(format, Format::Vcard3) { "3.0" } else { "4.0" };
                out.push_str(&format!("BEGIN:VCARD\r\nVERSION:{version}\r\n"));
                if let Some(uid) = c.uid {
                    out.push_str(&format!("UID:{uid}\r\n"));
                }
                out.push_str(&format!("N:{};{};{};;\r\n", c.family, c.given, c.middle));
                let full = [c.given, c.middle, c.family].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>();
                if !full.is_empty() {
                    out.push_str(&format!("FN:{}\r\n", full.join(" ")));
                }
                if let Some(email) = c.email {
                    out.push_str(&format!("EMAIL;TYPE=INTERNET:{email}\r\n"));
                }
                if let Some(org) = c.org {
                    out.push_str(&format!("ORG:{org}\r\n"));
                }
                match (c.phone, format) {
                    (Some(phone), Format::Vcard4) => out.push_str(&format!("TEL;VALUE=uri:tel:{phone}\r\n")),
                    (Some(phone), _) => out.push_str(&format!("TEL;TYPE=CELL:{phone}\r\n")),
                    (None, _) => {}
                }
                out.push_str("END:VCARD\r\n");
            }
        }
        Format::Csv => {
            out.push_str("First Name,Middle Name,Last Name,E-mail Address,Company,Mobile Phone\r\n");
            for c in contacts {
                let cells =
                    [c.given, c.middle, c.family, c.email.unwrap_or(""), c.org.unwrap_or(""), c.phone.unwrap_or("")];
                out.push_str(&cells.map(quote).join(","));
                out.push_str("\r\n");
            }
        }
        Format::Linkedin => {
            out.push_str("Notes:\n\"Some email addresses are missing.\"\n\n");
            out.push_str("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
            for c in contacts {
                let cells = [c.given, c.family, "", c.email.unwrap_or(""), c.org.unwrap_or(""), "", "01 Feb 2024"];
                out.push_str(&cells.map(quote).join(","));
                out.push('\n');
            }
        }
    }
    out
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Vcard3, Format::Vcard4, Format::Csv, Format::Linkedin])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn reimporting_an_unchanged_file_adds_no_one(
        format in format(),
        contacts in prop::collection::vec(contact(), 1..12),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let dir = tempfile::tempdir().unwrap();
            let store = store(&dir).await;
            let path = dir.path().join("contacts.txt");
            std::fs::write(&path, render(format, &contacts)).unwrap();
            let Ok(preview) = preview_file(&store, &path).await else {
                // Every contact nameless and without an address: nothing to read.
                prop_assert!(contacts.iter().all(|c| c.given.is_empty() && c.family.is_empty()));
                return Ok(());
            };
            let first = import_file(&store, &path).await.unwrap();
            prop_assert_eq!((preview.new, preview.merged), (first.added, first.merged));
            let people = people_count(&store).await;
            let again = preview_file(&store, &path).await.unwrap();
            let second = import_file(&store, &path).await.unwrap();
            prop_assert_eq!((again.new, second.added), (0, 0));
            prop_assert_eq!(people_count(&store).await, people);
            store.close().await;
            Ok(())
        })?;
    }
}
