//! Backups and restores through the core: a copy taken on demand is a
//! whole, verifiable database that never overwrites another copy; a
//! restore puts it back, keeps the database it replaces, and leaves no WAL
//! behind to be replayed into the restored file; a damaged, foreign or
//! too-new file is refused with a reason, and nothing changes; and a
//! database still open elsewhere is not swapped from under its users.

use hallway_core::people::{self, PersonDraft};
use hallway_core::store::{self, BackupKind};
use hallway_core::{CoreError, Store};
use std::path::{Path, PathBuf};

async fn person(store: &Store, name: &str) {
    let draft =
        PersonDraft { display_name: name.into(), notes: format!("private note on {name}"), ..Default::default() };
    people::create(store, &draft).await.unwrap();
}

async fn names(path: &Path) -> Vec<String> {
    let store = Store::open(path).await.unwrap();
    let names =
        sqlx::query_scalar("SELECT display_name FROM people ORDER BY id").fetch_all(store.pool()).await.unwrap();
    store.close().await;
    names
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn back_up_then_restore_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    let store = Store::open(&db).await.unwrap();
    person(&store, "Ana Sánchez").await;

    let first = store::backup_now(&store).await.unwrap();
    let second = store::backup_now(&store).await.unwrap();
    assert_ne!(first.path, second.path, "a copy never overwrites another");
    assert_eq!(first.kind, BackupKind::Manual);
    assert!(first.bytes > 0);
    let name = Path::new(&first.path).file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("hallway.sqlite3.") && name.ends_with(".bak"), "{name}");
    let check = store::verify_backup(Path::new(&first.path)).await.unwrap();
    assert_eq!(check.rows["people"], 1);

    // Writes after the copy are what a restore takes back.
    person(&store, "Kari Ødegård").await;
    let listed = store::list_backups(&db).unwrap();
    assert_eq!(listed.len(), 2);
    store.close().await;

    let restored = store::restore(&db, Path::new(&first.path)).await.unwrap();
    assert_eq!(restored.restored_from, first.path);
    let safety = restored.safety_copy.expect("the replaced database is kept");
    assert_eq!(safety.kind, BackupKind::BeforeRestore);
    for stale in ["-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(stale);
        assert!(!PathBuf::from(path).exists(), "{stale} left beside the restored file");
    }
    assert_eq!(names(&db).await, ["Ana Sánchez"]);
    assert_eq!(names(Path::new(&safety.path)).await, ["Ana Sánchez", "Kari Ødegård"]);
    let kinds: Vec<BackupKind> = store::list_backups(&db).unwrap().iter().map(|b| b.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == BackupKind::BeforeRestore).count(), 1, "{kinds:?}");
}

#[tokio::test]
async fn bad_backups_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    let store = Store::open(&db).await.unwrap();
    person(&store, "Ana Sánchez").await;
    let good = store::backup_now(&store).await.unwrap();
    store.close().await;

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database").unwrap();
    let damaged = dir.path().join("damaged.bak");
    let mut copy = bytes(Path::new(&good.path));
    let middle = copy.len() / 2;
    copy[middle..middle + 4096].fill(0x5A);
    std::fs::write(&damaged, &copy).unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    let other = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", foreign.display())).await.unwrap();
    sqlx::query("CREATE TABLE invoices (id INTEGER PRIMARY KEY)").execute(&other).await.unwrap();
    other.close().await;
    let newer = dir.path().join("newer.bak");
    std::fs::copy(&good.path, &newer).unwrap();
    let conn = sqlx::SqlitePool::connect(&format!("sqlite://{}", newer.display())).await.unwrap();
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (9999, 'future', 1, x'00', 0)")
        .execute(&conn)
        .await
        .unwrap();
    conn.close().await;

    for (file, reason) in [
        (&text, "it is not an SQLite database"),
        (&damaged, "it is damaged"),
        (&foreign, "it lacks Hallway's tables"),
        (&newer, "it was written by a newer Hallway (schema version 9999"),
        (&db, "it is the database itself"),
    ] {
        let err = store::restore(&db, file).await.unwrap_err();
        let CoreError::Backup { reason: got, .. } = &err else { panic!("{}: {err}", file.display()) };
        assert!(got.starts_with(reason), "{}: {got}", file.display());
        assert!(err.to_string().contains("not a usable Hallway backup"), "{err}");
    }
    assert_eq!(names(&db).await, ["Ana Sánchez"], "the database is untouched");
    assert_eq!(store::list_backups(&db).unwrap().len(), 1, "no safety copies for refused restores");
}

#[tokio::test]
async fn a_database_in_use_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    let store = Store::open(&db).await.unwrap();
    person(&store, "Ana Sánchez").await;
    let copy = store::backup_now(&store).await.unwrap();
    person(&store, "Kari Ødegård").await;

    let err = store::restore(&db, Path::new(&copy.path)).await.unwrap_err();
    assert!(matches!(err, CoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("is open in Hallway"), "{err}");
    // The open store goes on working, with everything it wrote.
    person(&store, "Li Wei").await;
    store.close().await;
    assert_eq!(names(&db).await, ["Ana Sánchez", "Kari Ødegård", "Li Wei"]);
}

#[tokio::test]
async fn a_scheduled_restore_happens_before_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    let store = Store::open(&db).await.unwrap();
    person(&store, "Ana Sánchez").await;
    let copy = store::backup_now(&store).await.unwrap();
    person(&store, "Kari Ødegård").await;

    // The running app: verified and scheduled, nothing replaced yet.
    let check = store::schedule_restore(&db, Path::new(&copy.path)).await.unwrap();
    assert_eq!(check.rows["people"], 1);
    assert!(store::pending_restore(&db).is_some());
    store.close().await;

    // The next start.
    let done = store::finish_pending_restore(&db).await.unwrap().expect("a restore was pending");
    assert!(done.safety_copy.is_some());
    assert!(store::pending_restore(&db).is_none());
    assert_eq!(names(&db).await, ["Ana Sánchez"]);
    assert!(store::finish_pending_restore(&db).await.unwrap().is_none(), "done once");

    // A bad file is refused when scheduled.
    let junk = dir.path().join("junk.bak");
    std::fs::write(&junk, b"junk").unwrap();
    assert!(store::schedule_restore(&db, &junk).await.is_err());
    assert!(store::pending_restore(&db).is_none());
}

#[tokio::test]
async fn a_damaged_database_can_still_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    let store = Store::open(&db).await.unwrap();
    person(&store, "Ana Sánchez").await;
    let copy = store::backup_now(&store).await.unwrap();
    store.close().await;
    // Fold any WAL in first, so that the damage below is the whole story.
    // Leaving WAL needs the file to itself, and a connection of the closed
    // pool may still be closing on its worker thread (seen once under load:
    // "database is locked"), so this waits for it, up to 10 s.
    let conn = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while let Err(err) = sqlx::query("PRAGMA journal_mode = DELETE").execute(&conn).await {
        assert!(std::time::Instant::now() < deadline, "the database stayed locked: {err}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    conn.close().await;
    // The user's file is garbage now (a disk error, a bad sync tool).
    std::fs::write(&db, vec![0x42; 8192]).unwrap();

    let restored = store::restore(&db, Path::new(&copy.path)).await.unwrap();
    let safety = restored.safety_copy.unwrap();
    assert!(bytes(Path::new(&safety.path)) == vec![0x42; 8192], "the damaged file is kept as it was");
    assert_eq!(names(&db).await, ["Ana Sánchez"]);
}

#[tokio::test]
async fn a_damaged_main_file_is_kept_with_its_wal_as_found() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let store = Store::open(&live).await.unwrap();
    person(&store, "Ana Sánchez").await;
    let copy = store::backup_now(&store).await.unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(store.pool()).await.unwrap();
    person(&store, "Kari Ødegård").await;
    // The files as a crash would leave them: committed pages still in the
    // WAL. Then the main file goes bad in the middle.
    let db = dir.path().join("hallway.sqlite3");
    let with_wal = |path: &Path| {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        PathBuf::from(wal)
    };
    std::fs::copy(&live, &db).unwrap();
    std::fs::copy(with_wal(&live), with_wal(&db)).unwrap();
    store.close().await;
    let wal_as_found = bytes(&with_wal(&db));
    assert!(!wal_as_found.is_empty());
    let mut main = bytes(&db);
    let page = 4096.min(main.len() / 2);
    main[page..page * 2].fill(0x42);
    std::fs::write(&db, &main).unwrap();

    let restored = store::restore(&db, Path::new(&copy.path)).await.unwrap();
    let safety = PathBuf::from(restored.safety_copy.unwrap().path);
    let as_found = bytes(&safety) == main;
    let wal_kept = std::fs::read(with_wal(&safety)).is_ok_and(|w| w == wal_as_found);
    // Either the pair as found, or (when the WAL made it whole) one healthy
    // file: never a main file changed by folding and then kept as if found so.
    if as_found {
        assert!(wal_kept, "the WAL of a damaged database is kept beside it");
    } else {
        assert!(!with_wal(&safety).exists());
        store::verify_backup(&safety).await.expect("a pair made whole is kept as one healthy file");
    }
    assert_eq!(names(&db).await, ["Ana Sánchez"]);
}
