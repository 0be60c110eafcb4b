//! Congress storage against a real SQLite file: create, edit, resolve,
//! delete with everything that hangs off it, and reopen to find it again.

use hallway_core::congress::{self, CongressDraft, Series};
use hallway_core::{CoreError, Store};

fn ash() -> CongressDraft {
    CongressDraft {
        name: "ASH 2026".into(),
        short_name: "ASH26".into(),
        series: Series::Ash,
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/Los_Angeles".into(),
        city: "San Diego".into(),
        hashtags: "#ASH26".into(),
        ..Default::default()
    }
}

async fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("hallway.sqlite3")).await.unwrap();
    (dir, store)
}

#[tokio::test]
async fn create_edit_and_find_again_after_reopening() {
    let (dir, store) = temp_store().await;
    let created = congress::create(&store, &ash()).await.unwrap();
    assert_eq!(created.name, "ASH 2026");
    assert_eq!(created.starts_on.to_string(), "2026-12-05");

    let mut edited = ash();
    edited.city = "Orlando".into();
    edited.time_zone = "America/New_York".into();
    congress::update(&store, created.id, &edited).await.unwrap();
    store.close().await;

    let store = Store::open(dir.path().join("hallway.sqlite3")).await.unwrap();
    let all = congress::list(&store).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].city.as_deref(), Some("Orlando"));
    assert_eq!(all[0].time_zone, "America/New_York");
    assert_eq!(all[0].hashtags, vec!["#ASH26"]);
}

#[tokio::test]
async fn resolve_by_id_name_or_short_name() {
    let (_dir, store) = temp_store().await;
    let created = congress::create(&store, &ash()).await.unwrap();
    for reference in [created.id.to_string(), "ash 2026".into(), "ASH26".into(), " ash26 ".into()] {
        assert_eq!(congress::resolve(&store, &reference).await.unwrap().id, created.id, "{reference}");
    }
    assert!(matches!(congress::resolve(&store, "EHA 2027").await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn names_and_short_names_are_unique() {
    let (_dir, store) = temp_store().await;
    let first = congress::create(&store, &ash()).await.unwrap();
    let mut clash = ash();
    clash.name = "Another".into();
    let Err(CoreError::Invalid(problems)) = congress::create(&store, &clash).await else {
        panic!("a repeated short name must be refused")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, "short_name");
    // Editing a congress may keep its own name.
    congress::update(&store, first.id, &ash()).await.unwrap();
    assert!(congress::validate(&store, &ash(), Some(first.id)).await.unwrap().is_empty());
}

#[tokio::test]
async fn invalid_drafts_write_nothing() {
    let (_dir, store) = temp_store().await;
    let mut bad = ash();
    bad.ends_on = "2026-12-01".into();
    assert!(matches!(congress::create(&store, &bad).await, Err(CoreError::Invalid(_))));
    assert!(congress::list(&store).await.unwrap().is_empty());
}

#[tokio::test]
async fn delete_takes_the_program_but_keeps_people() {
    let (_dir, store) = temp_store().await;
    let c = congress::create(&store, &ash()).await.unwrap();
    let pool = store.pool();
    sqlx::query(
        "INSERT INTO sessions (congress_id, key, title, starts_at, ends_at, created_at, updated_at) \
         VALUES (?, 'k1', 'Plenary', 0, 60, 0, 0)",
    )
    .bind(c.id)
    .execute(pool)
    .await
    .unwrap();
    let person: i64 = sqlx::query_scalar(
        "INSERT INTO people (display_name, name_key, created_at, updated_at) VALUES ('Ana Sánchez', 'ana sanchez', 0, 0) RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO targets (congress_id, person_id, created_at, updated_at) VALUES (?, ?, 0, 0)")
        .bind(c.id)
        .bind(person)
        .execute(pool)
        .await
        .unwrap();

    let contents = congress::contents(&store, c.id).await.unwrap();
    assert_eq!((contents.sessions, contents.targets, contents.meetings), (1, 1, 0));

    congress::delete(&store, c.id).await.unwrap();
    let stats = hallway_core::stats::collect(&store).await.unwrap();
    assert_eq!(stats.0["congresses"], 0);
    assert_eq!(stats.0["sessions"], 0);
    assert_eq!(stats.0["targets"], 0);
    assert_eq!(stats.0["people"], 1);
    assert!(matches!(congress::delete(&store, c.id).await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn people_search_ignores_accents() {
    // The schema's FTS table, which later features search through.
    let (_dir, store) = temp_store().await;
    sqlx::query(
        "INSERT INTO people (display_name, institution, name_key, created_at, updated_at) \
         VALUES ('Ana Sánchez', 'Hospital Universitario de Salamanca', 'ana sanchez', 0, 0)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    let hits: Vec<i64> = sqlx::query_scalar("SELECT rowid FROM people_fts WHERE people_fts MATCH 'sanch*'")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
}
