//! Two Hallways on one database: two app windows, or the app and the CLI,
//! are two `Store`s with their own connection pools on the same file. Here
//! two stores write in parallel (500 new people and 500 notes each, edits
//! interleaved on both pools' connections) while a third imports a program
//! and a fourth backs the database up. SQLite lets one writer in at a time;
//! the busy timeout and write transactions that take the write lock up
//! front (`BEGIN IMMEDIATE`) must turn every collision into a short wait,
//! never an error, and every acknowledged write must be there afterwards.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::PersonId;
use hallway_core::people::interactions::{self, InteractionDraft};
use hallway_core::people::{self, PersonDraft};
use hallway_core::program::import::{import_bytes, ImportProgress};
use hallway_core::{stats, store, Store};
use std::fmt::Write;
use std::sync::atomic::AtomicBool;

const EDITS: usize = 500;
const SESSIONS: usize = 300;

/// A small congress program with one speaker per session.
fn program() -> Vec<u8> {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for i in 0..SESSIONS {
        let day = 5 + i % 4;
        let hour = 8 + (i / 4) % 10;
        write!(
            text,
            "BEGIN:VEVENT\r\nUID:s-{i}\r\nDTSTART:202612{day:02}T{hour:02}0000Z\r\nDURATION:PT45M\r\n\
             SUMMARY:Session {i}\r\nDESCRIPTION:Speakers: Speaker {i}\r\nEND:VEVENT\r\n"
        )
        .unwrap();
    }
    text.push_str("END:VCALENDAR\r\n");
    text.into_bytes()
}

/// One writer's share: new people, and a note on its own person after each.
async fn writer(store: Store, who: &'static str, person: PersonId) -> Vec<String> {
    let mut acknowledged = Vec::new();
    for i in 0..EDITS {
        let name = format!("{who} Person {i:03}");
        let draft =
            PersonDraft { display_name: name.clone(), institution: format!("{who} Institute"), ..Default::default() };
        people::create(&store, &draft).await.unwrap_or_else(|e| panic!("{who} create {i}: {e}"));
        acknowledged.push(name);
        let note = InteractionDraft {
            person_id: person,
            congress_id: None,
            meeting_id: None,
            occurred_at: None,
            note: format!("{who} note {i}"),
        };
        interactions::add(&store, &note).await.unwrap_or_else(|e| panic!("{who} note {i}: {e}"));
        if i % 50 == 0 {
            tokio::task::yield_now().await;
        }
    }
    acknowledged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_stores_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    let first = Store::open(&path).await.unwrap();
    let second = Store::open(&path).await.unwrap();
    let importer = Store::open(&path).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let congress_id = congress::create(&first, &draft).await.unwrap().id;
    let a = people::create(&first, &PersonDraft { display_name: "Note Keeper A".into(), ..Default::default() })
        .await
        .unwrap()
        .id;
    let b = people::create(&second, &PersonDraft { display_name: "Note Keeper B".into(), ..Default::default() })
        .await
        .unwrap()
        .id;

    let import = {
        let store = importer.clone();
        tokio::spawn(async move {
            let never = AtomicBool::new(false);
            let quiet = |_: ImportProgress| {};
            import_bytes(&store, congress_id, "program.ics", program(), &quiet, &never).await
        })
    };
    let copy = {
        let store = importer.clone();
        tokio::spawn(async move { store::backup_now(&store).await })
    };
    let (from_first, from_second) =
        tokio::join!(tokio::spawn(writer(first.clone(), "Alpha", a)), tokio::spawn(writer(second.clone(), "Beta", b)));
    let (from_first, from_second) = (from_first.unwrap(), from_second.unwrap());
    let report = import.await.unwrap().expect("the import ran alongside the edits");
    assert_eq!(report.added as usize, SESSIONS);
    let copy = copy.await.unwrap().expect("a backup taken alongside the edits");
    store::verify_backup(std::path::Path::new(&copy.path)).await.expect("the copy is whole");

    // Read back through a fresh store, as the next start of the app would.
    for store in [first, second, importer] {
        store.close().await;
    }
    let store = Store::open(&path).await.unwrap();
    let names: Vec<String> =
        sqlx::query_scalar("SELECT display_name FROM people").fetch_all(store.pool()).await.unwrap();
    for name in from_first.iter().chain(&from_second) {
        assert_eq!(names.iter().filter(|n| *n == name).count(), 1, "{name}");
    }
    let counts = stats::collect(&store).await.unwrap().0;
    assert_eq!(counts["people"] as usize, 2 + 2 * EDITS + SESSIONS, "edits, note keepers and speakers");
    assert_eq!(counts["interactions"] as usize, 2 * EDITS);
    assert_eq!(counts["sessions"] as usize, SESSIONS);
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(store.pool()).await.unwrap();
    assert_eq!(integrity, "ok");
    store.close().await;
}
