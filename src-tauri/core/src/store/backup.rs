//! Copies of the database: the one kept before a migration runs, and those
//! the user takes on demand. Both are written with `VACUUM INTO`, which
//! writes a consistent snapshot (WAL content included) while the app keeps
//! working, into a file that must not exist yet, so a copy never overwrites
//! another. Copies sit next to the database, named after it:
//!
//! - `hallway.sqlite3.v3.bak`: before migrating a file at schema version 3;
//! - `hallway.sqlite3.2026-11-25T20-40-00.bak`: taken on demand (local time);
//! - `hallway.sqlite3.2026-11-25T20-40-00.before-restore.bak`: the database
//!   as it was just before a restore replaced it (see `restore`).

use super::Store;
use crate::{CoreError, Result};
use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};
use sqlx::migrate::Migrator;
use std::path::{Path, PathBuf};

/// Why a copy was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Taken on demand (Settings → Back up, `hallway-cli backup`).
    Manual,
    /// Kept before a migration changed the schema.
    BeforeMigration,
    /// The database as it was before a restore replaced it.
    BeforeRestore,
}

/// A copy of the database on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupFile {
    pub path: String,
    #[specta(type = f64)]
    pub bytes: u64,
    /// When the file was last written.
    pub modified: DateTime<Utc>,
    pub kind: BackupKind,
}

/// `hallway.sqlite3` at schema version 3 is kept as `hallway.sqlite3.v3.bak`.
pub fn backup_path_for(db: &Path, version: i64) -> PathBuf {
    sibling(db, &format!("v{version}.bak"))
}

/// `<db file name>.<suffix>` in the database's folder.
pub(super) fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    db.with_file_name(name)
}

/// A name for a new timestamped copy that no file has yet:
/// `<db>.<local time>[-n].<tail>` (`tail` is `bak` or `before-restore.bak`).
pub(super) fn fresh_name(db: &Path, tail: &str) -> PathBuf {
    let stamp = Local::now().format("%Y-%m-%dT%H-%M-%S").to_string();
    let mut n = 1;
    loop {
        let suffix = if n == 1 { format!("{stamp}.{tail}") } else { format!("{stamp}-{n}.{tail}") };
        let path = sibling(db, &suffix);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

/// Writes a consistent copy of the open database next to it, under a new
/// timestamped name, and says where. Safe while the app and the CLI work on
/// the database: `VACUUM INTO` reads in one transaction.
pub async fn backup_now(store: &Store) -> Result<BackupFile> {
    let mut target = fresh_name(store.path(), "bak");
    // `VACUUM INTO` refuses an existing file; two copies in the same second
    // from two processes can race for one name, so try the next.
    for _ in 0..10 {
        match vacuum_into(store, &target).await {
            Ok(()) => return describe(&target, BackupKind::Manual),
            Err(_) if target.exists() => target = fresh_name(store.path(), "bak"),
            Err(err) => return Err(err),
        }
    }
    Err(CoreError::Conflict(format!("could not find a free name for a backup next to {}", store.path().display())))
}

/// Writes a consistent copy of the open database to `target`, which must
/// not exist yet (`hallway-cli backup -o FILE`).
pub async fn backup_to(store: &Store, target: &Path) -> Result<BackupFile> {
    if target.exists() {
        return Err(CoreError::Conflict(format!(
            "{} already exists; a backup never overwrites a file",
            target.display()
        )));
    }
    vacuum_into(store, target).await?;
    describe(target, BackupKind::Manual)
}

async fn vacuum_into(store: &Store, target: &Path) -> Result<()> {
    let target_text = target
        .to_str()
        .ok_or_else(|| CoreError::Conflict(format!("the backup path {} is not valid Unicode", target.display())))?;
    sqlx::query("VACUUM INTO ?").bind(target_text.to_owned()).execute(store.pool()).await?;
    Ok(())
}

/// Size, time and kind of one copy.
pub(super) fn describe(path: &Path, kind: BackupKind) -> Result<BackupFile> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    let modified = meta.modified().map_err(|e| CoreError::io(path, e))?;
    Ok(BackupFile { path: path.display().to_string(), bytes: meta.len(), modified: modified.into(), kind })
}

/// Every copy of the database at `db` in its folder, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupFile>> {
    let dir = match db.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{}.", db.file_name().unwrap_or_default().to_string_lossy());
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(CoreError::io(&dir, err)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CoreError::io(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = name.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".bak")) else { continue };
        let last = middle.rsplit('.').next().unwrap_or_default();
        let kind = if last == "before-restore" {
            BackupKind::BeforeRestore
        } else if last.strip_prefix('v').is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) {
            BackupKind::BeforeMigration
        } else {
            BackupKind::Manual
        };
        if entry.file_type().map_err(|e| CoreError::io(entry.path(), e))?.is_file() {
            found.push(describe(&entry.path(), kind)?);
        }
    }
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// Snapshots the database when it already holds a schema and a newer
/// migration is about to run. A brand-new file has nothing to keep.
pub(super) async fn before_migrating(store: &Store, migrator: &Migrator) -> Result<()> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(store.pool())
    .await?;
    if !has_table {
        return Ok(());
    }
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(store.pool()).await?;
    let Some(current) = applied else { return Ok(()) };
    let newest = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    if newest <= current {
        return Ok(());
    }
    let target = backup_path_for(store.path(), current);
    if target.exists() {
        // A copy of this version from an earlier attempt: keep it, and take
        // this one under a fresh name rather than overwrite anything.
        let fresh = fresh_name(store.path(), &format!("v{current}.bak"));
        return vacuum_into(store, &fresh).await;
    }
    vacuum_into(store, &target).await
}
