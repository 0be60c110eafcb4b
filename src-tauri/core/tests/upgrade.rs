//! A database made by the first released Hallway, upgraded by this one.
//! The file is built as that release left it: migrations/0001_schema.sql
//! applied by hand, recorded in `_sqlx_migrations` row for row as sqlx
//! records it (same description and checksum, which sqlx checks on every
//! open), and data in every table. `Store::open` must then run every later
//! migration, keep a `.v1.bak` copy first, and lose nothing: every row and
//! every value of every original column reads back the same, the full-text
//! indexes still agree with their tables, and the file passes
//! `PRAGMA integrity_check`.

use hallway_core::{congress, people, store, Store};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::path::Path;

const FIRST_SCHEMA: &str = include_str!("../migrations/0001_schema.sql");

/// Creates `path` as the first release did, with data in every table.
async fn first_release_database(path: &Path) {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .foreign_keys(true)
        .connect()
        .await
        .unwrap();
    // The bookkeeping table exactly as sqlx 0.8 creates it.
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL,
    execution_time BIGINT NOT NULL
);",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let migrator = sqlx::migrate!("./migrations");
    let first = migrator.iter().find(|m| m.version == 1).expect("migration 1");
    assert_eq!(first.sql.as_ref(), FIRST_SCHEMA, "migration 1 is the file the first release shipped");
    let mut tx = conn.begin().await.unwrap();
    sqlx::raw_sql(FIRST_SCHEMA).execute(&mut *tx).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (?1, ?2, TRUE, ?3, 1234567)",
    )
    .bind(first.version)
    .bind(first.description.as_ref())
    .bind(first.checksum.as_ref())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::raw_sql(DATA).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    conn.close().await.unwrap();
}

/// One or more rows in every table of the first schema, with accents,
/// quotes, NULLs and every enumerated value a column allows somewhere.
const DATA: &str = r#"
INSERT INTO congresses (id, name, short_name, series, starts_on, ends_on, time_zone, city, venue, website, hashtags, notes, created_at, updated_at)
VALUES (1, 'ASH Annual Meeting 2026', 'ASH 2026', 'ash', '2026-12-05', '2026-12-08', 'America/New_York', 'Orlando',
        'Orange County Convention Center', 'https://www.hematology.org', '#ASH26 #ASH2026', 'Book hotel; "early"', 1764000000, 1764000001),
       (2, 'EHA 2027 Congress', NULL, 'eha', '2027-06-10', '2027-06-13', 'Europe/Madrid', NULL, NULL, NULL, '', '', 1764000002, 1764000002);
INSERT INTO people (id, display_name, given_name, family_name, honorific, credentials, institution, position, city, country,
                    email, emails_text, phone, linkedin_url, x_handle, bluesky_handle, orcid, tags, notes, source, name_key,
                    merged_into, deleted_at, created_at, updated_at)
VALUES (1, 'Ana Sánchez', 'Ana', 'Sánchez', 'Dr', 'MD, PhD', 'Hospital Clínic de Barcelona', 'Consultant Hematologist',
        'Barcelona', 'Spain', 'ana.sanchez@clinic.cat', 'ana.sanchez@clinic.cat ana@example.org', '+34 600 000 000',
        'https://www.linkedin.com/in/ana-sanchez-hem', 'anasanchez', 'ana.bsky.social', '0000-0002-1825-0097',
        'mentor myeloma', 'Asked about CAR-T data; private note', 'linkedin_csv', 'ana sanchez', NULL, NULL, 1764000010, 1764000011),
       (2, 'Kari Ødegård', 'Kari', 'Ødegård', NULL, NULL, 'University of Oslo', NULL, 'Oslo', 'Norway', NULL, '', NULL, NULL,
        NULL, NULL, NULL, '', '', 'program', 'kari odegard', NULL, NULL, 1764000012, 1764000012),
       (3, 'K. Odegard', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, '', '',
        'manual', 'k odegard', 2, NULL, 1764000013, 1764000014),
       (4, 'Deleted Person', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, '', '',
        'vcard', 'deleted person', NULL, 1764000099, 1764000015, 1764000099);
INSERT INTO person_emails (person_id, email) VALUES (1, 'ana.sanchez@clinic.cat'), (1, 'ana@example.org');
INSERT INTO sessions (id, congress_id, key, title, kind, starts_at, ends_at, all_day, room, track, abstract_number,
                      description, url, speakers, search_folded, source_format, content_hash, withdrawn, attendance,
                      user_notes, created_at, updated_at)
VALUES (1, 1, 'session-101@program', '653. Myeloma: Novel Therapies', 'oral', 1796477400, 1796482800, 0, 'W308',
        'Myeloma', '653', 'Speakers: Kari Ødegård', 'https://example.org/s/101', 'Kari Ødegård', 'Odegard', 'ics',
        '0123456789abcdef', 0, 'attending', 'sit near the front', 1764000020, 1764000021),
       (2, 1, 'h:plenary', 'Plenary Scientific Session', 'plenary', 1796500800, 1796506200, 0, NULL, NULL, NULL, '',
        NULL, '', '', 'frab_xml', NULL, 0, 'maybe', '', 1764000022, 1764000022),
       (3, 1, 'poster-walk', 'Poster walk', 'poster', 1796428800, 1796515200, 1, 'Hall B', NULL, NULL, '', NULL, '', '',
        'csv', NULL, 1, NULL, '', 1764000023, 1764000023),
       (4, 1, 'coffee', 'Coffee', 'break', 1796490000, 1796491800, 0, NULL, NULL, NULL, '', NULL, '', '', 'sample',
        NULL, 0, NULL, '', 1764000024, 1764000024),
       (5, 2, 'eha-edu', 'Education: AML', 'education', 1812700800, 1812704400, 0, NULL, NULL, NULL, '', NULL, '', '',
        'pretalx_json', NULL, 0, NULL, '', 1764000025, 1764000025),
       (6, 2, 'eha-sat', 'Industry satellite', 'satellite', 1812704400, 1812708000, 0, NULL, NULL, NULL, '', NULL, '', '',
        NULL, NULL, 0, NULL, '', 1764000026, 1764000026),
       (7, 2, 'eha-social', 'Networking reception', 'social', 1812708000, 1812715200, 0, NULL, NULL, NULL, '', NULL, '',
        '', NULL, NULL, 0, NULL, '', 1764000027, 1764000027),
       (8, 2, 'eha-other', 'Other', 'other', 1812715200, 1812715200, 0, NULL, NULL, NULL, '', NULL, '', '', NULL, NULL,
        0, NULL, '', 1764000028, 1764000028);
INSERT INTO session_people (session_id, person_id, role, position)
VALUES (1, 2, 'speaker', 0), (1, 1, 'chair', 1), (5, 1, 'author', 0);
INSERT INTO pitches (id, congress_id, audience, title, body, target_seconds, words_per_minute, created_at, updated_at)
VALUES (1, 1, 'mentor', 'Ask for mentorship', 'I work on MRD in myeloma…', 60, 130, 1764000030, 1764000030),
       (2, NULL, 'industry', 'Trial site', 'We enrol 40 patients a year.', 30, 150, 1764000031, 1764000031),
       (3, 2, 'collaborator', 'c', '', 45, 120, 1764000032, 1764000032),
       (4, 2, 'committee', 'd', '', 90, 110, 1764000033, 1764000033),
       (5, 2, 'peer', 'e', '', 20, 140, 1764000034, 1764000034),
       (6, 2, 'other', 'f', '', 10, 100, 1764000035, 1764000035);
INSERT INTO targets (id, congress_id, person_id, priority, why, status, reason, pitch_id, snoozed_until, created_at, updated_at)
VALUES (1, 1, 1, 'must', 'mentor', 'scheduled', 'Career advice', 1, NULL, 1764000040, 1764000041),
       (2, 1, 2, 'nice', 'speaker', 'idea', '', NULL, 1796480000, 1764000042, 1764000042),
       (3, 2, 1, 'should', 'collaborator', 'met', '', NULL, NULL, 1764000043, 1764000043),
       (4, 2, 2, 'should', 'peer', 'contacted', '', NULL, NULL, 1764000044, 1764000044),
       (5, 2, 3, 'should', 'industry', 'followed_up', '', NULL, NULL, 1764000045, 1764000045),
       (6, 2, 4, 'should', 'cooperative_group', 'declined', '', NULL, NULL, 1764000046, 1764000046),
       (7, 1, 3, 'should', 'other', 'idea', '', NULL, NULL, 1764000047, 1764000047);
INSERT INTO meetings (id, congress_id, title, purpose, place, kind, status, starts_at, ends_at, notes, remind_at, uid, sequence, created_at, updated_at)
VALUES (1, 1, 'Coffee with Ana', 'Mentorship', 'Starbucks, Hall A', 'coffee', 'confirmed', 1796490000, 1796491800,
        'bring CV', 1796489100, 'meeting-1@hallway', 2, 1764000050, 1764000051),
       (2, 1, 'a', '', '', 'one_to_one', 'proposed', 1796491800, 1796493600, '', NULL, 'meeting-2@hallway', 0, 1764000052, 1764000052),
       (3, 1, 'b', '', '', 'meal', 'done', 1796493600, 1796495400, '', NULL, 'meeting-3@hallway', 0, 1764000053, 1764000053),
       (4, 2, 'c', '', '', 'reception', 'cancelled', 1812700800, 1812702600, '', NULL, 'meeting-4@hallway', 1, 1764000054, 1764000054),
       (5, 2, 'd', '', '', 'group', 'proposed', 1812702600, 1812704400, '', NULL, 'meeting-5@hallway', 0, 1764000055, 1764000055);
INSERT INTO meeting_people (meeting_id, person_id) VALUES (1, 1), (3, 2), (5, 1), (5, 2);
INSERT INTO goals (id, congress_id, title, rule, rule_params, target_count, manual_count, due_at, position, created_at, updated_at)
VALUES (1, 1, 'Meet 3 mentors', 'targets_met', '{"why":"mentor"}', 3, 0, 1796515200, 0, 1764000060, 1764000060),
       (2, 1, 'Attend 10 sessions', 'sessions_attended', '{}', 10, 0, NULL, 1, 1764000061, 1764000061),
       (3, 1, 'Hand out cards', 'manual', '{}', 20, 7, NULL, 2, 1764000062, 1764000062),
       (4, 1, 'Meetings', 'meetings_done', '{}', 5, 0, NULL, 3, 1764000063, 1764000063),
       (5, 1, 'Follow up', 'follow_ups_done', '{}', 5, 0, NULL, 4, 1764000064, 1764000064),
       (6, 1, 'Notes', 'interactions_logged', '{"keyword":"CAR-T"}', 4, 0, NULL, 5, 1764000065, 1764000065);
INSERT INTO interactions (id, person_id, congress_id, meeting_id, occurred_at, note, created_at, updated_at)
VALUES (1, 1, 1, 1, 1796491000, 'Met at poster 1234; asked about CAR-T data', 1764000070, 1764000070),
       (2, 2, NULL, NULL, 1700000000, 'Email in 2023', 1764000071, 1764000071);
INSERT INTO follow_ups (id, person_id, congress_id, meeting_id, interaction_id, due_at, channel, draft, status, done_at, remind_at, uid, sequence, created_at, updated_at)
VALUES (1, 1, 1, 1, 1, 1796600000, 'email', 'Dear Ana, thank you…', 'owed', NULL, 1796590000, 'follow-up-1@hallway', 0, 1764000080, 1764000080),
       (2, 2, 1, NULL, NULL, 1796600000, 'linkedin', '', 'done', 1796601000, NULL, 'follow-up-2@hallway', 1, 1764000081, 1764000081),
       (3, 1, NULL, NULL, NULL, 1796600000, 'x', '', 'dropped', NULL, NULL, 'follow-up-3@hallway', 0, 1764000082, 1764000082),
       (4, 1, 2, NULL, NULL, 1796600000, 'bluesky', '', 'owed', NULL, NULL, 'follow-up-4@hallway', 0, 1764000083, 1764000083),
       (5, 1, 2, NULL, NULL, 1796600000, 'in_person', '', 'owed', NULL, NULL, 'follow-up-5@hallway', 0, 1764000084, 1764000084),
       (6, 1, 2, NULL, NULL, 1796600000, 'other', '', 'owed', NULL, NULL, 'follow-up-6@hallway', 0, 1764000085, 1764000085);
INSERT INTO settings (key, value) VALUES ('home_time_zone', '"Europe/Madrid"'), ('day_end_hour', '19'), ('buffer_minutes', '10');
"#;

/// The tables of the first schema, with their columns as it defined them.
async fn first_schema_columns(conn: &mut SqliteConnection) -> Vec<(String, Vec<String>)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '%_fts%' AND name != '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
            .bind(&table)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        out.push((table, columns));
    }
    out
}

/// Every row of `table` as text (SQL literals, so NULL, '' and 0 differ).
async fn dump(conn: &mut SqliteConnection, table: &str, columns: &[String]) -> Vec<String> {
    let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
    let sql = format!("SELECT {} FROM \"{table}\" ORDER BY {}", quoted.join(" || '|' || "), columns.join(", "));
    sqlx::query_scalar(&sql).fetch_all(&mut *conn).await.unwrap()
}

#[tokio::test]
async fn a_first_release_database_upgrades_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hallway.sqlite3");
    first_release_database(&path).await;

    let mut conn = SqliteConnectOptions::new().filename(&path).connect().await.unwrap();
    let schema = first_schema_columns(&mut conn).await;
    let mut before = Vec::new();
    for (table, columns) in &schema {
        let rows = dump(&mut conn, table, columns).await;
        assert!(!rows.is_empty(), "the first-release database has no {table}");
        before.push(rows);
    }
    let tables: Vec<&str> = schema.iter().map(|(t, _)| t.as_str()).collect();
    for table in hallway_core::stats::TABLES.iter().chain(["settings"].iter()) {
        assert!(tables.contains(table), "{table} is filled");
    }
    conn.close().await.unwrap();

    let store = Store::open(&path).await.expect("the upgrade runs");
    let newest: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(newest > 1, "later migrations ran");
    let copy = store::backup_path_for(&path, 1);
    assert!(copy.exists(), "a copy was kept at {}", copy.display());
    let check = store::verify_backup(&copy).await.unwrap();
    assert_eq!(check.schema_version, 1);
    assert_eq!(check.rows["people"], 4);

    let mut conn = store.pool().acquire().await.unwrap();
    for ((table, columns), rows) in schema.iter().zip(&before) {
        assert_eq!(&dump(&mut conn, table, columns).await, rows, "{table} after the upgrade");
    }
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut *conn).await.unwrap();
    assert_eq!(integrity, "ok");
    for fts in ["people_fts", "sessions_fts"] {
        sqlx::query(&format!("INSERT INTO {fts} ({fts}) VALUES ('integrity-check')"))
            .execute(&mut *conn)
            .await
            .unwrap_or_else(|e| panic!("{fts} disagrees with its table: {e}"));
    }
    drop(conn);

    // And this build reads the old rows through its own code.
    let congresses = congress::list(&store).await.unwrap();
    assert_eq!(congresses.len(), 2);
    let found = people::search(&store, "odegard", 10).await.unwrap();
    assert!(found.iter().any(|p| p.display_name == "Kari Ødegård"), "{found:?}");
    let ana = people::get(&store, hallway_core::ids::PersonId(1)).await.unwrap();
    assert_eq!(ana.notes, "Asked about CAR-T data; private note");
    store.close().await;
}
