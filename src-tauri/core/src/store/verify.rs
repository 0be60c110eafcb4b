//! Is this file a backup Hallway can restore? Checked before anything is
//! replaced, and shown by Settings before the user commits to a restore:
//! the file must be SQLite, pass `PRAGMA integrity_check`, hold Hallway's
//! tables, and carry a schema version this build knows (a backup from a
//! newer Hallway would be migrated backwards by nobody). The file is opened
//! read-only and immutable, so checking it never changes it, not even by
//! creating a journal beside it.

use super::MIGRATOR;
use crate::{CoreError, Result};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupCheck {
    pub path: String,
    /// The newest migration the backup has had.
    pub schema_version: u32,
    /// Rows per user-data table (as `stats` counts them).
    pub rows: BTreeMap<String, u32>,
}

/// Tables every Hallway database has had since the first release.
const REQUIRED_TABLES: &[&str] = &["_sqlx_migrations", "settings"];

/// Checks `path` as a backup; a clear `CoreError::Backup` says why not.
pub async fn verify_backup(path: &Path) -> Result<BackupCheck> {
    let bad = |reason: &str| CoreError::Backup { path: path.to_path_buf(), reason: reason.to_owned() };
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| CoreError::io(path, e))?;
    if file.read_exact(&mut header).is_err() || &header != b"SQLite format 3\0" {
        return Err(bad("it is not an SQLite database"));
    }
    drop(file);
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true)
        .connect()
        .await
        .map_err(|e| bad(&format!("it cannot be opened ({e})")))?;
    let result = check(&mut conn, path).await;
    let _ = conn.close().await;
    result
}

/// The checks, on an open connection; the error says why in words.
async fn check(conn: &mut SqliteConnection, path: &Path) -> Result<BackupCheck> {
    let bad = |reason: String| CoreError::Backup { path: path.to_path_buf(), reason };
    // An SQLite file whose check cannot even run (a damaged page under a
    // full-text index fails before any row is read) is damaged too.
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check(20)")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| bad(format!("it is damaged ({e})")))?;
    if problems != ["ok"] {
        return Err(bad(format!("it is damaged ({})", problems.join("; "))));
    }
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| bad(format!("it cannot be read ({e})")))?;
    let missing: Vec<&str> = REQUIRED_TABLES
        .iter()
        .chain(crate::stats::TABLES.iter())
        .copied()
        .filter(|t| !tables.iter().any(|have| have == t))
        .collect();
    if !missing.is_empty() {
        return Err(bad(format!("it lacks Hallway's tables ({})", missing.join(", "))));
    }
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| bad(format!("its schema version cannot be read ({e})")))?;
    let Some(&newest) = applied.last() else {
        return Err(bad("it records no schema version".to_owned()));
    };
    if let Some(unknown) = applied.iter().find(|v| !MIGRATOR.iter().any(|m| m.version == **v)) {
        return Err(bad(format!(
            "it was written by a newer Hallway (schema version {unknown}; this one knows up to {})",
            MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
        )));
    }
    let mut rows = BTreeMap::new();
    for table in crate::stats::TABLES {
        // Table names come from the constant, never from the file.
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| bad(format!("its {table} cannot be read ({e})")))?;
        rows.insert(table.to_owned(), u32::try_from(n).unwrap_or(u32::MAX));
    }
    Ok(BackupCheck {
        path: path.display().to_string(),
        schema_version: u32::try_from(newest).unwrap_or(u32::MAX),
        rows,
    })
}
