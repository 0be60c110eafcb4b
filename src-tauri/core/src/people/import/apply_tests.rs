//! Contact import matching and merging on a real database, from records
//! (the readers have their own tests): new people, matches by email,
//! LinkedIn and name plus institution, repeats within one file, and merges
//! that fill gaps without overwriting.

use super::{write, ContactFormat, ContactRecord};
use crate::people::{self, PersonDraft};
use crate::{stats, Store};

fn record(name: &str, email: &str, institution: &str, line: usize) -> ContactRecord {
    ContactRecord {
        display_name: name.into(),
        emails: if email.is_empty() { vec![] } else { vec![email.into()] },
        institution: (!institution.is_empty()).then(|| institution.into()),
        line,
        ..Default::default()
    }
}

#[tokio::test]
async fn matches_merge_and_repeats_collapse() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let known = people::create(
        &store,
        &PersonDraft { display_name: "Ana Sánchez".into(), emails: "ana@usal.es".into(), ..Default::default() },
    )
    .await
    .unwrap();
    let by_name = people::create(
        &store,
        &PersonDraft {
            display_name: "Jürgen Müller".into(),
            institution: "Universität Heidelberg".into(),
            position: "Professor".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let mut linkedin = record("Wei Zhang", "", "", 5);
    linkedin.linkedin_url = Some("https://www.linkedin.com/in/weizhang".into());
    let records = vec![
        record("Ana Sanchez", "ANA@usal.es", "Universidad de Salamanca", 2),
        record("Muller, Jurgen", "jm@uni-heidelberg.de", "universität  heidelberg", 3),
        record("Priya Raman", "priya@example.org", "AIIMS", 4),
        linkedin.clone(),
        record("Priya Raman", "priya@example.org", "", 6),
    ];
    let (added, merged) = write(&store, ContactFormat::Csv, &records).await.unwrap();
    assert_eq!((added, merged), (2, 3), "Priya twice is one new person; Ana and Jürgen merge");

    let ana = people::get(&store, known.id).await.unwrap();
    assert_eq!(ana.institution.as_deref(), Some("Universidad de Salamanca"), "a gap is filled");
    assert_eq!(ana.display_name, "Ana Sánchez", "what was known stays");
    let jurgen = people::get(&store, by_name.id).await.unwrap();
    assert_eq!(jurgen.emails, vec!["jm@uni-heidelberg.de"]);
    assert_eq!(jurgen.institution.as_deref(), Some("Universität Heidelberg"));
    assert_eq!(people::search(&store, "uni-heidelberg", 5).await.unwrap().len(), 1, "new emails are searchable");

    // Importing again adds nobody: every record now matches.
    let mut again = records.clone();
    again[3] = linkedin;
    let (added, merged) = write(&store, ContactFormat::Csv, &again).await.unwrap();
    assert_eq!((added, merged), (0, 5));
    assert_eq!(stats::collect(&store).await.unwrap().0["people"], 4);
}
