//! Re-import semantics of `apply::write` on a real database: added, updated,
//! unchanged and withdrawn counts; user marks kept; speakers linked to one
//! person across spellings and to the contacts already there; a cancel
//! leaves nothing behind; the bulk writer's settings stay with it.

use super::item::{ItemPerson, PersonRole, ProgramItem, SourceTime};
use super::{write, ImportProgress, ProgramFormat};
use crate::congress::{self, CongressDraft};
use crate::ids::CongressId;
use crate::people::{self, PersonDraft};
use crate::program::{self, Attendance};
use crate::{stats, CoreError, Store};
use chrono::NaiveDate;
use std::sync::atomic::AtomicBool;

async fn setup() -> (tempfile::TempDir, Store, CongressId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "EHA 2027".into(),
        starts_on: "2027-06-10".into(),
        ends_on: "2027-06-13".into(),
        time_zone: "Europe/Madrid".into(),
        ..Default::default()
    };
    let id = congress::create(&store, &draft).await.unwrap().id;
    (dir, store, id)
}

fn talk(id: &str, title: &str, hour: u32, speakers: &[&str]) -> ProgramItem {
    let start = NaiveDate::from_ymd_opt(2027, 6, 11).unwrap().and_hms_opt(hour, 0, 0).unwrap();
    let mut item = ProgramItem::new(title, SourceTime::Floating(start), 1);
    item.source_id = Some(id.into());
    item.duration_minutes = Some(60);
    item.room = Some("Hall A".into());
    item.people = speakers.iter().map(|n| ItemPerson { name: (*n).into(), role: PersonRole::Speaker }).collect();
    item
}

async fn import(store: &Store, c: CongressId, items: &[ProgramItem]) -> super::ImportReport {
    let never = AtomicBool::new(false);
    write(store, c, ProgramFormat::FrabXml, chrono_tz::Europe::Madrid, items, &|_: ImportProgress| {}, &never)
        .await
        .unwrap()
}

#[tokio::test]
async fn reimport_updates_in_place_keeps_marks_and_withdraws_what_vanished() {
    let (_dir, store, c) = setup().await;
    let first = vec![
        talk("a", "Myeloma update", 9, &["Ana Sánchez", "Jürgen Müller"]),
        talk("b", "CAR-T toxicity", 10, &["Sánchez, Ana"]),
        talk("c", "Poster walk", 11, &[]),
    ];
    let report = import(&store, c, &first).await;
    assert_eq!((report.added, report.updated, report.unchanged, report.withdrawn), (3, 0, 0, 0));
    assert_eq!(report.people_added, 2, "Ana Sánchez in two spellings is one person");

    let sessions = program::list(&store, c).await.unwrap();
    let a = sessions.iter().find(|s| s.key == "a").unwrap();
    assert_eq!(a.starts_at.to_rfc3339(), "2027-06-11T09:00:00+02:00");
    assert_eq!(a.speakers, vec!["Ana Sánchez", "Jürgen Müller"]);
    program::set_attendance(&store, a.id, Some(Attendance::Attending)).await.unwrap();

    // Same file again: nothing changes.
    let again = import(&store, c, &first).await;
    assert_eq!((again.added, again.updated, again.unchanged, again.withdrawn), (0, 0, 3, 0));

    // "a" moves an hour, "c" vanishes, "d" is new.
    let second = vec![
        talk("a", "Myeloma update", 12, &["Ana Sánchez", "Jürgen Müller"]),
        talk("b", "CAR-T toxicity", 10, &["Sánchez, Ana"]),
        talk("d", "Late-breaking abstracts", 15, &["Wei Zhang"]),
    ];
    let report = import(&store, c, &second).await;
    assert_eq!((report.added, report.updated, report.unchanged, report.withdrawn), (1, 1, 1, 1));
    let sessions = program::list(&store, c).await.unwrap();
    let a = sessions.iter().find(|s| s.key == "a").unwrap();
    assert_eq!(a.starts_at.to_rfc3339(), "2027-06-11T12:00:00+02:00");
    assert_eq!(a.attendance, Some(Attendance::Attending), "the user's mark survives the update");
    assert!(sessions.iter().find(|s| s.key == "c").unwrap().withdrawn);
    assert_eq!(sessions.len(), 4, "withdrawn sessions are kept, flagged");

    let counts = stats::collect(&store).await.unwrap().0;
    assert_eq!(counts["people"], 3);
    assert_eq!(counts["session_people"], 4);
}

#[tokio::test]
async fn keys_fall_back_to_title_start_and_room_and_repeats_add_their_start() {
    let (_dir, store, c) = setup().await;
    let mut x = talk("", "Coffee", 10, &[]);
    x.source_id = None;
    let dup1 = talk("LBA-1", "Late breaking 1", 9, &[]);
    let dup2 = talk("LBA-1", "Late breaking 1 (poster)", 18, &[]);
    import(&store, c, &[x.clone(), dup1.clone(), dup2.clone()]).await;
    let keys: Vec<String> = program::list(&store, c).await.unwrap().into_iter().map(|s| s.key).collect();
    assert!(keys.iter().any(|k| k.starts_with("h:")), "{keys:?}");
    // A repeated id adds the start: 09:00 and 18:00 Madrid are 07:00 and 16:00 UTC.
    for key in ["LBA-1@2027-06-11T07:00:00Z", "LBA-1@2027-06-11T16:00:00Z"] {
        assert!(keys.iter().any(|k| k == key), "{keys:?}");
    }
    // The other order of rows gives the same keys: nothing changes.
    let again = import(&store, c, &[dup2, x, dup1]).await;
    assert_eq!(again.unchanged, 3);
}

#[tokio::test]
async fn a_cancelled_import_writes_nothing() {
    let (_dir, store, c) = setup().await;
    let items: Vec<ProgramItem> = (0..500).map(|i| talk(&format!("k{i}"), "Talk", 9, &["Ana Sánchez"])).collect();
    let cancel = AtomicBool::new(true);
    let result =
        write(&store, c, ProgramFormat::Csv, chrono_tz::Europe::Madrid, &items, &|_: ImportProgress| {}, &cancel).await;
    assert!(matches!(result, Err(CoreError::Cancelled)));
    let counts = stats::collect(&store).await.unwrap().0;
    assert_eq!((counts["sessions"], counts["people"], counts["session_people"]), (0, 0, 0));
}

#[tokio::test]
async fn search_finds_speakers_without_accents_and_abstract_numbers() {
    let (_dir, store, c) = setup().await;
    let mut item = talk("a", "Menin inhibitors in NPM1 AML", 9, &["Søren Ødegård"]);
    item.abstract_number = Some("LBA-4567".into());
    import(&store, c, &[item, talk("b", "Myeloma", 10, &["Ana Sánchez"])]).await;
    let sessions = program::list(&store, c).await.unwrap();
    let by_key = |k: &str| sessions.iter().find(|s| s.key == k).unwrap().id;
    assert_eq!(program::search(&store, c, "odeg", 50).await.unwrap(), vec![by_key("a")]);
    assert_eq!(program::search(&store, c, "sanchez", 50).await.unwrap(), vec![by_key("b")]);
    assert_eq!(program::search(&store, c, "4567", 50).await.unwrap(), vec![by_key("a")]);
    assert_eq!(program::search(&store, c, "menin npm1", 50).await.unwrap(), vec![by_key("a")]);
    assert!(program::search(&store, c, "\"", 50).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_sample_program_loads_once_and_reloads_unchanged() {
    let (_dir, store, c) = setup().await;
    let first = program::sample::load(&store, c).await.unwrap();
    assert!(first.added > 40, "{first:?}");
    let again = program::sample::load(&store, c).await.unwrap();
    assert_eq!((again.added, again.unchanged), (0, first.added));
    assert!(program::list(&store, c).await.unwrap().iter().all(|s| s.sample));
}

#[tokio::test]
async fn a_word_in_most_of_the_program_returns_sessions_in_time_order() {
    let (_dir, store, c) = setup().await;
    // 1,100 matches: past the ranking cut-off, so results come by start time.
    let items: Vec<ProgramItem> = (0..1100u32)
        .map(|i| {
            let mut item = talk(&format!("k{i}"), &format!("Myeloma talk {i}"), 8 + (1099 - i) % 12, &[]);
            item.room = Some(format!("Room {i}"));
            item
        })
        .collect();
    import(&store, c, &items).await;
    let found = program::search(&store, c, "myeloma", 2000).await.unwrap();
    assert_eq!(found.len(), 1100);
    let all = program::list(&store, c).await.unwrap();
    let start_of = |id| all.iter().find(|s| s.id == id).unwrap().starts_at;
    assert!(found.windows(2).all(|w| start_of(w[0]) <= start_of(w[1])));
    assert_eq!(program::search(&store, c, "myeloma", 10).await.unwrap().len(), 10);
}

#[tokio::test]
async fn speakers_join_the_contacts_already_there_and_not_deleted_ones() {
    let (_dir, store, c) = setup().await;
    let draft = |name: &str| PersonDraft { display_name: name.into(), ..Default::default() };
    let ana = people::create(&store, &draft("Ana Sánchez")).await.unwrap();
    let gone = people::create(&store, &draft("Wei Zhang")).await.unwrap();
    people::delete(&store, gone.id).await.unwrap();
    let report = import(&store, c, &[talk("a", "Myeloma", 9, &["Sánchez, Ana", "Wei Zhang", "Kari Ødegård"])]).await;
    assert_eq!(report.people_added, 2, "Wei Zhang was deleted, so a new one; Ana is known");
    let page = people::page(&store, ana.id).await.unwrap();
    assert_eq!(page.sessions.len(), 1, "the talk is on the existing contact's page");
    let linked: Vec<i64> = sqlx::query_scalar("SELECT person_id FROM session_people ORDER BY position")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(linked.len(), 3);
    assert_eq!(linked[0], ana.id.0);
    assert!(!linked.contains(&gone.id.0), "a deleted contact gets no new talks");
}

#[tokio::test]
async fn after_an_import_every_connection_checks_foreign_keys_again() {
    let (_dir, store, c) = setup().await;
    import(&store, c, &[talk("a", "Myeloma", 9, &["Ana Sánchez"])]).await;
    // Hold every connection the pool can give at once: none may be the
    // import's, which wrote without foreign-key checks.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(store.pool().acquire().await.unwrap());
    }
    for conn in &mut held {
        let on: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut **conn).await.unwrap();
        assert_eq!(on, 1);
    }
    drop(held);
    let dangling =
        sqlx::query("INSERT INTO session_people (session_id, person_id) VALUES (1, 9999)").execute(store.pool()).await;
    assert!(dangling.is_err(), "a link to nobody is refused");
}

#[tokio::test]
async fn an_import_into_a_congress_that_is_gone_writes_nothing() {
    let (_dir, store, _c) = setup().await;
    let never = AtomicBool::new(false);
    let items = [talk("a", "Myeloma", 9, &["Ana Sánchez"])];
    let result =
        write(&store, CongressId(999), ProgramFormat::Ics, chrono_tz::Europe::Madrid, &items, &|_| {}, &never).await;
    assert!(matches!(result, Err(CoreError::NotFound { what: "congress", .. })), "{result:?}");
    let counts = stats::collect(&store).await.unwrap().0;
    assert_eq!((counts["sessions"], counts["people"]), (0, 0));
}

#[tokio::test]
async fn an_unchanged_reimport_leaves_people_alone_even_one_the_user_deleted() {
    let (_dir, store, c) = setup().await;
    let items = [talk("a", "Myeloma", 9, &["Ana Sánchez", "Wei Zhang"]), talk("b", "CAR-T", 10, &["Wei Zhang"])];
    let first = import(&store, c, &items).await;
    assert_eq!(first.people_added, 2);
    let wei = people::search(&store, "Wei Zhang", 5).await.unwrap()[0].id;
    people::delete(&store, wei).await.unwrap();
    let again = import(&store, c, &items).await;
    assert_eq!((again.unchanged, again.people_added), (2, 0));
    assert!(people::search(&store, "Wei Zhang", 5).await.unwrap().is_empty(), "the deleted speaker stays deleted");
    // A session that changes is linked afresh, and then its speakers are looked up again.
    let moved = [talk("a", "Myeloma", 11, &["Ana Sánchez", "Wei Zhang"]), talk("b", "CAR-T", 10, &["Wei Zhang"])];
    let report = import(&store, c, &moved).await;
    assert_eq!((report.updated, report.unchanged, report.people_added), (1, 1, 1));
}
