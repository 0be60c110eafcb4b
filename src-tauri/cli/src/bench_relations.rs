//! The between-congresses figures of `make bench`: the check-ins list over
//! 50,000 people with 200,000 interactions, and reconnect for an ASH-scale
//! program (the generated 1,000 sessions and 8,000 abstracts). The data is
//! built in SQL in a few statements: 3,000 own cadences, a tag cadence on
//! 1,000 mentors, a relationship cadence on 500 collaborators, 4,000
//! conversations and 200 done meetings at two earlier congresses.
//! Benchmarks measure; nothing here asserts a time.

use crate::generate;
use chrono::NaiveDate;
use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::import;
use hallway_core::relations::cadence::{self, Cadence, CadenceGroup};
use hallway_core::relations::{checkins, reconnect};
use hallway_core::targets::Why;
use hallway_core::{CoreError, Result, Store};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const PEOPLE: i64 = 50_000;
const INTERACTIONS: i64 = 200_000;
const RUNS: usize = 21;

/// Builds `bench-relations.sqlite3` in `dir` and prints the two figures.
pub async fn run(dir: &Path) -> Result<()> {
    let db = dir.join("bench-relations.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db).await?;
    let result = measure(&store, dir).await;
    store.close().await;
    result
}

async fn congress(store: &Store, name: &str, starts: &str, ends: &str, zone: &str) -> Result<congress::Congress> {
    let draft = CongressDraft {
        name: name.into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
        time_zone: zone.into(),
        ..Default::default()
    };
    congress::create(store, &draft).await
}

async fn measure(store: &Store, dir: &Path) -> Result<()> {
    let eha = congress(store, "EHA 2025", "2025-06-12", "2025-06-15", "Europe/Madrid").await?;
    let ash25 = congress(store, "ASH 2025", "2025-12-06", "2025-12-09", "America/New_York").await?;
    let ash = congress(store, "ASH 2026", "2026-12-05", "2026-12-08", "America/New_York").await?;
    let items = generate::program(ash.starts_on, 1_000, 8_000, 70_000);
    let file = dir.join("bench-relations-program.ics");
    std::fs::write(&file, generate::ics(&items)).map_err(|e| CoreError::io(&file, e))?;
    import::import_file(store, ash.id, &file, &|_| {}, &AtomicBool::new(false)).await?;

    let mut tx = store.begin_write().await?;
    // Contacts beyond the program's speakers, up to 50,000 people.
    sqlx::query(
        "INSERT INTO people (display_name, name_key, tags, source, created_at, updated_at) \
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - (SELECT COUNT(*) FROM people)) \
         SELECT 'Contact ' || i, 'contact ' || i, 'linkedin', 'bench', 0, 0 FROM n",
    )
    .bind(PEOPLE)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE people SET tags = trim(tags || ' mentor') WHERE id % 50 = 7").execute(&mut *tx).await?;
    sqlx::query("CREATE TABLE bench_people (n INTEGER PRIMARY KEY, id INTEGER NOT NULL)").execute(&mut *tx).await?;
    sqlx::query("INSERT INTO bench_people (id) SELECT id FROM people ORDER BY id").execute(&mut *tx).await?;
    // 200,000 interactions spread over four years; one in fifty at EHA 2025
    // or ASH 2025 (a conversation there), the rest emails, calls, notes.
    sqlx::query(
        "INSERT INTO interactions (person_id, congress_id, occurred_at, note, kind, on_day, created_at, updated_at) \
         SELECT b.id, x.congress_id, x.at, x.note, x.kind, date(x.at, 'unixepoch'), 0, 0 FROM ( \
           WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) \
           SELECT i, (i * 7919) % ?2 + 1 AS k, \
             CASE i % 100 WHEN 0 THEN ?3 WHEN 50 THEN ?4 END AS congress_id, \
             CASE i % 100 WHEN 0 THEN unixepoch('2025-06-13 12:00') + (i % 3) * 86400 \
                          WHEN 50 THEN unixepoch('2025-12-07 17:00') + (i % 3) * 86400 \
                          ELSE unixepoch('2023-01-01 12:00') + ((i * 37) % 1430) * 86400 END AS at, \
             CASE WHEN i % 50 = 0 THEN 'Talked about MRD by NGS at poster ' || (1000 + i % 8000) ELSE '' END AS note, \
             CASE WHEN i % 50 = 0 THEN 'met' ELSE \
               CASE i % 5 WHEN 0 THEN 'email' WHEN 1 THEN 'call' WHEN 2 THEN 'video' WHEN 3 THEN 'message' ELSE 'note' END \
             END AS kind FROM n) x \
         JOIN bench_people b ON b.n = x.k",
    )
    .bind(INTERACTIONS)
    .bind(PEOPLE)
    .bind(eha.id)
    .bind(ash25.id)
    .execute(&mut *tx)
    .await?;
    // 200 meetings done at ASH 2025, each with one person.
    sqlx::query(
        "INSERT INTO meetings (congress_id, title, kind, status, starts_at, ends_at, uid, created_at, updated_at) \
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) \
         SELECT ?1, 'Coffee ' || i, 'coffee', 'done', unixepoch('2025-12-07 13:00') + (i % 4) * 86400, \
           unixepoch('2025-12-07 13:30') + (i % 4) * 86400, 'bench-meeting-' || i || '@hallway', 0, 0 FROM n",
    )
    .bind(ash25.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO meeting_people (meeting_id, person_id) SELECT m.id, b.id FROM meetings m \
         JOIN bench_people b ON b.n = (m.id * 131) % ?1 + 1",
    )
    .bind(PEOPLE)
    .execute(&mut *tx)
    .await?;
    // Targets: 500 collaborators at ASH 2025; 100 at ASH 2026.
    sqlx::query(
        "INSERT INTO targets (congress_id, person_id, why, created_at, updated_at) \
         SELECT ?1, id, 'collaborator', 0, 0 FROM bench_people WHERE n % 100 = 3",
    )
    .bind(ash25.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO targets (congress_id, person_id, why, created_at, updated_at) \
         SELECT ?1, id, 'peer', 0, 0 FROM bench_people WHERE n % 500 = 11",
    )
    .bind(ash.id)
    .execute(&mut *tx)
    .await?;
    // Own cadences on 3,000 people: 30 days to a year.
    sqlx::query(
        "INSERT INTO cadences (person_id, every, unit, set_on, created_at, updated_at) \
         SELECT id, CASE n % 4 WHEN 0 THEN 30 WHEN 1 THEN 90 WHEN 2 THEN 6 ELSE 12 END, \
           CASE WHEN n % 4 < 2 THEN 'day' ELSE 'month' END, '2026-01-01', 0, 0 FROM bench_people WHERE n % 50 = 1 \
           OR n % 50 = 26 OR n % 50 = 13",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("DROP TABLE bench_people").execute(&mut *tx).await?;
    tx.commit().await?;
    let set_on = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    cadence::set_group(store, &CadenceGroup::Tag { tag: "mentor".into() }, Cadence::parse("3m"), set_on).await?;
    let collaborators = CadenceGroup::Relationship { why: Why::Collaborator };
    cadence::set_group(store, &collaborators, Cadence::parse("6m"), set_on).await?;

    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date");
    let mut times = Vec::with_capacity(RUNS);
    let mut due = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        due = std::hint::black_box(checkins::due(store, today).await?).len();
        times.push(start.elapsed());
    }
    let with_cadence = checkins::list(store, today, 3_660).await?.len();
    println!(
        "{:<46} {:>10.2}ms {:>10}",
        "check-ins due over 50,000 people (200,000 interactions), median",
        median(times),
        "≤ 20ms"
    );
    println!("{:<46} {:>12} {:>10}", "  check-ins due / people with a cadence", format!("{due}/{with_cadence}"), "");
    let mut times = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        found = std::hint::black_box(reconnect::list(store, ash.id).await?).len();
        times.push(start.elapsed());
    }
    println!("{:<46} {:>10.2}ms {:>10}", "reconnect for an ASH-scale program, median", median(times), "≤ 50ms");
    println!("{:<46} {:>12} {:>10}", "  people to reconnect with", found, "");
    Ok(())
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}
