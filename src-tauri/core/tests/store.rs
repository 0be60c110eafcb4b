//! Opening the database: pragmas in force, settings round-trip, and the copy
//! kept before a migration.

use hallway_core::settings::{self, Settings};
use hallway_core::{store, CoreError, Store};

#[tokio::test]
async fn opens_in_wal_with_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("nested/folder/h.sqlite3")).await.unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(store.pool()).await.unwrap();
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(store.pool()).await.unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn settings_round_trip_and_validate() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    assert_eq!(settings::get(&store).await.unwrap(), Settings::default());

    let wanted = Settings { home_time_zone: Some("Europe/Madrid".into()), buffer_minutes: 15, ..Settings::default() };
    settings::update(&store, &wanted).await.unwrap();
    assert_eq!(settings::get(&store).await.unwrap(), wanted);

    let bad = Settings { home_time_zone: Some("Nowhere/Land".into()), day_start_hour: 20, day_end_hour: 8, ..wanted };
    let Err(CoreError::Invalid(problems)) = settings::update(&store, &bad).await else { panic!("must refuse") };
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["home_time_zone", "day_end_hour"]);

    // A stored value of the wrong shape costs only that field.
    sqlx::query("UPDATE settings SET value = '\"lots\"' WHERE key = 'buffer_minutes'")
        .execute(store.pool())
        .await
        .unwrap();
    let read = settings::get(&store).await.unwrap();
    assert_eq!(read.buffer_minutes, Settings::default().buffer_minutes);
    assert_eq!(read.home_time_zone.as_deref(), Some("Europe/Madrid"));
}

#[tokio::test]
async fn a_copy_is_kept_before_a_pending_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    let store = Store::open(&path).await.unwrap();
    sqlx::query("INSERT INTO settings (key, value) VALUES ('marker', '1')").execute(store.pool()).await.unwrap();
    // Pretend the file was last migrated by an older version of Hallway:
    // the newest migration now counts as pending.
    let newest: i64 =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(store.pool()).await.unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = ?").bind(newest).execute(store.pool()).await.unwrap();
    store.close().await;

    // Reopening runs the "pending" migration again (over its own result it
    // may fail or not, as the migration is written); either way the copy
    // must have been taken before it ran.
    if let Ok(reopened) = Store::open(&path).await {
        reopened.close().await;
    }
    let backup = store::backup_path_for(&path, newest - 1);
    assert!(backup.exists(), "no copy at {}", backup.display());
    // The copy holds the data as it was (read with a bare connection: opening
    // it as a Store would try to migrate it too).
    let conn = sqlx::SqlitePool::connect(&format!("sqlite://{}", backup.display())).await.unwrap();
    let marker: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'marker'").fetch_one(&conn).await.unwrap();
    assert_eq!(marker, "1");
    let recorded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = ?")
        .bind(newest)
        .fetch_one(&conn)
        .await
        .unwrap();
    assert_eq!(recorded, 0, "the copy was taken before the pending migration ran");
}
